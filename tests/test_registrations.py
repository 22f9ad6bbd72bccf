"""Public registration for the network meeting: capacity, waiting list, cancel links, exports."""

from __future__ import annotations

import asyncio
import re
import uuid
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage

import httpx
import icalendar
from fastapi import FastAPI
from sqlalchemy import func, select

from api.core.config import Settings
from api.invitations.service import change_mails
from api.models import Meeting, Registration
from tests.conftest import Account, Mailbox, UserFactory, audit_events, link_member, make_client
from tests.test_calendars import make_meeting, make_member

CANCEL_LINK = re.compile(r"http://127\.0\.0\.1:8000/anmeldung/([A-Za-z0-9_\-]+)")
FORM = {
    "given_name": "Mariam",
    "family_name": "Haddad",
    "email": "mariam.haddad@example.org",
    "organisation_name": "Frauencafé Gifhorn",
    "consent": True,
    "privacy_text_version": "2026-01",
}


def _text(message: EmailMessage) -> str:
    part = message.get_body(preferencelist=("plain",))
    assert part is not None
    content = part.get_content()
    assert isinstance(content, str)
    return content.replace("\r\n", "\n")


def _mail_to(mailbox: Mailbox, address: str) -> EmailMessage:
    [message] = [message for recipients, message in mailbox.messages if recipients == [address]]
    return message


def _cancel_token(message: EmailMessage) -> str:
    match = CANCEL_LINK.search(_text(message))
    assert match is not None
    return match.group(1)


async def _network_meeting(app: FastAPI, bodies: dict[str, uuid.UUID], capacity: int | None = 2) -> uuid.UUID:
    return await make_meeting(
        app,
        bodies["Netzwerk"],
        title="Netzwerktreffen 2027",
        theme="Ankommen im Landkreis",
        location_address="Stadthalle Gifhorn",
        online_url="https://meet.example.org/netzwerk",
        registration_capacity=capacity,
        agenda=("Begrüßung", "Marktplatz der Angebote"),
    )


async def _register(client: httpx.AsyncClient, meeting_id: uuid.UUID, **fields: object) -> httpx.Response:
    return await client.post(f"/api/v1/public/meetings/{meeting_id}/registrations", json=FORM | fields)


async def _count(app: FastAPI) -> int:
    async with app.state.sessionmaker() as session:
        return int(await session.scalar(select(func.count()).select_from(Registration)) or 0)


async def test_capacity_waiting_list_and_moving_up(
    app: FastAPI, client: httpx.AsyncClient, admin: Account, bodies: dict[str, uuid.UUID], mailbox: Mailbox
) -> None:
    meeting_id = await _network_meeting(app, bodies)

    first = await _register(client, meeting_id, email="eins@example.org")
    second = await _register(client, meeting_id, email="zwei@example.org", given_name="Jonas")
    third = await _register(client, meeting_id, email="drei@example.org", given_name="Olena")

    assert (first.status_code, first.json()) == (201, {"status": "confirmed", "waiting_position": None})
    assert (second.status_code, second.json()["status"]) == (201, "confirmed")
    assert (third.status_code, third.json()) == (201, {"status": "waitlisted", "waiting_position": 1})
    public = (await client.get(f"/api/v1/public/meetings/{meeting_id}")).json()
    assert (public["capacity"], public["places_left"], public["waiting_list_length"]) == (2, 0, 1)
    assert public["registration_open"] is True
    assert "online_url" not in public

    confirmed = _mail_to(mailbox, "eins@example.org")
    assert confirmed["Subject"].startswith("Anmeldung bestätigt: Netzwerktreffen 2027")
    assert "Online-Teilnahme: https://meet.example.org/netzwerk" in _text(confirmed)
    [attachment] = list(confirmed.iter_attachments())
    calendar = icalendar.Calendar.from_ical(attachment.get_content())
    [event] = calendar.walk("VEVENT")
    assert str(event["UID"]) == f"{meeting_id}@127.0.0.1"
    waitlisted = _mail_to(mailbox, "drei@example.org")
    assert waitlisted["Subject"].startswith("Warteliste: Netzwerktreffen 2027")
    assert "Platz 1 der Warteliste" in _text(waitlisted)
    assert list(waitlisted.iter_attachments()) == []

    token = _cancel_token(confirmed)
    summary = await client.get(f"/api/v1/public/registrations/{token}")
    assert summary.status_code == 200, summary.text
    assert (summary.json()["status"], summary.json()["meeting"]["title"]) == (
        "confirmed",
        "Netzwerktreffen 2027",
    )
    mailbox.messages.clear()

    cancelled = await client.post(f"/api/v1/public/registrations/{token}/cancel")

    assert cancelled.status_code == 200, cancelled.text
    assert (cancelled.json()["status"], cancelled.json()["cancelled_at"] is not None) == ("cancelled", True)
    moved_up = _mail_to(mailbox, "drei@example.org")
    assert moved_up["Subject"].startswith("Nachgerückt: Netzwerktreffen 2027")
    [moved_attachment] = list(moved_up.iter_attachments())
    assert moved_attachment.get_content_type() == "text/calendar"
    assert _mail_to(mailbox, "eins@example.org")["Subject"].startswith("Abmeldung:")
    new_token = _cancel_token(moved_up)
    assert (await client.get(f"/api/v1/public/registrations/{new_token}")).json()["status"] == "confirmed"

    listed = await client.get(f"/api/v1/meetings/{meeting_id}/registrations", headers=admin.headers)
    assert listed.status_code == 200, listed.text
    data = listed.json()
    assert (data["capacity"], data["confirmed"], data["waitlisted"], data["cancelled"]) == (2, 2, 0, 1)
    assert [(item["email"], item["status"]) for item in data["items"]] == [
        ("zwei@example.org", "confirmed"),
        ("drei@example.org", "confirmed"),
        ("eins@example.org", "cancelled"),
    ]
    assert [event.action for event in await audit_events(app, "registration.move_up")] == [
        "registration.move_up"
    ]
    again = await client.post(f"/api/v1/public/registrations/{token}/cancel")
    assert (again.status_code, again.json()["status"]) == (200, "cancelled")
    assert (await client.get(f"/api/v1/public/registrations/{'x' * 43}")).status_code == 404


