"""Memberships of members in bodies. Never deleted: ending one keeps it as history.

Admins and coordinators manage every body. A user with the role `spokesperson` manages only the
bodies in which the member linked to their account currently is spokesperson or deputy; every
other body is answered with 404, as if it did not exist. Spokespersons manage ordinary members and
guests; appointing, changing or ending spokespersons stays with the coordinators (403).
"""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from api.bodies.service import find_live_body
from api.core.audit import record_audit
from api.core.concurrency import check_if_match
from api.core.deps import is_coordinator
from api.core.errors import Conflict, FieldError, FieldValidationError, Forbidden, NotFound
from api.core.pagination import ListParams, PageResult, fetch_page
from api.members.service import current_membership, find_live_member
from api.memberships.schemas import MembershipCreate, MembershipEnd, MembershipSort, MembershipUpdate
from api.models import Body, Membership, User
from api.models.base import today
from api.models.member import STEERING_GROUP_ROLES, WORKING_GROUP_ROLES
from api.organisations.service import find_live_organisation

SORT_COLUMNS = {"start_on": Membership.start_on, "created_at": Membership.created_at}
SPOKESPERSON_ROLES = ("spokesperson", "deputy_spokesperson")


def roles_for(body: Body) -> tuple[str, ...]:
    return STEERING_GROUP_ROLES if body.kind == "steering_group" else WORKING_GROUP_ROLES


async def list_memberships(
    session: AsyncSession,
    params: ListParams,
    *,
    member_id: uuid.UUID | None,
    body_id: uuid.UUID | None,
    current_only: bool,
    sort: MembershipSort,
) -> PageResult[Membership]:
    statement = select(Membership)
    if member_id is not None:
        statement = statement.where(Membership.member_id == member_id)
    if body_id is not None:
        statement = statement.where(Membership.body_id == body_id)
    if current_only:
        statement = statement.where(current_membership(today()))
    column = SORT_COLUMNS[sort.removeprefix("-")]
    order = column.desc() if sort.startswith("-") else column.asc()
    return await fetch_page(
        session,
        statement,
        params,
        order_by=[order],
        id_column=Membership.id,
        updated_column=Membership.updated_at,
    )


async def get_membership(session: AsyncSession, membership_id: uuid.UUID) -> Membership:
    membership = await session.get(Membership, membership_id)
    if membership is None:
        raise NotFound("No membership with this id.")
    return membership


async def leads_body(session: AsyncSession, user: User, body_id: uuid.UUID) -> bool:
    """Whether ``user`` is a spokesperson whose member currently leads the body."""
    if "spokesperson" not in user.roles or user.member_id is None:
        return False
    found = await session.scalar(
        select(Membership.id).where(
            Membership.member_id == user.member_id,
            Membership.body_id == body_id,
            Membership.role.in_(SPOKESPERSON_ROLES),
            current_membership(today()),
        )
    )
    return found is not None


async def manageable_body(session: AsyncSession, user: User, body_id: uuid.UUID) -> Body | None:
    body = await find_live_body(session, body_id)
    if body is None:
        return None
    if is_coordinator(user) or await leads_body(session, user, body_id):
        return body
    return None


async def get_manageable_membership(
    session: AsyncSession, user: User, membership_id: uuid.UUID
) -> tuple[Membership, Body]:
    """The membership and its body if ``user`` may change it, else 404."""
    membership = await session.get(Membership, membership_id)
    body = await manageable_body(session, user, membership.body_id) if membership is not None else None
    if membership is None or body is None:
        raise NotFound("No membership with this id.")
    return membership, body


def _ensure_may_touch_role(session: AsyncSession, user: User, *roles: str) -> None:
    if is_coordinator(user) or not set(roles) & set(SPOKESPERSON_ROLES):
        return
    record_audit(
        session,
        actor_id=user.id,
        action="access.denied",
        object_type="membership",
        details={"reason": "spokesperson_role_reserved"},
    )
    raise Forbidden("Only coordinators appoint, change or remove spokespersons.")


