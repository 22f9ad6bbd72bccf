"""Submissions to the steering group and the directives issued with their decisions."""

from __future__ import annotations

import asyncio
import uuid
from typing import Annotated, Any

from fastapi import APIRouter, BackgroundTasks, Depends, Query, Response, status

from api.core.concurrency import IfMatch, set_etag
from api.core.db import DbSession
from api.core.deps import AppSettings, CurrentUser, require_roles
from api.core.errors import problem_responses
from api.core.mail import send_mail
from api.core.pagination import ListQuery
from api.documents.render import DOCX_MEDIA_TYPE
from api.models import Submission, User
from api.submissions import directives, documents, service
from api.submissions.schemas import (
    DecisionRecord,
    DirectivePage,
    DirectiveRead,
    DirectiveStatusChange,
    DirectiveStatusFilter,
    ScheduleRequest,
    StatusFilter,
    SubmissionCreate,
    SubmissionPage,
    SubmissionRead,
    SubmissionUpdate,
    SubmitRequest,
)

router = APIRouter(prefix="/api/v1/submissions", tags=["submissions"], responses=problem_responses(401))
directives_router = APIRouter(
    prefix="/api/v1/directives", tags=["directives"], responses=problem_responses(401)
)

SubmissionEditor = Annotated[User, Depends(require_roles("coordinator", "spokesperson"))]
Coordinator = Annotated[User, Depends(require_roles("coordinator"))]
WRITE_ERRORS = problem_responses(403, 404, 409, 412, 413, 422, 428)


async def _read(session: DbSession, response: Response, submission: Submission) -> SubmissionRead:
    set_etag(response, submission)
    [read] = await service.reads(session, [submission])
    return read


@router.get("", response_model=SubmissionPage, responses=problem_responses(422))
async def list_submissions(
    session: DbSession,
    user: CurrentUser,
    params: ListQuery,
    status: Annotated[
        StatusFilter | None, Query(description="Repeat the parameter or separate by commas")
    ] = None,
    body_id: Annotated[uuid.UUID | None, Query(description="Submitted by this body")] = None,
    meeting_id: Annotated[
        uuid.UUID | None, Query(description="Scheduled for or decided at this meeting")
    ] = None,
) -> SubmissionPage:
    """The submissions the caller may see, newest first; `q` searches reference, title and Sachverhalt."""
    return await service.list_submissions(
        session, user, params, statuses=list(status or []), body_id=body_id, meeting_id=meeting_id
    )


@router.post(
    "",
    response_model=SubmissionRead,
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(403, 413, 422),
)
async def create_submission(
    data: SubmissionCreate, session: DbSession, user: SubmissionEditor, response: Response
) -> SubmissionRead:
    """Draft a submission (coordinators for any body, spokespersons for the bodies they lead)."""
    submission = await service.create_submission(session, user, data)
    response.headers["Location"] = f"{router.prefix}/{submission.id}"
    return await _read(session, response, submission)


DOCUMENT_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {"content": {"application/pdf": {}, DOCX_MEDIA_TYPE: {}}, "description": "The paper"},
    **problem_responses(404, 422),
}


@router.get("/{submission_id}.pdf", response_class=Response, responses=DOCUMENT_RESPONSES)
async def get_submission_pdf(
    submission_id: uuid.UUID, session: DbSession, user: CurrentUser, settings: AppSettings
) -> Response:
    """The paper as PDF: county header, reference, date, submitting body, Sachverhalt,
    Beschlussvorschlag, Begründung, the decision once taken, and the list of attachments."""
    paper = await _paper(session, user, submission_id)
    pdf = await asyncio.to_thread(documents.paper_pdf, paper, settings)
    return Response(
        pdf,
        media_type="application/pdf",
        headers={"Content-Disposition": documents.content_disposition(paper, "pdf")},
    )


@router.get("/{submission_id}.docx", response_class=Response, responses=DOCUMENT_RESPONSES)
async def get_submission_docx(
    submission_id: uuid.UUID, session: DbSession, user: CurrentUser, settings: AppSettings
) -> Response:
    """The same paper as an editable Word document."""
    paper = await _paper(session, user, submission_id)
    docx = await asyncio.to_thread(documents.paper_docx, paper, settings)
    return Response(
        docx,
        media_type=DOCX_MEDIA_TYPE,
        headers={"Content-Disposition": documents.content_disposition(paper, "docx")},
    )


async def _paper(session: DbSession, user: User, submission_id: uuid.UUID) -> documents.Paper:
    submission = await service.get_submission(session, user, submission_id)
    [read] = await service.reads(session, [submission])
    return await documents.paper_of(session, read)


@router.get("/{submission_id}", response_model=SubmissionRead, responses=problem_responses(404, 422))
async def get_submission(
    submission_id: uuid.UUID, session: DbSession, user: CurrentUser, response: Response
) -> SubmissionRead:
    """One submission; drafts only for coordinators and the body's spokespersons (404 otherwise)."""
    return await _read(session, response, await service.get_submission(session, user, submission_id))


@router.patch("/{submission_id}", response_model=SubmissionRead, responses=WRITE_ERRORS)
async def update_submission(
    submission_id: uuid.UUID,
    data: SubmissionUpdate,
    session: DbSession,
    user: SubmissionEditor,
    response: Response,
    if_match: IfMatch = None,
) -> SubmissionRead:
    """Change a draft or submitted paper (409 once scheduled, decided or withdrawn)."""
    submission = await service.get_submission(session, user, submission_id)
    submission = await service.update_submission(session, user, submission, data, if_match=if_match)
    return await _read(session, response, submission)


