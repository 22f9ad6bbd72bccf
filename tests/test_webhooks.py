"""Webhooks: the outbox is written with the change, deliveries are signed, retried, logged, replayed."""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import os
import re
import subprocess
import threading
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import func, select

from api.core.config import Settings
from api.core.errors import FieldValidationError
from api.models import Meeting, Offer, WebhookDelivery
from api.webhooks.delivery import deliver_due
from api.webhooks.router import check_target
from tests.conftest import Account
from tests.test_partners import bearer, organisation, register

HOOKS = "/api/v1/partner/webhooks"


@dataclass
class Receiver:
    """A local HTTP endpoint that records what it gets and answers with the queued status codes."""

    url: str
    requests: list[tuple[dict[str, str], bytes]] = field(default_factory=list)
    answers: list[int] = field(default_factory=list)


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    state = Receiver(url="")

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers["Content-Length"]))
            state.requests.append(({k.lower(): v for k, v in self.headers.items()}, body))
            code = state.answers.pop(0) if state.answers else 204
            self.send_response(code)
            if code == 302:
                self.send_header("Location", "http://127.0.0.1:9/elsewhere")
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    state.url = f"http://127.0.0.1:{server.server_address[1]}/hook"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield state
    server.shutdown()
    server.server_close()


def verify(secret: str, headers: dict[str, str], body: bytes) -> bool:
    """What a receiver does (the partner guide shows the same in its example)."""
    parts = dict(item.split("=", 1) for item in headers["x-netzwerk-signature"].split(","))
    expected = hmac.new(secret.encode(), f"{parts['t']}.".encode() + body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, parts["v1"])


async def subscribe(
    client: httpx.AsyncClient, partner: dict[str, str], url: str, *events: str
) -> dict[str, Any]:
    response = await client.post(HOOKS, json={"url": url, "events": list(events)}, headers=partner)
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created


async def deliver(app: FastAPI, now: datetime | None = None) -> tuple[int, int]:
    async with app.state.sessionmaker() as session, session.begin():
        return await deliver_due(session, now=now)


async def create_meeting(client: httpx.AsyncClient, admin: Account, body_id: uuid.UUID) -> str:
    starts = datetime(2027, 5, 4, 15, tzinfo=UTC)
    response = await client.post(
        "/api/v1/meetings",
        json={
            "body_id": str(body_id),
            "title": "AK Bildung 2/2027",
            "starts_at": starts.isoformat(),
            "ends_at": (starts + timedelta(hours=2)).isoformat(),
        },
        headers=admin.headers,
    )
    assert response.status_code == 201, response.text
    meeting_id: str = response.json()["id"]
    return meeting_id


async def test_a_change_is_delivered_signed(
    client: httpx.AsyncClient, admin: Account, app: FastAPI, bodies: dict[str, uuid.UUID], receiver: Receiver
) -> None:
    registered = await register(client, admin, await organisation(app), "meetings:read")
    partner = await bearer(client, registered)
    hook = await subscribe(client, partner, receiver.url, "meeting.created", "meeting.cancelled")
    meeting_id = await create_meeting(client, admin, bodies["AK Bildung"])

    assert await deliver(app) == (1, 0)
    [(headers, body)] = receiver.requests
    assert verify(hook["secret"], headers, body)
    assert not verify("whs_falsch", headers, body)
    event = json.loads(body)
    assert (event["type"], event["data"]) == ("meeting.created", {"id": meeting_id, "deleted": False})
    assert headers["x-netzwerk-event"] == "meeting.created"
    assert headers["x-netzwerk-delivery"] == event["id"]
    assert await deliver(app) == (0, 0)  # delivered once

    shown = (await client.get(f"/api/v1/webhooks/{hook['id']}", headers=admin.headers)).json()
    assert shown == {key: value for key, value in hook.items() if key != "secret"}
    log = (await client.get(f"/api/v1/webhooks/{hook['id']}/deliveries", headers=admin.headers)).json()
    assert [(d["status"], d["attempts"], d["last_status_code"]) for d in log["items"]] == [
        ("delivered", 1, 204)
    ]
    own = (await client.get(f"{HOOKS}/{hook['id']}/deliveries", headers=partner)).json()
    assert own["items"] == log["items"]


