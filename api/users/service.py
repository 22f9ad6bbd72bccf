"""User accounts: create, list, change, deactivate, delete."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import String, cast, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from api.auth.service import find_live_user_by_email, revoke_sessions
from api.core.audit import record_audit
from api.core.concurrency import check_if_match
from api.core.errors import Conflict, FieldError, FieldValidationError, NotFound
from api.core.pagination import LIKE_ESCAPE, ListParams, PageResult, contains_pattern, fetch_page
from api.core.security import hash_password
from api.members.service import find_live_member
from api.models import User
from api.users.schemas import UserCreate, UserSort, UserUpdate

SORT_COLUMNS = {"name": User.name, "email": User.email, "created_at": User.created_at}


async def list_users(
    session: AsyncSession,
    params: ListParams,
    *,
    role: str | None,
    is_active: bool | None,
    sort: UserSort,
) -> PageResult[User]:
    statement = select(User)
    if params.q:
        pattern = contains_pattern(params.q)
        statement = statement.where(
            or_(
                func.lower(User.name).like(pattern, escape=LIKE_ESCAPE),
                User.email.like(pattern, escape=LIKE_ESCAPE),
            )
        )
    if role is not None:
        statement = statement.where(cast(User.roles, String).like(f'%"{role}"%'))
    if is_active is not None:
        statement = statement.where(User.is_active.is_(is_active))
    column = SORT_COLUMNS[sort.removeprefix("-")]
    order = column.desc() if sort.startswith("-") else column.asc()
    return await fetch_page(
        session,
        statement,
        params,
        order_by=[order],
        id_column=User.id,
        updated_column=User.updated_at,
        deleted_column=User.deleted_at,
    )


async def get_user(session: AsyncSession, user_id: uuid.UUID) -> User:
    user = await session.get(User, user_id)
    if user is None or user.deleted_at is not None:
        raise NotFound("No user with this id.")
    return user


async def create_user(session: AsyncSession, data: UserCreate, *, actor_id: uuid.UUID | None) -> User:
    await _ensure_email_free(session, data.email)
    user = User(
        email=data.email,
        name=data.name,
        roles=list(data.roles),
        password_hash=hash_password(data.password),
        is_active=True,
    )
    session.add(user)
    await session.flush()
    record_audit(
        session,
        actor_id=actor_id,
        action="user.create",
        object_type="user",
        object_id=user.id,
        details={"fields": [*sorted(data.model_fields_set - {"password"}), "password"]},
    )
    return user


async def update_user(
    session: AsyncSession, user: User, data: UserUpdate, *, if_match: str | None, actor_id: uuid.UUID
) -> User:
    check_if_match(if_match, user)
    changes: dict[str, Any] = data.model_dump(exclude_unset=True)
    if "email" in changes and changes["email"] != user.email:
        await _ensure_email_free(session, changes["email"])
    if changes.get("is_active") is False or ("roles" in changes and "admin" not in changes["roles"]):
        await _ensure_not_last_admin(session, user)
    if changes.get("member_id") is not None and changes["member_id"] != user.member_id:
        await _ensure_member_linkable(session, changes["member_id"])
    if "password" in changes:
        user.password_hash = hash_password(changes.pop("password"))
        await revoke_sessions(session, user.id)
    for field, value in changes.items():
        setattr(user, field, value)
    if changes.get("is_active") is False:
        await revoke_sessions(session, user.id)
    await session.flush()
    record_audit(
        session,
        actor_id=actor_id,
        action="user.update",
        object_type="user",
        object_id=user.id,
        details={"fields": sorted(data.model_fields_set)},
    )
    return user


async def delete_user(
    session: AsyncSession, user: User, *, if_match: str | None, actor_id: uuid.UUID
) -> None:
    check_if_match(if_match, user)
    await _ensure_not_last_admin(session, user)
    user.deleted_at = datetime.now(UTC)
    user.is_active = False
    await revoke_sessions(session, user.id)
    await session.flush()
    record_audit(session, actor_id=actor_id, action="user.delete", object_type="user", object_id=user.id)


async def _ensure_email_free(session: AsyncSession, email: str) -> None:
    if await find_live_user_by_email(session, email) is not None:
        raise Conflict(
            "A user with this e-mail address already exists.",
            errors=[
                FieldError(
                    location="body",
                    field="email",
                    message="A user with this e-mail address already exists.",
                    code="email_taken",
                )
            ],
        )


async def _ensure_member_linkable(session: AsyncSession, member_id: uuid.UUID) -> None:
    if await find_live_member(session, member_id) is None:
        raise FieldValidationError("member_id", "No member with this id.", "unknown_member")
    if await session.scalar(select(User.id).where(User.member_id == member_id)) is not None:
        raise Conflict(
            "Another account is already linked to this member.",
            errors=[
                FieldError(
                    location="body",
                    field="member_id",
                    message="Another account is already linked to this member.",
                    code="member_taken",
                )
            ],
        )


async def _ensure_not_last_admin(session: AsyncSession, user: User) -> None:
    if "admin" not in user.roles or not user.is_active:
        return
    admins = (
        await session.scalars(
            select(User).where(
                User.is_active.is_(True),
                User.deleted_at.is_(None),
                cast(User.roles, String).like('%"admin"%'),
            )
        )
    ).all()
    if len(admins) <= 1:
        raise Conflict("This is the last active administrator; appoint another one first.")
