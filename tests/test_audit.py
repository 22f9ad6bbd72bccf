"""The audit log as an administrator reads it."""

from __future__ import annotations

import httpx

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
