"""Meetings of the bodies: plan, change, cancel, hold; agenda, attendance and minutes.

Who may read and change which meeting is decided in ``api.meetings.access`` alone. Status moves
``planned`` → ``invited`` (by sending invitations) → ``held`` → ``minutes_approved``, or to
``cancelled`` from planned or invited; every other move answers 409.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import case, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from api.bodies.service import find_live_body
from api.core.audit import record_audit
from api.core.concurrency import check_if_match
from api.core.config import Settings
from api.core.errors import Conflict, FieldError, FieldValidationError, Forbidden, NotFound
from api.core.mail import Mail
from api.core.pagination import LIKE_ESCAPE, ListParams, PageResult, contains_pattern, fetch_page
from api.invitations.service import change_mails
from api.measures.refs import measure_refs
from api.meetings.access import may_edit_body_meetings, visible_meetings
from api.meetings.schemas import (
    AgendaItemCreate,
    AgendaItemRead,
    AgendaItemTemplate,
    AgendaItemUpdate,
    AgendaTemplate,
    AttendanceCounts,
    AttendanceRead,
    BodySummary,
    MeetingColumns,
    MeetingCreate,
    MeetingPlan,
    MeetingRead,
    MeetingSort,
    MeetingUpdate,
    PlannedMeeting,
    PlanPreview,
)
from api.meetings.templates import AGENDA_TEMPLATES
from api.members.service import current_membership, find_live_member
from api.models import AgendaItem, Attendance, Body, Measure, Meeting, Member, Membership, Organisation, User
from api.models.base import today, utcnow

BERLIN = ZoneInfo("Europe/Berlin")
# Months of the proposed meetings per cadence (working groups quarterly, steering group half-yearly).
PLAN_MONTHS = {"quarterly": (2, 5, 8, 11), "half_yearly": (3, 9), "yearly": (10,)}
PLAN_START, PLAN_END = time(15, 0), time(17, 0)
WEDNESDAY = 2
# Changes of these fields are a new time or place that invited members must be told about.
TIME_AND_PLACE = frozenset({"starts_at", "ends_at", "location_address", "location_room", "online_url"})


def _conflict(message: str, field: str, code: str, detail: str) -> Conflict:
    return Conflict(detail, errors=[FieldError(location="body", field=field, message=message, code=code)])


def _status_conflict(meeting: Meeting, detail: str) -> Conflict:
    return _conflict(meeting.status, "status", "invalid_status", detail)


def local_day_start(day: date) -> datetime:
    return datetime.combine(day, time.min, BERLIN)


# --- reading ----------------------------------------------------------------------------------


async def list_meetings(
    session: AsyncSession,
    user: User,
    params: ListParams,
    *,
    body_id: uuid.UUID | None,
    status: str | None,
    from_day: date | None,
    to_day: date | None,
    sort: MeetingSort,
) -> PageResult[Meeting]:
    statement = select(Meeting).where(visible_meetings(user))
    if params.q:
        pattern = contains_pattern(params.q)
        statement = statement.where(
            or_(
                func.lower(Meeting.title).like(pattern, escape=LIKE_ESCAPE),
                func.lower(Meeting.number).like(pattern, escape=LIKE_ESCAPE),
                func.lower(Meeting.theme).like(pattern, escape=LIKE_ESCAPE),
            )
        )
    if body_id is not None:
        statement = statement.where(Meeting.body_id == body_id)
    if status is not None:
        statement = statement.where(Meeting.status == status)
    if from_day is not None:
        statement = statement.where(Meeting.starts_at >= local_day_start(from_day))
    if to_day is not None:
        statement = statement.where(Meeting.starts_at < local_day_start(to_day + timedelta(days=1)))
    order = Meeting.starts_at.desc() if sort.startswith("-") else Meeting.starts_at.asc()
    return await fetch_page(
        session,
        statement,
        params,
        order_by=[order],
        id_column=Meeting.id,
        updated_column=Meeting.updated_at,
        deleted_column=Meeting.deleted_at,
    )


async def attendance_counts(
    session: AsyncSession, meetings: list[Meeting]
) -> dict[uuid.UUID, AttendanceCounts]:
    """The counts of many meetings in one aggregate query."""

    def tally(column: Any, value: str) -> Any:
        return func.coalesce(func.sum(case((column == value, 1), else_=0)), 0)

    rows = await session.execute(
        select(
            Attendance.meeting_id,
            func.count(),
            tally(Attendance.response, "accepted"),
            tally(Attendance.response, "declined"),
            tally(Attendance.response, "pending"),
            tally(Attendance.presence, "present"),
            tally(Attendance.presence, "excused"),
            tally(Attendance.presence, "absent"),
        )
        .where(Attendance.meeting_id.in_([meeting.id for meeting in meetings]))
        .group_by(Attendance.meeting_id)
    )
    found = {row[0]: tuple(int(value) for value in row[1:]) for row in rows}
    result = {}
    for meeting in meetings:
        invited, accepted, declined, pending, present, excused, absent = found.get(meeting.id, (0,) * 7)
        result[meeting.id] = AttendanceCounts(
            invited=invited,
            accepted=accepted,
            declined=declined,
            pending=pending,
            present=present,
            excused=excused,
            absent=absent,
            guests=len(meeting.guests),
        )
    return result


async def meeting_reads(session: AsyncSession, meetings: list[Meeting]) -> list[MeetingRead]:
    """``MeetingRead`` of each meeting, with body and counts, in two queries for the whole list."""
    if not meetings:
        return []
    body_ids = {meeting.body_id for meeting in meetings}
    bodies = {body.id: body for body in await session.scalars(select(Body).where(Body.id.in_(body_ids)))}
    counts = await attendance_counts(session, meetings)
    return [
        MeetingRead(
            **MeetingColumns.model_validate(meeting).model_dump(),
            body=BodySummary.model_validate(bodies[meeting.body_id]),
            counts=counts[meeting.id],
        )
        for meeting in meetings
    ]


async def meeting_read(session: AsyncSession, meeting: Meeting) -> MeetingRead:
    [read] = await meeting_reads(session, [meeting])
    return read


# --- creating and planning --------------------------------------------------------------------


async def body_for_new_meetings(session: AsyncSession, user: User, body_id: uuid.UUID) -> Body:
    """The body if ``user`` may plan its meetings: 422 for an unknown body, 403 for another's."""
    body = await find_live_body(session, body_id)
    if body is None:
        raise FieldValidationError("body_id", "No body with this id.", "unknown_body")
    if not await may_edit_body_meetings(session, user, body.id):
        record_audit(
            session,
            actor_id=user.id,
            action="access.denied",
            object_type="body",
            object_id=body.id,
            outcome="denied",
            details={"reason": "meeting_planning"},
        )
        raise Forbidden("Only coordinators and the body's spokespersons plan its meetings.")
    return body


