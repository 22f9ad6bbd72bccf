"""Measures: every logged-in role reads them; coordinators and the responsible body's spokespersons
create and change them, with their milestones and indicators."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Response, status

from api.core.concurrency import IfMatch, set_etag
from api.core.db import DbSession
from api.core.deps import CurrentUser, require_roles
from api.core.errors import problem_responses
from api.core.pagination import ListQuery
from api.measures import service
from api.measures.filters import MeasureFilterQuery
from api.measures.schemas import (
    IndicatorCreate,
    IndicatorRead,
    IndicatorUpdate,
    MeasureCreate,
    MeasurePage,
    MeasureRead,
    MeasureStatusChange,
    MeasureUpdate,
    MilestoneCreate,
    MilestoneRead,
    MilestoneUpdate,
)
from api.models import User

router = APIRouter(prefix="/api/v1/measures", tags=["measures"], responses=problem_responses(401))

MeasureEditor = Annotated[User, Depends(require_roles("coordinator", "spokesperson"))]


@router.get("", response_model=MeasurePage, responses=problem_responses(422))
async def list_measures(
    session: DbSession,
    user: CurrentUser,
    params: ListQuery,
    filters: MeasureFilterQuery,
) -> MeasurePage:
    """All measures, newest reference first (every logged-in role).

    `q` searches reference, title and description. `active_from`/`active_to` keep the measures
    whose period [starts_on, ends_on] overlaps the given period. `modified_since` answers the rows
    changed since then, oldest first, with deleted measures as tombstones.
    """
    return await service.list_measures(session, params, filters)


@router.post(
    "",
    response_model=MeasureRead,
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(403, 413, 422),
)
async def create_measure(
    data: MeasureCreate, session: DbSession, user: MeasureEditor, response: Response
) -> MeasureRead:
    """Create a measure (coordinators; spokespersons for a body they lead) with the next reference
    `M-{year}-{NNN}`, which is never handed out again. It starts as `idea` (default) or `planned`.

    Goals must belong to the current concept edition or the draft edition; organisations appear at
    most once; linked needs that are `open` become `addressed`. `origin_agenda_item_id` alone also
    sets the origin meeting. Errors: 403 for other roles or bodies, 422 for unknown references
    (field named in the problem), `ends_on` before `starts_on`, or progress outside 0–100.
    """
    measure = await service.create_measure(session, user, data)
    set_etag(response, measure)
    response.headers["Location"] = f"{router.prefix}/{measure.id}"
    return await service.read(session, user, measure)


@router.get("/{measure_id}", response_model=MeasureRead, responses=problem_responses(404, 422))
async def get_measure(
    measure_id: uuid.UUID, session: DbSession, user: CurrentUser, response: Response
) -> MeasureRead:
    """One measure with goals (older editions' links included), organisations, needs, milestones,
    indicators, its origin and the agenda items where it was discussed (meetings the caller may
    not read are left out). The ETag is needed for changes of the measure itself."""
    measure = await service.get_measure(session, measure_id)
    set_etag(response, measure)
    return await service.read(session, user, measure)


@router.patch(
    "/{measure_id}",
    response_model=MeasureRead,
    responses=problem_responses(403, 404, 412, 413, 422, 428),
)
async def update_measure(
    measure_id: uuid.UUID,
    data: MeasureUpdate,
    session: DbSession,
    user: MeasureEditor,
    response: Response,
    if_match: IfMatch = None,
) -> MeasureRead:
    """Change a measure (coordinators; spokespersons of its body, and of the new body when moving
    it). Only the fields sent change; `goal_ids`, `organisations` and `need_ids` replace the whole
    list. Goals of older editions already linked may stay; new ones must be of the current or draft
    edition (422). The status changes through `POST /measures/{id}/status`."""
    measure = await service.get_measure(session, measure_id)
    measure = await service.update_measure(session, user, measure, data, if_match=if_match)
    set_etag(response, measure)
    return await service.read(session, user, measure)


@router.post(
    "/{measure_id}/status",
    response_model=MeasureRead,
    responses=problem_responses(403, 404, 409, 412, 413, 422, 428),
)
async def change_measure_status(
    measure_id: uuid.UUID,
    data: MeasureStatusChange,
    session: DbSession,
    user: MeasureEditor,
    response: Response,
    if_match: IfMatch = None,
) -> MeasureRead:
    """Move a measure on: idea → planned | discontinued; planned → in_progress | paused |
    discontinued; in_progress → completed | paused | discontinued; paused → planned | in_progress |
    discontinued; completed and discontinued are final. Any other move answers 409 naming the
    current status and the allowed targets. `paused` and `discontinued` need a `reason` (422);
    `completed` sets progress to 100."""
    measure = await service.get_measure(session, measure_id)
    measure = await service.change_status(session, user, measure, data, if_match=if_match)
    set_etag(response, measure)
    return await service.read(session, user, measure)


@router.delete(
    "/{measure_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problem_responses(403, 404, 412, 422, 428),
)
async def delete_measure(
    measure_id: uuid.UUID, session: DbSession, user: MeasureEditor, if_match: IfMatch = None
) -> Response:
    """Delete a measure (kept as a tombstone for sync; its reference is never handed out again)."""
    measure = await service.get_measure(session, measure_id)
    await service.delete_measure(session, user, measure, if_match=if_match)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


# --- milestones -------------------------------------------------------------------------------


@router.post(
    "/{measure_id}/milestones",
    response_model=MilestoneRead,
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(403, 404, 413, 422),
)
async def create_milestone(
    measure_id: uuid.UUID, data: MilestoneCreate, session: DbSession, user: MeasureEditor, response: Response
) -> MilestoneRead:
    """Add a milestone (date, title, note, progress reached then, 0–100) to a measure. Whoever may
    change the measure may do this; the measure's ETag is not needed."""
    measure = await service.get_measure(session, measure_id)
    milestone = await service.create_milestone(session, user, measure, data)
    set_etag(response, milestone)
    response.headers["Location"] = f"{router.prefix}/{measure.id}/milestones/{milestone.id}"
    return MilestoneRead.model_validate(milestone)


@router.patch(
    "/{measure_id}/milestones/{milestone_id}",
    response_model=MilestoneRead,
    responses=problem_responses(403, 404, 412, 413, 422, 428),
)
async def update_milestone(
    measure_id: uuid.UUID,
    milestone_id: uuid.UUID,
    data: MilestoneUpdate,
    session: DbSession,
    user: MeasureEditor,
    response: Response,
    if_match: IfMatch = None,
) -> MilestoneRead:
    """Change a milestone; `If-Match` with the milestone's `version` as ETag (`"3"`)."""
    measure = await service.get_measure(session, measure_id)
    milestone = await service.get_milestone(session, measure, milestone_id)
    milestone = await service.update_milestone(session, user, measure, milestone, data, if_match=if_match)
    set_etag(response, milestone)
    return MilestoneRead.model_validate(milestone)


@router.delete(
    "/{measure_id}/milestones/{milestone_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problem_responses(403, 404, 412, 422, 428),
)
async def delete_milestone(
    measure_id: uuid.UUID,
    milestone_id: uuid.UUID,
    session: DbSession,
    user: MeasureEditor,
    if_match: IfMatch = None,
) -> Response:
    """Remove a milestone; `If-Match` with the milestone's ETag."""
    measure = await service.get_measure(session, measure_id)
    milestone = await service.get_milestone(session, measure, milestone_id)
    await service.delete_milestone(session, user, measure, milestone, if_match=if_match)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


# --- indicators -------------------------------------------------------------------------------


@router.post(
    "/{measure_id}/indicators",
    response_model=IndicatorRead,
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(403, 404, 413, 422),
)
async def create_indicator(
    measure_id: uuid.UUID, data: IndicatorCreate, session: DbSession, user: MeasureEditor, response: Response
) -> IndicatorRead:
    """Add an indicator (name, unit, baseline, target, actual values per period) at the end of the
    measure's list. A `period` is `YYYY`, `YYYY-Qn`, `YYYY-Hn` or `YYYY-MM` and appears at most once
    (422 otherwise)."""
    measure = await service.get_measure(session, measure_id)
    indicator = await service.create_indicator(session, user, measure, data)
    set_etag(response, indicator)
    response.headers["Location"] = f"{router.prefix}/{measure.id}/indicators/{indicator.id}"
    return service.indicator_read(indicator)


@router.patch(
    "/{measure_id}/indicators/{indicator_id}",
    response_model=IndicatorRead,
    responses=problem_responses(403, 404, 412, 413, 422, 428),
)
async def update_indicator(
    measure_id: uuid.UUID,
    indicator_id: uuid.UUID,
    data: IndicatorUpdate,
    session: DbSession,
    user: MeasureEditor,
    response: Response,
    if_match: IfMatch = None,
) -> IndicatorRead:
    """Change an indicator; `actuals` replaces the whole list. `If-Match` with the indicator's ETag."""
    measure = await service.get_measure(session, measure_id)
    indicator = await service.get_indicator(session, measure, indicator_id)
    indicator = await service.update_indicator(session, user, measure, indicator, data, if_match=if_match)
    set_etag(response, indicator)
    return service.indicator_read(indicator)


@router.delete(
    "/{measure_id}/indicators/{indicator_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problem_responses(403, 404, 412, 422, 428),
)
async def delete_indicator(
    measure_id: uuid.UUID,
    indicator_id: uuid.UUID,
    session: DbSession,
    user: MeasureEditor,
    if_match: IfMatch = None,
) -> Response:
    """Remove an indicator; `If-Match` with the indicator's ETag."""
    measure = await service.get_measure(session, measure_id)
    indicator = await service.get_indicator(session, measure, indicator_id)
    await service.delete_indicator(session, user, measure, indicator, if_match=if_match)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
