"""Invitations: attendance rows and mails with an .ics, answers by link and in the app, change mails."""

from __future__ import annotations

import re
import uuid
from datetime import UTC, datetime
from email.message import EmailMessage
from zoneinfo import ZoneInfo

import httpx
import icalendar
from fastapi import FastAPI
from sqlalchemy import select

from api.core.config import Settings
from api.invitations.service import change_mails
from api.models import Attendance, Meeting
from tests.conftest import Account, Mailbox, UserFactory, audit_events, link_member
from tests.test_calendars import make_meeting, make_member, update_meeting

BERLIN = ZoneInfo("Europe/Berlin")
LINK = re.compile(r"http://127\.0\.0\.1:8000/einladung/([A-Za-z0-9_\-]+)")


def _text(message: EmailMessage) -> str:
    part = message.get_body(preferencelist=("plain",))
    assert part is not None
    content = part.get_content()
    assert isinstance(content, str)
    return content.replace("\r\n", "\n")


def _calendar(message: EmailMessage) -> tuple[str, icalendar.Calendar]:
    [attachment] = list(message.iter_attachments())
    assert attachment.get_content_type() == "text/calendar"
    content = attachment.get_content()
    raw = content if isinstance(content, bytes) else content.encode()
    return str(attachment["Content-Type"]), icalendar.Calendar.from_ical(raw)


async def _version(app: FastAPI, meeting_id: uuid.UUID) -> str:
    async with app.state.sessionmaker() as session:
        meeting = await session.get(Meeting, meeting_id)
        assert meeting is not None
        return f'"{meeting.version}"'


async def _invite(
    client: httpx.AsyncClient, app: FastAPI, account: Account, meeting_id: uuid.UUID
) -> httpx.Response:
    headers = account.headers | {"If-Match": await _version(app, meeting_id)}
    return await client.post(f"/api/v1/meetings/{meeting_id}/invitations", headers=headers)


async def _setup(app: FastAPI, bodies: dict[str, uuid.UUID]) -> tuple[uuid.UUID, dict[str, uuid.UUID]]:
    meeting_id = await make_meeting(
        app,
        bodies["AK Bildung"],
        starts_at=datetime(2027, 7, 14, 15, 0, tzinfo=BERLIN),
        title="AK Bildung 3/2027",
        number="AK Bildung 3/2027",
        theme="Sprachkurse für Eltern",
        location_address="Schlossplatz 1, 38518 Gifhorn",
        agenda=("Begrüßung", "Berichte"),
    )
    members = {
        "haddad": await make_member(
            app, [bodies["AK Bildung"]], email="haddad@example.org", family_name="Haddad"
        ),
        "yilmaz": await make_member(
            app, [bodies["AK Bildung"]], email="yilmaz@example.org", family_name="Yilmaz"
        ),
        "kowalski": await make_member(app, [bodies["AK Bildung"]], family_name="Kowalski"),
        "other": await make_member(
            app, [bodies["AK Teilhabe"]], email="other@example.org", family_name="Other"
        ),
    }
    return meeting_id, members


