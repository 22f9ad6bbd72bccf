"""Concept editions, fields of action, goals, measures; needs link a field of action

A need's free-text field of action cannot be matched to a field (no edition exists yet), so the
upgrade keeps the text at the end of the need's description instead of dropping it.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25 18:32:05.282283
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import api.models.base

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "concept_editions",
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("introduction", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("derived_from_edition_id", sa.Uuid(), nullable=True),
        sa.Column("adopted_on", sa.Date(), nullable=True),
        sa.Column("adopted_by", sa.String(length=200), nullable=True),
        sa.Column("superseded_on", sa.Date(), nullable=True),
        sa.Column("demo_content", sa.Boolean(), nullable=False),
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
            ["derived_from_edition_id"],
            ["concept_editions.id"],
            name=op.f("fk_concept_editions_derived_from_edition_id_concept_editions"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_concept_editions")),
    )
    with op.batch_alter_table("concept_editions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_concept_editions_deleted_at"), ["deleted_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_concept_editions_status"), ["status"], unique=False)
        batch_op.create_index(batch_op.f("ix_concept_editions_updated_at"), ["updated_at"], unique=False)

    op.create_table(
        "reference_counters",
        sa.Column("prefix", sa.String(length=8), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("last_number", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("prefix", "year", name=op.f("pk_reference_counters")),
    )
    op.create_table(
        "fields_of_action",
        sa.Column("edition_id", sa.Uuid(), nullable=False),
        sa.Column("code", sa.String(length=16), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("origin_id", sa.Uuid(), nullable=True),
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
        sa.ForeignKeyConstraint(
            ["edition_id"],
            ["concept_editions.id"],
            name=op.f("fk_fields_of_action_edition_id_concept_editions"),
        ),
        sa.ForeignKeyConstraint(
            ["origin_id"],
            ["fields_of_action.id"],
            name=op.f("fk_fields_of_action_origin_id_fields_of_action"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fields_of_action")),
        sa.UniqueConstraint("edition_id", "code", name=op.f("uq_fields_of_action_edition_id")),
    )
    with op.batch_alter_table("fields_of_action", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_fields_of_action_edition_id"), ["edition_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_fields_of_action_origin_id"), ["origin_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_fields_of_action_updated_at"), ["updated_at"], unique=False)

    op.create_table(
        "field_of_action_bodies",
        sa.Column("field_of_action_id", sa.Uuid(), nullable=False),
        sa.Column("body_id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["body_id"], ["bodies.id"], name=op.f("fk_field_of_action_bodies_body_id_bodies")
        ),
        sa.ForeignKeyConstraint(
            ["field_of_action_id"],
            ["fields_of_action.id"],
            name=op.f("fk_field_of_action_bodies_field_of_action_id_fields_of_action"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("field_of_action_id", "body_id", name=op.f("pk_field_of_action_bodies")),
    )
    with op.batch_alter_table("field_of_action_bodies", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_field_of_action_bodies_body_id"), ["body_id"], unique=False)

    op.create_table(
        "goals",
        sa.Column("edition_id", sa.Uuid(), nullable=False),
        sa.Column("field_of_action_id", sa.Uuid(), nullable=False),
        sa.Column("code", sa.String(length=16), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("origin_id", sa.Uuid(), nullable=True),
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
        sa.ForeignKeyConstraint(
            ["edition_id"], ["concept_editions.id"], name=op.f("fk_goals_edition_id_concept_editions")
        ),
        sa.ForeignKeyConstraint(
            ["field_of_action_id"],
            ["fields_of_action.id"],
            name=op.f("fk_goals_field_of_action_id_fields_of_action"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["origin_id"], ["goals.id"], name=op.f("fk_goals_origin_id_goals"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_goals")),
        sa.UniqueConstraint("edition_id", "code", name=op.f("uq_goals_edition_id")),
    )
    with op.batch_alter_table("goals", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_goals_edition_id"), ["edition_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_goals_field_of_action_id"), ["field_of_action_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_goals_origin_id"), ["origin_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_goals_updated_at"), ["updated_at"], unique=False)

    op.create_table(
        "measures",
        sa.Column("reference", sa.String(length=16), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("body_id", sa.Uuid(), nullable=False),
        sa.Column("target_group", sa.String(length=300), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("status_reason", sa.Text(), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=True),
        sa.Column("ends_on", sa.Date(), nullable=True),
        sa.Column("progress", sa.Integer(), nullable=False),
        sa.Column("origin_meeting_id", sa.Uuid(), nullable=True),
        sa.Column("origin_agenda_item_id", sa.Uuid(), nullable=True),
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
        sa.CheckConstraint("progress >= 0 AND progress <= 100", name=op.f("ck_measures_progress_percent")),
        sa.ForeignKeyConstraint(["body_id"], ["bodies.id"], name=op.f("fk_measures_body_id_bodies")),
        sa.ForeignKeyConstraint(
            ["origin_agenda_item_id"],
            ["agenda_items.id"],
            name=op.f("fk_measures_origin_agenda_item_id_agenda_items"),
        ),
        sa.ForeignKeyConstraint(
            ["origin_meeting_id"], ["meetings.id"], name=op.f("fk_measures_origin_meeting_id_meetings")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_measures")),
        sa.UniqueConstraint("reference", name=op.f("uq_measures_reference")),
    )
    with op.batch_alter_table("measures", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_measures_body_id"), ["body_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_measures_deleted_at"), ["deleted_at"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_measures_origin_agenda_item_id"), ["origin_agenda_item_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_measures_origin_meeting_id"), ["origin_meeting_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_measures_status"), ["status"], unique=False)
        batch_op.create_index(batch_op.f("ix_measures_updated_at"), ["updated_at"], unique=False)

    op.create_table(
        "indicators",
        sa.Column("measure_id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("unit", sa.String(length=50), nullable=False),
        sa.Column("baseline", sa.Float(), nullable=True),
        sa.Column("target", sa.Float(), nullable=True),
        sa.Column("actuals", sa.JSON(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
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
        sa.ForeignKeyConstraint(
            ["measure_id"],
            ["measures.id"],
            name=op.f("fk_indicators_measure_id_measures"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_indicators")),
    )
    with op.batch_alter_table("indicators", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_indicators_measure_id"), ["measure_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_indicators_updated_at"), ["updated_at"], unique=False)

    op.create_table(
        "measure_goals",
        sa.Column("measure_id", sa.Uuid(), nullable=False),
        sa.Column("goal_id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["goal_id"], ["goals.id"], name=op.f("fk_measure_goals_goal_id_goals"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["measure_id"],
            ["measures.id"],
            name=op.f("fk_measure_goals_measure_id_measures"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("measure_id", "goal_id", name=op.f("pk_measure_goals")),
    )
    with op.batch_alter_table("measure_goals", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_measure_goals_goal_id"), ["goal_id"], unique=False)

    op.create_table(
        "measure_needs",
        sa.Column("measure_id", sa.Uuid(), nullable=False),
        sa.Column("need_id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["measure_id"],
            ["measures.id"],
            name=op.f("fk_measure_needs_measure_id_measures"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(["need_id"], ["needs.id"], name=op.f("fk_measure_needs_need_id_needs")),
        sa.PrimaryKeyConstraint("measure_id", "need_id", name=op.f("pk_measure_needs")),
    )
    with op.batch_alter_table("measure_needs", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_measure_needs_need_id"), ["need_id"], unique=False)

    op.create_table(
        "measure_organisations",
        sa.Column("measure_id", sa.Uuid(), nullable=False),
        sa.Column("organisation_id", sa.Uuid(), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.ForeignKeyConstraint(
            ["measure_id"],
            ["measures.id"],
            name=op.f("fk_measure_organisations_measure_id_measures"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisations.id"],
            name=op.f("fk_measure_organisations_organisation_id_organisations"),
        ),
        sa.PrimaryKeyConstraint("measure_id", "organisation_id", name=op.f("pk_measure_organisations")),
    )
    with op.batch_alter_table("measure_organisations", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_measure_organisations_organisation_id"), ["organisation_id"], unique=False
        )

    op.create_table(
        "milestones",
        sa.Column("measure_id", sa.Uuid(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("progress", sa.Integer(), nullable=True),
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
        sa.CheckConstraint(
            "progress IS NULL OR (progress >= 0 AND progress <= 100)",
            name=op.f("ck_milestones_progress_percent"),
        ),
        sa.ForeignKeyConstraint(
            ["measure_id"],
            ["measures.id"],
            name=op.f("fk_milestones_measure_id_measures"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_milestones")),
    )
    with op.batch_alter_table("milestones", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_milestones_measure_id"), ["measure_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_milestones_updated_at"), ["updated_at"], unique=False)

    with op.batch_alter_table("agenda_items", schema=None) as batch_op:
        batch_op.add_column(sa.Column("measure_id", sa.Uuid(), nullable=True))
        batch_op.create_index(batch_op.f("ix_agenda_items_measure_id"), ["measure_id"], unique=False)
        batch_op.create_foreign_key(
            batch_op.f("fk_agenda_items_measure_id_measures"),
            "measures",
            ["measure_id"],
            ["id"],
            ondelete="SET NULL",
            use_alter=True,
        )

    needs = sa.table("needs", sa.column("description", sa.Text()), sa.column("field_of_action", sa.String()))
    op.execute(
        needs.update()
        .where(needs.c.field_of_action.is_not(None), needs.c.field_of_action != "")
        .values(description=needs.c.description + "\n\nHandlungsfeld (bisher): " + needs.c.field_of_action)
    )
    with op.batch_alter_table("needs", schema=None) as batch_op:
        batch_op.add_column(sa.Column("field_of_action_id", sa.Uuid(), nullable=True))
        batch_op.create_index(batch_op.f("ix_needs_field_of_action_id"), ["field_of_action_id"], unique=False)
        batch_op.create_foreign_key(
            batch_op.f("fk_needs_field_of_action_id_fields_of_action"),
            "fields_of_action",
            ["field_of_action_id"],
            ["id"],
        )
        batch_op.drop_column("field_of_action")


def downgrade() -> None:
    with op.batch_alter_table("needs", schema=None) as batch_op:
        batch_op.add_column(sa.Column("field_of_action", sa.VARCHAR(length=200), nullable=True))
        batch_op.drop_constraint(
            batch_op.f("fk_needs_field_of_action_id_fields_of_action"), type_="foreignkey"
        )
        batch_op.drop_index(batch_op.f("ix_needs_field_of_action_id"))
        batch_op.drop_column("field_of_action_id")

    with op.batch_alter_table("agenda_items", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_agenda_items_measure_id_measures"), type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_agenda_items_measure_id"))
        batch_op.drop_column("measure_id")

    with op.batch_alter_table("milestones", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_milestones_updated_at"))
        batch_op.drop_index(batch_op.f("ix_milestones_measure_id"))

    op.drop_table("milestones")
    with op.batch_alter_table("measure_organisations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_measure_organisations_organisation_id"))

    op.drop_table("measure_organisations")
    with op.batch_alter_table("measure_needs", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_measure_needs_need_id"))

    op.drop_table("measure_needs")
    with op.batch_alter_table("measure_goals", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_measure_goals_goal_id"))

    op.drop_table("measure_goals")
    with op.batch_alter_table("indicators", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_indicators_updated_at"))
        batch_op.drop_index(batch_op.f("ix_indicators_measure_id"))

    op.drop_table("indicators")
    with op.batch_alter_table("measures", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_measures_updated_at"))
        batch_op.drop_index(batch_op.f("ix_measures_status"))
        batch_op.drop_index(batch_op.f("ix_measures_origin_meeting_id"))
        batch_op.drop_index(batch_op.f("ix_measures_origin_agenda_item_id"))
        batch_op.drop_index(batch_op.f("ix_measures_deleted_at"))
        batch_op.drop_index(batch_op.f("ix_measures_body_id"))

    op.drop_table("measures")
    with op.batch_alter_table("goals", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_goals_updated_at"))
        batch_op.drop_index(batch_op.f("ix_goals_origin_id"))
        batch_op.drop_index(batch_op.f("ix_goals_field_of_action_id"))
        batch_op.drop_index(batch_op.f("ix_goals_edition_id"))

    op.drop_table("goals")
    with op.batch_alter_table("field_of_action_bodies", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_field_of_action_bodies_body_id"))

    op.drop_table("field_of_action_bodies")
    with op.batch_alter_table("fields_of_action", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_fields_of_action_updated_at"))
        batch_op.drop_index(batch_op.f("ix_fields_of_action_origin_id"))
        batch_op.drop_index(batch_op.f("ix_fields_of_action_edition_id"))

    op.drop_table("fields_of_action")
    op.drop_table("reference_counters")
    with op.batch_alter_table("concept_editions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_concept_editions_updated_at"))
        batch_op.drop_index(batch_op.f("ix_concept_editions_status"))
        batch_op.drop_index(batch_op.f("ix_concept_editions_deleted_at"))

    op.drop_table("concept_editions")
