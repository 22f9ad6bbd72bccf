"""Measures (Maßnahmen): what the network carries out, with partners, goals, milestones and indicators."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from sqlalchemy import (
    JSON,
    CheckConstraint,
    Column,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    func,
)
from sqlalchemy.orm import Mapped, mapped_column

from api.models.base import Base, ResourceMixin, SoftDeleteMixin

MEASURE_STATUSES = ("idea", "planned", "in_progress", "completed", "paused", "discontinued")
ORGANISATION_ROLES = ("lead", "partner", "funder")

measure_goals = Table(
    "measure_goals",
    Base.metadata,
    Column("measure_id", ForeignKey("measures.id", ondelete="CASCADE"), primary_key=True),
    Column("goal_id", ForeignKey("goals.id", ondelete="CASCADE"), primary_key=True, index=True),
)

measure_needs = Table(
    "measure_needs",
    Base.metadata,
    Column("measure_id", ForeignKey("measures.id", ondelete="CASCADE"), primary_key=True),
    Column("need_id", ForeignKey("needs.id"), primary_key=True, index=True),
)


class Measure(ResourceMixin, SoftDeleteMixin, Base):
    """A Maßnahme of a responsible body; ``reference`` ("M-2026-014") is assigned once and never reused."""

    __tablename__ = "measures"
    __table_args__ = (CheckConstraint("progress >= 0 AND progress <= 100", name="progress_percent"),)

    reference: Mapped[str] = mapped_column(String(16), unique=True)
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    body_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("bodies.id"), index=True)
    target_group: Mapped[str] = mapped_column(String(300), default="")
    status: Mapped[str] = mapped_column(String(16), default="idea", index=True)
    # Why it was paused or discontinued (the latest such change).
    status_reason: Mapped[str] = mapped_column(Text, default="")
    starts_on: Mapped[date | None] = mapped_column(Date, default=None)
    ends_on: Mapped[date | None] = mapped_column(Date, default=None)
    progress: Mapped[int] = mapped_column(Integer, default=0)
    origin_meeting_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("meetings.id"), default=None, index=True
    )
    origin_agenda_item_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("agenda_items.id"), default=None, index=True
    )


# The lists' order, newest reference first: by year, then by number (numbers may outgrow three
# digits); the index lets a page be read in that order instead of sorting every measure.
MEASURE_REFERENCE_ORDER = (
    func.substr(Measure.reference, 3, 4).desc(),
    func.length(Measure.reference).desc(),
    Measure.reference.desc(),
)
Index("ix_measures_reference_order", *MEASURE_REFERENCE_ORDER, Measure.id)


class MeasureOrganisation(Base):
    """An organisation taking part in a measure as lead, partner or funder."""

    __tablename__ = "measure_organisations"

    measure_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("measures.id", ondelete="CASCADE"), primary_key=True
    )
    organisation_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("organisations.id"), primary_key=True, index=True
    )
    role: Mapped[str] = mapped_column(String(16))


class Milestone(ResourceMixin, Base):
    """A dated step of a measure with the progress reached at that point (feeds progress over time)."""

    __tablename__ = "milestones"
    __table_args__ = (
        CheckConstraint("progress IS NULL OR (progress >= 0 AND progress <= 100)", name="progress_percent"),
    )

    measure_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("measures.id", ondelete="CASCADE"), index=True)
    date: Mapped[date] = mapped_column(Date)
    title: Mapped[str] = mapped_column(String(200))
    note: Mapped[str] = mapped_column(Text, default="")
    progress: Mapped[int | None] = mapped_column(Integer, default=None)


# The dashboard's latest milestones.
Index("ix_milestones_recent", Milestone.date, Milestone.created_at, Milestone.id)


class Indicator(ResourceMixin, Base):
    """A measurable indicator; ``actuals`` holds ``{"period": "2026-Q1", "value": 12.0}`` per period."""

    __tablename__ = "indicators"

    measure_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("measures.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    unit: Mapped[str] = mapped_column(String(50), default="")
    baseline: Mapped[float | None] = mapped_column(Float, default=None)
    target: Mapped[float | None] = mapped_column(Float, default=None)
    actuals: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    position: Mapped[int] = mapped_column(Integer, default=0)


class ReferenceCounter(Base):
    """The last number handed out per prefix and year, so references ("M-2026-014") are never reused."""

    __tablename__ = "reference_counters"

    prefix: Mapped[str] = mapped_column(String(8), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    last_number: Mapped[int] = mapped_column(Integer, default=0)
