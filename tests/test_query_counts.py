"""Every JSON list and detail GET endpoint sends as many SQL statements on three counties as on one.

The benchmark generator writes one county's network; every GET route of the app is called once and
its statements counted. Two more counties follow and the counts must be the same, so no endpoint
queries once per row (N+1) or once per anything else that grows with the data. Lists are asked for a
full page of ``SMALL_PAGE`` rows first and for their default (full) page after, so that one query per
listed row shows as growth as well.

The generator leaves some tables empty (users, API clients, webhooks, join requests, attachments,
registrations, calendar tokens) and writes a single concept edition; ``add_rows`` adds such rows in
both rounds, and more children to the meeting, submission and member whose details are read.

A new GET route is counted without changes here when its path parameters are known to ``pick_ids``;
a route that is no JSON list or detail goes into ``EXCLUDED`` with the reason.
"""

from __future__ import annotations

import re
import uuid
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

import httpx
from fastapi import FastAPI
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute, RouteContext, iter_route_contexts
from sqlalchemy import func, insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from api.models import (
    AgendaItem,
    ApiClient,
    Attachment,
    Attendance,
    Body,
    CalendarToken,
    ConceptEdition,
    ConsentRecord,
    Directive,
    FieldOfAction,
    Goal,
    JoinRequest,
    Measure,
    Meeting,
    Member,
    Membership,
    Need,
    Offer,
    Organisation,
    Registration,
    Submission,
    User,
    WebhookDelivery,
    WebhookSubscription,
    field_of_action_bodies,
    measure_goals,
    submission_measures,
)
from api.models.organisation import ORGANISATION_KINDS
from api.oparl.router import BODY_LISTS
from api.oparl.urls import BODY_KEY
from bench.generate import populate
from tests.conftest import Account, counted_statements, link_member

SMALL_PAGE = 3
# Rows ``add_rows`` writes per table: first a few, then enough to fill every default page.
FEW, MANY = 2 * SMALL_PAGE, 60
AGENDA_KINDS = ("submission", "measure_development")
PARTNER_SCOPES = [
    "directory:read",
    "export",
    "measures:progress",
    "measures:read",
    "meetings:read",
    "offers:write",
]

FILE = "a file download, not JSON"
EXCLUDED: dict[str, str] = {
    "/healthz": "health probe, no resource",
    "/readyz": "health probe, no resource",
    "/api/v1/exports/members.csv": FILE,
    "/api/v1/exports/members.xlsx": FILE,
    "/api/v1/exports/organisations.csv": FILE,
    "/api/v1/exports/organisations.xlsx": FILE,
    "/api/v1/exports/measures.csv": FILE,
    "/api/v1/exports/measures.xlsx": FILE,
    "/api/v1/exports/intranet/latest": FILE + " (ZIP)",
    "/api/v1/partner/export": FILE + " (ZIP)",
    "/api/v1/attachments/{attachment_id}/content": FILE,
    "/api/v1/meetings/{meeting_id}/minutes.pdf": FILE,
    "/api/v1/meetings/{meeting_id}/registrations.csv": FILE,
    "/api/v1/meetings/{meeting_id}/registrations.xlsx": FILE,
    "/api/v1/meetings/{meeting_id}/status-report.pdf": FILE,
    "/api/v1/meetings/{meeting_id}/status-report.docx": FILE,
    "/api/v1/submissions/{submission_id}.pdf": FILE,
    "/api/v1/submissions/{submission_id}.docx": FILE,
    "/api/v1/calendars/meetings.ics": FILE + " (iCalendar)",
    "/api/v1/calendars/bodies/{body_id}.ics": FILE + " (iCalendar)",
    "/api/v1/public/calendars/network.ics": FILE + " (iCalendar)",
    "/api/v1/calendars/private/{token}.ics": FILE + " (iCalendar, by a secret)",
    "/oparl/1.1/file/{file_id}/access": FILE,
    "/oparl/1.1/file/{file_id}/download": FILE,
    "/api/v1/invitation-responses/{token}": "addressed by the secret of an e-mailed link, not by an id",
    "/api/v1/public/registrations/{token}": "addressed by the secret of an e-mailed link, not by an id",
}
# Query parameters a route needs; ``{name}`` is filled like a path parameter.
REQUIRED_QUERY: dict[str, dict[str, str]] = {
    "/api/v1/privacy/members/{member_id}/export": {"reason": "Auskunftsersuchen nach Art. 15 DSGVO"},
    "/api/v1/concept/editions/{edition_id}/comparison": {"base": "{base_edition_id}"},
}
# Routes that read another row than the one their parameter name picks by default.
PARAMETER_OVERRIDES: dict[str, dict[str, str]] = {
    "/api/v1/meetings/{meeting_id}/status-report": {"meeting_id": "steering_meeting_id"},
}
OPARL_OBJECT = "/oparl/1.1/{kind}/{object_id}"
OPARL_SINGLE_ROUTES = (
    "/oparl/1.1",
    "/oparl/1.1/",
    "/oparl/1.1/system",
    "/oparl/1.1/body",
    "/oparl/1.1/body/{body_key}",
)
OPARL_BODY_LIST = "/oparl/1.1/body/{body_key}/{list_name}"
OPARL_ORGANIZATION_MEETINGS = "/oparl/1.1/organization/{organization_id}/meeting"


