"""Recording consent per member and purpose. Records are append-only; the latest one counts, so a
withdrawal takes effect with the next request (directory, and whatever reads the state)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm.attributes import set_committed_value

from api.consents.schemas import ConsentOverview, ConsentRead, ConsentState
from api.core.audit import record_audit
from api.models import ConsentRecord, Member
from api.models.consent import CONSENT_PURPOSES


async def history_of(session: AsyncSession, member_id: uuid.UUID) -> list[ConsentRecord]:
    """Every record of the member, newest first."""
    return list(
        (
            await session.scalars(
                select(ConsentRecord)
                .where(ConsentRecord.member_id == member_id)
                .order_by(ConsentRecord.recorded_at.desc(), ConsentRecord.id)
            )
        ).all()
    )


async def overview(session: AsyncSession, member: Member) -> ConsentOverview:
    history = await history_of(session, member.id)
    latest: dict[str, ConsentRecord] = {}
    for record in history:
        latest.setdefault(record.purpose, record)
    return ConsentOverview(
        member_id=member.id,
        current=[
            ConsentState.model_validate(
                {
                    "purpose": purpose,
                    "given": purpose in latest and latest[purpose].action == "given",
                    "latest": ConsentRead.model_validate(latest[purpose]) if purpose in latest else None,
                }
            )
            for purpose in CONSENT_PURPOSES
        ],
        history=[ConsentRead.model_validate(record) for record in history],
    )


async def record_consent(
    session: AsyncSession,
    member: Member,
    *,
    purpose: str,
    action: str,
    text_version: str,
    channel: str,
    actor_id: uuid.UUID | None,
) -> ConsentRecord:
    """Append one event. Its time is strictly after the member's previous event for the purpose,
    so "the latest event" is always well defined, even within one clock tick."""
    now = datetime.now(UTC)
    previous = await session.scalar(
        select(ConsentRecord.recorded_at)
        .where(ConsentRecord.member_id == member.id, ConsentRecord.purpose == purpose)
        .order_by(ConsentRecord.recorded_at.desc())
        .limit(1)
    )
    if previous is not None and previous >= now:
        now = previous + timedelta(microseconds=1)
    record = ConsentRecord(
        member_id=member.id,
        purpose=purpose,
        action=action,
        text_version=text_version,
        channel=channel,
        recorded_at=now,
        recorded_by_user_id=actor_id,
    )
    session.add(record)
    await session.flush()
    # What partners and exports may see of the member changes with it, so their sync must notice;
    # the member's own data (its version and ETag) stays as it was.
    await session.execute(
        update(Member)
        .where(Member.id == member.id)
        .values(updated_at=now)
        .execution_options(synchronize_session=False)
    )
    set_committed_value(member, "updated_at", now)
    record_audit(
        session,
        actor_id=actor_id,
        action="consent.record",
        object_type="member",
        object_id=member.id,
        details={"purpose": purpose, "consent": action, "channel": channel},
    )
    return record
