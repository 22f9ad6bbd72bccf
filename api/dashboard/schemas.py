"""The dashboard: where the network stands, in figures that match the lists they summarise."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Literal

from pydantic import BaseModel, Field

from api.meetings.schemas import MeetingStatus
from api.submissions.schemas import DirectiveStatus, Outcome

MeasureStatus = Literal["idea", "planned", "in_progress", "completed", "paused", "discontinued"]


class StatusCounts(BaseModel):
    """Live measures per status; always all six statuses."""

    idea: int = 0
    planned: int = 0
    in_progress: int = 0
    completed: int = 0
    paused: int = 0
    discontinued: int = 0


class EditionRef(BaseModel):
    id: uuid.UUID
    year: int
    title: str


class BodyMeasures(BaseModel):
    body_id: uuid.UUID
    body_short_name: str
    body_name: str
    counts: StatusCounts = Field(description="Equals `GET /measures?body_id=…&status=…` totals")
    total: int


class FieldMeasures(BaseModel):
    field_of_action_id: uuid.UUID | None = Field(
        description="A field of the current edition; null for the measures without a goal of the "
        "current edition"
    )
    code: str | None
    title: str
    counts: StatusCounts = Field(
        description="Equals `GET /measures?field_of_action_id=…&status=…` totals; a measure with goals in "
        "two fields counts in both"
    )
    total: int


class GoalWithoutMeasures(BaseModel):
    goal_id: uuid.UUID
    code: str
    title: str
    field_code: str


class BodyOpenNeeds(BaseModel):
    body_id: uuid.UUID
    body_short_name: str
    body_name: str
    open: int = Field(description="Equals `GET /needs?body_id=…&status=open` total")


class UpcomingMeeting(BaseModel):
    id: uuid.UUID
    title: str
    body_id: uuid.UUID
    body_short_name: str
    starts_at: datetime
    status: MeetingStatus


class QuarterProgress(BaseModel):
    period: str = Field(description='The quarter, e.g. "2026-Q4"')
    measures: int = Field(
        description="Live measures with at least one milestone with progress dated on or before the "
        "quarter's last day"
    )
    average_progress: float | None = Field(
        description="The mean of each such measure's latest milestone progress up to the quarter's end "
        "(one decimal); null without measures"
    )


class RecentMilestone(BaseModel):
    measure_id: uuid.UUID
    reference: str
    measure_title: str
    milestone_id: uuid.UUID
    date: date
    title: str
    progress: int | None


class RecentDecision(BaseModel):
    submission_id: uuid.UUID
    reference: str | None
    title: str
    body_short_name: str
    outcome: Outcome
    decided_at: datetime


class OverdueDirective(BaseModel):
    directive_id: uuid.UUID
    submission_reference: str | None
    text: str
    addressee_name: str
    due_on: date
    status: DirectiveStatus


class Dashboard(BaseModel):
    current_edition: EditionRef | None = Field(description="The adopted concept edition in force")
    measure_statuses: list[MeasureStatus] = Field(description="The six measure statuses in display order")
    measures_by_body: list[BodyMeasures] = Field(
        description="Every live working group, then every other body that has live measures"
    )
    measures_by_field: list[FieldMeasures] = Field(
        description="The fields of the current edition in order, then one row for measures without a "
        "goal of the current edition"
    )
    goals_without_measures: list[GoalWithoutMeasures] = Field(
        description="Goals of the current edition no live measure is linked to "
        "(= `GET /concept/goals?without_measures=true`)"
    )
    open_needs_by_body: list[BodyOpenNeeds] = Field(
        description="Every live working group, then every other body that has open needs"
    )
    upcoming_meetings: list[UpcomingMeeting] = Field(
        description="The next five meetings the caller may read, starting today (Europe/Berlin) or later, "
        "not cancelled"
    )
    upcoming_meetings_total: int = Field(description="All such coming meetings the caller may read")
    progress_over_time: list[QuarterProgress] = Field(description="The last eight quarters, oldest first")
    recent_milestones: list[RecentMilestone] = Field(
        description="The ten latest milestones of live measures dated today or earlier, newest first"
    )
    recent_decisions: list[RecentDecision] = Field(
        description="The five latest decisions on submissions the caller may read, newest first"
    )
    overdue_directives: list[OverdueDirective] = Field(
        description="The ten most overdue directives the caller may read, earliest due first"
    )
    overdue_directives_total: int = Field(description="Equals `GET /directives?overdue=true` total")
    generated_at: datetime
