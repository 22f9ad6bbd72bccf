"""Workflow 1 of the domain, through the API only: the quarter of a working group.

plan → invite (mails with a valid .ics at the local SMTP server) → answers by link → attendance →
an offer and a need recorded from agenda items → minutes drafted → approved.
"""

from __future__ import annotations

import re
import uuid
from typing import Any

import httpx
import icalendar

from tests.conftest import Account, Mailbox
from tests.test_meetings import if_match, join, new_member

ANSWER_LINK = re.compile(r"/einladung/([A-Za-z0-9_\-]+)")


async def _ok(response: httpx.Response, status: int = 200) -> Any:
    assert response.status_code == status, response.text
    return response.json()


async def test_the_quarter_of_a_working_group(
    client: httpx.AsyncClient, admin: Account, bodies: dict[str, uuid.UUID], mailbox: Mailbox
) -> None:
    group = bodies["AK Bildung"]
    amira = await new_member(client, admin, "Yilmaz", email="amira.yilmaz@example.org")
    jonas = await new_member(client, admin, "Becker", email="jonas.becker@example.org")
    no_mail = await new_member(client, admin, "Ohnepost")
    for member_id in (amira, jonas, no_mail):
        await join(client, admin, member_id, group)
    organisation = await _ok(
        await client.post(
            "/api/v1/organisations",
            json={
                "name": "Sprachtreff Gifhorn e. V.",
                "kind": "association_initiative",
                "municipality": "Stadt Gifhorn",
            },
            headers=admin.headers,
        ),
        201,
    )

    # Plan the year from the cadence, keep only the first quarter's meeting.
    preview = await _ok(
        await client.post(
            "/api/v1/meetings/plan-preview", json={"body_id": str(group), "year": 2027}, headers=admin.headers
        )
    )
    assert len(preview["meetings"]) == 4
    first = preview["meetings"][0]
    created = await _ok(
        await client.post(
            "/api/v1/meetings/plan",
            json={"body_id": str(group), "year": 2027, "meetings": [first]},
            headers=admin.headers,
        ),
        201,
    )
    [meeting] = created["items"]
    url = f"/api/v1/meetings/{meeting['id']}"
    agenda = await _ok(await client.get(f"{url}/agenda-items", headers=admin.headers))
    kinds = {item["kind"]: item for item in agenda}
    assert {"offer_presentation", "needs"} <= set(kinds)

    # Invite: every member with an address gets a mail with a REQUEST .ics of this meeting.
    meeting = await _ok(await client.get(url, headers=admin.headers))
    invited = await _ok(
        await client.post(f"{url}/invitations", headers=admin.headers | if_match(meeting["version"]))
    )
    assert invited == {"invited": 3, "mailed": 2, "without_email": 1}
    assert sorted(rcpt for rcpts, _ in mailbox.messages for rcpt in rcpts) == [
        "amira.yilmaz@example.org",
        "jonas.becker@example.org",
    ]
    tokens: dict[str, str] = {}
    for [recipient], message in mailbox.messages:
        [attachment] = list(message.iter_attachments())
        calendar = icalendar.Calendar.from_ical(attachment.get_content())
        [event] = calendar.walk("VEVENT")
        assert str(calendar["METHOD"]) == "REQUEST"
        assert str(event["UID"]).startswith(meeting["id"])
        assert calendar.walk("VTIMEZONE")
        body = message.get_body(preferencelist=("plain",))
        assert body is not None
        match = ANSWER_LINK.search(body.get_content())
        assert match is not None
        tokens[recipient] = match.group(1)

    # Answers through the links in the mails, without logging in.
    for recipient, answer in (
        ("amira.yilmaz@example.org", "accepted"),
        ("jonas.becker@example.org", "declined"),
    ):
        await _ok(
            await client.post(f"/api/v1/invitation-responses/{tokens[recipient]}", json={"response": answer})
        )
    counts = (await _ok(await client.get(url, headers=admin.headers)))["counts"]
    assert (counts["accepted"], counts["declined"], counts["pending"]) == (1, 1, 1)

    # The meeting takes place: attendance and a guest.
    meeting = await _ok(await client.get(url, headers=admin.headers))
    meeting = await _ok(
        await client.post(f"{url}/held", headers=admin.headers | if_match(meeting["version"]))
    )
    for member_id, presence in ((amira, "present"), (jonas, "excused"), (no_mail, "present")):
        await _ok(
            await client.put(
                f"{url}/attendance/{member_id}", json={"presence": presence}, headers=admin.headers
            )
        )
    meeting = await _ok(await client.get(url, headers=admin.headers))
    meeting = await _ok(
        await client.put(
            f"{url}/guests",
            json={"guests": ["Frau Gast"]},
            headers=admin.headers | if_match(meeting["version"]),
        )
    )
    assert (meeting["counts"]["present"], meeting["counts"]["excused"], meeting["counts"]["guests"]) == (
        2,
        1,
        1,
    )

    # An offer presented and a need raised, recorded from their agenda items.
    offer = await _ok(
        await client.post(
            "/api/v1/offers",
            json={
                "organisation_id": organisation["id"],
                "title": "Sprachcafé am Donnerstag",
                "presented_at_agenda_item_id": kinds["offer_presentation"]["id"],
                "published": True,
            },
            headers=admin.headers,
        ),
        201,
    )
    need = await _ok(
        await client.post(
            "/api/v1/needs",
            json={
                "body_id": str(group),
                "title": "Kinderbetreuung während der Sprachkurse",
                "raised_at_agenda_item_id": kinds["needs"]["id"],
            },
            headers=admin.headers,
        ),
        201,
    )
    presented = await _ok(
        await client.get("/api/v1/offers", params={"meeting_id": meeting["id"]}, headers=admin.headers)
    )
    assert [item["id"] for item in presented["items"]] == [offer["id"]]
    raised = await _ok(
        await client.get(
            "/api/v1/needs", params={"body_id": str(group), "status": "open"}, headers=admin.headers
        )
    )
    assert [item["id"] for item in raised["items"]] == [need["id"]]

    # Minutes drafted, then approved.
    meeting = await _ok(await client.get(url, headers=admin.headers))
    minutes = await _ok(
        await client.put(
            f"{url}/minutes",
            json={"markdown": "## Sprachcafé\n\nDas Angebot wurde vorgestellt."},
            headers=admin.headers | if_match(meeting["version"]),
        )
    )
    assert "<h2>Sprachcafé</h2>" in minutes["html"]
    meeting = await _ok(await client.get(url, headers=admin.headers))
    await _ok(
        await client.post(f"{url}/minutes/approve", headers=admin.headers | if_match(meeting["version"]))
    )
    meeting = await _ok(await client.get(url, headers=admin.headers))
    assert meeting["status"] == "minutes_approved"
    minutes = await _ok(await client.get(f"{url}/minutes", headers=admin.headers))
    assert minutes["approved_at"] is not None
