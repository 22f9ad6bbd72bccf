"""Join requests ("Mitmachen im Netzwerk Integration"): the public form and the coordinators' view."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator

from api.core.fields import MULTI_LINE, Email, Line100, Line200, Message2000, TextVersion
from api.core.pagination import Page

Engagement = Literal["professional", "volunteer"]
JoinRequestStatus = Literal["open", "accepted", "declined"]
JoinRequestSort = Literal["created_at", "-created_at", "family_name", "-family_name"]
JoinRole = Literal["member", "guest"]


def _unique(ids: list[uuid.UUID]) -> list[uuid.UUID]:
    return list(dict.fromkeys(ids))


WorkingGroupIds = Annotated[list[uuid.UUID], Field(max_length=10), AfterValidator(_unique)]


def _not_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be blank")
    return value


class JoinRequestCreate(BaseModel):
    """The public form. `consent` must be true; leave `website` empty (it is a trap for bots)."""

    model_config = ConfigDict(extra="forbid")

    given_name: Line100
    family_name: Line100
    email: Email
    organisation_name: Line200 | None = None
    engagement: Engagement
    working_group_ids: WorkingGroupIds = Field(
        default_factory=list, description="Working groups the person is interested in"
    )
    message: Message2000 = ""
    consent: bool = Field(description="Consent to the privacy notice in `privacy_text_version`; must be true")
    privacy_text_version: TextVersion
    website: Annotated[str, Field(max_length=500, pattern=MULTI_LINE)] | None = Field(
        default=None, description="Leave empty."
    )

    @field_validator("consent")
    @classmethod
    def _consent_given(cls, value: bool) -> bool:
        if not value:
            raise ValueError("Consent is required to send the request.")
        return value


class JoinRequestReceived(BaseModel):
    """The same neutral answer for every accepted submission."""

    detail: str


class JoinRequestRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    given_name: str
    family_name: str
    email: str
    organisation_name: str | None
    engagement: Engagement
    working_group_ids: list[uuid.UUID]
    message: str
    privacy_text_version: str
    status: JoinRequestStatus
    decided_at: datetime | None
    decided_by_user_id: uuid.UUID | None
    decision_message: str | None
    member_id: uuid.UUID | None = Field(description="The member linked or created on acceptance")
    created_at: datetime
    updated_at: datetime
    version: int


class JoinRequestAccept(BaseModel):
    """Accept: link an existing member (`member_id`) or create one from the request (no `member_id`).

    The member gets a membership with `role` in each of `working_group_ids` (default: the groups
    named in the request) and the `directory_listing` consent the applicant gave on the form."""

    model_config = ConfigDict(extra="forbid")

    member_id: uuid.UUID | None = None
    organisation_id: uuid.UUID | None = Field(
        default=None, description="Organisation of a newly created member"
    )
    role: JoinRole = "member"
    working_group_ids: WorkingGroupIds | None = None
    message: Message2000 = Field(default="", description="A personal note for the applicant's e-mail")


class JoinRequestDecline(BaseModel):
    model_config = ConfigDict(extra="forbid")

    message: Annotated[Message2000, AfterValidator(_not_blank)] = Field(
        description="Sent to the applicant in the decline e-mail"
    )


class JoinRequestPage(Page[JoinRequestRead]):
    pass
