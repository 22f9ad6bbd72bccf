"""Needs: every role reads them; coordinators and the body's spokespersons record and change them."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Response, status

from api.core.concurrency import IfMatch, set_etag
from api.core.db import DbSession
from api.core.deps import CurrentUser, require_roles
from api.core.errors import problem_responses
from api.core.pagination import ListQuery
from api.models import User
from api.needs import service
from api.needs.schemas import NeedCreate, NeedPage, NeedRead, NeedStatusChange, NeedUpdate, StatusFilter

router = APIRouter(prefix="/api/v1/needs", tags=["needs"], responses=problem_responses(401))

NeedEditor = Annotated[User, Depends(require_roles("coordinator", "spokesperson"))]


@router.get("", response_model=NeedPage, responses=problem_responses(422))
async def list_needs(
    session: DbSession,
    user: CurrentUser,
    params: ListQuery,
    body_id: uuid.UUID | None = None,
    field_of_action_id: Annotated[uuid.UUID | None, Query(description="In this field of action")] = None,
    status: Annotated[
        StatusFilter | None,
        Query(description="Repeat the parameter or separate by commas, e.g. `open,addressed`"),
    ] = None,
    meeting_id: Annotated[uuid.UUID | None, Query(description="Raised in this meeting")] = None,
    agenda_item_id: Annotated[uuid.UUID | None, Query(description="Raised at this agenda item")] = None,
) -> NeedPage:
    """All needs, newest first (every role); `q` searches title and description."""
    return await service.list_needs(
        session,
        user,
        params,
        body_id=body_id,
        field_of_action_id=field_of_action_id,
        statuses=list(status or []),
        meeting_id=meeting_id,
        agenda_item_id=agenda_item_id,
    )


@router.post(
    "",
    response_model=NeedRead,
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(403, 413, 422),
)
async def create_need(data: NeedCreate, session: DbSession, user: NeedEditor, response: Response) -> NeedRead:
    """Record a need of a body (coordinators; spokespersons for the bodies they lead), e.g. from the
    agenda item of the meeting where it was raised. It starts `open`."""
    need = await service.create_need(session, user, data)
    set_etag(response, need)
    response.headers["Location"] = f"{router.prefix}/{need.id}"
    [read] = await service.reads(session, user, [need])
    return read


@router.get("/{need_id}", response_model=NeedRead, responses=problem_responses(404, 422))
async def get_need(need_id: uuid.UUID, session: DbSession, user: CurrentUser, response: Response) -> NeedRead:
    """One need; the ETag is needed for changes."""
    need = await service.get_need(session, need_id)
    set_etag(response, need)
    [read] = await service.reads(session, user, [need])
    return read


@router.patch(
    "/{need_id}",
    response_model=NeedRead,
    responses=problem_responses(403, 404, 412, 413, 422, 428),
)
async def update_need(
    need_id: uuid.UUID,
    data: NeedUpdate,
    session: DbSession,
    user: NeedEditor,
    response: Response,
    if_match: IfMatch = None,
) -> NeedRead:
    """Change a need (coordinators; spokespersons of its body, and of the new body when moving it)."""
    need = await service.get_need(session, need_id)
    need = await service.update_need(session, user, need, data, if_match=if_match)
    set_etag(response, need)
    [read] = await service.reads(session, user, [need])
    return read


@router.post(
    "/{need_id}/status",
    response_model=NeedRead,
    responses=problem_responses(403, 404, 409, 412, 413, 422, 428),
)
async def change_need_status(
    need_id: uuid.UUID,
    data: NeedStatusChange,
    session: DbSession,
    user: NeedEditor,
    response: Response,
    if_match: IfMatch = None,
) -> NeedRead:
    """Move a need on: open → addressed | escalated | dismissed; addressed → escalated | resolved |
    dismissed; escalated → resolved | dismissed; back to open only by coordinators. Other moves
    answer 409; resolved and dismissed need a note."""
    need = await service.get_need(session, need_id)
    need = await service.change_status(session, user, need, data, if_match=if_match)
    set_etag(response, need)
    [read] = await service.reads(session, user, [need])
    return read


@router.delete(
    "/{need_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problem_responses(403, 404, 412, 422, 428),
)
async def delete_need(
    need_id: uuid.UUID, session: DbSession, user: NeedEditor, if_match: IfMatch = None
) -> Response:
    """Delete a need (kept as a tombstone for sync)."""
    need = await service.get_need(session, need_id)
    await service.delete_need(session, user, need, if_match=if_match)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
