"""The OParl objects as JSON, built a page at a time: every builder loads what its objects need in
a few queries for the whole page, embedded objects included (no query per object)."""

from __future__ import annotations

import re
import uuid
from collections import defaultdict
from collections.abc import Awaitable, Callable, Collection, Iterable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from api.core.config import Settings
from api.exports.service import KIND_DE
from api.meetings.service import BERLIN
from api.models import AgendaItem, Attachment, Body, Meeting, Member, Membership, Organisation, Submission
from api.models.base import IdMixin
from api.oparl.index import INDEXES, Entry, entries_of, meeting_public_body, member_public
from api.oparl.redaction import Redactor, load_redactor
from api.oparl.urls import Urls, berlin_date, date_text, datetime_text, type_uri
from api.submissions.documents import KIND_LABELS
from api.submissions.service import OUTCOME_LABELS

JSON = dict[str, Any]
RowT = TypeVar("RowT", bound=IdMixin)

TYPE_NAMES = {
    "organization": "Organization",
    "person": "Person",
    "membership": "Membership",
    "meeting": "Meeting",
    "agendaItem": "AgendaItem",
    "consultation": "Consultation",
    "paper": "Paper",
    "file": "File",
    "location": "Location",
}
BODY_CLASSIFICATIONS = {
    "working_group": "Arbeitskreis",
    "steering_group": "Steuerungsgruppe",
    "network": "Netzwerktreffen",
}
ROLE_LABELS = {
    "spokesperson": "Sprecher:in",
    "deputy_spokesperson": "stellvertretende:r Sprecher:in",
    "member": "Mitglied",
    "guest": "Gast",
    "chair": "Vorsitz",
    "deputy_chair": "stellvertretender Vorsitz",
}
MEETING_STATES = {
    "planned": "geplant",
    "invited": "eingeladen",
    "held": "durchgeführt",
    "minutes_approved": "Protokoll genehmigt",
    "cancelled": "abgesagt",
}
# "Kreishaus Gifhorn, Schlossplatz 1, 38518 Gifhorn": the street before the postal code and town.
ADDRESS = re.compile(r"^(?:.*,\s*)?(?P<street>[^,]+?),\s*(?P<postal_code>\d{5})\s+(?P<locality>[^,]+)$")


@dataclass
class Context:
    """One request: where ids point, whether embedded objects are left out, the name redactor."""

    session: AsyncSession
    settings: Settings
    urls: Urls
    omit_internal: bool = False
    _redactor: Redactor | None = field(default=None, init=False)

    @classmethod
    def of(cls, session: AsyncSession, settings: Settings) -> Context:
        return cls(session, settings, Urls(settings))

    async def redactor(self) -> Redactor:
        if self._redactor is None:
            self._redactor = await load_redactor(self.session)
        return self._redactor


Builder = Callable[[Context, list[Entry]], Awaitable[dict[uuid.UUID, JSON]]]


def _start(ctx: Context, kind: str, entry: Entry) -> JSON:
    return {
        "id": ctx.urls.of(kind, entry.id),
        "type": type_uri(TYPE_NAMES[kind]),
        "created": datetime_text(entry.created),
        "modified": datetime_text(entry.modified),
    }


def _set(target: JSON, name: str, value: Any) -> None:
    """OParl leaves out properties without a value (no ``null``, no empty list)."""
    if value is not None and value != [] and value != "":
        target[name] = value


async def _rows(
    session: AsyncSession, model: type[RowT], ids: Collection[uuid.UUID]
) -> dict[uuid.UUID, RowT]:
    if not ids:
        return {}
    rows = await session.scalars(select(model).where(model.id.in_(list(ids))))
    return {row.id: row for row in rows}


async def _grouped(session: AsyncSession, statement: Any) -> dict[uuid.UUID, list[uuid.UUID]]:
    """``(id, parent)`` rows in their order, as the ids per parent."""
    grouped: dict[uuid.UUID, list[uuid.UUID]] = defaultdict(list)
    for object_id, parent in (await session.execute(statement)).all():
        grouped[parent].append(object_id)
    return grouped


async def embedded(ctx: Context, kind: str, ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, JSON]:
    """The live objects of ``ids`` as embedded objects (none with ``omit_internal``)."""
    if ctx.omit_internal:
        return {}
    found = await entries_of(ctx.session, INDEXES[kind](), set(ids))
    return await BUILDERS[kind](ctx, list(found.values()))


