from __future__ import annotations

import asyncio
import re
import uuid
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, BackgroundTasks, Query, Response, status
from sqlalchemy.ext.asyncio import AsyncSession

from api.bodies.service import find_live_body
from api.core.audit import record_audit
from api.core.concurrency import IfMatch, set_etag
from api.core.config import Settings
from api.core.db import DbSession
from api.core.deps import AppSettings, CurrentUser
from api.core.errors import NotFound, problem_responses
from api.core.mail import Mail, send_mail
from api.core.pagination import ListQuery
from api.documents import markdown_to_safe_html, render_pdf
from api.meetings import service
from api.meetings.access import editable_meeting, may_edit_body_meetings, readable_meeting
from api.meetings.schemas import (
    AgendaItemCreate,
    AgendaItemRead,
    AgendaItemUpdate,
    AgendaOrder,
    AgendaTemplates,
    AttendanceOverview,
    AttendanceRead,
    GuestsUpdate,
    MeetingCancel,
    MeetingCreate,
    MeetingDetail,
    MeetingPage,
    MeetingPlan,
    MeetingSort,
    MeetingStatus,
    MeetingUpdate,
    MinutesRead,
    MinutesUpdate,
    PlannedMeetings,
    PlanPreview,
    PlanRequest,
    PresenceUpdate,
)
from api.models import Meeting, User

router = APIRouter(prefix="/api/v1/meetings", tags=["meetings"], responses=problem_responses(401))

EDIT_ERRORS = (403, 404, 409, 412, 413, 422, 428)
PDF_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {"content": {"application/pdf": {}}, "description": "The minutes as PDF"},
    **problem_responses(404, 422),
}
STATUS_LABELS = {"minutes_approved": "Genehmigt", "cancelled": "Abgesagte Sitzung"}


async def _detail(session: AsyncSession, user: User, meeting: Meeting, response: Response) -> MeetingDetail:
    set_etag(response, meeting)
    read = await service.meeting_read(session, meeting)
    can_edit = await may_edit_body_meetings(session, user, meeting.body_id)
    return MeetingDetail(**read.model_dump(), can_edit=can_edit)


def _send_after_commit(background: BackgroundTasks, settings: Settings, mails: list[Mail]) -> None:
    # Background tasks run after the response, so after the unit of work committed.
    for mail in mails:
        background.add_task(send_mail, settings, mail)


# --- meetings ---------------------------------------------------------------------------------


@router.get("", response_model=MeetingPage, responses=problem_responses(422))
async def list_meetings(
    session: DbSession,
    user: CurrentUser,
    params: ListQuery,
    body_id: uuid.UUID | None = None,
    status: MeetingStatus | None = None,
    from_day: Annotated[
        date | None, Query(alias="from", description="First day (Europe/Berlin), inclusive")
    ] = None,
    to_day: Annotated[
        date | None, Query(alias="to", description="Last day (Europe/Berlin), inclusive")
    ] = None,
    sort: MeetingSort = "starts_at",
) -> MeetingPage:
    """The meetings the caller may read (coordinators all, others those of their bodies, `steering`
    users also the steering group's), with body and attendance counts. `q` searches title, number
    and theme."""
    page = await service.list_meetings(
        session, user, params, body_id=body_id, status=status, from_day=from_day, to_day=to_day, sort=sort
    )
    return MeetingPage(
        items=await service.meeting_reads(session, page.rows),
        total=page.total,
        limit=params.limit,
        offset=params.offset,
        tombstones=page.tombstones,
    )


@router.post(
    "",
    response_model=MeetingDetail,
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(403, 413, 422),
)
async def create_meeting(
    data: MeetingCreate, session: DbSession, user: CurrentUser, response: Response
) -> MeetingDetail:
    """Create a meeting (coordinators; spokespersons for the bodies they lead). The agenda starts
    from the template of the body's kind unless `apply_agenda_template` is false; without `number`
    it is "<body short name> <n>/<year>"."""
    body = await service.body_for_new_meetings(session, user, data.body_id)
    meeting = await service.create_meeting(session, body, data, actor_id=user.id)
    response.headers["Location"] = f"{router.prefix}/{meeting.id}"
    return await _detail(session, user, meeting, response)


