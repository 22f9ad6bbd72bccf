"""Partner systems and offers: they read the published ones and keep their own organisation's."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Response, status
from sqlalchemy import ColumnElement, select

from api.core.concurrency import IfMatch, set_etag
from api.core.db import DbSession
from api.core.errors import Forbidden, NotFound, problem_responses
from api.core.sync import SyncPage, SyncQuery, fetch_sync_page
from api.models import Offer
from api.offers import service
from api.offers.schemas import OfferColumns, OfferContent, OfferContentUpdate, OfferCreate, OfferUpdate
from api.partners.access import AnyPartner, Partner, require_scope

router = APIRouter(
    prefix="/api/v1/partner/offers", tags=["partner"], responses=problem_responses(401, 403, 429)
)
Writer = Annotated[Partner, Depends(require_scope("offers:write"))]
WRITE_ERRORS = problem_responses(404, 412, 413, 422, 428)


class PartnerOfferPage(SyncPage[OfferColumns]):
    pass


def _visible(partner: Partner) -> ColumnElement[bool]:
    own = Offer.organisation_id == partner.client.organisation_id
    return Offer.deleted_at.is_(None) & (Offer.published.is_(True) | own)


def _organisation(partner: Partner) -> uuid.UUID:
    if partner.client.organisation_id is None:
        raise Forbidden("This client acts for no organisation, so it has no offers to keep.")
    return partner.client.organisation_id


async def _own_offer(session: DbSession, partner: Partner, offer_id: uuid.UUID) -> Offer:
    """The live offer if it belongs to the client's organisation; any other answers 404."""
    offer = await session.get(Offer, offer_id)
    if offer is None or offer.deleted_at is not None or offer.organisation_id != _organisation(partner):
        raise NotFound("No offer of your organisation with this id.")
    return offer


def _writer(partner: Partner) -> service.Writer:
    return service.Writer(actor_id=partner.client.id)


@router.get("", response_model=PartnerOfferPage, responses=problem_responses(422))
async def sync_offers(session: DbSession, partner: AnyPartner, params: SyncQuery) -> PartnerOfferPage:
    """The published offers of every organisation and all offers of the client's own (any scope).
    With `modified_since`, the changes since then; unpublished or deleted ones as tombstones."""
    result = await fetch_sync_page(session, Offer, _visible(partner), params)
    return PartnerOfferPage.model_validate(result, from_attributes=True)


@router.get("/{offer_id}", response_model=OfferColumns, responses=problem_responses(404, 422))
async def get_partner_offer(
    offer_id: uuid.UUID,
    session: DbSession,
    partner: AnyPartner,
    response: Response,
) -> OfferColumns:
    """One offer: a published one, or one of the client's organisation (with the ETag for changes)."""
    offer = await session.scalar(select(Offer).where(Offer.id == offer_id, _visible(partner)))
    if offer is None:
        raise NotFound("No offer with this id.")
    set_etag(response, offer)
    return OfferColumns.model_validate(offer)


@router.post("", response_model=OfferColumns, status_code=status.HTTP_201_CREATED, responses=WRITE_ERRORS)
async def create_partner_offer(
    data: OfferContent, session: DbSession, partner: Writer, response: Response
) -> OfferColumns:
    """Add an offer of the client's organisation (scope `offers:write`)."""
    offer = await service.create_offer(
        session, _writer(partner), OfferCreate(organisation_id=_organisation(partner), **data.model_dump())
    )
    set_etag(response, offer)
    response.headers["Location"] = f"{router.prefix}/{offer.id}"
    return OfferColumns.model_validate(offer)


@router.patch("/{offer_id}", response_model=OfferColumns, responses=WRITE_ERRORS)
async def update_partner_offer(
    offer_id: uuid.UUID,
    data: OfferContentUpdate,
    session: DbSession,
    partner: Writer,
    response: Response,
    if_match: IfMatch = None,
) -> OfferColumns:
    """Change an offer of the client's organisation (scope `offers:write`, If-Match)."""
    offer = await _own_offer(session, partner, offer_id)
    changes = OfferUpdate.model_validate(data.model_dump(exclude_unset=True))
    offer = await service.update_offer(session, _writer(partner), offer, changes, if_match=if_match)
    set_etag(response, offer)
    return OfferColumns.model_validate(offer)


@router.delete("/{offer_id}", status_code=status.HTTP_204_NO_CONTENT, responses=WRITE_ERRORS)
async def delete_partner_offer(
    offer_id: uuid.UUID, session: DbSession, partner: Writer, if_match: IfMatch = None
) -> Response:
    """Withdraw an offer of the client's organisation (scope `offers:write`, If-Match)."""
    offer = await _own_offer(session, partner, offer_id)
    await service.delete_offer(session, _writer(partner), offer, if_match=if_match)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
