"""The integration concept: editions with their fields of action and goals.

Rules:

- Only drafts change. Any write to an adopted or superseded edition, or to one of its fields or
  goals, answers 409 (derive a new draft instead).
- At most one live draft exists at a time (409 for a second one).
- A new draft is derived from the *current* edition (the adopted concept edition) in one step:
  every field (with its bodies) and goal is copied, each copy pointing to its origin.
- Adopting a draft supersedes the previously adopted concept edition.
- A comparison matches the rows of two editions by their origin chain first, then by code.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, Protocol, TypeVar

from sqlalchemy import delete, exists, func, insert, or_, select, text
from sqlalchemy.ext.asyncio import AsyncSession

from api.concept.refs import current_edition_id
from api.concept.schemas import (
    BodyRef,
    EditionAdopt,
    EditionComparison,
    EditionCreate,
    EditionDerive,
    EditionPage,
    EditionRead,
    EditionSummary,
    EditionUpdate,
    FieldChange,
    FieldCreate,
    FieldListItem,
    FieldPage,
    FieldRead,
    FieldSnapshot,
    FieldUpdate,
    GoalChange,
    GoalCreate,
    GoalListItem,
    GoalPage,
    GoalRead,
    GoalSnapshot,
    GoalUpdate,
    PublicEdition,
    PublicField,
    PublicGoal,
)
from api.core.audit import record_audit
from api.core.concurrency import check_if_match
from api.core.errors import Conflict, FieldValidationError, NotFound
from api.core.pagination import LIKE_ESCAPE, ListParams, contains_pattern, fetch_page
from api.models import (
    Body,
    ConceptEdition,
    FieldOfAction,
    Goal,
    Measure,
    Need,
    User,
    field_of_action_bodies,
    measure_goals,
)
from api.models.base import utcnow

READ_ONLY = "Adopted and superseded editions are read-only; derive a new draft."
# Serialises the writes that must see every live draft (PostgreSQL; SQLite writes one at a time).
_DRAFT_LOCK = 0x6E65_745F_636F  # "net_co"


# --- loading and access -------------------------------------------------------------------------


async def get_edition(session: AsyncSession, edition_id: uuid.UUID) -> ConceptEdition:
    edition = await session.get(ConceptEdition, edition_id)
    if edition is None or edition.deleted_at is not None:
        raise NotFound("No concept edition with this id.")
    return edition


async def get_current_edition(session: AsyncSession) -> ConceptEdition:
    edition_id = await current_edition_id(session)
    if edition_id is None:
        raise NotFound("No concept edition has been adopted yet.")
    return await get_edition(session, edition_id)


async def get_field(session: AsyncSession, field_id: uuid.UUID) -> FieldOfAction:
    field = await session.get(FieldOfAction, field_id)
    if field is None or await _live_edition(session, field.edition_id) is None:
        raise NotFound("No field of action with this id.")
    return field


async def get_goal(session: AsyncSession, goal_id: uuid.UUID) -> Goal:
    goal = await session.get(Goal, goal_id)
    if goal is None or await _live_edition(session, goal.edition_id) is None:
        raise NotFound("No goal with this id.")
    return goal


async def _live_edition(session: AsyncSession, edition_id: uuid.UUID) -> ConceptEdition | None:
    edition = await session.get(ConceptEdition, edition_id)
    return edition if edition is not None and edition.deleted_at is None else None


def _require_draft(edition: ConceptEdition) -> None:
    if edition.status != "draft":
        raise Conflict(READ_ONLY)


async def _draft_of(session: AsyncSession, edition_id: uuid.UUID) -> ConceptEdition:
    edition = await get_edition(session, edition_id)
    _require_draft(edition)
    return edition


async def _lock_drafts(session: AsyncSession) -> None:
    """Two concurrent requests must not both create a draft or both adopt one."""
    if session.get_bind().dialect.name == "postgresql":
        await session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _DRAFT_LOCK})


async def _ensure_no_live_draft(session: AsyncSession) -> None:
    await _lock_drafts(session)
    draft = await session.scalar(
        select(ConceptEdition).where(ConceptEdition.status == "draft", ConceptEdition.deleted_at.is_(None))
    )
    if draft is not None:
        raise Conflict(
            f"There is already a draft edition ({draft.year}, {draft.title!r}); adopt or delete it "
            "before starting another one."
        )


# --- reading ------------------------------------------------------------------------------------


async def _counts(session: AsyncSession, column: Any, edition_ids: set[uuid.UUID]) -> dict[uuid.UUID, int]:
    if not edition_ids:
        return {}
    rows = await session.execute(select(column, func.count()).where(column.in_(edition_ids)).group_by(column))
    return {key: int(count) for key, count in rows.all()}


async def summaries(session: AsyncSession, editions: Sequence[ConceptEdition]) -> list[EditionSummary]:
    ids = {edition.id for edition in editions}
    fields = await _counts(session, FieldOfAction.edition_id, ids)
    goals = await _counts(session, Goal.edition_id, ids)
    return [_summary(edition, fields.get(edition.id, 0), goals.get(edition.id, 0)) for edition in editions]


def _summary(edition: ConceptEdition, field_count: int, goal_count: int) -> EditionSummary:
    return EditionSummary(
        id=edition.id,
        kind=edition.kind,
        year=edition.year,
        title=edition.title,
        status=edition.status,
        derived_from_edition_id=edition.derived_from_edition_id,
        adopted_on=edition.adopted_on,
        adopted_by=edition.adopted_by,
        superseded_on=edition.superseded_on,
        demo_content=edition.demo_content,
        field_count=field_count,
        goal_count=goal_count,
        created_at=edition.created_at,
        updated_at=edition.updated_at,
        version=edition.version,
    )


async def list_editions(
    session: AsyncSession, params: ListParams, *, statuses: list[str], kind: str | None
) -> EditionPage:
    statement = select(ConceptEdition)
    if params.q:
        statement = statement.where(
            func.lower(ConceptEdition.title).like(contains_pattern(params.q), escape=LIKE_ESCAPE)
        )
    if statuses:
        statement = statement.where(ConceptEdition.status.in_(statuses))
    if kind is not None:
        statement = statement.where(ConceptEdition.kind == kind)
    page = await fetch_page(
        session,
        statement,
        params,
        order_by=[ConceptEdition.year.desc(), ConceptEdition.created_at.desc()],
        id_column=ConceptEdition.id,
        updated_column=ConceptEdition.updated_at,
        deleted_column=ConceptEdition.deleted_at,
    )
    return EditionPage(
        items=await summaries(session, page.rows),
        total=page.total,
        limit=params.limit,
        offset=params.offset,
        tombstones=page.tombstones,
    )


async def _bodies_of(session: AsyncSession, field_ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, list[BodyRef]]:
    wanted = set(field_ids)
    result: dict[uuid.UUID, list[BodyRef]] = {field_id: [] for field_id in wanted}
    if not wanted:
        return result
    rows = await session.execute(
        select(field_of_action_bodies.c.field_of_action_id, Body)
        .join(Body, Body.id == field_of_action_bodies.c.body_id)
        .where(field_of_action_bodies.c.field_of_action_id.in_(wanted))
        .order_by(Body.short_name, Body.name, Body.id)
    )
    for field_id, body in rows:
        result[field_id].append(BodyRef(id=body.id, short_name=body.short_name, name=body.name))
    return result


def _live_measure_links() -> Any:
    return (
        select(measure_goals.c.goal_id)
        .join(Measure, Measure.id == measure_goals.c.measure_id)
        .where(Measure.deleted_at.is_(None))
    )


async def _measure_counts(session: AsyncSession, goal_ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, int]:
    wanted = set(goal_ids)
    if not wanted:
        return {}
    rows = await session.execute(
        select(measure_goals.c.goal_id, func.count())
        .join(Measure, Measure.id == measure_goals.c.measure_id)
        .where(Measure.deleted_at.is_(None), measure_goals.c.goal_id.in_(wanted))
        .group_by(measure_goals.c.goal_id)
    )
    return {key: int(count) for key, count in rows.all()}


def _goal_read(goal: Goal, measure_count: int) -> GoalRead:
    return GoalRead(
        id=goal.id,
        edition_id=goal.edition_id,
        field_of_action_id=goal.field_of_action_id,
        code=goal.code,
        title=goal.title,
        description=goal.description,
        position=goal.position,
        origin_id=goal.origin_id,
        version=goal.version,
        measure_count=measure_count,
    )


def _field_values(field: FieldOfAction, bodies: list[BodyRef]) -> dict[str, Any]:
    return {
        "id": field.id,
        "edition_id": field.edition_id,
        "code": field.code,
        "title": field.title,
        "description": field.description,
        "position": field.position,
        "origin_id": field.origin_id,
        "body_ids": [body.id for body in bodies],
        "bodies": bodies,
        "version": field.version,
    }


async def _fields_and_goals(
    session: AsyncSession, edition_id: uuid.UUID
) -> tuple[list[FieldOfAction], list[Goal]]:
    fields = list(
        await session.scalars(
            select(FieldOfAction)
            .where(FieldOfAction.edition_id == edition_id)
            .order_by(FieldOfAction.position, FieldOfAction.code, FieldOfAction.id)
        )
    )
    goals = list(
        await session.scalars(
            select(Goal).where(Goal.edition_id == edition_id).order_by(Goal.position, Goal.code, Goal.id)
        )
    )
    return fields, goals


async def _fields_and_goals_of(
    session: AsyncSession, edition_ids: Sequence[uuid.UUID]
) -> tuple[dict[uuid.UUID, list[FieldOfAction]], dict[uuid.UUID, list[Goal]]]:
    """``_fields_and_goals`` of several editions in two queries, by edition."""
    fields: dict[uuid.UUID, list[FieldOfAction]] = {edition_id: [] for edition_id in edition_ids}
    goals: dict[uuid.UUID, list[Goal]] = {edition_id: [] for edition_id in edition_ids}
    if not edition_ids:
        return fields, goals
    for field in await session.scalars(
        select(FieldOfAction)
        .where(FieldOfAction.edition_id.in_(edition_ids))
        .order_by(FieldOfAction.position, FieldOfAction.code, FieldOfAction.id)
    ):
        fields[field.edition_id].append(field)
    for goal in await session.scalars(
        select(Goal).where(Goal.edition_id.in_(edition_ids)).order_by(Goal.position, Goal.code, Goal.id)
    ):
        goals[goal.edition_id].append(goal)
    return fields, goals


async def read_edition(session: AsyncSession, edition: ConceptEdition) -> EditionRead:
    fields, goals = await _fields_and_goals(session, edition.id)
    bodies = await _bodies_of(session, (field.id for field in fields))
    measures = await _measure_counts(session, (goal.id for goal in goals))
    goals_by_field: dict[uuid.UUID, list[GoalRead]] = {field.id: [] for field in fields}
    for goal in goals:
        goals_by_field[goal.field_of_action_id].append(_goal_read(goal, measures.get(goal.id, 0)))
    summary = _summary(edition, len(fields), len(goals))
    return EditionRead(
        **summary.model_dump(),
        introduction=edition.introduction,
        fields=[
            FieldRead(**_field_values(field, bodies[field.id]), goals=goals_by_field[field.id])
            for field in fields
        ],
    )


async def field_read(session: AsyncSession, field: FieldOfAction) -> FieldRead:
    bodies = await _bodies_of(session, [field.id])
    goals = list(
        await session.scalars(
            select(Goal)
            .where(Goal.field_of_action_id == field.id)
            .order_by(Goal.position, Goal.code, Goal.id)
        )
    )
    measures = await _measure_counts(session, (goal.id for goal in goals))
    return FieldRead(
        **_field_values(field, bodies[field.id]),
        goals=[_goal_read(goal, measures.get(goal.id, 0)) for goal in goals],
    )


async def goal_read(session: AsyncSession, goal: Goal) -> GoalRead:
    measures = await _measure_counts(session, [goal.id])
    return _goal_read(goal, measures.get(goal.id, 0))


async def _picker_edition(session: AsyncSession, edition_id: uuid.UUID | None) -> uuid.UUID | None:
    return edition_id if edition_id is not None else await current_edition_id(session)


async def list_goals(
    session: AsyncSession,
    params: ListParams,
    *,
    edition_id: uuid.UUID | None,
    field_of_action_id: uuid.UUID | None,
    without_measures: bool | None,
) -> GoalPage:
    edition_id = await _picker_edition(session, edition_id)
    statement = (
        select(Goal)
        .join(FieldOfAction, FieldOfAction.id == Goal.field_of_action_id)
        .join(ConceptEdition, ConceptEdition.id == Goal.edition_id)
        .where(Goal.edition_id == edition_id, ConceptEdition.deleted_at.is_(None))
    )
    if field_of_action_id is not None:
        statement = statement.where(Goal.field_of_action_id == field_of_action_id)
    if params.q:
        pattern = contains_pattern(params.q)
        statement = statement.where(
            or_(
                func.lower(Goal.code).like(pattern, escape=LIKE_ESCAPE),
                func.lower(Goal.title).like(pattern, escape=LIKE_ESCAPE),
            )
        )
    if without_measures is not None:
        linked = Goal.id.in_(_live_measure_links())
        statement = statement.where(~linked if without_measures else linked)
    page = await fetch_page(
        session,
        statement,
        params,
        order_by=[FieldOfAction.position, FieldOfAction.code, Goal.position, Goal.code],
        id_column=Goal.id,
        updated_column=Goal.updated_at,
    )
    return GoalPage(
        items=await goal_list_items(session, page.rows),
        total=page.total,
        limit=params.limit,
        offset=params.offset,
    )


async def goal_list_items(session: AsyncSession, goals: Sequence[Goal]) -> list[GoalListItem]:
    if not goals:
        return []
    fields = {
        field.id: field
        for field in await session.scalars(
            select(FieldOfAction).where(FieldOfAction.id.in_({goal.field_of_action_id for goal in goals}))
        )
    }
    editions = {
        edition.id: edition
        for edition in await session.scalars(
            select(ConceptEdition).where(ConceptEdition.id.in_({goal.edition_id for goal in goals}))
        )
    }
    measures = await _measure_counts(session, (goal.id for goal in goals))
    return [
        GoalListItem(
            **_goal_read(goal, measures.get(goal.id, 0)).model_dump(),
            edition_year=editions[goal.edition_id].year,
            edition_status=editions[goal.edition_id].status,
            field_code=fields[goal.field_of_action_id].code,
            field_title=fields[goal.field_of_action_id].title,
        )
        for goal in goals
    ]


async def list_fields(
    session: AsyncSession, params: ListParams, *, edition_id: uuid.UUID | None, body_id: uuid.UUID | None
) -> FieldPage:
    edition_id = await _picker_edition(session, edition_id)
    statement = (
        select(FieldOfAction)
        .join(ConceptEdition, ConceptEdition.id == FieldOfAction.edition_id)
        .where(FieldOfAction.edition_id == edition_id, ConceptEdition.deleted_at.is_(None))
    )
    if body_id is not None:
        statement = statement.where(
            FieldOfAction.id.in_(
                select(field_of_action_bodies.c.field_of_action_id).where(
                    field_of_action_bodies.c.body_id == body_id
                )
            )
        )
    if params.q:
        pattern = contains_pattern(params.q)
        statement = statement.where(
            or_(
                func.lower(FieldOfAction.code).like(pattern, escape=LIKE_ESCAPE),
                func.lower(FieldOfAction.title).like(pattern, escape=LIKE_ESCAPE),
            )
        )
    page = await fetch_page(
        session,
        statement,
        params,
        order_by=[FieldOfAction.position, FieldOfAction.code],
        id_column=FieldOfAction.id,
        updated_column=FieldOfAction.updated_at,
    )
    year_rows = await session.execute(
        select(ConceptEdition.id, ConceptEdition.year).where(
            ConceptEdition.id.in_({field.edition_id for field in page.rows})
        )
    )
    years: dict[uuid.UUID, int] = dict(year_rows.all())
    bodies = await _bodies_of(session, (field.id for field in page.rows))
    return FieldPage(
        items=[
            FieldListItem(**_field_values(field, bodies[field.id]), edition_year=years[field.edition_id])
            for field in page.rows
        ],
        total=page.total,
        limit=params.limit,
        offset=params.offset,
    )


async def public_editions(session: AsyncSession) -> list[PublicEdition]:
    editions = list(
        await session.scalars(
            select(ConceptEdition)
            .where(ConceptEdition.status.in_(("adopted", "superseded")), ConceptEdition.deleted_at.is_(None))
            .order_by(ConceptEdition.year.desc(), ConceptEdition.created_at.desc(), ConceptEdition.id)
        )
    )
    fields_of, goals_of = await _fields_and_goals_of(session, [edition.id for edition in editions])
    bodies = await _bodies_of(session, (field.id for fields in fields_of.values() for field in fields))
    result = []
    for edition in editions:
        fields, goals = fields_of[edition.id], goals_of[edition.id]
        result.append(
            PublicEdition(
                id=edition.id,
                kind=edition.kind,
                year=edition.year,
                title=edition.title,
                status=edition.status,
                adopted_on=edition.adopted_on,
                adopted_by=edition.adopted_by,
                superseded_on=edition.superseded_on,
                introduction=edition.introduction,
                fields=[
                    PublicField(
                        id=field.id,
                        code=field.code,
                        title=field.title,
                        description=field.description,
                        position=field.position,
                        bodies=bodies[field.id],
                        goals=[
                            PublicGoal(
                                id=goal.id,
                                code=goal.code,
                                title=goal.title,
                                description=goal.description,
                                position=goal.position,
                            )
                            for goal in goals
                            if goal.field_of_action_id == field.id
                        ],
                    )
                    for field in fields
                ],
            )
        )
    return result


# --- editions -----------------------------------------------------------------------------------


def _audit(
    session: AsyncSession,
    user: User,
    action: str,
    object_type: str,
    object_id: uuid.UUID,
    details: dict[str, Any] | None = None,
) -> None:
    record_audit(
        session,
        actor_id=user.id,
        action=action,
        object_type=object_type,
        object_id=object_id,
        details=details,
    )


async def create_edition(session: AsyncSession, user: User, data: EditionCreate) -> ConceptEdition:
    await _ensure_no_live_draft(session)
    edition = ConceptEdition(kind="concept", status="draft", **data.model_dump())
    session.add(edition)
    await session.flush()
    _audit(session, user, "concept_edition.create", "concept_edition", edition.id)
    return edition


async def update_edition(
    session: AsyncSession, user: User, edition: ConceptEdition, data: EditionUpdate, *, if_match: str | None
) -> ConceptEdition:
    _require_draft(edition)
    check_if_match(if_match, edition)
    changes: dict[str, Any] = data.model_dump(exclude_unset=True)
    for name, value in changes.items():
        setattr(edition, name, value)
    await session.flush()
    _audit(
        session, user, "concept_edition.update", "concept_edition", edition.id, {"fields": sorted(changes)}
    )
    return edition


async def delete_edition(
    session: AsyncSession, user: User, edition: ConceptEdition, *, if_match: str | None
) -> None:
    """Soft delete; measures lose their links to the draft's goals (the draft never came into force)."""
    _require_draft(edition)
    check_if_match(if_match, edition)
    await session.execute(
        delete(measure_goals).where(
            measure_goals.c.goal_id.in_(select(Goal.id).where(Goal.edition_id == edition.id))
        )
    )
    edition.deleted_at = utcnow()
    await session.flush()
    _audit(session, user, "concept_edition.delete", "concept_edition", edition.id)


