"""Members: CRUD, what each role sees, search and filters, own profile, linking accounts."""

from __future__ import annotations

import uuid
from datetime import date, timedelta

import httpx
import pytest
from fastapi import FastAPI

from tests.conftest import Account, UserFactory, audit_events, link_member

URL = "/api/v1/members"
AYSE = {
    "title": "Dr.",
    "given_name": "Ayşe",
    "family_name": "Yilmaz",
    "email": "Ayse.Yilmaz@Example.org",
    "phone": "05371 98765",
    "engagement": "professional",
    "function": "Migrationsberatung",
    "languages": ["tr", "de", "de"],
    "status": "active",
    "joined_on": "2019-03-01",
    "internal_notes": "Bevorzugt Termine am Vormittag.",
}
PUBLIC_FIELDS = {
    "id",
    "title",
    "given_name",
    "family_name",
    "organisation_id",
    "engagement",
    "function",
    "languages",
    "status",
}
OWN_FIELDS = PUBLIC_FIELDS | {"email", "phone", "joined_on", "left_on", "created_at", "updated_at", "version"}
FULL_FIELDS = OWN_FIELDS | {"internal_notes"}


async def _member(client: httpx.AsyncClient, account: Account, **fields: object) -> dict[str, object]:
    response = await client.post(URL, json=AYSE | fields, headers=account.headers)
    assert response.status_code == 201, response.text
    body: dict[str, object] = response.json()
    return body


async def consent(
    client: httpx.AsyncClient, account: Account, member_id: object, purpose: str, action: str = "given"
) -> None:
    response = await client.post(
        f"{URL}/{member_id}/consents",
        json={"purpose": purpose, "action": action, "text_version": "2026-01", "channel": "paper"},
        headers=account.headers,
    )
    assert response.status_code == 201, response.text


async def _organisation(client: httpx.AsyncClient, account: Account, name: str) -> str:
    response = await client.post(
        "/api/v1/organisations", json={"name": name, "kind": "other"}, headers=account.headers
    )
    assert response.status_code == 201, response.text
    return str(response.json()["id"])


async def test_coordinator_creates_member_and_sees_everything(
    client: httpx.AsyncClient, make_user: UserFactory, app: FastAPI
) -> None:
    coordinator = await make_user("coordinator")
    created = await client.post(URL, json=AYSE, headers=coordinator.headers)
    assert created.status_code == 201
    body = created.json()
    assert set(body) == FULL_FIELDS
    assert body["email"] == "ayse.yilmaz@example.org"
    assert body["languages"] == ["de", "tr"]
    assert body["internal_notes"] == "Bevorzugt Termine am Vormittag."
    assert (body["joined_on"], body["left_on"], body["organisation_id"]) == ("2019-03-01", None, None)
    assert created.headers["Location"] == f"{URL}/{body['id']}"
    fetched = await client.get(created.headers["Location"], headers=coordinator.headers)
    assert fetched.json() == body
    assert fetched.headers["ETag"] == '"1"'
    [event] = await audit_events(app, "member.create")
    assert (event.actor_id, event.object_id) == (coordinator.user.id, body["id"])
    assert event.details == {"fields": sorted(AYSE)}
    assert "Vormittag" not in str(event.details)


@pytest.mark.parametrize("role", ["spokesperson", "member", "steering"])
async def test_other_roles_see_only_the_public_fields_and_cannot_write(
    role: str, client: httpx.AsyncClient, admin: Account, make_user: UserFactory, app: FastAPI
) -> None:
    member = await _member(client, admin)
    await consent(client, admin, member["id"], "directory_listing")
    # A consent moves the member's updated_at (what others may see changed), not its version.
    consented = (await client.get(f"{URL}/{member['id']}", headers=admin.headers)).json()
    assert consented["version"] == member["version"]
    assert consented["updated_at"] > member["updated_at"]
    member = consented
    caller = await make_user(role)
    listed = await client.get(URL, headers=caller.headers)
    assert listed.status_code == 200
    [item] = listed.json()["items"]
    assert item == {key: member[key] for key in PUBLIC_FIELDS} | {"email": None, "phone": None}
    one = await client.get(f"{URL}/{member['id']}", headers=caller.headers)
    assert one.status_code == 200
    assert one.json() == {key: member[key] for key in PUBLIC_FIELDS} | {"email": None, "phone": None}
    assert "ayse" not in one.text.lower().replace("ayşe", "")

    for method, url, payload in (
        ("POST", URL, AYSE),
        ("PATCH", f"{URL}/{member['id']}", {"family_name": "X"}),
        ("DELETE", f"{URL}/{member['id']}", None),
    ):
        response = await client.request(
            method, url, json=payload, headers=caller.headers | {"If-Match": '"1"'}
        )
        assert response.status_code == 403, (method, url)
    assert len(await audit_events(app, "access.denied")) == 3
    assert (await client.get(URL, headers=admin.headers)).json()["items"] == [member]


