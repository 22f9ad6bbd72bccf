"""What every part of one export shares: its read session, its time and, with ``--since``, the start."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, TypeAlias, TypeVar

from sqlalchemy import Select, select
from sqlalchemy.ext.asyncio import AsyncSession

from api.core.config import Settings
from api.models import Body, Organisation

BATCH = 500
# A select of any columns (Select is generic over the tuple of its column types).
AnySelect: TypeAlias = Select[*tuple[Any, ...]]
T = TypeVar("T")


@dataclass
class ExportContext:
    session: AsyncSession
    settings: Settings
    name: str
    created_at: datetime
    since: datetime | None
    _bodies: dict[uuid.UUID, Body] | None = field(default=None, repr=False)

    @property
    def today(self) -> date:
        return self.created_at.date()

    async def bodies(self) -> dict[uuid.UUID, Body]:
        """Every body, deleted ones too (there are a handful), for names in other lists."""
        if self._bodies is None:
            self._bodies = {body.id: body for body in await self.session.scalars(select(Body))}
        return self._bodies

    async def organisation_names(self, ids: Sequence[uuid.UUID | None]) -> dict[uuid.UUID, str]:
        wanted = {value for value in ids if value is not None}
        if not wanted:
            return {}
        rows = await self.session.execute(
            select(Organisation.id, Organisation.name).where(Organisation.id.in_(wanted))
        )
        return {row.id: row.name for row in rows}


async def batches(session: AsyncSession, statement: AnySelect, *, scalars: bool = True) -> AsyncIterator[Any]:
    """The rows of ``statement`` in batches of ``BATCH`` from one server-side cursor (flat memory)."""
    result = await session.stream(statement.execution_options(yield_per=BATCH))
    source = result.scalars() if scalars else result
    async for part in source.partitions():
        yield part


async def converted(
    session: AsyncSession,
    statement: AnySelect,
    convert: Callable[[Sequence[Any]], Awaitable[list[T]]],
    *,
    scalars: bool = True,
) -> AsyncIterator[T]:
    """Each row of ``statement`` after ``convert``, which sees a batch at a time (one query per
    batch for what the rows need, not one per row)."""
    async for part in batches(session, statement, scalars=scalars):
        for item in await convert(part):
            yield item
