"""Importing the measures list (CSV or XLSX) with the columns of the measures export.

Decisions:

- All or nothing: if any row has a problem, nothing is written, not even the good rows; the
  report lists every problem by row and column. A dry run never writes.
- The column "Referenz" must be present. A row with a reference updates that measure, but only
  the cells that differ from it; a row without one creates a measure with the next reference.
  Columns missing from the file leave those fields alone; an empty cell in a present column means
  "empty" (no end date, no partners, ...), so an exported file imports back unchanged.
- Status changes follow the measures' status machine (``measures.service.TRANSITIONS``); the file
  can only state the new status, so a move that needs two steps is a row error. A new measure
  starts as "Idee" or "Geplant". "Pausiert" and "Eingestellt" need a Begründung.
- "Ziele" holds codes of the current concept edition; links to goals of older editions (or of a
  draft) are kept as they are. Organisations are matched by name or short name; each may appear
  once per measure.
- The writes go through the measures service, so each changed measure leaves its usual
  ``measure.create``/``measure.update``/``measure.status`` audit rows; a real run adds one
  ``measure.import`` row with the counts (outcome ``failure`` when rows had problems).
"""

from __future__ import annotations

import re
import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from pydantic import TypeAdapter, ValidationError
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from api.concept.refs import current_edition_id
from api.core.audit import record_audit
from api.core.fields import Line200, LongText
from api.exports.measures import MEASURE_COLUMNS, MEASURE_STATUS_DE, ROLE_COLUMNS
from api.exports.service import FORMULA_PREFIXES
from api.imports.reader import Cell, Sheet, file_error, missing_columns_error
from api.imports.schemas import (
    ImportTotals,
    MeasureImportReport,
    MeasureImportRow,
    MeasureImportRowError,
    RowAction,
)
from api.imports.service import DATE_FORMATS, RowProblem, _fold, _text, normalise_header
from api.measures import service as measures_service
from api.measures.schemas import (
    MeasureCreate,
    MeasureOrganisationInput,
    MeasureStatusChange,
    MeasureUpdate,
    TargetGroup,
)
from api.models import Body, Goal, Measure, MeasureOrganisation, Organisation, User, measure_goals

HEADER_ALIASES: dict[str, str] = {
    **{normalise_header(header): key for key, header in MEASURE_COLUMNS.items()},
    **{normalise_header(key): key for key in MEASURE_COLUMNS},
    "ref": "reference",
    "aktenzeichen": "reference",
    "maßnahme": "title",
    "bezeichnung": "title",
    "grund": "status_reason",
    "body": "body_id",
    "gremium": "body_id",
    "arbeitskreis": "body_id",
    "goals": "goal_ids",
    "ziel": "goal_ids",
    "federführend": "lead_organisations",
    "partnerorganisationen": "partner_organisations",
    "förderung": "funder_organisations",
    "start": "starts_on",
    "startdatum": "starts_on",
    "enddatum": "ends_on",
    "fortschrittinprozent": "progress",
}
STATUS_NAMES: dict[str, str] = (
    {_fold(label): code for code, label in MEASURE_STATUS_DE.items()}
    | {code: code for code in MEASURE_STATUS_DE}
    | {"in progress": "in_progress", "umsetzung": "in_progress", "in arbeit": "in_progress"}
)
INITIAL_STATUSES = ("idea", "planned")
TEXT_TYPES: dict[str, TypeAdapter[Any]] = {
    "title": TypeAdapter(Line200),
    "description": TypeAdapter(LongText),
    "status_reason": TypeAdapter(LongText),
    "target_group": TypeAdapter(TargetGroup),
}
GOAL_SPLIT = re.compile(r"[,;\s]+")
REFERENCE = re.compile(r"^[A-Z]+-[0-9]{4}-[0-9]{3,}$")
SCALAR_FIELDS = ("title", "description", "body_id", "target_group", "starts_on", "ends_on", "progress")


