"""DSGVO rights of a member: information (Art. 15) and erasure (Art. 17). Admin only.

Erasure pseudonymises instead of deleting the row: minutes, memberships and decisions keep
pointing at the member, now called "ehemaliges Mitglied", and nothing in the row identifies the
person any more. The row is also soft-deleted, so lists, searches and the directory leave it out
exactly like a deleted member (no extra column: an erased member is a deleted member with the
pseudonym and without contact data; see `is_erased`).
"""

from __future__ import annotations

import re
import secrets
import uuid
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from api.audit.schemas import AuditEventRead
from api.auth.service import revoke_sessions
from api.consents.schemas import ConsentRead
from api.consents.service import history_of
from api.core.audit import record_audit
from api.core.concurrency import check_if_match
from api.core.errors import Conflict, FieldError, FieldValidationError, NotFound
from api.core.security import hash_password
from api.models import (
    Attendance,
    AuditEvent,
    AuthSession,
    Body,
    CalendarToken,
    IdempotencyRecord,
    JoinRequest,
    LoginFailure,
    Meeting,
    Member,
    Membership,
    Organisation,
    Registration,
    User,
)
from api.models.base import today
from api.privacy.schemas import (
    AccountHeld,
    AttendanceHeld,
    JoinRequestHeld,
    MemberDataExport,
    MemberHeld,
    MembershipHeld,
    OrganisationRef,
    RegistrationHeld,
)

PSEUDONYM_GIVEN = "ehemaliges"
PSEUDONYM_FAMILY = "Mitglied"
PSEUDONYM = f"{PSEUDONYM_GIVEN} {PSEUDONYM_FAMILY}"
ERASED_FIELDS = (
    "title",
    "given_name",
    "family_name",
    "email",
    "phone",
    "function",
    "languages",
    "internal_notes",
)


def is_erased(member: Member) -> bool:
    return (
        member.deleted_at is not None
        and member.given_name == PSEUDONYM_GIVEN
        and member.family_name == PSEUDONYM_FAMILY
        and member.email is None
    )


async def get_any_member(session: AsyncSession, member_id: uuid.UUID) -> Member:
    """The member, deleted or not: DSGVO rights outlive the directory entry."""
    member = await session.get(Member, member_id)
    if member is None:
        raise NotFound("No member with this id.")
    return member


async def _linked_user(session: AsyncSession, member_id: uuid.UUID) -> User | None:
    return await session.scalar(select(User).where(User.member_id == member_id))


def check_reason(member: Member, reason: str, location: str) -> None:
    """The reason stays in the audit log after an erasure, so it must not name the person."""
    needles = [member.email or "", member.given_name, member.family_name]
    for needle in needles:
        if len(needle) >= 2 and re.search(rf"(?<!\w){re.escape(needle)}(?!\w)", reason, re.IGNORECASE):
            message = (
                "Der Grund darf Namen oder E-Mail-Adresse der Person nicht enthalten; er bleibt im Protokoll."
            )
            error = FieldValidationError("reason", message, "reason_contains_personal_data")
            error.errors = [
                FieldError(
                    location=location, field="reason", message=message, code="reason_contains_personal_data"
                )
            ]
            raise error


