"""Submissions to the steering group: the path from need to directive, transitions, access, deadline."""

from __future__ import annotations

import io
import uuid
from datetime import UTC, date, datetime, timedelta

import httpx
import pytest
from docx import Document
from fastapi import FastAPI
from pypdf import PdfReader
from sqlalchemy import select

from api.models import AgendaItem, Meeting, Member, User
from tests.conftest import Account, Mailbox, UserFactory, audit_events
from tests.test_attachments import PDF
from tests.test_offers import seat

URL = "/api/v1/submissions"
DIRECTIVES = "/api/v1/directives"


async def steering_meeting(app: FastAPI, body_id: uuid.UUID, *, in_days: int, status: str = "invited") -> str:
    starts = datetime.now(UTC).replace(microsecond=0) + timedelta(days=in_days)
    async with app.state.sessionmaker() as session, session.begin():
        meeting = Meeting(
            body_id=body_id,
            title="Steuerungsgruppe 2/2026",
            starts_at=starts,
            ends_at=starts + timedelta(hours=2),
            status=status,
        )
        session.add(meeting)
        await session.flush()
        return str(meeting.id)


async def spokesperson_of(
    app: FastAPI, make_user: UserFactory, body_id: uuid.UUID, email: str | None = None
) -> Account:
    account = await make_user("spokesperson")
    await seat(app, account, body_id, role="spokesperson")
    if email:
        async with app.state.sessionmaker() as session, session.begin():
            user = await session.get(User, account.user.id)
            assert user is not None
            assert user.member_id is not None
            member = await session.get(Member, user.member_id)
            assert member is not None
            member.email = email
    return account


async def draft(client: httpx.AsyncClient, account: Account, body_id: uuid.UUID, **fields: object) -> dict:  # type: ignore[type-arg]
    payload = {
        "title": "Kinderbetreuung während der Sprachkurse",
        "kind": "request",
        "body_id": str(body_id),
        "situation": "Viele Mütter können Integrationskurse nicht besuchen.",
        "proposed_resolution": "Die Steuerungsgruppe bittet den Landkreis, eine Kursbetreuung zu prüfen.",
        "rationale": "Ohne Betreuung bleiben Plätze leer.",
    } | fields
    response = await client.post(URL, json=payload, headers=account.headers)
    assert response.status_code == 201, response.text
    created: dict = response.json()  # type: ignore[type-arg]
    return created


async def act(
    client: httpx.AsyncClient,
    account: Account,
    submission_id: str,
    action: str,
    payload: dict | None = None,  # type: ignore[type-arg]
) -> httpx.Response:
    current = await client.get(f"{URL}/{submission_id}", headers=account.headers)
    return await client.post(
        f"{URL}/{submission_id}/{action}",
        json=payload if payload is not None else {},
        headers=account.headers | {"If-Match": current.headers.get("ETag", "*")},
    )


