from __future__ import annotations

import uuid

from fastapi import APIRouter, Response

from api.bodies import service
from api.bodies.schemas import BodyKind, BodyPage, BodyRead, BodySort, BodyUpdate, PublicWorkingGroup
from api.core.concurrency import IfMatch, set_etag
from api.core.db import DbSession
from api.core.deps import CoordinatorUser, CurrentUser, is_coordinator
from api.core.errors import problem_responses
from api.core.pagination import ListParams, ListQuery, PageResult
from api.models import Body, User

router = APIRouter(prefix="/api/v1/bodies", tags=["bodies"], responses=problem_responses(401))
working_groups_router = APIRouter(
    prefix="/api/v1/working-groups", tags=["bodies"], responses=problem_responses(401)
)

public_working_groups_router = APIRouter(prefix="/api/v1/public/working-groups", tags=["bodies"])


async def _page(session: DbSession, page: PageResult[Body], params: ListParams, user: User) -> BodyPage:
    return BodyPage(
        items=await service.read_bodies(session, page.rows, listed_only=not is_coordinator(user)),
        total=page.total,
        limit=params.limit,
        offset=params.offset,
        tombstones=page.tombstones,
    )


@router.get("", response_model=BodyPage, responses=problem_responses(422))
async def list_bodies(
    session: DbSession,
    user: CurrentUser,
    params: ListQuery,
    kind: BodyKind | None = None,
    sort: BodySort = "name",
) -> BodyPage:
    """The bodies (working groups, steering group, network), each with its current spokespersons.

    Roles other than admin and coordinator see only spokespersons listed in the directory
    (current `directory_listing` consent)."""
    page = await service.list_bodies(session, params, kind=kind, sort=sort)
    return await _page(session, page, params, user)


@working_groups_router.get("", response_model=BodyPage, responses=problem_responses(422))
async def list_working_groups(
    session: DbSession, user: CurrentUser, params: ListQuery, sort: BodySort = "name"
) -> BodyPage:
    """The working groups (Arbeitskreise) only, each with its current spokespersons."""
    page = await service.list_bodies(session, params, kind="working_group", sort=sort)
    return await _page(session, page, params, user)


@router.get("/{body_id}", response_model=BodyRead, responses=problem_responses(404, 422))
async def get_body(body_id: uuid.UUID, session: DbSession, user: CurrentUser, response: Response) -> BodyRead:
    """One body with its current spokespersons (for roles other than admin and coordinator only
    those listed in the directory); the ETag is needed for changes."""
    body = await service.get_body(session, body_id)
    set_etag(response, body)
    [read] = await service.read_bodies(session, [body], listed_only=not is_coordinator(user))
    return read


@router.patch(
    "/{body_id}",
    response_model=BodyRead,
    responses=problem_responses(403, 404, 409, 412, 413, 422, 428),
)
async def update_body(
    body_id: uuid.UUID,
    data: BodyUpdate,
    session: DbSession,
    user: CoordinatorUser,
    response: Response,
    if_match: IfMatch = None,
) -> BodyRead:
    """Change name, short name, description, guiding question or cadence (admin, coordinator)."""
    body = await service.get_body(session, body_id)
    body = await service.update_body(session, body, data, if_match=if_match, actor_id=user.id)
    set_etag(response, body)
    [read] = await service.read_bodies(session, [body], listed_only=False)
    return read


@public_working_groups_router.get("", response_model=list[PublicWorkingGroup])
async def list_public_working_groups(session: DbSession) -> list[PublicWorkingGroup]:
    """The working groups for the public join form (no login): texts and cadence, never people."""
    groups = await service.public_working_groups(session)
    return [PublicWorkingGroup.model_validate(group) for group in groups]
