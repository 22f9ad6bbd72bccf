from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, BackgroundTasks, Path, Request, Response, status

from api.core.db import DbSession
from api.core.deps import AppSettings, CoordinatorUser
from api.core.errors import problem_responses
from api.core.mail import send_mail
from api.exports import service as exports
from api.exports.router import (
    CSV_OK,
    XLSX_OK,
    CsvResponse,
    Reason,
    XlsxResponse,
    attachment_disposition,
    export_reason,
)
from api.meetings.access import readable_meeting
from api.models import Meeting, Registration
from api.registrations import service
from api.registrations.schemas import (
    PublicMeeting,
    PublicMeetingList,
    RegistrationCreate,
    RegistrationCreated,
    RegistrationList,
    RegistrationSummary,
)

router = APIRouter(prefix="/api/v1", tags=["registrations"])

Secret = Annotated[str, Path(min_length=20, max_length=100, pattern=r"^[A-Za-z0-9_\-]+$")]


@router.get("/public/meetings", response_model=PublicMeetingList)
async def list_public_meetings(session: DbSession) -> PublicMeetingList:
    """Coming meetings of the network plenary that are not cancelled (public, no login), with the
    places left and the length of the waiting list."""
    return PublicMeetingList(items=await service.public_meetings(session))


@router.get(
    "/public/meetings/{meeting_id}", response_model=PublicMeeting, responses=problem_responses(404, 422)
)
async def get_public_meeting(meeting_id: uuid.UUID, session: DbSession) -> PublicMeeting:
    """One meeting of the network plenary (public); 404 for every other meeting."""
    meeting = await service.network_meeting(session, meeting_id)
    return await service.public_meeting(session, meeting)


@router.post(
    "/public/meetings/{meeting_id}/registrations",
    response_model=RegistrationCreated,
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(404, 409, 413, 422, 429),
)
async def register_for_meeting(
    meeting_id: uuid.UUID,
    data: RegistrationCreate,
    request: Request,
    session: DbSession,
    settings: AppSettings,
    background: BackgroundTasks,
) -> RegistrationCreated:
    """Register for a meeting of the network plenary (no login; `consent` must be true).

    `confirmed` while places are left, else `waitlisted` with the position. An e-mail follows with
    a cancel link (and the `.ics` for a confirmed place). 409 for an address already registered
    (field `email`) and for meetings without registration, cancelled or begun; at most a few
    registrations per client address and hour (429 with `Retry-After`)."""
    address = request.client.host if request.client else "unknown"
    registered = await service.register(session, settings, meeting_id, data, address=address)
    if registered.mail is not None:
        background.add_task(send_mail, settings, registered.mail)
    if registered.registration is None or registered.registration.status == "confirmed":
        return RegistrationCreated(status="confirmed", waiting_position=None)
    return RegistrationCreated(status="waitlisted", waiting_position=registered.waiting_position)


async def _summary(session: DbSession, registration: Registration, meeting: Meeting) -> RegistrationSummary:
    return RegistrationSummary(
        meeting=await service.public_meeting(session, meeting),
        given_name=registration.given_name,
        family_name=registration.family_name,
        status=registration.status,
        waiting_position=await service.waiting_position(session, registration),
        created_at=registration.created_at,
        cancelled_at=registration.cancelled_at,
    )


@router.get(
    "/public/registrations/{token}",
    response_model=RegistrationSummary,
    responses=problem_responses(404, 422),
)
async def get_registration(token: Secret, session: DbSession) -> RegistrationSummary:
    """A registration by the secret of its cancel link (no login), with its meeting."""
    registration, meeting = await service.find_registration(session, token)
    return await _summary(session, registration, meeting)


@router.post(
    "/public/registrations/{token}/cancel",
    response_model=RegistrationSummary,
    responses=problem_responses(404, 409, 422),
)
async def cancel_registration(
    token: Secret, session: DbSession, settings: AppSettings, background: BackgroundTasks
) -> RegistrationSummary:
    """Cancel a registration through its link (no login). The first person on the waiting list moves
    up and gets an e-mail with the `.ics`. Cancelling twice changes nothing; 409 after the meeting."""
    registration, meeting, mails = await service.cancel(session, settings, token)
    for mail in mails:
        background.add_task(send_mail, settings, mail)
    return await _summary(session, registration, meeting)


@router.get(
    "/meetings/{meeting_id}/registrations",
    response_model=RegistrationList,
    responses=problem_responses(401, 403, 404, 422),
)
async def list_registrations(
    meeting_id: uuid.UUID, session: DbSession, user: CoordinatorUser
) -> RegistrationList:
    """The registrations of a meeting with status and waiting position (admin, coordinator)."""
    meeting = await readable_meeting(session, user, meeting_id)
    items = await service.registrations_of(session, meeting)
    return RegistrationList(
        items=items,
        capacity=meeting.registration_capacity,
        confirmed=sum(item.status == "confirmed" for item in items),
        waitlisted=sum(item.status == "waitlisted" for item in items),
        cancelled=sum(item.status == "cancelled" for item in items),
    )


async def _export(
    session: DbSession, user: CoordinatorUser, meeting_id: uuid.UUID, reason: str, file_format: str
) -> exports.Table:
    reason = export_reason(reason)
    meeting = await readable_meeting(session, user, meeting_id)
    table = service.export_table(await service.registrations_of(session, meeting))
    exports.audit_export(
        session,
        actor_id=user.id,
        what="registrations",
        file_format=file_format,
        rows=len(table.rows),
        filters=["meeting_id"],
        reason=reason,
    )
    return table


@router.get(
    "/meetings/{meeting_id}/registrations.csv",
    response_class=CsvResponse,
    responses=CSV_OK | problem_responses(401, 403, 404, 422),
)
async def export_registrations_csv(
    meeting_id: uuid.UUID, session: DbSession, user: CoordinatorUser, reason: Reason
) -> CsvResponse:
    """The registrations of a meeting as CSV (admin, coordinator); `reason` is required and logged."""
    table = await _export(session, user, meeting_id, reason, "csv")
    return CsvResponse(exports.csv_chunks(table), headers=attachment_disposition("Anmeldungen", "csv"))


@router.get(
    "/meetings/{meeting_id}/registrations.xlsx",
    response_class=XlsxResponse,
    responses=XLSX_OK | problem_responses(401, 403, 404, 422),
)
async def export_registrations_xlsx(
    meeting_id: uuid.UUID, session: DbSession, user: CoordinatorUser, reason: Reason
) -> Response:
    """The registrations of a meeting as an Excel workbook (admin, coordinator); `reason` is logged."""
    table = await _export(session, user, meeting_id, reason, "xlsx")
    return XlsxResponse(
        exports.xlsx_bytes(table, "Anmeldungen"), headers=attachment_disposition("Anmeldungen", "xlsx")
    )
