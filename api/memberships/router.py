from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Response, status

from api.core.concurrency import IfMatch, set_etag
from api.core.db import DbSession
from api.core.deps import CurrentUser, require_roles
from api.core.errors import problem_responses
from api.core.pagination import ListQuery
from api.memberships import service
from api.memberships.schemas import (
    MembershipCreate,
    MembershipEnd,
    MembershipPage,
    MembershipRead,
    MembershipSort,
    MembershipUpdate,
)
from api.models import User

router = APIRouter(prefix="/api/v1/memberships", tags=["memberships"], responses=problem_responses(401))

# Coordinators manage every body; spokespersons only the ones they lead (others answer 404).
MembershipManager = Annotated[User, Depends(require_roles("coordinator", "spokesperson"))]


@router.get("", response_model=MembershipPage, responses=problem_responses(422))
async def list_memberships(
    session: DbSession,
    _user: CurrentUser,
    params: ListQuery,
    member_id: uuid.UUID | None = None,
    body_id: uuid.UUID | None = None,
    current_only: bool = False,
    sort: MembershipSort = "-start_on",
) -> MembershipPage:
    """Memberships, ended ones included unless `current_only`; `q` is not used here."""
    page = await service.list_memberships(
        session, params, member_id=member_id, body_id=body_id, current_only=current_only, sort=sort
    )
    return MembershipPage.of(page, params)


@router.post(
    "",
    response_model=MembershipRead,
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(403, 404, 409, 413, 422),
)
async def create_membership(
    data: MembershipCreate, session: DbSession, user: MembershipManager, response: Response
) -> MembershipRead:
    """Add a member to a body (admin, coordinator; a spokesperson for the bodies they lead).

    The role must fit the body: working groups and the network know spokesperson,
    deputy_spokesperson, member and guest; the steering group chair, deputy_chair and member.
    """
    membership = await service.create_membership(session, data, user=user)
    set_etag(response, membership)
    response.headers["Location"] = f"{router.prefix}/{membership.id}"
    return MembershipRead.model_validate(membership)


@router.get("/{membership_id}", response_model=MembershipRead, responses=problem_responses(404, 422))
async def get_membership(
    membership_id: uuid.UUID, session: DbSession, _user: CurrentUser, response: Response
) -> MembershipRead:
    """One membership; the ETag is needed for changes."""
    membership = await service.get_membership(session, membership_id)
    set_etag(response, membership)
    return MembershipRead.model_validate(membership)


@router.patch(
    "/{membership_id}",
    response_model=MembershipRead,
    responses=problem_responses(403, 404, 409, 412, 413, 422, 428),
)
async def update_membership(
    membership_id: uuid.UUID,
    data: MembershipUpdate,
    session: DbSession,
    user: MembershipManager,
    response: Response,
    if_match: IfMatch = None,
) -> MembershipRead:
    """Change role, function label, organisation, dates, voting right or deputy."""
    membership, body = await service.get_manageable_membership(session, user, membership_id)
    membership = await service.update_membership(
        session, membership, body, data, if_match=if_match, user=user
    )
    set_etag(response, membership)
    return MembershipRead.model_validate(membership)


@router.post(
    "/{membership_id}/end",
    response_model=MembershipRead,
    responses=problem_responses(403, 404, 409, 412, 413, 422, 428),
)
async def end_membership(
    membership_id: uuid.UUID,
    data: MembershipEnd,
    session: DbSession,
    user: MembershipManager,
    response: Response,
    if_match: IfMatch = None,
) -> MembershipRead:
    """End a membership on `end_on` (its last day); it stays in the history."""
    membership, _body = await service.get_manageable_membership(session, user, membership_id)
    membership = await service.end_membership(session, membership, data, if_match=if_match, user=user)
    set_etag(response, membership)
    return MembershipRead.model_validate(membership)
