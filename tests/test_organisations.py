"""Organisations: CRUD, who may read and write, lists, If-Match, tombstones, audit."""

from __future__ import annotations

import asyncio
import uuid

import httpx
import pytest
from fastapi import FastAPI

from tests.conftest import Account, UserFactory, audit_events

CARITAS = {
    "name": "Caritasverband für den Landkreis Gifhorn",
    "short_name": "Caritas",
    "kind": "welfare_association",
    "street": "Steinweg 12",
    "postal_code": "38518",
    "city": "Gifhorn",
    "municipality": "Stadt Gifhorn",
    "website": "https://www.caritas-gifhorn.example",
    "email": "Info@Caritas-Gifhorn.example",
    "phone": "+49 5371 123456",
}
URL = "/api/v1/organisations"


async def _create(client: httpx.AsyncClient, account: Account, **fields: object) -> dict[str, object]:
    response = await client.post(URL, json=CARITAS | fields, headers=account.headers)
    assert response.status_code == 201, response.text
    body: dict[str, object] = response.json()
    return body


async def test_coordinator_creates_and_reads_organisation(
    client: httpx.AsyncClient, make_user: UserFactory, app: FastAPI
) -> None:
    coordinator = await make_user("coordinator")
    created = await client.post(URL, json=CARITAS, headers=coordinator.headers)
    assert created.status_code == 201
    body = created.json()
    assert {key: body[key] for key in CARITAS} == CARITAS | {"email": "info@caritas-gifhorn.example"}
    assert body["version"] == 1
    assert created.headers["ETag"] == '"1"'
    assert created.headers["Location"] == f"{URL}/{body['id']}"

    fetched = await client.get(created.headers["Location"], headers=coordinator.headers)
    assert fetched.status_code == 200
    assert fetched.json() == body
    assert fetched.headers["ETag"] == '"1"'

    [event] = await audit_events(app, "organisation.create")
    assert event.actor_id == coordinator.user.id
    assert event.object_type == "organisation"
    assert event.object_id == body["id"]
    assert event.details == {"fields": sorted(CARITAS)}
    assert "Steinweg" not in str(event.details)


async def test_minimal_organisation_outside_the_county(client: httpx.AsyncClient, admin: Account) -> None:
    created = await client.post(
        URL, json={"name": "IHK Braunschweig", "kind": "company_chamber"}, headers=admin.headers
    )
    assert created.status_code == 201
    body = created.json()
    assert body["municipality"] is None
    assert body["short_name"] is None
    assert body["email"] is None


@pytest.mark.parametrize("role", ["spokesperson", "member", "steering"])
async def test_every_role_reads_but_only_admin_and_coordinator_write(
    role: str, client: httpx.AsyncClient, admin: Account, make_user: UserFactory, app: FastAPI
) -> None:
    organisation = await _create(client, admin)
    caller = await make_user(role)
    listed = await client.get(URL, headers=caller.headers)
    assert listed.status_code == 200
    assert [item["id"] for item in listed.json()["items"]] == [organisation["id"]]
    one = await client.get(f"{URL}/{organisation['id']}", headers=caller.headers)
    assert one.status_code == 200
    assert one.json() == organisation

    writes = [
        ("POST", URL, CARITAS | {"name": "Andere"}),
        ("PATCH", f"{URL}/{organisation['id']}", {"name": "Geändert"}),
        ("DELETE", f"{URL}/{organisation['id']}", None),
    ]
    for method, url, payload in writes:
        response = await client.request(
            method, url, json=payload, headers=caller.headers | {"If-Match": '"1"'}
        )
        assert response.status_code == 403, (method, url)
        assert response.json()["type"] == "urn:netzwerk:problem:forbidden"
    assert len(await audit_events(app, "access.denied")) == 3
    after = (await client.get(URL, headers=admin.headers)).json()
    assert [(item["name"], item["version"]) for item in after["items"]] == [(CARITAS["name"], 1)]


async def test_anonymous_is_refused(client: httpx.AsyncClient, admin: Account) -> None:
    organisation = await _create(client, admin)
    for method, url in (("GET", URL), ("GET", f"{URL}/{organisation['id']}"), ("POST", URL)):
        response = await client.request(method, url, json=CARITAS)
        assert response.status_code == 401, (method, url)


async def test_list_search_filters_sort_and_paging(client: httpx.AsyncClient, admin: Account) -> None:
    await _create(client, admin)
    await _create(
        client,
        admin,
        name="Volkshochschule Gifhorn",
        short_name="VHS",
        kind="education_provider",
        municipality="Stadt Gifhorn",
    )
    await _create(
        client,
        admin,
        name="Arabischer Kulturverein Wittingen",
        short_name=None,
        kind="migrant_organisation",
        city="Wittingen",
        municipality="Stadt Wittingen",
    )

    def names(response: httpx.Response) -> list[str]:
        assert response.status_code == 200, response.text
        return [item["name"] for item in response.json()["items"]]

    everything = await client.get(URL, headers=admin.headers)
    assert names(everything) == [
        "Arabischer Kulturverein Wittingen",
        "Caritasverband für den Landkreis Gifhorn",
        "Volkshochschule Gifhorn",
    ]
    assert everything.json()["total"] == 3
    page = await client.get(URL, params={"limit": 1, "offset": 1, "sort": "-name"}, headers=admin.headers)
    assert names(page) == ["Caritasverband für den Landkreis Gifhorn"]
    assert page.json()["total"] == 3
    assert names(await client.get(URL, params={"q": "vhs"}, headers=admin.headers)) == [
        "Volkshochschule Gifhorn"
    ]
    assert names(await client.get(URL, params={"q": "wittingen"}, headers=admin.headers)) == [
        "Arabischer Kulturverein Wittingen"
    ]
    assert names(await client.get(URL, params={"kind": "welfare_association"}, headers=admin.headers)) == [
        "Caritasverband für den Landkreis Gifhorn"
    ]
    assert names(await client.get(URL, params={"municipality": "Stadt Gifhorn"}, headers=admin.headers)) == [
        "Caritasverband für den Landkreis Gifhorn",
        "Volkshochschule Gifhorn",
    ]
    assert (
        await client.get(URL, params={"municipality": "Braunschweig"}, headers=admin.headers)
    ).status_code == 422
    assert (await client.get(URL, params={"kind": "club"}, headers=admin.headers)).status_code == 422
    assert (await client.get(URL, params={"q": "a\x00"}, headers=admin.headers)).status_code == 422