async def render(ctx: Context, kind: str, entries: list[Entry]) -> list[JSON]:
    """The objects of ``entries`` in their order; deleted ones as tombstones."""
    live = await BUILDERS[kind](ctx, [entry for entry in entries if not entry.deleted])
    return [
        _start(ctx, kind, entry) | {"deleted": True} if entry.deleted else live[entry.id] for entry in entries
    ]


def _pick(found: dict[uuid.UUID, JSON], ids: Iterable[uuid.UUID]) -> list[JSON]:
    return [found[object_id] for object_id in ids if object_id in found]


# --- organizations, persons, memberships ----------------------------------------------------------


async def organizations(ctx: Context, entries: list[Entry]) -> dict[uuid.UUID, JSON]:
    body_ids = [entry.id for entry in entries if entry.source == "body"]
    organisation_ids = [entry.id for entry in entries if entry.source == "organisation"]
    bodies = await _rows(ctx.session, Body, body_ids)
    organisations = await _rows(ctx.session, Organisation, organisation_ids)
    memberships = await _grouped(
        ctx.session,
        select(Membership.id, Membership.body_id)
        .join(Member, Member.id == Membership.member_id)
        .where(Membership.body_id.in_(body_ids), member_public())
        .order_by(Membership.start_on, Membership.id),
    )
    locations = await embedded(ctx, "location", organisation_ids)
    result: dict[uuid.UUID, JSON] = {}
    for entry in entries:
        item = _start(ctx, "organization", entry) | {"body": ctx.urls.body}
        if entry.source == "body":
            body = bodies[entry.id]
            item |= {
                "name": body.name,
                "shortName": body.short_name,
                "organizationType": "Gremium",
                "classification": BODY_CLASSIFICATIONS.get(body.kind, "Gremium"),
                "meeting": ctx.urls.organization_meetings(body.id),
            }
            _set(item, "membership", [ctx.urls.of("membership", m) for m in memberships.get(body.id, [])])
        else:
            organisation = organisations[entry.id]
            item |= {
                "name": organisation.name,
                "organizationType": "Netzwerkpartner",
                "classification": KIND_DE.get(organisation.kind, "Sonstige"),
            }
            _set(item, "shortName", organisation.short_name)
            _set(item, "website", organisation.website)
            _set(item, "location", locations.get(organisation.id))
        result[entry.id] = item
    return result


async def persons(ctx: Context, entries: list[Entry]) -> dict[uuid.UUID, JSON]:
    ids = [entry.id for entry in entries]
    members = await _rows(ctx.session, Member, ids)
    membership_ids = await _grouped(
        ctx.session,
        select(Membership.id, Membership.member_id)
        .where(Membership.member_id.in_(ids))
        .order_by(Membership.start_on, Membership.id),
    )
    memberships = await embedded(ctx, "membership", [m for group in membership_ids.values() for m in group])
    result: dict[uuid.UUID, JSON] = {}
    for entry in entries:
        member = members[entry.id]
        item = _start(ctx, "person", entry) | {
            "body": ctx.urls.body,
            "name": member.display_name,
            "familyName": member.family_name,
            "givenName": member.given_name,
        }
        _set(item, "title", [member.title] if member.title else None)
        _set(item, "membership", _pick(memberships, membership_ids.get(member.id, [])))
        result[entry.id] = item
    return result


async def memberships(ctx: Context, entries: list[Entry]) -> dict[uuid.UUID, JSON]:
    rows = await _rows(ctx.session, Membership, [entry.id for entry in entries])
    result: dict[uuid.UUID, JSON] = {}
    for entry in entries:
        membership = rows[entry.id]
        role = ROLE_LABELS.get(membership.role, membership.role)
        item = _start(ctx, "membership", entry) | {
            "person": ctx.urls.of("person", membership.member_id),
            "organization": ctx.urls.of("organization", membership.body_id),
            "role": f"{role} ({membership.function_label})" if membership.function_label else role,
            "votingRight": membership.voting_right,
            "startDate": date_text(membership.start_on),
        }
        _set(item, "endDate", date_text(membership.end_on) if membership.end_on else None)
        if membership.organisation_id is not None:
            item["onBehalfOf"] = ctx.urls.of("organization", membership.organisation_id)
        result[entry.id] = item
    return result


