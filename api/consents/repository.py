"""Consent state as SQL, for the directory queries of other features (no N+1: one expression or
one query per page). The current state of a purpose is its latest event."""

from __future__ import annotations

import uuid
from collections.abc import Collection

from sqlalchemy import ColumnElement, Select, exists, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from api.models import ConsentRecord, Member


def consenting_members(purpose: str) -> Select[uuid.UUID]:
    """The ids of the members whose latest event for ``purpose`` is ``given`` (on a tie of times,
    a withdrawal wins). A set, not a per-row lookup: PostgreSQL answers it with one anti-join and
    then a hash lookup or semi-join per member, where a correlated subquery ran once per row."""
    later = aliased(ConsentRecord)
    superseded = exists().where(
        later.member_id == ConsentRecord.member_id,
        later.purpose == ConsentRecord.purpose,
        later.recorded_at >= ConsentRecord.recorded_at,
        or_(later.recorded_at > ConsentRecord.recorded_at, later.action != "given"),
    )
    return select(ConsentRecord.member_id).where(
        ConsentRecord.purpose == purpose, ConsentRecord.action == "given", ~superseded
    )


def consent_given(purpose: str) -> ColumnElement[bool]:
    """A condition on ``Member``: the member's latest event for ``purpose`` is ``given``."""
    return Member.id.in_(consenting_members(purpose))


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
