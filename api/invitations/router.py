from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, BackgroundTasks, Path, Response

from api.calendars.ics import CalendarItem
from api.core.concurrency import IfMatch, set_etag
from api.core.db import DbSession
from api.core.deps import AppSettings, CurrentUser
from api.core.errors import problem_responses
from api.core.mail import send_mail
from api.invitations import service
from api.invitations.schemas import AgendaLine, AnswerIn, InvitationsSent, InvitationSummary, MyResponse
from api.meetings.access import editable_meeting, readable_meeting
from api.models import Attendance, Member

router = APIRouter(prefix="/api/v1", tags=["invitations"])

# The secret of an answer link (token_urlsafe(32) gives 43 characters).
Secret = Annotated[str, Path(min_length=20, max_length=100, pattern=r"^[A-Za-z0-9_\-]+$")]


@router.post(
    "/meetings/{meeting_id}/invitations",
    response_model=InvitationsSent,
    responses=problem_responses(401, 403, 404, 409, 412, 428),
)
async def send_invitations(
    meeting_id: uuid.UUID,
    session: DbSession,
    user: CurrentUser,
    settings: AppSettings,
    background: BackgroundTasks,
    response: Response,
    if_match: IfMatch = None,
) -> InvitationsSent:
    """Invite the members of the meeting's body (coordinators, the body's spokespersons; `If-Match`
    of the meeting required).

    A `planned` meeting becomes `invited`; for an `invited` one only members without an invitation
    yet (e.g. new members) are invited. Every current member gets an attendance row (`pending`);
    those with an e-mail address get the invitation with an answer link and the `.ics` after the
    commit. The answer carries the meeting's new ETag. 409 once the meeting was held, its minutes
    approved, or it was cancelled."""
    meeting = await editable_meeting(session, user, meeting_id)
    result, mails = await service.invite(session, settings, meeting, if_match=if_match, actor_id=user.id)
    set_etag(response, meeting)
    for mail in mails:
        background.add_task(send_mail, settings, mail)
    return InvitationsSent(invited=result.invited, mailed=result.mailed, without_email=result.without_email)


def _summary(attendance: Attendance, member: Member, item: CalendarItem) -> InvitationSummary:
    meeting = item.meeting
    return InvitationSummary(
        meeting_id=meeting.id,
        title=meeting.title,
        number=meeting.number,
        body_name=item.body.name,
        status=meeting.status,
        starts_at=meeting.starts_at,
        ends_at=meeting.ends_at,
        location_address=meeting.location_address,
        location_room=meeting.location_room,
        online_url=meeting.online_url,
        theme=meeting.theme,
        cancel_reason=meeting.cancel_reason,
        agenda=[AgendaLine(number=entry.number, title=entry.title) for entry in item.agenda],
        member_name=member.display_name,
        response=attendance.response,
        responded_at=attendance.responded_at,
        may_answer=meeting.status in service.ANSWERABLE,
    )


@router.get(
    "/invitation-responses/{token}",
    response_model=InvitationSummary,
    responses=problem_responses(404, 422),
)
async def get_invitation(token: Secret, session: DbSession) -> InvitationSummary:
    """The meeting behind an invitation's answer link and the answer so far (no login; the secret
    from the link is the credential). 404 for an unknown or replaced link."""
    invitation = await service.find_invitation(session, token)
    return _summary(invitation.attendance, invitation.member, invitation.item)


@router.post(
    "/invitation-responses/{token}",
    response_model=InvitationSummary,
    responses=problem_responses(404, 409, 413, 422),
)
async def answer_invitation_by_link(token: Secret, data: AnswerIn, session: DbSession) -> InvitationSummary:
    """Answer an invitation through its link (no login): `accepted` or `declined`; a later answer
    replaces an earlier one. 409 once the meeting was cancelled or took place."""
    invitation = await service.find_invitation(session, token)
    meeting = await service.lock_meeting(session, invitation.item.meeting.id)
    await service.answer(session, meeting, invitation.attendance, data.response, actor_id=None)
    return _summary(invitation.attendance, invitation.member, invitation.item)


@router.put(
    "/meetings/{meeting_id}/my-response",
    response_model=MyResponse,
    responses=problem_responses(401, 404, 409, 413, 422),
)
async def put_my_response(
    meeting_id: uuid.UUID, data: AnswerIn, session: DbSession, user: CurrentUser
) -> MyResponse:
    """Answer one's own invitation in the app (the member linked to the account): `accepted` or
    `declined`. 404 without an invitation to this meeting, 409 once it was cancelled or took place."""
    meeting = await readable_meeting(session, user, meeting_id)
    attendance = await service.my_attendance(session, meeting, user.member_id)
    meeting = await service.lock_meeting(session, meeting.id)
    await service.answer(session, meeting, attendance, data.response, actor_id=user.id)
    return MyResponse(
        meeting_id=meeting.id, response=attendance.response, responded_at=attendance.responded_at
    )
