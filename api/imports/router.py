from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, Query, UploadFile

from api.core.db import DbSession
from api.core.deps import CoordinatorUser
from api.core.errors import PayloadTooLarge, problem_responses
from api.imports import service
from api.imports.reader import MAX_FILE_BYTES, read_sheet
from api.imports.schemas import ImportReport

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
