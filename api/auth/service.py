"""Login, refresh-token rotation, logout and password change."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import delete, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from api.core.audit import record_audit
from api.core.concurrency import check_if_match
from api.core.config import Settings
from api.core.errors import FieldValidationError, InvalidCredentials, TooManyRequests, Unauthenticated
from api.core.security import (
    hash_password,
    issue_access_token,
    new_refresh_token,
    password_needs_rehash,
    split_refresh_token,
    token_hash,
    tokens_equal,
    verify_password,
)
from api.models import AuthSession, LoginFailure, User


class WrongCurrentPassword(FieldValidationError):
    keep_writes = True

    def __init__(self) -> None:
        super().__init__("current_password", "The current password is wrong.", "wrong_password")


class RefreshTokenReused(Unauthenticated):
    """An old refresh token came back: the session is revoked, and that must be kept."""

    keep_writes = True


@dataclass(frozen=True)
class IssuedTokens:
    access_token: str
    expires_in: int
    refresh_token: str


def normalise_email(email: str) -> str:
    return email.strip().lower()


async def find_live_user_by_email(session: AsyncSession, email: str) -> User | None:
    return await session.scalar(
        select(User).where(User.email == normalise_email(email), User.deleted_at.is_(None))
    )


async def login(
    session: AsyncSession, settings: Settings, *, email: str, password: str, address: str
) -> IssuedTokens:
    # PostgreSQL refuses NUL in text; such an account can never exist, but it is still throttled.
    account = normalise_email(email).replace("\x00", "\ufffd")[:254]
    await _check_throttle(session, settings, account=account, address=address)
    user = await find_live_user_by_email(session, account)
    password_ok = verify_password(user.password_hash if user else None, password)
    if user is None or not password_ok or not user.is_active:
        session.add(LoginFailure(account=account, address=address))
        record_audit(
            session,
            actor_id=None,
            action="auth.login",
            object_type="user" if user else None,
            object_id=user.id if user else None,
            outcome="failure",
            details={"reason": "unknown_account" if user is None else "rejected"},
        )
        raise InvalidCredentials()
    await session.execute(delete(LoginFailure).where(LoginFailure.account == account))
    if password_needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    tokens = await _open_session(session, settings, user)
    record_audit(session, actor_id=user.id, action="auth.login", object_type="user", object_id=user.id)
    return tokens


async def _check_throttle(session: AsyncSession, settings: Settings, *, account: str, address: str) -> None:
    window_start = datetime.now(UTC) - timedelta(seconds=settings.login_window_seconds)
    for column, value, limit in (
        (LoginFailure.account, account, settings.login_max_failures_per_account),
        (LoginFailure.address, address, settings.login_max_failures_per_address),
    ):
        count, oldest = (
            await session.execute(
                select(func.count(), func.min(LoginFailure.failed_at)).where(
                    column == value, LoginFailure.failed_at >= window_start
                )
            )
        ).one()
        if count >= limit:
            retry_after = max(1, int((oldest - window_start).total_seconds()) + 1)
            record_audit(
                session, actor_id=None, action="auth.login", outcome="denied", details={"reason": "throttled"}
            )
            raise TooManyRequests(retry_after, "Too many failed logins; try again later.")


async def _open_session(session: AsyncSession, settings: Settings, user: User) -> IssuedTokens:
    auth_session = AuthSession(
        id=uuid.uuid4(), user_id=user.id, refresh_token_hash="", expires_at=_refresh_expiry(settings)
    )
    refresh_token = new_refresh_token(auth_session.id)
    auth_session.refresh_token_hash = token_hash(refresh_token)
    session.add(auth_session)
    await session.flush()
    return _tokens(settings, user, auth_session, refresh_token)


def _refresh_expiry(settings: Settings) -> datetime:
    return datetime.now(UTC) + timedelta(days=settings.refresh_token_days)


def _tokens(settings: Settings, user: User, auth_session: AuthSession, refresh_token: str) -> IssuedTokens:
    lifetime = timedelta(minutes=settings.access_token_minutes)
    access = issue_access_token(
        settings.signing_key, user_id=user.id, session_id=auth_session.id, lifetime=lifetime
    )
    return IssuedTokens(access, int(lifetime.total_seconds()), refresh_token)


async def refresh(session: AsyncSession, settings: Settings, refresh_token: str | None) -> IssuedTokens:
    session_id = split_refresh_token(refresh_token or "")
    auth_session = await session.get(AuthSession, session_id) if session_id else None
    now = datetime.now(UTC)
    if (
        refresh_token is None
        or auth_session is None
        or auth_session.revoked_at is not None
        or auth_session.expires_at <= now
    ):
        raise Unauthenticated()
    if not tokens_equal(auth_session.refresh_token_hash, token_hash(refresh_token)):
        auth_session.revoked_at = now
        record_audit(
            session,
            actor_id=auth_session.user_id,
            action="auth.refresh_reused",
            object_type="user",
            object_id=auth_session.user_id,
            outcome="denied",
        )
        raise RefreshTokenReused()
    user = await session.get(User, auth_session.user_id)
    if user is None or not user.is_active or user.deleted_at is not None:
        raise Unauthenticated()
    rotated = new_refresh_token(auth_session.id)
    auth_session.refresh_token_hash = token_hash(rotated)
    auth_session.refreshed_at = now
    auth_session.expires_at = _refresh_expiry(settings)
    await session.flush()
    return _tokens(settings, user, auth_session, rotated)


async def logout(session: AsyncSession, *, session_ids: set[uuid.UUID], actor_id: uuid.UUID | None) -> None:
    if not session_ids:
        return
    await session.execute(
        update(AuthSession)
        .where(AuthSession.id.in_(session_ids), AuthSession.revoked_at.is_(None))
        .values(revoked_at=datetime.now(UTC))
    )
    record_audit(session, actor_id=actor_id, action="auth.logout", object_type="user", object_id=actor_id)


async def revoke_sessions(
    session: AsyncSession, user_id: uuid.UUID, *, keep: uuid.UUID | None = None
) -> None:
    statement = update(AuthSession).where(AuthSession.user_id == user_id, AuthSession.revoked_at.is_(None))
    if keep is not None:
        statement = statement.where(AuthSession.id != keep)
    await session.execute(statement.values(revoked_at=datetime.now(UTC)))


async def change_password(
    session: AsyncSession, user: User, *, current_session: uuid.UUID, current_password: str, new_password: str
) -> None:
    if not verify_password(user.password_hash, current_password):
        record_audit(
            session,
            actor_id=user.id,
            action="auth.password_change",
            object_type="user",
            object_id=user.id,
            outcome="failure",
        )
        raise WrongCurrentPassword()
    user.password_hash = hash_password(new_password)
    await revoke_sessions(session, user.id, keep=current_session)
    record_audit(
        session, actor_id=user.id, action="auth.password_change", object_type="user", object_id=user.id
    )
    await session.flush()


async def update_profile(session: AsyncSession, user: User, *, name: str, if_match: str | None) -> None:
    check_if_match(if_match, user)
    user.name = name
    await session.flush()
    record_audit(
        session,
        actor_id=user.id,
        action="user.update",
        object_type="user",
        object_id=user.id,
        details={"fields": ["name"]},
    )