async def test_search_matches_names_and_only_coordinators_search_e_mail(
    client: httpx.AsyncClient, admin: Account, make_user: UserFactory
) -> None:
    ayse = await _member(client, admin)
    jonas = await _member(
        client, admin, given_name="Jonas", family_name="Becker", email="jb@verein.example", title=None
    )
    for member in (ayse, jonas):
        await consent(client, admin, member["id"], "directory_listing")
        await consent(client, admin, member["id"], "contact_sharing")
    steering = await make_user("steering")

    def names(response: httpx.Response) -> list[str]:
        assert response.status_code == 200, response.text
        return [item["family_name"] for item in response.json()["items"]]

    assert names(await client.get(URL, params={"q": "jonas becker"}, headers=steering.headers)) == ["Becker"]
    assert names(await client.get(URL, params={"q": "YILMAZ"}, headers=admin.headers)) == ["Yilmaz"]
    assert names(await client.get(URL, params={"q": "verein.example"}, headers=admin.headers)) == ["Becker"]
    assert names(await client.get(URL, params={"q": "verein.example"}, headers=steering.headers)) == []
    assert names(await client.get(URL, params={"sort": "-family_name"}, headers=admin.headers)) == [
        "Yilmaz",
        "Becker",
    ]


async def test_filters_organisation_body_language_engagement_status(
    client: httpx.AsyncClient, admin: Account, bodies: dict[str, uuid.UUID]
) -> None:
    caritas = await _organisation(client, admin, "Caritas")
    a = await _member(client, admin, family_name="Arndt", organisation_id=caritas, languages=["ar", "de"])
    b = await _member(client, admin, family_name="Bode", engagement="volunteer", languages=["uk"])
    c = await _member(client, admin, family_name="Cakir", status="inactive", languages=["de"])
    yesterday = (date.today() - timedelta(days=1)).isoformat()
    bildung = str(bodies["AK Bildung"])
    for member, end_on in ((a, None), (b, yesterday)):
        response = await client.post(
            "/api/v1/memberships",
            json={"member_id": member["id"], "body_id": bildung, "start_on": "2024-01-01", "end_on": end_on},
            headers=admin.headers,
        )
        assert response.status_code == 201, response.text

    async def names(**params: str) -> list[str]:
        response = await client.get(URL, params=params, headers=admin.headers)
        assert response.status_code == 200, response.text
        return [item["family_name"] for item in response.json()["items"]]

    assert await names(organisation_id=caritas) == ["Arndt"]
    assert await names(body_id=bildung) == ["Arndt"]
    assert await names(body_id=str(bodies["AK Teilhabe"])) == []
    assert await names(language="de") == ["Arndt", "Cakir"]
    assert await names(language="uk") == ["Bode"]
    assert await names(engagement="volunteer") == ["Bode"]
    assert await names(status="inactive") == ["Cakir"]
    assert await names(engagement="professional", status="active") == ["Arndt"]
    assert c["status"] == "inactive"
    bad = await client.get(URL, params={"language": "xx"}, headers=admin.headers)
    assert bad.status_code == 422


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"languages": ["deutsch"]}, "languages.0"),
        ({"languages": ["xx"]}, "languages.0"),
        ({"engagement": "paid"}, "engagement"),
        ({"status": "gone"}, "status"),
        ({"given_name": " "}, "given_name"),
        ({"email": "nope"}, "email"),
    ],
)
async def test_invalid_member_fields_answer_422(
    payload: dict[str, object], field: str, client: httpx.AsyncClient, admin: Account
) -> None:
    response = await client.post(URL, json=AYSE | payload, headers=admin.headers)
    assert response.status_code == 422
    assert [error["field"] for error in response.json()["errors"]] == [field]