def _label(status: str) -> str:
    return f"„{MEASURE_STATUS_DE.get(status, status)}“"


def _unguard(text: str) -> str:
    """Undo the export's formula guard: ``'=…`` was ``=…`` before the export."""
    if text.startswith("'") and text[1:].startswith(FORMULA_PREFIXES):
        return text[1:]
    return text


@dataclass
class Lookup:
    """What the file is matched against, loaded once per import."""

    current_edition_id: uuid.UUID | None
    measures: dict[str, Measure]
    current_goals: dict[uuid.UUID, set[uuid.UUID]]  # measure → linked goals of the current edition
    other_goals: dict[uuid.UUID, list[uuid.UUID]]  # measure → linked goals of other editions
    roles: dict[uuid.UUID, dict[uuid.UUID, str]]  # measure → organisation → role
    bodies: dict[str, Body]
    goals: dict[str, Goal]  # folded code → goal of the current edition
    organisations: dict[str, list[Organisation]]


async def load_lookup(session: AsyncSession, references: set[str]) -> Lookup:
    edition_id = await current_edition_id(session)
    measures = {
        measure.reference: measure
        for measure in (
            await session.scalars(
                select(Measure).where(Measure.reference.in_(references), Measure.deleted_at.is_(None))
            )
        ).all()
    }
    ids = [measure.id for measure in measures.values()]
    current_goals: dict[uuid.UUID, set[uuid.UUID]] = defaultdict(set)
    other_goals: dict[uuid.UUID, list[uuid.UUID]] = defaultdict(list)
    roles: dict[uuid.UUID, dict[uuid.UUID, str]] = defaultdict(dict)
    if ids:
        for measure_id, goal_id, goal_edition in await session.execute(
            select(measure_goals.c.measure_id, measure_goals.c.goal_id, Goal.edition_id)
            .join(Goal, Goal.id == measure_goals.c.goal_id)
            .where(measure_goals.c.measure_id.in_(ids))
        ):
            if goal_edition == edition_id:
                current_goals[measure_id].add(goal_id)
            else:
                other_goals[measure_id].append(goal_id)
        for link in await session.scalars(
            select(MeasureOrganisation).where(MeasureOrganisation.measure_id.in_(ids))
        ):
            roles[link.measure_id][link.organisation_id] = link.role
    bodies: dict[str, Body] = {}
    for body in (await session.scalars(select(Body).where(Body.deleted_at.is_(None)))).all():
        for key in (_fold(body.short_name), _fold(body.name)):
            bodies.setdefault(key, body)
    goals: dict[str, Goal] = {}
    if edition_id is not None:
        goals = {
            _fold(goal.code): goal
            for goal in (await session.scalars(select(Goal).where(Goal.edition_id == edition_id))).all()
        }
    organisations: dict[str, list[Organisation]] = {}
    for organisation in (
        await session.scalars(select(Organisation).where(Organisation.deleted_at.is_(None)))
    ).all():
        for key in {_fold(organisation.name), _fold(organisation.short_name or "")} - {""}:
            organisations.setdefault(key, []).append(organisation)
    return Lookup(edition_id, measures, current_goals, other_goals, roles, bodies, goals, organisations)


@dataclass
class PlannedRow:
    row: int
    action: RowAction
    measure: Measure | None = None
    create: MeasureCreate | None = None
    changes: dict[str, Any] = field(default_factory=dict)  # MeasureUpdate fields
    status: str | None = None  # the new status, when it changes
    reason: str | None = None  # the new reason, when it changes
    fields: list[str] = field(default_factory=list)
    errors: list[MeasureImportRowError] = field(default_factory=list)


