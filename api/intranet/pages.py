"""Static German HTML pages of a snapshot: readable in a browser from the file system, no server.

The pages link to each other and to the data files relatively, carry their stylesheet inline (each
page is one file; nothing beside it is fetched, which file:// pages may not do by script) and need
no script. Jinja renders them asynchronously, so the long lists are async generators fed from
server-side cursors and each page is written to disk chunk by chunk as it is rendered.
"""

from __future__ import annotations

import re
import unicodedata
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from sqlalchemy import Select, case, func, select

from api.calendars.ics import BERLIN, berlin_time_range
from api.concept.refs import current_edition_id
from api.concept.schemas import PublicEdition
from api.concept.service import public_editions
from api.consents.repository import consent_given, members_with_consent
from api.exports.measures import MEASURE_STATUS_DE
from api.intranet.calendars import ALL_CALENDAR, body_calendar
from api.intranet.context import AnySelect, ExportContext, converted
from api.intranet.resources import addressee_names, decided, published, submission_references
from api.intranet.snapshot import SnapshotBuilder
from api.models import Body, Directive, Measure, Meeting, Member, Membership, Offer, Organisation, Submission
from api.models.member import LEAD_ROLES
from api.submissions.documents import KIND_LABELS
from api.submissions.service import OUTCOME_LABELS

TEMPLATES = Path(__file__).parent / "templates"
HTML_TYPE = "text/html; charset=utf-8"
BODY_KINDS = {"network": "Netzwerk", "steering_group": "Steuerungsgruppe", "working_group": "Arbeitskreis"}
KIND_ORDER = {"network": 0, "steering_group": 1, "working_group": 2}
CADENCES = {"quarterly": "vierteljährlich", "half_yearly": "halbjährlich", "yearly": "jährlich"}
ROLES = {
    "chair": "Vorsitz",
    "deputy_chair": "stellv. Vorsitz",
    "spokesperson": "Sprecher:in",
    "deputy_spokesperson": "Stellvertretung",
    "member": "Mitglied",
    "guest": "Gast",
}
ROLE_ORDER = {role: index for index, role in enumerate(ROLES)}
MEETING_STATUSES = {
    "planned": "Geplant",
    "invited": "Eingeladen",
    "held": "Durchgeführt",
    "minutes_approved": "Protokoll genehmigt",
    "cancelled": "Abgesagt",
}
DIRECTIVE_STATUSES = {"open": "Offen", "in_progress": "In Bearbeitung", "done": "Erledigt"}
LANGUAGES = {
    "de": "Deutsch", "en": "Englisch", "ar": "Arabisch", "tr": "Türkisch", "ru": "Russisch",
    "uk": "Ukrainisch", "pl": "Polnisch", "fr": "Französisch", "es": "Spanisch", "it": "Italienisch",
    "pt": "Portugiesisch", "fa": "Persisch", "ps": "Paschtu", "ku": "Kurdisch", "sq": "Albanisch",
    "sr": "Serbisch", "hr": "Kroatisch", "bs": "Bosnisch", "ro": "Rumänisch", "bg": "Bulgarisch",
    "el": "Griechisch", "ti": "Tigrinya", "so": "Somali", "vi": "Vietnamesisch", "zh": "Chinesisch",
}  # fmt: skip
NAVIGATION = (
    ("index.html", "Start"),
    ("gremien.html", "Gremien"),
    ("sitzungen.html", "Sitzungen"),
    ("massnahmen.html", "Maßnahmen"),
    ("beschluesse.html", "Beschlüsse"),
    ("angebote.html", "Angebote"),
    ("konzept.html", "Konzept"),
)
UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def _date(value: date | None) -> str:
    return value.strftime("%d.%m.%Y") if value else ""


def _moment(value: datetime | None) -> str:
    return value.astimezone(BERLIN).strftime("%d.%m.%Y, %H:%M Uhr") if value else ""


def _languages(codes: Sequence[str]) -> str:
    return ", ".join(LANGUAGES.get(code, code) for code in codes)


_environment = Environment(
    loader=FileSystemLoader(TEMPLATES),
    autoescape=select_autoescape(default=True, default_for_string=True),
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
    enable_async=True,
)
_environment.filters.update(
    datum=_date,
    zeitpunkt=_moment,
    sprachen=_languages,
    sitzungszeit=berlin_time_range,
)
_environment.globals.update(
    navigation=NAVIGATION,
    body_kinds=BODY_KINDS,
    cadences=CADENCES,
    roles=ROLES,
    meeting_statuses=MEETING_STATUSES,
    measure_statuses=MEASURE_STATUS_DE,
    directive_statuses=DIRECTIVE_STATUSES,
    outcomes=OUTCOME_LABELS,
    submission_kinds=KIND_LABELS,
)


def slugify(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text.lower().translate(UMLAUTS)).encode("ascii", "ignore")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.decode()).strip("-")


