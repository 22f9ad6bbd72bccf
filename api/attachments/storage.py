"""Storing uploaded files: the type is taken from the content, the name is made harmless, and
the bytes are kept once per SHA-256 under ``<data_dir>/attachments/<sha[:2]>/<sha>``."""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import filetype

from api.core.errors import AppError, PayloadTooLarge

CHUNK = 1024 * 1024
MAX_FILENAME = 200
FALLBACK_NAME = "datei"
# The main part of each accepted Office Open XML document, as named in [Content_Types].xml.
OOXML_TYPES = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml": (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    ),
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml": (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    ),
    "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml": (
        "application/vnd.openxmlformats-officedocument.presentationml.presentation"
    ),
}
OPENDOCUMENT_TYPES = (
    "application/vnd.oasis.opendocument.text",
    "application/vnd.oasis.opendocument.spreadsheet",
)
EXTENSIONS = {
    "application/pdf": (".pdf",),
    "image/png": (".png",),
    "image/jpeg": (".jpg", ".jpeg"),
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": (".docx",),
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": (".xlsx",),
    "application/vnd.openxmlformats-officedocument.presentationml.presentation": (".pptx",),
    "application/vnd.oasis.opendocument.text": (".odt",),
    "application/vnd.oasis.opendocument.spreadsheet": (".ods",),
    "text/csv": (".csv",),
    "text/plain": (".txt", ".md", ".text", ".log"),
}
ALLOWED_NAMES = "PDF, PNG, JPEG, DOCX, XLSX, PPTX, ODT, ODS, UTF-8 text or CSV"
# Text that a browser could take for markup is refused, whatever its name.
MARKUP_START = re.compile(rb"^\s*<[!?A-Za-z/]")
UNSAFE_NAME_CHARACTERS = re.compile(r'[<>:"|?*]')


class UnsupportedMediaType(AppError):
    status = 415
    slug = "unsupported-media-type"
    title = "Unsupported media type"


@dataclass(frozen=True)
class StoredFile:
    sha256: str
    size: int
    media_type: str
    filename: str


def safe_filename(name: str | None) -> str:
    """The base name of ``name`` without path parts, control or reserved characters, length-limited."""
    name = unicodedata.normalize("NFC", name or "")
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(
        " " if unicodedata.category(char).startswith("Z") else char
        for char in name
        if not unicodedata.category(char).startswith("C")
    )
    name = UNSAFE_NAME_CHARACTERS.sub("_", name)
    name = " ".join(name.split()).strip(" .")
    if not name:
        return FALLBACK_NAME
    stem, dot, suffix = name.rpartition(".")
    if len(name) > MAX_FILENAME:
        if dot and stem and len(suffix) <= 10:
            name = f"{stem[: MAX_FILENAME - len(suffix) - 1].rstrip(' .')}.{suffix}"
        else:
            name = name[:MAX_FILENAME].rstrip(" .")
    return name


def _with_extension(filename: str, media_type: str) -> str:
    """Makes the name end as its content is, so a desktop opens it with the right program."""
    extensions = EXTENSIONS[media_type]
    if filename.lower().endswith(extensions):
        return filename
    return safe_filename(f"{filename}{extensions[0]}")


def _zip_media_type(path: Path) -> str | None:
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            if "mimetype" in names:
                with archive.open("mimetype") as entry:
                    declared = entry.read(100).decode("ascii", "replace").strip()
                return declared if declared in OPENDOCUMENT_TYPES else None
            if "[Content_Types].xml" in names:
                with archive.open("[Content_Types].xml") as entry:
                    manifest = entry.read(1024 * 1024).decode("utf-8", "replace")
                for main_part, media_type in OOXML_TYPES.items():
                    if f'ContentType="{main_part}"' in manifest:
                        return media_type
    except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError, ValueError):
        return None
    return None


def _text_media_type(path: Path, filename: str) -> str | None:
    with path.open("rb") as handle:
        content = handle.read()
    if b"\x00" in content or MARKUP_START.match(content[:1024]):
        return None
    try:
        content.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return "text/csv" if filename.lower().endswith(".csv") else "text/plain"


def detect_media_type(path: Path, filename: str) -> str | None:
    """The media type the content proves, or None when it is not one of the accepted kinds."""
    with path.open("rb") as handle:
        head = handle.read(8192)
    kind = filetype.guess(head)
    guessed = kind.mime if kind is not None else None
    if guessed in ("application/pdf", "image/png", "image/jpeg"):
        return str(guessed)
    if head.startswith(b"PK\x03\x04"):
        return _zip_media_type(path)
    if guessed is not None:
        return None
    return _text_media_type(path, filename)


def attachment_path(data_dir: Path, sha256: str) -> Path:
    return data_dir / "attachments" / sha256[:2] / sha256


def store_upload(
    source: BinaryIO, declared_name: str | None, *, data_dir: Path, max_bytes: int
) -> StoredFile:
    """Copies the upload to a temporary file while hashing it, checks size and type, then moves
    it into place (or drops it when the same content is already stored). Blocking: run it in a
    thread."""
    root = data_dir / "attachments"
    root.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256()
    size = 0
    descriptor, temporary_name = tempfile.mkstemp(dir=root, prefix=".upload-")
    temporary = Path(temporary_name)
    try:
        with os.fdopen(descriptor, "wb") as target:
            while chunk := source.read(CHUNK):
                size += len(chunk)
                if size > max_bytes:
                    raise PayloadTooLarge(f"The file exceeds {max_bytes} bytes.")
                digest.update(chunk)
                target.write(chunk)
        filename = safe_filename(declared_name)
        media_type = detect_media_type(temporary, filename) if size else None
        if media_type is None:
            raise UnsupportedMediaType(f"Allowed are {ALLOWED_NAMES}; the content is none of these.")
        sha256 = digest.hexdigest()
        final = attachment_path(data_dir, sha256)
        final.parent.mkdir(exist_ok=True)
        if final.exists():
            temporary.unlink()
        else:
            temporary.chmod(0o640)
            os.replace(temporary, final)
        return StoredFile(
            sha256=sha256, size=size, media_type=media_type, filename=_with_extension(filename, media_type)
        )
    finally:
        temporary.unlink(missing_ok=True)