@router.get("/agenda-templates", response_model=AgendaTemplates)
async def list_agenda_templates(_user: CurrentUser) -> AgendaTemplates:
    """The agenda templates per body kind (read-only)."""
    return AgendaTemplates(items=service.agenda_templates())


@router.post("/plan-preview", response_model=PlanPreview, responses=problem_responses(403, 413, 422))
async def preview_plan(data: PlanRequest, session: DbSession, user: CurrentUser) -> PlanPreview:
    """Propose a body's meetings for a year by its cadence (quarterly: February, May, August,
    November; half-yearly: March, September; yearly: October), each on the second Wednesday,
    15:00–17:00 Europe/Berlin, with the agenda template. Nothing is written; edit and send to
    `POST /meetings/plan`."""
    body = await service.body_for_new_meetings(session, user, data.body_id)
    return service.plan_preview(body, data.year)


@router.post(
    "/plan",
    response_model=PlannedMeetings,
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(403, 409, 413, 422),
)
async def plan_meetings(data: MeetingPlan, session: DbSession, user: CurrentUser) -> PlannedMeetings:
    """Create the (edited) proposed meetings with their agendas in one step, all or none. 409 when
    the body already has a meeting with one of the numbers (the year was planned before)."""
    body = await service.body_for_new_meetings(session, user, data.body_id)
    meetings = await service.plan_meetings(session, body, data, actor_id=user.id)
    return PlannedMeetings(items=await service.meeting_reads(session, meetings))


@router.get("/{meeting_id}", response_model=MeetingDetail, responses=problem_responses(404, 422))
async def get_meeting(
    meeting_id: uuid.UUID, session: DbSession, user: CurrentUser, response: Response
) -> MeetingDetail:
    """One meeting; the ETag is needed for changes, the minutes and the agenda order."""
    meeting = await readable_meeting(session, user, meeting_id)
    return await _detail(session, user, meeting, response)


@router.patch("/{meeting_id}", response_model=MeetingDetail, responses=problem_responses(*EDIT_ERRORS))
async def update_meeting(
    meeting_id: uuid.UUID,
    data: MeetingUpdate,
    session: DbSession,
    user: CurrentUser,
    settings: AppSettings,
    response: Response,
    background: BackgroundTasks,
    if_match: IfMatch = None,
) -> MeetingDetail:
    """Change a meeting (coordinators, the body's spokespersons). A new time or place raises
    `ical_sequence` and e-mails the invited members and the registered people an update. 409 when cancelled or
    the minutes are approved."""
    meeting = await editable_meeting(session, user, meeting_id)
    mails = await service.update_meeting(
        session, settings, meeting, data, if_match=if_match, actor_id=user.id
    )
    _send_after_commit(background, settings, mails)
    return await _detail(session, user, meeting, response)