@dataclass(frozen=True)
class Targets:
    """Rows chosen once, after the first county: they get more children in every round."""

    caller: uuid.UUID
    admin_member: uuid.UUID
    meeting: uuid.UUID
    submission: uuid.UUID
    partner_client: uuid.UUID


@dataclass(frozen=True)
class Call:
    """One counted request: ``label`` names it in the results (the route, or the route and a list)."""

    label: str
    route: str
    url: str
    params: dict[str, str | int]
    headers: dict[str, str]


def get_routes(app: FastAPI) -> dict[str, RouteContext]:
    """The GET routes by path (with the prefixes of the routers they were included with)."""
    return {
        str(context.path): context
        for context in iter_route_contexts(app.routes)
        if isinstance(context.original_route, APIRoute) and "GET" in (context.methods or ())
    }


def query_names(dependant: Dependant) -> set[str]:
    names = {param.alias for param in dependant.query_params}
    for dependency in dependant.dependencies:
        names |= query_names(dependency)
    return names


def takes_limit(route: RouteContext) -> bool:
    return "limit" in query_names(route.dependant)


def fill(template: str, ids: dict[str, str]) -> str:
    return re.sub(r"{(\w+)}", lambda match: ids[match.group(1)], template)


async def first(app: FastAPI, statement: Any) -> str:
    async with app.state.sessionmaker() as session:
        value = await session.scalar(statement.limit(1))
    assert value is not None, f"no row for {statement}"
    return str(value)


def most(column: Any, *, key: Any) -> Any:
    """The value of ``column`` with the most rows, ties broken by the value itself."""
    return select(column).where(column.is_not(None)).group_by(column).order_by(func.count(key).desc(), column)


async def pick_ids(app: FastAPI, targets: Targets) -> dict[str, str]:
    """One id per path parameter, chosen the same way in every round."""
    network = select(Body.id).where(Body.kind == "network")
    steering_meeting = (
        select(Submission.decided_meeting_id)
        .where(Submission.decided_meeting_id.is_not(None))
        .group_by(Submission.decided_meeting_id)
        .order_by(func.count().desc(), Submission.decided_meeting_id)
    )
    subscription = most(WebhookDelivery.subscription_id, key=WebhookDelivery.id)
    return {
        # Not the caller, whose row the request has loaded already (no statement to read it again).
        "user_id": await first(
            app,
            select(User.id).where(User.member_id.is_not(None), User.id != targets.caller).order_by(User.id),
        ),
        "organisation_id": await first(app, most(Member.organisation_id, key=Member.id)),
        "member_id": str(targets.admin_member),
        "body_id": await first(app, most(Membership.body_id, key=Membership.id)),
        "membership_id": await first(app, select(Membership.id).order_by(Membership.id)),
        "join_request_id": await first(
            app, select(JoinRequest.id).where(JoinRequest.member_id.is_not(None)).order_by(JoinRequest.id)
        ),
        "offer_id": await first(app, select(Offer.id).where(Offer.published.is_(True)).order_by(Offer.id)),
        "need_id": await first(app, select(Need.id).order_by(Need.id)),
        "edition_id": await first(app, most(FieldOfAction.edition_id, key=FieldOfAction.id)),
        "base_edition_id": await first(
            app,
            select(ConceptEdition.id)
            .where(ConceptEdition.status == "superseded")
            .order_by(ConceptEdition.id),
        ),
        "field_id": await first(app, most(Goal.field_of_action_id, key=Goal.id)),
        "goal_id": await first(app, most(measure_goals.c.goal_id, key=measure_goals.c.measure_id)),
        "measure_id": await first(
            app, most(submission_measures.c.measure_id, key=submission_measures.c.submission_id)
        ),
        "meeting_id": str(targets.meeting),
        "steering_meeting_id": await first(app, steering_meeting),
        "submission_id": str(targets.submission),
        "attachment_id": await first(
            app, select(Attachment.id).where(Attachment.meeting_id == targets.meeting).order_by(Attachment.id)
        ),
        "directive_id": await first(app, select(Directive.id).order_by(Directive.id)),
        "client_id": str(targets.partner_client),
        "subscription_id": await first(app, subscription),
        "body_key": BODY_KEY,
        "organization_id": await first(app, network),
    }


