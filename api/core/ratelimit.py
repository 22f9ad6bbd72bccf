"""Per-client-address rate limits of the public forms (joining, registrations), kept in the database
so they hold across workers."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from api.core.audit import record_audit
from api.core.errors import TooManyRequests
from api.models import RateLimitHit

CLEANUP_BATCH = 500


async def check_rate_limit(
    session: AsyncSession,
    *,
    bucket: str,
    address: str,
    limit: int,
    window_seconds: int,
    action: str,
) -> None:
    """At most ``limit`` hits of ``address`` in ``bucket`` per window (429 with ``Retry-After``,
    audited as ``action`` denied); otherwise counts this hit.

    Hits older than the window are deleted on the way: addresses are kept no longer than needed."""
    now = datetime.now(UTC)
    window_start = now - timedelta(seconds=window_seconds)
    expired = select(RateLimitHit.id).where(RateLimitHit.bucket == bucket, RateLimitHit.hit_at < window_start)
    if session.get_bind().dialect.name == "postgresql":
        # Concurrent requests would otherwise queue behind each other's locks on the same old rows.
        expired = expired.limit(CLEANUP_BATCH).with_for_update(skip_locked=True)
    await session.execute(delete(RateLimitHit).where(RateLimitHit.id.in_(expired)))
    count, oldest = (
        await session.execute(
            select(func.count(), func.min(RateLimitHit.hit_at)).where(
                RateLimitHit.bucket == bucket,
                RateLimitHit.address == address,
                RateLimitHit.hit_at >= window_start,
            )
        )
    ).one()
    if count >= limit:
        retry_after = max(1, int((oldest - window_start).total_seconds()) + 1)
        record_audit(session, actor_id=None, action=action, outcome="denied", details={"reason": "throttled"})
        raise TooManyRequests(retry_after, "Too many requests from this address; try again later.")
    session.add(RateLimitHit(bucket=bucket, address=address, hit_at=now))
