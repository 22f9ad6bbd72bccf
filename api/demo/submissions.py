"""Demo papers of the working groups to the steering group, with decisions and directives.

Two past steering meetings (the demo activity's, completed with earlier ones where it has fewer)
decided two papers each, with directives in every state (one overdue); the next steering meeting
has one scheduled paper and one submitted, and a working group holds a draft. Fictional content.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from api.core.audit import record_audit
from api.core.references import next_reference
from api.meetings.service import BERLIN
from api.models import Body, Directive, Meeting, Need, Submission, submission_needs
from api.submissions.service import put_on_agenda

PAST_STATUSES = ("held", "minutes_approved")
OPEN_STATUSES = ("planned", "invited")

# (body short name, kind, title, situation, proposed resolution)
PAPERS = (
    (
        "AK Familienleben",
        "request",
        "Kinderbetreuung während der Integrationskurse",
        "Viele Mütter mit kleinen Kindern können einen Integrationskurs nicht besuchen, weil es keine "
        "Betreuung gibt. Die Kursträger melden freie Plätze, die Wartelisten der Mütter wachsen.",
        "Die Steuerungsgruppe bittet den Landkreis, mit zwei Kursträgern eine kursbegleitende "
        "Kinderbetreuung zu erproben.",
    ),
    (
        "AK Bildung",
        "report",
        "Bericht: Sprachförderung in Kitas im Südkreis",
        "Der Arbeitskreis berichtet über das erste Jahr des Sprachkita-Netzwerks mit acht Kitas.",
        "Die Steuerungsgruppe nimmt den Bericht zur Kenntnis.",
    ),
    (
        "AK Ausbildung und Arbeit",
        "recommendation",
        "Sprechstunde Anerkennung ausländischer Abschlüsse",
        "Ratsuchende warten mehrere Monate auf eine Beratung zur Anerkennung. Eine monatliche "
        "Sprechstunde im Kreishaus würde Wege verkürzen.",
        "Die Steuerungsgruppe empfiehlt eine monatliche Sprechstunde mit der Beratungsstelle.",
    ),
    (
        "AK Teilhabe",
        "request",
        "Mehrsprachige Vereinsinformationen",
        "Sportvereine wünschen sich Informationen für neue Mitglieder in mehreren Sprachen.",
        "Die Steuerungsgruppe bittet um Mittel für die Übersetzung einer Vereinsmappe in sechs Sprachen.",
    ),
)
OUTCOMES = (
    ("approved_with_changes", "Die Erprobung beginnt an einem Standort; ein zweiter folgt nach Auswertung."),
    ("noted", "Die Steuerungsgruppe nimmt den Bericht zur Kenntnis und dankt dem Arbeitskreis."),
    ("approved", "Die Sprechstunde wird ab dem nächsten Quartal monatlich angeboten."),
    ("rejected", "Die Mittel stehen im laufenden Haushalt nicht zur Verfügung."),
)
# (paper index, text, addressee: "office" or a body short name, due offset days, status)
DIRECTIVES = (
    (0, "Standort und Kursträger für die Erprobung auswählen", "office", -40, "done"),
    (0, "Bedarf an Betreuungsplätzen je Kurs erheben", "AK Familienleben", -20, "open"),
    (2, "Termine der Sprechstunde mit der Beratungsstelle abstimmen", "office", 30, "in_progress"),
    (2, "Sprechstunde in den Netzwerken bekannt machen", "AK Ausbildung und Arbeit", 60, "open"),
)
COMING = (
    ("AK Teilhabe", "request", "Fahrdienst zu Abendkursen im ländlichen Raum"),
    ("AK Bildung", "recommendation", "Leseförderung in den Ferien ausweiten"),
)


@dataclass(frozen=True)
class SubmissionsResult:
    submissions: int
    directives: int


async def _steering_meetings(
    session: AsyncSession, body: Body, now: datetime
) -> tuple[list[Meeting], Meeting | None]:
    past = list(
        await session.scalars(
            select(Meeting)
            .where(Meeting.body_id == body.id, Meeting.deleted_at.is_(None), Meeting.starts_at < now)
            .order_by(Meeting.starts_at.desc())
            .limit(2)
        )
    )
    while len(past) < 2:
        earlier = (past[-1].starts_at if past else now) - timedelta(days=182)
        starts = datetime.combine(earlier.astimezone(BERLIN).date(), time(15), BERLIN).astimezone(UTC)
        meeting = Meeting(
            body_id=body.id,
            title=f"Steuerungsgruppe {starts.year} (Demo)",
            starts_at=starts,
            ends_at=starts + timedelta(hours=2),
            status="minutes_approved",
            minutes_markdown="Demo-Protokoll.",
            minutes_approved_at=starts + timedelta(days=14),
        )
        session.add(meeting)
        await session.flush()
        past.append(meeting)
    coming = await session.scalar(
        select(Meeting)
        .where(
            Meeting.body_id == body.id,
            Meeting.deleted_at.is_(None),
            Meeting.starts_at > now,
            Meeting.status.in_(OPEN_STATUSES),
        )
        .order_by(Meeting.starts_at)
        .limit(1)
    )
    return sorted(past, key=lambda meeting: meeting.starts_at), coming


async def seed_submissions(session: AsyncSession, now: datetime | None = None) -> SubmissionsResult:
    """Create the demo papers once: nothing happens when a submission exists or no steering group does."""
    now = now or datetime.now(UTC)
    steering = await session.scalar(select(Body).where(Body.kind == "steering_group"))
    if steering is None or await session.scalar(select(func.count()).select_from(Submission)):
        return SubmissionsResult(0, 0)
    bodies = {body.short_name: body for body in await session.scalars(select(Body))}
    past, coming = await _steering_meetings(session, steering, now)
    decided: list[Submission] = []
    for index, (short_name, kind, title, situation, proposal) in enumerate(PAPERS):
        meeting = past[index // 2]
        submitted_at = meeting.starts_at - timedelta(weeks=5)
        outcome, resolution = OUTCOMES[index]
        submission = Submission(
            reference=await next_reference(session, "SG", submitted_at.year),
            title=title,
            kind=kind,
            body_id=bodies[short_name].id,
            situation=situation,
            proposed_resolution=proposal,
            rationale="Demo-Inhalt.",
            status="decided",
            submitted_at=submitted_at,
            meeting_id=meeting.id,
            outcome=outcome,
            resolution=resolution,
            votes_for=9 if outcome != "noted" else None,
            votes_against=3 if outcome == "rejected" else 0 if outcome != "noted" else None,
            abstentions=1 if outcome != "noted" else None,
            decided_at=meeting.ends_at,
            decided_meeting_id=meeting.id,
        )
        session.add(submission)
        await session.flush()
        await put_on_agenda(session, meeting.id, submission)
        decided.append(submission)
    directives = 0
    for index, text, addressee, due_days, status in DIRECTIVES:
        submission = decided[index]
        assert submission.decided_at is not None
        session.add(
            Directive(
                submission_id=submission.id,
                text=text,
                addressee_kind="office" if addressee == "office" else "body",
                addressee_body_id=None if addressee == "office" else bodies[addressee].id,
                due_on=(now + timedelta(days=due_days)).date(),
                status=status,
                completion_note="Zwei Kursträger haben zugesagt." if status == "done" else "",
                completed_at=now - timedelta(days=45) if status == "done" else None,
            )
        )
        directives += 1
    escalated = await session.scalar(
        select(Need)
        .where(Need.status == "escalated", Need.deleted_at.is_(None))
        .order_by(Need.created_at)
        .limit(1)
    )
    if escalated is not None:
        await session.execute(
            submission_needs.insert().values(submission_id=decided[0].id, need_id=escalated.id)
        )
    created = list(decided)
    for position, (short_name, kind, title) in enumerate(COMING):
        submission = Submission(
            title=title,
            kind=kind,
            body_id=bodies[short_name].id,
            situation="Demo-Inhalt: Sachverhalt des Arbeitskreises.",
            proposed_resolution="Demo-Inhalt: Beschlussvorschlag des Arbeitskreises.",
            status="submitted",
            submitted_at=now - timedelta(days=3),
            reference=await next_reference(session, "SG", now.year),
        )
        session.add(submission)
        await session.flush()
        if position == 0 and coming is not None:
            submission.status, submission.meeting_id = "scheduled", coming.id
            await put_on_agenda(session, coming.id, submission)
        created.append(submission)
    session.add(
        Submission(
            title="Dolmetscherpool für Elterngespräche",
            kind="request",
            body_id=bodies["AK Familienleben"].id,
            situation="Demo-Inhalt: Entwurf des Arbeitskreises.",
        )
    )
    await session.flush()
    record_audit(
        session,
        actor_id=None,
        action="demo.seed_submissions",
        details={"submissions": len(created) + 1, "directives": directives},
    )
    return SubmissionsResult(len(created) + 1, directives)