def _parse_text(key: str, raw: str) -> str:
    try:
        value: str = TEXT_TYPES[key].validate_python(_unguard(raw))
    except ValidationError as error:
        kind = error.errors()[0]["type"]
        if kind == "string_too_long":
            limit = error.errors()[0].get("ctx", {}).get("max_length")
            raise RowProblem(key, f"Zu lang: höchstens {limit} Zeichen.", "too_long") from error
        if kind == "string_pattern_mismatch":
            raise RowProblem(key, "Enthält unzulässige Steuerzeichen.", "invalid_characters") from error
        raise RowProblem(key, "Pflichtfeld ist leer.", "required") from error
    return value.strip() if key != "description" else value


def _parse_date(key: str, cell: Cell) -> date:
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
    raise RowProblem(key, f"Kein gültiges Datum: „{raw}“ (TT.MM.JJJJ oder JJJJ-MM-TT).", "invalid_date")


def _parse_progress(cell: Cell) -> int:
    if isinstance(cell, bool):
        raise RowProblem("progress", "Erwartet wird eine ganze Zahl von 0 bis 100.", "invalid_progress")
    if isinstance(cell, int | float):
        number = float(cell)
    else:
        raw = _text(cell).removesuffix("%").strip().replace(",", ".")
        try:
            number = float(raw)
        except ValueError:
            raise RowProblem(
                "progress", f"Keine Zahl: „{_text(cell)}“ (ganze Zahl von 0 bis 100).", "invalid_progress"
            ) from None
    if not number.is_integer():
        raise RowProblem("progress", "Erwartet wird eine ganze Zahl von 0 bis 100.", "invalid_progress")
    if not 0 <= number <= 100:
        raise RowProblem(
            "progress", f"Der Fortschritt {number:g} liegt nicht zwischen 0 und 100.", "progress_out_of_range"
        )
    return int(number)


def _parse_organisations(key: str, raw: str, lookup: Lookup) -> list[Organisation]:
    found: list[Organisation] = []
    for token in raw.split(";"):
        name = token.strip()
        if not name:
            continue
        matches = lookup.organisations.get(_fold(name), [])
        if not matches:
            raise RowProblem(
                key,
                f"Unbekannte Organisation „{name}“; bitte zuerst unter Organisationen anlegen.",
                "unknown_organisation",
            )
        if len(matches) > 1:
            raise RowProblem(key, f"„{name}“ passt auf mehrere Organisationen.", "ambiguous_organisation")
        if matches[0] not in found:
            found.append(matches[0])
    return found


def _parse_cell(key: str, cell: Cell, lookup: Lookup, *, new: bool) -> Any:
    """The value of one cell; None for an empty optional cell. Raises RowProblem."""
    raw = _text(cell)
    if key in TEXT_TYPES:
        if not raw and key == "title":
            raise RowProblem(key, "Pflichtfeld ist leer.", "required")
        return _parse_text(key, raw) if raw else ""
    if key == "status":
        if not raw:
            if new:
                return None
            raise RowProblem(key, "Pflichtfeld ist leer.", "required")
        status = STATUS_NAMES.get(_fold(raw))
        if status is None:
            allowed = ", ".join(MEASURE_STATUS_DE.values())
            raise RowProblem(key, f"Unbekannter Status „{raw}“; erlaubt: {allowed}.", "invalid_status")
        return status
    if key == "body_id":
        if not raw:
            raise RowProblem(key, "Pflichtfeld ist leer.", "required")
        body = lookup.bodies.get(_fold(raw))
        if body is None:
            raise RowProblem(key, f"Unbekanntes Gremium „{raw}“ (Kurzname wie „AK Bildung“).", "unknown_body")
        return body.id
    if key == "goal_ids":
        codes = [code for code in GOAL_SPLIT.split(raw) if code]
        if codes and lookup.current_edition_id is None:
            raise RowProblem(key, "Es gibt keine geltende Ausgabe des Konzepts.", "no_current_edition")
        unknown = [code for code in codes if _fold(code) not in lookup.goals]
        if unknown:
            raise RowProblem(
                key,
                f"Unbekannte Ziele der geltenden Ausgabe: {', '.join(unknown)}.",
                "unknown_goal",
            )
        return list(dict.fromkeys(lookup.goals[_fold(code)].id for code in codes))
    if key in ROLE_COLUMNS.values():
        return _parse_organisations(key, raw, lookup)
    if key in ("starts_on", "ends_on"):
        return _parse_date(key, cell) if raw else None
    if key == "progress":
        if not raw:
            if new:
                return None
            raise RowProblem(key, "Pflichtfeld ist leer.", "required")
        return _parse_progress(cell)
    raise AssertionError(key)  # pragma: no cover - every column key is handled above


