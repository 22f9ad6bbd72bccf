"""Public registration for meetings with a capacity (the annual network meeting)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from api.core.fields import MULTI_LINE, Email, Line100, Line200, TextVersion

RegistrationStatus = Literal["confirmed", "waitlisted", "cancelled"]
MeetingStatus = Literal["planned", "invited", "held", "minutes_approved", "cancelled"]


class PublicMeeting(BaseModel):
    """A meeting of the network plenary as the public sees it: no people, no online link."""

    id: uuid.UUID
    title: str
    theme: str | None
    status: MeetingStatus
    starts_at: datetime
    ends_at: datetime
    location_address: str | None
    location_room: str | None
    online: bool = Field(description="Whether there is an online link; it is sent with the confirmation")
    registration_open: bool = Field(description="Registration is possible now")
    capacity: int | None = Field(description="Places; null when the meeting takes no registrations")
    places_left: int | None
    waiting_list_length: int


class PublicMeetingList(BaseModel):
    items: list[PublicMeeting]


class RegistrationCreate(BaseModel):
    """The registration form. `consent` must be true; leave `website` empty (it is a trap for bots)."""

    model_config = ConfigDict(extra="forbid")

    given_name: Line100
    family_name: Line100
    email: Email
    organisation_name: Line200 | None = None
    consent: bool = Field(description="Consent to the privacy notice in `privacy_text_version`; must be true")
    privacy_text_version: TextVersion
    website: Annotated[str, Field(max_length=500, pattern=MULTI_LINE)] | None = Field(
        default=None, description="Leave empty."
    )

    @field_validator("consent")
    @classmethod
    def _consent_given(cls, value: bool) -> bool:
        if not value:
            raise ValueError("Consent is required to register.")
        return value


class RegistrationCreated(BaseModel):
    status: Literal["confirmed", "waitlisted"]
    waiting_position: int | None = Field(description="1 = next to move up; null when confirmed")


class RegistrationSummary(BaseModel):
    """What the holder of a cancel link sees: their registration and the meeting."""

    meeting: PublicMeeting
    given_name: str
    family_name: str
    status: RegistrationStatus
    waiting_position: int | None
    created_at: datetime
    cancelled_at: datetime | None


class RegistrationRead(BaseModel):
    id: uuid.UUID
    meeting_id: uuid.UUID
    given_name: str
    family_name: str
    email: str
    organisation_name: str | None
    privacy_text_version: str
    status: RegistrationStatus
    waiting_position: int | None
    created_at: datetime
    cancelled_at: datetime | None
    version: int


class RegistrationList(BaseModel):
    """All registrations of a meeting: confirmed, then the waiting list in order, then cancelled."""

    items: list[RegistrationRead]
    capacity: int | None
    confirmed: int
    waitlisted: int
    cancelled: int
