"""Snapshot folders of the intranet export, and how a new one is switched in atomically.

The export folder (``NETZWERK_EXPORT_DIR``, or ``netzwerk export --out DIR``) holds::

    snapshot-20260708T101500123456Z-full/          a complete snapshot; manifest.json lists its files
    snapshot-20260709T101500654321Z-incremental/   the changes since an earlier time (``--since``)
    current -> snapshot-…-incremental              the newest snapshot of either kind
    current-full -> snapshot-…-full                the newest full snapshot (what downloads serve)
    .lock                                          locked while an export runs
    .tmp-snapshot-…/                               a snapshot being built (hidden; removed if it fails)

A snapshot is built in a hidden folder beside the others, so on the same file system; every file
and the folder are fsynced, the folder is renamed to its final name, and each link is switched by
``os.replace`` of a new symlink onto it. A reader going through ``current`` therefore opens the
previous snapshot or the new one, never a half-written one, and a killed export leaves only a hidden
folder that the next run removes. The newest ``KEEP_SNAPSHOTS`` snapshots are kept (and always the
ones the links point to), so a reader still busy with the previous one is not cut off.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import shutil
import uuid
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import IO, Any, Literal

Kind = Literal["full", "incremental"]
CURRENT = "current"
CURRENT_FULL = "current-full"
PREFIX = "snapshot-"
TMP_PREFIX = ".tmp-"
LOCK_FILE = ".lock"
MANIFEST = "manifest.json"
KEEP_SNAPSHOTS = 3
FORMAT_VERSION = 1
CHUNK = 1 << 20


class ExportBusy(Exception):
    """Another export is writing into the same folder."""


@dataclass(frozen=True)
class FileEntry:
    path: str
    size: int
    sha256: str
    media_type: str
    complete: bool


def snapshot_name(created_at: datetime, kind: Kind) -> str:
    """Sorts by time; microseconds keep two exports in the same second apart."""
    return f"{PREFIX}{created_at:%Y%m%dT%H%M%S%f}Z-{kind}"


@contextlib.contextmanager
def export_lock(out_dir: Path) -> Iterator[None]:
    """Only one export at a time per folder (across processes); stale build folders are removed."""
    out_dir.mkdir(parents=True, exist_ok=True)
    with open(out_dir / LOCK_FILE, "a") as handle:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as error:
            raise ExportBusy(f"another export is running in {out_dir}") from error
        try:
            for stale in out_dir.glob(f"{TMP_PREFIX}*"):
                # Whoever built it died: with the lock held, no one else is writing there.
                if stale.is_dir() and not stale.is_symlink():
                    shutil.rmtree(stale, ignore_errors=True)
                else:
                    stale.unlink(missing_ok=True)
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def _fsync_dir(path: Path) -> None:
    descriptor = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def file_digest(path: Path) -> tuple[int, str]:
    digest = hashlib.sha256()
    size = 0
    with open(path, "rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return size, digest.hexdigest()


@dataclass
class SnapshotBuilder:
    """The files of one snapshot, written into its hidden build folder."""

    out_dir: Path
    name: str
    entries: list[FileEntry] = field(default_factory=list)

    @property
    def folder(self) -> Path:
        return self.out_dir / f"{TMP_PREFIX}{self.name}"

    def path(self, relative: str) -> Path:
        target = self.folder / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        return target

    @contextlib.contextmanager
    def open(self, relative: str, media_type: str, *, complete: bool) -> Iterator[IO[bytes]]:
        with open(self.path(relative), "wb") as handle:
            yield handle
        self.record(relative, media_type, complete=complete)

    def record(self, relative: str, media_type: str, *, complete: bool) -> FileEntry:
        """Hash the written file as it is on disk and flush it there."""
        path = self.folder / relative
        with open(path, "rb") as handle:
            os.fsync(handle.fileno())
        size, sha256 = file_digest(path)
        entry = FileEntry(relative, size, sha256, media_type, complete)
        self.entries.append(entry)
        return entry

    def write_manifest(self, meta: dict[str, Any]) -> None:
        files = [entry.__dict__ for entry in sorted(self.entries, key=lambda entry: entry.path)]
        document = {"format_version": FORMAT_VERSION, **meta, "files": files}
        with open(self.path(MANIFEST), "w", encoding="utf-8") as handle:
            json.dump(document, handle, ensure_ascii=False, indent=2)
            handle.write("\n")
            handle.flush()
            os.fsync(handle.fileno())
        # The folder entries too, so that after a crash the renamed snapshot has all its files.
        for folder, _dirs, _files in os.walk(self.folder):
            _fsync_dir(Path(folder))

    def publish(self, kind: Kind) -> Path:
        """Rename the finished folder into place, then switch the links to it."""
        final = self.out_dir / self.name
        os.rename(self.folder, final)
        _fsync_dir(self.out_dir)
        _switch_link(self.out_dir, CURRENT, self.name)
        if kind == "full":
            _switch_link(self.out_dir, CURRENT_FULL, self.name)
        prune(self.out_dir)
        return final

    def discard(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


def _switch_link(out_dir: Path, link: str, target: str) -> None:
    temporary = out_dir / f"{TMP_PREFIX}{link}-{uuid.uuid4().hex}"
    os.symlink(target, temporary)  # relative, so the folder may be mounted elsewhere
    os.replace(temporary, out_dir / link)
    _fsync_dir(out_dir)


def linked(out_dir: Path, link: str) -> Path | None:
    """The snapshot folder ``link`` points to, if it exists and has a manifest."""
    path = out_dir / link
    if not path.is_symlink():
        return None
    target = (out_dir / os.readlink(path)).resolve()
    if target.parent != out_dir.resolve() or not (target / MANIFEST).is_file():
        return None
    return target


def snapshots(out_dir: Path) -> list[Path]:
    """Finished snapshot folders, oldest first."""
    if not out_dir.is_dir():
        return []
    return sorted(
        (path for path in out_dir.iterdir() if path.name.startswith(PREFIX) and path.is_dir()),
        key=lambda path: path.name,
    )


def prune(out_dir: Path, keep: int = KEEP_SNAPSHOTS) -> None:
    pinned = {target for link in (CURRENT, CURRENT_FULL) if (target := linked(out_dir, link)) is not None}
    for old in snapshots(out_dir)[:-keep]:
        if old.resolve() not in pinned:
            shutil.rmtree(old, ignore_errors=True)


def read_manifest(folder: Path) -> dict[str, Any]:
    manifest: dict[str, Any] = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    return manifest


class SnapshotArchive:
    """A snapshot as a ZIP, produced in chunks (the files are opened at once, so pruning the
    snapshot meanwhile cannot cut the download short)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.manifest = read_manifest(folder)
        paths = [MANIFEST, *(entry["path"] for entry in self.manifest["files"])]
        self._files: list[tuple[zipfile.ZipInfo, IO[bytes]]] = []
        root = folder.resolve()
        try:
            for relative in paths:
                path = (folder / relative).resolve()
                if root not in path.parents:
                    raise ValueError(f"{relative!r} is outside the snapshot")
                self._files.append((zipfile.ZipInfo.from_file(path, relative), open(path, "rb")))  # noqa: SIM115
        except BaseException:
            self.close()
            raise

    @property
    def name(self) -> str:
        return self.folder.name

    def close(self) -> None:
        for _info, handle in self._files:
            handle.close()

    def __iter__(self) -> Iterator[bytes]:
        sink = _Sink()
        try:
            with zipfile.ZipFile(sink, "w", compression=zipfile.ZIP_DEFLATED) as archive:
                for info, handle in self._files:
                    info.compress_type = zipfile.ZIP_DEFLATED
                    with archive.open(info, "w") as entry:
                        while chunk := handle.read(CHUNK):
                            entry.write(chunk)
                            if data := sink.take():
                                yield data
            if data := sink.take():  # the rest of the last entry and the central directory
                yield data
        finally:
            self.close()


class _Sink:
    """A write-only stream: zipfile writes into it (data descriptors, as it cannot seek)."""

    def __init__(self) -> None:
        self._buffer = bytearray()

    def write(self, data: bytes) -> int:
        self._buffer += data
        return len(data)

    def flush(self) -> None:
        pass

    def close(self) -> None:
        pass

    def take(self) -> bytes:
        data = bytes(self._buffer)
        self._buffer.clear()
        return data
