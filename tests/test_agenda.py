"""Agenda items: templates, append, change, reorder and delete with numbers following the order."""

from __future__ import annotations

import uuid

import httpx
from fastapi import FastAPI

from api.meetings.templates import AGENDA_TEMPLATES
from tests.conftest import Account, UserFactory, audit_events
from tests.test_meetings import URL, if_match, meeting_of, person_in


async def _agenda(client: httpx.AsyncClient, account: Account, meeting_id: str) -> list[tuple[str, str]]:
    response = await client.get(f"{URL}/{meeting_id}/agenda-items", headers=account.headers)
    assert response.status_code == 200, response.text
    return [(item["number"], item["title"]) for item in response.json()]


async def _add(client: httpx.AsyncClient, account: Account, meeting_id: str, title: str) -> httpx.Response:
    return await client.post(
        f"{URL}/{meeting_id}/agenda-items", json={"title": title, "kind": "report"}, headers=account.headers
    )


async def test_templates_per_body_kind(client: httpx.AsyncClient, admin: Account) -> None:
    response = await client.get(f"{URL}/agenda-templates", headers=admin.headers)
    assert response.status_code == 200
    templates = {entry["body_kind"]: entry["items"] for entry in response.json()["items"]}
    assert set(templates) == {"working_group", "steering_group", "network"}
    assert [(item["title"], item["kind"]) for item in templates["steering_group"]] == list(
        AGENDA_TEMPLATES["steering_group"]
    )
    assert (await client.get(f"{URL}/agenda-templates")).status_code == 401


async def test_append_reorder_and_delete_keep_numbers_in_order(
    client: httpx.AsyncClient, admin: Account, bodies: dict[str, uuid.UUID], app: FastAPI
) -> None:
    meeting = await meeting_of(client, admin, bodies["AK Bildung"], apply_agenda_template=False)
    ids = []
    for title in ("Begrüßung", "Sprachkurse", "Verschiedenes"):
        added = await _add(client, admin, meeting["id"], title)
        assert added.status_code == 201, added.text
        assert added.headers["ETag"] == '"1"'
        ids.append(added.json()["id"])
    assert await _agenda(client, admin, meeting["id"]) == [
        ("1", "Begrüßung"),
        ("2", "Sprachkurse"),
        ("3", "Verschiedenes"),
    ]

    order_url = f"{URL}/{meeting['id']}/agenda-items/order"
    new_order = {"item_ids": [ids[1], ids[0], ids[2]]}
    assert (await client.put(order_url, json=new_order, headers=admin.headers)).status_code == 428
    reordered = await client.put(order_url, json=new_order, headers=admin.headers | if_match(1))
    assert reordered.status_code == 200, reordered.text
    assert [(item["number"], item["title"]) for item in reordered.json()] == [
        ("1", "Sprachkurse"),
        ("2", "Begrüßung"),
        ("3", "Verschiedenes"),
    ]
    assert reordered.headers["ETag"] == '"2"'
    assert (
        await client.put(order_url, json=new_order, headers=admin.headers | if_match(1))
    ).status_code == 412

    for wrong in ([ids[0], ids[1]], [ids[0], ids[1], ids[2], str(uuid.uuid4())], [ids[0], ids[0], ids[1]]):
        refused = await client.put(order_url, json={"item_ids": wrong}, headers=admin.headers | if_match(2))
        assert refused.status_code == 422, wrong
        assert refused.json()["errors"][0]["field"] == "item_ids"
    assert await _agenda(client, admin, meeting["id"]) == [
        ("1", "Sprachkurse"),
        ("2", "Begrüßung"),
        ("3", "Verschiedenes"),
    ]

    item_url = f"{URL}/{meeting['id']}/agenda-items/{ids[1]}"
    # Sprachkurse moved from 2 to 1, so its row was written once more.
    changed = await client.patch(
        item_url,
        json={"result": "Zwei neue Kurse in Wittingen", "kind": "offer_presentation"},
        headers=admin.headers | if_match(2),
    )
    assert changed.status_code == 200, changed.text
    assert changed.json()["result"] == "Zwei neue Kurse in Wittingen"
    assert changed.json()["kind"] == "offer_presentation"
    stale = await client.patch(item_url, json={"title": "x"}, headers=admin.headers | if_match(2))
    assert stale.status_code == 412
    bad_kind = await client.patch(item_url, json={"kind": "party"}, headers=admin.headers | if_match(3))
    assert bad_kind.status_code == 422

    deleted = await client.delete(
        f"{URL}/{meeting['id']}/agenda-items/{ids[1]}", headers=admin.headers | if_match(3)
    )
    assert deleted.status_code == 204
    assert await _agenda(client, admin, meeting["id"]) == [("1", "Begrüßung"), ("2", "Verschiedenes")]
    gone = await client.patch(item_url, json={"title": "x"}, headers=admin.headers | if_match(4))
    assert gone.status_code == 404
    assert len(await audit_events(app, "agenda_item.create")) == 3
    assert len(await audit_events(app, "agenda_item.delete")) == 1


async def test_no_agenda_changes_on_a_cancelled_meeting(
    client: httpx.AsyncClient, admin: Account, bodies: dict[str, uuid.UUID]
) -> None:
    meeting = await meeting_of(client, admin, bodies["AK Bildung"])
    [first, *_] = (await client.get(f"{URL}/{meeting['id']}/agenda-items", headers=admin.headers)).json()
    cancelled = await client.post(
        f"{URL}/{meeting['id']}/cancel", json={"reason": "Ausfall"}, headers=admin.headers | if_match(1)
    )
    assert cancelled.status_code == 200
    assert (await _add(client, admin, meeting["id"], "Nachtrag")).status_code == 409
    patch = await client.patch(
        f"{URL}/{meeting['id']}/agenda-items/{first['id']}",
        json={"title": "x"},
        headers=admin.headers | if_match(1),
    )
    assert patch.status_code == 409
    before = await _agenda(client, admin, meeting["id"])
    assert before[0][1] == AGENDA_TEMPLATES["working_group"][0][0]


async def test_agenda_of_another_group_is_hidden_from_spokesperson(
    client: httpx.AsyncClient,
    admin: Account,
    make_user: UserFactory,
    bodies: dict[str, uuid.UUID],
    app: FastAPI,
) -> None:
    speaker, _ = await person_in(
        app,
        client,
        make_user,
        admin,
        bodies["AK Bildung"],
        user_role="spokesperson",
        membership_role="spokesperson",
    )
    member, _ = await person_in(app, client, make_user, admin, bodies["AK Bildung"])
    own = await meeting_of(client, admin, bodies["AK Bildung"], apply_agenda_template=False)
    other = await meeting_of(client, admin, bodies["AK Teilhabe"], apply_agenda_template=False)
    assert (await _add(client, speaker, own["id"], "Eigener Punkt")).status_code == 201
    assert (await _add(client, speaker, other["id"], "Fremder Punkt")).status_code == 404
    assert (await _add(client, member, own["id"], "Mitglied")).status_code == 403
    assert await _agenda(client, member, own["id"]) == [("1", "Eigener Punkt")]
    hidden = await client.get(f"{URL}/{other['id']}/agenda-items", headers=member.headers)
    assert hidden.status_code == 404
