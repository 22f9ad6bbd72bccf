"""``netzwerk export``: the intranet snapshot from the command line (cron), one summary line."""

from __future__ import annotations

import asyncio
import sys
from datetime import UTC, datetime
from pathlib import Path

from api.core.audit import record_audit
from api.core.config import Settings
from api.core.db import create_engine, create_sessionmaker
from api.intranet.service import SnapshotResult, build_snapshot, last_next_since, read_session
from api.intranet.snapshot import ExportBusy


class UsageError(Exception):
    pass


def parse_since(value: str | None, out_dir: Path) -> datetime | None:
    """An ISO 8601 time (without offset: UTC), or ``last``: where the current snapshot says to go on."""
    if value is None:
        return None
    if value == "last":
        since = last_next_since(out_dir)
        if since is None:
            raise UsageError(f"--since last: {out_dir} has no snapshot yet; run a full export first")
        return since
    try:
        since = datetime.fromisoformat(value)
    except ValueError as error:
        raise UsageError(f"--since: not an ISO 8601 date and time: {value!r}") from error
    return since.replace(tzinfo=UTC) if since.tzinfo is None else since.astimezone(UTC)


async def _run(settings: Settings, out_dir: Path, since: datetime | None) -> SnapshotResult:
    engine = create_engine(settings.effective_database_url)
    sessionmaker = create_sessionmaker(engine)
    try:
        async with read_session(sessionmaker) as session:
            result = await build_snapshot(session, settings, out_dir, since=since)
        async with sessionmaker() as session, session.begin():
            record_audit(
                session, actor_id=None, action="intranet.export", details=result.audit_details("cli")
            )
        return result
    finally:
        await engine.dispose()


async def _record_failure(settings: Settings, error: BaseException) -> None:
    engine = create_engine(settings.effective_database_url)
    try:
        async with create_sessionmaker(engine)() as session, session.begin():
            record_audit(
                session,
                actor_id=None,
                action="intranet.export",
                outcome="failure",
                details={"trigger": "cli", "error": type(error).__name__},
            )
    finally:
        await engine.dispose()


def export_command(settings: Settings, *, out: Path | None, since: str | None) -> int:
    out_dir = (out or settings.effective_export_dir).resolve()
    try:
        result = asyncio.run(_run(settings, out_dir, parse_since(since, out_dir)))
    except (UsageError, ExportBusy) as error:
        print(f"export: {error}", file=sys.stderr)
        return 2 if isinstance(error, UsageError) else 1
    except Exception as error:
        print(
            f"export failed, the previous snapshot is unchanged: {type(error).__name__}: {error}",
            file=sys.stderr,
        )
        try:
            asyncio.run(_record_failure(settings, error))
        except Exception as audit_error:  # the database may be what failed
            print(f"export: could not record the failure: {audit_error}", file=sys.stderr)
        return 1
    print(
        f"export {result.name}: {result.kind}, {result.files} files, {result.bytes} bytes, "
        f"{result.seconds:.2f} s -> {out_dir / 'current'}"
    )
    return 0