async def derive_edition(
    session: AsyncSession, user: User, source: ConceptEdition, data: EditionDerive
) -> ConceptEdition:
    if source.id != await current_edition_id(session):
        raise Conflict(
            "A new draft is derived only from the current edition (the adopted concept edition); "
            f"this edition is {source.status}."
        )
    await _ensure_no_live_draft(session)
    draft = ConceptEdition(
        kind="concept",
        status="draft",
        year=data.year,
        title=data.title,
        introduction=source.introduction,
        derived_from_edition_id=source.id,
    )
    session.add(draft)
    await session.flush()
    fields, goals = await _fields_and_goals(session, source.id)
    copies: dict[uuid.UUID, FieldOfAction] = {}
    for field in fields:
        copies[field.id] = FieldOfAction(
            id=uuid.uuid4(),
            edition_id=draft.id,
            code=field.code,
            title=field.title,
            description=field.description,
            position=field.position,
            origin_id=field.id,
        )
    session.add_all(copies.values())
    await session.flush()
    body_links = await session.execute(
        select(field_of_action_bodies.c.field_of_action_id, field_of_action_bodies.c.body_id).where(
            field_of_action_bodies.c.field_of_action_id.in_(copies)
        )
    )
    rows = [
        {"field_of_action_id": copies[field_id].id, "body_id": body_id} for field_id, body_id in body_links
    ]
    if rows:
        await session.execute(insert(field_of_action_bodies), rows)
    session.add_all(
        Goal(
            edition_id=draft.id,
            field_of_action_id=copies[goal.field_of_action_id].id,
            code=goal.code,
            title=goal.title,
            description=goal.description,
            position=goal.position,
            origin_id=goal.id,
        )
        for goal in goals
    )
    await session.flush()
    _audit(
        session,
        user,
        "concept_edition.derive",
        "concept_edition",
        draft.id,
        {"derived_from_edition_id": str(source.id), "fields": len(fields), "goals": len(goals)},
    )
    return draft


