"""The intranet snapshot over the API: a ZIP for partner clients with scope ``export`` and for
admins, and a way for admins to run a full export now. The folder is ``NETZWERK_EXPORT_DIR``."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request, status
from fastapi.responses import StreamingResponse
from pydantic import BaseModel, Field

from api.core.audit import record_audit
from api.core.db import DbSession
from api.core.deps import AdminUser, AppSettings
from api.core.errors import Conflict, NotFound, problem_responses
from api.intranet import service
from api.intranet.snapshot import ExportBusy, Kind, SnapshotArchive
from api.partners.access import Partner, require_scope

ZIP = "application/zip"
ZIP_OK: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "The latest full snapshot as a ZIP: manifest.json (sizes, SHA-256) and its files",
        "content": {ZIP: {"schema": {"type": "string", "format": "binary"}}},
    }
}

partner_router = APIRouter(
    prefix="/api/v1/partner", tags=["partner"], responses=problem_responses(401, 403, 429)
)
admin_router = APIRouter(
    prefix="/api/v1/exports/intranet", tags=["exports"], responses=problem_responses(401, 403)
)
Exporter = Annotated[Partner, Depends(require_scope("export"))]


class ZipResponse(StreamingResponse):
    media_type = ZIP


class IntranetSnapshotRead(BaseModel):
    name: str = Field(description="Folder name of the snapshot in the export directory")
    kind: Kind
    created_at: datetime
    since: datetime | None
    next_since: datetime = Field(description="Pass as --since to the next incremental export")
    files: int = Field(description="Files including manifest.json")
    bytes: int


def _archive(settings: AppSettings) -> SnapshotArchive:
    folder = service.latest_full(settings.effective_export_dir)
    if folder is None:
        raise NotFound("No intranet snapshot has been exported yet.")
    return SnapshotArchive(folder)


def _zip(archive: SnapshotArchive) -> ZipResponse:
    name = f"intranet-{archive.name}.zip"
    return ZipResponse(
        iter(archive),
        headers={
            "Content-Disposition": f'attachment; filename="{name}"',
            "Cache-Control": "no-store",
        },
    )


@partner_router.get("/export", response_class=ZipResponse, responses=ZIP_OK | problem_responses(404))
async def download_intranet_export(
    session: DbSession, partner: Exporter, settings: AppSettings
) -> ZipResponse:
    """The latest full intranet snapshot as a ZIP (scope `export`), streamed: open data JSON, CSV and
    XLSX lists, iCalendar files, static HTML pages and `manifest.json` with each file's size and
    SHA-256. Members appear only with their consent. 404 before the first export."""
    archive = _archive(settings)
    service.record_download(
        session, actor_id=None, client_id=partner.client.id, snapshot=archive.name, manifest=archive.manifest
    )
    return _zip(archive)


@admin_router.get("/latest", response_class=ZipResponse, responses=ZIP_OK | problem_responses(404))
async def download_latest_intranet_export(
    session: DbSession, admin: AdminUser, settings: AppSettings
) -> ZipResponse:
    """The latest full intranet snapshot as a ZIP (admins); the same file partners get."""
    archive = _archive(settings)
    service.record_download(
        session, actor_id=admin.id, client_id=None, snapshot=archive.name, manifest=archive.manifest
    )
    return _zip(archive)


@admin_router.post(
    "",
    response_model=IntranetSnapshotRead,
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(409),
)
async def create_intranet_export(
    session: DbSession, admin: AdminUser, settings: AppSettings, request: Request
) -> IntranetSnapshotRead:
    """Run a full intranet export now (admins), as `netzwerk export` does, and make it the current
    snapshot; 409 while another export runs. Download it from `GET /exports/intranet/latest`."""
    # The export reads in a transaction of its own (one consistent view); SQLite has one writer at
    # a time and this request's transaction took the lock with its first query, so it ends first.
    await session.commit()
    try:
        async with service.read_session(request.app.state.sessionmaker) as reader:
            result = await service.build_snapshot(reader, settings, settings.effective_export_dir, since=None)
    except ExportBusy as error:
        raise Conflict("Another intranet export is running; try again when it has finished.") from error
    record_audit(session, actor_id=admin.id, action="intranet.export", details=result.audit_details("api"))
    return IntranetSnapshotRead(
        name=result.name,
        kind=result.kind,
        created_at=result.created_at,
        since=result.since,
        next_since=result.next_since,
        files=result.files,
        bytes=result.bytes,
    )
