"""Attachments: size and type limits by content, safe names, storage by hash, download, access."""

from __future__ import annotations

import hashlib
import io
import uuid
import zipfile
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI

from api.attachments.storage import safe_filename
from api.core.config import Settings
from tests.conftest import Account, UserFactory, audit_events
from tests.test_offers import make_meeting, seat

PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)
ELF = b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 8 + b"\x02\x00\x3e\x00" + b"\x00" * 100
HTML = b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"


def office_file(content_type: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types>'
            f'<Override PartName="/word/document.xml" ContentType="{content_type}"/></Types>',
        )
        archive.writestr("word/document.xml", "<document/>")
    return buffer.getvalue()


def odf_file(mimetype: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", mimetype)
        archive.writestr("content.xml", "<office:document-content/>")
    return buffer.getvalue()


def url_of(meeting_id: str) -> str:
    return f"/api/v1/meetings/{meeting_id}/attachments"


async def upload(
    client: httpx.AsyncClient,
    account: Account,
    meeting_id: str,
    content: bytes,
    name: str = "Protokoll.pdf",
    declared: str = "application/pdf",
    **form: str,
) -> httpx.Response:
    return await client.post(
        url_of(meeting_id), files={"file": (name, content, declared)}, data=form, headers=account.headers
    )


@pytest.fixture
async def meeting(app: FastAPI, bodies: dict[str, uuid.UUID]) -> tuple[str, str]:
    return await make_meeting(app, bodies["AK Bildung"])


async def test_pdf_is_stored_by_hash_and_downloaded_identical(
    client: httpx.AsyncClient,
    admin: Account,
    meeting: tuple[str, str],
    settings: Settings,
    app: FastAPI,
) -> None:
    meeting_id, item_id = meeting
    created = await upload(client, admin, meeting_id, PDF, name="Einladung März.pdf", agenda_item_id=item_id)
    assert created.status_code == 201, created.text
    attachment = created.json()
    sha = hashlib.sha256(PDF).hexdigest()
    assert (attachment["filename"], attachment["media_type"], attachment["size"], attachment["sha256"]) == (
        "Einladung März.pdf",
        "application/pdf",
        len(PDF),
        sha,
    )
    assert attachment["agenda_item_id"] == item_id
    stored = settings.data_dir / "attachments" / sha[:2] / sha
    assert stored.read_bytes() == PDF

    download = await client.get(f"/api/v1/attachments/{attachment['id']}/content", headers=admin.headers)
    assert download.status_code == 200
    assert download.content == PDF
    assert download.headers["Content-Type"] == "application/pdf"
    assert download.headers["Content-Disposition"] == "attachment; filename*=UTF-8''Einladung%20M%C3%A4rz.pdf"
    assert download.headers["X-Content-Type-Options"] == "nosniff"
    assert download.headers["ETag"] == f'"{sha}"'

    # The same content again is a second attachment but one stored file.
    again = await upload(client, admin, meeting_id, PDF, name="Kopie.pdf")
    assert again.status_code == 201
    assert (
        sorted(path.name for path in (settings.data_dir / "attachments").rglob("*") if path.is_file()).count(
            sha
        )
        == 1
    )
    listed = (await client.get(url_of(meeting_id), headers=admin.headers)).json()
    assert [item["filename"] for item in listed["items"]] == ["Einladung März.pdf", "Kopie.pdf"]
    only_item = (
        await client.get(url_of(meeting_id), params={"agenda_item_id": item_id}, headers=admin.headers)
    ).json()
    assert [item["id"] for item in only_item["items"]] == [attachment["id"]]
    [event, _] = await audit_events(app, "attachment.upload")
    assert (event.actor_id, event.object_id) == (admin.user.id, attachment["id"])
    assert "Einladung" not in str(event.details)


@pytest.mark.parametrize(
    ("content", "name", "media_type", "stored_name"),
    [
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "bild.png", "image/png", "bild.png"),
        (b"\xff\xd8\xff\xe0" + b"\x00" * 64, "foto.jpeg", "image/jpeg", "foto.jpeg"),
        (
            office_file("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"),
            "Vorlage.docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "Vorlage.docx",
        ),
        (
            office_file("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"),
            "Zahlen",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "Zahlen.xlsx",
        ),
        (
            office_file("application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"),
            "Folien.pptx",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            "Folien.pptx",
        ),
        (
            odf_file("application/vnd.oasis.opendocument.text"),
            "Text.odt",
            "application/vnd.oasis.opendocument.text",
            "Text.odt",
        ),
        (
            odf_file("application/vnd.oasis.opendocument.spreadsheet"),
            "Tabelle.ods",
            "application/vnd.oasis.opendocument.spreadsheet",
            "Tabelle.ods",
        ),
        ("Name;Ort\nSprachcafé;Gifhorn\n".encode(), "liste.csv", "text/csv", "liste.csv"),
        ("Notizen zur Sitzung – Grüße".encode(), "notizen.pdf", "text/plain", "notizen.pdf.txt"),
    ],
)
async def test_allowed_types_are_recognised_by_content(
    content: bytes,
    name: str,
    media_type: str,
    stored_name: str,
    client: httpx.AsyncClient,
    admin: Account,
    meeting: tuple[str, str],
) -> None:
    created = await upload(client, admin, meeting[0], content, name=name, declared="application/octet-stream")
    assert created.status_code == 201, created.text
    assert (created.json()["media_type"], created.json()["filename"]) == (media_type, stored_name)
    download = await client.get(f"/api/v1/attachments/{created.json()['id']}/content", headers=admin.headers)
    assert download.headers["Content-Type"].split(";")[0] == media_type
    assert download.content == content


