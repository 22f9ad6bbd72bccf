from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, Query, UploadFile

from api.core.db import DbSession
from api.core.deps import CoordinatorUser
from api.core.errors import PayloadTooLarge, problem_responses
from api.imports import measures as measure_imports
from api.imports import service
from api.imports.reader import MAX_FILE_BYTES, read_sheet
from api.imports.schemas import ImportReport, MeasureImportReport

router = APIRouter(prefix="/api/v1/imports", tags=["imports"], responses=problem_responses(401, 403))


@router.post("/members", response_model=ImportReport, responses=problem_responses(413, 422))
async def import_members(
    session: DbSession,
    user: CoordinatorUser,
    file: Annotated[
        UploadFile,
        File(
            description="The member list: CSV (`;` or `,`, UTF-8 with or without BOM, else "
            "Windows-1252/Latin-1) or XLSX (first sheet). The first row holds the column headers."
        ),
    ],
    dry_run: Annotated[bool, Query(description="Only report what would happen; nothing is written")] = True,
) -> ImportReport:
    """Import members from a CSV or XLSX file (admin, coordinator).

    Columns (German headers, or the English field names): Vorname, Nachname, Engagement
    (Hauptamt/Ehrenamt) are required; Titel, E-Mail, Telefon, Organisation (name or short name of
    an existing organisation), Funktion, Sprachen (ISO codes or German names, comma-separated),
    Status (aktiv/inaktiv/ausgeschieden), Arbeitskreise (short names or names, comma-separated;
    joined as `member`) and Eintrittsdatum (TT.MM.JJJJ or JJJJ-MM-TT) are optional; other columns
    are ignored and listed.

    A row matching an existing member by e-mail, or by name and organisation, only fills that
    member's empty fields. Problems with a row reject that row and are reported per field; with
    `dry_run=false` all other rows are written in one transaction. Problems with the file as a whole
    (empty, unreadable, required column missing) answer 422 with `file` in the field list.
    """
    content = await file.read(MAX_FILE_BYTES + 1)
    if len(content) > MAX_FILE_BYTES:
        raise PayloadTooLarge(f"The file exceeds {MAX_FILE_BYTES} bytes.")
    sheet = read_sheet(content)
    return await service.import_members(session, sheet, dry_run=dry_run, actor_id=user.id)


@router.post("/measures", response_model=MeasureImportReport, responses=problem_responses(413, 422))
async def import_measures(
    session: DbSession,
    user: CoordinatorUser,
    file: Annotated[
        UploadFile,
        File(
            description="The measures list with the columns of `GET /exports/measures.csv|.xlsx`: CSV "
            "(`;` or `,`, UTF-8 with or without BOM, else Windows-1252/Latin-1) or XLSX (first sheet)."
        ),
    ],
    dry_run: Annotated[bool, Query(description="Only report what would happen; nothing is written")] = True,
) -> MeasureImportReport:
    """Import measures from a CSV or XLSX file, all or nothing (admin, coordinator; 403 otherwise).

    The columns are those of the measures export (German headers, or the English field names):
    Referenz (required column), Titel, Beschreibung, Status (Idee, Geplant, In Umsetzung,
    Abgeschlossen, Pausiert, Eingestellt), Begründung, Verantwortlich (short name or name of a
    body), Ziele (goal codes of the current concept edition, comma-separated), Federführung,
    Partner, Förderer (organisation names or short names, `;`-separated), Zielgruppe, Beginn, Ende
    (TT.MM.JJJJ or JJJJ-MM-TT), Fortschritt (0–100). Other columns are ignored and listed.

    A row with a reference updates that measure, changing only the cells that differ (columns not
    in the file are left alone; an empty cell empties the field). Status changes follow the status
    machine of `POST /measures/{id}/status`; `Pausiert` and `Eingestellt` need a Begründung;
    `Abgeschlossen` sets the progress to 100. Links to goals of older editions are kept. A row
    without a reference creates a measure (Titel and Verantwortlich required, status Idee or
    Geplant) with the next reference.

    Every problem is reported with its row and column (unknown reference, bad status or status
    move, progress outside 0–100, unknown body, goal or organisation, bad date, ...). If any row has
    a problem, nothing is written (`written: false`), also with `dry_run=false`. Problems with the
    file as a whole (empty, unreadable, column Referenz missing) answer 422 with `file` in the field
    list; 413 for files over 1 MB.
    """
    content = await file.read(MAX_FILE_BYTES + 1)
    if len(content) > MAX_FILE_BYTES:
        raise PayloadTooLarge(f"The file exceeds {MAX_FILE_BYTES} bytes.")
    sheet = read_sheet(content)
    return await measure_imports.import_measures(session, sheet, dry_run=dry_run, user=user)
