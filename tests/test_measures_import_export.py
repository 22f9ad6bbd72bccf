"""Measures export (CSV/XLSX) and import: the round trip changes exactly the edited cells; any
problem in any row is reported by row and column and nothing is written."""

from __future__ import annotations

import csv
import io
import uuid
from collections.abc import Callable
from datetime import datetime
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from openpyxl import Workbook, load_workbook
from sqlalchemy import insert

from api.models import Measure, measure_goals
from api.models.base import today
from tests.conftest import Account, UserFactory, audit_events
from tests.test_measures import make_concept, make_organisation, set_status

EXPORT = "/api/v1/exports/measures"
IMPORT = "/api/v1/imports/measures"
HEADER = [
    "Referenz",
    "Titel",
    "Beschreibung",
    "Status",
    "Begründung",
    "Verantwortlich",
    "Ziele",
    "Federführung",
    "Partner",
    "Förderer",
    "Zielgruppe",
    "Beginn",
    "Ende",
    "Fortschritt",
]
AGENCY = "Agentur für Arbeit, Geschäftsstelle Gifhorn"
YEAR = today().year
Rows = list[list[Any]]


@pytest.fixture
async def coordinator(make_user: UserFactory) -> Account:
    return await make_user("coordinator")


@pytest.fixture
async def dataset(
    client: httpx.AsyncClient, coordinator: Account, bodies: dict[str, uuid.UUID], app: FastAPI
) -> dict[str, Any]:
    """Three measures: a planned one with partners, goals (one of 2010) and a guarded description,
    an idea without anything, and a paused one with a reason."""
    concept = await make_concept(app)
    caritas = await make_organisation(app, "Caritasverband Gifhorn")
    college = await make_organisation(app, "Volkshochschule Gifhorn")
    agency = await make_organisation(app, AGENCY)

    async def create(payload: dict[str, Any]) -> dict[str, Any]:
        response = await client.post("/api/v1/measures", json=payload, headers=coordinator.headers)
        assert response.status_code == 201, response.text
        created: dict[str, Any] = response.json()
        return created

    planned = await create(
        {
            "title": "Sprachpaten für Eltern",
            "description": "- Elternabende\n- Hausbesuche",
            "body_id": str(bodies["AK Bildung"]),
            "target_group": "Eltern",
            "status": "planned",
            "starts_on": "2026-03-01",
            "ends_on": "2026-12-31",
            "progress": 10,
            "goal_ids": [str(concept.goals["2018:B.2"]), str(concept.goals["2018:A.1"])],
            "organisations": [
                {"organisation_id": caritas, "role": "lead"},
                {"organisation_id": college, "role": "partner"},
                {"organisation_id": agency, "role": "funder"},
            ],
        }
    )
    async with app.state.sessionmaker() as session, session.begin():
        await session.execute(
            insert(measure_goals).values(
                measure_id=uuid.UUID(planned["id"]), goal_id=concept.goals["2010:B.1"]
            )
        )
    idea = await create({"title": "Fahrradkurse für Frauen", "body_id": str(bodies["AK Teilhabe"])})
    paused = await create({"title": "Elterncafé", "body_id": str(bodies["AK Familienleben"]), "progress": 30})
    await set_status(app, paused["id"], "paused")
    async with app.state.sessionmaker() as session, session.begin():
        row = await session.get(Measure, uuid.UUID(paused["id"]))
        assert row is not None
        row.status_reason = "Raum fehlt"
    return {
        "concept": concept,
        "caritas": caritas,
        "college": college,
        "agency": agency,
        "planned": planned,
        "idea": idea,
        "paused": paused,
    }


async def _reads(client: httpx.AsyncClient, account: Account, *ids: str) -> dict[str, dict[str, Any]]:
    result = {}
    for measure_id in ids:
        response = await client.get(f"/api/v1/measures/{measure_id}", headers=account.headers)
        assert response.status_code == 200, response.text
        result[measure_id] = response.json()
    return result


def _without(read: dict[str, Any], *names: str) -> dict[str, Any]:
    return {key: value for key, value in read.items() if key not in {*names, "updated_at", "version"}}


# --- file helpers -----------------------------------------------------------------------------


def _csv_rows(content: bytes) -> Rows:
    assert content.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"), newline=""), delimiter=";"))


