"""One intranet export: read everything in one transaction, write a snapshot, switch it in.

What a snapshot holds (paths relative to its folder; see ``snapshot.py`` for the folder layout):

- ``json/<resource>.json``: open data per resource (``resources.py``); with ``--since`` only the
  changes, plus the ids no longer visible in ``deleted``; ``json/concept.json`` always complete;
- ``csv/*.csv``, ``xlsx/*.xlsx``: the member, organisation and measure lists (``tables.py``);
- ``ics/alle-sitzungen.ics`` and ``ics/gremium-<slug>.ics``: the meetings (``calendars.py``);
- ``index.html`` and the other pages with ``style.css`` (``pages.py``);
- ``manifest.json``: time, kind, ``since``, ``next_since``, counts, and per file its path, size,
  SHA-256, media type and whether it is complete (only the JSON of an incremental one is not).

Lists, calendars and pages are complete in both kinds: they are read by people, not merged.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from api.core.audit import record_audit
from api.core.config import Settings
from api.core.sync import watermark
from api.intranet import calendars, pages, resources, tables
from api.intranet.context import ExportContext
from api.intranet.snapshot import (
    CURRENT,
    CURRENT_FULL,
    FileEntry,
    Kind,
    SnapshotBuilder,
    export_lock,
    linked,
    read_manifest,
    snapshot_name,
)
from api.models import Body

Trigger = Literal["cli", "api"]
RESOURCE_LABELS = {
    "bodies": "Gremien",
    "organisations": "Organisationen",
    "members": "Mitglieder, die der Veröffentlichung zugestimmt haben",
    "memberships": "Mitgliedschaften in den Gremien",
    "meetings": "Sitzungen (Termine, Orte, Status)",
    "measures": "Maßnahmen",
    "decisions": "Beschlüsse der Steuerungsgruppe",
    "directives": "Handlungsanweisungen",
    "offers": "Veröffentlichte Angebote",
    "concept": "Beschlossenes Integrationskonzept",
}
LIST_LABELS = {"mitglieder": "Mitgliederliste", "organisationen": "Organisationen", "massnahmen": "Maßnahmen"}


@dataclass(frozen=True)
class SnapshotResult:
    name: str
    kind: Kind
    folder: Path
    created_at: datetime
    since: datetime | None
    next_since: datetime
    files: int
    bytes: int
    counts: dict[str, Any]
    seconds: float

    def audit_details(self, trigger: Trigger) -> dict[str, Any]:
        return {
            "trigger": trigger,
            "snapshot": self.name,
            "kind": self.kind,
            "since": self.since.isoformat() if self.since else None,
            "files": self.files,
            "bytes": self.bytes,
            "counts": self.counts,
        }


@contextlib.asynccontextmanager
async def read_session(sessionmaker: async_sessionmaker[AsyncSession]) -> AsyncIterator[AsyncSession]:
    """A session for the export's reads: one snapshot of the database for every file.

    PostgreSQL: a read-only REPEATABLE READ transaction, which blocks no one. SQLite: the
    project's transactions take the write lock at BEGIN, which also gives one consistent view.
    """
    async with sessionmaker() as session:
        if session.get_bind().dialect.name == "postgresql":
            await session.connection(
                execution_options={"isolation_level": "REPEATABLE READ", "postgresql_readonly": True}
            )
        try:
            yield session
        finally:
            await session.rollback()


def _download_label(entry: FileEntry) -> str:
    folder, _, file_name = entry.path.partition("/")
    stem = file_name.rsplit(".", 1)[0]
    if folder == "json":
        return RESOURCE_LABELS.get(stem, stem) + (" (nur Änderungen)" if not entry.complete else "")
    if folder in ("csv", "xlsx"):
        return f"{LIST_LABELS.get(stem, stem)} ({folder.upper()})"
    if folder == "ics":
        return (
            "Kalender aller Sitzungen" if entry.path == calendars.ALL_CALENDAR else "Kalender eines Gremiums"
        )
    return entry.path


async def _write_all(builder: SnapshotBuilder, context: ExportContext) -> dict[str, Any]:
    counts: dict[str, Any] = {}
    for resource in resources.RESOURCES:
        written = await resources.write_resource(builder, context, resource)
        counts[resource.name] = {"items": written.items, "deleted": written.deleted}
    counts["concept"] = {"items": int(await resources.write_concept(builder, context)), "deleted": 0}
    counts["lists"] = await tables.write_lists(builder, context)
    bodies: list[Body] = list((await context.bodies()).values())
    slugs = pages.body_slugs(bodies)
    counts["calendar_events"] = await calendars.write_calendars(builder, context, slugs)
    downloads = [
        pages.Download(_download_label(entry), entry.path, entry.size)
        for entry in sorted(builder.entries, key=lambda entry: entry.path)
    ]
    counts["pages"] = await pages.Pages(builder, context, slugs).write(downloads)
    return counts


async def build_snapshot(
    session: AsyncSession, settings: Settings, out_dir: Path, *, since: datetime | None
) -> SnapshotResult:
    """Write a snapshot into ``out_dir`` and switch ``current`` (and, if full, ``current-full``) to it.

    On any failure the build folder is removed and the links still point to the previous snapshot.
    Raises ``ExportBusy`` when another export holds the folder.
    """
    started = time.monotonic()
    created_at = datetime.now(UTC)
    kind: Kind = "incremental" if since is not None else "full"
    # Where the next --since should start: rows that open transactions commit later are stamped
    # after it (api/core/sync.py), so an incremental chain has no gaps.
    next_since = await watermark(session)
    name = snapshot_name(created_at, kind)
    with export_lock(out_dir):
        builder = SnapshotBuilder(out_dir, name)
        builder.folder.mkdir()
        try:
            context = ExportContext(session, settings, name, created_at, since)
            counts = await _write_all(builder, context)
            builder.write_manifest(
                {
                    "snapshot": name,
                    "kind": kind,
                    "incremental": kind == "incremental",
                    "created_at": created_at.isoformat(),
                    "since": since.isoformat() if since else None,
                    "next_since": next_since.isoformat(),
                    "generator": "Netzwerk Integration (netzwerk export)",
                    "counts": counts,
                }
            )
            folder = await asyncio.to_thread(builder.publish, kind)
        except BaseException:
            builder.discard()
            raise
    return SnapshotResult(
        name=name,
        kind=kind,
        folder=folder,
        created_at=created_at,
        since=since,
        next_since=next_since,
        files=len(builder.entries) + 1,
        bytes=sum(entry.size for entry in builder.entries) + (folder / "manifest.json").stat().st_size,
        counts=counts,
        seconds=time.monotonic() - started,
    )


def latest_full(out_dir: Path) -> Path | None:
    return linked(out_dir, CURRENT_FULL)


def last_next_since(out_dir: Path) -> datetime | None:
    """``next_since`` of the current snapshot, for ``--since last``."""
    folder = linked(out_dir, CURRENT)
    if folder is None:
        return None
    return datetime.fromisoformat(read_manifest(folder)["next_since"])


def record_download(
    session: AsyncSession, *, actor_id: Any, client_id: Any, snapshot: str, manifest: dict[str, Any]
) -> None:
    files = manifest["files"]
    record_audit(
        session,
        actor_id=actor_id,
        action="intranet.download",
        object_type="api_client" if client_id is not None else "intranet_snapshot",
        object_id=client_id if client_id is not None else snapshot,
        details={
            "snapshot": snapshot,
            "kind": manifest["kind"],
            "files": len(files) + 1,
            "bytes": sum(entry["size"] for entry in files),
        },
    )
