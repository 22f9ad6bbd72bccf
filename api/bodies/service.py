"""The bodies of the network: four working groups, the steering group and the plenary.

Bodies are seeded, not created through the API; coordinators edit their texts."""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from api.bodies.schemas import BodyRead, BodySort, BodyUpdate, Spokesperson
from api.consents.repository import consent_given
from api.core.audit import record_audit
from api.core.concurrency import check_if_match
from api.core.errors import Conflict, FieldError, NotFound
from api.core.pagination import LIKE_ESCAPE, ListParams, PageResult, contains_pattern, fetch_page
from api.members.service import current_membership
from api.models import Body, Member, Membership
from api.models.base import today
from api.models.member import LEAD_ROLES


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


SORT_COLUMNS = {"name": Body.name, "short_name": Body.short_name}


async def list_bodies(
    session: AsyncSession, params: ListParams, *, kind: str | None, sort: BodySort
) -> PageResult[Body]:
    statement = select(Body)
    if params.q:
        pattern = contains_pattern(params.q)
        statement = statement.where(
            or_(
                func.lower(Body.name).like(pattern, escape=LIKE_ESCAPE),
                func.lower(Body.short_name).like(pattern, escape=LIKE_ESCAPE),
            )
        )
    if kind is not None:
        statement = statement.where(Body.kind == kind)
    column = SORT_COLUMNS[sort.removeprefix("-")]
    order = column.desc() if sort.startswith("-") else column.asc()
    return await fetch_page(
        session,
        statement,
        params,
        order_by=[order],
        id_column=Body.id,
        updated_column=Body.updated_at,
        deleted_column=Body.deleted_at,
    )


async def public_working_groups(session: AsyncSession) -> list[Body]:
    statement = (
        select(Body)
        .where(Body.kind == "working_group", Body.deleted_at.is_(None))
        .order_by(Body.name, Body.id)
    )
    return list((await session.scalars(statement)).all())


async def find_live_body(session: AsyncSession, body_id: uuid.UUID) -> Body | None:
    body = await session.get(Body, body_id)
    return body if body is not None and body.deleted_at is None else None


async def get_body(session: AsyncSession, body_id: uuid.UUID) -> Body:
    body = await find_live_body(session, body_id)
    if body is None:
        raise NotFound("No body with this id.")
    return body


async def spokespersons_of(
    session: AsyncSession, body_ids: list[uuid.UUID], *, listed_only: bool
) -> dict[uuid.UUID, list[Spokesperson]]:
    """The current leads of each body, spokespersons (or chairs) before their deputies.

    ``listed_only`` (every role but admin and coordinator): only leads who currently consent to
    ``directory_listing``, the same rule as the member directory, so a withdrawal hides the name
    here too. The body then simply shows fewer (or no) spokespersons.
    """
    result: dict[uuid.UUID, list[Spokesperson]] = defaultdict(list)
    if not body_ids:
        return result
    statement = (
        select(Membership, Member)
        .join(Member, Member.id == Membership.member_id)
        .where(
            Membership.body_id.in_(body_ids),
            Membership.role.in_(LEAD_ROLES),
            current_membership(today()),
            Member.deleted_at.is_(None),
        )
        .order_by(Membership.start_on, Member.family_name, Member.given_name, Membership.id)
    )
    if listed_only:
        statement = statement.where(consent_given("directory_listing"))
    rows = (await session.execute(statement)).all()
    rank = {"spokesperson": 0, "chair": 0, "deputy_spokesperson": 1, "deputy_chair": 1}
    for membership, member in sorted(rows, key=lambda row: rank[row[0].role]):
        result[membership.body_id].append(
            Spokesperson(
                membership_id=membership.id,
                member_id=member.id,
                name=member.display_name,
                role=membership.role,
            )
        )
    return result


async def read_bodies(session: AsyncSession, bodies: list[Body], *, listed_only: bool) -> list[BodyRead]:
    leads = await spokespersons_of(session, [body.id for body in bodies], listed_only=listed_only)
    return [
        BodyRead.model_validate(
            {
                **{
                    field: getattr(body, field) for field in BodyRead.model_fields if field != "spokespersons"
                },
                "spokespersons": leads.get(body.id, []),
            }
        )
        for body in bodies
    ]


async def update_body(
    session: AsyncSession, body: Body, data: BodyUpdate, *, if_match: str | None, actor_id: uuid.UUID
) -> Body:
    check_if_match(if_match, body)
    changes: dict[str, Any] = data.model_dump(exclude_unset=True)
    if "short_name" in changes and changes["short_name"] != body.short_name:
        taken = await session.scalar(
            select(Body.id).where(Body.short_name == changes["short_name"], Body.id != body.id)
        )
        if taken is not None:
            raise Conflict(
                "Another body already has this short name.",
                errors=[
                    FieldError(
                        location="body",
                        field="short_name",
                        message="Another body already has this short name.",
                        code="short_name_taken",
                    )
                ],
            )
    for field, value in changes.items():
        setattr(body, field, value)
    await session.flush()
    record_audit(
        session,
        actor_id=actor_id,
        action="body.update",
        object_type="body",
        object_id=body.id,
        details={"fields": sorted(changes)},
    )
    return body
