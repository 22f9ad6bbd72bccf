"""Demo concept editions: the 2008 guiding principles, the 2010 and 2018 concepts and a draft.

The guiding principles quote the county's published text; the fields of action and goals of the
editions are invented for the demo (every edition says so in its introduction and carries
``demo_content``). The 2018 edition carries fields and goals over from 2010 (``origin_id``), the
draft is derived from 2018 with a few changes, so the comparison has something to show.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from api.core.audit import record_audit
from api.demo.activity import GROUP_TOPICS, MARKER_ORGANISATION
from api.models import (
    Body,
    ConceptEdition,
    FieldOfAction,
    Goal,
    Need,
    Organisation,
    field_of_action_bodies,
)
from api.models.base import today as current_day

DEMO_NOTE = (
    "Demo-Inhalt: Die Handlungsfelder und Ziele dieser Ausgabe sind für die Demonstration erfunden "
    "und geben nicht das veröffentlichte Konzept des Landkreises wieder."
)
COUNTY_COUNCIL = "Kreistag des Landkreises Gifhorn"
GUIDING_PRINCIPLES_QUOTE = (
    "„Integration als gesamtgesellschaftliche Aufgabe betrifft alle Bereiche menschlichen Lebens und "
    "fordert auch Institutionen, Verbände, Unternehmen, Vereine und jeden Einzelnen heraus. […] "
    "Achtung voreinander und gegenseitige Wertschätzung sind Grundlage im gegenseitigen "
    "Verständigungsprozess. Der Erfolg von Integration entscheidet sich im alltäglichen Miteinander "
    "im Dialog mit allen Beteiligten. Integration setzt Chancengleichheit voraus. Die zugewanderten "
    "Menschen im Landkreis Gifhorn nehmen gleichberechtigt am gesellschaftlichen Leben teil.“"
)
ADOPTED_2010 = date(2010, 9, 23)
ADOPTED_2018 = date(2018, 6, 28)

# A field: code, title, description, short names of the bodies covering it, goals (code, title,
# description), and for 2018 the 2010 code it was carried over from (goals: the 2010 goal code).
GoalSeed = tuple[str, str, str, str | None]
FieldSeed = tuple[str, str, str, tuple[str, ...], tuple[GoalSeed, ...], str | None]

FIELDS_2010: tuple[FieldSeed, ...] = (
    (
        "B",
        "Sprache und Bildung",
        "Deutsch lernen und Bildungswege für Kinder, Jugendliche und Erwachsene öffnen.",
        ("AK Bildung",),
        (
            ("B.1", "Sprachförderung von Anfang an", "Sprachförderung in Kita und Grundschule.", None),
            ("B.2", "Bildungsübergänge begleiten", "Von der Kita in die Schule und in den Beruf.", None),
            ("B.3", "Eltern beteiligen", "Eltern über das Bildungssystem informieren und einbeziehen.", None),
        ),
        None,
    ),
    (
        "A",
        "Arbeit und Ausbildung",
        "Zugewanderte in Ausbildung und Beschäftigung bringen.",
        ("AK Ausbildung und Arbeit",),
        (
            ("A.1", "Berufsorientierung verbessern", "Jugendliche lernen Ausbildungsberufe kennen.", None),
            ("A.2", "Abschlüsse anerkennen", "Beratung zur Anerkennung ausländischer Abschlüsse.", None),
            ("A.3", "Betriebe gewinnen", "Betriebe öffnen sich für Zugewanderte.", None),
        ),
        None,
    ),
    (
        "F",
        "Familie und Gesundheit",
        "Familien stärken und den Zugang zur Gesundheitsversorgung erleichtern.",
        ("AK Familienleben",),
        (
            ("F.1", "Zugang zur Gesundheitsversorgung", "Informationen über das Gesundheitssystem.", None),
            ("F.2", "Familienbildung", "Angebote der Familienbildung erreichen zugewanderte Familien.", None),
        ),
        None,
    ),
    (
        "K",
        "Kultur und Begegnung",
        "Einheimische und Zugewanderte begegnen sich.",
        ("AK Teilhabe",),
        (
            ("K.1", "Begegnung ermöglichen", "Feste, Treffpunkte und gemeinsame Aktivitäten.", None),
            ("K.2", "Interkulturelle Öffnung", "Verwaltung und Vereine öffnen sich interkulturell.", None),
        ),
        None,
    ),
)

FIELDS_2018: tuple[FieldSeed, ...] = (
    (
        "B",
        "Sprache und Bildung",
        "Deutsch lernen, Bildungswege öffnen und Übergänge begleiten – von der Kita bis zur "
        "Erwachsenenbildung.",
        ("AK Bildung",),
        (
            (
                "B.1",
                "Frühe Sprachförderung in Kita und Grundschule sichern",
                "Alle Kinder erhalten die Sprachförderung, die sie brauchen.",
                "B.1",
            ),
            (
                "B.2",
                "Übergänge Kita–Schule–Beruf begleiten",
                "Kein Kind und kein Jugendlicher geht an einem Übergang verloren.",
                "B.2",
            ),
            (
                "B.3",
                "Eltern als Bildungspartner gewinnen",
                "Eltern kennen das Schulsystem und werden mehrsprachig informiert.",
                "B.3",
            ),
            (
                "B.4",
                "Sprachkurse für Erwachsene erreichbar machen",
                "Integrations- und Sprachkurse sind auch im Nordkreis erreichbar.",
                None,
            ),
        ),
        "B",
    ),
    (
        "A",
        "Arbeit und Ausbildung",
        "Zugewanderte finden Ausbildung und Arbeit, die zu ihren Fähigkeiten passt; Betriebe werden "
        "dabei unterstützt.",
        ("AK Ausbildung und Arbeit",),
        (
            (
                "A.1",
                "Berufsorientierung für junge Zugewanderte stärken",
                "Praktika, Messen und Begleitung in die Ausbildung.",
                "A.1",
            ),
            (
                "A.2",
                "Anerkennung ausländischer Abschlüsse beschleunigen",
                "Beratung und Anpassungsqualifizierung aus einer Hand.",
                "A.2",
            ),
            (
                "A.3",
                "Betriebe für Ausbildung und Beschäftigung gewinnen",
                "Betriebe kennen die Regeln und finden Unterstützung.",
                "A.3",
            ),
            (
                "A.4",
                "Berufsbezogene Sprachförderung ausbauen",
                "Berufssprachkurse auch in Teilzeit und am Abend.",
                None,
            ),
        ),
        "A",
    ),
    (
        "G",
        "Gesundheit und Soziales",
        "Zugewanderte Familien finden Zugang zu Gesundheitsversorgung, Beratung und frühen Hilfen.",
        ("AK Familienleben",),
        (
            (
                "G.1",
                "Zugang zur Gesundheitsversorgung erleichtern",
                "Sprachmittlung und verständliche Informationen in Praxen und Kliniken.",
                "F.1",
            ),
            (
                "G.2",
                "Familien früh unterstützen",
                "Frühe Hilfen und Familienbildung erreichen zugewanderte Familien.",
                "F.2",
            ),
            (
                "G.3",
                "Psychosoziale Beratung in Herkunftssprachen anbieten",
                "Beratung ohne lange Wartezeiten und mit Sprachmittlung.",
                None,
            ),
        ),
        "F",
    ),
    (
        "W",
        "Wohnen und Teilhabe",
        "Wohnen, Mobilität und Zugang zu Behörden als Voraussetzung für Teilhabe im ländlichen Raum.",
        ("AK Teilhabe", "AK Familienleben"),
        (
            (
                "W.1",
                "Bezahlbaren Wohnraum erschließen",
                "Familien verlassen die Gemeinschaftsunterkünfte schneller.",
                None,
            ),
            (
                "W.2",
                "Mobilität im ländlichen Raum verbessern",
                "Kurse, Beratung und Vereine sind auch ohne Auto erreichbar.",
                None,
            ),
            (
                "W.3",
                "Behördenwege verständlich machen",
                "Formulare, Bescheide und Webseiten sind verständlich und mehrsprachig.",
                None,
            ),
        ),
        None,
    ),
    (
        "M",
        "Gesellschaftliches Miteinander",
        "Begegnung, Ehrenamt und interkulturelle Öffnung: Integration gelingt im Alltag.",
        ("AK Teilhabe", "AK Familienleben"),
        (
            ("M.1", "Begegnungsorte schaffen", "Offene Treffpunkte in jeder Samtgemeinde.", "K.1"),
            (
                "M.2",
                "Ehrenamt stärken und begleiten",
                "Ehrenamtliche werden gewonnen, qualifiziert und wertgeschätzt.",
                None,
            ),
            (
                "M.3",
                "Verwaltung und Vereine interkulturell öffnen",
                "Fortbildungen, mehrsprachige Angebote und vielfältige Teams.",
                "K.2",
            ),
            (
                "M.4",
                "Migrantenorganisationen beteiligen",
                "Migrantenorganisationen sind Partner im Netzwerk und haben Räume.",
                None,
            ),
        ),
        "K",
    ),
)

# What the draft changes compared with 2018 (the comparison shows exactly these).
DRAFT_CHANGED_GOALS = {
    "B.4": "Sprachkurse für Erwachsene wohnortnah und mit Kinderbetreuung anbieten",
}
DRAFT_CHANGED_FIELD_DESCRIPTIONS = {
    "G": "Zugewanderte Familien finden Zugang zu Gesundheitsversorgung, Pflege, Beratung und frühen Hilfen.",
}
DRAFT_REMOVED_GOALS = ("W.3",)
DRAFT_ADDED_GOALS: tuple[tuple[str, str, str, str], ...] = (
    (
        "A",
        "A.5",
        "Fachkräfte in Pflege und Handwerk gewinnen und halten",
        "Ausbildungsbegleitung und Sprachförderung für Pflege und Handwerk.",
    ),
)
DRAFT_ADDED_FIELD: FieldSeed = (
    "D",
    "Digitale Teilhabe",
    "Online-Verwaltung, Lernplattformen und Bewerbungsportale für alle nutzbar machen.",
    ("AK Teilhabe",),
    (
        ("D.1", "Digitale Grundkompetenzen vermitteln", "Kurse für Smartphone, PC und Online-Dienste.", None),
        ("D.2", "Offene Internetzugänge schaffen", "WLAN in Unterkünften und Begegnungsorten.", None),
    ),
    None,
)

# The field of action (2018 code) of each working group's old free-text topic, for the needs.
TOPIC_FIELDS = {
    "Bildung": "B",
    "Familie und Gesundheit": "G",
    "Ausbildung und Arbeit": "A",
    "Gesellschaftliche Teilhabe": "W",
}


@dataclass(frozen=True)
class ConceptResult:
    editions: int
    fields: int
    goals: int
    needs_linked: int


async def _add_field(
    session: AsyncSession,
    edition: ConceptEdition,
    position: int,
    seed: FieldSeed,
    bodies: dict[str, uuid.UUID],
    *,
    origin_fields: dict[str, FieldOfAction] | None = None,
    origin_goals: dict[str, Goal] | None = None,
) -> tuple[FieldOfAction, list[Goal]]:
    code, title, description, body_names, goals, origin_code = seed
    origin = (origin_fields or {}).get(origin_code) if origin_code else None
    field = FieldOfAction(
        edition_id=edition.id,
        code=code,
        title=title,
        description=description,
        position=position,
        origin_id=origin.id if origin is not None else None,
    )
    session.add(field)
    await session.flush()
    body_ids = [bodies[name] for name in body_names if name in bodies]
    if body_ids:
        await session.execute(
            insert(field_of_action_bodies),
            [{"field_of_action_id": field.id, "body_id": body_id} for body_id in body_ids],
        )
    rows = []
    for goal_position, (goal_code, goal_title, goal_description, goal_origin) in enumerate(goals):
        origin_goal = (origin_goals or {}).get(goal_origin) if goal_origin else None
        rows.append(
            Goal(
                edition_id=edition.id,
                field_of_action_id=field.id,
                code=goal_code,
                title=goal_title,
                description=goal_description,
                position=goal_position,
                origin_id=origin_goal.id if origin_goal is not None else None,
            )
        )
    session.add_all(rows)
    await session.flush()
    return field, rows


async def _derive_draft(
    session: AsyncSession,
    source: ConceptEdition,
    fields: list[FieldOfAction],
    goals: list[Goal],
    bodies: dict[str, uuid.UUID],
    year: int,
) -> tuple[ConceptEdition, int, int]:
    """Copy the 2018 edition as the derive endpoint does, then apply the draft's changes."""
    draft = ConceptEdition(
        kind="concept",
        year=year,
        title=f"Integrationskonzept des Landkreises Gifhorn – Fortschreibung {year} (Entwurf)",
        introduction=(
            f"{DEMO_NOTE}\n\nEntwurf der Fortschreibung auf Grundlage der Ausgabe 2018. Die "
            "Arbeitskreise haben Ziele überarbeitet, ein Ziel zur Fachkräftegewinnung ergänzt und "
            "das Handlungsfeld „Digitale Teilhabe“ vorgeschlagen."
        ),
        status="draft",
        derived_from_edition_id=source.id,
        demo_content=True,
    )
    session.add(draft)
    await session.flush()
    body_rows = (
        await session.execute(
            select(field_of_action_bodies.c.field_of_action_id, field_of_action_bodies.c.body_id).where(
                field_of_action_bodies.c.field_of_action_id.in_([field.id for field in fields])
            )
        )
    ).all()
    field_bodies: dict[uuid.UUID, list[uuid.UUID]] = {}
    for field_id, body_id in body_rows:
        field_bodies.setdefault(field_id, []).append(body_id)
    copies: dict[uuid.UUID, FieldOfAction] = {}
    for field in sorted(fields, key=lambda item: item.position):
        copy = FieldOfAction(
            edition_id=draft.id,
            code=field.code,
            title=field.title,
            description=DRAFT_CHANGED_FIELD_DESCRIPTIONS.get(field.code, field.description),
            position=field.position,
            origin_id=field.id,
        )
        session.add(copy)
        copies[field.id] = copy
    await session.flush()
    links = [
        {"field_of_action_id": copies[field_id].id, "body_id": body_id}
        for field_id, body_ids in field_bodies.items()
        for body_id in body_ids
    ]
    if links:
        await session.execute(insert(field_of_action_bodies), links)
    goal_count = 0
    for goal in sorted(goals, key=lambda item: (item.field_of_action_id, item.position)):
        if goal.code in DRAFT_REMOVED_GOALS:
            continue
        session.add(
            Goal(
                edition_id=draft.id,
                field_of_action_id=copies[goal.field_of_action_id].id,
                code=goal.code,
                title=DRAFT_CHANGED_GOALS.get(goal.code, goal.title),
                description=goal.description,
                position=goal.position,
                origin_id=goal.id,
            )
        )
        goal_count += 1
    by_code = {copy.code: copy for copy in copies.values()}
    for field_code, code, title, description in DRAFT_ADDED_GOALS:
        siblings = sum(1 for goal in goals if goal.field_of_action_id == by_code[field_code].origin_id)
        session.add(
            Goal(
                edition_id=draft.id,
                field_of_action_id=by_code[field_code].id,
                code=code,
                title=title,
                description=description,
                position=siblings,
            )
        )
        goal_count += 1
    await session.flush()
    _, added = await _add_field(session, draft, len(copies), DRAFT_ADDED_FIELD, bodies)
    return draft, len(copies) + 1, goal_count + len(added)


