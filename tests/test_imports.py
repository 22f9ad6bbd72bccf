"""Importing member lists from CSV and XLSX: per-row report, duplicates, encodings, dry run."""

from __future__ import annotations

import io
import uuid
from datetime import date
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from openpyxl import Workbook
from sqlalchemy import func, select

from api.imports import service as import_service
from api.models import AuditEvent, Member, Membership
from tests.conftest import Account, UserFactory, audit_events

URL = "/api/v1/imports/members"
HEADER = (
    "Vorname;Nachname;Titel;E-Mail;Telefon;Organisation;Engagement;Funktion;Sprachen;Status;"
    "Arbeitskreise;Eintrittsdatum"
)


async def _organisation(
    client: httpx.AsyncClient, account: Account, name: str, short: str | None = None
) -> str:
    response = await client.post(
        "/api/v1/organisations",
        json={"name": name, "short_name": short, "kind": "welfare_association"},
        headers=account.headers,
    )
    assert response.status_code == 201, response.text
    return str(response.json()["id"])


async def _upload(
    client: httpx.AsyncClient,
    account: Account,
    content: bytes,
    *,
    dry_run: bool = True,
    filename: str = "mitglieder.csv",
    content_type: str = "text/csv",
) -> httpx.Response:
    return await client.post(
        URL,
        params={"dry_run": str(dry_run).lower()},
        files={"file": (filename, content, content_type)},
        headers=account.headers,
    )


async def _count(app: FastAPI, model: Any) -> int:
    async with app.state.sessionmaker() as session:
        return int(await session.scalar(select(func.count()).select_from(model)) or 0)


def _csv(*rows: str, header: str = HEADER, bom: bool = True, encoding: str = "utf-8") -> bytes:
    text = "\r\n".join([header, *rows]) + "\r\n"
    return (b"\xef\xbb\xbf" if bom else b"") + text.encode(encoding)


@pytest.fixture
async def coordinator(make_user: UserFactory) -> Account:
    return await make_user("coordinator")


async def test_dry_run_reports_and_writes_nothing_then_commit_creates(
    client: httpx.AsyncClient, coordinator: Account, app: FastAPI, bodies: dict[str, uuid.UUID]
) -> None:
    await _organisation(client, coordinator, "Arbeiterwohlfahrt Gifhorn", "AWO")
    content = _csv(
        "Ayşe;Yılmaz;Dr.;Ayse.Yilmaz@Example.org;05371 98765;awo;Hauptamt;Migrationsberatung;"
        "Türkisch, de;aktiv;AK Bildung, Teilhabe;01.03.2019",
        "Jonas;Becker;;;;;Ehrenamt;;;;;",
    )
    dry = await _upload(client, coordinator, content)
    assert dry.status_code == 200, dry.text
    report = dry.json()
    assert report["dry_run"] is True
    assert (report["file_type"], report["encoding"], report["delimiter"]) == ("csv", "utf-8-sig", ";")
    assert report["ignored_columns"] == []
    assert report["columns"]["E-Mail"] == "email"
    assert report["totals"] == {"rows": 2, "created": 2, "updated": 0, "unchanged": 0, "rejected": 0}
    assert report["rows"][0] == {
        "row": 2,
        "action": "created",
        "member_id": None,
        "fields": [
            "email",
            "engagement",
            "family_name",
            "function",
            "given_name",
            "joined_on",
            "languages",
            "organisation_id",
            "phone",
            "status",
            "title",
        ],
        "working_groups": ["AK Bildung", "AK Teilhabe"],
        "errors": [],
    }
    assert report["rows"][1]["fields"] == ["engagement", "family_name", "given_name"]
    assert await _count(app, Member) == 0
    assert await _count(app, Membership) == 0
    assert await audit_events(app, "member.import") == []

    done = await _upload(client, coordinator, content, dry_run=False)
    assert done.status_code == 200, done.text
    result = done.json()
    assert result["dry_run"] is False
    assert result["totals"] == report["totals"]
    member_id = result["rows"][0]["member_id"]
    member = (await client.get(f"/api/v1/members/{member_id}", headers=coordinator.headers)).json()
    assert member["given_name"] == "Ayşe"
    assert member["email"] == "ayse.yilmaz@example.org"
    assert member["languages"] == ["de", "tr"]
    assert member["joined_on"] == "2019-03-01"
    assert member["engagement"] == "professional"
    memberships = (
        await client.get("/api/v1/memberships", params={"member_id": member_id}, headers=coordinator.headers)
    ).json()["items"]
    assert sorted((m["body_id"], m["role"]) for m in memberships) == sorted(
        [(str(bodies["AK Bildung"]), "member"), (str(bodies["AK Teilhabe"]), "member")]
    )
    [event] = await audit_events(app, "member.import")
    assert event.actor_id == coordinator.user.id
    assert event.details == {
        "rows": 2,
        "created": 2,
        "updated": 0,
        "unchanged": 0,
        "rejected": 0,
        "memberships": 2,
        "file_type": "csv",
        "encoding": "utf-8-sig",
    }
    creates = await audit_events(app, "member.create")
    assert len(creates) == 2
    assert all(e.details["source"] == "import" for e in creates)
    assert "Yılmaz" not in str([e.details for e in creates])