async def _validate(
    session: AsyncSession,
    body: Body,
    *,
    membership_id: uuid.UUID | None,
    member_id: uuid.UUID,
    role: str,
    organisation_id: uuid.UUID | None,
    start_on: date,
    end_on: date | None,
    deputy_of_membership_id: uuid.UUID | None,
) -> None:
    if role not in roles_for(body):
        raise FieldValidationError(
            "role",
            f"A {body.kind} membership has one of the roles {', '.join(roles_for(body))}.",
            "role_not_allowed",
        )
    if end_on is not None and end_on < start_on:
        raise FieldValidationError("end_on", "end_on must not be before start_on.", "date_order")
    if organisation_id is not None and await find_live_organisation(session, organisation_id) is None:
        raise FieldValidationError("organisation_id", "No organisation with this id.", "unknown_organisation")
    if deputy_of_membership_id is not None:
        principal = await session.get(Membership, deputy_of_membership_id)
        if principal is None or principal.body_id != body.id or principal.id == membership_id:
            raise FieldValidationError(
                "deputy_of_membership_id",
                "The deputy must stand in for another membership of the same body.",
                "invalid_deputy",
            )
    overlapping = select(Membership.id).where(
        Membership.member_id == member_id,
        Membership.body_id == body.id,
        Membership.end_on.is_(None) | (Membership.end_on >= start_on),
    )
    if end_on is not None:
        overlapping = overlapping.where(Membership.start_on <= end_on)
    if membership_id is not None:
        overlapping = overlapping.where(Membership.id != membership_id)
    if await session.scalar(overlapping.limit(1)) is not None:
        raise Conflict(
            "The member already has a membership in this body for this period.",
            errors=[
                FieldError(
                    location="body",
                    field="member_id",
                    message="The member already has a membership in this body for this period.",
                    code="membership_overlaps",
                )
            ],
        )


async def create_membership(session: AsyncSession, data: MembershipCreate, *, user: User) -> Membership:
    body = await manageable_body(session, user, data.body_id)
    if body is None:
        raise NotFound("No body with this id.")
    _ensure_may_touch_role(session, user, data.role)
    if await find_live_member(session, data.member_id) is None:
        raise FieldValidationError("member_id", "No member with this id.", "unknown_member")
    start_on = data.start_on or today()
    await _validate(
        session,
        body,
        membership_id=None,
        member_id=data.member_id,
        role=data.role,
        organisation_id=data.organisation_id,
        start_on=start_on,
        end_on=data.end_on,
        deputy_of_membership_id=data.deputy_of_membership_id,
    )
    membership = Membership(**(data.model_dump() | {"start_on": start_on}))
    session.add(membership)
    await session.flush()
    record_audit(
        session,
        actor_id=user.id,
        action="membership.create",
        object_type="membership",
        object_id=membership.id,
        details={"fields": sorted(data.model_fields_set)},
    )
    return membership


async def update_membership(
    session: AsyncSession,
    membership: Membership,
    body: Body,
    data: MembershipUpdate,
    *,
    if_match: str | None,
    user: User,
) -> Membership:
    check_if_match(if_match, membership)
    changes: dict[str, Any] = data.model_dump(exclude_unset=True)
    _ensure_may_touch_role(session, user, membership.role, changes.get("role", membership.role))
    merged = {
        field: changes.get(field, getattr(membership, field))
        for field in ("role", "organisation_id", "start_on", "end_on", "deputy_of_membership_id")
    }
    await _validate(session, body, membership_id=membership.id, member_id=membership.member_id, **merged)
    for field, value in changes.items():
        setattr(membership, field, value)
    await session.flush()
    record_audit(
        session,
        actor_id=user.id,
        action="membership.update",
        object_type="membership",
        object_id=membership.id,
        details={"fields": sorted(changes)},
    )
    return membership


async def end_membership(
    session: AsyncSession,
    membership: Membership,
    data: MembershipEnd,
    *,
    if_match: str | None,
    user: User,
) -> Membership:
    check_if_match(if_match, membership)
    _ensure_may_touch_role(session, user, membership.role)
    if membership.end_on is not None:
        raise Conflict("This membership already has an end date; change it with PATCH.")
    if data.end_on < membership.start_on:
        raise FieldValidationError("end_on", "end_on must not be before start_on.", "date_order")
    membership.end_on = data.end_on
    await session.flush()
    record_audit(
        session,
        actor_id=user.id,
        action="membership.end",
        object_type="membership",
        object_id=membership.id,
        details={"fields": ["end_on"]},
    )
    return membership
