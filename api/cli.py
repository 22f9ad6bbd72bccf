"""The ``netzwerk`` command: migrate, create-admin, seed-demo, notify, serve, openapi."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import getpass
import secrets
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TypeVar

import yaml
from alembic import command
from alembic.config import Config
from pydantic import SecretStr
from sqlalchemy import func, inspect, select
from sqlalchemy.ext.asyncio import AsyncSession

from api.bodies.service import seed_bodies
from api.core.config import Settings
from api.core.db import create_engine, create_sessionmaker
from api.demo.activity import ActivityResult, seed_activity
from api.demo.concept import ConceptResult, seed_concept
from api.demo.measures import MeasuresResult, seed_measures
from api.demo.service import DemoResult, seed_directory
from api.demo.submissions import SubmissionsResult, seed_submissions
from api.intranet.cli import export_command
from api.models import User
from api.submissions.reminders import notify
from api.users.schemas import UserCreate
from api.users.service import create_user
from api.webhooks import outbox as _webhook_outbox  # noqa: F401 - writes the outbox on commit
from api.webhooks.delivery import deliver_due, run_loop

PROJECT_ROOT = Path(__file__).resolve().parent.parent
T = TypeVar("T")


def alembic_config(database_url: str) -> Config:
    config = Config(str(PROJECT_ROOT / "alembic.ini"))
    config.set_main_option("script_location", str(PROJECT_ROOT / "migrations"))
    config.set_main_option("sqlalchemy.url", database_url.replace("%", "%%"))
    return config


def migrate(settings: Settings) -> None:
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    command.upgrade(alembic_config(settings.effective_database_url), "head")


async def _in_transaction(settings: Settings, work: Callable[[AsyncSession], Awaitable[T]]) -> T:
    engine = create_engine(settings.effective_database_url)
    try:
        async with create_sessionmaker(engine)() as session, session.begin():
            return await work(session)
    finally:
        await engine.dispose()


def create_admin(settings: Settings, *, email: str, password: str, name: str) -> None:
    data = UserCreate(email=email, name=name, password=password, roles=["admin"])

    async def work(session: AsyncSession) -> None:
        await create_user(session, data, actor_id=None)

    asyncio.run(_in_transaction(settings, work))


def ensure_first_admin(settings: Settings) -> None:
    """On a database without users, create the admin from the settings or say how to."""

    async def count(session: AsyncSession) -> int | None:
        return await session.scalar(select(func.count()).select_from(User))

    if asyncio.run(_in_transaction(settings, count)):
        return
    if settings.admin_email and settings.admin_password:
        create_admin(
            settings,
            email=settings.admin_email,
            password=settings.admin_password.get_secret_value(),
            name=settings.admin_name,
        )
        print(f"Created the first administrator {settings.admin_email}.")
    else:
        print(
            "No user exists yet. Set NETZWERK_ADMIN_EMAIL and NETZWERK_ADMIN_PASSWORD and restart, "
            "or run: netzwerk create-admin --email E --password P --name N"
        )


def seed_demo(settings: Settings) -> None:
    async def work(
        session: AsyncSession,
    ) -> tuple[int, DemoResult, ActivityResult, ConceptResult, MeasuresResult, SubmissionsResult]:
        return (
            await seed_bodies(session),
            await seed_directory(session),
            await seed_activity(session),
            await seed_concept(session),
            await seed_measures(session),
            await seed_submissions(session),
        )

    bodies, directory, activity, concept, measures, submissions = asyncio.run(_in_transaction(settings, work))
    print(
        f"Demo data: {bodies} bodies, {directory.organisations} organisations, "
        f"{directory.members} members, {directory.memberships} memberships created."
    )
    print(
        f"Demo activity: {activity.meetings} meetings, {activity.offers} offers, "
        f"{activity.needs} needs created."
    )
    print(
        f"Demo concept: {concept.editions} editions, {concept.fields} fields of action, "
        f"{concept.goals} goals, {measures.measures} measures, {measures.milestones} milestones created."
    )
    print(
        f"Demo steering group: {submissions.submissions} submissions, "
        f"{submissions.directives} directives created."
    )


def database_is_new(settings: Settings) -> bool:
    async def has_schema() -> bool:
        engine = create_engine(settings.effective_database_url)
        try:
            async with engine.connect() as connection:
                tables = await connection.run_sync(lambda sync: inspect(sync).get_table_names())
        finally:
            await engine.dispose()
        return "alembic_version" in tables

    settings.data_dir.mkdir(parents=True, exist_ok=True)
    return not asyncio.run(has_schema())


def serve(settings: Settings, *, demo_on_first_run: bool = False) -> None:
    import uvicorn

    seed = demo_on_first_run and database_is_new(settings)
    migrate(settings)
    ensure_first_admin(settings)
    if seed:
        seed_demo(settings)
    uvicorn.run(
        "api.main:create_app",
        factory=True,
        host=settings.host,
        port=settings.port,
        proxy_headers=True,
        forwarded_allow_ips=settings.forwarded_allow_ips,
        server_header=False,
        date_header=True,
        log_config=None,
    )


def write_openapi(out: Path) -> None:
    from api.main import create_app

    throwaway = Settings(database_url="sqlite+aiosqlite://", jwt_secret=SecretStr(secrets.token_urlsafe(48)))
    document = create_app(throwaway).openapi()
    out.write_text(yaml.safe_dump(document, sort_keys=False, allow_unicode=True))


def deliver_webhooks(settings: Settings, *, loop: bool, interval: float) -> int:
    if loop:

        async def forever() -> None:
            engine = create_engine(settings.effective_database_url)
            try:
                await run_loop(create_sessionmaker(engine), interval=interval)
            finally:
                await engine.dispose()

        with contextlib.suppress(KeyboardInterrupt):
            asyncio.run(forever())
        return 0
    delivered, failed = asyncio.run(_in_transaction(settings, lambda session: deliver_due(session)))
    print(f"Webhooks: {delivered} delivered, {failed} not delivered (tried again later).")
    return 1 if failed else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="netzwerk", description="Netzwerk Integration platform")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("migrate", help="upgrade the database schema and create the first admin")
    admin = commands.add_parser("create-admin", help="create an administrator account")
    admin.add_argument("--email", required=True)
    admin.add_argument("--password", help="prompted for when omitted")
    admin.add_argument("--name", default="Administration")
    commands.add_parser("seed-demo", help="create the demo data (idempotent)")
    commands.add_parser("notify", help="send due reminders (deadlines, directives); each only once")
    webhooks = commands.add_parser(
        "deliver-webhooks", help="send the due webhook deliveries (signed, retried)"
    )
    webhooks.add_argument("--loop", action="store_true", help="keep delivering until stopped")
    webhooks.add_argument("--interval", type=float, default=5.0, help="seconds between idle passes (--loop)")
    serve_parser = commands.add_parser("serve", help="migrate, then serve API and browser app")
    serve_parser.add_argument(
        "--demo-on-first-run", action="store_true", help="seed the demo data when the database is new"
    )
    export = commands.add_parser(
        "export", help="write a snapshot for the county intranet (switched in atomically)"
    )
    export.add_argument("--out", type=Path, help="export folder (default: NETZWERK_EXPORT_DIR)")
    export.add_argument(
        "--since", help="only changes since this ISO 8601 time (UTC without offset), or 'last'"
    )
    openapi = commands.add_parser("openapi", help="write the OpenAPI document as YAML")
    openapi.add_argument("--out", type=Path, default=PROJECT_ROOT / "openapi.yaml")
    args = parser.parse_args(argv)

    if args.command == "openapi":
        write_openapi(args.out)
        return 0
    settings = Settings()
    if args.command == "migrate":
        migrate(settings)
        ensure_first_admin(settings)
    elif args.command == "create-admin":
        password = args.password or getpass.getpass("Password: ")
        create_admin(settings, email=args.email, password=password, name=args.name)
        print(f"Created administrator {args.email}.")
    elif args.command == "seed-demo":
        migrate(settings)
        seed_demo(settings)
    elif args.command == "notify":
        sent, failed = asyncio.run(_in_transaction(settings, lambda session: notify(session, settings)))
        print(f"Reminders: {sent} sent, {failed} not delivered (tried again next run).")
        if failed:
            return 1
    elif args.command == "deliver-webhooks":
        return deliver_webhooks(settings, loop=args.loop, interval=args.interval)
    elif args.command == "export":
        return export_command(settings, out=args.out, since=args.since)
    elif args.command == "serve":
        serve(settings, demo_on_first_run=args.demo_on_first_run)
    return 0


if __name__ == "__main__":
    sys.exit(main())