async def adopt_edition(
    session: AsyncSession, user: User, edition: ConceptEdition, data: EditionAdopt, *, if_match: str | None
) -> ConceptEdition:
    if edition.status != "draft":
        raise Conflict(f"Only a draft can be adopted; this edition is already {edition.status}.")
    check_if_match(if_match, edition)
    await _lock_drafts(session)
    previous_id = await current_edition_id(session)
    previous = await get_edition(session, previous_id) if previous_id is not None else None
    if previous is not None and previous.adopted_on is not None and data.adopted_on < previous.adopted_on:
        raise FieldValidationError(
            "adopted_on",
            f"The edition it supersedes was adopted on {previous.adopted_on.isoformat()}; "
            "the new one cannot be adopted before that.",
            "before_previous_adoption",
        )
    if previous is not None:
        previous.status = "superseded"
        previous.superseded_on = data.adopted_on
    edition.status = "adopted"
    edition.adopted_on = data.adopted_on
    edition.adopted_by = data.adopted_by
    await session.flush()
    _audit(
        session,
        user,
        "concept_edition.adopt",
        "concept_edition",
        edition.id,
        {"superseded_edition_id": str(previous.id) if previous else None},
    )
    if previous is not None:
        _audit(session, user, "concept_edition.supersede", "concept_edition", previous.id)
    return edition


