"""Measures (Maßnahmen): list, create with a reference, read, change, delete (tombstones), move
through the status, and keep their milestones and indicators.

The status moves only along ``TRANSITIONS``; any other move answers 409 naming the allowed targets:

- ``idea`` → ``planned``, ``discontinued``
- ``planned`` → ``in_progress``, ``paused``, ``discontinued``
- ``in_progress`` → ``completed``, ``paused``, ``discontinued``
- ``paused`` → ``planned``, ``in_progress``, ``discontinued``
- ``completed`` and ``discontinued`` are final

``paused`` and ``discontinued`` need a reason (kept in ``status_reason``); ``completed`` sets the
progress to 100.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, delete, func, insert, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from api.concept.refs import current_edition_id
from api.core.audit import record_audit
from api.core.concurrency import check_if_match
from api.core.errors import Conflict, FieldError, FieldValidationError, Forbidden, NotFound
from api.core.pagination import LIKE_ESCAPE, ListParams, contains_pattern, fetch_page
from api.core.references import next_reference
from api.measures.filters import MeasureFilters
from api.measures.schemas import (
    IndicatorActual,
    IndicatorCreate,
    IndicatorRead,
    IndicatorUpdate,
    MeasureCreate,
    MeasureGoalRef,
    MeasureListItem,
    MeasureMeetingRef,
    MeasureNeedRef,
    MeasureOrganisationInput,
    MeasureOrganisationRead,
    MeasurePage,
    MeasureRead,
    MeasureStatusChange,
    MeasureUpdate,
    MilestoneCreate,
    MilestoneRead,
    MilestoneUpdate,
)
from api.meetings.access import may_edit_body_meetings, readable_meetings
from api.models import (
    AgendaItem,
    Body,
    ConceptEdition,
    FieldOfAction,
    Goal,
    Indicator,
    Measure,
    MeasureOrganisation,
    Meeting,
    Milestone,
    Need,
    Organisation,
    User,
    measure_goals,
    measure_needs,
)
from api.models.base import today, utcnow
from api.models.measure import MEASURE_REFERENCE_ORDER

TRANSITIONS: dict[str, tuple[str, ...]] = {
    "idea": ("planned", "discontinued"),
    "planned": ("in_progress", "paused", "discontinued"),
    "in_progress": ("completed", "paused", "discontinued"),
    "paused": ("planned", "in_progress", "discontinued"),
    "completed": (),
    "discontinued": (),
}
REASON_REQUIRED = frozenset({"paused", "discontinued"})
ROLE_ORDER = {"lead": 0, "partner": 1, "funder": 2}


class QueryValidationError(FieldValidationError):
    """A 422 for a query parameter that is valid alone but not together with another one."""

    def __init__(self, field: str, message: str, code: str) -> None:
        super().__init__(field, message, code)
        for error in self.errors or []:
            error.location = "query"


def transition_problem(current: str, target: str) -> str | None:
    """Why ``current`` → ``target`` is not allowed, or None when it is (shared with the import)."""
    allowed = TRANSITIONS[current]
    if target in allowed:
        return None
    if not allowed:
        return f"A measure in status {current} cannot change its status any more ({current} is final)."
    return (
        f"A measure in status {current} cannot move to {target}; "
        f"allowed from {current}: {', '.join(allowed)}."
    )


# --- reading ----------------------------------------------------------------------------------


def filter_measures(statement: Select[Any], q: str | None, filters: MeasureFilters) -> Select[Any]:
    """The list filters on a statement selecting from ``Measure`` (shared with the export)."""
    start, end = filters.active_from, filters.active_to
    if start is not None and end is not None and end < start:
        raise QueryValidationError("active_to", "must not be before active_from", "period_reversed")
    if q:
        pattern = contains_pattern(q)
        statement = statement.where(
            or_(
                func.lower(Measure.reference).like(pattern, escape=LIKE_ESCAPE),
                func.lower(Measure.title).like(pattern, escape=LIKE_ESCAPE),
                func.lower(Measure.description).like(pattern, escape=LIKE_ESCAPE),
            )
        )
    if filters.statuses:
        statement = statement.where(Measure.status.in_(filters.statuses))
    if filters.body_id is not None:
        statement = statement.where(Measure.body_id == filters.body_id)
    if filters.goal_id is not None:
        statement = statement.where(
            Measure.id.in_(
                select(measure_goals.c.measure_id).where(measure_goals.c.goal_id == filters.goal_id)
            )
        )
    if filters.field_of_action_id is not None:
        statement = statement.where(
            Measure.id.in_(
                select(measure_goals.c.measure_id)
                .join(Goal, Goal.id == measure_goals.c.goal_id)
                .where(Goal.field_of_action_id == filters.field_of_action_id)
            )
        )
    if filters.organisation_id is not None:
        statement = statement.where(
            Measure.id.in_(
                select(MeasureOrganisation.measure_id).where(
                    MeasureOrganisation.organisation_id == filters.organisation_id
                )
            )
        )
    if start is not None:
        statement = statement.where(or_(Measure.ends_on.is_(None), Measure.ends_on >= start))
    if end is not None:
        statement = statement.where(or_(Measure.starts_on.is_(None), Measure.starts_on <= end))
    return statement


async def list_measures(session: AsyncSession, params: ListParams, filters: MeasureFilters) -> MeasurePage:
    statement = filter_measures(select(Measure), params.q, filters)
    page = await fetch_page(
        session,
        statement,
        params,
        order_by=list(MEASURE_REFERENCE_ORDER),
        id_column=Measure.id,
        updated_column=Measure.updated_at,
        deleted_column=Measure.deleted_at,
    )
    return MeasurePage(
        items=await list_items(session, page.rows),
        total=page.total,
        limit=params.limit,
        offset=params.offset,
        tombstones=page.tombstones,
    )


async def list_items(session: AsyncSession, measures: Sequence[Measure]) -> list[MeasureListItem]:
    """The list view of ``measures`` in four queries, however many there are."""
    if not measures:
        return []
    ids = {measure.id for measure in measures}
    bodies = {
        body.id: body
        for body in await session.scalars(select(Body).where(Body.id.in_({m.body_id for m in measures})))
    }
    goal_codes: dict[uuid.UUID, list[str]] = defaultdict(list)
    field_ids: dict[uuid.UUID, list[uuid.UUID]] = defaultdict(list)
    edition_id = await current_edition_id(session)
    if edition_id is not None:
        rows = await session.execute(
            select(measure_goals.c.measure_id, Goal.code, Goal.field_of_action_id)
            .join(Goal, Goal.id == measure_goals.c.goal_id)
            .join(FieldOfAction, FieldOfAction.id == Goal.field_of_action_id)
            .where(measure_goals.c.measure_id.in_(ids), Goal.edition_id == edition_id)
            .order_by(FieldOfAction.position, FieldOfAction.code, Goal.position, Goal.code)
        )
        for measure_id, code, field_id in rows:
            goal_codes[measure_id].append(code)
            if field_id not in field_ids[measure_id]:
                field_ids[measure_id].append(field_id)
    leads: dict[uuid.UUID, list[str]] = defaultdict(list)
    for measure_id, name in await session.execute(
        select(MeasureOrganisation.measure_id, Organisation.name)
        .join(Organisation, Organisation.id == MeasureOrganisation.organisation_id)
        .where(MeasureOrganisation.measure_id.in_(ids), MeasureOrganisation.role == "lead")
        .order_by(Organisation.name)
    ):
        leads[measure_id].append(name)
    return [
        MeasureListItem(
            id=measure.id,
            reference=measure.reference,
            title=measure.title,
            body_id=measure.body_id,
            body_short_name=bodies[measure.body_id].short_name,
            body_name=bodies[measure.body_id].name,
            status=measure.status,
            progress=measure.progress,
            starts_on=measure.starts_on,
            ends_on=measure.ends_on,
            target_group=measure.target_group,
            goal_codes=goal_codes[measure.id],
            field_of_action_ids=field_ids[measure.id],
            lead_organisation_names=leads[measure.id],
            updated_at=measure.updated_at,
            version=measure.version,
        )
        for measure in measures
    ]


def _meeting_ref(meeting: Meeting, item: AgendaItem | None) -> MeasureMeetingRef:
    return MeasureMeetingRef(
        meeting_id=meeting.id,
        meeting_title=meeting.title,
        meeting_starts_at=meeting.starts_at,
        agenda_item_id=item.id if item else None,
        agenda_item_number=item.number if item else None,
        agenda_item_title=item.title if item else None,
    )


async def _origin(session: AsyncSession, user: User, measure: Measure) -> MeasureMeetingRef | None:
    if measure.origin_meeting_id is None:
        return None
    meeting = await session.scalar(
        select(Meeting).where(Meeting.id == measure.origin_meeting_id, readable_meetings(user))
    )
    if meeting is None:
        return None
    item = None
    if measure.origin_agenda_item_id is not None:
        item = await session.scalar(
            select(AgendaItem).where(
                AgendaItem.id == measure.origin_agenda_item_id,
                AgendaItem.meeting_id == meeting.id,
                AgendaItem.deleted_at.is_(None),
            )
        )
    return _meeting_ref(meeting, item)


def indicator_read(indicator: Indicator) -> IndicatorRead:
    return IndicatorRead(
        id=indicator.id,
        name=indicator.name,
        unit=indicator.unit,
        baseline=indicator.baseline,
        target=indicator.target,
        actuals=[IndicatorActual.model_validate(actual) for actual in indicator.actuals or []],
        position=indicator.position,
        version=indicator.version,
    )


async def read(session: AsyncSession, user: User, measure: Measure) -> MeasureRead:
    """The full view of one measure; meetings ``user`` may not read are left out."""
    [item] = await list_items(session, [measure])
    goals = [
        MeasureGoalRef(
            id=goal.id,
            code=goal.code,
            title=goal.title,
            edition_id=edition.id,
            edition_year=edition.year,
            edition_status=edition.status,
            field_of_action_id=field.id,
            field_code=field.code,
            field_title=field.title,
        )
        for goal, field, edition in await session.execute(
            select(Goal, FieldOfAction, ConceptEdition)
            .join(measure_goals, measure_goals.c.goal_id == Goal.id)
            .join(FieldOfAction, FieldOfAction.id == Goal.field_of_action_id)
            .join(ConceptEdition, ConceptEdition.id == Goal.edition_id)
            .where(measure_goals.c.measure_id == measure.id)
            .order_by(ConceptEdition.year.desc(), FieldOfAction.position, Goal.position, Goal.code)
        )
    ]
    organisations = sorted(
        (
            MeasureOrganisationRead(
                organisation_id=organisation.id,
                name=organisation.name,
                short_name=organisation.short_name,
                role=link.role,
            )
            for link, organisation in await session.execute(
                select(MeasureOrganisation, Organisation)
                .join(Organisation, Organisation.id == MeasureOrganisation.organisation_id)
                .where(MeasureOrganisation.measure_id == measure.id)
            )
        ),
        key=lambda row: (ROLE_ORDER.get(row.role, 9), row.name.lower()),
    )
    needs = [
        MeasureNeedRef(id=need.id, title=need.title, status=need.status, body_short_name=short_name)
        for need, short_name in await session.execute(
            select(Need, Body.short_name)
            .join(measure_needs, measure_needs.c.need_id == Need.id)
            .join(Body, Body.id == Need.body_id)
            .where(measure_needs.c.measure_id == measure.id, Need.deleted_at.is_(None))
            .order_by(Need.created_at, Need.id)
        )
    ]
    milestones = [
        MilestoneRead.model_validate(milestone)
        for milestone in await session.scalars(
            select(Milestone)
            .where(Milestone.measure_id == measure.id)
            .order_by(Milestone.date, Milestone.created_at, Milestone.id)
        )
    ]
    indicators = [
        indicator_read(indicator)
        for indicator in await session.scalars(
            select(Indicator)
            .where(Indicator.measure_id == measure.id)
            .order_by(Indicator.position, Indicator.created_at, Indicator.id)
        )
    ]
    discussed_in = [
        _meeting_ref(meeting, agenda_item)
        for agenda_item, meeting in await session.execute(
            select(AgendaItem, Meeting)
            .join(Meeting, Meeting.id == AgendaItem.meeting_id)
            .where(
                AgendaItem.measure_id == measure.id,
                AgendaItem.deleted_at.is_(None),
                readable_meetings(user),
            )
            .order_by(Meeting.starts_at, AgendaItem.position, AgendaItem.id)
        )
    ]
    return MeasureRead(
        **item.model_dump(),
        description=measure.description,
        status_reason=measure.status_reason,
        goals=goals,
        organisations=organisations,
        needs=needs,
        milestones=milestones,
        indicators=indicators,
        origin=await _origin(session, user, measure),
        discussed_in=discussed_in,
        created_at=measure.created_at,
    )


async def get_measure(session: AsyncSession, measure_id: uuid.UUID) -> Measure:
    measure = await session.get(Measure, measure_id)
    if measure is None or measure.deleted_at is not None:
        raise NotFound("No measure with this id.")
    return measure


# --- checks -----------------------------------------------------------------------------------


async def _check_may_edit(session: AsyncSession, user: User, body_id: uuid.UUID) -> None:
    if not await may_edit_body_meetings(session, user, body_id):
        raise Forbidden("Only coordinators and the responsible body's spokespersons change its measures.")


async def _check_body(session: AsyncSession, user: User, body_id: uuid.UUID) -> None:
    body = await session.get(Body, body_id)
    if body is None or body.deleted_at is not None:
        raise FieldValidationError("body_id", "No body with this id.", "unknown_body")
    await _check_may_edit(session, user, body_id)


def _linkable_goal() -> ColumnElement[bool]:
    """Goals that may be newly linked: of the current (adopted) concept edition or of a draft."""
    return (
        (ConceptEdition.kind == "concept")
        & ConceptEdition.deleted_at.is_(None)
        & ConceptEdition.status.in_(("adopted", "draft"))
    )


async def _check_goals(session: AsyncSession, goal_ids: Iterable[uuid.UUID]) -> None:
    wanted = set(goal_ids)
    if not wanted:
        return
    found = set(
        await session.scalars(
            select(Goal.id)
            .join(ConceptEdition, ConceptEdition.id == Goal.edition_id)
            .where(Goal.id.in_(wanted), _linkable_goal())
        )
    )
    if wanted - found:
        raise FieldValidationError(
            "goal_ids",
            "Only goals of the current concept edition or of the draft edition can be linked; "
            f"{len(wanted - found)} of the goals sent are unknown or of an older edition.",
            "unknown_goal",
        )


async def _check_organisations(session: AsyncSession, rows: Sequence[MeasureOrganisationInput]) -> None:
    ids = [row.organisation_id for row in rows]
    if len(set(ids)) != len(ids):
        raise FieldValidationError(
            "organisations", "Each organisation may appear only once.", "duplicate_organisation"
        )
    if not ids:
        return
    found = set(
        await session.scalars(
            select(Organisation.id).where(Organisation.id.in_(ids), Organisation.deleted_at.is_(None))
        )
    )
    if set(ids) - found:
        raise FieldValidationError("organisations", "No organisation with this id.", "unknown_organisation")


async def _live_needs(session: AsyncSession, need_ids: Sequence[uuid.UUID]) -> list[Need]:
    if not need_ids:
        return []
    needs = list(await session.scalars(select(Need).where(Need.id.in_(need_ids), Need.deleted_at.is_(None))))
    if len(needs) != len(set(need_ids)):
        raise FieldValidationError("need_ids", "No need with this id.", "unknown_need")
    return needs


async def _check_origin(
    session: AsyncSession, user: User, meeting_id: uuid.UUID | None, agenda_item_id: uuid.UUID | None
) -> uuid.UUID | None:
    """The origin meeting for the given pair (the agenda item sets it); 422 unless readable."""
    if agenda_item_id is not None:
        item_meeting = await session.scalar(
            select(AgendaItem.meeting_id)
            .join(Meeting, Meeting.id == AgendaItem.meeting_id)
            .where(AgendaItem.id == agenda_item_id, AgendaItem.deleted_at.is_(None), readable_meetings(user))
        )
        if item_meeting is None:
            raise FieldValidationError(
                "origin_agenda_item_id", "No agenda item with this id.", "unknown_agenda_item"
            )
        if meeting_id is not None and meeting_id != item_meeting:
            raise FieldValidationError(
                "origin_agenda_item_id",
                "The agenda item belongs to another meeting than origin_meeting_id.",
                "agenda_item_of_other_meeting",
            )
        return item_meeting
    if meeting_id is not None:
        found = await session.scalar(
            select(Meeting.id).where(Meeting.id == meeting_id, readable_meetings(user))
        )
        if found is None:
            raise FieldValidationError("origin_meeting_id", "No meeting with this id.", "unknown_meeting")
    return meeting_id


def _address_needs(session: AsyncSession, user: User, measure: Measure, needs: Iterable[Need]) -> None:
    """Open needs a measure takes up become ``addressed``."""
    for need in needs:
        if need.status == "open":
            need.status = "addressed"
            need.status_note = ""
            record_audit(
                session,
                actor_id=user.id,
                action="need.status",
                object_type="need",
                object_id=need.id,
                details={"from": "open", "to": "addressed", "measure_id": str(measure.id)},
            )


async def _replace_links(
    session: AsyncSession,
    measure_id: uuid.UUID,
    *,
    goal_ids: Sequence[uuid.UUID] | None = None,
    organisations: Sequence[MeasureOrganisationInput] | None = None,
    need_ids: Sequence[uuid.UUID] | None = None,
) -> None:
    if goal_ids is not None:
        await session.execute(delete(measure_goals).where(measure_goals.c.measure_id == measure_id))
        if goal_ids:
            await session.execute(
                insert(measure_goals),
                [{"measure_id": measure_id, "goal_id": goal_id} for goal_id in goal_ids],
            )
    if organisations is not None:
        await session.execute(delete(MeasureOrganisation).where(MeasureOrganisation.measure_id == measure_id))
        session.add_all(
            MeasureOrganisation(measure_id=measure_id, organisation_id=row.organisation_id, role=row.role)
            for row in organisations
        )
    if need_ids is not None:
        await session.execute(delete(measure_needs).where(measure_needs.c.measure_id == measure_id))
        if need_ids:
            await session.execute(
                insert(measure_needs),
                [{"measure_id": measure_id, "need_id": need_id} for need_id in need_ids],
            )


async def _updated_origin(
    session: AsyncSession, user: User, measure: Measure, changes: dict[str, Any]
) -> tuple[uuid.UUID | None, uuid.UUID | None] | None:
    """The (meeting, agenda item) origin a change leaves, None when untouched; only new values are
    checked for readability. Sending only the meeting keeps the item if it belongs to that meeting."""
    if not changes.keys() & {"origin_meeting_id", "origin_agenda_item_id"}:
        return None
    current = (measure.origin_meeting_id, measure.origin_agenda_item_id)
    meeting_id: uuid.UUID | None = changes.get("origin_meeting_id", measure.origin_meeting_id)
    item_id: uuid.UUID | None
    if "origin_agenda_item_id" in changes:
        item_id = changes["origin_agenda_item_id"]
        if item_id is not None and "origin_meeting_id" not in changes:
            meeting_id = None  # the item decides the meeting
    else:
        item_id = None
        if measure.origin_agenda_item_id is not None and meeting_id is not None:
            item_id = await session.scalar(
                select(AgendaItem.id).where(
                    AgendaItem.id == measure.origin_agenda_item_id, AgendaItem.meeting_id == meeting_id
                )
            )
    if item_id is not None and item_id == current[1] and meeting_id in (None, current[0]):
        return current
    if item_id is None and meeting_id == current[0]:
        return meeting_id, None
    return await _check_origin(session, user, meeting_id, item_id), item_id


# --- writing ----------------------------------------------------------------------------------


async def create_measure(session: AsyncSession, user: User, data: MeasureCreate) -> Measure:
    """Checks everything first (a 403 keeps writes, so nothing may be written before it)."""
    await _check_body(session, user, data.body_id)
    await _check_goals(session, data.goal_ids)
    await _check_organisations(session, data.organisations)
    needs = await _live_needs(session, data.need_ids)
    origin_meeting_id = await _check_origin(session, user, data.origin_meeting_id, data.origin_agenda_item_id)
    reference = await next_reference(session, "M", today().year)
    measure = Measure(
        reference=reference,
        title=data.title,
        description=data.description,
        body_id=data.body_id,
        target_group=data.target_group,
        status=data.status,
        status_reason="",
        starts_on=data.starts_on,
        ends_on=data.ends_on,
        progress=data.progress,
        origin_meeting_id=origin_meeting_id,
        origin_agenda_item_id=data.origin_agenda_item_id,
    )
    session.add(measure)
    await session.flush()
    await _replace_links(
        session, measure.id, goal_ids=data.goal_ids, organisations=data.organisations, need_ids=data.need_ids
    )
    _address_needs(session, user, measure, needs)
    await session.flush()
    record_audit(
        session,
        actor_id=user.id,
        action="measure.create",
        object_type="measure",
        object_id=measure.id,
        details={"reference": reference, "fields": sorted(data.model_fields_set)},
    )
    return measure


async def update_measure(
    session: AsyncSession, user: User, measure: Measure, data: MeasureUpdate, *, if_match: str | None
) -> Measure:
    await _check_may_edit(session, user, measure.body_id)
    check_if_match(if_match, measure)
    changes: dict[str, Any] = {name: getattr(data, name) for name in data.model_fields_set}
    if "body_id" in changes and changes["body_id"] != measure.body_id:
        await _check_body(session, user, changes["body_id"])
    starts_on = changes.get("starts_on", measure.starts_on)
    ends_on = changes.get("ends_on", measure.ends_on)
    if starts_on is not None and ends_on is not None and ends_on < starts_on:
        raise FieldValidationError("ends_on", "The end must not be before the start.", "ends_before_start")
    if "goal_ids" in changes:
        linked = set(
            await session.scalars(
                select(measure_goals.c.goal_id).where(measure_goals.c.measure_id == measure.id)
            )
        )
        await _check_goals(session, set(changes["goal_ids"]) - linked)
    if "organisations" in changes:
        await _check_organisations(session, changes["organisations"])
    new_needs: list[Need] = []
    if "need_ids" in changes:
        linked_needs = set(
            await session.scalars(
                select(measure_needs.c.need_id).where(measure_needs.c.measure_id == measure.id)
            )
        )
        needs = await _live_needs(session, changes["need_ids"])
        new_needs = [need for need in needs if need.id not in linked_needs]
    origin = await _updated_origin(session, user, measure, changes)
    for field in ("title", "description", "body_id", "target_group", "starts_on", "ends_on", "progress"):
        if field in changes:
            setattr(measure, field, changes[field])
    if origin is not None:
        measure.origin_meeting_id, measure.origin_agenda_item_id = origin
    await _replace_links(
        session,
        measure.id,
        goal_ids=changes.get("goal_ids"),
        organisations=changes.get("organisations"),
        need_ids=changes.get("need_ids"),
    )
    _address_needs(session, user, measure, new_needs)
    # The list fields live in their own tables: touch the measure so its version and ETag move.
    measure.updated_at = utcnow()
    await session.flush()
    record_audit(
        session,
        actor_id=user.id,
        action="measure.update",
        object_type="measure",
        object_id=measure.id,
        details={"fields": sorted(changes)},
    )
    return measure


def apply_status(measure: Measure, target: str, reason: str) -> None:
    """Set an allowed status (checked by the caller): the reason is kept, completed means 100 %."""
    measure.status = target
    measure.status_reason = reason
    if target == "completed":
        measure.progress = 100


async def change_status(
    session: AsyncSession, user: User, measure: Measure, data: MeasureStatusChange, *, if_match: str | None
) -> Measure:
    await _check_may_edit(session, user, measure.body_id)
    check_if_match(if_match, measure)
    problem = transition_problem(measure.status, data.status)
    if problem is not None:
        allowed = ", ".join(TRANSITIONS[measure.status]) or "none"
        raise Conflict(
            problem,
            errors=[
                FieldError(
                    location="body",
                    field="status",
                    message=f"Allowed from {measure.status}: {allowed}.",
                    code="transition_not_allowed",
                )
            ],
        )
    reason = data.reason.strip()
    if data.status in REASON_REQUIRED and not reason:
        raise FieldValidationError("reason", f"Say why the measure is {data.status}.", "reason_required")
    previous = measure.status
    apply_status(measure, data.status, reason)
    await session.flush()
    record_audit(
        session,
        actor_id=user.id,
        action="measure.status",
        object_type="measure",
        object_id=measure.id,
        details={"from": previous, "to": data.status},
    )
    return measure


async def delete_measure(
    session: AsyncSession, user: User, measure: Measure, *, if_match: str | None
) -> None:
    await _check_may_edit(session, user, measure.body_id)
    check_if_match(if_match, measure)
    measure.deleted_at = datetime.now(UTC)
    await session.flush()
    record_audit(
        session,
        actor_id=user.id,
        action="measure.delete",
        object_type="measure",
        object_id=measure.id,
        details={"reference": measure.reference},
    )


# --- milestones -------------------------------------------------------------------------------


async def get_milestone(session: AsyncSession, measure: Measure, milestone_id: uuid.UUID) -> Milestone:
    milestone = await session.get(Milestone, milestone_id)
    if milestone is None or milestone.measure_id != measure.id:
        raise NotFound("No milestone with this id in this measure.")
    return milestone


async def create_milestone(
    session: AsyncSession, user: User, measure: Measure, data: MilestoneCreate
) -> Milestone:
    await _check_may_edit(session, user, measure.body_id)
    milestone = Milestone(measure_id=measure.id, **data.model_dump())
    session.add(milestone)
    await session.flush()
    record_audit(
        session,
        actor_id=user.id,
        action="milestone.create",
        object_type="milestone",
        object_id=milestone.id,
        details={"measure_id": str(measure.id), "fields": sorted(data.model_fields_set)},
    )
    return milestone


async def update_milestone(
    session: AsyncSession,
    user: User,
    measure: Measure,
    milestone: Milestone,
    data: MilestoneUpdate,
    *,
    if_match: str | None,
) -> Milestone:
    await _check_may_edit(session, user, measure.body_id)
    check_if_match(if_match, milestone)
    changes: dict[str, Any] = data.model_dump(exclude_unset=True)
    for field, value in changes.items():
        setattr(milestone, field, value)
    milestone.updated_at = utcnow()
    await session.flush()
    record_audit(
        session,
        actor_id=user.id,
        action="milestone.update",
        object_type="milestone",
        object_id=milestone.id,
        details={"measure_id": str(measure.id), "fields": sorted(changes)},
    )
    return milestone


async def delete_milestone(
    session: AsyncSession, user: User, measure: Measure, milestone: Milestone, *, if_match: str | None
) -> None:
    await _check_may_edit(session, user, measure.body_id)
    check_if_match(if_match, milestone)
    await session.delete(milestone)
    await session.flush()
    record_audit(
        session,
        actor_id=user.id,
        action="milestone.delete",
        object_type="milestone",
        object_id=milestone.id,
        details={"measure_id": str(measure.id)},
    )


# --- indicators -------------------------------------------------------------------------------


async def get_indicator(session: AsyncSession, measure: Measure, indicator_id: uuid.UUID) -> Indicator:
    indicator = await session.get(Indicator, indicator_id)
    if indicator is None or indicator.measure_id != measure.id:
        raise NotFound("No indicator with this id in this measure.")
    return indicator


async def create_indicator(
    session: AsyncSession, user: User, measure: Measure, data: IndicatorCreate
) -> Indicator:
    await _check_may_edit(session, user, measure.body_id)
    last = await session.scalar(
        select(func.max(Indicator.position)).where(Indicator.measure_id == measure.id)
    )
    indicator = Indicator(
        measure_id=measure.id,
        name=data.name,
        unit=data.unit,
        baseline=data.baseline,
        target=data.target,
        actuals=[actual.model_dump() for actual in data.actuals],
        position=0 if last is None else last + 1,
    )
    session.add(indicator)
    await session.flush()
    record_audit(
        session,
        actor_id=user.id,
        action="indicator.create",
        object_type="indicator",
        object_id=indicator.id,
        details={"measure_id": str(measure.id), "fields": sorted(data.model_fields_set)},
    )
    return indicator


async def update_indicator(
    session: AsyncSession,
    user: User,
    measure: Measure,
    indicator: Indicator,
    data: IndicatorUpdate,
    *,
    if_match: str | None,
) -> Indicator:
    await _check_may_edit(session, user, measure.body_id)
    check_if_match(if_match, indicator)
    changes: dict[str, Any] = {name: getattr(data, name) for name in data.model_fields_set}
    for field in ("name", "unit", "baseline", "target"):
        if field in changes:
            setattr(indicator, field, changes[field])
    if "actuals" in changes:
        indicator.actuals = [actual.model_dump() for actual in changes["actuals"]]
    indicator.updated_at = utcnow()
    await session.flush()
    record_audit(
        session,
        actor_id=user.id,
        action="indicator.update",
        object_type="indicator",
        object_id=indicator.id,
        details={"measure_id": str(measure.id), "fields": sorted(changes)},
    )
    return indicator


async def delete_indicator(
    session: AsyncSession, user: User, measure: Measure, indicator: Indicator, *, if_match: str | None
) -> None:
    await _check_may_edit(session, user, measure.body_id)
    check_if_match(if_match, indicator)
    await session.delete(indicator)
    await session.flush()
    record_audit(
        session,
        actor_id=user.id,
        action="indicator.delete",
        object_type="indicator",
        object_id=indicator.id,
        details={"measure_id": str(measure.id)},
    )
