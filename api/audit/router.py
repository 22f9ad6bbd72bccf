from __future__ import annotations

import uuid
from typing import Annotated, Literal

from fastapi import APIRouter, Query
from pydantic import AwareDatetime

from api.audit import service
from api.audit.schemas import AuditEventPage
from api.core.db import DbSession
from api.core.deps import AdminUser
from api.core.errors import problem_responses
from api.core.pagination import NO_NUL, ListQuery

router = APIRouter(prefix="/api/v1/audit-events", tags=["audit"], responses=problem_responses(401, 403))


@router.get("", response_model=AuditEventPage, responses=problem_responses(422))
async def list_audit_events(
    session: DbSession,
    _admin: AdminUser,
    params: ListQuery,
    actor_id: uuid.UUID | None = None,
    action: Annotated[str | None, Query(max_length=64, pattern=NO_NUL)] = None,
    object_type: Annotated[str | None, Query(max_length=64, pattern=NO_NUL)] = None,
    object_id: Annotated[str | None, Query(max_length=64, pattern=NO_NUL)] = None,
    outcome: Literal["success", "failure", "denied"] | None = None,
    since: AwareDatetime | None = None,
    until: AwareDatetime | None = None,
) -> AuditEventPage:
    """The audit trail, newest first (admin only). `q` is not used here."""
    page = await service.list_events(
        session,
        params,
        actor_id=actor_id,
        action=action,
        object_type=object_type,
        object_id=object_id,
        outcome=outcome,
        since=since,
        until=until,
    )
    return AuditEventPage.of(page, params)
