"""The integration concept (Integrationskonzept): editions, fields of action (Handlungsfelder), goals."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import MISSING, AfterValidator, BaseModel, ConfigDict, Field

from api.core.fields import SINGLE_LINE, Line200, LongText
from api.core.pagination import Page

EditionKind = Literal["guiding_principles", "concept"]
EditionStatus = Literal["draft", "adopted", "superseded"]
ChangeKind = Literal["added", "changed", "removed"]


def _stripped(value: str) -> str:
    value = value.strip()
    if not value:
        raise ValueError("must not be blank")
    return value


def _unique_in_order(values: list[uuid.UUID]) -> list[uuid.UUID]:
    return list(dict.fromkeys(values))


Code = Annotated[
    str,
    Field(min_length=1, max_length=16, pattern=SINGLE_LINE, examples=["B.2"]),
    AfterValidator(_stripped),
]
Line300 = Annotated[str, Field(min_length=1, max_length=300, pattern=SINGLE_LINE), AfterValidator(_stripped)]
Year = Annotated[int, Field(ge=1990, le=2200, examples=[2026])]
Position = Annotated[
    int, Field(ge=0, le=10_000, description="Order within the edition (or field); ascending")
]
BodyIds = Annotated[
    list[uuid.UUID],
    Field(max_length=20, description="The bodies (usually working groups) that cover this field"),
    AfterValidator(_unique_in_order),
]


class BodyRef(BaseModel):
    id: uuid.UUID
    short_name: str
    name: str


class EditionSummary(BaseModel):
    id: uuid.UUID
    kind: EditionKind
    year: int
    title: str
    status: EditionStatus
    derived_from_edition_id: uuid.UUID | None
    adopted_on: date | None
    adopted_by: str | None
    superseded_on: date | None
    demo_content: bool
    field_count: int
    goal_count: int
    created_at: datetime
    updated_at: datetime
    version: int


class GoalRead(BaseModel):
    id: uuid.UUID
    edition_id: uuid.UUID
    field_of_action_id: uuid.UUID
    code: str
    title: str
    description: str
    position: int
    origin_id: uuid.UUID | None = Field(
        description="The goal of the earlier edition this one was copied from"
    )
    version: int
    measure_count: int = Field(description="Live measures linked to this goal")


class FieldBase(BaseModel):
    id: uuid.UUID
    edition_id: uuid.UUID
    code: str
    title: str
    description: str
    position: int
    origin_id: uuid.UUID | None = Field(
        description="The field of action of the earlier edition this one was copied from"
    )
    body_ids: list[uuid.UUID]
    bodies: list[BodyRef]
    version: int


class FieldRead(FieldBase):
    goals: list[GoalRead] = Field(description="Ordered by position, then code")


class FieldListItem(FieldBase):
    edition_year: int


class GoalListItem(GoalRead):
    edition_year: int
    edition_status: EditionStatus
    field_code: str
    field_title: str


class EditionRead(EditionSummary):
    introduction: str
    fields: list[FieldRead] = Field(description="Ordered by position, then code")


class EditionPage(Page[EditionSummary]):
    pass


class GoalPage(Page[GoalListItem]):
    pass


class FieldPage(Page[FieldListItem]):
    pass


class EditionCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    year: Year
    title: Line300
    introduction: LongText = ""


class EditionUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    year: Year | MISSING = MISSING
    title: Line300 | MISSING = MISSING
    introduction: LongText | MISSING = MISSING


class EditionDerive(BaseModel):
    model_config = ConfigDict(extra="forbid")

    year: Year
    title: Line300


class EditionAdopt(BaseModel):
    model_config = ConfigDict(extra="forbid")

    adopted_on: date = Field(description="The day of the decision, e.g. of the county council (Kreistag)")
    adopted_by: Line200 = Field(examples=["Kreistag des Landkreises Gifhorn"])


class FieldCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    code: Code
    title: Line200
    description: LongText = ""
    body_ids: BodyIds = []
    position: Position | None = Field(default=None, description="Default: after the last field")


class FieldUpdate(BaseModel):
    """Only the fields sent are changed; `body_ids` replaces the whole list."""

    model_config = ConfigDict(extra="forbid")

    code: Code | MISSING = MISSING
    title: Line200 | MISSING = MISSING
    description: LongText | MISSING = MISSING
    body_ids: BodyIds | MISSING = MISSING
    position: Position | MISSING = MISSING


class GoalCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    field_of_action_id: uuid.UUID = Field(description="A field of action of the same edition")
    code: Code
    title: Line300
    description: LongText = ""
    position: Position | None = Field(default=None, description="Default: after the field's last goal")


class GoalUpdate(BaseModel):
    """Only the fields sent are changed; `field_of_action_id` moves the goal within its edition."""

    model_config = ConfigDict(extra="forbid")

    field_of_action_id: uuid.UUID | MISSING = MISSING
    code: Code | MISSING = MISSING
    title: Line300 | MISSING = MISSING
    description: LongText | MISSING = MISSING
    position: Position | MISSING = MISSING


class FieldSnapshot(BaseModel):
    code: str
    title: str
    description: str


class GoalSnapshot(BaseModel):
    code: str
    title: str
    description: str
    field_code: str


class FieldChange(BaseModel):
    change: ChangeKind
    code: str = Field(description="The code in the target edition (in the base edition when removed)")
    before: FieldSnapshot | None
    after: FieldSnapshot | None
    changed_attributes: list[Literal["code", "title", "description"]]


class GoalChange(BaseModel):
    change: ChangeKind
    code: str = Field(description="The code in the target edition (in the base edition when removed)")
    before: GoalSnapshot | None
    after: GoalSnapshot | None
    changed_attributes: list[Literal["code", "title", "description", "field_of_action"]] = Field(
        description="`field_of_action`: the goal belongs to another field of action than before"
    )


class EditionComparison(BaseModel):
    base: EditionSummary
    target: EditionSummary
    fields: list[FieldChange]
    goals: list[GoalChange]


class PublicGoal(BaseModel):
    id: uuid.UUID
    code: str
    title: str
    description: str
    position: int


class PublicField(BaseModel):
    id: uuid.UUID
    code: str
    title: str
    description: str
    position: int
    bodies: list[BodyRef]
    goals: list[PublicGoal]


class PublicEdition(BaseModel):
    id: uuid.UUID
    kind: EditionKind
    year: int
    title: str
    status: Literal["adopted", "superseded"]
    adopted_on: date | None
    adopted_by: str | None
    superseded_on: date | None
    introduction: str
    fields: list[PublicField]