async def export_member_data(
    session: AsyncSession, member: Member, *, reason: str, actor_id: uuid.UUID
) -> MemberDataExport:
    check_reason(member, reason, "query")
    organisation = await session.get(Organisation, member.organisation_id) if member.organisation_id else None
    membership_rows = (
        await session.execute(
            select(Membership, Body)
            .join(Body, Body.id == Membership.body_id)
            .where(Membership.member_id == member.id)
            .order_by(Membership.start_on, Membership.id)
        )
    ).all()
    memberships = [
        MembershipHeld.model_validate(
            {
                **{
                    name: getattr(membership, name)
                    for name in MembershipHeld.model_fields
                    if name not in ("body_name", "body_short_name")
                },
                "body_name": body.name,
                "body_short_name": body.short_name,
            }
        )
        for membership, body in membership_rows
    ]
    user = await _linked_user(session, member.id)
    account = None
    if user is not None:
        sessions = await session.scalar(
            select(func.count()).select_from(AuthSession).where(AuthSession.user_id == user.id)
        )
        account = AccountHeld.model_validate(
            {
                **{
                    name: getattr(user, name) for name in AccountHeld.model_fields if name != "login_sessions"
                },
                "login_sessions": sessions or 0,
            }
        )
    consents = await history_of(session, member.id)  # consent records (migration 0003)
    join_conditions = [JoinRequest.member_id == member.id]
    if member.email:
        join_conditions.append(func.lower(JoinRequest.email) == member.email.lower())
    join_requests = list(
        (
            await session.scalars(
                select(JoinRequest).where(or_(*join_conditions)).order_by(JoinRequest.created_at)
            )
        ).all()
    )
    attendances = [
        AttendanceHeld(
            meeting_id=meeting.id,
            meeting_title=meeting.title,
            meeting_starts_at=meeting.starts_at,
            response=attendance.response,
            responded_at=attendance.responded_at,
            presence=attendance.presence,
        )
        for attendance, meeting in (
            await session.execute(
                select(Attendance, Meeting)
                .join(Meeting, Meeting.id == Attendance.meeting_id)
                .where(Attendance.member_id == member.id)
                .order_by(Meeting.starts_at, Meeting.id)
            )
        ).all()
    ]
    registrations = await _registrations_of(session, member.email) if member.email else []
    object_ids = [
        str(member.id),
        *(str(membership.id) for membership, _body in membership_rows),
        *(str(record.id) for record in consents),
        *(str(request.id) for request in join_requests),
    ]
    event_conditions: list[Any] = [AuditEvent.object_id.in_(object_ids)]
    if user is not None:
        event_conditions += [AuditEvent.object_id == str(user.id), AuditEvent.actor_id == user.id]
    events = (
        await session.scalars(
            select(AuditEvent).where(or_(*event_conditions)).order_by(AuditEvent.occurred_at, AuditEvent.id)
        )
    ).all()
    result = MemberDataExport(
        generated_at=datetime.now(UTC),
        member=MemberHeld.model_validate(member),
        organisation=OrganisationRef(id=organisation.id, name=organisation.name) if organisation else None,
        memberships=memberships,
        user_account=account,
        consents=[ConsentRead.model_validate(record) for record in consents],
        join_requests=[JoinRequestHeld.model_validate(request) for request in join_requests],
        attendances=attendances,
        registrations=[RegistrationHeld.model_validate(registration) for registration in registrations],
        audit_events=[AuditEventRead.model_validate(event) for event in events],
    )
    record_audit(
        session,
        actor_id=actor_id,
        action="privacy.export",
        object_type="member",
        object_id=member.id,
        details={
            "reason": reason,
            "memberships": len(result.memberships),
            "consents": len(result.consents),
            "join_requests": len(result.join_requests),
            "attendances": len(result.attendances),
            "registrations": len(result.registrations),
            "audit_events": len(result.audit_events),
            "user_account": account is not None,
        },
    )
    return result


async def _registrations_of(session: AsyncSession, email: str) -> list[Registration]:
    statement = select(Registration).where(func.lower(Registration.email) == email.lower())
    return list((await session.scalars(statement.order_by(Registration.created_at))).all())


async def _purge_idempotency_records(session: AsyncSession, needles: list[str]) -> int:
    """Stored POST responses (kept 24 hours for replays) may quote the person; drop those."""
    needles = [needle.lower() for needle in needles if len(needle) >= 3]
    records = (
        await session.execute(
            select(IdempotencyRecord.id, IdempotencyRecord.body).where(IdempotencyRecord.body.is_not(None))
        )
    ).all()
    doomed = [
        record.id
        for record in records
        if any(needle in record.body.decode("utf-8", "replace").lower() for needle in needles)
    ]
    if doomed:
        await session.execute(delete(IdempotencyRecord).where(IdempotencyRecord.id.in_(doomed)))
    return len(doomed)


