"""Deterministic benchmark data at three sizes, written straight into a migrated database.

S is one county's network; L is ten, XL a hundred of them in one installation (as if every German
county's network ran on this platform). Each county gets four working groups and a steering group;
the network plenary is shared. Ten years of meetings with agenda and attendance, measures with
partners, goals, milestones and indicators, offers, needs, submissions with decisions and
directives, consents, and the audit trail they would have left.

    python -m bench.generate --size XL --database-url postgresql+asyncpg://postgres@127.0.0.1/bench_xl

The same seed, size and day give the same rows. The database must be empty or freshly migrated;
``--reset`` empties a PostgreSQL database first. The accounts for the load run are written to
``bench/.data/<size>.json`` (see ``bench/run.py``).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import time
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from pydantic import SecretStr
from sqlalchemy import Table, delete, func, insert, select, text
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from api.bodies.service import seed_bodies
from api.cli import migrate
from api.core.config import Settings
from api.core.db import create_engine, create_sessionmaker
from api.core.security import hash_password, new_client_secret, token_hash
from api.models import (
    AgendaItem,
    ApiClient,
    Attendance,
    AuditEvent,
    Body,
    CalendarToken,
    ConceptEdition,
    ConsentRecord,
    Directive,
    FieldOfAction,
    Goal,
    Indicator,
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
    submission_measures,
)
from api.models.organisation import MUNICIPALITIES, ORGANISATION_KINDS

SIZES = {"S": 1, "L": 10, "XL": 100}
PASSWORD = "bench password 2026"
DATA_DIR = Path(__file__).resolve().parent / ".data"
BATCH = 5_000

# Per county (scale unit).
MEMBERS = 300
ORGANISATIONS = 60
MEASURES = 300
SUBMISSIONS_PER_YEAR = 10
YEARS = 10
ATTENDANCE_PER_MEETING = 10
AUDIT_ROWS = 10_000

GIVEN = (
    "Anna",
    "Ben",
    "Clara",
    "Deniz",
    "Elif",
    "Farid",
    "Greta",
    "Hasan",
    "Ida",
    "Jonas",
    "Katarina",
    "Lukas",
    "Mariam",
    "Nils",
    "Olga",
    "Paul",
    "Rania",
    "Sven",
    "Tamara",
    "Yusuf",
    "Zofia",
    "Omar",
)
FAMILY = (
    "Albers",
    "Bauer",
    "Celik",
    "Dietrich",
    "Ekinci",
    "Fischer",
    "Hoffmann",
    "Ivanova",
    "Jansen",
    "Kaya",
    "Lange",
    "Meyer",
    "Nowak",
    "Özdemir",
    "Petersen",
    "Rahimi",
    "Schulz",
    "Türk",
    "Vogel",
    "Wagner",
    "Yilmaz",
    "Zimmermann",
)
LANGUAGES = ("de", "en", "ar", "tr", "uk", "ru", "fa", "ps", "ku", "pl", "ro", "ti")
TOPICS = (
    "Sprachkurs",
    "Elterncafé",
    "Bewerbungstraining",
    "Patenschaft",
    "Beratung",
    "Hausaufgabenhilfe",
    "Frauentreff",
    "Integrationslotsen",
    "Sportangebot",
    "Ausbildungsmesse",
    "Kita-Einstieg",
    "Wohnungssuche",
    "Gesundheitslotsen",
    "Dolmetscherpool",
    "Ehrenamtsschulung",
)
PLACES = ("Gifhorn", "Wittingen", "Meinersen", "Hankensbüttel", "Brome", "Wesendorf", "Isenbüttel")
TARGET_GROUPS = ("Familien", "Jugendliche", "Frauen", "Geflüchtete", "Fachkräfte", "Senioren")
ACTIONS = (
    "member.update",
    "member.create",
    "measure.update",
    "meeting.update",
    "offer.update",
    "auth.login",
    "consent.record",
    "export.members",
    "attendance.update",
    "need.update",
)


def uuid_of(rng: random.Random) -> uuid.UUID:
    return uuid.UUID(int=rng.getrandbits(128), version=4)


def moment(day: date, hour: int = 12) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=UTC)


@dataclass
class County:
    """The ids one county's rows refer to."""

    index: int
    working_groups: list[uuid.UUID] = field(default_factory=list)
    steering: uuid.UUID | None = None
    organisations: list[uuid.UUID] = field(default_factory=list)
    members: list[uuid.UUID] = field(default_factory=list)
    meetings: list[uuid.UUID] = field(default_factory=list)
    steering_meetings: list[tuple[uuid.UUID, date]] = field(default_factory=list)
    measures: list[uuid.UUID] = field(default_factory=list)