def _csv_bytes(rows: Rows) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=";", lineterminator="\r\n").writerows(rows)
    return b"\xef\xbb\xbf" + buffer.getvalue().encode("utf-8")


def _xlsx_rows(content: bytes) -> Rows:
    sheet = load_workbook(io.BytesIO(content)).active
    assert sheet is not None
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def _xlsx_bytes(rows: Rows) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


FORMATS: dict[str, tuple[Callable[[bytes], Rows], Callable[[Rows], bytes]]] = {
    "csv": (_csv_rows, _csv_bytes),
    "xlsx": (_xlsx_rows, _xlsx_bytes),
}


async def _export(
    client: httpx.AsyncClient, account: Account, file_format: str, **params: Any
) -> httpx.Response:
    return await client.get(f"{EXPORT}.{file_format}", params=params, headers=account.headers)


async def _import(
    client: httpx.AsyncClient, account: Account, content: bytes, file_format: str, *, dry_run: bool
) -> httpx.Response:
    name = f"massnahmen.{file_format}"
    return await client.post(
        IMPORT,
        params={"dry_run": str(dry_run).lower()},
        files={"file": (name, content, "application/octet-stream")},
        headers=account.headers,
    )


def _by_reference(rows: Rows) -> dict[str, list[Any]]:
    return {str(row[0]): row for row in rows[1:]}


# --- export -----------------------------------------------------------------------------------


async def test_csv_export_has_the_import_columns_and_is_audited(
    client: httpx.AsyncClient, coordinator: Account, dataset: dict[str, Any], app: FastAPI
) -> None:
    response = await _export(client, coordinator, "csv")
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/csv")
    assert f'filename="Massnahmen-{today().isoformat()}.csv"' in response.headers["content-disposition"]
    rows = _csv_rows(response.content)
    assert rows[0] == HEADER
    planned, idea, paused = dataset["planned"], dataset["idea"], dataset["paused"]
    # Newest reference first, as the list.
    assert [row[0] for row in rows[1:]] == [paused["reference"], idea["reference"], planned["reference"]]
    by_reference = _by_reference(rows)
    assert by_reference[planned["reference"]] == [
        planned["reference"],
        "Sprachpaten für Eltern",
        "'- Elternabende\n- Hausbesuche",  # guarded against formula injection
        "Geplant",
        "",
        "AK Bildung",
        "B.2, A.1",  # goals of the current edition only, by field and goal position
        "Caritasverband Gifhorn",
        "Volkshochschule Gifhorn",
        AGENCY,
        "Eltern",
        "01.03.2026",
        "31.12.2026",
        "10",
    ]
    assert by_reference[paused["reference"]][3:6] == ["Pausiert", "Raum fehlt", "AK Familienleben"]
    assert by_reference[idea["reference"]][3] == "Idee"
    [event] = await audit_events(app, "export.measures")
    assert (event.details["format"], event.details["rows"], event.details["filters"]) == ("csv", 3, [])


async def test_export_applies_the_list_filters(
    client: httpx.AsyncClient,
    coordinator: Account,
    dataset: dict[str, Any],
    bodies: dict[str, uuid.UUID],
    app: FastAPI,
) -> None:
    planned, idea, paused = dataset["planned"], dataset["idea"], dataset["paused"]
    cases: list[tuple[dict[str, Any], list[str]]] = [
        ({"status": "idea,paused"}, [paused["reference"], idea["reference"]]),
        ({"body_id": str(bodies["AK Bildung"])}, [planned["reference"]]),
        ({"organisation_id": dataset["college"]}, [planned["reference"]]),
        ({"goal_id": str(dataset["concept"].goals["2018:B.2"])}, [planned["reference"]]),
        ({"q": "fahrrad"}, [idea["reference"]]),
        ({"active_from": "2027-01-01"}, [paused["reference"], idea["reference"]]),
    ]
    for params, expected in cases:
        response = await _export(client, coordinator, "xlsx", **params)
        assert response.status_code == 200, response.text
        rows = _xlsx_rows(response.content)
        assert rows[0] == HEADER
        assert [row[0] for row in rows[1:]] == expected, params
        listed = await client.get("/api/v1/measures", params=params, headers=coordinator.headers)
        assert [item["reference"] for item in listed.json()["items"]] == expected
    events = await audit_events(app, "export.measures")
    assert [event.details["filters"] for event in events] == [
        ["status"],
        ["body_id"],
        ["organisation_id"],
        ["goal_id"],
        ["q"],
        ["active_from"],
    ]
    bad = await _export(client, coordinator, "csv", active_from="2027-01-01", active_to="2026-01-01")
    assert bad.status_code == 422


