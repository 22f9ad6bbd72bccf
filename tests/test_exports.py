"""Exports of the directory lists: columns per role, CSV for German Excel, formula guard, audit."""

from __future__ import annotations

import csv
import io
import uuid
from datetime import datetime
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from openpyxl import load_workbook

from api.models.base import today
from tests.conftest import Account, UserFactory, audit_events

URL = "/api/v1/exports"
REASON = {"reason": "Einladung zum Netzwerktreffen"}
FULL = [
    "ID",
    "Titel",
    "Vorname",
    "Nachname",
    "E-Mail",
    "Telefon",
    "Organisation",
    "Engagement",
    "Funktion",
    "Sprachen",
    "Status",
    "Arbeitskreise",
    "Eintrittsdatum",
    "Austrittsdatum",
]
PUBLIC = FULL[:11]


def _rows(response: httpx.Response) -> list[list[str]]:
    assert response.content.startswith(b"\xef\xbb\xbf")
    text = response.content.decode("utf-8-sig")
    assert "\r\n" in text
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))


@pytest.fixture
async def coordinator(make_user: UserFactory) -> Account:
    return await make_user("coordinator")


@pytest.fixture
async def directory(
    client: httpx.AsyncClient, coordinator: Account, bodies: dict[str, uuid.UUID]
) -> dict[str, Any]:
    organisation = await client.post(
        "/api/v1/organisations",
        json={"name": '=HYPERLINK("http://evil")', "kind": "other", "phone": "+49 5371 1"},
        headers=coordinator.headers,
    )
    ayse = await client.post(
        "/api/v1/members",
        json={
            "title": "Dr.",
            "given_name": "Ayşe",
            "family_name": "Yılmaz",
            "email": "ayse@example.org",
            "phone": "+49 5371 98765",
            "organisation_id": organisation.json()["id"],
            "engagement": "professional",
            "function": "=1+1",
            "languages": ["tr", "de"],
            "joined_on": "2019-03-01",
            "internal_notes": "Geheime Notiz",
        },
        headers=coordinator.headers,
    )
    jonas = await client.post(
        "/api/v1/members",
        json={
            "given_name": "Jonas",
            "family_name": "Becker",
            "engagement": "volunteer",
            "email": "j@example.org",
        },
        headers=coordinator.headers,
    )
    assert ayse.status_code == jonas.status_code == 201
    membership = await client.post(
        "/api/v1/memberships",
        json={"member_id": ayse.json()["id"], "body_id": str(bodies["AK Bildung"])},
        headers=coordinator.headers,
    )
    assert membership.status_code == 201
    return {"organisation": organisation.json(), "ayse": ayse.json(), "jonas": jonas.json()}


async def test_coordinator_csv_has_all_fields_but_notes(
    client: httpx.AsyncClient, coordinator: Account, directory: dict[str, Any], app: FastAPI
) -> None:
    response = await client.get(f"{URL}/members.csv", params=REASON, headers=coordinator.headers)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    name = f"Mitglieder-{today().isoformat()}.csv"
    assert (
        response.headers["content-disposition"] == f"attachment; filename=\"{name}\"; filename*=UTF-8''{name}"
    )
    rows = _rows(response)
    assert rows[0] == FULL
    ayse = directory["ayse"]
    assert rows[1][2:5] == ["Jonas", "Becker", "j@example.org"]
    assert rows[2] == [
        ayse["id"],
        "Dr.",
        "Ayşe",
        "Yılmaz",
        "ayse@example.org",
        "'+49 5371 98765",
        '\'=HYPERLINK("http://evil")',
        "Hauptamt",
        "'=1+1",
        "de, tr",
        "aktiv",
        "AK Bildung",
        "01.03.2019",
        "",
    ]
    assert len(rows) == 3
    assert b"Geheime Notiz" not in response.content
    [event] = await audit_events(app, "export.members")
    assert event.actor_id == coordinator.user.id
    assert event.details == {
        "format": "csv",
        "rows": 2,
        "filters": [],
        "reason": "Einladung zum Netzwerktreffen",
    }


async def test_filters_and_search_apply(
    client: httpx.AsyncClient, coordinator: Account, directory: dict[str, Any], app: FastAPI
) -> None:
    response = await client.get(
        f"{URL}/members.csv",
        params=REASON | {"engagement": "volunteer", "q": "beck"},
        headers=coordinator.headers,
    )
    rows = _rows(response)
    assert [row[3] for row in rows[1:]] == ["Becker"]
    [event] = await audit_events(app, "export.members")
    assert (event.details["rows"], event.details["filters"]) == (1, ["engagement", "q"])
    assert "beck" not in str(event.details)


