"""iCalendar files and feeds: time zones, stable UIDs, cancellations, the members' private feeds."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import httpx
import icalendar
from fastapi import FastAPI

from api.models import AgendaItem, Meeting, Member, Membership
from tests.conftest import Account, UserFactory, link_member

BERLIN = ZoneInfo("Europe/Berlin")
ICS = "text/calendar; charset=utf-8"


async def make_member(
    app: FastAPI, body_ids: list[uuid.UUID], *, email: str | None = None, family_name: str = "Haddad"
) -> uuid.UUID:
    """A member with a current membership in each of ``body_ids``."""
    async with app.state.sessionmaker() as session, session.begin():
        member = Member(
            given_name="Mariam",
            family_name=family_name,
            email=email,
            engagement="volunteer",
            languages=[],
            internal_notes="",
        )
        session.add(member)
        await session.flush()
        for body_id in body_ids:
            session.add(
                Membership(member_id=member.id, body_id=body_id, role="member", start_on=date(2020, 1, 1))
            )
        return member.id


async def make_meeting(
    app: FastAPI,
    body_id: uuid.UUID,
    *,
    starts_at: datetime | None = None,
    title: str = "AK Bildung 1/2027",
    agenda: tuple[str, ...] = (),
    **fields: object,
) -> uuid.UUID:
    """A meeting (2 hours) with an agenda, written directly to the database."""
    starts_at = starts_at or datetime.now(UTC).replace(microsecond=0) + timedelta(days=30)
    async with app.state.sessionmaker() as session, session.begin():
        meeting = Meeting(
            body_id=body_id,
            title=title,
            starts_at=starts_at,
            ends_at=starts_at + timedelta(hours=2),
            **fields,
        )
        session.add(meeting)
        await session.flush()
        for position, item_title in enumerate(agenda, start=1):
            session.add(
                AgendaItem(
                    meeting_id=meeting.id,
                    position=position,
                    number=str(position),
                    title=item_title,
                    kind="report",
                )
            )
        return meeting.id


async def update_meeting(app: FastAPI, meeting_id: uuid.UUID, **fields: object) -> None:
    async with app.state.sessionmaker() as session, session.begin():
        meeting = await session.get(Meeting, meeting_id)
        assert meeting is not None
        for name, value in fields.items():
            setattr(meeting, name, value)


def events(content: bytes) -> dict[str, icalendar.Event]:
    """The events of a calendar by their UID."""
    calendar = icalendar.Calendar.from_ical(content)
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


async def _get_ics(client: httpx.AsyncClient, url: str, account: Account | None = None) -> bytes:
    response = await client.get(url, headers=account.headers if account else None)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == ICS
    return response.content


async def test_feed_is_valid_icalendar_with_berlin_times_in_summer_and_winter(
    app: FastAPI, client: httpx.AsyncClient, admin: Account, bodies: dict[str, uuid.UUID]
) -> None:
    summer = await make_meeting(
        app,
        bodies["AK Bildung"],
        starts_at=datetime(2027, 7, 14, 15, 0, tzinfo=BERLIN),
        title="AK Bildung 3/2027",
        theme="Sprachkurse für Eltern",
        location_address="Schlossplatz 1, 38518 Gifhorn",
        location_room="Raum 101",
        agenda=("Begrüßung", "Berichte aus den Einrichtungen"),
    )
    winter = await make_meeting(
        app,
        bodies["AK Bildung"],
        starts_at=datetime(2027, 1, 13, 15, 0, tzinfo=BERLIN),
        title="AK Bildung 1/2027",
        online_url="https://meet.example.org/ak-bildung",
    )
    await make_meeting(app, bodies["AK Teilhabe"], title="AK Teilhabe 1/2027")

    content = await _get_ics(client, f"/api/v1/calendars/meetings.ics?body_id={bodies['AK Bildung']}", admin)

    calendar = icalendar.Calendar.from_ical(content)
    assert calendar["METHOD"] == "PUBLISH"
    assert [str(zone["TZID"]) for zone in calendar.walk("VTIMEZONE")] == ["Europe/Berlin"]
    found = events(content)
    assert set(found) == {f"{summer}@127.0.0.1", f"{winter}@127.0.0.1"}
    july, january = found[f"{summer}@127.0.0.1"], found[f"{winter}@127.0.0.1"]
    assert july["DTSTART"].dt.astimezone(UTC) == datetime(2027, 7, 14, 13, 0, tzinfo=UTC)
    assert july["DTEND"].dt.astimezone(UTC) == datetime(2027, 7, 14, 15, 0, tzinfo=UTC)
    assert january["DTSTART"].dt.astimezone(UTC) == datetime(2027, 1, 13, 14, 0, tzinfo=UTC)
    assert july["DTSTART"].params["TZID"] == "Europe/Berlin"
    assert b"DTSTART;TZID=Europe/Berlin:20270714T150000" in content
    assert b"DTSTART;TZID=Europe/Berlin:20270113T150000" in content
    assert str(july["SUMMARY"]) == "AK Bildung 3/2027"
    assert str(july["LOCATION"]) == "Raum 101, Schlossplatz 1, 38518 Gifhorn"
    assert str(january["LOCATION"]) == "Online: https://meet.example.org/ak-bildung"
    assert str(july["URL"]) == f"http://127.0.0.1:8000/sitzungen/{summer}"
    description = str(july["DESCRIPTION"])
    assert "Thema: Sprachkurse für Eltern" in description
    assert "1. Begrüßung\n2. Berichte aus den Einrichtungen" in description
    assert (str(july["STATUS"]), int(july["SEQUENCE"])) == ("CONFIRMED", 0)
    assert str(july["ORGANIZER"]) == "mailto:netzwerk-integration@gifhorn.de"
    assert july["ORGANIZER"].params["CN"] == "Stabsstelle Integration"
    assert "DTSTAMP" in july


async def test_cancelled_meeting_keeps_its_uid_with_a_higher_sequence(
    app: FastAPI, client: httpx.AsyncClient, admin: Account, bodies: dict[str, uuid.UUID]
) -> None:
    meeting_id = await make_meeting(app, bodies["AK Bildung"], status="invited")
    uid = f"{meeting_id}@127.0.0.1"
    before = events(await _get_ics(client, "/api/v1/calendars/meetings.ics", admin))[uid]

    await update_meeting(
        app, meeting_id, status="cancelled", cancel_reason="Raum nicht verfügbar", ical_sequence=1
    )
    after = events(await _get_ics(client, "/api/v1/calendars/meetings.ics", admin))[uid]

    assert (str(before["STATUS"]), int(before["SEQUENCE"])) == ("CONFIRMED", 0)
    assert (str(after["STATUS"]), int(after["SEQUENCE"])) == ("CANCELLED", 1)
    assert "abgesagt: Raum nicht verfügbar" in str(after["DESCRIPTION"])


async def test_logged_in_feeds_show_only_readable_meetings(
    app: FastAPI, client: httpx.AsyncClient, make_user: UserFactory, bodies: dict[str, uuid.UUID]
) -> None:
    own = await make_meeting(app, bodies["AK Bildung"])
    other = await make_meeting(app, bodies["AK Teilhabe"], title="AK Teilhabe 1/2027")
    user = await make_user("member")
    await link_member(app, user, await make_member(app, [bodies["AK Bildung"]]))

    assert set(events(await _get_ics(client, "/api/v1/calendars/meetings.ics", user))) == {f"{own}@127.0.0.1"}
    body_feed = await _get_ics(client, f"/api/v1/calendars/bodies/{bodies['AK Bildung']}.ics", user)
    assert set(events(body_feed)) == {f"{own}@127.0.0.1"}
    foreign_body = await _get_ics(client, f"/api/v1/calendars/bodies/{bodies['AK Teilhabe']}.ics", user)
    assert f"{other}".encode() not in foreign_body
    assert events(foreign_body) == {}
    assert (
        await client.get(f"/api/v1/calendars/bodies/{uuid.uuid4()}.ics", headers=user.headers)
    ).status_code == 404
    assert (await client.get("/api/v1/calendars/meetings.ics")).status_code == 401


async def test_public_feed_lists_only_network_meetings(
    app: FastAPI, client: httpx.AsyncClient, bodies: dict[str, uuid.UUID]
) -> None:
    network = await make_meeting(app, bodies["Netzwerk"], title="Netzwerktreffen 2027")
    await make_meeting(app, bodies["AK Bildung"])
    await make_meeting(app, bodies["Steuerungsgruppe"], title="Steuerungsgruppe 1/2027")

    content = await _get_ics(client, "/api/v1/public/calendars/network.ics")

    assert set(events(content)) == {f"{network}@127.0.0.1"}


async def test_feeds_start_a_year_back(
    app: FastAPI, client: httpx.AsyncClient, bodies: dict[str, uuid.UUID]
) -> None:
    now = datetime.now(UTC).replace(microsecond=0)
    recent = await make_meeting(app, bodies["Netzwerk"], starts_at=now - timedelta(days=360))
    await make_meeting(app, bodies["Netzwerk"], starts_at=now - timedelta(days=370))
    coming = await make_meeting(app, bodies["Netzwerk"])

    content = await _get_ics(client, "/api/v1/public/calendars/network.ics")

    assert set(events(content)) == {f"{recent}@127.0.0.1", f"{coming}@127.0.0.1"}


async def test_private_feed_lists_the_members_bodies_until_revoked(
    app: FastAPI,
    client: httpx.AsyncClient,
    make_user: UserFactory,
    admin: Account,
    bodies: dict[str, uuid.UUID],
) -> None:
    bildung = await make_meeting(app, bodies["AK Bildung"])
    cancelled = await make_meeting(
        app, bodies["AK Familienleben"], title="AK Familienleben 1/2027", status="cancelled", ical_sequence=1
    )
    await make_meeting(app, bodies["AK Teilhabe"], title="AK Teilhabe 1/2027")
    member_id = await make_member(app, [bodies["AK Bildung"], bodies["AK Familienleben"]])
    user = await make_user("member")
    await link_member(app, user, member_id)

    created = await client.post("/api/v1/calendar-tokens", headers=user.headers)
    assert created.status_code == 201, created.text
    token = created.json()
    assert token["url"].startswith("http://127.0.0.1:8000/api/v1/calendars/private/")
    path = token["url"].removeprefix("http://127.0.0.1:8000")

    feed = await client.get(path)  # no login: calendar apps cannot log in
    assert feed.status_code == 200, feed.text
    found = events(feed.content)
    assert set(found) == {f"{bildung}@127.0.0.1", f"{cancelled}@127.0.0.1"}
    assert str(found[f"{cancelled}@127.0.0.1"]["STATUS"]) == "CANCELLED"

    listed = await client.get("/api/v1/calendar-tokens", headers=user.headers)
    assert listed.status_code == 200
    assert [item["id"] for item in listed.json()["items"]] == [token["id"]]
    assert "url" not in listed.json()["items"][0]

    stranger = await make_user("member")
    await link_member(app, stranger, await make_member(app, [bodies["AK Teilhabe"]], family_name="Yilmaz"))
    assert (
        await client.delete(f"/api/v1/calendar-tokens/{token['id']}", headers=stranger.headers)
    ).status_code == 404
    assert (await client.get(path)).status_code == 200

    revoked = await client.delete(f"/api/v1/calendar-tokens/{token['id']}", headers=user.headers)
    assert revoked.status_code == 204
    assert (await client.get(path)).status_code == 404
    assert (await client.get("/api/v1/calendar-tokens", headers=user.headers)).json()["items"] == []
    assert (await client.get("/api/v1/calendars/private/" + "x" * 43 + ".ics")).status_code == 404

    again = (await client.post("/api/v1/calendar-tokens", headers=user.headers)).json()
    by_coordinator = await client.delete(f"/api/v1/calendar-tokens/{again['id']}", headers=admin.headers)
    assert by_coordinator.status_code == 204
    assert (await client.get(again["url"].removeprefix("http://127.0.0.1:8000"))).status_code == 404


async def test_calendar_token_needs_a_linked_member(client: httpx.AsyncClient, admin: Account) -> None:
    response = await client.post("/api/v1/calendar-tokens", headers=admin.headers)
    assert response.status_code == 409
    assert response.headers["content-type"] == "application/problem+json"
