"""iCalendar files of the meetings: one for all bodies, one per body (``api/calendars/ics.py``).

The entries carry what the JSON carries: title, time, room and address, theme, status. Online links,
the agenda and the reason for a cancellation stay out (a link lets people into the meeting; agenda
items and reasons may name people), so each entry is built from a detached copy without them.
"""

from __future__ import annotations

import uuid

from sqlalchemy import select

from api.calendars.ics import ICS_MEDIA_TYPE, CalendarItem, build_calendar
from api.intranet.context import ExportContext, batches
from api.intranet.snapshot import SnapshotBuilder
from api.models import Body, Meeting

ALL_CALENDAR = "ics/alle-sitzungen.ics"


def body_calendar(slug: str) -> str:
    return f"ics/gremium-{slug}.ics"


def _public_copy(meeting: Meeting) -> Meeting:
    """A transient copy (never added to the session) without the online link and cancel reason."""
    return Meeting(
        id=meeting.id,
        body_id=meeting.body_id,
        title=meeting.title,
        number=meeting.number,
        starts_at=meeting.starts_at,
        ends_at=meeting.ends_at,
        location_room=meeting.location_room,
        location_address=meeting.location_address,
        online_url=None,
        theme=meeting.theme,
        status=meeting.status,
        cancel_reason=None,
        ical_sequence=meeting.ical_sequence,
        created_at=meeting.created_at,
        updated_at=meeting.updated_at,
    )


async def _write(
    builder: SnapshotBuilder,
    context: ExportContext,
    relative: str,
    name: str,
    bodies: dict[uuid.UUID, Body],
    only: uuid.UUID | None = None,
) -> int:
    statement = select(Meeting).where(
        Meeting.deleted_at.is_(None), Meeting.body_id.in_([only] if only else list(bodies))
    )
    # icalendar builds the whole calendar in memory anyway; meetings are a few dozen a year.
    items: list[CalendarItem] = []
    async for meetings in batches(context.session, statement.order_by(Meeting.starts_at, Meeting.id)):
        items.extend(
            CalendarItem(meeting=_public_copy(meeting), body=bodies[meeting.body_id]) for meeting in meetings
        )
    with builder.open(relative, ICS_MEDIA_TYPE, complete=True) as out:
        out.write(build_calendar(items, method="PUBLISH", settings=context.settings, name=name))
    return len(items)


async def write_calendars(
    builder: SnapshotBuilder, context: ExportContext, slugs: dict[uuid.UUID, str]
) -> int:
    """The calendar of all live bodies, then one per body (``slugs``: body id → file slug)."""
    bodies = {body_id: body for body_id, body in (await context.bodies()).items() if body.deleted_at is None}
    site = context.settings.site_name
    count = await _write(builder, context, ALL_CALENDAR, f"Sitzungen – {site}", bodies)
    for body_id, body in bodies.items():
        await _write(
            builder, context, body_calendar(slugs[body_id]), f"{body.name} – {site}", bodies, body_id
        )
    return count
