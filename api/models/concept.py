"""The county's integration concept: editions, their fields of action and goals."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import Column, Date, ForeignKey, Integer, String, Table, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from api.models.base import Base, ResourceMixin, SoftDeleteMixin

EDITION_KINDS = ("guiding_principles", "concept")
EDITION_STATUSES = ("draft", "adopted", "superseded")

field_of_action_bodies = Table(
    "field_of_action_bodies",
    Base.metadata,
    Column("field_of_action_id", ForeignKey("fields_of_action.id", ondelete="CASCADE"), primary_key=True),
    Column("body_id", ForeignKey("bodies.id"), primary_key=True, index=True),
)


class ConceptEdition(ResourceMixin, SoftDeleteMixin, Base):
    """One edition of the concept (2010, 2018, drafts) or the guiding principles of 2008 (text only).

    Only drafts change; adopting a draft supersedes the previously adopted concept edition.
    """

    __tablename__ = "concept_editions"

    kind: Mapped[str] = mapped_column(String(24), default="concept")
    year: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(300))
    introduction: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(16), default="draft", index=True)
    derived_from_edition_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("concept_editions.id"), default=None
    )
    adopted_on: Mapped[date | None] = mapped_column(Date, default=None)
    adopted_by: Mapped[str | None] = mapped_column(String(200), default=None)
    superseded_on: Mapped[date | None] = mapped_column(Date, default=None)
    demo_content: Mapped[bool] = mapped_column(default=False)


class FieldOfAction(ResourceMixin, Base):
    """A Handlungsfeld of one edition; ``origin_id`` points to the field it was copied from."""

    __tablename__ = "fields_of_action"
    __table_args__ = (UniqueConstraint("edition_id", "code"),)

    edition_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("concept_editions.id"), index=True)
    code: Mapped[str] = mapped_column(String(16))
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer, default=0)
    origin_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("fields_of_action.id", ondelete="SET NULL"), default=None, index=True
    )


class Goal(ResourceMixin, Base):
    """A Ziel such as "B.2" within a field of action; ``origin_id`` points to the goal it was copied from."""

    __tablename__ = "goals"
    __table_args__ = (UniqueConstraint("edition_id", "code"),)

    edition_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("concept_editions.id"), index=True)
    field_of_action_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("fields_of_action.id", ondelete="CASCADE"), index=True
    )
    code: Mapped[str] = mapped_column(String(16))
    title: Mapped[str] = mapped_column(String(300))
    description: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer, default=0)
    origin_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("goals.id", ondelete="SET NULL"), default=None, index=True
    )