async def test_duplicates_in_file_and_against_database(
    client: httpx.AsyncClient, coordinator: Account, app: FastAPI, bodies: dict[str, uuid.UUID]
) -> None:
    awo = await _organisation(client, coordinator, "Arbeiterwohlfahrt Gifhorn", "AWO")
    existing = await client.post(
        "/api/v1/members",
        json={
            "given_name": "Ayşe",
            "family_name": "Yılmaz",
            "email": "ayse@example.org",
            "engagement": "professional",
            "function": "Leitung",
        },
        headers=coordinator.headers,
    )
    by_name = await client.post(
        "/api/v1/members",
        json={
            "given_name": "Jonas",
            "family_name": "Becker",
            "organisation_id": awo,
            "engagement": "volunteer",
        },
        headers=coordinator.headers,
    )
    assert existing.status_code == by_name.status_code == 201
    content = _csv(
        # 2: matches by e-mail (not by name); only the empty phone is filled, nothing overwritten
        "Ayşe;Yılmaz-Demir;;AYSE@example.org;05371 1;;Hauptamt;Beratung;;;;",
        # 3: same e-mail again in the file
        "Aylin;Yılmaz;;ayse@example.org;;;Hauptamt;;;;;",
        # 4: matches by name and organisation; joins a working group
        "jonas;BECKER;;jonas@example.org;;AWO;Ehrenamt;;;;AK Bildung;",
        # 5: same name and organisation as row 4
        "Jonas;Becker;;;;Arbeiterwohlfahrt Gifhorn;Ehrenamt;;;;;",
        # 6: new
        "Mira;Schulz;;mira@example.org;;;Ehrenamt;;;;;",
        # 7: same existing member as row 2, found by name (no e-mail)
        "Ayşe;Yılmaz;;;;;Hauptamt;;;;;",
    )
    response = await _upload(client, coordinator, content, dry_run=False)
    assert response.status_code == 200, response.text
    rows = {row["row"]: row for row in response.json()["rows"]}
    assert rows[2]["action"] == "updated"
    assert rows[2]["member_id"] == existing.json()["id"]
    assert rows[2]["fields"] == ["phone"]
    assert rows[3]["action"] == "rejected"
    assert rows[3]["errors"] == [
        {
            "field": "email",
            "column": "E-Mail",
            "message": "Gleiche E-Mail-Adresse wie Zeile 2.",
            "code": "duplicate_in_file",
        }
    ]
    assert rows[4]["action"] == "updated"
    assert rows[4]["member_id"] == by_name.json()["id"]
    assert (rows[4]["fields"], rows[4]["working_groups"]) == (["email"], ["AK Bildung"])
    assert rows[5]["errors"][0]["code"] == "duplicate_in_file"
    assert rows[5]["errors"][0]["message"] == "Gleicher Name und gleiche Organisation wie Zeile 4."
    assert rows[6]["action"] == "created"
    assert rows[7]["action"] == "rejected"
    assert rows[7]["errors"][0]["message"] == "Dasselbe vorhandene Mitglied wie Zeile 2."
    assert response.json()["totals"] == {"rows": 6, "created": 1, "updated": 2, "unchanged": 0, "rejected": 3}
    ayse = (await client.get(f"/api/v1/members/{existing.json()['id']}", headers=coordinator.headers)).json()
    assert (ayse["function"], ayse["phone"], ayse["family_name"]) == ("Leitung", "05371 1", "Yılmaz")

    again = await _upload(client, coordinator, _csv("Jonas;Becker;;;;AWO;Ehrenamt;;;;AK Bildung;"))
    assert again.json()["rows"][0]["action"] == "unchanged"


