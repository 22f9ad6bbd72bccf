"""Attachments: files of a meeting, one of its agenda items, or a submission."""

from __future__ import annotations

import uuid
from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

from api.core.pagination import Page


class AttachmentRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    meeting_id: uuid.UUID | None = Field(description="The meeting, for a meeting's or agenda item's file")
    agenda_item_id: uuid.UUID | None
    submission_id: uuid.UUID | None = Field(description="The submission, for a paper's file")
    filename: str = Field(description="The uploaded name reduced to a safe base name")
    media_type: str = Field(description="The type found in the content, not the one the client declared")
    size: int = Field(description="Bytes")
    sha256: str = Field(description="Hex SHA-256 of the content; also the ETag of the download")
    created_at: datetime
    updated_at: datetime
    version: int


class AttachmentPage(Page[AttachmentRead]):
    pass
