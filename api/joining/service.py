"""Joining the network: the public form (rate-limited per client address, with a honeypot),
and the coordinators' decision. E-mails are built here and sent by the router after the commit."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from sqlalchemy import func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from api.consents.service import record_consent
from api.core import ratelimit
from api.core.audit import record_audit
from api.core.concurrency import check_if_match
from api.core.config import Settings
from api.core.errors import Conflict, FieldValidationError, NotFound
from api.core.mail import Mail
from api.core.pagination import LIKE_ESCAPE, ListParams, PageResult, contains_pattern, fetch_page
from api.joining.schemas import JoinRequestAccept, JoinRequestCreate, JoinRequestDecline, JoinRequestSort
from api.members.service import find_live_member
from api.models import Body, JoinRequest, Member, Membership
from api.models.base import today
from api.organisations.service import find_live_organisation

RATE_LIMIT_BUCKET = "join_request"
SORT_COLUMNS = {"created_at": JoinRequest.created_at, "family_name": JoinRequest.family_name}


async def check_rate_limit(session: AsyncSession, settings: Settings, *, address: str) -> None:
    """At most ``join_requests_per_window`` submissions per client address in the window (429)."""
    await ratelimit.check_rate_limit(
        session,
        bucket=RATE_LIMIT_BUCKET,
        address=address,
        limit=settings.join_requests_per_window,
        window_seconds=settings.join_window_seconds,
        action="join_request.create",
    )


async def working_groups(session: AsyncSession, ids: list[uuid.UUID], *, field: str) -> list[Body]:
    """The live working groups with ``ids`` (in that order); 422 on ``field`` if any is not one."""
    if not ids:
        return []
    found = {
        body.id: body
        for body in (
            await session.scalars(
                select(Body).where(Body.id.in_(ids), Body.kind == "working_group", Body.deleted_at.is_(None))
            )
        ).all()
    }
    if len(found) != len(ids):
        raise FieldValidationError(
            field, "Every id must be one of the working groups.", "not_a_working_group"
        )
    return [found[body_id] for body_id in ids]


async def submit(
    session: AsyncSession, settings: Settings, data: JoinRequestCreate, *, address: str
) -> tuple[JoinRequest, list[Body]] | None:
    """Store a request from the public form (with the working groups it names);
    ``None`` (nothing stored) when the honeypot is filled."""
    await check_rate_limit(session, settings, address=address)
    if data.website and data.website.strip():
        return None
    groups = await working_groups(session, data.working_group_ids, field="working_group_ids")
    join_request = JoinRequest(
        **data.model_dump(exclude={"consent", "website", "working_group_ids"}),
        working_group_ids=[str(body_id) for body_id in data.working_group_ids],
    )
    session.add(join_request)
    await session.flush()
    record_audit(
        session,
        actor_id=None,
        action="join_request.create",
        object_type="join_request",
        object_id=join_request.id,
        details={"fields": sorted(data.model_fields_set - {"website", "consent"})},
    )
    return join_request, groups


async def list_join_requests(
    session: AsyncSession, params: ListParams, *, status: str | None, sort: JoinRequestSort
) -> PageResult[JoinRequest]:
    statement = select(JoinRequest)
    if params.q:
        pattern = contains_pattern(params.q)
        statement = statement.where(
            or_(
                func.lower(JoinRequest.given_name + " " + JoinRequest.family_name).like(
                    pattern, escape=LIKE_ESCAPE
                ),
                func.lower(JoinRequest.email).like(pattern, escape=LIKE_ESCAPE),
                func.lower(JoinRequest.organisation_name).like(pattern, escape=LIKE_ESCAPE),
            )
        )
    if status is not None:
        statement = statement.where(JoinRequest.status == status)
    column = SORT_COLUMNS[sort.removeprefix("-")]
    order = column.desc() if sort.startswith("-") else column.asc()
    return await fetch_page(
        session,
        statement,
        params,
        order_by=[order],
        id_column=JoinRequest.id,
        updated_column=JoinRequest.updated_at,
    )


async def get_join_request(session: AsyncSession, join_request_id: uuid.UUID) -> JoinRequest:
    join_request = await session.get(JoinRequest, join_request_id)
    if join_request is None:
        raise NotFound("No join request with this id.")
    return join_request


def _ensure_open(join_request: JoinRequest) -> None:
    if join_request.status != "open":
        raise Conflict(f"The request was already {join_request.status}; only open requests are decided.")


async def accept(
    session: AsyncSession,
    join_request: JoinRequest,
    data: JoinRequestAccept,
    *,
    if_match: str | None,
    actor_id: uuid.UUID,
) -> tuple[JoinRequest, list[Body]]:
    """Link or create the member, add memberships, record the consent given on the form."""
    check_if_match(if_match, join_request)
    _ensure_open(join_request)
    group_ids = (
        data.working_group_ids
        if data.working_group_ids is not None
        else [uuid.UUID(body_id) for body_id in join_request.working_group_ids]
    )
    groups = await working_groups(session, group_ids, field="working_group_ids")
    if data.member_id is not None:
        member = await find_live_member(session, data.member_id)
        if member is None:
            raise FieldValidationError("member_id", "No member with this id.", "unknown_member")
    else:
        if (
            data.organisation_id is not None
            and await find_live_organisation(session, data.organisation_id) is None
        ):
            raise FieldValidationError(
                "organisation_id", "No organisation with this id.", "unknown_organisation"
            )
        member = Member(
            given_name=join_request.given_name,
            family_name=join_request.family_name,
            email=join_request.email,
            organisation_id=data.organisation_id,
            engagement=join_request.engagement,
            status="active",
            joined_on=today(),
            languages=[],
            internal_notes="",
        )
        session.add(member)
        await session.flush()
        record_audit(
            session,
            actor_id=actor_id,
            action="member.create",
            object_type="member",
            object_id=member.id,
            details={"fields": ["email", "engagement", "family_name", "given_name"], "join_request": True},
        )
    day = today()
    already = set(
        (
            await session.scalars(
                select(Membership.body_id).where(
                    Membership.member_id == member.id,
                    Membership.body_id.in_([group.id for group in groups]),
                    Membership.end_on.is_(None) | (Membership.end_on >= day),
                )
            )
        ).all()
    )
    for group in groups:
        if group.id in already:
            continue
        membership = Membership(member_id=member.id, body_id=group.id, role=data.role, start_on=day)
        session.add(membership)
        await session.flush()
        record_audit(
            session,
            actor_id=actor_id,
            action="membership.create",
            object_type="membership",
            object_id=membership.id,
            details={"fields": ["body_id", "member_id", "role", "start_on"], "join_request": True},
        )
    await record_consent(
        session,
        member,
        purpose="directory_listing",
        action="given",
        text_version=join_request.privacy_text_version,
        channel="web_form",
        actor_id=actor_id,
    )
    _decide(join_request, "accepted", actor_id, data.message or None)
    join_request.member_id = member.id
    await session.flush()
    record_audit(
        session,
        actor_id=actor_id,
        action="join_request.accept",
        object_type="join_request",
        object_id=join_request.id,
        details={"fields": sorted(data.model_fields_set), "new_member": data.member_id is None},
    )
    return join_request, groups


async def decline(
    session: AsyncSession,
    join_request: JoinRequest,
    data: JoinRequestDecline,
    *,
    if_match: str | None,
    actor_id: uuid.UUID,
) -> JoinRequest:
    check_if_match(if_match, join_request)
    _ensure_open(join_request)
    _decide(join_request, "declined", actor_id, data.message)
    await session.flush()
    record_audit(
        session,
        actor_id=actor_id,
        action="join_request.decline",
        object_type="join_request",
        object_id=join_request.id,
        details={"fields": ["message"]},
    )
    return join_request


def _decide(join_request: JoinRequest, status: str, actor_id: uuid.UUID, message: str | None) -> None:
    join_request.status = status
    join_request.decided_at = datetime.now(UTC)
    join_request.decided_by_user_id = actor_id
    join_request.decision_message = message


# --- E-mails to the applicant (German). They name only the applicant and the network's bodies. ---

ROLE_NAMES = {"member": "Mitglied", "guest": "Gast"}


def _greeting(join_request: JoinRequest) -> str:
    return f"Guten Tag {join_request.given_name} {join_request.family_name},"


def _signature(settings: Settings) -> str:
    return f"Mit freundlichen Grüßen\n\nStabsstelle Integration\n{settings.county_name}\n"


def _group_lines(groups: list[Body]) -> str:
    return "\n".join(f"- {group.name}" for group in groups)


def receipt_mail(settings: Settings, join_request: JoinRequest, groups: list[Body]) -> Mail:
    interest = (
        f"Sie interessieren sich für:\n{_group_lines(groups)}"
        if groups
        else "Sie haben keinen bestimmten Arbeitskreis ausgewählt."
    )
    body = (
        f"{_greeting(join_request)}\n\n"
        f"vielen Dank für Ihr Interesse am {settings.site_name} im {settings.county_name}. "
        "Wir haben Ihre Anfrage zum Mitmachen erhalten.\n\n"
        f"{interest}\n\n"
        "Die Koordinierungsstelle prüft Ihre Anfrage und meldet sich bei Ihnen per E-Mail.\n\n"
        "Falls Sie diese Anfrage nicht gestellt haben, antworten Sie bitte kurz auf diese E-Mail. "
        "Wir löschen Ihre Angaben dann.\n\n"
        f"{_signature(settings)}"
    )
    return Mail(
        to=join_request.email,
        subject=f"Ihre Anfrage: Mitmachen im {settings.site_name}",
        body=body,
        purpose="join_request.receipt",
    )


def accepted_mail(settings: Settings, join_request: JoinRequest, groups: list[Body], role: str) -> Mail:
    membership = (
        f"Sie sind ab heute als {ROLE_NAMES[role]} in diesen Arbeitskreisen eingetragen:\n"
        f"{_group_lines(groups)}"
        if groups
        else "Sie sind ab heute im Netzwerk eingetragen."
    )
    note = (
        f"\n\nNachricht der Koordinierungsstelle:\n{join_request.decision_message}"
        if join_request.decision_message
        else ""
    )
    body = (
        f"{_greeting(join_request)}\n\n"
        f"herzlich willkommen im {settings.site_name}! Wir haben Ihre Anfrage angenommen.\n\n"
        f"{membership}{note}\n\n"
        "Wie im Formular erlaubt, erscheinen Sie im Verzeichnis des Netzwerks (Datenschutzhinweise, "
        f"Fassung {join_request.privacy_text_version}). Diese Einwilligung können Sie jederzeit "
        "widerrufen, zum Beispiel mit einer Antwort auf diese E-Mail.\n\n"
        f"{_signature(settings)}"
    )
    return Mail(
        to=join_request.email,
        subject=f"Willkommen im {settings.site_name}",
        body=body,
        purpose="join_request.accepted",
    )


def declined_mail(settings: Settings, join_request: JoinRequest) -> Mail:
    body = (
        f"{_greeting(join_request)}\n\n"
        f"vielen Dank für Ihr Interesse am {settings.site_name}. Leider können wir Ihre Anfrage "
        "zum Mitmachen nicht annehmen.\n\n"
        f"Nachricht der Koordinierungsstelle:\n{join_request.decision_message}\n\n"
        f"{_signature(settings)}"
    )
    return Mail(
        to=join_request.email,
        subject=f"Ihre Anfrage zum {settings.site_name}",
        body=body,
        purpose="join_request.declined",
    )