@pytest.mark.parametrize("params", [{}, {"reason": "abc"}, {"reason": "      "}])
async def test_reason_is_required(
    client: httpx.AsyncClient, coordinator: Account, app: FastAPI, params: dict[str, str]
) -> None:
    for path in ("members.csv", "members.xlsx"):
        response = await client.get(f"{URL}/{path}", params=params, headers=coordinator.headers)
        assert response.status_code == 422, response.text
        [error] = response.json()["errors"]
        assert (error["location"], error["field"]) == ("query", "reason")
    assert await audit_events(app, "export.members") == []


async def test_other_roles_get_public_fields_of_listed_members(
    client: httpx.AsyncClient,
    coordinator: Account,
    make_user: UserFactory,
    directory: dict[str, Any],
    app: FastAPI,
) -> None:
    member = await make_user("member")
    empty = _rows(await client.get(f"{URL}/members.csv", params=REASON, headers=member.headers))
    assert empty == [PUBLIC]
    consent = await client.post(
        f"/api/v1/members/{directory['ayse']['id']}/consents",
        json={
            "purpose": "directory_listing",
            "action": "given",
            "text_version": "2026-01",
            "channel": "paper",
        },
        headers=coordinator.headers,
    )
    assert consent.status_code == 201, consent.text
    rows = _rows(await client.get(f"{URL}/members.csv", params=REASON, headers=member.headers))
    assert rows[0] == PUBLIC
    assert rows[1:] == [
        [
            directory["ayse"]["id"],
            "Dr.",
            "Ayşe",
            "Yılmaz",
            "",
            "",
            '\'=HYPERLINK("http://evil")',
            "Hauptamt",
            "'=1+1",
            "de, tr",
            "aktiv",
        ]
    ]
    events = await audit_events(app, "export.members")
    assert [(e.actor_id, e.details["rows"]) for e in events] == [(member.user.id, 0), (member.user.id, 1)]


async def test_members_xlsx(
    client: httpx.AsyncClient, coordinator: Account, directory: dict[str, Any]
) -> None:
    response = await client.get(f"{URL}/members.xlsx", params=REASON, headers=coordinator.headers)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    assert response.headers["content-disposition"].startswith(
        f'attachment; filename="Mitglieder-{today().isoformat()}.xlsx"'
    )
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet is not None
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == FULL
    assert rows[2][2:4] == ("Ayşe", "Yılmaz")
    joined = rows[2][12]
    assert isinstance(joined, datetime)
    assert joined.date().isoformat() == "2019-03-01"
    formula_cell = sheet.cell(row=3, column=9)
    assert (formula_cell.value, formula_cell.data_type) == ("=1+1", "s")


async def test_organisations_csv_and_xlsx(
    client: httpx.AsyncClient, make_user: UserFactory, directory: dict[str, Any], app: FastAPI
) -> None:
    member = await make_user("member")
    response = await client.get(f"{URL}/organisations.csv", headers=member.headers)
    assert response.status_code == 200, response.text
    rows = _rows(response)
    assert rows[0] == [
        "ID",
        "Name",
        "Kurzname",
        "Art",
        "Straße",
        "PLZ",
        "Ort",
        "Kommune",
        "Website",
        "E-Mail",
        "Telefon",
    ]
    assert rows[1][1] == '\'=HYPERLINK("http://evil")'
    assert rows[1][3] == "Sonstige"
    assert rows[1][10] == "'+49 5371 1"
    xlsx = await client.get(f"{URL}/organisations.xlsx", params={"kind": "other"}, headers=member.headers)
    assert xlsx.status_code == 200
    assert "Organisationen-" in xlsx.headers["content-disposition"]
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    assert sheet is not None
    assert sheet.max_row == 2
    events = await audit_events(app, "export.organisations")
    assert [(e.details["format"], e.details["rows"]) for e in events] == [("csv", 1), ("xlsx", 1)]


async def test_exports_need_login(client: httpx.AsyncClient) -> None:
    for path in ("members.csv", "members.xlsx", "organisations.csv", "organisations.xlsx"):
        response = await client.get(f"{URL}/{path}", params=REASON)
        assert response.status_code == 401
