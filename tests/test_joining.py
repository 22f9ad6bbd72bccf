"""Joining the network: the public form, abuse protection, the coordinators' decision, e-mails."""

from __future__ import annotations

import uuid
from datetime import date
from email.message import EmailMessage

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import func, select

from api.models import JoinRequest, RateLimitHit
from tests.conftest import Account, Mailbox, UserFactory, audit_events, make_client

URL = "/api/v1/join-requests"
RECEIVED = {
    "detail": "Thank you. Your request was received; you will get an e-mail from the coordination office."
}
FORM = {
    "given_name": "Mariam",
    "family_name": "Haddad",
    "email": "Mariam.Haddad@Example.org",
    "organisation_name": "Frauencafé Gifhorn",
    "engagement": "volunteer",
    "message": "Ich möchte im Arbeitskreis mitarbeiten.\nIch spreche Arabisch.",
    "consent": True,
    "privacy_text_version": "2026-01",
}


def _text(message: EmailMessage) -> str:
    content = message.get_content()
    assert isinstance(content, str)
    return content.replace("\r\n", "\n")


async def _count(app: FastAPI, model: type[JoinRequest] | type[RateLimitHit]) -> int:
    async with app.state.sessionmaker() as session:
        return int(await session.scalar(select(func.count()).select_from(model)) or 0)


async def _submit(client: httpx.AsyncClient, **fields: object) -> httpx.Response:
    return await client.post(URL, json=FORM | fields)


async def _only_request(client: httpx.AsyncClient, account: Account) -> dict[str, object]:
    listed = await client.get(URL, headers=account.headers)
    assert listed.status_code == 200, listed.text
    [item] = listed.json()["items"]
    assert isinstance(item, dict)
    return item


async def test_valid_request_is_stored_and_confirmed_by_mail(
    client: httpx.AsyncClient,
    admin: Account,
    bodies: dict[str, uuid.UUID],
    mailbox: Mailbox,
    app: FastAPI,
) -> None:
    groups = [str(bodies["AK Bildung"]), str(bodies["AK Teilhabe"])]
    response = await _submit(client, working_group_ids=groups)
    assert response.status_code == 202, response.text
    assert response.json() == RECEIVED

    stored = await _only_request(client, admin)
    expected = FORM | {"email": "mariam.haddad@example.org"}
    assert {key: stored[key] for key in FORM if key != "consent"} == {
        key: value for key, value in expected.items() if key != "consent"
    }
    assert (stored["status"], stored["working_group_ids"], stored["member_id"]) == ("open", groups, None)
    assert not {"consent", "website"} & set(stored)
    [event] = await audit_events(app, "join_request.create")
    assert (event.actor_id, event.object_id, event.client_address) == (None, stored["id"], "203.0.113.7")
    assert "Haddad" not in str(event.details)

    [(recipients, message)] = mailbox.messages
    assert recipients == ["mariam.haddad@example.org"]
    assert message["To"] == "mariam.haddad@example.org"
    assert message["Subject"] == "Ihre Anfrage: Mitmachen im Netzwerk Integration"
    text = _text(message)
    assert text.startswith(
        "Guten Tag Mariam Haddad,\n\nvielen Dank für Ihr Interesse am Netzwerk Integration"
    )
    assert "- Arbeitskreis Bildung\n- Arbeitskreis Gesellschaftliche Teilhabe" in text
    assert "Stabsstelle Integration" in text
    assert "Ada Admin" not in text


async def test_mail_names_only_its_own_applicant(
    app: FastAPI, admin: Account, mailbox: Mailbox, client: httpx.AsyncClient
) -> None:
    async with make_client(app, "198.51.100.1") as first, make_client(app, "198.51.100.2") as second:
        assert (await _submit(first)).status_code == 202
        assert (
            await _submit(second, given_name="Olena", family_name="Kovalenko", email="olena@example.net")
        ).status_code == 202
    assert [recipients for recipients, _ in mailbox.messages] == [
        ["mariam.haddad@example.org"],
        ["olena@example.net"],
    ]
    first_text = mailbox.messages[0][1].as_string()
    second_text = mailbox.messages[1][1].as_string()
    assert not [word for word in ("Olena", "Kovalenko", "olena@") if word in first_text]
    assert not [word for word in ("Mariam", "Haddad", "mariam") if word in second_text]
    assert "Frauencafé" not in first_text  # the request's details stay in the database
    assert len((await client.get(URL, headers=admin.headers)).json()["items"]) == 2


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"consent": False}, "consent"),
        ({"consent": None}, "consent"),
        ({"message": "x" * 2001}, "message"),
        ({"given_name": "Mari\x00am"}, "given_name"),
        ({"email": "not-an-address"}, "email"),
        ({"engagement": "paid"}, "engagement"),
        ({"privacy_text_version": ""}, "privacy_text_version"),
        ({"working_group_ids": ["nope"]}, "working_group_ids.0"),
        ({"status": "accepted"}, "status"),
    ],
)
async def test_invalid_form_answers_422_and_stores_nothing(
    fields: dict[str, object], field: str, client: httpx.AsyncClient, mailbox: Mailbox, app: FastAPI
) -> None:
    response = await _submit(client, **fields)
    assert response.status_code == 422, response.text
    assert [error["field"] for error in response.json()["errors"]] == [field]
    assert await _count(app, JoinRequest) == 0
    assert mailbox.messages == []


