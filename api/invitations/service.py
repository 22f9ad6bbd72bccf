"""Invitations to meetings: attendance rows with a secret answer link, the invitation mails with an
``.ics`` (METHOD:REQUEST), answers through the link or in the app, and the mails about a change or
cancellation of a meeting members were already invited to.

Only the SHA-256 of an answer link's secret is stored. Mails are built here and sent by the caller
after the commit.
"""

from __future__ import annotations

import asyncio
import secrets
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from api.calendars.ics import (
    BERLIN,
    Attendee,
    CalendarItem,
    Method,
    agenda_lines,
    berlin_time_range,
    build_calendar,
    load_items,
    place_text,
)
from api.core.audit import record_audit
from api.core.concurrency import check_if_match
from api.core.config import Settings
from api.core.errors import Conflict, FieldError, NotFound
from api.core.mail import Mail, MailAttachment
from api.core.security import token_hash
from api.members.service import current_membership
from api.models import AgendaItem, Attendance, Meeting, Member, Membership, Registration, Submission
from api.models.base import today

INVITABLE = ("planned", "invited")
ANSWERABLE = ("planned", "invited")


@dataclass(frozen=True)
class InvitationResult:
    invited: int
    mailed: int
    without_email: int


@dataclass(frozen=True)
class Invitation:
    """An attendance row found by the secret of its answer link, with its meeting and member."""

    attendance: Attendance
    member: Member
    item: CalendarItem


def new_secret() -> tuple[str, str]:
    """A fresh URL-safe secret and its SHA-256 (the only part stored)."""
    secret = secrets.token_urlsafe(32)
    return secret, token_hash(secret)


async def lock_meeting(session: AsyncSession, meeting_id: uuid.UUID) -> Meeting:
    """The live meeting, locked until the commit (PostgreSQL; SQLite serialises writers anyway)."""
    meeting = await session.scalar(
        select(Meeting)
        .where(Meeting.id == meeting_id, Meeting.deleted_at.is_(None))
        .with_for_update()
        .execution_options(populate_existing=True)
    )
    if meeting is None:
        raise NotFound("No meeting with this id.")
    return meeting


async def invite(
    session: AsyncSession,
    settings: Settings,
    meeting: Meeting,
    *,
    if_match: str | None,
    actor_id: uuid.UUID,
) -> tuple[InvitationResult, list[Mail]]:
    """Invite every current member of the body who has no attendance row yet (all of them the first
    time; later e.g. new members). A planned meeting becomes ``invited``."""
    meeting = await lock_meeting(session, meeting.id)
    check_if_match(if_match, meeting)
    if meeting.status not in INVITABLE:
        raise Conflict(f"A meeting that is {meeting.status} cannot be invited to.")
    listed = select(Attendance.member_id).where(Attendance.meeting_id == meeting.id)
    members = (
        await session.scalars(
            select(Member)
            .where(
                Member.deleted_at.is_(None),
                Member.id.in_(
                    select(Membership.member_id).where(
                        Membership.body_id == meeting.body_id, current_membership(today())
                    )
                ),
                Member.id.not_in(listed),
            )
            .order_by(Member.family_name, Member.given_name, Member.id)
        )
    ).all()
    if meeting.status == "planned":
        meeting.status = "invited"
        meeting.invited_at = datetime.now(UTC)
    secrets_by_member: dict[uuid.UUID, str] = {}
    for member in members:
        secret, digest = new_secret()
        secrets_by_member[member.id] = secret
        session.add(
            Attendance(
                meeting_id=meeting.id, member_id=member.id, response="pending", response_token_hash=digest
            )
        )
    await session.flush()
    [item] = await load_items(session, [meeting])
    papers = await scheduled_papers(session, settings, meeting) if any(m.email for m in members) else ()
    mails = [
        invitation_mail(settings, item, member, secrets_by_member[member.id], papers)
        for member in members
        if member.email
    ]
    result = InvitationResult(
        invited=len(members), mailed=len(mails), without_email=len(members) - len(mails)
    )
    record_audit(
        session,
        actor_id=actor_id,
        action="meeting.invite",
        object_type="meeting",
        object_id=meeting.id,
        details={"invited": result.invited, "mailed": result.mailed, "without_email": result.without_email},
    )
    return result, mails


async def find_invitation(session: AsyncSession, secret: str) -> Invitation:
    """The invitation of an answer link; 404 for an unknown secret or a deleted meeting."""
    row = (
        await session.execute(
            select(Attendance, Member, Meeting)
            .join(Member, Member.id == Attendance.member_id)
            .join(Meeting, Meeting.id == Attendance.meeting_id)
            .where(
                Attendance.response_token_hash == token_hash(secret),
                Meeting.deleted_at.is_(None),
                Member.deleted_at.is_(None),
            )
        )
    ).one_or_none()
    if row is None:
        raise NotFound("This answer link is not valid (any more).")
    attendance, member, meeting = row
    [item] = await load_items(session, [meeting])
    return Invitation(attendance=attendance, member=member, item=item)


