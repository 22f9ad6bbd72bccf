"""The secret addresses of the members' private calendar feeds."""

from __future__ import annotations

import uuid
from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field


class CalendarTokenRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    member_id: uuid.UUID
    created_at: datetime


class CalendarTokenCreated(CalendarTokenRead):
    url: str = Field(
        description="The secret feed address for calendar apps; shown only now, only its hash is stored"
    )


class CalendarTokenList(BaseModel):
    items: list[CalendarTokenRead]
