"""The status report as PDF (WeasyPrint) and DOCX (python-docx), with the county header."""

from __future__ import annotations

from typing import Any

from api.core.config import Settings
from api.documents.render import docx_bytes, new_docx, render_pdf
from api.meetings.service import BERLIN
from api.reports.schemas import StatusReport
from api.submissions.service import OUTCOME_LABELS

MEASURE_LABELS = (
    ("idea", "Idee"),
    ("planned", "geplant"),
    ("in_progress", "in Umsetzung"),
    ("completed", "abgeschlossen"),
    ("paused", "pausiert"),
    ("discontinued", "eingestellt"),
)
STATUS_LABELS = {
    "draft": "Entwurf",
    "submitted": "eingereicht",
    "scheduled": "auf der Tagesordnung",
    "decided": "beschieden",
    "withdrawn": "zurückgezogen",
}
DIRECTIVE_LABELS = {"open": "offen", "in_progress": "in Arbeit", "done": "erledigt"}


def _context(report: StatusReport) -> dict[str, Any]:
    return {
        "report": report,
        "meeting_day": f"{report.meeting_starts_at.astimezone(BERLIN):%d.%m.%Y}",
        "period": f"{report.period_from:%d.%m.%Y} bis {report.period_to:%d.%m.%Y}",
        "generated": f"{report.generated_at.astimezone(BERLIN):%d.%m.%Y}",
        "measure_labels": MEASURE_LABELS,
        "status_labels": STATUS_LABELS,
        "outcome_labels": OUTCOME_LABELS,
        "directive_labels": DIRECTIVE_LABELS,
    }


def report_pdf(report: StatusReport, settings: Settings) -> bytes:
    """Blocking; call it in a worker thread."""
    return render_pdf("status_report.html", _context(report), settings, archival=True)


def report_docx(report: StatusReport, settings: Settings) -> bytes:
    context = _context(report)
    document = new_docx(settings, f"Sachstandsbericht {report.meeting_title}")
    document.add_heading(f"Sachstandsbericht zur Sitzung „{report.meeting_title}“", level=1)
    document.add_paragraph(f"Sitzung: {context['meeting_day']} · Berichtszeitraum: {context['period']}")
    for group in report.groups:
        document.add_heading(group.body_name, level=2)
        measures = " · ".join(
            f"{label}: {getattr(group.measures, status)}" for status, label in MEASURE_LABELS
        )
        rows = [
            ("Sitzungen", str(group.meetings_held)),
            ("Anwesende (Summe)", str(group.attendance_present)),
            ("Vorgestellte Angebote", str(group.offers_presented)),
            ("Offene Bedarfe / gelöst im Zeitraum", f"{group.needs_open} / {group.needs_resolved}"),
            ("Maßnahmen", measures),
            (
                "Handlungsanweisungen an den Arbeitskreis",
                f"offen {group.directives.open} · in Arbeit {group.directives.in_progress} · "
                f"erledigt {group.directives.done} · überfällig {group.directives.overdue}",
            ),
            (
                "Vorlagen",
                "\n".join(f"{p.reference} {p.title} ({STATUS_LABELS[p.status]})" for p in group.submissions)
                or "keine",
            ),
        ]
        table = document.add_table(rows=0, cols=2)
        for label, value in rows:
            cells = table.add_row().cells
            cells[0].text, cells[1].text = label, value
    document.add_heading("Beschlüsse im Berichtszeitraum", level=2)
    for paper in report.decisions:
        document.add_paragraph(
            f"{paper.reference} {paper.title}: {OUTCOME_LABELS[paper.outcome or 'noted']}",
            style="List Bullet",
        )
    if not report.decisions:
        document.add_paragraph("Keine.")
    document.add_heading("Handlungsanweisungen", level=2)
    for d in report.directives:
        state = DIRECTIVE_LABELS[d.status] + (" (überfällig)" if d.overdue else "")
        line = (
            f"{d.submission_reference}: {d.text} – an {d.addressee_name}, fällig {d.due_on:%d.%m.%Y}, {state}"
        )
        document.add_paragraph(line, style="List Bullet")
    if not report.directives:
        document.add_paragraph("Keine.")
    return docx_bytes(document)
