"""The migrations are the schema: up, no drift, down to nothing, up again."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

from alembic import command
from sqlalchemy import inspect, make_url, text
from sqlalchemy.ext.asyncio import create_async_engine

from api.cli import alembic_config
from api.core.db import create_engine
from tests.conftest import reset_database

EXPECTED_TABLES = {
    "api_clients",
    "concept_editions",
    "directive_measures",
    "directives",
    "submission_measures",
    "submission_needs",
    "sent_reminders",
    "submissions",
    "field_of_action_bodies",
    "fields_of_action",
    "goals",
    "indicators",
    "measure_goals",
    "measure_needs",
    "measure_organisations",
    "measures",
    "milestones",
    "reference_counters",
    "alembic_version",
    "agenda_items",
    "attachments",
    "attendances",
    "audit_events",
    "auth_sessions",
    "bodies",
    "calendar_tokens",
    "consent_records",
    "current_consents",
    "idempotency_records",
    "join_requests",
    "login_failures",
    "meetings",
    "members",
    "memberships",
    "needs",
    "offers",
    "organisations",
    "rate_limit_hits",
    "registrations",
    "users",
    "webhook_deliveries",
    "webhook_subscriptions",
}


def _tables(url: str) -> set[str]:
    async def read() -> set[str]:
        engine = create_engine(url)
        async with engine.connect() as connection:
            names = await connection.run_sync(lambda sync: set(inspect(sync).get_table_names()))
        await engine.dispose()
        return names

    return asyncio.run(read())


def _scratch_database(tmp_path: Path) -> str:
    """A database of its own, so that the other tests' connections never see it change."""
    base = os.environ.get("TEST_DATABASE_URL")
    if not base:
        return f"sqlite+aiosqlite:///{tmp_path / 'migrations.db'}"
    url = make_url(base)
    scratch = f"{url.database}_migrations"

    async def create() -> None:
        engine = create_async_engine(base, isolation_level="AUTOCOMMIT")
        async with engine.connect() as connection:
            exists = await connection.scalar(
                text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": scratch}
            )
            if not exists:
                await connection.execute(text(f'CREATE DATABASE "{scratch}"'))
        await engine.dispose()

    asyncio.run(create())
    return url.set(database=scratch).render_as_string(hide_password=False)


def test_upgrade_check_downgrade_upgrade(tmp_path: Path) -> None:
    url = _scratch_database(tmp_path)
    config = alembic_config(url)
    reset_database(url)

    command.upgrade(config, "head")
    assert _tables(url) == EXPECTED_TABLES
    command.check(config)  # raises when the models and the migrations disagree

    command.downgrade(config, "base")
    assert _tables(url) == {"alembic_version"}

    command.upgrade(config, "head")
    assert _tables(url) == EXPECTED_TABLES
    command.check(config)
