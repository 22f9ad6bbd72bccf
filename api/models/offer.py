"""Offers (Angebote) of partner organisations and needs (Bedarfe) raised in the bodies."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import JSON, Date, ForeignKey, Index, String, Text, func
from sqlalchemy.orm import Mapped, mapped_column

from api.models.base import Base, ResourceMixin, SoftDeleteMixin

NEED_STATUSES = ("open", "addressed", "escalated", "resolved", "dismissed")


class Offer(ResourceMixin, SoftDeleteMixin, Base):
    """A service or programme of a partner; ``published`` ones appear in the public catalogue."""

    __tablename__ = "offers"

    organisation_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("organisations.id"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    target_groups: Mapped[list[str]] = mapped_column(JSON, default=list)
    languages: Mapped[list[str]] = mapped_column(JSON, default=list)
    municipalities: Mapped[list[str]] = mapped_column(JSON, default=list)
    costs: Mapped[str | None] = mapped_column(String(200), default=None)
    contact: Mapped[str | None] = mapped_column(String(300), default=None)
    valid_from: Mapped[date | None] = mapped_column(Date, default=None)
    valid_until: Mapped[date | None] = mapped_column(Date, default=None)
    published: Mapped[bool] = mapped_column(default=False, index=True)
    presented_at_agenda_item_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("agenda_items.id"), default=None, index=True
    )


class Need(ResourceMixin, SoftDeleteMixin, Base):
    """A gap or demand raised in a body, optionally in a field of action of the concept."""

    __tablename__ = "needs"

    body_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("bodies.id"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    raised_at_agenda_item_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("agenda_items.id"), default=None, index=True
    )
    field_of_action_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("fields_of_action.id"), default=None, index=True
    )
    status: Mapped[str] = mapped_column(String(16), default="open", index=True)
    status_note: Mapped[str] = mapped_column(Text, default="")


# The lists' sort orders (id breaks ties), so a page is an index range, not a sort of every row.
Index("ix_offers_title_order", func.lower(Offer.title), Offer.id)
Index("ix_needs_created_order", Need.created_at.desc(), Need.id)
