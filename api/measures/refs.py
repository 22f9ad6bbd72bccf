"""What other features need from measures: short references for agenda items and needs."""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from api.measures.schemas import MeasureRef
from api.models import Measure, measure_needs


async def measure_refs(session: AsyncSession, ids: Iterable[uuid.UUID | None]) -> dict[uuid.UUID, MeasureRef]:
    """Short references to the live measures among ``ids`` (deleted ones are left out), one query."""
    wanted = {measure_id for measure_id in ids if measure_id is not None}
    if not wanted:
        return {}
    rows = await session.execute(
        select(Measure.id, Measure.reference, Measure.title, Measure.status).where(
            Measure.id.in_(wanted), Measure.deleted_at.is_(None)
        )
    )
    return {
        row.id: MeasureRef(id=row.id, reference=row.reference, title=row.title, status=row.status)
        for row in rows
    }


async def measures_of_needs(
    session: AsyncSession, need_ids: Iterable[uuid.UUID]
) -> dict[uuid.UUID, list[MeasureRef]]:
    """The live measures addressing each need, by reference, in one query."""
    wanted = set(need_ids)
    result: dict[uuid.UUID, list[MeasureRef]] = {need_id: [] for need_id in wanted}
    if not wanted:
        return result
    rows = await session.execute(
        select(measure_needs.c.need_id, Measure.id, Measure.reference, Measure.title, Measure.status)
        .join(Measure, Measure.id == measure_needs.c.measure_id)
        .where(measure_needs.c.need_id.in_(wanted), Measure.deleted_at.is_(None))
        .order_by(Measure.reference)
    )
    for need_id, measure_id, reference, title, status in rows:
        result[need_id].append(MeasureRef(id=measure_id, reference=reference, title=title, status=status))
    return result
