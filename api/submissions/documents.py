"""A submission as a formal German paper: PDF (WeasyPrint) and DOCX (python-docx), same content."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from api.core.config import Settings
from api.documents.render import docx_bytes, new_docx, render_pdf
from api.meetings.service import BERLIN
from api.models import AgendaItem, Attachment
from api.submissions.schemas import SubmissionRead
from api.submissions.service import OUTCOME_LABELS

KIND_LABELS = {"report": "Bericht", "request": "Antrag", "recommendation": "Empfehlung"}


@dataclass(frozen=True)
class Paper:
    submission: SubmissionRead
    attachments: list[str]

    @property
    def dated(self) -> str:
        moment = self.submission.submitted_at or self.submission.updated_at
        return f"{moment.astimezone(BERLIN):%d.%m.%Y}"

    @property
    def sections(self) -> list[tuple[str, str]]:
        return [
            ("Sachverhalt", self.submission.situation),
            ("Beschlussvorschlag", self.submission.proposed_resolution),
            ("Begründung", self.submission.rationale),
        ]

    @property
    def facts(self) -> list[tuple[str, str]]:
        rows = [
            ("Vorlage", self.submission.reference or "noch ohne Nummer"),
            ("Art", KIND_LABELS[self.submission.kind]),
            ("Datum", self.dated),
            ("Einreichendes Gremium", self.submission.body_name),
            ("An", "Steuerungsgruppe Integration"),
        ]
        if self.submission.outcome:
            rows.append(("Ergebnis", OUTCOME_LABELS[self.submission.outcome]))
        return rows

    @property
    def filename(self) -> str:
        return self.submission.reference or f"Vorlage-Entwurf-{self.submission.id}"


async def paper_of(session: AsyncSession, submission: SubmissionRead) -> Paper:
    """The paper with its own files and those attached to its agenda item, oldest first."""
    on_agenda = select(AgendaItem.id).where(
        AgendaItem.submission_id == submission.id, AgendaItem.deleted_at.is_(None)
    )
    names = await session.scalars(
        select(Attachment.filename)
        .where(
            or_(Attachment.submission_id == submission.id, Attachment.agenda_item_id.in_(on_agenda)),
            Attachment.deleted_at.is_(None),
        )
        .order_by(Attachment.created_at, Attachment.id)
    )
    return Paper(submission=submission, attachments=list(names))


def paper_pdf(paper: Paper, settings: Settings) -> bytes:
    """Blocking; call it in a worker thread."""
    context = {
        "submission": paper.submission,
        "dated": paper.dated,
        "kind_label": KIND_LABELS[paper.submission.kind],
        "outcome_label": OUTCOME_LABELS.get(paper.submission.outcome or "", ""),
        "sections": paper.sections,
        "attachments": paper.attachments,
    }
    return render_pdf("submission.html", context, settings, archival=True)


def paper_docx(paper: Paper, settings: Settings) -> bytes:
    document = new_docx(settings, f"Vorlage {paper.filename}: {paper.submission.title}")
    document.add_heading(paper.submission.title, level=1)
    table = document.add_table(rows=0, cols=2)
    for label, value in paper.facts:
        cells = table.add_row().cells
        cells[0].text, cells[1].text = label, value
    for heading, text in paper.sections:
        document.add_heading(heading, level=2)
        document.add_paragraph(text or "–")
    if paper.submission.outcome and paper.submission.resolution:
        document.add_heading("Beschluss", level=2)
        document.add_paragraph(paper.submission.resolution)
    document.add_heading("Anlagen", level=2)
    for name in paper.attachments:
        document.add_paragraph(name, style="List Number")
    if not paper.attachments:
        document.add_paragraph("Keine Anlagen.")
    return docx_bytes(document)


def content_disposition(paper: Paper, extension: str) -> str:
    return f'attachment; filename="{paper.filename}.{extension}"'