async def test_the_same_email_cannot_register_twice(
    app: FastAPI, client: httpx.AsyncClient, bodies: dict[str, uuid.UUID], mailbox: Mailbox
) -> None:
    meeting_id = await _network_meeting(app, bodies)
    assert (await _register(client, meeting_id)).status_code == 201

    duplicate = await _register(client, meeting_id, email="Mariam.Haddad@EXAMPLE.org")

    assert duplicate.status_code == 409
    problem = duplicate.json()
    assert problem["errors"][0]["field"] == "email"
    assert problem["errors"][0]["code"] == "already_registered"
    assert "already registered" in problem["errors"][0]["message"]
    assert await _count(app) == 1

    token = _cancel_token(_mail_to(mailbox, "mariam.haddad@example.org"))
    assert (await client.post(f"/api/v1/public/registrations/{token}/cancel")).status_code == 200
    assert (await _register(client, meeting_id)).status_code == 201


async def test_honeypot_answers_as_accepted_but_stores_nothing(
    app: FastAPI, client: httpx.AsyncClient, bodies: dict[str, uuid.UUID], mailbox: Mailbox
) -> None:
    meeting_id = await _network_meeting(app, bodies)

    response = await _register(client, meeting_id, website="https://spam.example")

    assert (response.status_code, response.json()) == (201, {"status": "confirmed", "waiting_position": None})
    assert await _count(app) == 0
    assert mailbox.messages == []


async def test_registration_needs_consent_and_an_open_meeting_with_capacity(
    app: FastAPI, client: httpx.AsyncClient, bodies: dict[str, uuid.UUID]
) -> None:
    meeting_id = await _network_meeting(app, bodies)
    no_consent = await _register(client, meeting_id, consent=False)
    assert no_consent.status_code == 422
    assert no_consent.json()["errors"][0]["field"] == "consent"

    without_capacity = await _network_meeting(app, bodies, capacity=None)
    assert (await _register(client, without_capacity)).status_code == 409
    past = await make_meeting(
        app,
        bodies["Netzwerk"],
        title="Netzwerktreffen 2025",
        starts_at=datetime.now(UTC) - timedelta(days=30),
        registration_capacity=50,
    )
    assert (await _register(client, past)).status_code == 409
    cancelled = await make_meeting(app, bodies["Netzwerk"], registration_capacity=50, status="cancelled")
    assert (await _register(client, cancelled)).status_code == 409
    assert (await _register(client, uuid.uuid4())).status_code == 404
    assert await _count(app) == 0


async def test_public_sees_only_network_meetings(
    app: FastAPI, client: httpx.AsyncClient, bodies: dict[str, uuid.UUID]
) -> None:
    network = await _network_meeting(app, bodies)
    await make_meeting(app, bodies["Netzwerk"], title="Abgesagt", status="cancelled")
    working_group = await make_meeting(app, bodies["AK Bildung"], registration_capacity=10)
    steering = await make_meeting(app, bodies["Steuerungsgruppe"], title="Steuerungsgruppe 1/2027")

    listed = await client.get("/api/v1/public/meetings")

    assert listed.status_code == 200
    assert [item["id"] for item in listed.json()["items"]] == [str(network)]
    for hidden in (working_group, steering):
        assert (await client.get(f"/api/v1/public/meetings/{hidden}")).status_code == 404
        assert (await _register(client, hidden)).status_code == 404
    assert await _count(app) == 0


async def test_registrations_are_rate_limited_per_address(
    app: FastAPI, bodies: dict[str, uuid.UUID], mailbox: Mailbox
) -> None:
    meeting_id = await _network_meeting(app, bodies, capacity=100)
    async with make_client(app, "198.51.100.9") as client:
        answers = [
            (await _register(client, meeting_id, email=f"person{number}@example.org")).status_code
            for number in range(6)
        ]
    assert answers == [201] * 5 + [429]
    async with make_client(app, "198.51.100.10") as other:
        assert (await _register(other, meeting_id, email="anders@example.org")).status_code == 201


