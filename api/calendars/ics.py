"""iCalendar (RFC 5545) files of meetings, for feeds (PUBLISH) and invitation mails (REQUEST, CANCEL).

Times are written in Europe/Berlin with a generated ``VTIMEZONE``, so calendar apps show the local
time even across the change between CET and CEST. The ``UID`` of a meeting never changes; its
``SEQUENCE`` is the meeting's ``ical_sequence``, which is raised for every update sent to invitees.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Literal
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, Timezone, vCalAddress, vText
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from api.core.config import Settings
from api.models import AgendaItem, Body, Meeting

BERLIN = ZoneInfo("Europe/Berlin")
Method = Literal["PUBLISH", "REQUEST", "CANCEL"]
PRODID = "-//Landkreis Gifhorn//Netzwerk Integration//DE"
ICS_MEDIA_TYPE = "text/calendar; charset=utf-8"

WEEKDAYS_DE = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag")
MONTHS_DE = (
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
)


@dataclass(frozen=True)
class CalendarItem:
    """A meeting with what its calendar entry shows: the body and the live agenda in order."""

    meeting: Meeting
    body: Body
    agenda: Sequence[AgendaItem] = field(default_factory=tuple)


@dataclass(frozen=True)
class Attendee:
    email: str
    name: str


async def load_items(session: AsyncSession, meetings: Sequence[Meeting]) -> list[CalendarItem]:
    """The calendar items of ``meetings`` (bodies and agendas in two queries)."""
    if not meetings:
        return []
    body_ids = {meeting.body_id for meeting in meetings}
    bodies = {body.id: body for body in (await session.scalars(select(Body).where(Body.id.in_(body_ids))))}
    agendas: dict[uuid.UUID, list[AgendaItem]] = {}
    for item in await session.scalars(
        select(AgendaItem)
        .where(
            AgendaItem.meeting_id.in_([meeting.id for meeting in meetings]),
            AgendaItem.deleted_at.is_(None),
        )
        .order_by(AgendaItem.position, AgendaItem.id)
    ):
        agendas.setdefault(item.meeting_id, []).append(item)
    return [
        CalendarItem(meeting=meeting, body=bodies[meeting.body_id], agenda=agendas.get(meeting.id, []))
        for meeting in meetings
    ]


def meeting_uid(meeting: Meeting, settings: Settings) -> str:
    host = urlsplit(settings.base_url).hostname or "localhost"
    return f"{meeting.id}@{host}"


def meeting_url(meeting: Meeting, settings: Settings) -> str:
    return f"{settings.base_url.rstrip('/')}/sitzungen/{meeting.id}"


def place_text(meeting: Meeting) -> str:
    """Room and address, or the online link; both when the meeting is hybrid."""
    place = ", ".join(part for part in (meeting.location_room, meeting.location_address) if part)
    if meeting.online_url:
        return f"{place} / online: {meeting.online_url}" if place else f"Online: {meeting.online_url}"
    return place


def berlin_time_range(meeting: Meeting) -> str:
    """E.g. "Mittwoch, 8. Juli 2026, 15:00–17:00 Uhr" in Europe/Berlin."""
    start = meeting.starts_at.astimezone(BERLIN)
    end = meeting.ends_at.astimezone(BERLIN)
    day = f"{WEEKDAYS_DE[start.weekday()]}, {start.day}. {MONTHS_DE[start.month - 1]} {start.year}"
    if end.date() == start.date():
        return f"{day}, {start:%H:%M}–{end:%H:%M} Uhr"
    end_day = f"{end.day}. {MONTHS_DE[end.month - 1]} {end.year}"
    return f"{day}, {start:%H:%M} Uhr bis {end_day}, {end:%H:%M} Uhr"


def agenda_lines(agenda: Iterable[AgendaItem]) -> list[str]:
    return [f"{item.number}. {item.title}" for item in agenda]


def _description(item: CalendarItem) -> str:
    meeting = item.meeting
    parts = [item.body.name]
    if meeting.status == "cancelled":
        reason = f": {meeting.cancel_reason}" if meeting.cancel_reason else ""
        parts.append(f"Die Sitzung ist abgesagt{reason}")
    if meeting.theme:
        parts.append(f"Thema: {meeting.theme}")
    if item.agenda:
        parts.append("Tagesordnung:\n" + "\n".join(agenda_lines(item.agenda)))
    if meeting.online_url:
        parts.append(f"Online-Teilnahme: {meeting.online_url}")
    return "\n\n".join(parts)


def _event(item: CalendarItem, settings: Settings, stamp: datetime, attendee: Attendee | None) -> Event:
    meeting = item.meeting
    event = Event()
    event.add("uid", meeting_uid(meeting, settings))
    event.add("sequence", meeting.ical_sequence)
    event.add("dtstamp", stamp)
    event.add("created", meeting.created_at.astimezone(UTC))
    event.add("last-modified", meeting.updated_at.astimezone(UTC))
    event.add("dtstart", meeting.starts_at.astimezone(BERLIN))
    event.add("dtend", meeting.ends_at.astimezone(BERLIN))
    event.add("summary", meeting.title)
    place = place_text(meeting)
    if place:
        event.add("location", place)
    event.add("url", meeting_url(meeting, settings))
    event.add("description", _description(item))
    event.add("status", "CANCELLED" if meeting.status == "cancelled" else "CONFIRMED")
    event.add("transp", "OPAQUE")
    organizer = vCalAddress(f"mailto:{settings.smtp_from}")
    organizer.params["cn"] = vText(settings.office_name)
    event.add("organizer", organizer)
    if attendee is not None:
        address = vCalAddress(f"mailto:{attendee.email}")
        address.params["cn"] = vText(attendee.name)
        address.params["role"] = vText("REQ-PARTICIPANT")
        # Answers go through the answer link, not as calendar replies to the office's mailbox.
        address.params["rsvp"] = vText("FALSE")
        event.add("attendee", address)
    return event


def build_calendar(
    items: Iterable[CalendarItem],
    *,
    method: Method,
    settings: Settings,
    attendee: Attendee | None = None,
    name: str | None = None,
) -> bytes:
    """One VCALENDAR with an event per meeting; ``attendee`` names the recipient of an invitation."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", method)
    if name:
        calendar.add("x-wr-calname", name)
        calendar.add("x-wr-timezone", "Europe/Berlin")
    stamp = datetime.now(UTC)
    for item in items:
        calendar.add_component(_event(item, settings, stamp, attendee))
    calendar.add_missing_timezones()
    if not calendar.timezones:
        # An empty feed still names its zone, so apps that require one are content.
        calendar.add_component(Timezone.from_tzid("Europe/Berlin"))
    return bytes(calendar.to_ical())