async def test_xlsx_export_has_date_and_number_cells(
    client: httpx.AsyncClient, coordinator: Account, dataset: dict[str, Any]
) -> None:
    response = await _export(client, coordinator, "xlsx")
    assert response.status_code == 200
    rows = _xlsx_rows(response.content)
    row = _by_reference(rows)[dataset["planned"]["reference"]]
    assert row[2] == "- Elternabende\n- Hausbesuche"  # text cells, no guard needed
    assert (row[11], row[12], row[13]) == (datetime(2026, 3, 1), datetime(2026, 12, 31), 10)


# --- round trip -------------------------------------------------------------------------------


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
async def test_round_trip_changes_exactly_the_edited_cells(
    client: httpx.AsyncClient,
    coordinator: Account,
    dataset: dict[str, Any],
    app: FastAPI,
    file_format: str,
) -> None:
    read_rows, write_rows = FORMATS[file_format]
    planned, idea, paused = dataset["planned"], dataset["idea"], dataset["paused"]
    ids = (planned["id"], idea["id"], paused["id"])
    before = await _reads(client, coordinator, *ids)
    exported = await _export(client, coordinator, file_format)
    rows = read_rows(exported.content)

    # The file as exported imports back without any change.
    same = await _import(client, coordinator, write_rows(rows), file_format, dry_run=False)
    assert same.status_code == 200, same.text
    assert same.json()["totals"] == {"rows": 3, "created": 0, "updated": 0, "unchanged": 3, "rejected": 0}
    assert same.json()["written"] is True
    assert await _reads(client, coordinator, *ids) == before
    assert await audit_events(app, "measure.update") == []

    by_reference = _by_reference(rows)
    by_reference[planned["reference"]][13] = 45 if file_format == "xlsx" else "45"
    by_reference[idea["reference"]][1] = "Fahrradkurse für Frauen und Mädchen"
    edited = write_rows(rows)

    dry = await _import(client, coordinator, edited, file_format, dry_run=True)
    assert dry.status_code == 200, dry.text
    report = dry.json()
    assert (report["dry_run"], report["written"], report["file_type"]) == (True, False, file_format)
    assert report["ignored_columns"] == []
    assert report["columns"]["Fortschritt"] == "progress"
    assert report["totals"] == {"rows": 3, "created": 0, "updated": 2, "unchanged": 1, "rejected": 0}
    assert {row["reference"]: (row["action"], row["fields"], row["errors"]) for row in report["rows"]} == {
        planned["reference"]: ("updated", ["progress"], []),
        idea["reference"]: ("updated", ["title"], []),
        paused["reference"]: ("unchanged", [], []),
    }
    assert await _reads(client, coordinator, *ids) == before
    assert len(await audit_events(app, "measure.import")) == 1  # the unchanged import only

    done = await _import(client, coordinator, edited, file_format, dry_run=False)
    assert done.status_code == 200, done.text
    result = done.json()
    assert (result["dry_run"], result["written"]) == (False, True)
    assert result["totals"] == report["totals"]
    after = await _reads(client, coordinator, *ids)
    assert after[planned["id"]]["progress"] == 45
    assert _without(after[planned["id"]], "progress") == _without(before[planned["id"]], "progress")
    assert [goal["edition_year"] for goal in after[planned["id"]]["goals"]] == [2018, 2018, 2010]
    assert after[idea["id"]]["title"] == "Fahrradkurse für Frauen und Mädchen"
    assert _without(after[idea["id"]], "title") == _without(before[idea["id"]], "title")
    assert after[paused["id"]] == before[paused["id"]]

    updates = await audit_events(app, "measure.update")
    assert sorted((event.object_id, tuple(event.details["fields"])) for event in updates) == sorted(
        [(planned["id"], ("progress",)), (idea["id"], ("title",))]
    )
    events = await audit_events(app, "measure.import")
    assert [(event.outcome, event.details["updated"], event.details["written"]) for event in events] == [
        ("success", 0, True),
        ("success", 2, True),
    ]


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
async def test_row_errors_are_reported_by_row_and_column_and_nothing_is_written(
    client: httpx.AsyncClient,
    coordinator: Account,
    dataset: dict[str, Any],
    app: FastAPI,
    file_format: str,
) -> None:
    _, write_rows = FORMATS[file_format]
    planned, idea, paused = dataset["planned"], dataset["idea"], dataset["paused"]
    ids = (planned["id"], idea["id"], paused["id"])
    before = await _reads(client, coordinator, *ids)
    header = ["Referenz", "Titel", "Status", "Verantwortlich", "Fortschritt", "Ende", "Federführung", "Notiz"]
    rows: Rows = [
        header,
        [planned["reference"], "Sprachpaten für Eltern", "In Umsetzung", "AK Bildung", "50", "", "", "x"],
        ["M-1999-999", "Unbekannt", "Geplant", "AK Bildung", "0", "", "", ""],
        [idea["reference"], "Fahrradkurse für Frauen", "Erledigt", "AK Teilhabe", "0", "", "", ""],
        [idea["reference"], "Doppelt", "Idee", "AK Teilhabe", "0", "", "", ""],
        [paused["reference"], "Elterncafé", "Abgeschlossen", "AK Unbekannt", "150", "31.02.2026", "", ""],
        ["", "Neue Maßnahme", "Idee", "AK Bildung", "0", "", "Unbekannter Verein", ""],
    ]
    for dry_run in (True, False):
        response = await _import(client, coordinator, write_rows(rows), file_format, dry_run=dry_run)
        assert response.status_code == 200, response.text
        report = response.json()
        assert (report["dry_run"], report["written"]) == (dry_run, False)
        assert report["ignored_columns"] == ["Notiz"]
        assert report["totals"] == {"rows": 6, "created": 0, "updated": 1, "unchanged": 0, "rejected": 5}
        problems = {
            (row["row"], error["column"], error["field"], error["code"])
            for row in report["rows"]
            for error in row["errors"]
        }
        assert problems == {
            (3, "Referenz", "reference", "unknown_reference"),
            (4, "Status", "status", "invalid_status"),
            (5, "Referenz", "reference", "duplicate_in_file"),
            (6, "Status", "status", "transition_not_allowed"),  # paused → completed skips a step
            (6, "Verantwortlich", "body_id", "unknown_body"),
            (6, "Fortschritt", "progress", "progress_out_of_range"),
            (6, "Ende", "ends_on", "invalid_date"),
            (7, "Federführung", "lead_organisations", "unknown_organisation"),
        }
        good = report["rows"][0]
        assert (good["action"], good["fields"], good["measure_id"]) == (
            "updated",
            ["status", "lead_organisations", "ends_on", "progress"],  # an empty cell empties the field
            planned["id"],
        )
        messages = [error["message"] for row in report["rows"] for error in row["errors"]]
        assert any("M-1999-999" in message for message in messages)
        assert await _reads(client, coordinator, *ids) == before
    [failed] = await audit_events(app, "measure.import")
    assert (failed.outcome, failed.details["written"], failed.details["rejected"]) == ("failure", False, 5)
    assert await audit_events(app, "measure.update") == []
    assert await audit_events(app, "measure.status") == []
    listed = await client.get("/api/v1/measures", headers=coordinator.headers)
    assert listed.json()["total"] == 3


