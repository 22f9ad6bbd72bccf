"""The documents behind the File objects that are not uploads: approved minutes and paper texts,
as HTML from the templates of the PDFs, with the public's view of the data (no online link, names
of members who are not public taken out)."""

from __future__ import annotations

from types import SimpleNamespace

from sqlalchemy import or_, select

from api.documents import markdown_to_safe_html
from api.documents.render import render_html
from api.meetings.service import BERLIN, attendance_counts
from api.models import AgendaItem, Attachment, Body, Meeting, Submission
from api.oparl.objects import Context
from api.submissions.documents import KIND_LABELS
from api.submissions.service import OUTCOME_LABELS


async def minutes_html(ctx: Context, meeting: Meeting) -> str:
    redact = await ctx.redactor()
    body = await ctx.session.get(Body, meeting.body_id)
    items = await ctx.session.scalars(
        select(AgendaItem)
        .where(AgendaItem.meeting_id == meeting.id, AgendaItem.deleted_at.is_(None))
        .order_by(AgendaItem.position, AgendaItem.created_at, AgendaItem.id)
    )
    counts = (await attendance_counts(ctx.session, [meeting]))[meeting.id]
    starts, ends = meeting.starts_at.astimezone(BERLIN), meeting.ends_at.astimezone(BERLIN)
    approved_at = meeting.minutes_approved_at
    context = {
        "meeting": SimpleNamespace(
            title=redact(meeting.title),
            number=meeting.number,
            online_url=None,
            theme=redact(meeting.theme) if meeting.theme else None,
        ),
        "body": SimpleNamespace(name=body.name if body else ""),
        "when": f"{starts:%d.%m.%Y}, {starts:%H:%M}–{ends:%H:%M} Uhr"
        if starts.date() == ends.date()
        else f"{starts:%d.%m.%Y, %H:%M} Uhr – {ends:%d.%m.%Y, %H:%M} Uhr",
        "place": ", ".join(part for part in (meeting.location_address, meeting.location_room) if part),
        "counts": counts,
        "agenda": [
            SimpleNamespace(number=item.number, title=redact(item.title), result=redact(item.result))
            for item in items
        ],
        "minutes_html": markdown_to_safe_html(redact(meeting.minutes_markdown)),
        "approved_on": f"{approved_at.astimezone(BERLIN):%d.%m.%Y}" if approved_at else "",
        "label": "Genehmigt",
    }
    return render_html("minutes.html", context, ctx.settings)


async def paper_html(ctx: Context, paper: Submission) -> str:
    redact = await ctx.redactor()
    body = await ctx.session.get(Body, paper.body_id)
    on_agenda = select(AgendaItem.id).where(
        AgendaItem.submission_id == paper.id, AgendaItem.deleted_at.is_(None)
    )
    names = await ctx.session.scalars(
        select(Attachment.filename)
        .where(
            or_(Attachment.submission_id == paper.id, Attachment.agenda_item_id.in_(on_agenda)),
            Attachment.deleted_at.is_(None),
        )
        .order_by(Attachment.created_at, Attachment.id)
    )
    moment = paper.submitted_at or paper.created_at
    context = {
        "submission": SimpleNamespace(
            reference=paper.reference,
            title=redact(paper.title),
            body_name=body.name if body else "",
            outcome=paper.outcome,
            resolution=redact(paper.resolution),
        ),
        "dated": f"{moment.astimezone(BERLIN):%d.%m.%Y}",
        "kind_label": KIND_LABELS[paper.kind],
        "outcome_label": OUTCOME_LABELS.get(paper.outcome or "", ""),
        "sections": [
            ("Sachverhalt", redact(paper.situation)),
            ("Beschlussvorschlag", redact(paper.proposed_resolution)),
            ("Begründung", redact(paper.rationale)),
        ],
        "attachments": [redact(name) for name in names],
    }
    return render_html("submission.html", context, ctx.settings)