async def test_from_need_to_done_directive(
    client: httpx.AsyncClient,
    make_user: UserFactory,
    bodies: dict[str, uuid.UUID],
    app: FastAPI,
    mailbox: Mailbox,
) -> None:
    body_id = bodies["AK Familienleben"]
    coordinator = await make_user("coordinator")
    spokesperson = await spokesperson_of(app, make_user, body_id, email="sprecherin@example.org")
    meeting_id = await steering_meeting(app, bodies["Steuerungsgruppe"], in_days=60)
    need = (
        await client.post(
            "/api/v1/needs",
            json={"body_id": str(body_id), "title": "Kinderbetreuung fehlt"},
            headers=spokesperson.headers,
        )
    ).json()

    submission = await draft(client, spokesperson, body_id, need_ids=[need["id"]])
    assert (submission["status"], submission["reference"], submission["need_ids"]) == (
        "draft",
        None,
        [need["id"]],
    )

    submitted = await act(client, spokesperson, submission["id"], "submit")
    assert submitted.status_code == 200, submitted.text
    year = datetime.now(UTC).year
    assert submitted.json()["reference"] == f"SG-{year}-001"
    assert submitted.json()["status"] == "submitted"

    scheduled = await act(client, coordinator, submission["id"], "schedule", {"meeting_id": meeting_id})
    assert scheduled.status_code == 200, scheduled.text
    assert (scheduled.json()["status"], scheduled.json()["meeting_id"]) == ("scheduled", meeting_id)
    agenda = await client.get(f"/api/v1/meetings/{meeting_id}/agenda-items", headers=coordinator.headers)
    [item] = agenda.json()
    assert (item["kind"], item["submission_id"]) == ("submission", submission["id"])
    assert item["title"].startswith(f"SG-{year}-001 ")

    due = (date.today() + timedelta(days=90)).isoformat()
    decided = await act(
        client,
        coordinator,
        submission["id"],
        "decision",
        {
            "outcome": "approved_with_changes",
            "resolution": "Der Landkreis prüft eine Kursbetreuung an zwei Standorten.",
            "votes_for": 9,
            "votes_against": 1,
            "abstentions": 2,
            "directives": [
                {"text": "Standorte prüfen", "addressee_kind": "office", "due_on": due},
                {
                    "text": "Bedarf je Kurs erheben",
                    "addressee_kind": "body",
                    "addressee_body_id": str(body_id),
                    "due_on": due,
                },
            ],
        },
    )
    assert decided.status_code == 200, decided.text
    assert (decided.json()["status"], decided.json()["outcome"], decided.json()["votes_for"]) == (
        "decided",
        "approved_with_changes",
        9,
    )
    [(recipients, message)] = mailbox.messages
    assert recipients == ["sprecherin@example.org"]
    assert f"SG-{year}-001" in message["Subject"]
    assert "mit Änderungen beschlossen" in message["Subject"]
    assert "zwei Standorten" in message.get_body().get_content()

    issued = (
        await client.get(DIRECTIVES, params={"submission_id": submission["id"]}, headers=spokesperson.headers)
    ).json()
    assert issued["total"] == 2
    ours = next(d for d in issued["items"] if d["addressee_kind"] == "body")
    assert (ours["addressee_body_id"], ours["status"], ours["overdue"]) == (str(body_id), "open", False)
    assert "Familienleben" in ours["addressee_name"]
    office = next(d for d in issued["items"] if d["addressee_kind"] == "office")

    etag = (await client.get(f"{DIRECTIVES}/{ours['id']}", headers=spokesperson.headers)).headers["ETag"]
    started = await client.post(
        f"{DIRECTIVES}/{ours['id']}/status",
        json={"status": "in_progress"},
        headers=spokesperson.headers | {"If-Match": etag},
    )
    assert started.status_code == 200, started.text
    no_note = await client.post(
        f"{DIRECTIVES}/{ours['id']}/status",
        json={"status": "done"},
        headers=spokesperson.headers | {"If-Match": started.headers["ETag"]},
    )
    assert no_note.status_code == 422
    done = await client.post(
        f"{DIRECTIVES}/{ours['id']}/status",
        json={"status": "done", "note": "Erhebung in allen Kursen abgeschlossen."},
        headers=spokesperson.headers | {"If-Match": started.headers["ETag"]},
    )
    assert done.status_code == 200, done.text
    assert done.json()["status"] == "done"
    assert done.json()["completed_at"] is not None

    office_etag = (await client.get(f"{DIRECTIVES}/{office['id']}", headers=spokesperson.headers)).headers[
        "ETag"
    ]
    not_theirs = await client.post(
        f"{DIRECTIVES}/{office['id']}/status",
        json={"status": "in_progress"},
        headers=spokesperson.headers | {"If-Match": office_etag},
    )
    assert not_theirs.status_code == 403

    actions = [event.action for event in await audit_events(app, "submission.decide")]
    assert actions == ["submission.decide"]
    assert len(await audit_events(app, "directive.create")) == 2