# --- fields of action ---------------------------------------------------------------------------


async def _check_field_code(
    session: AsyncSession, edition_id: uuid.UUID, code: str, *, except_id: uuid.UUID | None = None
) -> None:
    statement = select(FieldOfAction.id).where(
        FieldOfAction.edition_id == edition_id, FieldOfAction.code == code
    )
    if except_id is not None:
        statement = statement.where(FieldOfAction.id != except_id)
    if await session.scalar(statement) is not None:
        raise FieldValidationError(
            "code", "Another field of action of this edition has this code.", "duplicate_code"
        )


async def _check_bodies(session: AsyncSession, body_ids: list[uuid.UUID]) -> None:
    if not body_ids:
        return
    found = set(
        await session.scalars(select(Body.id).where(Body.id.in_(body_ids), Body.deleted_at.is_(None)))
    )
    if missing := [body_id for body_id in body_ids if body_id not in found]:
        raise FieldValidationError("body_ids", f"No body with the id {missing[0]}.", "unknown_body")


async def _set_bodies(session: AsyncSession, field_id: uuid.UUID, body_ids: list[uuid.UUID]) -> None:
    await session.execute(
        delete(field_of_action_bodies).where(field_of_action_bodies.c.field_of_action_id == field_id)
    )
    if body_ids:
        await session.execute(
            insert(field_of_action_bodies),
            [{"field_of_action_id": field_id, "body_id": body_id} for body_id in body_ids],
        )


