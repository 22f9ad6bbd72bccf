from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Query
from fastapi.responses import Response, StreamingResponse

from api.core.db import DbSession
from api.core.deps import CoordinatorUser, CurrentUser, is_coordinator
from api.core.errors import FieldValidationError, problem_responses
from api.core.fields import SINGLE_LINE
from api.core.pagination import NO_NUL
from api.exports import measures as measure_exports
from api.exports import service
from api.measures.filters import MeasureFilterQuery, MeasureFilters
from api.members.schemas import Engagement, LanguageFilter, MemberSort, MemberStatus
from api.models import User
from api.models.base import today
from api.organisations.schemas import Municipality, OrganisationKind, OrganisationSort

router = APIRouter(prefix="/api/v1/exports", tags=["exports"], responses=problem_responses(401))

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class CsvResponse(StreamingResponse):
    media_type = "text/csv"


class XlsxResponse(Response):
    media_type = XLSX


CSV_OK: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "UTF-8 with BOM, `;`-separated, CRLF; cells starting with = + - @ are prefixed with '",
        "content": {"text/csv": {"schema": {"type": "string"}}},
    }
}
XLSX_OK: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "An Excel workbook",
        "content": {XLSX: {"schema": {"type": "string", "format": "binary"}}},
    }
}
Search = Annotated[str | None, Query(max_length=200, pattern=NO_NUL, description="Free-text search")]
Reason = Annotated[
    str,
    Query(
        min_length=5,
        max_length=500,
        pattern=SINGLE_LINE,
        description="Why personal data is exported; recorded in the audit log",
    ),
]


def export_reason(reason: str) -> str:
    reason = reason.strip()
    if len(reason) < 5:
        raise FieldValidationError(
            "reason", "Give a reason of at least 5 characters.", "reason_too_short", "query"
        )
    return reason


def attachment_disposition(stem: str, extension: str) -> dict[str, str]:
    name = f"{stem}-{today().isoformat()}.{extension}"
    return {"Content-Disposition": f"attachment; filename=\"{name}\"; filename*=UTF-8''{name}"}


async def _members(
    session: DbSession,
    user: CurrentUser,
    *,
    file_format: str,
    reason: str,
    q: str | None,
    organisation_id: uuid.UUID | None,
    body_id: uuid.UUID | None,
    language: str | None,
    engagement: str | None,
    status: str | None,
    sort: MemberSort,
) -> service.Table:
    reason = export_reason(reason)
    filters = {
        "organisation_id": organisation_id,
        "body_id": body_id,
        "language": language,
        "engagement": engagement,
        "status": status,
    }
    q = q.strip() or None if q else None
    table = await service.member_table(
        session, coordinator=is_coordinator(user), q=q, filters=filters, sort=sort
    )
    used = [name for name, value in filters.items() if value is not None] + (["q"] if q else [])
    service.audit_export(
        session,
        actor_id=user.id,
        what="members",
        file_format=file_format,
        rows=len(table.rows),
        filters=used,
        reason=reason,
    )
    return table


@router.get("/members.csv", response_class=CsvResponse, responses=CSV_OK | problem_responses(422))
async def export_members_csv(
    session: DbSession,
    user: CurrentUser,
    reason: Reason,
    q: Search = None,
    organisation_id: uuid.UUID | None = None,
    body_id: uuid.UUID | None = None,
    language: LanguageFilter | None = None,
    engagement: Engagement | None = None,
    status: MemberStatus | None = None,
    sort: MemberSort = "family_name",
) -> CsvResponse:
    """The member list as CSV, with the filters of `GET /members`; `reason` is required and logged.

    Admins and coordinators get every field except the internal notes, plus the current working
    groups and the dates; every other role gets the public fields of the members they may list.
    """
    table = await _members(
        session,
        user,
        file_format="csv",
        reason=reason,
        q=q,
        organisation_id=organisation_id,
        body_id=body_id,
        language=language,
        engagement=engagement,
        status=status,
        sort=sort,
    )
    return CsvResponse(service.csv_chunks(table), headers=attachment_disposition("Mitglieder", "csv"))


@router.get("/members.xlsx", response_class=XlsxResponse, responses=XLSX_OK | problem_responses(422))
async def export_members_xlsx(
    session: DbSession,
    user: CurrentUser,
    reason: Reason,
    q: Search = None,
    organisation_id: uuid.UUID | None = None,
    body_id: uuid.UUID | None = None,
    language: LanguageFilter | None = None,
    engagement: Engagement | None = None,
    status: MemberStatus | None = None,
    sort: MemberSort = "family_name",
) -> XlsxResponse:
    """The member list as an Excel workbook; same filters, columns and rules as `members.csv`."""
    table = await _members(
        session,
        user,
        file_format="xlsx",
        reason=reason,
        q=q,
        organisation_id=organisation_id,
        body_id=body_id,
        language=language,
        engagement=engagement,
        status=status,
        sort=sort,
    )
    return XlsxResponse(
        service.xlsx_bytes(table, "Mitglieder"), headers=attachment_disposition("Mitglieder", "xlsx")
    )


