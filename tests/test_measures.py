"""Measures: references, the status machine, validation, If-Match, who may change them, audit."""

from __future__ import annotations

import asyncio
import re
import uuid
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import select

from api.measures.service import TRANSITIONS
from api.models import ConceptEdition, FieldOfAction, Goal, Measure, Organisation
from api.models.base import today
from tests.conftest import Account, UserFactory, audit_events, make_client
from tests.test_offers import seat

URL = "/api/v1/measures"
STATUSES = ("idea", "planned", "in_progress", "completed", "paused", "discontinued")
YEAR = today().year


@dataclass
class Concept:
    """Editions built directly through the models: 2010 superseded, 2018 adopted (current), a draft."""

    editions: dict[str, uuid.UUID] = field(default_factory=dict)
    fields: dict[str, uuid.UUID] = field(default_factory=dict)
    goals: dict[str, uuid.UUID] = field(default_factory=dict)


async def make_concept(app: FastAPI) -> Concept:
    """Goals are keyed "<edition>:<code>", fields "<edition>:<code>", e.g. "2018:B.1", "2018:B"."""
    concept = Concept()
    layout = {
        "2010": ("superseded", {"B": ["B.1", "B.2"]}),
        "2018": ("adopted", {"B": ["B.1", "B.2"], "A": ["A.1"]}),
        "2026": ("draft", {"B": ["B.1"]}),
    }
    async with app.state.sessionmaker() as session, session.begin():
        for year, (status, fields) in layout.items():
            edition = ConceptEdition(kind="concept", year=int(year), title=f"Konzept {year}", status=status)
            session.add(edition)
            await session.flush()
            concept.editions[year] = edition.id
            for position, (code, goals) in enumerate(fields.items()):
                field_row = FieldOfAction(
                    edition_id=edition.id, code=code, title=f"Handlungsfeld {code}", position=position
                )
                session.add(field_row)
                await session.flush()
                concept.fields[f"{year}:{code}"] = field_row.id
                for goal_position, goal_code in enumerate(goals):
                    goal = Goal(
                        edition_id=edition.id,
                        field_of_action_id=field_row.id,
                        code=goal_code,
                        title=f"Ziel {goal_code} ({year})",
                        position=goal_position,
                    )
                    session.add(goal)
                    await session.flush()
                    concept.goals[f"{year}:{goal_code}"] = goal.id
    return concept


async def make_organisation(app: FastAPI, name: str) -> str:
    async with app.state.sessionmaker() as session, session.begin():
        organisation = Organisation(name=name, kind="welfare_association")
        session.add(organisation)
        await session.flush()
        return str(organisation.id)


async def create(
    client: httpx.AsyncClient, account: Account, body_id: uuid.UUID | str, **fields: Any
) -> dict[str, Any]:
    payload = {"body_id": str(body_id), "title": "Sprachpaten für Eltern"} | fields
    response = await client.post(URL, json=payload, headers=account.headers)
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    return body


async def etag(client: httpx.AsyncClient, account: Account, measure_id: str) -> str:
    response = await client.get(f"{URL}/{measure_id}", headers=account.headers)
    assert response.status_code == 200, response.text
    return response.headers["ETag"]


async def change_status(
    client: httpx.AsyncClient, account: Account, measure_id: str, status: str, reason: str = ""
) -> httpx.Response:
    return await client.post(
        f"{URL}/{measure_id}/status",
        json={"status": status, "reason": reason},
        headers=account.headers | {"If-Match": await etag(client, account, measure_id)},
    )


async def set_status(app: FastAPI, measure_id: str, status: str) -> None:
    """Puts a measure into ``status`` directly (to test the moves out of it)."""
    async with app.state.sessionmaker() as session, session.begin():
        measure = await session.get(Measure, uuid.UUID(measure_id))
        assert measure is not None
        measure.status = status


# --- create and read --------------------------------------------------------------------------


