"""Partner API clients: registration, client credentials, scopes, rotation, revocation, rate limit."""

from __future__ import annotations

import asyncio
import base64
import hashlib
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
from fastapi import FastAPI
from sqlalchemy import select

from api.models import ApiClient, Measure, MeasureOrganisation, Meeting, Offer, Organisation
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
    assert registered["organisation_name"] == "Caritas Gifhorn"
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
    # Written a few seconds ago: a pull lists changes only up to a second before it runs.
    earlier = datetime.now(UTC) - timedelta(seconds=10)
    async with app.state.sessionmaker() as session, session.begin():
        kept = Meeting(
            body_id=bodies["AK Bildung"],
            title="AK Bildung 1/2027",
            starts_at=starts,
            ends_at=starts + timedelta(hours=2),
            online_url="https://meet.example.org/geheim",
            updated_at=earlier,
        )
        gone = Meeting(
            body_id=bodies["AK Teilhabe"],
            title="Abgesagt",
            starts_at=starts,
            ends_at=starts,
            updated_at=earlier,
        )
        session.add_all([kept, gone])
    async with app.state.sessionmaker() as session, session.begin():
        row = await session.get(Meeting, gone.id)
        assert row is not None
        row.deleted_at = row.updated_at = earlier + timedelta(seconds=5)

    full = (await client.get(MEETINGS, headers=partner)).json()
    assert [m["title"] for m in full["items"]] == ["AK Bildung 1/2027"]
    assert (full["tombstones"], full["next_cursor"]) == ([], None)
    assert "online_url" not in full["items"][0]
    since = (earlier + timedelta(seconds=1)).isoformat()
    changes = (await client.get(MEETINGS, params={"modified_since": since}, headers=partner)).json()
    assert (changes["items"], [t["id"] for t in changes["tombstones"]]) == ([], [str(gone.id)])
    later = await client.get(
        MEETINGS, params={"modified_since": full["next_modified_since"]}, headers=partner
    )
    assert later.json()["items"] == later.json()["tombstones"] == []
    bad = await client.get(MEETINGS, params={"cursor": "kaputt"}, headers=partner)
    assert bad.status_code == 422
    assert bad.json()["errors"][0] == bad.json()["errors"][0] | {"location": "query", "field": "cursor"}


async def pull(
    client: httpx.AsyncClient, headers: dict[str, str], path: str, since: str | None, limit: int = 3
) -> tuple[list[dict[str, Any]], list[str], str]:
    """One complete pull (every page); fails on an id sent twice within it."""
    items: list[dict[str, Any]] = []
    tombstones: list[str] = []
    params: dict[str, Any] = {"limit": limit} | ({"modified_since": since} if since else {})
    while True:
        response = await client.get(path, params=params, headers=headers)
        assert response.status_code == 200, response.text
        page = response.json()
        items += page["items"]
        tombstones += [t["id"] for t in page["tombstones"]]
        if page["next_cursor"] is None:
            ids = [item["id"] for item in items] + tombstones
            assert len(ids) == len(set(ids)), "an id came twice in one pull"
            return items, tombstones, page["next_modified_since"]
        params["cursor"] = page["next_cursor"]


async def test_repeated_pulls_mirror_the_offers_while_another_task_writes(
    client: httpx.AsyncClient, admin: Account, app: FastAPI
) -> None:
    ours, theirs = await organisation(app, "Caritas Gifhorn"), await organisation(app, "AWO Gifhorn")
    registered = await register(client, admin, ours, "offers:write")
    partner = await bearer(client, registered)
    done = asyncio.Event()

    async def write() -> None:
        created: list[uuid.UUID] = []
        for step in range(16):
            async with app.state.sessionmaker() as session, session.begin():
                if step == 9:
                    # A slow transaction: its row is stamped now, committed well after later ones,
                    # and never touched again (so only the watermark can bring it to the mirror).
                    session.add(Offer(organisation_id=uuid.UUID(theirs), title="Langsam", published=True))
                    await session.flush()
                    await asyncio.sleep(2.5)
                elif step % 4 in (0, 1) or len(created) < 3:
                    owner = uuid.UUID(ours if step % 3 == 0 else theirs)
                    offer = Offer(organisation_id=owner, title=f"Angebot {step}", published=step % 5 != 0)
                    session.add(offer)
                    await session.flush()
                    created.append(offer.id)
                else:
                    offer = await session.get(Offer, created[step % len(created)])
                    assert offer is not None
                    if step % 4 == 2:
                        offer.title = f"{offer.title} (geändert {step})"
                        offer.published = not offer.published
                    else:
                        offer.deleted_at = datetime.now(UTC)
            await asyncio.sleep(0.05)
        done.set()

    mirror: dict[str, str] = {}
    since: str | None = None

    def apply(items: list[dict[str, Any]], tombstones: list[str]) -> None:
        for item in items:
            mirror[item["id"]] = item["title"]
        for gone in tombstones:
            mirror.pop(gone, None)

    writer = asyncio.create_task(write())
    pulls = 0
    while not done.is_set():
        items, tombstones, since = await pull(client, partner, "/api/v1/partner/offers", since)
        apply(items, tombstones)
        pulls += 1
        await asyncio.sleep(0.1)
    await writer
    await asyncio.sleep(1.2)  # past the watermark's margin
    apply(*(await pull(client, partner, "/api/v1/partner/offers", since))[:2])

    async with app.state.sessionmaker() as session:
        visible = {
            str(offer.id): offer.title
            for offer in await session.scalars(select(Offer).where(Offer.deleted_at.is_(None)))
            if offer.published or str(offer.organisation_id) == ours
        }
    assert pulls > 3
    assert mirror == visible


