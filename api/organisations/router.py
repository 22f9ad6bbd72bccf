from __future__ import annotations

import uuid

from fastapi import APIRouter, Response, status

from api.core.concurrency import IfMatch, set_etag
from api.core.db import DbSession
from api.core.deps import CoordinatorUser, CurrentUser
from api.core.errors import problem_responses
from api.core.pagination import ListQuery
from api.organisations import service
from api.organisations.schemas import (
    Municipality,
    OrganisationCreate,
    OrganisationKind,
    OrganisationPage,
    OrganisationRead,
    OrganisationSort,
    OrganisationUpdate,
)

router = APIRouter(prefix="/api/v1/organisations", tags=["organisations"], responses=problem_responses(401))


@router.get("", response_model=OrganisationPage, responses=problem_responses(422))
async def list_organisations(
    session: DbSession,
    _user: CurrentUser,
    params: ListQuery,
    kind: OrganisationKind | None = None,
    municipality: Municipality | None = None,
    sort: OrganisationSort = "name",
) -> OrganisationPage:
    """List the network's partner organisations; `q` searches name, short name and city."""
    page = await service.list_organisations(session, params, kind=kind, municipality=municipality, sort=sort)
    return OrganisationPage.of(page, params)


@router.post(
    "",
    response_model=OrganisationRead,
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(403, 413, 422),
)
async def create_organisation(
    data: OrganisationCreate, session: DbSession, user: CoordinatorUser, response: Response
) -> OrganisationRead:
    """Create an organisation (admin, coordinator)."""
    organisation = await service.create_organisation(session, data, actor_id=user.id)
    set_etag(response, organisation)
    response.headers["Location"] = f"{router.prefix}/{organisation.id}"
    return OrganisationRead.model_validate(organisation)


@router.get("/{organisation_id}", response_model=OrganisationRead, responses=problem_responses(404, 422))
async def get_organisation(
    organisation_id: uuid.UUID, session: DbSession, _user: CurrentUser, response: Response
) -> OrganisationRead:
    """One organisation; the ETag is needed for changes."""
    organisation = await service.get_organisation(session, organisation_id)
    set_etag(response, organisation)
    return OrganisationRead.model_validate(organisation)


@router.patch(
    "/{organisation_id}",
    response_model=OrganisationRead,
    responses=problem_responses(403, 404, 412, 413, 422, 428),
)
async def update_organisation(
    organisation_id: uuid.UUID,
    data: OrganisationUpdate,
    session: DbSession,
    user: CoordinatorUser,
    response: Response,
    if_match: IfMatch = None,
) -> OrganisationRead:
    """Change an organisation (admin, coordinator); optional fields may be set to null."""
    organisation = await service.get_organisation(session, organisation_id)
    organisation = await service.update_organisation(
        session, organisation, data, if_match=if_match, actor_id=user.id
    )
    set_etag(response, organisation)
    return OrganisationRead.model_validate(organisation)


@router.delete(
    "/{organisation_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problem_responses(403, 404, 412, 422, 428),
)
async def delete_organisation(
    organisation_id: uuid.UUID, session: DbSession, user: CoordinatorUser, if_match: IfMatch = None
) -> Response:
    """Delete an organisation (kept as a tombstone for sync; members keep their link)."""
    organisation = await service.get_organisation(session, organisation_id)
    await service.delete_organisation(session, organisation, if_match=if_match, actor_id=user.id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
