"""The sync watermark: how far a partner may trust a ``modified_since`` pull to be complete.

``updated_at`` is taken when a row is written, not when its transaction commits, so a transaction
still running may later commit rows stamped before rows a reader has already seen. A pull therefore
only lists rows stamped before the watermark: the start of the oldest other transaction still open
(PostgreSQL), less a margin for clock steps. Every row such a transaction writes is stamped after
its start, so it lands after the watermark and arrives with the next pull, which starts there. On
SQLite every transaction takes the write lock at BEGIN, so none is open beside the reader.
"""

from __future__ import annotations

import base64
import binascii
import json
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Annotated, Generic, TypeVar

from fastapi import Depends, Query
from pydantic import AwareDatetime, BaseModel, Field
from sqlalchemy import ColumnElement, select, text, tuple_
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.base import ExecutableOption

from api.core.errors import FieldValidationError
from api.core.pagination import MAX_LIMIT, ItemT, Tombstone
from api.models.base import ResourceMixin

MARGIN = timedelta(seconds=1)
RowT = TypeVar("RowT", bound=ResourceMixin)
OLDEST_OPEN_TRANSACTION = text(
    "SELECT min(xact_start) FROM pg_stat_activity "
    "WHERE datname = current_database() AND pid <> pg_backend_pid() AND xact_start IS NOT NULL"
)


async def watermark(session: AsyncSession) -> datetime:
    now = datetime.now(UTC)
    if session.get_bind().dialect.name == "postgresql":
        oldest: datetime | None = await session.scalar(OLDEST_OPEN_TRANSACTION)
        if oldest is not None:
            now = min(now, oldest.astimezone(UTC))
    return now - MARGIN


@dataclass(frozen=True)
class SyncParams:
    limit: int
    modified_since: datetime | None
    cursor: Cursor | None


@dataclass(frozen=True)
class Cursor:
    """Where a pull stands: its watermark and the last row sent (rows are in (updated_at, id) order)."""

    until: datetime
    after_updated_at: datetime
    after_id: uuid.UUID

    def encode(self) -> str:
        raw = json.dumps([self.until.isoformat(), self.after_updated_at.isoformat(), str(self.after_id)])
        return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")

    @classmethod
    def decode(cls, token: str) -> Cursor:
        try:
            until, updated_at, row_id = json.loads(base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)))
            return cls(datetime.fromisoformat(until), datetime.fromisoformat(updated_at), uuid.UUID(row_id))
        except (ValueError, TypeError, binascii.Error) as error:
            raise FieldValidationError(
                "cursor", "Not a cursor of this API; start the pull again.", "invalid_cursor", "query"
            ) from error


def sync_params(
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Page size")] = 100,
    modified_since: Annotated[
        AwareDatetime | None,
        Query(
            description="Only rows changed at or after this instant, with tombstones for rows deleted or no "
            "longer visible; pass the previous pull's `next_modified_since`. Without it: every visible row.",
        ),
    ] = None,
    cursor: Annotated[
        str | None, Query(max_length=300, description="`next_cursor` of the previous page of this pull")
    ] = None,
) -> SyncParams:
    return SyncParams(
        limit=limit, modified_since=modified_since, cursor=Cursor.decode(cursor) if cursor else None
    )


SyncQuery = Annotated[SyncParams, Depends(sync_params)]


class SyncPage(BaseModel, Generic[ItemT]):
    items: list[ItemT] = Field(description="Visible rows, in the order they were last changed")
    tombstones: list[Tombstone] = Field(
        description="Rows deleted or no longer visible to the caller (only with modified_since)"
    )
    next_cursor: str | None = Field(
        description="More rows of this pull: pass as `cursor`; none on the last page"
    )
    next_modified_since: datetime = Field(
        description="After the last page: where the next pull starts (every change before it has been sent)"
    )


@dataclass(frozen=True)
class SyncResult(Generic[RowT]):
    items: list[RowT]
    tombstones: list[Tombstone]
    next_cursor: str | None
    next_modified_since: datetime


async def fetch_sync_page(
    session: AsyncSession,
    model: type[RowT],
    visible: ColumnElement[bool],
    params: SyncParams,
    *,
    options: Sequence[ExecutableOption] = (),
) -> SyncResult[RowT]:
    """One page of a pull: rows of ``model`` changed in [modified_since, watermark), keyset-paged by
    (updated_at, id) so that rows changing meanwhile neither shift nor repeat the pages. Changed rows
    the caller may not see (``visible`` false, deleted included) come back as tombstones."""
    updated_at, row_id = model.updated_at, model.id
    until = params.cursor.until if params.cursor else await watermark(session)
    statement = select(model, visible).where(updated_at < until).options(*options)
    if params.modified_since is not None:
        statement = statement.where(updated_at >= params.modified_since)
    else:
        statement = statement.where(visible)
    if params.cursor is not None:
        after = (params.cursor.after_updated_at, params.cursor.after_id)
        statement = statement.where(tuple_(updated_at, row_id) > tuple_(*after))
    found = (await session.execute(statement.order_by(updated_at, row_id).limit(params.limit + 1))).all()
    page, more = found[: params.limit], len(found) > params.limit
    rows: list[RowT] = []
    tombstones: list[Tombstone] = []
    for row, shown in page:
        if shown:
            rows.append(row)
        else:
            tombstones.append(
                Tombstone(id=row.id, deleted_at=getattr(row, "deleted_at", None) or row.updated_at)
            )
    last = page[-1][0] if page else None
    return SyncResult(
        items=rows,
        tombstones=tombstones,
        next_cursor=Cursor(until, last.updated_at, last.id).encode() if more and last is not None else None,
        next_modified_since=until,
    )
