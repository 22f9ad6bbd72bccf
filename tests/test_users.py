"""User administration: CRUD, If-Match, lists, idempotency, roles, audit."""

from __future__ import annotations

import asyncio
import uuid

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import select

from api.models import AuditEvent, User
from tests.conftest import Account, UserFactory

NEW_USER = {
    "email": "Neu@Example.org",
    "name": "Nina Neu",
    "password": "a long enough password",
    "roles": ["coordinator"],
}


async def _audit(app: FastAPI, action: str) -> list[AuditEvent]:
    async with app.state.sessionmaker() as session:
        return list((await session.scalars(select(AuditEvent).where(AuditEvent.action == action))).all())


async def test_create_then_read_user(client: httpx.AsyncClient, admin: Account, app: FastAPI) -> None:
    created = await client.post("/api/v1/users", json=NEW_USER, headers=admin.headers)
    assert created.status_code == 201
    body = created.json()
    assert body["email"] == "neu@example.org"
    assert body["roles"] == ["coordinator"]
    assert body["is_active"] is True
    assert "password" not in body
    assert "password_hash" not in body
    assert created.headers["Location"] == f"/api/v1/users/{body['id']}"
    assert created.headers["ETag"] == '"1"'
    assert body["created_at"].endswith("Z") or body["created_at"].endswith("+00:00")

    fetched = await client.get(created.headers["Location"], headers=admin.headers)
    assert fetched.status_code == 200
    assert fetched.json() == body

    events = await _audit(app, "user.create")
    assert [(event.actor_id, event.object_id) for event in events if event.actor_id] == [
        (admin.user.id, body["id"])
    ]
    assert "a long enough password" not in str([event.details for event in events])


async def test_duplicate_email_is_409_and_nothing_is_written(
    client: httpx.AsyncClient, admin: Account, app: FastAPI
) -> None:
    assert (await client.post("/api/v1/users", json=NEW_USER, headers=admin.headers)).status_code == 201
    again = await client.post("/api/v1/users", json=NEW_USER | {"name": "Zweite"}, headers=admin.headers)
    assert again.status_code == 409
    assert again.json()["type"] == "urn:netzwerk:problem:conflict"
    assert [(error["field"], error["code"]) for error in again.json()["errors"]] == [("email", "email_taken")]
    async with app.state.sessionmaker() as session:
        names = (await session.scalars(select(User.name).where(User.email == "neu@example.org"))).all()
    assert names == ["Nina Neu"]


async def test_patch_requires_if_match_and_rejects_stale(
    client: httpx.AsyncClient, admin: Account, app: FastAPI
) -> None:
    created = (await client.post("/api/v1/users", json=NEW_USER, headers=admin.headers)).json()
    url = f"/api/v1/users/{created['id']}"

    missing = await client.patch(url, json={"name": "Ohne"}, headers=admin.headers)
    assert missing.status_code == 428
    assert missing.json()["type"] == "urn:netzwerk:problem:precondition-required"

    ok = await client.patch(
        url,
        json={"name": "Nina Neumann", "roles": ["spokesperson", "member"]},
        headers=admin.headers | {"If-Match": '"1"'},
    )
    assert ok.status_code == 200
    assert ok.json()["name"] == "Nina Neumann"
    assert ok.json()["roles"] == ["member", "spokesperson"]
    assert ok.headers["ETag"] == '"2"'

    stale = await client.patch(
        url, json={"name": "Überschrieben"}, headers=admin.headers | {"If-Match": '"1"'}
    )
    assert stale.status_code == 412
    assert (await client.get(url, headers=admin.headers)).json()["name"] == "Nina Neumann"
    updates = await _audit(app, "user.update")
    assert len(updates) == 1
    assert updates[0].details == {"fields": ["name", "roles"]}


async def test_patch_rejects_null_and_unknown_roles(client: httpx.AsyncClient, admin: Account) -> None:
    created = (await client.post("/api/v1/users", json=NEW_USER, headers=admin.headers)).json()
    url = f"/api/v1/users/{created['id']}"
    for payload in ({"name": None}, {"roles": ["superuser"]}, {"roles": []}, {"email": "kaputt"}):
        response = await client.patch(url, json=payload, headers=admin.headers | {"If-Match": '"1"'})
        assert response.status_code == 422, payload
    assert (await client.get(url, headers=admin.headers)).headers["ETag"] == '"1"'


async def test_admin_sets_password_and_old_sessions_end(
    client: httpx.AsyncClient, admin: Account, make_user: UserFactory
) -> None:
    member = await make_user("member")
    response = await client.patch(
        f"/api/v1/users/{member.user.id}",
        json={"password": "reset by the administrator"},
        headers=admin.headers | {"If-Match": '"1"'},
    )
    assert response.status_code == 200
    assert (await client.get("/api/v1/auth/me", headers=member.headers)).status_code == 401
    login = await client.post(
        "/api/v1/auth/token", data={"username": member.email, "password": "reset by the administrator"}
    )
    assert login.status_code == 200