# --- meetings, agenda items, papers, consultations ------------------------------------------------


async def meetings(ctx: Context, entries: list[Entry]) -> dict[uuid.UUID, JSON]:
    ids = [entry.id for entry in entries]
    rows = await _rows(ctx.session, Meeting, ids)
    agenda: dict[uuid.UUID, list[uuid.UUID]] = {}
    files: dict[uuid.UUID, list[uuid.UUID]] = {}
    if not ctx.omit_internal:
        agenda = await _grouped(
            ctx.session,
            select(AgendaItem.id, AgendaItem.meeting_id)
            .where(AgendaItem.meeting_id.in_(ids), AgendaItem.deleted_at.is_(None))
            .order_by(AgendaItem.position, AgendaItem.created_at, AgendaItem.id),
        )
        files = await _grouped(
            ctx.session,
            select(Attachment.id, Attachment.meeting_id)
            .where(
                Attachment.meeting_id.in_(ids),
                Attachment.agenda_item_id.is_(None),
                Attachment.deleted_at.is_(None),
            )
            .order_by(Attachment.created_at, Attachment.id),
        )
    items = await embedded(ctx, "agendaItem", [i for group in agenda.values() for i in group])
    attachments = await embedded(ctx, "file", [*ids, *(f for group in files.values() for f in group)])
    locations = await embedded(ctx, "location", ids)
    redact = await ctx.redactor()
    result: dict[uuid.UUID, JSON] = {}
    for entry in entries:
        meeting = rows[entry.id]
        item = _start(ctx, "meeting", entry) | {
            "name": redact(meeting.title),
            "meetingState": MEETING_STATES.get(meeting.status, meeting.status),
            "cancelled": meeting.status == "cancelled",
            "start": datetime_text(meeting.starts_at),
            "end": datetime_text(meeting.ends_at),
        }
        _set(item, "location", locations.get(meeting.id))
        item["organization"] = [ctx.urls.of("organization", meeting.body_id)]
        _set(item, "resultsProtocol", attachments.get(meeting.id))
        _set(item, "auxiliaryFile", _pick(attachments, files.get(meeting.id, [])))
        _set(item, "agendaItem", _pick(items, agenda.get(meeting.id, [])))
        _set(item, "keyword", [redact(meeting.theme)] if meeting.theme else None)
        result[entry.id] = item
    return result


def _public_papers(papers: dict[uuid.UUID, Submission]) -> dict[uuid.UUID, Submission]:
    return {
        paper_id: paper
        for paper_id, paper in papers.items()
        if paper.submitted_at is not None and paper.deleted_at is None
    }


def _decided_here(paper: Submission, meeting_id: uuid.UUID) -> bool:
    return paper.decided_meeting_id == meeting_id and paper.outcome is not None


async def agenda_items(ctx: Context, entries: list[Entry]) -> dict[uuid.UUID, JSON]:
    rows = await _rows(ctx.session, AgendaItem, [entry.id for entry in entries])
    meeting_rows = await _rows(ctx.session, Meeting, {row.meeting_id for row in rows.values()})
    papers = _public_papers(
        await _rows(ctx.session, Submission, {r.submission_id for r in rows.values() if r.submission_id})
    )
    files: dict[uuid.UUID, list[uuid.UUID]] = {}
    if not ctx.omit_internal:
        files = await _grouped(
            ctx.session,
            select(Attachment.id, Attachment.agenda_item_id)
            .where(Attachment.agenda_item_id.in_(list(rows)), Attachment.deleted_at.is_(None))
            .order_by(Attachment.created_at, Attachment.id),
        )
    attachments = await embedded(ctx, "file", [f for group in files.values() for f in group])
    redact = await ctx.redactor()
    result: dict[uuid.UUID, JSON] = {}
    for entry in entries:
        row = rows[entry.id]
        minutes_approved = meeting_rows[row.meeting_id].status == "minutes_approved"
        item = _start(ctx, "agendaItem", entry) | {
            "meeting": ctx.urls.of("meeting", row.meeting_id),
            "number": row.number,
            "order": row.position,
            "name": redact(row.title),
            "public": True,
        }
        paper = papers.get(row.submission_id) if row.submission_id else None
        resolution = row.result if minutes_approved else ""
        if paper is not None:
            item["consultation"] = ctx.urls.of("consultation", row.id)
            if paper.outcome is not None and _decided_here(paper, row.meeting_id):
                label = OUTCOME_LABELS[paper.outcome]
                item["result"] = label[:1].upper() + label[1:]
                resolution = paper.resolution or resolution
        _set(item, "resolutionText", redact(resolution))
        _set(item, "auxiliaryFile", _pick(attachments, files.get(row.id, [])))
        result[entry.id] = item
    return result


