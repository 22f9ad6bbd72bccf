"""Reading an uploaded member list: CSV (delimiter and encoding detected) or XLSX.

The type is decided by the content, never by the file name or the declared content type:
an XLSX file is a ZIP archive with ``xl/workbook.xml``; anything else must be text.
"""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal

from api.core.errors import FieldError, FieldValidationError

MAX_FILE_BYTES = 1_000_000
MAX_ROWS = 5_000
MAX_XLSX_UNPACKED_BYTES = 30_000_000  # refuses ZIP bombs before openpyxl sees them
Cell = str | int | float | bool | date | datetime | None


@dataclass(frozen=True)
class Sheet:
    file_type: Literal["csv", "xlsx"]
    encoding: str | None
    delimiter: str | None
    header: list[str]
    rows: list[tuple[int, list[Cell]]]  # (row number as the spreadsheet shows it, cells)


def file_error(message: str, code: str) -> FieldValidationError:
    error = FieldValidationError("file", message, code)
    error.detail = message
    return error


def read_sheet(content: bytes) -> Sheet:
    if not content.strip(b" \t\r\n\xef\xbb\xbf"):
        raise file_error("Die Datei ist leer.", "empty_file")
    if content.startswith(b"PK\x03\x04"):
        return _read_xlsx(content)
    return _read_csv(content)


def _decode(content: bytes) -> tuple[str, str]:
    if b"\x00" in content:
        raise file_error(
            "Die Datei ist weder eine CSV-Datei (Text) noch eine Excel-Datei (XLSX).", "unsupported_file_type"
        )
    if content.startswith(b"\xef\xbb\xbf"):
        try:
            return content[3:].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError:
            pass
    try:
        return content.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return content.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return content.decode("latin-1"), "latin-1"


def _read_csv(content: bytes) -> Sheet:
    text, encoding = _decode(content)
    first_line = text.lstrip("\ufeff").split("\n", 1)[0]
    delimiter = max((";", ",", "\t"), key=first_line.count)
    if first_line.count(delimiter) == 0:
        delimiter = ";"
    records: list[tuple[int, list[Cell]]] = []
    try:
        reader = csv.reader(io.StringIO(text.lstrip("\ufeff"), newline=""), delimiter=delimiter)
        header: list[str] = [cell.strip() for cell in next(reader, [])]
        for number, record in enumerate(reader, start=2):
            if len(records) >= MAX_ROWS:
                raise file_error(f"Die Datei hat mehr als {MAX_ROWS} Zeilen.", "too_many_rows")
            records.append((number, list(record)))
    except csv.Error as error:
        raise file_error(f"Die CSV-Datei ist nicht lesbar: {error}.", "invalid_csv") from error
    return Sheet("csv", encoding, delimiter, header, records)


def _read_xlsx(content: bytes) -> Sheet:
    # Imported here: openpyxl is only needed for XLSX uploads.
    from openpyxl import load_workbook

    unreadable = file_error("Die Excel-Datei (XLSX) ist beschädigt oder nicht lesbar.", "invalid_xlsx")
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            names = set(archive.namelist())
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, ValueError, OSError) as error:
        raise unreadable from error
    if "xl/workbook.xml" not in names:
        raise file_error(
            "Die Datei ist weder eine CSV-Datei (Text) noch eine Excel-Datei (XLSX).", "unsupported_file_type"
        )
    if unpacked > MAX_XLSX_UNPACKED_BYTES:
        raise file_error("Die Excel-Datei ist entpackt zu groß.", "file_too_large")
    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
        try:
            worksheet = workbook.worksheets[0]
            rows = worksheet.iter_rows(values_only=True)
            header = [str(cell).strip() if cell is not None else "" for cell in next(rows, ())]
            records: list[tuple[int, list[Cell]]] = []
            for number, values in enumerate(rows, start=2):
                if len(records) >= MAX_ROWS:
                    raise file_error(f"Die Datei hat mehr als {MAX_ROWS} Zeilen.", "too_many_rows")
                records.append((number, [_xlsx_cell(value) for value in values]))
        finally:
            workbook.close()
    except FieldValidationError:
        raise
    except Exception as error:  # openpyxl raises many kinds of errors on broken files
        raise unreadable from error
    return Sheet("xlsx", None, None, header, records)


def _xlsx_cell(value: object) -> Cell:
    if value is None or isinstance(value, str | int | float | bool | date | datetime):
        return value
    return str(value)


def missing_columns_error(missing: list[str]) -> FieldValidationError:
    error = FieldValidationError("file", "", "missing_column")
    error.errors = [
        FieldError(
            location="body",
            field="file",
            message=f"Die Spalte „{column}“ fehlt in der Kopfzeile.",
            code="missing_column",
            context={"column": column},
        )
        for column in missing
    ]
    error.detail = "Der Datei fehlen Pflichtspalten: " + ", ".join(missing) + "."
    return error
