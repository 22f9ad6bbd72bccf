"""Measures (Maßnahmen): what the network carries out, with goals, partners, milestones and indicators."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated, Any, Literal

from pydantic import (
    MISSING,
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationInfo,
    field_validator,
)

from api.core.fields import SINGLE_LINE, Line200, LongText
from api.core.pagination import Page, split_commas

MeasureStatus = Literal["idea", "planned", "in_progress", "completed", "paused", "discontinued"]
InitialMeasureStatus = Literal["idea", "planned"]
OrganisationRole = Literal["lead", "partner", "funder"]
NeedStatus = Literal["open", "addressed", "escalated", "resolved", "dismissed"]
EditionStatus = Literal["draft", "adopted", "superseded"]

Progress = Annotated[int, Field(ge=0, le=100, description="Percent done, 0–100")]
TargetGroup = Annotated[
    str, Field(max_length=300, pattern=SINGLE_LINE, description='Who the measure is for, e.g. "Eltern"')
]
Unit = Annotated[str, Field(max_length=50, pattern=SINGLE_LINE, description='e.g. "Teilnehmende", "%"')]
Figure = Annotated[float, Field(ge=-1e12, le=1e12, allow_inf_nan=False)]
# The milestone field is called ``date``; this alias keeps the type from being shadowed by it.
Day = date
PERIOD_PATTERN = r"^[0-9]{4}(-(Q[1-4]|H[1-2]|0[1-9]|1[0-2]))?$"
Period = Annotated[
    str,
    Field(
        pattern=PERIOD_PATTERN,
        description="`YYYY`, `YYYY-Qn` (quarter), `YYYY-Hn` (half year) or `YYYY-MM`",
        examples=["2026-Q1"],
    ),
]


StatusFilter = Annotated[list[MeasureStatus], BeforeValidator(split_commas)]


def _unique_ids(values: list[uuid.UUID]) -> list[uuid.UUID]:
    return list(dict.fromkeys(values))


IdList = Annotated[list[uuid.UUID], Field(max_length=200), AfterValidator(_unique_ids)]


def _ends_not_before_start(ends_on: Any, info: ValidationInfo) -> Any:
    """A field validator for ``ends_on``, so the error points at that field."""
    starts_on = info.data.get("starts_on")
    if isinstance(starts_on, date) and isinstance(ends_on, date) and ends_on < starts_on:
        raise ValueError("must not be before starts_on")
    return ends_on


# --- references -------------------------------------------------------------------------------


class MeasureRef(BaseModel):
    """A short reference to a measure, e.g. on an agenda item or a need."""

    id: uuid.UUID
    reference: str = Field(examples=["M-2026-014"])
    title: str
    status: MeasureStatus


class MeasureGoalRef(BaseModel):
    """A goal the measure pursues; goals of older editions stay linked and are shown."""

    id: uuid.UUID
    code: str
    title: str
    edition_id: uuid.UUID
    edition_year: int
    edition_status: EditionStatus
    field_of_action_id: uuid.UUID
    field_code: str
    field_title: str


class MeasureOrganisationRead(BaseModel):
    organisation_id: uuid.UUID
    name: str
    short_name: str | None
    role: OrganisationRole


class MeasureNeedRef(BaseModel):
    id: uuid.UUID
    title: str
    status: NeedStatus
    body_short_name: str


class MeasureMeetingRef(BaseModel):
    """A meeting (and optionally one of its agenda items); only meetings the caller may read appear."""

    meeting_id: uuid.UUID
    meeting_title: str
    meeting_starts_at: datetime
    agenda_item_id: uuid.UUID | None
    agenda_item_number: str | None
    agenda_item_title: str | None


# --- milestones and indicators ----------------------------------------------------------------


class MilestoneRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    date: Day
    title: str
    note: str
    progress: int | None = Field(description="Progress of the measure reached at this point, 0–100")
    version: int


class MilestoneCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    date: Day
    title: Line200
    note: LongText = ""
    progress: Progress | None = None


class MilestoneUpdate(BaseModel):
    """Only the fields sent are changed."""

    model_config = ConfigDict(extra="forbid")

    date: Day | MISSING = MISSING
    title: Line200 | MISSING = MISSING
    note: LongText | MISSING = MISSING
    progress: Progress | MISSING | None = MISSING


class IndicatorActual(BaseModel):
    model_config = ConfigDict(extra="forbid")

    period: Period
    value: Figure


def _unique_periods(actuals: list[IndicatorActual]) -> list[IndicatorActual]:
    seen: set[str] = set()
    for actual in actuals:
        if actual.period in seen:
            raise ValueError(f"period {actual.period} appears more than once")
        seen.add(actual.period)
    return actuals


Actuals = Annotated[
    list[IndicatorActual],
    Field(max_length=200, description="One value per period; each period at most once"),
    AfterValidator(_unique_periods),
]


class IndicatorRead(BaseModel):
    id: uuid.UUID
    name: str
    unit: str
    baseline: float | None
    target: float | None
    actuals: list[IndicatorActual]
    position: int = Field(description="Order on the measure page, 0-based")
    version: int


class IndicatorCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: Line200
    unit: Unit = ""
    baseline: Figure | None = None
    target: Figure | None = None
    actuals: Actuals = []


class IndicatorUpdate(BaseModel):
    """Only the fields sent are changed; `actuals` replaces the whole list."""

    model_config = ConfigDict(extra="forbid")

    name: Line200 | MISSING = MISSING
    unit: Unit | MISSING = MISSING
    baseline: Figure | MISSING | None = MISSING
    target: Figure | MISSING | None = MISSING
    actuals: Actuals | MISSING = MISSING


# --- measures ---------------------------------------------------------------------------------


class MeasureOrganisationInput(BaseModel):
    model_config = ConfigDict(extra="forbid")

    organisation_id: uuid.UUID
    role: OrganisationRole


OrganisationList = Annotated[
    list[MeasureOrganisationInput],
    Field(max_length=100, description="At most one row per organisation"),
]


class MeasureListItem(BaseModel):
    id: uuid.UUID
    reference: str = Field(examples=["M-2026-014"])
    title: str
    body_id: uuid.UUID
    body_short_name: str
    body_name: str
    status: MeasureStatus
    progress: int
    starts_on: date | None
    ends_on: date | None
    target_group: str
    goal_codes: list[str] = Field(description="Codes of its goals in the current concept edition")
    field_of_action_ids: list[uuid.UUID] = Field(
        description="Fields of the current edition reached through its goals"
    )
    lead_organisation_names: list[str]
    updated_at: datetime
    version: int


class MeasureRead(MeasureListItem):
    description: str
    status_reason: str = Field(description="Why it was paused or discontinued; empty otherwise")
    goals: list[MeasureGoalRef] = Field(description="All linked goals, older editions' included")
    organisations: list[MeasureOrganisationRead]
    needs: list[MeasureNeedRef] = Field(description="The live needs it addresses")
    milestones: list[MilestoneRead] = Field(description="By date")
    indicators: list[IndicatorRead] = Field(description="By position")
    origin: MeasureMeetingRef | None = Field(
        description="Where it came from; null when unset or the meeting is not readable by the caller"
    )
    discussed_in: list[MeasureMeetingRef] = Field(
        description="Agenda items linked to it, in meetings the caller may read, by meeting date"
    )
    created_at: datetime


class MeasureCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    title: Line200
    description: LongText = ""
    body_id: uuid.UUID = Field(description="The responsible body")
    target_group: TargetGroup = ""
    status: InitialMeasureStatus = Field(default="idea", description="New measures start as idea or planned")
    starts_on: date | None = None
    ends_on: date | None = Field(default=None, description="Not before starts_on")
    progress: Progress = 0
    goal_ids: IdList = Field(
        default_factory=list, description="Goals of the current concept edition or of the draft edition"
    )
    organisations: OrganisationList = Field(default_factory=list)
    need_ids: IdList = Field(
        default_factory=list, description="Live needs it addresses; an open need becomes addressed"
    )
    origin_meeting_id: uuid.UUID | None = Field(default=None, description="A meeting the caller may read")
    origin_agenda_item_id: uuid.UUID | None = Field(
        default=None, description="An agenda item of that meeting; alone it sets the meeting"
    )

    _period = field_validator("ends_on")(_ends_not_before_start)


class MeasureUpdate(BaseModel):
    """Only the fields sent are changed; list fields replace the whole list. The status changes
    through `POST /measures/{id}/status`."""

    model_config = ConfigDict(extra="forbid")

    title: Line200 | MISSING = MISSING
    description: LongText | MISSING = MISSING
    body_id: uuid.UUID | MISSING = MISSING
    target_group: TargetGroup | MISSING = MISSING
    starts_on: date | MISSING | None = MISSING
    ends_on: date | MISSING | None = MISSING
    progress: Progress | MISSING = MISSING
    goal_ids: IdList | MISSING = MISSING
    organisations: OrganisationList | MISSING = MISSING
    need_ids: IdList | MISSING = MISSING
    origin_meeting_id: uuid.UUID | MISSING | None = MISSING
    origin_agenda_item_id: uuid.UUID | MISSING | None = MISSING


class MeasureStatusChange(BaseModel):
    model_config = ConfigDict(extra="forbid")

    status: MeasureStatus
    reason: LongText = Field(default="", description="Required (non-blank) for paused and discontinued")


class MeasurePage(Page[MeasureListItem]):
    pass
