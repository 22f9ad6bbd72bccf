"""The status report (Sachstandsbericht) the steering group receives for each of its meetings."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from pydantic import BaseModel, Field

from api.dashboard.schemas import StatusCounts
from api.submissions.schemas import DirectiveStatus, Outcome, SubmissionStatus


class DirectiveCounts(BaseModel):
    open: int = 0
    in_progress: int = 0
    done: int = 0
    overdue: int = Field(default=0, description="Not done and due before the report's date")


class PaperLine(BaseModel):
    id: uuid.UUID
    reference: str | None
    title: str
    body_short_name: str
    status: SubmissionStatus
    outcome: Outcome | None
    decided_at: datetime | None


class DirectiveLine(BaseModel):
    id: uuid.UUID
    submission_id: uuid.UUID
    submission_reference: str | None
    text: str
    addressee_name: str
    due_on: date
    status: DirectiveStatus
    overdue: bool


class GroupSection(BaseModel):
    body_id: uuid.UUID
    body_name: str
    body_short_name: str
    meetings_held: int = Field(description="Held meetings in the period (= the meetings list for the period)")
    attendance_present: int = Field(description="Members present at those meetings, summed")
    offers_presented: int = Field(description="Offers presented at agenda items of those meetings")
    needs_open: int = Field(description="Open needs now (= `GET /needs?body_id=…&status=open` total)")
    needs_resolved: int = Field(description="Needs of the body resolved now, last changed in the period")
    measures: StatusCounts = Field(description="Live measures of the body per status, now")
    measures_average_progress: float | None = Field(
        description="Mean of the latest milestone progress of the body's started measures"
    )
    submissions: list[PaperLine] = Field(description="The body's papers submitted in the period")
    directives: DirectiveCounts = Field(description="Directives addressed to the body, by state")


class StatusReport(BaseModel):
    meeting_id: uuid.UUID
    meeting_title: str
    meeting_starts_at: datetime
    period_from: date = Field(
        description="The day of the previous steering meeting (Europe/Berlin), so its decisions count"
    )
    period_to: date = Field(description="The day before this meeting")
    groups: list[GroupSection] = Field(description="Every live working group, by name")
    decisions: list[PaperLine] = Field(description="Papers decided in the period, oldest first")
    directives: list[DirectiveLine] = Field(
        description="Every directive not done, and those done in the period"
    )
    directive_counts: DirectiveCounts
    generated_at: datetime
