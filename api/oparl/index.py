"""Which rows are public, as SQL: one index per OParl type with ``source``, ``id``, ``created``,
``modified`` and ``deleted`` of every object that is or was public (see ``api.oparl``).

Lists, single objects and embedded objects all read these indexes, so an object has the same
``modified`` and the same visibility wherever it appears. ``modified`` is the latest change of
the object or of anything it shows; ``deleted`` marks an object that was public and is no longer.
"""

from __future__ import annotations

import uuid
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import (
    ColumnElement,
    CompoundSelect,
    Select,
    SQLColumnExpression,
    String,
    and_,
    exists,
    func,
    literal,
    not_,
    or_,
    select,
    union_all,
)
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.functions import ReturnTypeFromArgs

from api.consents.repository import consent_given
from api.models import (
    AgendaItem,
    Attachment,
    Body,
    ConsentRecord,
    Meeting,
    Member,
    Membership,
    Organisation,
    Submission,
)

PUBLIC_PURPOSE = "directory_listing"
PUBLIC_MEETING_BODY_KINDS = ("steering_group", "network")

EntrySelect = Select[str, uuid.UUID, datetime, datetime, bool]
Index = EntrySelect | CompoundSelect[str, uuid.UUID, datetime, datetime, bool]


class latest(ReturnTypeFromArgs[datetime]):
    """The latest of two or more times: ``greatest()``, on SQLite the scalar ``max()``. No argument
    may be NULL (SQLite's ``max`` would be NULL), so optional ones are coalesced (``_or``)."""

    name = "greatest"
    identifier = "oparl_latest"
    inherit_cache = True


@compiles(latest, "sqlite")
def _latest_on_sqlite(element: latest, compiler: SQLCompiler, **kw: Any) -> str:
    return f"max({compiler.process(element.clauses, **kw)})"


def _or(value: Any, fallback: SQLColumnExpression[datetime]) -> ColumnElement[datetime]:
    return func.coalesce(value, fallback)


@dataclass(frozen=True)
class Entry:
    source: str
    id: uuid.UUID
    created: datetime
    modified: datetime
    deleted: bool


def _entry(
    source: str,
    object_id: SQLColumnExpression[uuid.UUID],
    created: SQLColumnExpression[datetime],
    modified: SQLColumnExpression[datetime],
    deleted: SQLColumnExpression[bool],
) -> EntrySelect:
    return select(
        literal(source, String).label("source"),
        object_id.label("id"),
        created.label("created"),
        modified.label("modified"),
        deleted.label("deleted"),
    )


# --- the rules ----------------------------------------------------------------------------------


def member_public() -> ColumnElement[bool]:
    """A member shown as a Person: not deleted (or erased) and consenting to ``PUBLIC_PURPOSE``.
    Never NULL (an ``IN`` of a set without NULLs), so ``not_`` of it is safe."""
    return and_(Member.deleted_at.is_(None), consent_given(PUBLIC_PURPOSE))


def member_was_public() -> ColumnElement[bool]:
    """A member who consented at some time, so may have been shown: gets tombstones, not silence.
    Everyone public is among them."""
    return exists().where(
        ConsentRecord.member_id == Member.id,
        ConsentRecord.purpose == PUBLIC_PURPOSE,
        ConsentRecord.action == "given",
    )


def _member_changed() -> ColumnElement[datetime]:
    """When the member's row or their consent last changed (both decide what a Person shows)."""
    consent_at = (
        select(func.max(ConsentRecord.recorded_at))
        .where(ConsentRecord.member_id == Member.id, ConsentRecord.purpose == PUBLIC_PURPOSE)
        .scalar_subquery()
    )
    return latest(Member.updated_at, _or(consent_at, Member.updated_at))


def public_meeting_bodies() -> Select[uuid.UUID]:
    return select(Body.id).where(Body.kind.in_(PUBLIC_MEETING_BODY_KINDS))


def meeting_public_body() -> ColumnElement[bool]:
    return Meeting.body_id.in_(public_meeting_bodies())


def submission_public() -> ColumnElement[bool]:
    """Submitted at some time: drafts (and drafts withdrawn or deleted unsubmitted) never are."""
    return Submission.submitted_at.is_not(None)


def minutes_public() -> ColumnElement[bool]:
    return and_(
        Meeting.deleted_at.is_(None),
        Meeting.status == "minutes_approved",
        Meeting.minutes_approved_at.is_not(None),
    )


# --- the indexes --------------------------------------------------------------------------------


