"""The list conventions: bounded limit and offset with a total, stable sort, ``q``,
and ``modified_since`` with tombstones of deleted rows for incremental sync."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Annotated, Any, Generic, Self, TypeVar

from fastapi import Depends, Query
from pydantic import AwareDatetime, BaseModel, Field
from sqlalchemy import Select, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute

from api.models.base import IdMixin, SoftDeleteMixin

MAX_LIMIT = 200
NO_NUL = r"^[^\x00]*$"  # PostgreSQL refuses NUL characters in text
ItemT = TypeVar("ItemT")
RowT = TypeVar("RowT", bound=IdMixin)


@dataclass(frozen=True)
class ListParams:
    limit: int
    offset: int
    q: str | None
    modified_since: datetime | None


def list_params(
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Page size")] = 50,
    offset: Annotated[int, Query(ge=0, le=1_000_000, description="Rows to skip")] = 0,
    q: Annotated[str | None, Query(max_length=200, pattern=NO_NUL, description="Free-text search")] = None,
    modified_since: Annotated[
        AwareDatetime | None,
        Query(
            description="Only rows changed at or after this instant, oldest first, "
            "with deleted rows as tombstones",
        ),
    ] = None,
) -> ListParams:
    return ListParams(
        limit=limit, offset=offset, q=q.strip() or None if q else None, modified_since=modified_since
    )


ListQuery = Annotated[ListParams, Depends(list_params)]


class Tombstone(BaseModel):
    id: uuid.UUID
    deleted_at: datetime


class Page(BaseModel, Generic[ItemT]):
    items: list[ItemT]
    total: int = Field(description="Rows matching the filters, across all pages")
    limit: int
    offset: int
    tombstones: list[Tombstone] = Field(
        default_factory=list, description="Deleted rows; only filled with modified_since"
    )

    @classmethod
    def of(cls, result: PageResult[Any], params: ListParams) -> Self:
        """The response for one page; items are validated from the ORM rows."""
        return cls.model_validate(
            {
                "items": result.rows,
                "total": result.total,
                "limit": params.limit,
                "offset": params.offset,
                "tombstones": result.tombstones,
            },
            from_attributes=True,
        )


@dataclass(frozen=True)
class PageResult(Generic[RowT]):
    rows: list[RowT]
    tombstones: list[Tombstone]
    total: int
    total_capped: bool = False


async def fetch_page(
    session: AsyncSession,
    statement: Select[RowT],
    params: ListParams,
    *,
    order_by: list[Any],
    id_column: InstrumentedAttribute[uuid.UUID],
    updated_column: InstrumentedAttribute[datetime],
    deleted_column: InstrumentedAttribute[datetime | None] | None = None,
    count_up_to: int | None = None,
) -> PageResult[RowT]:
    """Run ``statement`` as one page. Ties are broken by id, so paging is stable.

    With ``count_up_to`` the total stops there (``total_capped``): counting a table of millions of
    rows costs more than the page itself, and "more than 10,000" is all a reader needs."""
    if params.modified_since is not None:
        statement = statement.where(updated_column >= params.modified_since)
        order_by = [updated_column]
    elif deleted_column is not None:
        statement = statement.where(deleted_column.is_(None))
    counted = statement.order_by(None)
    if count_up_to is not None:
        counted = counted.limit(count_up_to + 1)
    total = await session.scalar(select(func.count()).select_from(counted.subquery())) or 0
    capped = count_up_to is not None and total > count_up_to
    if capped:
        total = count_up_to or 0
    rows = (
        await session.scalars(
            statement.order_by(*order_by, id_column).limit(params.limit).offset(params.offset)
        )
    ).all()
    live: list[RowT] = []
    tombstones: list[Tombstone] = []
    for row in rows:
        deleted_at = row.deleted_at if isinstance(row, SoftDeleteMixin) else None
        if deleted_at is not None:
            tombstones.append(Tombstone(id=row.id, deleted_at=deleted_at))
        else:
            live.append(row)
    return PageResult(rows=live, tombstones=tombstones, total=total, total_capped=capped)


def split_commas(values: object) -> object:
    """For a repeatable query filter: ``?status=a,b`` and ``?status=a&status=b`` mean the same."""
    if isinstance(values, list):
        return [part.strip() for value in values for part in str(value).split(",") if part.strip()]
    return values


LIKE_ESCAPE = "\\"


def contains_pattern(text: str) -> str:
    """A case-folded LIKE pattern matching ``text`` anywhere, with wildcards escaped."""
    escaped = text.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"