async def test_missing_consent_answers_422_on_consent(client: httpx.AsyncClient, app: FastAPI) -> None:
    response = await client.post(URL, json={key: value for key, value in FORM.items() if key != "consent"})
    assert response.status_code == 422
    assert [(e["location"], e["field"]) for e in response.json()["errors"]] == [("body", "consent")]
    assert await _count(app, JoinRequest) == 0


async def test_working_groups_must_be_working_groups(
    client: httpx.AsyncClient, bodies: dict[str, uuid.UUID], mailbox: Mailbox, app: FastAPI
) -> None:
    for wrong in (bodies["Steuerungsgruppe"], bodies["Netzwerk"], uuid.uuid4()):
        response = await _submit(client, working_group_ids=[str(bodies["AK Bildung"]), str(wrong)])
        assert response.status_code == 422
        assert [(e["field"], e["code"]) for e in response.json()["errors"]] == [
            ("working_group_ids", "not_a_working_group")
        ]
    assert await _count(app, JoinRequest) == 0
    assert mailbox.messages == []


async def test_filled_honeypot_answers_like_success_but_keeps_and_sends_nothing(
    client: httpx.AsyncClient, mailbox: Mailbox, app: FastAPI
) -> None:
    trapped = await _submit(client, website="https://spam.example")
    genuine = await _submit(client, website="")
    assert (trapped.status_code, trapped.json()) == (genuine.status_code, genuine.json()) == (202, RECEIVED)
    assert await _count(app, JoinRequest) == 1
    assert len(mailbox.messages) == 1
    assert await audit_events(app, "join_request.create") != []
    assert len(await audit_events(app, "join_request.create")) == 1


async def test_too_many_requests_from_one_address_answer_429(
    app: FastAPI, mailbox: Mailbox, client: httpx.AsyncClient
) -> None:
    async with make_client(app, "192.0.2.50") as busy, make_client(app, "192.0.2.51") as other:
        for _ in range(5):
            assert (await _submit(busy)).status_code == 202
        throttled = await _submit(busy)
        assert throttled.status_code == 429
        assert 3590 <= int(throttled.headers["Retry-After"]) <= 3601
        assert throttled.json()["type"] == "urn:netzwerk:problem:too-many-requests"
        assert (await _submit(busy, website="spam")).status_code == 429
        assert (await _submit(other)).status_code == 202
    assert await _count(app, JoinRequest) == 6
    assert len(mailbox.messages) == 6
    denied = [e for e in await audit_events(app, "join_request.create") if e.outcome == "denied"]
    assert [(e.client_address, e.details) for e in denied] == [("192.0.2.50", {"reason": "throttled"})] * 2


async def test_mail_server_down_keeps_the_request(
    app: FastAPI, admin: Account, client: httpx.AsyncClient, mailbox: Mailbox
) -> None:
    settings = app.state.settings
    app.state.settings = settings.model_copy(update={"smtp_port": 9})  # nothing listens there
    try:
        response = await _submit(client)
    finally:
        app.state.settings = settings
    assert response.status_code == 202
    assert (await _only_request(client, admin))["status"] == "open"
    assert mailbox.messages == []