async def test_coordinator_creates_and_reads_a_measure(
    client: httpx.AsyncClient, make_user: UserFactory, bodies: dict[str, uuid.UUID], app: FastAPI
) -> None:
    coordinator = await make_user("coordinator")
    concept = await make_concept(app)
    caritas = await make_organisation(app, "Caritasverband Gifhorn")
    college = await make_organisation(app, "Volkshochschule Gifhorn")
    response = await client.post(
        URL,
        json={
            "title": "Sprachpaten für Eltern",
            "description": "Ehrenamtliche begleiten Eltern zu Elterngesprächen.",
            "body_id": str(bodies["AK Bildung"]),
            "target_group": "Eltern mit Fluchtgeschichte",
            "status": "planned",
            "starts_on": "2026-03-01",
            "ends_on": "2026-12-31",
            "progress": 10,
            "goal_ids": [str(concept.goals["2018:B.2"]), str(concept.goals["2026:B.1"])],
            "organisations": [
                {"organisation_id": college, "role": "partner"},
                {"organisation_id": caritas, "role": "lead"},
            ],
        },
        headers=coordinator.headers,
    )
    assert response.status_code == 201, response.text
    measure = response.json()
    assert re.fullmatch(rf"M-{YEAR}-\d{{3}}", measure["reference"])
    assert measure["reference"] == f"M-{YEAR}-001"
    assert response.headers["Location"] == f"{URL}/{measure['id']}"
    assert response.headers["ETag"] == '"1"'
    assert (measure["status"], measure["progress"], measure["body_short_name"]) == (
        "planned",
        10,
        "AK Bildung",
    )
    # The list fields count only the current edition's goals; the read shows every linked goal.
    assert measure["goal_codes"] == ["B.2"]
    assert measure["field_of_action_ids"] == [str(concept.fields["2018:B"])]
    assert sorted(
        (goal["code"], goal["edition_year"], goal["edition_status"]) for goal in measure["goals"]
    ) == [
        ("B.1", 2026, "draft"),
        ("B.2", 2018, "adopted"),
    ]
    assert [(row["name"], row["role"]) for row in measure["organisations"]] == [
        ("Caritasverband Gifhorn", "lead"),
        ("Volkshochschule Gifhorn", "partner"),
    ]
    assert measure["lead_organisation_names"] == ["Caritasverband Gifhorn"]
    assert (measure["origin"], measure["discussed_in"], measure["milestones"], measure["indicators"]) == (
        None,
        [],
        [],
        [],
    )
    again = await client.get(f"{URL}/{measure['id']}", headers=coordinator.headers)
    assert again.json() == measure
    [event] = await audit_events(app, "measure.create")
    assert event.object_id == measure["id"]
    assert "title" in event.details["fields"]
    assert "Sprachpaten" not in str(event.details)


async def test_references_are_sequential_and_never_reused(
    client: httpx.AsyncClient, admin: Account, bodies: dict[str, uuid.UUID], app: FastAPI
) -> None:
    first = await create(client, admin, bodies["AK Bildung"], title="Erste")
    second = await create(client, admin, bodies["AK Bildung"], title="Zweite")
    assert (first["reference"], second["reference"]) == (f"M-{YEAR}-001", f"M-{YEAR}-002")
    stale = await client.delete(f"{URL}/{second['id']}", headers=admin.headers | {"If-Match": '"7"'})
    assert stale.status_code == 412
    deleted = await client.delete(f"{URL}/{second['id']}", headers=admin.headers | {"If-Match": '"1"'})
    assert deleted.status_code == 204
    assert (await client.get(f"{URL}/{second['id']}", headers=admin.headers)).status_code == 404
    third = await create(client, admin, bodies["AK Bildung"], title="Dritte")
    assert third["reference"] == f"M-{YEAR}-003"
    listed = (await client.get(URL, headers=admin.headers)).json()
    assert [item["reference"] for item in listed["items"]] == [f"M-{YEAR}-003", f"M-{YEAR}-001"]
    synced = (
        await client.get(URL, params={"modified_since": "2000-01-01T00:00:00Z"}, headers=admin.headers)
    ).json()
    assert [tombstone["id"] for tombstone in synced["tombstones"]] == [second["id"]]
    [event] = await audit_events(app, "measure.delete")
    assert event.object_id == second["id"]


