"""Importing an existing member list (CSV or XLSX) into the directory.

Decisions (see the README, "Import, export and DSGVO rights"):

- An unknown organisation rejects the row (`unknown_organisation`): organisations are not created
  from free text, where a typo would create a second "AWO Gifhorn"; create it first, then import.
- A row matching an existing member (same e-mail address, else same given and family name and
  organisation, case-insensitive) updates that member, but only fills fields that are empty there;
  nothing the directory already holds is overwritten by an older list. Name, engagement and status
  of an existing member are never changed. Nothing to fill and no new working group: `unchanged`.
- A second row for the same person within the file (same e-mail, same name and organisation, or
  the same existing member) is rejected with `duplicate_in_file`, naming the first row.
- Working groups named in the file are joined with the role `member` from today, unless the member
  already has an open membership there.
- A dry run only plans and writes nothing, not even an audit row. A real run applies all good rows in
  the request's one transaction (rejected rows are skipped) and leaves one `member.import` audit row
  with the counts, besides the usual row per created or changed member and membership.
"""

from __future__ import annotations

import re
import unicodedata
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from pydantic import TypeAdapter, ValidationError
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from api.core.audit import record_audit
from api.core.fields import ISO_639_1, Email, Line50, Line100, Line200, Phone
from api.imports.reader import Cell, Sheet, file_error, missing_columns_error
from api.imports.schemas import ImportReport, ImportRow, ImportRowError, ImportTotals, RowAction
from api.models import Body, Member, Membership, Organisation
from api.models.base import today

# Member field → the German header coordinators write (also used in messages).
GERMAN_HEADERS = {
    "title": "Titel",
    "given_name": "Vorname",
    "family_name": "Nachname",
    "email": "E-Mail",
    "phone": "Telefon",
    "organisation": "Organisation",
    "engagement": "Engagement",
    "function": "Funktion",
    "languages": "Sprachen",
    "status": "Status",
    "working_groups": "Arbeitskreise",
    "joined_on": "Eintrittsdatum",
}
HEADER_ALIASES = {
    "titel": "title",
    "title": "title",
    "vorname": "given_name",
    "givenname": "given_name",
    "nachname": "family_name",
    "familyname": "family_name",
    "familienname": "family_name",
    "email": "email",
    "mail": "email",
    "emailadresse": "email",
    "telefon": "phone",
    "telefonnummer": "phone",
    "tel": "phone",
    "phone": "phone",
    "organisation": "organisation",
    "organization": "organisation",
    "organisationid": "organisation",
    "träger": "organisation",
    "engagement": "engagement",
    "funktion": "function",
    "function": "function",
    "sprachen": "languages",
    "languages": "languages",
    "status": "status",
    "arbeitskreise": "working_groups",
    "arbeitskreis": "working_groups",
    "workinggroups": "working_groups",
    "eintrittsdatum": "joined_on",
    "eintritt": "joined_on",
    "joinedon": "joined_on",
}
REQUIRED = ("given_name", "family_name", "engagement")
ENGAGEMENTS = {
    "hauptamt": "professional",
    "hauptamtlich": "professional",
    "professional": "professional",
    "ehrenamt": "volunteer",
    "ehrenamtlich": "volunteer",
    "volunteer": "volunteer",
}
STATUSES = {
    "aktiv": "active",
    "active": "active",
    "inaktiv": "inactive",
    "inactive": "inactive",
    "ausgeschieden": "left",
    "left": "left",
}
# German (and a few English) names of the languages most often spoken in the county's network.
LANGUAGE_NAMES = {
    "deutsch": "de",
    "englisch": "en",
    "english": "en",
    "arabisch": "ar",
    "türkisch": "tr",
    "russisch": "ru",
    "ukrainisch": "uk",
    "polnisch": "pl",
    "französisch": "fr",
    "spanisch": "es",
    "italienisch": "it",
    "portugiesisch": "pt",
    "persisch": "fa",
    "farsi": "fa",
    "dari": "fa",
    "paschtu": "ps",
    "paschto": "ps",
    "kurdisch": "ku",
    "albanisch": "sq",
    "serbisch": "sr",
    "kroatisch": "hr",
    "bosnisch": "bs",
    "rumänisch": "ro",
    "bulgarisch": "bg",
    "griechisch": "el",
    "ungarisch": "hu",
    "tschechisch": "cs",
    "niederländisch": "nl",
    "tigrinya": "ti",
    "amharisch": "am",
    "somali": "so",
    "urdu": "ur",
    "hindi": "hi",
    "vietnamesisch": "vi",
    "chinesisch": "zh",
    "georgisch": "ka",
    "armenisch": "hy",
}
DATE_FORMATS = ("%d.%m.%Y", "%Y-%m-%d", "%d.%m.%y")
# Fields an existing member gets from the file only where they are empty.
FILLABLE = ("title", "email", "phone", "organisation_id", "function", "languages", "joined_on")
SPLIT = re.compile(r"[,;/]")
TEXT_TYPES: dict[str, TypeAdapter[Any]] = {
    "title": TypeAdapter(Line50),
    "given_name": TypeAdapter(Line100),
    "family_name": TypeAdapter(Line100),
    "email": TypeAdapter(Email),
    "phone": TypeAdapter(Phone),
    "function": TypeAdapter(Line200),
}


