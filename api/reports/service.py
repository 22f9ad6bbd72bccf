"""Assembles the status report of a steering meeting from the data since the previous one.

The period runs from the day of the previous steering meeting, so that its decisions are reported
(half a year back for the first meeting), to the day before this one, in Europe/Berlin days.
Figures "now" (open needs, measures) are the state when the report is generated, as the lists
show them.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from api.core.errors import NotFound
from api.dashboard.schemas import StatusCounts
from api.meetings.access import readable_meeting
from api.meetings.service import BERLIN, local_day_start
from api.models import (
    AgendaItem,
    Attendance,
    Body,
    Directive,
    Measure,
    Meeting,
    Milestone,
    Need,
    Offer,
    Submission,
    User,
)
from api.reports.schemas import DirectiveCounts, DirectiveLine, GroupSection, PaperLine, StatusReport
from api.submissions.directives import reads as directive_reads

HELD = ("held", "minutes_approved")
FIRST_PERIOD_DAYS = 182


def _day(moment: datetime) -> date:
    return moment.astimezone(BERLIN).date()


async def _period(session: AsyncSession, meeting: Meeting) -> tuple[date, date]:
    previous = await session.scalar(
        select(Meeting.starts_at)
        .where(
            Meeting.body_id == meeting.body_id,
            Meeting.deleted_at.is_(None),
            Meeting.status != "cancelled",
            Meeting.starts_at < local_day_start(_day(meeting.starts_at)),
        )
        .order_by(Meeting.starts_at.desc())
        .limit(1)
    )
    to_day = _day(meeting.starts_at) - timedelta(days=1)
    from_day = _day(previous) if previous else to_day - timedelta(days=FIRST_PERIOD_DAYS)
    return from_day, to_day


def _paper(submission: Submission, bodies: dict[uuid.UUID, Body]) -> PaperLine:
    return PaperLine(
        id=submission.id,
        reference=submission.reference,
        title=submission.title,
        body_short_name=bodies[submission.body_id].short_name,
        status=submission.status,
        outcome=submission.outcome,
        decided_at=submission.decided_at,
    )


async def build_report(
    session: AsyncSession, user: User, meeting_id: uuid.UUID, *, office_name: str, now: datetime | None = None
) -> StatusReport:
    now = now or datetime.now(UTC)
    meeting = await readable_meeting(session, user, meeting_id)
    bodies = {body.id: body for body in await session.scalars(select(Body))}
    if bodies[meeting.body_id].kind != "steering_group":
        raise NotFound("No steering-group meeting with this id.")
    from_day, to_day = await _period(session, meeting)
    start, end = local_day_start(from_day), local_day_start(to_day + timedelta(days=1))
    groups = sorted(
        (body for body in bodies.values() if body.kind == "working_group" and body.deleted_at is None),
        key=lambda body: body.name,
    )
    in_period = (
        Meeting.deleted_at.is_(None),
        Meeting.status.in_(HELD),
        Meeting.starts_at >= start,
        Meeting.starts_at < end,
    )
    held = {
        row.body_id: row.n
        for row in await session.execute(
            select(Meeting.body_id, func.count().label("n")).where(*in_period).group_by(Meeting.body_id)
        )
    }
    present = {
        row.body_id: row.n
        for row in await session.execute(
            select(Meeting.body_id, func.count().label("n"))
            .join(Attendance, Attendance.meeting_id == Meeting.id)
            .where(*in_period, Attendance.presence == "present")
            .group_by(Meeting.body_id)
        )
    }
    presented = {
        row.body_id: row.n
        for row in await session.execute(
            select(Meeting.body_id, func.count(func.distinct(Offer.id)).label("n"))
            .join(AgendaItem, AgendaItem.meeting_id == Meeting.id)
            .join(Offer, Offer.presented_at_agenda_item_id == AgendaItem.id)
            .where(*in_period, AgendaItem.deleted_at.is_(None), Offer.deleted_at.is_(None))
            .group_by(Meeting.body_id)
        )
    }
    needs: dict[tuple[uuid.UUID, str], int] = {
        (row.body_id, row.status): row.n
        for row in await session.execute(
            select(Need.body_id, Need.status, func.count().label("n"))
            .where(
                Need.deleted_at.is_(None),
                (Need.status == "open")
                | ((Need.status == "resolved") & (Need.updated_at >= start) & (Need.updated_at < end)),
            )
            .group_by(Need.body_id, Need.status)
        )
    }
    measures: dict[uuid.UUID, dict[str, int]] = defaultdict(dict)
    for row in await session.execute(
        select(Measure.body_id, Measure.status, func.count().label("n"))
        .where(Measure.deleted_at.is_(None))
        .group_by(Measure.body_id, Measure.status)
    ):
        measures[row.body_id][row.status] = row.n
    latest: dict[uuid.UUID, tuple[uuid.UUID, int]] = {}
    for milestone in await session.execute(
        select(Measure.body_id, Milestone.measure_id, Milestone.progress)
        .join(Measure, Measure.id == Milestone.measure_id)
        .where(Measure.deleted_at.is_(None), Milestone.progress.is_not(None), Milestone.date <= to_day)
        .order_by(Milestone.measure_id, Milestone.date, Milestone.created_at)
    ):
        latest[milestone.measure_id] = (milestone.body_id, milestone.progress)
    progress: dict[uuid.UUID, list[int]] = defaultdict(list)
    for body_id, value in latest.values():
        progress[body_id].append(value)
    submitted = list(
        await session.scalars(
            select(Submission)
            .where(
                Submission.deleted_at.is_(None),
                Submission.submitted_at >= start,
                Submission.submitted_at < end,
            )
            .order_by(Submission.submitted_at, Submission.id)
        )
    )
    decided = list(
        await session.scalars(
            select(Submission)
            .where(
                Submission.deleted_at.is_(None), Submission.decided_at >= start, Submission.decided_at < end
            )
            .order_by(Submission.decided_at, Submission.id)
        )
    )
    directives = await directive_reads(
        session,
        list(
            await session.scalars(
                select(Directive)
                .where(
                    Directive.deleted_at.is_(None),
                    (Directive.status != "done")
                    | ((Directive.completed_at >= start) & (Directive.completed_at < end)),
                )
                .order_by(Directive.due_on, Directive.id)
            )
        ),
        office_name=office_name,
    )
    lines = [
        DirectiveLine(
            id=d.id,
            submission_id=d.submission_id,
            submission_reference=d.submission_reference,
            text=d.text,
            addressee_name=d.addressee_name,
            due_on=d.due_on,
            status=d.status,
            overdue=d.status != "done" and d.due_on < _day(now),
        )
        for d in directives
    ]

    def counts(items: list[DirectiveLine]) -> DirectiveCounts:
        result = DirectiveCounts()
        for item in items:
            setattr(result, item.status, getattr(result, item.status) + 1)
            result.overdue += item.overdue
        return result

    by_addressee: dict[uuid.UUID | None, list[DirectiveLine]] = defaultdict(list)
    for line, read in zip(lines, directives, strict=True):
        by_addressee[read.addressee_body_id].append(line)
    sections = [
        GroupSection(
            body_id=body.id,
            body_name=body.name,
            body_short_name=body.short_name,
            meetings_held=held.get(body.id, 0),
            attendance_present=present.get(body.id, 0),
            offers_presented=presented.get(body.id, 0),
            needs_open=needs.get((body.id, "open"), 0),
            needs_resolved=needs.get((body.id, "resolved"), 0),
            measures=StatusCounts(**measures.get(body.id, {})),
            measures_average_progress=round(sum(progress[body.id]) / len(progress[body.id]), 1)
            if progress[body.id]
            else None,
            submissions=[_paper(paper, bodies) for paper in submitted if paper.body_id == body.id],
            directives=counts(by_addressee[body.id]),
        )
        for body in groups
    ]
    return StatusReport(
        meeting_id=meeting.id,
        meeting_title=meeting.title,
        meeting_starts_at=meeting.starts_at,
        period_from=from_day,
        period_to=to_day,
        groups=sections,
        decisions=[_paper(paper, bodies) for paper in decided],
        directives=lines,
        directive_counts=counts(lines),
        generated_at=now,
    )
