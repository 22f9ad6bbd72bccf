"""The OParl 1.1 routes (see ``api.oparl`` for what they publish). Not in ``openapi.yaml``."""

from __future__ import annotations

import unicodedata
import uuid
from datetime import UTC, datetime
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Depends
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response
from sqlalchemy import func, select

from api.attachments.service import content_path
from api.core.db import DbSession
from api.core.deps import AppSettings
from api.core.errors import NotFound
from api.models import Attachment, Body, Meeting, Submission
from api.oparl.documents import minutes_html, paper_html
from api.oparl.index import INDEXES, Entry, Filters, entries_of, meeting_index, page_of
from api.oparl.lists import ListQuery, envelope, list_query
from api.oparl.objects import TYPE_NAMES, Context, minutes_filename, paper_filename, render
from api.oparl.urls import BODY_KEY, SCHEMA, datetime_text, type_uri

router = APIRouter(prefix="/oparl/1.1", tags=["oparl"], include_in_schema=False)

Query = Annotated[ListQuery, Depends(list_query)]
# Only for a database without any body (before the bodies are seeded): some fixed time.
NO_BODIES_YET = datetime(2026, 1, 1, tzinfo=UTC)
# The Body's external lists: path segment -> property of the Body that links to it.
BODY_LISTS = {
    "organization": "organization",
    "person": "person",
    "meeting": "meeting",
    "paper": "paper",
    "membership": "membership",
    "agendaItem": "agendaItem",
    "consultation": "consultation",
    "file": "file",
    "location": "locationList",
}


async def _context(session: DbSession, settings: AppSettings) -> Context:
    return Context.of(session, settings)


Ctx = Annotated[Context, Depends(_context)]


def _not_found() -> NotFound:
    return NotFound("No OParl object at this URL.")


async def _network_times(ctx: Context) -> tuple[datetime, datetime]:
    """``created`` and ``modified`` of the System and the Body: those of the network's bodies."""
    created, modified = (
        await ctx.session.execute(select(func.min(Body.created_at), func.max(Body.updated_at)))
    ).one()
    return created or NO_BODIES_YET, modified or NO_BODIES_YET


def _network_name(ctx: Context) -> str:
    return f"{ctx.settings.site_name} {ctx.settings.county_name}"


async def _system(ctx: Context) -> dict[str, Any]:
    created, modified = await _network_times(ctx)
    return {
        "id": ctx.urls.system,
        "type": type_uri("System"),
        "oparlVersion": SCHEMA,
        "body": ctx.urls.bodies,
        "name": _network_name(ctx),
        "contactEmail": ctx.settings.accessibility_contact_email,
        "contactName": ctx.settings.office_name,
        "website": ctx.settings.base_url.rstrip("/") + "/",
        "created": datetime_text(created),
        "modified": datetime_text(modified),
    }


async def _body(ctx: Context) -> dict[str, Any]:
    created, modified = await _network_times(ctx)
    return {
        "id": ctx.urls.body,
        "type": type_uri("Body"),
        "system": ctx.urls.system,
        "shortName": ctx.settings.site_name,
        "name": _network_name(ctx),
        "website": ctx.settings.base_url.rstrip("/") + "/",
        "contactEmail": ctx.settings.accessibility_contact_email,
        "contactName": ctx.settings.office_name,
        "classification": "Netzwerk",
        **{property_name: ctx.urls.body_list(path) for path, property_name in BODY_LISTS.items()},
        "legislativeTerm": [],
        "created": datetime_text(created),
        "modified": datetime_text(modified),
    }


def _passes(filters: Filters, created: datetime, modified: datetime) -> bool:
    return (
        (filters.created_since is None or created >= filters.created_since)
        and (filters.created_until is None or created <= filters.created_until)
        and (filters.modified_since is None or modified >= filters.modified_since)
        and (filters.modified_until is None or modified <= filters.modified_until)
    )


async def _page(ctx: Context, kind: str, url: str, index: Any, query: ListQuery) -> dict[str, Any]:
    ctx.omit_internal = query.omit_internal
    entries, total = await page_of(ctx.session, index, query.filters, offset=query.offset, limit=query.limit)
    return envelope(url, query, await render(ctx, kind, entries), total)


def _uuid(text: str) -> uuid.UUID:
    try:
        return uuid.UUID(text)
    except ValueError as error:
        raise _not_found() from error


async def _entry(ctx: Context, kind: str, object_id: str, *, deleted_too: bool) -> Entry:
    found = await entries_of(ctx.session, INDEXES[kind](), [_uuid(object_id)], deleted_too=deleted_too)
    if not found:
        raise _not_found()
    [entry] = found.values()
    return entry


