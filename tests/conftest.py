"""Test set-up: a real database built by the Alembic migrations, the app over ASGI, factories.

The database is PostgreSQL when ``TEST_DATABASE_URL`` is set (CI always), else a SQLite file.
Tests commit for real, as the app does, and every table is emptied after each test: that way
the unit of work, the audit trail of failed requests and concurrent transactions are tested
as they run in production, which a per-test rollback would hide.
"""

from __future__ import annotations

import asyncio
import email
import email.policy
import os
import secrets
import socket
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import httpx
import pytest
from aiosmtpd.controller import Controller
from alembic import command
from argon2 import PasswordHasher
from fastapi import FastAPI
from pydantic import SecretStr
from sqlalchemy import delete, event, select, text

from api.bodies.service import seed_bodies
from api.cli import alembic_config
from api.core import security
from api.core.config import Settings
from api.core.db import create_engine
from api.main import create_app
from api.models import AuditEvent, Base, Body, User
from api.users.schemas import Role, UserCreate
from api.users.service import create_user

PASSWORD = "correct horse battery staple"

# Argon2 at the production cost (19 MiB, 2 passes: ~25 ms a hash or check on this machine) made
# ~45 s of every run, which creates and logs in some 800 accounts. The tests check what is done with a
# hash, not how much it costs, so they hash with the smallest parameters Argon2id allows; the test of
# the production parameters asks for them with the `production_password_hashing` fixture.
_PRODUCTION_HASHING = (security._hasher, security._DUMMY_HASH)
_CHEAP_HASHER = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)


@pytest.fixture(scope="session", autouse=True)
def _cheap_password_hashing() -> Iterator[None]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(security, "_hasher", _CHEAP_HASHER)
        patch.setattr(security, "_DUMMY_HASH", _CHEAP_HASHER.hash(secrets.token_urlsafe(16)))
        yield


@pytest.fixture
def production_password_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    """The app's own Argon2 parameters for one test (see `_cheap_password_hashing`)."""
    hasher, dummy_hash = _PRODUCTION_HASHING
    monkeypatch.setattr(security, "_hasher", hasher)
    monkeypatch.setattr(security, "_DUMMY_HASH", dummy_hash)


def _database_url(tmp_dir: Path) -> str:
    return os.environ.get("TEST_DATABASE_URL") or f"sqlite+aiosqlite:///{tmp_dir / 'test.db'}"


def reset_database(url: str) -> None:
    """Drop everything, so the migrations start from an empty database."""
    if not url.startswith("postgresql"):
        return

    async def drop() -> None:
        engine = create_engine(url)
        async with engine.begin() as connection:
            await connection.execute(text("DROP SCHEMA public CASCADE"))
            await connection.execute(text("CREATE SCHEMA public"))
        await engine.dispose()

    asyncio.run(drop())


@pytest.fixture(scope="session")
def database_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = _database_url(tmp_path_factory.mktemp("db"))
    reset_database(url)
    command.upgrade(alembic_config(url), "head")
    return url


class Mailbox:
    """An aiosmtpd handler that keeps every message the local SMTP server receives."""

    def __init__(self) -> None:
        self.messages: list[tuple[list[str], EmailMessage]] = []

    async def handle_DATA(self, _server: Any, _session: Any, envelope: Any) -> str:
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        assert isinstance(message, EmailMessage)
        self.messages.append((list(envelope.rcpt_tos), message))
        return "250 Message accepted for delivery"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="session")
def smtp_server() -> Iterator[tuple[Controller, Mailbox]]:
    """A real SMTP server on a free local port; the app's settings point at it."""
    handler = Mailbox()
    controller = Controller(handler, hostname="127.0.0.1", port=_free_port())
    controller.start()
    yield controller, handler
    controller.stop()


@pytest.fixture
def mailbox(smtp_server: tuple[Controller, Mailbox]) -> Iterator[Mailbox]:
    """The messages that arrived during one test."""
    handler = smtp_server[1]
    handler.messages.clear()
    yield handler
    handler.messages.clear()


@pytest.fixture(scope="session")
def settings(
    database_url: str, tmp_path_factory: pytest.TempPathFactory, smtp_server: tuple[Controller, Mailbox]
) -> Settings:
    return Settings(
        env="development",
        data_dir=tmp_path_factory.mktemp("data"),
        database_url=database_url,
        jwt_secret=SecretStr(secrets.token_urlsafe(48)),
        spa_dir=tmp_path_factory.mktemp("no-spa"),
        log_level="WARNING",
        smtp_host="127.0.0.1",
        smtp_port=smtp_server[0].port,
    )