def agenda_template(body_kind: str) -> list[AgendaItemTemplate]:
    return [
        AgendaItemTemplate.model_validate({"title": title, "kind": kind})
        for title, kind in AGENDA_TEMPLATES[body_kind]
    ]


def agenda_templates() -> list[AgendaTemplate]:
    return [
        AgendaTemplate.model_validate({"body_kind": kind, "items": agenda_template(kind)})
        for kind in AGENDA_TEMPLATES
    ]


def _check_capacity(body: Body, capacity: int | None) -> None:
    if capacity is not None and body.kind != "network":
        raise FieldValidationError(
            "registration_capacity",
            "Public registration is only for meetings of the network plenary.",
            "registration_not_allowed",
        )


async def _taken_numbers(session: AsyncSession, body_id: uuid.UUID) -> set[str]:
    numbers = await session.scalars(
        select(Meeting.number).where(
            Meeting.body_id == body_id, Meeting.deleted_at.is_(None), Meeting.number.is_not(None)
        )
    )
    return {number for number in numbers if number is not None}


async def _default_number(session: AsyncSession, body: Body, starts_at: datetime) -> str:
    """ "<short name> <n>/<year>": n counts the body's meetings of that year up to this one."""
    year = starts_at.astimezone(BERLIN).year
    earlier = await session.scalar(
        select(func.count())
        .select_from(Meeting)
        .where(
            Meeting.body_id == body.id,
            Meeting.deleted_at.is_(None),
            Meeting.status != "cancelled",
            Meeting.starts_at >= local_day_start(date(year, 1, 1)),
            Meeting.starts_at < starts_at,
        )
    )
    taken = await _taken_numbers(session, body.id)
    ordinal = (earlier or 0) + 1
    while f"{body.short_name} {ordinal}/{year}" in taken:
        ordinal += 1
    return f"{body.short_name} {ordinal}/{year}"