async def test_unknown_organisation_and_date_order_answer_422(
    client: httpx.AsyncClient, admin: Account
) -> None:
    unknown = await client.post(
        URL, json=AYSE | {"organisation_id": str(uuid.uuid4())}, headers=admin.headers
    )
    assert unknown.status_code == 422
    assert [(e["field"], e["code"]) for e in unknown.json()["errors"]] == [
        ("organisation_id", "unknown_organisation")
    ]
    backwards = await client.post(URL, json=AYSE | {"left_on": "2018-01-01"}, headers=admin.headers)
    assert backwards.status_code == 422
    member = await _member(client, admin)
    patch = await client.patch(
        f"{URL}/{member['id']}", json={"left_on": "2019-02-28"}, headers=admin.headers | {"If-Match": '"1"'}
    )
    assert patch.status_code == 422
    assert [(e["field"], e["code"]) for e in patch.json()["errors"]] == [("left_on", "date_order")]
    assert (await client.get(URL, headers=admin.headers)).json()["total"] == 1


async def test_patch_needs_if_match_and_delete_is_soft(
    client: httpx.AsyncClient, make_user: UserFactory, app: FastAPI, bodies: dict[str, uuid.UUID]
) -> None:
    coordinator = await make_user("coordinator")
    member = await _member(client, coordinator)
    url = f"{URL}/{member['id']}"
    assert (await client.patch(url, json={"status": "left"}, headers=coordinator.headers)).status_code == 428
    changed = await client.patch(
        url,
        json={"status": "left", "left_on": "2026-01-31", "phone": None},
        headers=coordinator.headers | {"If-Match": '"1"'},
    )
    assert changed.status_code == 200
    assert (changed.json()["status"], changed.json()["left_on"], changed.json()["phone"]) == (
        "left",
        "2026-01-31",
        None,
    )
    stale = await client.patch(
        url, json={"status": "active"}, headers=coordinator.headers | {"If-Match": '"1"'}
    )
    assert stale.status_code == 412
    [update] = await audit_events(app, "member.update")
    assert update.details == {"fields": ["left_on", "phone", "status"], "own_profile": False}

    membership = await client.post(
        "/api/v1/memberships",
        json={"member_id": member["id"], "body_id": str(bodies["AK Bildung"]), "start_on": "2024-01-01"},
        headers=coordinator.headers,
    )
    assert membership.status_code == 201
    assert (await client.delete(url, headers=coordinator.headers | {"If-Match": '"1"'})).status_code == 412
    assert (await client.delete(url, headers=coordinator.headers | {"If-Match": '"2"'})).status_code == 204
    assert (await client.get(url, headers=coordinator.headers)).status_code == 404
    assert (await client.get(URL, headers=coordinator.headers)).json()["items"] == []
    ended = (
        await client.get(f"/api/v1/memberships/{membership.json()['id']}", headers=coordinator.headers)
    ).json()
    assert ended["end_on"] == date.today().isoformat()
    [delete] = await audit_events(app, "member.delete")
    assert delete.object_id == member["id"]
    assert [event.details for event in await audit_events(app, "membership.end")] == [
        {"fields": ["end_on"], "reason": "member_deleted"}
    ]


async def test_unknown_member_ids_answer_404(client: httpx.AsyncClient, admin: Account) -> None:
    url = f"{URL}/{uuid.uuid4()}"
    for response in (
        await client.get(url, headers=admin.headers),
        await client.patch(url, json={"status": "left"}, headers=admin.headers | {"If-Match": '"1"'}),
        await client.delete(url, headers=admin.headers | {"If-Match": '"1"'}),
    ):
        assert response.status_code == 404


