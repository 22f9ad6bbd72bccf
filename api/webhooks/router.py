"""Webhooks: partner clients keep their subscriptions; admins read every delivery log and replay."""

from __future__ import annotations

import ipaddress
import secrets
import uuid
from typing import Any
from urllib.parse import urlsplit

from fastapi import APIRouter, Response, status
from sqlalchemy import select

from api.core.audit import record_audit
from api.core.concurrency import IfMatch, check_if_match, set_etag
from api.core.config import Settings
from api.core.db import DbSession
from api.core.deps import AdminUser, AppSettings
from api.core.errors import FieldValidationError, NotFound, problem_responses
from api.core.pagination import ListParams, ListQuery, fetch_page
from api.models import WebhookDelivery, WebhookSubscription
from api.partners.access import AnyPartner, Partner
from api.webhooks.outbox import EVENT_SCOPES
from api.webhooks.schemas import (
    DeliveryPage,
    DeliveryRead,
    Event,
    SubscriptionCreate,
    SubscriptionPage,
    SubscriptionRead,
    SubscriptionUpdate,
    SubscriptionWithSecret,
)

partner_router = APIRouter(
    prefix="/api/v1/partner/webhooks", tags=["partner"], responses=problem_responses(401, 403, 429)
)
admin_router = APIRouter(prefix="/api/v1", tags=["webhooks"], responses=problem_responses(401, 403))
WRITE_ERRORS = problem_responses(404, 412, 413, 422, 428)
LOOPBACK_NAMES = {"localhost"}


def check_target(url: str, settings: Settings) -> None:
    """https anywhere; plain http only to a loopback address and never in production."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    try:
        loopback = host in LOOPBACK_NAMES or ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = False
    if not host or parts.username or parts.password:
        raise FieldValidationError("url", "Give an absolute URL without user or password.", "invalid_url")
    if parts.scheme == "https" or (parts.scheme == "http" and loopback and settings.env != "production"):
        return
    raise FieldValidationError("url", "Webhook targets must use https.", "https_required")


def _check_scopes(partner: Partner, events: list[Event]) -> None:
    missing = sorted(
        {
            scope
            for event in events
            if (scope := EVENT_SCOPES[event.split(".")[0]]) and scope not in partner.scopes
        }
    )
    if missing:
        raise FieldValidationError(
            "events", f"These events need the scopes: {' '.join(missing)}.", "scope_missing"
        )


async def _own(session: DbSession, partner: Partner, subscription_id: uuid.UUID) -> WebhookSubscription:
    subscription = await session.get(WebhookSubscription, subscription_id)
    if subscription is None or subscription.client_id != partner.client.id:
        raise NotFound("No webhook subscription of this client with this id.")
    return subscription


def _audit(
    session: DbSession, actor_id: uuid.UUID, action: str, object_id: uuid.UUID, **details: Any
) -> None:
    record_audit(
        session, actor_id=actor_id, action=action, object_type="webhook", object_id=object_id, details=details
    )


async def _delivery_page(session: DbSession, subscription_id: uuid.UUID, params: ListParams) -> DeliveryPage:
    page = await fetch_page(
        session,
        select(WebhookDelivery).where(WebhookDelivery.subscription_id == subscription_id),
        params,
        order_by=[WebhookDelivery.created_at.desc()],
        id_column=WebhookDelivery.id,
        updated_column=WebhookDelivery.created_at,
    )
    return DeliveryPage.of(page, params)


@partner_router.get("", response_model=SubscriptionPage, responses=problem_responses(422))
async def list_own_subscriptions(
    session: DbSession, partner: AnyPartner, params: ListQuery
) -> SubscriptionPage:
    """The calling client's subscriptions."""
    page = await fetch_page(
        session,
        select(WebhookSubscription).where(WebhookSubscription.client_id == partner.client.id),
        params,
        order_by=[WebhookSubscription.created_at],
        id_column=WebhookSubscription.id,
        updated_column=WebhookSubscription.updated_at,
    )
    return SubscriptionPage.of(page, params)


@partner_router.post(
    "", response_model=SubscriptionWithSecret, status_code=status.HTTP_201_CREATED, responses=WRITE_ERRORS
)
async def subscribe(
    data: SubscriptionCreate,
    session: DbSession,
    partner: AnyPartner,
    settings: AppSettings,
    response: Response,
) -> SubscriptionWithSecret:
    """Subscribe a URL to events. Each event needs the scope of its objects (meetings:read,
    measures:read, export for submissions and directives; offers: none). The answer holds the
    signing secret, shown only here."""
    check_target(data.url, settings)
    _check_scopes(partner, data.events)
    subscription = WebhookSubscription(
        client_id=partner.client.id,
        url=data.url,
        events=list(data.events),
        secret=f"whs_{secrets.token_urlsafe(32)}",
    )
    session.add(subscription)
    await session.flush()
    _audit(session, partner.client.id, "webhook.subscribe", subscription.id, events=subscription.events)
    set_etag(response, subscription)
    response.headers["Cache-Control"] = "no-store"
    return SubscriptionWithSecret.model_validate(subscription)


