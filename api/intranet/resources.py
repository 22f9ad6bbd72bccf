"""The open-data JSON files: one per resource, written row by row from a server-side cursor.

Each file is ``{"resource", "snapshot", "incremental", "since", "items": [...], "deleted": [...]}``
with one item per line. A full snapshot lists every visible row and an empty ``deleted``. With
``--since T`` a file lists the visible rows changed at or after T and, in ``deleted``, the ids of
rows changed since T that are no longer visible: deleted, a member who withdrew consent, an offer
unpublished or expired, a submission no longer decided. ``deleted`` may name ids an importer never
had (a draft that changed, say); deleting an unknown id is a no-op.

What is visible follows the directory's rules: members only while they consent to
``directory_listing``, their e-mail and phone only while they consent to ``contact_sharing``
(``members.service.public_reads``); memberships only of members who are listed; meetings with
dates, places and status, without online links, guests, attendance or minutes.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import IO, Any

from sqlalchemy import ColumnElement, Select, case, or_, select, true
from sqlalchemy.orm import InstrumentedAttribute

from api.concept.refs import current_edition_id
from api.concept.service import public_editions
from api.consents.repository import consent_given
from api.intranet.context import ExportContext, batches
from api.intranet.snapshot import SnapshotBuilder
from api.measures import service as measures_service
from api.members.service import public_reads
from api.models import (
    Body,
    ConsentRecord,
    Directive,
    Measure,
    MeasureOrganisation,
    Meeting,
    Member,
    Membership,
    Offer,
    Organisation,
    Submission,
)
from api.organisations.schemas import OrganisationRead
from api.submissions.service import OUTCOME_LABELS

JSON_TYPE = "application/json"
Row = dict[str, Any]


def _default(value: object) -> str:
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")


def dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=_default)


@dataclass(frozen=True)
class Resource:
    name: str
    entity: Any
    # The joins the conditions need (memberships look at their member and body).
    joins: Callable[[Select[Any]], Select[Any]]
    visible: Callable[[ExportContext], ColumnElement[bool]]
    # Changed since T: the row itself, or what decides whether it is visible (a deletion, a consent);
    # not any edit of a related row, so an incremental file holds the changed rows and no more.
    changed: Callable[[ExportContext, datetime], ColumnElement[bool]]
    rows: Callable[[ExportContext, Sequence[Any]], Awaitable[list[Row]]]


def _same(statement: Select[Any]) -> Select[Any]:
    return statement


def _updated_since(
    column: InstrumentedAttribute[datetime],
) -> Callable[[ExportContext, datetime], ColumnElement[bool]]:
    return lambda _context, since: column >= since


def _listed() -> ColumnElement[bool]:
    listed: ColumnElement[bool] = Member.deleted_at.is_(None) & consent_given("directory_listing")
    return listed


def _listing_decided_since(since: datetime) -> ColumnElement[bool]:
    """The member gave or withdrew ``directory_listing`` since then (their memberships follow)."""
    return (
        select(ConsentRecord.id)
        .where(
            ConsentRecord.member_id == Member.id,
            ConsentRecord.purpose == "directory_listing",
            ConsentRecord.recorded_at >= since,
        )
        .exists()
    )


async def _member_rows(context: ExportContext, members: Sequence[Member]) -> list[Row]:
    reads = await public_reads(context.session, list(members))
    return [
        {**read.model_dump(mode="json"), "updated_at": member.updated_at}
        for read, member in zip(reads, members, strict=True)
    ]


async def _organisation_rows(_context: ExportContext, organisations: Sequence[Organisation]) -> list[Row]:
    return [OrganisationRead.model_validate(row).model_dump(mode="json") for row in organisations]


async def _body_rows(_context: ExportContext, bodies: Sequence[Body]) -> list[Row]:
    return [
        {
            "id": body.id,
            "kind": body.kind,
            "name": body.name,
            "short_name": body.short_name,
            "description": body.description,
            "guiding_question": body.guiding_question,
            "cadence": body.cadence,
            "founded_year": body.founded_year,
            "updated_at": body.updated_at,
        }
        for body in bodies
    ]


async def _membership_rows(_context: ExportContext, memberships: Sequence[Membership]) -> list[Row]:
    return [
        {
            "id": membership.id,
            "member_id": membership.member_id,
            "body_id": membership.body_id,
            "role": membership.role,
            "function_label": membership.function_label,
            "organisation_id": membership.organisation_id,
            "start_on": membership.start_on,
            "end_on": membership.end_on,
            "voting_right": membership.voting_right,
            "updated_at": membership.updated_at,
        }
        for membership in memberships
    ]


def meeting_row(meeting: Meeting) -> Row:
    """Dates, places and status: no online link (it lets people in), no guests, no attendance."""
    return {
        "id": meeting.id,
        "body_id": meeting.body_id,
        "title": meeting.title,
        "number": meeting.number,
        "theme": meeting.theme,
        "starts_at": meeting.starts_at,
        "ends_at": meeting.ends_at,
        "location_room": meeting.location_room,
        "location_address": meeting.location_address,
        "status": meeting.status,
        "updated_at": meeting.updated_at,
    }


async def _meeting_rows(_context: ExportContext, meetings: Sequence[Meeting]) -> list[Row]:
    return [meeting_row(meeting) for meeting in meetings]


async def _measure_rows(context: ExportContext, measures: Sequence[Measure]) -> list[Row]:
    items = await measures_service.list_items(context.session, measures)
    roles: dict[uuid.UUID, list[Row]] = {}
    for link in await context.session.scalars(
        select(MeasureOrganisation)
        .where(MeasureOrganisation.measure_id.in_([measure.id for measure in measures]))
        .order_by(MeasureOrganisation.role, MeasureOrganisation.organisation_id)
    ):
        roles.setdefault(link.measure_id, []).append(
            {"organisation_id": link.organisation_id, "role": link.role}
        )
    return [
        {
            "id": measure.id,
            "reference": measure.reference,
            "title": measure.title,
            "description": measure.description,
            "status": measure.status,
            "status_reason": measure.status_reason,
            "body_id": measure.body_id,
            "body_short_name": item.body_short_name,
            "target_group": measure.target_group,
            "starts_on": measure.starts_on,
            "ends_on": measure.ends_on,
            "progress": measure.progress,
            "goal_codes": item.goal_codes,
            "organisations": roles.get(measure.id, []),
            "updated_at": measure.updated_at,
        }
        for measure, item in zip(measures, items, strict=True)
    ]


def decided() -> ColumnElement[bool]:
    return Submission.deleted_at.is_(None) & (Submission.status == "decided")


async def _decision_rows(_context: ExportContext, submissions: Sequence[Submission]) -> list[Row]:
    return [
        {
            "id": submission.id,
            "reference": submission.reference,
            "title": submission.title,
            "kind": submission.kind,
            "body_id": submission.body_id,
            "outcome": submission.outcome,
            "outcome_label": OUTCOME_LABELS.get(submission.outcome or "", None),
            "resolution": submission.resolution,
            "votes_for": submission.votes_for,
            "votes_against": submission.votes_against,
            "abstentions": submission.abstentions,
            "decided_at": submission.decided_at,
            "decided_meeting_id": submission.decided_meeting_id,
            "updated_at": submission.updated_at,
        }
        for submission in submissions
    ]


async def addressee_names(context: ExportContext, directives: Sequence[Directive]) -> dict[uuid.UUID, str]:
    """Per directive the name of whom it is addressed to: a body, an organisation or the office."""
    bodies = await context.bodies()
    organisations = await context.organisation_names(
        [directive.addressee_organisation_id for directive in directives]
    )
    names = {}
    for directive in directives:
        if directive.addressee_kind == "body" and directive.addressee_body_id in bodies:
            names[directive.id] = bodies[directive.addressee_body_id].name
        elif directive.addressee_organisation_id in organisations:
            names[directive.id] = organisations[directive.addressee_organisation_id]
        else:
            names[directive.id] = context.settings.office_name
    return names


async def submission_references(
    context: ExportContext, directives: Sequence[Directive]
) -> dict[uuid.UUID, str | None]:
    rows = await context.session.execute(
        select(Submission.id, Submission.reference).where(
            Submission.id.in_({directive.submission_id for directive in directives})
        )
    )
    return {row.id: row.reference for row in rows}


async def _directive_rows(context: ExportContext, directives: Sequence[Directive]) -> list[Row]:
    names = await addressee_names(context, directives)
    references = await submission_references(context, directives)
    return [
        {
            "id": directive.id,
            "submission_id": directive.submission_id,
            "submission_reference": references.get(directive.submission_id),
            "text": directive.text,
            "addressee_kind": directive.addressee_kind,
            "addressee_body_id": directive.addressee_body_id,
            "addressee_organisation_id": directive.addressee_organisation_id,
            "addressee_name": names[directive.id],
            "due_on": directive.due_on,
            "status": directive.status,
            "completed_at": directive.completed_at,
            "updated_at": directive.updated_at,
        }
        for directive in directives
    ]


def published(context: ExportContext) -> ColumnElement[bool]:
    """The public catalogue's rule: published, live, not expired, of a live organisation."""
    return (
        Offer.published.is_(True)
        & Offer.deleted_at.is_(None)
        & Organisation.deleted_at.is_(None)
        & or_(Offer.valid_until.is_(None), Offer.valid_until >= context.today)
    )


