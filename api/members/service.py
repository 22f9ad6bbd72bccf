"""Members of the network: create, list, change, delete (kept as tombstones), own profile."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import String, cast, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from api.consents.repository import consent_given, members_with_consent
from api.core.audit import record_audit
from api.core.concurrency import check_if_match
from api.core.errors import FieldValidationError, NotFound
from api.core.pagination import LIKE_ESCAPE, ListParams, PageResult, contains_pattern, fetch_page
from api.members.schemas import MemberCreate, MemberPublicRead, MemberSelfUpdate, MemberSort, MemberUpdate
from api.models import Member, Membership, User
from api.models.base import today
from api.models.member import MEMBER_FULL_NAME
from api.organisations.service import find_live_organisation

SORT_COLUMNS = {
    "family_name": Member.family_name,
    "given_name": Member.given_name,
    "created_at": Member.created_at,
}


def current_membership(day: date) -> Any:
    """The SQL condition for a membership that is current on ``day``."""
    return (Membership.start_on <= day) & (Membership.end_on.is_(None) | (Membership.end_on >= day))


async def list_members(
    session: AsyncSession,
    params: ListParams,
    *,
    search_contact: bool,
    listed_only: bool,
    organisation_id: uuid.UUID | None,
    body_id: uuid.UUID | None,
    language: str | None,
    engagement: str | None,
    status: str | None,
    sort: MemberSort,
) -> PageResult[Member]:
    """``search_contact``: whether ``q`` also matches e-mail addresses (only for those who see them);
    ``listed_only``: only members who currently consent to ``directory_listing``."""
    statement = select(Member)
    if listed_only:
        statement = statement.where(consent_given("directory_listing"))
    if params.q:
        pattern = contains_pattern(params.q)
        full_name = func.lower(MEMBER_FULL_NAME)
        conditions = [full_name.like(pattern, escape=LIKE_ESCAPE)]
        if search_contact:
            conditions.append(func.lower(Member.email).like(pattern, escape=LIKE_ESCAPE))
        statement = statement.where(or_(*conditions))
    if organisation_id is not None:
        statement = statement.where(Member.organisation_id == organisation_id)
    if body_id is not None:
        statement = statement.where(
            select(Membership.id)
            .where(
                Membership.member_id == Member.id,
                Membership.body_id == body_id,
                current_membership(today()),
            )
            .exists()
        )
    if language is not None:
        statement = statement.where(cast(Member.languages, String).like(f'%"{language}"%'))
    if engagement is not None:
        statement = statement.where(Member.engagement == engagement)
    if status is not None:
        statement = statement.where(Member.status == status)
    column = SORT_COLUMNS[sort.removeprefix("-")]
    order: list[Any] = [column.desc() if sort.startswith("-") else column.asc()]
    if column is Member.family_name:
        order.append(Member.given_name.desc() if sort.startswith("-") else Member.given_name.asc())
    return await fetch_page(
        session,
        statement,
        params,
        order_by=order,
        id_column=Member.id,
        updated_column=Member.updated_at,
        deleted_column=Member.deleted_at,
    )


async def find_live_member(session: AsyncSession, member_id: uuid.UUID) -> Member | None:
    member = await session.get(Member, member_id)
    return member if member is not None and member.deleted_at is None else None


async def get_member(session: AsyncSession, member_id: uuid.UUID) -> Member:
    member = await find_live_member(session, member_id)
    if member is None:
        raise NotFound("No member with this id.")
    return member


async def get_listed_member(session: AsyncSession, member_id: uuid.UUID) -> Member:
    """A member as the directory shows it to roles other than admin and coordinator: 404 unless
    the member currently consents to ``directory_listing``."""
    member = await find_live_member(session, member_id)
    if member is None or not await members_with_consent(session, [member.id], "directory_listing"):
        raise NotFound("No member with this id.")
    return member


async def public_reads(session: AsyncSession, members: list[Member]) -> list[MemberPublicRead]:
    """``MemberPublicRead`` of each member; e-mail and phone only with ``contact_sharing`` consent.
    One query for the whole list."""
    sharing = await members_with_consent(session, [member.id for member in members], "contact_sharing")
    reads = []
    for member in members:
        read = MemberPublicRead.model_validate(member)
        if member.id in sharing:
            read = read.with_contact(member.email, member.phone)
        reads.append(read)
    return reads


async def get_own_member(session: AsyncSession, user: User) -> Member:
    member = await find_live_member(session, user.member_id) if user.member_id is not None else None
    if member is None:
        raise NotFound("Your account is not linked to a member profile.")
    return member


async def _check_organisation(session: AsyncSession, organisation_id: uuid.UUID | None) -> None:
    if organisation_id is not None and await find_live_organisation(session, organisation_id) is None:
        raise FieldValidationError("organisation_id", "No organisation with this id.", "unknown_organisation")


async def create_member(session: AsyncSession, data: MemberCreate, *, actor_id: uuid.UUID) -> Member:
    await _check_organisation(session, data.organisation_id)
    member = Member(**data.model_dump())
    session.add(member)
    await session.flush()
    record_audit(
        session,
        actor_id=actor_id,
        action="member.create",
        object_type="member",
        object_id=member.id,
        details={"fields": sorted(data.model_fields_set)},
    )
    return member


async def update_member(
    session: AsyncSession,
    member: Member,
    data: MemberUpdate | MemberSelfUpdate,
    *,
    if_match: str | None,
    actor_id: uuid.UUID,
) -> Member:
    check_if_match(if_match, member)
    changes: dict[str, Any] = data.model_dump(exclude_unset=True)
    if "organisation_id" in changes:
        await _check_organisation(session, changes["organisation_id"])
    joined_on = changes.get("joined_on", member.joined_on)
    left_on = changes.get("left_on", member.left_on)
    if joined_on is not None and left_on is not None and left_on < joined_on:
        raise FieldValidationError("left_on", "left_on must not be before joined_on.", "date_order")
    for field, value in changes.items():
        setattr(member, field, value)
    await session.flush()
    record_audit(
        session,
        actor_id=actor_id,
        action="member.update",
        object_type="member",
        object_id=member.id,
        details={"fields": sorted(changes), "own_profile": isinstance(data, MemberSelfUpdate)},
    )
    return member


async def delete_member(
    session: AsyncSession, member: Member, *, if_match: str | None, actor_id: uuid.UUID
) -> None:
    """Delete a member (a tombstone for sync); their open memberships end today."""
    check_if_match(if_match, member)
    day = today()
    open_memberships = (
        await session.scalars(
            select(Membership).where(
                Membership.member_id == member.id,
                Membership.end_on.is_(None) | (Membership.end_on > day),
            )
        )
    ).all()
    for membership in open_memberships:
        membership.end_on = max(day, membership.start_on)
    member.deleted_at = datetime.now(UTC)
    await session.flush()
    for membership in open_memberships:
        record_audit(
            session,
            actor_id=actor_id,
            action="membership.end",
            object_type="membership",
            object_id=membership.id,
            details={"fields": ["end_on"], "reason": "member_deleted"},
        )
    record_audit(
        session, actor_id=actor_id, action="member.delete", object_type="member", object_id=member.id
    )