def organization_index() -> Index:
    membership_changed = (
        select(func.max(Membership.updated_at)).where(Membership.body_id == Body.id).scalar_subquery()
    )
    members_changed = (
        select(func.max(_member_changed()))
        .select_from(Membership)
        .join(Member, Member.id == Membership.member_id)
        .where(Membership.body_id == Body.id)
        .scalar_subquery()
    )
    bodies = _entry(
        "body",
        Body.id,
        Body.created_at,
        latest(
            Body.updated_at, _or(membership_changed, Body.updated_at), _or(members_changed, Body.updated_at)
        ),
        Body.deleted_at.is_not(None),
    )
    organisations = _entry(
        "organisation",
        Organisation.id,
        Organisation.created_at,
        Organisation.updated_at,
        Organisation.deleted_at.is_not(None),
    )
    return union_all(bodies, organisations)


def person_index() -> Index:
    memberships_changed = (
        select(func.max(Membership.updated_at)).where(Membership.member_id == Member.id).scalar_subquery()
    )
    return _entry(
        "member",
        Member.id,
        Member.created_at,
        latest(_member_changed(), _or(memberships_changed, Member.updated_at)),
        not_(member_public()),
    ).where(member_was_public())


def membership_index() -> Index:
    return (
        _entry(
            "membership",
            Membership.id,
            Membership.created_at,
            latest(Membership.updated_at, _member_changed()),
            not_(member_public()),
        )
        .select_from(Membership)
        .join(Member, Member.id == Membership.member_id)
        .join(Body, Body.id == Membership.body_id)
        .where(Body.deleted_at.is_(None), member_was_public())
    )


def meeting_index(*scope: ColumnElement[bool]) -> Index:
    items_changed = (
        select(func.max(AgendaItem.updated_at)).where(AgendaItem.meeting_id == Meeting.id).scalar_subquery()
    )
    files_changed = (
        select(func.max(Attachment.updated_at)).where(Attachment.meeting_id == Meeting.id).scalar_subquery()
    )
    papers_changed = (
        select(func.max(Submission.updated_at))
        .join(AgendaItem, AgendaItem.submission_id == Submission.id)
        .where(AgendaItem.meeting_id == Meeting.id)
        .scalar_subquery()
    )
    return _entry(
        "meeting",
        Meeting.id,
        Meeting.created_at,
        latest(
            Meeting.updated_at,
            _or(items_changed, Meeting.updated_at),
            _or(files_changed, Meeting.updated_at),
            _or(papers_changed, Meeting.updated_at),
        ),
        Meeting.deleted_at.is_not(None),
    ).where(meeting_public_body(), *scope)


def agenda_item_index() -> Index:
    paper_changed = (
        select(Submission.updated_at).where(Submission.id == AgendaItem.submission_id).scalar_subquery()
    )
    files_changed = (
        select(func.max(Attachment.updated_at))
        .where(Attachment.agenda_item_id == AgendaItem.id)
        .scalar_subquery()
    )
    return (
        _entry(
            "agenda_item",
            AgendaItem.id,
            AgendaItem.created_at,
            # The meeting decides whether results show (minutes approved), so its changes count.
            latest(
                AgendaItem.updated_at,
                Meeting.updated_at,
                _or(paper_changed, AgendaItem.updated_at),
                _or(files_changed, AgendaItem.updated_at),
            ),
            or_(AgendaItem.deleted_at.is_not(None), Meeting.deleted_at.is_not(None)),
        )
        .select_from(AgendaItem)
        .join(Meeting, Meeting.id == AgendaItem.meeting_id)
        .where(meeting_public_body())
    )


def consultation_index() -> Index:
    return (
        _entry(
            "agenda_item",
            AgendaItem.id,
            AgendaItem.created_at,
            latest(AgendaItem.updated_at, Submission.updated_at, Meeting.updated_at),
            or_(
                AgendaItem.deleted_at.is_not(None),
                Meeting.deleted_at.is_not(None),
                Submission.deleted_at.is_not(None),
            ),
        )
        .select_from(AgendaItem)
        .join(Meeting, Meeting.id == AgendaItem.meeting_id)
        .join(Submission, Submission.id == AgendaItem.submission_id)
        .where(meeting_public_body(), submission_public())
    )


def _paper_changed() -> ColumnElement[datetime]:
    files_changed = (
        select(func.max(Attachment.updated_at))
        .where(Attachment.submission_id == Submission.id)
        .scalar_subquery()
    )
    items_changed = (
        select(func.max(AgendaItem.updated_at))
        .where(AgendaItem.submission_id == Submission.id)
        .scalar_subquery()
    )
    return latest(
        Submission.updated_at,
        _or(files_changed, Submission.updated_at),
        _or(items_changed, Submission.updated_at),
    )


def paper_index() -> Index:
    return _entry(
        "submission",
        Submission.id,
        Submission.created_at,
        _paper_changed(),
        Submission.deleted_at.is_not(None),
    ).where(submission_public())


