"""The real application plus one route the benchmark compares every endpoint with.

``GET /bench/ceiling/{size}`` answers a fixed JSON body of ``size`` bytes without touching the
database, through the same middleware: what this server can do at best for a body of that size.
"""

from __future__ import annotations

from functools import cache

from fastapi import FastAPI, Response

from api.main import create_app as create_real_app


@cache
def fixed_body(size: int) -> bytes:
    frame = b'{"items":[],"padding":""}'
    return frame[:-2] + b"x" * max(size - len(frame), 0) + frame[-2:]


def create_app() -> FastAPI:
    app = create_real_app()

    @app.get("/bench/ceiling/{size}", include_in_schema=False)
    async def ceiling(size: int) -> Response:
        return Response(fixed_body(min(size, 10_000_000)), media_type="application/json")

    return app