async def test_own_profile_read_and_limited_edit(
    client: httpx.AsyncClient, admin: Account, make_user: UserFactory, app: FastAPI
) -> None:
    member = await _member(client, admin)
    account = await make_user("member")
    unlinked = await client.get(f"{URL}/me", headers=account.headers)
    assert unlinked.status_code == 404
    assert unlinked.json()["detail"] == "Your account is not linked to a member profile."
    await link_member(app, account, str(member["id"]))

    own = await client.get(f"{URL}/me", headers=account.headers)
    assert own.status_code == 200
    assert own.json() == {key: member[key] for key in OWN_FIELDS}
    assert own.headers["ETag"] == '"1"'

    assert (
        await client.patch(f"{URL}/me", json={"phone": "0123"}, headers=account.headers)
    ).status_code == 428
    changed = await client.patch(
        f"{URL}/me",
        json={
            "title": None,
            "phone": "0151 2345678",
            "function": "Sprachmittlerin",
            "languages": ["fa", "de"],
        },
        headers=account.headers | {"If-Match": '"1"'},
    )
    assert changed.status_code == 200
    body = changed.json()
    assert (body["title"], body["phone"], body["function"], body["languages"]) == (
        None,
        "0151 2345678",
        "Sprachmittlerin",
        ["de", "fa"],
    )
    assert "internal_notes" not in body
    assert changed.headers["ETag"] == '"2"'
    for forbidden in ({"email": "neu@example.org"}, {"internal_notes": "x"}, {"status": "left"}):
        response = await client.patch(
            f"{URL}/me", json=forbidden, headers=account.headers | {"If-Match": '"2"'}
        )
        assert response.status_code == 422, forbidden
    stale = await client.patch(
        f"{URL}/me", json={"phone": "0123"}, headers=account.headers | {"If-Match": '"1"'}
    )
    assert stale.status_code == 412
    full = (await client.get(f"{URL}/{member['id']}", headers=admin.headers)).json()
    assert (full["email"], full["status"], full["internal_notes"]) == (
        "ayse.yilmaz@example.org",
        "active",
        "Bevorzugt Termine am Vormittag.",
    )
    [event] = await audit_events(app, "member.update")
    assert (event.actor_id, event.object_id) == (account.user.id, member["id"])
    assert event.details == {"fields": ["function", "languages", "phone", "title"], "own_profile": True}


async def test_admin_links_account_to_member(
    client: httpx.AsyncClient, admin: Account, make_user: UserFactory
) -> None:
    member = await _member(client, admin)
    first = await make_user("member", login=False)
    second = await make_user("member", login=False)
    url = f"/api/v1/users/{first.user.id}"
    linked = await client.patch(
        url, json={"member_id": member["id"]}, headers=admin.headers | {"If-Match": '"1"'}
    )
    assert linked.status_code == 200
    assert linked.json()["member_id"] == member["id"]
    taken = await client.patch(
        f"/api/v1/users/{second.user.id}",
        json={"member_id": member["id"]},
        headers=admin.headers | {"If-Match": '"1"'},
    )
    assert taken.status_code == 409
    assert [(e["field"], e["code"]) for e in taken.json()["errors"]] == [("member_id", "member_taken")]
    unknown = await client.patch(
        f"/api/v1/users/{second.user.id}",
        json={"member_id": str(uuid.uuid4())},
        headers=admin.headers | {"If-Match": '"1"'},
    )
    assert unknown.status_code == 422
    assert [(e["field"], e["code"]) for e in unknown.json()["errors"]] == [("member_id", "unknown_member")]
    unlinked = await client.patch(url, json={"member_id": None}, headers=admin.headers | {"If-Match": '"2"'})
    assert unlinked.status_code == 200
    assert unlinked.json()["member_id"] is None
    relinked = await client.patch(
        f"/api/v1/users/{second.user.id}",
        json={"member_id": member["id"]},
        headers=admin.headers | {"If-Match": '"1"'},
    )
    assert relinked.status_code == 200
    assert (await client.get(f"/api/v1/users/{second.user.id}", headers=admin.headers)).json()[
        "member_id"
    ] == member["id"]


