"""Request dependencies shared by every feature: the current user and role checks."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import OAuth2PasswordBearer
from sqlalchemy import select

from api.core.audit import record_audit
from api.core.config import Settings
from api.core.db import DbSession
from api.core.errors import Forbidden, Unauthenticated
from api.core.security import InvalidToken, decode_access_token
from api.models import AuthSession, User

oauth2_scheme = OAuth2PasswordBearer(tokenUrl="/api/v1/auth/token", auto_error=False)


def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


AppSettings = Annotated[Settings, Depends(get_settings)]


@dataclass(frozen=True)
class Principal:
    user: User
    session_id: uuid.UUID


async def get_principal(
    session: DbSession,
    settings: AppSettings,
    token: Annotated[str | None, Depends(oauth2_scheme)],
) -> Principal:
    if token is None:
        raise Unauthenticated()
    try:
        claims = decode_access_token(settings.signing_key, token)
    except InvalidToken as error:
        raise Unauthenticated() from error
    # One query for the login and its account: this runs before every request of a user.
    user = await session.scalar(
        select(User)
        .join(AuthSession, AuthSession.user_id == User.id)
        .where(
            AuthSession.id == claims.session_id,
            AuthSession.revoked_at.is_(None),
            User.id == claims.subject,
            User.is_active.is_(True),
            User.deleted_at.is_(None),
        )
    )
    if user is None:
        raise Unauthenticated()
    return Principal(user=user, session_id=claims.session_id)


CurrentPrincipal = Annotated[Principal, Depends(get_principal)]


async def get_current_user(principal: CurrentPrincipal) -> User:
    return principal.user


CurrentUser = Annotated[User, Depends(get_current_user)]


def require_roles(*roles: str) -> Callable[..., Awaitable[User]]:
    """A dependency that lets through users holding any of ``roles``; admins always pass."""
    allowed = {"admin", *roles}

    async def check(user: CurrentUser, session: DbSession, request: Request) -> User:
        if allowed.isdisjoint(user.roles):
            record_audit(
                session,
                actor_id=user.id,
                action="access.denied",
                outcome="denied",
                details={"method": request.method, "path": request.url.path},
            )
            raise Forbidden("Your role does not allow this.")
        return user

    return check


def is_coordinator(user: User) -> bool:
    """Admins and coordinators run the network and see all of its data."""
    return not {"admin", "coordinator"}.isdisjoint(user.roles)


AdminUser = Annotated[User, Depends(require_roles("admin"))]
CoordinatorUser = Annotated[User, Depends(require_roles("coordinator"))]