def _add_agenda(session: AsyncSession, meeting: Meeting, items: Iterable[AgendaItemTemplate]) -> None:
    for position, item in enumerate(items, start=1):
        session.add(
            AgendaItem(
                meeting_id=meeting.id,
                position=position,
                number=str(position),
                title=item.title,
                kind=item.kind,
                notes=item.notes,
            )
        )


async def create_meeting(
    session: AsyncSession, body: Body, data: MeetingCreate, *, actor_id: uuid.UUID
) -> Meeting:
    _check_capacity(body, data.registration_capacity)
    fields = data.model_dump(exclude={"body_id", "apply_agenda_template"})
    if fields["number"] is None:
        fields["number"] = await _default_number(session, body, data.starts_at)
    meeting = Meeting(id=uuid.uuid4(), body_id=body.id, **fields)
    session.add(meeting)
    # No ORM relationship orders the inserts, so the meeting goes first.
    await session.flush()
    if data.apply_agenda_template:
        _add_agenda(session, meeting, agenda_template(body.kind))
        await session.flush()
    record_audit(
        session,
        actor_id=actor_id,
        action="meeting.create",
        object_type="meeting",
        object_id=meeting.id,
        details={"fields": sorted(data.model_fields_set)},
    )
    return meeting


def _second_wednesday(year: int, month: int) -> date:
    first = date(year, month, 1)
    return first + timedelta(days=(WEDNESDAY - first.weekday()) % 7 + 7)


def plan_preview(body: Body, year: int) -> PlanPreview:
    """The body's meetings of ``year`` by its cadence: second Wednesday, 15:00–17:00 in Gifhorn."""
    months = PLAN_MONTHS.get(body.cadence, PLAN_MONTHS["yearly"])
    template = agenda_template(body.kind)
    meetings = []
    for ordinal, month in enumerate(months, start=1):
        day = _second_wednesday(year, month)
        meetings.append(
            PlannedMeeting(
                title=f"{body.name} {ordinal}/{year}"[:200],
                number=f"{body.short_name} {ordinal}/{year}",
                starts_at=datetime.combine(day, PLAN_START, BERLIN).astimezone(UTC),
                ends_at=datetime.combine(day, PLAN_END, BERLIN).astimezone(UTC),
                agenda=template,
            )
        )
    return PlanPreview(body_id=body.id, year=year, meetings=meetings)


