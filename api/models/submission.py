"""Submissions (Vorlagen) to the steering group, their decisions, and the directives issued with them."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import Column, Date, ForeignKey, Index, Integer, String, Table, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from api.models.base import Base, IdMixin, ResourceMixin, SoftDeleteMixin

SUBMISSION_KINDS = ("report", "request", "recommendation")
SUBMISSION_STATUSES = ("draft", "submitted", "scheduled", "decided", "withdrawn")
OUTCOMES = ("approved", "approved_with_changes", "rejected", "deferred", "noted")
DIRECTIVE_STATUSES = ("open", "in_progress", "done")
ADDRESSEE_KINDS = ("body", "organisation", "office")

submission_measures = Table(
    "submission_measures",
    Base.metadata,
    Column("submission_id", ForeignKey("submissions.id", ondelete="CASCADE"), primary_key=True),
    Column("measure_id", ForeignKey("measures.id", ondelete="CASCADE"), primary_key=True, index=True),
)

submission_needs = Table(
    "submission_needs",
    Base.metadata,
    Column("submission_id", ForeignKey("submissions.id", ondelete="CASCADE"), primary_key=True),
    Column("need_id", ForeignKey("needs.id", ondelete="CASCADE"), primary_key=True, index=True),
)

directive_measures = Table(
    "directive_measures",
    Base.metadata,
    Column("directive_id", ForeignKey("directives.id", ondelete="CASCADE"), primary_key=True),
    Column("measure_id", ForeignKey("measures.id", ondelete="CASCADE"), primary_key=True, index=True),
)


class Submission(ResourceMixin, SoftDeleteMixin, Base):
    """A paper of a body to the steering group; ``reference`` is assigned when it is submitted.

    The latest decision is kept on the submission itself; a deferral sends it back to ``submitted``
    and the earlier outcome stays in the audit log.
    """

    __tablename__ = "submissions"

    reference: Mapped[str | None] = mapped_column(String(32), unique=True, default=None)
    title: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(24))
    body_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("bodies.id"), index=True)
    situation: Mapped[str] = mapped_column(Text, default="")
    proposed_resolution: Mapped[str] = mapped_column(Text, default="")
    rationale: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(16), default="draft", index=True)
    submitted_at: Mapped[datetime | None] = mapped_column(default=None)
    late_reason: Mapped[str | None] = mapped_column(Text, default=None)
    meeting_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("meetings.id"), default=None, index=True)
    outcome: Mapped[str | None] = mapped_column(String(32), default=None)
    resolution: Mapped[str] = mapped_column(Text, default="")
    votes_for: Mapped[int | None] = mapped_column(Integer, default=None)
    votes_against: Mapped[int | None] = mapped_column(Integer, default=None)
    abstentions: Mapped[int | None] = mapped_column(Integer, default=None)
    decided_at: Mapped[datetime | None] = mapped_column(default=None)
    decided_meeting_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("meetings.id"), default=None, index=True
    )


class Directive(ResourceMixin, SoftDeleteMixin, Base):
    """A Handlungsanweisung issued with a decision, addressed to a body, an organisation or the office."""

    __tablename__ = "directives"

    submission_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("submissions.id"), index=True)
    text: Mapped[str] = mapped_column(Text)
    addressee_kind: Mapped[str] = mapped_column(String(16))
    addressee_body_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("bodies.id"), default=None, index=True
    )
    addressee_organisation_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("organisations.id"), default=None, index=True
    )
    due_on: Mapped[date] = mapped_column(Date, index=True)
    status: Mapped[str] = mapped_column(String(16), default="open", index=True)
    completion_note: Mapped[str] = mapped_column(Text, default="")
    completed_at: Mapped[datetime | None] = mapped_column(default=None)


# The lists' sort orders (id breaks ties), so a page is an index range, not a sort of every row.
Index("ix_submissions_created_order", Submission.created_at.desc(), Submission.id)
Index("ix_directives_due_order", Directive.due_on, Directive.created_at, Directive.id)


class SentReminder(IdMixin, Base):
    """One reminder mail that ``netzwerk notify`` delivered, so that a second run does not send it again."""

    __tablename__ = "sent_reminders"
    __table_args__ = (UniqueConstraint("kind", "subject_id", "recipient"),)

    kind: Mapped[str] = mapped_column(String(32))
    subject_id: Mapped[uuid.UUID] = mapped_column()
    recipient: Mapped[str] = mapped_column(String(254))
    sent_at: Mapped[datetime]
