from __future__ import annotations

import uuid

from fastapi import APIRouter, Response, status

from api.core.concurrency import IfMatch, set_etag
from api.core.db import DbSession
from api.core.deps import CoordinatorUser, CurrentUser, is_coordinator
from api.core.errors import problem_responses
from api.core.pagination import ListQuery
from api.members import service
from api.members.schemas import (
    Engagement,
    LanguageFilter,
    MemberCreate,
    MemberOwnRead,
    MemberPage,
    MemberPublicPage,
    MemberPublicRead,
    MemberRead,
    MemberSelfUpdate,
    MemberSort,
    MemberStatus,
    MemberUpdate,
)

router = APIRouter(prefix="/api/v1/members", tags=["members"], responses=problem_responses(401))


@router.get("", response_model=MemberPage | MemberPublicPage, responses=problem_responses(422))
async def list_members(
    session: DbSession,
    user: CurrentUser,
    params: ListQuery,
    organisation_id: uuid.UUID | None = None,
    body_id: uuid.UUID | None = None,
    language: LanguageFilter | None = None,
    engagement: Engagement | None = None,
    status: MemberStatus | None = None,
    sort: MemberSort = "family_name",
) -> MemberPage | MemberPublicPage:
    """List members. `q` searches names (and, for admins and coordinators, e-mail addresses);
    `body_id` keeps members with a current membership in that body.

    Admins and coordinators get `MemberRead` items of every member. Every other role gets
    `MemberPublicRead` (name, organisation, engagement, function, languages, status) of the members
    who currently consent to `directory_listing`, with e-mail and phone only where the member
    consents to `contact_sharing`.
    """
    coordinator = is_coordinator(user)
    page = await service.list_members(
        session,
        params,
        search_contact=coordinator,
        listed_only=not coordinator,
        organisation_id=organisation_id,
        body_id=body_id,
        language=language,
        engagement=engagement,
        status=status,
        sort=sort,
    )
    if coordinator:
        return MemberPage.of(page, params)
    return MemberPublicPage(
        items=await service.public_reads(session, page.rows),
        total=page.total,
        limit=params.limit,
        offset=params.offset,
        tombstones=page.tombstones,
    )


@router.post(
    "",
    response_model=MemberRead,
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(403, 413, 422),
)
async def create_member(
    data: MemberCreate, session: DbSession, user: CoordinatorUser, response: Response
) -> MemberRead:
    """Create a member (admin, coordinator)."""
    member = await service.create_member(session, data, actor_id=user.id)
    set_etag(response, member)
    response.headers["Location"] = f"{router.prefix}/{member.id}"
    return MemberRead.model_validate(member)


@router.get("/me", response_model=MemberOwnRead, responses=problem_responses(404))
async def get_own_member(session: DbSession, user: CurrentUser, response: Response) -> MemberOwnRead:
    """The member profile linked to the caller's account (404 when there is none)."""
    member = await service.get_own_member(session, user)
    set_etag(response, member)
    return MemberOwnRead.model_validate(member)


@router.patch(
    "/me",
    response_model=MemberOwnRead,
    responses=problem_responses(404, 412, 413, 422, 428),
)
async def update_own_member(
    data: MemberSelfUpdate,
    session: DbSession,
    user: CurrentUser,
    response: Response,
    if_match: IfMatch = None,
) -> MemberOwnRead:
    """Change one's own title, phone, function and languages."""
    member = await service.get_own_member(session, user)
    member = await service.update_member(session, member, data, if_match=if_match, actor_id=user.id)
    set_etag(response, member)
    return MemberOwnRead.model_validate(member)


@router.get(
    "/{member_id}",
    response_model=MemberRead | MemberPublicRead,
    responses=problem_responses(404, 422),
)
async def get_member(
    member_id: uuid.UUID, session: DbSession, user: CurrentUser, response: Response
) -> MemberRead | MemberPublicRead:
    """One member (`MemberRead` for admins and coordinators, else `MemberPublicRead`).

    For roles other than admin and coordinator, a member without a current `directory_listing`
    consent answers 404; e-mail and phone are shown only with a `contact_sharing` consent.
    """
    if is_coordinator(user):
        member = await service.get_member(session, member_id)
        set_etag(response, member)
        return MemberRead.model_validate(member)
    member = await service.get_listed_member(session, member_id)
    set_etag(response, member)
    [read] = await service.public_reads(session, [member])
    return read


@router.patch(
    "/{member_id}",
    response_model=MemberRead,
    responses=problem_responses(403, 404, 412, 413, 422, 428),
)
async def update_member(
    member_id: uuid.UUID,
    data: MemberUpdate,
    session: DbSession,
    user: CoordinatorUser,
    response: Response,
    if_match: IfMatch = None,
) -> MemberRead:
    """Change a member (admin, coordinator); optional fields may be set to null."""
    member = await service.get_member(session, member_id)
    member = await service.update_member(session, member, data, if_match=if_match, actor_id=user.id)
    set_etag(response, member)
    return MemberRead.model_validate(member)


@router.delete(
    "/{member_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problem_responses(403, 404, 412, 422, 428),
)
async def delete_member(
    member_id: uuid.UUID, session: DbSession, user: CoordinatorUser, if_match: IfMatch = None
) -> Response:
    """Delete a member (kept as a tombstone for sync); their open memberships end today."""
    member = await service.get_member(session, member_id)
    await service.delete_member(session, member, if_match=if_match, actor_id=user.id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
