"""Partner API clients: registration, client credentials, scopes, rotation, revocation, rate limit."""

from __future__ import annotations

import base64
import hashlib
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
from fastapi import FastAPI

from api.models import ApiClient, Meeting, Organisation
from tests.conftest import Account, UserFactory, audit_events

CLIENTS = "/api/v1/api-clients"
TOKEN = "/api/v1/auth/token"
MEETINGS = "/api/v1/partner/meetings"


async def organisation(app: FastAPI, name: str = "Caritas Gifhorn") -> str:
    async with app.state.sessionmaker() as session, session.begin():
        row = Organisation(name=name, kind="welfare_association")
        session.add(row)
        await session.flush()
        return str(row.id)


async def register(
    client: httpx.AsyncClient, admin: Account, organisation_id: str | None, *scopes: str, **fields: Any
) -> dict[str, Any]:
    response = await client.post(
        CLIENTS,
        json={"name": "Kursverwaltung", "organisation_id": organisation_id, "scopes": list(scopes)} | fields,
        headers=admin.headers,
    )
    assert response.status_code == 201, response.text
    assert response.headers["Cache-Control"] == "no-store"
    created: dict[str, Any] = response.json()
    return created


async def token_of(client: httpx.AsyncClient, client_id: str, secret: str, scope: str = "") -> httpx.Response:
    return await client.post(
        TOKEN,
        data={
            "grant_type": "client_credentials",
            "client_id": client_id,
            "client_secret": secret,
            "scope": scope,
        },
    )


async def bearer(client: httpx.AsyncClient, registered: dict[str, Any], scope: str = "") -> dict[str, str]:
    response = await token_of(client, registered["id"], registered["client_secret"], scope)
    assert response.status_code == 200, response.text
    return {"Authorization": f"Bearer {response.json()['access_token']}"}


async def etag(client: httpx.AsyncClient, admin: Account, client_id: str) -> str:
    return (await client.get(f"{CLIENTS}/{client_id}", headers=admin.headers)).headers["ETag"]


async def test_the_secret_is_shown_once_and_stored_hashed(
    client: httpx.AsyncClient, admin: Account, app: FastAPI
) -> None:
    registered = await register(client, admin, await organisation(app), "meetings:read", "offers:write")
    secret = registered["client_secret"]
    assert registered["scopes"] == ["meetings:read", "offers:write"]
    shown = (await client.get(f"{CLIENTS}/{registered['id']}", headers=admin.headers)).json()
    listed = (await client.get(CLIENTS, headers=admin.headers)).json()
    assert "client_secret" not in shown
    assert "client_secret" not in listed["items"][0]
    async with app.state.sessionmaker() as session:
        row = await session.get(ApiClient, uuid.UUID(registered["id"]))
        assert row is not None
        assert row.secret_hash == hashlib.sha256(secret.encode()).hexdigest()
    [event] = await audit_events(app, "api_client.create")
    assert event.actor_id == admin.user.id


async def test_only_admins_manage_clients(
    client: httpx.AsyncClient, make_user: UserFactory, admin: Account
) -> None:
    coordinator = await make_user("coordinator")
    assert (await client.get(CLIENTS, headers=coordinator.headers)).status_code == 403
    refused = await client.post(
        CLIENTS, json={"name": "X", "scopes": ["export"]}, headers=coordinator.headers
    )
    assert refused.status_code == 403
    unknown = await client.post(
        CLIENTS,
        json={"name": "X", "organisation_id": str(uuid.uuid4()), "scopes": ["export"]},
        headers=admin.headers,
    )
    assert unknown.status_code == 422
    assert unknown.json()["errors"][0]["field"] == "organisation_id"
    bad_scope = await client.post(CLIENTS, json={"name": "X", "scopes": ["admin"]}, headers=admin.headers)
    assert bad_scope.status_code == 422