async def test_status_moves_follow_the_status_machine(
    client: httpx.AsyncClient, coordinator: Account, dataset: dict[str, Any], app: FastAPI
) -> None:
    planned, idea, paused = dataset["planned"], dataset["idea"], dataset["paused"]
    rows: Rows = [
        ["Referenz", "Status", "Begründung", "Fortschritt"],
        [idea["reference"], "Abgeschlossen", "", "0"],  # idea → completed skips two steps
        [planned["reference"], "Pausiert", "", "10"],  # a pause needs a reason
        [paused["reference"], "In Umsetzung", "Raum fehlt", "30"],
    ]
    report = (await _import(client, coordinator, _csv_bytes(rows), "csv", dry_run=False)).json()
    assert report["written"] is False
    errors = {row["row"]: row["errors"] for row in report["rows"]}
    [[move], [reason], []] = errors[2], errors[3], errors[4]
    assert (move["column"], move["code"]) == ("Status", "transition_not_allowed")
    assert move["message"] == (
        "Von „Idee“ ist kein Wechsel zu „Abgeschlossen“ möglich; erlaubt: „Geplant“, „Eingestellt“."
    )
    assert (reason["column"], reason["code"]) == ("Begründung", "reason_required")

    rows = [
        ["Referenz", "Status", "Begründung", "Fortschritt"],
        [idea["reference"], "Geplant", "", "0"],
        [planned["reference"], "Pausiert", "Kursleitung fehlt", "10"],
        [paused["reference"], "In Umsetzung", "Raum fehlt", "35"],
    ]
    done = (await _import(client, coordinator, _csv_bytes(rows), "csv", dry_run=False)).json()
    assert done["written"] is True, done
    assert [row["fields"] for row in done["rows"]] == [
        ["status"],
        ["status", "status_reason"],
        ["status", "progress"],
    ]
    after = await _reads(client, coordinator, idea["id"], planned["id"], paused["id"])
    assert [(read["status"], read["status_reason"], read["progress"]) for read in after.values()] == [
        ("planned", "", 0),
        ("paused", "Kursleitung fehlt", 10),
        ("in_progress", "Raum fehlt", 35),
    ]
    moves = await audit_events(app, "measure.status")
    assert sorted((event.details["from"], event.details["to"]) for event in moves) == [
        ("idea", "planned"),
        ("paused", "in_progress"),
        ("planned", "paused"),
    ]

    final = [["Referenz", "Status"], [paused["reference"], "Abgeschlossen"]]
    completed = (await _import(client, coordinator, _csv_bytes(final), "csv", dry_run=False)).json()
    assert completed["rows"][0]["fields"] == ["status", "progress"]
    [read] = (await _reads(client, coordinator, paused["id"])).values()
    assert (read["status"], read["progress"]) == ("completed", 100)
    back = [["Referenz", "Status"], [paused["reference"], "In Umsetzung"]]
    [row] = (await _import(client, coordinator, _csv_bytes(back), "csv", dry_run=True)).json()["rows"]
    assert row["errors"][0]["message"] == (
        "„Abgeschlossen“ ist ein Endstatus; der Status kann nicht mehr geändert werden."
    )


