"""What partner systems read of the meetings: dates, places and status, no people."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Depends
from pydantic import BaseModel, ConfigDict

from api.core.db import DbSession
from api.core.errors import problem_responses
from api.core.sync import SyncPage, SyncQuery, fetch_sync_page
from api.meetings.schemas import MeetingStatus
from api.models import Meeting
from api.partners.access import Partner, require_scope

router = APIRouter(prefix="/api/v1/partner", tags=["partner"], responses=problem_responses(401, 403, 429))


class PartnerMeeting(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    body_id: uuid.UUID
    title: str
    number: str | None
    starts_at: datetime
    ends_at: datetime
    location_address: str | None
    location_room: str | None
    status: MeetingStatus
    updated_at: datetime


class PartnerMeetingPage(SyncPage[PartnerMeeting]):
    pass


@router.get("/meetings", response_model=PartnerMeetingPage, responses=problem_responses(422))
async def list_partner_meetings(
    session: DbSession,
    _partner: Annotated[Partner, Depends(require_scope("meetings:read"))],
    params: SyncQuery,
) -> PartnerMeetingPage:
    """The meetings of every body: dates, places and status, no people and no online links (scope
    `meetings:read`). With `modified_since`, the changes since then; deleted ones as tombstones."""
    result = await fetch_sync_page(session, Meeting, Meeting.deleted_at.is_(None), params)
    return PartnerMeetingPage.model_validate(result, from_attributes=True)
