"""The status report of a steering meeting: JSON for the app, PDF and DOCX for the files."""

from __future__ import annotations

import asyncio
import uuid
from typing import Any

from fastapi import APIRouter, Response

from api.core.audit import record_audit
from api.core.config import Settings
from api.core.db import DbSession
from api.core.deps import AppSettings, CurrentUser
from api.core.errors import problem_responses
from api.documents.render import DOCX_MEDIA_TYPE
from api.models import User
from api.reports import documents, service
from api.reports.schemas import StatusReport

router = APIRouter(prefix="/api/v1/meetings", tags=["status report"], responses=problem_responses(401))

FILE_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {"content": {"application/pdf": {}, DOCX_MEDIA_TYPE: {}}, "description": "The status report"},
    **problem_responses(404, 422),
}


@router.get("/{meeting_id}/status-report", response_model=StatusReport, responses=problem_responses(404, 422))
async def get_status_report(
    meeting_id: uuid.UUID, session: DbSession, user: CurrentUser, settings: AppSettings
) -> StatusReport:
    """The Sachstandsbericht for a steering meeting, from the data since the previous one: per working
    group meetings held, attendance, offers presented, needs, measures, papers and directives; then
    the decisions and directives of the period. For everyone who may read the meeting."""
    return await service.build_report(session, user, meeting_id, office_name=settings.office_name)


async def _file(
    session: DbSession, user: User, settings: Settings, meeting_id: uuid.UUID, file_format: str
) -> tuple[StatusReport, str]:
    report = await service.build_report(session, user, meeting_id, office_name=settings.office_name)
    record_audit(
        session,
        actor_id=user.id,
        action="meeting.status_report.export",
        object_type="meeting",
        object_id=meeting_id,
        details={"format": file_format},
    )
    return (
        report,
        f'attachment; filename="Sachstandsbericht-{report.meeting_starts_at:%Y-%m-%d}.{file_format}"',
    )


@router.get("/{meeting_id}/status-report.pdf", response_class=Response, responses=FILE_RESPONSES)
async def get_status_report_pdf(
    meeting_id: uuid.UUID, session: DbSession, user: CurrentUser, settings: AppSettings
) -> Response:
    """The status report as PDF with the county header."""
    report, disposition = await _file(session, user, settings, meeting_id, "pdf")
    pdf = await asyncio.to_thread(documents.report_pdf, report, settings)
    return Response(pdf, media_type="application/pdf", headers={"Content-Disposition": disposition})


@router.get("/{meeting_id}/status-report.docx", response_class=Response, responses=FILE_RESPONSES)
async def get_status_report_docx(
    meeting_id: uuid.UUID, session: DbSession, user: CurrentUser, settings: AppSettings
) -> Response:
    """The status report as an editable Word document."""
    report, disposition = await _file(session, user, settings, meeting_id, "docx")
    docx = await asyncio.to_thread(documents.report_docx, report, settings)
    return Response(docx, media_type=DOCX_MEDIA_TYPE, headers={"Content-Disposition": disposition})
