"""Settings refuse unsafe secrets; the netzwerk command migrates, creates admins, seeds."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from collections import Counter
from datetime import UTC, datetime, time, timedelta
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
    Meeting,
    Member,
    Membership,
    Need,
    Offer,
    Organisation,
    User,
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
