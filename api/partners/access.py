"""The partner side of authentication: a client-credentials token, its scopes and rate limit."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from api.core import ratelimit
from api.core.audit import record_audit
from api.core.db import DbSession
from api.core.deps import AppSettings
from api.core.errors import Forbidden, Unauthenticated
from api.core.security import InvalidToken, decode_partner_token
from api.models import ApiClient
from api.partners.service import touch

partner_bearer = HTTPBearer(
    scheme_name="PartnerToken",
    description="A token from `POST /api/v1/auth/token` with `grant_type=client_credentials`",
    auto_error=False,
)


@dataclass(frozen=True)
class Partner:
    client: ApiClient
    scopes: frozenset[str]


async def get_partner(
    session: DbSession,
    settings: AppSettings,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(partner_bearer)],
) -> Partner:
    """The calling client; a user token, a revoked client or a token from before the last rotation
    (or scope change) gets 401. Each request counts against the client's per-minute limit (429)."""
    if credentials is None:
        raise Unauthenticated()
    try:
        claims = decode_partner_token(settings.signing_key, credentials.credentials)
    except InvalidToken as error:
        raise Unauthenticated() from error
    client = await session.get(ApiClient, claims.client_id)
    if client is None or client.revoked_at is not None or client.secret_version != claims.secret_version:
        raise Unauthenticated()
    await ratelimit.check_rate_limit(
        session,
        bucket="partner",
        address=str(client.id),
        limit=client.requests_per_minute,
        window_seconds=60,
        action="partner.request",
    )
    await touch(session, client.id)
    return Partner(client=client, scopes=claims.scopes)


AnyPartner = Annotated[Partner, Depends(get_partner)]


def require_scope(scope: str) -> Callable[..., Awaitable[Partner]]:
    """A dependency that lets through partner tokens carrying ``scope`` (403 otherwise)."""

    async def check(partner: AnyPartner, session: DbSession, request: Request) -> Partner:
        if scope not in partner.scopes:
            record_audit(
                session,
                actor_id=None,
                action="access.denied",
                outcome="denied",
                object_type="api_client",
                object_id=partner.client.id,
                details={"method": request.method, "path": request.url.path, "scope": scope},
            )
            raise Forbidden(f"This token lacks the scope {scope}.")
        return partner

    return check
