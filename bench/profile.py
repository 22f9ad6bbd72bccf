"""Profile one endpoint in-process with pyinstrument on a generated dataset.

    python -m bench.profile XL "/api/v1/members?limit=50" --repeat 50

Settings come from the dataset's manifest; the caller is the bench coordinator (``--partner`` for
the partner API). Prints the call tree of the repeated requests and the SQL statements per request.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import time

import httpx
from pyinstrument import Profiler
from sqlalchemy import event

from bench.generate import DATA_DIR


async def profile(size: str, path: str, repeat: int, partner: bool) -> None:
    manifest = json.loads((DATA_DIR / f"{size}.json").read_text())
    os.environ["NETZWERK_DATABASE_URL"] = manifest["database_url"]
    os.environ.setdefault("NETZWERK_JWT_SECRET", "bench-signing-key-" + "0123456789" * 4)
    os.environ["NETZWERK_LOG_LEVEL"] = "WARNING"
    from api.main import create_app

    app = create_app()
    statements: list[str] = []
    event.listen(app.state.engine.sync_engine, "before_cursor_execute", lambda *a: statements.append(a[2]))
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:
        form = (
            {"grant_type": "client_credentials", **manifest["partner"]}
            if partner
            else {"grant_type": "password", **manifest["coordinator"]}
        )
        login = await client.post("/api/v1/auth/token", data=form)
        login.raise_for_status()
        headers = {"Authorization": f"Bearer {login.json()['access_token']}"}
        (await client.get(path, headers=headers)).raise_for_status()  # warm up
        statements.clear()
        profiler = Profiler(async_mode="enabled")
        started = time.perf_counter()
        with profiler:
            for _ in range(repeat):
                response = await client.get(path, headers=headers)
                response.raise_for_status()
        elapsed = time.perf_counter() - started
    print(profiler.output_text(unicode=True, color=False, show_all=False))
    print(f"{elapsed / repeat * 1000:.1f} ms per request, {len(statements) / repeat:.1f} statements each")
    for statement in statements[: len(statements) // repeat]:
        print("---", " ".join(statement.split())[:300])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("size")
    parser.add_argument("path")
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--partner", action="store_true")
    args = parser.parse_args()
    asyncio.run(profile(args.size.upper(), args.path, args.repeat, args.partner))


if __name__ == "__main__":
    main()
