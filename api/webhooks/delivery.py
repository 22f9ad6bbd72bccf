"""``netzwerk deliver-webhooks``: send due deliveries, signed, with retries and backoff.

Signature: header ``X-Netzwerk-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256>`` over
``"<t>.<raw body>"`` with the subscription's secret; receivers should also refuse old timestamps.
A delivery succeeds on any 2xx; otherwise it is tried again after 30 s, 1 min, 2 min … (at most 6 h
apart) and given up after ``MAX_ATTEMPTS``. Redirects are not followed; each request has a short
timeout.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import logging
from datetime import UTC, datetime, timedelta

import httpx
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from api.models import WebhookDelivery, WebhookSubscription

MAX_ATTEMPTS = 8
FIRST_RETRY = timedelta(seconds=30)
LONGEST_WAIT = timedelta(hours=6)
BATCH = 50
TIMEOUT = httpx.Timeout(5.0, connect=3.0)
log = logging.getLogger("api.webhooks")


def signature(secret: str, timestamp: int, body: bytes) -> str:
    mac = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={mac}"


def retry_wait(attempts: int) -> timedelta:
    """The wait after the ``attempts``-th failed attempt: 30 s, doubling, at most 6 h."""
    return min(FIRST_RETRY * (1 << (attempts - 1)), LONGEST_WAIT)


async def _send(
    http: httpx.AsyncClient, delivery: WebhookDelivery, subscription: WebhookSubscription
) -> None:
    body = delivery.payload.encode()
    now = datetime.now(UTC)
    delivery.attempts += 1
    try:
        response = await http.post(
            subscription.url,
            content=body,
            headers={
                "Content-Type": "application/json",
                "User-Agent": "Netzwerk-Integration-Webhooks/1",
                "X-Netzwerk-Event": delivery.event,
                "X-Netzwerk-Delivery": str(delivery.id),
                "X-Netzwerk-Signature": signature(subscription.secret, int(now.timestamp()), body),
            },
        )
        delivery.last_status_code, delivery.last_error = response.status_code, None
        succeeded = response.is_success
        if not succeeded:
            delivery.last_error = f"HTTP {response.status_code}"
    except httpx.HTTPError as error:
        delivery.last_status_code, succeeded = None, False
        delivery.last_error = f"{type(error).__name__}: {error}"[:500]
    if succeeded:
        delivery.status, delivery.delivered_at = "delivered", now
    elif delivery.attempts >= MAX_ATTEMPTS:
        delivery.status = "failed"
    else:
        delivery.next_attempt_at = now + retry_wait(delivery.attempts)


async def deliver_due(session: AsyncSession, *, now: datetime | None = None) -> tuple[int, int]:
    """One pass over the due deliveries (locked, so parallel runs share the work); returns
    (delivered, not delivered)."""
    now = now or datetime.now(UTC)
    due = (
        await session.execute(
            select(WebhookDelivery, WebhookSubscription)
            .join(WebhookSubscription, WebhookSubscription.id == WebhookDelivery.subscription_id)
            .where(WebhookDelivery.status == "pending", WebhookDelivery.next_attempt_at <= now)
            .order_by(WebhookDelivery.next_attempt_at, WebhookDelivery.id)
            .limit(BATCH)
            .with_for_update(of=WebhookDelivery, skip_locked=True)
        )
    ).all()
    async with httpx.AsyncClient(timeout=TIMEOUT, follow_redirects=False) as http:
        for delivery, subscription in due:
            if not subscription.active:
                delivery.status, delivery.last_error = "failed", "The subscription was switched off."
                continue
            await _send(http, delivery, subscription)
    await session.flush()
    delivered = sum(1 for delivery, _ in due if delivery.status == "delivered")
    return delivered, len(due) - delivered


async def run_loop(sessionmaker: async_sessionmaker[AsyncSession], *, interval: float) -> None:
    """Deliver until stopped, pausing ``interval`` seconds when nothing was due."""
    while True:
        async with sessionmaker() as session, session.begin():
            delivered, failed = await deliver_due(session)
        if delivered or failed:
            log.info("webhooks", extra={"delivered": delivered, "not_delivered": failed})
        else:
            await asyncio.sleep(interval)