async def test_disallowed_transitions_answer_409(
    client: httpx.AsyncClient, make_user: UserFactory, bodies: dict[str, uuid.UUID], app: FastAPI
) -> None:
    coordinator = await make_user("coordinator")
    meeting_id = await steering_meeting(app, bodies["Steuerungsgruppe"], in_days=60)
    decision = {"outcome": "noted"}
    paper = await draft(client, coordinator, bodies["AK Bildung"])
    for action, payload in (("schedule", {"meeting_id": meeting_id}), ("decision", decision)):
        response = await act(client, coordinator, paper["id"], action, payload)
        assert response.status_code == 409, (action, response.text)
        assert "draft" in response.json()["detail"]
    assert (await act(client, coordinator, paper["id"], "submit")).status_code == 200
    for action, payload in (("submit", {}), ("decision", decision)):
        assert (await act(client, coordinator, paper["id"], action, payload)).status_code == 409, action
    assert (
        await act(client, coordinator, paper["id"], "schedule", {"meeting_id": meeting_id})
    ).status_code == 200
    for action, payload in (("submit", {}), ("schedule", {"meeting_id": meeting_id}), ("withdraw", {})):
        assert (await act(client, coordinator, paper["id"], action, payload)).status_code == 409, action
    assert (await act(client, coordinator, paper["id"], "decision", decision)).status_code == 200
    for action, payload in (
        ("submit", {}),
        ("schedule", {"meeting_id": meeting_id}),
        ("withdraw", {}),
        ("decision", decision),
    ):
        assert (await act(client, coordinator, paper["id"], action, payload)).status_code == 409, action
    patched = await client.patch(
        f"{URL}/{paper['id']}", json={"title": "Neu"}, headers=coordinator.headers | {"If-Match": "*"}
    )
    assert patched.status_code == 409

    withdrawn = await draft(client, coordinator, bodies["AK Bildung"])
    assert (await act(client, coordinator, withdrawn["id"], "withdraw")).status_code == 200
    for action, payload in (("submit", {}), ("schedule", {"meeting_id": meeting_id}), ("withdraw", {})):
        assert (await act(client, coordinator, withdrawn["id"], action, payload)).status_code == 409, action


async def test_deferred_decision_returns_the_paper_to_submitted(
    client: httpx.AsyncClient, make_user: UserFactory, bodies: dict[str, uuid.UUID], app: FastAPI
) -> None:
    coordinator = await make_user("coordinator")
    meeting_id = await steering_meeting(app, bodies["Steuerungsgruppe"], in_days=60)
    later_id = await steering_meeting(app, bodies["Steuerungsgruppe"], in_days=200, status="planned")
    paper = await draft(client, coordinator, bodies["AK Teilhabe"])
    await act(client, coordinator, paper["id"], "submit")
    await act(client, coordinator, paper["id"], "schedule", {"meeting_id": meeting_id})
    deferred = await act(client, coordinator, paper["id"], "decision", {"outcome": "deferred"})
    assert deferred.status_code == 200, deferred.text
    assert (
        deferred.json()["status"],
        deferred.json()["meeting_id"],
        deferred.json()["decided_meeting_id"],
    ) == (
        "submitted",
        None,
        meeting_id,
    )
    with_directive = await act(
        client,
        coordinator,
        paper["id"],
        "schedule",
        {"meeting_id": later_id},
    )
    assert with_directive.status_code == 200
    refused = await act(
        client,
        coordinator,
        paper["id"],
        "decision",
        {
            "outcome": "rejected",
            "resolution": "Abgelehnt.",
            "directives": [{"text": "x", "addressee_kind": "office", "due_on": "2027-01-01"}],
        },
    )
    assert refused.status_code == 422
    assert (await client.get(f"{URL}/{paper['id']}", headers=coordinator.headers)).json()[
        "status"
    ] == "scheduled"


async def test_drafts_are_visible_only_to_the_body_and_coordinators(
    client: httpx.AsyncClient, make_user: UserFactory, bodies: dict[str, uuid.UUID], app: FastAPI
) -> None:
    ours = await spokesperson_of(app, make_user, bodies["AK Bildung"])
    other = await spokesperson_of(app, make_user, bodies["AK Teilhabe"])
    member = await make_user("member")
    await seat(app, member, bodies["AK Bildung"])
    steering = await make_user("steering")
    coordinator = await make_user("coordinator")
    paper = await draft(client, ours, bodies["AK Bildung"])
    for account, expected in ((other, 404), (member, 404), (steering, 404), (coordinator, 200), (ours, 200)):
        response = await client.get(f"{URL}/{paper['id']}", headers=account.headers)
        assert response.status_code == expected, account.user.roles
        listed = (await client.get(URL, headers=account.headers)).json()
        assert (paper["id"] in [item["id"] for item in listed["items"]]) == (expected == 200)
    cannot = await client.post(
        URL,
        json={"title": "Fremd", "kind": "report", "body_id": str(bodies["AK Bildung"])},
        headers=other.headers,
    )
    assert cannot.status_code == 403
    await act(client, ours, paper["id"], "submit")
    for account in (member, steering):
        assert (await client.get(f"{URL}/{paper['id']}", headers=account.headers)).status_code == 200
    assert (await client.get(f"{URL}/{paper['id']}", headers=other.headers)).status_code == 404