async def consultations(ctx: Context, entries: list[Entry]) -> dict[uuid.UUID, JSON]:
    rows = await _rows(ctx.session, AgendaItem, [entry.id for entry in entries])
    meeting_rows = await _rows(ctx.session, Meeting, {row.meeting_id for row in rows.values()})
    papers = await _rows(ctx.session, Submission, {r.submission_id for r in rows.values() if r.submission_id})
    result: dict[uuid.UUID, JSON] = {}
    for entry in entries:
        row = rows[entry.id]
        assert row.submission_id is not None  # the index holds only agenda items of papers
        paper = papers[row.submission_id]
        result[entry.id] = _start(ctx, "consultation", entry) | {
            "paper": ctx.urls.of("paper", paper.id),
            "agendaItem": ctx.urls.of("agendaItem", row.id),
            "meeting": ctx.urls.of("meeting", row.meeting_id),
            "organization": [ctx.urls.of("organization", meeting_rows[row.meeting_id].body_id)],
            "authoritative": _decided_here(paper, row.meeting_id) and paper.outcome != "deferred",
            "role": "Kenntnisnahme" if paper.kind == "report" else "Entscheidung",
        }
    return result


async def papers(ctx: Context, entries: list[Entry]) -> dict[uuid.UUID, JSON]:
    ids = [entry.id for entry in entries]
    rows = await _rows(ctx.session, Submission, ids)
    consulted: dict[uuid.UUID, list[uuid.UUID]] = {}
    files: dict[uuid.UUID, list[uuid.UUID]] = {}
    if not ctx.omit_internal:
        consulted = await _grouped(
            ctx.session,
            select(AgendaItem.id, AgendaItem.submission_id)
            .join(Meeting, Meeting.id == AgendaItem.meeting_id)
            .where(AgendaItem.submission_id.in_(ids), meeting_public_body())
            .order_by(Meeting.starts_at, AgendaItem.id),
        )
        files = await _grouped(
            ctx.session,
            select(Attachment.id, Attachment.submission_id)
            .where(Attachment.submission_id.in_(ids), Attachment.deleted_at.is_(None))
            .order_by(Attachment.created_at, Attachment.id),
        )
    consultation_objects = await embedded(
        ctx, "consultation", [c for group in consulted.values() for c in group]
    )
    attachments = await embedded(ctx, "file", [*ids, *(f for group in files.values() for f in group)])
    redact = await ctx.redactor()
    result: dict[uuid.UUID, JSON] = {}
    for entry in entries:
        paper = rows[entry.id]
        keywords = [KIND_LABELS[paper.kind]] + (["zurückgezogen"] if paper.status == "withdrawn" else [])
        item = _start(ctx, "paper", entry) | {"body": ctx.urls.body, "name": redact(paper.title)}
        _set(item, "reference", paper.reference)
        if paper.submitted_at is not None:
            item["date"] = berlin_date(paper.submitted_at)
        item["paperType"] = "Vorlage"
        _set(item, "mainFile", attachments.get(paper.id))
        _set(item, "auxiliaryFile", _pick(attachments, files.get(paper.id, [])))
        item["originatorOrganization"] = [ctx.urls.of("organization", paper.body_id)]
        _set(item, "consultation", _pick(consultation_objects, consulted.get(paper.id, [])))
        item["keyword"] = keywords
        result[entry.id] = item
    return result


# --- files and locations --------------------------------------------------------------------------


def minutes_filename(meeting: Meeting) -> str:
    label = meeting.number or f"{meeting.starts_at.astimezone(BERLIN):%Y-%m-%d}"
    return "Protokoll-" + re.sub(r"[^A-Za-z0-9._-]+", "-", label).strip("-") + ".html"


def paper_filename(paper: Submission) -> str:
    return (
        "Vorlage-" + re.sub(r"[^A-Za-z0-9._-]+", "-", paper.reference or str(paper.id)).strip("-") + ".html"
    )


