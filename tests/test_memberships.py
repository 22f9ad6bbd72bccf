"""Memberships: roles per body kind, history on ending, who may manage which body."""

from __future__ import annotations

import uuid
from datetime import date, timedelta

import httpx
import pytest
from fastapi import FastAPI

from tests.conftest import Account, UserFactory, audit_events, link_member

URL = "/api/v1/memberships"
YESTERDAY = (date.today() - timedelta(days=1)).isoformat()


async def _member(client: httpx.AsyncClient, admin: Account, family: str) -> str:
    response = await client.post(
        "/api/v1/members",
        json={"given_name": "Alex", "family_name": family, "engagement": "professional"},
        headers=admin.headers,
    )
    assert response.status_code == 201, response.text
    return str(response.json()["id"])


async def _join(
    client: httpx.AsyncClient,
    account: Account,
    member_id: str,
    body_id: uuid.UUID,
    role: str = "member",
    **extra: object,
) -> httpx.Response:
    return await client.post(
        URL,
        json={"member_id": member_id, "body_id": str(body_id), "role": role, "start_on": "2025-01-01"}
        | extra,
        headers=account.headers,
    )


async def test_coordinator_creates_reads_lists_and_changes_membership(
    client: httpx.AsyncClient, make_user: UserFactory, bodies: dict[str, uuid.UUID], app: FastAPI
) -> None:
    coordinator = await make_user("coordinator")
    landrat = await _member(client, coordinator, "Landrat")
    head = await _member(client, coordinator, "Fachbereich")
    organisation = await client.post(
        "/api/v1/organisations",
        json={"name": "Landkreis Gifhorn", "kind": "public_authority"},
        headers=coordinator.headers,
    )
    steering = bodies["Steuerungsgruppe"]
    chair = await _join(
        client, coordinator, landrat, steering, "chair", organisation_id=organisation.json()["id"]
    )
    assert chair.status_code == 201, chair.text
    body = chair.json()
    assert {key: body[key] for key in body if key not in {"id", "created_at", "updated_at"}} == {
        "member_id": landrat,
        "body_id": str(steering),
        "role": "chair",
        "function_label": None,
        "organisation_id": organisation.json()["id"],
        "start_on": "2025-01-01",
        "end_on": None,
        "is_current": True,
        "voting_right": True,
        "deputy_of_membership_id": None,
        "version": 1,
    }
    assert chair.headers["Location"] == f"{URL}/{body['id']}"
    deputy = await _join(
        client,
        coordinator,
        head,
        steering,
        "deputy_chair",
        function_label="Fachbereichsleitung",
        voting_right=False,
        deputy_of_membership_id=body["id"],
    )
    assert deputy.status_code == 201, deputy.text
    assert (deputy.json()["function_label"], deputy.json()["deputy_of_membership_id"]) == (
        "Fachbereichsleitung",
        body["id"],
    )
    fetched = await client.get(f"{URL}/{body['id']}", headers=coordinator.headers)
    assert fetched.json() == body
    assert fetched.headers["ETag"] == '"1"'

    by_member = await client.get(URL, params={"member_id": head}, headers=coordinator.headers)
    assert [item["id"] for item in by_member.json()["items"]] == [deputy.json()["id"]]
    by_body = await client.get(
        URL, params={"body_id": str(steering), "sort": "created_at"}, headers=coordinator.headers
    )
    assert [item["role"] for item in by_body.json()["items"]] == ["chair", "deputy_chair"]

    url = f"{URL}/{body['id']}"
    assert (
        await client.patch(url, json={"function_label": "Landrat"}, headers=coordinator.headers)
    ).status_code == 428
    changed = await client.patch(
        url,
        json={"function_label": "Landrat", "voting_right": False},
        headers=coordinator.headers | {"If-Match": '"1"'},
    )
    assert changed.status_code == 200
    assert (changed.json()["function_label"], changed.json()["voting_right"], changed.json()["version"]) == (
        "Landrat",
        False,
        2,
    )
    stale = await client.patch(
        url, json={"voting_right": True}, headers=coordinator.headers | {"If-Match": '"1"'}
    )
    assert stale.status_code == 412
    assert [e.object_id for e in await audit_events(app, "membership.create")] == [
        body["id"],
        deputy.json()["id"],
    ]
    [update] = await audit_events(app, "membership.update")
    assert update.details == {"fields": ["function_label", "voting_right"]}


