"""The import report: what happens (dry run) or happened to each row of the file."""

from __future__ import annotations

import uuid
from typing import Literal

from pydantic import BaseModel, Field

RowAction = Literal["created", "updated", "unchanged", "rejected"]


class ImportRowError(BaseModel):
    field: str = Field(description="The member field (English API name) the problem is about")
    column: str = Field(description="The column header as written in the file (or the German default)")
    message: str = Field(description="German, for the coordinator")
    code: str = Field(description="Stable machine-readable reason, e.g. invalid_email, duplicate_in_file")


class ImportRow(BaseModel):
    row: int = Field(description="Row number as the spreadsheet shows it; the header is row 1")
    action: RowAction
    member_id: uuid.UUID | None = Field(
        description="The existing member that is updated, or the new member (null in a dry run)"
    )
    fields: list[str] = Field(description="Member fields that are set (created) or filled (updated)")
    working_groups: list[str] = Field(description="Short names of the working groups joined as `member`")
    errors: list[ImportRowError]


class ImportTotals(BaseModel):
    rows: int
    created: int
    updated: int
    unchanged: int
    rejected: int


class ImportReport(BaseModel):
    dry_run: bool = Field(description="True: nothing was written; the report says what would happen")
    file_type: Literal["csv", "xlsx"]
    encoding: str | None = Field(description="CSV only: utf-8, utf-8-sig (with BOM), cp1252 or latin-1")
    delimiter: str | None = Field(description="CSV only: the detected separator")
    columns: dict[str, str] = Field(description="Recognised columns: header in the file → member field")
    ignored_columns: list[str] = Field(description="Headers that were not recognised and were skipped")
    totals: ImportTotals
    rows: list[ImportRow]


class MeasureImportRowError(BaseModel):
    field: str = Field(
        description="The measure field of the column: reference, title, description, status, "
        "status_reason, body_id, goal_ids, lead_organisations, partner_organisations, "
        "funder_organisations, target_group, starts_on, ends_on, progress"
    )
    column: str = Field(description="The column header as written in the file (or the German default)")
    message: str = Field(description="German, for the coordinator")
    code: str = Field(
        description="Stable machine-readable reason, e.g. unknown_reference, invalid_status, "
        "transition_not_allowed, progress_out_of_range, unknown_body, unknown_goal, "
        "unknown_organisation, invalid_date, duplicate_in_file"
    )


class MeasureImportRow(BaseModel):
    row: int = Field(description="Row number as the spreadsheet shows it; the header is row 1")
    action: RowAction = Field(description="What happens (dry run) or happened to the row")
    measure_id: uuid.UUID | None = Field(
        description="The measure the row updates; for a new measure its id after a real run, else null"
    )
    reference: str | None = Field(
        description="The measure's reference; for a new measure the one it got in a real run, else null"
    )
    fields: list[str] = Field(description="Fields that are set (new measure) or differ from the measure")
    errors: list[MeasureImportRowError]


class MeasureImportReport(BaseModel):
    dry_run: bool = Field(description="True: nothing was written; the report says what would happen")
    written: bool = Field(
        description="True only for a real run without any row error; any error means nothing was written"
    )
    file_type: Literal["csv", "xlsx"]
    encoding: str | None = Field(description="CSV only: utf-8, utf-8-sig (with BOM), cp1252 or latin-1")
    delimiter: str | None = Field(description="CSV only: the detected separator")
    columns: dict[str, str] = Field(description="Recognised columns: header in the file → measure field")
    ignored_columns: list[str] = Field(description="Headers that were not recognised and were skipped")
    totals: ImportTotals
    rows: list[MeasureImportRow]
