"""Member schemas. What a caller sees depends on the role:

- admin, coordinator: `MemberRead`, everything including contact data and internal notes;
- the member themself (`/members/me`): `MemberOwnRead`, everything except internal notes;
- every other role: `MemberPublicRead`, only name, organisation, engagement, function,
  languages and status, and only of members who currently consent to `directory_listing`;
  e-mail and phone are filled only while the member consents to `contact_sharing`.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Literal, Self

from pydantic import MISSING, BaseModel, ConfigDict, Field, model_validator

from api.core.fields import Email, LanguageCode, Languages, Line50, Line100, Line200, LongText, Phone
from api.core.pagination import Page

Engagement = Literal["professional", "volunteer"]
MemberStatus = Literal["active", "inactive", "left"]
MemberSort = Literal["family_name", "-family_name", "given_name", "-given_name", "created_at", "-created_at"]
LanguageFilter = LanguageCode


class MemberPublicRead(BaseModel):
    """What every logged-in role sees of a member."""

    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    title: str | None
    given_name: str
    family_name: str
    organisation_id: uuid.UUID | None
    engagement: Engagement
    function: str | None
    languages: list[str]
    status: MemberStatus
    # Never read from the row (the alias does not exist on it): filled only by `with_contact`.
    email: str | None = Field(
        default=None,
        validation_alias="shared_email",
        description="Only while the member consents to contact_sharing; else null",
    )
    phone: str | None = Field(
        default=None,
        validation_alias="shared_phone",
        description="Only while the member consents to contact_sharing; else null",
    )

    def with_contact(self, email: str | None, phone: str | None) -> MemberPublicRead:
        return self.model_copy(update={"email": email, "phone": phone})


class MemberOwnRead(MemberPublicRead):
    """A member's own profile: everything except the coordinators' internal notes."""

    email: str | None = Field()
    phone: str | None = Field()
    joined_on: date | None
    left_on: date | None
    created_at: datetime
    updated_at: datetime
    version: int


class MemberRead(MemberOwnRead):
    """Everything, for admins and coordinators."""

    internal_notes: str


def _check_dates(joined_on: date | None, left_on: date | None) -> None:
    if joined_on is not None and left_on is not None and left_on < joined_on:
        raise ValueError("left_on must not be before joined_on")


class MemberCreate(BaseModel):
    title: Line50 | None = None
    given_name: Line100
    family_name: Line100
    email: Email | None = None
    phone: Phone | None = None
    organisation_id: uuid.UUID | None = None
    engagement: Engagement
    function: Line200 | None = None
    languages: Languages = []
    status: MemberStatus = "active"
    joined_on: date | None = None
    left_on: date | None = None
    internal_notes: LongText = ""

    @model_validator(mode="after")
    def _dates(self) -> Self:
        _check_dates(self.joined_on, self.left_on)
        return self


class MemberUpdate(BaseModel):
    """Only the fields sent are changed; optional fields may be set to null."""

    title: Line50 | MISSING | None = MISSING
    given_name: Line100 | MISSING = MISSING
    family_name: Line100 | MISSING = MISSING
    email: Email | MISSING | None = MISSING
    phone: Phone | MISSING | None = MISSING
    organisation_id: uuid.UUID | MISSING | None = MISSING
    engagement: Engagement | MISSING = MISSING
    function: Line200 | MISSING | None = MISSING
    languages: Languages | MISSING = MISSING
    status: MemberStatus | MISSING = MISSING
    joined_on: date | MISSING | None = MISSING
    left_on: date | MISSING | None = MISSING
    internal_notes: LongText | MISSING = MISSING


class MemberSelfUpdate(BaseModel):
    """What members may change in their own profile; any other field is refused (422)."""

    model_config = ConfigDict(extra="forbid")

    title: Line50 | MISSING | None = MISSING
    phone: Phone | MISSING | None = MISSING
    function: Line200 | MISSING | None = MISSING
    languages: Languages | MISSING = MISSING


class MemberPage(Page[MemberRead]):
    pass


class MemberPublicPage(Page[MemberPublicRead]):
    pass