async def test_client_credentials_by_form_and_basic_and_audiences_apart(
    client: httpx.AsyncClient, admin: Account, app: FastAPI
) -> None:
    registered = await register(client, admin, await organisation(app), "meetings:read", "export")
    by_form = await token_of(client, registered["id"], registered["client_secret"])
    assert by_form.status_code == 200, by_form.text
    body = by_form.json()
    assert (body["token_type"], body["scope"], body["expires_in"]) == ("bearer", "export meetings:read", 600)
    assert "netzwerk_refresh" not in by_form.headers.get("set-cookie", "")

    basic = base64.b64encode(f"{registered['id']}:{registered['client_secret']}".encode()).decode()
    by_basic = await client.post(
        TOKEN,
        data={"grant_type": "client_credentials", "scope": "meetings:read"},
        headers={"Authorization": f"Basic {basic}"},
    )
    assert by_basic.status_code == 200, by_basic.text
    assert by_basic.json()["scope"] == "meetings:read"
    partner = {"Authorization": f"Bearer {by_basic.json()['access_token']}"}

    assert (await client.get(MEETINGS, headers=partner)).status_code == 200
    # A partner token is no user token, and a user token no partner token.
    for user_route in ("/api/v1/auth/me", "/api/v1/users", "/api/v1/meetings", "/api/v1/dashboard"):
        assert (await client.get(user_route, headers=partner)).status_code == 401, user_route
    assert (await client.get(MEETINGS, headers=admin.headers)).status_code == 401

    wrong = await token_of(client, registered["id"], "nzs_falsch")
    assert wrong.status_code == 401
    assert wrong.headers["content-type"].startswith("application/problem+json")
    assert (await token_of(client, str(uuid.uuid4()), "nzs_falsch")).status_code == 401
    assert (await token_of(client, "kein-uuid", "nzs_falsch")).status_code == 401
    missing = await client.post(TOKEN, data={"grant_type": "client_credentials"})
    assert missing.status_code == 422
    assert missing.json()["errors"][0]["field"] == "client_id"
    assert len(await audit_events(app, "auth.client_token")) == 3


async def test_scopes_are_enforced_per_route(client: httpx.AsyncClient, admin: Account, app: FastAPI) -> None:
    registered = await register(client, admin, await organisation(app), "meetings:read", "offers:write")
    narrow = await bearer(client, registered, scope="offers:write")
    denied = await client.get(MEETINGS, headers=narrow)
    assert denied.status_code == 403
    assert "meetings:read" in denied.json()["detail"]
    assert len(await audit_events(app, "access.denied")) == 1
    not_granted = await token_of(client, registered["id"], registered["client_secret"], "export")
    assert not_granted.status_code == 422
    assert not_granted.json()["errors"][0]["field"] == "scope"


async def test_rotation_and_revocation_take_effect_at_once(
    client: httpx.AsyncClient, admin: Account, app: FastAPI
) -> None:
    registered = await register(client, admin, await organisation(app), "meetings:read")
    old_token = await bearer(client, registered)
    assert (await client.get(MEETINGS, headers=old_token)).status_code == 200

    rotated = await client.post(
        f"{CLIENTS}/{registered['id']}/rotate",
        headers=admin.headers | {"If-Match": await etag(client, admin, registered["id"])},
    )
    assert rotated.status_code == 200, rotated.text
    new_secret = rotated.json()["client_secret"]
    assert new_secret != registered["client_secret"]
    assert (await client.get(MEETINGS, headers=old_token)).status_code == 401
    assert (await token_of(client, registered["id"], registered["client_secret"])).status_code == 401
    new_token = await bearer(client, registered | {"client_secret": new_secret})
    assert (await client.get(MEETINGS, headers=new_token)).status_code == 200

    stale = await client.post(
        f"{CLIENTS}/{registered['id']}/revoke", headers=admin.headers | {"If-Match": '"1"'}
    )
    assert stale.status_code == 412
    revoked = await client.post(
        f"{CLIENTS}/{registered['id']}/revoke",
        headers=admin.headers | {"If-Match": await etag(client, admin, registered["id"])},
    )
    assert revoked.status_code == 200
    assert revoked.json()["revoked_at"] is not None
    assert (await client.get(MEETINGS, headers=new_token)).status_code == 401
    assert (await token_of(client, registered["id"], new_secret)).status_code == 401
    again = await client.post(
        f"{CLIENTS}/{registered['id']}/rotate",
        headers=admin.headers | {"If-Match": await etag(client, admin, registered["id"])},
    )
    assert again.status_code == 409
    actions = [
        e.action for name in ("rotate", "revoke") for e in await audit_events(app, f"api_client.{name}")
    ]
    assert actions == ["api_client.rotate", "api_client.revoke"]


