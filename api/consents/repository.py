"""Consent state as SQL, for the directory queries of other features (no N+1: one expression or
one query per page). The current state of a purpose is its latest event."""

from __future__ import annotations

import uuid
from collections.abc import Collection
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from api.models import ConsentRecord, Member


def _latest_action(purpose: str, member_id: Any) -> Any:
    return (
        select(ConsentRecord.action)
        .where(ConsentRecord.member_id == member_id, ConsentRecord.purpose == purpose)
        .order_by(ConsentRecord.recorded_at.desc())
        .limit(1)
        .scalar_subquery()
    )


def consent_given(purpose: str) -> Any:
    """A condition on ``Member``: the member's latest event for ``purpose`` is ``given``."""
    return _latest_action(purpose, Member.id) == "given"


async def members_with_consent(
    session: AsyncSession, member_ids: Collection[uuid.UUID], purpose: str
) -> set[uuid.UUID]:
    """Which of ``member_ids`` currently consent to ``purpose`` (one query)."""
    if not member_ids:
        return set()
    rows = await session.scalars(
        select(Member.id).where(Member.id.in_(list(member_ids)), consent_given(purpose))
    )
    return set(rows.all())