@pytest.mark.parametrize(
    "content",
    [
        ELF,
        HTML,
        b"  <svg xmlns='http://www.w3.org/2000/svg'/>",
        b"GIF89a" + b"\x00" * 40,
        "Umlaute in Latin-1: Grüße".encode("latin-1"),
        b"text with a NUL \x00 byte",
        office_file("application/vnd.ms-word.document.macroEnabled.main+xml"),
        odf_file("application/vnd.oasis.opendocument.presentation"),
        b"PK\x03\x04 not really a zip",
        b"",
    ],
)
async def test_other_content_is_refused_with_415_whatever_its_name(
    content: bytes, client: httpx.AsyncClient, admin: Account, meeting: tuple[str, str], settings: Settings
) -> None:
    response = await upload(client, admin, meeting[0], content, name="x.pdf", declared="application/pdf")
    assert response.status_code == 415, response.text
    problem = response.json()
    assert problem["type"] == "urn:netzwerk:problem:unsupported-media-type"
    assert "PDF, PNG, JPEG, DOCX, XLSX, PPTX, ODT, ODS" in problem["detail"]
    assert (await client.get(url_of(meeting[0]), headers=admin.headers)).json()["total"] == 0
    leftovers = [
        path for path in (settings.data_dir / "attachments").rglob("*") if path.name.startswith(".upload")
    ]
    assert leftovers == []


async def test_too_large_files_answer_413(
    client: httpx.AsyncClient, admin: Account, meeting: tuple[str, str], settings: Settings
) -> None:
    limit = settings.max_upload_bytes
    # Just above the file limit: the body passes the middleware, the upload refuses the file.
    just_over = await upload(client, admin, meeting[0], PDF + b"0" * (limit - len(PDF) + 1))
    assert just_over.status_code == 413
    assert just_over.json()["type"] == "urn:netzwerk:problem:payload-too-large"
    # Far above: refused by the declared length before anything is read.
    far_over = await upload(client, admin, meeting[0], b"0" * (limit + 200_000))
    assert far_over.status_code == 413
    exactly = await upload(client, admin, meeting[0], PDF + b"%" * (limit - len(PDF)))
    assert exactly.status_code == 201, exactly.text
    assert exactly.json()["size"] == limit
    # Other routes keep the small limit.
    other = await client.post(
        "/api/v1/offers",
        content=b"{" + b" " * 2_000_000 + b"}",
        headers=admin.headers | {"Content-Type": "application/json"},
    )
    assert other.status_code == 413


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("../../etc/passwd", "passwd"),
        ("..\\..\\windows\\system32\\evil.pdf", "evil.pdf"),
        ("/absolute/path/Bericht.pdf", "Bericht.pdf"),
        ("..", "datei"),
        ("", "datei"),
        ("a\x00b\x1b[31mc\u202e.pdf", "ab[31mc.pdf"),
        ('quo"te<>|?*.pdf', "quo_te_____.pdf"),
        ("  viele   Leerzeichen .pdf  ", "viele Leerzeichen .pdf"),
        ("x" * 300 + ".pdf", "x" * 196 + ".pdf"),
    ],
)
def test_safe_filename(name: str, expected: str) -> None:
    assert safe_filename(name) == expected