async def test_nothing_is_sent_for_a_rolled_back_change(
    client: httpx.AsyncClient, admin: Account, app: FastAPI, bodies: dict[str, uuid.UUID], receiver: Receiver
) -> None:
    partner = await bearer(client, await register(client, admin, await organisation(app), "meetings:read"))
    await subscribe(client, partner, receiver.url, "meeting.created")
    starts = datetime(2027, 5, 4, 15, tzinfo=UTC)
    async with app.state.sessionmaker() as session:
        session.add(Meeting(body_id=bodies["AK Bildung"], title="Nie", starts_at=starts, ends_at=starts))
        await session.flush()
        await session.rollback()
    # A request that fails after writing also leaves nothing behind.
    refused = await client.post(
        "/api/v1/meetings",
        json={
            "body_id": str(bodies["AK Bildung"]),
            "title": "Falsch",
            "starts_at": "2027-05-04T15:00:00Z",
            "ends_at": "2027-05-04T14:00:00Z",
        },
        headers=admin.headers,
    )
    assert refused.status_code == 422
    async with app.state.sessionmaker() as session:
        assert await session.scalar(select(func.count()).select_from(WebhookDelivery)) == 0
    assert await deliver(app) == (0, 0)
    assert receiver.requests == []


async def test_a_failing_receiver_gets_it_later_and_the_admin_can_replay(
    client: httpx.AsyncClient, admin: Account, app: FastAPI, bodies: dict[str, uuid.UUID], receiver: Receiver
) -> None:
    partner = await bearer(client, await register(client, admin, await organisation(app), "meetings:read"))
    hook = await subscribe(client, partner, receiver.url, "meeting.created")
    await create_meeting(client, admin, bodies["AK Bildung"])
    receiver.answers = [500, 503, 302]

    now = datetime.now(UTC)
    assert await deliver(app, now) == (0, 1)
    assert await deliver(app, now + timedelta(seconds=10)) == (0, 0)  # not due before its backoff
    assert await deliver(app, now + timedelta(seconds=31)) == (0, 1)
    assert await deliver(app, now + timedelta(seconds=92)) == (0, 1)  # a redirect is not followed
    assert await deliver(app, now + timedelta(seconds=213)) == (1, 0)
    assert len(receiver.requests) == 4
    assert len({body for _, body in receiver.requests}) == 1  # the same event each time

    [delivery] = (
        await client.get(f"/api/v1/webhooks/{hook['id']}/deliveries", headers=admin.headers)
    ).json()["items"]
    assert (delivery["status"], delivery["attempts"], delivery["last_status_code"]) == ("delivered", 4, 204)
    replayed = await client.post(f"/api/v1/webhook-deliveries/{delivery['id']}/replay", headers=admin.headers)
    assert replayed.status_code == 201
    assert replayed.json()["replay_of_id"] == delivery["id"]
    assert await deliver(app) == (1, 0)
    assert receiver.requests[-1][1] == receiver.requests[0][1]
    partner_on_admin_route = await client.get(f"/api/v1/webhooks/{hook['id']}/deliveries", headers=partner)
    assert partner_on_admin_route.status_code == 401


