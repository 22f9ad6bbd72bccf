"""Bodies and working groups: who reads, who edits, spokespersons at a glance."""

from __future__ import annotations

import uuid
from datetime import date, timedelta

import httpx
import pytest
from fastapi import FastAPI

from tests.conftest import Account, UserFactory, audit_events

URL = "/api/v1/bodies"


async def _member(
    client: httpx.AsyncClient, admin: Account, given: str, family: str, title: str | None = None
) -> str:
    response = await client.post(
        "/api/v1/members",
        json={"given_name": given, "family_name": family, "title": title, "engagement": "volunteer"},
        headers=admin.headers,
    )
    assert response.status_code == 201, response.text
    return str(response.json()["id"])


async def _join(
    client: httpx.AsyncClient, admin: Account, member_id: str, body_id: uuid.UUID, role: str, **extra: object
) -> dict[str, object]:
    response = await client.post(
        "/api/v1/memberships",
        json={"member_id": member_id, "body_id": str(body_id), "role": role, "start_on": "2025-01-01"}
        | extra,
        headers=admin.headers,
    )
    assert response.status_code == 201, response.text
    body: dict[str, object] = response.json()
    return body


@pytest.mark.parametrize("role", ["admin", "coordinator", "spokesperson", "member", "steering"])
async def test_every_role_lists_bodies_and_working_groups(
    role: str, client: httpx.AsyncClient, make_user: UserFactory, bodies: dict[str, uuid.UUID]
) -> None:
    caller = await make_user(role)
    listed = await client.get(URL, headers=caller.headers)
    assert listed.status_code == 200
    assert [(item["short_name"], item["kind"]) for item in listed.json()["items"]] == [
        ("AK Bildung", "working_group"),
        ("AK Familienleben", "working_group"),
        ("AK Teilhabe", "working_group"),
        ("AK Ausbildung und Arbeit", "working_group"),
        ("Netzwerk", "network"),
        ("Steuerungsgruppe", "steering_group"),
    ]
    groups = await client.get("/api/v1/working-groups", headers=caller.headers)
    assert groups.status_code == 200
    assert groups.json()["total"] == 4
    assert {item["short_name"] for item in groups.json()["items"]} == {
        "AK Bildung",
        "AK Familienleben",
        "AK Ausbildung und Arbeit",
        "AK Teilhabe",
    }
    steering = await client.get(f"{URL}/{bodies['Steuerungsgruppe']}", headers=caller.headers)
    assert steering.status_code == 200
    assert (
        steering.json()["cadence"],
        steering.json()["founded_year"],
        steering.json()["spokespersons"],
    ) == (
        "half_yearly",
        2017,
        [],
    )
    assert steering.headers["ETag"] == '"1"'


async def test_filters_and_search(
    client: httpx.AsyncClient, admin: Account, bodies: dict[str, uuid.UUID]
) -> None:
    steering = await client.get(URL, params={"kind": "steering_group"}, headers=admin.headers)
    assert [item["short_name"] for item in steering.json()["items"]] == ["Steuerungsgruppe"]
    search = await client.get(URL, params={"q": "familien"}, headers=admin.headers)
    assert [item["short_name"] for item in search.json()["items"]] == ["AK Familienleben"]
    assert (await client.get(URL, params={"kind": "committee"}, headers=admin.headers)).status_code == 422


async def test_body_shows_its_current_spokespersons(
    client: httpx.AsyncClient, admin: Account, bodies: dict[str, uuid.UUID]
) -> None:
    bildung = bodies["AK Bildung"]
    anna = await _member(client, admin, "Anna", "Albers", title="Dr.")
    bernd = await _member(client, admin, "Bernd", "Brandt")
    clara = await _member(client, admin, "Clara", "Claus")
    dora = await _member(client, admin, "Dora", "Dietz")
    deputy = await _join(client, admin, bernd, bildung, "deputy_spokesperson")
    lead = await _join(client, admin, anna, bildung, "spokesperson")
    await _join(client, admin, clara, bildung, "member")
    yesterday = (date.today() - timedelta(days=1)).isoformat()
    await _join(client, admin, dora, bildung, "spokesperson", start_on="2020-01-01", end_on=yesterday)
    tomorrow = (date.today() + timedelta(days=1)).isoformat()
    await _join(client, admin, clara, bodies["AK Teilhabe"], "spokesperson", start_on=tomorrow)

    body = (await client.get(f"{URL}/{bildung}", headers=admin.headers)).json()
    assert body["spokespersons"] == [
        {"membership_id": lead["id"], "member_id": anna, "name": "Dr. Anna Albers", "role": "spokesperson"},
        {
            "membership_id": deputy["id"],
            "member_id": bernd,
            "name": "Bernd Brandt",
            "role": "deputy_spokesperson",
        },
    ]
    listed = (await client.get("/api/v1/working-groups", headers=admin.headers)).json()["items"]
    assert {item["short_name"]: len(item["spokespersons"]) for item in listed} == {
        "AK Ausbildung und Arbeit": 0,
        "AK Bildung": 2,
        "AK Teilhabe": 0,
        "AK Familienleben": 0,
    }