async def test_late_submission_only_by_a_coordinator_with_a_reason(
    client: httpx.AsyncClient, make_user: UserFactory, bodies: dict[str, uuid.UUID], app: FastAPI
) -> None:
    meeting_id = await steering_meeting(app, bodies["Steuerungsgruppe"], in_days=10)
    async with app.state.sessionmaker() as session:
        starts = (await session.get(Meeting, uuid.UUID(meeting_id))).starts_at  # type: ignore[union-attr]
    deadline = (starts.date() - timedelta(weeks=3)).isoformat()
    spokesperson = await spokesperson_of(app, make_user, bodies["AK Bildung"])
    coordinator = await make_user("coordinator")
    paper = await draft(client, spokesperson, bodies["AK Bildung"])
    refused = await act(client, spokesperson, paper["id"], "submit")
    assert refused.status_code == 409
    assert deadline in refused.json()["detail"]
    assert (await client.get(f"{URL}/{paper['id']}", headers=spokesperson.headers)).json()[
        "reference"
    ] is None
    no_reason = await act(client, coordinator, paper["id"], "submit")
    assert no_reason.status_code == 422
    assert deadline in no_reason.text
    accepted = await act(
        client, coordinator, paper["id"], "submit", {"late_reason": "Dringend wegen Kursstart im Herbst."}
    )
    assert accepted.status_code == 200, accepted.text
    assert accepted.json()["late_reason"] == "Dringend wegen Kursstart im Herbst."


async def test_references_are_sequential_and_scheduling_checks_the_meeting(
    client: httpx.AsyncClient, make_user: UserFactory, bodies: dict[str, uuid.UUID], app: FastAPI
) -> None:
    coordinator = await make_user("coordinator")
    held = await steering_meeting(app, bodies["Steuerungsgruppe"], in_days=60, status="held")
    working_group_meeting = await steering_meeting(app, bodies["AK Bildung"], in_days=60)
    references = []
    for _ in range(3):
        paper = await draft(client, coordinator, bodies["AK Bildung"])
        references.append((await act(client, coordinator, paper["id"], "submit")).json()["reference"])
    year = datetime.now(UTC).year
    assert references == [f"SG-{year}-001", f"SG-{year}-002", f"SG-{year}-003"]
    for meeting_id, code in (
        (held, "meeting_closed"),
        (working_group_meeting, "unknown_meeting"),
        (str(uuid.uuid4()), "unknown_meeting"),
    ):
        response = await act(client, coordinator, paper["id"], "schedule", {"meeting_id": meeting_id})
        assert response.status_code == 422
        assert code in response.text
    async with app.state.sessionmaker() as session:
        assert list(await session.scalars(select(AgendaItem.id))) == []


@pytest.mark.parametrize("outcome", ["approved", "rejected"])
async def test_decisions_need_a_resolution_text(
    outcome: str,
    client: httpx.AsyncClient,
    make_user: UserFactory,
    bodies: dict[str, uuid.UUID],
    app: FastAPI,
) -> None:
    coordinator = await make_user("coordinator")
    meeting_id = await steering_meeting(app, bodies["Steuerungsgruppe"], in_days=60)
    paper = await draft(client, coordinator, bodies["AK Bildung"])
    await act(client, coordinator, paper["id"], "submit")
    await act(client, coordinator, paper["id"], "schedule", {"meeting_id": meeting_id})
    response = await act(client, coordinator, paper["id"], "decision", {"outcome": outcome})
    assert response.status_code == 422
    assert "resolution" in response.text


