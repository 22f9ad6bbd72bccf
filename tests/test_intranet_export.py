"""The intranet export (`netzwerk export`): complete snapshots that verify, switched in atomically,
nothing of people without consent, incremental files with exactly the changes, the ZIP download."""

from __future__ import annotations

import asyncio
import csv
import hashlib
import io
import itertools
import json
import os
import re
import shutil
import subprocess
import sys
import time
import uuid
import zipfile
from collections.abc import Iterator
from datetime import UTC, date, datetime
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import httpx
import pytest
from fastapi import FastAPI
from icalendar import Calendar
from openpyxl import load_workbook
from sqlalchemy import select

from api.bodies.service import seed_bodies
from api.cli import PROJECT_ROOT
from api.consents.service import record_consent
from api.core.config import Settings
from api.demo.activity import seed_activity
from api.demo.concept import seed_concept
from api.demo.measures import seed_measures
from api.demo.service import seed_directory
from api.demo.submissions import seed_submissions
from api.exports.measures import MEASURE_COLUMNS
from api.exports.service import ORGANISATION_COLUMNS, PUBLIC_MEMBER_COLUMNS
from api.intranet import calendars
from api.intranet.cli import export_command
from api.intranet.service import SnapshotResult, build_snapshot, read_session
from api.intranet.snapshot import export_lock
from api.models import (
    Body,
    ConceptEdition,
    ConsentRecord,
    Measure,
    Meeting,
    Member,
    Membership,
    Offer,
    Organisation,
    Submission,
)
from tests.conftest import Account, UserFactory, audit_events
from tests.test_partners import bearer, register

RESOURCES = (
    "bodies",
    "organisations",
    "members",
    "memberships",
    "meetings",
    "measures",
    "decisions",
    "directives",
    "offers",
)
DEMO_SLUGS = (
    "ak-bildung",
    "ak-familienleben",
    "ak-ausbildung-und-arbeit",
    "ak-teilhabe",
    "steuerungsgruppe",
    "netzwerk",
)
PAGES = (
    "index.html",
    "gremien.html",
    "sitzungen.html",
    "massnahmen.html",
    "beschluesse.html",
    "angebote.html",
    "konzept.html",
)
LISTS = {
    "mitglieder": PUBLIC_MEMBER_COLUMNS,
    "organisationen": ORGANISATION_COLUMNS,
    "massnahmen": list(MEASURE_COLUMNS.values()),
}


async def _demo(app: FastAPI) -> None:
    async with app.state.sessionmaker() as session, session.begin():
        await seed_bodies(session)
        await seed_directory(session)
        await seed_activity(session)
        await seed_concept(session)
        await seed_measures(session)
        await seed_submissions(session)


async def _export(
    app: FastAPI, settings: Settings, out_dir: Path, since: datetime | None = None
) -> SnapshotResult:
    async with read_session(app.state.sessionmaker) as session:
        return await build_snapshot(session, settings, out_dir, since=since)


def verify(folder: Path) -> dict[str, Any]:
    """The manifest lists exactly the files present, each with its true size and SHA-256."""
    manifest: dict[str, Any] = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    present = {str(path.relative_to(folder)) for path in folder.rglob("*") if path.is_file()}
    assert present - {"manifest.json"} == {entry["path"] for entry in manifest["files"]}
    for entry in manifest["files"]:
        data = (folder / entry["path"]).read_bytes()
        assert (len(data), hashlib.sha256(data).hexdigest()) == (entry["size"], entry["sha256"]), entry[
            "path"
        ]
    return manifest


def _json(folder: Path, resource: str) -> dict[str, Any]:
    document: dict[str, Any] = json.loads((folder / "json" / f"{resource}.json").read_text(encoding="utf-8"))
    return document


def _ids(document: dict[str, Any]) -> set[str]:
    return {item["id"] for item in document["items"]}


def _table_lines(rows: Iterator[Any]) -> str:
    return "\n".join(" ".join(str(cell) for cell in row if cell not in (None, "")) for row in rows)


