"""Calendar feeds of meetings and the secret tokens of the members' private feeds."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from api.calendars.ics import build_calendar, load_items
from api.core.audit import record_audit
from api.core.config import Settings
from api.core.deps import is_coordinator
from api.core.errors import Conflict, NotFound
from api.core.security import token_hash
from api.invitations.service import new_secret
from api.members.service import current_membership, find_live_member
from api.models import Body, CalendarToken, Meeting, Membership, User
from api.models.base import today

# Feeds start a year back: calendar apps poll them often, and the whole history would make every
# poll cost more as the years go by (the meetings list and the archive keep the older ones).
FEED_HISTORY = timedelta(days=365)


async def feed(session: AsyncSession, settings: Settings, condition: Any, *, name: str) -> bytes:
    """A PUBLISH calendar of the live meetings matching ``condition`` from a year ago on, cancelled
    ones included."""
    since = datetime.now(UTC) - FEED_HISTORY
    meetings = (
        await session.scalars(
            select(Meeting)
            .where(Meeting.deleted_at.is_(None), Meeting.starts_at >= since, condition)
            .order_by(Meeting.starts_at, Meeting.id)
        )
    ).all()
    items = await load_items(session, meetings)
    return build_calendar(items, method="PUBLISH", settings=settings, name=name)


def network_meetings() -> Any:
    return Meeting.body_id.in_(select(Body.id).where(Body.kind == "network", Body.deleted_at.is_(None)))


async def live_body(session: AsyncSession, body_id: uuid.UUID) -> Body:
    body = await session.scalar(select(Body).where(Body.id == body_id, Body.deleted_at.is_(None)))
    if body is None:
        raise NotFound("No body with this id.")
    return body


def private_feed_url(settings: Settings, secret: str) -> str:
    return f"{settings.base_url.rstrip('/')}/api/v1/calendars/private/{secret}.ics"


async def create_token(session: AsyncSession, user: User) -> tuple[CalendarToken, str]:
    """A new private feed for the member linked to ``user``; the secret is returned once."""
    member = await find_live_member(session, user.member_id) if user.member_id is not None else None
    if member is None:
        raise Conflict("Your account is not linked to a member, so there is no personal calendar.")
    secret, digest = new_secret()
    token = CalendarToken(member_id=member.id, token_hash=digest, created_at=datetime.now(UTC))
    session.add(token)
    await session.flush()
    record_audit(
        session,
        actor_id=user.id,
        action="calendar_token.create",
        object_type="calendar_token",
        object_id=token.id,
        details={"member_id": str(member.id)},
    )
    return token, secret


async def list_tokens(session: AsyncSession, member_id: uuid.UUID) -> list[CalendarToken]:
    return list(
        (
            await session.scalars(
                select(CalendarToken)
                .where(CalendarToken.member_id == member_id, CalendarToken.revoked_at.is_(None))
                .order_by(CalendarToken.created_at, CalendarToken.id)
            )
        ).all()
    )


async def revoke_token(session: AsyncSession, user: User, token_id: uuid.UUID) -> None:
    """Revoke a live token of the caller's member; coordinators revoke anyone's. Others: 404."""
    token = await session.get(CalendarToken, token_id)
    if (
        token is None
        or token.revoked_at is not None
        or not (is_coordinator(user) or (user.member_id is not None and token.member_id == user.member_id))
    ):
        raise NotFound("No calendar token with this id.")
    token.revoked_at = datetime.now(UTC)
    await session.flush()
    record_audit(
        session,
        actor_id=user.id,
        action="calendar_token.revoke",
        object_type="calendar_token",
        object_id=token.id,
        details={"member_id": str(token.member_id)},
    )


async def private_feed(session: AsyncSession, settings: Settings, secret: str) -> bytes:
    """The meetings of the bodies the token's member currently belongs to; 404 if revoked or unknown."""
    token = await session.scalar(
        select(CalendarToken).where(
            CalendarToken.token_hash == token_hash(secret), CalendarToken.revoked_at.is_(None)
        )
    )
    member = await find_live_member(session, token.member_id) if token is not None else None
    if token is None or member is None:
        raise NotFound("No calendar with this address.")
    bodies = select(Membership.body_id).where(Membership.member_id == member.id, current_membership(today()))
    return await feed(
        session, settings, Meeting.body_id.in_(bodies), name=f"Meine Sitzungen – {settings.site_name}"
    )