async def test_narrowing_the_scopes_ends_the_wider_tokens(
    client: httpx.AsyncClient, admin: Account, app: FastAPI
) -> None:
    registered = await register(client, admin, await organisation(app), "meetings:read", "export")
    wide = await bearer(client, registered)
    changed = await client.patch(
        f"{CLIENTS}/{registered['id']}",
        json={"scopes": ["export"]},
        headers=admin.headers | {"If-Match": await etag(client, admin, registered["id"])},
    )
    assert changed.status_code == 200, changed.text
    assert (await client.get(MEETINGS, headers=wide)).status_code == 401
    assert (
        await token_of(client, registered["id"], registered["client_secret"], "meetings:read")
    ).status_code == 422


async def test_rate_limit_answers_429_with_retry_after(
    client: httpx.AsyncClient, admin: Account, app: FastAPI
) -> None:
    registered = await register(
        client, admin, await organisation(app), "meetings:read", requests_per_minute=3
    )
    other = await register(
        client, admin, await organisation(app, "AWO"), "meetings:read", requests_per_minute=3
    )
    partner = await bearer(client, registered)
    for _ in range(3):
        assert (await client.get(MEETINGS, headers=partner)).status_code == 200
    limited = await client.get(MEETINGS, headers=partner)
    assert limited.status_code == 429
    assert 1 <= int(limited.headers["Retry-After"]) <= 60
    # The limit is per client.
    assert (await client.get(MEETINGS, headers=await bearer(client, other))).status_code == 200


async def test_partner_meetings_sync_with_tombstones(
    client: httpx.AsyncClient, admin: Account, app: FastAPI, bodies: dict[str, uuid.UUID]
) -> None:
    registered = await register(client, admin, await organisation(app), "meetings:read")
    partner = await bearer(client, registered)
    starts = datetime(2027, 3, 1, 14, tzinfo=UTC)
    async with app.state.sessionmaker() as session, session.begin():
        kept = Meeting(
            body_id=bodies["AK Bildung"],
            title="AK Bildung 1/2027",
            starts_at=starts,
            ends_at=starts + timedelta(hours=2),
            online_url="https://meet.example.org/geheim",
        )
        gone = Meeting(body_id=bodies["AK Teilhabe"], title="Abgesagt", starts_at=starts, ends_at=starts)
        session.add_all([kept, gone])
    since = datetime.now(UTC) - timedelta(minutes=1)
    async with app.state.sessionmaker() as session, session.begin():
        row = await session.get(Meeting, gone.id)
        assert row is not None
        row.deleted_at = datetime.now(UTC)

    full = (await client.get(MEETINGS, headers=partner)).json()
    assert [m["title"] for m in full["items"]] == ["AK Bildung 1/2027"]
    assert "online_url" not in full["items"][0]
    changes = (
        await client.get(MEETINGS, params={"modified_since": since.isoformat()}, headers=partner)
    ).json()
    assert [m["id"] for m in changes["items"]] == [str(kept.id)]
    assert [t["id"] for t in changes["tombstones"]] == [str(gone.id)]
