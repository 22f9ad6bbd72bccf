"""Meetings of the bodies, their agenda, attendance, attachments, calendar tokens and registrations."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import JSON, CheckConstraint, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from api.models.base import Base, IdMixin, ResourceMixin, SoftDeleteMixin, utcnow

MEETING_STATUSES = ("planned", "invited", "held", "minutes_approved", "cancelled")
AGENDA_ITEM_KINDS = (
    "report",
    "exchange",
    "offer_presentation",
    "needs",
    "measure_development",
    "submission",
    "any_other_business",
)
RESPONSES = ("pending", "accepted", "declined")
PRESENCES = ("present", "excused", "absent")
REGISTRATION_STATUSES = ("confirmed", "waitlisted", "cancelled")


class Meeting(ResourceMixin, SoftDeleteMixin, Base):
    """A Sitzung of one body; times are stored in UTC and shown in Europe/Berlin."""

    __tablename__ = "meetings"

    body_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("bodies.id"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    number: Mapped[str | None] = mapped_column(String(64), default=None)
    starts_at: Mapped[datetime] = mapped_column(index=True)
    ends_at: Mapped[datetime]
    location_address: Mapped[str | None] = mapped_column(String(300), default=None)
    location_room: Mapped[str | None] = mapped_column(String(200), default=None)
    online_url: Mapped[str | None] = mapped_column(String(500), default=None)
    theme: Mapped[str | None] = mapped_column(String(300), default=None)
    status: Mapped[str] = mapped_column(String(24), default="planned", index=True)
    cancel_reason: Mapped[str | None] = mapped_column(Text, default=None)
    # RFC 5545 SEQUENCE: raised whenever invited members must get an update or a cancellation.
    ical_sequence: Mapped[int] = mapped_column(Integer, default=0)
    invited_at: Mapped[datetime | None] = mapped_column(default=None)
    minutes_markdown: Mapped[str] = mapped_column(Text, default="")
    minutes_drafted_by_user_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), default=None
    )
    minutes_drafted_at: Mapped[datetime | None] = mapped_column(default=None)
    minutes_approved_by_user_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), default=None
    )
    minutes_approved_at: Mapped[datetime | None] = mapped_column(default=None)
    # Public registration (the annual network meeting): capacity None means no registration.
    registration_capacity: Mapped[int | None] = mapped_column(Integer, default=None)
    guests: Mapped[list[str]] = mapped_column(JSON, default=list)


class AgendaItem(ResourceMixin, SoftDeleteMixin, Base):
    """A TOP: ``position`` orders the items; ``number`` is what the invitation prints."""

    __tablename__ = "agenda_items"

    meeting_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("meetings.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    number: Mapped[str] = mapped_column(String(16))
    title: Mapped[str] = mapped_column(String(300))
    kind: Mapped[str] = mapped_column(String(32))
    notes: Mapped[str] = mapped_column(Text, default="")
    result: Mapped[str] = mapped_column(Text, default="")
    # The measure an item of kind "measure_development" works on; use_alter because measures
    # point back to the agenda item they came from.
    measure_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("measures.id", ondelete="SET NULL", use_alter=True), default=None, index=True
    )
    # The paper an item of kind "submission" treats (steering-group meetings).
    submission_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("submissions.id", ondelete="SET NULL", use_alter=True), default=None, index=True
    )


class Attendance(ResourceMixin, Base):
    """A member's answer to the invitation and presence at the meeting."""

    __tablename__ = "attendances"
    __table_args__ = (UniqueConstraint("meeting_id", "member_id"),)

    meeting_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("meetings.id"), index=True)
    member_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("members.id"), index=True)
    response: Mapped[str] = mapped_column(String(16), default="pending")
    responded_at: Mapped[datetime | None] = mapped_column(default=None)
    presence: Mapped[str | None] = mapped_column(String(16), default=None)
    # SHA-256 of the secret in the invitation's answer link; the secret itself is never stored.
    response_token_hash: Mapped[str | None] = mapped_column(String(64), unique=True, default=None)


class Attachment(ResourceMixin, SoftDeleteMixin, Base):
    """An uploaded file of a meeting (or its agenda item) or of a submission, stored by its SHA-256."""

    __tablename__ = "attachments"
    __table_args__ = (CheckConstraint("(meeting_id IS NULL) <> (submission_id IS NULL)", name="one_owner"),)

    meeting_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("meetings.id"), default=None, index=True)
    agenda_item_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("agenda_items.id"), default=None, index=True
    )
    submission_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("submissions.id"), default=None, index=True
    )
    filename: Mapped[str] = mapped_column(String(255))
    media_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    uploaded_by_user_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), default=None
    )


class CalendarToken(IdMixin, Base):
    """The secret of a member's private calendar feed; revoking it makes the feed answer 404."""

    __tablename__ = "calendar_tokens"

    member_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("members.id"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    revoked_at: Mapped[datetime | None] = mapped_column(default=None)


class Registration(ResourceMixin, Base):
    """A public registration for a meeting with capacity; beyond it, the waiting list (by time)."""

    __tablename__ = "registrations"

    meeting_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("meetings.id"), index=True)
    given_name: Mapped[str] = mapped_column(String(100))
    family_name: Mapped[str] = mapped_column(String(100))
    email: Mapped[str] = mapped_column(String(254), index=True)
    organisation_name: Mapped[str | None] = mapped_column(String(200), default=None)
    privacy_text_version: Mapped[str] = mapped_column(String(32))
    status: Mapped[str] = mapped_column(String(16), index=True)
    cancelled_at: Mapped[datetime | None] = mapped_column(default=None)
    cancel_token_hash: Mapped[str] = mapped_column(String(64), unique=True)
