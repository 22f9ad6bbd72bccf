"""External lists: the query parameters OParl defines and the page envelope."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from fastapi import Request

from api.core.errors import FieldValidationError
from api.meetings.service import BERLIN
from api.oparl.index import Filters
from api.oparl.urls import with_query

DEFAULT_LIMIT = 50
MAX_LIMIT = 100
MAX_PAGE = 1_000_000
DATE_FILTERS = ("created_since", "created_until", "modified_since", "modified_until")
TRUE_WORDS = ("true", "1", "yes", "on")
FALSE_WORDS = ("false", "0", "no", "off")


@dataclass(frozen=True)
class ListQuery:
    filters: Filters
    omit_internal: bool
    limit: int
    page: int
    # The parameters the client chose, kept in every link of the list (the page apart).
    kept: dict[str, str]

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.limit


def _invalid(field: str, message: str, code: str) -> FieldValidationError:
    return FieldValidationError(field, message, code, location="query")


def _moment(field: str, raw: str) -> datetime:
    # A "+" of the offset that the client did not encode arrives as a space.
    text = raw.strip().replace(" ", "+")
    try:
        moment = datetime.fromisoformat(text)
    except ValueError as error:
        raise _invalid(field, "Expected a date-time like 2026-03-01T00:00:00+01:00.", "datetime") from error
    return moment.replace(tzinfo=BERLIN) if moment.tzinfo is None else moment


def _integer(field: str, raw: str) -> int:
    try:
        return int(raw)
    except ValueError as error:
        raise _invalid(field, "Expected a whole number.", "int") from error


async def list_query(request: Request) -> ListQuery:
    """The filters ``created_since`` … ``modified_until`` (ISO 8601, Europe/Berlin without offset),
    ``omit_internal``, ``limit`` (a wish: kept within 1–100; or ``elementsPerPage``) and ``page``;
    other parameters are ignored."""
    params = request.query_params
    moments: dict[str, datetime] = {}
    kept: dict[str, str] = {}
    for name in DATE_FILTERS:
        if (raw := params.get(name)) is not None:
            moments[name] = _moment(name, raw)
            kept[name] = moments[name].isoformat()
    omit_internal = False
    if (raw := params.get("omit_internal")) is not None:
        word = raw.strip().lower()
        if word not in TRUE_WORDS + FALSE_WORDS:
            raise _invalid("omit_internal", "Expected true or false.", "bool")
        omit_internal = word in TRUE_WORDS
        kept["omit_internal"] = "true" if omit_internal else "false"
    limit = DEFAULT_LIMIT
    # ``elementsPerPage`` is how a draft of OParl 1.1 named ``limit``; some clients send it.
    for name in ("limit", "elementsPerPage"):
        if (raw := params.get(name)) is not None:
            limit = min(max(_integer(name, raw), 1), MAX_LIMIT)
            kept[name] = str(limit)
            break
    page = 1
    if (raw := params.get("page")) is not None:
        page = _integer("page", raw)
        if not 1 <= page <= MAX_PAGE:
            raise _invalid("page", f"Pages are counted from 1 to {MAX_PAGE}.", "page")
    return ListQuery(
        filters=Filters(**moments), omit_internal=omit_internal, limit=limit, page=page, kept=kept
    )


def envelope(url: str, query: ListQuery, data: list[dict[str, Any]], total: int) -> dict[str, Any]:
    """A list page: ``data``, ``pagination`` and ``links`` (``next`` on every page but the last)."""
    last = max(1, math.ceil(total / query.limit))

    def page_url(page: int) -> str:
        return with_query(url, query.kept | ({"page": str(page)} if page > 1 else {}))

    links = {"first": page_url(1)}
    if query.page > 1:
        links["prev"] = page_url(min(query.page - 1, last))
    links["self"] = page_url(query.page)
    if query.page < last:
        links["next"] = page_url(query.page + 1)
    links["last"] = page_url(last)
    return {
        "data": data,
        "pagination": {
            "totalElements": total,
            "elementsPerPage": query.limit,
            "currentPage": query.page,
            "totalPages": last,
        },
        "links": links,
    }