def _differs(value: Any, current: Any) -> bool:
    """Text is compared without surrounding white space, which the cells lose anyway."""
    if isinstance(value, str) and isinstance(current, str):
        return value.strip() != current.strip()
    return bool(value != current)


def _transition_message(current: str, target: str) -> str:
    allowed = measures_service.TRANSITIONS[current]
    if not allowed:
        return f"{_label(current)} ist ein Endstatus; der Status kann nicht mehr geändert werden."
    targets = ", ".join(_label(status) for status in allowed)
    return f"Von {_label(current)} ist kein Wechsel zu {_label(target)} möglich; erlaubt: {targets}."


def _error(problem: RowProblem, header_of: dict[str, str]) -> MeasureImportRowError:
    column = header_of.get(problem.field) or MEASURE_COLUMNS.get(problem.field, problem.field)
    return MeasureImportRowError(
        field=problem.field, column=column, message=problem.message, code=problem.code
    )


def _plan_row(
    number: int, cells: dict[str, Cell], lookup: Lookup, seen: dict[str, int], header_of: dict[str, str]
) -> PlannedRow:
    problems: list[RowProblem] = []
    reference = _text(cells.get("reference")).upper()
    measure: Measure | None = None
    if reference:
        if reference in seen:
            problems.append(
                RowProblem("reference", f"Gleiche Referenz wie Zeile {seen[reference]}.", "duplicate_in_file")
            )
        else:
            seen[reference] = number
            measure = lookup.measures.get(reference)
            if measure is None:
                problems.append(
                    RowProblem(
                        "reference",
                        f"Keine Maßnahme mit der Referenz „{reference}“"
                        + ("." if REFERENCE.match(reference) else " (Format M-JJJJ-NNN)."),
                        "unknown_reference",
                    )
                )
    new = not reference
    values: dict[str, Any] = {}
    for key in MEASURE_COLUMNS:
        if key == "reference":
            continue
        if key not in cells:
            if new and key in ("title", "body_id"):
                problems.append(RowProblem(key, "Für eine neue Maßnahme ist diese Spalte nötig.", "required"))
            continue
        try:
            values[key] = _parse_cell(key, cells[key], lookup, new=new)
        except RowProblem as problem:
            problems.append(problem)
    failed = {problem.field for problem in problems}

    # Organisations: at most one role each, also against the roles of columns not in the file.
    current_roles = dict(lookup.roles.get(measure.id, {})) if measure else {}
    roles: dict[uuid.UUID, str] = {
        organisation_id: role
        for organisation_id, role in current_roles.items()
        if ROLE_COLUMNS[role] not in cells
    }
    for role, key in ROLE_COLUMNS.items():
        if key not in values:
            continue
        for organisation in values[key]:
            if organisation.id in roles:
                other = MEASURE_COLUMNS[ROLE_COLUMNS[roles[organisation.id]]]
                problems.append(
                    RowProblem(
                        key,
                        f"„{organisation.name}“ steht schon in der Spalte „{other}“; "
                        "jede Organisation hat nur eine Rolle.",
                        "duplicate_organisation",
                    )
                )
                failed.add(key)
                continue
            roles[organisation.id] = role

    starts_on = values.get("starts_on", measure.starts_on if measure else None)
    ends_on = values.get("ends_on", measure.ends_on if measure else None)
    if (
        not failed & {"starts_on", "ends_on"}
        and starts_on is not None
        and ends_on is not None
        and ends_on < starts_on
    ):
        problems.append(RowProblem("ends_on", "Das Ende liegt vor dem Beginn.", "ends_before_start"))

    status = values.get("status")
    reason = values.get("status_reason")
    if measure is None and new:
        if status is not None and status not in INITIAL_STATUSES:
            problems.append(
                RowProblem(
                    "status",
                    f"Eine neue Maßnahme beginnt als „Idee“ oder „Geplant“, nicht als {_label(status)}.",
                    "invalid_initial_status",
                )
            )
        if reason:
            problems.append(
                RowProblem(
                    "status_reason",
                    "Eine Begründung gibt es nur für pausierte oder eingestellte Maßnahmen.",
                    "reason_not_allowed",
                )
            )
    elif (
        measure is not None
        and status is not None
        and measures_service.transition_problem(measure.status, status) is not None
        and status != measure.status
    ):
        problems.append(
            RowProblem("status", _transition_message(measure.status, status), "transition_not_allowed")
        )
    if measure is not None and "status_reason" not in failed:
        target = status or measure.status
        effective = (reason if reason is not None else measure.status_reason).strip()
        touched = target != measure.status or (reason is not None and reason != measure.status_reason)
        if touched and target in measures_service.REASON_REQUIRED and not effective:
            problems.append(
                RowProblem(
                    "status_reason",
                    f"Für {_label(target)} ist eine Begründung nötig.",
                    "reason_required",
                )
            )

    if problems:
        return PlannedRow(
            number, "rejected", measure=measure, errors=[_error(p, header_of) for p in problems]
        )
    organisations = [
        MeasureOrganisationInput(organisation_id=organisation_id, role=role)
        for organisation_id, role in roles.items()
    ]
    if measure is None:
        create = MeasureCreate(
            title=values["title"],
            description=values.get("description") or "",
            body_id=values["body_id"],
            target_group=values.get("target_group") or "",
            status=status or "idea",
            starts_on=values.get("starts_on"),
            ends_on=values.get("ends_on"),
            progress=values.get("progress") or 0,
            goal_ids=values.get("goal_ids") or [],
            organisations=organisations,
        )
        filled = [key for key in MEASURE_COLUMNS if values.get(key) not in (None, "", [])]
        return PlannedRow(number, "created", create=create, fields=filled)

    changes: dict[str, Any] = {}
    fields: list[str] = []
    for key in SCALAR_FIELDS:
        if key in values and _differs(values[key], getattr(measure, key)):
            changes[key] = values[key]
            fields.append(key)
    if "goal_ids" in values and set(values["goal_ids"]) != lookup.current_goals.get(measure.id, set()):
        changes["goal_ids"] = [*lookup.other_goals.get(measure.id, []), *values["goal_ids"]]
        fields.append("goal_ids")
    organisations_changed = False
    for role, key in ROLE_COLUMNS.items():
        if key not in values:
            continue
        before = {org_id for org_id, old_role in current_roles.items() if old_role == role}
        if before != {organisation.id for organisation in values[key]}:
            fields.append(key)
            organisations_changed = True
    if organisations_changed:
        changes["organisations"] = organisations
    new_status = status if status is not None and status != measure.status else None
    new_reason = None
    if new_status is not None:
        new_reason = (reason if reason is not None else measure.status_reason).strip()
        fields.append("status")
        if new_status == "completed" and measure.progress != 100 and "progress" not in fields:
            fields.append("progress")
    elif reason is not None and _differs(reason, measure.status_reason):
        new_reason = reason
    if new_reason is not None and _differs(new_reason, measure.status_reason):
        fields.append("status_reason")
    action: RowAction = "updated" if fields else "unchanged"
    order = list(MEASURE_COLUMNS)
    if new_status is None and new_reason is not None and not _differs(new_reason, measure.status_reason):
        new_reason = None
    return PlannedRow(
        number,
        action,
        measure=measure,
        changes=changes,
        status=new_status,
        reason=new_reason,
        fields=sorted(fields, key=order.index),
    )