def body_slugs(bodies: Sequence[Body]) -> dict[uuid.UUID, str]:
    """A file name part per body from its short name, unique (the id is added on a clash)."""
    slugs: dict[uuid.UUID, str] = {}
    for body in sorted(bodies, key=lambda body: (body.created_at, body.id)):
        slug = slugify(body.short_name) or str(body.id)
        if slug in slugs.values():
            slug = f"{slug}-{body.id}"
        slugs[body.id] = slug
    return slugs


def body_page(slug: str) -> str:
    return f"gremium-{slug}.html"


@dataclass(frozen=True)
class BodyLink:
    body: Body
    page: str
    calendar: str
    members: int


@dataclass(frozen=True)
class Download:
    label: str
    path: str
    size: int


async def _render(builder: SnapshotBuilder, page: str, template: str, context: dict[str, Any]) -> None:
    with builder.open(page, HTML_TYPE, complete=True) as out:
        async for chunk in _environment.get_template(template).generate_async(page=page, **context):
            out.write(chunk.encode("utf-8"))


def _count(statement: AnySelect) -> Select[int]:
    return select(func.count()).select_from(statement.subquery())


class Pages:
    """Writes the pages of one snapshot; ``write`` returns how many it wrote."""

    def __init__(self, builder: SnapshotBuilder, context: ExportContext, slugs: dict[uuid.UUID, str]) -> None:
        self.builder = builder
        self.context = context
        self.session = context.session
        self.slugs = slugs
        self.now = context.created_at
        self.pages = 0
        self.common: dict[str, Any] = {
            "site_name": context.settings.site_name,
            "county_name": context.settings.county_name,
            "office_name": context.settings.office_name,
            "snapshot_name": context.name,
            "snapshot_time": _moment(context.created_at),
            "incremental_since": _moment(context.since) if context.since else None,
        }

    async def _page(self, page: str, template: str, **values: Any) -> None:
        await _render(self.builder, page, template, {**self.common, **values})
        self.pages += 1

    async def write(self, downloads: list[Download]) -> int:
        bodies = await self._bodies()
        for link in bodies:
            await self._body(link)
        await self._page("gremien.html", "bodies.html", title="Gremien", bodies=bodies)
        await self._meetings()
        await self._measures()
        await self._decisions()
        await self._offers()
        edition = await self._concept()
        await self._index(bodies, edition, downloads)
        return self.pages

    # --- queries -----------------------------------------------------------------------------

    def _live_bodies(self) -> Select[Any]:
        return select(Body).where(Body.deleted_at.is_(None))

    def _listed_members(self, body_id: uuid.UUID) -> Select[Membership, Member]:
        """The body's current memberships of live members who consent to being listed."""
        return (
            select(Membership, Member)
            .join(Member, Member.id == Membership.member_id)
            .where(
                Membership.body_id == body_id,
                Membership.start_on <= self.context.today,
                Membership.end_on.is_(None) | (Membership.end_on >= self.context.today),
                Member.deleted_at.is_(None),
                consent_given("directory_listing"),
            )
        )

    def _coming_meetings(self) -> Select[Any]:
        return (
            select(Meeting)
            .join(Body, Body.id == Meeting.body_id)
            .where(Meeting.deleted_at.is_(None), Body.deleted_at.is_(None), Meeting.ends_at >= self.now)
        )

    async def _bodies(self) -> list[BodyLink]:
        bodies = sorted(
            await self.session.scalars(self._live_bodies()),
            key=lambda body: (KIND_ORDER.get(body.kind, 9), body.name, body.id),
        )
        links = []
        for body in bodies:
            count = await self.session.scalar(_count(self._listed_members(body.id)))
            slug = self.slugs[body.id]
            links.append(BodyLink(body, body_page(slug), body_calendar(slug), count or 0))
        return links

    async def _member_rows(self, rows: Sequence[Any]) -> list[dict[str, Any]]:
        members = [row.Member for row in rows]
        sharing = await members_with_consent(
            self.session, [member.id for member in members], "contact_sharing"
        )
        organisations = await self.context.organisation_names([member.organisation_id for member in members])
        return [
            {
                "name": member.display_name,
                "role": membership.role,
                "function": membership.function_label or member.function,
                "organisation": organisations.get(member.organisation_id) if member.organisation_id else None,
                "email": member.email if member.id in sharing else None,
                "phone": member.phone if member.id in sharing else None,
            }
            for membership, member in rows
        ]

    async def _body(self, link: BodyLink) -> None:
        body = link.body
        listed = self._listed_members(body.id)
        role_rank = case(ROLE_ORDER, value=Membership.role, else_=len(ROLE_ORDER))
        ordered = listed.order_by(role_rank, Member.family_name, Member.given_name, Membership.id)
        leads = [
            row
            async for row in converted(
                self.session, listed.where(Membership.role.in_(LEAD_ROLES)), self._member_rows, scalars=False
            )
        ]
        leads.sort(key=lambda row: ROLE_ORDER.get(row["role"], 99))
        meetings = list(
            await self.session.scalars(
                self._coming_meetings()
                .where(Meeting.body_id == body.id)
                .order_by(Meeting.starts_at, Meeting.id)
            )
        )
        await self._page(
            link.page,
            "body.html",
            title=body.name,
            link=link,
            leads=leads,
            members=converted(self.session, ordered, self._member_rows, scalars=False),
            meetings=meetings,
        )

    async def _meetings(self) -> None:
        statement = self._coming_meetings()
        count = await self.session.scalar(_count(statement))
        bodies = await self.context.bodies()

        async def rows(meetings: Sequence[Meeting]) -> list[dict[str, Any]]:
            return [
                {
                    "meeting": meeting,
                    "body": bodies[meeting.body_id],
                    "page": body_page(self.slugs[meeting.body_id]),
                }
                for meeting in meetings
            ]

        await self._page(
            "sitzungen.html",
            "meetings.html",
            title="Kommende Sitzungen",
            count=count or 0,
            meetings=converted(self.session, statement.order_by(Meeting.starts_at, Meeting.id), rows),
            calendar=ALL_CALENDAR,
        )

    async def _measures(self) -> None:
        live = select(Measure).where(Measure.deleted_at.is_(None))
        counts = (
            select(Measure.status, func.count()).where(Measure.deleted_at.is_(None)).group_by(Measure.status)
        )
        by_status: dict[str, int] = dict((await self.session.execute(counts)).all())
        bodies = await self.context.bodies()

        async def rows(measures: Sequence[Measure]) -> list[dict[str, Any]]:
            return [{"measure": measure, "body": bodies[measure.body_id]} for measure in measures]

        await self._page(
            "massnahmen.html",
            "measures.html",
            title="Maßnahmen",
            count=sum(by_status.values()),
            by_status=[(status, by_status.get(status, 0)) for status in MEASURE_STATUS_DE],
            measures=converted(self.session, live.order_by(Measure.reference, Measure.id), rows),
        )

    async def _decisions(self) -> None:
        decisions = select(Submission).where(decided())
        directives = (
            select(Directive)
            .join(Submission, Submission.id == Directive.submission_id)
            .where(Directive.deleted_at.is_(None), decided())
        )
        bodies = await self.context.bodies()

        async def decision_rows(submissions: Sequence[Submission]) -> list[dict[str, Any]]:
            return [
                {"submission": submission, "body": bodies[submission.body_id]} for submission in submissions
            ]

        async def directive_rows(items: Sequence[Directive]) -> list[dict[str, Any]]:
            names = await addressee_names(self.context, items)
            references = await submission_references(self.context, items)
            return [
                {
                    "directive": item,
                    "addressee": names[item.id],
                    "reference": references.get(item.submission_id),
                    "overdue": item.status != "done" and item.due_on < self.context.today,
                }
                for item in items
            ]

        await self._page(
            "beschluesse.html",
            "decisions.html",
            title="Beschlüsse und Handlungsanweisungen",
            decision_count=await self.session.scalar(_count(decisions)) or 0,
            decisions=converted(
                self.session,
                decisions.order_by(Submission.decided_at.desc(), Submission.id),
                decision_rows,
            ),
            directive_count=await self.session.scalar(_count(directives)) or 0,
            directives=converted(
                self.session, directives.order_by(Directive.due_on, Directive.id), directive_rows
            ),
        )

    async def _offers(self) -> None:
        statement = (
            select(Offer)
            .join(Organisation, Organisation.id == Offer.organisation_id)
            .where(published(self.context))
        )

        async def rows(offers: Sequence[Offer]) -> list[dict[str, Any]]:
            organisations = {
                organisation.id: organisation
                for organisation in await self.session.scalars(
                    select(Organisation).where(
                        Organisation.id.in_({offer.organisation_id for offer in offers})
                    )
                )
            }
            return [
                {"offer": offer, "organisation": organisations[offer.organisation_id]} for offer in offers
            ]

        await self._page(
            "angebote.html",
            "offers.html",
            title="Angebote der Netzwerkpartner",
            count=await self.session.scalar(_count(statement)) or 0,
            offers=converted(self.session, statement.order_by(func.lower(Offer.title), Offer.id), rows),
        )

    async def _concept(self) -> PublicEdition | None:
        current = await current_edition_id(self.session)
        edition = None
        if current is not None:
            edition = next((item for item in await public_editions(self.session) if item.id == current), None)
        await self._page("konzept.html", "concept.html", title="Integrationskonzept", edition=edition)
        return edition

    async def _index(
        self, bodies: list[BodyLink], edition: PublicEdition | None, downloads: list[Download]
    ) -> None:
        coming = await self.session.scalar(_count(self._coming_meetings())) or 0
        await self._page(
            "index.html",
            "index.html",
            title=self.context.settings.site_name,
            bodies=bodies,
            coming=coming,
            edition=edition,
            downloads=downloads,
            generated=datetime.now(UTC),
        )