async def test_events_reach_only_those_who_may_see_the_object(
    client: httpx.AsyncClient, admin: Account, app: FastAPI, receiver: Receiver
) -> None:
    ours, theirs = await organisation(app, "Caritas Gifhorn"), await organisation(app, "AWO Gifhorn")
    partner = await bearer(client, await register(client, admin, ours, "offers:write"))
    await subscribe(client, partner, receiver.url, "offer.updated")
    async with app.state.sessionmaker() as session, session.begin():
        session.add_all(
            [
                Offer(organisation_id=uuid.UUID(theirs), title="Intern", published=False),
                Offer(organisation_id=uuid.UUID(theirs), title="Öffentlich", published=True),
                Offer(organisation_id=uuid.UUID(ours), title="Eigenes", published=False),
            ]
        )
    assert await deliver(app) == (2, 0)
    async with app.state.sessionmaker() as session:
        titles = {o.id: o.title for o in await session.scalars(select(Offer))}
    sent = {titles[uuid.UUID(json.loads(body)["data"]["id"])] for _, body in receiver.requests}
    assert sent == {"Öffentlich", "Eigenes"}


async def test_subscriptions_need_https_and_the_scopes_of_their_events(
    client: httpx.AsyncClient, admin: Account, app: FastAPI, settings: Settings
) -> None:
    partner = await bearer(client, await register(client, admin, await organisation(app), "offers:write"))
    for url, code in (
        ("http://partner.example.org/hook", "https_required"),
        ("ftp://127.0.0.1/hook", "https_required"),
        ("https://user:pw@partner.example.org/hook", "invalid_url"),
    ):
        response = await client.post(HOOKS, json={"url": url, "events": ["offer.updated"]}, headers=partner)
        assert response.status_code == 422, url
        assert response.json()["errors"][0]["code"] == code
    unscoped = await client.post(
        HOOKS,
        json={"url": "https://partner.example.org/hook", "events": ["meeting.created"]},
        headers=partner,
    )
    assert unscoped.status_code == 422
    assert "meetings:read" in unscoped.json()["errors"][0]["message"]
    production = settings.model_copy(update={"env": "production"})
    with pytest.raises(FieldValidationError) as refused:
        check_target("http://127.0.0.1:8080/hook", production)
    assert refused.value.errors[0].code == "https_required"
    check_target("https://partner.example.org/hook", production)


def guide_snippet(language: str, containing: str) -> str:
    guide = (Path(__file__).parents[1] / "docs" / "partner-guide.md").read_text(encoding="utf-8")
    blocks = re.findall(rf"```{language}\n(.*?)```", guide, flags=re.DOTALL)
    [block] = [b for b in blocks if containing in b]
    return block


async def test_the_guides_signature_check_passes_on_a_real_delivery(
    client: httpx.AsyncClient,
    admin: Account,
    app: FastAPI,
    bodies: dict[str, uuid.UUID],
    receiver: Receiver,
    tmp_path: Path,
) -> None:
    partner = await bearer(client, await register(client, admin, await organisation(app), "meetings:read"))
    hook = await subscribe(client, partner, receiver.url, "meeting.created")
    await create_meeting(client, admin, bodies["AK Bildung"])
    await deliver(app)
    [(headers, body)] = receiver.requests

    namespace: dict[str, Any] = {}
    exec(guide_snippet("python", "def verify_signature"), namespace)  # noqa: S102 - our own documentation
    check = namespace["verify_signature"]
    assert check(hook["secret"], headers["x-netzwerk-signature"], body)
    assert not check(hook["secret"], headers["x-netzwerk-signature"], body + b" ")
    assert not check(hook["secret"], headers["x-netzwerk-signature"], body, tolerance=-1)

    (tmp_path / "body.json").write_bytes(body)
    shell = await asyncio.to_thread(
        subprocess.run,
        ["/bin/sh", "-c", guide_snippet("sh", "openssl dgst")],
        cwd=tmp_path,
        env={
            "PATH": os.environ["PATH"],
            "SIGNATURE": headers["x-netzwerk-signature"],
            "WEBHOOK_SECRET": hook["secret"],
        },
        capture_output=True,
        text=True,
        check=False,
    )
    assert shell.stdout.strip() == "ok", shell.stderr