def recognise_columns(sheet: Sheet) -> tuple[dict[str, str], dict[str, int], list[str]]:
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
    if "reference" not in positions:
        raise missing_columns_error([MEASURE_COLUMNS["reference"]])
    return columns, positions, ignored


async def plan_import(
    session: AsyncSession, sheet: Sheet
) -> tuple[dict[str, str], list[str], list[PlannedRow]]:
    columns, positions, ignored = recognise_columns(sheet)
    header_of = {target: header for header, target in columns.items()}
    records = [
        (number, {key: record[index] for key, index in positions.items() if index < len(record)})
        for number, record in sheet.rows
        if any(_text(cell) for cell in record)  # blank lines are not rows
    ]
    if not records:
        raise file_error("Die Datei enthält außer der Kopfzeile keine Zeilen.", "no_rows")
    references = {_text(cells.get("reference")).upper() for _, cells in records} - {""}
    lookup = await load_lookup(session, references)
    seen: dict[str, int] = {}
    planned = [_plan_row(number, cells, lookup, seen, header_of) for number, cells in records]
    return columns, ignored, planned


async def apply_import(session: AsyncSession, user: User, planned: list[PlannedRow]) -> None:
    """Write every row through the measures service (its checks and audit rows included)."""
    for row in planned:
        if row.action == "created" and row.create is not None:
            row.measure = await measures_service.create_measure(session, user, row.create)
        elif row.action == "updated" and row.measure is not None:
            measure = row.measure
            if row.changes:
                await measures_service.update_measure(
                    session, user, measure, MeasureUpdate(**row.changes), if_match="*"
                )
            if row.status is not None:
                await measures_service.change_status(
                    session,
                    user,
                    measure,
                    MeasureStatusChange(status=row.status, reason=row.reason or ""),
                    if_match="*",
                )
            elif row.reason is not None and row.reason != measure.status_reason:
                measure.status_reason = row.reason
                await session.flush()
                record_audit(
                    session,
                    actor_id=user.id,
                    action="measure.update",
                    object_type="measure",
                    object_id=measure.id,
                    details={"fields": ["status_reason"], "source": "import"},
                )