# --- system and body ----------------------------------------------------------------------------


@router.get("")
@router.get("/")
@router.get("/system")
async def get_system(ctx: Ctx) -> JSONResponse:
    """The entry point: the System object (its id is ``/oparl/1.1/``)."""
    return JSONResponse(await _system(ctx))


@router.get("/body")
async def list_bodies(ctx: Ctx, query: Query) -> JSONResponse:
    """The System's list of bodies: the network."""
    created, modified = await _network_times(ctx)
    data = [await _body(ctx)] if _passes(query.filters, created, modified) else []
    return JSONResponse(envelope(ctx.urls.bodies, query, data if query.page == 1 else [], len(data)))


@router.get("/body/{body_key}")
async def get_body(body_key: str, ctx: Ctx) -> JSONResponse:
    if body_key != BODY_KEY:
        raise _not_found()
    return JSONResponse(await _body(ctx))


@router.get("/body/{body_key}/{list_name}")
async def list_of_body(body_key: str, list_name: str, ctx: Ctx, query: Query) -> JSONResponse:
    """The Body's external lists: organization, person, meeting, paper, membership, agendaItem,
    consultation, file and location."""
    if body_key != BODY_KEY or list_name not in BODY_LISTS:
        raise _not_found()
    page = await _page(ctx, list_name, ctx.urls.body_list(list_name), INDEXES[list_name](), query)
    return JSONResponse(page)


@router.get("/organization/{organization_id}/meeting")
async def list_meetings_of_organization(organization_id: str, ctx: Ctx, query: Query) -> JSONResponse:
    """The meetings of one body (empty for the working groups, whose meetings are not public)."""
    entry = await _entry(ctx, "organization", organization_id, deleted_too=True)
    if entry.source != "body":
        raise _not_found()
    index = meeting_index(Meeting.body_id == entry.id)
    return JSONResponse(await _page(ctx, "meeting", ctx.urls.organization_meetings(entry.id), index, query))


# --- files ----------------------------------------------------------------------------------------


def _disposition(kind: str, filename: str) -> str:
    fallback = unicodedata.normalize("NFKD", filename).encode("ascii", "ignore").decode()
    fallback = "".join(char for char in fallback if char.isprintable() and char not in '"\\') or "datei"
    return f"{kind}; filename=\"{fallback}\"; filename*=UTF-8''{quote(filename, safe='')}"


async def _file(ctx: Context, file_id: str, disposition: str) -> Response:
    entry = await _entry(ctx, "file", file_id, deleted_too=False)
    redact = await ctx.redactor()
    if entry.source == "attachment":
        attachment = await ctx.session.get(Attachment, entry.id)
        assert attachment is not None
        return FileResponse(
            content_path(attachment, ctx.settings.data_dir),
            media_type=attachment.media_type,
            headers={
                "Content-Disposition": _disposition(disposition, redact(attachment.filename)),
                "ETag": f'"{attachment.sha256}"',
            },
        )
    if entry.source == "minutes":
        meeting = await ctx.session.get(Meeting, entry.id)
        assert meeting is not None
        html, filename = await minutes_html(ctx, meeting), minutes_filename(meeting)
    else:
        paper = await ctx.session.get(Submission, entry.id)
        assert paper is not None
        html, filename = await paper_html(ctx, paper), paper_filename(paper)
    return HTMLResponse(html, headers={"Content-Disposition": _disposition(disposition, filename)})


@router.api_route("/file/{file_id}/access", methods=["GET", "HEAD"])
async def access_file(file_id: str, ctx: Ctx) -> Response:
    """The file itself, to be shown (no ``attachment`` disposition, as OParl asks)."""
    return await _file(ctx, file_id, "inline")


@router.api_route("/file/{file_id}/download", methods=["GET", "HEAD"])
async def download_file(file_id: str, ctx: Ctx) -> Response:
    """The file as a download (``Content-Disposition: attachment`` with its name)."""
    return await _file(ctx, file_id, "attachment")


# --- every other object -------------------------------------------------------------------------


@router.get("/{kind}/{object_id}")
async def get_object(kind: str, object_id: str, ctx: Ctx) -> JSONResponse:
    """One object by its id; an object that is no longer public answers as deleted."""
    if kind not in TYPE_NAMES:
        raise _not_found()
    entry = await _entry(ctx, kind, object_id, deleted_too=True)
    [item] = await render(ctx, kind, [entry])
    return JSONResponse(item)