async def create_field(
    session: AsyncSession, user: User, edition: ConceptEdition, data: FieldCreate
) -> FieldOfAction:
    _require_draft(edition)
    await _check_field_code(session, edition.id, data.code)
    await _check_bodies(session, data.body_ids)
    position = data.position
    if position is None:
        last = await session.scalar(
            select(func.max(FieldOfAction.position)).where(FieldOfAction.edition_id == edition.id)
        )
        position = 1 if last is None else last + 1
    field = FieldOfAction(
        edition_id=edition.id,
        code=data.code,
        title=data.title,
        description=data.description,
        position=position,
    )
    session.add(field)
    await session.flush()
    await _set_bodies(session, field.id, data.body_ids)
    _audit(
        session,
        user,
        "field_of_action.create",
        "field_of_action",
        field.id,
        {"edition_id": str(edition.id), "fields": sorted(data.model_fields_set)},
    )
    return field


async def update_field(
    session: AsyncSession, user: User, field: FieldOfAction, data: FieldUpdate, *, if_match: str | None
) -> FieldOfAction:
    await _draft_of(session, field.edition_id)
    check_if_match(if_match, field)
    changes: dict[str, Any] = data.model_dump(exclude_unset=True)
    if "code" in changes:
        await _check_field_code(session, field.edition_id, changes["code"], except_id=field.id)
    body_ids = changes.pop("body_ids", None)
    if body_ids is not None:
        await _check_bodies(session, body_ids)
    for name, value in changes.items():
        setattr(field, name, value)
    if body_ids is not None:
        await _set_bodies(session, field.id, body_ids)
        field.updated_at = utcnow()  # the bodies are part of the field: new version and ETag
    await session.flush()
    _audit(
        session,
        user,
        "field_of_action.update",
        "field_of_action",
        field.id,
        {"fields": sorted(data.model_fields_set)},
    )
    return field


