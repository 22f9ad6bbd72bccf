"""About 60 demo measures in every status, with partners, goals, milestones and indicators.

The measures span the years since 2017 (references "M-2019-004" handed out by
``next_reference``, so the counters stay ahead of every seeded reference). Older measures are
mostly completed or discontinued, recent ones ideas or planned. Started measures have dated
milestones with progress, so the progress over time has data for every recent quarter. The
working groups' addressed needs are linked to measures, and their past "Entwicklung von
Maßnahmen" agenda items record where a measure came from or where it was discussed.
Everything is fictional; the random choices are seeded, so a run on the same day gives the same data.
"""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from api.core.audit import record_audit
from api.core.references import next_reference
from api.meetings.service import BERLIN
from api.models import (
    AgendaItem,
    Body,
    ConceptEdition,
    Goal,
    Indicator,
    Measure,
    MeasureOrganisation,
    Meeting,
    Milestone,
    Need,
    Organisation,
    measure_goals,
    measure_needs,
)

SEED = 2028
FIRST_YEAR = 2017
STEERING_LEAD = "Landkreis Gifhorn – Stabsstelle Integration"

# Per body: (title, description, target group, goal codes of the 2018 edition).
MeasureSeed = tuple[str, str, str, tuple[str, ...]]
MEASURES: dict[str, tuple[MeasureSeed, ...]] = {
    "AK Bildung": (
        (
            "Sprachkita-Netzwerk Südkreis",
            "Fachkräfte aus acht Kitas tauschen Material und Methoden der alltagsintegrierten "
            "Sprachbildung aus.",
            "Kita-Kinder und pädagogische Fachkräfte",
            ("B.1",),
        ),
        (
            "Sommerleseclub in den Gemeindebüchereien",
            "Lesen in den Ferien mit Vorlesepatinnen und -paten, Abschlussfest mit Urkunde.",
            "Schulkinder",
            ("B.1", "M.1"),
        ),
        (
            "Elternlotsinnen und -lotsen an Grundschulen",
            "Geschulte Eltern mit eigener Zuwanderungsgeschichte begleiten neue Familien in der Schule.",
            "Eltern von Grundschulkindern",
            ("B.3",),
        ),
        (
            "Mehrsprachige Elternbriefe",
            "Vorlagen für die wichtigsten Schulbriefe in sechs Sprachen, abgestimmt mit den Schulen.",
            "Eltern",
            ("B.3", "W.3"),
        ),
        (
            "Hausaufgabenhilfe in Gemeinschaftsunterkünften",
            "Ehrenamtliche helfen zweimal pro Woche direkt in den Unterkünften.",
            "Schulkinder",
            ("B.2",),
        ),
        (
            "Übergangscoaching Klasse 9 und 10",
            "Begleitung von der Berufsorientierung bis zum ersten Ausbildungstag.",
            "Jugendliche der Klassen 9 und 10",
            ("B.2", "A.1"),
        ),
        (
            "Integrationskurs mit Kinderbetreuung im Nordkreis",
            "Ein Kurs am Vormittag in Wittingen, Kinder werden im Nebenraum betreut.",
            "Eltern mit kleinen Kindern",
            ("B.4",),
        ),
        (
            "Lernräume mit WLAN in Unterkünften",
            "Ruhige Lernplätze mit Internetzugang für Schülerinnen und Schüler.",
            "Schülerinnen und Schüler",
            ("B.2",),
        ),
        (
            "Pool von Sprachförderkräften für Grundschulen",
            "Zusätzliche Förderstunden an Schulen mit besonders vielen neu zugewanderten Kindern.",
            "Grundschulkinder",
            ("B.1",),
        ),
        (
            "Alphabetisierungskurs für Frauen",
            "Lesen und Schreiben lernen in kleiner Gruppe, mit Kinderbetreuung.",
            "Frauen ohne Schulerfahrung",
            ("B.4",),
        ),
        (
            "Bildungsberatung für Neuzugewanderte",
            "Offene Sprechstunde zu Schulabschlüssen, Sprachkursen und Studium.",
            "Jugendliche und junge Erwachsene",
            ("B.2", "B.4"),
        ),
        (
            "Fortbildung Deutsch als Zweitsprache für Lehrkräfte",
            "Drei Module für Lehrkräfte aller Schulformen im Landkreis.",
            "Lehrkräfte",
            ("B.1", "M.3"),
        ),
        (
            "Ferien-Sprachcamp",
            "Eine Woche Deutsch mit Theater, Sport und Ausflügen in den Sommerferien.",
            "Kinder von 8 bis 12 Jahren",
            ("B.1",),
        ),
        (
            "Elterncafé an Kitas",
            "Monatlicher Austausch für Eltern mit Sprachmittlung.",
            "Eltern",
            ("B.3", "G.2"),
        ),
    ),
    "AK Familienleben": (
        (
            "Gesundheitslotsinnen für Familien",
            "Geschulte Lotsinnen erklären das Gesundheitssystem in der Herkunftssprache.",
            "Familien",
            ("G.1",),
        ),
        (
            "Sprachmittlerpool für Arztpraxen",
            "Praxen buchen Sprachmittlung telefonisch oder vor Ort.",
            "Patientinnen und Patienten mit geringen Deutschkenntnissen",
            ("G.1",),
        ),
        (
            "Hebammensprechstunde mit Sprachmittlung",
            "Wöchentliche Sprechstunde im Familienzentrum.",
            "Schwangere und junge Mütter",
            ("G.1", "G.2"),
        ),
        (
            "Familienpatenschaften",
            "Ehrenamtliche begleiten neu angekommene Familien ein Jahr lang.",
            "neu angekommene Familien",
            ("G.2", "M.2"),
        ),
        (
            "Interkulturelle Elternkurse",
            "Elternkurs zu Erziehungsfragen in kleinen Gruppen mit Sprachmittlung.",
            "Eltern",
            ("G.2",),
        ),
        (
            "Familienzentrum Nordkreis",
            "Eine Anlaufstelle für Familien im Raum Wittingen und Hankensbüttel.",
            "Familien im Nordkreis",
            ("G.2", "W.2"),
        ),
        (
            "Psychosoziale Erstberatung in Arabisch und Dari",
            "Erstgespräche ohne Wartezeit, Weitervermittlung in Therapie und Beratung.",
            "geflüchtete Erwachsene",
            ("G.3",),
        ),
        (
            "Wohnungsbörse für große Familien",
            "Vermieterinnen und Vermieter werden gewonnen und begleitet.",
            "Familien in Gemeinschaftsunterkünften",
            ("W.1",),
        ),
        (
            "Papa-Treff",
            "Väter tauschen sich über Erziehung und Familienalltag aus.",
            "Väter",
            ("G.2", "M.1"),
        ),
        (
            "Frauengesundheitstag",
            "Informationstag mit Ärztinnen, Hebammen und Beratungsstellen.",
            "Frauen",
            ("G.1",),
        ),
        (
            "Begleitung in die Kindertagespflege",
            "Beratung und Begleitung bei der Suche nach einem Betreuungsplatz.",
            "Familien mit Kleinkindern",
            ("G.2", "B.1"),
        ),
        (
            "Transkultureller Dialog in Kitas",
            "Gesprächsreihe für Kita-Teams und Eltern über Werte und Erziehung.",
            "Kita-Fachkräfte und Eltern",
            ("M.3", "B.3"),
        ),
        (
            "Schwimmkurse für Mütter und Kinder",
            "Schwimmzeiten nur für Frauen und Kinder im Hallenbad.",
            "Mütter und Kinder",
            ("M.1", "G.1"),
        ),
        (
            "Nachbarschaftsfeste an Unterkünften",
            "Feste mit der Nachbarschaft, organisiert von Bewohnerinnen und Bewohnern.",
            "Bewohnerinnen und Bewohner, Nachbarschaft",
            ("M.1",),
        ),
    ),
    "AK Ausbildung und Arbeit": (
        (
            "Ausbildungsmesse mit Sprachmittlung",
            "Betriebe stellen Ausbildungsplätze vor; Sprachmittlerinnen helfen im Gespräch.",
            "Jugendliche und Eltern",
            ("A.1",),
        ),
        (
            "Anerkennungslotsen",
            "Begleitung durch das Anerkennungsverfahren bis zum Bescheid.",
            "Fachkräfte mit ausländischem Abschluss",
            ("A.2",),
        ),
        (
            "Infoabende für Betriebe zur Beschäftigung Geflüchteter",
            "Rechtliche Regeln, Förderung und Erfahrungen anderer Betriebe.",
            "Betriebe",
            ("A.3",),
        ),
        (
            "Berufssprachkurs am Abend im Nordkreis",
            "Berufsbezogenes Deutsch B2 in Teilzeit in Wittingen.",
            "Berufstätige",
            ("A.4", "B.4"),
        ),
        (
            "Ausbildungsbegleitung Pflege",
            "Lernbegleitung und Sprachförderung im ersten Ausbildungsjahr.",
            "Auszubildende in der Pflege",
            ("A.1", "A.3"),
        ),
        (
            "Praktikumsbörse Handwerk",
            "Betriebe melden Praktikumsplätze, die Beratungsstellen vermitteln.",
            "junge Erwachsene",
            ("A.1", "A.3"),
        ),
        (
            "Jobcoaching für Frauen",
            "Einzelcoaching und Gruppentermine mit Kinderbetreuung.",
            "arbeitsuchende Frauen",
            ("A.3",),
        ),
        (
            "Einstiegsqualifizierung mit Sprachunterricht",
            "Betriebliches Praktikum mit begleitendem Deutschunterricht.",
            "junge Erwachsene",
            ("A.1", "A.4"),
        ),
        (
            "Anpassungsqualifizierung Elektrotechnik",
            "Qualifizierung bis zur vollen Anerkennung des Abschlusses.",
            "Elektrofachkräfte mit ausländischem Abschluss",
            ("A.2",),
        ),
        (
            "Kinderbetreuung bei Schichtarbeit",
            "Betreuung in Randzeiten für Eltern in Pflege und Logistik.",
            "Eltern in Schichtarbeit",
            ("A.3", "G.2"),
        ),
        (
            "Mentoring für zugewanderte Akademikerinnen",
            "Mentorinnen aus Betrieben begleiten den Berufseinstieg.",
            "Akademikerinnen",
            ("A.2",),
        ),
        (
            "Sprachtandems für Auszubildende",
            "Auszubildende lernen in Tandems Fachsprache.",
            "Auszubildende",
            ("A.4",),
        ),
        (
            "Gründungsberatung für Zugewanderte",
            "Beratung zu Geschäftsidee, Finanzierung und Formalitäten.",
            "Gründungsinteressierte",
            ("A.3",),
        ),
        (
            "Betriebsbesuche für Sprachlernklassen",
            "Sprachlernklassen der Berufsschulen besuchen Betriebe in der Region.",
            "Sprachlernklassen",
            ("A.1",),
        ),
    ),
    "AK Teilhabe": (
        (
            "Abendlinie des Bürgerbusses zu Kursorten",
            "Eine zusätzliche Abendfahrt zu Kursen und Vereinsangeboten.",
            "Kursteilnehmende ohne Auto",
            ("W.2",),
        ),
        (
            "Fahrradkurse für Frauen",
            "Radfahren lernen in kleinen Gruppen; Fahrräder werden gestellt.",
            "Frauen",
            ("W.2", "M.1"),
        ),
        (
            "Begleitung zu Behörden durch Ehrenamtliche",
            "Ehrenamtliche begleiten zu Terminen und erklären Bescheide.",
            "Neuzugewanderte",
            ("W.3", "M.2"),
        ),
        (
            "Mehrsprachige Wegweiser in Rathäusern",
            "Beschilderung und Aushänge in einfacher Sprache und sechs Sprachen.",
            "Besucherinnen und Besucher",
            ("W.3", "M.3"),
        ),
        (
            "Ehrenamtsakademie Integration",
            "Fortbildungsreihe für Ehrenamtliche mit Zertifikat.",
            "Ehrenamtliche",
            ("M.2",),
        ),
        (
            "Räume für Migrantenorganisationen",
            "Gemeinden stellen Räume zu günstigen Bedingungen zur Verfügung.",
            "Migrantenorganisationen",
            ("M.4",),
        ),
        (
            "Mädchenfußball im Sportverein",
            "Training nur für Mädchen mit Trainerinnen.",
            "Mädchen",
            ("M.1",),
        ),
        (
            "Interkulturelle Woche im Landkreis",
            "Veranstaltungen von Vereinen, Kirchen und Migrantenorganisationen.",
            "alle",
            ("M.1", "M.4"),
        ),
        (
            "Sprechstunde Formularhilfe",
            "Hilfe beim Ausfüllen von Anträgen, wöchentlich in drei Orten.",
            "Erwachsene",
            ("W.3",),
        ),
        (
            "Offene Fahrradwerkstatt",
            "Gemeinsam reparieren; gespendete Räder werden weitergegeben.",
            "alle",
            ("W.2", "M.1"),
        ),
        (
            "Fortbildung interkulturelle Öffnung für Vereine",
            "Workshop für Vorstände zu Mitgliedergewinnung und Vielfalt.",
            "Vereinsvorstände",
            ("M.3",),
        ),
        (
            "Mitfahrbörse Nordkreis",
            "Fahrgemeinschaften zu Kursen, Ärzten und Behörden.",
            "Menschen ohne Auto",
            ("W.2",),
        ),
        (
            "Begegnungscafé in jeder Samtgemeinde",
            "Offene Treffpunkte mit festen Ansprechpersonen.",
            "alle",
            ("M.1",),
        ),
        (
            "Sprechstunde für Online-Behördengänge",
            "Hilfe bei Online-Anträgen und Terminbuchungen.",
            "Erwachsene",
            ("W.3",),
        ),
    ),
    "Steuerungsgruppe": (
        (
            "Sachstandsbericht Integration verstetigen",
            "Ein fester Aufbau des halbjährlichen Berichts mit Kennzahlen aus den Arbeitskreisen.",
            "Politik und Verwaltung",
            ("M.3",),
        ),
        (
            "Integrationsmonitoring des Landkreises",
            "Ausgewählte Kennzahlen zur Integration werden jährlich veröffentlicht.",
            "Politik, Verwaltung und Öffentlichkeit",
            ("M.3",),
        ),
    ),
    "Netzwerk": (
        (
            "Netzwerktreffen zum Schwerpunkt Ehrenamt",
            "Ein Netzwerktreffen mit Workshops zu Gewinnung und Begleitung von Ehrenamtlichen.",
            "alle Akteurinnen und Akteure",
            ("M.2",),
        ),
        (
            "Online-Angebotskatalog des Netzwerks",
            "Alle Angebote der Netzwerkpartner an einem Ort, durchsuchbar und mehrsprachig.",
            "Ratsuchende und Fachkräfte",
            ("W.3", "M.4"),
        ),
    ),
}
# The organisation kinds that lead a body's measures.
LEAD_KINDS = {
    "AK Bildung": ("education_provider",),
    "AK Familienleben": ("welfare_association", "religious_community"),
    "AK Ausbildung und Arbeit": ("company_chamber", "public_authority"),
    "AK Teilhabe": ("association_initiative", "migrant_organisation"),
}
FUNDERS = (
    "Landkreis Gifhorn – Stabsstelle Integration",
    "Landkreis Gifhorn – Fachbereich Jugend",
    "Landkreis Gifhorn – Fachbereich Soziales",
    "Jobcenter Landkreis Gifhorn (Demo)",
    "Agentur für Arbeit, Geschäftsstelle Gifhorn (Demo)",
)
# Status of the measures from the oldest to the newest (with some noise in the order).
STATUS_POOL = (
    ["completed"] * 12
    + ["discontinued"] * 6
    + ["in_progress"] * 10
    + ["paused"] * 5
    + ["in_progress"] * 10
    + ["planned"] * 9
    + ["idea"] * 8
)
PAUSE_REASONS = (
    "Die Kursleitung fehlt seit dem Sommer; Neustart, sobald eine Nachfolge gefunden ist.",
    "Die Förderung ist ausgelaufen; eine Anschlussfinanzierung ist beantragt.",
    "Der Raum steht wegen einer Sanierung bis auf Weiteres nicht zur Verfügung.",
    "Pausiert, bis die Steuerungsgruppe über die Finanzierung entschieden hat.",
    "Zu wenige Anmeldungen; neuer Anlauf im Frühjahr.",
)
DISCONTINUE_REASONS = (
    "Das Angebot wird inzwischen regulär vom Jobcenter finanziert; die Maßnahme ist nicht mehr nötig.",
    "Es hat sich kein Träger für die Umsetzung gefunden.",
    "Das Förderprogramm des Landes wurde eingestellt.",
    "Der Bedarf wird durch ein neues Landesprogramm gedeckt.",
    "Trotz Werbung zu geringe Nachfrage.",
    "In einer anderen Maßnahme des Arbeitskreises aufgegangen.",
)
MILESTONE_TITLES = (
    "Auftakttreffen mit den Partnern",
    "Konzept abgestimmt",
    "Erste Gruppe gestartet",
    "Zwischenbilanz im Arbeitskreis",
    "Zweite Runde gestartet",
    "Auswertung mit den Teilnehmenden",
)
INDICATORS = (
    ("Teilnehmende", "Personen", 0.0, (30, 120)),
    ("Durchgeführte Termine", "Termine", 0.0, (10, 48)),
    ("Beteiligte Partnerorganisationen", "Organisationen", 1.0, (4, 10)),
    ("Vermittlungen", "Personen", 0.0, (10, 40)),
)
STARTED = frozenset({"in_progress", "completed", "paused", "discontinued"})


