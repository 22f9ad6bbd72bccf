"""Offers (Angebote): create, list, change, delete (kept as tombstones), the public catalogue."""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Select, String, cast, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute

from api.core.audit import record_audit
from api.core.concurrency import check_if_match
from api.core.errors import FieldValidationError, NotFound
from api.core.pagination import LIKE_ESCAPE, ListParams, contains_pattern, fetch_page
from api.meetings.access import readable_meetings
from api.models import AgendaItem, Meeting, Offer, Organisation, User
from api.models.base import today
from api.offers.schemas import (
    AgendaItemRef,
    OfferCreate,
    OfferPage,
    OfferRead,
    OfferUpdate,
    PublicOffer,
    PublicOfferPage,
)
from api.organisations.service import find_live_organisation


def json_list_contains(column: InstrumentedAttribute[list[str]], value: str) -> Any:
    """The SQL condition that a JSON list of strings holds ``value`` (portable: text match)."""
    encoded = json.dumps(value)
    escaped = encoded.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return cast(column, String).like(f"%{escaped}%", escape=LIKE_ESCAPE)


def _search(statement: Any, q: str | None) -> Any:
    if not q:
        return statement
    pattern = contains_pattern(q)
    return statement.where(
        or_(
            func.lower(Offer.title).like(pattern, escape=LIKE_ESCAPE),
            func.lower(Offer.description).like(pattern, escape=LIKE_ESCAPE),
            func.lower(Organisation.name).like(pattern, escape=LIKE_ESCAPE),
        )
    )


def _catalogue_filters(
    statement: Any,
    *,
    organisation_id: uuid.UUID | None,
    municipality: str | None,
    language: str | None,
    target_group: str | None,
) -> Any:
    if organisation_id is not None:
        statement = statement.where(Offer.organisation_id == organisation_id)
    if municipality is not None:
        statement = statement.where(json_list_contains(Offer.municipalities, municipality))
    if language is not None:
        statement = statement.where(json_list_contains(Offer.languages, language))
    if target_group is not None:
        statement = statement.where(json_list_contains(Offer.target_groups, target_group))
    return statement


def readable_agenda_item_ids(
    user: User, *, meeting_id: uuid.UUID | None, agenda_item_id: uuid.UUID | None
) -> Select[uuid.UUID]:
    """The ids of live agenda items in meetings ``user`` may read, optionally of one meeting or item."""
    items = (
        select(AgendaItem.id)
        .join(Meeting, Meeting.id == AgendaItem.meeting_id)
        .where(AgendaItem.deleted_at.is_(None), readable_meetings(user))
    )
    if meeting_id is not None:
        items = items.where(AgendaItem.meeting_id == meeting_id)
    if agenda_item_id is not None:
        items = items.where(AgendaItem.id == agenda_item_id)
    return items


async def list_offers(
    session: AsyncSession,
    user: User,
    params: ListParams,
    *,
    organisation_id: uuid.UUID | None,
    municipality: str | None,
    language: str | None,
    target_group: str | None,
    published: bool | None,
    meeting_id: uuid.UUID | None,
    agenda_item_id: uuid.UUID | None,
) -> OfferPage:
    statement = select(Offer).join(Organisation, Organisation.id == Offer.organisation_id)
    statement = _search(statement, params.q)
    statement = _catalogue_filters(
        statement,
        organisation_id=organisation_id,
        municipality=municipality,
        language=language,
        target_group=target_group,
    )
    if published is not None:
        statement = statement.where(Offer.published.is_(published))
    if meeting_id is not None or agenda_item_id is not None:
        items = readable_agenda_item_ids(user, meeting_id=meeting_id, agenda_item_id=agenda_item_id)
        statement = statement.where(Offer.presented_at_agenda_item_id.in_(items))
    page = await fetch_page(
        session,
        statement,
        params,
        order_by=[func.lower(Offer.title)],
        id_column=Offer.id,
        updated_column=Offer.updated_at,
        deleted_column=Offer.deleted_at,
    )
    return OfferPage(
        items=await reads(session, user, page.rows),
        total=page.total,
        limit=params.limit,
        offset=params.offset,
        tombstones=page.tombstones,
    )


async def agenda_item_refs(
    session: AsyncSession, user: User, item_ids: set[uuid.UUID | None]
) -> dict[uuid.UUID, AgendaItemRef]:
    """The live agenda items among ``item_ids`` whose meeting ``user`` may read, with the meeting."""
    wanted = {item_id for item_id in item_ids if item_id is not None}
    if not wanted:
        return {}
    rows = await session.execute(
        select(AgendaItem, Meeting)
        .join(Meeting, Meeting.id == AgendaItem.meeting_id)
        .where(AgendaItem.id.in_(wanted), AgendaItem.deleted_at.is_(None), readable_meetings(user))
    )
    return {
        item.id: AgendaItemRef(
            meeting_id=meeting.id,
            meeting_title=meeting.title,
            meeting_starts_at=meeting.starts_at,
            agenda_item_id=item.id,
            agenda_item_number=item.number,
            agenda_item_title=item.title,
        )
        for item, meeting in rows.all()
    }