def _offer_changed(context: ExportContext, since: datetime) -> ColumnElement[bool]:
    # Expiry changes no row: an offer whose last day passed since T is gone without an update.
    expired = (Offer.valid_until >= since.date()) & (Offer.valid_until < context.today)
    return or_(Offer.updated_at >= since, Organisation.deleted_at >= since, expired)


async def _offer_rows(_context: ExportContext, offers: Sequence[Offer]) -> list[Row]:
    return [
        {
            "id": offer.id,
            "organisation_id": offer.organisation_id,
            "title": offer.title,
            "description": offer.description,
            "target_groups": offer.target_groups,
            "languages": offer.languages,
            "municipalities": offer.municipalities,
            "costs": offer.costs,
            "contact": offer.contact,
            "valid_from": offer.valid_from,
            "valid_until": offer.valid_until,
            "updated_at": offer.updated_at,
        }
        for offer in offers
    ]


RESOURCES = (
    Resource(
        "bodies",
        Body,
        _same,
        lambda _context: Body.deleted_at.is_(None),
        _updated_since(Body.updated_at),
        _body_rows,
    ),
    Resource(
        "organisations",
        Organisation,
        _same,
        lambda _context: Organisation.deleted_at.is_(None),
        _updated_since(Organisation.updated_at),
        _organisation_rows,
    ),
    Resource(
        "members",
        Member,
        _same,
        lambda _context: _listed(),
        # Recording a consent moves the member's updated_at, so a withdrawal counts as a change.
        _updated_since(Member.updated_at),
        _member_rows,
    ),
    Resource(
        "memberships",
        Membership,
        lambda statement: statement.join(Member, Member.id == Membership.member_id).join(
            Body, Body.id == Membership.body_id
        ),
        lambda _context: _listed() & Body.deleted_at.is_(None),
        lambda _context, since: or_(
            Membership.updated_at >= since,
            _listing_decided_since(since),
            Member.deleted_at >= since,
            Body.deleted_at >= since,
        ),
        _membership_rows,
    ),
    Resource(
        "meetings",
        Meeting,
        lambda statement: statement.join(Body, Body.id == Meeting.body_id),
        lambda _context: Meeting.deleted_at.is_(None) & Body.deleted_at.is_(None),
        lambda _context, since: or_(Meeting.updated_at >= since, Body.deleted_at >= since),
        _meeting_rows,
    ),
    Resource(
        "measures",
        Measure,
        _same,
        lambda _context: Measure.deleted_at.is_(None),
        _updated_since(Measure.updated_at),
        _measure_rows,
    ),
    Resource(
        "decisions",
        Submission,
        _same,
        lambda _context: decided(),
        _updated_since(Submission.updated_at),
        _decision_rows,
    ),
    Resource(
        "directives",
        Directive,
        lambda statement: statement.join(Submission, Submission.id == Directive.submission_id),
        lambda _context: Directive.deleted_at.is_(None) & decided(),
        lambda _context, since: or_(Directive.updated_at >= since, Submission.updated_at >= since),
        _directive_rows,
    ),
    Resource(
        "offers",
        Offer,
        lambda statement: statement.join(Organisation, Organisation.id == Offer.organisation_id),
        published,
        _offer_changed,
        _offer_rows,
    ),
)


