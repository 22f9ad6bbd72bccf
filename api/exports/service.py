"""Exports of the directory lists as CSV (Excel in Germany: UTF-8 with BOM, `;`) and XLSX.

Columns follow the import's German headers, so an export can be imported again. What a caller
gets is what the lists show them: admins and coordinators every member field except the
internal notes (working notes do not leave the system in files); every other role the public
fields (`MemberPublicRead`) of the members the list shows them.
"""

from __future__ import annotations

import csv
import io
import uuid
from collections.abc import Iterator, Sequence
from datetime import date
from typing import Any

from openpyxl import Workbook
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from api.core.audit import record_audit
from api.core.errors import FieldValidationError
from api.core.pagination import ListParams
from api.members import service as members_service
from api.members.schemas import MemberSort
from api.models import Body, Membership, Organisation
from api.models.base import today
from api.organisations import service as organisations_service
from api.organisations.schemas import OrganisationSort

MAX_EXPORT_ROWS = 20_000
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
ENGAGEMENT_DE = {"professional": "Hauptamt", "volunteer": "Ehrenamt"}
STATUS_DE = {"active": "aktiv", "inactive": "inaktiv", "left": "ausgeschieden"}
KIND_DE = {
    "public_authority": "Behörde",
    "welfare_association": "Wohlfahrtsverband",
    "education_provider": "Bildungsträger",
    "migrant_organisation": "Migrantenorganisation",
    "association_initiative": "Verein/Initiative",
    "religious_community": "Religionsgemeinschaft",
    "company_chamber": "Unternehmen/Kammer",
    "other": "Sonstige",
}
PUBLIC_MEMBER_COLUMNS = [
    "ID",
    "Titel",
    "Vorname",
    "Nachname",
    "E-Mail",
    "Telefon",
    "Organisation",
    "Engagement",
    "Funktion",
    "Sprachen",
    "Status",
]
FULL_MEMBER_COLUMNS = [*PUBLIC_MEMBER_COLUMNS, "Arbeitskreise", "Eintrittsdatum", "Austrittsdatum"]
ORGANISATION_COLUMNS = [
    "ID",
    "Name",
    "Kurzname",
    "Art",
    "Straße",
    "PLZ",
    "Ort",
    "Kommune",
    "Website",
    "E-Mail",
    "Telefon",
]
Value = str | int | date | None


class Table:
    def __init__(self, columns: list[str], rows: list[list[Value]]) -> None:
        self.columns = columns
        self.rows = rows


def too_many_rows(total: int) -> FieldValidationError:
    error = FieldValidationError(
        "q", f"{total} rows match; narrow the filters to at most {MAX_EXPORT_ROWS}.", "too_many_rows"
    )
    error.errors[0].location = "query"  # type: ignore[index]
    return error


async def _organisation_names(session: AsyncSession) -> dict[uuid.UUID, str]:
    rows = (await session.execute(select(Organisation.id, Organisation.name))).all()
    return {row.id: row.name for row in rows}


async def _working_groups(session: AsyncSession) -> dict[uuid.UUID, list[str]]:
    rows = (
        await session.execute(
            select(Membership.member_id, Body.short_name)
            .join(Body, Body.id == Membership.body_id)
            .where(Body.kind == "working_group", members_service.current_membership(today()))
            .order_by(Body.short_name)
        )
    ).all()
    result: dict[uuid.UUID, list[str]] = {}
    for row in rows:
        result.setdefault(row.member_id, []).append(row.short_name)
    return result


async def member_table(
    session: AsyncSession,
    *,
    coordinator: bool,
    q: str | None,
    filters: dict[str, Any],
    sort: MemberSort,
) -> Table:
    params = ListParams(limit=MAX_EXPORT_ROWS, offset=0, q=q, modified_since=None)
    page = await members_service.list_members(
        session, params, search_contact=coordinator, listed_only=not coordinator, sort=sort, **filters
    )
    if page.total > MAX_EXPORT_ROWS:
        raise too_many_rows(page.total)
    organisations = await _organisation_names(session)
    rows: list[list[Value]] = []
    if coordinator:
        groups = await _working_groups(session)
        for member in page.rows:
            rows.append(
                [
                    *public_member_cells(member, member.email, member.phone, organisations),
                    ", ".join(groups.get(member.id, [])),
                    member.joined_on,
                    member.left_on,
                ]
            )
        return Table(FULL_MEMBER_COLUMNS, rows)
    for read in await members_service.public_reads(session, page.rows):
        rows.append(public_member_cells(read, read.email, read.phone, organisations))
    return Table(PUBLIC_MEMBER_COLUMNS, rows)


