"""Public registration for meetings of the network plenary that have a capacity.

Places go by the order of registration; beyond the capacity people join the waiting list and move
up, in order, when someone cancels. The meeting row is locked while places are counted, so the
capacity holds under concurrent requests. Only the SHA-256 of a cancel link's secret is stored.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from api.calendars.ics import BERLIN, Attendee, CalendarItem, load_items
from api.calendars.service import network_meetings
from api.core import ratelimit
from api.core.audit import record_audit
from api.core.config import Settings
from api.core.errors import Conflict, FieldError, NotFound
from api.core.mail import Mail
from api.core.security import token_hash
from api.exports.service import Table
from api.invitations.service import ics_attachment, meeting_details, new_secret, short_date, signature
from api.models import Meeting, Registration
from api.registrations.schemas import PublicMeeting, RegistrationCreate, RegistrationRead

RATE_LIMIT_BUCKET = "registration"
CLOSED_STATUSES = ("held", "minutes_approved", "cancelled")
STATUS_DE = {"confirmed": "bestätigt", "waitlisted": "Warteliste", "cancelled": "abgemeldet"}
EXPORT_COLUMNS = [
    "Vorname",
    "Nachname",
    "E-Mail",
    "Organisation",
    "Status",
    "Wartelistenplatz",
    "Angemeldet am",
    "Abgemeldet am",
    "Datenschutzhinweise (Fassung)",
]


@dataclass(frozen=True)
class Counts:
    confirmed: int = 0
    waitlisted: int = 0


@dataclass(frozen=True)
class Registered:
    """The outcome of the form; ``registration`` is None when the honeypot caught a bot."""

    registration: Registration | None
    waiting_position: int | None
    mail: Mail | None


async def _counts(session: AsyncSession, meeting_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, Counts]:
    rows = await session.execute(
        select(Registration.meeting_id, Registration.status, func.count())
        .where(Registration.meeting_id.in_(meeting_ids), Registration.status != "cancelled")
        .group_by(Registration.meeting_id, Registration.status)
    )
    found: dict[uuid.UUID, dict[str, int]] = {}
    for meeting_id, status, count in rows.all():
        found.setdefault(meeting_id, {})[status] = count
    return {
        meeting_id: Counts(confirmed=values.get("confirmed", 0), waitlisted=values.get("waitlisted", 0))
        for meeting_id, values in found.items()
    }


def _open(meeting: Meeting, now: datetime) -> bool:
    return (
        meeting.registration_capacity is not None
        and meeting.status not in CLOSED_STATUSES
        and meeting.starts_at > now
    )


def _public(meeting: Meeting, counts: Counts, now: datetime) -> PublicMeeting:
    capacity = meeting.registration_capacity
    return PublicMeeting(
        id=meeting.id,
        title=meeting.title,
        theme=meeting.theme,
        status=meeting.status,
        starts_at=meeting.starts_at,
        ends_at=meeting.ends_at,
        location_address=meeting.location_address,
        location_room=meeting.location_room,
        online=bool(meeting.online_url),
        registration_open=_open(meeting, now),
        capacity=capacity,
        places_left=max(0, capacity - counts.confirmed) if capacity is not None else None,
        waiting_list_length=counts.waitlisted,
    )


async def public_meetings(session: AsyncSession) -> list[PublicMeeting]:
    """Coming meetings of the network plenary that are not cancelled, soonest first."""
    now = datetime.now(UTC)
    meetings = (
        await session.scalars(
            select(Meeting)
            .where(
                Meeting.deleted_at.is_(None),
                network_meetings(),
                Meeting.status != "cancelled",
                Meeting.starts_at > now,
            )
            .order_by(Meeting.starts_at, Meeting.id)
        )
    ).all()
    counts = await _counts(session, [meeting.id for meeting in meetings])
    return [_public(meeting, counts.get(meeting.id, Counts()), now) for meeting in meetings]


async def network_meeting(session: AsyncSession, meeting_id: uuid.UUID, *, lock: bool = False) -> Meeting:
    """A live meeting of the network plenary; 404 for every other meeting."""
    statement = select(Meeting).where(
        Meeting.id == meeting_id, Meeting.deleted_at.is_(None), network_meetings()
    )
    if lock:
        statement = statement.with_for_update(of=Meeting).execution_options(populate_existing=True)
    meeting = await session.scalar(statement)
    if meeting is None:
        raise NotFound("No public meeting with this id.")
    return meeting


async def public_meeting(session: AsyncSession, meeting: Meeting) -> PublicMeeting:
    counts = await _counts(session, [meeting.id])
    return _public(meeting, counts.get(meeting.id, Counts()), datetime.now(UTC))


def _ensure_open(meeting: Meeting) -> None:
    if meeting.registration_capacity is None:
        raise Conflict("This meeting takes no registrations.")
    if meeting.status == "cancelled":
        raise Conflict("The meeting was cancelled.")
    if meeting.status in CLOSED_STATUSES or meeting.starts_at <= datetime.now(UTC):
        raise Conflict("Registration has closed: the meeting has begun or taken place.")


async def _waiting_list(session: AsyncSession, meeting_id: uuid.UUID) -> list[Registration]:
    return list(
        (
            await session.scalars(
                select(Registration)
                .where(Registration.meeting_id == meeting_id, Registration.status == "waitlisted")
                .order_by(Registration.created_at, Registration.id)
            )
        ).all()
    )


async def waiting_position(session: AsyncSession, registration: Registration) -> int | None:
    if registration.status != "waitlisted":
        return None
    waiting = await _waiting_list(session, registration.meeting_id)
    return [entry.id for entry in waiting].index(registration.id) + 1


async def register(
    session: AsyncSession,
    settings: Settings,
    meeting_id: uuid.UUID,
    data: RegistrationCreate,
    *,
    address: str,
) -> Registered:
    """Register for a meeting: confirmed while places are left, else on the waiting list."""
    await ratelimit.check_rate_limit(
        session,
        bucket=RATE_LIMIT_BUCKET,
        address=address,
        limit=settings.join_requests_per_window,
        window_seconds=settings.join_window_seconds,
        action="registration.create",
    )
    meeting = await network_meeting(session, meeting_id, lock=True)
    _ensure_open(meeting)
    if data.website and data.website.strip():
        return Registered(registration=None, waiting_position=None, mail=None)
    assert meeting.registration_capacity is not None
    duplicate = await session.scalar(
        select(Registration.id).where(
            Registration.meeting_id == meeting.id,
            func.lower(Registration.email) == data.email.lower(),
            Registration.status != "cancelled",
        )
    )
    if duplicate is not None:
        message = "This e-mail address is already registered for this meeting."
        raise Conflict(
            message,
            errors=[FieldError(location="body", field="email", message=message, code="already_registered")],
        )
    counts = (await _counts(session, [meeting.id])).get(meeting.id, Counts())
    status = "confirmed" if counts.confirmed < meeting.registration_capacity else "waitlisted"
    secret, digest = new_secret()
    registration = Registration(
        meeting_id=meeting.id,
        given_name=data.given_name,
        family_name=data.family_name,
        email=data.email,
        organisation_name=data.organisation_name,
        privacy_text_version=data.privacy_text_version,
        status=status,
        cancel_token_hash=digest,
    )
    session.add(registration)
    await session.flush()
    record_audit(
        session,
        actor_id=None,
        action="registration.create",
        object_type="registration",
        object_id=registration.id,
        details={
            "fields": sorted(data.model_fields_set - {"website", "consent"}),
            "meeting_id": str(meeting.id),
            "status": status,
        },
    )
    position = await waiting_position(session, registration)
    [item] = await load_items(session, [meeting])
    if status == "confirmed":
        mail = _confirmed_mail(settings, item, registration, secret, moved_up=False)
    else:
        mail = _waitlisted_mail(settings, item, registration, secret, position or 0)
    return Registered(registration=registration, waiting_position=position, mail=mail)


async def find_registration(session: AsyncSession, secret: str) -> tuple[Registration, Meeting]:
    row = (
        await session.execute(
            select(Registration, Meeting)
            .join(Meeting, Meeting.id == Registration.meeting_id)
            .where(Registration.cancel_token_hash == token_hash(secret), Meeting.deleted_at.is_(None))
        )
    ).one_or_none()
    if row is None:
        raise NotFound("This link is not valid (any more).")
    registration, meeting = row
    return registration, meeting


async def cancel(
    session: AsyncSession, settings: Settings, secret: str
) -> tuple[Registration, Meeting, list[Mail]]:
    """Cancel a registration through its link; the first on the waiting list moves up to the place.
    Cancelling again changes nothing."""
    registration, meeting = await find_registration(session, secret)
    meeting = await network_meeting(session, meeting.id, lock=True)
    await session.refresh(registration)
    if registration.status == "cancelled":
        return registration, meeting, []
    if meeting.status in ("held", "minutes_approved") or meeting.ends_at <= datetime.now(UTC):
        raise Conflict("The meeting has already taken place.")
    was_confirmed = registration.status == "confirmed"
    registration.status = "cancelled"
    registration.cancelled_at = datetime.now(UTC)
    await session.flush()
    record_audit(
        session,
        actor_id=None,
        action="registration.cancel",
        object_type="registration",
        object_id=registration.id,
        details={"fields": ["cancelled_at", "status"], "meeting_id": str(meeting.id)},
    )
    [item] = await load_items(session, [meeting])
    mails = [_cancelled_mail(settings, item, registration)]
    if was_confirmed and _open_for_moving_up(meeting):
        waiting = await _waiting_list(session, meeting.id)
        if waiting:
            first = waiting[0]
            first.status = "confirmed"
            # The moving-up mail carries a new cancel link; it replaces the one of the waiting-list mail.
            new, digest = new_secret()
            first.cancel_token_hash = digest
            await session.flush()
            record_audit(
                session,
                actor_id=None,
                action="registration.move_up",
                object_type="registration",
                object_id=first.id,
                details={"fields": ["cancel_token_hash", "status"], "meeting_id": str(meeting.id)},
            )
            mails.append(_confirmed_mail(settings, item, first, new, moved_up=True))
    return registration, meeting, mails


def _open_for_moving_up(meeting: Meeting) -> bool:
    return meeting.status not in CLOSED_STATUSES and meeting.starts_at > datetime.now(UTC)


async def registrations_of(session: AsyncSession, meeting: Meeting) -> list[RegistrationRead]:
    """Confirmed people by time, then the waiting list in order, then the cancelled ones."""
    rows = (
        await session.scalars(
            select(Registration)
            .where(Registration.meeting_id == meeting.id)
            .order_by(Registration.created_at, Registration.id)
        )
    ).all()
    order = {"confirmed": 0, "waitlisted": 1, "cancelled": 2}
    result: list[RegistrationRead] = []
    position = 0
    for registration in sorted(rows, key=lambda row: order.get(row.status, 3)):
        if registration.status == "waitlisted":
            position += 1
        result.append(
            RegistrationRead(
                id=registration.id,
                meeting_id=registration.meeting_id,
                given_name=registration.given_name,
                family_name=registration.family_name,
                email=registration.email,
                organisation_name=registration.organisation_name,
                privacy_text_version=registration.privacy_text_version,
                status=registration.status,
                waiting_position=position if registration.status == "waitlisted" else None,
                created_at=registration.created_at,
                cancelled_at=registration.cancelled_at,
                version=registration.version,
            )
        )
    return result


def _local(moment: datetime | None) -> str | None:
    return f"{moment.astimezone(BERLIN):%d.%m.%Y %H:%M}" if moment is not None else None


def export_table(rows: list[RegistrationRead]) -> Table:
    return Table(
        EXPORT_COLUMNS,
        [
            [
                row.given_name,
                row.family_name,
                row.email,
                row.organisation_name,
                STATUS_DE[row.status],
                str(row.waiting_position) if row.waiting_position is not None else None,
                _local(row.created_at),
                _local(row.cancelled_at),
                row.privacy_text_version,
            ]
            for row in rows
        ],
    )


# --- Mails (German) ---------------------------------------------------------------------------


def cancel_link(settings: Settings, secret: str) -> str:
    return f"{settings.base_url.rstrip('/')}/anmeldung/{secret}"


def _greeting(registration: Registration) -> str:
    return f"Guten Tag {registration.given_name} {registration.family_name},"


def _attendee(registration: Registration) -> Attendee:
    return Attendee(registration.email, f"{registration.given_name} {registration.family_name}")


def _confirmed_mail(
    settings: Settings, item: CalendarItem, registration: Registration, secret: str, *, moved_up: bool
) -> Mail:
    opening = (
        "gute Nachricht: Für Sie ist ein Platz frei geworden. Sie sind von der Warteliste nachgerückt "
        "und für die folgende Veranstaltung fest angemeldet:"
        if moved_up
        else "vielen Dank für Ihre Anmeldung. Ihr Platz bei der folgenden Veranstaltung ist bestätigt:"
    )
    replaces = " Dieser Link ersetzt den Link aus unserer früheren E-Mail." if moved_up else ""
    online = f"\nOnline-Teilnahme: {item.meeting.online_url}" if item.meeting.online_url else ""
    body = (
        f"{_greeting(registration)}\n\n{opening}\n\n{meeting_details(item)}{online}\n\n"
        "Den Termin im Anhang können Sie in Ihren Kalender übernehmen.\n\n"
        "Falls Sie doch nicht teilnehmen können, melden Sie sich bitte hier ab, damit jemand von der "
        f"Warteliste nachrücken kann:{replaces}\n{cancel_link(settings, secret)}\n\n"
        f"{signature(settings)}"
    )
    prefix = "Nachgerückt" if moved_up else "Anmeldung bestätigt"
    return Mail(
        to=registration.email,
        subject=f"{prefix}: {item.meeting.title} am {short_date(item.meeting)}",
        body=body,
        purpose="registration.moved_up" if moved_up else "registration.confirmed",
        attachments=(ics_attachment(settings, item, "REQUEST", _attendee(registration)),),
    )


def _waitlisted_mail(
    settings: Settings, item: CalendarItem, registration: Registration, secret: str, position: int
) -> Mail:
    body = (
        f"{_greeting(registration)}\n\n"
        "vielen Dank für Ihre Anmeldung. Alle Plätze der folgenden Veranstaltung sind vergeben; "
        f"Sie stehen auf Platz {position} der Warteliste:\n\n{meeting_details(item)}\n\n"
        "Wird ein Platz frei, rücken Sie automatisch nach und erhalten eine E-Mail mit dem Termin.\n\n"
        f"Wenn Sie nicht mehr auf der Warteliste stehen möchten, melden Sie sich hier ab:\n"
        f"{cancel_link(settings, secret)}\n\n"
        f"{signature(settings)}"
    )
    return Mail(
        to=registration.email,
        subject=f"Warteliste: {item.meeting.title} am {short_date(item.meeting)}",
        body=body,
        purpose="registration.waitlisted",
    )


def _cancelled_mail(settings: Settings, item: CalendarItem, registration: Registration) -> Mail:
    body = (
        f"{_greeting(registration)}\n\n"
        f"Sie haben sich von der Veranstaltung „{item.meeting.title}“ am {short_date(item.meeting)} "
        "abgemeldet. Schade, dass Sie nicht dabei sein können.\n\n"
        f"{signature(settings)}"
    )
    return Mail(
        to=registration.email,
        subject=f"Abmeldung: {item.meeting.title} am {short_date(item.meeting)}",
        body=body,
        purpose="registration.cancelled",
    )
