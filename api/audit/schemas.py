from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

from api.core.pagination import Page


class AuditEventRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    occurred_at: datetime
    actor_id: uuid.UUID | None
    action: str
    object_type: str | None
    object_id: str | None
    outcome: Literal["success", "failure", "denied"]
    request_id: str | None
    client_address: str | None
    details: dict[str, Any]


class AuditEventPage(Page[AuditEventRead]):
    pass
