"""Measures list: every filter returns exactly the expected measures, and the query count is constant."""

from __future__ import annotations

import uuid
from typing import Any

import httpx
from fastapi import FastAPI

from tests.conftest import Account, counted_statements
from tests.test_measures import URL, Concept, create, make_concept, make_organisation, set_status


async def _titles(client: httpx.AsyncClient, admin: Account, **params: Any) -> list[str]:
    response = await client.get(URL, params=params, headers=admin.headers)
    assert response.status_code == 200, response.text
    page = response.json()
    assert page["total"] == len(page["items"])
    return sorted(item["title"] for item in page["items"])


async def _dataset(
    client: httpx.AsyncClient, admin: Account, app: FastAPI, bodies: dict[str, uuid.UUID]
) -> tuple[Concept, dict[str, str], dict[str, dict[str, Any]]]:
    concept = await make_concept(app)
    organisations = {
        "caritas": await make_organisation(app, "Caritas"),
        "vhs": await make_organisation(app, "VHS"),
    }
    goals = concept.goals
    measures = {
        "m1": await create(
            client,
            admin,
            bodies["AK Bildung"],
            title="Sprachcafe",
            status="planned",
            goal_ids=[str(goals["2018:B.1"])],
            organisations=[{"organisation_id": organisations["caritas"], "role": "lead"}],
            starts_on="2026-01-01",
            ends_on="2026-03-31",
        ),
        "m2": await create(
            client,
            admin,
            bodies["AK Teilhabe"],
            title="Wegweiser",
            description="Ehrenamtliche Lotsen begleiten zu Behörden.",
            goal_ids=[str(goals["2018:A.1"])],
            organisations=[{"organisation_id": organisations["vhs"], "role": "partner"}],
            starts_on="2026-06-01",
        ),
        "m3": await create(
            client,
            admin,
            bodies["AK Bildung"],
            title="Hausaufgabenhilfe",
            goal_ids=[str(goals["2018:B.2"]), str(goals["2018:A.1"])],
            organisations=[{"organisation_id": organisations["caritas"], "role": "funder"}],
        ),
        "m4": await create(
            client,
            admin,
            bodies["AK Familienleben"],
            title="Elterncafe",
            starts_on="2025-01-01",
            ends_on="2025-06-30",
        ),
        "m5": await create(
            client,
            admin,
            bodies["AK Bildung"],
            title="Geloeschte Massnahme",
            goal_ids=[str(goals["2018:B.1"])],
            organisations=[{"organisation_id": organisations["caritas"], "role": "lead"}],
        ),
    }
    await set_status(app, measures["m3"]["id"], "in_progress")
    await set_status(app, measures["m4"]["id"], "paused")
    deleted = await client.delete(
        f"{URL}/{measures['m5']['id']}", headers=admin.headers | {"If-Match": '"1"'}
    )
    assert deleted.status_code == 204
    return concept, organisations, measures