async def test_bad_values_are_rejected_per_field(
    client: httpx.AsyncClient, coordinator: Account, app: FastAPI, bodies: dict[str, uuid.UUID]
) -> None:
    content = _csv(
        "Ayşe;Yılmaz;;not-an-email;;;Hauptamt;;;;AK Kochen;",
        ";Becker;;;12ab;Unbekannter Verein;Freiwillig;;Klingonisch;weg;;31.02.2020",
        "Mira;Schulz;;mira@example.org;;;Ehrenamt;;;;;",
    )
    response = await _upload(client, coordinator, content, dry_run=False)
    assert response.status_code == 200, response.text
    report = response.json()
    assert report["totals"] == {"rows": 3, "created": 1, "updated": 0, "unchanged": 0, "rejected": 2}
    first, second, third = report["rows"]
    assert first["errors"] == [
        {
            "field": "email",
            "column": "E-Mail",
            "message": "Keine gültige E-Mail-Adresse.",
            "code": "invalid_email",
        },
        {
            "field": "working_groups",
            "column": "Arbeitskreise",
            "message": "Unbekannter Arbeitskreis „AK Kochen“.",
            "code": "unknown_working_group",
        },
    ]
    assert [(e["field"], e["column"], e["code"]) for e in second["errors"]] == [
        ("given_name", "Vorname", "required"),
        ("phone", "Telefon", "invalid_phone"),
        ("organisation", "Organisation", "unknown_organisation"),
        ("engagement", "Engagement", "invalid_engagement"),
        ("languages", "Sprachen", "unknown_language"),
        ("status", "Status", "invalid_status"),
        ("joined_on", "Eintrittsdatum", "invalid_date"),
    ]
    assert second["errors"][2]["message"] == (
        "Unbekannte Organisation „Unbekannter Verein“; bitte zuerst unter Organisationen anlegen."
    )
    assert (first["member_id"], second["member_id"]) == (None, None)
    assert third["action"] == "created"
    assert await _count(app, Member) == 1


async def test_latin1_and_comma_and_english_headers(client: httpx.AsyncClient, coordinator: Account) -> None:
    content = _csv(
        "Jürgen,Müßig,juergen@example.org,Ehrenamt,Französisch",
        header="given_name,family_name,email,engagement,languages,Notiz",
        bom=False,
        encoding="cp1252",
    )
    report = (await _upload(client, coordinator, content)).json()
    assert (report["encoding"], report["delimiter"]) == ("cp1252", ",")
    assert report["ignored_columns"] == ["Notiz"]
    assert report["rows"][0]["action"] == "created"
    await _upload(client, coordinator, content, dry_run=False)
    members = (await client.get("/api/v1/members", headers=coordinator.headers)).json()["items"]
    assert [(m["given_name"], m["family_name"], m["languages"]) for m in members] == [
        ("Jürgen", "Müßig", ["fr"])
    ]

    utf8 = _csv("Jürgen;Müßig;;;;;Ehrenamt;;;;;", bom=False)
    assert (await _upload(client, coordinator, utf8)).json()["encoding"] == "utf-8"
    # Bytes that are undefined in Windows-1252 fall back to Latin-1.
    latin1 = "Vorname;Nachname;Engagement\r\nA\x81;B;Ehrenamt\r\n".encode("latin-1")
    assert (await _upload(client, coordinator, latin1)).json()["encoding"] == "latin-1"


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"", "empty_file"),
        (b"\xef\xbb\xbf\r\n", "empty_file"),
        (HEADER.encode() + b"\r\n", "no_rows"),
        (b"\x00\x01\x02binary", "unsupported_file_type"),
        (b"PK\x03\x04garbage", "invalid_xlsx"),
    ],
)
async def test_unusable_files_answer_422(
    client: httpx.AsyncClient, coordinator: Account, app: FastAPI, content: bytes, code: str
) -> None:
    response = await _upload(client, coordinator, content, dry_run=False)
    assert response.status_code == 422, response.text
    assert response.headers["content-type"] == "application/problem+json"
    [error] = response.json()["errors"]
    assert (error["location"], error["field"], error["code"]) == ("body", "file", code)
    assert response.json()["detail"] == error["message"]
    assert await audit_events(app, "member.import") == []