async def test_accept_creates_member_memberships_and_consent_and_mails(
    client: httpx.AsyncClient,
    make_user: UserFactory,
    bodies: dict[str, uuid.UUID],
    mailbox: Mailbox,
    app: FastAPI,
) -> None:
    coordinator = await make_user("coordinator", name="Carla Koordinatorin")
    bildung, teilhabe = str(bodies["AK Bildung"]), str(bodies["AK Teilhabe"])
    assert (await _submit(client, working_group_ids=[bildung, teilhabe])).status_code == 202
    mailbox.messages.clear()
    request_id = (await _only_request(client, coordinator))["id"]
    url = f"{URL}/{request_id}"
    one = await client.get(url, headers=coordinator.headers)
    assert one.status_code == 200
    assert one.headers["ETag"] == '"1"'

    body = {"role": "guest", "working_group_ids": [bildung], "message": "Das nächste Treffen ist im März."}
    assert (await client.post(f"{url}/accept", json=body, headers=coordinator.headers)).status_code == 428
    stale = await client.post(f"{url}/accept", json=body, headers=coordinator.headers | {"If-Match": '"7"'})
    assert stale.status_code == 412
    accepted = await client.post(
        f"{url}/accept", json=body, headers=coordinator.headers | {"If-Match": '"1"'}
    )
    assert accepted.status_code == 200, accepted.text
    decided = accepted.json()
    assert (decided["status"], decided["decided_by_user_id"], decided["decision_message"]) == (
        "accepted",
        str(coordinator.user.id),
        "Das nächste Treffen ist im März.",
    )
    assert accepted.headers["ETag"] == '"2"'
    member_id = decided["member_id"]

    member = (await client.get(f"/api/v1/members/{member_id}", headers=coordinator.headers)).json()
    assert (member["given_name"], member["family_name"], member["email"], member["engagement"]) == (
        "Mariam",
        "Haddad",
        "mariam.haddad@example.org",
        "volunteer",
    )
    assert member["joined_on"] == date.today().isoformat()
    memberships = (
        await client.get("/api/v1/memberships", params={"member_id": member_id}, headers=coordinator.headers)
    ).json()["items"]
    assert [(m["body_id"], m["role"], m["end_on"]) for m in memberships] == [(bildung, "guest", None)]
    consents = (await client.get(f"/api/v1/members/{member_id}/consents", headers=coordinator.headers)).json()
    [record] = consents["history"]
    assert (record["purpose"], record["action"], record["channel"], record["text_version"]) == (
        "directory_listing",
        "given",
        "web_form",
        "2026-01",
    )
    steering = await make_user("steering")
    listed = (await client.get("/api/v1/members", headers=steering.headers)).json()["items"]
    assert [item["id"] for item in listed] == [member_id]

    [(recipients, message)] = mailbox.messages
    assert recipients == ["mariam.haddad@example.org"]
    assert message["Subject"] == "Willkommen im Netzwerk Integration"
    text = _text(message)
    assert "Guten Tag Mariam Haddad," in text
    assert "als Gast in diesen Arbeitskreisen eingetragen:\n- Arbeitskreis Bildung" in text
    assert "Teilhabe" not in text
    assert "Nachricht der Koordinierungsstelle:\nDas nächste Treffen ist im März." in text
    assert "Fassung 2026-01" in text
    assert "Carla" not in text

    again = await client.post(f"{url}/accept", json=body, headers=coordinator.headers | {"If-Match": '"2"'})
    assert again.status_code == 409
    declined = await client.post(
        f"{url}/decline", json={"message": "Nein"}, headers=coordinator.headers | {"If-Match": '"2"'}
    )
    assert declined.status_code == 409
    assert len(mailbox.messages) == 1
    assert [e.action for e in await audit_events(app, "join_request.accept")] == ["join_request.accept"]
    assert len(await audit_events(app, "consent.record")) == 1
    assert len(await audit_events(app, "membership.create")) == 1


async def test_accept_links_an_existing_member(
    client: httpx.AsyncClient, admin: Account, bodies: dict[str, uuid.UUID], mailbox: Mailbox
) -> None:
    existing = await client.post(
        "/api/v1/members",
        json={"given_name": "Mariam", "family_name": "Haddad", "engagement": "professional"},
        headers=admin.headers,
    )
    member_id = existing.json()["id"]
    bildung = str(bodies["AK Bildung"])
    joined = await client.post(
        "/api/v1/memberships", json={"member_id": member_id, "body_id": bildung}, headers=admin.headers
    )
    assert joined.status_code == 201
    assert (await _submit(client, working_group_ids=[bildung, str(bodies["AK Teilhabe"])])).status_code == 202
    request_id = (await _only_request(client, admin))["id"]
    unknown = await client.post(
        f"{URL}/{request_id}/accept",
        json={"member_id": str(uuid.uuid4())},
        headers=admin.headers | {"If-Match": '"1"'},
    )
    assert unknown.status_code == 422
    accepted = await client.post(
        f"{URL}/{request_id}/accept",
        json={"member_id": member_id},
        headers=admin.headers | {"If-Match": '"1"'},
    )
    assert accepted.status_code == 200, accepted.text
    assert accepted.json()["member_id"] == member_id
    memberships = (
        await client.get("/api/v1/memberships", params={"member_id": member_id}, headers=admin.headers)
    ).json()["items"]
    assert sorted((m["body_id"], m["role"]) for m in memberships) == sorted(
        [(bildung, "member"), (str(bodies["AK Teilhabe"]), "member")]
    )
    members = (await client.get("/api/v1/members", headers=admin.headers)).json()["items"]
    assert len(members) == 1
    assert mailbox.messages[-1][1]["Subject"] == "Willkommen im Netzwerk Integration"


