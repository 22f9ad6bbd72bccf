from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from api.audit import schemas
from api.core.pagination import ListParams, PageResult, fetch_page
from api.models import AuditEvent


async def list_events(
    session: AsyncSession,
    params: ListParams,
    *,
    actor_id: uuid.UUID | None,
    action: str | None,
    object_type: str | None,
    object_id: str | None,
    outcome: str | None,
    since: datetime | None,
    until: datetime | None,
) -> PageResult[AuditEvent]:
    statement = select(AuditEvent)
    for column, value in (
        (AuditEvent.actor_id, actor_id),
        (AuditEvent.action, action),
        (AuditEvent.object_type, object_type),
        (AuditEvent.object_id, object_id),
        (AuditEvent.outcome, outcome),
    ):
        if value is not None:
            statement = statement.where(column == value)
    if since is not None:
        statement = statement.where(AuditEvent.occurred_at >= since)
    if until is not None:
        statement = statement.where(AuditEvent.occurred_at < until)
    return await fetch_page(
        session,
        statement,
        params,
        order_by=[AuditEvent.occurred_at.desc()],
        id_column=AuditEvent.id,
        updated_column=AuditEvent.occurred_at,
        count_up_to=schemas.COUNT_UP_TO,
    )