async def plan_meetings(
    session: AsyncSession, body: Body, data: MeetingPlan, *, actor_id: uuid.UUID
) -> list[Meeting]:
    """Create the planned meetings with their agendas, all or none."""
    seen: set[str] = set()
    for index, planned in enumerate(data.meetings):
        if planned.starts_at.astimezone(BERLIN).year != data.year:
            raise FieldValidationError(
                f"meetings.{index}.starts_at", f"The meeting is not in {data.year}.", "wrong_year"
            )
        if planned.number in seen:
            raise FieldValidationError(f"meetings.{index}.number", "The number is used twice.", "duplicate")
        seen.add(planned.number)
    taken = seen & await _taken_numbers(session, body.id)
    if taken:
        raise Conflict(
            "The body already has meetings with these numbers; they were planned before.",
            errors=[
                FieldError(
                    location="body", field=f"meetings.{index}.number", message=planned.number, code="taken"
                )
                for index, planned in enumerate(data.meetings)
                if planned.number in taken
            ],
        )
    meetings = [
        Meeting(id=uuid.uuid4(), body_id=body.id, **planned.model_dump(exclude={"agenda"}))
        for planned in data.meetings
    ]
    session.add_all(meetings)
    await session.flush()
    for meeting, planned in zip(meetings, data.meetings, strict=True):
        _add_agenda(session, meeting, planned.agenda)
    await session.flush()
    record_audit(
        session,
        actor_id=actor_id,
        action="meeting.plan",
        object_type="body",
        object_id=body.id,
        details={"year": data.year, "count": len(meetings)},
    )
    return meetings


# --- changing ---------------------------------------------------------------------------------


async def update_meeting(
    session: AsyncSession,
    settings: Settings,
    meeting: Meeting,
    data: MeetingUpdate,
    *,
    if_match: str | None,
    actor_id: uuid.UUID,
) -> list[Mail]:
    """Apply the changes; answers the mails to send after the commit (a new time or place of an
    invited meeting)."""
    check_if_match(if_match, meeting)
    if meeting.status in ("cancelled", "minutes_approved"):
        raise _status_conflict(meeting, "A cancelled meeting or one with approved minutes is not changed.")
    changes: dict[str, Any] = data.model_dump(exclude_unset=True)
    if "registration_capacity" in changes:
        body = await find_live_body(session, meeting.body_id)
        if body is not None:
            _check_capacity(body, changes["registration_capacity"])
    starts_at = changes.get("starts_at", meeting.starts_at)
    if changes.get("ends_at", meeting.ends_at) <= starts_at:
        field = "ends_at" if "ends_at" in changes else "starts_at"
        raise FieldValidationError(field, "ends_at must be after starts_at", "invalid_period")
    changed = {field for field, value in changes.items() if getattr(meeting, field) != value}
    for field in changed:
        setattr(meeting, field, changes[field])
    mails: list[Mail] = []
    if changed & TIME_AND_PLACE:
        meeting.ical_sequence += 1
        mails = await change_mails(session, settings, meeting, cancelled=False)
    await session.flush()
    record_audit(
        session,
        actor_id=actor_id,
        action="meeting.update",
        object_type="meeting",
        object_id=meeting.id,
        details={"fields": sorted(changes)},
    )
    return mails


async def delete_meeting(
    session: AsyncSession, meeting: Meeting, *, if_match: str | None, actor_id: uuid.UUID
) -> None:
    check_if_match(if_match, meeting)
    if meeting.status != "planned":
        raise _status_conflict(meeting, "Only a planned meeting can be deleted; cancel this one instead.")
    meeting.deleted_at = utcnow()
    await session.flush()
    record_audit(
        session, actor_id=actor_id, action="meeting.delete", object_type="meeting", object_id=meeting.id
    )


async def cancel_meeting(
    session: AsyncSession,
    settings: Settings,
    meeting: Meeting,
    reason: str,
    *,
    if_match: str | None,
    actor_id: uuid.UUID,
) -> list[Mail]:
    """Cancel; answers the cancellation mails for the invited members, to send after the commit."""
    check_if_match(if_match, meeting)
    if meeting.status not in ("planned", "invited"):
        raise _status_conflict(meeting, "Only a planned or invited meeting can be cancelled.")
    if not reason.strip():
        raise FieldValidationError("reason", "Give a reason.", "blank")
    meeting.status = "cancelled"
    meeting.cancel_reason = reason.strip()
    meeting.ical_sequence += 1
    mails = await change_mails(session, settings, meeting, cancelled=True)
    await session.flush()
    record_audit(
        session, actor_id=actor_id, action="meeting.cancel", object_type="meeting", object_id=meeting.id
    )
    return mails