@pytest.mark.parametrize(
    ("body", "role"),
    [
        ("AK Bildung", "chair"),
        ("AK Bildung", "deputy_chair"),
        ("Netzwerk", "chair"),
        ("Steuerungsgruppe", "spokesperson"),
        ("Steuerungsgruppe", "deputy_spokesperson"),
        ("Steuerungsgruppe", "guest"),
    ],
)
async def test_role_must_fit_the_body_kind(
    body: str, role: str, client: httpx.AsyncClient, admin: Account, bodies: dict[str, uuid.UUID]
) -> None:
    member = await _member(client, admin, "Falsch")
    response = await _join(client, admin, member, bodies[body], role)
    assert response.status_code == 422
    assert [(e["field"], e["code"]) for e in response.json()["errors"]] == [("role", "role_not_allowed")]
    ok = await _join(client, admin, member, bodies[body], "member")
    assert ok.status_code == 201
    patch = await client.patch(
        f"{URL}/{ok.json()['id']}", json={"role": role}, headers=admin.headers | {"If-Match": '"1"'}
    )
    assert patch.status_code == 422
    assert (await client.get(f"{URL}/{ok.json()['id']}", headers=admin.headers)).json()["role"] == "member"


async def test_invalid_references_dates_and_overlaps(
    client: httpx.AsyncClient, admin: Account, bodies: dict[str, uuid.UUID]
) -> None:
    member = await _member(client, admin, "Prüfung")
    bildung = bodies["AK Bildung"]
    cases = [
        ({"member_id": str(uuid.uuid4())}, ("member_id", "unknown_member")),
        ({"organisation_id": str(uuid.uuid4())}, ("organisation_id", "unknown_organisation")),
        ({"deputy_of_membership_id": str(uuid.uuid4())}, ("deputy_of_membership_id", "invalid_deputy")),
    ]
    for extra, expected in cases:
        response = await client.post(
            URL,
            json={"member_id": member, "body_id": str(bildung), "start_on": "2025-01-01"} | extra,
            headers=admin.headers,
        )
        assert response.status_code == 422, extra
        assert [(e["field"], e["code"]) for e in response.json()["errors"]] == [expected]
    backwards = await _join(client, admin, member, bildung, end_on="2024-12-31")
    assert backwards.status_code == 422
    unknown_body = await _join(client, admin, member, uuid.uuid4())
    assert unknown_body.status_code == 404

    first = await _join(client, admin, member, bildung, end_on="2025-06-30")
    assert first.status_code == 201
    overlapping = await _join(client, admin, member, bildung, start_on="2025-06-30")
    assert overlapping.status_code == 409
    assert [(e["field"], e["code"]) for e in overlapping.json()["errors"]] == [
        ("member_id", "membership_overlaps")
    ]
    later = await _join(client, admin, member, bildung, start_on="2025-07-01")
    assert later.status_code == 201
    other_group = await _join(client, admin, member, bodies["AK Teilhabe"])
    assert other_group.status_code == 201
    foreign_deputy = await client.patch(
        f"{URL}/{first.json()['id']}",
        json={"deputy_of_membership_id": other_group.json()["id"]},
        headers=admin.headers | {"If-Match": '"1"'},
    )
    assert foreign_deputy.status_code == 422
    stretch = await client.patch(
        f"{URL}/{first.json()['id']}", json={"end_on": None}, headers=admin.headers | {"If-Match": '"1"'}
    )
    assert stretch.status_code == 409
    assert (await client.get(URL, params={"member_id": member}, headers=admin.headers)).json()["total"] == 3


