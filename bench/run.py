"""The load benchmark: the real server on a generated dataset, driven by wrk at several concurrencies.

    make bench                        # S, L and XL at 1, 8 and 32 clients
    python -m bench.run --sizes S,XL --clients 32 --duration 5

For each size it generates the dataset once (PostgreSQL database ``bench_<size>``, kept for later
runs), migrates it, starts uvicorn with 2 workers on loopback and runs every scenario with wrk
(``bench/wrk/rotate.lua`` rotates through the scenario's paths: filters, searches, ids, pages). Each
scenario is compared with ``/bench/ceiling/<bytes>`` of the same server at the same concurrency and
response size. Then, with the server stopped, it times ``netzwerk export`` and the status report
in their own processes and reads their peak memory (wait4's maxrss).

Raw numbers go to ``bench/results/<date>-<size>.json``, the Markdown tables to stdout and to
``bench/results/<date>.md``.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import asyncpg
import httpx

from bench.generate import DATA_DIR, SIZES
from bench.inprocess import JWT_SECRET

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
LUA = ROOT / "bench" / "wrk" / "rotate.lua"
PYTHON = sys.executable


@dataclass
class Scenario:
    name: str
    kind: str  # list, detail, dashboard, sync, calendar, oparl, mix
    paths: list[str]  # "<caller> <path>", caller: user, partner or anonymous
    body_bytes: int = 0


@dataclass
class Measurement:
    scenario: str
    kind: str
    clients: int
    rps: float
    p50_ms: float
    p95_ms: float
    p99_ms: float
    errors: int
    body_bytes: int
    ceiling_rps: float = 0.0

    @property
    def ratio(self) -> float:
        return self.rps / self.ceiling_rps if self.ceiling_rps else 0.0


@dataclass
class SizeResult:
    size: str
    rows: dict[str, int]
    measurements: list[Measurement] = field(default_factory=list)
    jobs: dict[str, dict[str, float]] = field(default_factory=dict)


# --- the dataset and the server -------------------------------------------------------------------


def database_url(base: str, size: str) -> str:
    return f"{base.rstrip('/')}/bench_{size.lower()}"


async def ensure_database(url: str) -> bool:
    """Create the database if it is missing; True when it already held a generated dataset."""
    plain = url.replace("+asyncpg", "")
    server, name = plain.rsplit("/", 1)
    admin = await asyncpg.connect(f"{server}/postgres")
    try:
        if not await admin.fetchval("SELECT 1 FROM pg_database WHERE datname = $1", name):
            await admin.execute(f'CREATE DATABASE "{name}"')
            return False
    finally:
        await admin.close()
    connection = await asyncpg.connect(plain)
    try:
        return bool(await connection.fetchval("SELECT to_regclass('members') IS NOT NULL")) and bool(
            await connection.fetchval("SELECT count(*) > 0 FROM members")
        )
    finally:
        await connection.close()


def environment(url: str) -> dict[str, str]:
    return {
        **os.environ,
        "NETZWERK_DATABASE_URL": url,
        "NETZWERK_JWT_SECRET": JWT_SECRET,
        "NETZWERK_ACCESS_TOKEN_MINUTES": "15",
        "NETZWERK_LOG_LEVEL": "WARNING",
        "NETZWERK_DATA_DIR": str(ROOT / "bench" / ".data" / "server"),
    }


def prepare(size: str, url: str, regenerate: bool) -> dict[str, Any]:
    manifest_file = DATA_DIR / f"{size}.json"
    has_data = asyncio.run(ensure_database(url))
    if regenerate or not has_data or not manifest_file.exists():
        print(f"== generating {size} into {url}", flush=True)
        subprocess.run(
            [PYTHON, "-m", "bench.generate", "--size", size, "--database-url", url, "--reset"], check=True
        )
    subprocess.run([PYTHON, "-m", "api.cli", "migrate"], env=environment(url), check=True, cwd=ROOT)
    manifest: dict[str, Any] = json.loads(manifest_file.read_text())
    return manifest


@contextmanager
def server(url: str, port: int) -> Iterator[str]:
    command = [PYTHON, "-m", "uvicorn", "bench.server:create_app", "--factory", "--workers", "2"]
    command += ["--host", "127.0.0.1", "--port", str(port), "--no-access-log", "--log-level", "warning"]
    process = subprocess.Popen(command, env=environment(url), cwd=ROOT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{base}/readyz", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline or process.poll() is not None:
                raise SystemExit("the benchmark server did not start")
            time.sleep(0.3)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=30)


def tokens(base: str, manifest: dict[str, Any]) -> dict[str, str]:
    user = httpx.post(
        f"{base}/api/v1/auth/token", data={"grant_type": "password", **manifest["coordinator"]}, timeout=30
    )
    user.raise_for_status()
    partner = httpx.post(
        f"{base}/api/v1/auth/token",
        data={"grant_type": "client_credentials", **manifest["partner"]},
        timeout=30,
    )
    partner.raise_for_status()
    return {"user": user.json()["access_token"], "partner": partner.json()["access_token"]}


# --- the scenarios --------------------------------------------------------------------------------


PARTNER_RESOURCES = {
    "members": "Mitglieder",
    "offers": "Angebote",
    "meetings": "Sitzungen",
    "measures": "Maßnahmen",
    "organisations": "Organisationen",
}


def scenarios(base: str, auth: dict[str, str], calendar_token: str) -> list[Scenario]:
    """The paths a coordinator, a partner system, calendar apps and OParl crawlers request."""
    user = {"Authorization": f"Bearer {auth['user']}"}

    def items(path: str, **params: Any) -> list[dict[str, Any]]:
        response = httpx.get(f"{base}{path}", params=params, headers=user, timeout=60)
        response.raise_for_status()
        found: list[dict[str, Any]] = response.json()["items"]
        return found

    groups = [b["id"] for b in items("/api/v1/bodies", kind="working_group", limit=6)]
    steering = items("/api/v1/bodies", kind="steering_group", limit=1)[0]["id"]
    members = [m["id"] for m in items("/api/v1/members", limit=40, offset=100)]
    measures = [m["id"] for m in items("/api/v1/measures", limit=40, offset=100)]
    meetings = [m["id"] for m in items("/api/v1/meetings", limit=40, offset=100)]
    submissions = [s["id"] for s in items("/api/v1/submissions", limit=40, status="decided")]
    goals = [g["id"] for g in items("/api/v1/concept/goals", limit=10)]
    organisations = [o["id"] for o in items("/api/v1/organisations", limit=10, offset=20)]
    this_year = datetime.now(UTC).year

    def each(template: str, values: list[str]) -> list[str]:
        return [f"user {template.format(v)}" for v in values]

    member_list = [
        "user /api/v1/members?limit=50",
        "user /api/v1/members?limit=50&q=meyer",
        "user /api/v1/members?limit=50&q=anna%20k",
        "user /api/v1/members?limit=50&status=active&engagement=volunteer",
        "user /api/v1/members?limit=50&language=ar",
        "user /api/v1/members?limit=50&sort=-created_at",
        "user /api/v1/members?limit=50&offset=200",
        *each("/api/v1/members?limit=50&body_id={}", groups[:3]),
        *each("/api/v1/members?limit=50&organisation_id={}", organisations[:3]),
    ]
    measure_list = [
        "user /api/v1/measures?limit=50",
        "user /api/v1/measures?limit=50&status=in_progress",
        "user /api/v1/measures?limit=50&q=sprachkurs",
        f"user /api/v1/measures?limit=50&active_from={this_year}-01-01&active_to={this_year}-12-31",
        "user /api/v1/measures?limit=50&offset=200",
        *each("/api/v1/measures?limit=50&body_id={}", groups[:3]),
        *each("/api/v1/measures?limit=50&goal_id={}", goals[:3]),
        *each("/api/v1/measures?limit=50&organisation_id={}", organisations[:3]),
    ]
    meeting_list = [
        "user /api/v1/meetings?limit=50",
        "user /api/v1/meetings?limit=50&status=planned&sort=starts_at",
        f"user /api/v1/meetings?limit=50&from={this_year}-01-01&to={this_year}-12-31",
        "user /api/v1/meetings?limit=50&q=elterncaf%C3%A9",
        *each("/api/v1/meetings?limit=50&body_id={}&sort=-starts_at", groups[:4]),
    ]
    other_lists = {
        "Organisationen: Liste": [
            "user /api/v1/organisations?limit=50",
            "user /api/v1/organisations?limit=50&q=sprach",
        ],
        "Angebote: Liste": ["user /api/v1/offers?limit=50", "user /api/v1/offers?limit=50&published=true"],
        "Vorlagen: Liste": [
            "user /api/v1/submissions?limit=50",
            "user /api/v1/submissions?limit=50&status=decided",
        ],
        "Aufträge: Liste": [
            "user /api/v1/directives?limit=50",
            "user /api/v1/directives?limit=50&overdue=true",
        ],
        "Bedarfe: Liste": ["user /api/v1/needs?limit=50", "user /api/v1/needs?limit=50&status=open"],
    }
    audit_list = [
        "user /api/v1/audit-events?limit=50",
        "user /api/v1/audit-events?limit=50&action=member.update",
        f"user /api/v1/audit-events?limit=50&object_id={members[0]}",
    ]
    partner_sync: dict[str, list[str]] = {}
    for resource, title in PARTNER_RESOURCES.items():
        paths = partner_sync.setdefault(f"Partner-Sync: {title}", [])
        paths.append(f"partner /api/v1/partner/{resource}?limit=100")
        for years_ago in (1, 3, 6):
            since = (datetime.now(UTC) - timedelta(days=365 * years_ago)).strftime("%Y-%m-%dT%H:%M:%SZ")
            paths.append(f"partner /api/v1/partner/{resource}?limit=100&modified_since={since}")
        page = httpx.get(
            f"{base}/api/v1/partner/{resource}?limit=100",
            headers={"Authorization": f"Bearer {auth['partner']}"},
            timeout=60,
        ).json()
        for _ in range(3):
            if not page.get("next_cursor"):
                break
            paths.append(f"partner /api/v1/partner/{resource}?limit=100&cursor={page['next_cursor']}")
            page = httpx.get(
                f"{base}/api/v1/partner/{resource}",
                params={"limit": 100, "cursor": page["next_cursor"]},
                headers={"Authorization": f"Bearer {auth['partner']}"},
                timeout=60,
            ).json()
    oparl = {
        f"OParl: {name}": [f"anonymous /oparl/1.1/body/netzwerk/{name}{page}" for page in ("", "?page=2")]
        for name in ("meeting", "paper", "person", "organization", "agendaItem")
    }
    coordinator = [
        Scenario("Mitglieder: Liste", "list", member_list),
        Scenario("Maßnahmen: Liste", "list", measure_list),
        Scenario("Sitzungen: Liste", "list", meeting_list),
        *(Scenario(name, "list", paths) for name, paths in other_lists.items()),
        Scenario("Audit-Log: Liste", "list", audit_list),
        Scenario("Mitglied: Detail", "detail", each("/api/v1/members/{}", members)),
        Scenario("Maßnahme: Detail", "detail", each("/api/v1/measures/{}", measures)),
        Scenario("Sitzung: Detail", "detail", each("/api/v1/meetings/{}", meetings)),
        Scenario("Sitzung: Tagesordnung", "detail", each("/api/v1/meetings/{}/agenda-items", meetings)),
        Scenario("Vorlage: Detail", "detail", each("/api/v1/submissions/{}", submissions)),
        Scenario("Dashboard", "dashboard", ["user /api/v1/dashboard"]),
    ]
    others = [
        *(Scenario(name, "sync", paths) for name, paths in partner_sync.items()),
        Scenario(
            "Kalender: Gremien", "calendar", each("/api/v1/calendars/bodies/{}.ics", [*groups[:4], steering])
        ),
        Scenario(
            "Kalender: Netzwerk (öffentlich)", "calendar", ["anonymous /api/v1/public/calendars/network.ics"]
        ),
        Scenario(
            "Kalender: persönlich", "calendar", [f"anonymous /api/v1/calendars/private/{calendar_token}.ics"]
        ),
        *(Scenario(name, "oparl", paths) for name, paths in oparl.items()),
    ]
    everything = [path for scenario in coordinator + others for path in scenario.paths]
    return [*coordinator, *others, Scenario("Mischung (alle oben)", "mix", everything)]


def measure_sizes(base: str, auth: dict[str, str], found: list[Scenario]) -> None:
    """Every path must answer 200 before it is timed; the mean body size picks the ceiling."""
    for scenario in found:
        sizes = []
        for line in scenario.paths:
            caller, path = line.split(" ", 1)
            headers = {"Authorization": f"Bearer {auth[caller]}"} if caller in auth else {}
            response = httpx.get(f"{base}{path}", headers=headers, timeout=120)
            if response.status_code != 200:
                raise SystemExit(f"{path} answered {response.status_code}: {response.text[:300]}")
            sizes.append(len(response.content))
        scenario.body_bytes = round(sum(sizes) / len(sizes))


# --- wrk ------------------------------------------------------------------------------------------


def wrk(base: str, paths: list[str], auth: dict[str, str], clients: int, seconds: int) -> dict[str, Any]:
    with tempfile.NamedTemporaryFile("w", suffix=".paths", delete=False) as handle:
        handle.write("\n".join(paths) + "\n")
    env = {**os.environ, "BENCH_PATHS": handle.name}
    env.update({f"BENCH_TOKEN_{caller.upper()}": token for caller, token in auth.items()})
    command = [
        "wrk",
        "-t",
        str(min(clients, 2)),
        "-c",
        str(clients),
        "-d",
        f"{seconds}s",
        "--timeout",
        "10s",
    ]
    command += ["-s", str(LUA), base]
    try:
        output = subprocess.run(command, env=env, capture_output=True, text=True, check=True).stdout
    finally:
        os.unlink(handle.name)
    result: dict[str, Any] = json.loads(output.strip().splitlines()[-1])
    return result


def wait_until_idle(base: str, limit_seconds: float = 180) -> None:
    """wrk stops, but the server still works off the requests it accepted; the next scenario must not
    pay for them. Idle: a health check answers within 50 ms twice in a row."""
    deadline, quick = time.monotonic() + limit_seconds, 0
    while quick < 2 and time.monotonic() < deadline:
        started = time.perf_counter()
        httpx.get(f"{base}/healthz", timeout=limit_seconds)
        quick = quick + 1 if time.perf_counter() - started < 0.05 else 0
        time.sleep(0.2)


def ceiling_bucket(body_bytes: int) -> int:
    """Bodies within about 20% share one ceiling run."""
    return int(2 ** (round(math.log2(max(body_bytes, 64)) * 4) / 4))


def run_size(size: str, args: argparse.Namespace) -> SizeResult:
    url = database_url(args.database, size)
    manifest = prepare(size, url, args.regenerate)
    result = SizeResult(size, manifest["rows"])
    with server(url, args.port) as base:
        auth = tokens(base, manifest)
        found = [s for s in scenarios(base, auth, manifest["calendar_token"]) if args.only in s.name]
        measure_sizes(base, auth, found)
        for clients in args.clients:
            auth = tokens(base, manifest)  # access tokens live 15 minutes
            ceilings: dict[int, float] = {}
            for scenario in found:
                wait_until_idle(base)
                raw = wrk(base, scenario.paths, auth, clients, args.duration)
                bucket = ceiling_bucket(scenario.body_bytes)
                if bucket not in ceilings:
                    wait_until_idle(base)
                    top = wrk(base, [f"anonymous /bench/ceiling/{bucket}"], {}, clients, args.duration)
                    ceilings[bucket] = top["requests"] / (top["duration_us"] / 1e6)
                measurement = Measurement(
                    scenario=scenario.name,
                    kind=scenario.kind,
                    clients=clients,
                    rps=raw["requests"] / (raw["duration_us"] / 1e6),
                    p50_ms=raw["p50_us"] / 1000,
                    p95_ms=raw["p95_us"] / 1000,
                    p99_ms=raw["p99_us"] / 1000,
                    errors=raw["socket_errors"] + raw["status_errors"],
                    body_bytes=scenario.body_bytes,
                    ceiling_rps=ceilings[bucket],
                )
                result.measurements.append(measurement)
                print(
                    f"{size:>2} c={clients:<2} {scenario.name:<32} {measurement.rps:8.1f} req/s  p95 "
                    f"{measurement.p95_ms:7.1f} ms  err {measurement.errors}  ratio {measurement.ratio:.2f}",
                    flush=True,
                )
        steering_meeting = next_steering_meeting(base, auth)
    if not args.only:
        result.jobs["Intranet-Export (voll)"] = export_job(url)
        result.jobs["Sachstandsbericht (PDF, JSON)"] = report_job(url, size, steering_meeting)
        for name, job in result.jobs.items():
            print(f"{size:>2} {name}: {job_seconds(job)} s, peak {job['peak_mb']:.0f} MB", flush=True)
    return result


def next_steering_meeting(base: str, auth: dict[str, str]) -> str:
    headers = {"Authorization": f"Bearer {auth['user']}"}
    bodies = httpx.get(
        f"{base}/api/v1/bodies", params={"kind": "steering_group", "limit": 1}, headers=headers
    )
    steering = bodies.json()["items"][0]["id"]
    meetings = httpx.get(
        f"{base}/api/v1/meetings",
        params={"body_id": steering, "status": "planned", "sort": "starts_at", "limit": 1},
        headers=headers,
        timeout=60,
    )
    meeting_id: str = meetings.json()["items"][0]["id"]
    return meeting_id


# --- the batch jobs -------------------------------------------------------------------------------


def timed(command: list[str], env: dict[str, str]) -> tuple[float, float, str]:
    """Wall seconds, peak resident memory (MB) and stdout of a child process."""
    started = time.perf_counter()
    with tempfile.TemporaryFile("w+") as out:
        process = subprocess.Popen(command, env=env, cwd=ROOT, stdout=out)
        _pid, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        output = out.read()
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed with exit code {process.returncode}")
    return seconds, usage.ru_maxrss / 1024, output


def export_job(url: str) -> dict[str, float]:
    folder = Path(tempfile.mkdtemp(prefix="bench-export-"))
    try:
        seconds, peak, _ = timed([PYTHON, "-m", "api.cli", "export", "--out", str(folder)], environment(url))
        size = sum(f.stat().st_size for f in (folder / "current").rglob("*") if f.is_file())
    finally:
        shutil.rmtree(folder)
    return {"seconds": seconds, "peak_mb": peak, "mb": size / 1e6}


def report_job(url: str, size: str, meeting_id: str) -> dict[str, float]:
    seconds, peak, output = timed([PYTHON, "-m", "bench.report", meeting_id, size], environment(url))
    inner = json.loads(output)
    return {
        "seconds": inner["seconds"],
        "json_seconds": inner["json_seconds"],
        "process_seconds": seconds,
        "peak_mb": peak,
        "mb": inner["bytes"] / 1e6,
    }


# --- the report -----------------------------------------------------------------------------------


def job_seconds(job: dict[str, float]) -> str:
    """The job's seconds; the status report also names its JSON alone (the PDF renders it)."""
    json_part = f" (JSON {job['json_seconds']:.1f})" if "json_seconds" in job else ""
    return f"{job['seconds']:.1f}{json_part}"