async def mark_held(
    session: AsyncSession, meeting: Meeting, *, if_match: str | None, actor_id: uuid.UUID
) -> Meeting:
    check_if_match(if_match, meeting)
    if meeting.status not in ("planned", "invited"):
        raise _status_conflict(meeting, "Only a planned or invited meeting can be marked as held.")
    meeting.status = "held"
    await session.flush()
    record_audit(
        session, actor_id=actor_id, action="meeting.held", object_type="meeting", object_id=meeting.id
    )
    return meeting


def _ensure_not_cancelled(meeting: Meeting) -> None:
    if meeting.status == "cancelled":
        raise _status_conflict(meeting, "The meeting is cancelled.")


async def set_guests(
    session: AsyncSession, meeting: Meeting, guests: list[str], *, if_match: str | None, actor_id: uuid.UUID
) -> Meeting:
    check_if_match(if_match, meeting)
    _ensure_not_cancelled(meeting)
    meeting.guests = guests
    await session.flush()
    record_audit(
        session,
        actor_id=actor_id,
        action="meeting.guests.update",
        object_type="meeting",
        object_id=meeting.id,
        details={"fields": ["guests"]},
    )
    return meeting


# --- minutes ----------------------------------------------------------------------------------


async def save_minutes(
    session: AsyncSession, meeting: Meeting, markdown: str, *, if_match: str | None, actor_id: uuid.UUID
) -> Meeting:
    """Write the minutes of a held meeting; changing approved minutes withdraws the approval."""
    check_if_match(if_match, meeting)
    if meeting.status not in ("held", "minutes_approved"):
        raise _status_conflict(meeting, "Minutes are written once the meeting was held.")
    meeting.minutes_markdown = markdown
    meeting.minutes_drafted_by_user_id = actor_id
    meeting.minutes_drafted_at = utcnow()
    if meeting.status == "minutes_approved":
        meeting.status = "held"
        meeting.minutes_approved_at = None
        meeting.minutes_approved_by_user_id = None
    await session.flush()
    record_audit(
        session,
        actor_id=actor_id,
        action="meeting.minutes.update",
        object_type="meeting",
        object_id=meeting.id,
    )
    return meeting


async def approve_minutes(
    session: AsyncSession, meeting: Meeting, *, if_match: str | None, actor_id: uuid.UUID
) -> Meeting:
    check_if_match(if_match, meeting)
    if meeting.status != "held":
        raise _status_conflict(meeting, "Only the minutes of a held meeting can be approved.")
    if not meeting.minutes_markdown.strip():
        raise _conflict("empty", "markdown", "no_minutes", "There are no minutes to approve.")
    meeting.status = "minutes_approved"
    meeting.minutes_approved_by_user_id = actor_id
    meeting.minutes_approved_at = utcnow()
    await session.flush()
    record_audit(
        session,
        actor_id=actor_id,
        action="meeting.minutes.approve",
        object_type="meeting",
        object_id=meeting.id,
    )
    return meeting


async def user_names(session: AsyncSession, *user_ids: uuid.UUID | None) -> dict[uuid.UUID, str]:
    ids = {user_id for user_id in user_ids if user_id is not None}
    if not ids:
        return {}
    rows = await session.execute(select(User.id, User.name).where(User.id.in_(ids)))
    return dict(rows.all())


# --- agenda -----------------------------------------------------------------------------------


async def agenda_of(session: AsyncSession, meeting_id: uuid.UUID) -> list[AgendaItem]:
    return list(
        (
            await session.scalars(
                select(AgendaItem)
                .where(AgendaItem.meeting_id == meeting_id, AgendaItem.deleted_at.is_(None))
                .order_by(AgendaItem.position, AgendaItem.created_at, AgendaItem.id)
            )
        ).all()
    )


def _renumber(items: list[AgendaItem]) -> None:
    """Positions and numbers 1, 2, … in list order; only rows that change are written."""
    for position, item in enumerate(items, start=1):
        if item.position != position:
            item.position = position
        if item.number != str(position):
            item.number = str(position)