def texts(folder: Path) -> dict[str, str]:
    """Every file as searchable text; CSV and XLSX as their cells, a row per line, space-separated
    (so "Vorname Nachname" is found across the two columns)."""
    result = {}
    for path in folder.rglob("*"):
        if not path.is_file():
            continue
        relative = str(path.relative_to(folder))
        if path.suffix == ".xlsx":
            workbook = load_workbook(path, read_only=True)
            result[relative] = "\n".join(
                _table_lines(sheet.iter_rows(values_only=True))  # type: ignore[union-attr]
                for sheet in workbook.worksheets
            )
            workbook.close()
        elif path.suffix == ".csv":
            reader = csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig")), delimiter=";")
            result[relative] = _table_lines(iter(reader))
        else:
            result[relative] = path.read_text(encoding="utf-8")
    return result


def found(folder: Path, needles: set[str]) -> dict[str, list[str]]:
    """Which needles occur in which files (empty when none does anywhere)."""
    hits: dict[str, list[str]] = {}
    for relative, text in texts(folder).items():
        for needle in needles:
            if needle in text:
                hits.setdefault(needle, []).append(relative)
    return hits


async def _listed_ids(app: FastAPI, purpose: str = "directory_listing") -> set[uuid.UUID]:
    """Live members whose latest record for ``purpose`` is ``given``, computed here in Python."""
    async with app.state.sessionmaker() as session:
        records = (
            await session.scalars(
                select(ConsentRecord)
                .where(ConsentRecord.purpose == purpose)
                .order_by(ConsentRecord.recorded_at)
            )
        ).all()
        live = set((await session.scalars(select(Member.id).where(Member.deleted_at.is_(None)))).all())
    latest = {record.member_id: record.action for record in records}
    return {member_id for member_id, action in latest.items() if action == "given" and member_id in live}


def _environment(database_url: str, data_dir: Path) -> dict[str, str]:
    environment = {key: value for key, value in os.environ.items() if not key.startswith("NETZWERK_")}
    return environment | {
        "NETZWERK_DATABASE_URL": database_url,
        "NETZWERK_DATA_DIR": str(data_dir),
        "NETZWERK_LOG_LEVEL": "WARNING",
    }


