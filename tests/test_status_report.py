"""The status report: its figures equal the lists for the same period; PDF and DOCX carry every paper."""

from __future__ import annotations

import io
import uuid
from datetime import date
from typing import Any

import httpx
from docx import Document
from fastapi import FastAPI
from pypdf import PdfReader
from sqlalchemy import select

from api.demo.activity import seed_activity
from api.demo.concept import seed_concept
from api.demo.measures import seed_measures
from api.demo.service import seed_directory
from api.demo.submissions import seed_submissions
from api.models import Body, Meeting
from api.submissions.service import OUTCOME_LABELS
from tests.conftest import Account, UserFactory, audit_events
from tests.test_dashboard import all_items, list_total

STATUSES = ("idea", "planned", "in_progress", "completed", "paused", "discontinued")


async def _demo(app: FastAPI) -> list[Meeting]:
    async with app.state.sessionmaker() as session, session.begin():
        await seed_directory(session)
        await seed_activity(session)
        await seed_concept(session)
        await seed_measures(session)
        await seed_submissions(session)
        steering = await session.scalar(select(Body.id).where(Body.kind == "steering_group"))
        return list(
            await session.scalars(
                select(Meeting).where(Meeting.body_id == steering).order_by(Meeting.starts_at)
            )
        )


async def _report(client: httpx.AsyncClient, account: Account, meeting_id: uuid.UUID) -> dict[str, Any]:
    response = await client.get(f"/api/v1/meetings/{meeting_id}/status-report", headers=account.headers)
    assert response.status_code == 200, response.text
    report: dict[str, Any] = response.json()
    return report


async def test_figures_equal_the_lists_for_the_period(
    client: httpx.AsyncClient, app: FastAPI, make_user: UserFactory, bodies: dict[str, uuid.UUID]
) -> None:
    meetings = await _demo(app)
    coordinator = await make_user("coordinator")
    for meeting in meetings[1:]:
        report = await _report(client, coordinator, meeting.id)
        period = {"from": report["period_from"], "to": report["period_to"]}
        assert date.fromisoformat(report["period_to"]) < meeting.starts_at.date()
        for group in report["groups"]:
            body_id = group["body_id"]
            held = [
                await list_total(
                    client, coordinator, "/api/v1/meetings", body_id=body_id, status=status, **period
                )
                for status in ("held", "minutes_approved")
            ]
            assert group["meetings_held"] == sum(held), group["body_short_name"]
            assert group["needs_open"] == await list_total(
                client, coordinator, "/api/v1/needs", body_id=body_id, status="open"
            )
            for status in STATUSES:
                assert group["measures"][status] == await list_total(
                    client, coordinator, "/api/v1/measures", body_id=body_id, status=status
                ), (group["body_short_name"], status)
            addressed = await all_items(client, coordinator, "/api/v1/directives", addressee_body_id=body_id)
            not_done = [d for d in addressed if d["status"] != "done"]
            assert group["directives"]["open"] + group["directives"]["in_progress"] == len(not_done)
            assert group["directives"]["overdue"] == len([d for d in not_done if d["overdue"]])
        papers = await all_items(client, coordinator, "/api/v1/submissions")
        decided_in_period = sorted(
            paper["reference"]
            for paper in papers
            if paper["decided_at"] and period["from"] <= paper["decided_at"][:10] <= period["to"]
        )
        assert sorted(paper["reference"] for paper in report["decisions"]) == decided_in_period
    assert any(report["decisions"] for report in [await _report(client, coordinator, m.id) for m in meetings])


async def test_pdf_and_docx_list_every_decided_paper(
    client: httpx.AsyncClient, app: FastAPI, make_user: UserFactory, bodies: dict[str, uuid.UUID]
) -> None:
    meetings = await _demo(app)
    steering = await make_user("steering")
    reports = [await _report(client, steering, meeting.id) for meeting in meetings]
    meeting, report = next((m, r) for m, r in zip(meetings, reports, strict=True) if r["decisions"])

    pdf = await client.get(f"/api/v1/meetings/{meeting.id}/status-report.pdf", headers=steering.headers)
    assert pdf.status_code == 200, pdf.text
    archival = PdfReader(io.BytesIO(pdf.content)).xmp_metadata
    assert archival is not None
    assert b'pdfaid:part="3"' in archival.stream.get_data()
    text = " ".join(
        " ".join((page.extract_text() or "") for page in PdfReader(io.BytesIO(pdf.content)).pages).split()
    )
    docx = await client.get(f"/api/v1/meetings/{meeting.id}/status-report.docx", headers=steering.headers)
    assert docx.status_code == 200, docx.text
    document = Document(io.BytesIO(docx.content))
    words = "\n".join(
        [p.text for p in document.paragraphs]
        + [cell.text for table in document.tables for row in table.rows for cell in row.cells]
        + [p.text for p in document.sections[0].header.paragraphs]
    )
    for content in (text, words):
        assert "Landkreis Gifhorn" in content
        assert "Sachstandsbericht" in content
        for paper in report["decisions"]:
            assert paper["reference"] in content
            assert paper["title"] in content
            assert OUTCOME_LABELS[paper["outcome"]] in content
    assert len(await audit_events(app, "meeting.status_report.export")) == 2


async def test_only_for_steering_meetings_and_their_readers(
    client: httpx.AsyncClient, app: FastAPI, make_user: UserFactory, bodies: dict[str, uuid.UUID]
) -> None:
    meetings = await _demo(app)
    member = await make_user("member")
    coordinator = await make_user("coordinator")
    response = await client.get(f"/api/v1/meetings/{meetings[0].id}/status-report", headers=member.headers)
    assert response.status_code == 404
    async with app.state.sessionmaker() as session:
        group_meeting = await session.scalar(
            select(Meeting.id).where(Meeting.body_id == bodies["AK Bildung"]).limit(1)
        )
    response = await client.get(
        f"/api/v1/meetings/{group_meeting}/status-report", headers=coordinator.headers
    )
    assert response.status_code == 404
