"""Settings refuse unsafe secrets; the netzwerk command migrates, creates admins, seeds."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from collections import Counter
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from pydantic import SecretStr, ValidationError
from sqlalchemy import func, select

from api.core.config import Settings
from api.core.db import create_engine, create_sessionmaker
from api.models import (
    AgendaItem,
    Attendance,
    Body,
    ConceptEdition,
    Directive,
    FieldOfAction,
    Goal,
    Measure,
    MeasureOrganisation,
    Meeting,
    Member,
    Membership,
    Milestone,
    Need,
    Offer,
    Organisation,
    ReferenceCounter,
    Submission,
    User,
    measure_goals,
    measure_needs,
)

BERLIN = ZoneInfo("Europe/Berlin")
STRONG = "Zq8v3T1nKx0pLr5Ws2Yb7Hc4Jd9Fm6Ge-a1b2c3d4"


def test_short_jwt_secret_is_refused_everywhere() -> None:
    for env in ("development", "production"):
        with pytest.raises(ValidationError, match="at least 32 bytes"):
            Settings(env=env, jwt_secret=SecretStr("too-short"))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "secret",
    ["change-me-change-me-change-me-change-me", "placeholder" * 4, "my-example-secret-0123456789abcdef"],
)
def test_placeholder_secret_is_refused_in_production_only(secret: str) -> None:
    with pytest.raises(ValidationError, match="placeholder"):
        Settings(env="production", jwt_secret=SecretStr(secret))
    assert Settings(env="development", jwt_secret=SecretStr(secret)).signing_key == secret


def test_production_needs_a_jwt_secret() -> None:
    with pytest.raises(ValidationError, match="must be set in production"):
        Settings(env="production", jwt_secret=None)
    assert Settings(env="production", jwt_secret=SecretStr(STRONG)).signing_key == STRONG


def test_development_secret_is_generated_once_with_mode_0600(tmp_path: Path) -> None:
    first = Settings(data_dir=tmp_path, jwt_secret=None).signing_key
    second = Settings(data_dir=tmp_path, jwt_secret=None).signing_key
    assert first == second
    assert len(first.encode()) >= 32
    assert stat.S_IMODE((tmp_path / "jwt-secret").stat().st_mode) == 0o600


def test_cors_origins_from_a_comma_list(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NETZWERK_CORS_ORIGINS", "https://intranet.gifhorn.de, https://partner.example")
    assert Settings().cors_origins == ["https://intranet.gifhorn.de", "https://partner.example"]


def _netzwerk(data_dir: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {key: value for key, value in os.environ.items() if not key.startswith("NETZWERK_")}
    environment |= {"NETZWERK_DATA_DIR": str(data_dir), "NETZWERK_LOG_LEVEL": "WARNING", **env}
    return subprocess.run(
        [sys.executable, "-m", "api.cli", *args],
        env=environment,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


async def _count(data_dir: Path, model: type[User | Body | Organisation | Member]) -> int:
    engine = create_engine(Settings(data_dir=data_dir).effective_database_url)
    async with create_sessionmaker(engine)() as session:
        count = await session.scalar(select(func.count()).select_from(model))
    await engine.dispose()
    return count or 0


async def test_migrate_creates_first_admin_from_settings(tmp_path: Path) -> None:
    result = _netzwerk(
        tmp_path,
        "migrate",
        NETZWERK_ADMIN_EMAIL="chefin@gifhorn.de",
        NETZWERK_ADMIN_PASSWORD="ein sicheres Passwort",
    )
    assert result.returncode == 0, result.stderr
    assert "Created the first administrator chefin@gifhorn.de" in result.stdout
    again = _netzwerk(
        tmp_path,
        "migrate",
        NETZWERK_ADMIN_EMAIL="chefin@gifhorn.de",
        NETZWERK_ADMIN_PASSWORD="ein sicheres Passwort",
    )
    assert again.returncode == 0
    assert await _count(tmp_path, User) == 1


async def test_migrate_without_admin_settings_says_how(tmp_path: Path) -> None:
    result = _netzwerk(tmp_path, "migrate")
    assert result.returncode == 0, result.stderr
    assert "netzwerk create-admin" in result.stdout
    created = _netzwerk(
        tmp_path,
        "create-admin",
        "--email",
        "it@gifhorn.de",
        "--password",
        "langes passwort 1",
        "--name",
        "IT",
    )
    assert created.returncode == 0, created.stderr
    assert await _count(tmp_path, User) == 1


async def test_seed_demo_is_idempotent_and_believable(tmp_path: Path) -> None:
    first = _netzwerk(tmp_path, "seed-demo")
    assert first.returncode == 0, first.stderr
    assert "Demo data: 6 bodies, 40 organisations, 150 members" in first.stdout
    assert "Demo activity: " in first.stdout
    activity_before = await _activity(tmp_path)
    second = _netzwerk(tmp_path, "seed-demo")
    assert "Demo data: 0 bodies, 0 organisations, 0 members, 0 memberships created." in second.stdout
    assert "Demo activity: 0 meetings, 0 offers, 0 needs created." in second.stdout
    assert "Demo concept: 0 editions, 0 fields of action, 0 goals, 0 measures, 0 milestones created." in (
        second.stdout
    )
    assert "Demo steering group: 0 submissions, 0 directives created." in second.stdout
    assert await _activity(tmp_path) == activity_before
    assert await _count(tmp_path, Body) == 6
    assert await _count(tmp_path, Organisation) == 40
    assert await _count(tmp_path, Member) == 150

    engine = create_engine(Settings(data_dir=tmp_path).effective_database_url)
    async with create_sessionmaker(engine)() as session:
        leads = (
            await session.execute(
                select(Body.short_name, Membership.role, Membership.function_label)
                .join(Membership, Membership.body_id == Body.id)
                .where(Membership.role.in_(("spokesperson", "chair")))
            )
        ).all()
        emails = (await session.scalars(select(Member.email))).all()
    await engine.dispose()
    spokespersons = sorted(short for short, role, _ in leads if role == "spokesperson")
    assert spokespersons == ["AK Ausbildung und Arbeit", "AK Bildung", "AK Familienleben", "AK Teilhabe"]
    assert [(short, label) for short, role, label in leads if role == "chair"] == [
        ("Steuerungsgruppe", "Landrat")
    ]
    assert all(email is not None and email.endswith(".example.org") for email in emails)


async def _activity(data_dir: Path) -> tuple[int, int, int, int]:
    """Counts of meetings, agenda items, offers and needs."""
    engine = create_engine(Settings(data_dir=data_dir).effective_database_url)
    async with create_sessionmaker(engine)() as session:
        counts = [
            await session.scalar(select(func.count()).select_from(model)) or 0
            for model in (Meeting, AgendaItem, Offer, Need)
        ]
    await engine.dispose()
    return counts[0], counts[1], counts[2], counts[3]


async def test_seed_demo_plans_a_year_of_meetings_offers_and_needs(tmp_path: Path) -> None:
    result = _netzwerk(tmp_path, "seed-demo")
    assert result.returncode == 0, result.stderr
    now = datetime.now(UTC)
    engine = create_engine(Settings(data_dir=tmp_path).effective_database_url)
    async with create_sessionmaker(engine)() as session:
        bodies = {body.id: body for body in (await session.scalars(select(Body))).all()}
        meetings = list((await session.scalars(select(Meeting).order_by(Meeting.starts_at))).all())
        items = {item.id: item for item in (await session.scalars(select(AgendaItem))).all()}
        offers = list((await session.scalars(select(Offer))).all())
        needs = list((await session.scalars(select(Need))).all())
        attended = set(
            (
                await session.scalars(select(Attendance.meeting_id).where(Attendance.presence.is_not(None)))
            ).all()
        )
    await engine.dispose()

    # The demo papers add the steering group's meeting of the half-year before (two past meetings).
    earlier = [meeting for meeting in meetings if meeting.starts_at <= now - timedelta(days=190)]
    assert len(earlier) <= 1
    assert {bodies[meeting.body_id].short_name for meeting in earlier} <= {"Steuerungsgruppe"}
    meetings = [meeting for meeting in meetings if meeting not in earlier]
    per_body = Counter(bodies[meeting.body_id].short_name for meeting in meetings)
    assert all(4 <= per_body[short] <= 5 for short in ("AK Bildung", "AK Familienleben", "AK Teilhabe"))
    assert per_body["Steuerungsgruppe"] == 2
    assert min(meeting.starts_at for meeting in meetings) > now - timedelta(days=190)
    assert max(
        meeting.starts_at for meeting in meetings if bodies[meeting.body_id].kind != "network"
    ) < now + timedelta(days=190)
    network = [meeting for meeting in meetings if bodies[meeting.body_id].kind == "network"]
    [coming] = [meeting for meeting in network if meeting.starts_at > now]
    assert coming.starts_at < now + timedelta(days=367)
    assert coming.registration_capacity == 80
    assert coming.theme
    for meeting in meetings:
        local = (meeting.starts_at.astimezone(BERLIN).time(), meeting.ends_at.astimezone(BERLIN).time())
        assert local == (time(15, 0), time(17, 0))
        agenda = [item for item in items.values() if item.meeting_id == meeting.id]
        assert len(agenda) >= 4
        assert sorted(item.position for item in agenda) == list(range(1, len(agenda) + 1))
        if meeting.ends_at < now:
            assert meeting.status == "minutes_approved"
            assert meeting.minutes_markdown.startswith("# Protokoll")
            assert meeting.minutes_approved_at is not None
            assert meeting.id in attended
        else:
            assert meeting.status in ("planned", "invited")
            assert meeting.minutes_markdown == ""
            assert meeting.id not in attended

    assert 20 <= len(offers) <= 30
    assert 0 < sum(offer.published for offer in offers) < len(offers)
    presented = [
        items[offer.presented_at_agenda_item_id] for offer in offers if offer.presented_at_agenda_item_id
    ]
    assert len(presented) >= 5
    assert {item.kind for item in presented} == {"offer_presentation"}
    assert 15 <= len(needs) <= 25
    assert {need.status for need in needs} == {"open", "addressed", "escalated", "resolved", "dismissed"}
    meetings_by_id = {meeting.id: meeting for meeting in meetings}
    for need in needs:
        assert need.raised_at_agenda_item_id is not None
        item = items[need.raised_at_agenda_item_id]
        assert item.kind == "needs"
        assert meetings_by_id[item.meeting_id].body_id == need.body_id
        assert need.status_note or need.status in ("open",)


async def test_seed_demo_adds_the_concept_editions_and_measures_in_every_status(tmp_path: Path) -> None:
    result = _netzwerk(tmp_path, "seed-demo")
    assert result.returncode == 0, result.stderr
    assert "Demo concept: 4 editions" in result.stdout
    today = datetime.now(UTC).date()
    engine = create_engine(Settings(data_dir=tmp_path).effective_database_url)
    async with create_sessionmaker(engine)() as session:
        editions = list((await session.scalars(select(ConceptEdition).order_by(ConceptEdition.year))).all())
        fields = list((await session.scalars(select(FieldOfAction))).all())
        goals = list((await session.scalars(select(Goal))).all())
        bodies = {body.id: body for body in (await session.scalars(select(Body))).all()}
        measures = list((await session.scalars(select(Measure))).all())
        roles = (await session.execute(select(MeasureOrganisation))).scalars().all()
        milestones = list((await session.scalars(select(Milestone))).all())
        goal_links = (await session.execute(select(measure_goals))).all()
        need_links = (await session.execute(select(measure_needs))).all()
        needs = {need.id: need for need in (await session.scalars(select(Need))).all()}
        items = list(
            (await session.scalars(select(AgendaItem).where(AgendaItem.measure_id.is_not(None)))).all()
        )
        counters = {
            (row.prefix, row.year): row.last_number
            for row in (await session.scalars(select(ReferenceCounter))).all()
        }
    await engine.dispose()

    by_year = {(edition.year, edition.kind): edition for edition in editions}
    principles = by_year[(2008, "guiding_principles")]
    assert (principles.status, principles.adopted_on, principles.adopted_by) == (
        "adopted",
        date(2008, 12, 18),
        "Kreistag des Landkreises Gifhorn",
    )
    assert "Achtung voreinander und gegenseitige Wertschätzung" in principles.introduction
    assert by_year[(2010, "concept")].status == "superseded"
    edition_2018 = by_year[(2018, "concept")]
    assert edition_2018.status == "adopted"
    assert by_year[(2010, "concept")].superseded_on == edition_2018.adopted_on
    [draft] = [edition for edition in editions if edition.status == "draft"]
    assert draft.derived_from_edition_id == edition_2018.id
    assert all(edition.demo_content and "Demo-Inhalt" in edition.introduction for edition in editions)
    assert not [field for field in fields if field.edition_id == principles.id]

    fields_by_id = {field.id: field for field in fields}
    goals_by_id = {goal.id: goal for goal in goals}
    fields_2018 = [field for field in fields if field.edition_id == edition_2018.id]
    assert {field.title for field in fields_2018} >= {"Sprache und Bildung", "Arbeit und Ausbildung"}
    for field in fields_2018:
        field_goals = [goal for goal in goals if goal.field_of_action_id == field.id]
        assert 3 <= len(field_goals) <= 5
        assert all(goal.code.startswith(f"{field.code}.") for goal in field_goals)
    # 2018 carries fields and goals over from 2010; the draft copies every 2018 row it keeps.
    carried = [field for field in fields_2018 if field.origin_id is not None]
    assert carried
    edition_2010 = by_year[(2010, "concept")]
    assert all(fields_by_id[f.origin_id].edition_id == edition_2010.id for f in carried if f.origin_id)
    draft_goals = [goal for goal in goals if goal.edition_id == draft.id]
    assert {goals_by_id[goal.origin_id].edition_id for goal in draft_goals if goal.origin_id} == {
        edition_2018.id
    }
    assert [goal.code for goal in draft_goals if goal.origin_id is None]  # added in the draft
    assert len(draft_goals) != len([goal for goal in goals if goal.edition_id == edition_2018.id])

    # About 60 measures in every status, each with a lead organisation and consistent progress.
    assert 55 <= len(measures) <= 65
    assert {measure.status for measure in measures} == {
        "idea",
        "planned",
        "in_progress",
        "completed",
        "paused",
        "discontinued",
    }
    assert len({bodies[measure.body_id].short_name for measure in measures}) == 6
    leads = {role.measure_id for role in roles if role.role == "lead"}
    assert all(measure.id in leads for measure in measures)
    for measure in measures:
        assert 0 <= measure.progress <= 100
        if measure.status == "completed":
            assert measure.progress == 100
        if measure.status in ("paused", "discontinued"):
            assert measure.status_reason
        if measure.starts_on and measure.ends_on:
            assert measure.starts_on <= measure.ends_on
    # References over several years; the counters are ahead of every seeded reference.
    numbers: dict[int, list[int]] = {}
    for measure in measures:
        prefix, year_text, number = measure.reference.split("-")
        assert prefix == "M"
        assert len(number) == 3
        numbers.setdefault(int(year_text), []).append(int(number))
    assert len(numbers) >= 5
    for year, taken in numbers.items():
        assert sorted(taken) == list(range(1, len(taken) + 1))
        assert counters[("M", year)] >= max(taken)

    # Goals of 2018 (a few of 2010), milestones for the last 8 quarters, needs and agenda items.
    linked_editions = Counter(goals_by_id[goal_id].edition_id for _, goal_id in goal_links)
    assert linked_editions[edition_2018.id] >= len(measures)
    assert 1 <= linked_editions[edition_2010.id] <= 10
    # Progress over time: each of the 7 full quarters before the current one has dated progress.
    dated = {
        (milestone.date.year, (milestone.date.month - 1) // 3)
        for milestone in milestones
        if milestone.progress is not None and milestone.date <= today
    }
    quarter = today.year * 4 + (today.month - 1) // 3
    assert all(divmod(quarter - back, 4) in dated for back in range(1, 8))
    assert len(need_links) >= 4
    assert all(needs[need_id].status == "addressed" for _, need_id in need_links)
    need_fields = [need.field_of_action_id for need in needs.values()]
    assert {fields_by_id[field_id].edition_id for field_id in need_fields if field_id} == {edition_2018.id}
    assert None not in need_fields
    assert items
    assert {item.kind for item in items} == {"measure_development"}
    origins = [measure for measure in measures if measure.origin_agenda_item_id is not None]
    assert origins
    assert all(measure.origin_meeting_id is not None for measure in origins)


async def test_seed_demo_adds_steering_papers_decisions_and_directives(tmp_path: Path) -> None:
    result = _netzwerk(tmp_path, "seed-demo")
    assert result.returncode == 0, result.stderr
    assert "Demo steering group: 7 submissions, 4 directives created." in result.stdout
    now = datetime.now(UTC)
    engine = create_engine(Settings(data_dir=tmp_path).effective_database_url)
    async with create_sessionmaker(engine)() as session:
        submissions = list((await session.scalars(select(Submission))).all())
        directives = list((await session.scalars(select(Directive))).all())
        meetings = {meeting.id: meeting for meeting in (await session.scalars(select(Meeting))).all()}
        items = list(
            (await session.scalars(select(AgendaItem).where(AgendaItem.submission_id.is_not(None)))).all()
        )
    await engine.dispose()

    decided = [paper for paper in submissions if paper.status == "decided"]
    decided_at = {paper.decided_meeting_id for paper in decided}
    assert len(decided) == 4
    assert len(decided_at) == 2
    assert all(meetings[meeting_id].starts_at < now for meeting_id in decided_at if meeting_id)
    assert {paper.outcome for paper in decided} == {"approved", "approved_with_changes", "noted", "rejected"}
    assert {directive.status for directive in directives} == {"open", "in_progress", "done"}
    assert any(d.status != "done" and d.due_on < now.date() for d in directives)
    scheduled = [paper for paper in submissions if paper.status == "scheduled"]
    assert len(scheduled) == 1
    assert scheduled[0].meeting_id is not None
    assert meetings[scheduled[0].meeting_id].starts_at > now
    assert [paper.status for paper in submissions].count("draft") == 1
    references = [paper.reference for paper in submissions if paper.reference]
    assert len(references) == len(set(references)) == 6
    assert {item.submission_id for item in items} == {paper.id for paper in decided + scheduled}
