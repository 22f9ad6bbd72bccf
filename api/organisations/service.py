"""Organisations (Netzwerkpartner): create, list, change, delete (kept as tombstones)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from api.core.audit import record_audit
from api.core.concurrency import check_if_match
from api.core.errors import NotFound
from api.core.pagination import LIKE_ESCAPE, ListParams, PageResult, contains_pattern, fetch_page
from api.models import Organisation
from api.organisations.schemas import OrganisationCreate, OrganisationSort, OrganisationUpdate

SORT_COLUMNS = {
    "name": Organisation.name,
    "created_at": Organisation.created_at,
    "updated_at": Organisation.updated_at,
}


async def list_organisations(
    session: AsyncSession,
    params: ListParams,
    *,
    kind: str | None,
    municipality: str | None,
    sort: OrganisationSort,
) -> PageResult[Organisation]:
    statement = select(Organisation)
    if params.q:
        pattern = contains_pattern(params.q)
        statement = statement.where(
            or_(
                func.lower(Organisation.name).like(pattern, escape=LIKE_ESCAPE),
                func.lower(Organisation.short_name).like(pattern, escape=LIKE_ESCAPE),
                func.lower(Organisation.city).like(pattern, escape=LIKE_ESCAPE),
            )
        )
    if kind is not None:
        statement = statement.where(Organisation.kind == kind)
    if municipality is not None:
        statement = statement.where(Organisation.municipality == municipality)
    column = SORT_COLUMNS[sort.removeprefix("-")]
    order = column.desc() if sort.startswith("-") else column.asc()
    return await fetch_page(
        session,
        statement,
        params,
        order_by=[order],
        id_column=Organisation.id,
        updated_column=Organisation.updated_at,
        deleted_column=Organisation.deleted_at,
    )


async def get_organisation(session: AsyncSession, organisation_id: uuid.UUID) -> Organisation:
    organisation = await session.get(Organisation, organisation_id)
    if organisation is None or organisation.deleted_at is not None:
        raise NotFound("No organisation with this id.")
    return organisation


async def find_live_organisation(session: AsyncSession, organisation_id: uuid.UUID) -> Organisation | None:
    organisation = await session.get(Organisation, organisation_id)
    return organisation if organisation is not None and organisation.deleted_at is None else None


async def create_organisation(
    session: AsyncSession, data: OrganisationCreate, *, actor_id: uuid.UUID
) -> Organisation:
    organisation = Organisation(**data.model_dump())
    session.add(organisation)
    await session.flush()
    record_audit(
        session,
        actor_id=actor_id,
        action="organisation.create",
        object_type="organisation",
        object_id=organisation.id,
        details={"fields": sorted(data.model_fields_set)},
    )
    return organisation


async def update_organisation(
    session: AsyncSession,
    organisation: Organisation,
    data: OrganisationUpdate,
    *,
    if_match: str | None,
    actor_id: uuid.UUID,
) -> Organisation:
    check_if_match(if_match, organisation)
    changes: dict[str, Any] = data.model_dump(exclude_unset=True)
    for field, value in changes.items():
        setattr(organisation, field, value)
    await session.flush()
    record_audit(
        session,
        actor_id=actor_id,
        action="organisation.update",
        object_type="organisation",
        object_id=organisation.id,
        details={"fields": sorted(changes)},
    )
    return organisation


async def delete_organisation(
    session: AsyncSession, organisation: Organisation, *, if_match: str | None, actor_id: uuid.UUID
) -> None:
    check_if_match(if_match, organisation)
    organisation.deleted_at = datetime.now(UTC)
    await session.flush()
    record_audit(
        session,
        actor_id=actor_id,
        action="organisation.delete",
        object_type="organisation",
        object_id=organisation.id,
    )