@router.delete(
    "/{meeting_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problem_responses(403, 404, 409, 412, 422, 428),
)
async def delete_meeting(
    meeting_id: uuid.UUID, session: DbSession, user: CurrentUser, if_match: IfMatch = None
) -> Response:
    """Delete a planned meeting (kept as a tombstone); once invited, cancel it instead (409)."""
    meeting = await editable_meeting(session, user, meeting_id)
    await service.delete_meeting(session, meeting, if_match=if_match, actor_id=user.id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.post("/{meeting_id}/cancel", response_model=MeetingDetail, responses=problem_responses(*EDIT_ERRORS))
async def cancel_meeting(
    meeting_id: uuid.UUID,
    data: MeetingCancel,
    session: DbSession,
    user: CurrentUser,
    settings: AppSettings,
    response: Response,
    background: BackgroundTasks,
    if_match: IfMatch = None,
) -> MeetingDetail:
    """Cancel a planned or invited meeting with a reason; raises `ical_sequence`; invited
    members and registered people get a cancellation e-mail."""
    meeting = await editable_meeting(session, user, meeting_id)
    mails = await service.cancel_meeting(
        session, settings, meeting, data.reason, if_match=if_match, actor_id=user.id
    )
    _send_after_commit(background, settings, mails)
    return await _detail(session, user, meeting, response)


@router.post("/{meeting_id}/held", response_model=MeetingDetail, responses=problem_responses(*EDIT_ERRORS))
async def mark_meeting_held(
    meeting_id: uuid.UUID, session: DbSession, user: CurrentUser, response: Response, if_match: IfMatch = None
) -> MeetingDetail:
    """Record that a planned or invited meeting took place."""
    meeting = await editable_meeting(session, user, meeting_id)
    meeting = await service.mark_held(session, meeting, if_match=if_match, actor_id=user.id)
    return await _detail(session, user, meeting, response)


@router.put("/{meeting_id}/guests", response_model=MeetingDetail, responses=problem_responses(*EDIT_ERRORS))
async def set_guests(
    meeting_id: uuid.UUID,
    data: GuestsUpdate,
    session: DbSession,
    user: CurrentUser,
    response: Response,
    if_match: IfMatch = None,
) -> MeetingDetail:
    """Replace the names of the guests who are not members (`If-Match` with the meeting's ETag)."""
    meeting = await editable_meeting(session, user, meeting_id)
    meeting = await service.set_guests(session, meeting, data.guests, if_match=if_match, actor_id=user.id)
    return await _detail(session, user, meeting, response)


# --- minutes ----------------------------------------------------------------------------------


async def _minutes(session: AsyncSession, meeting: Meeting, response: Response) -> MinutesRead:
    set_etag(response, meeting)
    names = await service.user_names(
        session, meeting.minutes_drafted_by_user_id, meeting.minutes_approved_by_user_id
    )
    drafted_by, approved_by = meeting.minutes_drafted_by_user_id, meeting.minutes_approved_by_user_id
    return MinutesRead(
        meeting_id=meeting.id,
        status=meeting.status,
        markdown=meeting.minutes_markdown,
        html=markdown_to_safe_html(meeting.minutes_markdown),
        drafted_by_user_id=drafted_by,
        drafted_by_name=names.get(drafted_by) if drafted_by else None,
        drafted_at=meeting.minutes_drafted_at,
        approved_by_user_id=approved_by,
        approved_by_name=names.get(approved_by) if approved_by else None,
        approved_at=meeting.minutes_approved_at,
        version=meeting.version,
    )


@router.get("/{meeting_id}/minutes", response_model=MinutesRead, responses=problem_responses(404, 422))
async def get_minutes(
    meeting_id: uuid.UUID, session: DbSession, user: CurrentUser, response: Response
) -> MinutesRead:
    """The minutes as Markdown and as sanitised HTML, who drafted and approved them; the ETag is
    the meeting's."""
    meeting = await readable_meeting(session, user, meeting_id)
    return await _minutes(session, meeting, response)


@router.put("/{meeting_id}/minutes", response_model=MinutesRead, responses=problem_responses(*EDIT_ERRORS))
async def save_minutes(
    meeting_id: uuid.UUID,
    data: MinutesUpdate,
    session: DbSession,
    user: CurrentUser,
    response: Response,
    if_match: IfMatch = None,
) -> MinutesRead:
    """Write the minutes of a held meeting (`If-Match` with the meeting's ETag). Changing approved
    minutes withdraws the approval (status back to `held`). 409 before the meeting was held."""
    meeting = await editable_meeting(session, user, meeting_id)
    meeting = await service.save_minutes(session, meeting, data.markdown, if_match=if_match, actor_id=user.id)
    return await _minutes(session, meeting, response)


@router.post(
    "/{meeting_id}/minutes/approve",
    response_model=MinutesRead,
    responses=problem_responses(403, 404, 409, 412, 422, 428),
)
async def approve_minutes(
    meeting_id: uuid.UUID, session: DbSession, user: CurrentUser, response: Response, if_match: IfMatch = None
) -> MinutesRead:
    """Approve the minutes of a held meeting (`If-Match`; status becomes `minutes_approved`).
    409 without minutes text or unless the meeting is `held`."""
    meeting = await editable_meeting(session, user, meeting_id)
    meeting = await service.approve_minutes(session, meeting, if_match=if_match, actor_id=user.id)
    return await _minutes(session, meeting, response)


def _pdf_filename(meeting: Meeting) -> str:
    label = meeting.number or f"{meeting.starts_at:%Y-%m-%d}"
    return "Protokoll-" + re.sub(r"[^A-Za-z0-9._-]+", "-", label).strip("-") + ".pdf"


@router.get("/{meeting_id}/minutes.pdf", response_class=Response, responses=PDF_RESPONSES)
async def get_minutes_pdf(
    meeting_id: uuid.UUID, session: DbSession, user: CurrentUser, settings: AppSettings
) -> Response:
    """The minutes as PDF: the county's header, meeting, attendance counts, agenda with results,
    the minutes and the approval line; marked "Entwurf" until approved."""
    meeting = await readable_meeting(session, user, meeting_id)
    body = await find_live_body(session, meeting.body_id)
    if body is None:
        raise NotFound("No meeting with this id.")
    read = await service.meeting_read(session, meeting)
    starts, ends = meeting.starts_at.astimezone(service.BERLIN), meeting.ends_at.astimezone(service.BERLIN)
    approved = meeting.status == "minutes_approved" and meeting.minutes_approved_at is not None
    context = {
        "meeting": meeting,
        "body": body,
        "when": f"{starts:%d.%m.%Y}, {starts:%H:%M}–{ends:%H:%M} Uhr"
        if starts.date() == ends.date()
        else f"{starts:%d.%m.%Y, %H:%M} Uhr – {ends:%d.%m.%Y, %H:%M} Uhr",
        "place": ", ".join(part for part in (meeting.location_address, meeting.location_room) if part),
        "counts": read.counts,
        "agenda": await service.agenda_of(session, meeting.id),
        "minutes_html": markdown_to_safe_html(meeting.minutes_markdown or "*Noch kein Protokolltext.*"),
        "approved_on": f"{meeting.minutes_approved_at.astimezone(service.BERLIN):%d.%m.%Y}"
        if approved and meeting.minutes_approved_at
        else "",
        "label": STATUS_LABELS.get(meeting.status, "Entwurf"),
    }
    record_audit(
        session,
        actor_id=user.id,
        action="meeting.minutes.export",
        object_type="meeting",
        object_id=meeting.id,
        details={"format": "pdf"},
    )
    pdf = await asyncio.to_thread(render_pdf, "minutes.html", context, settings)
    return Response(
        pdf,
        media_type="application/pdf",
        headers={"Content-Disposition": f'attachment; filename="{_pdf_filename(meeting)}"'},
    )


# --- agenda -----------------------------------------------------------------------------------


@router.get(
    "/{meeting_id}/agenda-items", response_model=list[AgendaItemRead], responses=problem_responses(404, 422)
)
async def list_agenda_items(
    meeting_id: uuid.UUID, session: DbSession, user: CurrentUser
) -> list[AgendaItemRead]:
    """The agenda of a meeting in order."""
    meeting = await readable_meeting(session, user, meeting_id)
    return await service.agenda_item_reads(session, await service.agenda_of(session, meeting.id))


@router.post(
    "/{meeting_id}/agenda-items",
    response_model=AgendaItemRead,
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(403, 404, 409, 413, 422),
)
async def create_agenda_item(
    meeting_id: uuid.UUID, data: AgendaItemCreate, session: DbSession, user: CurrentUser, response: Response
) -> AgendaItemRead:
    """Append an agenda item (409 on a cancelled meeting). An item of kind `measure_development`
    may link a live measure with `measure_id` (422 for other kinds or unknown measures)."""
    meeting = await editable_meeting(session, user, meeting_id)
    item = await service.add_agenda_item(session, meeting, data, actor_id=user.id)
    set_etag(response, item)
    response.headers["Location"] = f"{router.prefix}/{meeting.id}/agenda-items/{item.id}"
    [read] = await service.agenda_item_reads(session, [item])
    return read


@router.put(
    "/{meeting_id}/agenda-items/order",
    response_model=list[AgendaItemRead],
    responses=problem_responses(*EDIT_ERRORS),
)
async def reorder_agenda_items(
    meeting_id: uuid.UUID,
    data: AgendaOrder,
    session: DbSession,
    user: CurrentUser,
    response: Response,
    if_match: IfMatch = None,
) -> list[AgendaItemRead]:
    """Put the agenda in a new order; numbers follow. `If-Match` with the meeting's ETag (the
    response carries its new one); `item_ids` must name every item exactly once (422)."""
    meeting = await editable_meeting(session, user, meeting_id)
    items = await service.reorder_agenda(session, meeting, data.item_ids, if_match=if_match, actor_id=user.id)
    set_etag(response, meeting)
    return await service.agenda_item_reads(session, items)


@router.patch(
    "/{meeting_id}/agenda-items/{item_id}",
    response_model=AgendaItemRead,
    responses=problem_responses(*EDIT_ERRORS),
)
async def update_agenda_item(
    meeting_id: uuid.UUID,
    item_id: uuid.UUID,
    data: AgendaItemUpdate,
    session: DbSession,
    user: CurrentUser,
    response: Response,
    if_match: IfMatch = None,
) -> AgendaItemRead:
    """Change an agenda item's title, kind, notes, result or linked measure (`If-Match` with the
    item's `version` as ETag, e.g. `"3"`). `measure_id` only for kind `measure_development` (422
    otherwise); changing the kind to another one unlinks the measure."""
    meeting = await editable_meeting(session, user, meeting_id)
    item = await service.get_agenda_item(session, meeting, item_id)
    item = await service.update_agenda_item(session, meeting, item, data, if_match=if_match, actor_id=user.id)
    set_etag(response, item)
    [read] = await service.agenda_item_reads(session, [item])
    return read


@router.delete(
    "/{meeting_id}/agenda-items/{item_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problem_responses(403, 404, 409, 412, 422, 428),
)
async def delete_agenda_item(
    meeting_id: uuid.UUID, item_id: uuid.UUID, session: DbSession, user: CurrentUser, if_match: IfMatch = None
) -> Response:
    """Remove an agenda item; the following ones move up and are renumbered."""
    meeting = await editable_meeting(session, user, meeting_id)
    item = await service.get_agenda_item(session, meeting, item_id)
    await service.delete_agenda_item(session, meeting, item, if_match=if_match, actor_id=user.id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


# --- attendance -------------------------------------------------------------------------------


@router.get(
    "/{meeting_id}/attendance", response_model=AttendanceOverview, responses=problem_responses(404, 422)
)
async def get_attendance(meeting_id: uuid.UUID, session: DbSession, user: CurrentUser) -> AttendanceOverview:
    """Counts of answers and presence for every reader; the rows by name and organisation for those
    who may edit the meeting, for everyone else only their own row."""
    meeting = await readable_meeting(session, user, meeting_id)
    [read] = await service.meeting_reads(session, [meeting])
    if await may_edit_body_meetings(session, user, meeting.body_id):
        rows = await service.attendance_rows(session, meeting.id)
    elif user.member_id is not None:
        rows = await service.attendance_rows(session, meeting.id, member_id=user.member_id)
    else:
        rows = []
    return AttendanceOverview(counts=read.counts, items=rows)


@router.put(
    "/{meeting_id}/attendance/{member_id}",
    response_model=AttendanceRead,
    responses=problem_responses(*EDIT_ERRORS),
)
async def set_presence(
    meeting_id: uuid.UUID,
    member_id: uuid.UUID,
    data: PresenceUpdate,
    session: DbSession,
    user: CurrentUser,
    response: Response,
    if_match: IfMatch = None,
) -> AttendanceRead:
    """Record a member's presence (present, excused, absent, or null to clear). Creates the row for
    a current member of the body (422 for anyone else). `If-Match` with the row's ETag is checked
    when sent."""
    meeting = await editable_meeting(session, user, meeting_id)
    attendance, read = await service.set_presence(
        session, meeting, member_id, data.presence, if_match=if_match, actor_id=user.id
    )
    set_etag(response, attendance)
    return read
