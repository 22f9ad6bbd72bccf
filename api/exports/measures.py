"""The measures list as a table with the columns the measures import reads back.

The rows are those of `GET /measures` with the same filters (``measures.service.list_measures``),
newest reference first. Measures hold no personal data, so no reason is asked for.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from api.core.pagination import ListParams
from api.exports.service import MAX_EXPORT_ROWS, Table, Value, too_many_rows
from api.measures import service as measures_service
from api.measures.filters import MeasureFilters
from api.measures.schemas import MeasureListItem
from api.models import Measure, MeasureOrganisation, Organisation

# Column key → German header, in the order of the file (export and import share them).
MEASURE_COLUMNS: dict[str, str] = {
    "reference": "Referenz",
    "title": "Titel",
    "description": "Beschreibung",
    "status": "Status",
    "status_reason": "Begründung",
    "body_id": "Verantwortlich",
    "goal_ids": "Ziele",
    "lead_organisations": "Federführung",
    "partner_organisations": "Partner",
    "funder_organisations": "Förderer",
    "target_group": "Zielgruppe",
    "starts_on": "Beginn",
    "ends_on": "Ende",
    "progress": "Fortschritt",
}
MEASURE_STATUS_DE = {
    "idea": "Idee",
    "planned": "Geplant",
    "in_progress": "In Umsetzung",
    "completed": "Abgeschlossen",
    "paused": "Pausiert",
    "discontinued": "Eingestellt",
}
# Organisation role → column key.
ROLE_COLUMNS = {
    "lead": "lead_organisations",
    "partner": "partner_organisations",
    "funder": "funder_organisations",
}
ORGANISATION_SEPARATOR = "; "  # names may contain commas ("Agentur für Arbeit, Geschäftsstelle …")
GOAL_SEPARATOR = ", "


async def organisation_names_by_role(
    session: AsyncSession, measure_ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, dict[str, list[str]]]:
    """Per measure and role the organisation names, sorted by name, in one query."""
    result: dict[uuid.UUID, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    if not measure_ids:
        return result
    rows = await session.execute(
        select(MeasureOrganisation.measure_id, MeasureOrganisation.role, Organisation.name)
        .join(Organisation, Organisation.id == MeasureOrganisation.organisation_id)
        .where(MeasureOrganisation.measure_id.in_(measure_ids))
        .order_by(Organisation.name)
    )
    for measure_id, role, name in rows:
        result[measure_id][role].append(name)
    return result


async def measure_table(
    session: AsyncSession,
    *,
    q: str | None,
    filters: MeasureFilters,
) -> Table:
    params = ListParams(limit=MAX_EXPORT_ROWS, offset=0, q=q, modified_since=None)
    page = await measures_service.list_measures(session, params, filters)
    if page.total > MAX_EXPORT_ROWS:
        raise too_many_rows(page.total)
    ids = [item.id for item in page.items]
    texts = {
        row.id: (row.description, row.status_reason)
        for row in (
            await session.execute(
                select(Measure.id, Measure.description, Measure.status_reason).where(Measure.id.in_(ids))
            )
        ).all()
    }
    roles = await organisation_names_by_role(session, ids)
    rows: list[list[Value]] = []
    for item in page.items:
        description, reason = texts.get(item.id, ("", ""))
        rows.append(measure_cells(item, description, reason, roles.get(item.id, {})))
    return Table(list(MEASURE_COLUMNS.values()), rows)


def measure_cells(
    item: MeasureListItem, description: str, reason: str, organisations: dict[str, list[str]]
) -> list[Value]:
    """One row of ``MEASURE_COLUMNS`` (``organisations``: names by role)."""
    return [
        item.reference,
        item.title,
        description,
        MEASURE_STATUS_DE.get(item.status, item.status),
        reason,
        item.body_short_name,
        GOAL_SEPARATOR.join(item.goal_codes),
        ORGANISATION_SEPARATOR.join(organisations.get("lead", [])),
        ORGANISATION_SEPARATOR.join(organisations.get("partner", [])),
        ORGANISATION_SEPARATOR.join(organisations.get("funder", [])),
        item.target_group,
        item.starts_on,
        item.ends_on,
        item.progress,
    ]
