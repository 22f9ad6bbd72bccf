from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import JSON, Date, ForeignKey, Index, String, Text, literal_column
from sqlalchemy.orm import Mapped, mapped_column

from api.models.base import Base, ResourceMixin, SoftDeleteMixin, today

ENGAGEMENTS = ("professional", "volunteer")
MEMBER_STATUSES = ("active", "inactive", "left")
WORKING_GROUP_ROLES = ("spokesperson", "deputy_spokesperson", "member", "guest")
STEERING_GROUP_ROLES = ("chair", "deputy_chair", "member")
# Roles that lead a body; shown with the body and, for working groups, allowed to manage it.
LEAD_ROLES = ("spokesperson", "deputy_spokesperson", "chair", "deputy_chair")


class Member(ResourceMixin, SoftDeleteMixin, Base):
    """A person in the network (Akteur:in), professional or volunteer."""

    __tablename__ = "members"

    title: Mapped[str | None] = mapped_column(String(50), default=None)
    given_name: Mapped[str] = mapped_column(String(100))
    family_name: Mapped[str] = mapped_column(String(100), index=True)
    email: Mapped[str | None] = mapped_column(String(254), default=None)
    phone: Mapped[str | None] = mapped_column(String(50), default=None)
    organisation_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("organisations.id"), default=None, index=True
    )
    engagement: Mapped[str] = mapped_column(String(16), index=True)
    function: Mapped[str | None] = mapped_column(String(200), default=None)
    languages: Mapped[list[str]] = mapped_column(JSON, default=list)
    status: Mapped[str] = mapped_column(String(16), default="active", index=True)
    joined_on: Mapped[date | None] = mapped_column(Date, default=None)
    left_on: Mapped[date | None] = mapped_column(Date, default=None)
    internal_notes: Mapped[str] = mapped_column(Text, default="")

    @property
    def display_name(self) -> str:
        return " ".join(part for part in (self.title, self.given_name, self.family_name) if part)


# What the search matches names against; the PostgreSQL trigram index (migration 0010) is built on
# exactly this expression, so the space must be a literal rather than a bound parameter.
MEMBER_FULL_NAME = Member.given_name + literal_column("' '") + Member.family_name
Index("ix_members_name_order", Member.family_name, Member.given_name, Member.id)


class Membership(ResourceMixin, Base):
    """A member's seat in a body over a period; ended, never deleted, so history is kept."""

    __tablename__ = "memberships"

    member_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("members.id"), index=True)
    body_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("bodies.id"), index=True)
    role: Mapped[str] = mapped_column(String(32))
    function_label: Mapped[str | None] = mapped_column(String(200), default=None)
    organisation_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("organisations.id"), default=None, index=True
    )
    start_on: Mapped[date] = mapped_column(Date)
    end_on: Mapped[date | None] = mapped_column(Date, default=None)
    voting_right: Mapped[bool] = mapped_column(default=True)
    deputy_of_membership_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("memberships.id"), default=None
    )

    @property
    def is_current(self) -> bool:
        """Started and not ended; ``end_on`` is the last day of the membership."""
        day = today()
        return self.start_on <= day and (self.end_on is None or self.end_on >= day)
