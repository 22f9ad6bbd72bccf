"""Webhook events into the outbox, in the same transaction as the change that causes them.

Changes are noticed on the ORM session (every write path goes through it): after each flush the
changed meetings, measures, offers, submissions and directives are noted, and just before commit
each event becomes one delivery row per matching subscription. A rolled-back change therefore
sends nothing. Events are thin (type, object id, whether deleted): the receiver fetches the object
through the partner API, with its own permissions.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import event, inspect, select
from sqlalchemy.orm import Session

from api.models import (
    ApiClient,
    Directive,
    Measure,
    Meeting,
    Offer,
    Submission,
    WebhookDelivery,
    WebhookSubscription,
)

# The scope a client needs to receive an event; offers also reach the owning organisation.
EVENT_SCOPES = {
    "meeting": "meetings:read",
    "measure": "measures:read",
    "offer": None,
    "submission": "export",
    "directive": "export",
}
_PENDING = "webhook_events"


@dataclass(frozen=True)
class Change:
    event: str
    object_id: uuid.UUID
    deleted: bool
    # Offers: whether it is (or was) published, and its organisation, to decide who may hear of it.
    public: bool = True
    organisation_id: uuid.UUID | None = None


def _changed(instance: object, attribute: str) -> bool:
    return bool(inspect(instance).attrs[attribute].history.has_changes())


def _now_value(instance: object, attribute: str, value: object) -> bool:
    return value in inspect(instance).attrs[attribute].history.added


def _event_of(instance: object, is_new: bool) -> Change | None:
    deleted = getattr(instance, "deleted_at", None) is not None
    match instance:
        case Meeting():
            if is_new:
                name = "meeting.created"
            elif _now_value(instance, "status", "cancelled"):
                name = "meeting.cancelled"
            else:
                name = "meeting.updated"
            return Change(name, instance.id, deleted)
        case Measure():
            return Change("measure.updated", instance.id, deleted)
        case Offer():
            was_public = True in inspect(instance).attrs["published"].history.deleted
            public = instance.published or was_public
            return Change("offer.updated", instance.id, deleted, public, instance.organisation_id)
        case Submission() if not is_new and _now_value(instance, "status", "decided"):
            return Change("submission.decided", instance.id, deleted)
        case Directive():
            return Change("directive.updated", instance.id, deleted)
    return None


@event.listens_for(Session, "after_flush")
def _note(session: Session, _context: Any) -> None:
    pending: dict[tuple[str, uuid.UUID], Change] = session.info.setdefault(_PENDING, {})
    for instance, is_new in [*((i, True) for i in session.new), *((i, False) for i in session.dirty)]:
        if not is_new and not session.is_modified(instance):
            continue
        change = _event_of(instance, is_new)
        if change is not None:
            # One event per object and transaction; a creation stays a creation.
            key = (change.event.split(".")[0], change.object_id)
            if key not in pending or change.event.endswith((".cancelled", ".decided")):
                pending[key] = change


@event.listens_for(Session, "after_rollback")
def _forget(session: Session) -> None:
    session.info.pop(_PENDING, None)


@event.listens_for(Session, "before_commit")
def _enqueue(session: Session) -> None:
    session.flush()  # before_commit comes before the final flush; its changes count too
    pending: dict[tuple[str, uuid.UUID], Change] = session.info.pop(_PENDING, {})
    if not pending:
        return
    subscriptions = session.execute(
        select(WebhookSubscription, ApiClient)
        .join(ApiClient, ApiClient.id == WebhookSubscription.client_id)
        .where(WebhookSubscription.active.is_(True), ApiClient.revoked_at.is_(None))
    ).all()
    if not subscriptions:
        return
    occurred_at = datetime.now(UTC)
    for change in pending.values():
        kind = change.event.split(".")[0]
        for subscription, client in subscriptions:
            if change.event not in subscription.events or not _may_hear(client, kind, change):
                continue
            delivery_id = uuid.uuid4()
            body = {
                "id": str(delivery_id),
                "type": change.event,
                "occurred_at": occurred_at.isoformat(),
                "data": {"id": str(change.object_id), "deleted": change.deleted},
            }
            session.add(
                WebhookDelivery(
                    id=delivery_id,
                    subscription_id=subscription.id,
                    event=change.event,
                    payload=json.dumps(body, separators=(",", ":")),
                    next_attempt_at=occurred_at,
                )
            )


def _may_hear(client: ApiClient, kind: str, change: Change) -> bool:
    if kind == "offer":
        return change.public or change.organisation_id == client.organisation_id
    scope = EVENT_SCOPES[kind]
    return scope is None or scope in client.scopes
