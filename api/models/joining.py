"""Requests to join the network, sent through the public form, and the client-address rate limit."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import JSON, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from api.models.base import Base, IdMixin, ResourceMixin, utcnow

JOIN_REQUEST_STATUSES = ("open", "accepted", "declined")


class JoinRequest(ResourceMixin, Base):
    """ "Mitmachen im Netzwerk Integration": an interested person asks to join; a coordinator decides."""

    __tablename__ = "join_requests"

    given_name: Mapped[str] = mapped_column(String(100))
    family_name: Mapped[str] = mapped_column(String(100))
    email: Mapped[str] = mapped_column(String(254))
    organisation_name: Mapped[str | None] = mapped_column(String(200), default=None)
    engagement: Mapped[str] = mapped_column(String(16))
    working_group_ids: Mapped[list[str]] = mapped_column(JSON, default=list)
    message: Mapped[str] = mapped_column(Text, default="")
    privacy_text_version: Mapped[str] = mapped_column(String(32))
    status: Mapped[str] = mapped_column(String(16), default="open", index=True)
    decided_at: Mapped[datetime | None] = mapped_column(default=None)
    decided_by_user_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), default=None
    )
    decision_message: Mapped[str | None] = mapped_column(Text, default=None)
    member_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("members.id"), default=None)


class RateLimitHit(IdMixin, Base):
    """One counted request of a client address for a rate-limited action; kept only for the window."""

    __tablename__ = "rate_limit_hits"

    bucket: Mapped[str] = mapped_column(String(32))
    address: Mapped[str] = mapped_column(String(64), index=True)
    hit_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
