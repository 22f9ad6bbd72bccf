"""The integration concept: editions, derive, compare, adopt, read-only rule, pickers, needs' link."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import httpx
from fastapi import FastAPI
from sqlalchemy import insert

from api.models import (
    ConceptEdition,
    FieldOfAction,
    Goal,
    Measure,
    Need,
    field_of_action_bodies,
    measure_goals,
)
from tests.conftest import Account, UserFactory, audit_events

URL = "/api/v1/concept"
READ_ONLY = "Adopted and superseded editions are read-only; derive a new draft."

# The 2018 edition used throughout: field code → (title, bodies, [(goal code, goal title)]).
FIELDS_2018: dict[str, tuple[str, list[str], list[tuple[str, str]]]] = {
    "B": (
        "Bildung und Sprache",
        ["AK Bildung"],
        [
            ("B.1", "Frühe Sprachförderung in Kitas ausbauen"),
            ("B.2", "Übergang Schule–Beruf begleiten"),
            ("B.3", "Elternarbeit an Schulen stärken"),
        ],
    ),
    "A": (
        "Ausbildung und Arbeit",
        ["AK Ausbildung und Arbeit"],
        [
            ("A.1", "Anerkennung ausländischer Abschlüsse beschleunigen"),
            ("A.2", "Betriebe für Praktika gewinnen"),
        ],
    ),
}


@dataclass
class Edition:
    id: str
    fields: dict[str, str] = field(default_factory=dict)  # code → id
    goals: dict[str, str] = field(default_factory=dict)  # code → id


async def make_edition(
    app: FastAPI,
    bodies: dict[str, uuid.UUID],
    *,
    year: int,
    status: str,
    kind: str = "concept",
    fields: dict[str, tuple[str, list[str], list[tuple[str, str]]]] | None = None,
    origin: Edition | None = None,
    introduction: str = "",
) -> Edition:
    """An edition written directly; with ``origin`` each row points to the row of the same code there."""
    async with app.state.sessionmaker() as session, session.begin():
        edition = ConceptEdition(
            kind=kind,
            year=year,
            title=f"Integrationskonzept {year}" if kind == "concept" else "Integrationsleitbild",
            introduction=introduction,
            status=status,
            adopted_on=date(year, 12, 18) if status != "draft" else None,
            adopted_by="Kreistag" if status != "draft" else None,
            superseded_on=date(year + 8, 6, 1) if status == "superseded" else None,
            derived_from_edition_id=uuid.UUID(origin.id) if origin else None,
        )
        session.add(edition)
        await session.flush()
        result = Edition(id=str(edition.id))
        for position, (code, (title, body_names, goals)) in enumerate((fields or {}).items(), start=1):
            row = FieldOfAction(
                edition_id=edition.id,
                code=code,
                title=title,
                description=f"Beschreibung {code}",
                position=position,
                origin_id=uuid.UUID(origin.fields[code]) if origin and code in origin.fields else None,
            )
            session.add(row)
            await session.flush()
            result.fields[code] = str(row.id)
            for body_name in body_names:
                await session.execute(
                    insert(field_of_action_bodies).values(
                        field_of_action_id=row.id, body_id=bodies[body_name]
                    )
                )
            for goal_position, (goal_code, goal_title) in enumerate(goals, start=1):
                goal = Goal(
                    edition_id=edition.id,
                    field_of_action_id=row.id,
                    code=goal_code,
                    title=goal_title,
                    description="",
                    position=goal_position,
                    origin_id=uuid.UUID(origin.goals[goal_code])
                    if origin and goal_code in origin.goals
                    else None,
                )
                session.add(goal)
                await session.flush()
                result.goals[goal_code] = str(goal.id)
        return result


async def history(app: FastAPI, bodies: dict[str, uuid.UUID]) -> tuple[Edition, Edition, Edition]:
    """The guiding principles of 2008, the 2010 edition (superseded) and the 2018 edition (current)."""
    principles = await make_edition(
        app,
        bodies,
        year=2008,
        status="adopted",
        kind="guiding_principles",
        introduction="Vielfalt als Chance.",
    )
    e2010 = await make_edition(app, bodies, year=2010, status="superseded", fields=FIELDS_2018)
    e2018 = await make_edition(
        app,
        bodies,
        year=2018,
        status="adopted",
        fields=FIELDS_2018,
        origin=e2010,
        introduction="Einleitung 2018",
    )
    return principles, e2010, e2018


async def etag(client: httpx.AsyncClient, account: Account, path: str) -> str:
    response = await client.get(f"{URL}{path}", headers=account.headers)
    assert response.status_code == 200, response.text
    return response.headers["ETag"]


async def derive(
    client: httpx.AsyncClient, account: Account, source_id: str, year: int = 2026
) -> dict[str, Any]:
    response = await client.post(
        f"{URL}/editions/{source_id}/derive",
        json={"year": year, "title": f"Integrationskonzept {year}"},
        headers=account.headers,
    )
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    return body


def goals_of(edition: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {goal["code"]: goal for field in edition["fields"] for goal in field["goals"]}


def field_ids(edition: dict[str, Any]) -> dict[str, str]:
    return {field["code"]: field["id"] for field in edition["fields"]}


async def test_derive_revise_compare_adopt_and_the_old_edition_is_read_only(
    client: httpx.AsyncClient, make_user: UserFactory, bodies: dict[str, uuid.UUID], app: FastAPI
) -> None:
    _, _, e2018 = await history(app, bodies)
    coordinator = await make_user("coordinator")

    draft = await derive(client, coordinator, e2018.id)
    assert (draft["status"], draft["year"], draft["derived_from_edition_id"]) == ("draft", 2026, e2018.id)
    assert draft["introduction"] == "Einleitung 2018"
    assert (draft["field_count"], draft["goal_count"]) == (2, 5)
    assert [field["code"] for field in draft["fields"]] == ["B", "A"]
    assert {field["code"]: field["origin_id"] for field in draft["fields"]} == e2018.fields
    assert {code: goal["origin_id"] for code, goal in goals_of(draft).items()} == e2018.goals
    assert [body["short_name"] for body in draft["fields"][0]["bodies"]] == ["AK Bildung"]
    # The copies are new rows; the 2018 edition keeps its own.
    assert set(field_ids(draft).values()).isdisjoint(e2018.fields.values())

    goals = goals_of(draft)
    changed = await client.patch(
        f"{URL}/goals/{goals['B.2']['id']}",
        json={"title": "Übergang Schule–Beruf mit Mentoring begleiten"},
        headers=coordinator.headers | {"If-Match": f'"{goals["B.2"]["version"]}"'},
    )
    assert changed.status_code == 200, changed.text
    added = await client.post(
        f"{URL}/editions/{draft['id']}/goals",
        json={
            "field_of_action_id": field_ids(draft)["A"],
            "code": "A.3",
            "title": "Sprachkurse im Betrieb anbieten",
            "description": "Berufsbezogene Deutschkurse.",
        },
        headers=coordinator.headers,
    )
    assert added.status_code == 201, added.text
    assert added.json()["position"] == 3
    assert added.headers["Location"] == f"{URL}/goals/{added.json()['id']}"
    removed = await client.delete(
        f"{URL}/goals/{goals['B.3']['id']}", headers=coordinator.headers | {"If-Match": '"1"'}
    )
    assert removed.status_code == 204

    comparison = await client.get(
        f"{URL}/editions/{draft['id']}/comparison", params={"base": e2018.id}, headers=coordinator.headers
    )
    assert comparison.status_code == 200, comparison.text
    result = comparison.json()
    assert (result["base"]["year"], result["target"]["year"]) == (2018, 2026)
    assert result["fields"] == []
    assert result["goals"] == [
        {
            "change": "changed",
            "code": "B.2",
            "before": {
                "code": "B.2",
                "title": "Übergang Schule–Beruf begleiten",
                "description": "",
                "field_code": "B",
            },
            "after": {
                "code": "B.2",
                "title": "Übergang Schule–Beruf mit Mentoring begleiten",
                "description": "",
                "field_code": "B",
            },
            "changed_attributes": ["title"],
        },
        {
            "change": "added",
            "code": "A.3",
            "before": None,
            "after": {
                "code": "A.3",
                "title": "Sprachkurse im Betrieb anbieten",
                "description": "Berufsbezogene Deutschkurse.",
                "field_code": "A",
            },
            "changed_attributes": [],
        },
        {
            "change": "removed",
            "code": "B.3",
            "before": {
                "code": "B.3",
                "title": "Elternarbeit an Schulen stärken",
                "description": "",
                "field_code": "B",
            },
            "after": None,
            "changed_attributes": [],
        },
    ]

    adopted = await client.post(
        f"{URL}/editions/{draft['id']}/adopt",
        json={"adopted_on": "2026-12-17", "adopted_by": "Kreistag des Landkreises Gifhorn"},
        headers=coordinator.headers
        | {"If-Match": await etag(client, coordinator, f"/editions/{draft['id']}")},
    )
    assert adopted.status_code == 200, adopted.text
    assert (adopted.json()["status"], adopted.json()["adopted_on"]) == ("adopted", "2026-12-17")
    current = (await client.get(f"{URL}/current", headers=coordinator.headers)).json()
    assert current["id"] == draft["id"]
    old = (await client.get(f"{URL}/editions/{e2018.id}", headers=coordinator.headers)).json()
    assert (old["status"], old["superseded_on"]) == ("superseded", "2026-12-17")

    # Both the superseded 2018 edition and the adopted new one are read-only now.
    any_etag = {"If-Match": "*"}
    for edition_id, goal_id, field_id in (
        (e2018.id, e2018.goals["B.1"], e2018.fields["B"]),
        (draft["id"], goals_of(current)["B.1"]["id"], field_ids(current)["B"]),
    ):
        writes = [
            client.patch(
                f"{URL}/editions/{edition_id}", json={"title": "Neu"}, headers=coordinator.headers | any_etag
            ),
            client.delete(f"{URL}/editions/{edition_id}", headers=coordinator.headers | any_etag),
            client.post(
                f"{URL}/editions/{edition_id}/fields",
                json={"code": "X", "title": "Neu"},
                headers=coordinator.headers,
            ),
            client.patch(
                f"{URL}/fields/{field_id}", json={"title": "Neu"}, headers=coordinator.headers | any_etag
            ),
            client.delete(f"{URL}/fields/{field_id}", headers=coordinator.headers | any_etag),
            client.post(
                f"{URL}/editions/{edition_id}/goals",
                json={"field_of_action_id": field_id, "code": "X.1", "title": "Neu"},
                headers=coordinator.headers,
            ),
            client.patch(
                f"{URL}/goals/{goal_id}", json={"title": "Neu"}, headers=coordinator.headers | any_etag
            ),
            client.delete(f"{URL}/goals/{goal_id}", headers=coordinator.headers | any_etag),
            client.post(
                f"{URL}/editions/{edition_id}/adopt",
                json={"adopted_on": "2027-01-01", "adopted_by": "Kreistag"},
                headers=coordinator.headers | any_etag,
            ),
        ]
        for write in writes:
            response = await write
            assert response.status_code == 409, response.text
            assert response.json()["type"] == "urn:netzwerk:problem:conflict"
    read_only = await client.patch(
        f"{URL}/goals/{e2018.goals['B.1']}", json={"title": "Neu"}, headers=coordinator.headers | any_etag
    )
    assert read_only.json()["detail"] == READ_ONLY
    unchanged = (await client.get(f"{URL}/editions/{e2018.id}", headers=coordinator.headers)).json()
    assert goals_of(unchanged)["B.1"]["title"] == "Frühe Sprachförderung in Kitas ausbauen"
    assert unchanged["goal_count"] == 5

    assert [
        event.details["derived_from_edition_id"]
        for event in await audit_events(app, "concept_edition.derive")
    ] == [e2018.id]
    assert len(await audit_events(app, "goal.update")) == 1
    assert len(await audit_events(app, "goal.create")) == 1
    assert len(await audit_events(app, "goal.delete")) == 1
    [adopt_event] = await audit_events(app, "concept_edition.adopt")
    assert adopt_event.object_id == draft["id"]
    assert [event.object_id for event in await audit_events(app, "concept_edition.supersede")] == [e2018.id]


async def test_comparison_follows_the_origin_chain_then_the_code(
    client: httpx.AsyncClient, admin: Account, bodies: dict[str, uuid.UUID], app: FastAPI
) -> None:
    _, e2010, e2018 = await history(app, bodies)
    draft = await derive(client, admin, e2018.id)
    goals = goals_of(draft)
    fields = field_ids(draft)
    # B.1 gets a new code (same goal by origin); A.2 moves to field B; field A gets a new title.
    renamed = await client.patch(
        f"{URL}/goals/{goals['B.1']['id']}",
        json={"code": "B.1a"},
        headers=admin.headers | {"If-Match": '"1"'},
    )
    assert renamed.status_code == 200, renamed.text
    moved = await client.patch(
        f"{URL}/goals/{goals['A.2']['id']}",
        json={"field_of_action_id": fields["B"], "code": "B.4"},
        headers=admin.headers | {"If-Match": '"1"'},
    )
    assert moved.status_code == 200, moved.text
    retitled = await client.patch(
        f"{URL}/fields/{fields['A']}",
        json={"title": "Arbeit und Ausbildung"},
        headers=admin.headers | {"If-Match": '"1"'},
    )
    assert retitled.status_code == 200, retitled.text

    # Two editions back: the chain draft → 2018 → 2010 still finds the same items.
    for base in (e2018.id, e2010.id):
        result = (
            await client.get(
                f"{URL}/editions/{draft['id']}/comparison", params={"base": base}, headers=admin.headers
            )
        ).json()
        assert [(c["change"], c["code"], c["changed_attributes"]) for c in result["fields"]] == [
            ("changed", "A", ["title"])
        ]
        assert [(c["change"], c["code"], c["changed_attributes"]) for c in result["goals"]] == [
            ("changed", "B.1a", ["code"]),
            ("changed", "B.4", ["code", "field_of_action"]),
        ]

    # A blank draft has no origins: rows of the same code are the same item.
    await client.delete(
        f"{URL}/editions/{draft['id']}",
        headers=admin.headers | {"If-Match": await etag(client, admin, f"/editions/{draft['id']}")},
    )
    blank = await client.post(
        f"{URL}/editions", json={"year": 2027, "title": "Neuanfang"}, headers=admin.headers
    )
    assert blank.status_code == 201, blank.text
    field = await client.post(
        f"{URL}/editions/{blank.json()['id']}/fields",
        json={"code": "B", "title": "Bildung und Sprache", "description": "Beschreibung B"},
        headers=admin.headers,
    )
    assert field.status_code == 201, field.text
    await client.post(
        f"{URL}/editions/{blank.json()['id']}/goals",
        json={
            "field_of_action_id": field.json()["id"],
            "code": "B.1",
            "title": "Frühe Sprachförderung in Kitas ausbauen",
        },
        headers=admin.headers,
    )
    result = (
        await client.get(
            f"{URL}/editions/{blank.json()['id']}/comparison",
            params={"base": e2018.id},
            headers=admin.headers,
        )
    ).json()
    assert [(c["change"], c["code"]) for c in result["fields"]] == [("removed", "A")]
    assert [(c["change"], c["code"]) for c in result["goals"]] == [
        ("removed", "B.2"),
        ("removed", "B.3"),
        ("removed", "A.1"),
        ("removed", "A.2"),
    ]
    unknown = await client.get(
        f"{URL}/editions/{draft['id']}/comparison", params={"base": str(uuid.uuid4())}, headers=admin.headers
    )
    assert unknown.status_code == 404


async def test_who_reads_and_who_writes(
    client: httpx.AsyncClient, make_user: UserFactory, bodies: dict[str, uuid.UUID], app: FastAPI
) -> None:
    principles, e2010, e2018 = await history(app, bodies)
    coordinator = await make_user("coordinator")
    draft = await derive(client, coordinator, e2018.id)
    for role in ("member", "spokesperson", "steering"):
        reader = await make_user(role)
        listed = await client.get(f"{URL}/editions", headers=reader.headers)
        assert listed.status_code == 200
        assert [(e["year"], e["kind"], e["status"]) for e in listed.json()["items"]] == [
            (2026, "concept", "draft"),
            (2018, "concept", "adopted"),
            (2010, "concept", "superseded"),
            (2008, "guiding_principles", "adopted"),
        ]
        assert (await client.get(f"{URL}/editions/{draft['id']}", headers=reader.headers)).status_code == 200
        assert (await client.get(f"{URL}/goals", headers=reader.headers)).json()["total"] == 5
        refused = [
            await client.post(f"{URL}/editions", json={"year": 2027, "title": "X"}, headers=reader.headers),
            await client.post(
                f"{URL}/editions/{draft['id']}/fields",
                json={"code": "X", "title": "X"},
                headers=reader.headers,
            ),
            await client.patch(
                f"{URL}/goals/{goals_of(draft)['B.1']['id']}",
                json={"title": "X"},
                headers=reader.headers | {"If-Match": '"1"'},
            ),
            await client.post(
                f"{URL}/editions/{draft['id']}/adopt",
                json={"adopted_on": "2026-12-17", "adopted_by": "Kreistag"},
                headers=reader.headers | {"If-Match": '"1"'},
            ),
            await client.delete(
                f"{URL}/editions/{draft['id']}", headers=reader.headers | {"If-Match": '"1"'}
            ),
        ]
        assert [response.status_code for response in refused] == [403] * 5
    assert (await client.get(f"{URL}/editions")).status_code == 401
    assert goals_of((await client.get(f"{URL}/editions/{draft['id']}", headers=coordinator.headers)).json())[
        "B.1"
    ]["title"] == ("Frühe Sprachförderung in Kitas ausbauen")

    public = await client.get("/api/v1/public/concept")
    assert public.status_code == 200
    editions = public.json()
    assert [(e["year"], e["status"]) for e in editions] == [
        (2018, "adopted"),
        (2010, "superseded"),
        (2008, "adopted"),
    ]
    assert editions[2]["introduction"] == "Vielfalt als Chance."
    assert editions[2]["id"] == principles.id
    assert [goal["code"] for goal in editions[0]["fields"][0]["goals"]] == ["B.1", "B.2", "B.3"]
    assert editions[0]["fields"][0]["bodies"][0]["short_name"] == "AK Bildung"
    assert "version" not in editions[0]
    assert e2010.id in {e["id"] for e in editions}


async def test_one_draft_at_a_time_derived_only_from_the_current_edition(
    client: httpx.AsyncClient, admin: Account, bodies: dict[str, uuid.UUID], app: FastAPI
) -> None:
    missing = await client.get(f"{URL}/current", headers=admin.headers)
    assert missing.status_code == 404
    assert (await client.get(f"{URL}/goals", headers=admin.headers)).json()["items"] == []
    _, e2010, e2018 = await history(app, bodies)

    old = await client.post(
        f"{URL}/editions/{e2010.id}/derive", json={"year": 2026, "title": "Aus 2010"}, headers=admin.headers
    )
    assert old.status_code == 409
    assert "current edition" in old.json()["detail"]

    blank = await client.post(
        f"{URL}/editions",
        json={"year": 2026, "title": "  Entwurf  ", "introduction": "Text"},
        headers=admin.headers,
    )
    assert blank.status_code == 201, blank.text
    assert (blank.json()["title"], blank.json()["status"], blank.json()["fields"]) == ("Entwurf", "draft", [])
    assert blank.headers["Location"] == f"{URL}/editions/{blank.json()['id']}"
    second = await client.post(
        f"{URL}/editions", json={"year": 2026, "title": "Noch einer"}, headers=admin.headers
    )
    assert second.status_code == 409
    assert "already a draft" in second.json()["detail"]
    derived = await client.post(
        f"{URL}/editions/{e2018.id}/derive", json={"year": 2026, "title": "Abgeleitet"}, headers=admin.headers
    )
    assert derived.status_code == 409
    from_draft = await client.post(
        f"{URL}/editions/{blank.json()['id']}/derive",
        json={"year": 2026, "title": "X"},
        headers=admin.headers,
    )
    assert from_draft.status_code == 409

    deleted = await client.delete(
        f"{URL}/editions/{blank.json()['id']}", headers=admin.headers | {"If-Match": blank.headers["ETag"]}
    )
    assert deleted.status_code == 204
    assert (
        await client.get(f"{URL}/editions/{blank.json()['id']}", headers=admin.headers)
    ).status_code == 404
    listed = await client.get(f"{URL}/editions", params={"status": "draft"}, headers=admin.headers)
    assert listed.json()["total"] == 0
    await derive(client, admin, e2018.id)
    assert [e.object_id for e in await audit_events(app, "concept_edition.delete")] == [blank.json()["id"]]


async def test_if_match_and_validation(
    client: httpx.AsyncClient, admin: Account, bodies: dict[str, uuid.UUID], app: FastAPI
) -> None:
    _, _, e2018 = await history(app, bodies)
    draft = await derive(client, admin, e2018.id)
    goal = goals_of(draft)["B.1"]
    path = f"{URL}/goals/{goal['id']}"
    assert (await client.patch(path, json={"title": "X"}, headers=admin.headers)).status_code == 428
    first = await client.patch(
        path, json={"title": "Erste Fassung"}, headers=admin.headers | {"If-Match": '"1"'}
    )
    assert first.status_code == 200
    assert first.headers["ETag"] == '"2"'
    stale = await client.patch(path, json={"title": "Zweite"}, headers=admin.headers | {"If-Match": '"1"'})
    assert stale.status_code == 412
    assert (await client.get(path, headers=admin.headers)).json()["title"] == "Erste Fassung"
    for edition_write in (
        client.patch(f"{URL}/editions/{draft['id']}", json={"title": "X"}, headers=admin.headers),
        client.post(
            f"{URL}/editions/{draft['id']}/adopt",
            json={"adopted_on": "2026-12-17", "adopted_by": "Kreistag"},
            headers=admin.headers,
        ),
        client.delete(f"{URL}/fields/{field_ids(draft)['A']}", headers=admin.headers),
    ):
        assert (await edition_write).status_code == 428
    stale_edition = await client.patch(
        f"{URL}/editions/{draft['id']}", json={"title": "X"}, headers=admin.headers | {"If-Match": '"7"'}
    )
    assert stale_edition.status_code == 412

    # Codes are unique per edition, in fields and in goals.
    fields = field_ids(draft)
    duplicates = [
        await client.post(
            f"{URL}/editions/{draft['id']}/fields",
            json={"code": "B", "title": "Doppelt"},
            headers=admin.headers,
        ),
        await client.patch(
            f"{URL}/fields/{fields['A']}", json={"code": "B"}, headers=admin.headers | {"If-Match": '"1"'}
        ),
        await client.post(
            f"{URL}/editions/{draft['id']}/goals",
            json={"field_of_action_id": fields["A"], "code": "B.2", "title": "Doppelt"},
            headers=admin.headers,
        ),
        await client.patch(path, json={"code": "A.1"}, headers=admin.headers | {"If-Match": '"2"'}),
    ]
    for response in duplicates:
        assert response.status_code == 422, response.text
        [error] = response.json()["errors"]
        assert (error["field"], error["code"]) == ("code", "duplicate_code")
    # The same code in another edition is fine: the draft's goal keeps "B.1" next to 2018's "B.1".
    same = await client.patch(path, json={"code": "B.1"}, headers=admin.headers | {"If-Match": '"2"'})
    assert same.status_code == 200

    foreign_field = await client.post(
        f"{URL}/editions/{draft['id']}/goals",
        json={"field_of_action_id": e2018.fields["A"], "code": "A.9", "title": "Falsche Fassung"},
        headers=admin.headers,
    )
    assert foreign_field.status_code == 422
    assert foreign_field.json()["errors"][0]["field"] == "field_of_action_id"
    unknown_body = await client.post(
        f"{URL}/editions/{draft['id']}/fields",
        json={"code": "T", "title": "Teilhabe", "body_ids": [str(uuid.uuid4())]},
        headers=admin.headers,
    )
    assert unknown_body.status_code == 422
    assert unknown_body.json()["errors"][0]["field"] == "body_ids"
    for payload in ({"year": 2026, "title": "   "}, {"year": 1200, "title": "Alt"}, {"title": None}):
        response = await client.patch(
            f"{URL}/editions/{draft['id']}", json=payload, headers=admin.headers | {"If-Match": '"1"'}
        )
        assert response.status_code == 422, payload
    early = await client.post(
        f"{URL}/editions/{draft['id']}/adopt",
        json={"adopted_on": "2017-01-01", "adopted_by": "Kreistag"},
        headers=admin.headers | {"If-Match": '"1"'},
    )
    assert early.status_code == 422
    assert early.json()["errors"][0]["field"] == "adopted_on"
    assert (await client.get(f"{URL}/editions/{e2018.id}", headers=admin.headers)).json()[
        "status"
    ] == "adopted"


async def test_fields_with_bodies_and_deleting_a_field_takes_its_goals(
    client: httpx.AsyncClient, admin: Account, bodies: dict[str, uuid.UUID], app: FastAPI
) -> None:
    _, _, e2018 = await history(app, bodies)
    draft = await derive(client, admin, e2018.id)
    created = await client.post(
        f"{URL}/editions/{draft['id']}/fields",
        json={
            "code": "T",
            "title": "Gesellschaftliche Teilhabe",
            "description": "Teilhabe heißt kennen, gestalten, mitmachen.",
            "body_ids": [str(bodies["AK Teilhabe"]), str(bodies["AK Familienleben"])],
        },
        headers=admin.headers,
    )
    assert created.status_code == 201, created.text
    field_id = created.json()["id"]
    assert created.json()["position"] == 3
    assert [body["short_name"] for body in created.json()["bodies"]] == ["AK Familienleben", "AK Teilhabe"]
    rebodied = await client.patch(
        f"{URL}/fields/{field_id}",
        json={"body_ids": [str(bodies["AK Teilhabe"])]},
        headers=admin.headers | {"If-Match": created.headers["ETag"]},
    )
    assert rebodied.status_code == 200, rebodied.text
    assert rebodied.json()["body_ids"] == [str(bodies["AK Teilhabe"])]
    assert rebodied.json()["version"] == 2
    by_body = await client.get(
        f"{URL}/fields",
        params={"edition_id": draft["id"], "body_id": str(bodies["AK Teilhabe"])},
        headers=admin.headers,
    )
    assert [item["code"] for item in by_body.json()["items"]] == ["T"]
    assert by_body.json()["items"][0]["edition_year"] == 2026

    goal = await client.post(
        f"{URL}/editions/{draft['id']}/goals",
        json={"field_of_action_id": field_id, "code": "T.1", "title": "Formulare in leichter Sprache"},
        headers=admin.headers,
    )
    async with app.state.sessionmaker() as session, session.begin():
        measure = Measure(reference="M-2026-001", title="Formularlotsen", body_id=bodies["AK Teilhabe"])
        session.add(measure)
        await session.flush()
        await session.execute(
            insert(measure_goals).values(measure_id=measure.id, goal_id=uuid.UUID(goal.json()["id"]))
        )
    assert (await client.get(f"{URL}/goals/{goal.json()['id']}", headers=admin.headers)).json()[
        "measure_count"
    ] == 1

    deleted = await client.delete(f"{URL}/fields/{field_id}", headers=admin.headers | {"If-Match": '"2"'})
    assert deleted.status_code == 204, deleted.text
    assert (await client.get(f"{URL}/fields/{field_id}", headers=admin.headers)).status_code == 404
    assert (await client.get(f"{URL}/goals/{goal.json()['id']}", headers=admin.headers)).status_code == 404
    after = (await client.get(f"{URL}/editions/{draft['id']}", headers=admin.headers)).json()
    assert (after["field_count"], after["goal_count"]) == (2, 5)
    [event] = await audit_events(app, "field_of_action.delete")
    assert event.object_id == field_id

    # A need linked to a draft's field (not possible through the API) blocks deleting it.
    async with app.state.sessionmaker() as session, session.begin():
        session.add(
            Need(
                body_id=bodies["AK Bildung"],
                title="Bedarf",
                field_of_action_id=uuid.UUID(field_ids(draft)["B"]),
            )
        )
    blocked = await client.delete(
        f"{URL}/fields/{field_ids(draft)['B']}", headers=admin.headers | {"If-Match": '"1"'}
    )
    assert blocked.status_code == 409
    assert "Needs are linked" in blocked.json()["detail"]


async def test_pickers_default_to_the_current_edition(
    client: httpx.AsyncClient, make_user: UserFactory, bodies: dict[str, uuid.UUID], app: FastAPI
) -> None:
    _, e2010, e2018 = await history(app, bodies)
    member = await make_user("member")
    async with app.state.sessionmaker() as session, session.begin():
        live = Measure(reference="M-2026-001", title="Sprachkita", body_id=bodies["AK Bildung"])
        gone = Measure(reference="M-2026-002", title="Alt", body_id=bodies["AK Ausbildung und Arbeit"])
        session.add_all([live, gone])
        await session.flush()
        gone.deleted_at = gone.created_at
        await session.execute(
            insert(measure_goals),
            [
                {"measure_id": live.id, "goal_id": uuid.UUID(e2018.goals["B.1"])},
                {"measure_id": gone.id, "goal_id": uuid.UUID(e2018.goals["A.1"])},
            ],
        )

    goals = (await client.get(f"{URL}/goals", headers=member.headers)).json()
    assert [item["code"] for item in goals["items"]] == ["B.1", "B.2", "B.3", "A.1", "A.2"]
    first = goals["items"][0]
    assert (first["edition_year"], first["edition_status"], first["field_code"], first["measure_count"]) == (
        2018,
        "adopted",
        "B",
        1,
    )
    without = (
        await client.get(f"{URL}/goals", params={"without_measures": "true"}, headers=member.headers)
    ).json()
    assert [item["code"] for item in without["items"]] == ["B.2", "B.3", "A.1", "A.2"]
    assert without["total"] == 4
    with_measures = await client.get(
        f"{URL}/goals", params={"without_measures": "false"}, headers=member.headers
    )
    assert [item["code"] for item in with_measures.json()["items"]] == ["B.1"]
    by_field = await client.get(
        f"{URL}/goals",
        params={"field_of_action_id": e2018.fields["A"], "q": "betriebe"},
        headers=member.headers,
    )
    assert [item["code"] for item in by_field.json()["items"]] == ["A.2"]
    older = await client.get(
        f"{URL}/goals", params={"edition_id": e2010.id, "q": "a.1"}, headers=member.headers
    )
    assert [(item["code"], item["edition_status"]) for item in older.json()["items"]] == [
        ("A.1", "superseded")
    ]

    fields = (await client.get(f"{URL}/fields", headers=member.headers)).json()
    assert [(item["code"], item["edition_year"]) for item in fields["items"]] == [("B", 2018), ("A", 2018)]
    assert "goals" not in fields["items"][0]
    field = await client.get(f"{URL}/fields/{e2018.fields['B']}", headers=member.headers)
    assert [goal["code"] for goal in field.json()["goals"]] == ["B.1", "B.2", "B.3"]
    assert field.headers["ETag"] == '"1"'


async def test_needs_link_a_field_of_the_current_edition_and_keep_it(
    client: httpx.AsyncClient, admin: Account, bodies: dict[str, uuid.UUID], app: FastAPI
) -> None:
    _, e2010, e2018 = await history(app, bodies)
    draft = await derive(client, admin, e2018.id)
    need_url = "/api/v1/needs"
    created = await client.post(
        need_url,
        json={
            "body_id": str(bodies["AK Bildung"]),
            "title": "Dolmetschpool",
            "field_of_action_id": e2018.fields["B"],
        },
        headers=admin.headers,
    )
    assert created.status_code == 201, created.text
    need = created.json()
    assert need["field_of_action"] == {
        "id": e2018.fields["B"],
        "code": "B",
        "title": "Bildung und Sprache",
        "edition_id": e2018.id,
        "edition_year": 2018,
    }
    other = await client.post(
        need_url,
        json={"body_id": str(bodies["AK Ausbildung und Arbeit"]), "title": "Praktika"},
        headers=admin.headers,
    )
    assert other.json()["field_of_action"] is None
    for not_current in (field_ids(draft)["B"], e2010.fields["B"], str(uuid.uuid4())):
        refused = await client.post(
            need_url,
            json={"body_id": str(bodies["AK Bildung"]), "title": "X", "field_of_action_id": not_current},
            headers=admin.headers,
        )
        assert refused.status_code == 422
        [error] = refused.json()["errors"]
        assert (error["field"], error["code"]) == ("field_of_action_id", "unknown_field_of_action")
        moved = await client.patch(
            f"{need_url}/{need['id']}",
            json={"field_of_action_id": not_current},
            headers=admin.headers | {"If-Match": '"1"'},
        )
        assert moved.status_code == 422
    relinked = await client.patch(
        f"{need_url}/{other.json()['id']}",
        json={"field_of_action_id": e2018.fields["A"]},
        headers=admin.headers | {"If-Match": '"1"'},
    )
    assert relinked.status_code == 200
    assert relinked.json()["field_of_action"]["code"] == "A"

    by_field = await client.get(
        need_url, params={"field_of_action_id": e2018.fields["B"]}, headers=admin.headers
    )
    assert [item["id"] for item in by_field.json()["items"]] == [need["id"]]

    adopted = await client.post(
        f"{URL}/editions/{draft['id']}/adopt",
        json={"adopted_on": "2026-12-17", "adopted_by": "Kreistag"},
        headers=admin.headers | {"If-Match": '"1"'},
    )
    assert adopted.status_code == 200
    # The need keeps its link to the 2018 field; other changes of the need still work.
    kept = await client.patch(
        f"{need_url}/{need['id']}",
        json={"title": "Dolmetschpool für Elterngespräche"},
        headers=admin.headers | {"If-Match": '"1"'},
    )
    assert kept.status_code == 200, kept.text
    assert (kept.json()["field_of_action"]["edition_year"], kept.json()["field_of_action_id"]) == (
        2018,
        e2018.fields["B"],
    )
    assert (
        await client.get(need_url, params={"field_of_action_id": e2018.fields["B"]}, headers=admin.headers)
    ).json()["total"] == 1
    # New links go to the fields of the new current edition only.
    old_field = await client.patch(
        f"{need_url}/{other.json()['id']}",
        json={"field_of_action_id": e2018.fields["B"]},
        headers=admin.headers | {"If-Match": '"2"'},
    )
    assert old_field.status_code == 422
    new_field = await client.patch(
        f"{need_url}/{other.json()['id']}",
        json={"field_of_action_id": field_ids(draft)["B"]},
        headers=admin.headers | {"If-Match": '"2"'},
    )
    assert new_field.status_code == 200
    assert new_field.json()["field_of_action"]["edition_year"] == 2026