async def test_a_full_snapshot_has_every_file_and_its_manifest_verifies(
    app: FastAPI, settings: Settings, tmp_path: Path
) -> None:
    await _demo(app)
    out_dir = tmp_path / "exports"
    result = await _export(app, settings, out_dir)

    folder = out_dir / "current"
    assert os.readlink(folder) == result.name == os.readlink(out_dir / "current-full")
    manifest = verify(folder)
    assert (manifest["kind"], manifest["incremental"], manifest["since"]) == ("full", False, None)
    assert datetime.fromisoformat(manifest["next_since"]) <= datetime.fromisoformat(manifest["created_at"])
    expected = (
        {f"json/{name}.json" for name in (*RESOURCES, "concept")}
        | {f"{kind}/{stem}.{kind}" for stem in LISTS for kind in ("csv", "xlsx")}
        | {"ics/alle-sitzungen.ics", *(f"ics/gremium-{slug}.ics" for slug in DEMO_SLUGS)}
        | {*PAGES, *(f"gremium-{slug}.html" for slug in DEMO_SLUGS)}
    )
    assert {entry["path"] for entry in manifest["files"]} == expected
    assert all(entry["complete"] for entry in manifest["files"])
    assert (result.files, result.bytes) == (
        len(expected) + 1,
        sum(path.stat().st_size for path in folder.rglob("*") if path.is_file()),
    )

    async with app.state.sessionmaker() as session:
        meetings = (await session.scalars(select(Meeting).where(Meeting.deleted_at.is_(None)))).all()
        bodies = {body.id: body for body in await session.scalars(select(Body))}
        measures = set((await session.scalars(select(Measure.id).where(Measure.deleted_at.is_(None)))).all())
        decided = set(
            (
                await session.scalars(
                    select(Submission.id).where(
                        Submission.status == "decided", Submission.deleted_at.is_(None)
                    )
                )
            ).all()
        )
        offers = set(
            (
                await session.scalars(
                    select(Offer.id)
                    .join(Organisation, Organisation.id == Offer.organisation_id)
                    .where(
                        Offer.published.is_(True),
                        Offer.deleted_at.is_(None),
                        Organisation.deleted_at.is_(None),
                        (Offer.valid_until.is_(None)) | (Offer.valid_until >= datetime.now(UTC).date()),
                    )
                )
            ).all()
        )
        edition = await session.scalar(
            select(ConceptEdition.id).where(
                ConceptEdition.kind == "concept", ConceptEdition.status == "adopted"
            )
        )
        members = {member.id: member for member in await session.scalars(select(Member))}
    listed, sharing = await _listed_ids(app), await _listed_ids(app, "contact_sharing")

    for resource in RESOURCES:
        document = _json(folder, resource)
        assert (document["resource"], document["incremental"], document["deleted"]) == (resource, False, [])
        assert manifest["counts"][resource] == {"items": len(document["items"]), "deleted": 0}
    assert _ids(_json(folder, "members")) == {str(member_id) for member_id in listed}
    for item in _json(folder, "members")["items"]:
        member = members[uuid.UUID(item["id"])]
        shared = member.id in sharing
        assert (item["email"], item["phone"]) == ((member.email, member.phone) if shared else (None, None))
    assert _ids(_json(folder, "meetings")) == {str(meeting.id) for meeting in meetings}
    assert all("online_url" not in item for item in _json(folder, "meetings")["items"])
    assert _ids(_json(folder, "measures")) == {str(measure_id) for measure_id in measures}
    assert _ids(_json(folder, "decisions")) == {str(submission_id) for submission_id in decided}
    assert _ids(_json(folder, "offers")) == {str(offer_id) for offer_id in offers}
    assert _ids(_json(folder, "bodies")) == {str(body_id) for body_id in bodies}
    memberships = _json(folder, "memberships")["items"]
    assert memberships
    assert {item["member_id"] for item in memberships} <= {str(m) for m in listed}
    assert json.loads((folder / "json/concept.json").read_text())["edition"]["id"] == str(edition)

    for stem, columns in LISTS.items():
        rows = list(
            csv.reader(io.StringIO((folder / f"csv/{stem}.csv").read_text("utf-8-sig")), delimiter=";")
        )
        workbook = load_workbook(folder / f"xlsx/{stem}.xlsx", read_only=True)
        sheet_rows = list(workbook.worksheets[0].iter_rows(values_only=True))  # type: ignore[union-attr]
        workbook.close()
        assert rows[0] == columns, stem
        assert list(sheet_rows[0]) == columns, stem
        assert len(rows) == len(sheet_rows) == manifest["counts"]["lists"][stem] + 1, stem
    assert len(rows) - 1 == len(measures)
    assert manifest["counts"]["lists"]["mitglieder"] == len(listed)

    def events(path: str) -> set[str]:
        calendar = Calendar.from_ical((folder / path).read_bytes())
        return {str(event["uid"]).split("@")[0] for event in calendar.walk("VEVENT")}

    assert events("ics/alle-sitzungen.ics") == {str(meeting.id) for meeting in meetings}
    for slug, short_name in zip(
        DEMO_SLUGS,
        (
            "AK Bildung",
            "AK Familienleben",
            "AK Ausbildung und Arbeit",
            "AK Teilhabe",
            "Steuerungsgruppe",
            "Netzwerk",
        ),
        strict=True,
    ):
        own = {str(m.id) for m in meetings if bodies[m.body_id].short_name == short_name}
        assert own, slug
        assert events(f"ics/gremium-{slug}.ics") == own, slug

    # Online links let people into a meeting: they are in no file (the demo has some).
    links = {meeting.online_url for meeting in meetings if meeting.online_url}
    assert links
    assert found(folder, links) == {}


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.open: list[str] = []
        self.table_children: list[list[str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if self.table_children and tag not in ("br",):
            self.table_children[-1].append(tag)
        if tag == "table":
            self.table_children.append([])


def _parse(path: Path) -> _PageParser:
    parser = _PageParser()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


async def test_pages_are_german_structured_and_every_link_works_from_the_file_system(
    app: FastAPI, settings: Settings, tmp_path: Path
) -> None:
    await _demo(app)
    folder = (await _export(app, settings, tmp_path / "exports")).folder
    pages = sorted(folder.glob("*.html"))
    assert len(pages) == len(PAGES) + len(DEMO_SLUGS)
    ids = {page.name: {attrs["id"] for _tag, attrs in _parse(page).tags if attrs.get("id")} for page in pages}
    for page in pages:
        parsed = _parse(page)
        tags = [tag for tag, _attrs in parsed.tags]
        attributes = dict(parsed.tags)
        assert attributes["html"].get("lang") == "de", page.name
        assert (tags.count("h1"), tags.count("main"), tags.count("script")) == (1, 1, 0), page.name
        first_link = next(attrs for tag, attrs in parsed.tags if tag == "a")
        assert first_link["href"] == "#inhalt", page.name
        assert "inhalt" in ids[page.name], page.name
        assert (tags.count("style"), tags.count("link")) == (1, 0), page.name  # one file per page
        headings = [int(tag[1]) for tag in tags if re.fullmatch(r"h[1-6]", tag)]
        assert all(later - earlier <= 1 for earlier, later in itertools.pairwise(headings)), page
        for tag, attrs in parsed.tags:
            if tag == "th":
                assert attrs.get("scope") in ("col", "row"), page.name
        assert tags.count("table") == tags.count("caption"), page.name
        for tag, attrs in parsed.tags:
            href = attrs.get("href")
            if tag != "a" or href is None or href.startswith(("mailto:", "https://", "http://")):
                continue
            target = urlsplit(href)
            assert (target.scheme, target.netloc, href.startswith("/")) == ("", "", False), href
            file_name = unquote(target.path) or page.name
            assert (folder / file_name).is_file(), (page.name, href)
            if target.fragment:
                assert target.fragment in ids[file_name], (page.name, href)
    overview = (folder / "gremien.html").read_text()
    assert all(f'href="gremium-{slug}.html"' in overview for slug in DEMO_SLUGS)


async def test_no_one_without_consent_appears_and_a_withdrawal_arrives_as_removed(
    app: FastAPI, settings: Settings, tmp_path: Path
) -> None:
    await _demo(app)
    async with app.state.sessionmaker() as session, session.begin():
        bodies = {body.short_name: body for body in await session.scalars(select(Body))}
        hidden = Member(
            given_name="Quirin",
            family_name="Unsichtbar",
            email="quirin.unsichtbar@example.org",
            phone="0170 1111111",
            engagement="volunteer",
        )
        contact_only = Member(
            given_name="Walburga",
            family_name="Nurkontakt",
            email="walburga.nurkontakt@example.org",
            engagement="professional",
        )
        withdrawing = Member(
            given_name="Hedwig",
            family_name="Widerruf",
            email="hedwig.widerruf@example.org",
            phone="0170 2222222",
            engagement="professional",
        )
        session.add_all([hidden, contact_only, withdrawing])
        await session.flush()
        seats = [
            Membership(member_id=member.id, body_id=bodies[body].id, role=role, start_on=date(2020, 1, 1))
            for member, body, role in (
                (hidden, "AK Bildung", "spokesperson"),
                (withdrawing, "AK Teilhabe", "spokesperson"),
                (withdrawing, "Netzwerk", "member"),
            )
        ]
        session.add_all(seats)
        for member, purpose in (
            (contact_only, "contact_sharing"),
            (withdrawing, "directory_listing"),
            (withdrawing, "contact_sharing"),
        ):
            await record_consent(
                session,
                member,
                purpose=purpose,
                action="given",
                text_version="2026-01",
                channel="paper",
                actor_id=None,
            )
        members = list(await session.scalars(select(Member)))
    listed = await _listed_ids(app)
    unlisted = [member for member in members if member.id not in listed]
    assert {hidden.id, contact_only.id} <= {member.id for member in unlisted}
    assert len(unlisted) > 10
    listed_names = {f"{m.given_name} {m.family_name}" for m in members if m.id in listed}
    needles = {str(member.id) for member in unlisted}
    needles |= {value for member in unlisted for value in (member.email, member.phone) if value}
    # A name shared with someone listed may rightly appear; every other name of the unlisted may not.
    needles |= {f"{m.given_name} {m.family_name}" for m in unlisted} - listed_names

    out_dir = tmp_path / "exports"
    first = (await _export(app, settings, out_dir)).folder
    assert found(first, needles) == {}
    hedwig = {"Hedwig Widerruf", "hedwig.widerruf@example.org", "0170 2222222"}
    seen = found(first, hedwig)
    assert set(seen) == hedwig
    assert {"csv/mitglieder.csv", "xlsx/mitglieder.xlsx", "gremium-ak-teilhabe.html"} <= set(
        seen["Hedwig Widerruf"]
    )
    assert "json/members.json" in seen["hedwig.widerruf@example.org"]
    assert str(withdrawing.id) in _ids(_json(first, "members"))
    assert "Quirin" not in (first / "gremium-ak-bildung.html").read_text()

    since = datetime.now(UTC)
    async with app.state.sessionmaker() as session, session.begin():
        member = await session.get(Member, withdrawing.id)
        assert member is not None
        await record_consent(
            session,
            member,
            purpose="directory_listing",
            action="withdrawn",
            text_version="2026-01",
            channel="email",
            actor_id=None,
        )
    incremental = (await _export(app, settings, out_dir, since=since)).folder
    members_json = _json(incremental, "members")
    assert (members_json["incremental"], members_json["items"], members_json["deleted"]) == (
        True,
        [],
        [str(withdrawing.id)],
    )
    memberships = _json(incremental, "memberships")
    assert memberships["items"] == []
    assert sorted(memberships["deleted"]) == sorted(
        str(seat.id) for seat in seats if seat.member_id == withdrawing.id
    )
    # Removed means no data: her id only in the deleted list, her name and contact nowhere.
    assert found(incremental, needles | hedwig) == {}
    full = (await _export(app, settings, out_dir)).folder
    assert found(full, needles | hedwig | {str(withdrawing.id)}) == {}


async def test_since_lists_exactly_the_changed_rows(app: FastAPI, settings: Settings, tmp_path: Path) -> None:
    await _demo(app)
    out_dir = tmp_path / "exports"
    full = await _export(app, settings, out_dir)
    listed = await _listed_ids(app)
    since = datetime.now(UTC)
    async with app.state.sessionmaker() as session, session.begin():
        measure = await session.scalar(
            select(Measure).where(Measure.deleted_at.is_(None)).order_by(Measure.id)
        )
        member = await session.scalar(select(Member).where(Member.id.in_(listed)).order_by(Member.id))
        assert measure is not None
        assert member is not None
        measure.title = f"{measure.title} (geändert)"
        member.function = "Neue Funktion im Netzwerk"
    result = await _export(app, settings, out_dir, since=since)

    folder = out_dir / "current"
    assert os.readlink(folder) == result.name
    assert result.name.endswith("-incremental")
    assert os.readlink(out_dir / "current-full") == full.name  # downloads keep the full one
    manifest = verify(folder)
    assert (manifest["kind"], manifest["incremental"]) == ("incremental", True)
    assert datetime.fromisoformat(manifest["since"]) == since
    complete = {entry["path"]: entry["complete"] for entry in manifest["files"]}
    assert [path for path, whole in complete.items() if not whole] == [
        f"json/{name}.json" for name in sorted(RESOURCES)
    ]
    changed = {"measures": [str(measure.id)], "members": [str(member.id)]}
    for resource in RESOURCES:
        document = _json(folder, resource)
        assert (document["incremental"], document["since"]) == (True, since.isoformat())
        assert ([item["id"] for item in document["items"]], document["deleted"]) == (
            changed.get(resource, []),
            [],
        ), resource
    assert _json(folder, "members")["items"][0]["function"] == "Neue Funktion im Netzwerk"
    assert _json(folder, "measures")["items"][0]["title"].endswith("(geändert)")
    # Lists, calendars and pages stay complete: people read them.
    assert (
        manifest["counts"]["lists"]
        == json.loads((full.folder / "manifest.json").read_text())["counts"]["lists"]
    )


_SLOW_EXPORT = """
import sys, time
from api.intranet.snapshot import SnapshotBuilder

record = SnapshotBuilder.record

def slow(self, *args, **kwargs):
    entry = record(self, *args, **kwargs)
    time.sleep(0.25)  # widens the window in which the test kills the process
    return entry

SnapshotBuilder.record = slow
from api.cli import main
sys.exit(main(sys.argv[1:]))
"""


async def test_a_killed_export_leaves_the_previous_snapshot_in_place(
    app: FastAPI, settings: Settings, database_url: str, tmp_path: Path
) -> None:
    await _demo(app)
    out_dir = tmp_path / "exports"
    environment = _environment(database_url, tmp_path / "data")
    netzwerk = Path(sys.executable).parent / "netzwerk"
    done = subprocess.run(  # noqa: ASYNC221 - nothing else runs meanwhile
        [str(netzwerk), "export", "--out", str(out_dir)],
        env=environment,
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    summary = re.fullmatch(
        r"export (snapshot-\S+-full): full, (\d+) files, (\d+) bytes, [\d.]+ s -> \S+\n", done.stdout
    )
    assert summary is not None, done.stdout
    previous = summary.group(1)
    manifest = verify(out_dir / "current")
    assert int(summary.group(2)) == len(manifest["files"]) + 1
    [audit] = await audit_events(app, "intranet.export")
    assert (audit.outcome, audit.details["trigger"], audit.details["snapshot"]) == (
        "success",
        "cli",
        previous,
    )
    assert audit.details["counts"]["members"] == manifest["counts"]["members"]

    killed = subprocess.Popen(  # noqa: ASYNC220 - the test waits for the file system meanwhile
        [sys.executable, "-c", _SLOW_EXPORT, "export", "--out", str(out_dir)],
        env=environment,
        cwd=PROJECT_ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 120
    try:
        while True:
            building = list(out_dir.glob(".tmp-snapshot-*"))
            if building and sum(1 for path in building[0].rglob("*") if path.is_file()) >= 6:
                break
            assert killed.poll() is None, "the export ended before it could be killed"
            assert time.monotonic() < deadline
            await asyncio.sleep(0.02)
    finally:
        killed.kill()
        killed.wait()

    assert os.readlink(out_dir / "current") == previous == os.readlink(out_dir / "current-full")
    assert verify(out_dir / "current") == manifest
    visible = sorted(path.name for path in out_dir.iterdir() if not path.name.startswith("."))
    assert visible == sorted(["current", "current-full", previous])
    assert len(await audit_events(app, "intranet.export")) == 1

    # The next export clears the dead one's build folder and switches in a new snapshot.
    result = await _export(app, settings, out_dir)
    assert not list(out_dir.glob(".tmp-*"))
    assert os.readlink(out_dir / "current") == result.name
    verify(out_dir / "current")
    assert (out_dir / previous / "manifest.json").is_file()


async def test_a_failing_export_exits_non_zero_and_changes_nothing(
    app: FastAPI,
    settings: Settings,
    bodies: dict[str, uuid.UUID],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    out_dir = tmp_path / "exports"
    previous = await _export(app, settings, out_dir)

    async def disk_full(*_args: Any, **_kwargs: Any) -> int:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(calendars, "write_calendars", disk_full)
    code = await asyncio.to_thread(export_command, settings, out=out_dir, since=None)
    assert code == 1
    assert "previous snapshot is unchanged" in capsys.readouterr().err
    assert os.readlink(out_dir / "current") == previous.name
    verify(out_dir / "current")
    assert sorted(path.name for path in out_dir.iterdir()) == sorted(
        [".lock", "current", "current-full", previous.name]
    )
    [audit] = await audit_events(app, "intranet.export")
    assert (audit.outcome, audit.details) == ("failure", {"trigger": "cli", "error": "OSError"})

    monkeypatch.undo()
    assert await asyncio.to_thread(export_command, settings, out=out_dir, since="not a time") == 2
    assert await asyncio.to_thread(export_command, settings, out=tmp_path / "empty", since="last") == 2
    with export_lock(out_dir):
        assert await asyncio.to_thread(export_command, settings, out=out_dir, since=None) == 1
    assert "another export is running" in capsys.readouterr().err


async def test_old_snapshots_are_pruned_but_the_current_full_one_is_kept(
    app: FastAPI, settings: Settings, bodies: dict[str, uuid.UUID], tmp_path: Path
) -> None:
    out_dir = tmp_path / "exports"
    full = await _export(app, settings, out_dir)
    names = [full.name]
    for _ in range(4):
        result = await _export(app, settings, out_dir, since=datetime.now(UTC))
        names.append(result.name)
    kept = sorted(path.name for path in out_dir.iterdir() if path.name.startswith("snapshot-"))
    assert kept == sorted([full.name, *names[-3:]])
    assert os.readlink(out_dir / "current-full") == full.name
    assert os.readlink(out_dir / "current") == names[-1]
    assert len(await audit_events(app, "intranet.export")) == 0  # in-process builds; the CLI and API audit
    # --since last continues where the current snapshot says.
    code = await asyncio.to_thread(export_command, settings, out=out_dir, since="last")
    assert code == 0
    [audit] = await audit_events(app, "intranet.export")
    current = json.loads((out_dir / names[-1] / "manifest.json").read_text())
    assert audit.details["since"] == current["next_since"]


def _verify_zip(data: bytes) -> dict[str, Any]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        manifest: dict[str, Any] = json.loads(archive.read("manifest.json"))
        assert set(archive.namelist()) == {"manifest.json", *(entry["path"] for entry in manifest["files"])}
        for entry in manifest["files"]:
            content = archive.read(entry["path"])
            assert (len(content), hashlib.sha256(content).hexdigest()) == (entry["size"], entry["sha256"])
    return manifest


async def test_api_clients_with_scope_export_download_the_snapshot_as_zip(
    app: FastAPI,
    client: httpx.AsyncClient,
    settings: Settings,
    admin: Account,
    make_user: UserFactory,
    bodies: dict[str, uuid.UUID],
) -> None:
    export_dir = settings.effective_export_dir
    shutil.rmtree(export_dir, ignore_errors=True)  # the settings, and so the folder, are per session
    async with app.state.sessionmaker() as session, session.begin():
        member = Member(
            given_name="Lena", family_name="Export", email="lena@example.org", engagement="volunteer"
        )
        session.add(member)
        await session.flush()
        await record_consent(
            session,
            member,
            purpose="directory_listing",
            action="given",
            text_version="2026-01",
            channel="paper",
            actor_id=None,
        )
    exporter = await bearer(client, await register(client, admin, None, "export"))
    other = await bearer(client, await register(client, admin, None, "meetings:read"))
    coordinator = await make_user("coordinator")

    assert (await client.get("/api/v1/partner/export", headers=exporter)).status_code == 404
    assert (await client.post("/api/v1/exports/intranet", headers=coordinator.headers)).status_code == 403
    created = await client.post("/api/v1/exports/intranet", headers=admin.headers)
    assert created.status_code == 201, created.text
    snapshot = created.json()
    assert snapshot["kind"] == "full"
    assert (export_dir / snapshot["name"] / "manifest.json").is_file()

    download = await client.get("/api/v1/partner/export", headers=exporter)
    assert download.status_code == 200, download.text
    assert download.headers["content-type"] == "application/zip"
    assert (
        download.headers["content-disposition"] == f'attachment; filename="intranet-{snapshot["name"]}.zip"'
    )
    manifest = _verify_zip(download.content)
    assert (manifest["snapshot"], len(manifest["files"]) + 1) == (snapshot["name"], snapshot["files"])
    with zipfile.ZipFile(io.BytesIO(download.content)) as archive:
        members = json.loads(archive.read("json/members.json"))
    assert [item["given_name"] for item in members["items"]] == ["Lena"]

    assert (await client.get("/api/v1/partner/export", headers=other)).status_code == 403
    assert (await client.get("/api/v1/partner/export", headers=admin.headers)).status_code == 401
    assert (
        await client.get("/api/v1/exports/intranet/latest", headers=coordinator.headers)
    ).status_code == 403
    latest = await client.get("/api/v1/exports/intranet/latest", headers=admin.headers)
    assert latest.status_code == 200
    assert _verify_zip(latest.content) == manifest

    with export_lock(export_dir):
        busy = await client.post("/api/v1/exports/intranet", headers=admin.headers)
    assert busy.status_code == 409, busy.text

    [built] = await audit_events(app, "intranet.export")
    assert (built.actor_id, built.details["trigger"], built.details["counts"]["members"]) == (
        admin.user.id,
        "api",
        {"items": 1, "deleted": 0},
    )
    downloads = await audit_events(app, "intranet.download")
    assert [(event.object_type, event.actor_id) for event in downloads] == [
        ("api_client", None),
        ("intranet_snapshot", admin.user.id),
    ]
    assert all("Lena" not in json.dumps(event.details) for event in [built, *downloads])