async def test_each_filter_returns_exactly_the_expected_measures(
    client: httpx.AsyncClient, admin: Account, app: FastAPI, bodies: dict[str, uuid.UUID]
) -> None:
    concept, organisations, measures = await _dataset(client, admin, app, bodies)
    all_titles = ["Elterncafe", "Hausaufgabenhilfe", "Sprachcafe", "Wegweiser"]
    assert await _titles(client, admin) == all_titles
    listed = (await client.get(URL, headers=admin.headers)).json()["items"]
    assert [item["title"] for item in listed] == [
        "Elterncafe",
        "Hausaufgabenhilfe",
        "Wegweiser",
        "Sprachcafe",
    ]
    cases: list[tuple[dict[str, Any], list[str]]] = [
        ({"status": "planned"}, ["Sprachcafe"]),
        ({"status": "planned,in_progress"}, ["Hausaufgabenhilfe", "Sprachcafe"]),
        ({"status": ["planned", "paused"]}, ["Elterncafe", "Sprachcafe"]),
        ({"status": "completed"}, []),
        ({"body_id": str(bodies["AK Bildung"])}, ["Hausaufgabenhilfe", "Sprachcafe"]),
        ({"body_id": str(bodies["AK Bildung"]), "status": "planned"}, ["Sprachcafe"]),
        ({"field_of_action_id": str(concept.fields["2018:B"])}, ["Hausaufgabenhilfe", "Sprachcafe"]),
        ({"field_of_action_id": str(concept.fields["2018:A"])}, ["Hausaufgabenhilfe", "Wegweiser"]),
        ({"field_of_action_id": str(concept.fields["2026:B"])}, []),
        ({"goal_id": str(concept.goals["2018:A.1"])}, ["Hausaufgabenhilfe", "Wegweiser"]),
        ({"goal_id": str(concept.goals["2018:B.1"])}, ["Sprachcafe"]),
        ({"organisation_id": organisations["caritas"]}, ["Hausaufgabenhilfe", "Sprachcafe"]),
        ({"organisation_id": organisations["vhs"]}, ["Wegweiser"]),
        ({"active_from": "2026-04-01", "active_to": "2026-05-31"}, ["Hausaufgabenhilfe"]),
        ({"active_from": "2026-03-01"}, ["Hausaufgabenhilfe", "Sprachcafe", "Wegweiser"]),
        ({"active_to": "2025-12-31"}, ["Elterncafe", "Hausaufgabenhilfe"]),
        ({"active_from": "2026-03-31", "active_to": "2026-03-31"}, ["Hausaufgabenhilfe", "Sprachcafe"]),
        ({"q": "lotsen"}, ["Wegweiser"]),
        ({"q": "SPRACH"}, ["Sprachcafe"]),
        ({"q": measures["m3"]["reference"]}, ["Hausaufgabenhilfe"]),
        ({"q": "Geloeschte"}, []),
    ]
    for params, expected in cases:
        assert await _titles(client, admin, **params) == expected, params
    m3 = next(item for item in listed if item["title"] == "Hausaufgabenhilfe")
    # Ordered as the concept orders them: field B comes before field A in the 2018 edition.
    assert (m3["goal_codes"], m3["lead_organisation_names"]) == (["B.2", "A.1"], [])
    assert m3["field_of_action_ids"] == [str(concept.fields["2018:B"]), str(concept.fields["2018:A"])]


async def test_bad_filters_answer_422(client: httpx.AsyncClient, admin: Account) -> None:
    for params, field_name in (
        ({"status": "done"}, "status.0"),
        ({"active_from": "2026-05-01", "active_to": "2026-04-01"}, "active_to"),
        ({"active_from": "1. Mai"}, "active_from"),
        ({"body_id": "AK Bildung"}, "body_id"),
    ):
        response = await client.get(URL, params=params, headers=admin.headers)
        assert response.status_code == 422, params
        [error] = response.json()["errors"]
        assert (error["location"], error["field"]) == ("query", field_name)


async def test_list_query_count_does_not_grow_with_the_page(
    client: httpx.AsyncClient, admin: Account, app: FastAPI, bodies: dict[str, uuid.UUID]
) -> None:
    concept, organisations, _ = await _dataset(client, admin, app, bodies)
    with counted_statements(app) as small:
        page = (await client.get(URL, params={"limit": 2}, headers=admin.headers)).json()
    assert len(page["items"]) == 2
    for number in range(8):
        await create(
            client,
            admin,
            bodies["AK Teilhabe" if number % 2 else "AK Familienleben"],
            title=f"Weitere {number}",
            goal_ids=[str(concept.goals["2018:B.2"])],
            organisations=[
                {"organisation_id": organisations["caritas"], "role": "lead"},
                {"organisation_id": organisations["vhs"], "role": "partner"},
            ],
        )
    with counted_statements(app) as large:
        page = (await client.get(URL, params={"limit": 50}, headers=admin.headers)).json()
    assert len(page["items"]) == 12
    assert len(large) == len(small), large
