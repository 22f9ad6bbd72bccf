"""The audit log as an administrator reads it."""

from __future__ import annotations

import httpx
import pytest

from api.audit import schemas
from tests.conftest import PASSWORD, Account, UserFactory


async def test_audit_log_lists_writes_logins_and_failures_newest_first(
    client: httpx.AsyncClient, admin: Account, make_user: UserFactory
) -> None:
    member = await make_user("member", login=False)
    await client.post("/api/v1/auth/token", data={"username": member.email, "password": "falsch"})
    await client.post("/api/v1/auth/token", data={"username": member.email, "password": PASSWORD})

    everything = (await client.get("/api/v1/audit-events", headers=admin.headers)).json()
    actions = [(event["action"], event["outcome"]) for event in everything["items"]]
    assert actions[:2] == [("auth.login", "success"), ("auth.login", "failure")]
    assert ("user.create", "success") in actions
    assert everything["total"] == len(everything["items"])

    failures = await client.get(
        "/api/v1/audit-events",
        params={"action": "auth.login", "outcome": "failure", "object_id": str(member.user.id)},
        headers=admin.headers,
    )
    [failure] = failures.json()["items"]
    assert failure["object_type"] == "user"
    assert failure["actor_id"] is None
    assert failure["client_address"] == "203.0.113.7"
    assert len(failure["request_id"]) == 32

    by_actor = await client.get(
        "/api/v1/audit-events", params={"actor_id": str(admin.user.id)}, headers=admin.headers
    )
    assert {event["action"] for event in by_actor.json()["items"]} == {"auth.login"}

    later = await client.get(
        "/api/v1/audit-events", params={"since": "2999-01-01T00:00:00+00:00"}, headers=admin.headers
    )
    assert later.json()["items"] == []


async def test_the_total_stops_counting_at_the_cap_and_says_so(
    client: httpx.AsyncClient, admin: Account, make_user: UserFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A log of millions of rows is not counted through on every page; a filter still counts exactly."""
    monkeypatch.setattr(schemas, "COUNT_UP_TO", 3)
    member = await make_user("member", login=False)
    for _ in range(4):
        await client.post("/api/v1/auth/token", data={"username": member.email, "password": "falsch"})

    everything = (await client.get("/api/v1/audit-events", params={"limit": 2}, headers=admin.headers)).json()
    assert (everything["total"], everything["total_capped"], len(everything["items"])) == (3, True, 2)
    beyond = await client.get("/api/v1/audit-events", params={"offset": 5}, headers=admin.headers)
    assert beyond.json()["items"], "rows past the cap can still be paged to"

    failures = (
        await client.get(
            "/api/v1/audit-events", params={"outcome": "failure", "limit": 2}, headers=admin.headers
        )
    ).json()
    assert (failures["total"], failures["total_capped"]) == (3, True)
    creations = (
        await client.get("/api/v1/audit-events", params={"action": "user.create"}, headers=admin.headers)
    ).json()
    assert (creations["total"], creations["total_capped"]) == (len(creations["items"]), False)
