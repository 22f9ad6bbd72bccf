"""Platform behaviour every feature relies on: health, errors, headers, limits."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from api.core.config import Settings
from api.main import create_app
from tests.conftest import Account, make_client

PROBLEM = "application/problem+json"


async def test_healthz_and_readyz_answer_ok(client: httpx.AsyncClient) -> None:
    assert (await client.get("/healthz")).json() == {"status": "ok"}
    ready = await client.get("/readyz")
    assert ready.status_code == 200
    assert ready.json() == {"status": "ok"}


async def test_request_id_is_generated_or_echoed(client: httpx.AsyncClient) -> None:
    generated = await client.get("/healthz")
    assert len(generated.headers["X-Request-ID"]) == 32
    echoed = await client.get("/healthz", headers={"X-Request-ID": "abc-123"})
    assert echoed.headers["X-Request-ID"] == "abc-123"
    unsafe = await client.get("/healthz", headers={"X-Request-ID": "bad id\twith spaces"})
    assert unsafe.headers["X-Request-ID"] != "bad id\twith spaces"


async def test_security_headers_on_every_response(client: httpx.AsyncClient) -> None:
    for response in (await client.get("/api/v1/site"), await client.get("/api/v1/nothing-here")):
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert response.headers["Referrer-Policy"] == "no-referrer"
        assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]
        assert response.headers["Cache-Control"] == "no-store"
        assert response.headers["Strict-Transport-Security"].startswith("max-age=")
        assert "server" not in response.headers


async def test_unknown_route_is_problem_404(client: httpx.AsyncClient) -> None:
    response = await client.get("/api/v1/nothing-here", headers={"X-Request-ID": "req-1"})
    assert response.status_code == 404
    assert response.headers["content-type"] == PROBLEM
    assert response.json() == {
        "type": "urn:netzwerk:problem:not-found",
        "title": "Not found",
        "status": 404,
        "request_id": "req-1",
    }


async def test_wrong_method_is_405_with_allow(client: httpx.AsyncClient) -> None:
    response = await client.put("/api/v1/users")
    assert response.status_code == 405
    assert response.headers["content-type"] == PROBLEM
    assert response.headers["Allow"] == "GET, POST"


@pytest.mark.parametrize("method", ["TRACE", "TRACK"])
async def test_trace_is_refused(client: httpx.AsyncClient, method: str) -> None:
    response = await client.request(method, "/api/v1/site")
    assert response.status_code == 405
    assert response.json()["type"] == "urn:netzwerk:problem:method-not-allowed"


async def test_validation_error_lists_fields(client: httpx.AsyncClient, admin: Account) -> None:
    response = await client.post(
        "/api/v1/users",
        json={"email": "not-an-address", "name": "", "roles": ["wizard"]},
        headers=admin.headers,
    )
    assert response.status_code == 422
    assert response.headers["content-type"] == PROBLEM
    body = response.json()
    assert body["type"] == "urn:netzwerk:problem:validation-error"
    fields = {(error["location"], error["field"]) for error in body["errors"]}
    assert fields == {("body", "email"), ("body", "name"), ("body", "password"), ("body", "roles.0")}


async def test_body_over_the_limit_is_413(client: httpx.AsyncClient, admin: Account) -> None:
    response = await client.post(
        "/api/v1/users",
        content=b'{"name": "' + b"x" * 1_100_000 + b'"}',
        headers=admin.headers | {"Content-Type": "application/json"},
    )
    assert response.status_code == 413
    assert response.json()["type"] == "urn:netzwerk:problem:payload-too-large"


async def test_streamed_body_over_the_limit_is_413(client: httpx.AsyncClient, admin: Account) -> None:
    async def chunks():  # type: ignore[no-untyped-def]
        for _ in range(20):
            yield b"x" * 100_000

    response = await client.post(
        "/api/v1/users", content=chunks(), headers=admin.headers | {"Content-Type": "application/json"}
    )
    assert response.status_code == 413


async def test_cors_allows_only_configured_origins(client: httpx.AsyncClient) -> None:
    response = await client.options(
        "/api/v1/site",
        headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "GET"},
    )
    assert "access-control-allow-origin" not in response.headers


async def test_unhandled_error_is_generic_500_with_request_id(app, client: httpx.AsyncClient) -> None:  # type: ignore[no-untyped-def]
    async def explode() -> None:
        raise RuntimeError("secret internals")

    app.add_api_route("/api/v1/test-explode", explode)
    try:
        response = await client.get("/api/v1/test-explode", headers={"X-Request-ID": "boom-1"})
    finally:
        app.router.routes.pop()
    assert response.status_code == 500
    assert response.headers["content-type"] == PROBLEM
    body = response.json()
    assert body["request_id"] == "boom-1"
    assert "secret internals" not in response.text
    assert "Traceback" not in response.text
    assert response.headers["X-Content-Type-Options"] == "nosniff"


async def test_site_info_is_public(client: httpx.AsyncClient) -> None:
    response = await client.get("/api/v1/site")
    assert response.status_code == 200
    assert response.json()["county_name"] == "Landkreis Gifhorn"
    assert response.json()["privacy_text_version"] == "2026-01"


async def test_site_info_names_the_configured_privacy_text_version(settings: Settings) -> None:
    app = create_app(settings.model_copy(update={"privacy_text_version": "2026-07"}))
    async with make_client(app) as client:
        response = await client.get("/api/v1/site")
    await app.state.engine.dispose()
    assert response.json()["privacy_text_version"] == "2026-07"


async def test_cors_allows_a_configured_origin(settings: Settings) -> None:
    app = create_app(settings.model_copy(update={"cors_origins": ["https://intranet.gifhorn.de"]}))
    async with make_client(app) as client:
        response = await client.options(
            "/api/v1/users",
            headers={"Origin": "https://intranet.gifhorn.de", "Access-Control-Request-Method": "PATCH"},
        )
    await app.state.engine.dispose()
    assert response.status_code == 200
    assert response.headers["access-control-allow-origin"] == "https://intranet.gifhorn.de"
    assert "If-Match" in response.headers["access-control-allow-headers"]


async def test_readyz_is_503_problem_when_the_database_is_gone(settings: Settings, tmp_path: Path) -> None:
    broken = settings.model_copy(update={"database_url": f"sqlite+aiosqlite:///{tmp_path}/missing/dir/x.db"})
    app = create_app(broken)
    async with make_client(app) as client:
        response = await client.get("/readyz")
        alive = await client.get("/healthz")
    await app.state.engine.dispose()
    assert response.status_code == 503
    assert response.json()["type"] == "urn:netzwerk:problem:not-ready"
    assert alive.status_code == 200