async def test_coordinator_edits_body_texts(
    client: httpx.AsyncClient, make_user: UserFactory, bodies: dict[str, uuid.UUID], app: FastAPI
) -> None:
    coordinator = await make_user("coordinator")
    url = f"{URL}/{bodies['AK Teilhabe']}"
    assert (
        await client.patch(url, json={"cadence": "yearly"}, headers=coordinator.headers)
    ).status_code == 428
    changed = await client.patch(
        url,
        json={
            "name": "Arbeitskreis Teilhabe",
            "short_name": "AK Teilhabe und Ehrenamt",
            "description": "Neu.\nZweite Zeile.",
            "guiding_question": "Wie?",
            "cadence": "half_yearly",
        },
        headers=coordinator.headers | {"If-Match": '"1"'},
    )
    assert changed.status_code == 200, changed.text
    body = changed.json()
    assert (
        body["name"],
        body["short_name"],
        body["description"],
        body["guiding_question"],
        body["cadence"],
    ) == (
        "Arbeitskreis Teilhabe",
        "AK Teilhabe und Ehrenamt",
        "Neu.\nZweite Zeile.",
        "Wie?",
        "half_yearly",
    )
    assert (body["kind"], body["version"]) == ("working_group", 2)
    assert changed.headers["ETag"] == '"2"'
    stale = await client.patch(
        url, json={"cadence": "yearly"}, headers=coordinator.headers | {"If-Match": '"1"'}
    )
    assert stale.status_code == 412
    taken = await client.patch(
        url, json={"short_name": "AK Bildung"}, headers=coordinator.headers | {"If-Match": '"2"'}
    )
    assert taken.status_code == 409
    assert [(e["field"], e["code"]) for e in taken.json()["errors"]] == [("short_name", "short_name_taken")]
    for payload in ({"cadence": "monthly"}, {"name": None}, {"kind": "network"}, {"short_name": "x" * 33}):
        response = await client.patch(url, json=payload, headers=coordinator.headers | {"If-Match": '"2"'})
        assert response.status_code == 422, payload
    [event] = await audit_events(app, "body.update")
    assert event.actor_id == coordinator.user.id
    assert event.details == {"fields": ["cadence", "description", "guiding_question", "name", "short_name"]}
    assert (await client.get(url, headers=coordinator.headers)).json()["kind"] == "working_group"


@pytest.mark.parametrize("role", ["spokesperson", "member", "steering"])
async def test_other_roles_cannot_edit_bodies(
    role: str, client: httpx.AsyncClient, make_user: UserFactory, bodies: dict[str, uuid.UUID], app: FastAPI
) -> None:
    caller = await make_user(role)
    url = f"{URL}/{bodies['AK Bildung']}"
    response = await client.patch(
        url, json={"name": "Gekapert"}, headers=caller.headers | {"If-Match": '"1"'}
    )
    assert response.status_code == 403
    assert (await client.get(url, headers=caller.headers)).json()["name"] == "Arbeitskreis Bildung"
    assert len(await audit_events(app, "access.denied")) == 1


async def test_unknown_body_answers_404(client: httpx.AsyncClient, admin: Account) -> None:
    url = f"{URL}/{uuid.uuid4()}"
    assert (await client.get(url, headers=admin.headers)).status_code == 404
    patch = await client.patch(url, json={"name": "x"}, headers=admin.headers | {"If-Match": '"1"'})
    assert patch.status_code == 404
    assert (await client.get(URL, headers={})).status_code == 401


async def test_public_working_groups_need_no_login_and_name_no_people(
    client: httpx.AsyncClient, admin: Account, bodies: dict[str, uuid.UUID]
) -> None:
    member_id = await _member(client, admin, "Petra", "Sprecherlein")
    await _join(client, admin, member_id, bodies["AK Bildung"], "spokesperson")
    response = await client.get("/api/v1/public/working-groups")
    assert response.status_code == 200
    groups = response.json()
    assert [group["short_name"] for group in groups] == [
        "AK Bildung",
        "AK Familienleben",
        "AK Teilhabe",
        "AK Ausbildung und Arbeit",
    ]
    bildung = groups[0]
    assert bildung["id"] == str(bodies["AK Bildung"])
    assert set(bildung) == {"id", "name", "short_name", "description", "guiding_question", "cadence"}
    assert bildung["guiding_question"].startswith("Mit welchen Förderinstrumenten")
    assert "Sprecherlein" not in response.text