@pytest.mark.parametrize("role", ["spokesperson", "member", "steering"])
async def test_withdrawn_directory_consent_hides_the_member_at_once(
    role: str,
    client: httpx.AsyncClient,
    admin: Account,
    make_user: UserFactory,
    bodies: dict[str, uuid.UUID],
    app: FastAPI,
) -> None:
    member = await _member(client, admin)
    bildung = str(bodies["AK Bildung"])
    lead = await client.post(
        "/api/v1/memberships",
        json={
            "member_id": member["id"],
            "body_id": bildung,
            "role": "spokesperson",
            "start_on": "2024-01-01",
        },
        headers=admin.headers,
    )
    assert lead.status_code == 201, lead.text
    own_account = await make_user("member")
    await link_member(app, own_account, str(member["id"]))
    caller = await make_user(role)

    async def views(account: Account) -> tuple[list[object], int, list[object], list[object], list[object]]:
        listed = await client.get(URL, headers=account.headers)
        one = await client.get(f"{URL}/{member['id']}", headers=account.headers)
        filtered = await client.get(URL, params={"body_id": bildung}, headers=account.headers)
        body = await client.get(f"/api/v1/bodies/{bildung}", headers=account.headers)
        groups = await client.get("/api/v1/working-groups", headers=account.headers)
        [group] = [item for item in groups.json()["items"] if item["id"] == bildung]
        return (
            [item["id"] for item in listed.json()["items"]],
            one.status_code,
            [item["id"] for item in filtered.json()["items"]],
            [lead["member_id"] for lead in body.json()["spokespersons"]],
            [lead["member_id"] for lead in group["spokespersons"]],
        )

    visible = ([member["id"]], 200, [member["id"]], [member["id"]], [member["id"]])
    hidden: tuple[list[object], int, list[object], list[object], list[object]] = ([], 404, [], [], [])
    assert await views(caller) == hidden  # never asked: not listed
    assert await views(admin) == visible

    await consent(client, admin, member["id"], "directory_listing")
    assert await views(caller) == visible

    withdrawn = await client.post(
        f"{URL}/me/consents",
        json={"purpose": "directory_listing", "action": "withdrawn", "text_version": "2026-01"},
        headers=own_account.headers,
    )
    assert withdrawn.status_code == 201, withdrawn.text
    assert await views(caller) == hidden
    assert await views(admin) == visible
    coordinator = await make_user("coordinator")
    assert await views(coordinator) == visible
    own = await client.get(f"{URL}/me", headers=own_account.headers)
    assert own.status_code == 200  # one's own profile stays readable


async def test_contact_data_only_with_contact_sharing_consent(
    client: httpx.AsyncClient, admin: Account, make_user: UserFactory
) -> None:
    ayse = await _member(client, admin)
    jonas = await _member(client, admin, given_name="Jonas", family_name="Becker", email="jb@verein.example")
    for member in (ayse, jonas):
        await consent(client, admin, member["id"], "directory_listing")
    await consent(client, admin, ayse["id"], "contact_sharing")
    steering = await make_user("steering")

    async def contacts() -> dict[object, tuple[object, object]]:
        listed = (await client.get(URL, headers=steering.headers)).json()["items"]
        result = {item["family_name"]: (item["email"], item["phone"]) for item in listed}
        for item in listed:
            one = (await client.get(f"{URL}/{item['id']}", headers=steering.headers)).json()
            assert (one["email"], one["phone"]) == result[item["family_name"]]
        return result

    assert await contacts() == {
        "Becker": (None, None),
        "Yilmaz": ("ayse.yilmaz@example.org", "05371 98765"),
    }
    await consent(client, admin, ayse["id"], "contact_sharing", "withdrawn")
    assert await contacts() == {"Becker": (None, None), "Yilmaz": (None, None)}
    admin_view = (await client.get(URL, headers=admin.headers)).json()["items"]
    assert {item["family_name"]: item["email"] for item in admin_view} == {
        "Becker": "jb@verein.example",
        "Yilmaz": "ayse.yilmaz@example.org",
    }
