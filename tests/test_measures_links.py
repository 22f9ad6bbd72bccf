"""Measures and what they link: goals of older editions, needs, meetings, milestones, indicators."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
from fastapi import FastAPI
from sqlalchemy import insert

from api.models import AgendaItem, Meeting, measure_goals
from tests.conftest import Account, UserFactory, audit_events
from tests.test_measures import URL, create, etag, make_concept
from tests.test_offers import make_meeting, seat

NEEDS = "/api/v1/needs"
MEETINGS = "/api/v1/meetings"


# --- goals ------------------------------------------------------------------------------------


async def test_goals_of_a_superseded_edition_stay_linked_but_cannot_be_added(
    client: httpx.AsyncClient, admin: Account, bodies: dict[str, uuid.UUID], app: FastAPI
) -> None:
    concept = await make_concept(app)
    goals = concept.goals
    refused = await client.post(
        URL,
        json={"body_id": str(bodies["AK Bildung"]), "title": "Alt", "goal_ids": [str(goals["2010:B.1"])]},
        headers=admin.headers,
    )
    assert refused.status_code == 422
    assert refused.json()["errors"][0]["field"] == "goal_ids"
    measure = await create(client, admin, bodies["AK Bildung"], goal_ids=[str(goals["2018:B.1"])])
    # A link made while 2010 was the current edition (written directly, as history).
    async with app.state.sessionmaker() as session, session.begin():
        await session.execute(
            insert(measure_goals).values(measure_id=uuid.UUID(measure["id"]), goal_id=goals["2010:B.1"])
        )
    read = (await client.get(f"{URL}/{measure['id']}", headers=admin.headers)).json()
    assert [(goal["code"], goal["edition_year"], goal["edition_status"]) for goal in read["goals"]] == [
        ("B.1", 2018, "adopted"),
        ("B.1", 2010, "superseded"),
    ]
    assert read["goals"][1]["field_code"] == "B"
    assert read["goal_codes"] == ["B.1"]  # the current edition's only
    kept = await client.patch(
        f"{URL}/{measure['id']}",
        json={"goal_ids": [str(goals["2018:B.1"]), str(goals["2010:B.1"]), str(goals["2018:A.1"])]},
        headers=admin.headers | {"If-Match": await etag(client, admin, measure["id"])},
    )
    assert kept.status_code == 200, kept.text
    assert sorted((goal["code"], goal["edition_year"]) for goal in kept.json()["goals"]) == [
        ("A.1", 2018),
        ("B.1", 2010),
        ("B.1", 2018),
    ]
    before = kept.json()
    for goal_ids in (
        [goals["2018:B.1"], goals["2010:B.1"], goals["2010:B.2"]],  # another old goal
        [uuid.uuid4()],
    ):
        added = await client.patch(
            f"{URL}/{measure['id']}",
            json={"goal_ids": [str(goal_id) for goal_id in goal_ids]},
            headers=admin.headers | {"If-Match": kept.headers["ETag"]},
        )
        assert added.status_code == 422, added.text
        assert added.json()["errors"][0]["field"] == "goal_ids"
    assert (await client.get(f"{URL}/{measure['id']}", headers=admin.headers)).json() == before
    # Once removed, an old goal cannot come back.
    removed = await client.patch(
        f"{URL}/{measure['id']}",
        json={"goal_ids": [str(goals["2026:B.1"])]},
        headers=admin.headers | {"If-Match": kept.headers["ETag"]},
    )
    assert [goal["edition_status"] for goal in removed.json()["goals"]] == ["draft"]
    back = await client.patch(
        f"{URL}/{measure['id']}",
        json={"goal_ids": [str(goals["2010:B.1"])]},
        headers=admin.headers | {"If-Match": removed.headers["ETag"]},
    )
    assert back.status_code == 422


# --- needs ------------------------------------------------------------------------------------


async def _need(client: httpx.AsyncClient, admin: Account, body_id: uuid.UUID, title: str) -> dict[str, Any]:
    response = await client.post(NEEDS, json={"body_id": str(body_id), "title": title}, headers=admin.headers)
    assert response.status_code == 201, response.text
    need: dict[str, Any] = response.json()
    return need


async def test_linking_a_need_makes_it_addressed_and_the_need_shows_the_measure(
    client: httpx.AsyncClient, make_user: UserFactory, bodies: dict[str, uuid.UUID], app: FastAPI
) -> None:
    coordinator = await make_user("coordinator")
    member = await make_user("member")
    open_need = await _need(client, coordinator, bodies["AK Bildung"], "Kitaplätze")
    escalated = await _need(client, coordinator, bodies["AK Bildung"], "Fahrtkosten")
    moved = await client.post(
        f"{NEEDS}/{escalated['id']}/status",
        json={"status": "escalated"},
        headers=coordinator.headers | {"If-Match": '"1"'},
    )
    assert moved.status_code == 200
    assert open_need["measures"] == []
    measure = await create(client, coordinator, bodies["AK Bildung"], need_ids=[open_need["id"]])
    assert [(need["title"], need["status"], need["body_short_name"]) for need in measure["needs"]] == [
        ("Kitaplätze", "addressed", "AK Bildung")
    ]
    need = (await client.get(f"{NEEDS}/{open_need['id']}", headers=member.headers)).json()
    assert need["status"] == "addressed"
    assert need["measures"] == [
        {"id": measure["id"], "reference": measure["reference"], "title": measure["title"], "status": "idea"}
    ]
    [event] = [
        event for event in await audit_events(app, "need.status") if event.object_id == open_need["id"]
    ]
    assert (event.details["from"], event.details["to"], event.details["measure_id"]) == (
        "open",
        "addressed",
        measure["id"],
    )
    # Linking a need in another status leaves its status alone.
    patched = await client.patch(
        f"{URL}/{measure['id']}",
        json={"need_ids": [open_need["id"], escalated["id"]]},
        headers=coordinator.headers | {"If-Match": '"1"'},
    )
    assert patched.status_code == 200, patched.text
    assert sorted(need["status"] for need in patched.json()["needs"]) == ["addressed", "escalated"]
    listed = (await client.get(NEEDS, headers=member.headers)).json()["items"]
    assert {need["title"]: [m["reference"] for m in need["measures"]] for need in listed} == {
        "Kitaplätze": [measure["reference"]],
        "Fahrtkosten": [measure["reference"]],
    }
    assert len(await audit_events(app, "need.status")) == 2  # the open one once, the escalation
    # A deleted need cannot be linked; a deleted measure no longer shows on the need.
    deleted_need = await _need(client, coordinator, bodies["AK Bildung"], "Weg")
    await client.delete(f"{NEEDS}/{deleted_need['id']}", headers=coordinator.headers | {"If-Match": '"1"'})
    refused = await client.patch(
        f"{URL}/{measure['id']}",
        json={"need_ids": [deleted_need["id"]]},
        headers=coordinator.headers | {"If-Match": '"2"'},
    )
    assert (refused.status_code, refused.json()["errors"][0]["field"]) == (422, "need_ids")
    await client.delete(f"{URL}/{measure['id']}", headers=coordinator.headers | {"If-Match": '"2"'})
    need = (await client.get(f"{NEEDS}/{open_need['id']}", headers=member.headers)).json()
    assert (need["status"], need["measures"]) == ("addressed", [])


# --- meetings ---------------------------------------------------------------------------------


async def _meeting(app: FastAPI, body_id: uuid.UUID, title: str, days: int) -> str:
    starts = datetime(2026, 2, 11, 14, 0, tzinfo=UTC) + timedelta(days=days)
    async with app.state.sessionmaker() as session, session.begin():
        meeting = Meeting(body_id=body_id, title=title, starts_at=starts, ends_at=starts + timedelta(hours=2))
        session.add(meeting)
        await session.flush()
        return str(meeting.id)


async def test_agenda_items_link_measures_and_the_measure_shows_readable_meetings_only(
    client: httpx.AsyncClient, make_user: UserFactory, bodies: dict[str, uuid.UUID], app: FastAPI
) -> None:
    coordinator = await make_user("coordinator")
    education_member = await make_user("member")
    await seat(app, education_member, bodies["AK Bildung"])
    other_member = await make_user("member")
    await seat(app, other_member, bodies["AK Teilhabe"])
    measure = await create(client, coordinator, bodies["AK Bildung"], title="Lernpaten")
    later = await _meeting(app, bodies["AK Bildung"], "AK Bildung 2/2026", days=90)
    earlier, earlier_item = await make_meeting(app, bodies["AK Bildung"], kind="measure_development")
    created = await client.post(
        f"{MEETINGS}/{later}/agenda-items",
        json={"title": "Lernpaten planen", "kind": "measure_development", "measure_id": measure["id"]},
        headers=coordinator.headers,
    )
    assert created.status_code == 201, created.text
    assert created.json()["measure_id"] == measure["id"]
    assert created.json()["measure"] == {
        "id": measure["id"],
        "reference": measure["reference"],
        "title": "Lernpaten",
        "status": "idea",
    }
    for payload, code in (
        ({"title": "Bericht", "kind": "report", "measure_id": measure["id"]}, "wrong_kind"),
        ({"title": "Neu", "kind": "measure_development", "measure_id": str(uuid.uuid4())}, "unknown_measure"),
    ):
        refused = await client.post(
            f"{MEETINGS}/{later}/agenda-items", json=payload, headers=coordinator.headers
        )
        assert refused.status_code == 422, refused.text
        [error] = refused.json()["errors"]
        assert (error["field"], error["code"]) == ("measure_id", code)
    linked = await client.patch(
        f"{MEETINGS}/{earlier}/agenda-items/{earlier_item}",
        json={"measure_id": measure["id"]},
        headers=coordinator.headers | {"If-Match": '"1"'},
    )
    assert linked.status_code == 200, linked.text
    assert linked.json()["measure"]["reference"] == measure["reference"]
    agenda = (await client.get(f"{MEETINGS}/{earlier}/agenda-items", headers=coordinator.headers)).json()
    assert [item["measure"]["id"] if item["measure"] else None for item in agenda] == [measure["id"]]

    async def discussed(account: Account) -> list[tuple[str, str | None]]:
        read = (await client.get(f"{URL}/{measure['id']}", headers=account.headers)).json()
        return [(ref["meeting_title"], ref["agenda_item_title"]) for ref in read["discussed_in"]]

    both = [("AK Bildung 1/2026", "Angebote stellen sich vor"), ("AK Bildung 2/2026", "Lernpaten planen")]
    assert await discussed(coordinator) == both
    assert await discussed(education_member) == both
    assert await discussed(other_member) == []
    # Another kind unlinks; a wrong kind with a measure is refused.
    wrong = await client.patch(
        f"{MEETINGS}/{earlier}/agenda-items/{earlier_item}",
        json={"kind": "report", "measure_id": measure["id"]},
        headers=coordinator.headers | {"If-Match": '"2"'},
    )
    assert wrong.status_code == 422
    unlinked = await client.patch(
        f"{MEETINGS}/{earlier}/agenda-items/{earlier_item}",
        json={"kind": "report"},
        headers=coordinator.headers | {"If-Match": '"2"'},
    )
    assert (unlinked.status_code, unlinked.json()["measure_id"], unlinked.json()["measure"]) == (
        200,
        None,
        None,
    )
    assert await discussed(coordinator) == both[1:]
    # A deleted measure is no longer shown on the agenda item.
    await client.delete(f"{URL}/{measure['id']}", headers=coordinator.headers | {"If-Match": '"1"'})
    agenda = (await client.get(f"{MEETINGS}/{later}/agenda-items", headers=coordinator.headers)).json()
    assert [item["measure"] for item in agenda] == [None]


async def test_origin_is_checked_and_shown_only_to_readers_of_the_meeting(
    client: httpx.AsyncClient, make_user: UserFactory, bodies: dict[str, uuid.UUID], app: FastAPI
) -> None:
    coordinator = await make_user("coordinator")
    education_member = await make_user("member")
    await seat(app, education_member, bodies["AK Bildung"])
    other_member = await make_user("member")
    await seat(app, other_member, bodies["AK Teilhabe"])
    meeting, item = await make_meeting(app, bodies["AK Bildung"], kind="needs")
    other_meeting = await _meeting(app, bodies["AK Bildung"], "AK Bildung 2/2026", days=90)
    mismatch = await client.post(
        URL,
        json={
            "body_id": str(bodies["AK Bildung"]),
            "title": "X",
            "origin_meeting_id": other_meeting,
            "origin_agenda_item_id": item,
        },
        headers=coordinator.headers,
    )
    assert (mismatch.status_code, mismatch.json()["errors"][0]["field"]) == (422, "origin_agenda_item_id")
    measure = await create(client, coordinator, bodies["AK Bildung"], origin_agenda_item_id=item)
    assert measure["origin"] == {
        "meeting_id": meeting,
        "meeting_title": "AK Bildung 1/2026",
        "meeting_starts_at": "2026-02-11T14:00:00Z",
        "agenda_item_id": item,
        "agenda_item_number": "1",
        "agenda_item_title": "Angebote stellen sich vor",
    }
    assert (await client.get(f"{URL}/{measure['id']}", headers=education_member.headers)).json()["origin"][
        "meeting_id"
    ] == meeting
    assert (await client.get(f"{URL}/{measure['id']}", headers=other_member.headers)).json()["origin"] is None
    # Sending only another meeting drops the item of the old one.
    moved = await client.patch(
        f"{URL}/{measure['id']}",
        json={"origin_meeting_id": other_meeting},
        headers=coordinator.headers | {"If-Match": '"1"'},
    )
    assert moved.status_code == 200, moved.text
    origin = moved.json()["origin"]
    assert (origin["meeting_title"], origin["agenda_item_id"]) == ("AK Bildung 2/2026", None)
    # A meeting the caller may not read cannot be named as origin.
    spokesperson = await make_user("spokesperson")
    await seat(app, spokesperson, bodies["AK Teilhabe"], role="spokesperson")
    unreadable = await client.post(
        URL,
        json={"body_id": str(bodies["AK Teilhabe"]), "title": "Y", "origin_meeting_id": meeting},
        headers=spokesperson.headers,
    )
    assert (unreadable.status_code, unreadable.json()["errors"][0]["field"]) == (422, "origin_meeting_id")
    async with app.state.sessionmaker() as session:
        stored = await session.get(AgendaItem, uuid.UUID(item))
        assert stored is not None
        assert stored.measure_id is None


# --- milestones and indicators ----------------------------------------------------------------


async def test_milestones_are_added_changed_and_removed(
    client: httpx.AsyncClient, admin: Account, bodies: dict[str, uuid.UUID], app: FastAPI
) -> None:
    measure = await create(client, admin, bodies["AK Bildung"])
    other = await create(client, admin, bodies["AK Bildung"], title="Andere")
    path = f"{URL}/{measure['id']}/milestones"
    first = await client.post(
        path,
        json={"date": "2026-06-30", "title": "Zehn Paten gewonnen", "progress": 40},
        headers=admin.headers,
    )
    assert first.status_code == 201, first.text
    assert (first.headers["ETag"], first.headers["Location"]) == ('"1"', f"{path}/{first.json()['id']}")
    second = await client.post(path, json={"date": "2026-03-01", "title": "Auftakt"}, headers=admin.headers)
    assert second.json()["progress"] is None
    for payload in (
        {"date": "2026-03-01", "title": "X", "progress": 101},
        {"date": "2026-03-01", "title": "X", "progress": -5},
        {"date": "März", "title": "X"},
        {"title": "X"},
    ):
        response = await client.post(path, json=payload, headers=admin.headers)
        assert response.status_code == 422, payload
    read = (await client.get(f"{URL}/{measure['id']}", headers=admin.headers)).json()
    assert [milestone["title"] for milestone in read["milestones"]] == ["Auftakt", "Zehn Paten gewonnen"]
    assert read["version"] == 1  # milestones do not change the measure's ETag
    one = f"{path}/{first.json()['id']}"
    assert (await client.patch(one, json={"note": "x"}, headers=admin.headers)).status_code == 428
    assert (
        await client.patch(one, json={"note": "x"}, headers=admin.headers | {"If-Match": '"5"'})
    ).status_code == 412
    too_much = await client.patch(one, json={"progress": 120}, headers=admin.headers | {"If-Match": '"1"'})
    assert too_much.status_code == 422
    changed = await client.patch(
        one,
        json={"note": "Mit der VHS", "progress": 50, "date": "2026-02-01"},
        headers=admin.headers | {"If-Match": '"1"'},
    )
    assert changed.status_code == 200
    read = (await client.get(f"{URL}/{measure['id']}", headers=admin.headers)).json()
    assert [milestone["title"] for milestone in read["milestones"]] == ["Zehn Paten gewonnen", "Auftakt"]
    assert (changed.json()["note"], changed.json()["progress"], changed.headers["ETag"]) == (
        "Mit der VHS",
        50,
        '"2"',
    )
    wrong_measure = await client.patch(
        f"{URL}/{other['id']}/milestones/{first.json()['id']}",
        json={"note": "x"},
        headers=admin.headers | {"If-Match": '"2"'},
    )
    assert wrong_measure.status_code == 404
    assert (await client.delete(one, headers=admin.headers | {"If-Match": '"1"'})).status_code == 412
    assert (await client.delete(one, headers=admin.headers | {"If-Match": '"2"'})).status_code == 204
    read = (await client.get(f"{URL}/{measure['id']}", headers=admin.headers)).json()
    assert [milestone["title"] for milestone in read["milestones"]] == ["Auftakt"]
    assert len(await audit_events(app, "milestone.create")) == 2
    [update] = await audit_events(app, "milestone.update")
    assert update.details == {"measure_id": measure["id"], "fields": ["date", "note", "progress"]}
    assert len(await audit_events(app, "milestone.delete")) == 1


async def test_indicators_with_actuals_per_period(
    client: httpx.AsyncClient, admin: Account, bodies: dict[str, uuid.UUID], app: FastAPI
) -> None:
    measure = await create(client, admin, bodies["AK Bildung"])
    path = f"{URL}/{measure['id']}/indicators"
    created = await client.post(
        path,
        json={
            "name": "Teilnehmende",
            "unit": "Personen",
            "baseline": 0,
            "target": 40,
            "actuals": [{"period": "2026-Q1", "value": 12}, {"period": "2026-04", "value": 15.5}],
        },
        headers=admin.headers,
    )
    assert created.status_code == 201, created.text
    indicator = created.json()
    assert (indicator["position"], indicator["target"], indicator["actuals"][1]) == (
        0,
        40.0,
        {"period": "2026-04", "value": 15.5},
    )
    second = await client.post(path, json={"name": "Patenschaften"}, headers=admin.headers)
    assert (second.json()["position"], second.json()["actuals"], second.json()["unit"]) == (1, [], "")
    for period in ("2026-Q5", "2026-H3", "2026-13", "26", "2026-1", "2026 Q1", "2026-00"):
        response = await client.post(
            path, json={"name": "X", "actuals": [{"period": period, "value": 1}]}, headers=admin.headers
        )
        assert response.status_code == 422, period
        assert response.json()["errors"][0]["field"] == "actuals.0.period"
    for period in ("2026", "2026-H2", "2026-Q4", "2026-12"):
        response = await client.post(
            path, json={"name": "X", "actuals": [{"period": period, "value": 1}]}, headers=admin.headers
        )
        assert response.status_code == 201, period
    duplicate = [{"period": "2026-Q1", "value": 1}, {"period": "2026-Q1", "value": 2}]
    response = await client.post(path, json={"name": "X", "actuals": duplicate}, headers=admin.headers)
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "actuals"
    one = f"{path}/{indicator['id']}"
    assert (await client.patch(one, json={"target": 50}, headers=admin.headers)).status_code == 428
    repeated = await client.patch(
        one, json={"actuals": duplicate}, headers=admin.headers | {"If-Match": '"1"'}
    )
    assert repeated.status_code == 422
    changed = await client.patch(
        one,
        json={"target": 50, "actuals": [{"period": "2026-H1", "value": 30}]},
        headers=admin.headers | {"If-Match": '"1"'},
    )
    assert changed.status_code == 200, changed.text
    assert (changed.json()["target"], changed.json()["actuals"], changed.json()["version"]) == (
        50.0,
        [{"period": "2026-H1", "value": 30.0}],
        2,
    )
    read = (await client.get(f"{URL}/{measure['id']}", headers=admin.headers)).json()
    assert [row["name"] for row in read["indicators"]][:2] == ["Teilnehmende", "Patenschaften"]
    assert read["indicators"][0]["actuals"] == [{"period": "2026-H1", "value": 30.0}]
    assert (await client.delete(one, headers=admin.headers | {"If-Match": '"2"'})).status_code == 204
    assert (await client.get(f"{URL}/{measure['id']}", headers=admin.headers)).json()["indicators"][0][
        "name"
    ] == "Patenschaften"
    assert [
        len(await audit_events(app, f"indicator.{action}")) for action in ("create", "update", "delete")
    ] == [
        6,
        1,
        1,
    ]
