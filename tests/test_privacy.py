"""DSGVO rights: Art. 15 export of everything held, Art. 17 erasure by pseudonymisation."""

from __future__ import annotations

import uuid
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import select

from api.models import Attendance, Registration
from api.models.base import today
from tests.conftest import PASSWORD, Account, UserFactory, audit_events, link_member
from tests.test_calendars import make_meeting

URL = "/api/v1/privacy/members"
REASON = "Auskunftsersuchen vom 20.11.2026"
SECRETS = ("Yılmaz", "yılmaz", "ayse@example.org", "98765", "Ayşe", "Notiz zu A.")


@pytest.fixture
async def setup(
    client: httpx.AsyncClient, admin: Account, make_user: UserFactory, bodies: dict[str, uuid.UUID]
) -> dict[str, Any]:
    organisation = await client.post(
        "/api/v1/organisations",
        json={"name": "AWO Gifhorn", "kind": "welfare_association"},
        headers=admin.headers,
    )
    member = await client.post(
        "/api/v1/members",
        json={
            "title": "Dr.",
            "given_name": "Ayşe",
            "family_name": "Yılmaz",
            "email": "ayse@example.org",
            "phone": "05371 98765",
            "organisation_id": organisation.json()["id"],
            "engagement": "professional",
            "function": "Migrationsberatung",
            "languages": ["tr"],
            "internal_notes": "Notiz zu A.",
        },
        headers=admin.headers,
    )
    assert member.status_code == 201, member.text
    member_id = member.json()["id"]
    membership = await client.post(
        "/api/v1/memberships",
        json={"member_id": member_id, "body_id": str(bodies["AK Bildung"]), "role": "spokesperson"},
        headers=admin.headers,
    )
    assert membership.status_code == 201, membership.text
    consent = await client.post(
        f"/api/v1/members/{member_id}/consents",
        json={
            "purpose": "directory_listing",
            "action": "given",
            "text_version": "2026-01",
            "channel": "paper",
        },
        headers=admin.headers,
    )
    assert consent.status_code == 201, consent.text
    account = await make_user("spokesperson", name="Ayşe Yılmaz")
    await link_member(client._transport.app, account, member_id)  # type: ignore[attr-defined]
    return {"member_id": member_id, "membership_id": membership.json()["id"], "account": account}


async def _etag(client: httpx.AsyncClient, admin: Account, member_id: str) -> str:
    return (await client.get(f"/api/v1/members/{member_id}", headers=admin.headers)).headers["ETag"]


async def test_art15_export_holds_everything_and_is_audited(
    client: httpx.AsyncClient, admin: Account, setup: dict[str, Any], app: FastAPI
) -> None:
    member_id = setup["member_id"]
    response = await client.get(f"{URL}/{member_id}/export", params={"reason": REASON}, headers=admin.headers)
    assert response.status_code == 200, response.text
    assert (
        response.headers["content-disposition"] == f'attachment; filename="Auskunft-Art15-{member_id}.json"'
    )
    data = response.json()
    assert data["legal_basis"] == "Art. 15 DSGVO"
    assert data["member"]["email"] == "ayse@example.org"
    assert data["member"]["internal_notes"] == "Notiz zu A."
    assert data["member"]["deleted_at"] is None
    assert data["organisation"]["name"] == "AWO Gifhorn"
    [membership] = data["memberships"]
    assert (membership["id"], membership["role"], membership["body_short_name"]) == (
        setup["membership_id"],
        "spokesperson",
        "AK Bildung",
    )
    assert data["user_account"]["email"] == setup["account"].email
    assert data["user_account"]["login_sessions"] == 1
    assert "password_hash" not in response.text
    assert "argon2" not in response.text
    assert [(c["purpose"], c["action"]) for c in data["consents"]] == [("directory_listing", "given")]
    actions = {event["action"] for event in data["audit_events"]}
    assert {"member.create", "membership.create", "auth.login"} <= actions
    assert data["join_requests"] == []
    [event] = await audit_events(app, "privacy.export")
    assert (event.actor_id, event.object_id) == (admin.user.id, member_id)
    assert event.details == {
        "reason": REASON,
        "memberships": 1,
        "consents": 1,
        "join_requests": 0,
        "attendances": 0,
        "registrations": 0,
        "audit_events": len(data["audit_events"]),
        "user_account": True,
    }