async def test_invitations_are_mailed_with_ics_and_answered_by_link(
    app: FastAPI,
    client: httpx.AsyncClient,
    admin: Account,
    bodies: dict[str, uuid.UUID],
    mailbox: Mailbox,
) -> None:
    meeting_id, members = await _setup(app, bodies)

    response = await _invite(client, app, admin, meeting_id)

    assert response.status_code == 200, response.text
    assert response.json() == {"invited": 3, "mailed": 2, "without_email": 1}
    assert response.headers["ETag"] == await _version(app, meeting_id)
    assert sorted(recipients for recipients, _ in mailbox.messages) == [
        ["haddad@example.org"],
        ["yilmaz@example.org"],
    ]
    async with app.state.sessionmaker() as session:
        meeting = await session.get(Meeting, meeting_id)
        assert meeting is not None
        assert (meeting.status, meeting.invited_at is not None) == ("invited", True)
        rows = (await session.scalars(select(Attendance).where(Attendance.meeting_id == meeting_id))).all()
    assert {row.member_id for row in rows} == {members["haddad"], members["yilmaz"], members["kowalski"]}
    assert {row.response for row in rows} == {"pending"}
    [event] = await audit_events(app, "meeting.invite")
    assert event.details == {"invited": 3, "mailed": 2, "without_email": 1}

    message = next(
        message for recipients, message in mailbox.messages if recipients == ["haddad@example.org"]
    )
    assert message["Subject"] == "Einladung: AK Bildung 3/2027 am 14.07.2027"
    text = _text(message)
    assert "Termin: Mittwoch, 14. Juli 2027, 15:00–17:00 Uhr" in text
    assert "Ort: Schlossplatz 1, 38518 Gifhorn" in text
    assert "Thema: Sprachkurse für Eltern" in text
    assert "Tagesordnung:\n1. Begrüßung\n2. Berichte" in text
    content_type, calendar = _calendar(message)
    assert "method=REQUEST" in content_type.replace('"', "")
    assert calendar["METHOD"] == "REQUEST"
    [vevent] = calendar.walk("VEVENT")
    assert str(vevent["UID"]) == f"{meeting_id}@127.0.0.1"
    assert vevent["DTSTART"].dt.astimezone(UTC) == datetime(2027, 7, 14, 13, 0, tzinfo=UTC)
    assert str(vevent["ATTENDEE"]) == "mailto:haddad@example.org"

    match = LINK.search(text)
    assert match is not None
    token = match.group(1)
    summary = await client.get(f"/api/v1/invitation-responses/{token}")
    assert summary.status_code == 200, summary.text
    data = summary.json()
    assert (data["title"], data["body_name"], data["response"], data["may_answer"]) == (
        "AK Bildung 3/2027",
        "Arbeitskreis Bildung",
        "pending",
        True,
    )
    assert [line["title"] for line in data["agenda"]] == ["Begrüßung", "Berichte"]

    answered = await client.post(f"/api/v1/invitation-responses/{token}", json={"response": "accepted"})
    assert answered.status_code == 200, answered.text
    assert answered.json()["response"] == "accepted"
    assert answered.json()["responded_at"] is not None
    async with app.state.sessionmaker() as session:
        row = await session.scalar(select(Attendance).where(Attendance.member_id == members["haddad"]))
        assert row is not None
        assert (row.response, row.responded_at is not None) == ("accepted", True)
    [answer_event] = await audit_events(app, "attendance.answer")
    assert answer_event.actor_id is None

    assert (await client.get(f"/api/v1/invitation-responses/{'x' * 43}")).status_code == 404
    wrong = await client.post(f"/api/v1/invitation-responses/{'x' * 43}", json={"response": "accepted"})
    assert wrong.status_code == 404
    bad = await client.post(f"/api/v1/invitation-responses/{token}", json={"response": "maybe"})
    assert bad.status_code == 422


async def test_inviting_again_reaches_only_new_members(
    app: FastAPI, client: httpx.AsyncClient, admin: Account, bodies: dict[str, uuid.UUID], mailbox: Mailbox
) -> None:
    meeting_id, _members = await _setup(app, bodies)
    assert (await _invite(client, app, admin, meeting_id)).status_code == 200
    mailbox.messages.clear()
    await make_member(app, [bodies["AK Bildung"]], email="neu@example.org", family_name="Neu")

    again = await _invite(client, app, admin, meeting_id)

    assert again.status_code == 200, again.text
    assert again.json() == {"invited": 1, "mailed": 1, "without_email": 0}
    assert [recipients for recipients, _ in mailbox.messages] == [["neu@example.org"]]


async def test_invitations_need_if_match_and_an_open_meeting(
    app: FastAPI, client: httpx.AsyncClient, admin: Account, bodies: dict[str, uuid.UUID], mailbox: Mailbox
) -> None:
    meeting_id, _members = await _setup(app, bodies)
    url = f"/api/v1/meetings/{meeting_id}/invitations"
    assert (await client.post(url, headers=admin.headers)).status_code == 428
    assert (await client.post(url, headers=admin.headers | {"If-Match": '"99"'})).status_code == 412

    for status in ("held", "minutes_approved", "cancelled"):
        await update_meeting(app, meeting_id, status=status)
        refused = await _invite(client, app, admin, meeting_id)
        assert refused.status_code == 409, status
        assert refused.headers["content-type"] == "application/problem+json"
    assert mailbox.messages == []
    async with app.state.sessionmaker() as session:
        assert (await session.scalars(select(Attendance))).all() == []


async def test_plain_members_cannot_invite(
    app: FastAPI,
    client: httpx.AsyncClient,
    make_user: UserFactory,
    bodies: dict[str, uuid.UUID],
    mailbox: Mailbox,
) -> None:
    meeting_id, members = await _setup(app, bodies)
    insider = await make_user("member")
    await link_member(app, insider, members["haddad"])
    outsider = await make_user("member")
    await link_member(app, outsider, members["other"])

    assert (await _invite(client, app, insider, meeting_id)).status_code == 403
    assert (await _invite(client, app, outsider, meeting_id)).status_code == 404
    assert mailbox.messages == []


