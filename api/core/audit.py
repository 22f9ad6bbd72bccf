"""Writing the audit trail. Field values are never recorded, only which fields changed."""

from __future__ import annotations

import uuid
from typing import Any, Literal

from sqlalchemy.ext.asyncio import AsyncSession

from api.core.context import client_address_var, request_id_var
from api.models import AuditEvent

Outcome = Literal["success", "failure", "denied"]


def record_audit(
    session: AsyncSession,
    *,
    actor_id: uuid.UUID | None,
    action: str,
    object_type: str | None = None,
    object_id: uuid.UUID | str | None = None,
    outcome: Outcome = "success",
    details: dict[str, Any] | None = None,
) -> AuditEvent:
    event = AuditEvent(
        actor_id=actor_id,
        action=action,
        object_type=object_type,
        object_id=str(object_id) if object_id is not None else None,
        outcome=outcome,
        request_id=request_id_var.get(),
        client_address=client_address_var.get(),
        details=details or {},
    )
    session.add(event)
    return event
