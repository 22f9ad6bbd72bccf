"""Minutes: drafting after the meeting, approval, safe HTML, and the PDF."""

from __future__ import annotations

import io
import uuid
from typing import Any

import httpx
from fastapi import FastAPI
from pypdf import PdfReader

from api.documents import markdown_to_safe_html
from tests.conftest import Account, UserFactory, audit_events
from tests.test_meetings import URL, if_match, meeting_of, person_in

HOSTILE = (
    "# Protokoll\n\n"
    "<script>alert('boom')</script>\n\n"
    "[Klick mich](javascript:alert(1)) und [Kreis](https://www.gifhorn.de)\n\n"
    '<img src="x" onerror="alert(2)">\n'
)


async def _held_meeting(client: httpx.AsyncClient, account: Account, body_id: uuid.UUID) -> dict[str, Any]:
    meeting = await meeting_of(client, account, body_id)
    held = await client.post(f"{URL}/{meeting['id']}/held", headers=account.headers | if_match(1))
    assert held.status_code == 200, held.text
    result: dict[str, Any] = held.json()
    return result


def test_markdown_is_rendered_without_active_content() -> None:
    html = markdown_to_safe_html(HOSTILE)
    assert "<h1>Protokoll</h1>" in html
    assert "<script" not in html
    assert "&lt;script&gt;" in html
    # The javascript: link stays visible as plain text, never as a link.
    assert html.count("<a ") == 1
    assert 'href="javascript' not in html
    assert "<img" not in html
    assert '<a href="https://www.gifhorn.de" rel="noopener noreferrer">Kreis</a>' in html


async def test_minutes_are_written_after_the_meeting_and_approved(
    client: httpx.AsyncClient, admin: Account, bodies: dict[str, uuid.UUID], app: FastAPI
) -> None:
    planned = await meeting_of(client, admin, bodies["AK Bildung"])
    early = await client.put(
        f"{URL}/{planned['id']}/minutes", json={"markdown": "Zu früh"}, headers=admin.headers | if_match(1)
    )
    assert early.status_code == 409

    meeting = await _held_meeting(client, admin, bodies["AK Bildung"])
    url = f"{URL}/{meeting['id']}/minutes"
    empty = await client.post(f"{url}/approve", headers=admin.headers | if_match(2))
    assert empty.status_code == 409
    assert empty.json()["errors"][0]["code"] == "no_minutes"
    assert (await client.put(url, json={"markdown": "x"}, headers=admin.headers)).status_code == 428

    drafted = await client.put(url, json={"markdown": HOSTILE}, headers=admin.headers | if_match(2))
    assert drafted.status_code == 200, drafted.text
    assert drafted.headers["ETag"] == '"3"'
    assert drafted.json()["drafted_by_name"] == "Ada Admin"
    assert "<script" not in drafted.json()["html"]
    assert drafted.json()["markdown"] == HOSTILE
    stale = await client.put(url, json={"markdown": "Alt"}, headers=admin.headers | if_match(2))
    assert stale.status_code == 412

    approved = await client.post(f"{url}/approve", headers=admin.headers | if_match(3))
    assert approved.status_code == 200, approved.text
    assert approved.json()["status"] == "minutes_approved"
    assert approved.json()["approved_by_name"] == "Ada Admin"
    assert approved.json()["approved_at"] is not None
    twice = await client.post(f"{url}/approve", headers=admin.headers | if_match(4))
    assert twice.status_code == 409

    corrected = await client.put(url, json={"markdown": "# Korrigiert"}, headers=admin.headers | if_match(4))
    assert corrected.status_code == 200
    assert corrected.json()["status"] == "held"
    assert corrected.json()["approved_at"] is None
    assert corrected.json()["approved_by_user_id"] is None
    read = await client.get(f"{URL}/{meeting['id']}", headers=admin.headers)
    assert read.json()["status"] == "held"
    assert read.json()["minutes_approved_at"] is None
    assert len(await audit_events(app, "meeting.minutes.update")) == 2


async def test_members_read_minutes_only_spokespersons_write_them(
    client: httpx.AsyncClient,
    admin: Account,
    make_user: UserFactory,
    bodies: dict[str, uuid.UUID],
    app: FastAPI,
) -> None:
    member, _ = await person_in(app, client, make_user, admin, bodies["AK Bildung"])
    outsider, _ = await person_in(app, client, make_user, admin, bodies["AK Teilhabe"])
    meeting = await _held_meeting(client, admin, bodies["AK Bildung"])
    url = f"{URL}/{meeting['id']}/minutes"
    assert (
        await client.put(url, json={"markdown": "Text"}, headers=admin.headers | if_match(2))
    ).status_code == 200
    read = await client.get(url, headers=member.headers)
    assert read.status_code == 200
    assert read.json()["markdown"] == "Text"
    assert read.headers["ETag"] == '"3"'
    write = await client.put(url, json={"markdown": "Meins"}, headers=member.headers | if_match(3))
    assert write.status_code == 403
    assert (await client.get(url, headers=outsider.headers)).status_code == 404
    assert (
        await client.get(f"{url[: -len('/minutes')]}/minutes.pdf", headers=outsider.headers)
    ).status_code == 404


def _link_targets(reader: PdfReader) -> list[str]:
    targets = []
    for page in reader.pages:
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A")
            if action is not None and "/URI" in action:
                targets.append(str(action["/URI"]))
    return targets


async def test_minutes_pdf_has_header_draft_mark_and_no_active_links(
    client: httpx.AsyncClient, admin: Account, bodies: dict[str, uuid.UUID], app: FastAPI
) -> None:
    meeting = await _held_meeting(client, admin, bodies["AK Bildung"])
    saved = await client.put(
        f"{URL}/{meeting['id']}/minutes", json={"markdown": HOSTILE}, headers=admin.headers | if_match(2)
    )
    assert saved.status_code == 200
    result = await client.patch(
        f"{URL}/{meeting['id']}/agenda-items/"
        + (await client.get(f"{URL}/{meeting['id']}/agenda-items", headers=admin.headers)).json()[1]["id"],
        json={"result": "Berichte zur Kenntnis genommen"},
        headers=admin.headers | if_match(1),
    )
    assert result.status_code == 200

    response = await client.get(f"{URL}/{meeting['id']}/minutes.pdf", headers=admin.headers)
    assert response.status_code == 200, response.text
    assert response.headers["Content-Type"] == "application/pdf"
    assert response.headers["Content-Disposition"] == 'attachment; filename="Protokoll-AK-Bildung-1-2026.pdf"'
    assert response.content.startswith(b"%PDF")
    reader = PdfReader(io.BytesIO(response.content))
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "Landkreis Gifhorn" in text
    assert "Stabsstelle Integration" in text
    assert "Entwurf" in text
    assert "Berichte zur Kenntnis genommen" in text
    assert "11.03.2026, 15:00–17:00 Uhr" in text
    # The script tag shows as text; the only link is the harmless one.
    assert "<script>" in text
    assert _link_targets(reader) == ["https://www.gifhorn.de"]
    assert all(not target.lower().startswith("javascript") for target in _link_targets(reader))
    assert len(await audit_events(app, "meeting.minutes.export")) == 1

    approved = await client.post(
        f"{URL}/{meeting['id']}/minutes/approve", headers=admin.headers | if_match(3)
    )
    assert approved.status_code == 200
    final = await client.get(f"{URL}/{meeting['id']}/minutes.pdf", headers=admin.headers)
    final_text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(final.content)).pages)
    assert "Entwurf" not in final_text
    assert "Genehmigt am" in final_text
