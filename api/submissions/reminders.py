"""``netzwerk notify``: reminders of the submission deadline and of directives due soon or overdue.

Each reminder is recorded once delivered (kind, subject, recipient), so running the command again,
e.g. from cron every morning, sends nothing twice; a mail the server refused is tried next run.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from api.core.config import Settings
from api.core.mail import Mail, send_mail
from api.models import Body, Directive, Organisation, SentReminder, Submission, User
from api.submissions.service import next_steering_meeting, spokesperson_addresses, submission_deadline

DEADLINE_NOTICE_DAYS = 14
DIRECTIVE_NOTICE_DAYS = 14


@dataclass(frozen=True)
class Reminder:
    kind: str  # submission_deadline | directive_due | directive_overdue
    subject_id: uuid.UUID
    mail: Mail


async def _coordinator_addresses(session: AsyncSession) -> set[str]:
    users = await session.scalars(select(User).where(User.deleted_at.is_(None), User.is_active.is_(True)))
    return {user.email for user in users if "coordinator" in user.roles}


def _german(day: date) -> str:
    return day.strftime("%d.%m.%Y")


async def _deadline_reminders(session: AsyncSession, settings: Settings, now: datetime) -> list[Reminder]:
    """The working groups' spokespersons, within two weeks before the next steering deadline."""
    meeting = await next_steering_meeting(session, now)
    if meeting is None:
        return []
    deadline = submission_deadline(settings, meeting)
    if not now.date() <= deadline <= now.date() + timedelta(days=DEADLINE_NOTICE_DAYS):
        return []
    groups = set(
        await session.scalars(select(Body.id).where(Body.kind == "working_group", Body.deleted_at.is_(None)))
    )
    addresses = set().union(*(await spokesperson_addresses(session, groups)).values())
    body = (
        f"Guten Tag,\n\ndie Steuerungsgruppe tagt am {_german(meeting.starts_at.date())}. Vorlagen Ihres "
        f"Arbeitskreises reichen Sie bitte bis zum {_german(deadline)} ein: "
        f"{settings.base_url.rstrip('/')}/vorlagen\n\n{settings.office_name}\n"
    )
    subject = f"Vorlagen für die Steuerungsgruppe bis {_german(deadline)} einreichen"
    return [
        Reminder(
            "submission_deadline",
            meeting.id,
            Mail(to=address, subject=subject, body=body, purpose="reminder.submission_deadline"),
        )
        for address in sorted(addresses)
    ]


async def due_reminders(session: AsyncSession, settings: Settings, now: datetime) -> list[Reminder]:
    """Every reminder that is due now, whether or not it was sent before."""
    reminders = await _deadline_reminders(session, settings, now)
    day = now.date()
    directives = list(
        await session.scalars(
            select(Directive)
            .join(Submission, Submission.id == Directive.submission_id)
            .where(
                Directive.deleted_at.is_(None),
                Directive.status != "done",
                Directive.due_on <= day + timedelta(days=DIRECTIVE_NOTICE_DAYS),
            )
            .order_by(Directive.due_on, Directive.id)
        )
    )
    if not directives:
        return reminders
    spokespersons = await spokesperson_addresses(
        session, {d.addressee_body_id for d in directives if d.addressee_body_id is not None}
    )
    organisation_ids = {d.addressee_organisation_id for d in directives if d.addressee_organisation_id}
    organisations = (
        {
            row.id: row.email
            for row in await session.execute(
                select(Organisation.id, Organisation.email).where(Organisation.id.in_(organisation_ids))
            )
        }
        if organisation_ids
        else {}
    )
    coordinators = await _coordinator_addresses(session)
    for directive in directives:
        if directive.addressee_body_id is not None:
            addresses = spokespersons.get(directive.addressee_body_id, set())
        elif directive.addressee_organisation_id is not None:
            email = organisations.get(directive.addressee_organisation_id)
            addresses = {email} if email else set()
        else:
            addresses = coordinators
        overdue = directive.due_on < day
        kind = "directive_overdue" if overdue else "directive_due"
        state = "war bis zum {} zu erledigen und ist überfällig" if overdue else "ist bis zum {} zu erledigen"
        for address in sorted(addresses):
            reminders.append(
                Reminder(
                    kind,
                    directive.id,
                    Mail(
                        to=address,
                        subject=("Überfällige" if overdue else "Fällige")
                        + " Handlungsanweisung der Steuerungsgruppe",
                        body=(
                            f"Guten Tag,\n\ndie folgende Handlungsanweisung "
                            f"{state.format(_german(directive.due_on))}:\n\n{directive.text}\n\n"
                            f"Stand und Erledigung tragen Sie hier ein: "
                            f"{settings.base_url.rstrip('/')}/handlungsanweisungen\n\n{settings.office_name}\n"
                        ),
                        purpose=f"reminder.{kind}",
                    ),
                )
            )
    return reminders


async def notify(session: AsyncSession, settings: Settings, now: datetime | None = None) -> tuple[int, int]:
    """Send the due reminders not sent before; returns (sent, failed)."""
    now = now or datetime.now(UTC)
    sent = failed = 0
    reminders = await due_reminders(session, settings, now)
    subjects = {reminder.subject_id for reminder in reminders}
    rows = await session.execute(
        select(SentReminder.kind, SentReminder.subject_id, SentReminder.recipient).where(
            SentReminder.subject_id.in_(subjects)
        )
    )
    done = {(row.kind, row.subject_id, row.recipient) for row in rows}
    for reminder in reminders:
        key = (reminder.kind, reminder.subject_id, reminder.mail.to)
        if key in done:
            continue
        if await send_mail(settings, reminder.mail):
            session.add(
                SentReminder(
                    kind=reminder.kind,
                    subject_id=reminder.subject_id,
                    recipient=reminder.mail.to,
                    sent_at=now,
                )
            )
            await session.flush()
            done.add(key)
            sent += 1
        else:
            failed += 1
    return sent, failed