async def delete_field(
    session: AsyncSession, user: User, field: FieldOfAction, *, if_match: str | None
) -> None:
    """Hard delete of a draft's field with its goals (and their measure links)."""
    await _draft_of(session, field.edition_id)
    check_if_match(if_match, field)
    if await session.scalar(select(exists().where(Need.field_of_action_id == field.id))):
        raise Conflict("Needs are linked to this field of action; link them to another field first.")
    goal_ids = select(Goal.id).where(Goal.field_of_action_id == field.id)
    await session.execute(delete(measure_goals).where(measure_goals.c.goal_id.in_(goal_ids)))
    await session.execute(delete(Goal).where(Goal.field_of_action_id == field.id))
    await session.execute(
        delete(field_of_action_bodies).where(field_of_action_bodies.c.field_of_action_id == field.id)
    )
    await session.delete(field)
    await session.flush()
    _audit(session, user, "field_of_action.delete", "field_of_action", field.id)


# --- goals --------------------------------------------------------------------------------------


async def _check_goal_code(
    session: AsyncSession, edition_id: uuid.UUID, code: str, *, except_id: uuid.UUID | None = None
) -> None:
    statement = select(Goal.id).where(Goal.edition_id == edition_id, Goal.code == code)
    if except_id is not None:
        statement = statement.where(Goal.id != except_id)
    if await session.scalar(statement) is not None:
        raise FieldValidationError("code", "Another goal of this edition has this code.", "duplicate_code")