class RowProblem(Exception):
    def __init__(self, field: str, message: str, code: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message
        self.code = code


def normalise_header(header: str) -> str:
    return "".join(char for char in unicodedata.normalize("NFC", header).casefold() if char.isalnum())


def _fold(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def _text(cell: Cell) -> str:
    if cell is None:
        return ""
    if isinstance(cell, bool):
        return "ja" if cell else "nein"
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    if isinstance(cell, datetime):
        return cell.date().isoformat()
    if isinstance(cell, date):
        return cell.isoformat()
    return str(cell).strip()


@dataclass
class Directory:
    """What the file is matched against, loaded once per import."""

    organisations: dict[str, list[Organisation]]
    working_groups: dict[str, Body]
    members: list[Member]
    by_email: dict[str, Member]
    by_name: dict[tuple[str, str, uuid.UUID | None], list[Member]]
    open_memberships: set[tuple[uuid.UUID, uuid.UUID]]


def _group_keys(body: Body) -> set[str]:
    keys = {_fold(body.short_name), _fold(body.name)}
    for key in list(keys):
        for prefix in ("ak ", "arbeitskreis "):
            if key.startswith(prefix):
                keys.add(key.removeprefix(prefix))
    return keys


def _name_key(
    given: str, family: str, organisation_id: uuid.UUID | None
) -> tuple[str, str, uuid.UUID | None]:
    return (_fold(given), _fold(family), organisation_id)


async def load_directory(session: AsyncSession) -> Directory:
    organisations: dict[str, list[Organisation]] = {}
    for organisation in (
        await session.scalars(select(Organisation).where(Organisation.deleted_at.is_(None)))
    ).all():
        for key in {_fold(organisation.name), _fold(organisation.short_name or "")} - {""}:
            organisations.setdefault(key, []).append(organisation)
    working_groups: dict[str, Body] = {}
    for body in (
        await session.scalars(select(Body).where(Body.kind == "working_group", Body.deleted_at.is_(None)))
    ).all():
        for key in _group_keys(body):
            working_groups.setdefault(key, body)
    members = list((await session.scalars(select(Member).where(Member.deleted_at.is_(None)))).all())
    by_name: dict[tuple[str, str, uuid.UUID | None], list[Member]] = {}
    for member in members:
        by_name.setdefault(
            _name_key(member.given_name, member.family_name, member.organisation_id), []
        ).append(member)
    day = today()
    open_memberships = {
        (row.member_id, row.body_id)
        for row in (
            await session.execute(
                select(Membership.member_id, Membership.body_id).where(
                    Membership.end_on.is_(None) | (Membership.end_on >= day)
                )
            )
        ).all()
    }
    return Directory(
        organisations=organisations,
        working_groups=working_groups,
        members=members,
        by_email={member.email.lower(): member for member in members if member.email},
        by_name=by_name,
        open_memberships=open_memberships,
    )


@dataclass
class PlannedRow:
    row: int
    action: RowAction
    values: dict[str, Any] = field(default_factory=dict)
    member: Member | None = None
    working_groups: list[Body] = field(default_factory=list)
    fills: dict[str, Any] = field(default_factory=dict)
    errors: list[ImportRowError] = field(default_factory=list)


def _validate_text(field_name: str, raw: str) -> Any:
    try:
        return TEXT_TYPES[field_name].validate_python(raw)
    except ValidationError as error:
        detail = error.errors()[0]
        kind = detail["type"]
        if field_name == "email":
            raise RowProblem(field_name, "Keine gültige E-Mail-Adresse.", "invalid_email") from error
        if field_name == "phone":
            raise RowProblem(
                field_name,
                "Keine gültige Telefonnummer (erlaubt sind Ziffern, Leerzeichen und + ( ) / . -).",
                "invalid_phone",
            ) from error
        if kind == "string_too_long":
            limit = detail.get("ctx", {}).get("max_length")
            raise RowProblem(field_name, f"Zu lang: höchstens {limit} Zeichen.", "too_long") from error
        if kind == "string_pattern_mismatch":
            raise RowProblem(
                field_name, "Enthält unzulässige Steuerzeichen.", "invalid_characters"
            ) from error
        raise RowProblem(field_name, "Ungültiger Wert.", "invalid") from error


def _parse_date(cell: Cell) -> date:
    if isinstance(cell, datetime):
        return cell.date()
    if isinstance(cell, date):
        return cell
    raw = _text(cell)
    for pattern in DATE_FORMATS:
        try:
            return datetime.strptime(raw, pattern).date()
        except ValueError:
            continue
    raise RowProblem("joined_on", "Kein gültiges Datum (TT.MM.JJJJ oder JJJJ-MM-TT).", "invalid_date")


def _parse_languages(raw: str) -> list[str]:
    codes: set[str] = set()
    for token in SPLIT.split(raw):
        name = _fold(token)
        if not name:
            continue
        code = name if name in ISO_639_1 else LANGUAGE_NAMES.get(name)
        if code is None:
            raise RowProblem(
                "languages",
                f"Unbekannte Sprache „{token.strip()}“ "
                "(ISO-Code wie „de“ oder deutscher Name wie „Arabisch“).",
                "unknown_language",
            )
        codes.add(code)
    return sorted(codes)


def _parse_row(
    cells: dict[str, Cell], directory: Directory
) -> tuple[dict[str, Any], list[Body], list[RowProblem]]:
    """The member values of one row, the working groups it names and every problem found."""
    values: dict[str, Any] = {}
    groups: list[Body] = []
    problems: list[RowProblem] = []
    for name in GERMAN_HEADERS:
        cell = cells.get(name)
        raw = _text(cell)
        try:
            if not raw:
                if name in REQUIRED:
                    raise RowProblem(name, "Pflichtfeld ist leer.", "required")
                continue
            if name in TEXT_TYPES:
                values[name] = _validate_text(name, raw)
            elif name == "organisation":
                found = directory.organisations.get(_fold(raw), [])
                if not found:
                    raise RowProblem(
                        name,
                        f"Unbekannte Organisation „{raw}“; bitte zuerst unter Organisationen anlegen.",
                        "unknown_organisation",
                    )
                if len(found) > 1:
                    raise RowProblem(
                        name, f"„{raw}“ passt auf mehrere Organisationen.", "ambiguous_organisation"
                    )
                values["organisation_id"] = found[0].id
            elif name == "engagement":
                if _fold(raw) not in ENGAGEMENTS:
                    raise RowProblem(name, "Erwartet: Hauptamt oder Ehrenamt.", "invalid_engagement")
                values[name] = ENGAGEMENTS[_fold(raw)]
            elif name == "status":
                if _fold(raw) not in STATUSES:
                    raise RowProblem(name, "Erwartet: aktiv, inaktiv oder ausgeschieden.", "invalid_status")
                values[name] = STATUSES[_fold(raw)]
            elif name == "languages":
                values[name] = _parse_languages(raw)
            elif name == "joined_on":
                values[name] = _parse_date(cell)
            elif name == "working_groups":
                for token in SPLIT.split(raw):
                    if not token.strip():
                        continue
                    body = directory.working_groups.get(_fold(token))
                    if body is None:
                        raise RowProblem(
                            name, f"Unbekannter Arbeitskreis „{token.strip()}“.", "unknown_working_group"
                        )
                    if body not in groups:
                        groups.append(body)
        except RowProblem as problem:
            problems.append(problem)
    return values, groups, problems


def plan_import(sheet: Sheet, directory: Directory) -> tuple[dict[str, str], list[str], list[PlannedRow]]:
    columns: dict[str, str] = {}
    positions: dict[str, int] = {}
    ignored: list[str] = []
    for index, header in enumerate(sheet.header):
        target = HEADER_ALIASES.get(normalise_header(header))
        if target is None or target in positions:
            if header:
                ignored.append(header)
            continue
        columns[header] = target
        positions[target] = index
    missing = [GERMAN_HEADERS[name] for name in REQUIRED if name not in positions]
    if missing:
        raise missing_columns_error(missing)
    header_of = {target: header for header, target in columns.items()}

    def error(problem: RowProblem) -> ImportRowError:
        column = header_of.get(problem.field) or GERMAN_HEADERS.get(
            problem.field.removesuffix("_id"), problem.field
        )
        return ImportRowError(field=problem.field, column=column, message=problem.message, code=problem.code)

    planned: list[PlannedRow] = []
    seen_email: dict[str, int] = {}
    seen_name: dict[tuple[str, str, uuid.UUID | None], int] = {}
    seen_member: dict[uuid.UUID, int] = {}
    for number, record in sheet.rows:
        if not any(_text(cell) for cell in record):
            continue  # blank lines are not rows
        cells = {name: record[index] for name, index in positions.items() if index < len(record)}
        values, groups, problems = _parse_row(cells, directory)
        if problems:
            planned.append(PlannedRow(number, "rejected", errors=[error(problem) for problem in problems]))
            continue
        email = values.get("email")
        name_key = _name_key(values["given_name"], values["family_name"], values.get("organisation_id"))
        first = seen_email.get(email) if email else None
        if first is not None:
            problem = RowProblem("email", f"Gleiche E-Mail-Adresse wie Zeile {first}.", "duplicate_in_file")
            planned.append(PlannedRow(number, "rejected", errors=[error(problem)]))
            continue
        if name_key in seen_name:
            problem = RowProblem(
                "family_name",
                f"Gleicher Name und gleiche Organisation wie Zeile {seen_name[name_key]}.",
                "duplicate_in_file",
            )
            planned.append(PlannedRow(number, "rejected", errors=[error(problem)]))
            continue
        existing = directory.by_email.get(email) if email else None
        if existing is None:
            candidates = directory.by_name.get(name_key, [])
            if len(candidates) > 1:
                problem = RowProblem(
                    "family_name",
                    "Mehrere vorhandene Mitglieder haben diesen Namen und diese Organisation.",
                    "ambiguous_member",
                )
                planned.append(PlannedRow(number, "rejected", errors=[error(problem)]))
                continue
            if candidates and email and candidates[0].email and candidates[0].email.lower() != email:
                problem = RowProblem(
                    "email",
                    "Ein Mitglied mit gleichem Namen und gleicher Organisation hat eine andere "
                    "E-Mail-Adresse; bitte prüfen.",
                    "duplicate_conflict",
                )
                planned.append(PlannedRow(number, "rejected", errors=[error(problem)]))
                continue
            existing = candidates[0] if candidates else None
        if existing is not None and existing.id in seen_member:
            problem = RowProblem(
                "family_name",
                f"Dasselbe vorhandene Mitglied wie Zeile {seen_member[existing.id]}.",
                "duplicate_in_file",
            )
            planned.append(PlannedRow(number, "rejected", errors=[error(problem)]))
            continue
        if email:
            seen_email[email] = number
        seen_name[name_key] = number
        if existing is None:
            planned.append(PlannedRow(number, "created", values=values, working_groups=groups))
            continue
        seen_member[existing.id] = number
        fills = {
            name: values[name]
            for name in FILLABLE
            if values.get(name) not in (None, []) and getattr(existing, name) in (None, "", [])
        }
        new_groups = [body for body in groups if (existing.id, body.id) not in directory.open_memberships]
        action: RowAction = "updated" if fills or new_groups else "unchanged"
        planned.append(
            PlannedRow(number, action, values=values, member=existing, working_groups=new_groups, fills=fills)
        )
    if not planned:
        raise file_error("Die Datei enthält außer der Kopfzeile keine Zeilen.", "no_rows")
    return columns, ignored, planned


async def apply_import(session: AsyncSession, planned: list[PlannedRow], *, actor_id: uuid.UUID) -> int:
    """Write the good rows; returns the number of memberships created."""
    memberships = 0
    for row in planned:
        if row.action == "created":
            member = Member(**({"status": "active"} | row.values))
            session.add(member)
            await session.flush()
            row.member = member
            record_audit(
                session,
                actor_id=actor_id,
                action="member.create",
                object_type="member",
                object_id=member.id,
                details={"fields": sorted(row.values), "source": "import"},
            )
        elif row.action == "updated" and row.member is not None and row.fills:
            for name, value in row.fills.items():
                setattr(row.member, name, value)
            await session.flush()
            record_audit(
                session,
                actor_id=actor_id,
                action="member.update",
                object_type="member",
                object_id=row.member.id,
                details={"fields": sorted(row.fills), "source": "import"},
            )
        if row.action in ("created", "updated") and row.member is not None:
            for body in row.working_groups:
                membership = Membership(
                    member_id=row.member.id,
                    body_id=body.id,
                    role="member",
                    organisation_id=row.member.organisation_id,
                    start_on=today(),
                )
                session.add(membership)
                await session.flush()
                memberships += 1
                record_audit(
                    session,
                    actor_id=actor_id,
                    action="membership.create",
                    object_type="membership",
                    object_id=membership.id,
                    details={"fields": ["body_id", "member_id", "role"], "source": "import"},
                )
    return memberships


async def import_members(
    session: AsyncSession, sheet: Sheet, *, dry_run: bool, actor_id: uuid.UUID
) -> ImportReport:
    directory = await load_directory(session)
    columns, ignored, planned = plan_import(sheet, directory)
    totals = ImportTotals(
        rows=len(planned),
        created=sum(row.action == "created" for row in planned),
        updated=sum(row.action == "updated" for row in planned),
        unchanged=sum(row.action == "unchanged" for row in planned),
        rejected=sum(row.action == "rejected" for row in planned),
    )
    if not dry_run:
        memberships = await apply_import(session, planned, actor_id=actor_id)
        record_audit(
            session,
            actor_id=actor_id,
            action="member.import",
            object_type="member",
            details=totals.model_dump()
            | {"memberships": memberships, "file_type": sheet.file_type, "encoding": sheet.encoding},
        )
    return ImportReport(
        dry_run=dry_run,
        file_type=sheet.file_type,
        encoding=sheet.encoding,
        delimiter=sheet.delimiter,
        columns=columns,
        ignored_columns=ignored,
        totals=totals,
        rows=[
            ImportRow(
                row=row.row,
                action=row.action,
                member_id=row.member.id if row.member is not None else None,
                fields=sorted(row.values if row.action == "created" else row.fills),
                working_groups=[body.short_name for body in row.working_groups],
                errors=row.errors,
            )
            for row in planned
        ],
    )