@partner_router.patch("/{subscription_id}", response_model=SubscriptionRead, responses=WRITE_ERRORS)
async def update_subscription(
    subscription_id: uuid.UUID,
    data: SubscriptionUpdate,
    session: DbSession,
    partner: AnyPartner,
    settings: AppSettings,
    response: Response,
    if_match: IfMatch = None,
) -> SubscriptionRead:
    """Change the URL or events, or switch a subscription off (`active: false`) and on."""
    subscription = await _own(session, partner, subscription_id)
    check_if_match(if_match, subscription)
    changes = data.model_dump(exclude_unset=True)
    if "url" in changes:
        check_target(changes["url"], settings)
    if "events" in changes:
        _check_scopes(partner, changes["events"])
    for field, value in changes.items():
        setattr(subscription, field, value)
    await session.flush()
    _audit(session, partner.client.id, "webhook.update", subscription.id, fields=sorted(changes))
    set_etag(response, subscription)
    return SubscriptionRead.model_validate(subscription)


@partner_router.get(
    "/{subscription_id}/deliveries", response_model=DeliveryPage, responses=problem_responses(404, 422)
)
async def own_deliveries(
    subscription_id: uuid.UUID, session: DbSession, partner: AnyPartner, params: ListQuery
) -> DeliveryPage:
    """The delivery log of one of the client's subscriptions, newest first."""
    await _own(session, partner, subscription_id)
    return await _delivery_page(session, subscription_id, params)


@admin_router.get("/webhooks", response_model=SubscriptionPage, responses=problem_responses(422))
async def list_subscriptions(
    session: DbSession, _admin: AdminUser, params: ListQuery, client_id: uuid.UUID | None = None
) -> SubscriptionPage:
    """Every webhook subscription, or those of one API client (admins)."""
    statement = select(WebhookSubscription)
    if client_id is not None:
        statement = statement.where(WebhookSubscription.client_id == client_id)
    page = await fetch_page(
        session,
        statement,
        params,
        order_by=[WebhookSubscription.created_at],
        id_column=WebhookSubscription.id,
        updated_column=WebhookSubscription.updated_at,
    )
    return SubscriptionPage.of(page, params)


async def _subscription(session: DbSession, subscription_id: uuid.UUID) -> WebhookSubscription:
    subscription = await session.get(WebhookSubscription, subscription_id)
    if subscription is None:
        raise NotFound("No webhook subscription with this id.")
    return subscription


@admin_router.get(
    "/webhooks/{subscription_id}", response_model=SubscriptionRead, responses=problem_responses(404, 422)
)
async def get_subscription(
    subscription_id: uuid.UUID, session: DbSession, _admin: AdminUser
) -> SubscriptionRead:
    """One webhook subscription (admins)."""
    return SubscriptionRead.model_validate(await _subscription(session, subscription_id))


@admin_router.get(
    "/webhooks/{subscription_id}/deliveries",
    response_model=DeliveryPage,
    responses=problem_responses(404, 422),
)
async def list_deliveries(
    subscription_id: uuid.UUID, session: DbSession, _admin: AdminUser, params: ListQuery
) -> DeliveryPage:
    """The delivery log of a subscription, newest first (admins)."""
    await _subscription(session, subscription_id)
    return await _delivery_page(session, subscription_id, params)


@admin_router.post(
    "/webhook-deliveries/{delivery_id}/replay",
    response_model=DeliveryRead,
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(404, 422),
)
async def replay_delivery(delivery_id: uuid.UUID, session: DbSession, admin: AdminUser) -> DeliveryRead:
    """Send a delivery again: a new entry in the log with the same body, due at once (admins)."""
    original = await session.get(WebhookDelivery, delivery_id)
    if original is None:
        raise NotFound("No webhook delivery with this id.")
    replay = WebhookDelivery(
        subscription_id=original.subscription_id,
        event=original.event,
        payload=original.payload,
        replay_of_id=original.id,
    )
    session.add(replay)
    await session.flush()
    _audit(session, admin.id, "webhook.replay", original.subscription_id, delivery_id=str(original.id))
    return DeliveryRead.model_validate(replay)
