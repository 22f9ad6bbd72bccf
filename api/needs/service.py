"""Needs (Bedarfe): record, list, change, delete (kept as tombstones) and move through the status.

The status moves only along these transitions; any other answers 409:

- ``open`` → ``addressed`` (a measure takes it up), ``escalated`` (a submission to the steering
  group), ``dismissed``
- ``addressed`` → ``escalated`` (the measure is not enough), ``resolved``, ``dismissed``
- ``escalated`` → ``resolved``, ``dismissed``
- any other status → ``open``: reopening, by coordinators only (403 for spokespersons)

``resolved`` and ``dismissed`` need a note saying why (422 without); the note of the latest change
is kept in ``status_note``.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from api.concept.refs import current_edition_id, field_of_action_refs
from api.core.audit import record_audit
from api.core.concurrency import check_if_match
from api.core.deps import is_coordinator
from api.core.errors import Conflict, FieldValidationError, Forbidden, NotFound
from api.core.pagination import LIKE_ESCAPE, ListParams, contains_pattern, fetch_page
from api.measures.refs import measures_of_needs
from api.meetings.access import may_edit_body_meetings
from api.models import AgendaItem, Body, FieldOfAction, Meeting, Need, User
from api.needs.schemas import NeedCreate, NeedPage, NeedRead, NeedStatusChange, NeedUpdate
from api.offers.service import agenda_item_refs, readable_agenda_item_ids

TRANSITIONS: dict[str, frozenset[str]] = {
    "open": frozenset({"addressed", "escalated", "dismissed"}),
    "addressed": frozenset({"escalated", "resolved", "dismissed", "open"}),
    "escalated": frozenset({"resolved", "dismissed", "open"}),
    "resolved": frozenset({"open"}),
    "dismissed": frozenset({"open"}),
}
NOTE_REQUIRED = frozenset({"resolved", "dismissed"})


async def list_needs(
    session: AsyncSession,
    user: User,
    params: ListParams,
    *,
    body_id: uuid.UUID | None,
    field_of_action_id: uuid.UUID | None,
    statuses: list[str],
    meeting_id: uuid.UUID | None,
    agenda_item_id: uuid.UUID | None,
) -> NeedPage:
    statement = select(Need)
    if params.q:
        pattern = contains_pattern(params.q)
        statement = statement.where(
            or_(
                func.lower(Need.title).like(pattern, escape=LIKE_ESCAPE),
                func.lower(Need.description).like(pattern, escape=LIKE_ESCAPE),
            )
        )
    if body_id is not None:
        statement = statement.where(Need.body_id == body_id)
    if field_of_action_id is not None:
        statement = statement.where(Need.field_of_action_id == field_of_action_id)
    if statuses:
        statement = statement.where(Need.status.in_(statuses))
    if meeting_id is not None or agenda_item_id is not None:
        items = readable_agenda_item_ids(user, meeting_id=meeting_id, agenda_item_id=agenda_item_id)
        statement = statement.where(Need.raised_at_agenda_item_id.in_(items))
    page = await fetch_page(
        session,
        statement,
        params,
        order_by=[Need.created_at.desc()],
        id_column=Need.id,
        updated_column=Need.updated_at,
        deleted_column=Need.deleted_at,
    )
    return NeedPage(
        items=await reads(session, user, page.rows),
        total=page.total,
        limit=params.limit,
        offset=params.offset,
        tombstones=page.tombstones,
    )


async def reads(session: AsyncSession, user: User, needs: Sequence[Need]) -> list[NeedRead]:
    """The API view of ``needs``: bodies, readable meetings, fields and measures in four queries."""
    if not needs:
        return []
    bodies = {
        body.id: body
        for body in await session.scalars(select(Body).where(Body.id.in_({need.body_id for need in needs})))
    }
    raised = await agenda_item_refs(session, user, {need.raised_at_agenda_item_id for need in needs})
    fields = await field_of_action_refs(session, {need.field_of_action_id for need in needs})
    measures = await measures_of_needs(session, {need.id for need in needs})
    return [
        NeedRead(
            id=need.id,
            body_id=need.body_id,
            body_name=bodies[need.body_id].name,
            body_short_name=bodies[need.body_id].short_name,
            title=need.title,
            description=need.description,
            raised_at_agenda_item_id=need.raised_at_agenda_item_id,
            raised_at=raised.get(need.raised_at_agenda_item_id) if need.raised_at_agenda_item_id else None,
            field_of_action_id=need.field_of_action_id,
            field_of_action=fields.get(need.field_of_action_id) if need.field_of_action_id else None,
            status=need.status,
            status_note=need.status_note,
            measures=measures[need.id],
            created_at=need.created_at,
            updated_at=need.updated_at,
            version=need.version,
        )
        for need in needs
    ]


async def get_need(session: AsyncSession, need_id: uuid.UUID) -> Need:
    need = await session.get(Need, need_id)
    if need is None or need.deleted_at is not None:
        raise NotFound("No need with this id.")
    return need


async def _check_may_edit(session: AsyncSession, user: User, body_id: uuid.UUID) -> None:
    if not await may_edit_body_meetings(session, user, body_id):
        raise Forbidden("Only coordinators and the body's spokespersons record and change its needs.")


async def _check_references(
    session: AsyncSession,
    user: User,
    *,
    body_id: uuid.UUID,
    agenda_item_id: uuid.UUID | None,
    field_of_action_id: uuid.UUID | None,
    changed: set[str],
) -> None:
    """Checks the values a write would leave, before anything is changed (a 403 keeps writes)."""
    if "body_id" in changed:
        body = await session.get(Body, body_id)
        if body is None or body.deleted_at is not None:
            raise FieldValidationError("body_id", "No body with this id.", "unknown_body")
        await _check_may_edit(session, user, body_id)
    if "field_of_action_id" in changed and field_of_action_id is not None:
        field = await session.get(FieldOfAction, field_of_action_id)
        if field is None or field.edition_id != await current_edition_id(session):
            raise FieldValidationError(
                "field_of_action_id",
                "No field of action with this id in the current concept edition.",
                "unknown_field_of_action",
            )
    if changed & {"body_id", "raised_at_agenda_item_id"} and agenda_item_id is not None:
        found = await session.scalar(
            select(AgendaItem.id)
            .join(Meeting, Meeting.id == AgendaItem.meeting_id)
            .where(
                AgendaItem.id == agenda_item_id,
                AgendaItem.deleted_at.is_(None),
                Meeting.deleted_at.is_(None),
                Meeting.body_id == body_id,
            )
        )
        if found is None:
            raise FieldValidationError(
                "raised_at_agenda_item_id",
                "No agenda item with this id in a meeting of the need's body.",
                "unknown_agenda_item",
            )


async def create_need(session: AsyncSession, user: User, data: NeedCreate) -> Need:
    await _check_references(
        session,
        user,
        body_id=data.body_id,
        agenda_item_id=data.raised_at_agenda_item_id,
        field_of_action_id=data.field_of_action_id,
        changed={"body_id", "raised_at_agenda_item_id", "field_of_action_id"},
    )
    need = Need(**data.model_dump())
    session.add(need)
    await session.flush()
    record_audit(
        session,
        actor_id=user.id,
        action="need.create",
        object_type="need",
        object_id=need.id,
        details={"fields": sorted(data.model_fields_set)},
    )
    return need


async def update_need(
    session: AsyncSession, user: User, need: Need, data: NeedUpdate, *, if_match: str | None
) -> Need:
    await _check_may_edit(session, user, need.body_id)
    check_if_match(if_match, need)
    changes: dict[str, Any] = data.model_dump(exclude_unset=True)
    await _check_references(
        session,
        user,
        body_id=changes.get("body_id", need.body_id),
        agenda_item_id=changes.get("raised_at_agenda_item_id", need.raised_at_agenda_item_id),
        field_of_action_id=changes.get("field_of_action_id", need.field_of_action_id),
        changed=set(changes),
    )
    for field, value in changes.items():
        setattr(need, field, value)
    await session.flush()
    record_audit(
        session,
        actor_id=user.id,
        action="need.update",
        object_type="need",
        object_id=need.id,
        details={"fields": sorted(changes)},
    )
    return need


async def change_status(
    session: AsyncSession, user: User, need: Need, data: NeedStatusChange, *, if_match: str | None
) -> Need:
    await _check_may_edit(session, user, need.body_id)
    check_if_match(if_match, need)
    if data.status not in TRANSITIONS[need.status]:
        raise Conflict(f"A need cannot go from {need.status} to {data.status}.")
    if data.status == "open" and not is_coordinator(user):
        raise Forbidden("Only coordinators reopen a need.")
    note = data.note.strip()
    if data.status in NOTE_REQUIRED and not note:
        raise FieldValidationError("note", f"Say why the need is {data.status}.", "note_required")
    previous = need.status
    need.status = data.status
    need.status_note = note
    await session.flush()
    record_audit(
        session,
        actor_id=user.id,
        action="need.status",
        object_type="need",
        object_id=need.id,
        details={"from": previous, "to": data.status},
    )
    return need


async def delete_need(session: AsyncSession, user: User, need: Need, *, if_match: str | None) -> None:
    await _check_may_edit(session, user, need.body_id)
    check_if_match(if_match, need)
    need.deleted_at = datetime.now(UTC)
    await session.flush()
    record_audit(session, actor_id=user.id, action="need.delete", object_type="need", object_id=need.id)