async def choose_targets(app: FastAPI, caller: Account, partner_client: uuid.UUID) -> Targets:
    async with app.state.sessionmaker() as session:
        meeting = await session.scalar(
            select(Meeting.id)
            .join(Body, Body.id == Meeting.body_id)
            .where(Body.kind == "network")
            .order_by(Meeting.created_at, Meeting.id)
            .limit(1)
        )
        submission = await session.scalar(
            select(Submission.id).where(Submission.status == "decided").order_by(Submission.id).limit(1)
        )
        member = await session.scalar(most(Membership.member_id, key=Membership.id).limit(1))
    assert meeting is not None
    assert submission is not None
    assert member is not None
    return Targets(
        caller=caller.user.id,
        admin_member=member,
        meeting=meeting,
        submission=submission,
        partner_client=partner_client,
    )


async def add_rows(app: FastAPI, targets: Targets, admin: Account, count: int, round_number: int) -> None:
    """``count`` more rows in each table the generator leaves empty, and more children of the targets."""
    now = datetime.now(UTC)
    tag = f"r{round_number}"
    async with app.state.sessionmaker() as session, session.begin():
        linked = select(User.member_id).where(User.member_id.is_not(None))
        free_members = list(
            (
                await session.scalars(
                    select(Member.id)
                    .where(Member.id.not_in(linked), Member.id != targets.admin_member)
                    .order_by(Member.id)
                    .limit(count)
                )
            ).all()
        )
        attending = select(Attendance.member_id).where(Attendance.meeting_id == targets.meeting)
        absent_members = list(
            (
                await session.scalars(
                    select(Member.id).where(Member.id.not_in(attending)).order_by(Member.id).limit(count)
                )
            ).all()
        )
        organisations = list(
            (await session.scalars(select(Offer.organisation_id).order_by(Offer.id).limit(count))).all()
        )
        bodies = [
            str(body)
            for body in (await session.scalars(select(Body.id).order_by(Body.short_name).limit(3))).all()
        ]
        measures = list((await session.scalars(select(Measure.id).order_by(Measure.id).limit(count))).all())
        # The oldest of their kind, so that the first page of OParl's organizations shows both kinds.
        ancient = datetime(2000, 1, round_number, tzinfo=UTC)
        session.add(
            Body(
                kind="working_group",
                name=f"Arbeitskreis Archiv {tag}",
                short_name=f"AK Archiv {tag}",
                cadence="quarterly",
                created_at=ancient,
                updated_at=ancient,
            )
        )
        session.add(
            Organisation(
                name=f"Archivverein {tag}", kind=ORGANISATION_KINDS[0], created_at=ancient, updated_at=ancient
            )
        )
        for n in range(count // SMALL_PAGE):
            await add_past_edition(session, f"{tag}-{n}", year=1990 + n, body_id=uuid.UUID(bodies[0]))
        position = await session.scalar(
            select(func.count()).select_from(AgendaItem).where(AgendaItem.meeting_id == targets.meeting)
        )
        subscription = WebhookSubscription(
            client_id=targets.partner_client,
            url=f"https://partner.example.org/hooks/{tag}",
            events=["meeting.updated"],
            secret="s" * 40,
        )
        session.add(subscription)
        meeting = await session.get(Meeting, targets.meeting)
        assert meeting is not None
        meeting.registration_capacity = FEW
        await session.flush()
        oldest_subscription = await session.scalar(
            select(WebhookSubscription.id)
            .where(WebhookSubscription.client_id == targets.partner_client)
            .order_by(WebhookSubscription.created_at, WebhookSubscription.id)
            .limit(1)
        )
        assert oldest_subscription is not None
        for n in range(count):
            name = f"{tag}-{n}"
            session.add(
                User(
                    email=f"extra-{name}@example.org",
                    name=f"Extra {name}",
                    password_hash="!",
                    roles=["member", "spokesperson"] if n % 2 else ["member"],
                    member_id=free_members[n],
                )
            )
            session.add(
                ApiClient(
                    name=f"Partner {name}",
                    organisation_id=organisations[n % len(organisations)],
                    scopes=["meetings:read"],
                    secret_hash=f"{n:064d}",
                    created_by_user_id=admin.user.id,
                )
            )
            session.add(
                WebhookSubscription(
                    client_id=targets.partner_client,
                    url=f"https://partner.example.org/hooks/{name}",
                    events=["meeting.updated", "offer.updated"],
                    secret="s" * 40,
                )
            )
            session.add(
                WebhookDelivery(
                    subscription_id=oldest_subscription,
                    event="meeting.updated",
                    payload="{}",
                    status="delivered" if n % 2 else "failed",
                    attempts=1,
                    last_status_code=200 if n % 2 else 500,
                )
            )
            session.add(
                JoinRequest(
                    given_name="Jana",
                    family_name=f"Beitritt {name}",
                    email=f"join-{name}@example.org",
                    engagement="volunteer",
                    working_group_ids=bodies,
                    privacy_text_version="2026-01",
                    status="accepted" if n % 2 else "open",
                    decided_at=now if n % 2 else None,
                    decided_by_user_id=admin.user.id if n % 2 else None,
                    member_id=free_members[n] if n % 2 else None,
                )
            )
            kind = AGENDA_KINDS[n % len(AGENDA_KINDS)]
            item = AgendaItem(
                meeting_id=targets.meeting,
                position=(position or 0) + n,
                number=f"TOP {(position or 0) + n + 1}",
                title=f"Weiterer Punkt {name}",
                kind=kind,
                submission_id=targets.submission if kind == "submission" else None,
                measure_id=measures[n % len(measures)] if kind == "measure_development" else None,
            )
            session.add(item)
            await session.flush()
            for owner in (
                {"meeting_id": targets.meeting, "agenda_item_id": item.id},
                {"submission_id": targets.submission},
            ):
                session.add(
                    Attachment(
                        **owner,
                        filename=f"Anlage {name}.pdf",
                        media_type="application/pdf",
                        size=100 + n,
                        sha256=f"{n:064x}",
                        uploaded_by_user_id=admin.user.id,
                    )
                )
            session.add(
                Attendance(meeting_id=targets.meeting, member_id=absent_members[n], response="accepted")
            )
            session.add(
                Registration(
                    meeting_id=targets.meeting,
                    given_name="Rita",
                    family_name=f"Anmeldung {name}",
                    email=f"registration-{name}@example.org",
                    privacy_text_version="2026-01",
                    status="waitlisted" if n % 2 else "confirmed",
                    cancel_token_hash=f"{tag}{n:062d}",
                    created_at=now - timedelta(minutes=count - n),
                )
            )
            session.add(CalendarToken(member_id=targets.admin_member, token_hash=f"{tag}{n:062x}"))
            session.add(
                ConsentRecord(
                    member_id=targets.admin_member,
                    purpose=("directory_listing", "contact_sharing", "photo")[n % 3],
                    action="withdrawn" if n % 2 else "given",
                    text_version="2026-01",
                    channel="paper",
                    recorded_at=now - timedelta(minutes=count - n),
                    recorded_by_user_id=admin.user.id,
                )
            )


async def add_past_edition(session: AsyncSession, name: str, *, year: int, body_id: uuid.UUID) -> None:
    """A superseded edition with one field of action (worked on by a body) and one goal."""
    edition = ConceptEdition(
        kind="concept",
        year=year,
        title=f"Integrationskonzept {name}",
        status="superseded",
        adopted_on=date(year, 6, 1),
        adopted_by="Kreistag",
        superseded_on=date(year + 1, 6, 1),
    )
    session.add(edition)
    await session.flush()
    field_of_action = FieldOfAction(edition_id=edition.id, code="A", title=f"Handlungsfeld {name}")
    session.add(field_of_action)
    await session.flush()
    session.add(Goal(edition_id=edition.id, field_of_action_id=field_of_action.id, code="A.1", title="Ziel"))
    await session.execute(
        insert(field_of_action_bodies), [{"field_of_action_id": field_of_action.id, "body_id": body_id}]
    )


async def register_partner(app: FastAPI, client: httpx.AsyncClient, admin: Account) -> tuple[uuid.UUID, str]:
    organisation = await first(app, most(Offer.organisation_id, key=Offer.id))
    response = await client.post(
        "/api/v1/api-clients",
        json={
            "name": "Zählender Partner",
            "organisation_id": organisation,
            "scopes": PARTNER_SCOPES,
            "requests_per_minute": 6000,
        },
        headers=admin.headers,
    )
    assert response.status_code == 201, response.text
    registered = response.json()
    return uuid.UUID(registered["id"]), registered["client_secret"]


async def partner_headers(client: httpx.AsyncClient, client_id: uuid.UUID, secret: str) -> dict[str, str]:
    response = await client.post(
        "/api/v1/auth/token",
        data={"grant_type": "client_credentials", "client_id": str(client_id), "client_secret": secret},
    )
    assert response.status_code == 200, response.text
    return {"Authorization": f"Bearer {response.json()['access_token']}"}


def calls_of(
    routes: dict[str, RouteContext],
    ids: dict[str, str],
    *,
    small: bool,
    user: Account,
    partner: dict[str, str],
) -> list[Call]:
    """The calls of every route outside OParl (``measure_oparl`` calls those) and ``EXCLUDED``."""
    calls = []
    for path, route in routes.items():
        if path in EXCLUDED or path.startswith("/oparl/"):
            continue
        if path.startswith("/api/v1/partner/"):
            headers = partner
        elif path.startswith("/api/v1/public/"):
            headers = {}
        else:
            headers = user.headers
        route_ids = ids | {name: ids[key] for name, key in PARAMETER_OVERRIDES.get(path, {}).items()}
        params: dict[str, str | int] = {
            name: fill(value, route_ids) for name, value in REQUIRED_QUERY.get(path, {}).items()
        }
        if small and takes_limit(route):
            params["limit"] = SMALL_PAGE
        calls.append(Call(path, path, fill(path, route_ids), params, headers))
    return calls


def listed_rows(response: httpx.Response) -> int | None:
    """How many rows a list answer holds (``items``, OParl's ``data`` or a bare array); None for others."""
    body = response.json()
    if isinstance(body, list):
        return len(body)
    rows = body.get("items", body.get("data")) if isinstance(body, dict) else None
    return len(rows) if isinstance(rows, list) else None


@dataclass
class Round:
    """The statements of every call of one round, by label."""

    statements: dict[str, list[str]] = field(default_factory=dict)
    rows: dict[str, int | None] = field(default_factory=dict)
    failures: list[str] = field(default_factory=list)
    covered: set[str] = field(default_factory=set)

    async def count(self, app: FastAPI, client: httpx.AsyncClient, call: Call) -> httpx.Response:
        with counted_statements(app) as statements:
            response = await client.get(call.url, params=call.params, headers=call.headers)
        self.statements[call.label] = statements
        self.covered.add(call.route)
        if response.status_code != 200 or "json" not in response.headers.get("Content-Type", ""):
            self.failures.append(f"{call.label}: {response.status_code} {response.text[:300]}")
        else:
            self.rows[call.label] = listed_rows(response)
        return response


def shape(sql: str) -> str:
    """A statement without its layout and the length of its IN lists, to tell the added ones apart."""
    sql = re.sub(r"\$\d+|%s", "?", " ".join(sql.split()))
    return re.sub(r"\(\?(, \?)*\)", "(?...)", sql)


def changes(before: Round, after: Round) -> list[str]:
    """The calls whose statement count differs, with the rows listed and the statements added."""
    lines = []
    for label, statements in before.statements.items():
        later = after.statements.get(label, [])
        if len(later) == len(statements):
            continue
        rows = f", rows {before.rows[label]} -> {after.rows.get(label)}" if before.rows.get(label) else ""
        lines.append(f"{label}: {len(statements)} -> {len(later)} statements{rows}")
        added = Counter(map(shape, later)) - Counter(map(shape, statements))
        lines += [f"    {times} more: {sql[:200]}" for sql, times in added.items()]
    return lines


async def measure_round(
    app: FastAPI,
    client: httpx.AsyncClient,
    routes: dict[str, RouteContext],
    ids: dict[str, str],
    *,
    small: bool,
    user: Account,
    partner: dict[str, str],
    oparl_objects: dict[str, str],
) -> Round:
    result = Round()
    for call in calls_of(routes, ids, small=small, user=user, partner=partner):
        await result.count(app, client, call)
    await measure_oparl(app, client, ids, small=small, result=result, objects=oparl_objects)
    return result


async def measure_oparl(
    app: FastAPI,
    client: httpx.AsyncClient,
    ids: dict[str, str],
    *,
    small: bool,
    result: Round,
    objects: dict[str, str],
) -> None:
    """The OParl lists (not in the OpenAPI document) and one object of each list's type. The first
    round puts each list's first object into ``objects``; later rounds read the same objects."""
    params: dict[str, str | int] = {"limit": SMALL_PAGE} if small else {}
    lists = {
        f"{OPARL_BODY_LIST} {name}": fill(OPARL_BODY_LIST, ids | {"list_name": name}) for name in BODY_LISTS
    }
    lists[OPARL_ORGANIZATION_MEETINGS] = fill(OPARL_ORGANIZATION_MEETINGS, ids)
    for path in OPARL_SINGLE_ROUTES:
        lists[path] = fill(path, ids)
    for label, url in lists.items():
        route, _, kind = label.partition(" ")
        response = await result.count(app, client, Call(label, route, url, params, {}))
        data = response.json().get("data") if response.status_code == 200 else None
        if kind and data and kind not in objects:
            objects[kind] = httpx.URL(data[0]["id"]).path
    for kind, url in objects.items():
        await result.count(app, client, Call(f"{OPARL_OBJECT} {kind}", OPARL_OBJECT, url, {}, {}))


async def test_statement_counts_do_not_grow_with_the_data(
    app: FastAPI, client: httpx.AsyncClient, admin: Account
) -> None:
    today = datetime.now(UTC).date()
    routes = get_routes(app)
    enumerated = set(routes)
    assert set(EXCLUDED) <= enumerated, f"EXCLUDED names no route: {sorted(set(EXCLUDED) - enumerated)}"

    await populate(app.state.engine, counties=1, today=today)
    partner_client, secret = await register_partner(app, client, admin)
    partner = await partner_headers(client, partner_client, secret)
    targets = await choose_targets(app, admin, partner_client)
    await link_member(app, admin, targets.admin_member)
    await add_rows(app, targets, admin, FEW, 1)
    oparl_objects: dict[str, str] = {}
    one_county = await measure_round(
        app,
        client,
        routes,
        await pick_ids(app, targets),
        small=True,
        user=admin,
        partner=partner,
        oparl_objects=oparl_objects,
    )

    await populate(app.state.engine, counties=2, start=1, today=today)
    await add_rows(app, targets, admin, MANY, 2)
    three_counties = await measure_round(
        app,
        client,
        routes,
        await pick_ids(app, targets),
        small=False,
        user=admin,
        partner=partner,
        oparl_objects=oparl_objects,
    )

    unclassified = enumerated - one_county.covered - set(EXCLUDED)
    assert not unclassified, f"GET routes neither counted nor in EXCLUDED: {sorted(unclassified)}"
    problems = [*one_county.failures, *three_counties.failures, *changes(one_county, three_counties)]
    assert not problems, "Failed requests and statement counts that changed (one county -> three):\n" + (
        "\n".join(problems)
    )
