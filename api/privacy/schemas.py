"""DSGVO rights: the Art. 15 data export and the Art. 17 erasure."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from api.audit.schemas import AuditEventRead
from api.consents.schemas import ConsentRead
from api.core.fields import SINGLE_LINE
from api.members.schemas import MemberRead
from api.memberships.schemas import MembershipRead


def _stripped(value: str) -> str:
    value = value.strip()
    if len(value) < 5:
        raise ValueError("must be at least 5 characters long")
    return value


Reason = Annotated[
    str,
    Field(min_length=5, max_length=500, pattern=SINGLE_LINE, examples=["Auskunftsersuchen vom 20.11.2026"]),
    AfterValidator(_stripped),
]


class MemberHeld(MemberRead):
    deleted_at: datetime | None


class OrganisationRef(BaseModel):
    id: uuid.UUID
    name: str


class MembershipHeld(MembershipRead):
    body_name: str
    body_short_name: str


class AccountHeld(BaseModel):
    """The linked user account; never the password hash or tokens."""

    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    email: str
    name: str
    roles: list[str]
    is_active: bool
    created_at: datetime
    updated_at: datetime
    deleted_at: datetime | None
    login_sessions: int = Field(description="Login sessions on record (active or ended)")


class JoinRequestHeld(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    given_name: str
    family_name: str
    email: str
    organisation_name: str | None
    engagement: str
    working_group_ids: list[str]
    message: str
    privacy_text_version: str
    status: str
    created_at: datetime
    decided_at: datetime | None
    decision_message: str | None


class AttendanceHeld(BaseModel):
    meeting_id: uuid.UUID
    meeting_title: str
    meeting_starts_at: datetime
    response: str
    responded_at: datetime | None
    presence: str | None


class RegistrationHeld(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    meeting_id: uuid.UUID
    given_name: str
    family_name: str
    email: str
    organisation_name: str | None
    privacy_text_version: str
    status: str
    created_at: datetime
    cancelled_at: datetime | None


class MemberDataExport(BaseModel):
    """Everything the platform holds about one person (Art. 15 DSGVO), machine-readable."""

    legal_basis: Literal["Art. 15 DSGVO"] = "Art. 15 DSGVO"
    generated_at: datetime
    member: MemberHeld
    organisation: OrganisationRef | None
    memberships: list[MembershipHeld]
    user_account: AccountHeld | None
    consents: list[ConsentRead] = Field(description="Every consent event, newest first")
    join_requests: list[JoinRequestHeld]
    attendances: list[AttendanceHeld] = Field(description="Invitations, answers and presence per meeting")
    registrations: list[RegistrationHeld] = Field(
        description="Public meeting registrations with the member's e-mail address"
    )
    audit_events: list[AuditEventRead] = Field(
        description="Events about the member, their memberships, account, consents and join requests, "
        "and events their account caused; oldest first"
    )


class ErasureRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    reason: Reason = Field(description="Why the person is erased; logged. Must not name the person.")


class ErasureResult(BaseModel):
    member_id: uuid.UUID
    pseudonym: str
    erased_at: datetime
    left_on: date | None
    memberships_kept: int = Field(description="Memberships kept as history with the pseudonym")
    memberships_ended: int = Field(description="Of those, the ones that were open and ended today")
    user_account_deactivated: bool
    registrations_scrubbed: int = Field(description="Public meeting registrations with the person's address")
    calendar_links_revoked: int
    join_requests_scrubbed: int