async def answer(
    session: AsyncSession,
    meeting: Meeting,
    attendance: Attendance,
    response: str,
    *,
    actor_id: uuid.UUID | None,
) -> Attendance:
    """Store an invited member's answer; a later answer replaces an earlier one."""
    if meeting.status not in ANSWERABLE:
        message = (
            "The meeting was cancelled."
            if meeting.status == "cancelled"
            else "The meeting already took place."
        )
        raise Conflict(
            message,
            errors=[FieldError(location="body", field="response", message=message, code=meeting.status)],
        )
    attendance.response = response
    attendance.responded_at = datetime.now(UTC)
    await session.flush()
    record_audit(
        session,
        actor_id=actor_id,
        action="attendance.answer",
        object_type="attendance",
        object_id=attendance.id,
        details={
            "fields": ["response"],
            "meeting_id": str(meeting.id),
            "via": "link" if actor_id is None else "app",
        },
    )
    return attendance


async def my_attendance(session: AsyncSession, meeting: Meeting, member_id: uuid.UUID | None) -> Attendance:
    """The caller's invitation to ``meeting``; 404 when they were not invited."""
    attendance = (
        await session.scalar(
            select(Attendance).where(Attendance.meeting_id == meeting.id, Attendance.member_id == member_id)
        )
        if member_id is not None
        else None
    )
    if attendance is None:
        raise NotFound("You have no invitation to this meeting.")
    return attendance


async def change_mails(
    session: AsyncSession, settings: Settings, meeting: Meeting, *, cancelled: bool
) -> list[Mail]:
    """The mails about a change of time or place, or the cancellation, of an invited meeting.

    Call after raising ``meeting.ical_sequence``. Every invited member with an e-mail address gets one
    (an update with METHOD:REQUEST and a new answer link, or METHOD:CANCEL with the reason), and so
    does everyone registered for the meeting (confirmed people with the ``.ics``).
    """
    await session.flush()
    [item] = await load_items(session, [meeting])
    rows = (
        await session.execute(
            select(Attendance, Member)
            .join(Member, Member.id == Attendance.member_id)
            .where(
                Attendance.meeting_id == meeting.id, Member.deleted_at.is_(None), Member.email.is_not(None)
            )
            .order_by(Member.family_name, Member.given_name, Member.id)
        )
    ).all()
    mails: list[Mail] = []
    for attendance, member in rows:
        assert member.email is not None
        if cancelled:
            mails.append(_cancellation_mail(settings, item, member.email, member.display_name))
        else:
            secret, digest = new_secret()
            attendance.response_token_hash = digest
            mails.append(_update_mail(settings, item, member.email, member.display_name, secret))
    registrations = (
        await session.scalars(
            select(Registration)
            .where(Registration.meeting_id == meeting.id, Registration.status != "cancelled")
            .order_by(Registration.created_at, Registration.id)
        )
    ).all()
    for registration in registrations:
        name = f"{registration.given_name} {registration.family_name}"
        if cancelled:
            mails.append(
                _cancellation_mail(
                    settings, item, registration.email, name, with_ics=registration.status == "confirmed"
                )
            )
        else:
            mails.append(
                _update_mail(
                    settings,
                    item,
                    registration.email,
                    name,
                    None,
                    with_ics=registration.status == "confirmed",
                )
            )
    await session.flush()
    return mails


# --- Mails (German) ---------------------------------------------------------------------------


def signature(settings: Settings) -> str:
    return f"Mit freundlichen Grüßen\n\n{settings.office_name}\n{settings.county_name}\n"


def meeting_details(item: CalendarItem) -> str:
    """Title, time, place, theme and numbered agenda, as the mails print them."""
    meeting = item.meeting
    lines = [meeting.title + (f" ({meeting.number})" if meeting.number else "")]
    lines.append(f"Gremium: {item.body.name}")
    lines.append(f"Termin: {berlin_time_range(meeting)}")
    place = place_text(meeting)
    if place:
        lines.append(f"Ort: {place}")
    if meeting.theme:
        lines.append(f"Thema: {meeting.theme}")
    text = "\n".join(lines)
    if item.agenda:
        text += "\n\nTagesordnung:\n" + "\n".join(agenda_lines(item.agenda))
    return text


def ics_attachment(
    settings: Settings, item: CalendarItem, method: Method, attendee: Attendee | None
) -> MailAttachment:
    return MailAttachment(
        filename="einladung.ics" if method != "CANCEL" else "absage.ics",
        content=build_calendar([item], method=method, settings=settings, attendee=attendee),
        content_type=f"text/calendar; method={method}",
    )