async def erase_member(
    session: AsyncSession, member: Member, *, reason: str, if_match: str | None, actor_id: uuid.UUID
) -> dict[str, Any]:
    check_if_match(if_match, member)
    if is_erased(member):
        raise Conflict("This member has already been erased.")
    check_reason(member, reason, "body")
    user = await _linked_user(session, member.id)
    if user is not None and user.id == actor_id:
        raise Conflict("You cannot erase the member linked to your own account.")
    needles = [
        member.email or "",
        member.phone or "",
        f"{member.given_name} {member.family_name}",
        member.family_name,
    ]
    old_email = member.email.lower() if member.email else None
    now = datetime.now(UTC)
    day = today()

    memberships = list(
        (await session.scalars(select(Membership).where(Membership.member_id == member.id))).all()
    )
    ended = [m for m in memberships if m.end_on is None or m.end_on > day]
    for membership in ended:
        membership.end_on = max(day, membership.start_on)

    member.title = None
    member.given_name = PSEUDONYM_GIVEN
    member.family_name = PSEUDONYM_FAMILY
    member.email = None
    member.phone = None
    member.function = None
    member.languages = []
    member.internal_notes = ""
    member.status = "left"
    if member.left_on is None:
        member.left_on = max(day, member.joined_on) if member.joined_on else day
    if member.deleted_at is None:
        member.deleted_at = now

    if user is not None:
        needles += [user.email, user.name]
        await revoke_sessions(session, user.id)
        await session.execute(delete(LoginFailure).where(LoginFailure.account == user.email.lower()))
        user.email = f"geloescht-{user.id.hex}@example.invalid"
        user.name = PSEUDONYM
        user.password_hash = hash_password(secrets.token_urlsafe(32))
        user.is_active = False
    if old_email is not None:
        await session.execute(delete(LoginFailure).where(LoginFailure.account == old_email))

    join_conditions = [JoinRequest.member_id == member.id]
    if old_email is not None:
        join_conditions.append(func.lower(JoinRequest.email) == old_email)
    join_requests = list((await session.scalars(select(JoinRequest).where(or_(*join_conditions)))).all())
    for request in join_requests:
        request.given_name = PSEUDONYM_GIVEN
        request.family_name = PSEUDONYM_FAMILY
        request.email = f"geloescht-{request.id.hex}@example.invalid"
        request.organisation_name = None
        request.message = ""
        request.decision_message = None

    registrations = await _registrations_of(session, old_email) if old_email else []
    for registration in registrations:
        registration.given_name = PSEUDONYM_GIVEN
        registration.family_name = PSEUDONYM_FAMILY
        registration.email = f"geloescht-{registration.id.hex}@example.invalid"
        registration.organisation_name = None
    calendar_tokens = list(
        (
            await session.scalars(
                select(CalendarToken).where(
                    CalendarToken.member_id == member.id, CalendarToken.revoked_at.is_(None)
                )
            )
        ).all()
    )
    for token in calendar_tokens:
        token.revoked_at = now
    # Answer links in invitation mails must stop working for the erased person.
    for attendance in await session.scalars(select(Attendance).where(Attendance.member_id == member.id)):
        attendance.response_token_hash = None

    await session.flush()
    purged = await _purge_idempotency_records(session, needles)
    for membership in ended:
        record_audit(
            session,
            actor_id=actor_id,
            action="membership.end",
            object_type="membership",
            object_id=membership.id,
            details={"fields": ["end_on"], "reason": "member_erased"},
        )
    if user is not None:
        record_audit(
            session,
            actor_id=actor_id,
            action="user.update",
            object_type="user",
            object_id=user.id,
            details={"fields": ["email", "is_active", "name", "password"], "reason": "member_erased"},
        )
    record_audit(
        session,
        actor_id=actor_id,
        action="privacy.erase",
        object_type="member",
        object_id=member.id,
        details={
            "reason": reason,
            "fields": sorted(ERASED_FIELDS),
            "memberships_kept": len(memberships),
            "memberships_ended": len(ended),
            "user_account": user is not None,
            "join_requests": len(join_requests),
            "registrations": len(registrations),
            "calendar_links_revoked": len(calendar_tokens),
            "stored_responses_dropped": purged,
        },
    )
    return {
        "member_id": member.id,
        "pseudonym": PSEUDONYM,
        "erased_at": now,
        "left_on": member.left_on,
        "memberships_kept": len(memberships),
        "memberships_ended": len(ended),
        "user_account_deactivated": user is not None,
        "join_requests_scrubbed": len(join_requests),
        "registrations_scrubbed": len(registrations),
        "calendar_links_revoked": len(calendar_tokens),
    }
