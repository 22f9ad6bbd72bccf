"""Consent state as SQL, for the directory queries of other features (no N+1: one expression or
one query per page). The current state of a purpose is its latest event."""

from __future__ import annotations

import uuid
from collections.abc import Collection

from sqlalchemy import ColumnElement, select
from sqlalchemy.ext.asyncio import AsyncSession

from api.models import CurrentConsent, Member


def consent_given(purpose: str) -> ColumnElement[bool]:
    """A condition on ``Member``: the member's latest event for ``purpose`` is ``given``. Read from
    ``current_consents``: PostgreSQL hashes that set once for counts and long lists and looks up
    its key for a page or a few ids."""
    return Member.id.in_(
        select(CurrentConsent.member_id).where(
            CurrentConsent.purpose == purpose, CurrentConsent.action == "given"
        )
    )


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
