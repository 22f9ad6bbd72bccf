"""Consent records: one append-only event per decision; the latest event per purpose counts."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from api.models.base import Base, IdMixin, utcnow

CONSENT_PURPOSES = ("directory_listing", "contact_sharing", "photo")
CONSENT_ACTIONS = ("given", "withdrawn")
CONSENT_CHANNELS = ("paper", "email", "web_form", "in_person", "self_service")


class ConsentRecord(IdMixin, Base):
    """A member gave or withdrew consent for one purpose. Never changed, never deleted by the API."""

    __tablename__ = "consent_records"
    __table_args__ = (Index("ix_consent_records_member_purpose", "member_id", "purpose", "recorded_at"),)

    member_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"))
    purpose: Mapped[str] = mapped_column(String(32))
    action: Mapped[str] = mapped_column(String(16))
    text_version: Mapped[str] = mapped_column(String(32))
    channel: Mapped[str] = mapped_column(String(16))
    recorded_at: Mapped[datetime] = mapped_column(default=utcnow)
    recorded_by_user_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), default=None
    )


class CurrentConsent(Base):
    """The latest event per member and purpose (on a tie of times, a withdrawal): what the directory,
    partner and OParl queries read. Kept by a trigger on ``consent_records`` (migration 0012), so
    no way of adding an event can leave it behind; the events stay the record of truth."""

    __tablename__ = "current_consents"

    member_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("members.id", ondelete="CASCADE"), primary_key=True
    )
    purpose: Mapped[str] = mapped_column(String(32), primary_key=True)
    action: Mapped[str] = mapped_column(String(16))
    recorded_at: Mapped[datetime] = mapped_column()
