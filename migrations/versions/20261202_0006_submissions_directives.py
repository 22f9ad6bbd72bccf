"""Submissions to the steering group with decisions and directives; reminders sent; agenda items link a submission

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02 21:08:39.838266
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import api.models.base

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "sent_reminders",
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("subject_id", sa.Uuid(), nullable=False),
        sa.Column("recipient", sa.String(length=254), nullable=False),
        sa.Column("sent_at", api.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sent_reminders")),
        sa.UniqueConstraint("kind", "subject_id", "recipient", name=op.f("uq_sent_reminders_kind")),
    )
    op.create_table(
        "submissions",
        sa.Column("reference", sa.String(length=32), nullable=True),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("body_id", sa.Uuid(), nullable=False),
        sa.Column("situation", sa.Text(), nullable=False),
        sa.Column("proposed_resolution", sa.Text(), nullable=False),
        sa.Column("rationale", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("submitted_at", api.models.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("late_reason", sa.Text(), nullable=True),
        sa.Column("meeting_id", sa.Uuid(), nullable=True),
        sa.Column("outcome", sa.String(length=32), nullable=True),
        sa.Column("resolution", sa.Text(), nullable=False),
        sa.Column("votes_for", sa.Integer(), nullable=True),
        sa.Column("votes_against", sa.Integer(), nullable=True),
        sa.Column("abstentions", sa.Integer(), nullable=True),
        sa.Column("decided_at", api.models.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("decided_meeting_id", sa.Uuid(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column(
            "created_at",
            api.models.base.UTCDateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            api.models.base.UTCDateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted_at", api.models.base.UTCDateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["body_id"], ["bodies.id"], name=op.f("fk_submissions_body_id_bodies")),
        sa.ForeignKeyConstraint(
            ["decided_meeting_id"], ["meetings.id"], name=op.f("fk_submissions_decided_meeting_id_meetings")
        ),
        sa.ForeignKeyConstraint(
            ["meeting_id"], ["meetings.id"], name=op.f("fk_submissions_meeting_id_meetings")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_submissions")),
        sa.UniqueConstraint("reference", name=op.f("uq_submissions_reference")),
    )
    with op.batch_alter_table("submissions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_submissions_body_id"), ["body_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_submissions_decided_meeting_id"), ["decided_meeting_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_submissions_deleted_at"), ["deleted_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_submissions_meeting_id"), ["meeting_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_submissions_status"), ["status"], unique=False)
        batch_op.create_index(batch_op.f("ix_submissions_updated_at"), ["updated_at"], unique=False)

    op.create_table(
        "directives",
        sa.Column("submission_id", sa.Uuid(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("addressee_kind", sa.String(length=16), nullable=False),
        sa.Column("addressee_body_id", sa.Uuid(), nullable=True),
        sa.Column("addressee_organisation_id", sa.Uuid(), nullable=True),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("completion_note", sa.Text(), nullable=False),
        sa.Column("completed_at", api.models.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column(
            "created_at",
            api.models.base.UTCDateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            api.models.base.UTCDateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted_at", api.models.base.UTCDateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["addressee_body_id"], ["bodies.id"], name=op.f("fk_directives_addressee_body_id_bodies")
        ),
        sa.ForeignKeyConstraint(
            ["addressee_organisation_id"],
            ["organisations.id"],
            name=op.f("fk_directives_addressee_organisation_id_organisations"),
        ),
        sa.ForeignKeyConstraint(
            ["submission_id"], ["submissions.id"], name=op.f("fk_directives_submission_id_submissions")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_directives")),
    )
    with op.batch_alter_table("directives", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_directives_addressee_body_id"), ["addressee_body_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_directives_addressee_organisation_id"), ["addressee_organisation_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_directives_deleted_at"), ["deleted_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_directives_due_on"), ["due_on"], unique=False)
        batch_op.create_index(batch_op.f("ix_directives_status"), ["status"], unique=False)
        batch_op.create_index(batch_op.f("ix_directives_submission_id"), ["submission_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_directives_updated_at"), ["updated_at"], unique=False)

    op.create_table(
        "directive_measures",
        sa.Column("directive_id", sa.Uuid(), nullable=False),
        sa.Column("measure_id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["directive_id"],
            ["directives.id"],
            name=op.f("fk_directive_measures_directive_id_directives"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["measure_id"],
            ["measures.id"],
            name=op.f("fk_directive_measures_measure_id_measures"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("directive_id", "measure_id", name=op.f("pk_directive_measures")),
    )
    with op.batch_alter_table("directive_measures", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_directive_measures_measure_id"), ["measure_id"], unique=False)

    op.create_table(
        "submission_measures",
        sa.Column("submission_id", sa.Uuid(), nullable=False),
        sa.Column("measure_id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["measure_id"],
            ["measures.id"],
            name=op.f("fk_submission_measures_measure_id_measures"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["submission_id"],
            ["submissions.id"],
            name=op.f("fk_submission_measures_submission_id_submissions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("submission_id", "measure_id", name=op.f("pk_submission_measures")),
    )
    with op.batch_alter_table("submission_measures", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_submission_measures_measure_id"), ["measure_id"], unique=False)

    op.create_table(
        "submission_needs",
        sa.Column("submission_id", sa.Uuid(), nullable=False),
        sa.Column("need_id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["need_id"], ["needs.id"], name=op.f("fk_submission_needs_need_id_needs"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["submission_id"],
            ["submissions.id"],
            name=op.f("fk_submission_needs_submission_id_submissions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("submission_id", "need_id", name=op.f("pk_submission_needs")),
    )
    with op.batch_alter_table("submission_needs", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_submission_needs_need_id"), ["need_id"], unique=False)

    with op.batch_alter_table("agenda_items", schema=None) as batch_op:
        batch_op.add_column(sa.Column("submission_id", sa.Uuid(), nullable=True))
        batch_op.create_index(batch_op.f("ix_agenda_items_submission_id"), ["submission_id"], unique=False)
        batch_op.create_foreign_key(
            batch_op.f("fk_agenda_items_submission_id_submissions"),
            "submissions",
            ["submission_id"],
            ["id"],
            ondelete="SET NULL",
            use_alter=True,
        )


def downgrade() -> None:
    with op.batch_alter_table("agenda_items", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_agenda_items_submission_id_submissions"), type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_agenda_items_submission_id"))
        batch_op.drop_column("submission_id")

    with op.batch_alter_table("submission_needs", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_submission_needs_need_id"))

    op.drop_table("submission_needs")
    with op.batch_alter_table("submission_measures", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_submission_measures_measure_id"))

    op.drop_table("submission_measures")
    with op.batch_alter_table("directive_measures", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_directive_measures_measure_id"))

    op.drop_table("directive_measures")
    with op.batch_alter_table("directives", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_directives_updated_at"))
        batch_op.drop_index(batch_op.f("ix_directives_submission_id"))
        batch_op.drop_index(batch_op.f("ix_directives_status"))
        batch_op.drop_index(batch_op.f("ix_directives_due_on"))
        batch_op.drop_index(batch_op.f("ix_directives_deleted_at"))
        batch_op.drop_index(batch_op.f("ix_directives_addressee_organisation_id"))
        batch_op.drop_index(batch_op.f("ix_directives_addressee_body_id"))

    op.drop_table("directives")
    with op.batch_alter_table("submissions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_submissions_updated_at"))
        batch_op.drop_index(batch_op.f("ix_submissions_status"))
        batch_op.drop_index(batch_op.f("ix_submissions_meeting_id"))
        batch_op.drop_index(batch_op.f("ix_submissions_deleted_at"))
        batch_op.drop_index(batch_op.f("ix_submissions_decided_meeting_id"))
        batch_op.drop_index(batch_op.f("ix_submissions_body_id"))

    op.drop_table("submissions")
    op.drop_table("sent_reminders")