async def files(ctx: Context, entries: list[Entry]) -> dict[uuid.UUID, JSON]:
    by_source: dict[str, list[uuid.UUID]] = defaultdict(list)
    for entry in entries:
        by_source[entry.source].append(entry.id)
    attachments = await _rows(ctx.session, Attachment, by_source["attachment"])
    minutes = await _rows(ctx.session, Meeting, by_source["minutes"])
    texts = await _rows(ctx.session, Submission, by_source["paper_text"])
    redact = await ctx.redactor()
    result: dict[uuid.UUID, JSON] = {}
    for entry in entries:
        item = _start(ctx, "file", entry)
        if entry.source == "attachment":
            attachment = attachments[entry.id]
            name = redact(attachment.filename)
            item |= {
                "name": name,
                "fileName": name,
                "mimeType": attachment.media_type,
                "date": berlin_date(attachment.created_at),
                "size": attachment.size,
            }
        elif entry.source == "minutes":
            meeting = minutes[entry.id]
            item |= {
                "name": f"Protokoll: {redact(meeting.title)}",
                "fileName": minutes_filename(meeting),
                "mimeType": "text/html",
            }
            if meeting.minutes_approved_at is not None:
                item["date"] = berlin_date(meeting.minutes_approved_at)
        else:
            paper = texts[entry.id]
            item |= {
                "name": f"Vorlage {paper.reference}" if paper.reference else "Vorlage",
                "fileName": paper_filename(paper),
                "mimeType": "text/html",
            }
            if paper.submitted_at is not None:
                item["date"] = berlin_date(paper.submitted_at)
        item |= {"accessUrl": ctx.urls.file_access(entry.id), "downloadUrl": ctx.urls.file_download(entry.id)}
        if entry.source == "attachment":
            attachment = attachments[entry.id]
            if attachment.meeting_id is not None:
                item["meeting"] = [ctx.urls.of("meeting", attachment.meeting_id)]
            if attachment.agenda_item_id is not None:
                item["agendaItem"] = [ctx.urls.of("agendaItem", attachment.agenda_item_id)]
            if attachment.submission_id is not None:
                item["paper"] = [ctx.urls.of("paper", attachment.submission_id)]
        elif entry.source == "minutes":
            item["meeting"] = [ctx.urls.of("meeting", entry.id)]
        else:
            item["paper"] = [ctx.urls.of("paper", entry.id)]
        result[entry.id] = item
    return result


def _address(item: JSON, address: str) -> None:
    if (parts := ADDRESS.match(address.strip())) is not None:
        item |= {
            "streetAddress": parts["street"].strip(),
            "postalCode": parts["postal_code"],
            "locality": parts["locality"].strip(),
        }


async def locations(ctx: Context, entries: list[Entry]) -> dict[uuid.UUID, JSON]:
    meeting_rows = await _rows(ctx.session, Meeting, [e.id for e in entries if e.source == "meeting"])
    organisations = await _rows(
        ctx.session, Organisation, [e.id for e in entries if e.source == "organisation"]
    )
    result: dict[uuid.UUID, JSON] = {}
    for entry in entries:
        item = _start(ctx, "location", entry)
        if entry.source == "meeting":
            meeting = meeting_rows[entry.id]
            address = meeting.location_address or ""
            item["description"] = ", ".join(part for part in (address, meeting.location_room) if part)
            _address(item, address)
            _set(item, "room", meeting.location_room)
            item["meetings"] = [ctx.urls.of("meeting", meeting.id)]
        else:
            organisation = organisations[entry.id]
            town = " ".join(part for part in (organisation.postal_code, organisation.city) if part)
            item["description"] = ", ".join(part for part in (organisation.street, town) if part)
            _set(item, "streetAddress", organisation.street)
            _set(item, "postalCode", organisation.postal_code)
            _set(item, "locality", organisation.city)
            item["organizations"] = [ctx.urls.of("organization", organisation.id)]
        result[entry.id] = item
    return result


BUILDERS: dict[str, Builder] = {
    "organization": organizations,
    "person": persons,
    "membership": memberships,
    "meeting": meetings,
    "agendaItem": agenda_items,
    "consultation": consultations,
    "paper": papers,
    "file": files,
    "location": locations,
}