async def test_dashboard_shows_decisions_and_overdue_directives(
    client: httpx.AsyncClient, make_user: UserFactory, bodies: dict[str, uuid.UUID], app: FastAPI
) -> None:
    coordinator = await make_user("coordinator")
    meeting_id = await steering_meeting(app, bodies["Steuerungsgruppe"], in_days=60)
    paper = await draft(client, coordinator, bodies["AK Bildung"])
    await act(client, coordinator, paper["id"], "submit")
    await act(client, coordinator, paper["id"], "schedule", {"meeting_id": meeting_id})
    yesterday = (date.today() - timedelta(days=1)).isoformat()
    decided = await act(
        client,
        coordinator,
        paper["id"],
        "decision",
        {
            "outcome": "approved",
            "resolution": "Beschlossen.",
            "directives": [
                {"text": "Sofort umsetzen", "addressee_kind": "office", "due_on": yesterday},
                {"text": "Später berichten", "addressee_kind": "office", "due_on": "2099-01-01"},
            ],
        },
    )
    assert decided.status_code == 200, decided.text
    dashboard = (await client.get("/api/v1/dashboard", headers=coordinator.headers)).json()
    [decision] = dashboard["recent_decisions"]
    assert (decision["reference"], decision["outcome"]) == (decided.json()["reference"], "approved")
    listed = (await client.get(DIRECTIVES, params={"overdue": "true"}, headers=coordinator.headers)).json()
    assert dashboard["overdue_directives_total"] == listed["total"] == 1
    assert [d["text"] for d in dashboard["overdue_directives"]] == ["Sofort umsetzen"]

    [overdue] = listed["items"]
    etag = (await client.get(f"{DIRECTIVES}/{overdue['id']}", headers=coordinator.headers)).headers["ETag"]
    done = await client.post(
        f"{DIRECTIVES}/{overdue['id']}/status",
        json={"status": "done", "note": "Erledigt."},
        headers=coordinator.headers | {"If-Match": etag},
    )
    assert done.status_code == 200, done.text
    dashboard = (await client.get("/api/v1/dashboard", headers=coordinator.headers)).json()
    assert (dashboard["overdue_directives_total"], dashboard["overdue_directives"]) == (0, [])


async def test_paper_as_pdf_and_docx(
    client: httpx.AsyncClient, make_user: UserFactory, bodies: dict[str, uuid.UUID], app: FastAPI
) -> None:
    coordinator = await make_user("coordinator")
    meeting_id = await steering_meeting(app, bodies["Steuerungsgruppe"], in_days=60)
    paper = await draft(client, coordinator, bodies["AK Familienleben"])
    await act(client, coordinator, paper["id"], "submit")
    await act(client, coordinator, paper["id"], "schedule", {"meeting_id": meeting_id})
    decided = await act(
        client,
        coordinator,
        paper["id"],
        "decision",
        {"outcome": "approved", "resolution": "Kursbetreuung einrichten."},
    )
    reference = decided.json()["reference"]

    pdf = await client.get(f"{URL}/{paper['id']}.pdf", headers=coordinator.headers)
    assert pdf.status_code == 200, pdf.text
    assert pdf.headers["content-type"] == "application/pdf"
    assert f'filename="{reference}.pdf"' in pdf.headers["content-disposition"]
    text = " ".join((page.extract_text() or "") for page in PdfReader(io.BytesIO(pdf.content)).pages)
    text = " ".join(text.split())
    for expected in (
        reference,
        "Kinderbetreuung während der Sprachkurse",
        "Sachverhalt",
        "Beschlussvorschlag",
        "beschlossen",
        "Kursbetreuung einrichten.",
        "Landkreis Gifhorn",
        "Arbeitskreis",
    ):
        assert expected in text, expected

    docx = await client.get(f"{URL}/{paper['id']}.docx", headers=coordinator.headers)
    assert docx.status_code == 200, docx.text
    document = Document(io.BytesIO(docx.content))
    words = "\n".join(
        [p.text for p in document.paragraphs]
        + [cell.text for table in document.tables for row in table.rows for cell in row.cells]
        + [p.text for p in document.sections[0].header.paragraphs]
    )
    for expected in (
        reference,
        "Kinderbetreuung während der Sprachkurse",
        "Beschlussvorschlag",
        "beschlossen",
        "Kursbetreuung einrichten.",
        "Landkreis Gifhorn",
    ):
        assert expected in words, expected

    other = await spokesperson_of(app, make_user, bodies["AK Bildung"])
    hidden = await draft(client, coordinator, bodies["AK Teilhabe"])
    for suffix in (".pdf", ".docx"):
        assert (await client.get(f"{URL}/{hidden['id']}{suffix}", headers=other.headers)).status_code == 404


