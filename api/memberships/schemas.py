from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Literal, Self

from pydantic import MISSING, BaseModel, ConfigDict, Field, model_validator

from api.core.fields import Line200
from api.core.pagination import Page

# Working groups and the network: spokesperson, deputy_spokesperson, member, guest.
# The steering group: chair, deputy_chair, member. Checked against the body's kind.
MembershipRole = Literal["spokesperson", "deputy_spokesperson", "member", "guest", "chair", "deputy_chair"]
MembershipSort = Literal["start_on", "-start_on", "created_at", "-created_at"]


class MembershipRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    member_id: uuid.UUID
    body_id: uuid.UUID
    role: MembershipRole
    function_label: str | None
    organisation_id: uuid.UUID | None = Field(description="The organisation the member acts for")
    start_on: date
    end_on: date | None = Field(description="Last day of the membership; null while open")
    is_current: bool = Field(description="Started and not ended as of today")
    voting_right: bool
    deputy_of_membership_id: uuid.UUID | None
    created_at: datetime
    updated_at: datetime
    version: int


class MembershipCreate(BaseModel):
    member_id: uuid.UUID
    body_id: uuid.UUID
    role: MembershipRole = "member"
    function_label: Line200 | None = Field(default=None, examples=["Fraktionsvorsitz"])
    organisation_id: uuid.UUID | None = None
    start_on: date | None = Field(default=None, description="Defaults to today")
    end_on: date | None = None
    voting_right: bool = True
    deputy_of_membership_id: uuid.UUID | None = None

    @model_validator(mode="after")
    def _dates(self) -> Self:
        if self.start_on is not None and self.end_on is not None and self.end_on < self.start_on:
            raise ValueError("end_on must not be before start_on")
        return self


class MembershipUpdate(BaseModel):
    """Only the fields sent are changed; member and body cannot change (end and create anew)."""

    role: MembershipRole | MISSING = MISSING
    function_label: Line200 | MISSING | None = MISSING
    organisation_id: uuid.UUID | MISSING | None = MISSING
    start_on: date | MISSING = MISSING
    end_on: date | MISSING | None = MISSING
    voting_right: bool | MISSING = MISSING
    deputy_of_membership_id: uuid.UUID | MISSING | None = MISSING


class MembershipEnd(BaseModel):
    end_on: date = Field(description="Last day of the membership")


class MembershipPage(Page[MembershipRead]):
    pass
