"""Directives (Handlungsanweisungen): issued with a decision, tracked open → in_progress → done.

Coordinators and the spokespersons of the addressed body move a directive on; ``done`` needs a
completion note, and only coordinators reopen one. Readers: coordinators and the steering group see
all, members those of their bodies' submissions and those addressed to their bodies.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import false, or_, select, true
from sqlalchemy.ext.asyncio import AsyncSession

from api.core.audit import record_audit
from api.core.concurrency import check_if_match
from api.core.deps import is_coordinator
from api.core.errors import Conflict, FieldValidationError, Forbidden, NotFound
from api.core.pagination import LIKE_ESCAPE, ListParams, contains_pattern, fetch_page
from api.memberships.service import leads_body
from api.models import Body, Directive, Organisation, Submission, User, directive_measures
from api.models.base import today
from api.submissions.schemas import DirectivePage, DirectiveRead, DirectiveStatusChange
from api.submissions.service import link_ids, member_bodies

TRANSITIONS: dict[str, frozenset[str]] = {
    "open": frozenset({"in_progress", "done"}),
    "in_progress": frozenset({"done", "open"}),
    "done": frozenset({"in_progress"}),
}


def visible_directives(user: User) -> Any:
    if is_coordinator(user) or "steering" in user.roles:
        return true()
    if user.member_id is None:
        return false()
    bodies = member_bodies(user)
    return or_(
        Directive.addressee_body_id.in_(bodies),
        Directive.submission_id.in_(select(Submission.id).where(Submission.body_id.in_(bodies))),
    )


def overdue_condition() -> Any:
    return (Directive.status != "done") & (Directive.due_on < today())


async def list_directives(
    session: AsyncSession,
    user: User,
    params: ListParams,
    *,
    statuses: list[str],
    overdue: bool | None,
    addressee_body_id: uuid.UUID | None,
    submission_id: uuid.UUID | None,
    office_name: str,
) -> DirectivePage:
    statement = select(Directive).where(visible_directives(user))
    if params.q:
        statement = statement.where(Directive.text.ilike(contains_pattern(params.q), escape=LIKE_ESCAPE))
    if statuses:
        statement = statement.where(Directive.status.in_(statuses))
    if overdue is not None:
        statement = statement.where(overdue_condition() if overdue else ~overdue_condition())
    if addressee_body_id is not None:
        statement = statement.where(Directive.addressee_body_id == addressee_body_id)
    if submission_id is not None:
        statement = statement.where(Directive.submission_id == submission_id)
    page = await fetch_page(
        session,
        statement,
        params,
        order_by=[Directive.due_on, Directive.created_at],
        id_column=Directive.id,
        updated_column=Directive.updated_at,
        deleted_column=Directive.deleted_at,
    )
    return DirectivePage(
        items=await reads(session, page.rows, office_name=office_name),
        total=page.total,
        limit=params.limit,
        offset=params.offset,
        tombstones=page.tombstones,
    )


async def reads(
    session: AsyncSession, directives: Sequence[Directive], *, office_name: str
) -> list[DirectiveRead]:
    """The API view: submissions, addressees (the office by ``office_name``) and measures in four queries."""
    if not directives:
        return []
    submissions = {
        row.id: row
        for row in await session.scalars(
            select(Submission).where(Submission.id.in_({d.submission_id for d in directives}))
        )
    }
    bodies = await _names(Body, {d.addressee_body_id for d in directives}, session)
    organisations = await _names(Organisation, {d.addressee_organisation_id for d in directives}, session)
    measures = await link_ids(
        session,
        directive_measures.c.directive_id,
        directive_measures.c.measure_id,
        {d.id for d in directives},
    )
    day = today()
    return [
        DirectiveRead(
            id=d.id,
            submission_id=d.submission_id,
            submission_reference=submissions[d.submission_id].reference,
            submission_title=submissions[d.submission_id].title,
            text=d.text,
            addressee_kind=d.addressee_kind,
            addressee_body_id=d.addressee_body_id,
            addressee_organisation_id=d.addressee_organisation_id,
            addressee_name=bodies.get(d.addressee_body_id)
            or organisations.get(d.addressee_organisation_id)
            or office_name,
            due_on=d.due_on,
            overdue=d.status != "done" and d.due_on < day,
            status=d.status,
            completion_note=d.completion_note,
            completed_at=d.completed_at,
            measure_ids=measures[d.id],
            created_at=d.created_at,
            updated_at=d.updated_at,
            version=d.version,
        )
        for d in directives
    ]


async def _names(
    model: Any, ids: set[uuid.UUID | None], session: AsyncSession
) -> dict[uuid.UUID | None, str]:
    wanted = {value for value in ids if value is not None}
    if not wanted:
        return {}
    rows = await session.execute(select(model.id, model.name).where(model.id.in_(wanted)))
    return {row.id: row.name for row in rows}


async def get_directive(session: AsyncSession, user: User, directive_id: uuid.UUID) -> Directive:
    directive = await session.scalar(
        select(Directive).where(
            Directive.id == directive_id, Directive.deleted_at.is_(None), visible_directives(user)
        )
    )
    if directive is None:
        raise NotFound("No directive with this id.")
    return directive


async def change_status(
    session: AsyncSession,
    user: User,
    directive: Directive,
    data: DirectiveStatusChange,
    *,
    if_match: str | None,
) -> Directive:
    addressed_body = directive.addressee_body_id
    if not is_coordinator(user) and not (addressed_body and await leads_body(session, user, addressed_body)):
        raise Forbidden("Only coordinators and the spokespersons of the addressed body update a directive.")
    check_if_match(if_match, directive)
    if data.status not in TRANSITIONS[directive.status]:
        allowed = ", ".join(sorted(TRANSITIONS[directive.status]))
        raise Conflict(f"A directive cannot go from {directive.status} to {data.status}; allowed: {allowed}.")
    if directive.status == "done" and not is_coordinator(user):
        raise Forbidden("Only coordinators reopen a directive that is done.")
    note = data.note.strip()
    if data.status == "done" and not note:
        raise FieldValidationError("note", "Say how the directive was carried out.", "note_required")
    previous = directive.status
    directive.status = data.status
    if data.status == "done":
        directive.completion_note = note
        directive.completed_at = datetime.now(UTC)
    else:
        directive.completed_at = None
    await session.flush()
    record_audit(
        session,
        actor_id=user.id,
        action="directive.status",
        object_type="directive",
        object_id=directive.id,
        details={"from": previous, "to": data.status},
    )
    return directive