async def test_a_row_without_reference_creates_a_measure_with_a_fresh_reference(
    client: httpx.AsyncClient, coordinator: Account, dataset: dict[str, Any], app: FastAPI
) -> None:
    rows: Rows = [
        HEADER,
        [
            "",
            "Mädchenfußball",
            "Training nur für Mädchen.",
            "Geplant",
            "",
            "Arbeitskreis Gesellschaftliche Teilhabe",
            "B.1; A.1",
            "caritasverband gifhorn",
            f"Volkshochschule Gifhorn; {AGENCY}",
            "",
            "Mädchen",
            "2027-04-01",
            "30.09.2027",
            "5 %",
        ],
    ]
    dry = (await _import(client, coordinator, _xlsx_bytes(rows), "xlsx", dry_run=True)).json()
    assert dry["totals"]["created"] == 1
    [planned_row] = dry["rows"]
    assert (planned_row["measure_id"], planned_row["reference"]) == (None, None)
    assert planned_row["fields"] == [
        "title",
        "description",
        "status",
        "body_id",
        "goal_ids",
        "lead_organisations",
        "partner_organisations",
        "target_group",
        "starts_on",
        "ends_on",
        "progress",
    ]
    done = (await _import(client, coordinator, _xlsx_bytes(rows), "xlsx", dry_run=False)).json()
    assert done["written"] is True
    [row] = done["rows"]
    taken = {dataset[key]["reference"] for key in ("planned", "idea", "paused")}
    assert row["reference"] == f"M-{YEAR}-004"
    assert row["reference"] not in taken
    [read] = (await _reads(client, coordinator, row["measure_id"])).values()
    assert read["reference"] == row["reference"]
    assert (read["title"], read["status"], read["body_short_name"], read["progress"]) == (
        "Mädchenfußball",
        "planned",
        "AK Teilhabe",
        5,
    )
    assert (read["starts_on"], read["ends_on"], read["target_group"]) == (
        "2027-04-01",
        "2027-09-30",
        "Mädchen",
    )
    assert read["goal_codes"] == ["B.1", "A.1"]
    assert sorted((org["name"], org["role"]) for org in read["organisations"]) == [
        (AGENCY, "partner"),
        ("Caritasverband Gifhorn", "lead"),
        ("Volkshochschule Gifhorn", "partner"),
    ]
    created = await audit_events(app, "measure.create")
    assert [event.object_id for event in created].count(row["measure_id"]) == 1
    # The next measure created through the API gets the following number.
    response = await client.post(
        "/api/v1/measures",
        json={"title": "Noch eine", "body_id": read["body_id"]},
        headers=coordinator.headers,
    )
    assert response.json()["reference"] == f"M-{YEAR}-005"


