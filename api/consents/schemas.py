"""Consent schemas: one record per decision; the overview lists the current state per purpose."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from api.core.fields import TextVersion

Purpose = Literal["directory_listing", "contact_sharing", "photo"]
ConsentAction = Literal["given", "withdrawn"]
Channel = Literal["paper", "email", "web_form", "in_person", "self_service"]
RecordingChannel = Literal["paper", "email", "web_form", "in_person"]


class ConsentRead(BaseModel):
    """One event: the member gave or withdrew consent for a purpose."""

    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    purpose: Purpose
    action: ConsentAction
    text_version: str
    channel: Channel
    recorded_at: datetime
    recorded_by_user_id: uuid.UUID | None


class ConsentState(BaseModel):
    """The current state of one purpose: its latest event, or none (never asked = not given)."""

    purpose: Purpose
    given: bool
    latest: ConsentRead | None


class ConsentOverview(BaseModel):
    member_id: uuid.UUID
    current: list[ConsentState] = Field(description="One entry per purpose, in a fixed order")
    history: list[ConsentRead] = Field(description="Every event, newest first")


class ConsentCreate(BaseModel):
    """Recorded by a coordinator from a signed form, an e-mail, the web form or in person."""

    model_config = ConfigDict(extra="forbid")

    purpose: Purpose
    action: ConsentAction
    text_version: TextVersion
    channel: RecordingChannel


class ConsentSelfCreate(BaseModel):
    """A member gives or withdraws consent themself; the channel is `self_service`."""

    model_config = ConfigDict(extra="forbid")

    purpose: Purpose
    action: ConsentAction
    text_version: TextVersion
