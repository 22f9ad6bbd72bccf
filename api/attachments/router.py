"""Attachments: editors of a meeting or a submission upload and delete files, its readers download them."""

from __future__ import annotations

import re
import uuid
from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, File, Form, Query, Response, UploadFile, status
from fastapi.responses import FileResponse

from api.attachments import service
from api.attachments.schemas import AttachmentPage, AttachmentRead
from api.attachments.storage import EXTENSIONS
from api.core.concurrency import IfMatch, set_etag
from api.core.config import Settings
from api.core.db import DbSession
from api.core.deps import AppSettings, CurrentUser
from api.core.errors import problem_responses
from api.core.pagination import ListQuery
from api.models import Attachment

router = APIRouter(prefix="/api/v1", tags=["attachments"], responses=problem_responses(401))

UPLOAD_PATH = re.compile(r"/api/v1/(meetings|submissions)/[^/]+/attachments")
# Room for the multipart framing around a file of the largest allowed size.
MULTIPART_OVERHEAD = 64 * 1024
FILE_TYPES: dict[str, dict[str, object]] = {media_type: {} for media_type in EXTENSIONS}
UploadedFile = Annotated[
    UploadFile, File(description="PDF, PNG, JPEG, DOCX, XLSX, PPTX, ODT, ODS, UTF-8 text or CSV")
]
UPLOAD_ERRORS: dict[int | str, dict[str, object]] = {
    **problem_responses(403, 404, 413, 422),
    415: {"description": "The content is not one of the allowed file types"},
}


def large_body_routes(settings: Settings) -> tuple[tuple[re.Pattern[str], int], ...]:
    """The upload routes and their body limit, for ``BodySizeLimitMiddleware``."""
    return ((UPLOAD_PATH, settings.max_upload_bytes + MULTIPART_OVERHEAD),)


@router.post(
    "/meetings/{meeting_id}/attachments",
    response_model=AttachmentRead,
    status_code=status.HTTP_201_CREATED,
    responses=UPLOAD_ERRORS,
)
async def upload_attachment(
    meeting_id: uuid.UUID,
    file: UploadedFile,
    session: DbSession,
    user: CurrentUser,
    settings: AppSettings,
    response: Response,
    agenda_item_id: Annotated[uuid.UUID | None, Form(description="An agenda item of this meeting")] = None,
) -> AttachmentRead:
    """Attach a file to a meeting or one of its agenda items (coordinators; spokespersons of the
    body). The type is decided by the content, not by the name or the declared type; the size limit
    is `NETZWERK_MAX_UPLOAD_BYTES` (413 above)."""
    attachment = await service.upload(
        session,
        user,
        meeting_id,
        source=file.file,
        declared_name=file.filename,
        agenda_item_id=agenda_item_id,
        data_dir=settings.data_dir,
        max_bytes=settings.max_upload_bytes,
    )
    return _created(response, attachment)


def _created(response: Response, attachment: Attachment) -> AttachmentRead:
    set_etag(response, attachment)
    response.headers["Location"] = f"{router.prefix}/attachments/{attachment.id}"
    return AttachmentRead.model_validate(attachment)


@router.get(
    "/meetings/{meeting_id}/attachments",
    response_model=AttachmentPage,
    responses=problem_responses(404, 422),
)
async def list_attachments(
    meeting_id: uuid.UUID,
    session: DbSession,
    user: CurrentUser,
    params: ListQuery,
    agenda_item_id: Annotated[uuid.UUID | None, Query(description="Only those of this agenda item")] = None,
) -> AttachmentPage:
    """The files of a meeting, oldest first (whoever may read the meeting)."""
    page = await service.list_attachments(session, user, meeting_id, params, agenda_item_id=agenda_item_id)
    return AttachmentPage.of(page, params)


@router.post(
    "/submissions/{submission_id}/attachments",
    response_model=AttachmentRead,
    status_code=status.HTTP_201_CREATED,
    responses={**UPLOAD_ERRORS, **problem_responses(409)},
)
async def upload_submission_attachment(
    submission_id: uuid.UUID,
    file: UploadedFile,
    session: DbSession,
    user: CurrentUser,
    settings: AppSettings,
    response: Response,
) -> AttachmentRead:
    """Attach a file to a submission while it is a draft or submitted (coordinators; spokespersons
    of the submitting body). Same types and size limit as for meetings; listed on the paper."""
    attachment = await service.upload_to_submission(
        session,
        user,
        submission_id,
        source=file.file,
        declared_name=file.filename,
        data_dir=settings.data_dir,
        max_bytes=settings.max_upload_bytes,
    )
    return _created(response, attachment)


@router.get(
    "/submissions/{submission_id}/attachments",
    response_model=AttachmentPage,
    responses=problem_responses(404, 422),
)
async def list_submission_attachments(
    submission_id: uuid.UUID, session: DbSession, user: CurrentUser, params: ListQuery
) -> AttachmentPage:
    """The files of a submission, oldest first (whoever may read the submission)."""
    page = await service.list_submission_attachments(session, user, submission_id, params)
    return AttachmentPage.of(page, params)


@router.get(
    "/attachments/{attachment_id}", response_model=AttachmentRead, responses=problem_responses(404, 422)
)
async def get_attachment(
    attachment_id: uuid.UUID, session: DbSession, user: CurrentUser, response: Response
) -> AttachmentRead:
    """One attachment's details (readers of its meeting); the ETag is needed to delete it."""
    attachment = await service.readable_attachment(session, user, attachment_id)
    set_etag(response, attachment)
    return AttachmentRead.model_validate(attachment)


@router.get(
    "/attachments/{attachment_id}/content",
    response_class=FileResponse,
    responses={200: {"content": FILE_TYPES, "description": "The file"}, **problem_responses(404, 422)},
)
async def download_attachment(
    attachment_id: uuid.UUID, session: DbSession, user: CurrentUser, settings: AppSettings
) -> FileResponse:
    """The file itself (readers of its meeting), always as a download; the ETag is its SHA-256."""
    attachment = await service.readable_attachment(session, user, attachment_id)
    path = service.content_path(attachment, settings.data_dir)
    return FileResponse(
        path,
        media_type=attachment.media_type,
        headers={
            "Content-Disposition": f"attachment; filename*=UTF-8''{quote(attachment.filename, safe='')}",
            "ETag": f'"{attachment.sha256}"',
            "X-Content-Type-Options": "nosniff",
        },
    )


@router.delete(
    "/attachments/{attachment_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problem_responses(403, 404, 409, 412, 422, 428),
)
async def delete_attachment(
    attachment_id: uuid.UUID, session: DbSession, user: CurrentUser, if_match: IfMatch = None
) -> Response:
    """Delete an attachment (editors of its meeting, or of its submission while that is a draft or
    submitted; kept as a tombstone, the file stays stored)."""
    await service.delete(session, user, attachment_id, if_match=if_match)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
