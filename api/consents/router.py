from __future__ import annotations

import uuid

from fastapi import APIRouter, Response, status

from api.consents import service
from api.consents.schemas import ConsentCreate, ConsentOverview, ConsentSelfCreate
from api.core.db import DbSession
from api.core.deps import CoordinatorUser, CurrentUser
from api.core.errors import problem_responses
from api.members.service import get_member, get_own_member

router = APIRouter(prefix="/api/v1/members", tags=["consents"], responses=problem_responses(401))


@router.get("/me/consents", response_model=ConsentOverview, responses=problem_responses(404))
async def get_own_consents(session: DbSession, user: CurrentUser) -> ConsentOverview:
    """The caller's own consents (404 when the account is not linked to a member)."""
    member = await get_own_member(session, user)
    return await service.overview(session, member)


@router.post(
    "/me/consents",
    response_model=ConsentOverview,
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(404, 413, 422),
)
async def record_own_consent(
    data: ConsentSelfCreate, session: DbSession, user: CurrentUser, response: Response
) -> ConsentOverview:
    """Give or withdraw one's own consent (channel `self_service`); a withdrawal takes effect at once."""
    member = await get_own_member(session, user)
    await service.record_consent(
        session,
        member,
        purpose=data.purpose,
        action=data.action,
        text_version=data.text_version,
        channel="self_service",
        actor_id=user.id,
    )
    response.headers["Location"] = f"{router.prefix}/me/consents"
    return await service.overview(session, member)


@router.get(
    "/{member_id}/consents",
    response_model=ConsentOverview,
    responses=problem_responses(403, 404, 422),
)
async def get_member_consents(
    member_id: uuid.UUID, session: DbSession, _user: CoordinatorUser
) -> ConsentOverview:
    """A member's consents: the current state per purpose and the full history (admin, coordinator)."""
    member = await get_member(session, member_id)
    return await service.overview(session, member)


@router.post(
    "/{member_id}/consents",
    response_model=ConsentOverview,
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(403, 404, 413, 422),
)
async def record_member_consent(
    member_id: uuid.UUID,
    data: ConsentCreate,
    session: DbSession,
    user: CoordinatorUser,
    response: Response,
) -> ConsentOverview:
    """Record that a member gave or withdrew consent (admin, coordinator), e.g. from a signed form.

    Records are never changed; the latest one per purpose is the current state. A withdrawal takes
    effect at once: the member leaves the directory (or their contact data is hidden) for every
    role other than admins and coordinators.
    """
    member = await get_member(session, member_id)
    await service.record_consent(
        session,
        member,
        purpose=data.purpose,
        action=data.action,
        text_version=data.text_version,
        channel=data.channel,
        actor_id=user.id,
    )
    response.headers["Location"] = f"{router.prefix}/{member.id}/consents"
    return await service.overview(session, member)