async def test_art15_rules(
    client: httpx.AsyncClient, admin: Account, make_user: UserFactory, setup: dict[str, Any], app: FastAPI
) -> None:
    member_id = setup["member_id"]
    named = await client.get(
        f"{URL}/{member_id}/export", params={"reason": "Anfrage von Frau Yılmaz"}, headers=admin.headers
    )
    assert named.status_code == 422
    assert named.json()["errors"][0]["code"] == "reason_contains_personal_data"
    missing = await client.get(f"{URL}/{member_id}/export", headers=admin.headers)
    assert missing.status_code == 422
    unknown = await client.get(
        f"{URL}/{uuid.uuid4()}/export", params={"reason": REASON}, headers=admin.headers
    )
    assert unknown.status_code == 404
    coordinator = await make_user("coordinator")
    denied = await client.get(
        f"{URL}/{member_id}/export", params={"reason": REASON}, headers=coordinator.headers
    )
    assert denied.status_code == 403
    assert await audit_events(app, "privacy.export") == []


async def test_art17_erasure_leaves_no_trace_in_the_api(
    client: httpx.AsyncClient, admin: Account, make_user: UserFactory, setup: dict[str, Any], app: FastAPI
) -> None:
    member_id = setup["member_id"]
    account: Account = setup["account"]
    url = f"{URL}/{member_id}/erase"
    body = {"reason": "Löschantrag vom 21.11.2026"}
    assert (await client.post(url, json=body, headers=admin.headers)).status_code == 428
    stale = await client.post(url, json=body, headers=admin.headers | {"If-Match": '"99"'})
    assert stale.status_code == 412
    named = await client.post(
        url,
        json={"reason": "Löschantrag ayse@example.org"},
        headers=admin.headers | {"If-Match": await _etag(client, admin, member_id)},
    )
    assert named.status_code == 422
    assert named.json()["errors"][0]["location"] == "body"

    erased = await client.post(
        url, json=body, headers=admin.headers | {"If-Match": await _etag(client, admin, member_id)}
    )
    assert erased.status_code == 200, erased.text
    result = erased.json()
    assert result["pseudonym"] == "ehemaliges Mitglied"
    assert (result["memberships_kept"], result["memberships_ended"]) == (1, 1)
    assert (result["user_account_deactivated"], result["join_requests_scrubbed"]) == (True, 0)

    coordinator = await make_user("coordinator")
    responses = [
        await client.get("/api/v1/members", params={"q": "Yılmaz"}, headers=coordinator.headers),
        await client.get("/api/v1/members", params={"q": "ayse@example.org"}, headers=coordinator.headers),
        await client.get("/api/v1/users", params={"q": "Yılmaz"}, headers=admin.headers),
        await client.get("/api/v1/users", params={"q": "ayse"}, headers=admin.headers),
    ]
    for response in responses:
        assert response.status_code == 200
        assert response.json()["total"] == 0
    everything = [
        await client.get("/api/v1/members", params={"limit": 200}, headers=coordinator.headers),
        await client.get("/api/v1/users", params={"limit": 200}, headers=admin.headers),
        await client.get("/api/v1/memberships", params={"limit": 200}, headers=coordinator.headers),
        await client.get("/api/v1/bodies", params={"limit": 200}, headers=coordinator.headers),
        await client.get("/api/v1/working-groups", headers=coordinator.headers),
        await client.get("/api/v1/audit-events", params={"limit": 200}, headers=admin.headers),
        await client.get(
            "/api/v1/exports/members.csv",
            params={"reason": "Kontrolle Löschung"},
            headers=coordinator.headers,
        ),
    ]
    for response in everything:
        assert response.status_code == 200, response.text
        for secret in SECRETS:
            assert secret not in response.text, (response.url, secret)
    assert (await client.get(f"/api/v1/members/{member_id}", headers=coordinator.headers)).status_code == 404

    memberships = (
        await client.get("/api/v1/memberships", params={"member_id": member_id}, headers=coordinator.headers)
    ).json()["items"]
    # Kept as history; an open membership ends today (its last day).
    assert [(m["id"], m["end_on"]) for m in memberships] == [(setup["membership_id"], today().isoformat())]
    held = (
        await client.get(f"{URL}/{member_id}/export", params={"reason": REASON}, headers=admin.headers)
    ).json()
    assert (held["member"]["given_name"], held["member"]["family_name"]) == ("ehemaliges", "Mitglied")
    assert (held["member"]["email"], held["member"]["phone"], held["member"]["title"]) == (None, None, None)
    assert (held["member"]["function"], held["member"]["languages"], held["member"]["internal_notes"]) == (
        None,
        [],
        "",
    )
    assert held["member"]["status"] == "left"
    assert held["memberships"][0]["body_short_name"] == "AK Bildung"
    assert held["user_account"]["is_active"] is False
    assert held["user_account"]["name"] == "ehemaliges Mitglied"
    for secret in SECRETS:
        assert secret not in str(held)

    # The linked account's sessions ended; it cannot log in again.
    assert (await client.get("/api/v1/members/me", headers=account.headers)).status_code == 401
    login = await client.post("/api/v1/auth/token", data={"username": account.email, "password": PASSWORD})
    assert login.status_code == 401

    [event] = await audit_events(app, "privacy.erase")
    assert (event.actor_id, event.object_id) == (admin.user.id, member_id)
    assert event.details["reason"] == "Löschantrag vom 21.11.2026"
    assert event.details["memberships_kept"] == 1
    for secret in SECRETS:
        assert secret not in str(event.details)

    again = await client.post(url, json=body, headers=admin.headers | {"If-Match": erased.headers["ETag"]})
    assert again.status_code == 409