async def test_patch_needs_if_match_and_may_clear_optional_fields(
    client: httpx.AsyncClient, make_user: UserFactory, app: FastAPI
) -> None:
    coordinator = await make_user("coordinator")
    organisation = await _create(client, coordinator)
    url = f"{URL}/{organisation['id']}"
    missing = await client.patch(url, json={"city": "Meinersen"}, headers=coordinator.headers)
    assert missing.status_code == 428
    changed = await client.patch(
        url,
        json={"phone": None, "municipality": "Samtgemeinde Meinersen", "city": "Meinersen"},
        headers=coordinator.headers | {"If-Match": '"1"'},
    )
    assert changed.status_code == 200
    assert changed.headers["ETag"] == '"2"'
    assert (changed.json()["phone"], changed.json()["municipality"], changed.json()["city"]) == (
        None,
        "Samtgemeinde Meinersen",
        "Meinersen",
    )
    stale = await client.patch(
        url, json={"city": "Gifhorn"}, headers=coordinator.headers | {"If-Match": '"1"'}
    )
    assert stale.status_code == 412
    for payload in (
        {"name": None},
        {"kind": None},
        {"postal_code": "3851"},
        {"website": "ftp://x"},
        {"name": "a\x00b"},
    ):
        response = await client.patch(url, json=payload, headers=coordinator.headers | {"If-Match": '"2"'})
        assert response.status_code == 422, payload
    [update] = await audit_events(app, "organisation.update")
    assert update.details == {"fields": ["city", "municipality", "phone"]}
    assert (await client.get(url, headers=coordinator.headers)).json()["city"] == "Meinersen"


async def test_delete_is_soft_and_shows_as_tombstone(
    client: httpx.AsyncClient, admin: Account, app: FastAPI
) -> None:
    keeper = await _create(client, admin, name="Bleibt")
    leaver = await _create(client, admin, name="Geht")
    since = keeper["updated_at"]
    await asyncio.sleep(0.01)
    url = f"{URL}/{leaver['id']}"
    assert (await client.delete(url, headers=admin.headers)).status_code == 428
    assert (await client.delete(url, headers=admin.headers | {"If-Match": '"7"'})).status_code == 412
    assert (await client.delete(url, headers=admin.headers | {"If-Match": '"1"'})).status_code == 204
    assert (await client.get(url, headers=admin.headers)).status_code == 404
    assert (await client.delete(url, headers=admin.headers | {"If-Match": '"1"'})).status_code == 404
    listed = (await client.get(URL, headers=admin.headers)).json()
    assert [item["name"] for item in listed["items"]] == ["Bleibt"]
    assert listed["tombstones"] == []
    changes = (await client.get(URL, params={"modified_since": since}, headers=admin.headers)).json()
    assert [item["name"] for item in changes["items"]] == ["Bleibt"]
    assert [tombstone["id"] for tombstone in changes["tombstones"]] == [leaver["id"]]
    [event] = await audit_events(app, "organisation.delete")
    assert (event.actor_id, event.object_id) == (admin.user.id, leaver["id"])


async def test_unknown_ids_answer_404(client: httpx.AsyncClient, admin: Account) -> None:
    url = f"{URL}/{uuid.uuid4()}"
    for response in (
        await client.get(url, headers=admin.headers),
        await client.patch(url, json={"name": "x"}, headers=admin.headers | {"If-Match": '"1"'}),
        await client.delete(url, headers=admin.headers | {"If-Match": '"1"'}),
    ):
        assert response.status_code == 404
        assert response.json()["type"] == "urn:netzwerk:problem:not-found"


@pytest.mark.parametrize(
    "payload",
    [
        {"kind": "club"},
        {"municipality": "Braunschweig"},
        {"name": "   "},
        {"name": ""},
        {"email": "kein-mail"},
        {"phone": "call me"},
        {"postal_code": "ABCDE"},
        {"website": "www.ohne-schema.example"},
    ],
)
async def test_invalid_fields_answer_422(
    payload: dict[str, object], client: httpx.AsyncClient, admin: Account
) -> None:
    response = await client.post(URL, json=CARITAS | payload, headers=admin.headers)
    assert response.status_code == 422
    assert [error["field"] for error in response.json()["errors"]] == list(payload)
    assert (await client.get(URL, headers=admin.headers)).json()["total"] == 0