def file_index() -> Index:
    """Attachments of public meetings and papers, the approved minutes of public meetings (id of the
    meeting) and the text of each public paper (id of the submission)."""
    attachments = (
        _entry(
            "attachment",
            Attachment.id,
            Attachment.created_at,
            # A deleted owner takes its files with it, at that time.
            latest(
                Attachment.updated_at,
                _or(Meeting.deleted_at, Attachment.updated_at),
                _or(AgendaItem.deleted_at, Attachment.updated_at),
                _or(Submission.deleted_at, Attachment.updated_at),
            ),
            or_(
                Attachment.deleted_at.is_not(None),
                Meeting.deleted_at.is_not(None),
                AgendaItem.deleted_at.is_not(None),
                Submission.deleted_at.is_not(None),
            ),
        )
        .select_from(Attachment)
        .outerjoin(Meeting, Meeting.id == Attachment.meeting_id)
        .outerjoin(AgendaItem, AgendaItem.id == Attachment.agenda_item_id)
        .outerjoin(Submission, Submission.id == Attachment.submission_id)
        .where(or_(meeting_public_body(), submission_public()))
    )
    items_changed = (
        select(func.max(AgendaItem.updated_at)).where(AgendaItem.meeting_id == Meeting.id).scalar_subquery()
    )
    minutes = _entry(
        "minutes",
        Meeting.id,
        Meeting.created_at,
        latest(Meeting.updated_at, _or(items_changed, Meeting.updated_at)),
        not_(minutes_public()),
    ).where(
        meeting_public_body(),
        # Written minutes may have been approved once (a change withdraws the approval); unwritten never.
        or_(Meeting.status == "minutes_approved", Meeting.minutes_markdown != ""),
    )
    papers = _entry(
        "paper_text",
        Submission.id,
        Submission.created_at,
        _paper_changed(),
        Submission.deleted_at.is_not(None),
    ).where(submission_public())
    return union_all(attachments, minutes, papers)


def location_index() -> Index:
    """The address of each public meeting (id of the meeting) and of each partner organisation."""
    meetings = _entry(
        "meeting",
        Meeting.id,
        Meeting.created_at,
        Meeting.updated_at,
        Meeting.deleted_at.is_not(None),
    ).where(meeting_public_body(), Meeting.location_address.is_not(None))
    organisations = _entry(
        "organisation",
        Organisation.id,
        Organisation.created_at,
        Organisation.updated_at,
        Organisation.deleted_at.is_not(None),
    ).where(or_(Organisation.street.is_not(None), Organisation.city.is_not(None)))
    return union_all(meetings, organisations)


INDEXES = {
    "organization": organization_index,
    "person": person_index,
    "membership": membership_index,
    "meeting": meeting_index,
    "agendaItem": agenda_item_index,
    "consultation": consultation_index,
    "paper": paper_index,
    "file": file_index,
    "location": location_index,
}


@dataclass(frozen=True)
class Filters:
    created_since: datetime | None = None
    created_until: datetime | None = None
    modified_since: datetime | None = None
    modified_until: datetime | None = None


def _filtered(index: Index, filters: Filters) -> Select[Any]:
    rows = index.subquery()
    statement = select(rows)
    for column, bound, since in (
        (rows.c.created, filters.created_since, True),
        (rows.c.created, filters.created_until, False),
        (rows.c.modified, filters.modified_since, True),
        (rows.c.modified, filters.modified_until, False),
    ):
        if bound is not None:
            statement = statement.where(column >= bound if since else column <= bound)
    if filters.modified_since is None:
        statement = statement.where(rows.c.deleted.is_(False))
    return statement


def _entries(rows: Sequence[Any]) -> list[Entry]:
    return [Entry(row.source, row.id, row.created, row.modified, bool(row.deleted)) for row in rows]


async def page_of(
    session: AsyncSession, index: Index, filters: Filters, *, offset: int, limit: int
) -> tuple[list[Entry], int]:
    """One page of a list, in ``created`` order with the id as tie-breaker, and the total."""
    rows = _filtered(index, filters).subquery()
    total = await session.scalar(select(func.count(rows.c.id)))
    # The page's ids first, then the entries of just those: ``modified`` costs subqueries per row.
    ids = list(
        await session.scalars(
            select(rows.c.id).order_by(rows.c.created, rows.c.id).offset(offset).limit(limit)
        )
    )
    found = await entries_of(session, index, ids, deleted_too=filters.modified_since is not None)
    return [found[row_id] for row_id in ids], total or 0


async def entries_of(
    session: AsyncSession, index: Index, ids: Collection[uuid.UUID], *, deleted_too: bool = False
) -> dict[uuid.UUID, Entry]:
    """The entries of ``ids`` that exist in the index (only the live ones unless ``deleted_too``)."""
    if not ids:
        return {}
    rows = index.subquery()
    statement = select(rows).where(rows.c.id.in_(list(ids)))
    if not deleted_too:
        statement = statement.where(rows.c.deleted.is_(False))
    return {entry.id: entry for entry in _entries((await session.execute(statement)).all())}