async def test_members_answer_their_own_invitation_in_the_app(
    app: FastAPI,
    client: httpx.AsyncClient,
    admin: Account,
    make_user: UserFactory,
    bodies: dict[str, uuid.UUID],
    mailbox: Mailbox,
) -> None:
    meeting_id, members = await _setup(app, bodies)
    url = f"/api/v1/meetings/{meeting_id}/my-response"
    invited = await make_user("member")
    await link_member(app, invited, members["kowalski"])
    assert (await client.put(url, json={"response": "declined"}, headers=invited.headers)).status_code == 404

    assert (await _invite(client, app, admin, meeting_id)).status_code == 200
    answered = await client.put(url, json={"response": "declined"}, headers=invited.headers)
    assert answered.status_code == 200, answered.text
    assert (answered.json()["meeting_id"], answered.json()["response"]) == (str(meeting_id), "declined")

    outsider = await make_user("member")
    await link_member(app, outsider, members["other"])
    assert (await client.put(url, json={"response": "accepted"}, headers=outsider.headers)).status_code == 404
    unlinked = await client.put(url, json={"response": "accepted"}, headers=admin.headers)
    assert unlinked.status_code == 404


async def test_cancellation_mails_cancel_the_same_event_and_close_the_answer_link(
    app: FastAPI,
    client: httpx.AsyncClient,
    admin: Account,
    bodies: dict[str, uuid.UUID],
    mailbox: Mailbox,
    settings: Settings,
) -> None:
    meeting_id, _members = await _setup(app, bodies)
    assert (await _invite(client, app, admin, meeting_id)).status_code == 200
    invitation = mailbox.messages[0][1]
    _, first = _calendar(invitation)
    [invited_event] = first.walk("VEVENT")
    match = LINK.search(_text(invitation))
    assert match is not None

    async with app.state.sessionmaker() as session, session.begin():
        meeting = await session.get(Meeting, meeting_id)
        assert meeting is not None
        meeting.status = "cancelled"
        meeting.cancel_reason = "Der Raum ist nicht verfügbar."
        meeting.ical_sequence += 1
        mails = await change_mails(session, settings, meeting, cancelled=True)

    assert sorted(mail.to for mail in mails) == ["haddad@example.org", "yilmaz@example.org"]
    for mail in mails:
        assert mail.subject == "Abgesagt: AK Bildung 3/2027 am 14.07.2027"
        assert "Grund: Der Raum ist nicht verfügbar." in mail.body
        [attachment] = mail.attachments
        assert attachment.content_type == "text/calendar; method=CANCEL"
        calendar = icalendar.Calendar.from_ical(attachment.content)
        assert calendar["METHOD"] == "CANCEL"
        [event] = calendar.walk("VEVENT")
        assert str(event["UID"]) == str(invited_event["UID"])
        assert int(event["SEQUENCE"]) > int(invited_event["SEQUENCE"])
        assert str(event["STATUS"]) == "CANCELLED"

    late = await client.post(f"/api/v1/invitation-responses/{match.group(1)}", json={"response": "accepted"})
    assert late.status_code == 409
    assert (await client.get(f"/api/v1/invitation-responses/{match.group(1)}")).json()["may_answer"] is False


async def test_update_mails_carry_the_new_time_and_a_fresh_answer_link(
    app: FastAPI,
    client: httpx.AsyncClient,
    admin: Account,
    bodies: dict[str, uuid.UUID],
    mailbox: Mailbox,
    settings: Settings,
) -> None:
    meeting_id, _members = await _setup(app, bodies)
    assert (await _invite(client, app, admin, meeting_id)).status_code == 200
    old = LINK.search(_text(mailbox.messages[0][1]))
    assert old is not None

    async with app.state.sessionmaker() as session, session.begin():
        meeting = await session.get(Meeting, meeting_id)
        assert meeting is not None
        meeting.starts_at = datetime(2027, 7, 21, 16, 0, tzinfo=BERLIN)
        meeting.ends_at = datetime(2027, 7, 21, 18, 0, tzinfo=BERLIN)
        meeting.ical_sequence += 1
        mails = await change_mails(session, settings, meeting, cancelled=False)

    assert len(mails) == 2
    mail = mails[0]
    assert "Termin: Mittwoch, 21. Juli 2027, 16:00–18:00 Uhr" in mail.body
    calendar = icalendar.Calendar.from_ical(mail.attachments[0].content)
    assert calendar["METHOD"] == "REQUEST"
    [event] = calendar.walk("VEVENT")
    assert (str(event["UID"]), int(event["SEQUENCE"])) == (f"{meeting_id}@127.0.0.1", 1)
    assert event["DTSTART"].dt.astimezone(UTC) == datetime(2027, 7, 21, 14, 0, tzinfo=UTC)
    new = LINK.search(mail.body)
    assert new is not None
    assert (await client.get(f"/api/v1/invitation-responses/{new.group(1)}")).status_code == 200
    assert (await client.get(f"/api/v1/invitation-responses/{old.group(1)}")).status_code == 404