async def test_last_admin_cannot_be_demoted_or_deactivated(client: httpx.AsyncClient, admin: Account) -> None:
    url = f"/api/v1/users/{admin.user.id}"
    for payload in ({"is_active": False}, {"roles": ["member"]}):
        response = await client.patch(url, json=payload, headers=admin.headers | {"If-Match": '"1"'})
        assert response.status_code == 409
    assert (await client.delete(url, headers=admin.headers | {"If-Match": '"1"'})).status_code == 409


async def test_list_search_filter_sort_and_page(
    client: httpx.AsyncClient, admin: Account, make_user: UserFactory
) -> None:
    await make_user("member", name="Berta Beispiel", login=False)
    await make_user("coordinator", name="Anton Anders", login=False)
    await make_user("member", name="Carla 100% Test_", login=False)

    first = await client.get("/api/v1/users", params={"limit": 2, "sort": "name"}, headers=admin.headers)
    assert first.status_code == 200
    page = first.json()
    assert page["total"] == 4
    assert [user["name"] for user in page["items"]] == ["Ada Admin", "Anton Anders"]
    second = await client.get(
        "/api/v1/users", params={"limit": 2, "offset": 2, "sort": "name"}, headers=admin.headers
    )
    assert [user["name"] for user in second.json()["items"]] == ["Berta Beispiel", "Carla 100% Test_"]

    search = await client.get("/api/v1/users", params={"q": "BEISP"}, headers=admin.headers)
    assert [user["name"] for user in search.json()["items"]] == ["Berta Beispiel"]
    wildcard = await client.get("/api/v1/users", params={"q": "0%"}, headers=admin.headers)
    assert [user["name"] for user in wildcard.json()["items"]] == ["Carla 100% Test_"]
    by_role = await client.get("/api/v1/users", params={"role": "coordinator"}, headers=admin.headers)
    assert [user["name"] for user in by_role.json()["items"]] == ["Anton Anders"]
    descending = await client.get("/api/v1/users", params={"sort": "-name"}, headers=admin.headers)
    assert descending.json()["items"][0]["name"] == "Carla 100% Test_"

    too_big = await client.get("/api/v1/users", params={"limit": 201}, headers=admin.headers)
    assert too_big.status_code == 422
    assert too_big.json()["errors"][0] == {
        "location": "query",
        "field": "limit",
        "message": "Input should be less than or equal to 200",
        "code": "less_than_equal",
        "context": {"le": 200},
    }


async def test_modified_since_returns_changes_and_tombstones(
    client: httpx.AsyncClient, admin: Account, make_user: UserFactory
) -> None:
    keeper = await make_user("member", name="Bleibt", login=False)
    leaver = await make_user("member", name="Geht", login=False)
    since = (await client.get(f"/api/v1/users/{keeper.user.id}", headers=admin.headers)).json()["updated_at"]
    await asyncio.sleep(0.01)
    await client.patch(
        f"/api/v1/users/{keeper.user.id}",
        json={"name": "Bleibt geändert"},
        headers=admin.headers | {"If-Match": '"1"'},
    )
    deleted = await client.delete(
        f"/api/v1/users/{leaver.user.id}", headers=admin.headers | {"If-Match": '"1"'}
    )
    assert deleted.status_code == 204

    changes = await client.get("/api/v1/users", params={"modified_since": since}, headers=admin.headers)
    body = changes.json()
    assert "Bleibt geändert" in [user["name"] for user in body["items"]]
    assert [tombstone["id"] for tombstone in body["tombstones"]] == [str(leaver.user.id)]
    plain = await client.get("/api/v1/users", headers=admin.headers)
    assert str(leaver.user.id) not in [user["id"] for user in plain.json()["items"]]
    assert (await client.get(f"/api/v1/users/{leaver.user.id}", headers=admin.headers)).status_code == 404
    naive = await client.get(
        "/api/v1/users", params={"modified_since": "2026-01-01T00:00:00"}, headers=admin.headers
    )
    assert naive.status_code == 422


async def test_unknown_ids_answer_404_problem(client: httpx.AsyncClient, admin: Account) -> None:
    url = f"/api/v1/users/{uuid.uuid4()}"
    for response in (
        await client.get(url, headers=admin.headers),
        await client.patch(url, json={"name": "x"}, headers=admin.headers | {"If-Match": '"1"'}),
        await client.delete(url, headers=admin.headers | {"If-Match": '"1"'}),
    ):
        assert response.status_code == 404
        assert response.headers["content-type"] == "application/problem+json"
        assert response.json()["type"] == "urn:netzwerk:problem:not-found"
    assert (await client.get("/api/v1/users/not-a-uuid", headers=admin.headers)).status_code == 422