@dataclass(frozen=True)
class Counts:
    items: int
    deleted: int


def _write_head(out: IO[bytes], context: ExportContext, resource: str, *, incremental: bool) -> None:
    since = context.since.isoformat() if incremental and context.since else None
    out.write(
        (
            f'{{"resource":{dumps(resource)},"snapshot":{dumps(context.name)},'
            f'"incremental":{dumps(incremental)},"since":{dumps(since)},'
        ).encode()
    )


async def write_resource(builder: SnapshotBuilder, context: ExportContext, resource: Resource) -> Counts:
    """``json/<name>.json``: the items one per line as they come from the cursor, then ``deleted``."""
    session, since = context.session, context.since
    entity = resource.entity
    visible = resource.visible(context)
    changed = resource.changed(context, since) if since is not None else true()
    items = deleted = 0
    with builder.open(f"json/{resource.name}.json", JSON_TYPE, complete=since is None) as out:
        _write_head(out, context, resource.name, incremental=since is not None)
        out.write(b'"items":[')
        statement = resource.joins(select(entity)).where(visible, changed).order_by(entity.id)
        async for part in batches(session, statement):
            for row in await resource.rows(context, part):
                out.write((",\n" if items else "\n").encode() + dumps(row).encode())
                items += 1
        out.write(b'\n],"deleted":[')
        if since is not None:
            # CASE, not NOT: a consent subquery without any record is NULL, and NOT NULL is NULL.
            hidden = case((visible, 1), else_=0) == 0
            statement = resource.joins(select(entity.id)).where(changed, hidden).order_by(entity.id)
            async for ids in batches(session, statement):
                for row_id in ids:
                    out.write((",\n" if deleted else "\n").encode() + dumps(row_id).encode())
                    deleted += 1
        out.write(b"\n]}\n")
    return Counts(items, deleted)


async def write_concept(builder: SnapshotBuilder, context: ExportContext) -> bool:
    """``json/concept.json``: the adopted concept edition in force (or null), always complete."""
    current = await current_edition_id(context.session)
    edition = None
    if current is not None:
        edition = next((item for item in await public_editions(context.session) if item.id == current), None)
    with builder.open("json/concept.json", JSON_TYPE, complete=True) as out:
        _write_head(out, context, "concept", incremental=False)
        out.write(f'"edition":{dumps(edition.model_dump(mode="json") if edition else None)}}}\n'.encode())
    return edition is not None
