from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Response, status

from api.calendars import service
from api.calendars.ics import ICS_MEDIA_TYPE
from api.calendars.schemas import CalendarTokenCreated, CalendarTokenList, CalendarTokenRead
from api.core.db import DbSession
from api.core.deps import AppSettings, CurrentUser, is_coordinator
from api.core.errors import Conflict, Forbidden, problem_responses
from api.meetings.access import readable_meetings
from api.models import Meeting

router = APIRouter(prefix="/api/v1", tags=["calendars"])


class IcsResponse(Response):
    media_type = ICS_MEDIA_TYPE


ICS_OK: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "An iCalendar file (RFC 5545, METHOD:PUBLISH) with one event per meeting",
        "content": {"text/calendar": {"schema": {"type": "string"}}},
    }
}
Secret = Annotated[str, Path(min_length=20, max_length=100, pattern=r"^[A-Za-z0-9_\-]+$")]


def _ics(content: bytes, filename: str, *, private: bool = True) -> IcsResponse:
    return IcsResponse(
        content,
        headers={
            "Content-Disposition": f'inline; filename="{filename}"',
            "Cache-Control": "private, no-cache" if private else "public, max-age=900",
        },
    )


@router.get(
    "/calendars/meetings.ics", response_class=IcsResponse, responses=ICS_OK | problem_responses(401, 422)
)
async def meetings_calendar(
    session: DbSession, settings: AppSettings, user: CurrentUser, body_id: uuid.UUID | None = None
) -> IcsResponse:
    """Every meeting the caller may read (optionally of one body), cancelled ones with
    `STATUS:CANCELLED`. Like every feed, it starts a year back."""
    condition = readable_meetings(user)
    if body_id is not None:
        condition = condition & (Meeting.body_id == body_id)
    content = await service.feed(session, settings, condition, name=f"Sitzungen – {settings.site_name}")
    return _ics(content, "sitzungen.ics")


@router.get(
    "/calendars/bodies/{body_id}.ics",
    response_class=IcsResponse,
    responses=ICS_OK | problem_responses(401, 404, 422),
)
async def body_calendar(
    body_id: uuid.UUID, session: DbSession, settings: AppSettings, user: CurrentUser
) -> IcsResponse:
    """The meetings of one body that the caller may read."""
    body = await service.live_body(session, body_id)
    condition = readable_meetings(user) & (Meeting.body_id == body.id)
    content = await service.feed(session, settings, condition, name=f"{body.name} – Sitzungen")
    return _ics(content, f"{body.short_name}.ics".replace(" ", "-"))


@router.get("/public/calendars/network.ics", response_class=IcsResponse, responses=ICS_OK)
async def network_calendar(session: DbSession, settings: AppSettings) -> IcsResponse:
    """The meetings of the network plenary (public, no login)."""
    content = await service.feed(
        session, settings, service.network_meetings(), name=f"{settings.site_name} – Netzwerktreffen"
    )
    return _ics(content, "netzwerk.ics", private=False)


@router.get(
    "/calendars/private/{token}.ics",
    response_class=IcsResponse,
    responses=ICS_OK | problem_responses(404, 422),
)
async def private_calendar(token: Secret, session: DbSession, settings: AppSettings) -> IcsResponse:
    """A member's personal feed for calendar apps (no login; the secret address is the credential):
    the meetings of the bodies the member currently belongs to. 404 once the token is revoked."""
    content = await service.private_feed(session, settings, token)
    return _ics(content, "meine-sitzungen.ics")


@router.post(
    "/calendar-tokens",
    response_model=CalendarTokenCreated,
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(401, 409),
)
async def create_calendar_token(
    session: DbSession, settings: AppSettings, user: CurrentUser
) -> CalendarTokenCreated:
    """A new secret feed address for the member linked to the account (409 without one). The `url`
    is shown only in this answer; revoke the token if it leaks."""
    token, secret = await service.create_token(session, user)
    return CalendarTokenCreated(
        id=token.id,
        member_id=token.member_id,
        created_at=token.created_at,
        url=service.private_feed_url(settings, secret),
    )


@router.get(
    "/calendar-tokens", response_model=CalendarTokenList, responses=problem_responses(401, 403, 409, 422)
)
async def list_calendar_tokens(
    session: DbSession,
    user: CurrentUser,
    member_id: Annotated[
        uuid.UUID | None, Query(description="Coordinators: the tokens of this member instead of one's own")
    ] = None,
) -> CalendarTokenList:
    """The caller's live feed tokens, without their secrets. Coordinators may list a member's."""
    if member_id is not None and member_id != user.member_id and not is_coordinator(user):
        raise Forbidden("Only coordinators list other members' calendar tokens.")
    if member_id is None:
        if user.member_id is None:
            raise Conflict("Your account is not linked to a member, so there is no personal calendar.")
        member_id = user.member_id
    tokens = await service.list_tokens(session, member_id)
    return CalendarTokenList(items=[CalendarTokenRead.model_validate(token) for token in tokens])


@router.delete(
    "/calendar-tokens/{token_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problem_responses(401, 404, 422),
)
async def revoke_calendar_token(token_id: uuid.UUID, session: DbSession, user: CurrentUser) -> Response:
    """Revoke a feed token: its address answers 404 from now on (one's own; coordinators any)."""
    await service.revoke_token(session, user, token_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
