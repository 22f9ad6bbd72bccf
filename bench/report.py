"""Build one meeting's status report as a PDF in this process, as ``bench/run.py`` times it.

    python -m bench.report MEETING_ID SIZE   (the database from the size's manifest)

Prints the seconds and the PDF's size as JSON; the caller reads the peak memory from wait4.
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
import time

import httpx

from api.main import create_app
from bench.generate import DATA_DIR, PASSWORD


async def build(meeting_id: str, size: str) -> dict[str, float]:
    manifest = json.loads((DATA_DIR / f"{size}.json").read_text())
    os.environ.setdefault("NETZWERK_DATABASE_URL", manifest["database_url"])
    os.environ.setdefault("NETZWERK_JWT_SECRET", "bench-signing-key-" + "0123456789" * 4)
    app = create_app()
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:
        login = await client.post(
            "/api/v1/auth/token",
            data={
                "grant_type": "password",
                "username": manifest["coordinator"]["username"],
                "password": PASSWORD,
            },
        )
        login.raise_for_status()
        headers = {"Authorization": f"Bearer {login.json()['access_token']}"}
        started = time.perf_counter()
        report = await client.get(f"/api/v1/meetings/{meeting_id}/status-report", headers=headers)
        json_seconds = time.perf_counter() - started
        report.raise_for_status()
        started = time.perf_counter()
        document = await client.get(f"/api/v1/meetings/{meeting_id}/status-report.pdf", headers=headers)
        seconds = time.perf_counter() - started
        document.raise_for_status()
    return {
        "json_seconds": round(json_seconds, 3),
        "seconds": round(seconds, 3),
        "bytes": len(document.content),
        "groups": len(report.json()["groups"]),
        "directives": len(report.json()["directives"]),
    }


if __name__ == "__main__":
    print(json.dumps(asyncio.run(build(sys.argv[1], sys.argv[2]))))
