"""Submissions (Vorlagen) to the steering group and the decisions taken on them."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import MISSING, BaseModel, BeforeValidator, ConfigDict, Field

from api.core.fields import Line200, LongText
from api.core.pagination import Page, split_commas

SubmissionKind = Literal["report", "request", "recommendation"]
SubmissionStatus = Literal["draft", "submitted", "scheduled", "decided", "withdrawn"]
Outcome = Literal["approved", "approved_with_changes", "rejected", "deferred", "noted"]
AddresseeKind = Literal["body", "organisation", "office"]
DirectiveStatus = Literal["open", "in_progress", "done"]

StatusFilter = Annotated[list[SubmissionStatus], BeforeValidator(split_commas)]
DirectiveStatusFilter = Annotated[list[DirectiveStatus], BeforeValidator(split_commas)]
LinkIds = Annotated[list[uuid.UUID], Field(max_length=50)]
VoteCount = Annotated[int, Field(ge=0, le=1000)]


class SubmissionRead(BaseModel):
    id: uuid.UUID
    reference: str | None = Field(description='Assigned on submission, e.g. "SG-2026-003"')
    title: str
    kind: SubmissionKind
    body_id: uuid.UUID
    body_name: str
    body_short_name: str
    situation: str = Field(description="Sachverhalt")
    proposed_resolution: str = Field(description="Beschlussvorschlag")
    rationale: str
    status: SubmissionStatus
    submitted_at: datetime | None
    late_reason: str | None = Field(description="Why a coordinator accepted it after the deadline")
    meeting_id: uuid.UUID | None = Field(description="The steering meeting it is scheduled for")
    outcome: Outcome | None
    resolution: str
    votes_for: int | None
    votes_against: int | None
    abstentions: int | None
    decided_at: datetime | None
    decided_meeting_id: uuid.UUID | None
    measure_ids: list[uuid.UUID]
    need_ids: list[uuid.UUID]
    created_at: datetime
    updated_at: datetime
    version: int


class SubmissionCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    title: Line200
    kind: SubmissionKind
    body_id: uuid.UUID = Field(description="The submitting body")
    situation: LongText = ""
    proposed_resolution: LongText = ""
    rationale: LongText = ""
    measure_ids: LinkIds = []
    need_ids: LinkIds = []


class SubmissionUpdate(BaseModel):
    """Only the fields sent are changed; drafts and submitted papers can be edited."""

    model_config = ConfigDict(extra="forbid")

    title: Line200 | MISSING = MISSING
    kind: SubmissionKind | MISSING = MISSING
    situation: LongText | MISSING = MISSING
    proposed_resolution: LongText | MISSING = MISSING
    rationale: LongText | MISSING = MISSING
    measure_ids: LinkIds | MISSING = MISSING
    need_ids: LinkIds | MISSING = MISSING


class SubmitRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    late_reason: Annotated[str, Field(max_length=2000)] = Field(
        default="", description="Required (coordinators only) when the deadline has passed"
    )


class ScheduleRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    meeting_id: uuid.UUID = Field(description="A coming steering-group meeting")


class DirectiveIssue(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: Annotated[str, Field(min_length=1, max_length=5000)]
    addressee_kind: AddresseeKind
    addressee_body_id: uuid.UUID | None = Field(default=None, description="With addressee_kind body")
    addressee_organisation_id: uuid.UUID | None = Field(
        default=None, description="With addressee_kind organisation"
    )
    due_on: date
    measure_ids: LinkIds = []


class DecisionRecord(BaseModel):
    model_config = ConfigDict(extra="forbid")

    outcome: Outcome
    resolution: LongText = Field(default="", description="The resolution as decided; required unless noted")
    votes_for: VoteCount | None = None
    votes_against: VoteCount | None = None
    abstentions: VoteCount | None = None
    directives: Annotated[list[DirectiveIssue], Field(max_length=20)] = []


class SubmissionPage(Page[SubmissionRead]):
    pass


class DirectiveRead(BaseModel):
    id: uuid.UUID
    submission_id: uuid.UUID
    submission_reference: str | None
    submission_title: str
    text: str
    addressee_kind: AddresseeKind
    addressee_body_id: uuid.UUID | None
    addressee_organisation_id: uuid.UUID | None
    addressee_name: str = Field(description="The body's or organisation's name, or the coordination office")
    due_on: date
    overdue: bool = Field(description="Not done and due before today")
    status: DirectiveStatus
    completion_note: str
    completed_at: datetime | None
    measure_ids: list[uuid.UUID]
    created_at: datetime
    updated_at: datetime
    version: int


class DirectiveStatusChange(BaseModel):
    model_config = ConfigDict(extra="forbid")

    status: DirectiveStatus
    note: LongText = Field(default="", description="The completion note; required for done")


class DirectivePage(Page[DirectiveRead]):
    pass