async def test_erasure_rules(
    client: httpx.AsyncClient, admin: Account, make_user: UserFactory, setup: dict[str, Any], app: FastAPI
) -> None:
    member_id = setup["member_id"]
    coordinator = await make_user("coordinator")
    denied = await client.post(
        f"{URL}/{member_id}/erase",
        json={"reason": "Löschantrag"},
        headers=coordinator.headers | {"If-Match": '"1"'},
    )
    assert denied.status_code == 403
    unknown = await client.post(
        f"{URL}/{uuid.uuid4()}/erase",
        json={"reason": "Löschantrag"},
        headers=admin.headers | {"If-Match": '"1"'},
    )
    assert unknown.status_code == 404
    own = await client.post(
        "/api/v1/members",
        json={"given_name": "Ada", "family_name": "Admin", "engagement": "professional"},
        headers=admin.headers,
    )
    await link_member(app, admin, own.json()["id"])
    selfish = await client.post(
        f"{URL}/{own.json()['id']}/erase",
        json={"reason": "Löschantrag"},
        headers=admin.headers | {"If-Match": '"1"'},
    )
    assert selfish.status_code == 409
    assert await audit_events(app, "privacy.erase") == []


async def test_meeting_data_is_exported_and_erased(
    client: httpx.AsyncClient,
    admin: Account,
    setup: dict[str, Any],
    bodies: dict[str, uuid.UUID],
    app: FastAPI,
) -> None:
    member_id = uuid.UUID(setup["member_id"])
    account: Account = setup["account"]
    network_meeting = await make_meeting(
        app, bodies["Netzwerk"], title="Netzwerktreffen 2027", registration_capacity=10
    )
    group_meeting = await make_meeting(app, bodies["AK Bildung"], title="AK Bildung 1/2027")
    async with app.state.sessionmaker() as session, session.begin():
        session.add(
            Attendance(
                meeting_id=group_meeting,
                member_id=member_id,
                response="accepted",
                response_token_hash="a" * 64,
            )
        )
        session.add(
            Registration(
                meeting_id=network_meeting,
                given_name="Ayşe",
                family_name="Yılmaz",
                email="AYSE@example.org",
                privacy_text_version="2026-01",
                status="confirmed",
                cancel_token_hash="b" * 64,
            )
        )
    feed = await client.post("/api/v1/calendar-tokens", headers=account.headers)
    assert feed.status_code == 201, feed.text
    feed_path = feed.json()["url"].removeprefix("http://127.0.0.1:8000")

    exported = await client.get(f"{URL}/{member_id}/export", params={"reason": REASON}, headers=admin.headers)
    data = exported.json()
    [attendance] = data["attendances"]
    assert (attendance["meeting_title"], attendance["response"]) == ("AK Bildung 1/2027", "accepted")
    [registration] = data["registrations"]
    assert (registration["meeting_id"], registration["family_name"]) == (str(network_meeting), "Yılmaz")

    erased = await client.post(
        f"{URL}/{member_id}/erase",
        json={"reason": "Löschantrag vom 21.11.2026"},
        headers=admin.headers | {"If-Match": await _etag(client, admin, str(member_id))},
    )
    assert erased.status_code == 200, erased.text
    assert (erased.json()["registrations_scrubbed"], erased.json()["calendar_links_revoked"]) == (1, 1)
    assert (await client.get(feed_path)).status_code == 404
    participants = await client.get(
        f"/api/v1/meetings/{network_meeting}/registrations", headers=admin.headers
    )
    assert participants.status_code == 200, participants.text
    for secret in SECRETS:
        assert secret not in participants.text
    async with app.state.sessionmaker() as session:
        kept = await session.scalar(select(Attendance).where(Attendance.member_id == member_id))
    assert kept is not None
    assert (kept.response, kept.response_token_hash) == ("accepted", None)