async def test_ending_keeps_the_membership_in_history(
    client: httpx.AsyncClient, admin: Account, bodies: dict[str, uuid.UUID], app: FastAPI
) -> None:
    member = await _member(client, admin, "Ehemalig")
    bildung = bodies["AK Bildung"]
    created = (await _join(client, admin, member, bildung)).json()
    url = f"{URL}/{created['id']}/end"
    assert (await client.post(url, json={"end_on": YESTERDAY}, headers=admin.headers)).status_code == 428
    stale = await client.post(url, json={"end_on": YESTERDAY}, headers=admin.headers | {"If-Match": '"5"'})
    assert stale.status_code == 412
    before_start = await client.post(
        url, json={"end_on": "2024-12-31"}, headers=admin.headers | {"If-Match": '"1"'}
    )
    assert before_start.status_code == 422
    ended = await client.post(url, json={"end_on": YESTERDAY}, headers=admin.headers | {"If-Match": '"1"'})
    assert ended.status_code == 200
    assert (ended.json()["end_on"], ended.json()["is_current"], ended.json()["version"]) == (
        YESTERDAY,
        False,
        2,
    )
    assert ended.headers["ETag"] == '"2"'
    again = await client.post(url, json={"end_on": YESTERDAY}, headers=admin.headers | {"If-Match": '"2"'})
    assert again.status_code == 409

    history = (await client.get(URL, params={"body_id": str(bildung)}, headers=admin.headers)).json()
    assert [(item["id"], item["end_on"]) for item in history["items"]] == [(created["id"], YESTERDAY)]
    current = (
        await client.get(URL, params={"body_id": str(bildung), "current_only": True}, headers=admin.headers)
    ).json()
    assert current["items"] == []
    assert (await client.get(f"{URL}/{created['id']}", headers=admin.headers)).status_code == 200
    assert (
        await client.get("/api/v1/members", params={"body_id": str(bildung)}, headers=admin.headers)
    ).json()["items"] == []
    [event] = await audit_events(app, "membership.end")
    assert (event.actor_id, event.object_id, event.details) == (
        admin.user.id,
        created["id"],
        {"fields": ["end_on"]},
    )
    # There is no way to delete a membership.
    delete = await client.delete(f"{URL}/{created['id']}", headers=admin.headers | {"If-Match": '"2"'})
    assert delete.status_code == 405


async def test_spokesperson_manages_only_the_working_group_they_lead(
    client: httpx.AsyncClient,
    admin: Account,
    make_user: UserFactory,
    bodies: dict[str, uuid.UUID],
    app: FastAPI,
) -> None:
    bildung, familie = bodies["AK Bildung"], bodies["AK Familienleben"]
    speaker_member = await _member(client, admin, "Sprecherin")
    newcomer = await _member(client, admin, "Neu")
    other = await _member(client, admin, "Andere")
    assert (await _join(client, admin, speaker_member, bildung, "spokesperson")).status_code == 201
    foreign = (await _join(client, admin, other, familie)).json()
    speaker = await make_user("spokesperson")
    await link_member(app, speaker, speaker_member)

    own = await _join(client, speaker, newcomer, bildung, "guest")
    assert own.status_code == 201, own.text
    changed = await client.patch(
        f"{URL}/{own.json()['id']}", json={"role": "member"}, headers=speaker.headers | {"If-Match": '"1"'}
    )
    assert changed.status_code == 200
    assert changed.json()["role"] == "member"

    elsewhere = await _join(client, speaker, newcomer, familie)
    assert elsewhere.status_code == 404
    assert elsewhere.json()["type"] == "urn:netzwerk:problem:not-found"
    for response in (
        await client.patch(
            f"{URL}/{foreign['id']}", json={"role": "guest"}, headers=speaker.headers | {"If-Match": '"1"'}
        ),
        await client.post(
            f"{URL}/{foreign['id']}/end",
            json={"end_on": YESTERDAY},
            headers=speaker.headers | {"If-Match": '"1"'},
        ),
    ):
        assert response.status_code == 404
    untouched = (await client.get(f"{URL}/{foreign['id']}", headers=speaker.headers)).json()
    assert (untouched["role"], untouched["end_on"], untouched["version"]) == ("member", None, 1)

    promote = await client.patch(
        f"{URL}/{own.json()['id']}",
        json={"role": "deputy_spokesperson"},
        headers=speaker.headers | {"If-Match": '"2"'},
    )
    assert promote.status_code == 403
    appoint = await _join(client, speaker, other, bildung, "spokesperson")
    assert appoint.status_code == 403
    assert [event.details for event in await audit_events(app, "access.denied")] == [
        {"reason": "spokesperson_role_reserved"}
    ] * 2

    ended = await client.post(
        f"{URL}/{own.json()['id']}/end",
        json={"end_on": YESTERDAY},
        headers=speaker.headers | {"If-Match": '"2"'},
    )
    assert ended.status_code == 200
    assert [e.actor_id for e in await audit_events(app, "membership.create")] == [admin.user.id] * 2 + [
        speaker.user.id
    ]