async def reads(session: AsyncSession, user: User, offers: Sequence[Offer]) -> list[OfferRead]:
    """The API view of ``offers``: organisation names and readable meetings in two queries."""
    if not offers:
        return []
    organisation_ids = {offer.organisation_id for offer in offers}
    names: dict[uuid.UUID, str] = {
        row.id: row.name
        for row in await session.execute(
            select(Organisation.id, Organisation.name).where(Organisation.id.in_(organisation_ids))
        )
    }
    presented = await agenda_item_refs(session, user, {offer.presented_at_agenda_item_id for offer in offers})
    result = []
    for offer in offers:
        read = OfferRead.model_validate(
            {
                **{field: getattr(offer, field) for field in OfferRead.model_fields if hasattr(offer, field)},
                "organisation_name": names.get(offer.organisation_id, ""),
                "presented_at": presented.get(offer.presented_at_agenda_item_id)
                if offer.presented_at_agenda_item_id
                else None,
            }
        )
        result.append(read)
    return result


async def get_offer(session: AsyncSession, offer_id: uuid.UUID) -> Offer:
    offer = await session.get(Offer, offer_id)
    if offer is None or offer.deleted_at is not None:
        raise NotFound("No offer with this id.")
    return offer


async def _check_references(
    session: AsyncSession, user: User | None, offer: Offer, changed: set[str]
) -> None:
    """``user`` None: a partner system, which cannot link agenda items (its schema has no such field)."""
    if "organisation_id" in changed and await find_live_organisation(session, offer.organisation_id) is None:
        raise FieldValidationError("organisation_id", "No organisation with this id.", "unknown_organisation")
    if user is not None and "presented_at_agenda_item_id" in changed and offer.presented_at_agenda_item_id:
        found = await session.scalar(
            readable_agenda_item_ids(user, meeting_id=None, agenda_item_id=offer.presented_at_agenda_item_id)
        )
        if found is None:
            raise FieldValidationError(
                "presented_at_agenda_item_id",
                "No agenda item with this id in a meeting you may read.",
                "unknown_agenda_item",
            )
    if (
        offer.valid_from is not None
        and offer.valid_until is not None
        and offer.valid_until < offer.valid_from
    ):
        raise FieldValidationError("valid_until", "valid_until must not be before valid_from.", "date_order")


@dataclass(frozen=True)
class Writer:
    """Who writes an offer: a user, or a partner system (``user`` None, ``actor_id`` its client id)."""

    actor_id: uuid.UUID
    user: User | None = None

    @classmethod
    def of(cls, user: User) -> Writer:
        return cls(user.id, user)

    def audit(self, session: AsyncSession, action: str, offer: Offer, **details: Any) -> None:
        if self.user is None:
            details["via"] = "api_client"
        record_audit(
            session,
            actor_id=self.actor_id,
            action=action,
            object_type="offer",
            object_id=offer.id,
            details=details,
        )


async def create_offer(session: AsyncSession, writer: Writer, data: OfferCreate) -> Offer:
    offer = Offer(**data.model_dump())
    await _check_references(session, writer.user, offer, {"organisation_id", "presented_at_agenda_item_id"})
    session.add(offer)
    await session.flush()
    writer.audit(session, "offer.create", offer, fields=sorted(data.model_fields_set))
    return offer


async def update_offer(
    session: AsyncSession, writer: Writer, offer: Offer, data: OfferUpdate, *, if_match: str | None
) -> Offer:
    check_if_match(if_match, offer)
    changes: dict[str, Any] = data.model_dump(exclude_unset=True)
    for field, value in changes.items():
        setattr(offer, field, value)
    await _check_references(session, writer.user, offer, set(changes))
    await session.flush()
    writer.audit(session, "offer.update", offer, fields=sorted(changes))
    return offer


async def delete_offer(session: AsyncSession, writer: Writer, offer: Offer, *, if_match: str | None) -> None:
    check_if_match(if_match, offer)
    offer.deleted_at = datetime.now(UTC)
    await session.flush()
    writer.audit(session, "offer.delete", offer)


def _public_statement() -> Any:
    """Published, live, not expired offers of live organisations, with the organisation."""
    return (
        select(Offer, Organisation)
        .join(Organisation, Organisation.id == Offer.organisation_id)
        .where(
            Offer.published.is_(True),
            Offer.deleted_at.is_(None),
            Organisation.deleted_at.is_(None),
            or_(Offer.valid_until.is_(None), Offer.valid_until >= today()),
        )
    )


def _public(offer: Offer, organisation: Organisation) -> PublicOffer:
    return PublicOffer(
        id=offer.id,
        organisation_name=organisation.name,
        organisation_website=organisation.website,
        title=offer.title,
        description=offer.description,
        target_groups=offer.target_groups,
        languages=offer.languages,
        municipalities=offer.municipalities,
        costs=offer.costs,
        contact=offer.contact,
        valid_from=offer.valid_from,
        valid_until=offer.valid_until,
    )


async def list_public_offers(
    session: AsyncSession,
    *,
    limit: int,
    offset: int,
    q: str | None,
    organisation_id: uuid.UUID | None,
    municipality: str | None,
    language: str | None,
    target_group: str | None,
) -> PublicOfferPage:
    statement = _search(_public_statement(), q)
    statement = _catalogue_filters(
        statement,
        organisation_id=organisation_id,
        municipality=municipality,
        language=language,
        target_group=target_group,
    )
    total = await session.scalar(select(func.count()).select_from(statement.subquery()))
    rows = await session.execute(
        statement.order_by(func.lower(Offer.title), Offer.id).limit(limit).offset(offset)
    )
    return PublicOfferPage(
        items=[_public(offer, organisation) for offer, organisation in rows.all()],
        total=total or 0,
        limit=limit,
        offset=offset,
    )


async def get_public_offer(session: AsyncSession, offer_id: uuid.UUID) -> PublicOffer:
    row = (await session.execute(_public_statement().where(Offer.id == offer_id))).first()
    if row is None:
        raise NotFound("No published offer with this id.")
    offer, organisation = row
    return _public(offer, organisation)
