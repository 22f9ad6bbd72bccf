"""Meetings (Sitzungen): the meeting itself, planning, agenda, attendance and minutes."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Annotated, Any, Literal

from pydantic import (
    MISSING,
    AfterValidator,
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Field,
    ValidationInfo,
    field_validator,
)

from api.core.fields import MULTI_LINE, Line50, Line200, LongText, Website
from api.core.pagination import Page
from api.measures.schemas import MeasureRef

MeetingStatus = Literal["planned", "invited", "held", "minutes_approved", "cancelled"]
BodyKind = Literal["working_group", "steering_group", "network"]
AgendaItemKind = Literal[
    "report",
    "exchange",
    "offer_presentation",
    "needs",
    "measure_development",
    "submission",
    "any_other_business",
]
AnswerStatus = Literal["pending", "accepted", "declined"]
Presence = Literal["present", "excused", "absent"]
MeetingSort = Literal["starts_at", "-starts_at"]
MinutesText = Annotated[str, Field(max_length=200_000, pattern=MULTI_LINE)]
Reason = Annotated[str, Field(min_length=1, max_length=2000, pattern=MULTI_LINE)]
Capacity = Annotated[int, Field(ge=1, le=100_000)]
# Clients send any offset; times are kept and answered in UTC.
UtcDateTime = Annotated[AwareDatetime, AfterValidator(lambda moment: moment.astimezone(UTC))]
Guests = Annotated[list[Line200], Field(max_length=200, description="Names of guests who are not members")]


def _ends_after_start(ends_at: Any, info: ValidationInfo) -> Any:
    """A field validator for ``ends_at``, so the error points at that field."""
    starts_at = info.data.get("starts_at")
    if isinstance(starts_at, datetime) and isinstance(ends_at, datetime) and ends_at <= starts_at:
        raise ValueError("must be after starts_at")
    return ends_at


class BodySummary(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    name: str
    short_name: str
    kind: BodyKind


class AttendanceCounts(BaseModel):
    invited: int = Field(description="Members on the attendance list")
    accepted: int
    declined: int
    pending: int
    present: int
    excused: int
    absent: int
    guests: int = Field(description="Guests who are not members (names in `guests`)")


class MeetingColumns(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    body_id: uuid.UUID
    title: str
    number: str | None = Field(description='e.g. "AK Bildung 2/2026"')
    starts_at: datetime
    ends_at: datetime
    location_address: str | None
    location_room: str | None
    online_url: str | None
    theme: str | None
    status: MeetingStatus
    cancel_reason: str | None
    invited_at: datetime | None
    ical_sequence: int = Field(description="Raised by every change invited members must be told about")
    registration_capacity: int | None
    guests: list[str]
    minutes_approved_at: datetime | None
    created_at: datetime
    updated_at: datetime
    version: int


class MeetingRead(MeetingColumns):
    body: BodySummary
    counts: AttendanceCounts


class MeetingDetail(MeetingRead):
    can_edit: bool = Field(description="Whether the caller may change the meeting, its agenda and minutes")


class MeetingPage(Page[MeetingRead]):
    pass


class MeetingCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    body_id: uuid.UUID
    title: Line200
    number: Line50 | None = Field(default=None, description='Default: "<body short name> <n>/<year>"')
    starts_at: UtcDateTime
    ends_at: UtcDateTime
    location_address: Line200 | None = None
    location_room: Line200 | None = None
    online_url: Website | None = None
    theme: Line200 | None = None
    registration_capacity: Capacity | None = Field(
        default=None, description="Places for public registration; only for the network plenary"
    )
    apply_agenda_template: bool = Field(
        default=True, description="Fill the agenda from the template of the body's kind"
    )

    _period = field_validator("ends_at")(_ends_after_start)


class MeetingUpdate(BaseModel):
    """Only the fields sent are changed; `title`, `starts_at` and `ends_at` may not be null."""

    model_config = ConfigDict(extra="forbid")

    title: Line200 | MISSING = MISSING
    number: Line50 | MISSING | None = MISSING
    starts_at: UtcDateTime | MISSING = MISSING
    ends_at: UtcDateTime | MISSING = MISSING
    location_address: Line200 | MISSING | None = MISSING
    location_room: Line200 | MISSING | None = MISSING
    online_url: Website | MISSING | None = MISSING
    theme: Line200 | MISSING | None = MISSING
    registration_capacity: Capacity | MISSING | None = MISSING

    _period = field_validator("ends_at")(_ends_after_start)


class MeetingCancel(BaseModel):
    model_config = ConfigDict(extra="forbid")

    reason: Reason = Field(description="Why the meeting is cancelled; told to the invited members")


class GuestsUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    guests: Guests


# --- planning ---------------------------------------------------------------------------------


class AgendaItemTemplate(BaseModel):
    """One agenda item of a template or a planned meeting."""

    model_config = ConfigDict(extra="forbid")

    title: Line200
    kind: AgendaItemKind
    notes: LongText = ""


class AgendaTemplate(BaseModel):
    body_kind: BodyKind
    items: list[AgendaItemTemplate]


class AgendaTemplates(BaseModel):
    items: list[AgendaTemplate]


class PlanRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    body_id: uuid.UUID
    year: int = Field(ge=2000, le=2100)


class PlannedMeeting(BaseModel):
    """A proposed meeting; edit it before sending it to `POST /meetings/plan`."""

    model_config = ConfigDict(extra="forbid")

    title: Line200
    number: Line50
    starts_at: UtcDateTime
    ends_at: UtcDateTime
    location_address: Line200 | None = None
    location_room: Line200 | None = None
    online_url: Website | None = None
    theme: Line200 | None = None
    agenda: list[AgendaItemTemplate] = Field(default_factory=list, max_length=100)

    _period = field_validator("ends_at")(_ends_after_start)


class PlanPreview(BaseModel):
    body_id: uuid.UUID
    year: int
    meetings: list[PlannedMeeting]


class MeetingPlan(PlanRequest):
    meetings: list[PlannedMeeting] = Field(min_length=1, max_length=12)


class PlannedMeetings(BaseModel):
    items: list[MeetingRead]


# --- agenda -----------------------------------------------------------------------------------


class AgendaItemRead(BaseModel):
    model_config = ConfigDict(from_attributes=True, json_schema_serialization_defaults_required=True)

    id: uuid.UUID
    meeting_id: uuid.UUID
    position: int = Field(description="1-based order without gaps")
    number: str = Field(description='"1", "2", …; follows the position')
    title: str
    kind: AgendaItemKind
    notes: str
    result: str
    measure_id: uuid.UUID | None = Field(
        default=None, description="The measure worked on (kind measure_development only)"
    )
    measure: MeasureRef | None = Field(default=None, description="That measure; null when unset or deleted")
    submission_id: uuid.UUID | None = Field(
        default=None, description="The submission treated (kind submission, set by scheduling it)"
    )
    created_at: datetime
    updated_at: datetime
    version: int


class AgendaItemCreate(AgendaItemTemplate):
    result: LongText = ""
    measure_id: uuid.UUID | None = Field(
        default=None, description="A live measure; only for agenda items of kind measure_development"
    )


class AgendaItemUpdate(BaseModel):
    """Only the fields sent are changed."""

    model_config = ConfigDict(extra="forbid")

    title: Line200 | MISSING = MISSING
    kind: AgendaItemKind | MISSING = MISSING
    notes: LongText | MISSING = MISSING
    result: LongText | MISSING = MISSING
    measure_id: uuid.UUID | MISSING | None = Field(
        default=MISSING,
        description="A live measure (kind measure_development only); null unlinks. Changing the kind "
        "to another one unlinks the measure.",
    )


class AgendaOrder(BaseModel):
    model_config = ConfigDict(extra="forbid")

    item_ids: list[uuid.UUID] = Field(
        max_length=1000, description="Every live agenda item of the meeting, exactly once, in the new order"
    )


# --- attendance -------------------------------------------------------------------------------


class AttendanceRead(BaseModel):
    id: uuid.UUID
    meeting_id: uuid.UUID
    member_id: uuid.UUID
    member_name: str
    organisation_name: str | None
    response: AnswerStatus
    responded_at: datetime | None
    presence: Presence | None
    updated_at: datetime
    version: int


class AttendanceOverview(BaseModel):
    counts: AttendanceCounts
    items: list[AttendanceRead] = Field(
        description="Every row for those who may edit the meeting; for other readers only their own"
    )


class PresenceUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    presence: Presence | None


# --- minutes ----------------------------------------------------------------------------------


class MinutesRead(BaseModel):
    meeting_id: uuid.UUID
    status: MeetingStatus
    markdown: str
    html: str = Field(description="The Markdown rendered to sanitised HTML")
    drafted_by_user_id: uuid.UUID | None
    drafted_by_name: str | None
    drafted_at: datetime | None
    approved_by_user_id: uuid.UUID | None
    approved_by_name: str | None
    approved_at: datetime | None
    version: int = Field(description="The meeting's version; its ETag guards changes")


class MinutesUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    markdown: MinutesText = Field(description="CommonMark with tables; raw HTML is shown as text")
