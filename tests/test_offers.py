"""Offers: CRUD, validation, filters, the public catalogue, offers recorded from an agenda item."""

from __future__ import annotations

import asyncio
import uuid
from datetime import UTC, datetime, timedelta

import httpx
import pytest
from fastapi import FastAPI

from api.models import AgendaItem, Meeting, Member, Membership, Organisation
from api.models.base import today
from tests.conftest import Account, UserFactory, audit_events, link_member

URL = "/api/v1/offers"
PUBLIC = "/api/v1/public/offers"


async def make_organisation(app: FastAPI, name: str = "Kreisvolkshochschule Gifhorn") -> str:
    async with app.state.sessionmaker() as session, session.begin():
        organisation = Organisation(name=name, kind="education_provider", website="https://kvhs.example")
        session.add(organisation)
        await session.flush()
        return str(organisation.id)


async def make_meeting(
    app: FastAPI, body_id: uuid.UUID, *, title: str = "AK Bildung 1/2026", kind: str = "offer_presentation"
) -> tuple[str, str]:
    """A meeting with one agenda item of ``kind``, written directly; returns (meeting id, item id)."""
    starts = datetime(2026, 2, 11, 14, 0, tzinfo=UTC)
    async with app.state.sessionmaker() as session, session.begin():
        meeting = Meeting(body_id=body_id, title=title, starts_at=starts, ends_at=starts + timedelta(hours=2))
        session.add(meeting)
        await session.flush()
        item = AgendaItem(
            meeting_id=meeting.id, position=1, number="1", title="Angebote stellen sich vor", kind=kind
        )
        session.add(item)
        await session.flush()
        return str(meeting.id), str(item.id)


async def seat(app: FastAPI, account: Account, body_id: uuid.UUID, role: str = "member") -> None:
    """Gives ``account`` a member with a current seat in the body."""
    async with app.state.sessionmaker() as session, session.begin():
        member = Member(given_name="Petra", family_name="Sitz", engagement="professional")
        session.add(member)
        await session.flush()
        session.add(
            Membership(member_id=member.id, body_id=body_id, role=role, start_on=today() - timedelta(days=30))
        )
        member_id = member.id
    await link_member(app, account, member_id)


def offer_payload(organisation_id: str, **fields: object) -> dict[str, object]:
    return {
        "organisation_id": organisation_id,
        "title": "Sprachcafé am Donnerstag",
        "description": "Offener Treff zum Deutschüben.",
        "target_groups": ["Erwachsene", "Frauen"],
        "languages": ["uk", "de", "ar"],
        "municipalities": ["Stadt Gifhorn"],
        "costs": "kostenlos",
        "contact": "Frau Beispiel, 05371 0000-10",
        "valid_from": "2026-01-01",
        "valid_until": None,
        "published": True,
    } | fields


async def _create(
    client: httpx.AsyncClient, account: Account, organisation_id: str, **fields: object
) -> dict:  # type: ignore[type-arg]
    response = await client.post(URL, json=offer_payload(organisation_id, **fields), headers=account.headers)
    assert response.status_code == 201, response.text
    body: dict = response.json()  # type: ignore[type-arg]
    return body