@router.delete("/{submission_id}", status_code=status.HTTP_204_NO_CONTENT, responses=WRITE_ERRORS)
async def delete_submission(
    submission_id: uuid.UUID, session: DbSession, user: SubmissionEditor, if_match: IfMatch = None
) -> Response:
    """Delete a draft (kept as a tombstone for sync); submitted papers are withdrawn instead."""
    submission = await service.get_submission(session, user, submission_id)
    await service.delete_submission(session, user, submission, if_match=if_match)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.post("/{submission_id}/submit", response_model=SubmissionRead, responses=WRITE_ERRORS)
async def submit_submission(
    submission_id: uuid.UUID,
    data: SubmitRequest,
    session: DbSession,
    settings: AppSettings,
    user: SubmissionEditor,
    response: Response,
    if_match: IfMatch = None,
) -> SubmissionRead:
    """Submit a draft: it gets its reference ("SG-2026-003"). After the deadline of the next steering
    meeting (`NETZWERK_SUBMISSION_DEADLINE_WEEKS` before it) only a coordinator submits, with a
    `late_reason`; a spokesperson gets 409 naming the deadline."""
    submission = await service.get_submission(session, user, submission_id)
    submission = await service.submit(session, settings, user, submission, data, if_match=if_match)
    return await _read(session, response, submission)


@router.post("/{submission_id}/withdraw", response_model=SubmissionRead, responses=WRITE_ERRORS)
async def withdraw_submission(
    submission_id: uuid.UUID,
    session: DbSession,
    user: SubmissionEditor,
    response: Response,
    if_match: IfMatch = None,
) -> SubmissionRead:
    """Withdraw a draft or submitted paper."""
    submission = await service.get_submission(session, user, submission_id)
    submission = await service.withdraw(session, user, submission, if_match=if_match)
    return await _read(session, response, submission)


@router.post("/{submission_id}/schedule", response_model=SubmissionRead, responses=WRITE_ERRORS)
async def schedule_submission(
    submission_id: uuid.UUID,
    data: ScheduleRequest,
    session: DbSession,
    user: Coordinator,
    response: Response,
    if_match: IfMatch = None,
) -> SubmissionRead:
    """Put a submitted paper on a planned or invited steering meeting: an agenda item of kind
    `submission` at the end of its agenda (coordinators)."""
    submission = await service.get_submission(session, user, submission_id)
    submission = await service.schedule(session, user, submission, data.meeting_id, if_match=if_match)
    return await _read(session, response, submission)


@router.post("/{submission_id}/decision", response_model=SubmissionRead, responses=WRITE_ERRORS)
async def decide_submission(
    submission_id: uuid.UUID,
    data: DecisionRecord,
    session: DbSession,
    settings: AppSettings,
    user: Coordinator,
    response: Response,
    background: BackgroundTasks,
    if_match: IfMatch = None,
) -> SubmissionRead:
    """Record the steering group's decision with its directives (coordinators). `deferred` sends the
    paper back to `submitted`; the submitting body's spokespersons are e-mailed the outcome."""
    submission = await service.get_submission(session, user, submission_id)
    await service.decide(session, user, submission, data, if_match=if_match)
    read = await _read(session, response, submission)
    mails = await service.outcome_mails(session, settings, submission)
    for mail in mails:
        background.add_task(send_mail, settings, mail)
    return read


@directives_router.get("", response_model=DirectivePage, responses=problem_responses(422))
async def list_directives(
    session: DbSession,
    user: CurrentUser,
    params: ListQuery,
    settings: AppSettings,
    status: Annotated[
        DirectiveStatusFilter | None, Query(description="Repeat the parameter or separate by commas")
    ] = None,
    overdue: Annotated[bool | None, Query(description="Only (true) or no (false) overdue directives")] = None,
    addressee_body_id: uuid.UUID | None = None,
    submission_id: uuid.UUID | None = None,
) -> DirectivePage:
    """Directives the caller may see, earliest due first."""
    return await directives.list_directives(
        session,
        user,
        params,
        statuses=list(status or []),
        overdue=overdue,
        addressee_body_id=addressee_body_id,
        submission_id=submission_id,
        office_name=settings.office_name,
    )


@directives_router.get("/{directive_id}", response_model=DirectiveRead, responses=problem_responses(404, 422))
async def get_directive(
    directive_id: uuid.UUID, session: DbSession, user: CurrentUser, settings: AppSettings, response: Response
) -> DirectiveRead:
    """One directive; the ETag is needed to change its status."""
    directive = await directives.get_directive(session, user, directive_id)
    set_etag(response, directive)
    [read] = await directives.reads(session, [directive], office_name=settings.office_name)
    return read


@directives_router.post("/{directive_id}/status", response_model=DirectiveRead, responses=WRITE_ERRORS)
async def change_directive_status(
    directive_id: uuid.UUID,
    data: DirectiveStatusChange,
    session: DbSession,
    user: SubmissionEditor,
    settings: AppSettings,
    response: Response,
    if_match: IfMatch = None,
) -> DirectiveRead:
    """Move a directive on: open → in_progress → done (with a completion note); coordinators and the
    addressed body's spokespersons; only coordinators reopen a done one."""
    directive = await directives.get_directive(session, user, directive_id)
    directive = await directives.change_status(session, user, directive, data, if_match=if_match)
    set_etag(response, directive)
    [read] = await directives.reads(session, [directive], office_name=settings.office_name)
    return read
