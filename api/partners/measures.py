"""Partner systems and measures: they read every live measure and report the progress of those
their organisation co-runs (as lead, partner or funder)."""

from __future__ import annotations

import uuid
from collections import defaultdict
from datetime import date, datetime
from typing import Annotated

from fastapi import APIRouter, Depends, Response, status
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from api.core.audit import record_audit
from api.core.concurrency import IfMatch, check_if_match, set_etag
from api.core.db import DbSession
from api.core.errors import NotFound, problem_responses
from api.core.fields import Line200, LongText
from api.core.sync import SyncPage, SyncQuery, fetch_sync_page
from api.measures.schemas import Day, MeasureStatus, OrganisationRole, Progress
from api.models import Measure, MeasureOrganisation, Milestone
from api.models.base import today
from api.partners.access import Partner, require_scope

router = APIRouter(
    prefix="/api/v1/partner/measures", tags=["partner"], responses=problem_responses(401, 403, 429)
)


class PartnerMeasureOrganisation(BaseModel):
    organisation_id: uuid.UUID
    role: OrganisationRole


class PartnerMeasure(BaseModel):
    id: uuid.UUID
    reference: str
    title: str
    description: str
    body_id: uuid.UUID
    target_group: str
    status: MeasureStatus
    progress: int
    starts_on: date | None
    ends_on: date | None
    organisations: list[PartnerMeasureOrganisation]
    updated_at: datetime
    version: int


class PartnerMeasurePage(SyncPage[PartnerMeasure]):
    pass


COLUMNS = [field for field in PartnerMeasure.model_fields if field != "organisations"]


class ProgressReport(BaseModel):
    model_config = ConfigDict(extra="forbid")

    progress: Progress
    title: Line200 = Field(description="What was reached, e.g. 'Zweiter Kurs gestartet'")
    note: LongText = ""
    date: Day | None = Field(default=None, description="Of the milestone; today (UTC) if left out")


async def _reads(session: AsyncSession, measures: list[Measure]) -> list[PartnerMeasure]:
    organisations: dict[uuid.UUID, list[PartnerMeasureOrganisation]] = defaultdict(list)
    if measures:
        rows = await session.scalars(
            select(MeasureOrganisation)
            .where(MeasureOrganisation.measure_id.in_([m.id for m in measures]))
            .order_by(MeasureOrganisation.measure_id, MeasureOrganisation.organisation_id)
        )
        for row in rows:
            organisations[row.measure_id].append(
                PartnerMeasureOrganisation(organisation_id=row.organisation_id, role=row.role)
            )
    return [
        PartnerMeasure.model_validate(
            {
                **{
                    field: getattr(m, field)
                    for field in PartnerMeasure.model_fields
                    if field != "organisations"
                },
                "organisations": organisations[m.id],
            }
        )
        for m in measures
    ]


@router.get("", response_model=PartnerMeasurePage, responses=problem_responses(422))
async def sync_measures(
    session: DbSession,
    _partner: Annotated[Partner, Depends(require_scope("measures:read"))],
    params: SyncQuery,
) -> PartnerMeasurePage:
    """Every live measure with its organisations (scope `measures:read`); with `modified_since`,
    the changes since then (a progress report changes its measure) and deleted ones as tombstones."""
    result = await fetch_sync_page(session, Measure, Measure.deleted_at.is_(None), params)
    return PartnerMeasurePage(
        items=await _reads(session, result.items),
        tombstones=result.tombstones,
        next_cursor=result.next_cursor,
        next_modified_since=result.next_modified_since,
    )


@router.post(
    "/{measure_id}/progress",
    response_model=PartnerMeasure,
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(404, 412, 413, 422, 428),
)
async def report_progress(
    measure_id: uuid.UUID,
    data: ProgressReport,
    session: DbSession,
    partner: Annotated[Partner, Depends(require_scope("measures:progress"))],
    response: Response,
    if_match: IfMatch = None,
) -> PartnerMeasure:
    """Report the progress of a measure the client's organisation co-runs (scope
    `measures:progress`, If-Match of the measure): sets its progress and records a milestone.
    Any other measure answers 404."""
    measure = await session.scalar(
        select(Measure).where(
            Measure.id == measure_id,
            Measure.deleted_at.is_(None),
            Measure.id.in_(
                select(MeasureOrganisation.measure_id).where(
                    MeasureOrganisation.organisation_id == partner.client.organisation_id
                )
            ),
        )
    )
    if measure is None:
        raise NotFound("No measure your organisation runs with this id.")
    check_if_match(if_match, measure)
    milestone = Milestone(
        measure_id=measure.id,
        date=data.date or today(),
        title=data.title,
        note=data.note,
        progress=data.progress,
    )
    session.add(milestone)
    measure.progress = data.progress
    await session.flush()
    record_audit(
        session,
        actor_id=partner.client.id,
        action="measure.progress",
        object_type="measure",
        object_id=measure.id,
        details={"via": "api_client", "progress": data.progress, "milestone_id": str(milestone.id)},
    )
    set_etag(response, measure)
    [read] = await _reads(session, [measure])
    return read
