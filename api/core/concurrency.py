"""Optimistic concurrency over HTTP: strong ETags out, ``If-Match`` required in."""

from __future__ import annotations

from typing import Annotated

from fastapi import Header, Response

from api.core.errors import PreconditionFailed, PreconditionRequired
from api.models.base import VersionMixin


def etag_of(resource: VersionMixin) -> str:
    return f'"{resource.version}"'


def set_etag(response: Response, resource: VersionMixin) -> None:
    response.headers["ETag"] = etag_of(resource)


IfMatch = Annotated[
    str | None,
    Header(
        alias="If-Match",
        description="The ETag from the last GET; required. A stale value answers 412.",
    ),
]


def check_if_match(if_match: str | None, resource: VersionMixin) -> None:
    if if_match is None:
        raise PreconditionRequired()
    candidates = {value.strip() for value in if_match.split(",")}
    if "*" not in candidates and etag_of(resource) not in candidates:
        raise PreconditionFailed()
