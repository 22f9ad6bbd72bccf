"""The current consent per member and purpose, kept by a trigger on consent_records

The directory, partner and OParl queries asked "is the latest event given?" of the event log for
every member; at national scale that anti-join costs tens of milliseconds per request.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-04 19:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import api.models.base

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# A newer event replaces the current one; at the same time, a withdrawal wins.
UPSERT = """
    INSERT INTO current_consents (member_id, purpose, action, recorded_at)
    VALUES (NEW.member_id, NEW.purpose, NEW.action, NEW.recorded_at)
    ON CONFLICT (member_id, purpose) DO UPDATE
    SET action = excluded.action, recorded_at = excluded.recorded_at
    WHERE current_consents.recorded_at < excluded.recorded_at
       OR (current_consents.recorded_at = excluded.recorded_at AND excluded.action <> 'given');
"""


def upgrade() -> None:
    op.create_table(
        "current_consents",
        sa.Column("member_id", sa.Uuid(), nullable=False),
        sa.Column("purpose", sa.String(length=32), nullable=False),
        sa.Column("action", sa.String(length=16), nullable=False),
        sa.Column("recorded_at", api.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["member_id"],
            ["members.id"],
            name=op.f("fk_current_consents_member_id_members"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("member_id", "purpose", name=op.f("pk_current_consents")),
    )
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "CREATE FUNCTION keep_current_consent() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
            f"{UPSERT} RETURN NULL; END $$"
        )
        op.execute(
            "CREATE TRIGGER keep_current_consent AFTER INSERT ON consent_records "
            "FOR EACH ROW EXECUTE FUNCTION keep_current_consent()"
        )
    else:
        op.execute(f"CREATE TRIGGER keep_current_consent AFTER INSERT ON consent_records BEGIN {UPSERT} END")
    # The events so far: each one no later event replaces by the same rule.
    op.execute(
        """
        INSERT INTO current_consents (member_id, purpose, action, recorded_at)
        SELECT member_id, purpose, action, recorded_at FROM consent_records AS event
        WHERE NOT EXISTS (
            SELECT 1 FROM consent_records AS later
            WHERE later.member_id = event.member_id AND later.purpose = event.purpose
              AND (later.recorded_at > event.recorded_at OR (
                  later.recorded_at = event.recorded_at AND later.action <> 'given' AND event.action = 'given'
              ))
        )
        ON CONFLICT DO NOTHING
        """
    )
    if op.get_bind().dialect.name == "postgresql":
        op.execute("ANALYZE current_consents")  # without statistics the planner misjudges the set badly


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER keep_current_consent ON consent_records")
        op.execute("DROP FUNCTION keep_current_consent()")
    else:
        op.execute("DROP TRIGGER keep_current_consent")
    op.drop_table("current_consents")
