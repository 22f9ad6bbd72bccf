from __future__ import annotations

import uuid

from fastapi import APIRouter, BackgroundTasks, Request, Response, status

from api.core.concurrency import IfMatch, set_etag
from api.core.db import DbSession
from api.core.deps import AppSettings, CoordinatorUser
from api.core.errors import problem_responses
from api.core.mail import send_mail
from api.core.pagination import ListQuery
from api.joining import service
from api.joining.schemas import (
    JoinRequestAccept,
    JoinRequestCreate,
    JoinRequestDecline,
    JoinRequestPage,
    JoinRequestRead,
    JoinRequestReceived,
    JoinRequestSort,
    JoinRequestStatus,
)

router = APIRouter(prefix="/api/v1/join-requests", tags=["joining"])

RECEIVED = JoinRequestReceived(
    detail="Thank you. Your request was received; you will get an e-mail from the coordination office."
)


@router.post(
    "",
    response_model=JoinRequestReceived,
    status_code=status.HTTP_202_ACCEPTED,
    responses=problem_responses(413, 422, 429),
)
async def create_join_request(
    data: JoinRequestCreate,
    request: Request,
    session: DbSession,
    settings: AppSettings,
    background: BackgroundTasks,
) -> JoinRequestReceived:
    """ "Mitmachen im Netzwerk Integration": ask to join the network (no login).

    `consent` must be true. The answer is the same neutral 202 for every accepted submission; a
    confirmation e-mail goes to the given address. At most a few requests per client address and
    hour are accepted (429 with `Retry-After`).
    """
    address = request.client.host if request.client else "unknown"
    submitted = await service.submit(session, settings, data, address=address)
    if submitted is not None:
        join_request, groups = submitted
        # Runs after the response, so after the unit of work committed; a failure is only logged.
        background.add_task(send_mail, settings, service.receipt_mail(settings, join_request, groups))
    return RECEIVED


@router.get(
    "",
    response_model=JoinRequestPage,
    responses=problem_responses(401, 403, 422),
)
async def list_join_requests(
    session: DbSession,
    _user: CoordinatorUser,
    params: ListQuery,
    status: JoinRequestStatus | None = None,
    sort: JoinRequestSort = "-created_at",
) -> JoinRequestPage:
    """Join requests (admin, coordinator); `q` searches names, e-mail and organisation."""
    page = await service.list_join_requests(session, params, status=status, sort=sort)
    return JoinRequestPage.of(page, params)


@router.get(
    "/{join_request_id}",
    response_model=JoinRequestRead,
    responses=problem_responses(401, 403, 404, 422),
)
async def get_join_request(
    join_request_id: uuid.UUID, session: DbSession, _user: CoordinatorUser, response: Response
) -> JoinRequestRead:
    """One join request (admin, coordinator); the ETag is needed to decide it."""
    join_request = await service.get_join_request(session, join_request_id)
    set_etag(response, join_request)
    return JoinRequestRead.model_validate(join_request)


@router.post(
    "/{join_request_id}/accept",
    response_model=JoinRequestRead,
    responses=problem_responses(401, 403, 404, 409, 412, 413, 422, 428),
)
async def accept_join_request(
    join_request_id: uuid.UUID,
    data: JoinRequestAccept,
    session: DbSession,
    user: CoordinatorUser,
    settings: AppSettings,
    response: Response,
    background: BackgroundTasks,
    if_match: IfMatch = None,
) -> JoinRequestRead:
    """Accept an open request (admin, coordinator; `If-Match` required, 409 unless open).

    Links `member_id` or creates a member from the request, adds a membership with `role` in each
    working group, records the `directory_listing` consent the applicant gave on the form
    (channel `web_form`, the request's privacy text version) and e-mails the applicant.
    """
    join_request = await service.get_join_request(session, join_request_id)
    join_request, groups = await service.accept(
        session, join_request, data, if_match=if_match, actor_id=user.id
    )
    set_etag(response, join_request)
    background.add_task(send_mail, settings, service.accepted_mail(settings, join_request, groups, data.role))
    return JoinRequestRead.model_validate(join_request)


@router.post(
    "/{join_request_id}/decline",
    response_model=JoinRequestRead,
    responses=problem_responses(401, 403, 404, 409, 412, 413, 422, 428),
)
async def decline_join_request(
    join_request_id: uuid.UUID,
    data: JoinRequestDecline,
    session: DbSession,
    user: CoordinatorUser,
    settings: AppSettings,
    response: Response,
    background: BackgroundTasks,
    if_match: IfMatch = None,
) -> JoinRequestRead:
    """Decline an open request with a message that is e-mailed to the applicant
    (admin, coordinator; `If-Match` required, 409 unless open)."""
    join_request = await service.get_join_request(session, join_request_id)
    join_request = await service.decline(session, join_request, data, if_match=if_match, actor_id=user.id)
    set_etag(response, join_request)
    background.add_task(send_mail, settings, service.declined_mail(settings, join_request))
    return JoinRequestRead.model_validate(join_request)