async def get_agenda_item(session: AsyncSession, meeting: Meeting, item_id: uuid.UUID) -> AgendaItem:
    item = await session.get(AgendaItem, item_id)
    if item is None or item.meeting_id != meeting.id or item.deleted_at is not None:
        raise NotFound("No agenda item with this id in this meeting.")
    return item


async def agenda_item_reads(session: AsyncSession, items: Iterable[AgendaItem]) -> list[AgendaItemRead]:
    """The API view of agenda items, with their measures in one query."""
    items = list(items)
    measures = await measure_refs(session, {item.measure_id for item in items})
    return [
        AgendaItemRead.model_validate(item).model_copy(
            update={"measure": measures.get(item.measure_id) if item.measure_id else None}
        )
        for item in items
    ]


async def _check_measure_link(
    session: AsyncSession, kind: str, measure_id: uuid.UUID | None, *, check_live: bool = True
) -> None:
    """Only agenda items of kind ``measure_development`` link a measure, and only a live one."""
    if measure_id is None:
        return
    if kind != "measure_development":
        raise FieldValidationError(
            "measure_id", "Only agenda items of kind measure_development link a measure.", "wrong_kind"
        )
    if not check_live:
        return
    found = await session.scalar(
        select(Measure.id).where(Measure.id == measure_id, Measure.deleted_at.is_(None))
    )
    if found is None:
        raise FieldValidationError("measure_id", "No measure with this id.", "unknown_measure")


async def append_agenda_item(session: AsyncSession, meeting_id: uuid.UUID, **fields: Any) -> AgendaItem:
    """A new item at the end of the meeting's agenda, numbered by its position."""
    position = len(await agenda_of(session, meeting_id)) + 1
    item = AgendaItem(meeting_id=meeting_id, position=position, number=str(position), **fields)
    session.add(item)
    await session.flush()
    return item


async def add_agenda_item(
    session: AsyncSession, meeting: Meeting, data: AgendaItemCreate, *, actor_id: uuid.UUID
) -> AgendaItem:
    _ensure_not_cancelled(meeting)
    await _check_measure_link(session, data.kind, data.measure_id)
    item = await append_agenda_item(session, meeting.id, **data.model_dump())
    record_audit(
        session,
        actor_id=actor_id,
        action="agenda_item.create",
        object_type="agenda_item",
        object_id=item.id,
        details={"meeting_id": str(meeting.id)},
    )
    return item


async def update_agenda_item(
    session: AsyncSession,
    meeting: Meeting,
    item: AgendaItem,
    data: AgendaItemUpdate,
    *,
    if_match: str | None,
    actor_id: uuid.UUID,
) -> AgendaItem:
    check_if_match(if_match, item)
    _ensure_not_cancelled(meeting)
    changes: dict[str, Any] = data.model_dump(exclude_unset=True)
    kind = changes.get("kind", item.kind)
    if kind != "measure_development" and "measure_id" not in changes and item.measure_id is not None:
        changes["measure_id"] = None  # another kind does not work on a measure
    if "measure_id" in changes:
        await _check_measure_link(
            session, kind, changes["measure_id"], check_live=changes["measure_id"] != item.measure_id
        )
    for field, value in changes.items():
        setattr(item, field, value)
    await session.flush()
    record_audit(
        session,
        actor_id=actor_id,
        action="agenda_item.update",
        object_type="agenda_item",
        object_id=item.id,
        details={"fields": sorted(changes)},
    )
    return item


async def delete_agenda_item(
    session: AsyncSession, meeting: Meeting, item: AgendaItem, *, if_match: str | None, actor_id: uuid.UUID
) -> None:
    check_if_match(if_match, item)
    _ensure_not_cancelled(meeting)
    item.deleted_at = utcnow()
    _renumber([other for other in await agenda_of(session, meeting.id) if other.id != item.id])
    await session.flush()
    record_audit(
        session, actor_id=actor_id, action="agenda_item.delete", object_type="agenda_item", object_id=item.id
    )


