"""Needs: recorded from an agenda item, status transitions, notes, filters, who may change them."""

from __future__ import annotations

import uuid

import httpx
import pytest
from fastapi import FastAPI

from tests.conftest import Account, UserFactory, audit_events
from tests.test_offers import make_meeting, seat

URL = "/api/v1/needs"


async def _create(
    client: httpx.AsyncClient, account: Account, body_id: uuid.UUID | str, **fields: object
) -> dict:  # type: ignore[type-arg]
    payload = {"body_id": str(body_id), "title": "Kitaplätze für Kinder in Sprachkursen"} | fields
    response = await client.post(URL, json=payload, headers=account.headers)
    assert response.status_code == 201, response.text
    body: dict = response.json()  # type: ignore[type-arg]
    return body


async def _status(
    client: httpx.AsyncClient,
    account: Account,
    need: dict,
    status: str,
    note: str = "",
    etag: str | None = None,  # type: ignore[type-arg]
) -> httpx.Response:
    current = etag or (await client.get(f"{URL}/{need['id']}", headers=account.headers)).headers["ETag"]
    return await client.post(
        f"{URL}/{need['id']}/status",
        json={"status": status, "note": note},
        headers=account.headers | {"If-Match": current},
    )


async def test_need_recorded_from_an_agenda_item(
    client: httpx.AsyncClient, make_user: UserFactory, bodies: dict[str, uuid.UUID], app: FastAPI
) -> None:
    meeting_id, item_id = await make_meeting(app, bodies["AK Bildung"], kind="needs")
    spokesperson = await make_user("spokesperson")
    await seat(app, spokesperson, bodies["AK Bildung"], role="spokesperson")
    created = await client.post(
        URL,
        json={
            "body_id": str(bodies["AK Bildung"]),
            "title": "Kitaplätze für Kinder in Sprachkursen",
            "description": "Mütter können Kurse nicht besuchen.",
            "raised_at_agenda_item_id": item_id,
        },
        headers=spokesperson.headers,
    )
    assert created.status_code == 201, created.text
    need = created.json()
    assert (need["status"], need["body_short_name"], need["version"]) == ("open", "AK Bildung", 1)
    assert need["raised_at"]["meeting_id"] == meeting_id
    assert need["raised_at"]["meeting_title"] == "AK Bildung 1/2026"
    assert created.headers["Location"] == f"{URL}/{need['id']}"
    listed = (await client.get(URL, params={"meeting_id": meeting_id}, headers=spokesperson.headers)).json()
    assert [item["id"] for item in listed["items"]] == [need["id"]]
    by_item = (await client.get(URL, params={"agenda_item_id": item_id}, headers=spokesperson.headers)).json()
    assert by_item["total"] == 1
    [event] = await audit_events(app, "need.create")
    assert event.details == {"fields": ["body_id", "description", "raised_at_agenda_item_id", "title"]}


async def test_agenda_item_must_belong_to_a_meeting_of_the_same_body(
    client: httpx.AsyncClient, admin: Account, bodies: dict[str, uuid.UUID], app: FastAPI
) -> None:
    _, other_item = await make_meeting(app, bodies["AK Teilhabe"], kind="needs")
    for payload in (
        {"raised_at_agenda_item_id": other_item},
        {"raised_at_agenda_item_id": str(uuid.uuid4())},
    ):
        response = await client.post(
            URL,
            json={"body_id": str(bodies["AK Bildung"]), "title": "Bedarf"} | payload,
            headers=admin.headers,
        )
        assert response.status_code == 422
        [error] = response.json()["errors"]
        assert (error["field"], error["code"]) == ("raised_at_agenda_item_id", "unknown_agenda_item")
    unknown_body = await client.post(
        URL, json={"body_id": str(uuid.uuid4()), "title": "Bedarf"}, headers=admin.headers
    )
    assert unknown_body.status_code == 422
    assert unknown_body.json()["errors"][0]["field"] == "body_id"
    # Moving a need to another body keeps the link only if it fits the new body.
    need = await _create(client, admin, bodies["AK Teilhabe"], raised_at_agenda_item_id=other_item)
    moved = await client.patch(
        f"{URL}/{need['id']}",
        json={"body_id": str(bodies["AK Bildung"])},
        headers=admin.headers | {"If-Match": '"1"'},
    )
    assert moved.status_code == 422
    assert (await client.get(URL, headers=admin.headers)).json()["items"][0][
        "body_short_name"
    ] == "AK Teilhabe"