class Writer:
    """Buffers rows per table and inserts them in batches (executemany), parents before children."""

    def __init__(self, connection: AsyncConnection) -> None:
        self.connection = connection
        self.pending: dict[Table, list[dict[str, Any]]] = {}
        self.counts: dict[str, int] = {}

    def add(self, table: Any, **row: Any) -> None:
        target: Table = table.__table__ if hasattr(table, "__table__") else table
        self.pending.setdefault(target, []).append(row)

    async def flush(self) -> None:
        for target, rows in self.pending.items():
            for start in range(0, len(rows), BATCH):
                await self.connection.execute(insert(target), rows[start : start + BATCH])
            self.counts[target.name] = self.counts.get(target.name, 0) + len(rows)
        self.pending = {}


def stamps(rng: random.Random, created: datetime, now: datetime) -> dict[str, Any]:
    """created_at, updated_at (some time after creation, never in the future) and the version."""
    span = max((now - created).total_seconds(), 1.0)
    updated = created + timedelta(seconds=rng.random() * span * rng.choice((0, 0.1, 0.5, 1)))
    return {"created_at": created, "updated_at": min(updated, now), "version": 1}


class Generator:
    def __init__(self, writer: Writer, rng: random.Random, today: date) -> None:
        self.w = writer
        self.rng = rng
        self.today = today
        self.now = moment(today)
        self.first_year = today.year - YEARS + 1
        self.goals: list[uuid.UUID] = []
        self.network: uuid.UUID | None = None
        self.measure_number: dict[int, int] = {}
        self.submission_number: dict[int, int] = {}

    def past(self, years: float = YEARS) -> datetime:
        return self.now - timedelta(days=self.rng.random() * 365 * years)

    def concept(self) -> None:
        rng = self.rng
        edition = uuid_of(rng)
        created = moment(date(2018, 3, 1))
        self.w.add(
            ConceptEdition,
            id=edition,
            kind="concept",
            year=2018,
            title="Integrationskonzept 2018",
            introduction="Benchmark-Konzept.",
            status="adopted",
            adopted_on=date(2018, 6, 1),
            adopted_by="Kreistag",
            demo_content=False,
            **stamps(rng, created, self.now),
        )
        for f in range(8):
            field_id = uuid_of(rng)
            code = chr(ord("A") + f)
            self.w.add(
                FieldOfAction,
                id=field_id,
                edition_id=edition,
                code=code,
                title=f"Handlungsfeld {code}",
                description="",
                position=f,
                **stamps(rng, created, self.now),
            )
            for g in range(4):
                goal = uuid_of(rng)
                self.goals.append(goal)
                self.w.add(
                    Goal,
                    id=goal,
                    edition_id=edition,
                    field_of_action_id=field_id,
                    code=f"{code}.{g + 1}",
                    title=f"Ziel {code}.{g + 1}",
                    description="",
                    position=g,
                    **stamps(rng, created, self.now),
                )

    def county(self, county: County, seeded: Sequence[Body]) -> None:
        rng, w = self.rng, self.w
        suffix = "" if county.index == 0 else f" {county.index + 1}"
        if county.index == 0:
            county.working_groups = [b.id for b in seeded if b.kind == "working_group"]
            county.steering = next(b.id for b in seeded if b.kind == "steering_group")
        else:
            for name in ("Bildung", "Familienleben", "Ausbildung und Arbeit", "Teilhabe"):
                body = uuid_of(rng)
                county.working_groups.append(body)
                w.add(
                    Body,
                    id=body,
                    kind="working_group",
                    name=f"Arbeitskreis {name}{suffix}",
                    short_name=f"AK {name}{suffix}",
                    description="",
                    guiding_question="",
                    cadence="quarterly",
                    **stamps(rng, self.past(), self.now),
                )
            county.steering = uuid_of(rng)
            w.add(
                Body,
                id=county.steering,
                kind="steering_group",
                name=f"Steuerungsgruppe{suffix}",
                short_name=f"SG{suffix}",
                description="",
                guiding_question="",
                cadence="half_yearly",
                **stamps(rng, self.past(), self.now),
            )

        for o in range(ORGANISATIONS):
            org = uuid_of(rng)
            county.organisations.append(org)
            place = rng.choice(PLACES)
            w.add(
                Organisation,
                id=org,
                name=f"{rng.choice(TOPICS)}werk {place} {county.index + 1}-{o + 1}",
                short_name=None,
                kind=rng.choice(ORGANISATION_KINDS),
                street=f"Hauptstraße {o + 1}",
                postal_code="38518",
                city=place,
                municipality=rng.choice(MUNICIPALITIES),
                website=None,
                email=f"kontakt{o}@org{county.index}.example.org",
                phone="0000 1234",
                **stamps(rng, self.past(), self.now),
            )

        for m in range(MEMBERS):
            member = uuid_of(rng)
            county.members.append(member)
            joined = self.past().date()
            status = rng.choices(("active", "inactive", "left"), (85, 10, 5))[0]
            w.add(
                Member,
                id=member,
                title=None,
                given_name=rng.choice(GIVEN),
                family_name=rng.choice(FAMILY),
                email=f"person{m}.c{county.index}@example.org",
                phone="0000 555" if m % 3 else None,
                organisation_id=rng.choice(county.organisations) if m % 5 else None,
                engagement=rng.choice(("professional", "volunteer")),
                function=None,
                languages=rng.sample(LANGUAGES, rng.randint(1, 3)),
                status=status,
                joined_on=joined,
                left_on=None,
                internal_notes="",
                **stamps(rng, moment(joined), self.now),
            )
            for purpose, share in (("directory_listing", 0.7), ("contact_sharing", 0.4)):
                if rng.random() < share:
                    w.add(
                        ConsentRecord,
                        id=uuid_of(rng),
                        member_id=member,
                        purpose=purpose,
                        action="given",
                        text_version="2026-01",
                        channel="paper",
                        recorded_at=moment(joined),
                    )

        seats = [(body, 20) for body in county.working_groups] + [(county.steering, 12)]
        for body, size in seats:
            for position, member in enumerate(rng.sample(county.members, size)):
                role = "spokesperson" if position == 0 else "member"
                if body == county.steering:
                    role = "chair" if position == 0 else "member"
                start = self.past().date()
                w.add(
                    Membership,
                    id=uuid_of(rng),
                    member_id=member,
                    body_id=body,
                    role=role,
                    function_label=None,
                    organisation_id=None,
                    start_on=start,
                    end_on=None if position % 7 else start + timedelta(days=400),
                    voting_right=True,
                    **stamps(rng, moment(start), self.now),
                )

        self.meetings(county)
        self.measures(county)
        self.offers_and_needs(county)
        self.submissions(county)
        self.audit(county)

    def meetings(self, county: County) -> None:
        rng, w = self.rng, self.w
        assert county.steering is not None
        plan: list[tuple[uuid.UUID, int, str]] = [(b, 4, "Sitzung") for b in county.working_groups]
        plan.append((county.steering, 2, "Sitzung der Steuerungsgruppe"))
        if county.index == 0:
            plan.append((self.network_id, 1, "Netzwerktreffen"))
        for body, per_year, title in plan:
            for year in range(self.first_year, self.today.year + 2):
                for n in range(per_year):
                    month = 1 + n * (12 // per_year) + rng.randint(0, 12 // per_year - 1)
                    day = date(year, month, rng.randint(1, 28))
                    starts = datetime(year, month, day.day, 14, tzinfo=UTC)
                    if day < self.today:
                        status = rng.choices(("minutes_approved", "held", "cancelled"), (80, 15, 5))[0]
                    else:
                        status = "invited" if (day - self.today).days < 30 else "planned"
                    meeting = uuid_of(rng)
                    county.meetings.append(meeting)
                    if body == county.steering:
                        county.steering_meetings.append((meeting, day))
                    created = starts - timedelta(days=60)
                    w.add(
                        Meeting,
                        id=meeting,
                        body_id=body,
                        title=f"{n + 1}. {title} {year}",
                        number=f"{year}/{n + 1}",
                        starts_at=starts,
                        ends_at=starts + timedelta(hours=2),
                        location_address=f"Rathaus {rng.choice(PLACES)}",
                        location_room="Saal 1",
                        online_url=None,
                        theme=rng.choice(TOPICS),
                        status=status,
                        ical_sequence=0,
                        minutes_markdown="Protokoll." if status == "minutes_approved" else "",
                        guests=[],
                        **stamps(rng, created, min(self.now, created + timedelta(days=90))),
                    )
                    for position in range(5):
                        w.add(
                            AgendaItem,
                            id=uuid_of(rng),
                            meeting_id=meeting,
                            position=position,
                            number=f"TOP {position + 1}",
                            title=f"{rng.choice(TOPICS)}",
                            kind="exchange",
                            notes="",
                            result="",
                            **stamps(rng, created, self.now),
                        )
                    attendees = county.members if body == self.network_id else county.members[:120]
                    for member in rng.sample(attendees, ATTENDANCE_PER_MEETING):
                        past = day < self.today
                        w.add(
                            Attendance,
                            id=uuid_of(rng),
                            meeting_id=meeting,
                            member_id=member,
                            response=rng.choice(("accepted", "declined")) if past else "pending",
                            presence=rng.choice(("present", "excused", "absent")) if past else None,
                            **stamps(rng, created, self.now),
                        )

    @property
    def network_id(self) -> uuid.UUID:
        assert self.network is not None
        return self.network

    def measures(self, county: County) -> None:
        rng, w = self.rng, self.w
        for _ in range(MEASURES):
            measure = uuid_of(rng)
            county.measures.append(measure)
            created = self.past()
            year = created.year
            self.measure_number[year] = number = self.measure_number.get(year, 0) + 1
            starts = created.date() + timedelta(days=30)
            status = rng.choice(("idea", "planned", "in_progress", "in_progress", "completed", "paused"))
            w.add(
                Measure,
                id=measure,
                reference=f"M-{year}-{number:04d}",
                title=f"{rng.choice(TOPICS)} in {rng.choice(PLACES)}",
                description="Eine Maßnahme des Netzwerks.",
                body_id=rng.choice(county.working_groups),
                target_group=rng.choice(TARGET_GROUPS),
                status=status,
                status_reason="",
                starts_on=starts,
                ends_on=starts + timedelta(days=365),
                progress=rng.randint(0, 100),
                **stamps(rng, created, self.now),
            )
            for position, org in enumerate(rng.sample(county.organisations, 2)):
                w.add(
                    MeasureOrganisation,
                    measure_id=measure,
                    organisation_id=org,
                    role="lead" if position == 0 else "partner",
                )
            for goal in rng.sample(self.goals, rng.randint(1, 2)):
                w.add(measure_goals, measure_id=measure, goal_id=goal)
            for step in range(2):
                w.add(
                    Milestone,
                    id=uuid_of(rng),
                    measure_id=measure,
                    date=starts + timedelta(days=90 * step),
                    title=f"Meilenstein {step + 1}",
                    note="",
                    progress=50 * step,
                    **stamps(rng, created, self.now),
                )
            w.add(
                Indicator,
                id=uuid_of(rng),
                measure_id=measure,
                name="Teilnehmende",
                unit="Personen",
                baseline=0.0,
                target=50.0,
                actuals=[{"period": f"{year}-Q4", "value": float(rng.randint(0, 60))}],
                position=0,
                **stamps(rng, created, self.now),
            )

    def offers_and_needs(self, county: County) -> None:
        rng, w = self.rng, self.w
        for org in county.organisations:
            for _ in range(2):
                w.add(
                    Offer,
                    id=uuid_of(rng),
                    organisation_id=org,
                    title=f"{rng.choice(TOPICS)} für {rng.choice(TARGET_GROUPS)}",
                    description="Ein Angebot.",
                    target_groups=rng.sample(TARGET_GROUPS, 2),
                    languages=rng.sample(LANGUAGES, 2),
                    municipalities=rng.sample(MUNICIPALITIES, 2),
                    costs="kostenlos",
                    contact=None,
                    published=rng.random() < 0.7,
                    **stamps(rng, self.past(), self.now),
                )
        for _ in range(50):
            w.add(
                Need,
                id=uuid_of(rng),
                body_id=rng.choice(county.working_groups),
                title=f"Bedarf: {rng.choice(TOPICS)}",
                description="",
                status=rng.choice(("open", "addressed", "resolved")),
                status_note="",
                **stamps(rng, self.past(), self.now),
            )

    def submissions(self, county: County) -> None:
        rng, w = self.rng, self.w
        for meeting, day in county.steering_meetings:
            for _ in range(SUBMISSIONS_PER_YEAR // 2):
                submission = uuid_of(rng)
                submitted = moment(day - timedelta(days=30))
                decided = day < self.today
                status = "decided" if decided else rng.choice(("draft", "submitted", "scheduled"))
                reference = None
                if status != "draft":
                    year = submitted.year
                    self.submission_number[year] = n = self.submission_number.get(year, 0) + 1
                    reference = f"SG-{year}-{n:04d}"
                w.add(
                    Submission,
                    id=submission,
                    reference=reference,
                    title=f"Vorlage: {rng.choice(TOPICS)}",
                    kind=rng.choice(("report", "request", "recommendation")),
                    body_id=rng.choice(county.working_groups),
                    situation="Sachverhalt.",
                    proposed_resolution="Die Steuerungsgruppe beschließt.",
                    rationale="Begründung.",
                    status=status,
                    submitted_at=submitted if reference else None,
                    meeting_id=meeting if status in ("scheduled", "decided") else None,
                    outcome="approved" if decided else None,
                    resolution="Beschlossen." if decided else "",
                    votes_for=8 if decided else None,
                    votes_against=1 if decided else None,
                    abstentions=0 if decided else None,
                    decided_at=moment(day) if decided else None,
                    decided_meeting_id=meeting if decided else None,
                    **stamps(rng, submitted, self.now),
                )
                w.add(submission_measures, submission_id=submission, measure_id=rng.choice(county.measures))
                if decided:
                    due = day + timedelta(days=rng.randint(30, 400))
                    done = due < self.today and rng.random() < 0.8
                    w.add(
                        Directive,
                        id=uuid_of(rng),
                        submission_id=submission,
                        text="Bitte umsetzen.",
                        addressee_kind="body",
                        addressee_body_id=rng.choice(county.working_groups),
                        due_on=due,
                        status="done" if done else "open",
                        completion_note="Erledigt." if done else "",
                        completed_at=moment(due) if done else None,
                        **stamps(rng, moment(day), self.now),
                    )

    def audit(self, county: County) -> None:
        rng, w = self.rng, self.w
        for _ in range(AUDIT_ROWS):
            action = rng.choice(ACTIONS)
            object_type = action.split(".")[0]
            w.add(
                AuditEvent,
                id=uuid_of(rng),
                occurred_at=self.past(),
                actor_id=None,
                action=action,
                object_type=object_type,
                object_id=str(rng.choice(county.members)),
                outcome="success",
                request_id=None,
                client_address="127.0.0.1",
                details={"fields": ["status"]},
            )


async def accounts(connection: AsyncConnection) -> dict[str, Any]:
    """The coordinator, a partner API client and a calendar feed for the load run (secrets are new)."""
    organisation = await connection.scalar(select(Organisation.id).order_by(Organisation.name).limit(1))
    member = await connection.scalar(select(Member.id).order_by(Member.id).limit(1))
    await connection.execute(
        insert(User),
        [
            {
                "email": "bench-coordinator@example.org",
                "name": "Bench Koordination",
                "password_hash": hash_password(PASSWORD),
                "roles": ["admin", "coordinator"],
                "is_active": True,
                "version": 1,
            }
        ],
    )
    client_id, secret = uuid.uuid4(), new_client_secret()
    await connection.execute(
        insert(ApiClient),
        [
            {
                "id": client_id,
                "name": "Bench-Partner",
                "organisation_id": organisation,
                "scopes": ["meetings:read", "offers:read", "measures:read", "directory:read", "export"],
                "secret_hash": token_hash(secret),
                "secret_version": 1,
                "requests_per_minute": 1_000_000,
                "version": 1,
            }
        ],
    )
    calendar_secret = new_client_secret()
    await connection.execute(
        insert(CalendarToken), [{"member_id": member, "token_hash": token_hash(calendar_secret)}]
    )
    return {
        "coordinator": {"username": "bench-coordinator@example.org", "password": PASSWORD},
        "partner": {"client_id": str(client_id), "client_secret": secret},
        "calendar_token": calendar_secret,
    }


async def populate(
    engine: AsyncEngine, *, counties: int, start: int = 0, seed: int = 2026, today: date | None = None
) -> dict[str, int]:
    """Add counties ``start`` .. ``start + counties - 1``; returns the rows written per table.

    County 0 also brings the concept; later calls continue the reference numbers, so the data can
    grow step by step (the query-count test does that).
    """
    async with create_sessionmaker(engine)() as session, session.begin():
        await seed_bodies(session)
        bodies = list((await session.scalars(select(Body).order_by(Body.short_name))).all())
    async with engine.begin() as connection:
        writer = Writer(connection)
        gen = Generator(writer, random.Random(seed + start), today or datetime.now(UTC).date())
        gen.network = next(b.id for b in bodies if b.kind == "network")
        if start == 0:
            gen.concept()
        else:
            gen.goals = list((await connection.scalars(select(Goal.id).order_by(Goal.code))).all())
        counters = (await connection.execute(select(ReferenceCounter.__table__))).all()
        numbers = {"M": gen.measure_number, "SG": gen.submission_number}
        for prefix, year, last in counters:
            if prefix in numbers:
                numbers[prefix][year] = last
        for index in range(start, start + counties):
            county = County(index)
            gen.county(county, bodies)
            await writer.flush()
        await connection.execute(delete(ReferenceCounter).where(ReferenceCounter.prefix.in_(numbers)))
        await connection.execute(
            insert(ReferenceCounter),
            [
                {"prefix": prefix, "year": year, "last_number": last}
                for prefix, by_year in numbers.items()
                for year, last in by_year.items()
            ],
        )
    return writer.counts


async def generate(database_url: str, size: str, seed: int) -> dict[str, Any]:
    engine = create_engine(database_url)
    async with engine.connect() as connection:
        if await connection.scalar(select(func.count()).select_from(Member)):
            raise SystemExit("the database already holds members; generate into an empty one (--reset)")
    started = time.perf_counter()
    rows = await populate(engine, counties=SIZES[size], seed=seed)
    async with engine.begin() as connection:
        credentials = await accounts(connection)
    if database_url.startswith("postgresql"):
        async with engine.connect() as connection:
            await connection.execution_options(isolation_level="AUTOCOMMIT")
            await connection.execute(text("VACUUM ANALYZE"))
    await engine.dispose()
    return {
        "size": size,
        "seed": seed,
        "day": datetime.now(UTC).date().isoformat(),
        "database_url": database_url,
        "seconds": round(time.perf_counter() - started, 1),
        "rows": rows,
        **credentials,
    }


async def reset(database_url: str) -> None:
    if not database_url.startswith("postgresql"):
        raise SystemExit("--reset works on PostgreSQL; for SQLite, delete the file")
    engine = create_engine(database_url)
    async with engine.begin() as connection:
        await connection.execute(text("DROP SCHEMA public CASCADE"))
        await connection.execute(text("CREATE SCHEMA public"))
    await engine.dispose()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", choices=SIZES, default="S")
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--reset", action="store_true", help="empty the PostgreSQL database first")
    args = parser.parse_args(argv)
    if args.reset:
        asyncio.run(reset(args.database_url))
    migrate(Settings(database_url=args.database_url, jwt_secret=SecretStr("bench-" + "k" * 40)))
    manifest = asyncio.run(generate(args.database_url, args.size, args.seed))
    DATA_DIR.mkdir(exist_ok=True)
    (DATA_DIR / f"{args.size}.json").write_text(json.dumps(manifest, indent=2))
    total = sum(manifest["rows"].values())
    print(f"{args.size}: {total:,} rows in {manifest['seconds']} s", flush=True)


if __name__ == "__main__":
    main()
