"""The integration concept: editions, fields of action and goals.

Every logged-in role reads every edition, drafts included; admins and coordinators write. Only
drafts change: a write to an adopted or superseded edition (or below it) answers 409. The public
reads adopted and superseded editions under `/api/v1/public/concept`.
"""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Response, status

from api.concept import service
from api.concept.schemas import (
    EditionAdopt,
    EditionComparison,
    EditionCreate,
    EditionDerive,
    EditionKind,
    EditionPage,
    EditionRead,
    EditionStatus,
    EditionUpdate,
    FieldCreate,
    FieldPage,
    FieldRead,
    FieldUpdate,
    GoalCreate,
    GoalPage,
    GoalRead,
    GoalUpdate,
    PublicEdition,
)
from api.core.concurrency import IfMatch, set_etag
from api.core.db import DbSession
from api.core.deps import CoordinatorUser, CurrentUser
from api.core.errors import problem_responses
from api.core.pagination import ListQuery

router = APIRouter(prefix="/api/v1/concept", tags=["concept"], responses=problem_responses(401))
public_router = APIRouter(prefix="/api/v1/public/concept", tags=["public"])

EditionFilter = Annotated[
    list[EditionStatus] | None, Query(description="Repeat the parameter for several statuses")
]
PickerEdition = Annotated[
    uuid.UUID | None, Query(description="The edition; default: the current (adopted) edition")
]


# --- editions -----------------------------------------------------------------------------------


@router.get("/editions", response_model=EditionPage, responses=problem_responses(422))
async def list_editions(
    session: DbSession,
    _user: CurrentUser,
    params: ListQuery,
    status: EditionFilter = None,
    kind: EditionKind | None = None,
) -> EditionPage:
    """All editions (every role, drafts included), newest year first: the guiding principles of
    2008 (`kind` `guiding_principles`, text only), the concept editions and the draft being worked
    on. `q` searches the title."""
    return await service.list_editions(session, params, statuses=list(status or []), kind=kind)


@router.post(
    "/editions",
    response_model=EditionRead,
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(403, 409, 413, 422),
)
async def create_edition(
    data: EditionCreate, session: DbSession, user: CoordinatorUser, response: Response
) -> EditionRead:
    """Start a blank concept draft (admins, coordinators). Usually a draft is derived from the
    current edition instead (`POST /editions/{id}/derive`). 409 while another draft exists."""
    edition = await service.create_edition(session, user, data)
    set_etag(response, edition)
    response.headers["Location"] = f"{router.prefix}/editions/{edition.id}"
    return await service.read_edition(session, edition)


@router.get("/current", response_model=EditionRead, responses=problem_responses(404, 422))
async def get_current_edition(session: DbSession, _user: CurrentUser, response: Response) -> EditionRead:
    """The edition in force: the adopted concept edition with its fields of action and goals.
    404 while no concept edition has been adopted."""
    edition = await service.get_current_edition(session)
    set_etag(response, edition)
    return await service.read_edition(session, edition)


@router.get("/editions/{edition_id}", response_model=EditionRead, responses=problem_responses(404, 422))
async def get_edition(
    edition_id: uuid.UUID, session: DbSession, _user: CurrentUser, response: Response
) -> EditionRead:
    """One edition with its fields of action (by position) and their goals (every role). The ETag
    is needed to change, delete or adopt a draft; fields and goals carry their own `version`
    (their ETag is `"<version>"`)."""
    edition = await service.get_edition(session, edition_id)
    set_etag(response, edition)
    return await service.read_edition(session, edition)


@router.patch(
    "/editions/{edition_id}",
    response_model=EditionRead,
    responses=problem_responses(403, 404, 409, 412, 413, 422, 428),
)
async def update_edition(
    edition_id: uuid.UUID,
    data: EditionUpdate,
    session: DbSession,
    user: CoordinatorUser,
    response: Response,
    if_match: IfMatch = None,
) -> EditionRead:
    """Change a draft's year, title or introduction (admins, coordinators). 409 for adopted and
    superseded editions."""
    edition = await service.get_edition(session, edition_id)
    edition = await service.update_edition(session, user, edition, data, if_match=if_match)
    set_etag(response, edition)
    return await service.read_edition(session, edition)