async def test_concurrent_creates_get_distinct_references(
    app: FastAPI, make_user: UserFactory, bodies: dict[str, uuid.UUID]
) -> None:
    coordinator = await make_user("coordinator")

    async def one(number: int) -> httpx.Response:
        async with make_client(app) as http:
            return await http.post(
                URL,
                json={"body_id": str(bodies["AK Bildung"]), "title": f"Maßnahme {number}"},
                headers=coordinator.headers,
            )

    responses = await asyncio.gather(*(one(number) for number in range(6)))
    assert [response.status_code for response in responses] == [201] * 6, [r.text for r in responses]
    references = sorted(response.json()["reference"] for response in responses)
    assert references == [f"M-{YEAR}-{number:03d}" for number in range(1, 7)]


async def test_bad_input_is_refused_at_the_field(
    client: httpx.AsyncClient, admin: Account, bodies: dict[str, uuid.UUID], app: FastAPI
) -> None:
    body = str(bodies["AK Bildung"])
    organisation = await make_organisation(app, "Diakonie")
    cases: list[tuple[dict[str, Any], str]] = [
        ({"progress": 101}, "progress"),
        ({"progress": -1}, "progress"),
        ({"status": "in_progress"}, "status"),
        ({"status": "completed"}, "status"),
        ({"starts_on": "2026-05-01", "ends_on": "2026-04-30"}, "ends_on"),
        ({"body_id": str(uuid.uuid4())}, "body_id"),
        ({"goal_ids": [str(uuid.uuid4())]}, "goal_ids"),
        ({"need_ids": [str(uuid.uuid4())]}, "need_ids"),
        ({"origin_meeting_id": str(uuid.uuid4())}, "origin_meeting_id"),
        ({"origin_agenda_item_id": str(uuid.uuid4())}, "origin_agenda_item_id"),
        ({"organisations": [{"organisation_id": str(uuid.uuid4()), "role": "lead"}]}, "organisations"),
        (
            {
                "organisations": [
                    {"organisation_id": organisation, "role": "lead"},
                    {"organisation_id": organisation, "role": "funder"},
                ]
            },
            "organisations",
        ),
        ({"organisations": [{"organisation_id": organisation, "role": "sponsor"}]}, "organisations.0.role"),
        ({"title": "   "}, "title"),
        ({"reference": "M-2020-001"}, "reference"),
    ]
    for extra, field_name in cases:
        response = await client.post(
            URL, json={"body_id": body, "title": "Maßnahme"} | extra, headers=admin.headers
        )
        assert response.status_code == 422, (extra, response.text)
        assert response.headers["Content-Type"].startswith("application/problem+json")
        assert field_name in [error["field"] for error in response.json()["errors"]], (extra, response.text)
    assert (await client.get(URL, headers=admin.headers)).json()["total"] == 0
    # Nothing half-written: no reference was used up by the refused requests.
    assert (await create(client, admin, body))["reference"] == f"M-{YEAR}-001"
    measure = await create(client, admin, body, starts_on="2026-05-01")
    for patch, field_name in (
        ({"progress": 150}, "progress"),
        ({"ends_on": "2026-04-01"}, "ends_on"),
        ({"status": "planned"}, "status"),
    ):
        response = await client.patch(
            f"{URL}/{measure['id']}", json=patch, headers=admin.headers | {"If-Match": '"1"'}
        )
        assert response.status_code == 422, (patch, response.text)
        assert field_name in [error["field"] for error in response.json()["errors"]]


# --- status -----------------------------------------------------------------------------------


@pytest.mark.parametrize(("source", "target"), [(s, t) for s in STATUSES for t in STATUSES])
async def test_status_machine(
    client: httpx.AsyncClient,
    admin: Account,
    bodies: dict[str, uuid.UUID],
    app: FastAPI,
    source: str,
    target: str,
) -> None:
    allowed = {
        "idea": {"planned", "discontinued"},
        "planned": {"in_progress", "paused", "discontinued"},
        "in_progress": {"completed", "paused", "discontinued"},
        "paused": {"planned", "in_progress", "discontinued"},
        "completed": set(),
        "discontinued": set(),
    }
    assert {key: set(value) for key, value in TRANSITIONS.items()} == allowed
    measure = await create(client, admin, bodies["AK Bildung"], progress=40)
    await set_status(app, measure["id"], source)
    before = (await client.get(f"{URL}/{measure['id']}", headers=admin.headers)).json()
    response = await change_status(client, admin, measure["id"], target, reason="Förderung läuft aus")
    after = (await client.get(f"{URL}/{measure['id']}", headers=admin.headers)).json()
    if target in allowed[source]:
        assert response.status_code == 200, response.text
        assert response.json()["status"] == target == after["status"]
        assert after["progress"] == (100 if target == "completed" else 40)
        [event] = await audit_events(app, "measure.status")
        assert event.details == {"from": source, "to": target}
        if target in ("paused", "discontinued"):
            assert after["status_reason"] == "Förderung läuft aus"
    else:
        assert response.status_code == 409, response.text
        problem = response.json()
        assert problem["type"] == "urn:netzwerk:problem:conflict"
        assert response.headers["Content-Type"].startswith("application/problem+json")
        assert source in problem["detail"]
        for allowed_target in allowed[source]:
            assert allowed_target in problem["detail"]
        if not allowed[source]:
            assert "final" in problem["detail"]
        else:
            assert target in problem["detail"]
        assert problem["errors"][0]["field"] == "status"
        assert after == before
        assert await audit_events(app, "measure.status") == []