@pytest.fixture(scope="session")
def app(settings: Settings) -> FastAPI:
    return create_app(settings)


@pytest.fixture(autouse=True)
async def _empty_tables(request: pytest.FixtureRequest) -> AsyncIterator[None]:
    yield
    if "app" not in request.fixturenames:
        return
    app: FastAPI = request.getfixturevalue("app")
    await empty_tables(app)


async def empty_tables(app: FastAPI) -> None:
    """Deletes every row, children first, in one transaction.

    All DELETEs go in one script, one round trip: one statement at a time took 14 ms (PostgreSQL)
    and 23 ms (SQLite) after every test, the script 2 ms.
    """
    engine = app.state.engine
    script = " ".join(
        f"{delete(table).compile(dialect=engine.dialect)};" for table in reversed(Base.metadata.sorted_tables)
    )
    async with engine.connect() as connection:
        driver = (await connection.get_raw_connection()).driver_connection
        assert driver is not None
        if engine.dialect.name == "sqlite":
            # aiosqlite: executescript runs the whole script in one call on the database thread.
            await driver.executescript(f"BEGIN IMMEDIATE; {script} COMMIT;")
        else:
            # asyncpg: a script without parameters goes as one simple query, which is one transaction.
            await driver.execute(script)


def make_client(app: FastAPI, address: str = "203.0.113.7") -> httpx.AsyncClient:
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False, client=(address, 40000))
    return httpx.AsyncClient(transport=transport, base_url="https://testserver")


@pytest.fixture
async def client(app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    async with make_client(app) as http:
        yield http


@dataclass
class Account:
    user: User
    email: str
    password: str
    token: str = ""

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}


UserFactory = Callable[..., Awaitable[Account]]


@pytest.fixture
def make_user(app: FastAPI, client: httpx.AsyncClient) -> UserFactory:
    """Creates a user directly in the database and logs them in through the API."""
    counter = 0

    async def factory(*roles: Role, login: bool = True, name: str | None = None) -> Account:
        nonlocal counter
        counter += 1
        email = f"{(roles or ('member',))[0]}{counter}@example.org"
        data = UserCreate(
            email=email, name=name or f"Person {counter}", password=PASSWORD, roles=list(roles or ("member",))
        )
        async with app.state.sessionmaker() as session, session.begin():
            user = await create_user(session, data, actor_id=None)
        account = Account(user=user, email=email, password=PASSWORD)
        if login:
            response = await client.post("/api/v1/auth/token", data={"username": email, "password": PASSWORD})
            assert response.status_code == 200, response.text
            account.token = response.json()["access_token"]
        return account

    return factory


@pytest.fixture
async def admin(make_user: UserFactory) -> Account:
    return await make_user("admin", name="Ada Admin")


@pytest.fixture
async def bodies(app: FastAPI) -> dict[str, uuid.UUID]:
    """The seeded bodies, by short name."""
    async with app.state.sessionmaker() as session, session.begin():
        await seed_bodies(session)
        rows = (await session.execute(select(Body.short_name, Body.id))).all()
    return {row.short_name: row.id for row in rows}


async def link_member(app: FastAPI, account: Account, member_id: str | uuid.UUID) -> None:
    """Links a user account to a member directly in the database."""
    async with app.state.sessionmaker() as session, session.begin():
        user = await session.get(User, account.user.id)
        assert user is not None
        user.member_id = uuid.UUID(str(member_id))


async def audit_events(app: FastAPI, action: str) -> list[AuditEvent]:
    async with app.state.sessionmaker() as session:
        return list(
            (
                await session.scalars(
                    select(AuditEvent).where(AuditEvent.action == action).order_by(AuditEvent.occurred_at)
                )
            ).all()
        )


@contextmanager
def counted_statements(app: FastAPI) -> Iterator[list[str]]:
    """The SQL statements the app's engine sends while the block runs."""
    statements: list[str] = []

    def count(*args: Any) -> None:
        statements.append(args[2])

    engine = app.state.engine.sync_engine
    event.listen(engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", count)
