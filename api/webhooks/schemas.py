"""Webhook subscriptions and the delivery log."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Literal

from pydantic import MISSING, AfterValidator, BaseModel, ConfigDict, Field

from api.core.pagination import Page

Event = Literal[
    "meeting.created",
    "meeting.updated",
    "meeting.cancelled",
    "measure.updated",
    "offer.updated",
    "submission.decided",
    "directive.updated",
]
DeliveryStatus = Literal["pending", "delivered", "failed"]


def _unique_sorted(events: list[Event]) -> list[Event]:
    return sorted(set(events))


Events = Annotated[list[Event], Field(min_length=1, max_length=7), AfterValidator(_unique_sorted)]
TargetUrl = Annotated[
    str, Field(max_length=500, description="https; http only to a loopback address outside production")
]


class SubscriptionRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    client_id: uuid.UUID
    url: str
    events: list[Event]
    active: bool
    created_at: datetime
    updated_at: datetime
    version: int


class SubscriptionWithSecret(SubscriptionRead):
    secret: str = Field(description="The HMAC key of the signatures; shown only in this response")


class SubscriptionCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    url: TargetUrl
    events: Events


class SubscriptionUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    url: TargetUrl | MISSING = MISSING
    events: Events | MISSING = MISSING
    active: bool | MISSING = MISSING


class SubscriptionPage(Page[SubscriptionRead]):
    pass


class DeliveryRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    subscription_id: uuid.UUID
    event: Event
    payload: str = Field(description="The exact body sent (and signed)")
    status: DeliveryStatus
    attempts: int
    next_attempt_at: datetime
    last_status_code: int | None
    last_error: str | None
    created_at: datetime
    delivered_at: datetime | None
    replay_of_id: uuid.UUID | None


class DeliveryPage(Page[DeliveryRead]):
    pass