async def reorder_agenda(
    session: AsyncSession,
    meeting: Meeting,
    item_ids: list[uuid.UUID],
    *,
    if_match: str | None,
    actor_id: uuid.UUID,
) -> list[AgendaItem]:
    check_if_match(if_match, meeting)
    _ensure_not_cancelled(meeting)
    items = {item.id: item for item in await agenda_of(session, meeting.id)}
    if len(item_ids) != len(set(item_ids)) or set(item_ids) != set(items):
        raise FieldValidationError(
            "item_ids", "Name every agenda item of the meeting exactly once.", "not_the_agenda"
        )
    ordered = [items[item_id] for item_id in item_ids]
    _renumber(ordered)
    # The meeting's ETag guards the order, so a new order is a new version of the meeting.
    meeting.updated_at = utcnow()
    await session.flush()
    record_audit(
        session,
        actor_id=actor_id,
        action="meeting.agenda.reorder",
        object_type="meeting",
        object_id=meeting.id,
    )
    return ordered


# --- attendance -------------------------------------------------------------------------------


async def attendance_rows(
    session: AsyncSession, meeting_id: uuid.UUID, *, member_id: uuid.UUID | None = None
) -> list[AttendanceRead]:
    """The attendance list by name (one query), or only ``member_id``'s row."""
    statement = (
        select(Attendance, Member, Organisation.name)
        .join(Member, Member.id == Attendance.member_id)
        .outerjoin(Organisation, Organisation.id == Member.organisation_id)
        .where(Attendance.meeting_id == meeting_id)
        .order_by(Member.family_name, Member.given_name, Attendance.id)
    )
    if member_id is not None:
        statement = statement.where(Attendance.member_id == member_id)
    return [
        AttendanceRead(
            id=attendance.id,
            meeting_id=attendance.meeting_id,
            member_id=attendance.member_id,
            member_name=member.display_name,
            organisation_name=organisation_name,
            response=attendance.response,
            responded_at=attendance.responded_at,
            presence=attendance.presence,
            updated_at=attendance.updated_at,
            version=attendance.version,
        )
        for attendance, member, organisation_name in await session.execute(statement)
    ]


async def set_presence(
    session: AsyncSession,
    meeting: Meeting,
    member_id: uuid.UUID,
    presence: str | None,
    *,
    if_match: str | None,
    actor_id: uuid.UUID,
) -> tuple[Attendance, AttendanceRead]:
    """Record a member's presence; the row is created for a current member of the body."""
    _ensure_not_cancelled(meeting)
    attendance = await session.scalar(
        select(Attendance).where(Attendance.meeting_id == meeting.id, Attendance.member_id == member_id)
    )
    if attendance is None:
        member = await find_live_member(session, member_id)
        belongs = member is not None and await session.scalar(
            select(Membership.id).where(
                Membership.member_id == member_id,
                Membership.body_id == meeting.body_id,
                current_membership(today()),
            )
        )
        if not belongs:
            message = "The member does not currently belong to the meeting's body."
            error = FieldValidationError("member_id", message, "not_a_member")
            error.errors = [
                FieldError(location="path", field="member_id", message=message, code="not_a_member")
            ]
            raise error
        attendance = Attendance(meeting_id=meeting.id, member_id=member_id)
        session.add(attendance)
        action = "attendance.create"
    else:
        # A PUT that sets a value: If-Match is honoured when sent, and the last write wins otherwise.
        if if_match is not None:
            check_if_match(if_match, attendance)
        action = "attendance.update"
    attendance.presence = presence
    await session.flush()
    record_audit(
        session,
        actor_id=actor_id,
        action=action,
        object_type="attendance",
        object_id=attendance.id,
        details={"fields": ["presence"], "meeting_id": str(meeting.id)},
    )
    [read] = await attendance_rows(session, meeting.id, member_id=member_id)
    return attendance, read
