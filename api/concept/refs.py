"""What other features need from the concept: the current edition and short references to its parts."""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from pydantic import BaseModel
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from api.models import ConceptEdition, FieldOfAction


class FieldOfActionRef(BaseModel):
    id: uuid.UUID
    code: str
    title: str
    edition_id: uuid.UUID
    edition_year: int


async def current_edition_id(session: AsyncSession) -> uuid.UUID | None:
    """The adopted concept edition in force (the guiding principles of 2008 are not a concept edition)."""
    return await session.scalar(
        select(ConceptEdition.id).where(
            ConceptEdition.kind == "concept",
            ConceptEdition.status == "adopted",
            ConceptEdition.deleted_at.is_(None),
        )
    )


async def field_of_action_refs(
    session: AsyncSession, ids: Iterable[uuid.UUID | None]
) -> dict[uuid.UUID, FieldOfActionRef]:
    wanted = {field_id for field_id in ids if field_id is not None}
    if not wanted:
        return {}
    rows = await session.execute(
        select(FieldOfAction, ConceptEdition.year)
        .join(ConceptEdition, ConceptEdition.id == FieldOfAction.edition_id)
        .where(FieldOfAction.id.in_(wanted))
    )
    return {
        field.id: FieldOfActionRef(
            id=field.id, code=field.code, title=field.title, edition_id=field.edition_id, edition_year=year
        )
        for field, year in rows
    }
