"""The OParl 1.1 endpoint, crawled from its System object and checked against the official schemas.

The schemas (``tests/oparl/schema``, OParl 1.1, CC BY-SA 4.0, unmodified) embed objects with the
non-standard keyword ``schema``; they are loaded here with every ``"schema": "X.json"`` read as a
``$ref`` to that schema, so embedded objects are validated as well, with strict formats:
``date-time`` only as ``yyyy-mm-ddThh:mm:ss±hh:mm``, ``url`` only absolute http(s).
"""

from __future__ import annotations

import asyncio
import json
import re
import uuid
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit
from zoneinfo import ZoneInfo

import httpx
import pytest
from fastapi import FastAPI
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012
from sqlalchemy import event, func, select

from api.core.config import Settings
from api.demo.activity import seed_activity
from api.demo.concept import seed_concept
from api.demo.measures import seed_measures
from api.demo.service import seed_directory
from api.demo.submissions import seed_submissions
from api.main import create_app
from api.models import AgendaItem, Body, ConsentRecord, Meeting, Member, Membership, Submission
from api.oparl.redaction import Redactor
from tests.conftest import Account, UserFactory

BASE = "https://oparl.example.test"
ROOT = f"{BASE}/oparl/1.1"
SCHEMA_DIR = Path(__file__).resolve().parent / "oparl" / "schema"
SCHEMA_BASE = "https://schema.oparl.org/1.1/"
BODY_LISTS = (
    "organization",
    "person",
    "meeting",
    "paper",
    "membership",
    "agendaItem",
    "consultation",
    "file",
    "location",
)
STRICT_DATE_TIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}")
PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


# --- the schemas ----------------------------------------------------------------------------------


def _with_refs(node: Any) -> Any:
    """Every ``"schema": "X.json"`` (on objects and on array items) becomes ``"$ref": "X.json"``."""
    if isinstance(node, list):
        return [_with_refs(item) for item in node]
    if not isinstance(node, dict):
        return node
    converted = {key: _with_refs(value) for key, value in node.items() if key != "schema"}
    if isinstance(node.get("schema"), str) and node["schema"].endswith(".json"):
        converted["$ref"] = node["schema"]
    return converted


def _strict_formats() -> FormatChecker:
    checker = FormatChecker(formats=())

    @checker.checks("date-time")
    def date_time(value: object) -> bool:
        if not isinstance(value, str) or not STRICT_DATE_TIME.fullmatch(value):
            return False
        datetime.fromisoformat(value)
        return True

    @checker.checks("date")
    def day(value: object) -> bool:
        if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            return False
        date.fromisoformat(value)
        return True

    @checker.checks("url")
    def url(value: object) -> bool:
        if not isinstance(value, str):
            return False
        parts = urlsplit(value)
        return parts.scheme in ("http", "https") and bool(parts.netloc) and " " not in value

    return checker


@cache
def _registry() -> Registry[Any]:
    resources = []
    for path in sorted(SCHEMA_DIR.glob("*.json")):
        contents = _with_refs(json.loads(path.read_text()))
        contents["$id"] = SCHEMA_BASE + path.name
        resources.append(
            (contents["$id"], Resource.from_contents(contents, default_specification=DRAFT202012))
        )
    return Registry().with_resources(resources)


@cache
def validator(type_name: str) -> Draft202012Validator:
    schema = _registry().contents(f"{SCHEMA_BASE}{type_name}.json")
    return Draft202012Validator(schema, registry=_registry(), format_checker=_strict_formats())


def schema_errors(item: dict[str, Any]) -> list[str]:
    type_name = str(item.get("type", "")).removeprefix(SCHEMA_BASE)
    if not (SCHEMA_DIR / f"{type_name}.json").is_file():
        return [f"unknown type {item.get('type')!r}"]
    return [f"{error.json_path}: {error.message}" for error in validator(type_name).iter_errors(item)]


# --- the app with its own OParl base URL -------------------------------------------------------------


@pytest.fixture(scope="module")
async def app(settings: Settings) -> AsyncIterator[FastAPI]:
    """The app with ``NETZWERK_OPARL_BASE_URL`` set (different from the test client's host)."""
    application = create_app(settings.model_copy(update={"oparl_base_url": BASE + "/"}))
    yield application
    await application.state.engine.dispose()


async def _demo(app: FastAPI) -> None:
    async with app.state.sessionmaker() as session, session.begin():
        await seed_directory(session)
        await seed_activity(session)
        await seed_concept(session)
        await seed_measures(session)
        await seed_submissions(session)


def _path(url: str) -> str:
    assert url.startswith(ROOT), url
    return url.removeprefix(BASE)


async def get_json(client: httpx.AsyncClient, url: str, **params: Any) -> dict[str, Any]:
    # httpx would drop the query of ``url`` for an empty ``params``.
    response = await client.get(_path(url), params=params or None)
    assert response.status_code == 200, (url, response.text)
    assert response.headers["content-type"].startswith("application/json")
    assert response.headers["access-control-allow-origin"] == "*"
    data: dict[str, Any] = response.json()
    return data