async def test_new_rows_need_title_body_and_a_starting_status(
    client: httpx.AsyncClient, coordinator: Account, dataset: dict[str, Any]
) -> None:
    rows: Rows = [
        ["Referenz", "Titel", "Status", "Verantwortlich", "Ziele", "Beginn", "Ende", "Fortschritt"],
        ["", "", "Idee", "", "", "", "", ""],
        ["", "Läuft schon", "In Umsetzung", "AK Bildung", "Z.9", "01.05.2026", "01.04.2026", "abc"],
    ]
    report = (await _import(client, coordinator, _csv_bytes(rows), "csv", dry_run=True)).json()
    problems = {(row["row"], e["field"], e["code"]) for row in report["rows"] for e in row["errors"]}
    assert problems == {
        (2, "title", "required"),
        (2, "body_id", "required"),
        (3, "status", "invalid_initial_status"),
        (3, "goal_ids", "unknown_goal"),
        (3, "ends_on", "ends_before_start"),
        (3, "progress", "invalid_progress"),
    }


async def test_a_partial_file_changes_only_its_columns(
    client: httpx.AsyncClient, coordinator: Account, dataset: dict[str, Any]
) -> None:
    planned = dataset["planned"]
    [before] = (await _reads(client, coordinator, planned["id"])).values()
    rows: Rows = [["referenz", "Fortschritt", "Partner"], [planned["reference"].lower(), 60, ""]]
    report = (await _import(client, coordinator, _xlsx_bytes(rows), "xlsx", dry_run=False)).json()
    assert report["columns"] == {
        "referenz": "reference",
        "Fortschritt": "progress",
        "Partner": "partner_organisations",
    }
    assert report["rows"][0]["fields"] == ["partner_organisations", "progress"]
    [after] = (await _reads(client, coordinator, planned["id"])).values()
    assert after["progress"] == 60
    assert sorted((org["name"], org["role"]) for org in after["organisations"]) == [
        (AGENCY, "funder"),
        ("Caritasverband Gifhorn", "lead"),
    ]
    assert _without(after, "progress", "organisations") == _without(before, "progress", "organisations")

    # An organisation may have only one role, also against columns not in the file.
    clash = [["Referenz", "Partner"], [planned["reference"], "Caritasverband Gifhorn"]]
    [row] = (await _import(client, coordinator, _csv_bytes(clash), "csv", dry_run=True)).json()["rows"]
    assert [(e["column"], e["code"]) for e in row["errors"]] == [("Partner", "duplicate_organisation")]


async def test_file_problems_answer_422(client: httpx.AsyncClient, coordinator: Account) -> None:
    for content in (b"", _csv_bytes([["Titel", "Status"], ["A", "Idee"]]), _csv_bytes([HEADER])):
        response = await _import(client, coordinator, content, "csv", dry_run=True)
        assert response.status_code == 422, response.text
        assert response.json()["errors"][0]["field"] == "file"


@pytest.mark.parametrize("role", ["member", "spokesperson", "steering"])
async def test_other_roles_may_neither_export_nor_import(
    client: httpx.AsyncClient, make_user: UserFactory, dataset: dict[str, Any], app: FastAPI, role: str
) -> None:
    account = await make_user(role)
    for file_format in ("csv", "xlsx"):
        assert (await _export(client, account, file_format)).status_code == 403
    rows: Rows = [["Referenz", "Fortschritt"], [dataset["planned"]["reference"], "99"]]
    for dry_run in (True, False):
        response = await _import(client, account, _csv_bytes(rows), "csv", dry_run=dry_run)
        assert response.status_code == 403
    assert await audit_events(app, "export.measures") == []
    assert await audit_events(app, "measure.import") == []


async def test_admin_may_export(client: httpx.AsyncClient, admin: Account, dataset: dict[str, Any]) -> None:
    response = await _export(client, admin, "csv")
    assert response.status_code == 200
    assert len(_csv_rows(response.content)) == 4