async def test_path_tricks_in_file_names_are_harmless(
    client: httpx.AsyncClient, admin: Account, meeting: tuple[str, str], settings: Settings
) -> None:
    outside_before = sorted(str(path) for path in settings.data_dir.parent.rglob("*"))
    for name in ("../../etc/passwd", "..%2F..%2Fescape.pdf", "../attachments/../../x.pdf", "./.."):
        response = await upload(client, admin, meeting[0], b"root:x:0:0\n", name=name, declared="text/plain")
        assert response.status_code == 201, response.text
        stored_name = response.json()["filename"]
        assert "/" not in stored_name
        assert "\\" not in stored_name
        assert not stored_name.startswith(".")
    names = [
        item["filename"]
        for item in (await client.get(url_of(meeting[0]), headers=admin.headers)).json()["items"]
    ]
    assert names == ["passwd.txt", "%2F..%2Fescape.pdf.txt", "x.pdf.txt", "datei.txt"]
    sha = hashlib.sha256(b"root:x:0:0\n").hexdigest()
    written = [path for path in settings.data_dir.parent.rglob("*") if str(path) not in outside_before]
    assert {path.relative_to(settings.data_dir) for path in written if path.is_file()} == {
        Path("attachments") / sha[:2] / sha
    }
    assert not (settings.data_dir.parent / "etc").exists()


async def test_soft_delete_hides_the_file(
    client: httpx.AsyncClient, admin: Account, meeting: tuple[str, str], app: FastAPI
) -> None:
    attachment = (await upload(client, admin, meeting[0], PDF)).json()
    url = f"/api/v1/attachments/{attachment['id']}"
    fetched = await client.get(url, headers=admin.headers)
    assert fetched.headers["ETag"] == '"1"'
    assert (await client.delete(url, headers=admin.headers)).status_code == 428
    assert (await client.delete(url, headers=admin.headers | {"If-Match": '"2"'})).status_code == 412
    assert (await client.delete(url, headers=admin.headers | {"If-Match": '"1"'})).status_code == 204
    assert (await client.get(url, headers=admin.headers)).status_code == 404
    assert (await client.get(f"{url}/content", headers=admin.headers)).status_code == 404
    listed = (await client.get(url_of(meeting[0]), headers=admin.headers)).json()
    assert (listed["items"], listed["total"]) == ([], 0)
    [event] = await audit_events(app, "attachment.delete")
    assert event.object_id == attachment["id"]


async def test_readers_download_editors_change_others_see_nothing(
    client: httpx.AsyncClient,
    admin: Account,
    make_user: UserFactory,
    meeting: tuple[str, str],
    bodies: dict[str, uuid.UUID],
    app: FastAPI,
) -> None:
    meeting_id, item_id = meeting
    spokesperson = await make_user("spokesperson")
    await seat(app, spokesperson, bodies["AK Bildung"], role="spokesperson")
    created = await upload(client, spokesperson, meeting_id, PDF, agenda_item_id=item_id)
    assert created.status_code == 201, created.text
    attachment_url = f"/api/v1/attachments/{created.json()['id']}"

    member = await make_user("member")
    await seat(app, member, bodies["AK Bildung"])
    assert (await client.get(f"{attachment_url}/content", headers=member.headers)).content == PDF
    assert (await client.get(url_of(meeting_id), headers=member.headers)).json()["total"] == 1
    assert (await upload(client, member, meeting_id, PDF)).status_code == 403
    assert (
        await client.delete(attachment_url, headers=member.headers | {"If-Match": '"1"'})
    ).status_code == 403

    outsider = await make_user("member")
    await seat(app, outsider, bodies["AK Teilhabe"])
    other_spokesperson = await make_user("spokesperson")
    for account in (outsider, other_spokesperson):
        for response in (
            await client.get(f"{attachment_url}/content", headers=account.headers),
            await client.get(attachment_url, headers=account.headers),
            await client.get(url_of(meeting_id), headers=account.headers),
            await upload(client, account, meeting_id, PDF),
            await client.delete(attachment_url, headers=account.headers | {"If-Match": '"1"'}),
        ):
            assert response.status_code == 404
            assert response.json()["type"] == "urn:netzwerk:problem:not-found"
    assert (await client.get(f"{attachment_url}/content")).status_code == 401

    _, foreign_item = await make_meeting(app, bodies["AK Teilhabe"])
    wrong_item = await upload(client, admin, meeting_id, PDF, agenda_item_id=foreign_item)
    assert wrong_item.status_code == 422
    assert wrong_item.json()["errors"][0]["field"] == "agenda_item_id"
    assert (await upload(client, admin, str(uuid.uuid4()), PDF)).status_code == 404
