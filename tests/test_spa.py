"""The built browser app is served under / with history fallback; the API is untouched."""

from __future__ import annotations

from pathlib import Path

import httpx
from pydantic import SecretStr

from api.core.config import Settings
from api.main import create_app
from tests.conftest import make_client


def _build(root: Path) -> None:
    (root / "assets").mkdir(parents=True)
    (root / "index.html").write_text('<!doctype html><html lang="de"><title>Netzwerk</title></html>')
    (root / "assets" / "app-1234abcd.js").write_text("console.log('hi')")
    (root / "favicon.svg").write_text("<svg/>")


async def test_spa_routes_assets_and_api_stay_apart(tmp_path: Path, database_url: str) -> None:
    _build(tmp_path / "dist")
    settings = Settings(
        database_url=database_url,
        data_dir=tmp_path,
        spa_dir=tmp_path / "dist",
        jwt_secret=SecretStr("x" * 40),
    )
    app = create_app(settings)
    async with make_client(app) as client:
        index = await client.get("/")
        deep_link = await client.get("/verwaltung/benutzer/123")
        asset = await client.get("/assets/app-1234abcd.js")
        missing_asset = await client.get("/assets/gone.js")
        api_missing = await client.get("/api/v1/unknown")
        traversal = await client.get("/..%2F..%2Fetc%2Fpasswd")
        post = await client.post("/verwaltung")
    await app.state.engine.dispose()

    assert index.status_code == 200
    assert 'lang="de"' in index.text
    assert index.headers["Cache-Control"] == "no-cache"
    assert deep_link.status_code == 200
    assert deep_link.text == index.text
    assert asset.status_code == 200
    assert asset.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert "frame-ancestors 'none'" in asset.headers["Content-Security-Policy"]
    assert missing_asset.status_code == 404
    assert api_missing.status_code == 404
    assert api_missing.headers["content-type"] == "application/problem+json"
    assert "root:" not in traversal.text
    assert post.status_code in (404, 405)


async def test_without_a_build_unknown_paths_are_404(client: httpx.AsyncClient) -> None:
    response = await client.get("/")
    assert response.status_code == 404
    assert response.json()["type"] == "urn:netzwerk:problem:not-found"