def answer_link(settings: Settings, secret: str) -> str:
    return f"{settings.base_url.rstrip('/')}/einladung/{secret}"


def short_date(meeting: Meeting) -> str:
    return f"{meeting.starts_at.astimezone(BERLIN):%d.%m.%Y}"


async def scheduled_papers(
    session: AsyncSession, settings: Settings, meeting: Meeting
) -> tuple[MailAttachment, ...]:
    """The PDFs of the submissions on the meeting's agenda (steering meetings), in agenda order."""
    # Imported here: the submissions build on the meetings, which send invitations through this module.
    from api.submissions.documents import paper_of, paper_pdf
    from api.submissions.service import reads as submission_reads

    submissions = list(
        await session.scalars(
            select(Submission)
            .join(AgendaItem, AgendaItem.submission_id == Submission.id)
            .where(
                AgendaItem.meeting_id == meeting.id,
                AgendaItem.deleted_at.is_(None),
                Submission.deleted_at.is_(None),
                Submission.status == "scheduled",
            )
            .order_by(AgendaItem.position)
        )
    )
    attachments = []
    for read in await submission_reads(session, submissions):
        paper = await paper_of(session, read)
        content = await asyncio.to_thread(paper_pdf, paper, settings)
        attachments.append(MailAttachment(f"{paper.filename}.pdf", content, "application/pdf"))
    return tuple(attachments)


def invitation_mail(
    settings: Settings,
    item: CalendarItem,
    member: Member,
    secret: str,
    papers: tuple[MailAttachment, ...] = (),
) -> Mail:
    assert member.email is not None
    body = (
        f"Guten Tag {member.display_name},\n\n"
        f"Sie sind herzlich zur folgenden Sitzung eingeladen:\n\n"
        f"{meeting_details(item)}\n\n"
        f"Bitte teilen Sie uns mit, ob Sie teilnehmen:\n{answer_link(settings, secret)}\n\n"
        "Den Termin im Anhang können Sie in Ihren Kalender übernehmen."
        + (f" Die Vorlagen zur Sitzung liegen bei ({len(papers)})." if papers else "")
        + f"\n\n{signature(settings)}"
    )
    return Mail(
        to=member.email,
        subject=f"Einladung: {item.meeting.title} am {short_date(item.meeting)}",
        body=body,
        purpose="meeting.invitation",
        attachments=(
            ics_attachment(settings, item, "REQUEST", Attendee(member.email, member.display_name)),
            *papers,
        ),
    )


def _update_mail(
    settings: Settings, item: CalendarItem, to: str, name: str, secret: str | None, *, with_ics: bool = True
) -> Mail:
    request = (
        f"Bitte prüfen Sie, ob Sie weiterhin teilnehmen können, und antworten Sie hier:\n"
        f"{answer_link(settings, secret)}\n\n"
        if secret is not None
        else ""
    )
    calendar_note = "Der Termin im Anhang aktualisiert den Eintrag in Ihrem Kalender.\n\n" if with_ics else ""
    body = (
        f"Guten Tag {name},\n\n"
        "die Sitzung, zu der Sie eingeladen oder angemeldet sind, hat sich geändert. "
        "Es gilt jetzt:\n\n"
        f"{meeting_details(item)}\n\n"
        f"{request}{calendar_note}{signature(settings)}"
    )
    attachments = (ics_attachment(settings, item, "REQUEST", Attendee(to, name)),) if with_ics else ()
    return Mail(
        to=to,
        subject=f"Geändert: {item.meeting.title} am {short_date(item.meeting)}",
        body=body,
        purpose="meeting.update",
        attachments=attachments,
    )


def _cancellation_mail(
    settings: Settings, item: CalendarItem, to: str, name: str, *, with_ics: bool = True
) -> Mail:
    meeting = item.meeting
    reason = f"Grund: {meeting.cancel_reason}\n\n" if meeting.cancel_reason else ""
    calendar_note = "Der Anhang entfernt den Termin aus Ihrem Kalender.\n\n" if with_ics else ""
    body = (
        f"Guten Tag {name},\n\n"
        f"die Sitzung „{meeting.title}“ ({item.body.name}) am {berlin_time_range(meeting)} "
        "ist abgesagt.\n\n"
        f"{reason}{calendar_note}{signature(settings)}"
    )
    attachments = (ics_attachment(settings, item, "CANCEL", Attendee(to, name)),) if with_ics else ()
    return Mail(
        to=to,
        subject=f"Abgesagt: {meeting.title} am {short_date(meeting)}",
        body=body,
        purpose="meeting.cancellation",
        attachments=attachments,
    )
