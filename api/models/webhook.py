"""Webhook subscriptions of API clients and the outbox of their deliveries."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from api.models.base import Base, IdMixin, ResourceMixin, utcnow


class WebhookSubscription(ResourceMixin, Base):
    """A client's target URL for some event types; the secret signs every delivery."""

    __tablename__ = "webhook_subscriptions"

    client_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("api_clients.id"), index=True)
    url: Mapped[str] = mapped_column(String(500))
    events: Mapped[list[str]] = mapped_column(JSON, default=list)
    # Kept readable: it is the HMAC key of every delivery. Shown to the client only once.
    secret: Mapped[str] = mapped_column(String(100))
    active: Mapped[bool] = mapped_column(default=True)


class WebhookDelivery(IdMixin, Base):
    """One event for one subscription, written in the transaction of the change (the outbox)."""

    __tablename__ = "webhook_deliveries"

    subscription_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("webhook_subscriptions.id"), index=True)
    event: Mapped[str] = mapped_column(String(32))
    payload: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16), default="pending", index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    last_status_code: Mapped[int | None] = mapped_column(Integer, default=None)
    last_error: Mapped[str | None] = mapped_column(String(500), default=None)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    delivered_at: Mapped[datetime | None] = mapped_column(default=None)
    replay_of_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("webhook_deliveries.id"), default=None)
