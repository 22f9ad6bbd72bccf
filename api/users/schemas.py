from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Literal

from pydantic import MISSING, AfterValidator, BaseModel, ConfigDict, EmailStr, Field

from api.core.pagination import Page

Role = Literal["admin", "coordinator", "spokesperson", "member", "steering"]
UserSort = Literal["name", "-name", "email", "-email", "created_at", "-created_at"]


def _unique(roles: list[Role]) -> list[Role]:
    return sorted(set(roles))


def _lower(email: str) -> str:
    return email.strip().lower()


Email = Annotated[EmailStr, Field(max_length=254), AfterValidator(_lower)]
Name = Annotated[str, Field(min_length=1, max_length=200)]
Password = Annotated[str, Field(min_length=12, max_length=1024)]
Roles = Annotated[list[Role], Field(min_length=1, max_length=5), AfterValidator(_unique)]


class UserRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    email: str
    name: str
    roles: list[Role]
    is_active: bool
    member_id: uuid.UUID | None = Field(description="The network member this account belongs to")
    created_at: datetime
    updated_at: datetime
    version: int


class UserCreate(BaseModel):
    email: Email
    name: Name
    password: Password
    roles: Roles


class UserUpdate(BaseModel):
    """Only the fields sent are changed; none but `member_id` may be null."""

    email: Email | MISSING = MISSING
    name: Name | MISSING = MISSING
    roles: Roles | MISSING = MISSING
    is_active: bool | MISSING = MISSING
    password: Password | MISSING = MISSING
    member_id: uuid.UUID | MISSING | None = Field(
        default=MISSING, description="Link the account to a network member; null unlinks"
    )


class UserPage(Page[UserRead]):
    pass
