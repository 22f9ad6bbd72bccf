"""Attachments of meetings, agenda items and submissions: upload, list, download, delete (as tombstones).

A meeting's files follow the meeting's access rules, a submission's files the paper's."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import BinaryIO

from sqlalchemy import Select, select
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.concurrency import run_in_threadpool

from api.attachments.storage import attachment_path, store_upload
from api.core.audit import record_audit
from api.core.concurrency import check_if_match
from api.core.errors import FieldValidationError, NotFound
from api.core.pagination import ListParams, PageResult, fetch_page
from api.meetings.access import editable_meeting, readable_meeting
from api.models import AgendaItem, Attachment, User
from api.submissions import service as submissions


async def upload(
    session: AsyncSession,
    user: User,
    meeting_id: uuid.UUID,
    *,
    source: BinaryIO,
    declared_name: str | None,
    agenda_item_id: uuid.UUID | None,
    data_dir: Path,
    max_bytes: int,
) -> Attachment:
    meeting = await editable_meeting(session, user, meeting_id)
    if agenda_item_id is not None:
        item = await session.get(AgendaItem, agenda_item_id)
        if item is None or item.deleted_at is not None or item.meeting_id != meeting.id:
            raise FieldValidationError(
                "agenda_item_id", "No agenda item with this id in this meeting.", "unknown_agenda_item"
            )
    return await _store(
        session,
        user,
        Attachment(meeting_id=meeting.id, agenda_item_id=agenda_item_id),
        source=source,
        declared_name=declared_name,
        data_dir=data_dir,
        max_bytes=max_bytes,
    )


async def upload_to_submission(
    session: AsyncSession,
    user: User,
    submission_id: uuid.UUID,
    *,
    source: BinaryIO,
    declared_name: str | None,
    data_dir: Path,
    max_bytes: int,
) -> Attachment:
    submission = await submissions.get_submission(session, user, submission_id)
    await submissions.check_editable(session, user, submission)
    return await _store(
        session,
        user,
        Attachment(submission_id=submission.id),
        source=source,
        declared_name=declared_name,
        data_dir=data_dir,
        max_bytes=max_bytes,
    )


def _owner(attachment: Attachment) -> dict[str, str]:
    if attachment.meeting_id is not None:
        return {"meeting_id": str(attachment.meeting_id)}
    return {"submission_id": str(attachment.submission_id)}


async def _store(
    session: AsyncSession,
    user: User,
    attachment: Attachment,
    *,
    source: BinaryIO,
    declared_name: str | None,
    data_dir: Path,
    max_bytes: int,
) -> Attachment:
    stored = await run_in_threadpool(
        store_upload, source, declared_name, data_dir=data_dir, max_bytes=max_bytes
    )
    attachment.filename = stored.filename
    attachment.media_type = stored.media_type
    attachment.size = stored.size
    attachment.sha256 = stored.sha256
    attachment.uploaded_by_user_id = user.id
    session.add(attachment)
    await session.flush()
    record_audit(
        session,
        actor_id=user.id,
        action="attachment.upload",
        object_type="attachment",
        object_id=attachment.id,
        details={**_owner(attachment), "media_type": stored.media_type, "size": stored.size},
    )
    return attachment


async def list_attachments(
    session: AsyncSession,
    user: User,
    meeting_id: uuid.UUID,
    params: ListParams,
    *,
    agenda_item_id: uuid.UUID | None,
) -> PageResult[Attachment]:
    meeting = await readable_meeting(session, user, meeting_id)
    statement = select(Attachment).where(Attachment.meeting_id == meeting.id)
    if agenda_item_id is not None:
        statement = statement.where(Attachment.agenda_item_id == agenda_item_id)
    return await _page(session, statement, params)


async def list_submission_attachments(
    session: AsyncSession, user: User, submission_id: uuid.UUID, params: ListParams
) -> PageResult[Attachment]:
    submission = await submissions.get_submission(session, user, submission_id)
    return await _page(session, select(Attachment).where(Attachment.submission_id == submission.id), params)


async def _page(
    session: AsyncSession, statement: Select[Attachment], params: ListParams
) -> PageResult[Attachment]:
    return await fetch_page(
        session,
        statement,
        params,
        order_by=[Attachment.created_at],
        id_column=Attachment.id,
        updated_column=Attachment.updated_at,
        deleted_column=Attachment.deleted_at,
    )


async def readable_attachment(session: AsyncSession, user: User, attachment_id: uuid.UUID) -> Attachment:
    """The live attachment if ``user`` may read its meeting or submission; otherwise 404."""
    attachment = await session.get(Attachment, attachment_id)
    if attachment is None or attachment.deleted_at is not None:
        raise NotFound("No attachment with this id.")
    try:
        await _check_owner(session, user, attachment, edit=False)
    except NotFound as error:
        raise NotFound("No attachment with this id.") from error
    return attachment


async def _check_owner(session: AsyncSession, user: User, attachment: Attachment, *, edit: bool) -> None:
    """Whether ``user`` may read (or change) the meeting or submission the file belongs to."""
    if attachment.meeting_id is not None:
        await (editable_meeting if edit else readable_meeting)(session, user, attachment.meeting_id)
    elif attachment.submission_id is not None:
        submission = await submissions.get_submission(session, user, attachment.submission_id)
        if edit:
            await submissions.check_editable(session, user, submission)


def content_path(attachment: Attachment, data_dir: Path) -> Path:
    path = attachment_path(data_dir, attachment.sha256)
    if not path.is_file():
        raise NotFound("The file of this attachment is missing; ask the coordination office.")
    return path


async def delete(
    session: AsyncSession, user: User, attachment_id: uuid.UUID, *, if_match: str | None
) -> None:
    attachment = await readable_attachment(session, user, attachment_id)
    await _check_owner(session, user, attachment, edit=True)
    check_if_match(if_match, attachment)
    attachment.deleted_at = datetime.now(UTC)
    await session.flush()
    record_audit(
        session,
        actor_id=user.id,
        action="attachment.delete",
        object_type="attachment",
        object_id=attachment.id,
        details=_owner(attachment),
    )
