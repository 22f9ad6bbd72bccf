from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Literal

from pydantic import MISSING, AfterValidator, BaseModel, ConfigDict, Field

from api.core.fields import SINGLE_LINE, Line200, LongText
from api.core.pagination import Page

BodyKind = Literal["working_group", "steering_group", "network"]
Cadence = Literal["quarterly", "half_yearly", "yearly"]
LeadRole = Literal["spokesperson", "deputy_spokesperson", "chair", "deputy_chair"]
BodySort = Literal["name", "-name", "short_name", "-short_name"]


def _stripped(value: str) -> str:
    value = value.strip()
    if not value:
        raise ValueError("must not be blank")
    return value


ShortName = Annotated[str, Field(min_length=1, max_length=32, pattern=SINGLE_LINE), AfterValidator(_stripped)]


class Spokesperson(BaseModel):
    """A member who currently leads the body (spokesperson, deputy, chair or deputy chair)."""

    membership_id: uuid.UUID
    member_id: uuid.UUID
    name: str
    role: LeadRole


class BodyRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    kind: BodyKind
    name: str
    short_name: str
    description: str
    guiding_question: str
    cadence: Cadence
    founded_year: int | None
    spokespersons: list[Spokesperson]
    created_at: datetime
    updated_at: datetime
    version: int


class PublicWorkingGroup(BaseModel):
    """A working group as the public join form shows it: no spokespersons, no people."""

    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    name: str
    short_name: str
    description: str
    guiding_question: str
    cadence: Cadence


class BodyUpdate(BaseModel):
    """Only the fields sent are changed; none may be null. Kind and founding year are fixed (422)."""

    model_config = ConfigDict(extra="forbid")

    name: Line200 | MISSING = MISSING
    short_name: ShortName | MISSING = MISSING
    description: LongText | MISSING = MISSING
    guiding_question: LongText | MISSING = MISSING
    cadence: Cadence | MISSING = MISSING


class BodyPage(Page[BodyRead]):
    pass
