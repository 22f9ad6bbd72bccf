from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any, Literal, Self

from pydantic import BaseModel, ConfigDict, Field

from api.core.pagination import ListParams, Page, PageResult


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


# The log grows with every write of every user; beyond this a filter helps more than a count.
COUNT_UP_TO = 10_000


class AuditEventPage(Page[AuditEventRead]):
    total: int = Field(description=f"Rows matching the filters, across all pages; at most {COUNT_UP_TO:,}")
    total_capped: bool = Field(
        default=False, description=f"More rows match than `total` says: the count stops at {COUNT_UP_TO:,}"
    )

    @classmethod
    def of(cls, result: PageResult[Any], params: ListParams) -> Self:
        return super().of(result, params).model_copy(update={"total_capped": result.total_capped})
