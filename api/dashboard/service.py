"""The dashboard figures, each from one aggregate query (the query count does not grow with the data).

Measures and needs are read by every logged-in role, so their figures are the same for everyone;
meetings count only where the caller may read them (``api.meetings.access.readable_meetings``).
Every figure equals the ``total`` of the list request it summarises:

- ``measures_by_body``: ``GET /measures?body_id=…&status=…``
- ``measures_by_field``: ``GET /measures?field_of_action_id=…&status=…``
- ``goals_without_measures``: ``GET /concept/goals?without_measures=true``
- ``open_needs_by_body``: ``GET /needs?body_id=…&status=open``
- ``upcoming_meetings_total``: ``GET /meetings?from=<today>`` less the cancelled ones
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from api.dashboard.schemas import (
    BodyMeasures,
    BodyOpenNeeds,
    Dashboard,
    EditionRef,
    FieldMeasures,
    GoalWithoutMeasures,
    OverdueDirective,
    QuarterProgress,
    RecentDecision,
    RecentMilestone,
    StatusCounts,
    UpcomingMeeting,
)
from api.meetings.access import readable_meetings
from api.meetings.service import BERLIN, local_day_start
from api.models import (
    Body,
    ConceptEdition,
    Directive,
    FieldOfAction,
    Goal,
    Measure,
    Meeting,
    Milestone,
    Need,
    Submission,
    User,
)
from api.models.measure import MEASURE_STATUSES, measure_goals
from api.submissions.directives import overdue_condition, visible_directives
from api.submissions.directives import reads as directive_reads
from api.submissions.service import visible_submissions

UPCOMING_LIMIT = 5
RECENT_MILESTONES = 10
RECENT_DECISIONS = 5
OVERDUE_DIRECTIVES = 10
QUARTERS = 8
WITHOUT_FIELD_TITLE = "Ohne Handlungsfeld"
BODY_KIND_ORDER = {"working_group": 0, "steering_group": 1, "network": 2}


def berlin_today(now: datetime | None = None) -> date:
    return (now or datetime.now(UTC)).astimezone(BERLIN).date()


def quarter_of(day: date) -> tuple[int, int]:
    return day.year, (day.month - 1) // 3 + 1


def last_quarters(day: date, count: int = QUARTERS) -> list[tuple[int, int, date]]:
    """The ``count`` quarters up to the one containing ``day``, oldest first, with their last day."""
    year, quarter = quarter_of(day)
    quarters: list[tuple[int, int, date]] = []
    for _ in range(count):
        next_start = date(year + 1, 1, 1) if quarter == 4 else date(year, quarter * 3 + 1, 1)
        quarters.append((year, quarter, next_start - timedelta(days=1)))
        year, quarter = (year - 1, 4) if quarter == 1 else (year, quarter - 1)
    return quarters[::-1]


async def progress_over_time(
    session: AsyncSession, quarters: list[tuple[int, int, date]]
) -> list[QuarterProgress]:
    """Per quarter: over the measures with a milestone with progress dated up to the quarter's last day,
    the mean of each measure's latest such progress ("latest": by date, then creation).

    One pass in SQL: each milestone counts for the quarters ending on or after its date and before
    the measure's next milestone with progress (``lead``); a tie on the date gives an empty range."""
    order = (Milestone.date, Milestone.created_at, Milestone.id)
    steps = (
        select(
            Milestone.date.label("day"),
            Milestone.progress.label("progress"),
            func.lead(Milestone.date)
            .over(partition_by=Milestone.measure_id, order_by=order)
            .label("next_day"),
        )
        .join(Measure, Measure.id == Milestone.measure_id)
        .where(
            Measure.deleted_at.is_(None),
            Milestone.progress.is_not(None),
            Milestone.date <= quarters[-1][2],
        )
        .subquery()
    )
    figures: list[Any] = []
    for _, _, last_day in quarters:
        current = and_(steps.c.day <= last_day, or_(steps.c.next_day.is_(None), steps.c.next_day > last_day))
        figures += [func.count(case((current, 1))), func.sum(case((current, steps.c.progress)))]
    row = (await session.execute(select(*figures))).one()
    result: list[QuarterProgress] = []
    for index, (year, quarter, _) in enumerate(quarters):
        measures, total = row[2 * index], row[2 * index + 1]
        result.append(
            QuarterProgress(
                period=f"{year}-Q{quarter}",
                measures=measures,
                average_progress=round(total / measures, 1) if measures else None,
            )
        )
    return result


