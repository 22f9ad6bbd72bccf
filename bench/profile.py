"""Profile one endpoint in-process with pyinstrument on a generated dataset.

    python -m bench.profile XL "/api/v1/members?limit=50" --repeat 50

Settings come from the dataset's manifest; the caller is the bench coordinator (``--partner`` for
the partner API). Prints the call tree of the repeated requests and the SQL statements per request.
"""

from __future__ import annotations

import argparse
import asyncio
import time

from pyinstrument import Profiler
from sqlalchemy import event

from bench.inprocess import logged_in


async def profile(size: str, path: str, repeat: int, partner: bool) -> None:
    async with logged_in(size, partner=partner) as bench:
        client, headers = bench.client, bench.headers
        statements: list[tuple[str, float]] = []
        started_at: list[float] = []
        engine = bench.app.state.engine.sync_engine
        event.listen(engine, "before_cursor_execute", lambda *a: started_at.append(time.perf_counter()))
        event.listen(
            engine,
            "after_cursor_execute",
            lambda *a: statements.append((a[2], time.perf_counter() - started_at.pop())),
        )
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
    print("Statements of one request, with their mean time over the repeats (ms):")
    per_request = len(statements) // repeat
    for position, (statement, _) in enumerate(statements[:per_request]):
        mean = sum(seconds for _, seconds in statements[position::per_request]) / repeat
        print(f"--- {mean * 1000:7.1f}", " ".join(statement.split())[:300])


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
