from __future__ import annotations

import uuid

from fastapi import APIRouter, Response, status

from api.core.concurrency import IfMatch, set_etag
from api.core.db import DbSession
from api.core.deps import AdminUser
from api.core.errors import problem_responses
from api.core.pagination import ListQuery
from api.users import service
from api.users.schemas import Role, UserCreate, UserPage, UserRead, UserSort, UserUpdate

router = APIRouter(
    prefix="/api/v1/users",
    tags=["users"],
    responses=problem_responses(401, 403),
)


@router.get("", response_model=UserPage, responses=problem_responses(422))
async def list_users(
    session: DbSession,
    _admin: AdminUser,
    params: ListQuery,
    role: Role | None = None,
    is_active: bool | None = None,
    sort: UserSort = "name",
) -> UserPage:
    """List user accounts (admin only)."""
    page = await service.list_users(session, params, role=role, is_active=is_active, sort=sort)
    return UserPage.of(page, params)


@router.post(
    "",
    response_model=UserRead,
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(409, 413, 422),
)
async def create_user(data: UserCreate, session: DbSession, admin: AdminUser, response: Response) -> UserRead:
    """Create a user account (admin only)."""
    user = await service.create_user(session, data, actor_id=admin.id)
    set_etag(response, user)
    response.headers["Location"] = f"{router.prefix}/{user.id}"
    return UserRead.model_validate(user)


@router.get("/{user_id}", response_model=UserRead, responses=problem_responses(404, 422))
async def get_user(user_id: uuid.UUID, session: DbSession, _admin: AdminUser, response: Response) -> UserRead:
    """One user account (admin only); the ETag is needed for changes."""
    user = await service.get_user(session, user_id)
    set_etag(response, user)
    return UserRead.model_validate(user)


@router.patch(
    "/{user_id}",
    response_model=UserRead,
    responses=problem_responses(404, 409, 412, 413, 422, 428),
)
async def update_user(
    user_id: uuid.UUID,
    data: UserUpdate,
    session: DbSession,
    admin: AdminUser,
    response: Response,
    if_match: IfMatch = None,
) -> UserRead:
    """Change e-mail, name, roles, password or the active flag; `is_active: false` deactivates."""
    user = await service.get_user(session, user_id)
    user = await service.update_user(session, user, data, if_match=if_match, actor_id=admin.id)
    set_etag(response, user)
    return UserRead.model_validate(user)


@router.delete(
    "/{user_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problem_responses(404, 409, 412, 422, 428),
)
async def delete_user(
    user_id: uuid.UUID, session: DbSession, admin: AdminUser, if_match: IfMatch = None
) -> Response:
    """Delete an account (kept as a tombstone for sync; its sessions end at once)."""
    user = await service.get_user(session, user_id)
    await service.delete_user(session, user, if_match=if_match, actor_id=admin.id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