async def _organisations(
    session: DbSession,
    user: CurrentUser,
    *,
    file_format: str,
    q: str | None,
    kind: str | None,
    municipality: str | None,
    sort: OrganisationSort,
) -> service.Table:
    q = q.strip() or None if q else None
    table = await service.organisation_table(session, q=q, kind=kind, municipality=municipality, sort=sort)
    used = [name for name, value in (("q", q), ("kind", kind), ("municipality", municipality)) if value]
    service.audit_export(
        session,
        actor_id=user.id,
        what="organisations",
        file_format=file_format,
        rows=len(table.rows),
        filters=used,
        reason=None,
    )
    return table


@router.get("/organisations.csv", response_class=CsvResponse, responses=CSV_OK | problem_responses(422))
async def export_organisations_csv(
    session: DbSession,
    user: CurrentUser,
    q: Search = None,
    kind: OrganisationKind | None = None,
    municipality: Municipality | None = None,
    sort: OrganisationSort = "name",
) -> CsvResponse:
    """The organisation list as CSV, with the filters of `GET /organisations`."""
    table = await _organisations(
        session, user, file_format="csv", q=q, kind=kind, municipality=municipality, sort=sort
    )
    return CsvResponse(service.csv_chunks(table), headers=attachment_disposition("Organisationen", "csv"))


@router.get("/organisations.xlsx", response_class=XlsxResponse, responses=XLSX_OK | problem_responses(422))
async def export_organisations_xlsx(
    session: DbSession,
    user: CurrentUser,
    q: Search = None,
    kind: OrganisationKind | None = None,
    municipality: Municipality | None = None,
    sort: OrganisationSort = "name",
) -> XlsxResponse:
    """The organisation list as an Excel workbook."""
    table = await _organisations(
        session, user, file_format="xlsx", q=q, kind=kind, municipality=municipality, sort=sort
    )
    return XlsxResponse(
        service.xlsx_bytes(table, "Organisationen"), headers=attachment_disposition("Organisationen", "xlsx")
    )


async def _measures(
    session: DbSession, user: User, *, file_format: str, q: str | None, filters: MeasureFilters
) -> service.Table:
    q = q.strip() or None if q else None
    table = await measure_exports.measure_table(session, q=q, filters=filters)
    service.audit_export(
        session,
        actor_id=user.id,
        what="measures",
        file_format=file_format,
        rows=len(table.rows),
        filters=filters.used() + (["q"] if q else []),
        reason=None,
    )
    return table


@router.get("/measures.csv", response_class=CsvResponse, responses=CSV_OK | problem_responses(403, 422))
async def export_measures_csv(
    session: DbSession,
    user: CoordinatorUser,
    filters: MeasureFilterQuery,
    q: Search = None,
) -> CsvResponse:
    """The measures list as CSV (admins and coordinators; 403 for other roles), with the filters
    of `GET /measures` and its order (newest reference first).

    Columns, in this order, as `POST /imports/measures` reads them back: Referenz, Titel,
    Beschreibung, Status (Idee, Geplant, In Umsetzung, Abgeschlossen, Pausiert, Eingestellt),
    Begründung, Verantwortlich (short name of the responsible body), Ziele (goal codes of the
    current concept edition, `, `-separated), Federführung, Partner, Förderer (organisation names,
    `; `-separated), Zielgruppe, Beginn, Ende (TT.MM.JJJJ), Fortschritt (0–100). Measures hold no
    personal data, so no reason is asked for; every export is recorded as `export.measures`.
    422 when `active_to` is before `active_from` or more than 20,000 measures match.
    """
    table = await _measures(session, user, file_format="csv", q=q, filters=filters)
    return CsvResponse(service.csv_chunks(table), headers=attachment_disposition("Massnahmen", "csv"))


@router.get("/measures.xlsx", response_class=XlsxResponse, responses=XLSX_OK | problem_responses(403, 422))
async def export_measures_xlsx(
    session: DbSession,
    user: CoordinatorUser,
    filters: MeasureFilterQuery,
    q: Search = None,
) -> XlsxResponse:
    """The measures list as an Excel workbook; same filters, columns and rules as `measures.csv`
    (dates are date cells, the progress a number)."""
    table = await _measures(session, user, file_format="xlsx", q=q, filters=filters)
    return XlsxResponse(
        service.xlsx_bytes(table, "Maßnahmen"), headers=attachment_disposition("Massnahmen", "xlsx")
    )
