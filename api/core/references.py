"""Human-readable references such as "M-2026-014": numbered per prefix and year, never reused."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession

from api.models import ReferenceCounter


async def next_reference(session: AsyncSession, prefix: str, year: int) -> str:
    """The next free reference ``{prefix}-{year}-{NNN}``; concurrent callers never get the same one.

    The counter row is created if missing and then locked for the rest of the transaction, so a
    rolled-back transaction gives its number back but a committed one keeps it forever.
    """
    insert = pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    await session.execute(
        insert(ReferenceCounter)
        .values(prefix=prefix, year=year, last_number=0)
        .on_conflict_do_nothing(index_elements=["prefix", "year"])
    )
    counter = await session.scalar(
        select(ReferenceCounter)
        .where(ReferenceCounter.prefix == prefix, ReferenceCounter.year == year)
        .with_for_update()
        .execution_options(populate_existing=True)
    )
    assert counter is not None
    counter.last_number += 1
    await session.flush()
    return f"{prefix}-{year}-{counter.last_number:03d}"
