"""Meetings: create, read, list with filters, change, transitions, planning, access, attendance."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

import httpx
from fastapi import FastAPI
from sqlalchemy import func, select

from api.meetings.templates import AGENDA_TEMPLATES
from api.models import Attendance, Meeting
from tests.conftest import Account, Mailbox, UserFactory, audit_events, link_member

URL = "/api/v1/meetings"


async def new_member(client: httpx.AsyncClient, admin: Account, family: str, **extra: Any) -> str:
    response = await client.post(
        "/api/v1/members",
        json={"given_name": "Alex", "family_name": family, "engagement": "professional"} | extra,
        headers=admin.headers,
    )
    assert response.status_code == 201, response.text
    return str(response.json()["id"])


async def join(
    client: httpx.AsyncClient, admin: Account, member_id: str, body_id: uuid.UUID, role: str = "member"
) -> None:
    response = await client.post(
        "/api/v1/memberships",
        json={"member_id": member_id, "body_id": str(body_id), "role": role, "start_on": "2025-01-01"},
        headers=admin.headers,
    )
    assert response.status_code == 201, response.text


async def person_in(
    app: FastAPI,
    client: httpx.AsyncClient,
    make_user: UserFactory,
    admin: Account,
    body_id: uuid.UUID,
    *,
    user_role: str = "member",
    membership_role: str = "member",
) -> tuple[Account, str]:
    """A logged-in user whose linked member currently holds a seat in the body."""
    account = await make_user(user_role)
    member_id = await new_member(client, admin, f"Person{uuid.uuid4().hex[:6]}")
    await join(client, admin, member_id, body_id, membership_role)
    await link_member(app, account, member_id)
    return account, member_id


async def create_meeting(
    client: httpx.AsyncClient, account: Account, body_id: uuid.UUID, **extra: Any
) -> httpx.Response:
    payload = {
        "body_id": str(body_id),
        "title": "Sitzung",
        "starts_at": "2026-03-11T15:00:00+01:00",
        "ends_at": "2026-03-11T17:00:00+01:00",
    } | extra
    return await client.post(URL, json=payload, headers=account.headers)


async def meeting_of(
    client: httpx.AsyncClient, account: Account, body_id: uuid.UUID, **extra: Any
) -> dict[str, Any]:
    response = await create_meeting(client, account, body_id, **extra)
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    return body


def if_match(version: int | str) -> dict[str, str]:
    return {"If-Match": f'"{version}"'}


async def test_coordinator_creates_reads_and_changes_a_meeting(
    client: httpx.AsyncClient, admin: Account, bodies: dict[str, uuid.UUID], app: FastAPI
) -> None:
    response = await create_meeting(
        client, admin, bodies["AK Bildung"], location_address="Schlossplatz 1, Gifhorn", theme="Sprachkurse"
    )
    assert response.status_code == 201, response.text
    meeting = response.json()
    assert response.headers["Location"] == f"{URL}/{meeting['id']}"
    assert response.headers["ETag"] == '"1"'
    assert meeting["number"] == "AK Bildung 1/2026"
    assert meeting["status"] == "planned"
    assert meeting["starts_at"] == "2026-03-11T14:00:00Z"
    assert meeting["body"]["short_name"] == "AK Bildung"
    assert meeting["body"]["kind"] == "working_group"
    assert meeting["can_edit"] is True
    assert meeting["counts"] == {
        "invited": 0, "accepted": 0, "declined": 0, "pending": 0,
        "present": 0, "excused": 0, "absent": 0, "guests": 0,
    }  # fmt: skip

    agenda = (await client.get(f"{URL}/{meeting['id']}/agenda-items", headers=admin.headers)).json()
    assert [(item["number"], item["title"]) for item in agenda] == [
        (str(position), title) for position, (title, _kind) in enumerate(AGENDA_TEMPLATES["working_group"], 1)
    ]

    second = await meeting_of(
        client,
        admin,
        bodies["AK Bildung"],
        starts_at="2026-06-10T15:00:00+02:00",
        ends_at="2026-06-10T17:00:00+02:00",
    )
    assert second["number"] == "AK Bildung 2/2026"
    no_agenda = await meeting_of(
        client, admin, bodies["AK Bildung"], apply_agenda_template=False, number="Sonder"
    )
    assert (await client.get(f"{URL}/{no_agenda['id']}/agenda-items", headers=admin.headers)).json() == []

    read = await client.get(f"{URL}/{meeting['id']}", headers=admin.headers)
    assert read.status_code == 200
    assert read.headers["ETag"] == '"1"'

    missing = await client.patch(f"{URL}/{meeting['id']}", json={"title": "Neu"}, headers=admin.headers)
    assert missing.status_code == 428
    changed = await client.patch(
        f"{URL}/{meeting['id']}",
        json={"title": "AK Bildung im Frühjahr", "location_room": "Raum 2", "theme": None},
        headers=admin.headers | if_match(1),
    )
    assert changed.status_code == 200, changed.text
    assert changed.json()["title"] == "AK Bildung im Frühjahr"
    assert changed.json()["location_room"] == "Raum 2"
    assert changed.json()["theme"] is None
    assert changed.json()["ical_sequence"] == 1  # a new place is a significant revision (RFC 5545)
    assert changed.headers["ETag"] == '"2"'
    stale = await client.patch(
        f"{URL}/{meeting['id']}", json={"title": "Alt"}, headers=admin.headers | if_match(1)
    )
    assert stale.status_code == 412
    assert (await client.get(f"{URL}/{meeting['id']}", headers=admin.headers)).json()["title"] == (
        "AK Bildung im Frühjahr"
    )

    [created] = [
        event for event in await audit_events(app, "meeting.create") if event.object_id == meeting["id"]
    ]
    assert "title" in created.details["fields"]
    [updated] = await audit_events(app, "meeting.update")
    assert updated.details["fields"] == ["location_room", "theme", "title"]


async def test_bad_input_is_refused_at_the_field(
    client: httpx.AsyncClient, admin: Account, bodies: dict[str, uuid.UUID]
) -> None:
    backwards = await create_meeting(client, admin, bodies["AK Bildung"], ends_at="2026-03-11T14:00:00+01:00")
    assert backwards.status_code == 422
    assert backwards.headers["Content-Type"] == "application/problem+json"
    assert [error["field"] for error in backwards.json()["errors"]] == ["ends_at"]

    for link in ("javascript:alert(1)", "ftp://example.org/x"):
        bad_link = await create_meeting(client, admin, bodies["AK Bildung"], online_url=link)
        assert bad_link.status_code == 422
        assert [error["field"] for error in bad_link.json()["errors"]] == ["online_url"]

    naive = await create_meeting(client, admin, bodies["AK Bildung"], starts_at="2026-03-11T15:00:00")
    assert naive.status_code == 422

    capacity = await create_meeting(client, admin, bodies["AK Bildung"], registration_capacity=50)
    assert capacity.status_code == 422
    assert capacity.json()["errors"][0]["field"] == "registration_capacity"
    plenary = await create_meeting(client, admin, bodies["Netzwerk"], registration_capacity=50)
    assert plenary.status_code == 201, plenary.text
    assert plenary.json()["registration_capacity"] == 50

    unknown_body = await create_meeting(client, admin, uuid.uuid4())
    assert unknown_body.status_code == 422

    meeting = await meeting_of(client, admin, bodies["AK Bildung"])
    turned = await client.patch(
        f"{URL}/{meeting['id']}",
        json={"ends_at": "2026-03-11T12:00:00+01:00"},
        headers=admin.headers | if_match(1),
    )
    assert turned.status_code == 422
    assert turned.json()["errors"][0]["field"] == "ends_at"
    assert (await client.get(URL, headers=admin.headers)).json()["total"] == 2


async def test_list_filters_by_body_status_days_and_text(
    client: httpx.AsyncClient, admin: Account, bodies: dict[str, uuid.UUID]
) -> None:
    # 23:30 UTC on 10 March is 00:30 on 11 March in Gifhorn.
    late = await meeting_of(
        client,
        admin,
        bodies["AK Bildung"],
        title="Nachtsitzung",
        starts_at="2026-03-10T23:30:00+00:00",
        ends_at="2026-03-11T01:00:00+00:00",
    )
    other = await meeting_of(
        client,
        admin,
        bodies["AK Teilhabe"],
        theme="Formulare verstehen",
        starts_at="2026-04-01T10:00:00+02:00",
        ends_at="2026-04-01T12:00:00+02:00",
    )
    held = await client.post(f"{URL}/{other['id']}/held", headers=admin.headers | if_match(1))
    assert held.status_code == 200

    async def ids(**params: str) -> list[str]:
        response = await client.get(URL, params=params, headers=admin.headers)
        assert response.status_code == 200, response.text
        return [item["id"] for item in response.json()["items"]]

    assert await ids() == [late["id"], other["id"]]
    assert await ids(sort="-starts_at") == [other["id"], late["id"]]
    assert await ids(body_id=str(bodies["AK Teilhabe"])) == [other["id"]]
    assert await ids(status="held") == [other["id"]]
    assert await ids(**{"from": "2026-03-11"}) == [late["id"], other["id"]]
    assert await ids(to="2026-03-10") == []
    assert await ids(**{"from": "2026-03-11", "to": "2026-03-11"}) == [late["id"]]
    assert await ids(q="formulare") == [other["id"]]
    assert await ids(q="nacht") == [late["id"]]
    bad = await client.get(URL, params={"status": "finished"}, headers=admin.headers)
    assert bad.status_code == 422


async def test_transitions_are_enforced(
    client: httpx.AsyncClient, admin: Account, bodies: dict[str, uuid.UUID]
) -> None:
    meeting = await meeting_of(client, admin, bodies["AK Bildung"])
    url = f"{URL}/{meeting['id']}"
    no_reason = await client.post(f"{url}/cancel", json={"reason": "  "}, headers=admin.headers | if_match(1))
    assert no_reason.status_code == 422
    cancelled = await client.post(
        f"{url}/cancel", json={"reason": "Raum nicht verfügbar"}, headers=admin.headers | if_match(1)
    )
    assert cancelled.status_code == 200, cancelled.text
    assert cancelled.json()["status"] == "cancelled"
    assert cancelled.json()["cancel_reason"] == "Raum nicht verfügbar"
    assert cancelled.json()["ical_sequence"] == 1
    for path in ("/held", "/cancel"):
        again = await client.post(f"{url}{path}", json={"reason": "x"}, headers=admin.headers | if_match(2))
        assert again.status_code == 409, path
        assert again.json()["errors"][0]["code"] == "invalid_status"
    frozen = await client.patch(url, json={"title": "x"}, headers=admin.headers | if_match(2))
    assert frozen.status_code == 409
    not_deleted = await client.delete(url, headers=admin.headers | if_match(2))
    assert not_deleted.status_code == 409

    second = await meeting_of(client, admin, bodies["AK Bildung"])
    url = f"{URL}/{second['id']}"
    assert (await client.post(f"{url}/held", headers=admin.headers)).status_code == 428
    held = await client.post(f"{url}/held", headers=admin.headers | if_match(1))
    assert held.json()["status"] == "held"
    assert (
        await client.post(f"{url}/cancel", json={"reason": "x"}, headers=admin.headers | if_match(2))
    ).status_code == 409
    assert (await client.delete(url, headers=admin.headers | if_match(2))).status_code == 409

    third = await meeting_of(client, admin, bodies["AK Bildung"])
    url = f"{URL}/{third['id']}"
    assert (await client.delete(url, headers=admin.headers | if_match(7))).status_code == 412
    assert (await client.delete(url, headers=admin.headers | if_match(1))).status_code == 204
    assert (await client.get(url, headers=admin.headers)).status_code == 404
    listed = (await client.get(URL, headers=admin.headers)).json()
    assert third["id"] not in [item["id"] for item in listed["items"]]
    synced = await client.get(URL, params={"modified_since": third["created_at"]}, headers=admin.headers)
    assert third["id"] in [tombstone["id"] for tombstone in synced.json()["tombstones"]]


async def test_who_reads_and_changes_which_meetings(
    client: httpx.AsyncClient,
    admin: Account,
    make_user: UserFactory,
    bodies: dict[str, uuid.UUID],
    app: FastAPI,
) -> None:
    bildung, familie, steering = bodies["AK Bildung"], bodies["AK Familienleben"], bodies["Steuerungsgruppe"]
    speaker, _ = await person_in(
        app, client, make_user, admin, bildung, user_role="spokesperson", membership_role="spokesperson"
    )
    member, _ = await person_in(app, client, make_user, admin, bildung)
    steering_user = await make_user("steering")

    own = await create_meeting(client, speaker, bildung)
    assert own.status_code == 201, own.text
    assert (await create_meeting(client, speaker, familie)).status_code == 403
    assert (await create_meeting(client, member, bildung)).status_code == 403
    foreign = await meeting_of(client, admin, familie)
    steering_meeting = await meeting_of(client, admin, steering)

    changed = await client.patch(
        f"{URL}/{own.json()['id']}", json={"theme": "Kita"}, headers=speaker.headers | if_match(1)
    )
    assert changed.status_code == 200
    assert (
        await client.patch(
            f"{URL}/{foreign['id']}", json={"theme": "x"}, headers=speaker.headers | if_match(1)
        )
    ).status_code == 404

    member_view = (await client.get(URL, headers=member.headers)).json()
    assert [item["id"] for item in member_view["items"]] == [own.json()["id"]]
    assert (await client.get(f"{URL}/{foreign['id']}", headers=member.headers)).status_code == 404
    mine = await client.get(f"{URL}/{own.json()['id']}", headers=member.headers)
    assert mine.json()["can_edit"] is False
    assert (
        await client.patch(
            f"{URL}/{own.json()['id']}", json={"theme": "x"}, headers=member.headers | if_match(2)
        )
    ).status_code == 403

    steering_view = (await client.get(URL, headers=steering_user.headers)).json()
    assert [item["id"] for item in steering_view["items"]] == [steering_meeting["id"]]
    assert (await client.get(f"{URL}/{own.json()['id']}", headers=steering_user.headers)).status_code == 404
    assert (await client.get(URL)).status_code == 401


async def test_planning_by_cadence(
    client: httpx.AsyncClient, admin: Account, bodies: dict[str, uuid.UUID], app: FastAPI
) -> None:
    preview = await client.post(
        f"{URL}/plan-preview",
        json={"body_id": str(bodies["AK Bildung"]), "year": 2026},
        headers=admin.headers,
    )
    assert preview.status_code == 200, preview.text
    proposals = preview.json()["meetings"]
    # Second Wednesdays at 15:00 in Gifhorn: CET (+01:00) in winter, CEST (+02:00) in summer.
    assert [(item["starts_at"], item["ends_at"]) for item in proposals] == [
        ("2026-02-11T14:00:00Z", "2026-02-11T16:00:00Z"),
        ("2026-05-13T13:00:00Z", "2026-05-13T15:00:00Z"),
        ("2026-08-12T13:00:00Z", "2026-08-12T15:00:00Z"),
        ("2026-11-11T14:00:00Z", "2026-11-11T16:00:00Z"),
    ]
    assert [item["number"] for item in proposals] == [f"AK Bildung {n}/2026" for n in range(1, 5)]
    assert proposals[0]["title"].endswith(" 1/2026")
    assert [entry["title"] for entry in proposals[0]["agenda"]] == [
        title for title, _kind in AGENDA_TEMPLATES["working_group"]
    ]
    async with app.state.sessionmaker() as session:
        assert await session.scalar(select(func.count()).select_from(Meeting)) == 0

    steering = await client.post(
        f"{URL}/plan-preview",
        json={"body_id": str(bodies["Steuerungsgruppe"]), "year": 2027},
        headers=admin.headers,
    )
    assert [item["starts_at"][:10] for item in steering.json()["meetings"]] == ["2027-03-10", "2027-09-08"]

    proposals[1]["location_room"] = "Kreishaus, Raum 101"
    proposals[3]["agenda"] = [{"title": "Jahresrückblick", "kind": "report"}]
    plan = {"body_id": str(bodies["AK Bildung"]), "year": 2026, "meetings": proposals}
    created = await client.post(f"{URL}/plan", json=plan, headers=admin.headers)
    assert created.status_code == 201, created.text
    items = created.json()["items"]
    assert [item["number"] for item in items] == [f"AK Bildung {n}/2026" for n in range(1, 5)]
    assert items[1]["location_room"] == "Kreishaus, Raum 101"
    last_agenda = (await client.get(f"{URL}/{items[3]['id']}/agenda-items", headers=admin.headers)).json()
    assert [(entry["number"], entry["title"]) for entry in last_agenda] == [("1", "Jahresrückblick")]
    first_agenda = (await client.get(f"{URL}/{items[0]['id']}/agenda-items", headers=admin.headers)).json()
    assert len(first_agenda) == len(AGENDA_TEMPLATES["working_group"])

    again = await client.post(f"{URL}/plan", json=plan, headers=admin.headers)
    assert again.status_code == 409
    assert len(again.json()["errors"]) == 4
    async with app.state.sessionmaker() as session:
        assert await session.scalar(select(func.count()).select_from(Meeting)) == 4

    wrong_year = plan | {"year": 2027}
    refused = await client.post(f"{URL}/plan", json=wrong_year, headers=admin.headers)
    assert refused.status_code == 422
    assert refused.json()["errors"][0]["field"] == "meetings.0.starts_at"


async def test_spokesperson_plans_only_their_group(
    client: httpx.AsyncClient,
    admin: Account,
    make_user: UserFactory,
    bodies: dict[str, uuid.UUID],
    app: FastAPI,
) -> None:
    speaker, _ = await person_in(
        app,
        client,
        make_user,
        admin,
        bodies["AK Bildung"],
        user_role="spokesperson",
        membership_role="spokesperson",
    )
    own = await client.post(
        f"{URL}/plan-preview",
        json={"body_id": str(bodies["AK Bildung"]), "year": 2026},
        headers=speaker.headers,
    )
    assert own.status_code == 200
    other = await client.post(
        f"{URL}/plan-preview",
        json={"body_id": str(bodies["AK Teilhabe"]), "year": 2026},
        headers=speaker.headers,
    )
    assert other.status_code == 403
    plan = {"body_id": str(bodies["AK Teilhabe"]), "year": 2026, "meetings": own.json()["meetings"]}
    assert (await client.post(f"{URL}/plan", json=plan, headers=speaker.headers)).status_code == 403


async def test_attendance_rows_for_editors_counts_for_members(
    client: httpx.AsyncClient,
    admin: Account,
    make_user: UserFactory,
    bodies: dict[str, uuid.UUID],
    app: FastAPI,
) -> None:
    bildung = bodies["AK Bildung"]
    member, member_id = await person_in(app, client, make_user, admin, bildung)
    colleague = await new_member(client, admin, "Kollegin")
    await join(client, admin, colleague, bildung)
    outsider = await new_member(client, admin, "Außen")
    meeting = await meeting_of(client, admin, bildung)
    url = f"{URL}/{meeting['id']}/attendance"

    present = await client.put(f"{url}/{member_id}", json={"presence": "present"}, headers=admin.headers)
    assert present.status_code == 200, present.text
    assert present.json()["presence"] == "present"
    assert present.json()["response"] == "pending"
    excused = await client.put(f"{url}/{colleague}", json={"presence": "excused"}, headers=admin.headers)
    assert excused.status_code == 200
    not_in_body = await client.put(f"{url}/{outsider}", json={"presence": "present"}, headers=admin.headers)
    assert not_in_body.status_code == 422
    assert not_in_body.json()["errors"][0]["location"] == "path"
    stale = await client.put(
        f"{url}/{colleague}", json={"presence": "absent"}, headers=admin.headers | if_match(9)
    )
    assert stale.status_code == 412
    forbidden = await client.put(f"{url}/{colleague}", json={"presence": "absent"}, headers=member.headers)
    assert forbidden.status_code == 403

    everything = (await client.get(url, headers=admin.headers)).json()
    assert everything["counts"]["present"] == 1
    assert everything["counts"]["excused"] == 1
    assert everything["counts"]["invited"] == 2
    assert sorted(row["member_id"] for row in everything["items"]) == sorted([member_id, colleague])
    own_only = (await client.get(url, headers=member.headers)).json()
    assert own_only["counts"] == everything["counts"]
    assert [row["member_id"] for row in own_only["items"]] == [member_id]

    listed = (await client.get(URL, headers=admin.headers)).json()["items"][0]
    assert listed["counts"]["present"] == 1

    guests = await client.put(
        f"{URL}/{meeting['id']}/guests",
        json={"guests": ["Dr. Gast", "Frau Besuch"]},
        headers=admin.headers | if_match(1),
    )
    assert guests.status_code == 200, guests.text
    assert guests.json()["counts"]["guests"] == 2
    assert (
        await client.put(f"{URL}/{meeting['id']}/guests", json={"guests": []}, headers=admin.headers)
    ).status_code == 428
    writes = await audit_events(app, "attendance.create")
    assert len(writes) == 2
    assert writes[0].details["fields"] == ["presence"]


async def test_new_time_of_invited_meeting_tells_the_invited(
    client: httpx.AsyncClient,
    admin: Account,
    bodies: dict[str, uuid.UUID],
    app: FastAPI,
    mailbox: Mailbox,
) -> None:
    member_id = await new_member(client, admin, "Eingeladen", email="eingeladen@example.org")
    await join(client, admin, member_id, bodies["AK Bildung"])
    meeting = await meeting_of(client, admin, bodies["AK Bildung"])
    async with app.state.sessionmaker() as session, session.begin():
        row = await session.get(Meeting, uuid.UUID(meeting["id"]))
        assert row is not None
        row.status, row.invited_at = "invited", datetime.now(UTC)
        session.add(Attendance(meeting_id=row.id, member_id=uuid.UUID(member_id)))

    retitled = await client.patch(
        f"{URL}/{meeting['id']}", json={"theme": "Neu"}, headers=admin.headers | if_match(2)
    )
    assert retitled.json()["ical_sequence"] == 0
    assert mailbox.messages == []
    moved = await client.patch(
        f"{URL}/{meeting['id']}",
        json={"starts_at": "2026-03-12T15:00:00+01:00", "ends_at": "2026-03-12T17:00:00+01:00"},
        headers=admin.headers | if_match(3),
    )
    assert moved.status_code == 200, moved.text
    assert moved.json()["ical_sequence"] == 1
    assert [recipients for recipients, _ in mailbox.messages] == [["eingeladen@example.org"]]

    cancelled = await client.post(
        f"{URL}/{meeting['id']}/cancel", json={"reason": "Krankheit"}, headers=admin.headers | if_match(4)
    )
    assert cancelled.json()["ical_sequence"] == 2
    assert len(mailbox.messages) == 2