async def test_allowed_and_forbidden_transitions(
    client: httpx.AsyncClient, make_user: UserFactory, bodies: dict[str, uuid.UUID], app: FastAPI
) -> None:
    coordinator = await make_user("coordinator")
    need = await _create(client, coordinator, bodies["AK Bildung"])
    for target in ("resolved", "open"):
        refused = await _status(client, coordinator, need, target, note="erledigt")
        assert refused.status_code == 409, target
        assert refused.json()["type"] == "urn:netzwerk:problem:conflict"
    addressed = await _status(client, coordinator, need, "addressed", note="Maßnahme M-2026-001")
    assert addressed.status_code == 200, addressed.text
    assert (addressed.json()["status"], addressed.json()["status_note"]) == (
        "addressed",
        "Maßnahme M-2026-001",
    )
    assert addressed.headers["ETag"] == '"2"'
    escalated = await _status(client, coordinator, need, "escalated")
    assert escalated.json()["status"] == "escalated"
    assert (await _status(client, coordinator, need, "addressed")).status_code == 409

    no_note = await _status(client, coordinator, need, "resolved", note="   ")
    assert no_note.status_code == 422
    [error] = no_note.json()["errors"]
    assert (error["field"], error["code"]) == ("note", "note_required")
    assert (await client.get(f"{URL}/{need['id']}", headers=coordinator.headers)).json()[
        "status"
    ] == "escalated"

    resolved = await _status(
        client, coordinator, need, "resolved", note="Steuerungsgruppe hat Mittel bewilligt."
    )
    assert resolved.json()["status"] == "resolved"
    assert (await _status(client, coordinator, need, "dismissed", note="x")).status_code == 409
    reopened = await _status(client, coordinator, need, "open")
    assert (reopened.json()["status"], reopened.json()["status_note"]) == ("open", "")
    dismissed = await _status(client, coordinator, need, "dismissed", note="Kein Bedarf mehr.")
    assert dismissed.json()["status"] == "dismissed"

    stale = await _status(client, coordinator, need, "open", etag='"1"')
    assert stale.status_code == 412
    missing = await client.post(
        f"{URL}/{need['id']}/status", json={"status": "open"}, headers=coordinator.headers
    )
    assert missing.status_code == 428
    bad = await _status(client, coordinator, need, "done")
    assert bad.status_code == 422
    events = await audit_events(app, "need.status")
    assert [(event.details["from"], event.details["to"]) for event in events] == [
        ("open", "addressed"),
        ("addressed", "escalated"),
        ("escalated", "resolved"),
        ("resolved", "open"),
        ("open", "dismissed"),
    ]


