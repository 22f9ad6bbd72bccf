"""Registering API clients, their secrets, and the client-credentials grant."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from api.core.audit import record_audit
from api.core.concurrency import check_if_match
from api.core.config import Settings
from api.core.errors import Conflict, FieldValidationError, InvalidClient, NotFound
from api.core.pagination import ListParams, PageResult, fetch_page
from api.core.security import issue_partner_token, new_client_secret, token_hash, tokens_equal
from api.models import ApiClient, Organisation, User
from api.partners.schemas import ApiClientCreate, ApiClientRead, ApiClientUpdate

# last_used_at is written at most this often, so busy clients do not contend on their own row.
LAST_USED_RESOLUTION = timedelta(minutes=1)


@dataclass(frozen=True)
class IssuedSecret:
    client: ApiClient
    secret: str


async def list_clients(
    session: AsyncSession, params: ListParams, *, organisation_id: uuid.UUID | None, revoked: bool | None
) -> PageResult[ApiClient]:
    statement = select(ApiClient)
    if params.q:
        statement = statement.where(ApiClient.name.ilike(f"%{params.q}%"))
    if organisation_id is not None:
        statement = statement.where(ApiClient.organisation_id == organisation_id)
    if revoked is not None:
        statement = statement.where(
            ApiClient.revoked_at.is_not(None) if revoked else ApiClient.revoked_at.is_(None)
        )
    return await fetch_page(
        session,
        statement,
        params,
        order_by=[ApiClient.name],
        id_column=ApiClient.id,
        updated_column=ApiClient.updated_at,
    )


async def reads(session: AsyncSession, clients: Sequence[ApiClient]) -> list[ApiClientRead]:
    """The API view of ``clients``, with their organisations' names (one query)."""
    ids = {client.organisation_id for client in clients if client.organisation_id is not None}
    named = select(Organisation.id, Organisation.name).where(Organisation.id.in_(ids))
    names: dict[uuid.UUID, str] = {row.id: row.name for row in await session.execute(named)} if ids else {}
    return [
        ApiClientRead.model_validate(
            {
                **{
                    field: getattr(client, field)
                    for field in ApiClientRead.model_fields
                    if field != "organisation_name"
                },
                "organisation_name": names.get(client.organisation_id) if client.organisation_id else None,
            }
        )
        for client in clients
    ]


async def get_client(session: AsyncSession, client_id: uuid.UUID) -> ApiClient:
    client = await session.get(ApiClient, client_id)
    if client is None:
        raise NotFound("No API client with this id.")
    return client


def _audit(session: AsyncSession, actor: User, action: str, client: ApiClient, **details: Any) -> None:
    record_audit(
        session,
        actor_id=actor.id,
        action=action,
        object_type="api_client",
        object_id=client.id,
        details=details,
    )


async def create_client(session: AsyncSession, actor: User, data: ApiClientCreate) -> IssuedSecret:
    if data.organisation_id is not None:
        organisation = await session.get(Organisation, data.organisation_id)
        if organisation is None or organisation.deleted_at is not None:
            raise FieldValidationError(
                "organisation_id", "No organisation with this id.", "unknown_organisation"
            )
    secret = new_client_secret()
    client = ApiClient(
        name=data.name,
        organisation_id=data.organisation_id,
        scopes=list(data.scopes),
        requests_per_minute=data.requests_per_minute,
        secret_hash=token_hash(secret),
        created_by_user_id=actor.id,
    )
    session.add(client)
    await session.flush()
    _audit(session, actor, "api_client.create", client, scopes=client.scopes)
    return IssuedSecret(client, secret)


def _check_live(client: ApiClient) -> None:
    if client.revoked_at is not None:
        raise Conflict("This API client is revoked; register a new one.")


async def update_client(
    session: AsyncSession, actor: User, client: ApiClient, data: ApiClientUpdate, *, if_match: str | None
) -> ApiClient:
    check_if_match(if_match, client)
    _check_live(client)
    changes: dict[str, Any] = data.model_dump(exclude_unset=True)
    for field, value in changes.items():
        setattr(client, field, value)
    if "scopes" in changes:
        # Tokens carry their scopes; a narrowed client must not keep using wider ones.
        client.secret_version += 1
    await session.flush()
    _audit(session, actor, "api_client.update", client, fields=sorted(changes))
    return client


async def rotate_secret(
    session: AsyncSession, actor: User, client: ApiClient, *, if_match: str | None
) -> IssuedSecret:
    """A new secret; the old one and every token issued with it stop working at once."""
    check_if_match(if_match, client)
    _check_live(client)
    secret = new_client_secret()
    client.secret_hash = token_hash(secret)
    client.secret_version += 1
    await session.flush()
    _audit(session, actor, "api_client.rotate", client)
    return IssuedSecret(client, secret)


async def revoke(session: AsyncSession, actor: User, client: ApiClient, *, if_match: str | None) -> ApiClient:
    check_if_match(if_match, client)
    _check_live(client)
    client.revoked_at = datetime.now(UTC)
    await session.flush()
    _audit(session, actor, "api_client.revoke", client)
    return client


async def issue_token(
    session: AsyncSession, settings: Settings, *, client_id: str, client_secret: str, scope: str | None
) -> tuple[str, list[str]]:
    """The client-credentials grant: a short token with the requested scopes (all granted ones by
    default). Unknown clients, wrong secrets and revoked clients get the same 401."""
    try:
        client = await session.get(ApiClient, uuid.UUID(client_id))
    except ValueError:
        client = None
    if (
        client is None
        or client.revoked_at is not None
        or not tokens_equal(client.secret_hash, token_hash(client_secret))
    ):
        record_audit(session, actor_id=None, action="auth.client_token", outcome="denied")
        raise InvalidClient()
    requested = scope.split() if scope else list(client.scopes)
    if not set(requested) <= set(client.scopes):
        raise FieldValidationError(
            "scope",
            f"Not granted to this client: {' '.join(sorted(set(requested) - set(client.scopes)))}.",
            "invalid_scope",
        )
    await touch(session, client.id)
    token = issue_partner_token(
        settings.signing_key,
        client_id=client.id,
        secret_version=client.secret_version,
        scopes=sorted(set(requested)),
        lifetime=timedelta(minutes=settings.access_token_minutes),
    )
    return token, sorted(set(requested))


async def touch(session: AsyncSession, client_id: uuid.UUID) -> None:
    """Record use without bumping the row's version (a Core update, at most once a minute)."""
    now = datetime.now(UTC)
    await session.execute(
        update(ApiClient)
        .where(
            ApiClient.id == client_id,
            or_(ApiClient.last_used_at.is_(None), ApiClient.last_used_at < now - LAST_USED_RESOLUTION),
        )
        .values(last_used_at=now, updated_at=ApiClient.updated_at)
        .execution_options(synchronize_session=False)
    )
