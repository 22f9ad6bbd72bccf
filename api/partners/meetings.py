"""What partner systems read of the meetings: dates, places and status, no people."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Depends
from pydantic import BaseModel, ConfigDict
from sqlalchemy import select

from api.core.db import DbSession
from api.core.errors import problem_responses
from api.core.pagination import ListQuery, Page, fetch_page
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


class PartnerMeetingPage(Page[PartnerMeeting]):
    pass


@router.get("/meetings", response_model=PartnerMeetingPage, responses=problem_responses(422))
async def list_partner_meetings(
    session: DbSession,
    _partner: Annotated[Partner, Depends(require_scope("meetings:read"))],
    params: ListQuery,
) -> PartnerMeetingPage:
    """The meetings of every body, by start (scope `meetings:read`); with `modified_since`, the
    changes oldest first and deleted meetings as tombstones."""
    page = await fetch_page(
        session,
        select(Meeting),
        params,
        order_by=[Meeting.starts_at],
        id_column=Meeting.id,
        updated_column=Meeting.updated_at,
        deleted_column=Meeting.deleted_at,
    )
    return PartnerMeetingPage.of(page, params)
