"""Indexes for the lists at scale (bench/RESULTS.md): their sort orders and, on PostgreSQL,
trigram indexes for the free-text search (``lower(column) LIKE '%text%'``)

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-03 12:15:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# (index name, table, expression): the expressions are exactly those the searches filter on.
TRIGRAM_INDEXES = (
    ("ix_members_full_name_trgm", "members", "lower(given_name || ' ' || family_name)"),
    ("ix_members_email_trgm", "members", "lower(email)"),
    ("ix_measures_reference_trgm", "measures", "lower(reference)"),
    ("ix_measures_title_trgm", "measures", "lower(title)"),
    ("ix_measures_description_trgm", "measures", "lower(description)"),
    ("ix_meetings_title_trgm", "meetings", "lower(title)"),
    ("ix_meetings_number_trgm", "meetings", "lower(number)"),
    ("ix_meetings_theme_trgm", "meetings", "lower(theme)"),
    ("ix_organisations_name_trgm", "organisations", "lower(name)"),
    ("ix_organisations_short_name_trgm", "organisations", "lower(short_name)"),
    ("ix_organisations_city_trgm", "organisations", "lower(city)"),
)


def upgrade() -> None:
    op.create_index(
        "ix_measures_reference_order",
        "measures",
        [
            sa.text("substr(reference, 3, 4) DESC"),
            sa.text("length(reference) DESC"),
            sa.text("reference DESC"),
            "id",
        ],
    )
    op.create_index("ix_members_name_order", "members", ["family_name", "given_name", "id"])
    op.create_index("ix_milestones_recent", "milestones", ["date", "created_at", "id"])
    if op.get_bind().dialect.name == "postgresql":
        op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        for name, table, expression in TRIGRAM_INDEXES:
            op.execute(f"CREATE INDEX {name} ON {table} USING gin (({expression}) gin_trgm_ops)")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for name, _table, _expression in TRIGRAM_INDEXES:
            op.execute(f"DROP INDEX {name}")
    op.drop_index("ix_milestones_recent", table_name="milestones")
    op.drop_index("ix_members_name_order", table_name="members")
    op.drop_index("ix_measures_reference_order", table_name="measures")
