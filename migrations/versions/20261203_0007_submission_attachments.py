"""Attachments belong to a meeting or to a submission (exactly one of them)

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-03 06:24:07.446558
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("attachments", schema=None) as batch_op:
        batch_op.add_column(sa.Column("submission_id", sa.Uuid(), nullable=True))
        batch_op.alter_column("meeting_id", existing_type=sa.Uuid(), nullable=True)
        batch_op.create_index(batch_op.f("ix_attachments_submission_id"), ["submission_id"], unique=False)
        batch_op.create_foreign_key(
            batch_op.f("fk_attachments_submission_id_submissions"), "submissions", ["submission_id"], ["id"]
        )
        batch_op.create_check_constraint(
            op.f("ck_attachments_one_owner"), "(meeting_id IS NULL) <> (submission_id IS NULL)"
        )


def downgrade() -> None:
    op.execute("DELETE FROM attachments WHERE meeting_id IS NULL")
    with op.batch_alter_table("attachments", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("ck_attachments_one_owner"), type_="check")
        batch_op.drop_constraint(batch_op.f("fk_attachments_submission_id_submissions"), type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_attachments_submission_id"))
        batch_op.alter_column("meeting_id", existing_type=sa.Uuid(), nullable=False)
        batch_op.drop_column("submission_id")
