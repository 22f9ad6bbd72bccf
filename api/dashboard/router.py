"""The dashboard: one call with the figures of the start page."""

from __future__ import annotations

from fastapi import APIRouter

from api.core.db import DbSession
from api.core.deps import AppSettings, CurrentUser
from api.core.errors import problem_responses
from api.dashboard.schemas import Dashboard
from api.dashboard.service import build_dashboard

router = APIRouter(prefix="/api/v1/dashboard", tags=["dashboard"], responses=problem_responses(401))


@router.get("", response_model=Dashboard)
async def get_dashboard(session: DbSession, user: CurrentUser, settings: AppSettings) -> Dashboard:
    """Where the network stands, for any logged-in role: live measures per status by working group
    (and every other body with measures) and by field of action of the current concept edition,
    the current edition's goals without a measure, open needs per body, the next meetings the caller
    may read, average progress over the last eight quarters (from the milestones) and the latest
    milestones.

    Every figure equals the `total` of the list request it summarises, e.g.
    `GET /measures?body_id=…&status=planned`, `GET /measures?field_of_action_id=…&status=…`,
    `GET /needs?body_id=…&status=open`, `GET /concept/goals?without_measures=true`; coming meetings
    are those from today (Europe/Berlin) on, not cancelled, that `GET /meetings?from=<today>` lists.
    Measures and needs count the same for every role; meetings only where the caller may read them.
    Dates and quarters are Europe/Berlin."""
    return await build_dashboard(session, user, office_name=settings.office_name)
