"""Consent records: recording, history, self-service, and what a withdrawal hides at once."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import select

from api.models import ConsentRecord, CurrentConsent
from tests.conftest import Account, UserFactory, audit_events, link_member

MEMBERS = "/api/v1/members"
PERSON = {
    "given_name": "Lena",
    "family_name": "Krüger",
    "engagement": "volunteer",
    "email": "lena@example.org",
}


async def _member(client: httpx.AsyncClient, account: Account, **fields: object) -> str:
    response = await client.post(MEMBERS, json=PERSON | fields, headers=account.headers)
    assert response.status_code == 201, response.text
    return str(response.json()["id"])


async def _record(
    client: httpx.AsyncClient,
    account: Account,
    member_id: str,
    purpose: str,
    action: str = "given",
    channel: str = "paper",
) -> httpx.Response:
    return await client.post(
        f"{MEMBERS}/{member_id}/consents",
        json={"purpose": purpose, "action": action, "text_version": "2026-01", "channel": channel},
        headers=account.headers,
    )


def _current(overview: dict[str, object]) -> dict[str, bool]:
    current = overview["current"]
    assert isinstance(current, list)
    return {state["purpose"]: state["given"] for state in current}


async def test_coordinator_records_give_and_withdraw_with_history(
    client: httpx.AsyncClient, make_user: UserFactory, app: FastAPI
) -> None:
    coordinator = await make_user("coordinator")
    member_id = await _member(client, coordinator)
    empty = await client.get(f"{MEMBERS}/{member_id}/consents", headers=coordinator.headers)
    assert empty.status_code == 200
    assert empty.json() == {
        "member_id": member_id,
        "current": [
            {"purpose": "directory_listing", "given": False, "latest": None},
            {"purpose": "contact_sharing", "given": False, "latest": None},
            {"purpose": "photo", "given": False, "latest": None},
        ],
        "history": [],
    }

    given = await _record(client, coordinator, member_id, "directory_listing")
    assert given.status_code == 201
    assert given.headers["Location"] == f"{MEMBERS}/{member_id}/consents"
    assert _current(given.json()) == {"directory_listing": True, "contact_sharing": False, "photo": False}
    assert (await _record(client, coordinator, member_id, "photo", channel="email")).status_code == 201
    withdrawn = await _record(client, coordinator, member_id, "directory_listing", "withdrawn", "in_person")
    overview = withdrawn.json()
    assert _current(overview) == {"directory_listing": False, "contact_sharing": False, "photo": True}
    assert [(r["purpose"], r["action"], r["channel"]) for r in overview["history"]] == [
        ("directory_listing", "withdrawn", "in_person"),
        ("photo", "given", "email"),
        ("directory_listing", "given", "paper"),
    ]
    first = overview["history"][-1]
    assert (first["text_version"], first["recorded_by_user_id"]) == ("2026-01", str(coordinator.user.id))
    assert overview["current"][0]["latest"] == overview["history"][0]
    fetched = await client.get(f"{MEMBERS}/{member_id}/consents", headers=coordinator.headers)
    assert fetched.json() == overview

    events = await audit_events(app, "consent.record")
    assert [(e.actor_id, e.object_type, e.object_id) for e in events] == [
        (coordinator.user.id, "member", member_id)
    ] * 3
    assert events[-1].details == {
        "purpose": "directory_listing",
        "consent": "withdrawn",
        "channel": "in_person",
    }


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"channel": "self_service"}, "channel"),
        ({"purpose": "newsletter"}, "purpose"),
        ({"action": "maybe"}, "action"),
        ({"text_version": ""}, "text_version"),
        ({"text_version": "2026\x00"}, "text_version"),
        ({"recorded_by_user_id": str(uuid.uuid4())}, "recorded_by_user_id"),
    ],
)
async def test_invalid_consent_records_answer_422(
    payload: dict[str, str], field: str, client: httpx.AsyncClient, admin: Account
) -> None:
    member_id = await _member(client, admin)
    body = {"purpose": "photo", "action": "given", "text_version": "2026-01", "channel": "paper"} | payload
    response = await client.post(f"{MEMBERS}/{member_id}/consents", json=body, headers=admin.headers)
    assert response.status_code == 422
    assert [error["field"] for error in response.json()["errors"]] == [field]


@pytest.mark.parametrize("role", ["spokesperson", "member", "steering"])
async def test_only_admins_and_coordinators_see_and_record_others_consents(
    role: str, client: httpx.AsyncClient, admin: Account, make_user: UserFactory
) -> None:
    member_id = await _member(client, admin)
    caller = await make_user(role)
    assert (await client.get(f"{MEMBERS}/{member_id}/consents", headers=caller.headers)).status_code == 403
    assert (await _record(client, caller, member_id, "photo")).status_code == 403
    unknown = uuid.uuid4()
    assert (await client.get(f"{MEMBERS}/{unknown}/consents", headers=admin.headers)).status_code == 404
    assert (await _record(client, admin, str(unknown), "photo")).status_code == 404
    assert (await client.get(f"{MEMBERS}/{member_id}/consents")).status_code == 401


async def test_members_give_and_withdraw_their_own_consent(
    client: httpx.AsyncClient, admin: Account, make_user: UserFactory, app: FastAPI
) -> None:
    member_id = await _member(client, admin)
    account = await make_user("member")
    url = f"{MEMBERS}/me/consents"
    assert (await client.get(url, headers=account.headers)).status_code == 404
    unlinked = await client.post(
        url, json={"purpose": "photo", "action": "given", "text_version": "2026-01"}, headers=account.headers
    )
    assert unlinked.status_code == 404
    await link_member(app, account, member_id)

    given = await client.post(
        url,
        json={"purpose": "contact_sharing", "action": "given", "text_version": "2026-01"},
        headers=account.headers,
    )
    assert given.status_code == 201, given.text
    assert given.json()["history"][0]["channel"] == "self_service"
    assert given.json()["history"][0]["recorded_by_user_id"] == str(account.user.id)
    withdrawn = await client.post(
        url,
        json={"purpose": "contact_sharing", "action": "withdrawn", "text_version": "2026-01"},
        headers=account.headers,
    )
    assert _current(withdrawn.json())["contact_sharing"] is False
    assert (await client.get(url, headers=account.headers)).json() == withdrawn.json()
    channel = await client.post(
        url,
        json={"purpose": "photo", "action": "given", "text_version": "2026-01", "channel": "paper"},
        headers=account.headers,
    )
    assert channel.status_code == 422
    coordinator_view = await client.get(f"{MEMBERS}/{member_id}/consents", headers=admin.headers)
    assert coordinator_view.json() == withdrawn.json()
    assert [e.actor_id for e in await audit_events(app, "consent.record")] == [account.user.id] * 2


async def test_the_current_consent_follows_every_event_whatever_order_it_arrives_in(
    client: httpx.AsyncClient, app: FastAPI, make_user: UserFactory
) -> None:
    """The directory reads ``current_consents``, which a database trigger keeps: an event written
    straight to the table (an import, a repair) counts as much as one recorded through the API."""
    coordinator, reader = await make_user("coordinator"), await make_user("member")
    member_id = uuid.UUID(await _member(client, coordinator))
    start = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)

    async def event(purpose: str, action: str, minutes: int) -> None:
        async with app.state.sessionmaker() as session, session.begin():
            session.add(
                ConsentRecord(
                    member_id=member_id,
                    purpose=purpose,
                    action=action,
                    text_version="2026-01",
                    channel="paper",
                    recorded_at=start + timedelta(minutes=minutes),
                )
            )

    async def current() -> dict[str, str]:
        async with app.state.sessionmaker() as session:
            rows = await session.execute(
                select(CurrentConsent.purpose, CurrentConsent.action).where(
                    CurrentConsent.member_id == member_id
                )
            )
            return dict(rows.all())

    await event("directory_listing", "given", 10)
    await event("directory_listing", "withdrawn", 5)  # older, arriving late: changes nothing
    await event("photo", "given", 0)
    await event("photo", "withdrawn", 0)  # the same instant: the withdrawal wins
    await event("photo", "given", 0)
    assert await current() == {"directory_listing": "given", "photo": "withdrawn"}
    listed = await client.get(MEMBERS, headers=reader.headers)  # members see the directory only
    assert str(member_id) in {item["id"] for item in listed.json()["items"]}

    await event("directory_listing", "withdrawn", 20)
    assert await current() == {"directory_listing": "withdrawn", "photo": "withdrawn"}
    listed = await client.get(MEMBERS, headers=reader.headers)
    assert str(member_id) not in {item["id"] for item in listed.json()["items"]}