@router.delete(
    "/editions/{edition_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problem_responses(403, 404, 409, 412, 422, 428),
)
async def delete_edition(
    edition_id: uuid.UUID, session: DbSession, user: CoordinatorUser, if_match: IfMatch = None
) -> Response:
    """Discard a draft (admins, coordinators; kept as a tombstone for sync). Measures linked to the
    draft's goals lose those links. 409 for adopted and superseded editions."""
    edition = await service.get_edition(session, edition_id)
    await service.delete_edition(session, user, edition, if_match=if_match)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.post(
    "/editions/{edition_id}/derive",
    response_model=EditionRead,
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(403, 404, 409, 413, 422),
)
async def derive_edition(
    edition_id: uuid.UUID, data: EditionDerive, session: DbSession, user: CoordinatorUser, response: Response
) -> EditionRead:
    """Derive a new draft from the current edition in one step (admins, coordinators): the
    introduction, every field of action with its bodies and every goal are copied; each copy's
    `origin_id` points to the row it was copied from. 409 when `edition_id` is not the current
    edition or another draft exists."""
    source = await service.get_edition(session, edition_id)
    draft = await service.derive_edition(session, user, source, data)
    set_etag(response, draft)
    response.headers["Location"] = f"{router.prefix}/editions/{draft.id}"
    return await service.read_edition(session, draft)


@router.post(
    "/editions/{edition_id}/adopt",
    response_model=EditionRead,
    responses=problem_responses(403, 404, 409, 412, 413, 422, 428),
)
async def adopt_edition(
    edition_id: uuid.UUID,
    data: EditionAdopt,
    session: DbSession,
    user: CoordinatorUser,
    response: Response,
    if_match: IfMatch = None,
) -> EditionRead:
    """Adopt a draft (admins, coordinators; If-Match of the draft): it becomes the current edition
    and read-only; the previously adopted concept edition becomes `superseded` as of `adopted_on`.
    409 when the edition is not a draft; 422 when `adopted_on` lies before the adoption of the
    edition it supersedes."""
    edition = await service.get_edition(session, edition_id)
    edition = await service.adopt_edition(session, user, edition, data, if_match=if_match)
    set_etag(response, edition)
    return await service.read_edition(session, edition)


@router.get(
    "/editions/{edition_id}/comparison",
    response_model=EditionComparison,
    responses=problem_responses(404, 422),
)
async def compare_editions(
    edition_id: uuid.UUID,
    base: Annotated[uuid.UUID, Query(description="The edition to compare with (usually the older one)")],
    session: DbSession,
    _user: CurrentUser,
) -> EditionComparison:
    """What changed from edition `base` to this edition: fields of action and goals that were
    added, changed (with the changed attributes; for goals `field_of_action` when a goal moved to
    another field) or removed; unchanged ones are not listed. A row is the same item as a row of
    `base` when its `origin_id` chain reaches that row; rows not matched so are matched by code."""
    target = await service.get_edition(session, edition_id)
    other = await service.get_edition(session, base)
    return await service.compare(session, target, other)


# --- fields of action ---------------------------------------------------------------------------


@router.get("/fields", response_model=FieldPage, responses=problem_responses(422))
async def list_fields(
    session: DbSession,
    _user: CurrentUser,
    params: ListQuery,
    edition_id: PickerEdition = None,
    body_id: Annotated[uuid.UUID | None, Query(description="Covered by this body")] = None,
) -> FieldPage:
    """The fields of action of one edition (default: the current edition; empty while none is
    adopted) by position, e.g. for a picker (every role). `q` searches code and title."""
    return await service.list_fields(session, params, edition_id=edition_id, body_id=body_id)


@router.post(
    "/editions/{edition_id}/fields",
    response_model=FieldRead,
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(403, 404, 409, 413, 422),
)
async def create_field(
    edition_id: uuid.UUID, data: FieldCreate, session: DbSession, user: CoordinatorUser, response: Response
) -> FieldRead:
    """Add a field of action to a draft (admins, coordinators). Codes are unique within the
    edition (422 at `code`); `body_ids` must name existing bodies. 409 unless the edition is a
    draft."""
    edition = await service.get_edition(session, edition_id)
    field = await service.create_field(session, user, edition, data)
    set_etag(response, field)
    response.headers["Location"] = f"{router.prefix}/fields/{field.id}"
    return await service.field_read(session, field)


@router.get("/fields/{field_id}", response_model=FieldRead, responses=problem_responses(404, 422))
async def get_field(
    field_id: uuid.UUID, session: DbSession, _user: CurrentUser, response: Response
) -> FieldRead:
    """One field of action with its goals (every role); the ETag is needed for changes."""
    field = await service.get_field(session, field_id)
    set_etag(response, field)
    return await service.field_read(session, field)


