"""Invitations to meetings and the invited members' answers."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

InvitationResponse = Literal["pending", "accepted", "declined"]
Answer = Literal["accepted", "declined"]
MeetingStatus = Literal["planned", "invited", "held", "minutes_approved", "cancelled"]


class InvitationsSent(BaseModel):
    """What one invitation run did."""

    invited: int = Field(description="Members newly invited (attendance rows created)")
    mailed: int = Field(description="Of them, invitations handed to the mail server after the commit")
    without_email: int = Field(description="Of them, members without an e-mail address (invite otherwise)")


class AnswerIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    response: Answer


class AgendaLine(BaseModel):
    number: str
    title: str


class InvitationSummary(BaseModel):
    """The meeting an answer link belongs to, and the answer given so far."""

    meeting_id: uuid.UUID
    title: str
    number: str | None
    body_name: str
    status: MeetingStatus
    starts_at: datetime
    ends_at: datetime
    location_address: str | None
    location_room: str | None
    online_url: str | None
    theme: str | None
    cancel_reason: str | None
    agenda: list[AgendaLine]
    member_name: str = Field(description="The invited member, for the greeting")
    response: InvitationResponse
    responded_at: datetime | None
    may_answer: bool = Field(description="False once the meeting took place or was cancelled")


class MyResponse(BaseModel):
    meeting_id: uuid.UUID
    response: InvitationResponse
    responded_at: datetime | None
