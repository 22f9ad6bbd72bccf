"""Needs (Bedarfe): gaps or demands raised in a body, and their status."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Literal

from pydantic import MISSING, BaseModel, BeforeValidator, ConfigDict, Field

from api.concept.refs import FieldOfActionRef
from api.core.fields import Line200, LongText
from api.core.pagination import Page, split_commas
from api.measures.schemas import MeasureRef
from api.offers.schemas import AgendaItemRef

NeedStatus = Literal["open", "addressed", "escalated", "resolved", "dismissed"]


StatusFilter = Annotated[list[NeedStatus], BeforeValidator(split_commas)]


class NeedRead(BaseModel):
    id: uuid.UUID
    body_id: uuid.UUID
    body_name: str
    body_short_name: str
    title: str
    description: str
    raised_at_agenda_item_id: uuid.UUID | None
    raised_at: AgendaItemRef | None = Field(
        description="The meeting of the agenda item; null when unset or not readable by the caller"
    )
    field_of_action_id: uuid.UUID | None
    field_of_action: FieldOfActionRef | None
    status: NeedStatus
    status_note: str
    measures: list[MeasureRef] = Field(description="The live measures addressing it, by reference")
    created_at: datetime
    updated_at: datetime
    version: int


class NeedCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    body_id: uuid.UUID
    title: Line200
    description: LongText = ""
    raised_at_agenda_item_id: uuid.UUID | None = Field(
        default=None, description="The agenda item (of a meeting of the same body) where it was raised"
    )
    field_of_action_id: uuid.UUID | None = Field(
        default=None, description="A field of action of the current (adopted) concept edition"
    )


class NeedUpdate(BaseModel):
    """Only the fields sent are changed; the status changes through its own endpoint."""

    model_config = ConfigDict(extra="forbid")

    body_id: uuid.UUID | MISSING = MISSING
    title: Line200 | MISSING = MISSING
    description: LongText | MISSING = MISSING
    raised_at_agenda_item_id: uuid.UUID | MISSING | None = MISSING
    field_of_action_id: uuid.UUID | MISSING | None = MISSING


class NeedStatusChange(BaseModel):
    model_config = ConfigDict(extra="forbid")

    status: NeedStatus
    note: LongText = Field(default="", description="Required for resolved and dismissed")


class NeedPage(Page[NeedRead]):
    pass