@router.patch(
    "/fields/{field_id}",
    response_model=FieldRead,
    responses=problem_responses(403, 404, 409, 412, 413, 422, 428),
)
async def update_field(
    field_id: uuid.UUID,
    data: FieldUpdate,
    session: DbSession,
    user: CoordinatorUser,
    response: Response,
    if_match: IfMatch = None,
) -> FieldRead:
    """Change a draft's field of action (admins, coordinators; If-Match of the field). `body_ids`
    replaces the list of bodies. 409 unless its edition is a draft."""
    field = await service.get_field(session, field_id)
    field = await service.update_field(session, user, field, data, if_match=if_match)
    set_etag(response, field)
    return await service.field_read(session, field)


@router.delete(
    "/fields/{field_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problem_responses(403, 404, 409, 412, 422, 428),
)
async def delete_field(
    field_id: uuid.UUID, session: DbSession, user: CoordinatorUser, if_match: IfMatch = None
) -> Response:
    """Delete a draft's field of action with its goals for good (admins, coordinators); measures
    lose their links to those goals. 409 unless its edition is a draft, or when needs link it."""
    field = await service.get_field(session, field_id)
    await service.delete_field(session, user, field, if_match=if_match)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


# --- goals --------------------------------------------------------------------------------------


@router.get("/goals", response_model=GoalPage, responses=problem_responses(422))
async def list_goals(
    session: DbSession,
    _user: CurrentUser,
    params: ListQuery,
    edition_id: PickerEdition = None,
    field_of_action_id: Annotated[
        uuid.UUID | None, Query(description="Goals of this field of action")
    ] = None,
    without_measures: Annotated[
        bool | None,
        Query(description="true: only goals no live measure is linked to; false: only goals with one"),
    ] = None,
) -> GoalPage:
    """The goals of one edition (default: the current edition; empty while none is adopted), by
    field of action and position, e.g. for a picker (every role). `q` searches code and title."""
    return await service.list_goals(
        session,
        params,
        edition_id=edition_id,
        field_of_action_id=field_of_action_id,
        without_measures=without_measures,
    )


@router.post(
    "/editions/{edition_id}/goals",
    response_model=GoalRead,
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(403, 404, 409, 413, 422),
)
async def create_goal(
    edition_id: uuid.UUID, data: GoalCreate, session: DbSession, user: CoordinatorUser, response: Response
) -> GoalRead:
    """Add a goal to a field of action of a draft (admins, coordinators). Codes are unique within
    the edition (422 at `code`); the field must belong to the same edition (422 at
    `field_of_action_id`). 409 unless the edition is a draft."""
    edition = await service.get_edition(session, edition_id)
    goal = await service.create_goal(session, user, edition, data)
    set_etag(response, goal)
    response.headers["Location"] = f"{router.prefix}/goals/{goal.id}"
    return await service.goal_read(session, goal)


@router.get("/goals/{goal_id}", response_model=GoalRead, responses=problem_responses(404, 422))
async def get_goal(
    goal_id: uuid.UUID, session: DbSession, _user: CurrentUser, response: Response
) -> GoalRead:
    """One goal (every role); the ETag is needed for changes."""
    goal = await service.get_goal(session, goal_id)
    set_etag(response, goal)
    return await service.goal_read(session, goal)


@router.patch(
    "/goals/{goal_id}",
    response_model=GoalRead,
    responses=problem_responses(403, 404, 409, 412, 413, 422, 428),
)
async def update_goal(
    goal_id: uuid.UUID,
    data: GoalUpdate,
    session: DbSession,
    user: CoordinatorUser,
    response: Response,
    if_match: IfMatch = None,
) -> GoalRead:
    """Change a draft's goal (admins, coordinators; If-Match of the goal); `field_of_action_id`
    moves it to another field of the same edition. 409 unless its edition is a draft."""
    goal = await service.get_goal(session, goal_id)
    goal = await service.update_goal(session, user, goal, data, if_match=if_match)
    set_etag(response, goal)
    return await service.goal_read(session, goal)


@router.delete(
    "/goals/{goal_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problem_responses(403, 404, 409, 412, 422, 428),
)
async def delete_goal(
    goal_id: uuid.UUID, session: DbSession, user: CoordinatorUser, if_match: IfMatch = None
) -> Response:
    """Delete a draft's goal for good (admins, coordinators); measures lose their link to it. 409
    unless its edition is a draft."""
    goal = await service.get_goal(session, goal_id)
    await service.delete_goal(session, user, goal, if_match=if_match)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


# --- public -------------------------------------------------------------------------------------


@public_router.get("", response_model=list[PublicEdition])
async def list_public_editions(session: DbSession) -> list[PublicEdition]:
    """The adopted and superseded editions without login, newest year first: the guiding
    principles of 2008 (text only) and every concept edition in force now or before, with their
    fields of action and goals. Drafts are not public."""
    return await service.public_editions(session)
