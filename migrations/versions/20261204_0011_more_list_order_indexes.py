"""Indexes for the sort orders of the offers, needs, submissions and directives lists (bench/RESULTS.md)

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-04 19:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_offers_title_order", "offers", [sa.text("lower(title)"), "id"])
    op.create_index("ix_needs_created_order", "needs", [sa.text("created_at DESC"), "id"])
    op.create_index("ix_submissions_created_order", "submissions", [sa.text("created_at DESC"), "id"])
    op.create_index("ix_directives_due_order", "directives", ["due_on", "created_at", "id"])


def downgrade() -> None:
    op.drop_index("ix_directives_due_order", table_name="directives")
    op.drop_index("ix_submissions_created_order", table_name="submissions")
    op.drop_index("ix_needs_created_order", table_name="needs")
    op.drop_index("ix_offers_title_order", table_name="offers")