# --- the crawler ------------------------------------------------------------------------------------


@dataclass
class Crawl:
    """Everything the endpoint served, reached from the System object."""

    objects: dict[str, dict[str, Any]] = field(default_factory=dict)  # as served at their id
    copies: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # in lists or embedded
    lists: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # list URL -> its pages
    files: dict[str, httpx.Response] = field(default_factory=dict)  # accessUrl/downloadUrl -> answer
    texts: list[str] = field(default_factory=list)

    def of_type(self, type_name: str) -> list[dict[str, Any]]:
        return [item for item in self.objects.values() if item["type"] == SCHEMA_BASE + type_name]

    @property
    def text(self) -> str:
        return "\n".join(self.texts)


def _is_external_list(type_name: str, name: str) -> bool:
    schema = _registry().contents(f"{SCHEMA_BASE}{type_name}.json")
    return bool(schema["properties"].get(name, {}).get("references") == "externalList")


def _walk(item: dict[str, Any], found: Crawl, object_urls: set[str], list_urls: set[str]) -> None:
    """Records ``item`` and what it embeds, and the URLs it refers to."""
    type_name = item["type"].removeprefix(SCHEMA_BASE)
    found.copies.setdefault(item["id"], []).append(item)
    object_urls.add(item["id"])
    for name, value in item.items():
        if name in ("id", "type"):
            continue
        values = value if isinstance(value, list) else [value]
        for element in values:
            if isinstance(element, dict) and "type" in element:
                _walk(element, found, object_urls, list_urls)
            elif isinstance(element, str) and element.startswith(ROOT):
                if name in ("accessUrl", "downloadUrl"):
                    found.files.setdefault(element, httpx.Response(0))
                elif _is_external_list(type_name, name):
                    list_urls.add(element)
                else:
                    object_urls.add(element)


async def crawl(client: httpx.AsyncClient, limit: int = 7, **params: Any) -> Crawl:
    """Every list page (with ``limit`` and ``params``), every object at its id, every file."""
    found = Crawl()
    system = await get_json(client, ROOT + "/")
    assert await get_json(client, ROOT + "/system") == system
    found.texts.append(json.dumps(system, ensure_ascii=False))
    object_urls: set[str] = set()
    list_urls: set[str] = set()
    _walk(system, found, object_urls, list_urls)
    done_lists: set[str] = set()
    done_objects: set[str] = set()
    while (pending := list_urls - done_lists) or (object_urls - done_objects):
        for url in sorted(pending):
            done_lists.add(url)
            pages = found.lists[url] = []
            page = await get_json(client, url, limit=limit, **params)
            while True:
                found.texts.append(json.dumps(page, ensure_ascii=False))
                pages.append(page)
                for item in page["data"]:
                    _walk(item, found, object_urls, list_urls)
                if "next" not in page["links"]:
                    break
                page = await get_json(client, page["links"]["next"])
        for url in sorted(object_urls - done_objects):
            done_objects.add(url)
            item = await get_json(client, url)
            found.texts.append(json.dumps(item, ensure_ascii=False))
            found.objects[url] = item
            _walk(item, found, object_urls, list_urls)
    for url in found.files:
        response = await client.get(_path(url))
        found.files[url] = response
        if response.headers.get("content-type", "").startswith("text/"):
            found.texts.append(response.text)
    return found