async def test_crud_with_etag_audit_and_tombstone(
    client: httpx.AsyncClient, make_user: UserFactory, app: FastAPI
) -> None:
    spokesperson = await make_user("spokesperson")
    organisation_id = await make_organisation(app)
    created = await client.post(URL, json=offer_payload(organisation_id), headers=spokesperson.headers)
    assert created.status_code == 201, created.text
    offer = created.json()
    assert offer["organisation_name"] == "Kreisvolkshochschule Gifhorn"
    assert offer["languages"] == ["ar", "de", "uk"]
    assert offer["presented_at"] is None
    assert created.headers["ETag"] == '"1"'
    url = created.headers["Location"]
    assert url == f"{URL}/{offer['id']}"
    assert (await client.get(url, headers=spokesperson.headers)).json() == offer

    assert (await client.patch(url, json={"costs": None}, headers=spokesperson.headers)).status_code == 428
    changed = await client.patch(
        url, json={"costs": None, "title": "Sprachcafé"}, headers=spokesperson.headers | {"If-Match": '"1"'}
    )
    assert changed.status_code == 200, changed.text
    assert (changed.json()["costs"], changed.json()["title"], changed.headers["ETag"]) == (
        None,
        "Sprachcafé",
        '"2"',
    )
    stale = await client.patch(url, json={"title": "X"}, headers=spokesperson.headers | {"If-Match": '"1"'})
    assert stale.status_code == 412

    since = changed.json()["updated_at"]
    await asyncio.sleep(0.01)
    assert (await client.delete(url, headers=spokesperson.headers | {"If-Match": '"2"'})).status_code == 204
    assert (await client.get(url, headers=spokesperson.headers)).status_code == 404
    assert (await client.get(URL, headers=spokesperson.headers)).json()["items"] == []
    changes = (await client.get(URL, params={"modified_since": since}, headers=spokesperson.headers)).json()
    assert [tombstone["id"] for tombstone in changes["tombstones"]] == [offer["id"]]
    assert [event.action for event in await audit_events(app, "offer.update")] == ["offer.update"]
    [update] = await audit_events(app, "offer.update")
    assert update.details == {"fields": ["costs", "title"]}
    assert len(await audit_events(app, "offer.delete")) == 1


@pytest.mark.parametrize("role", ["member", "steering"])
async def test_members_and_steering_read_everything_but_do_not_write(
    role: str, client: httpx.AsyncClient, admin: Account, make_user: UserFactory, app: FastAPI
) -> None:
    organisation_id = await make_organisation(app)
    internal = await _create(client, admin, organisation_id, published=False, title="Intern")
    reader = await make_user(role)
    listed = (await client.get(URL, headers=reader.headers)).json()
    assert [item["id"] for item in listed["items"]] == [internal["id"]]
    assert (await client.get(f"{URL}/{internal['id']}", headers=reader.headers)).status_code == 200
    for method, url, payload in (
        ("POST", URL, offer_payload(organisation_id)),
        ("PATCH", f"{URL}/{internal['id']}", {"title": "Neu"}),
        ("DELETE", f"{URL}/{internal['id']}", None),
    ):
        response = await client.request(
            method, url, json=payload, headers=reader.headers | {"If-Match": '"1"'}
        )
        assert response.status_code == 403, (method, url)
    assert (await client.get(URL)).status_code == 401


@pytest.mark.parametrize(
    ("fields", "field", "code"),
    [
        ({"valid_from": "2026-06-01", "valid_until": "2026-05-31"}, "valid_until", "date_order"),
        ({"organisation_id": str(uuid.uuid4())}, "organisation_id", "unknown_organisation"),
        (
            {"presented_at_agenda_item_id": str(uuid.uuid4())},
            "presented_at_agenda_item_id",
            "unknown_agenda_item",
        ),
        ({"municipalities": ["Braunschweig"]}, "municipalities.0", "literal_error"),
        ({"languages": ["xx"]}, "languages.0", "value_error"),
        ({"title": "   "}, "title", "value_error"),
        ({"target_groups": ["a\x00b"]}, "target_groups.0", "string_pattern_mismatch"),
    ],
)
async def test_invalid_offers_answer_422_at_the_field(
    fields: dict[str, object], field: str, code: str, client: httpx.AsyncClient, admin: Account, app: FastAPI
) -> None:
    organisation_id = await make_organisation(app)
    response = await client.post(URL, json=offer_payload(organisation_id) | fields, headers=admin.headers)
    assert response.status_code == 422, response.text
    [error] = response.json()["errors"]
    assert (error["field"], error["code"]) == (field, code)
    assert (await client.get(URL, headers=admin.headers)).json()["total"] == 0