async def test_progress_only_for_measures_the_organisation_runs(
    client: httpx.AsyncClient, admin: Account, app: FastAPI, bodies: dict[str, uuid.UUID]
) -> None:
    ours, theirs = await organisation(app, "Caritas Gifhorn"), await organisation(app, "AWO Gifhorn")
    registered = await register(client, admin, ours, "measures:read", "measures:progress")
    partner = await bearer(client, registered)
    earlier = datetime.now(UTC) - timedelta(seconds=10)
    async with app.state.sessionmaker() as session, session.begin():
        run = Measure(
            reference="M-2026-101", title="Sprachcafé", body_id=bodies["AK Bildung"], updated_at=earlier
        )
        other = Measure(
            reference="M-2026-102", title="Lotsen", body_id=bodies["AK Bildung"], updated_at=earlier
        )
        session.add_all([run, other])
        await session.flush()
        session.add_all(
            [
                MeasureOrganisation(measure_id=run.id, organisation_id=uuid.UUID(ours), role="partner"),
                MeasureOrganisation(measure_id=other.id, organisation_id=uuid.UUID(theirs), role="lead"),
            ]
        )
    items, _, _ = await pull(client, partner, "/api/v1/partner/measures", None)
    listed = {item["reference"]: item for item in items}
    assert listed["M-2026-101"]["organisations"] == [{"organisation_id": ours, "role": "partner"}]

    url = f"/api/v1/partner/measures/{run.id}/progress"
    report = {"progress": 40, "title": "Zweiter Kurs gestartet"}
    assert (await client.post(url, json=report, headers=partner)).status_code == 428
    stale = await client.post(url, json=report, headers=partner | {"If-Match": '"7"'})
    assert stale.status_code == 412
    done = await client.post(
        url, json=report, headers=partner | {"If-Match": f'"{listed["M-2026-101"]["version"]}"'}
    )
    assert done.status_code == 201, done.text
    assert done.json()["progress"] == 40
    foreign = await client.post(
        f"/api/v1/partner/measures/{other.id}/progress", json=report, headers=partner | {"If-Match": "*"}
    )
    assert foreign.status_code == 404
    measure = (await client.get(f"/api/v1/measures/{run.id}", headers=admin.headers)).json()
    assert (measure["progress"], [m["title"] for m in measure["milestones"]]) == (
        40,
        ["Zweiter Kurs gestartet"],
    )
    [event] = await audit_events(app, "measure.progress")
    assert (event.actor_id, event.details["via"]) == (uuid.UUID(registered["id"]), "api_client")
    read_only = await bearer(client, registered, scope="measures:read")
    assert (await client.post(url, json=report, headers=read_only | {"If-Match": "*"})).status_code == 403


async def test_directory_shows_consented_members_and_withdrawals_arrive_as_tombstones(
    client: httpx.AsyncClient, admin: Account, app: FastAPI
) -> None:
    registered = await register(client, admin, await organisation(app), "directory:read")
    partner = await bearer(client, registered)

    async def member(given: str, *purposes: str) -> str:
        created = await client.post(
            "/api/v1/members",
            json={
                "given_name": given,
                "family_name": "Muster",
                "engagement": "volunteer",
                "email": f"{given}@example.org",
            },
            headers=admin.headers,
        )
        assert created.status_code == 201, created.text
        for purpose in purposes:
            await consent(created.json()["id"], purpose, "given")
        member_id: str = created.json()["id"]
        return member_id

    async def consent(member_id: str, purpose: str, action: str) -> None:
        response = await client.post(
            f"/api/v1/members/{member_id}/consents",
            json={"purpose": purpose, "action": action, "text_version": "2026-01", "channel": "paper"},
            headers=admin.headers,
        )
        assert response.status_code == 201, response.text

    listed = await member("Lena", "directory_listing", "contact_sharing")
    withdrawing = await member("Omar", "directory_listing")
    deleted = await member("Jana", "directory_listing")
    hidden = await member("Paul")
    await asyncio.sleep(1.1)  # past the watermark's margin

    items, tombstones, since = await pull(client, partner, "/api/v1/partner/members", None)
    shown = {item["id"]: item for item in items}
    assert set(shown) == {listed, withdrawing, deleted}
    assert (shown[listed]["email"], shown[withdrawing]["email"]) == ("Lena@example.org".lower(), None)
    assert hidden not in (await client.get("/api/v1/partner/members", headers=partner)).text

    await consent(withdrawing, "directory_listing", "withdrawn")
    current = await client.get(f"/api/v1/members/{deleted}", headers=admin.headers)
    removed = await client.delete(
        f"/api/v1/members/{deleted}", headers=admin.headers | {"If-Match": current.headers["ETag"]}
    )
    assert removed.status_code == 204, removed.text
    await asyncio.sleep(1.1)
    items, tombstones, _ = await pull(client, partner, "/api/v1/partner/members", since)
    assert (items, sorted(tombstones)) == ([], sorted([withdrawing, deleted]))
