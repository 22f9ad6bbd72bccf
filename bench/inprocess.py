"""The application in this process on a generated dataset, with a logged-in client (profile, report)."""

from __future__ import annotations

import json
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass

import httpx
from fastapi import FastAPI

from bench.generate import DATA_DIR

JWT_SECRET = "bench-signing-key-" + "0123456789" * 4


@dataclass(frozen=True)
class InProcess:
    app: FastAPI
    client: httpx.AsyncClient
    headers: dict[str, str]


@asynccontextmanager
async def logged_in(size: str, *, partner: bool = False) -> AsyncIterator[InProcess]:
    """The app on the size's database (from its manifest), as the bench coordinator or partner."""
    manifest = json.loads((DATA_DIR / f"{size}.json").read_text())
    os.environ["NETZWERK_DATABASE_URL"] = manifest["database_url"]
    os.environ.setdefault("NETZWERK_JWT_SECRET", JWT_SECRET)
    os.environ.setdefault("NETZWERK_LOG_LEVEL", "WARNING")
    from api.main import create_app  # after the settings are in the environment

    app = create_app()
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://bench") as client:
        form = (
            {"grant_type": "client_credentials", **manifest["partner"]}
            if partner
            else {"grant_type": "password", **manifest["coordinator"]}
        )
        login = await client.post("/api/v1/auth/token", data=form)
        login.raise_for_status()
        yield InProcess(app, client, {"Authorization": f"Bearer {login.json()['access_token']}"})