async def test_the_steering_invitation_carries_the_scheduled_papers(
    client: httpx.AsyncClient,
    make_user: UserFactory,
    bodies: dict[str, uuid.UUID],
    app: FastAPI,
    mailbox: Mailbox,
) -> None:
    coordinator = await make_user("coordinator")
    await spokesperson_of(app, make_user, bodies["Steuerungsgruppe"], email="landrat@example.org")
    meeting_id = await steering_meeting(app, bodies["Steuerungsgruppe"], in_days=60, status="planned")
    paper = await draft(client, coordinator, bodies["AK Bildung"])
    await act(client, coordinator, paper["id"], "submit")
    scheduled = await act(client, coordinator, paper["id"], "schedule", {"meeting_id": meeting_id})
    reference = scheduled.json()["reference"]
    etag = (await client.get(f"/api/v1/meetings/{meeting_id}", headers=coordinator.headers)).headers["ETag"]
    sent = await client.post(
        f"/api/v1/meetings/{meeting_id}/invitations", headers=coordinator.headers | {"If-Match": etag}
    )
    assert sent.status_code == 200, sent.text
    [(recipients, message)] = mailbox.messages
    assert recipients == ["landrat@example.org"]
    files = {part.get_filename(): part for part in message.iter_attachments()}
    assert set(files) == {"einladung.ics", f"{reference}.pdf"}
    pdf = PdfReader(io.BytesIO(files[f"{reference}.pdf"].get_content()))
    assert reference in " ".join((page.extract_text() or "") for page in pdf.pages)
    assert "Die Vorlagen zur Sitzung liegen bei (1)." in message.get_body(("plain",)).get_content()


async def test_attachments_follow_the_paper(
    client: httpx.AsyncClient, make_user: UserFactory, bodies: dict[str, uuid.UUID], app: FastAPI
) -> None:
    body_id = bodies["AK Bildung"]
    ours = await spokesperson_of(app, make_user, body_id)
    other = await spokesperson_of(app, make_user, bodies["AK Teilhabe"])
    member = await make_user("member")
    await seat(app, member, body_id)
    coordinator = await make_user("coordinator")
    meeting_id = await steering_meeting(app, bodies["Steuerungsgruppe"], in_days=60)
    paper = await draft(client, ours, body_id)
    files = f"{URL}/{paper['id']}/attachments"

    uploaded = await client.post(
        files, files={"file": ("Kostenplan.pdf", PDF, "application/pdf")}, headers=ours.headers
    )
    assert uploaded.status_code == 201, uploaded.text
    attachment = uploaded.json()
    assert (attachment["submission_id"], attachment["meeting_id"]) == (paper["id"], None)
    [event] = await audit_events(app, "attachment.upload")
    assert (event.object_id, event.details) == (
        attachment["id"],
        {"submission_id": paper["id"], "media_type": "application/pdf", "size": len(PDF)},
    )

    # Like the draft itself, its files are hidden from other bodies and from members.
    for account, expected in ((ours, 200), (coordinator, 200), (member, 404), (other, 404)):
        listed = await client.get(files, headers=account.headers)
        assert listed.status_code == expected
        content = await client.get(f"/api/v1/attachments/{attachment['id']}/content", headers=account.headers)
        assert content.status_code == expected
    refused = await client.post(
        files, files={"file": ("Fremd.pdf", PDF, "application/pdf")}, headers=other.headers
    )
    assert refused.status_code == 404
    mistaken = (
        await client.post(files, files={"file": ("Alt.pdf", PDF, "application/pdf")}, headers=ours.headers)
    ).json()
    current = await client.get(f"/api/v1/attachments/{mistaken['id']}", headers=ours.headers)
    deleted = await client.delete(
        f"/api/v1/attachments/{mistaken['id']}", headers=ours.headers | {"If-Match": current.headers["ETag"]}
    )
    assert deleted.status_code == 204
    listed = (await client.get(files, headers=ours.headers)).json()
    assert [item["filename"] for item in listed["items"]] == ["Kostenplan.pdf"]

    await act(client, ours, paper["id"], "submit")
    download = await client.get(f"/api/v1/attachments/{attachment['id']}/content", headers=member.headers)
    assert (download.status_code, download.content) == (200, PDF)
    pdf = await client.get(f"{URL}/{paper['id']}.pdf", headers=ours.headers)
    text = " ".join((page.extract_text() or "") for page in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "Kostenplan.pdf" in text

    # Once on the agenda, the paper and its files are fixed.
    await act(client, coordinator, paper["id"], "schedule", {"meeting_id": meeting_id})
    late = await client.post(
        files, files={"file": ("Nachtrag.pdf", PDF, "application/pdf")}, headers=coordinator.headers
    )
    assert late.status_code == 409, late.text
    current = await client.get(f"/api/v1/attachments/{attachment['id']}", headers=ours.headers)
    removed = await client.delete(
        f"/api/v1/attachments/{attachment['id']}",
        headers=ours.headers | {"If-Match": current.headers["ETag"]},
    )
    assert removed.status_code == 409
    listed = (await client.get(files, headers=ours.headers)).json()
    assert [item["filename"] for item in listed["items"]] == ["Kostenplan.pdf"]