ADMIN_ROUTES = [
    ("GET", "/api/v1/users", None),
    ("POST", "/api/v1/users", NEW_USER),
    ("GET", "/api/v1/users/{id}", None),
    ("PATCH", "/api/v1/users/{id}", {"name": "Hack"}),
    ("DELETE", "/api/v1/users/{id}", None),
    ("GET", "/api/v1/audit-events", None),
]


@pytest.mark.parametrize("role", ["coordinator", "spokesperson", "member", "steering"])
async def test_admin_routes_refuse_every_other_role(
    role: str, client: httpx.AsyncClient, admin: Account, make_user: UserFactory, app: FastAPI
) -> None:
    caller = await make_user(role)
    for method, path, payload in ADMIN_ROUTES:
        url = path.format(id=admin.user.id)
        response = await client.request(
            method, url, json=payload, headers=caller.headers | {"If-Match": '"1"'}
        )
        assert response.status_code == 403, (method, path)
        assert response.json()["type"] == "urn:netzwerk:problem:forbidden"
    denied = await _audit(app, "access.denied")
    assert len(denied) == len(ADMIN_ROUTES)
    assert {event.actor_id for event in denied} == {caller.user.id}
    async with app.state.sessionmaker() as session:
        users = (await session.scalars(select(User).where(User.email == "neu@example.org"))).all()
        admin_row = await session.get(User, admin.user.id)
    assert users == []
    assert admin_row is not None
    assert admin_row.name == "Ada Admin"
    assert admin_row.deleted_at is None


async def test_admin_routes_refuse_anonymous(client: httpx.AsyncClient, admin: Account) -> None:
    for method, path, payload in ADMIN_ROUTES:
        response = await client.request(method, path.format(id=admin.user.id), json=payload)
        assert response.status_code == 401, (method, path)


async def test_idempotent_post_replays_and_refuses_other_body(
    client: httpx.AsyncClient, admin: Account, app: FastAPI
) -> None:
    headers = admin.headers | {"Idempotency-Key": "create-nina-1"}
    first = await client.post("/api/v1/users", json=NEW_USER, headers=headers)
    assert first.status_code == 201
    replay = await client.post("/api/v1/users", json=NEW_USER, headers=headers)
    assert replay.status_code == 201
    assert replay.json() == first.json()
    assert replay.headers["Location"] == first.headers["Location"]
    assert replay.headers["Idempotent-Replayed"] == "true"

    other = await client.post("/api/v1/users", json=NEW_USER | {"name": "Jemand anders"}, headers=headers)
    assert other.status_code == 422
    assert other.json()["type"] == "urn:netzwerk:problem:idempotency-key-reused"
    async with app.state.sessionmaker() as session:
        count = len((await session.scalars(select(User).where(User.email == "neu@example.org"))).all())
    assert count == 1
    assert len(await _audit(app, "user.create")) == 2  # the admin fixture and Nina, once


async def test_idempotency_keys_are_per_user(
    client: httpx.AsyncClient, admin: Account, make_user: UserFactory
) -> None:
    other_admin = await make_user("admin")
    key = {"Idempotency-Key": "shared-key"}
    first = await client.post("/api/v1/users", json=NEW_USER, headers=admin.headers | key)
    assert first.status_code == 201
    second = await client.post(
        "/api/v1/users", json=NEW_USER | {"email": "zwei@example.org"}, headers=other_admin.headers | key
    )
    assert second.status_code == 201
    assert second.json()["id"] != first.json()["id"]


@pytest.mark.parametrize("parallel", [10])
async def test_parallel_patches_with_same_etag_change_the_row_once(
    parallel: int, app: FastAPI, admin: Account, database_url: str
) -> None:
    from tests.conftest import make_client

    async with make_client(app) as setup:
        created = (await setup.post("/api/v1/users", json=NEW_USER, headers=admin.headers)).json()
    url = f"/api/v1/users/{created['id']}"

    async def patch(index: int) -> httpx.Response:
        async with make_client(app) as http:
            return await http.patch(
                url, json={"name": f"Version {index}"}, headers=admin.headers | {"If-Match": '"1"'}
            )

    responses = await asyncio.gather(*(patch(index) for index in range(parallel)))
    statuses = sorted(response.status_code for response in responses)
    assert statuses == [200] + [412] * (parallel - 1), statuses
    winner = next(response for response in responses if response.status_code == 200).json()
    async with app.state.sessionmaker() as session:
        row = await session.get(User, uuid.UUID(created["id"]))
    assert row is not None
    assert row.version == 2
    assert row.name == winner["name"]
    assert len(await _audit(app, "user.update")) == 1
