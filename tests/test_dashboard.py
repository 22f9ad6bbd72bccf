"""The dashboard: figures per body, field and quarter that match the lists they summarise, per role."""

from __future__ import annotations

import itertools
import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import httpx
from fastapi import FastAPI
from sqlalchemy import insert, select

from api.demo.activity import seed_activity
from api.demo.concept import seed_concept
from api.demo.measures import seed_measures
from api.demo.service import seed_directory
from api.demo.submissions import seed_submissions
from api.models import (
    Body,
    ConceptEdition,
    Directive,
    FieldOfAction,
    Goal,
    Measure,
    Meeting,
    Member,
    Membership,
    Milestone,
    Need,
    Submission,
    measure_goals,
)
from tests.conftest import Account, UserFactory, counted_statements, link_member

URL = "/api/v1/dashboard"
STATUSES = ["idea", "planned", "in_progress", "completed", "paused", "discontinued"]
BERLIN = ZoneInfo("Europe/Berlin")


def berlin_today() -> date:
    return datetime.now(UTC).astimezone(BERLIN).date()


def quarter_start(day: date, back: int = 0) -> date:
    """The first day of the quarter ``back`` quarters before the one containing ``day``."""
    index = day.year * 4 + (day.month - 1) // 3 - back
    return date(index // 4, index % 4 * 3 + 1, 1)


def quarter_label(day: date, back: int = 0) -> str:
    start = quarter_start(day, back)
    return f"{start.year}-Q{(start.month - 1) // 3 + 1}"


@dataclass
class Dataset:
    bodies: dict[str, uuid.UUID]
    goals: dict[str, uuid.UUID] = field(default_factory=dict)
    fields: dict[str, uuid.UUID] = field(default_factory=dict)
    measures: dict[str, uuid.UUID] = field(default_factory=dict)
    meetings: dict[str, uuid.UUID] = field(default_factory=dict)
    milestones: list[tuple[date, str, str]] = field(default_factory=list)  # date, measure key, title


_references = itertools.count(1)


async def build_dataset(app: FastAPI, bodies: dict[str, uuid.UUID]) -> Dataset:
    """Editions 2010 (superseded), 2018 (current) and a draft with fields and goals, then
    ``add_activity``."""
    data = Dataset(bodies=bodies)
    async with app.state.sessionmaker() as session, session.begin():
        old = ConceptEdition(kind="concept", year=2010, title="Konzept 2010", status="superseded")
        current = ConceptEdition(
            kind="concept", year=2018, title="Integrationskonzept 2018", status="adopted"
        )
        draft = ConceptEdition(kind="concept", year=2026, title="Entwurf 2026", status="draft")
        session.add_all([old, current, draft])
        await session.flush()
        old_field = FieldOfAction(edition_id=old.id, code="A", title="Sprache (2010)", position=1)
        draft_field = FieldOfAction(edition_id=draft.id, code="A", title="Sprache (Entwurf)", position=1)
        for position, (code, title) in enumerate(
            (("A", "Sprache und Bildung"), ("B", "Arbeit"), ("C", "Teilhabe")), start=1
        ):
            field_row = FieldOfAction(edition_id=current.id, code=code, title=title, position=position)
            session.add(field_row)
            await session.flush()
            data.fields[code] = field_row.id
        session.add_all([old_field, draft_field])
        await session.flush()
        goal_rows = {
            "old": Goal(edition_id=old.id, field_of_action_id=old_field.id, code="A.1", title="Alt"),
            "draft": Goal(edition_id=draft.id, field_of_action_id=draft_field.id, code="A.1", title="Neu"),
        }
        for position, code in enumerate(("A.1", "A.2", "B.1", "B.2", "C.1"), start=1):
            goal_rows[code] = Goal(
                edition_id=current.id,
                field_of_action_id=data.fields[code[0]],
                code=code,
                title=f"Ziel {code}",
                position=position,
            )
        session.add_all(goal_rows.values())
        await session.flush()
        data.goals = {key: goal.id for key, goal in goal_rows.items()}
    await add_activity(app, data)
    return data


async def add_activity(app: FastAPI, data: Dataset, *, shift: int = 0) -> None:
    """Measures in every status with goals of the current and older editions (one deleted);
    milestones in known quarters; needs; meetings of several bodies, coming, past, cancelled and
    deleted. ``shift`` > 0 adds the same again (later meetings), without recording the keys."""
    bodies = data.bodies
    today = berlin_today()
    now = datetime.now(UTC)
    record = shift == 0
    async with app.state.sessionmaker() as session, session.begin():
        plan: list[tuple[str, str, str, tuple[str, ...], bool]] = [
            ("m1", "AK Bildung", "planned", ("A.1",), False),
            ("m2", "AK Bildung", "in_progress", ("A.1", "B.1"), False),
            ("m3", "AK Bildung", "completed", ("A.1",), False),
            ("m4", "AK Familienleben", "idea", (), False),
            ("m5", "AK Teilhabe", "paused", ("B.1",), False),
            ("m6", "Steuerungsgruppe", "discontinued", ("old",), False),
            ("m7", "AK Bildung", "planned", ("draft",), False),
            ("m8", "AK Teilhabe", "in_progress", ("A.2",), True),
        ]
        measures: dict[str, uuid.UUID] = {}
        for key, body, status, goals, deleted in plan:
            measure = Measure(
                reference=f"M-2026-{next(_references):03d}",
                title=f"Maßnahme {key}",
                body_id=bodies[body],
                status=status,
                progress=100 if status == "completed" else 0,
                deleted_at=now if deleted else None,
            )
            session.add(measure)
            await session.flush()
            measures[key] = measure.id
            for goal in goals:
                await session.execute(
                    insert(measure_goals).values(measure_id=measure.id, goal_id=data.goals[goal])
                )
        if record:
            data.measures = measures

        # Milestones in known quarters (q(n) = the first day of the quarter n quarters back).
        def q(back: int, plus: int = 0) -> date:
            return quarter_start(today, back) + timedelta(days=plus)

        steps: list[tuple[str, date, int | None]] = [
            ("m1", q(3), 20),
            ("m1", q(1), 50),
            ("m1", quarter_start(today, -1) + timedelta(days=1), 90),  # next quarter: not yet
            ("m2", q(3, 1), 40),
            ("m2", q(1, 1), None),
            ("m2", q(0), 60),
            ("m3", q(9), 10),
            ("m3", q(2), 100),
            ("m8", q(1, 2), 0),  # deleted measure: ignored
        ]
        taken = {day for _key, day, _progress in steps}
        extra = [today - timedelta(days=offset) for offset in range(1, 40)]
        steps += [("m4", day, None) for day in [day for day in extra if day not in taken][:5]]
        for key, day, progress in steps:
            title = f"Schritt {key} {day.isoformat()}"
            session.add(Milestone(measure_id=measures[key], date=day, title=title, progress=progress))
            if record and key != "m8":
                data.milestones.append((day, key, title))

        session.add_all(
            [
                Need(body_id=bodies["AK Bildung"], title="Kitaplätze", status="open"),
                Need(body_id=bodies["AK Bildung"], title="Sprachkurse am Abend", status="open"),
                Need(body_id=bodies["AK Bildung"], title="Dolmetschpool", status="addressed"),
                Need(body_id=bodies["AK Bildung"], title="Gelöscht", status="open", deleted_at=now),
                Need(body_id=bodies["Netzwerk"], title="Mehr Ehrenamtliche", status="open"),
                Need(body_id=bodies["AK Teilhabe"], title="Formulare", status="resolved"),
            ]
        )

        meetings = [
            ("bildung-past", "AK Bildung", -10, "held", False),
            ("bildung-soon", "AK Bildung", 3, "planned", False),
            ("bildung-cancelled", "AK Bildung", 5, "cancelled", False),
            ("bildung-deleted", "AK Bildung", 7, "planned", True),
            ("bildung-later", "AK Bildung", 20, "invited", False),
            ("teilhabe-soon", "AK Teilhabe", 4, "planned", False),
            ("steering", "Steuerungsgruppe", 30, "planned", False),
            ("network", "Netzwerk", 60, "planned", False),
            ("network-later", "Netzwerk", 90, "planned", False),
        ]
        for key, body, days, status, deleted in meetings:
            starts = now + timedelta(days=days + shift)
            meeting = Meeting(
                body_id=bodies[body],
                title=f"Sitzung {key}",
                starts_at=starts,
                ends_at=starts + timedelta(hours=2),
                status=status,
                deleted_at=now if deleted else None,
            )
            session.add(meeting)
            await session.flush()
            if record:
                data.meetings[key] = meeting.id

        # A decided paper with an overdue directive for a body and one for the office.
        paper = Submission(
            reference=f"SG-2026-{next(_references):03d}",
            title=f"Vorlage {shift}",
            kind="request",
            body_id=bodies["AK Bildung"],
            status="decided",
            outcome="approved",
            decided_at=now - timedelta(days=20 + shift),
        )
        session.add(paper)
        await session.flush()
        session.add_all(
            [
                Directive(
                    submission_id=paper.id,
                    text=text,
                    addressee_kind=kind,
                    addressee_body_id=body_id,
                    due_on=today - timedelta(days=5),
                )
                for text, kind, body_id in (
                    ("Bericht vorlegen", "body", bodies["AK Bildung"]),
                    ("Mittel beantragen", "office", None),
                )
            ]
        )


async def seat_user(
    app: FastAPI, make_user: UserFactory, role: str, body_id: uuid.UUID, membership_role: str
) -> Account:
    account = await make_user(role)
    async with app.state.sessionmaker() as session, session.begin():
        member = Member(given_name="Sam", family_name=f"Sitz{uuid.uuid4().hex[:6]}", engagement="volunteer")
        session.add(member)
        await session.flush()
        session.add(
            Membership(
                member_id=member.id,
                body_id=body_id,
                role=membership_role,
                start_on=date.today() - timedelta(days=30),
            )
        )
        member_id = member.id
    await link_member(app, account, member_id)
    return account


async def role_accounts(
    app: FastAPI, make_user: UserFactory, bodies: dict[str, uuid.UUID]
) -> dict[str, Account]:
    return {
        "admin": await make_user("admin"),
        "coordinator": await make_user("coordinator"),
        "spokesperson": await seat_user(app, make_user, "spokesperson", bodies["AK Bildung"], "spokesperson"),
        "member": await seat_user(app, make_user, "member", bodies["AK Teilhabe"], "member"),
        "steering": await make_user("steering"),
    }


async def dashboard_of(client: httpx.AsyncClient, account: Account) -> dict[str, Any]:
    response = await client.get(URL, headers=account.headers)
    assert response.status_code == 200, response.text
    assert response.headers["Cache-Control"] == "no-store"
    result: dict[str, Any] = response.json()
    return result


def by_short_name(rows: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {row["body_short_name"]: row for row in rows}


def counts(**numbers: int) -> dict[str, int]:
    return {status: numbers.get(status, 0) for status in STATUSES}


async def test_figures_of_a_known_dataset(
    client: httpx.AsyncClient, app: FastAPI, make_user: UserFactory, bodies: dict[str, uuid.UUID]
) -> None:
    data = await build_dataset(app, bodies)
    accounts = await role_accounts(app, make_user, bodies)
    today = berlin_today()
    dashboards = {role: await dashboard_of(client, account) for role, account in accounts.items()}
    board = dashboards["admin"]

    assert board["current_edition"]["year"] == 2018
    assert board["measure_statuses"] == STATUSES

    # Measures per body: every working group (also without measures), then the steering group,
    # which has one; the deleted measure does not count; the network has none and is left out.
    async with app.state.sessionmaker() as session:
        names: dict[str, str] = dict((await session.execute(select(Body.short_name, Body.name))).all())
    groups = sorted(
        ("AK Bildung", "AK Familienleben", "AK Ausbildung und Arbeit", "AK Teilhabe"),
        key=lambda short: names[short].casefold(),
    )
    assert [row["body_short_name"] for row in board["measures_by_body"]] == [*groups, "Steuerungsgruppe"]
    per_body = by_short_name(board["measures_by_body"])
    assert per_body["AK Bildung"]["counts"] == counts(planned=2, in_progress=1, completed=1)
    assert per_body["AK Bildung"]["total"] == 4
    assert per_body["AK Familienleben"]["counts"] == counts(idea=1)
    assert per_body["AK Teilhabe"]["counts"] == counts(paused=1)
    assert per_body["AK Ausbildung und Arbeit"]["total"] == 0
    assert per_body["Steuerungsgruppe"]["counts"] == counts(discontinued=1)
    assert per_body["AK Bildung"]["body_name"] == names["AK Bildung"]

    # Per field of the current edition; the measure with goals in A and B counts in both; the
    # measures with goals of the old edition or the draft only, or none, are "without field".
    fields = [(row["code"], row["counts"], row["total"]) for row in board["measures_by_field"]]
    assert fields == [
        ("A", counts(planned=1, in_progress=1, completed=1), 3),
        ("B", counts(in_progress=1, paused=1), 2),
        ("C", counts(), 0),
        (None, counts(idea=1, planned=1, discontinued=1), 3),
    ]
    assert board["measures_by_field"][0]["field_of_action_id"] == str(data.fields["A"])
    assert board["measures_by_field"][-1]["field_of_action_id"] is None

    # A.2 has only a deleted measure.
    assert [(goal["code"], goal["field_code"]) for goal in board["goals_without_measures"]] == [
        ("A.2", "A"),
        ("B.2", "B"),
        ("C.1", "C"),
    ]
    assert board["goals_without_measures"][0]["goal_id"] == str(data.goals["A.2"])

    needs = {row["body_short_name"]: row["open"] for row in board["open_needs_by_body"]}
    assert needs == {
        "AK Bildung": 2,
        "AK Familienleben": 0,
        "AK Ausbildung und Arbeit": 0,
        "AK Teilhabe": 0,
        "Netzwerk": 1,
    }

    # Coming meetings: not the past, cancelled or deleted ones; each role sees only what it may read.
    expected_meetings = {
        "admin": ["bildung-soon", "teilhabe-soon", "bildung-later", "steering", "network"],
        "coordinator": ["bildung-soon", "teilhabe-soon", "bildung-later", "steering", "network"],
        "spokesperson": ["bildung-soon", "bildung-later"],
        "member": ["teilhabe-soon"],
        "steering": ["steering"],
    }
    totals = {"admin": 6, "coordinator": 6, "spokesperson": 2, "member": 1, "steering": 1}
    for role, keys in expected_meetings.items():
        shown = dashboards[role]["upcoming_meetings"]
        assert [meeting["id"] for meeting in shown] == [str(data.meetings[key]) for key in keys], role
        assert dashboards[role]["upcoming_meetings_total"] == totals[role], role
    soon = dashboards["spokesperson"]["upcoming_meetings"][0]
    assert (soon["title"], soon["body_short_name"], soon["status"]) == (
        "Sitzung bildung-soon",
        "AK Bildung",
        "planned",
    )
    # Measures and needs are the same for every role.
    for role, dashboard in dashboards.items():
        for key in ("measures_by_body", "measures_by_field", "goals_without_measures", "open_needs_by_body"):
            assert dashboard[key] == board[key], (role, key)

    # Progress over time: the last eight quarters, oldest first; per quarter the mean of each measure's
    # latest milestone progress up to the quarter's end (m3 from 10 long ago; m1 and m2 start later).
    progress = [
        (row["period"], row["measures"], row["average_progress"]) for row in board["progress_over_time"]
    ]
    assert progress == [
        (quarter_label(today, 7), 1, 10.0),
        (quarter_label(today, 6), 1, 10.0),
        (quarter_label(today, 5), 1, 10.0),
        (quarter_label(today, 4), 1, 10.0),
        (quarter_label(today, 3), 3, round((20 + 40 + 10) / 3, 1)),
        (quarter_label(today, 2), 3, round((20 + 40 + 100) / 3, 1)),
        (quarter_label(today, 1), 3, round((50 + 40 + 100) / 3, 1)),
        (quarter_label(today, 0), 3, 70.0),
    ]

    # The ten latest milestones up to today, newest first: no future one, none of a deleted measure.
    latest = sorted((step for step in data.milestones if step[0] <= today), reverse=True)[:10]
    assert [(row["date"], row["title"]) for row in board["recent_milestones"]] == [
        (day.isoformat(), title) for day, _key, title in latest
    ]
    first = board["recent_milestones"][0]
    assert first["measure_id"] == str(data.measures[latest[0][1]])
    assert first["reference"].startswith("M-2026-")


async def test_without_a_current_edition_every_measure_is_without_field(
    client: httpx.AsyncClient, app: FastAPI, admin: Account, bodies: dict[str, uuid.UUID]
) -> None:
    empty = await dashboard_of(client, admin)
    assert empty["current_edition"] is None
    assert empty["measures_by_field"] == [
        {
            "field_of_action_id": None,
            "code": None,
            "title": "Ohne Handlungsfeld",
            "counts": counts(),
            "total": 0,
        }
    ]
    assert empty["goals_without_measures"] == []
    assert [row["total"] for row in empty["measures_by_body"]] == [0, 0, 0, 0]
    assert empty["upcoming_meetings"] == []
    assert empty["upcoming_meetings_total"] == 0
    assert [row["measures"] for row in empty["progress_over_time"]] == [0] * 8
    assert {row["average_progress"] for row in empty["progress_over_time"]} == {None}
    assert empty["recent_milestones"] == []

    await build_dataset(app, bodies)
    async with app.state.sessionmaker() as session, session.begin():
        edition = await session.scalar(select(ConceptEdition).where(ConceptEdition.status == "adopted"))
        assert edition is not None
        edition.status = "superseded"
    board = await dashboard_of(client, admin)
    assert board["current_edition"] is None
    [without] = board["measures_by_field"]
    assert without["total"] == 7


async def test_anonymous_callers_get_401(client: httpx.AsyncClient) -> None:
    response = await client.get(URL)
    assert response.status_code == 401
    assert response.headers["Content-Type"].startswith("application/problem+json")


async def test_query_count_does_not_grow_with_the_data(
    client: httpx.AsyncClient, app: FastAPI, admin: Account, bodies: dict[str, uuid.UUID]
) -> None:
    data = await build_dataset(app, bodies)
    with counted_statements(app) as small:
        await dashboard_of(client, admin)
    for shift in range(1, 5):
        await add_activity(app, data, shift=shift)
    with counted_statements(app) as large:
        board = await dashboard_of(client, admin)
    assert by_short_name(board["measures_by_body"])["AK Bildung"]["total"] == 20
    assert (len(board["recent_decisions"]), board["overdue_directives_total"]) == (5, 10)
    assert "Stabsstelle Integration" in [d["addressee_name"] for d in board["overdue_directives"]]
    assert len(large) == len(small)
    assert len(small) <= 22, small


# --- the figures equal the lists they summarise -------------------------------------------------


async def list_total(client: httpx.AsyncClient, account: Account, path: str, **params: Any) -> int:
    response = await client.get(path, params={"limit": 1, **params}, headers=account.headers)
    assert response.status_code == 200, (path, params, response.text)
    total: int = response.json()["total"]
    return total


async def all_items(client: httpx.AsyncClient, account: Account, path: str, **params: Any) -> list[Any]:
    items: list[Any] = []
    while True:
        response = await client.get(
            path, params={"limit": 200, "offset": len(items), **params}, headers=account.headers
        )
        assert response.status_code == 200, (path, params, response.text)
        page = response.json()
        items += page["items"]
        if len(items) >= page["total"]:
            return items


async def assert_dashboard_matches_lists(client: httpx.AsyncClient, account: Account) -> dict[str, Any]:
    """Every number of the caller's dashboard equals the total of the matching list request."""
    board = await dashboard_of(client, account)
    for row in board["measures_by_body"]:
        for status in STATUSES:
            listed = await list_total(
                client, account, "/api/v1/measures", body_id=row["body_id"], status=status
            )
            assert row["counts"][status] == listed, (row["body_short_name"], status)
        assert row["total"] == await list_total(client, account, "/api/v1/measures", body_id=row["body_id"])
    all_measures = await all_items(client, account, "/api/v1/measures")
    body_ids = {row["body_id"] for row in board["measures_by_body"]}
    assert {measure["body_id"] for measure in all_measures} <= body_ids  # no body with measures left out
    for row in board["measures_by_field"]:
        for status in STATUSES:
            if row["field_of_action_id"] is None:
                listed = sum(
                    1
                    for measure in all_measures
                    if measure["status"] == status and not measure["field_of_action_ids"]
                )
            else:
                listed = await list_total(
                    client,
                    account,
                    "/api/v1/measures",
                    field_of_action_id=row["field_of_action_id"],
                    status=status,
                )
            assert row["counts"][status] == listed, (row["code"], status)
    goals = await all_items(client, account, "/api/v1/concept/goals", without_measures="true")
    assert sorted(goal["id"] for goal in goals) == sorted(
        goal["goal_id"] for goal in board["goals_without_measures"]
    )
    for row in board["open_needs_by_body"]:
        listed = await list_total(client, account, "/api/v1/needs", body_id=row["body_id"], status="open")
        assert row["open"] == listed, row["body_short_name"]
    open_needs = await all_items(client, account, "/api/v1/needs", status="open")
    assert {need["body_id"] for need in open_needs} <= {row["body_id"] for row in board["open_needs_by_body"]}
    # Coming meetings: from today on (Europe/Berlin), every status but cancelled.
    today = berlin_today().isoformat()
    coming = [
        meeting
        for meeting in await all_items(client, account, "/api/v1/meetings", **{"from": today})
        if meeting["status"] != "cancelled"
    ]
    assert board["upcoming_meetings_total"] == len(coming)
    assert board["upcoming_meetings_total"] == sum(
        [
            await list_total(client, account, "/api/v1/meetings", status=status, **{"from": today})
            for status in ("planned", "invited", "held", "minutes_approved")
        ]
    )
    assert [meeting["id"] for meeting in board["upcoming_meetings"]] == [
        meeting["id"] for meeting in coming[:5]
    ]
    assert board["overdue_directives_total"] == await list_total(
        client, account, "/api/v1/directives", overdue="true"
    )
    return board


async def test_figures_equal_the_lists_for_each_role(
    client: httpx.AsyncClient, app: FastAPI, make_user: UserFactory, bodies: dict[str, uuid.UUID]
) -> None:
    await build_dataset(app, bodies)
    accounts = await role_accounts(app, make_user, bodies)
    boards = {
        role: await assert_dashboard_matches_lists(client, account) for role, account in accounts.items()
    }
    assert boards["member"]["upcoming_meetings_total"] == 1
    assert boards["admin"]["upcoming_meetings_total"] == 6


async def test_figures_equal_the_lists_for_each_role_on_the_demo_data(
    client: httpx.AsyncClient, app: FastAPI, make_user: UserFactory, bodies: dict[str, uuid.UUID]
) -> None:
    now = datetime.now(UTC)
    async with app.state.sessionmaker() as session, session.begin():
        await seed_directory(session)
        await seed_activity(session)
        await seed_concept(session)
        await seed_measures(session)
        await seed_submissions(session)
        # A cancelled and a deleted coming meeting, a deleted measure and a deleted open need.
        coming = (
            await session.scalars(select(Meeting).where(Meeting.starts_at > now).order_by(Meeting.starts_at))
        ).all()
        coming[0].status = "cancelled"
        coming[1].deleted_at = now
        measure = await session.scalar(select(Measure).order_by(Measure.reference).limit(1))
        assert measure is not None
        measure.deleted_at = now
        need = await session.scalar(select(Need).where(Need.status == "open").limit(1))
        assert need is not None
        need.deleted_at = now

        async def seat_of(body: str, role: str) -> uuid.UUID:
            member_id: uuid.UUID | None = await session.scalar(
                select(Membership.member_id)
                .where(Membership.body_id == bodies[body], Membership.role == role)
                .order_by(Membership.member_id)
                .limit(1)
            )
            assert member_id is not None
            return member_id

        spokesperson_member = await seat_of("AK Bildung", "spokesperson")
        plain_member = await seat_of("AK Teilhabe", "member")
        member_bodies = set(
            (
                await session.scalars(select(Membership.body_id).where(Membership.member_id == plain_member))
            ).all()
        )
    accounts = {
        "admin": await make_user("admin"),
        "coordinator": await make_user("coordinator"),
        "spokesperson": await make_user("spokesperson"),
        "member": await make_user("member"),
        "steering": await make_user("steering"),
    }
    await link_member(app, accounts["spokesperson"], spokesperson_member)
    await link_member(app, accounts["member"], plain_member)

    boards = {
        role: await assert_dashboard_matches_lists(client, account) for role, account in accounts.items()
    }
    admin_board = boards["admin"]
    assert sum(row["total"] for row in admin_board["measures_by_body"]) >= 50
    assert admin_board["current_edition"] is not None
    assert len(admin_board["measures_by_field"]) > 1
    assert admin_board["recent_milestones"]
    assert any(row["measures"] for row in admin_board["progress_over_time"])
    assert {meeting["body_id"] for meeting in boards["member"]["upcoming_meetings"]} <= {
        str(body_id) for body_id in member_bodies
    }
    assert boards["member"]["upcoming_meetings_total"] < admin_board["upcoming_meetings_total"]
    assert {meeting["body_short_name"] for meeting in boards["steering"]["upcoming_meetings"]} <= {
        "Steuerungsgruppe"
    }
