"""Offers (Angebote): what partners offer, the internal view and the public catalogue."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated

from pydantic import MISSING, AfterValidator, BaseModel, ConfigDict, Field

from api.core.fields import Languages, Line100, Line200, LongText
from api.core.pagination import Page
from api.organisations.schemas import Municipality


def _unique_in_order(values: list[str]) -> list[str]:
    return list(dict.fromkeys(values))


def _unique_sorted(values: list[str]) -> list[str]:
    return sorted(set(values))


TargetGroups = Annotated[
    list[Line100],
    Field(max_length=30, description='Who the offer is for, e.g. "Frauen", "Jugendliche"'),
    AfterValidator(_unique_in_order),
]
Municipalities = Annotated[
    list[Municipality],
    Field(max_length=10, description="Where in the county the offer is available; empty: county-wide"),
    AfterValidator(_unique_sorted),
]


class AgendaItemRef(BaseModel):
    """An agenda item and its meeting, shown only to those who may read the meeting."""

    meeting_id: uuid.UUID
    meeting_title: str
    meeting_starts_at: datetime
    agenda_item_id: uuid.UUID
    agenda_item_number: str
    agenda_item_title: str


class OfferColumns(BaseModel):
    """An offer as partner systems see it: its own columns, no internal links."""

    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    organisation_id: uuid.UUID
    title: str
    description: str
    target_groups: list[str]
    languages: list[str]
    municipalities: list[str]
    costs: str | None
    contact: str | None
    valid_from: date | None
    valid_until: date | None
    published: bool
    created_at: datetime
    updated_at: datetime
    version: int


class OfferRead(OfferColumns):
    organisation_name: str
    presented_at_agenda_item_id: uuid.UUID | None
    presented_at: AgendaItemRef | None = Field(
        description="The meeting of the agenda item; null when unset or not readable by the caller"
    )


class OfferContent(BaseModel):
    """What the offering organisation writes about an offer."""

    model_config = ConfigDict(extra="forbid")

    title: Line200
    description: LongText = ""
    target_groups: TargetGroups = []
    languages: Languages = []
    municipalities: Municipalities = []
    costs: Line200 | None = None
    contact: Line200 | None = None
    valid_from: date | None = None
    valid_until: date | None = Field(default=None, description="Not before valid_from")
    published: bool = Field(default=False, description="Shown in the public catalogue")


class OfferCreate(OfferContent):
    organisation_id: uuid.UUID
    presented_at_agenda_item_id: uuid.UUID | None = Field(
        default=None, description="The agenda item (of a meeting the caller may read) it was presented at"
    )


class OfferContentUpdate(BaseModel):
    """Only the fields sent are changed; optional fields may be set to null."""

    model_config = ConfigDict(extra="forbid")

    title: Line200 | MISSING = MISSING
    description: LongText | MISSING = MISSING
    target_groups: TargetGroups | MISSING = MISSING
    languages: Languages | MISSING = MISSING
    municipalities: Municipalities | MISSING = MISSING
    costs: Line200 | MISSING | None = MISSING
    contact: Line200 | MISSING | None = MISSING
    valid_from: date | MISSING | None = MISSING
    valid_until: date | MISSING | None = MISSING
    published: bool | MISSING = MISSING


class OfferUpdate(OfferContentUpdate):
    organisation_id: uuid.UUID | MISSING = MISSING
    presented_at_agenda_item_id: uuid.UUID | MISSING | None = MISSING


class OfferPage(Page[OfferRead]):
    pass


class PublicOffer(BaseModel):
    """An offer as the public catalogue shows it: no internal links, no audit data."""

    id: uuid.UUID
    organisation_name: str
    organisation_website: str | None
    title: str
    description: str
    target_groups: list[str]
    languages: list[str]
    municipalities: list[str]
    costs: str | None
    contact: str | None
    valid_from: date | None
    valid_until: date | None


class PublicOfferPage(BaseModel):
    items: list[PublicOffer]
    total: int
    limit: int
    offset: int