async def test_spokesperson_without_a_current_lead_membership_manages_nothing(
    client: httpx.AsyncClient,
    admin: Account,
    make_user: UserFactory,
    bodies: dict[str, uuid.UUID],
    app: FastAPI,
) -> None:
    bildung = bodies["AK Bildung"]
    former = await _member(client, admin, "Frueher")
    newcomer = await _member(client, admin, "Neu")
    unlinked = await make_user("spokesperson")
    assert (await _join(client, unlinked, newcomer, bildung)).status_code == 404

    lead = (await _join(client, admin, former, bildung, "spokesperson")).json()
    ended = await client.post(
        f"{URL}/{lead['id']}/end", json={"end_on": YESTERDAY}, headers=admin.headers | {"If-Match": '"1"'}
    )
    assert ended.status_code == 200
    speaker = await make_user("spokesperson")
    await link_member(app, speaker, former)
    assert (await _join(client, speaker, newcomer, bildung)).status_code == 404

    # Leading a group is not enough without the spokesperson role on the account.
    plain = await make_user("member")
    current = await _member(client, admin, "Aktuell")
    assert (await _join(client, admin, current, bildung, "spokesperson")).status_code == 201
    await link_member(app, plain, current)
    assert (await _join(client, plain, newcomer, bildung)).status_code == 403
    assert (await client.get(URL, params={"member_id": newcomer}, headers=admin.headers)).json()["total"] == 0


@pytest.mark.parametrize("role", ["member", "steering"])
async def test_members_and_steering_read_but_do_not_write(
    role: str, client: httpx.AsyncClient, admin: Account, make_user: UserFactory, bodies: dict[str, uuid.UUID]
) -> None:
    member = await _member(client, admin, "Lesend")
    created = (await _join(client, admin, member, bodies["AK Bildung"])).json()
    caller = await make_user(role)
    listed = await client.get(URL, headers=caller.headers)
    assert [item["id"] for item in listed.json()["items"]] == [created["id"]]
    assert (await client.get(f"{URL}/{created['id']}", headers=caller.headers)).json() == created
    for response in (
        await _join(client, caller, member, bodies["AK Teilhabe"]),
        await client.patch(
            f"{URL}/{created['id']}", json={"role": "guest"}, headers=caller.headers | {"If-Match": '"1"'}
        ),
        await client.post(
            f"{URL}/{created['id']}/end",
            json={"end_on": YESTERDAY},
            headers=caller.headers | {"If-Match": '"1"'},
        ),
    ):
        assert response.status_code == 403
    assert (await client.get(URL, headers=admin.headers)).json()["items"] == [created]


async def test_unknown_membership_ids_answer_404(client: httpx.AsyncClient, admin: Account) -> None:
    url = f"{URL}/{uuid.uuid4()}"
    assert (await client.get(url, headers=admin.headers)).status_code == 404
    assert (
        await client.patch(url, json={"role": "guest"}, headers=admin.headers | {"If-Match": '"1"'})
    ).status_code == 404
    assert (
        await client.post(
            f"{url}/end", json={"end_on": YESTERDAY}, headers=admin.headers | {"If-Match": '"1"'}
        )
    ).status_code == 404
    assert (await client.get(URL)).status_code == 401