async def import_measures(
    session: AsyncSession, sheet: Sheet, *, dry_run: bool, user: User
) -> MeasureImportReport:
    columns, ignored, planned = await plan_import(session, sheet)
    totals = ImportTotals(
        rows=len(planned),
        created=sum(row.action == "created" for row in planned),
        updated=sum(row.action == "updated" for row in planned),
        unchanged=sum(row.action == "unchanged" for row in planned),
        rejected=sum(row.action == "rejected" for row in planned),
    )
    written = not dry_run and totals.rejected == 0
    if written:
        await apply_import(session, user, planned)
    if not dry_run:
        record_audit(
            session,
            actor_id=user.id,
            action="measure.import",
            object_type="measure",
            outcome="success" if written else "failure",
            details=totals.model_dump()
            | {"written": written, "file_type": sheet.file_type, "encoding": sheet.encoding},
        )
    return MeasureImportReport(
        dry_run=dry_run,
        written=written,
        file_type=sheet.file_type,
        encoding=sheet.encoding,
        delimiter=sheet.delimiter,
        columns=columns,
        ignored_columns=ignored,
        totals=totals,
        rows=[
            MeasureImportRow(
                row=row.row,
                action=row.action,
                measure_id=row.measure.id if row.measure is not None else None,
                reference=row.measure.reference if row.measure is not None else None,
                fields=row.fields,
                errors=row.errors,
            )
            for row in planned
        ],
    )
