"""The bodies of the network: four working groups, the steering group and the plenary."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from api.core.audit import record_audit
from api.models import Body


@dataclass(frozen=True)
class BodySeed:
    short_name: str
    kind: str
    name: str
    cadence: str
    description: str
    guiding_question: str
    founded_year: int | None = None


SEEDED_BODIES = (
    BodySeed(
        short_name="AK Bildung",
        kind="working_group",
        name="Arbeitskreis Bildung",
        cadence="quarterly",
        description=(
            "Fehlende Deutschkenntnisse sind nur eine von mehreren Hürden auf dem Bildungsweg. "
            "Neu Zugewanderte und ihre Kinder bringen sehr unterschiedliches Vorwissen mit."
        ),
        guiding_question="Mit welchen Förderinstrumenten bekommen alle eine faire Bildungschance?",
    ),
    BodySeed(
        short_name="AK Familienleben",
        kind="working_group",
        name="Arbeitskreis Familienleben",
        cadence="quarterly",
        description=(
            "Erziehung, Rollenbilder, Werte und Traditionen: Familien leben zwischen mitgebrachten "
            "und hiesigen Vorstellungen."
        ),
        guiding_question=(
            "Wie gelingt der transkulturelle Dialog in und zwischen Familien, mit Kitas, Schulen "
            "und der Gesellschaft?"
        ),
    ),
    BodySeed(
        short_name="AK Ausbildung und Arbeit",
        kind="working_group",
        name="Arbeitskreis Integration in Ausbildung und Arbeit",
        cadence="quarterly",
        description=(
            "Die Wirtschaft braucht Zugewanderte, doch Rechtslage, andere Bildungswege und der "
            "Spracherwerb erschweren den Einstieg in die Betriebe."
        ),
        guiding_question="Welche Wege führen in Ausbildung und Beschäftigung?",
    ),
    BodySeed(
        short_name="AK Teilhabe",
        kind="working_group",
        name="Arbeitskreis Gesellschaftliche Teilhabe",
        cadence="quarterly",
        description=(
            "Unverständliche Formulare, unbekannte Anlaufstellen, wenig Zugang zum Leben vor Ort: "
            "Teilhabe heißt wissen, mitgestalten und gemeinsam handeln."
        ),
        guiding_question=("Wie entstehen passende Strukturen für alle, mit und ohne Zuwanderungsgeschichte?"),
    ),
    BodySeed(
        short_name="Steuerungsgruppe",
        kind="steering_group",
        name="Steuerungsgruppe Integration",
        cadence="half_yearly",
        description=(
            "Berichts- und Steuerungsgremium unter Vorsitz des Landrats: Fraktionsvorsitzende, "
            "Fachbereichsleitungen, die Sprecherinnen und Sprecher der Arbeitskreise und weitere "
            "Entscheidungstragende beraten die Vorlagen der Arbeitskreise."
        ),
        guiding_question="Welche Empfehlungen und Anträge der Arbeitskreise werden umgesetzt?",
        founded_year=2017,
    ),
    BodySeed(
        short_name="Netzwerk",
        kind="network",
        name="Netzwerk Integration",
        cadence="yearly",
        description=(
            "Alle Akteurinnen und Akteure aus Haupt- und Ehrenamt; einmal im Jahr treffen sie sich "
            "zum Netzwerktreffen mit wechselndem Themenschwerpunkt. Interessierte sind willkommen."
        ),
        guiding_question="Wie gestalten wir Integration im Landkreis Gifhorn gemeinsam?",
    ),
)


async def seed_bodies(session: AsyncSession) -> int:
    """Create the seeded bodies that do not exist yet; returns how many were created."""
    existing = set((await session.scalars(select(Body.short_name))).all())
    created = 0
    for seed in SEEDED_BODIES:
        if seed.short_name in existing:
            continue
        body = Body(**seed.__dict__)
        session.add(body)
        await session.flush()
        record_audit(session, actor_id=None, action="body.create", object_type="body", object_id=body.id)
        created += 1
    return created
