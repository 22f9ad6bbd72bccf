"""API clients of partner organisations: registration by an admin, scopes, secrets shown once."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Literal

from pydantic import MISSING, AfterValidator, BaseModel, ConfigDict, Field

from api.core.fields import Line200
from api.core.pagination import Page

Scope = Literal[
    "offers:write", "measures:read", "measures:progress", "meetings:read", "directory:read", "export"
]


def _unique_sorted(scopes: list[Scope]) -> list[Scope]:
    return sorted(set(scopes))


Scopes = Annotated[list[Scope], Field(min_length=1, max_length=6), AfterValidator(_unique_sorted)]
RequestsPerMinute = Annotated[int, Field(ge=1, le=6000)]


class ApiClientRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID = Field(description="The OAuth2 client_id")
    name: str
    organisation_name: str | None = Field(description="The organisation's name; none for the county intranet")
    organisation_id: uuid.UUID | None = Field(
        description="The partner organisation; none for the county intranet"
    )
    scopes: list[Scope]
    requests_per_minute: int = Field(description="Requests per minute before 429")
    revoked_at: datetime | None
    last_used_at: datetime | None = Field(description="Last token or request, to the minute")
    created_at: datetime
    updated_at: datetime
    version: int


class ApiClientWithSecret(ApiClientRead):
    client_secret: str = Field(description="Shown only in this response; stored hashed")


class ApiClientCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: Line200
    organisation_id: uuid.UUID | None = None
    scopes: Scopes
    requests_per_minute: RequestsPerMinute = 120


class ApiClientUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: Line200 | MISSING = MISSING
    scopes: Scopes | MISSING = MISSING
    requests_per_minute: RequestsPerMinute | MISSING = MISSING


class ApiClientPage(Page[ApiClientRead]):
    pass