async def _field_in_edition(session: AsyncSession, edition_id: uuid.UUID, field_id: uuid.UUID) -> None:
    field = await session.get(FieldOfAction, field_id)
    if field is None or field.edition_id != edition_id:
        raise FieldValidationError(
            "field_of_action_id",
            "No field of action with this id in this edition.",
            "unknown_field_of_action",
        )


async def create_goal(session: AsyncSession, user: User, edition: ConceptEdition, data: GoalCreate) -> Goal:
    _require_draft(edition)
    await _field_in_edition(session, edition.id, data.field_of_action_id)
    await _check_goal_code(session, edition.id, data.code)
    position = data.position
    if position is None:
        last = await session.scalar(
            select(func.max(Goal.position)).where(Goal.field_of_action_id == data.field_of_action_id)
        )
        position = 1 if last is None else last + 1
    goal = Goal(
        edition_id=edition.id,
        field_of_action_id=data.field_of_action_id,
        code=data.code,
        title=data.title,
        description=data.description,
        position=position,
    )
    session.add(goal)
    await session.flush()
    _audit(
        session,
        user,
        "goal.create",
        "goal",
        goal.id,
        {"edition_id": str(edition.id), "fields": sorted(data.model_fields_set)},
    )
    return goal


async def update_goal(
    session: AsyncSession, user: User, goal: Goal, data: GoalUpdate, *, if_match: str | None
) -> Goal:
    await _draft_of(session, goal.edition_id)
    check_if_match(if_match, goal)
    changes: dict[str, Any] = data.model_dump(exclude_unset=True)
    if "field_of_action_id" in changes:
        await _field_in_edition(session, goal.edition_id, changes["field_of_action_id"])
    if "code" in changes:
        await _check_goal_code(session, goal.edition_id, changes["code"], except_id=goal.id)
    for name, value in changes.items():
        setattr(goal, name, value)
    await session.flush()
    _audit(session, user, "goal.update", "goal", goal.id, {"fields": sorted(changes)})
    return goal


async def delete_goal(session: AsyncSession, user: User, goal: Goal, *, if_match: str | None) -> None:
    """Hard delete of a draft's goal; measures lose their link to it."""
    await _draft_of(session, goal.edition_id)
    check_if_match(if_match, goal)
    links = await session.execute(delete(measure_goals).where(measure_goals.c.goal_id == goal.id))
    await session.delete(goal)
    await session.flush()
    _audit(session, user, "goal.delete", "goal", goal.id, {"measure_links": getattr(links, "rowcount", 0)})


# --- comparison ---------------------------------------------------------------------------------


class _Row(Protocol):
    @property
    def id(self) -> uuid.UUID: ...
    @property
    def origin_id(self) -> uuid.UUID | None: ...
    @property
    def code(self) -> str: ...


RowT = TypeVar("RowT", bound=_Row)


@dataclass
class _Matching(Generic[RowT]):
    pairs: list[tuple[RowT, RowT]]  # (base, target), in target order
    added: list[RowT]
    removed: list[RowT]


async def _origins(
    session: AsyncSession, model: type[FieldOfAction] | type[Goal], rows: Sequence[_Row]
) -> dict[uuid.UUID, uuid.UUID | None]:
    """id → origin id for every row on the origin chains of ``rows``."""
    origins: dict[uuid.UUID, uuid.UUID | None] = {row.id: row.origin_id for row in rows}
    wanted = {row.origin_id for row in rows if row.origin_id is not None} - origins.keys()
    while wanted:
        found = await session.execute(select(model.id, model.origin_id).where(model.id.in_(wanted)))
        loaded: dict[uuid.UUID, uuid.UUID | None] = dict(found.all())
        origins.update(loaded)
        origins.update(dict.fromkeys(wanted - loaded.keys()))
        wanted = {origin for origin in loaded.values() if origin is not None} - origins.keys()
    return origins