async def test_pause_and_discontinue_need_a_reason(
    client: httpx.AsyncClient, admin: Account, bodies: dict[str, uuid.UUID]
) -> None:
    measure = await create(client, admin, bodies["AK Bildung"], status="planned")
    for target in ("paused", "discontinued"):
        for reason in ("", "   "):
            response = await change_status(client, admin, measure["id"], target, reason=reason)
            assert response.status_code == 422, response.text
            assert response.json()["errors"][0]["field"] == "reason"
    paused = await change_status(client, admin, measure["id"], "paused", reason="Keine Räume")
    assert (paused.json()["status"], paused.json()["status_reason"]) == ("paused", "Keine Räume")
    resumed = await change_status(client, admin, measure["id"], "in_progress")
    assert (resumed.json()["status"], resumed.json()["status_reason"]) == ("in_progress", "")


async def test_if_match_is_required_and_checked(
    client: httpx.AsyncClient, admin: Account, bodies: dict[str, uuid.UUID]
) -> None:
    measure = await create(client, admin, bodies["AK Bildung"])
    path = f"{URL}/{measure['id']}"
    for method, url, payload in (
        ("PATCH", path, {"title": "Neu"}),
        ("POST", f"{path}/status", {"status": "planned"}),
        ("DELETE", path, None),
    ):
        missing = await client.request(method, url, json=payload, headers=admin.headers)
        assert missing.status_code == 428, (method, url)
        stale = await client.request(method, url, json=payload, headers=admin.headers | {"If-Match": '"9"'})
        assert stale.status_code == 412, (method, url)
    changed = await client.patch(path, json={"title": "Neu"}, headers=admin.headers | {"If-Match": '"1"'})
    assert changed.status_code == 200
    assert changed.headers["ETag"] == '"2"'
    again = await client.patch(
        path, json={"title": "Noch neuer"}, headers=admin.headers | {"If-Match": '"1"'}
    )
    assert again.status_code == 412
    assert (await client.get(path, headers=admin.headers)).json()["title"] == "Neu"


# --- who may do what --------------------------------------------------------------------------


