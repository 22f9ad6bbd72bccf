"""Admin screens' API for partner clients: register, change scopes, rotate the secret, revoke."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Response, status

from api.core.concurrency import IfMatch, set_etag
from api.core.db import DbSession
from api.core.deps import AdminUser
from api.core.errors import problem_responses
from api.core.pagination import ListQuery
from api.models import ApiClient
from api.partners import service
from api.partners.schemas import (
    ApiClientCreate,
    ApiClientPage,
    ApiClientRead,
    ApiClientUpdate,
    ApiClientWithSecret,
)

router = APIRouter(prefix="/api/v1/api-clients", tags=["api clients"], responses=problem_responses(401, 403))
WRITE_ERRORS = problem_responses(404, 409, 412, 422, 428)


async def _read(session: DbSession, response: Response, client: ApiClient) -> ApiClientRead:
    set_etag(response, client)
    [read] = await service.reads(session, [client])
    return read


async def _with_secret(
    session: DbSession, response: Response, issued: service.IssuedSecret
) -> ApiClientWithSecret:
    response.headers["Cache-Control"] = "no-store"
    read = await _read(session, response, issued.client)
    return ApiClientWithSecret.model_validate({**read.model_dump(), "client_secret": issued.secret})


@router.get("", response_model=ApiClientPage, responses=problem_responses(422))
async def list_api_clients(
    session: DbSession,
    _admin: AdminUser,
    params: ListQuery,
    organisation_id: uuid.UUID | None = None,
    revoked: Annotated[
        bool | None, Query(description="Only revoked (true) or only live (false) clients")
    ] = None,
) -> ApiClientPage:
    """The registered API clients, by name (admins)."""
    page = await service.list_clients(session, params, organisation_id=organisation_id, revoked=revoked)
    return ApiClientPage(
        items=await service.reads(session, page.rows),
        total=page.total,
        limit=params.limit,
        offset=params.offset,
        tombstones=page.tombstones,
    )


@router.post(
    "",
    response_model=ApiClientWithSecret,
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(413, 422),
)
async def create_api_client(
    data: ApiClientCreate, session: DbSession, admin: AdminUser, response: Response
) -> ApiClientWithSecret:
    """Register a client for a partner organisation (or, without one, for the county intranet).
    The answer holds the secret; it is shown only here and stored hashed."""
    issued = await service.create_client(session, admin, data)
    response.headers["Location"] = f"{router.prefix}/{issued.client.id}"
    return await _with_secret(session, response, issued)


@router.get("/{client_id}", response_model=ApiClientRead, responses=problem_responses(404, 422))
async def get_api_client(
    client_id: uuid.UUID, session: DbSession, _admin: AdminUser, response: Response
) -> ApiClientRead:
    """One client (admins); the ETag is needed for changes."""
    client = await service.get_client(session, client_id)
    return await _read(session, response, client)


@router.patch("/{client_id}", response_model=ApiClientRead, responses=WRITE_ERRORS)
async def update_api_client(
    client_id: uuid.UUID,
    data: ApiClientUpdate,
    session: DbSession,
    admin: AdminUser,
    response: Response,
    if_match: IfMatch = None,
) -> ApiClientRead:
    """Rename a client, change its scopes or rate limit. Changed scopes end its current tokens."""
    client = await service.get_client(session, client_id)
    client = await service.update_client(session, admin, client, data, if_match=if_match)
    return await _read(session, response, client)


@router.post("/{client_id}/rotate", response_model=ApiClientWithSecret, responses=WRITE_ERRORS)
async def rotate_api_client_secret(
    client_id: uuid.UUID, session: DbSession, admin: AdminUser, response: Response, if_match: IfMatch = None
) -> ApiClientWithSecret:
    """A new secret, shown once; the old secret and its tokens stop working at once."""
    client = await service.get_client(session, client_id)
    return await _with_secret(
        session, response, await service.rotate_secret(session, admin, client, if_match=if_match)
    )


@router.post("/{client_id}/revoke", response_model=ApiClientRead, responses=WRITE_ERRORS)
async def revoke_api_client(
    client_id: uuid.UUID, session: DbSession, admin: AdminUser, response: Response, if_match: IfMatch = None
) -> ApiClientRead:
    """Revoke a client for good: its tokens stop working at once (kept for the audit trail)."""
    client = await service.get_client(session, client_id)
    client = await service.revoke(session, admin, client, if_match=if_match)
    return await _read(session, response, client)
