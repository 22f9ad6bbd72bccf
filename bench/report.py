"""Build one meeting's status report as a PDF in this process, as ``bench/run.py`` times it.

    python -m bench.report MEETING_ID SIZE   (the database from the size's manifest)

Prints the seconds and the PDF's size as JSON; the caller reads the peak memory from wait4.
"""

from __future__ import annotations

import asyncio
import json
import sys
import time

from bench.inprocess import logged_in


async def build(meeting_id: str, size: str) -> dict[str, float]:
    async with logged_in(size) as bench:
        client, headers = bench.client, bench.headers
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
