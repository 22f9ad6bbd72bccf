"""The filters of the measures list, one FastAPI dependency shared by the list and its exports."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, fields
from datetime import date
from typing import Annotated

from fastapi import Depends, Query

from api.measures.schemas import StatusFilter


@dataclass(frozen=True)
class MeasureFilters:
    statuses: list[str]
    body_id: uuid.UUID | None = None
    field_of_action_id: uuid.UUID | None = None
    goal_id: uuid.UUID | None = None
    organisation_id: uuid.UUID | None = None
    active_from: date | None = None
    active_to: date | None = None

    def used(self) -> list[str]:
        """The query parameter names of the filters that are set (for the export audit row)."""
        return [
            "status" if item.name == "statuses" else item.name
            for item in fields(self)
            if getattr(self, item.name) not in (None, [])
        ]


def measure_filters(
    status: Annotated[
        StatusFilter | None,
        Query(description="Repeat the parameter or separate by commas, e.g. `planned,in_progress`"),
    ] = None,
    body_id: Annotated[uuid.UUID | None, Query(description="Responsible body")] = None,
    field_of_action_id: Annotated[
        uuid.UUID | None, Query(description="Pursues a goal of this field of action")
    ] = None,
    goal_id: Annotated[uuid.UUID | None, Query(description="Pursues this goal")] = None,
    organisation_id: Annotated[
        uuid.UUID | None, Query(description="This organisation takes part (as lead, partner or funder)")
    ] = None,
    active_from: Annotated[
        date | None, Query(description="Runs on or after this day (a missing end counts as open)")
    ] = None,
    active_to: Annotated[
        date | None, Query(description="Runs on or before this day (a missing start counts as open)")
    ] = None,
) -> MeasureFilters:
    return MeasureFilters(
        statuses=list(status or []),
        body_id=body_id,
        field_of_action_id=field_of_action_id,
        goal_id=goal_id,
        organisation_id=organisation_id,
        active_from=active_from,
        active_to=active_to,
    )


MeasureFilterQuery = Annotated[MeasureFilters, Depends(measure_filters)]
