"""The lists as CSV and XLSX, with the columns and rules of the directory exports (``api/exports``).

Members are the public shape of those who consent to being listed (contact data only with
``contact_sharing``), as ``GET /exports/members.csv`` gives a role that is not coordinator; then
organisations and measures. CSV is UTF-8 with BOM, ``;`` and CRLF, every cell guarded against
formula injection; XLSX comes from openpyxl's write-only mode (rows go to disk as they are added)
and stores text cells as text. Both files of a list are written in the same pass over the rows.
"""

from __future__ import annotations

import csv
import io
from collections.abc import AsyncIterator, Sequence
from datetime import date
from typing import IO, Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from sqlalchemy import func, select

from api.consents.repository import consent_given
from api.exports.measures import MEASURE_COLUMNS, measure_cells, organisation_names_by_role
from api.exports.service import (
    ORGANISATION_COLUMNS,
    PUBLIC_MEMBER_COLUMNS,
    Value,
    csv_text,
    organisation_cells,
    public_member_cells,
)
from api.intranet.context import ExportContext, batches
from api.intranet.snapshot import SnapshotBuilder
from api.measures import service as measures_service
from api.members.service import public_reads
from api.models import Measure, Member, Organisation

CSV_TYPE = "text/csv"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class ListWriter:
    """``csv/<stem>.csv`` and ``xlsx/<stem>.xlsx`` of one list, row by row."""

    def __init__(self, builder: SnapshotBuilder, stem: str, title: str, columns: list[str]) -> None:
        self.builder = builder
        self.stem = stem
        self.rows = 0
        self._csv_path = f"csv/{stem}.csv"
        self._csv: IO[bytes] = open(builder.path(self._csv_path), "wb")  # noqa: SIM115 - closed in finish
        self._text = io.StringIO()
        self._writer = csv.writer(self._text, delimiter=";", lineterminator="\r\n")
        self._workbook = Workbook(write_only=True)
        self._sheet: WriteOnlyWorksheet = self._workbook.create_sheet(title)
        self._csv.write(b"\xef\xbb\xbf")
        self._write_csv(columns)
        self._sheet.append(columns)

    def _write_csv(self, cells: Sequence[str]) -> None:
        self._text.seek(0)
        self._text.truncate()
        self._writer.writerow(cells)
        self._csv.write(self._text.getvalue().encode("utf-8"))

    def _xlsx_cell(self, value: Value) -> Any:
        if isinstance(value, str):
            cell = WriteOnlyCell(self._sheet, ILLEGAL_CHARACTERS_RE.sub("", value))
            cell.data_type = "s"  # text stays text, so "=…" never becomes a formula
            return cell
        if isinstance(value, date):
            cell = WriteOnlyCell(self._sheet, value)  # type: ignore[arg-type]  # dates are fine
            cell.number_format = "DD.MM.YYYY"
            return cell
        return value

    def add(self, row: list[Value]) -> None:
        self._write_csv([csv_text(value) for value in row])
        self._sheet.append([self._xlsx_cell(value) for value in row])
        self.rows += 1

    def finish(self) -> int:
        self._csv.close()
        self.builder.record(self._csv_path, CSV_TYPE, complete=True)
        xlsx_path = f"xlsx/{self.stem}.xlsx"
        self._workbook.save(self.builder.path(xlsx_path))
        self.builder.record(xlsx_path, XLSX_TYPE, complete=True)
        return self.rows

    def abort(self) -> None:
        self._csv.close()


async def _member_rows(context: ExportContext) -> AsyncIterator[list[Value]]:
    statement = (
        select(Member)
        .where(Member.deleted_at.is_(None), consent_given("directory_listing"))
        .order_by(Member.family_name, Member.given_name, Member.id)
    )
    async for members in batches(context.session, statement):
        organisations = await context.organisation_names([member.organisation_id for member in members])
        for read in await public_reads(context.session, list(members)):
            yield public_member_cells(read, read.email, read.phone, organisations)


async def _organisation_rows(context: ExportContext) -> AsyncIterator[list[Value]]:
    statement = (
        select(Organisation)
        .where(Organisation.deleted_at.is_(None))
        .order_by(func.lower(Organisation.name), Organisation.id)
    )
    async for organisations in batches(context.session, statement):
        for organisation in organisations:
            yield organisation_cells(organisation)


async def _measure_rows(context: ExportContext) -> AsyncIterator[list[Value]]:
    statement = select(Measure).where(Measure.deleted_at.is_(None)).order_by(Measure.reference, Measure.id)
    async for measures in batches(context.session, statement):
        items = await measures_service.list_items(context.session, measures)
        roles = await organisation_names_by_role(context.session, [measure.id for measure in measures])
        for measure, item in zip(measures, items, strict=True):
            yield measure_cells(item, measure.description, measure.status_reason, roles.get(measure.id, {}))


LISTS = (
    ("mitglieder", "Mitglieder", PUBLIC_MEMBER_COLUMNS, _member_rows),
    ("organisationen", "Organisationen", ORGANISATION_COLUMNS, _organisation_rows),
    ("massnahmen", "Maßnahmen", list(MEASURE_COLUMNS.values()), _measure_rows),
)


async def write_lists(builder: SnapshotBuilder, context: ExportContext) -> dict[str, int]:
    """Every list as CSV and XLSX; returns the rows per list."""
    counts: dict[str, int] = {}
    for stem, title, columns, rows in LISTS:
        writer = ListWriter(builder, stem, title, columns)
        try:
            async for row in rows(context):
                writer.add(row)
        except BaseException:
            writer.abort()
            raise
        counts[stem] = writer.finish()
    return counts