async def test_missing_required_columns(client: httpx.AsyncClient, coordinator: Account) -> None:
    response = await _upload(client, coordinator, b"Name;E-Mail\r\nA;a@example.org\r\n")
    assert response.status_code == 422
    assert [(e["code"], e["context"]) for e in response.json()["errors"]] == [
        ("missing_column", {"column": "Vorname"}),
        ("missing_column", {"column": "Nachname"}),
        ("missing_column", {"column": "Engagement"}),
    ]


async def test_zip_that_is_not_a_workbook(client: httpx.AsyncClient, coordinator: Account) -> None:
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "hello")
    response = await _upload(client, coordinator, buffer.getvalue())
    assert response.json()["errors"][0]["code"] == "unsupported_file_type"


async def test_xlsx_import(
    client: httpx.AsyncClient, coordinator: Account, app: FastAPI, bodies: dict[str, uuid.UUID]
) -> None:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(
        ["Vorname", "Nachname", "E-Mail", "Telefon", "Engagement", "Arbeitskreise", "Eintrittsdatum"]
    )
    sheet.append(["Ayşe", "Yılmaz", "ayse@example.org", 5371987, "Hauptamt", "Bildung", date(2020, 5, 4)])
    sheet.append(["Jonas", "Becker", "kaputt@", None, "Ehrenamt", None, "gestern"])
    sheet.append([None, None, None, None, None, None, None])
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = await _upload(
        client,
        coordinator,
        buffer.getvalue(),
        dry_run=False,
        filename="liste.xlsx",
        content_type="application/octet-stream",
    )
    assert response.status_code == 200, response.text
    report = response.json()
    assert (report["file_type"], report["encoding"], report["delimiter"]) == ("xlsx", None, None)
    assert report["totals"] == {"rows": 2, "created": 1, "updated": 0, "unchanged": 0, "rejected": 1}
    assert report["rows"][0]["working_groups"] == ["AK Bildung"]
    assert [e["code"] for e in report["rows"][1]["errors"]] == ["invalid_email", "invalid_date"]
    member = (
        await client.get(f"/api/v1/members/{report['rows'][0]['member_id']}", headers=coordinator.headers)
    ).json()
    assert (member["phone"], member["joined_on"]) == ("5371987", "2020-05-04")


async def test_failed_commit_writes_nothing(
    client: httpx.AsyncClient, coordinator: Account, app: FastAPI, monkeypatch: pytest.MonkeyPatch
) -> None:
    original = import_service.apply_import

    async def failing(*args: Any, **kwargs: Any) -> int:
        await original(*args, **kwargs)
        raise RuntimeError("disk full")

    monkeypatch.setattr(import_service, "apply_import", failing)
    content = _csv("Mira;Schulz;;mira@example.org;;;Ehrenamt;;;;;", "Jonas;Becker;;;;;Ehrenamt;;;;;")
    response = await _upload(client, coordinator, content, dry_run=False)
    assert response.status_code == 500
    assert await _count(app, Member) == 0
    async with app.state.sessionmaker() as session:
        actions = (await session.scalars(select(AuditEvent.action))).all()
    assert "member.create" not in actions
    assert "member.import" not in actions


@pytest.mark.parametrize("role", ["spokesperson", "member", "steering"])
async def test_only_admins_and_coordinators_import(
    client: httpx.AsyncClient, make_user: UserFactory, app: FastAPI, role: Any
) -> None:
    account = await make_user(role)
    response = await _upload(client, account, _csv("Mira;Schulz;;;;;Ehrenamt;;;;;"))
    assert response.status_code == 403
    [denied] = await audit_events(app, "access.denied")
    assert denied.details == {"method": "POST", "path": URL}


async def test_admin_imports_and_anonymous_is_refused(client: httpx.AsyncClient, admin: Account) -> None:
    assert (await _upload(client, admin, _csv("Mira;Schulz;;;;;Ehrenamt;;;;;"))).status_code == 200
    anonymous = await client.post(URL, files={"file": ("a.csv", b"x", "text/csv")})
    assert anonymous.status_code == 401


async def test_file_too_large(
    client: httpx.AsyncClient, coordinator: Account, monkeypatch: pytest.MonkeyPatch
) -> None:
    from api.imports import router

    monkeypatch.setattr(router, "MAX_FILE_BYTES", 100)
    response = await _upload(client, coordinator, _csv(*["Mira;Schulz;;;;;Ehrenamt;;;;;"] * 10))
    assert response.status_code == 413
    assert response.json()["type"] == "urn:netzwerk:problem:payload-too-large"