async def test_open_needs_per_body(
    client: httpx.AsyncClient, admin: Account, make_user: UserFactory, bodies: dict[str, uuid.UUID]
) -> None:
    first = await _create(client, admin, bodies["AK Bildung"], title="Erster")
    second = await _create(client, admin, bodies["AK Bildung"], title="Zweiter")
    third = await _create(client, admin, bodies["AK Bildung"], title="Dritter")
    await _create(client, admin, bodies["AK Teilhabe"], title="Anderer Kreis")
    await _status(client, admin, second, "addressed")
    await _status(client, admin, third, "dismissed", note="doppelt")
    reader = await make_user("member")

    async def titles(**params: object) -> list[str]:
        response = await client.get(URL, params=params, headers=reader.headers)
        assert response.status_code == 200, response.text
        return [item["title"] for item in response.json()["items"]]

    assert await titles(body_id=bodies["AK Bildung"], status="open") == ["Erster"]
    assert await titles(body_id=bodies["AK Bildung"], status="open,addressed") == ["Zweiter", "Erster"]
    assert await titles(body_id=bodies["AK Bildung"], status=["open", "dismissed"]) == ["Dritter", "Erster"]
    assert await titles(q="anderer") == ["Anderer Kreis"]
    assert await titles(limit=1, offset=3) == ["Erster"]
    assert (await client.get(URL, params={"status": "open,done"}, headers=reader.headers)).status_code == 422
    assert first["status"] == "open"


async def test_spokesperson_changes_only_the_needs_of_the_bodies_they_lead(
    client: httpx.AsyncClient,
    admin: Account,
    make_user: UserFactory,
    bodies: dict[str, uuid.UUID],
    app: FastAPI,
) -> None:
    spokesperson = await make_user("spokesperson")
    await seat(app, spokesperson, bodies["AK Bildung"], role="spokesperson")
    own = await _create(client, spokesperson, bodies["AK Bildung"])
    foreign = await _create(client, admin, bodies["AK Teilhabe"])

    refused = await client.post(
        URL, json={"body_id": str(bodies["AK Teilhabe"]), "title": "X"}, headers=spokesperson.headers
    )
    assert refused.status_code == 403
    headers = spokesperson.headers | {"If-Match": '"1"'}
    assert (
        await client.patch(f"{URL}/{foreign['id']}", json={"title": "X"}, headers=headers)
    ).status_code == 403
    assert (await _status(client, spokesperson, foreign, "addressed")).status_code == 403
    assert (await client.delete(f"{URL}/{foreign['id']}", headers=headers)).status_code == 403
    moved = await client.patch(
        f"{URL}/{own['id']}", json={"body_id": str(bodies["AK Teilhabe"])}, headers=headers
    )
    assert moved.status_code == 403
    kept = (await client.get(f"{URL}/{own['id']}", headers=spokesperson.headers)).json()
    assert (kept["body_short_name"], kept["version"]) == ("AK Bildung", 1)
    # Their own group's needs they edit and move on; reopening is for coordinators.
    changed = await client.patch(f"{URL}/{own['id']}", json={"title": "Neu"}, headers=headers)
    assert changed.status_code == 200
    assert (await _status(client, spokesperson, own, "dismissed", note="erledigt")).status_code == 200
    assert (await _status(client, spokesperson, own, "open")).status_code == 403
    assert (await client.get(f"{URL}/{foreign['id']}", headers=spokesperson.headers)).json()["title"] != "X"
    deleted = await client.delete(f"{URL}/{own['id']}", headers=spokesperson.headers | {"If-Match": '"3"'})
    assert deleted.status_code == 204
    assert (await client.get(f"{URL}/{own['id']}", headers=spokesperson.headers)).status_code == 404


@pytest.mark.parametrize("role", ["member", "steering"])
async def test_members_and_steering_only_read(
    role: str, client: httpx.AsyncClient, admin: Account, make_user: UserFactory, bodies: dict[str, uuid.UUID]
) -> None:
    need = await _create(client, admin, bodies["Steuerungsgruppe"])
    reader = await make_user(role)
    assert (await client.get(f"{URL}/{need['id']}", headers=reader.headers)).status_code == 200
    assert (
        await client.post(
            URL, json={"body_id": str(bodies["AK Bildung"]), "title": "X"}, headers=reader.headers
        )
    ).status_code == 403
    assert (await _status(client, reader, need, "addressed")).status_code == 403
    assert (await client.get(f"{URL}/{uuid.uuid4()}", headers=reader.headers)).status_code == 404