async def test_patch_checks_the_period_against_the_stored_dates(
    client: httpx.AsyncClient, admin: Account, app: FastAPI
) -> None:
    offer = await _create(client, admin, await make_organisation(app), valid_from="2026-03-01")
    url = f"{URL}/{offer['id']}"
    response = await client.patch(
        url, json={"valid_until": "2026-02-28"}, headers=admin.headers | {"If-Match": '"1"'}
    )
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "valid_until"
    assert (await client.get(url, headers=admin.headers)).json()["valid_until"] is None


async def test_deleted_organisation_is_unknown(
    client: httpx.AsyncClient, admin: Account, app: FastAPI
) -> None:
    organisation_id = await make_organisation(app)
    etag = (await client.get(f"/api/v1/organisations/{organisation_id}", headers=admin.headers)).headers[
        "ETag"
    ]
    deleted = await client.delete(
        f"/api/v1/organisations/{organisation_id}", headers=admin.headers | {"If-Match": etag}
    )
    assert deleted.status_code == 204
    response = await client.post(URL, json=offer_payload(organisation_id), headers=admin.headers)
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "organisation_id"


async def test_list_filters_and_search(client: httpx.AsyncClient, admin: Account, app: FastAPI) -> None:
    kvhs = await make_organisation(app)
    caritas = await make_organisation(app, "Caritas Gifhorn")
    await _create(client, admin, kvhs)
    await _create(
        client,
        admin,
        caritas,
        title="Migrationsberatung",
        description="Beratung zu Aufenthalt und Arbeit",
        target_groups=["Geflüchtete"],
        languages=["fa", "de"],
        municipalities=["Samtgemeinde Hankensbüttel", "Stadt Wittingen"],
        published=False,
    )

    async def titles(**params: object) -> list[str]:
        response = await client.get(URL, params=params, headers=admin.headers)
        assert response.status_code == 200, response.text
        return [item["title"] for item in response.json()["items"]]

    assert await titles() == ["Migrationsberatung", "Sprachcafé am Donnerstag"]
    assert await titles(q="CARITAS") == ["Migrationsberatung"]
    assert await titles(q="deutschüben") == ["Sprachcafé am Donnerstag"]
    assert await titles(organisation_id=kvhs) == ["Sprachcafé am Donnerstag"]
    assert await titles(municipality="Samtgemeinde Hankensbüttel") == ["Migrationsberatung"]
    assert await titles(municipality="Stadt Gifhorn") == ["Sprachcafé am Donnerstag"]
    assert await titles(language="fa") == ["Migrationsberatung"]
    assert await titles(language="de") == ["Migrationsberatung", "Sprachcafé am Donnerstag"]
    assert await titles(target_group="Frauen") == ["Sprachcafé am Donnerstag"]
    assert await titles(target_group="Fraue") == []
    assert await titles(published="false") == ["Migrationsberatung"]
    assert await titles(limit=1, offset=1) == ["Sprachcafé am Donnerstag"]
    assert (
        await client.get(URL, params={"municipality": "Wolfsburg"}, headers=admin.headers)
    ).status_code == 422