async def test_roles_read_all_and_write_only_where_allowed(
    client: httpx.AsyncClient, make_user: UserFactory, bodies: dict[str, uuid.UUID], app: FastAPI
) -> None:
    coordinator = await make_user("coordinator")
    education = await make_user("spokesperson")
    await seat(app, education, bodies["AK Bildung"], role="spokesperson")
    member = await make_user("member")
    steering = await make_user("steering")
    theirs = await create(client, coordinator, bodies["AK Teilhabe"], title="Teilhabe-Lotsen")
    # Every logged-in role reads every measure.
    for reader in (education, member, steering):
        assert (await client.get(f"{URL}/{theirs['id']}", headers=reader.headers)).status_code == 200
        assert (await client.get(URL, headers=reader.headers)).json()["total"] == 1
    # Readers may not write.
    for reader in (member, steering):
        refused = await client.post(
            URL, json={"body_id": str(bodies["AK Bildung"]), "title": "X"}, headers=reader.headers
        )
        assert refused.status_code == 403
        patched = await client.patch(
            f"{URL}/{theirs['id']}", json={"title": "X"}, headers=reader.headers | {"If-Match": '"1"'}
        )
        assert patched.status_code == 403
    # A spokesperson writes for the body they lead, not for another one.
    refused = await client.post(
        URL, json={"body_id": str(bodies["AK Teilhabe"]), "title": "X"}, headers=education.headers
    )
    assert refused.status_code == 403
    assert refused.json()["type"] == "urn:netzwerk:problem:forbidden"
    headers = education.headers | {"If-Match": '"1"'}
    for method, path, payload in (
        ("PATCH", f"{URL}/{theirs['id']}", {"title": "X"}),
        ("POST", f"{URL}/{theirs['id']}/status", {"status": "planned"}),
        ("DELETE", f"{URL}/{theirs['id']}", None),
        ("POST", f"{URL}/{theirs['id']}/milestones", {"date": "2026-05-01", "title": "Start"}),
        ("POST", f"{URL}/{theirs['id']}/indicators", {"name": "Teilnehmende"}),
    ):
        response = await client.request(method, path, json=payload, headers=headers)
        assert response.status_code == 403, (method, path, response.text)
    own = await create(client, education, bodies["AK Bildung"])
    # Moving it to a body they do not lead is refused and changes nothing.
    moved = await client.patch(
        f"{URL}/{own['id']}",
        json={"body_id": str(bodies["AK Teilhabe"]), "title": "Verschoben"},
        headers=education.headers | {"If-Match": '"1"'},
    )
    assert moved.status_code == 403
    after = (await client.get(f"{URL}/{own['id']}", headers=education.headers)).json()
    assert (after["body_short_name"], after["title"], after["version"]) == ("AK Bildung", own["title"], 1)
    planned = await change_status(client, education, own["id"], "planned")
    assert planned.status_code == 200
    # The coordinator moves it; the spokesperson then no longer changes it.
    moved = await client.patch(
        f"{URL}/{own['id']}",
        json={"body_id": str(bodies["AK Teilhabe"])},
        headers=coordinator.headers | {"If-Match": planned.headers["ETag"]},
    )
    assert moved.status_code == 200
    assert moved.json()["body_short_name"] == "AK Teilhabe"
    assert (await change_status(client, education, own["id"], "in_progress")).status_code == 403
    denied = await audit_events(app, "access.denied")
    assert len(denied) == 4  # the member's and the steering member's create and change


async def test_anonymous_callers_get_401(client: httpx.AsyncClient) -> None:
    for method, path in (("GET", URL), ("GET", f"{URL}/{uuid.uuid4()}"), ("POST", URL)):
        response = await client.request(method, path, json={})
        assert response.status_code == 401


async def test_patch_replaces_list_fields_and_audits_field_names(
    client: httpx.AsyncClient, admin: Account, bodies: dict[str, uuid.UUID], app: FastAPI
) -> None:
    lead = await make_organisation(app, "Jobcenter Gifhorn")
    partner = await make_organisation(app, "IHK Lüneburg-Wolfsburg")
    measure = await create(
        client,
        admin,
        bodies["AK Ausbildung und Arbeit"],
        organisations=[{"organisation_id": lead, "role": "lead"}],
    )
    changed = await client.patch(
        f"{URL}/{measure['id']}",
        json={"organisations": [{"organisation_id": partner, "role": "funder"}], "target_group": "Azubis"},
        headers=admin.headers | {"If-Match": '"1"'},
    )
    assert changed.status_code == 200, changed.text
    read = changed.json()
    assert [(row["name"], row["role"]) for row in read["organisations"]] == [
        ("IHK Lüneburg-Wolfsburg", "funder")
    ]
    assert (read["lead_organisation_names"], read["target_group"], read["version"]) == ([], "Azubis", 2)
    # A change of a list field alone also moves the ETag.
    only_list = await client.patch(
        f"{URL}/{measure['id']}", json={"organisations": []}, headers=admin.headers | {"If-Match": '"2"'}
    )
    assert (only_list.status_code, only_list.headers["ETag"], only_list.json()["organisations"]) == (
        200,
        '"3"',
        [],
    )
    events = await audit_events(app, "measure.update")
    assert [event.details for event in events] == [
        {"fields": ["organisations", "target_group"]},
        {"fields": ["organisations"]},
    ]
    async with app.state.sessionmaker() as session:
        stored = await session.scalar(select(Measure).where(Measure.id == uuid.UUID(measure["id"])))
        assert stored is not None
        assert stored.target_group == "Azubis"