async def seed_concept(session: AsyncSession, today: date | None = None) -> ConceptResult:
    """Create the demo editions once, on top of the demo directory.

    Nothing happens unless the demo directory exists and no edition does yet. The needs of the
    working groups that have no field of action yet get the 2018 field matching their group.
    """
    has_demo_directory = await session.scalar(
        select(Organisation.id).where(Organisation.name == MARKER_ORGANISATION)
    )
    if has_demo_directory is None or await session.scalar(select(func.count()).select_from(ConceptEdition)):
        return ConceptResult(0, 0, 0, 0)
    bodies = {
        body.short_name: body.id
        for body in (await session.scalars(select(Body).where(Body.deleted_at.is_(None)))).all()
    }
    draft_year = (today or current_day()).year

    principles = ConceptEdition(
        kind="guiding_principles",
        year=2008,
        title="Integrationsleitbild des Landkreises Gifhorn",
        introduction=(
            "Demo-Inhalt: Das Integrationsleitbild wurde am 18.12.2008 vom Kreistag beschlossen und ist "
            "die Grundlage des Integrationskonzepts. Darin heißt es:\n\n" + GUIDING_PRINCIPLES_QUOTE
        ),
        status="adopted",
        adopted_on=date(2008, 12, 18),
        adopted_by=COUNTY_COUNCIL,
        demo_content=True,
    )
    edition_2010 = ConceptEdition(
        kind="concept",
        year=2010,
        title=(
            "Konzept zur Förderung der Integration von Zugewanderten und ihren Familien im Landkreis Gifhorn"
        ),
        introduction=(
            f"{DEMO_NOTE}\n\nDas erste Integrationskonzept des Landkreises setzt den Anspruch des "
            "Integrationsleitbilds von 2008 in Handlungsfelder und Ziele um."
        ),
        status="superseded",
        adopted_on=ADOPTED_2010,
        adopted_by=COUNTY_COUNCIL,
        superseded_on=ADOPTED_2018,
        demo_content=True,
    )
    session.add_all([principles, edition_2010])
    await session.flush()
    edition_2018 = ConceptEdition(
        kind="concept",
        year=2018,
        title="Integrationskonzept des Landkreises Gifhorn – Fortschreibung 2018",
        introduction=(
            f"{DEMO_NOTE}\n\nDie Fortschreibung 2018 entstand gemeinsam mit den Arbeitskreisen des "
            "Netzwerks Integration. Sie greift die Handlungsfelder von 2010 auf und ergänzt Wohnen, "
            "Mobilität und Teilhabe im ländlichen Raum."
        ),
        status="adopted",
        derived_from_edition_id=edition_2010.id,
        adopted_on=ADOPTED_2018,
        adopted_by=COUNTY_COUNCIL,
        demo_content=True,
    )
    session.add(edition_2018)
    await session.flush()

    field_count = goal_count = 0
    fields_2010: dict[str, FieldOfAction] = {}
    goals_2010: dict[str, Goal] = {}
    for position, seed in enumerate(FIELDS_2010):
        field, goals = await _add_field(session, edition_2010, position, seed, bodies)
        fields_2010[field.code] = field
        goals_2010.update({goal.code: goal for goal in goals})
        field_count, goal_count = field_count + 1, goal_count + len(goals)
    fields_2018: list[FieldOfAction] = []
    goals_2018: list[Goal] = []
    for position, seed in enumerate(FIELDS_2018):
        field, goals = await _add_field(
            session,
            edition_2018,
            position,
            seed,
            bodies,
            origin_fields=fields_2010,
            origin_goals=goals_2010,
        )
        fields_2018.append(field)
        goals_2018.extend(goals)
        field_count, goal_count = field_count + 1, goal_count + len(goals)
    _draft, draft_fields, draft_goals = await _derive_draft(
        session, edition_2018, fields_2018, goals_2018, bodies, draft_year
    )
    field_count, goal_count = field_count + draft_fields, goal_count + draft_goals

    # The needs' old free-text topic (the working group's topic) becomes the matching 2018 field.
    field_by_code = {field.code: field.id for field in fields_2018}
    linked = 0
    for short_name, (topic, _themes) in GROUP_TOPICS.items():
        body_id = bodies.get(short_name)
        field_id = field_by_code.get(TOPIC_FIELDS.get(topic, ""))
        if body_id is None or field_id is None:
            continue
        needs = await session.scalars(
            select(Need).where(
                Need.body_id == body_id, Need.field_of_action_id.is_(None), Need.deleted_at.is_(None)
            )
        )
        for need in needs:
            need.field_of_action_id = field_id  # through the ORM, so the version moves on
            linked += 1
    await session.flush()
    record_audit(
        session,
        actor_id=None,
        action="demo.seed_concept",
        details={"editions": 4, "fields": field_count, "goals": goal_count, "needs_linked": linked},
    )
    return ConceptResult(4, field_count, goal_count, linked)
