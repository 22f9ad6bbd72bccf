"""Who may see and change which meetings.

Admins and coordinators see and change every meeting. A spokesperson changes the meetings of the
bodies their linked member currently leads. Everyone else reads the meetings of the bodies their
linked member currently belongs to; the role ``steering`` also reads every steering-group meeting.
A meeting the caller may not see answers 404, as if it did not exist.
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import false, or_, select, true
from sqlalchemy.ext.asyncio import AsyncSession

from api.core.deps import is_coordinator
from api.core.errors import Forbidden, NotFound
from api.members.service import current_membership
from api.memberships.service import leads_body
from api.models import Body, Meeting, Membership, User
from api.models.base import today


def readable_meetings(user: User) -> Any:
    """The SQL condition for the live meetings ``user`` may read."""
    return Meeting.deleted_at.is_(None) & visible_meetings(user)


def visible_meetings(user: User) -> Any:
    """The SQL condition for the meetings ``user`` may see, deleted ones included (for tombstones)."""
    if is_coordinator(user):
        return true()
    conditions = []
    if user.member_id is not None:
        member_bodies = select(Membership.body_id).where(
            Membership.member_id == user.member_id, current_membership(today())
        )
        conditions.append(Meeting.body_id.in_(member_bodies))
    if "steering" in user.roles:
        steering_bodies = select(Body.id).where(Body.kind == "steering_group")
        conditions.append(Meeting.body_id.in_(steering_bodies))
    if not conditions:
        return false()
    return or_(*conditions)


async def readable_meeting(session: AsyncSession, user: User, meeting_id: uuid.UUID) -> Meeting:
    """The meeting if ``user`` may read it; otherwise 404."""
    meeting = await session.scalar(select(Meeting).where(Meeting.id == meeting_id, readable_meetings(user)))
    if meeting is None:
        raise NotFound("No meeting with this id.")
    return meeting


async def may_edit_body_meetings(session: AsyncSession, user: User, body_id: uuid.UUID) -> bool:
    """Coordinators edit every body's meetings, spokespersons those of the bodies they lead."""
    return is_coordinator(user) or await leads_body(session, user, body_id)


async def editable_meeting(session: AsyncSession, user: User, meeting_id: uuid.UUID) -> Meeting:
    """The meeting if ``user`` may change it; 403 when they may only read it, otherwise 404."""
    meeting = await readable_meeting(session, user, meeting_id)
    if not await may_edit_body_meetings(session, user, meeting.body_id):
        raise Forbidden("Only coordinators and the body's spokespersons change its meetings.")
    return meeting