def machine() -> str:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if "model name" in line
        ),
        "unknown CPU",
    )
    memory_kb = int(Path("/proc/meminfo").read_text().split()[1])
    postgres = subprocess.run(["psql", "--version"], capture_output=True, text=True).stdout.strip()
    python = sys.version.split()[0]
    return f"{os.cpu_count()} cores ({cpu}), {memory_kb / 1024**2:.0f} GiB RAM, {postgres}, Python {python}"


def markdown(results: list[SizeResult], args: argparse.Namespace) -> str:
    lines = [
        f"Run {datetime.now(UTC):%Y-%m-%d %H:%M} UTC on {machine()}.",
        f"uvicorn with 2 workers on PostgreSQL, wrk for {args.duration} s per cell; latencies in ms.",
        "",
    ]
    for result in results:
        rows = result.rows
        lines += [
            f"### {result.size}: {rows.get('members', 0):,} members, {rows.get('measures', 0):,} measures, "
            f"{rows.get('meetings', 0):,} meetings, {rows.get('attendances', 0):,} attendances, "
            f"{rows.get('submissions', 0):,} submissions, {rows.get('audit_events', 0):,} audit rows",
            "",
            "| Endpoint | Clients | req/s | p50 | p95 | p99 | Errors | Body | Ceiling req/s | Ratio |",
            "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
        ]
        for m in result.measurements:
            if m.rps == 0:
                lines.append(
                    f"| {m.scenario} | {m.clients} | 0 | no answer within {args.duration} s | | | "
                    f"{m.errors} | {m.body_bytes / 1000:.1f} kB | {m.ceiling_rps:.0f} | 0% |"
                )
                continue
            lines.append(
                f"| {m.scenario} | {m.clients} | {m.rps:.0f} | {m.p50_ms:.1f} | {m.p95_ms:.1f} "
                f"| {m.p99_ms:.1f} | {m.errors} | {m.body_bytes / 1000:.1f} kB | {m.ceiling_rps:.0f} "
                f"| {m.ratio:.0%} |"
            )
        if result.jobs:
            lines += ["", "| Job | Seconds | Peak memory | Output |", "|---|--:|--:|--:|"]
            for name, job in result.jobs.items():
                lines.append(
                    f"| {name} | {job_seconds(job)} | {job['peak_mb']:.0f} MB | {job['mb']:.1f} MB |"
                )
        lines.append("")
    if len(results) > 1:
        first, last = results[0], results[-1]
        top = max(args.clients)
        lines += [
            f"### p95 growth {first.size} → {last.size} at {top} clients",
            "",
            f"| Endpoint | p95 {first.size} | p95 {last.size} | Growth |",
            "|---|--:|--:|--:|",
        ]
        small = {m.scenario: m for m in first.measurements if m.clients == top}
        for m in last.measurements:
            if m.clients == top and m.scenario in small:
                base = small[m.scenario].p95_ms
                if m.rps == 0 or small[m.scenario].rps == 0:
                    lines.append(f"| {m.scenario} | {base:.1f} | no answer within {args.duration} s | |")
                    continue
                lines.append(f"| {m.scenario} | {base:.1f} | {m.p95_ms:.1f} | {m.p95_ms / base:.1f} x |")
        lines.append("")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="S,L,XL", type=lambda v: [s.strip().upper() for s in v.split(",")])
    parser.add_argument("--clients", default="1,8,32", type=lambda v: [int(c) for c in v.split(",")])
    parser.add_argument("--duration", type=int, default=5, help="seconds per wrk run")
    parser.add_argument("--database", default="postgresql+asyncpg://postgres@127.0.0.1:5432")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--only", default="", help="run only the scenarios whose name contains this")
    parser.add_argument("--regenerate", action="store_true", help="generate the datasets again")
    args = parser.parse_args(argv)
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is missing: apt-get install wrk")
    unknown = set(args.sizes) - set(SIZES)
    if unknown:
        raise SystemExit(f"unknown sizes {sorted(unknown)}; choose from {sorted(SIZES)}")
    results = [run_size(size, args) for size in args.sizes]
    RESULTS.mkdir(exist_ok=True)
    stamp = f"{datetime.now(UTC):%Y-%m-%dT%H%M}"
    for result in results:
        (RESULTS / f"{stamp}-{result.size}.json").write_text(
            json.dumps(
                {
                    "size": result.size,
                    "rows": result.rows,
                    "jobs": result.jobs,
                    "measurements": [m.__dict__ | {"ratio": m.ratio} for m in result.measurements],
                },
                indent=2,
            )
        )
    report = markdown(results, args)
    (RESULTS / f"{stamp}.md").write_text(report)
    print(report)


if __name__ == "__main__":
    main()