def _counts(rows: Iterable[tuple[str, int]]) -> StatusCounts:
    return StatusCounts(**{status: count for status, count in rows if status in MEASURE_STATUSES})


def _body_order(body: Body) -> tuple[int, str]:
    return BODY_KIND_ORDER.get(body.kind, 3), body.name.casefold()


def _shown_bodies(bodies: dict[uuid.UUID, Body], with_figures: Iterable[uuid.UUID]) -> list[Body]:
    """Every live working group, then every other body (even a deleted one) that has figures."""
    shown = {body.id for body in bodies.values() if body.kind == "working_group" and body.deleted_at is None}
    shown.update(body_id for body_id in with_figures if body_id in bodies)
    return sorted((bodies[body_id] for body_id in shown), key=_body_order)


async def build_dashboard(
    session: AsyncSession, user: User, *, office_name: str, now: datetime | None = None
) -> Dashboard:
    now = now or datetime.now(UTC)
    today = berlin_today(now)
    live_measure = Measure.deleted_at.is_(None)

    edition_row = (
        await session.execute(
            select(ConceptEdition.id, ConceptEdition.year, ConceptEdition.title)
            .where(
                ConceptEdition.kind == "concept",
                ConceptEdition.status == "adopted",
                ConceptEdition.deleted_at.is_(None),
            )
            .limit(1)
        )
    ).first()
    edition = (
        EditionRef(id=edition_row.id, year=edition_row.year, title=edition_row.title) if edition_row else None
    )

    bodies = {body.id: body for body in (await session.scalars(select(Body))).all()}

    # --- measures per body and status
    per_body: dict[uuid.UUID, list[tuple[str, int]]] = defaultdict(list)
    for body_id, status, count in await session.execute(
        select(Measure.body_id, Measure.status, func.count())
        .where(live_measure)
        .group_by(Measure.body_id, Measure.status)
    ):
        per_body[body_id].append((status, count))
    measures_by_body = []
    for body in _shown_bodies(bodies, per_body):
        counts = _counts(per_body.get(body.id, []))
        measures_by_body.append(
            BodyMeasures(
                body_id=body.id,
                body_short_name=body.short_name,
                body_name=body.name,
                counts=counts,
                total=sum(counts.model_dump().values()),
            )
        )

    # --- measures per field of action of the current edition (via their goals)
    measures_by_field: list[FieldMeasures] = []
    goals_without_measures: list[GoalWithoutMeasures] = []
    edition_id = edition.id if edition else None
    per_field: dict[uuid.UUID, list[tuple[str, int]]] = defaultdict(list)
    if edition_id is not None:
        fields = (
            await session.scalars(
                select(FieldOfAction)
                .where(FieldOfAction.edition_id == edition_id)
                .order_by(FieldOfAction.position, FieldOfAction.code, FieldOfAction.id)
            )
        ).all()
        for field_id, status, count in await session.execute(
            select(Goal.field_of_action_id, Measure.status, func.count(func.distinct(Measure.id)))
            .select_from(Measure)
            .join(measure_goals, measure_goals.c.measure_id == Measure.id)
            .join(Goal, Goal.id == measure_goals.c.goal_id)
            .where(live_measure, Goal.edition_id == edition_id)
            .group_by(Goal.field_of_action_id, Measure.status)
        ):
            per_field[field_id].append((status, count))
        for field in fields:
            counts = _counts(per_field.get(field.id, []))
            measures_by_field.append(
                FieldMeasures(
                    field_of_action_id=field.id,
                    code=field.code,
                    title=field.title,
                    counts=counts,
                    total=sum(counts.model_dump().values()),
                )
            )
        linked_goals = (
            select(measure_goals.c.goal_id)
            .join(Measure, Measure.id == measure_goals.c.measure_id)
            .where(live_measure)
        )
        goals_without_measures = [
            GoalWithoutMeasures(goal_id=goal_id, code=code, title=title, field_code=field_code)
            for goal_id, code, title, field_code in await session.execute(
                select(Goal.id, Goal.code, Goal.title, FieldOfAction.code)
                .join(FieldOfAction, FieldOfAction.id == Goal.field_of_action_id)
                .where(Goal.edition_id == edition_id, Goal.id.not_in(linked_goals))
                .order_by(FieldOfAction.position, FieldOfAction.code, Goal.position, Goal.code, Goal.id)
            )
        ]
    with_current_goal = (
        select(measure_goals.c.measure_id)
        .join(Goal, Goal.id == measure_goals.c.goal_id)
        .where(Goal.edition_id == edition_id)
    )
    without_field = _counts(
        (status, count)
        for status, count in await session.execute(
            select(Measure.status, func.count())
            .where(live_measure, Measure.id.not_in(with_current_goal))
            .group_by(Measure.status)
        )
    )
    measures_by_field.append(
        FieldMeasures(
            field_of_action_id=None,
            code=None,
            title=WITHOUT_FIELD_TITLE,
            counts=without_field,
            total=sum(without_field.model_dump().values()),
        )
    )

    # --- open needs per body
    need_rows = await session.execute(
        select(Need.body_id, func.count())
        .where(Need.deleted_at.is_(None), Need.status == "open")
        .group_by(Need.body_id)
    )
    open_needs: dict[uuid.UUID, int] = dict(need_rows.all())
    open_needs_by_body = [
        BodyOpenNeeds(
            body_id=body.id,
            body_short_name=body.short_name,
            body_name=body.name,
            open=open_needs.get(body.id, 0),
        )
        for body in _shown_bodies(bodies, open_needs)
    ]

    # --- coming meetings the caller may read
    coming: Any = (
        readable_meetings(user)
        & (Meeting.status != "cancelled")
        & (Meeting.starts_at >= local_day_start(today))
    )
    upcoming_total = await session.scalar(select(func.count()).select_from(Meeting).where(coming)) or 0
    upcoming = [
        UpcomingMeeting(
            id=meeting.id,
            title=meeting.title,
            body_id=meeting.body_id,
            body_short_name=short_name,
            starts_at=meeting.starts_at,
            status=meeting.status,
        )
        for meeting, short_name in await session.execute(
            select(Meeting, Body.short_name)
            .join(Body, Body.id == Meeting.body_id)
            .where(coming)
            .order_by(Meeting.starts_at, Meeting.id)
            .limit(UPCOMING_LIMIT)
        )
    ]

    # --- progress over time, from the milestones with progress
    progress = await progress_over_time(session, last_quarters(today))

    # --- the latest milestones up to today
    recent = [
        RecentMilestone(
            measure_id=milestone.measure_id,
            reference=reference,
            measure_title=measure_title,
            milestone_id=milestone.id,
            date=milestone.date,
            title=milestone.title,
            progress=milestone.progress,
        )
        for milestone, reference, measure_title in await session.execute(
            select(Milestone, Measure.reference, Measure.title)
            .join(Measure, Measure.id == Milestone.measure_id)
            .where(live_measure, Milestone.date <= today)
            .order_by(Milestone.date.desc(), Milestone.created_at.desc(), Milestone.id.desc())
            .limit(RECENT_MILESTONES)
        )
    ]

    decisions = [
        RecentDecision(
            submission_id=submission.id,
            reference=submission.reference,
            title=submission.title,
            body_short_name=bodies[submission.body_id].short_name,
            outcome=submission.outcome,
            decided_at=submission.decided_at,
        )
        for submission in await session.scalars(
            select(Submission)
            .where(
                Submission.deleted_at.is_(None),
                Submission.decided_at.is_not(None),
                visible_submissions(user),
            )
            .order_by(Submission.decided_at.desc(), Submission.id)
            .limit(RECENT_DECISIONS)
        )
    ]
    overdue_where = Directive.deleted_at.is_(None) & visible_directives(user) & overdue_condition()
    overdue_total = await session.scalar(select(func.count()).select_from(Directive).where(overdue_where))
    overdue = [
        OverdueDirective(
            directive_id=read.id,
            submission_reference=read.submission_reference,
            text=read.text,
            addressee_name=read.addressee_name,
            due_on=read.due_on,
            status=read.status,
        )
        for read in await directive_reads(
            session,
            list(
                await session.scalars(
                    select(Directive)
                    .where(overdue_where)
                    .order_by(Directive.due_on, Directive.id)
                    .limit(OVERDUE_DIRECTIVES)
                )
            ),
            office_name=office_name,
        )
    ]

    return Dashboard(
        current_edition=edition,
        measure_statuses=list(MEASURE_STATUSES),
        measures_by_body=measures_by_body,
        measures_by_field=measures_by_field,
        goals_without_measures=goals_without_measures,
        open_needs_by_body=open_needs_by_body,
        upcoming_meetings=upcoming,
        upcoming_meetings_total=upcoming_total,
        progress_over_time=progress,
        recent_milestones=recent,
        recent_decisions=decisions,
        overdue_directives=overdue,
        overdue_directives_total=overdue_total or 0,
        generated_at=now,
    )