def _match(
    base: Sequence[RowT], target: Sequence[RowT], origins: dict[uuid.UUID, uuid.UUID | None]
) -> _Matching[RowT]:
    """Same item: the target row's origin chain reaches the base row; failing that, the same code."""
    base_by_id = {row.id: row for row in base}
    partner: dict[uuid.UUID, RowT] = {}  # target id → base row
    for row in target:
        seen: set[uuid.UUID] = set()
        current = row.origin_id
        while current is not None and current not in seen:
            seen.add(current)
            found = base_by_id.get(current)
            if found is not None and all(other.id != current for other in partner.values()):
                partner[row.id] = found
                break
            current = origins.get(current)
    taken = {row.id for row in partner.values()}
    by_code = {row.code: row for row in base if row.id not in taken}
    for row in target:
        if row.id not in partner and row.code in by_code:
            partner[row.id] = by_code.pop(row.code)
    taken = {row.id for row in partner.values()}
    return _Matching(
        pairs=[(partner[row.id], row) for row in target if row.id in partner],
        added=[row for row in target if row.id not in partner],
        removed=[row for row in base if row.id not in taken],
    )


def _changed_attributes(before: _Row, after: _Row) -> list[Any]:
    return [
        name for name in ("code", "title", "description") if getattr(before, name) != getattr(after, name)
    ]


async def compare(session: AsyncSession, target: ConceptEdition, base: ConceptEdition) -> EditionComparison:
    """Added, changed and removed fields and goals from ``base`` to ``target`` (unchanged ones omitted).

    Changes come in the target's order, removed items last in the base's order.
    """
    base_fields, base_goals = await _fields_and_goals(session, base.id)
    target_fields, target_goals = await _fields_and_goals(session, target.id)
    fields = _match(base_fields, target_fields, await _origins(session, FieldOfAction, target_fields))
    goals = _match(base_goals, target_goals, await _origins(session, Goal, target_goals))
    field_code = {field.id: field.code for field in (*base_fields, *target_fields)}
    field_rank = {field.id: rank for rank, field in enumerate(target_fields)}
    field_rank |= {field.id: rank for rank, field in enumerate(base_fields)}
    matched_field = {target_row.id: base_row.id for base_row, target_row in fields.pairs}

    def field_snapshot(field: FieldOfAction) -> FieldSnapshot:
        return FieldSnapshot(code=field.code, title=field.title, description=field.description)

    def goal_snapshot(goal: Goal) -> GoalSnapshot:
        return GoalSnapshot(
            code=goal.code,
            title=goal.title,
            description=goal.description,
            field_code=field_code[goal.field_of_action_id],
        )

    def goal_rank(goal: Goal) -> tuple[int, int, str]:
        return (field_rank[goal.field_of_action_id], goal.position, goal.code)

    field_changes: list[tuple[int, FieldChange]] = [
        (
            field_rank[field.id],
            FieldChange(
                change="added",
                code=field.code,
                before=None,
                after=field_snapshot(field),
                changed_attributes=[],
            ),
        )
        for field in fields.added
    ]
    for before, after in fields.pairs:
        if changed := _changed_attributes(before, after):
            field_changes.append(
                (
                    field_rank[after.id],
                    FieldChange(
                        change="changed",
                        code=after.code,
                        before=field_snapshot(before),
                        after=field_snapshot(after),
                        changed_attributes=changed,
                    ),
                )
            )
    goal_changes: list[tuple[tuple[int, int, str], GoalChange]] = [
        (
            goal_rank(goal),
            GoalChange(
                change="added", code=goal.code, before=None, after=goal_snapshot(goal), changed_attributes=[]
            ),
        )
        for goal in goals.added
    ]
    for old_goal, new_goal in goals.pairs:
        changed = _changed_attributes(old_goal, new_goal)
        if matched_field.get(new_goal.field_of_action_id) != old_goal.field_of_action_id:
            changed.append("field_of_action")
        if changed:
            goal_changes.append(
                (
                    goal_rank(new_goal),
                    GoalChange(
                        change="changed",
                        code=new_goal.code,
                        before=goal_snapshot(old_goal),
                        after=goal_snapshot(new_goal),
                        changed_attributes=changed,
                    ),
                )
            )
    field_changes.sort(key=lambda item: item[0])
    goal_changes.sort(key=lambda item: item[0])
    summary_of = {summary.id: summary for summary in await summaries(session, [base, target])}
    return EditionComparison(
        base=summary_of[base.id],
        target=summary_of[target.id],
        fields=[change for _, change in field_changes]
        + [
            FieldChange(
                change="removed",
                code=field.code,
                before=field_snapshot(field),
                after=None,
                changed_attributes=[],
            )
            for field in fields.removed
        ],
        goals=[change for _, change in goal_changes]
        + [
            GoalChange(
                change="removed",
                code=goal.code,
                before=goal_snapshot(goal),
                after=None,
                changed_attributes=[],
            )
            for goal in sorted(goals.removed, key=goal_rank)
        ],
    )