async def test_offer_recorded_from_an_agenda_item_shows_the_meeting(
    client: httpx.AsyncClient,
    admin: Account,
    make_user: UserFactory,
    bodies: dict[str, uuid.UUID],
    app: FastAPI,
) -> None:
    meeting_id, item_id = await make_meeting(app, bodies["AK Bildung"])
    other_meeting, _ = await make_meeting(app, bodies["AK Teilhabe"], title="AK Teilhabe 1/2026")
    organisation_id = await make_organisation(app)
    offer = await _create(client, admin, organisation_id, presented_at_agenda_item_id=item_id)
    await _create(client, admin, organisation_id, title="Ohne Sitzung")
    assert offer["presented_at"] == {
        "meeting_id": meeting_id,
        "meeting_title": "AK Bildung 1/2026",
        "meeting_starts_at": "2026-02-11T14:00:00Z",
        "agenda_item_id": item_id,
        "agenda_item_number": "1",
        "agenda_item_title": "Angebote stellen sich vor",
    }
    for params in ({"meeting_id": meeting_id}, {"agenda_item_id": item_id}):
        listed = (await client.get(URL, params=params, headers=admin.headers)).json()
        assert [item["id"] for item in listed["items"]] == [offer["id"]]
    assert (await client.get(URL, params={"meeting_id": other_meeting}, headers=admin.headers)).json()[
        "items"
    ] == []

    # A member of another group reads the offer but not the meeting it was presented in.
    outsider = await make_user("member")
    await seat(app, outsider, bodies["AK Teilhabe"])
    seen = (await client.get(f"{URL}/{offer['id']}", headers=outsider.headers)).json()
    assert seen["presented_at"] is None
    assert (await client.get(URL, params={"meeting_id": meeting_id}, headers=outsider.headers)).json()[
        "items"
    ] == []
    # A spokesperson may only link agenda items of meetings they can read.
    spokesperson = await make_user("spokesperson")
    await seat(app, spokesperson, bodies["AK Teilhabe"], role="spokesperson")
    refused = await client.post(
        URL,
        json=offer_payload(organisation_id, presented_at_agenda_item_id=item_id),
        headers=spokesperson.headers,
    )
    assert refused.status_code == 422
    insider = await make_user("member")
    await seat(app, insider, bodies["AK Bildung"])
    assert (await client.get(f"{URL}/{offer['id']}", headers=insider.headers)).json()["presented_at"][
        "meeting_id"
    ] == meeting_id


async def test_public_catalogue_shows_only_published_current_offers(
    client: httpx.AsyncClient, admin: Account, app: FastAPI
) -> None:
    organisation_id = await make_organisation(app)
    yesterday = (today() - timedelta(days=1)).isoformat()
    current = await _create(client, admin, organisation_id, valid_until=today().isoformat())
    upcoming = await _create(
        client,
        admin,
        organisation_id,
        title="Zukunft",
        valid_from=(today() + timedelta(days=10)).isoformat(),
    )
    internal = await _create(client, admin, organisation_id, title="Intern", published=False)
    expired = await _create(
        client, admin, organisation_id, title="Abgelaufen", valid_from="2025-01-01", valid_until=yesterday
    )
    deleted = await _create(client, admin, organisation_id, title="Gelöscht")
    await client.delete(f"{URL}/{deleted['id']}", headers=admin.headers | {"If-Match": '"1"'})

    listed = await client.get(PUBLIC)
    assert listed.status_code == 200
    body = listed.json()
    assert [item["id"] for item in body["items"]] == [current["id"], upcoming["id"]]
    assert body["total"] == 2
    assert set(body["items"][0]) == {
        "id",
        "organisation_name",
        "organisation_website",
        "title",
        "description",
        "target_groups",
        "languages",
        "municipalities",
        "costs",
        "contact",
        "valid_from",
        "valid_until",
    }
    assert body["items"][0]["organisation_website"] == "https://kvhs.example"
    one = await client.get(f"{PUBLIC}/{current['id']}")
    assert one.status_code == 200
    assert one.json()["title"] == "Sprachcafé am Donnerstag"
    for hidden in (internal, expired, deleted):
        response = await client.get(f"{PUBLIC}/{hidden['id']}")
        assert response.status_code == 404
        assert response.json()["type"] == "urn:netzwerk:problem:not-found"
    assert (await client.get(f"{PUBLIC}/{uuid.uuid4()}")).status_code == 404

    async def public_titles(**params: object) -> list[str]:
        response = await client.get(PUBLIC, params=params)
        assert response.status_code == 200, response.text
        return [item["title"] for item in response.json()["items"]]

    assert await public_titles(q="zukunft") == ["Zukunft"]
    assert await public_titles(q="intern") == []
    assert await public_titles(language="uk", limit=1) == ["Sprachcafé am Donnerstag"]
    assert await public_titles(municipality="Stadt Wittingen") == []
    assert await public_titles(target_group="Frauen", organisation_id=organisation_id, offset=1) == [
        "Zukunft"
    ]