def public_member_cells(
    member: Any, email: str | None, phone: str | None, organisations: dict[uuid.UUID, str]
) -> list[Value]:
    """The cells of ``PUBLIC_MEMBER_COLUMNS`` (``organisations``: names by id)."""
    return [
        str(member.id),
        member.title,
        member.given_name,
        member.family_name,
        email,
        phone,
        organisations.get(member.organisation_id) if member.organisation_id else None,
        ENGAGEMENT_DE.get(member.engagement, member.engagement),
        member.function,
        ", ".join(member.languages),
        STATUS_DE.get(member.status, member.status),
    ]


async def organisation_table(
    session: AsyncSession,
    *,
    q: str | None,
    kind: str | None,
    municipality: str | None,
    sort: OrganisationSort,
) -> Table:
    params = ListParams(limit=MAX_EXPORT_ROWS, offset=0, q=q, modified_since=None)
    page = await organisations_service.list_organisations(
        session, params, kind=kind, municipality=municipality, sort=sort
    )
    if page.total > MAX_EXPORT_ROWS:
        raise too_many_rows(page.total)
    return Table(ORGANISATION_COLUMNS, [organisation_cells(organisation) for organisation in page.rows])


def organisation_cells(organisation: Organisation) -> list[Value]:
    """One row of ``ORGANISATION_COLUMNS``."""
    return [
        str(organisation.id),
        organisation.name,
        organisation.short_name,
        KIND_DE.get(organisation.kind, organisation.kind),
        organisation.street,
        organisation.postal_code,
        organisation.city,
        organisation.municipality,
        organisation.website,
        organisation.email,
        organisation.phone,
    ]


def guard(text: str) -> str:
    """Keep spreadsheet programs from running a cell as a formula (CSV injection)."""
    return f"'{text}" if text.startswith(FORMULA_PREFIXES) else text


def csv_text(value: Value) -> str:
    """A cell as CSV text: dates in German, text guarded against formulas."""
    if value is None:
        return ""
    if isinstance(value, date):
        return value.strftime("%d.%m.%Y")
    if isinstance(value, int):
        return str(value)
    return guard(value)


def csv_chunks(table: Table, batch: int = 200) -> Iterator[bytes]:
    """The CSV in chunks: BOM, `;`, CRLF, every cell guarded against formula injection."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(table.columns)
    yield b"\xef\xbb\xbf" + buffer.getvalue().encode("utf-8")
    for start in range(0, len(table.rows), batch):
        buffer.seek(0)
        buffer.truncate()
        writer.writerows([csv_text(value) for value in row] for row in table.rows[start : start + batch])
        yield buffer.getvalue().encode("utf-8")


def xlsx_bytes(table: Table, title: str) -> bytes:
    """An XLSX workbook; text cells are stored as text, so none becomes a formula."""
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = title
    sheet.append(table.columns)
    for row in table.rows:
        sheet.append([None if value is None else value for value in row])
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, str):
                cell.data_type = "s"
            elif isinstance(cell.value, date):
                cell.number_format = "DD.MM.YYYY"
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def audit_export(
    session: AsyncSession,
    *,
    actor_id: uuid.UUID,
    what: str,
    file_format: str,
    rows: int,
    filters: Sequence[str],
    reason: str | None,
) -> None:
    details: dict[str, Any] = {"format": file_format, "rows": rows, "filters": sorted(filters)}
    if reason is not None:
        details["reason"] = reason
    record_audit(session, actor_id=actor_id, action=f"export.{what}", object_type=what, details=details)