async def test_capacity_holds_under_concurrent_registrations(
    app: FastAPI, bodies: dict[str, uuid.UUID], mailbox: Mailbox
) -> None:
    meeting_id = await _network_meeting(app, bodies, capacity=2)

    async def register(number: int) -> httpx.Response:
        async with make_client(app, f"198.51.100.{number}") as client:
            return await _register(client, meeting_id, email=f"person{number}@example.org")

    answers = await asyncio.gather(*(register(number) for number in range(1, 7)))

    assert [answer.status_code for answer in answers] == [201] * 6
    statuses = sorted(answer.json()["status"] for answer in answers)
    assert statuses == ["confirmed"] * 2 + ["waitlisted"] * 4
    positions = sorted(
        answer.json()["waiting_position"] for answer in answers if answer.json()["waiting_position"]
    )
    assert positions == [1, 2, 3, 4]


async def test_export_needs_a_reason_and_is_audited(
    app: FastAPI,
    client: httpx.AsyncClient,
    admin: Account,
    make_user: UserFactory,
    bodies: dict[str, uuid.UUID],
    mailbox: Mailbox,
) -> None:
    meeting_id = await _network_meeting(app, bodies)
    assert (await _register(client, meeting_id)).status_code == 201
    url = f"/api/v1/meetings/{meeting_id}/registrations"

    assert (await client.get(f"{url}.csv", headers=admin.headers)).status_code == 422
    assert (
        await client.get(f"{url}.csv", params={"reason": "   "}, headers=admin.headers)
    ).status_code == 422
    assert await audit_events(app, "export.registrations") == []

    csv = await client.get(f"{url}.csv", params={"reason": "Teilnehmendenliste"}, headers=admin.headers)
    assert csv.status_code == 200, csv.text
    assert csv.headers["content-type"].startswith("text/csv")
    text = csv.content.decode("utf-8-sig")
    assert text.splitlines()[0].startswith("Vorname;Nachname;E-Mail;Organisation;Status")
    assert "Mariam;Haddad;mariam.haddad@example.org;Frauencafé Gifhorn;bestätigt" in text
    xlsx = await client.get(f"{url}.xlsx", params={"reason": "Namensschilder drucken"}, headers=admin.headers)
    assert xlsx.status_code == 200
    assert xlsx.content[:2] == b"PK"

    events = await audit_events(app, "export.registrations")
    assert [(event.actor_id, event.details["reason"], event.details["format"]) for event in events] == [
        (admin.user.id, "Teilnehmendenliste", "csv"),
        (admin.user.id, "Namensschilder drucken", "xlsx"),
    ]
    assert "Haddad" not in str([event.details for event in events])
    [created] = await audit_events(app, "registration.create")
    assert "Haddad" not in str(created.details)

    member = await make_user("member")
    await link_member(app, member, await make_member(app, [bodies["Netzwerk"]]))
    assert (await client.get(url, headers=member.headers)).status_code == 403
    forbidden = await client.get(f"{url}.csv", params={"reason": "Neugier halber"}, headers=member.headers)
    assert forbidden.status_code == 403


async def test_registered_people_hear_of_a_cancelled_meeting(
    app: FastAPI,
    client: httpx.AsyncClient,
    bodies: dict[str, uuid.UUID],
    mailbox: Mailbox,
    settings: Settings,
) -> None:
    meeting_id = await _network_meeting(app, bodies, capacity=1)
    assert (await _register(client, meeting_id, email="eins@example.org")).status_code == 201
    assert (await _register(client, meeting_id, email="zwei@example.org")).status_code == 201
    assert (await _register(client, meeting_id, email="drei@example.org")).status_code == 201
    token = _cancel_token(_mail_to(mailbox, "drei@example.org"))
    assert (await client.post(f"/api/v1/public/registrations/{token}/cancel")).status_code == 200

    async with app.state.sessionmaker() as session, session.begin():
        meeting = await session.get(Meeting, meeting_id)
        assert meeting is not None
        meeting.status = "cancelled"
        meeting.cancel_reason = "Unwetterwarnung"
        meeting.ical_sequence += 1
        mails = {mail.to: mail for mail in await change_mails(session, settings, meeting, cancelled=True)}

    assert set(mails) == {"eins@example.org", "zwei@example.org"}
    assert "Grund: Unwetterwarnung" in mails["zwei@example.org"].body
    assert mails["zwei@example.org"].attachments == ()
    [attachment] = mails["eins@example.org"].attachments
    [event] = icalendar.Calendar.from_ical(attachment.content).walk("VEVENT")
    assert (str(event["UID"]), int(event["SEQUENCE"]), str(event["STATUS"])) == (
        f"{meeting_id}@127.0.0.1",
        1,
        "CANCELLED",
    )
    assert (await _register(client, meeting_id, email="vier@example.org")).status_code == 409
