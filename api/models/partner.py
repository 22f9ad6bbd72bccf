"""API clients of partner organisations and of the county intranet (OAuth2 client credentials)."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from api.models.base import Base, ResourceMixin


class ApiClient(ResourceMixin, Base):
    """A partner system's credentials: the id is the OAuth2 ``client_id``; only the secret's SHA-256
    is kept. Rotating bumps ``secret_version``, which every issued token carries, so old tokens die."""

    __tablename__ = "api_clients"

    name: Mapped[str] = mapped_column(String(200))
    organisation_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("organisations.id"), default=None, index=True
    )
    scopes: Mapped[list[str]] = mapped_column(JSON, default=list)
    secret_hash: Mapped[str] = mapped_column(String(64))
    secret_version: Mapped[int] = mapped_column(Integer, default=1)
    requests_per_minute: Mapped[int] = mapped_column(Integer, default=120)
    revoked_at: Mapped[datetime | None] = mapped_column(default=None)
    last_used_at: Mapped[datetime | None] = mapped_column(default=None)
    created_by_user_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), default=None
    )
