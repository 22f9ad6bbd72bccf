"""Offers: the internal register (every role reads, coordinators and spokespersons write) and
the public catalogue of published offers."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Response, status

from api.core.concurrency import IfMatch, set_etag
from api.core.db import DbSession
from api.core.deps import CurrentUser, require_roles
from api.core.errors import problem_responses
from api.core.fields import LanguageCode, Line100
from api.core.pagination import MAX_LIMIT, NO_NUL, ListQuery
from api.models import User
from api.offers import service
from api.offers.schemas import OfferCreate, OfferPage, OfferRead, OfferUpdate, PublicOffer, PublicOfferPage
from api.organisations.schemas import Municipality

router = APIRouter(prefix="/api/v1/offers", tags=["offers"], responses=problem_responses(401))
public_router = APIRouter(prefix="/api/v1/public/offers", tags=["public"])

OfferEditor = Annotated[User, Depends(require_roles("coordinator", "spokesperson"))]
TargetGroupFilter = Annotated[Line100 | None, Query(description="Offers for this target group")]


@router.get("", response_model=OfferPage, responses=problem_responses(422))
async def list_offers(
    session: DbSession,
    user: CurrentUser,
    params: ListQuery,
    organisation_id: uuid.UUID | None = None,
    municipality: Municipality | None = None,
    language: LanguageCode | None = None,
    target_group: TargetGroupFilter = None,
    published: bool | None = None,
    meeting_id: Annotated[uuid.UUID | None, Query(description="Presented in this meeting")] = None,
    agenda_item_id: Annotated[uuid.UUID | None, Query(description="Presented at this agenda item")] = None,
) -> OfferPage:
    """All offers, internal ones too (every role); `q` searches title, description and organisation
    name. Sorted by title."""
    return await service.list_offers(
        session,
        user,
        params,
        organisation_id=organisation_id,
        municipality=municipality,
        language=language,
        target_group=target_group,
        published=published,
        meeting_id=meeting_id,
        agenda_item_id=agenda_item_id,
    )


@router.post(
    "",
    response_model=OfferRead,
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(403, 413, 422),
)
async def create_offer(
    data: OfferCreate, session: DbSession, user: OfferEditor, response: Response
) -> OfferRead:
    """Record an offer (admin, coordinator, spokesperson), e.g. from the agenda item it was
    presented at."""
    offer = await service.create_offer(session, service.Writer.of(user), data)
    set_etag(response, offer)
    response.headers["Location"] = f"{router.prefix}/{offer.id}"
    [read] = await service.reads(session, user, [offer])
    return read


@router.get("/{offer_id}", response_model=OfferRead, responses=problem_responses(404, 422))
async def get_offer(
    offer_id: uuid.UUID, session: DbSession, user: CurrentUser, response: Response
) -> OfferRead:
    """One offer; the ETag is needed for changes."""
    offer = await service.get_offer(session, offer_id)
    set_etag(response, offer)
    [read] = await service.reads(session, user, [offer])
    return read


@router.patch(
    "/{offer_id}",
    response_model=OfferRead,
    responses=problem_responses(403, 404, 412, 413, 422, 428),
)
async def update_offer(
    offer_id: uuid.UUID,
    data: OfferUpdate,
    session: DbSession,
    user: OfferEditor,
    response: Response,
    if_match: IfMatch = None,
) -> OfferRead:
    """Change an offer (admin, coordinator, spokesperson); optional fields may be set to null."""
    offer = await service.get_offer(session, offer_id)
    offer = await service.update_offer(session, service.Writer.of(user), offer, data, if_match=if_match)
    set_etag(response, offer)
    [read] = await service.reads(session, user, [offer])
    return read


@router.delete(
    "/{offer_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problem_responses(403, 404, 412, 422, 428),
)
async def delete_offer(
    offer_id: uuid.UUID, session: DbSession, user: OfferEditor, if_match: IfMatch = None
) -> Response:
    """Delete an offer (kept as a tombstone for sync; gone from the public catalogue at once)."""
    offer = await service.get_offer(session, offer_id)
    await service.delete_offer(session, service.Writer.of(user), offer, if_match=if_match)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@public_router.get("", response_model=PublicOfferPage, responses=problem_responses(422))
async def list_public_offers(
    session: DbSession,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Page size")] = 50,
    offset: Annotated[int, Query(ge=0, le=1_000_000, description="Rows to skip")] = 0,
    q: Annotated[str | None, Query(max_length=200, pattern=NO_NUL, description="Free-text search")] = None,
    organisation_id: uuid.UUID | None = None,
    municipality: Municipality | None = None,
    language: LanguageCode | None = None,
    target_group: TargetGroupFilter = None,
) -> PublicOfferPage:
    """The public catalogue without login: published offers that have not expired, by title."""
    return await service.list_public_offers(
        session,
        limit=limit,
        offset=offset,
        q=q.strip() or None if q else None,
        organisation_id=organisation_id,
        municipality=municipality,
        language=language,
        target_group=target_group,
    )


@public_router.get("/{offer_id}", response_model=PublicOffer, responses=problem_responses(404, 422))
async def get_public_offer(offer_id: uuid.UUID, session: DbSession) -> PublicOffer:
    """One published offer; internal, deleted and expired ones answer 404."""
    return await service.get_public_offer(session, offer_id)