async def test_decline_mails_the_coordinators_message(
    client: httpx.AsyncClient, make_user: UserFactory, mailbox: Mailbox, app: FastAPI
) -> None:
    coordinator = await make_user("coordinator")
    assert (await _submit(client)).status_code == 202
    mailbox.messages.clear()
    request_id = (await _only_request(client, coordinator))["id"]
    url = f"{URL}/{request_id}/decline"
    blank = await client.post(url, json={"message": "  "}, headers=coordinator.headers | {"If-Match": '"1"'})
    assert blank.status_code == 422
    assert (await client.post(url, json={"message": "x"}, headers=coordinator.headers)).status_code == 428
    declined = await client.post(
        url,
        json={"message": "Der Arbeitskreis ist zurzeit voll.\nBitte melden Sie sich im Herbst wieder."},
        headers=coordinator.headers | {"If-Match": '"1"'},
    )
    assert declined.status_code == 200, declined.text
    assert (declined.json()["status"], declined.json()["member_id"]) == ("declined", None)
    [(recipients, message)] = mailbox.messages
    assert recipients == ["mariam.haddad@example.org"]
    assert message["Subject"] == "Ihre Anfrage zum Netzwerk Integration"
    text = _text(message)
    assert "Leider können wir Ihre Anfrage zum Mitmachen nicht annehmen." in text
    assert "Der Arbeitskreis ist zurzeit voll.\nBitte melden Sie sich im Herbst wieder." in text
    again = await client.post(url, json={"message": "x"}, headers=coordinator.headers | {"If-Match": '"2"'})
    assert again.status_code == 409
    assert (await client.get(URL, params={"status": "open"}, headers=coordinator.headers)).json()[
        "items"
    ] == []
    assert (
        len(
            (await client.get(URL, params={"status": "declined"}, headers=coordinator.headers)).json()[
                "items"
            ]
        )
        == 1
    )
    assert len(await audit_events(app, "join_request.decline")) == 1
    members = (await client.get("/api/v1/members", headers=coordinator.headers)).json()
    assert members["total"] == 0


@pytest.mark.parametrize("role", ["spokesperson", "member", "steering"])
async def test_only_admins_and_coordinators_see_and_decide_requests(
    role: str, client: httpx.AsyncClient, make_user: UserFactory, admin: Account
) -> None:
    assert (await _submit(client)).status_code == 202
    request_id = (await _only_request(client, admin))["id"]
    caller = await make_user(role)
    headers = caller.headers | {"If-Match": '"1"'}
    for response in (
        await client.get(URL, headers=caller.headers),
        await client.get(f"{URL}/{request_id}", headers=caller.headers),
        await client.post(f"{URL}/{request_id}/accept", json={}, headers=headers),
        await client.post(f"{URL}/{request_id}/decline", json={"message": "Nein"}, headers=headers),
    ):
        assert response.status_code == 403
    for response in (
        await client.get(URL),
        await client.get(f"{URL}/{request_id}"),
        await client.post(f"{URL}/{request_id}/accept", json={}),
    ):
        assert response.status_code == 401
    assert (await client.get(f"{URL}/{uuid.uuid4()}", headers=admin.headers)).status_code == 404
    assert (await _only_request(client, admin))["status"] == "open"


async def test_accept_puts_the_new_member_in_the_chosen_organisation(
    client: httpx.AsyncClient, admin: Account
) -> None:
    organisation = await client.post(
        "/api/v1/organisations",
        json={
            "name": "Frauencafé Gifhorn",
            "kind": "association_initiative",
            "municipality": "Stadt Gifhorn",
        },
        headers=admin.headers,
    )
    assert organisation.status_code == 201, organisation.text
    assert (await _submit(client)).status_code == 202
    url = f"{URL}/{(await _only_request(client, admin))['id']}/accept"
    unknown = await client.post(
        url, json={"organisation_id": str(uuid.uuid4())}, headers=admin.headers | {"If-Match": '"1"'}
    )
    assert unknown.status_code == 422
    assert unknown.json()["errors"][0]["field"] == "organisation_id"
    accepted = await client.post(
        url, json={"organisation_id": organisation.json()["id"]}, headers=admin.headers | {"If-Match": '"1"'}
    )
    assert accepted.status_code == 200, accepted.text
    member = await client.get(f"/api/v1/members/{accepted.json()['member_id']}", headers=admin.headers)
    assert member.json()["organisation_id"] == organisation.json()["id"]