@dataclass(frozen=True)
class MeasuresResult:
    measures: int
    milestones: int
    indicators: int
    needs_linked: int


@dataclass
class Plan:
    body: Body
    seed: MeasureSeed
    year: int
    created: date
    status: str = "idea"
    starts_on: date | None = None
    ends_on: date | None = None
    progress: int = 0
    reason: str = ""
    stopped: date | None = None  # when a paused/discontinued measure stopped
    origin: AgendaItem | None = None
    origin_meeting: Meeting | None = None
    measure: Measure | None = None
    needs: list[Need] = field(default_factory=list)


def _quarter(day: date) -> str:
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"


def _quarters(first: date, last: date) -> list[str]:
    periods: list[str] = []
    year, quarter = first.year, (first.month - 1) // 3 + 1
    while (year, quarter) <= (last.year, (last.month - 1) // 3 + 1):
        periods.append(f"{year}-Q{quarter}")
        year, quarter = (year + 1, 1) if quarter == 4 else (year, quarter + 1)
    return periods


def _moment(day: date) -> datetime:
    return datetime.combine(day, time(10, 0), BERLIN).astimezone(UTC)


def _random_day(rng: random.Random, first: date, last: date) -> date:
    if last <= first:
        return first
    return first + timedelta(days=rng.randint(0, (last - first).days))


def _schedule(plan: Plan, rng: random.Random, today: date) -> None:
    """Dates, progress and reason that fit the status."""
    status = plan.status
    if status == "idea":
        return
    if status == "planned":
        plan.starts_on = today + timedelta(days=rng.randint(30, 200))
        plan.ends_on = plan.starts_on + timedelta(days=rng.randint(180, 540))
        plan.progress = rng.choice((0, 0, 5, 10))
        return
    start = min(plan.created + timedelta(days=rng.randint(14, 120)), today - timedelta(days=60))
    plan.starts_on = start
    if status == "completed":
        plan.ends_on = _random_day(
            rng, min(start + timedelta(days=180), today - timedelta(days=20)), today - timedelta(days=14)
        )
        plan.progress = 100
    elif status == "in_progress":
        plan.ends_on = None if rng.random() < 0.2 else today + timedelta(days=rng.randint(60, 700))
        plan.progress = rng.randint(15, 90)
    else:
        plan.stopped = _random_day(rng, start + timedelta(days=40), today - timedelta(days=10))
        plan.ends_on = plan.stopped + timedelta(days=rng.randint(90, 400))
        if status == "paused":
            plan.progress = rng.randint(15, 60)
            plan.reason = rng.choice(PAUSE_REASONS)
        else:
            plan.progress = rng.choice((0, 10, 20, 35, 50))
            plan.reason = rng.choice(DISCONTINUE_REASONS)


def _milestones(plan: Plan, measure: Measure, rng: random.Random, today: date) -> list[Milestone]:
    if plan.status not in STARTED or plan.starts_on is None:
        return []
    if plan.status == "completed":
        last = plan.ends_on or today
    elif plan.stopped is not None:
        last = plan.stopped
    else:
        last = today - timedelta(days=rng.randint(0, 30))
    last = max(last, plan.starts_on)
    count = rng.randint(2, 5)
    span = (last - plan.starts_on).days
    steps = range(1, count + 1)
    days = sorted({plan.starts_on + timedelta(days=round(span * step / count)) for step in steps})
    goal = plan.progress
    values = [*sorted(rng.randint(max(0, goal - 60), goal) for _ in days[:-1]), goal]
    rows = [
        Milestone(
            measure_id=measure.id,
            date=day,
            title="Abschluss und Auswertung"
            if plan.status == "completed" and index == len(days) - 1
            else MILESTONE_TITLES[index % len(MILESTONE_TITLES)],
            note="" if index % 2 else "Fiktive Demo-Daten.",
            progress=value,
        )
        for index, (day, value) in enumerate(zip(days, values, strict=True))
    ]
    if plan.status == "in_progress":
        rows.append(
            Milestone(
                measure_id=measure.id,
                date=today + timedelta(days=rng.randint(20, 120)),
                title="Zwischenbericht an die Steuerungsgruppe",
                note="Geplant.",
                progress=None,
            )
        )
    return rows


def _indicators(plan: Plan, measure: Measure, rng: random.Random, today: date) -> list[Indicator]:
    if plan.status not in ("in_progress", "completed") or plan.starts_on is None or rng.random() < 0.55:
        return []
    last = min(plan.ends_on or today, today)
    periods = _quarters(plan.starts_on, last)[-8:]
    rows = []
    for position, (name, unit, baseline, (low, high)) in enumerate(rng.sample(INDICATORS, rng.randint(1, 2))):
        target = float(rng.randint(low, high))
        reached = target * plan.progress / 100
        actuals: list[dict[str, Any]] = []
        for index, period in enumerate(periods, start=1):
            value = round(baseline + (reached - baseline) * index / len(periods))
            actuals.append({"period": period, "value": float(value)})
        rows.append(
            Indicator(
                measure_id=measure.id,
                name=name,
                unit=unit,
                baseline=baseline,
                target=target,
                actuals=actuals,
                position=position,
            )
        )
    return rows


async def seed_measures(session: AsyncSession, today: date | None = None) -> MeasuresResult:
    """Create the demo measures once, on top of the demo concept and activity.

    Nothing happens unless the demo 2018 edition exists and no measure does yet.
    """
    edition_2018 = await session.scalar(
        select(ConceptEdition).where(
            ConceptEdition.kind == "concept",
            ConceptEdition.year == 2018,
            ConceptEdition.demo_content.is_(True),
            ConceptEdition.deleted_at.is_(None),
        )
    )
    if edition_2018 is None or await session.scalar(select(func.count()).select_from(Measure)):
        return MeasuresResult(0, 0, 0, 0)
    now = datetime.now(UTC)
    today = today or now.date()
    rng = random.Random(SEED)  # noqa: S311 - reproducible demo data, not secrets

    bodies = {
        body.short_name: body
        for body in (await session.scalars(select(Body).where(Body.deleted_at.is_(None)))).all()
    }
    goals_2018 = {
        goal.code: goal
        for goal in (await session.scalars(select(Goal).where(Goal.edition_id == edition_2018.id))).all()
    }
    origins = {
        goal.id: goal
        for goal in (
            await session.scalars(
                select(Goal).where(
                    Goal.id.in_([goal.origin_id for goal in goals_2018.values() if goal.origin_id])
                )
            )
        ).all()
    }
    organisations = sorted(
        (await session.scalars(select(Organisation).where(Organisation.deleted_at.is_(None)))).all(),
        key=lambda organisation: organisation.name,
    )
    if not organisations:
        return MeasuresResult(0, 0, 0, 0)
    by_name = {organisation.name: organisation for organisation in organisations}

    # What to create: every seed of a body that exists, years weighted towards today.
    plans: list[Plan] = []
    years = list(range(FIRST_YEAR, today.year + 1))
    for short_name, seeds in MEASURES.items():
        body = bodies.get(short_name)
        if body is None:
            continue
        for seed in seeds:
            year = rng.choices(years, weights=[3 + index for index in range(len(years))])[0]
            last = min(date(year, 12, 31), today - timedelta(days=1))
            created = _random_day(rng, date(year, 1, 2), last)
            plans.append(Plan(body=body, seed=seed, year=year, created=created))
    order = sorted(plans, key=lambda plan: plan.created.toordinal() + rng.uniform(-800, 800))
    for plan, status in zip(order, STATUS_POOL * 2, strict=False):
        plan.status = status
    for plan in plans:
        _schedule(plan, rng, today)

    # The past "Entwicklung von Maßnahmen" items: a new idea or plan comes from the meeting;
    # otherwise a running measure of the group was discussed there.
    items = (
        await session.execute(
            select(AgendaItem, Meeting)
            .join(Meeting, Meeting.id == AgendaItem.meeting_id)
            .where(
                AgendaItem.kind == "measure_development",
                AgendaItem.deleted_at.is_(None),
                AgendaItem.measure_id.is_(None),
                Meeting.deleted_at.is_(None),
                Meeting.ends_at < now,
                Meeting.status != "cancelled",
            )
            .order_by(Meeting.starts_at, AgendaItem.position)
        )
    ).all()
    discussed: list[tuple[AgendaItem, Plan]] = []
    for index, (item, meeting) in enumerate(items):
        held = meeting.ends_at.date()
        same_body = [plan for plan in plans if plan.body.id == meeting.body_id]
        new = [
            plan
            for plan in same_body
            if plan.origin is None and plan.status in ("idea", "planned") and plan.year == held.year
        ]
        if new and index % 3 != 2:
            plan = new[0]
            plan.origin, plan.origin_meeting = item, meeting
            plan.created = min(held + timedelta(days=2), date(held.year, 12, 31), today)
            continue
        running = [
            plan for plan in same_body if plan.status in ("in_progress", "planned") and plan.created < held
        ]
        if running:
            discussed.append((item, rng.choice(running)))

    # References in the order the measures were created, so numbers grow with time.
    measures: list[Measure] = []
    for plan in sorted(plans, key=lambda plan: (plan.created, plan.seed[0])):
        title, description, target_group, _codes = plan.seed
        measure = Measure(
            reference=await next_reference(session, "M", plan.created.year),
            title=title,
            description=description,
            body_id=plan.body.id,
            target_group=target_group,
            status=plan.status,
            status_reason=plan.reason,
            starts_on=plan.starts_on,
            ends_on=plan.ends_on,
            progress=plan.progress,
            origin_meeting_id=plan.origin_meeting.id if plan.origin_meeting else None,
            origin_agenda_item_id=plan.origin.id if plan.origin else None,
            created_at=_moment(plan.created),
        )
        session.add(measure)
        plan.measure = measure
        measures.append(measure)
    await session.flush()

    goal_links: list[dict[str, uuid.UUID]] = []
    organisation_links: list[MeasureOrganisation] = []
    milestones: list[Milestone] = []
    indicators: list[Indicator] = []
    for plan in plans:
        current = plan.measure
        assert current is not None
        linked: set[uuid.UUID] = set()
        for code in plan.seed[3]:
            goal = goals_2018.get(code)
            if goal is None:
                continue
            linked.add(goal.id)
            # Measures from before the 2018 edition keep their link to the 2010 goal.
            if plan.created.year <= 2018 and goal.origin_id in origins:
                linked.add(goal.origin_id)
        goal_links += [{"measure_id": current.id, "goal_id": goal_id} for goal_id in sorted(linked)]

        kinds = LEAD_KINDS.get(plan.body.short_name)
        candidates = [org for org in organisations if kinds and org.kind in kinds]
        lead = rng.choice(candidates) if candidates else by_name.get(STEERING_LEAD, organisations[0])
        roles = {lead.id: "lead"}
        if rng.random() < 0.45:
            funder = by_name.get(rng.choice(FUNDERS))
            if funder is not None and funder.id not in roles:
                roles[funder.id] = "funder"
        for partner in rng.sample(organisations, rng.randint(1, 3)):
            roles.setdefault(partner.id, "partner")
        organisation_links += [
            MeasureOrganisation(measure_id=current.id, organisation_id=organisation_id, role=role)
            for organisation_id, role in roles.items()
        ]
        milestones += _milestones(plan, current, rng, today)
        indicators += _indicators(plan, current, rng, today)
    if goal_links:
        await session.execute(insert(measure_goals), goal_links)
    session.add_all([*organisation_links, *milestones, *indicators])

    for plan in plans:
        if plan.origin is not None and plan.measure is not None:
            plan.origin.measure_id = plan.measure.id
            plan.origin.result = (
                f"Die Maßnahme {plan.measure.reference} „{plan.measure.title}“ wurde entwickelt "
                "und wird weiter ausgearbeitet."
            )
    for item, plan in discussed:
        assert plan.measure is not None
        item.measure_id = plan.measure.id
        item.result = (
            f"Sachstand der Maßnahme {plan.measure.reference} „{plan.measure.title}“ besprochen; "
            "die nächsten Schritte sind vereinbart."
        )

    # Needs: the addressed ones, and two open ones, are taken up by a measure.
    needs = list(
        (
            await session.scalars(
                select(Need)
                .where(Need.deleted_at.is_(None), Need.status.in_(("addressed", "open")))
                .order_by(Need.created_at, Need.title)
            )
        ).all()
    )
    need_links: list[dict[str, uuid.UUID]] = []
    converted: set[uuid.UUID] = set()
    for need in needs:
        running = [
            plan
            for plan in plans
            if plan.body.id == need.body_id and plan.status in ("planned", "in_progress")
        ]
        if not running:
            continue
        if need.status == "open":
            # Two open needs are taken up now; the others stay open.
            if len(converted) >= 2 or need.body_id in converted:
                continue
            converted.add(need.body_id)
        plan = rng.choice(running)
        assert plan.measure is not None
        if need.status == "open":
            need.status = "addressed"
        need.status_note = (
            f"Wird mit der Maßnahme {plan.measure.reference} „{plan.measure.title}“ bearbeitet."
        )
        need_links.append({"measure_id": plan.measure.id, "need_id": need.id})
    if need_links:
        await session.execute(insert(measure_needs), need_links)
    await session.flush()
    record_audit(
        session,
        actor_id=None,
        action="demo.seed_measures",
        details={
            "measures": len(measures),
            "milestones": len(milestones),
            "indicators": len(indicators),
            "needs_linked": len(need_links),
        },
    )
    return MeasuresResult(len(measures), len(milestones), len(indicators), len(need_links))