def _check_list(url: str, pages: list[dict[str, Any]], limit: int) -> None:
    total = pages[0]["pagination"]["totalElements"]
    assert len(pages) == max(1, -(-total // limit)), url
    seen: list[str] = []
    for number, page in enumerate(pages, start=1):
        assert set(page) == {"data", "pagination", "links"}, url
        assert page["pagination"] == {
            "totalElements": total,
            "elementsPerPage": limit,
            "currentPage": number,
            "totalPages": len(pages),
        }, url
        links = page["links"]
        assert {"first", "self", "last"} <= set(links), url
        assert ("next" in links) == (number < len(pages)), (url, number)
        assert ("prev" in links) == (number > 1), (url, number)
        assert all(_strict_formats().conforms(link, "url") for link in links.values())
        if number < len(pages):
            assert len(page["data"]) == limit, url
        seen += [item["id"] for item in page["data"]]
    assert len(seen) == total == len(set(seen)), url


def _check_crawl(found: Crawl, limit: int) -> None:
    for item in found.objects.values():
        assert schema_errors(item) == [], item["id"]
        assert item["id"].startswith(ROOT + "/"), item["id"]
    for url, copies in found.copies.items():
        for copy in copies:
            assert copy == found.objects[url], url
    for url, pages in found.lists.items():
        _check_list(url, pages, limit)
    # Every reference to an OParl object is absolute, under the configured base URL.
    references = re.findall(r'"(https?://[^"]*/oparl/1\.1[^"]*)"', found.text)
    assert references
    assert all(reference.startswith(ROOT + "/") for reference in references)
    # Strict formats everywhere, not only where a schema names them.
    moments = re.findall(r'"(\d{4}-\d{2}-\d{2}T[^"]*)"', found.text)
    assert moments
    assert all(STRICT_DATE_TIME.fullmatch(moment) for moment in moments)


# --- tests ------------------------------------------------------------------------------------------


def test_the_schemas_check_embedded_objects_and_strict_formats() -> None:
    meeting = {
        "id": f"{ROOT}/meeting/1",
        "type": SCHEMA_BASE + "Meeting",
        "start": "2026-03-01T14:00:00+01:00",
        "agendaItem": [{"id": f"{ROOT}/agendaItem/1", "type": SCHEMA_BASE + "AgendaItem", "order": 1}],
    }
    assert schema_errors(meeting) == []
    del meeting["agendaItem"][0]["order"]
    assert schema_errors(meeting) == ["$.agendaItem[0]: 'order' is a required property"]
    for moment in ("2026-03-01T14:00:00Z", "2026-03-01T14:00:00.5+01:00", "2026-03-01 14:00:00+01:00"):
        assert schema_errors({**meeting, "agendaItem": [], "start": moment}) == [
            f"$.start: '{moment}' is not a 'date-time'"
        ]
    assert schema_errors({"id": "/oparl/1.1/meeting/1", "type": SCHEMA_BASE + "Meeting"}) == [
        "$.id: '/oparl/1.1/meeting/1' is not a 'url'"
    ]


def test_the_redactor_finds_the_usual_ways_of_writing_a_name() -> None:
    redact = Redactor([("Anna Maria", "Schmidt"), ("Jörg", "von der Heide"), ("ehemaliges", "Mitglied")])
    text = (
        "Anna Maria Schmidt, SCHMIDT, Anna Maria, Frau Dr. Schmidt und Herrn von der Heide; "
        "Jörg  von der Heide; Schmidtke; ehemaliges Mitglied; Frau Meier"
    )
    assert redact(text) == (
        "[Name entfernt], [Name entfernt], [Name entfernt] und [Name entfernt]; "
        "[Name entfernt]; Schmidtke; ehemaliges Mitglied; Frau Meier"
    )
    assert Redactor([])("Anna Maria Schmidt") == "Anna Maria Schmidt"


async def _withdraw_listing(client: httpx.AsyncClient, account: Account, member_id: uuid.UUID) -> None:
    response = await client.post(
        f"/api/v1/members/{member_id}/consents",
        json={
            "purpose": "directory_listing",
            "action": "withdrawn",
            "text_version": "2026-01",
            "channel": "email",
        },
        headers=account.headers,
    )
    assert response.status_code == 201, response.text


async def _steering(app: FastAPI) -> tuple[Body, list[Meeting]]:
    async with app.state.sessionmaker() as session:
        body = await session.scalar(select(Body).where(Body.kind == "steering_group"))
        assert body is not None
        meetings = list(
            await session.scalars(
                select(Meeting).where(Meeting.body_id == body.id).order_by(Meeting.starts_at, Meeting.id)
            )
        )
        return body, meetings


async def _upload(client: httpx.AsyncClient, account: Account, url: str, name: str, **form: str) -> str:
    response = await client.post(
        url, files={"file": (name, PDF, "application/pdf")}, data=form, headers=account.headers
    )
    assert response.status_code == 201, response.text
    return str(response.json()["id"])


async def test_the_whole_endpoint_validates_against_the_schemas(
    client: httpx.AsyncClient, app: FastAPI, make_user: UserFactory, bodies: dict[str, uuid.UUID]
) -> None:
    await _demo(app)
    coordinator = await make_user("coordinator")
    steering, meetings = await _steering(app)
    held = next(meeting for meeting in meetings if meeting.status == "minutes_approved")
    async with app.state.sessionmaker() as session:
        item_id = await session.scalar(select(AgendaItem.id).where(AgendaItem.meeting_id == held.id).limit(1))
        paper_id = await session.scalar(select(Submission.id).where(Submission.status == "decided").limit(1))
    await _upload(client, coordinator, f"/api/v1/meetings/{held.id}/attachments", "Einladung.pdf")
    await _upload(
        client,
        coordinator,
        f"/api/v1/meetings/{held.id}/attachments",
        "Präsentation.pdf",
        agenda_item_id=str(item_id),
    )
    async with app.state.sessionmaker() as session, session.begin():
        # Files are attached while a paper is submitted, not once it is decided: as if it were then.
        paper = await session.get(Submission, paper_id)
        assert paper is not None
        status, paper.status = paper.status, "submitted"
    await _upload(client, coordinator, f"/api/v1/submissions/{paper_id}/attachments", "Anlage 1.pdf")
    async with app.state.sessionmaker() as session, session.begin():
        paper = await session.get(Submission, paper_id)
        assert paper is not None
        paper.status = status

    found = await crawl(client, limit=7)
    _check_crawl(found, limit=7)

    system = found.objects[ROOT + "/"]
    assert system["oparlVersion"] == "https://schema.oparl.org/1.1/"
    [body] = found.of_type("Body")
    assert body["name"] == "Netzwerk Integration Landkreis Gifhorn"
    assert body["id"] == f"{ROOT}/body/netzwerk"
    organizations = found.of_type("Organization")
    assert {o["organizationType"] for o in organizations} == {"Gremium", "Netzwerkpartner"}
    assert len([o for o in organizations if o["organizationType"] == "Gremium"]) == len(bodies)
    # Only the steering group's and the network meeting's meetings are public.
    async with app.state.sessionmaker() as session:
        public_meetings = await session.scalar(
            select(func.count())
            .select_from(Meeting)
            .join(Body, Body.id == Meeting.body_id)
            .where(Body.kind.in_(("steering_group", "network")), Meeting.deleted_at.is_(None))
        )
        submitted = await session.scalar(
            select(func.count()).select_from(Submission).where(Submission.submitted_at.is_not(None))
        )
        latest: dict[uuid.UUID, str] = {}
        for record in await session.scalars(
            select(ConsentRecord)
            .where(ConsentRecord.purpose == "directory_listing")
            .order_by(ConsentRecord.recorded_at)
        ):
            latest[record.member_id] = record.action
        live = set(await session.scalars(select(Member.id).where(Member.deleted_at.is_(None))))
    listed = {member_id for member_id, action in latest.items() if action == "given"} & live
    assert {person["id"] for person in found.of_type("Person")} == {f"{ROOT}/person/{m}" for m in listed}
    assert len(found.of_type("Meeting")) == public_meetings
    assert len(found.of_type("Paper")) == submitted
    steering_meetings = [
        m for m in found.of_type("Meeting") if m["organization"] == [f"{ROOT}/organization/{steering.id}"]
    ]
    assert len(steering_meetings) == len(meetings)
    for type_name in ("Person", "Membership", "AgendaItem", "Consultation", "File", "Location"):
        assert found.of_type(type_name), type_name
    # Every list of the Body was read, and one meeting list of an organization.
    body_lists = {url.rsplit("/", 1)[1] for url in found.lists if url.startswith(f"{ROOT}/body/netzwerk/")}
    assert body_lists == set(BODY_LISTS)
    assert f"{ROOT}/organization/{steering.id}/meeting" in found.lists
    # A decided paper: its consultation, the result on the agenda item, the text and attachment files.
    paper_json = found.objects[f"{ROOT}/paper/{paper_id}"]
    assert paper_json["paperType"] == "Vorlage"
    assert paper_json["originatorOrganization"][0].startswith(f"{ROOT}/organization/")
    assert paper_json["mainFile"]["mimeType"] == "text/html"
    assert [file["name"] for file in paper_json["auxiliaryFile"]] == ["Anlage 1.pdf"]
    [consultation] = [c for c in paper_json["consultation"] if c["authoritative"]]
    decided_item = found.objects[consultation["agendaItem"]]
    assert decided_item["consultation"] == consultation["id"]
    assert decided_item["result"] in {
        "Beschlossen",
        "Mit Änderungen beschlossen",
        "Abgelehnt",
        "Zur Kenntnis genommen",
    }
    held_json = found.objects[f"{ROOT}/meeting/{held.id}"]
    assert held_json["resultsProtocol"]["mimeType"] == "text/html"
    assert [file["name"] for file in held_json["auxiliaryFile"]] == ["Einladung.pdf"]
    assert [item["order"] for item in held_json["agendaItem"]] == list(
        range(1, len(held_json["agendaItem"]) + 1)
    )
    assert any(
        file["name"] == "Präsentation.pdf"
        for item in held_json["agendaItem"]
        for file in item.get("auxiliaryFile", [])
    )
    # Every file is served without login: shown at accessUrl, downloaded at downloadUrl.
    for url, response in found.files.items():
        assert response.status_code == 200, url
        disposition = response.headers["content-disposition"]
        assert disposition.startswith("attachment;" if url.endswith("/download") else "inline;"), url
        assert 'filename="' in disposition
    uploads = [f for f in found.of_type("File") if f["mimeType"] == "application/pdf"]
    assert len(uploads) == 3
    assert all(found.files[f["downloadUrl"]].content == PDF for f in uploads)


async def test_crawled_pages_have_their_links_and_the_page_size_is_bounded(
    client: httpx.AsyncClient, app: FastAPI, bodies: dict[str, uuid.UUID]
) -> None:
    await _demo(app)
    url = f"{ROOT}/body/netzwerk/person"
    first = await get_json(client, url, limit=5)
    total = first["pagination"]["totalElements"]
    assert total > 10
    last_page = -(-total // 5)
    assert first["links"] == {
        "first": f"{url}?limit=5",
        "self": f"{url}?limit=5",
        "next": f"{url}?limit=5&page=2",
        "last": f"{url}?limit=5&page={last_page}",
    }
    last = await get_json(client, first["links"]["last"])
    assert "next" not in last["links"]
    assert last["links"]["prev"] == f"{url}?limit=5&page={last_page - 1}"
    capped = await get_json(client, url, limit=1000)
    assert capped["pagination"]["elementsPerPage"] == 100
    default = await get_json(client, url)
    assert default["pagination"]["elementsPerPage"] == 50
    alias = await get_json(client, url, elementsPerPage=3)
    assert alias["pagination"]["elementsPerPage"] == 3
    assert alias["links"]["next"] == f"{url}?elementsPerPage=3&page=2"
    beyond = await get_json(client, url, page=last_page + 1, limit=5)
    assert beyond["data"] == []
    assert "next" not in beyond["links"]


async def test_names_are_redacted_from_the_next_answer_after_a_withdrawal_or_a_deletion(
    client: httpx.AsyncClient,
    app: FastAPI,
    make_user: UserFactory,
    admin: Account,
    bodies: dict[str, uuid.UUID],
) -> None:
    """The redactor is kept between requests: a change of consent or a deletion must reach it."""
    await _demo(app)
    coordinator = await make_user("coordinator")
    async with app.state.sessionmaker() as session:
        members = list(await session.scalars(select(Member).order_by(Member.id)))
        consenting = set(
            await session.scalars(
                select(ConsentRecord.member_id).where(ConsentRecord.purpose == "directory_listing")
            )
        )
    listed = [m for m in members if m.id in consenting]
    family_names = [m.family_name for m in members]
    withdrawing, deleted = [m for m in listed if family_names.count(m.family_name) == 1][:2]
    _, meetings = await _steering(app)
    async with app.state.sessionmaker() as session, session.begin():
        meeting = await session.get(Meeting, meetings[0].id)
        assert meeting is not None
        meeting.title = f"Bericht von Frau {withdrawing.family_name} und Herrn {deleted.family_name}"
    meeting_url = f"/oparl/1.1/meeting/{meetings[0].id}"
    shown = await client.get(meeting_url)
    assert shown.json()["name"] == meeting.title  # both public: nothing to take out

    await _withdraw_listing(client, coordinator, withdrawing.id)
    assert (await client.get(meeting_url)).json()["name"] == (
        f"Bericht von [Name entfernt] und Herrn {deleted.family_name}"
    )

    etag = (await client.get(f"/api/v1/members/{deleted.id}", headers=admin.headers)).headers["ETag"]
    response = await client.delete(
        f"/api/v1/members/{deleted.id}", headers=admin.headers | {"If-Match": etag}
    )
    assert response.status_code == 204, response.text
    assert (await client.get(meeting_url)).json()["name"] == "Bericht von [Name entfernt] und [Name entfernt]"


async def test_a_member_without_public_consent_appears_nowhere(
    client: httpx.AsyncClient,
    app: FastAPI,
    make_user: UserFactory,
    admin: Account,
    bodies: dict[str, uuid.UUID],
) -> None:
    await _demo(app)
    coordinator = await make_user("coordinator")
    async with app.state.sessionmaker() as session:
        members = list(await session.scalars(select(Member).order_by(Member.family_name, Member.id)))
        consenting = set(
            await session.scalars(
                select(ConsentRecord.member_id).where(ConsentRecord.purpose == "directory_listing")
            )
        )
        seated = set(await session.scalars(select(Membership.member_id)))
    names = [f"{m.given_name} {m.family_name}" for m in members]
    unique = [m for m in members if names.count(f"{m.given_name} {m.family_name}") == 1 and m.id in seated]
    never = next(m for m in unique if m.id not in consenting)
    withdrawn, erased = [m for m in unique if m.id in consenting][:2]
    etag = (await client.get(f"/api/v1/members/{erased.id}", headers=admin.headers)).headers["ETag"]
    response = await client.post(
        f"/api/v1/privacy/members/{erased.id}/erase",
        json={"reason": "Antrag nach Art. 17 DSGVO"},
        headers=admin.headers | {"If-Match": etag},
    )
    assert response.status_code == 200, response.text
    await _withdraw_listing(client, coordinator, withdrawn.id)
    # Coordinators wrote their names into public texts: an agenda item, the minutes and a paper.
    _, meetings = await _steering(app)
    held = next(meeting for meeting in meetings if meeting.status == "minutes_approved")
    async with app.state.sessionmaker() as session, session.begin():
        item = await session.scalar(select(AgendaItem).where(AgendaItem.meeting_id == held.id).limit(1))
        assert item is not None
        item.title = f"Bericht von {never.given_name} {never.family_name}"
        item.result = (
            f"Frau {withdrawn.family_name} berichtet; {withdrawn.family_name}, {withdrawn.given_name} fragt."
        )
        meeting = await session.get(Meeting, held.id)
        assert meeting is not None
        meeting.minutes_markdown += f"\n\nProtokoll: {never.given_name}  {never.family_name.upper()}"
        paper = await session.scalar(select(Submission).where(Submission.submitted_at.is_not(None)).limit(1))
        assert paper is not None
        paper.situation = (
            f"Angeregt von Herrn {never.family_name} und {withdrawn.given_name} {withdrawn.family_name}."
        )

    for params in ({}, {"modified_since": "2000-01-01T00:00:00+01:00"}):
        found = await crawl(client, limit=50, **params)
        text = found.text
        for member in (never, withdrawn, erased):
            assert f"{member.given_name} {member.family_name}" not in text
            assert member.family_name not in text.replace("[Name entfernt]", "") or any(
                other.family_name == member.family_name and other.id not in (never.id, withdrawn.id)
                for other in members
            )
        assert str(never.id) not in text
        assert str(never.id).replace("-", "") not in text
        mentions = [url for url in found.objects if str(withdrawn.id) in url]
        tombstone = {"id", "type", "created", "modified", "deleted"}
        if params:
            assert mentions == [f"{ROOT}/person/{withdrawn.id}"]
            assert set(found.objects[mentions[0]]) == tombstone
            deleted = {p["id"] for p in found.of_type("Person") if p.get("deleted")}
            assert deleted == {f"{ROOT}/person/{withdrawn.id}", f"{ROOT}/person/{erased.id}"}
        assert not any("ehemaliges" in p.get("name", "") for p in found.of_type("Person"))
        assert not any(
            m.get("person") == f"{ROOT}/person/{withdrawn.id}"
            for m in found.of_type("Membership")
            if not m.get("deleted")
        )
        assert "[Name entfernt]" in found.objects[f"{ROOT}/agendaItem/{item.id}"]["name"]
        assert text.count("[Name entfernt]") >= 4

    response = await client.get(f"/oparl/1.1/person/{never.id}")
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"
    withdrawn_person = await get_json(client, f"{ROOT}/person/{withdrawn.id}")
    assert withdrawn_person["deleted"] is True
    assert "name" not in withdrawn_person


async def _meeting_ids(client: httpx.AsyncClient, **params: Any) -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    page = await get_json(client, f"{ROOT}/body/netzwerk/meeting", limit=100, omit_internal="true", **params)
    while True:
        found |= {item["id"]: item for item in page["data"]}
        if "next" not in page["links"]:
            return found
        page = await get_json(client, page["links"]["next"])


async def test_deleted_meetings_and_the_date_filters(
    client: httpx.AsyncClient, app: FastAPI, make_user: UserFactory, bodies: dict[str, uuid.UUID]
) -> None:
    await _demo(app)
    coordinator = await make_user("coordinator")
    _, meetings = await _steering(app)
    planned = next(meeting for meeting in meetings if meeting.status == "planned")
    older = next(meeting for meeting in meetings if meeting.status == "minutes_approved")
    # A whole second (what OParl shows), after everything before and before everything after it.
    before = datetime.now(UTC).replace(microsecond=0) + timedelta(seconds=1)
    await asyncio.sleep((before - datetime.now(UTC)).total_seconds())
    meeting_url = f"{ROOT}/meeting/{planned.id}"
    assert meeting_url in await _meeting_ids(client)

    etag = (await client.get(f"/api/v1/meetings/{planned.id}", headers=coordinator.headers)).headers["ETag"]
    response = await client.delete(
        f"/api/v1/meetings/{planned.id}", headers=coordinator.headers | {"If-Match": etag}
    )
    assert response.status_code == 204, response.text
    starts = datetime.now(UTC) + timedelta(days=300)
    response = await client.post(
        "/api/v1/meetings",
        json={
            "body_id": str(bodies["Steuerungsgruppe"]),
            "title": "Sondersitzung",
            "starts_at": starts.isoformat(),
            "ends_at": (starts + timedelta(hours=2)).isoformat(),
            "location_address": "Kreishaus Gifhorn, Schlossplatz 1, 38518 Gifhorn",
            "online_url": "https://meet.example.org/geheim",
        },
        headers=coordinator.headers,
    )
    assert response.status_code == 201, response.text
    new_url = f"{ROOT}/meeting/{response.json()['id']}"
    # A change of an embedded agenda item changes its meeting.
    item = await client.get(f"/api/v1/meetings/{older.id}/agenda-items", headers=coordinator.headers)
    first_item = item.json()[0]
    response = await client.patch(
        f"/api/v1/meetings/{older.id}/agenda-items/{first_item['id']}",
        json={"title": "Begrüßung und Tagesordnung"},
        headers=coordinator.headers | {"If-Match": f'"{first_item["version"]}"'},
    )
    assert response.status_code == 200, response.text
    older_url = f"{ROOT}/meeting/{older.id}"

    plain = await _meeting_ids(client)
    assert meeting_url not in plain
    assert new_url in plain
    assert not any(item.get("deleted") for item in plain.values())
    assert "meet.example.org" not in json.dumps(plain)
    assert (await get_json(client, new_url))["location"]["streetAddress"] == "Schlossplatz 1"

    since = before.isoformat()
    changed = await _meeting_ids(client, modified_since=since)
    assert set(changed) == {meeting_url, new_url, older_url}
    assert changed[meeting_url] == {
        "id": meeting_url,
        "type": SCHEMA_BASE + "Meeting",
        "created": changed[meeting_url]["created"],
        "modified": changed[meeting_url]["modified"],
        "deleted": True,
    }
    assert schema_errors(changed[meeting_url]) == []
    assert await get_json(client, meeting_url) == changed[meeting_url]
    assert set(await _meeting_ids(client, modified_until=since)) == set(plain) - {new_url, older_url}
    assert set(await _meeting_ids(client, created_since=since)) == {new_url}
    assert set(await _meeting_ids(client, created_until=since)) == set(plain) - {new_url}
    # Without an offset, Europe/Berlin; an unencoded "+" arrives as a space and is understood too.
    berlin = before.astimezone(ZoneInfo("Europe/Berlin"))
    assert set(await _meeting_ids(client, created_since=berlin.strftime("%Y-%m-%dT%H:%M:%S"))) == {new_url}
    assert set(await _meeting_ids(client, created_since=berlin.isoformat().replace("+", " "))) == {new_url}
    # The filters stay in the links of every page.
    page = await get_json(client, f"{ROOT}/body/netzwerk/meeting", limit=1, modified_since=since)
    assert parse_qs(urlsplit(page["links"]["next"]).query) == {
        "modified_since": [before.isoformat()],
        "limit": ["1"],
        "page": ["2"],
    }


async def test_files_only_of_public_objects_and_without_login(
    client: httpx.AsyncClient, app: FastAPI, make_user: UserFactory, bodies: dict[str, uuid.UUID]
) -> None:
    await _demo(app)
    coordinator = await make_user("coordinator")
    _, meetings = await _steering(app)
    held = next(meeting for meeting in meetings if meeting.status == "minutes_approved")
    async with app.state.sessionmaker() as session, session.begin():
        group_meeting = await session.scalar(
            select(Meeting)
            .where(Meeting.body_id == bodies["AK Bildung"], Meeting.status == "minutes_approved")
            .limit(1)
        )
        assert group_meeting is not None
        draft = await session.scalar(select(Submission).where(Submission.status == "draft"))
        assert draft is not None
        meeting = await session.get(Meeting, held.id)
        assert meeting is not None
        meeting.online_url = "https://meet.example.org/intern"
    public_file = await _upload(
        client, coordinator, f"/api/v1/meetings/{held.id}/attachments", "Öffentlich.pdf"
    )
    internal = [
        await _upload(client, coordinator, f"/api/v1/meetings/{group_meeting.id}/attachments", "Intern.pdf"),
        await _upload(client, coordinator, f"/api/v1/submissions/{draft.id}/attachments", "Entwurf.pdf"),
    ]
    listed = await get_json(client, f"{ROOT}/body/netzwerk/file", limit=100)
    ids = {item["id"] for item in listed["data"]}
    assert f"{ROOT}/file/{public_file}" in ids
    for file_id in internal:
        assert f"{ROOT}/file/{file_id}" not in ids
        for suffix in ("", "/access", "/download"):
            response = await client.get(f"/oparl/1.1/file/{file_id}{suffix}")
            assert response.status_code == 404, suffix
    assert f"{ROOT}/file/{draft.id}" not in ids  # the text of a draft is not a file either
    assert f"{ROOT}/meeting/{group_meeting.id}" not in json.dumps(listed)

    download = await client.get(f"/oparl/1.1/file/{public_file}/download")
    assert download.status_code == 200
    assert download.content == PDF
    assert download.headers["content-type"] == "application/pdf"
    assert download.headers["content-disposition"] == (
        "attachment; filename=\"Offentlich.pdf\"; filename*=UTF-8''%C3%96ffentlich.pdf"
    )
    access = await client.get(f"/oparl/1.1/file/{public_file}/access")
    assert access.status_code == 200
    assert access.content == PDF
    assert access.headers["content-disposition"].startswith("inline;")
    assert (await client.head(f"/oparl/1.1/file/{public_file}/download")).status_code == 200
    # The approved minutes as HTML: no online link, no draft.
    minutes = await client.get(f"/oparl/1.1/file/{held.id}/access")
    assert minutes.status_code == 200
    assert minutes.headers["content-type"].startswith("text/html")
    assert "Protokoll" in minutes.text
    assert "meet.example.org" not in minutes.text
    assert "Entwurf" not in minutes.text
    # Minutes not (or no longer) approved are gone; the file appears as deleted under modified_since.
    before = datetime.now(UTC)
    async with app.state.sessionmaker() as session, session.begin():
        meeting = await session.get(Meeting, held.id)
        assert meeting is not None
        meeting.status, meeting.minutes_approved_at = "held", None
    assert (await client.get(f"/oparl/1.1/file/{held.id}/access")).status_code == 404
    assert (await get_json(client, f"{ROOT}/file/{held.id}"))["deleted"] is True
    changed = await get_json(client, f"{ROOT}/body/netzwerk/file", modified_since=before.isoformat())
    assert [item["id"] for item in changed["data"] if item.get("deleted")] == [f"{ROOT}/file/{held.id}"]
    held_json = await get_json(client, f"{ROOT}/meeting/{held.id}")
    assert "resultsProtocol" not in held_json
    assert all("resolutionText" not in item or item.get("result") for item in held_json["agendaItem"])


async def test_omit_internal_leaves_out_embedded_objects(
    client: httpx.AsyncClient, app: FastAPI, bodies: dict[str, uuid.UUID]
) -> None:
    await _demo(app)
    full = await get_json(client, f"{ROOT}/body/netzwerk/meeting", limit=100)
    lean = await get_json(client, f"{ROOT}/body/netzwerk/meeting", limit=100, omit_internal="true")
    assert any("agendaItem" in item for item in full["data"])
    for item in lean["data"]:
        assert not {"agendaItem", "location", "auxiliaryFile", "resultsProtocol"} & set(item)
        assert schema_errors(item) == []
    assert lean["links"]["self"].endswith("omit_internal=true&limit=100")
    papers = await get_json(client, f"{ROOT}/body/netzwerk/paper", omit_internal="true")
    assert not any({"consultation", "mainFile"} & set(item) for item in papers["data"])
    persons = await get_json(client, f"{ROOT}/body/netzwerk/person", omit_internal="1")
    assert not any("membership" in item for item in persons["data"])


async def test_cors_is_open_on_oparl_only(
    client: httpx.AsyncClient, app: FastAPI, bodies: dict[str, uuid.UUID]
) -> None:
    origin = {"Origin": "https://ratsinfo.example.org"}
    response = await client.get("/oparl/1.1/", headers=origin)
    assert response.headers["access-control-allow-origin"] == "*"
    assert "access-control-allow-credentials" not in response.headers
    preflight = await client.options(
        "/oparl/1.1/body/netzwerk/meeting",
        headers=origin | {"Access-Control-Request-Method": "GET", "Access-Control-Request-Headers": "accept"},
    )
    assert preflight.status_code == 204
    assert preflight.headers["access-control-allow-origin"] == "*"
    assert "GET" in preflight.headers["access-control-allow-methods"]
    missing = await client.get(f"/oparl/1.1/meeting/{uuid.uuid4()}", headers=origin)
    assert missing.status_code == 404
    assert missing.headers["access-control-allow-origin"] == "*"

    api = await client.get("/api/v1/public/offers", headers=origin)
    assert api.status_code == 200
    assert "access-control-allow-origin" not in api.headers
    api_preflight = await client.options(
        "/api/v1/public/offers", headers=origin | {"Access-Control-Request-Method": "GET"}
    )
    assert "access-control-allow-origin" not in api_preflight.headers


async def test_errors_are_problems(
    client: httpx.AsyncClient, app: FastAPI, bodies: dict[str, uuid.UUID]
) -> None:
    for path in (
        f"/oparl/1.1/meeting/{uuid.uuid4()}",
        "/oparl/1.1/meeting/not-a-uuid",
        f"/oparl/1.1/unknownType/{uuid.uuid4()}",
        "/oparl/1.1/body/other",
        "/oparl/1.1/body/netzwerk/legislativeTerm",
        f"/oparl/1.1/organization/{uuid.uuid4()}/meeting",
        f"/oparl/1.1/file/{uuid.uuid4()}/download",
    ):
        response = await client.get(path)
        assert response.status_code == 404, path
        assert response.headers["content-type"] == "application/problem+json"
        assert response.json()["type"] == "urn:netzwerk:problem:not-found"
    for params in (
        {"created_since": "gestern"},
        {"limit": "viele"},
        {"page": "0"},
        {"omit_internal": "vielleicht"},
    ):
        response = await client.get("/oparl/1.1/body/netzwerk/meeting", params=params)
        assert response.status_code == 422, params
        assert response.json()["errors"][0]["field"] == next(iter(params))
    response = await client.post("/oparl/1.1/body/netzwerk/meeting")
    assert response.status_code == 405
    assert response.headers["allow"] == "GET"
    # Working groups are organizations, but their meetings are not public.
    group = await get_json(client, f"{ROOT}/organization/{bodies['AK Bildung']}")
    assert group["classification"] == "Arbeitskreis"
    assert (await get_json(client, group["meeting"]))["data"] == []


@pytest.fixture
def statements(app: FastAPI) -> Iterator[list[str]]:
    seen: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        seen.append(statement)

    engine = app.state.engine.sync_engine
    event.listen(engine, "before_cursor_execute", record)
    yield seen
    event.remove(engine, "before_cursor_execute", record)


async def test_a_page_costs_a_few_queries_whatever_its_size(
    client: httpx.AsyncClient, app: FastAPI, bodies: dict[str, uuid.UUID], statements: list[str]
) -> None:
    """No query per object: a page of 40 costs what a page of 5 does (a query is left out where a
    page has nothing of a kind, e.g. no partner organisations and so no addresses)."""
    await _demo(app)
    for name in ("meeting", "paper", "person", "membership", "organization", "agendaItem", "file"):
        counts = []
        for limit in (5, 40):
            statements.clear()
            page = await get_json(client, f"{ROOT}/body/netzwerk/{name}", limit=limit)
            assert len(page["data"]) == min(limit, page["pagination"]["totalElements"])
            counts.append(len(statements))
        assert counts[1] <= counts[0] + 3, (name, counts)
        assert counts[1] <= 20, (name, counts)
