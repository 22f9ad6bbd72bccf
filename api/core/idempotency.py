"""``Idempotency-Key`` on POST: the first response is stored and replayed for 24 hours."""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.core.errors import IdempotencyKeyInProgress, IdempotencyKeyReused, app_error_response
from api.core.security import InvalidToken, decode_access_token
from api.models import IdempotencyRecord

MAX_KEY_LENGTH = 255
# Responses of these paths carry credentials, which must never be stored.
EXCLUDED_PREFIXES = ("/api/v1/auth/",)
NOT_REPLAYED_HEADERS = {"x-request-id", "set-cookie", "content-length"}


@dataclass
class CapturedResponse:
    status: int | None = None
    headers: list[list[str]] = field(default_factory=list)
    body: bytes = b""


class IdempotencyMiddleware:
    def __init__(self, app: ASGIApp, retention: timedelta) -> None:
        self.app = app
        self.retention = retention

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "POST":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        key = headers.get("idempotency-key")
        if (
            key is None
            or not scope["path"].startswith("/api/")
            or scope["path"].startswith(EXCLUDED_PREFIXES)
        ):
            await self.app(scope, receive, send)
            return
        if not 1 <= len(key) <= MAX_KEY_LENGTH:
            await app_error_response(IdempotencyKeyReused())(scope, receive, send)
            return

        body = await _read_body(receive)
        fingerprint = hashlib.sha256(
            b"\n".join([scope["path"].encode(), scope.get("query_string", b""), body])
        ).hexdigest()
        app = scope["app"]
        principal = _principal(headers.get("authorization"), app.state.settings.signing_key)
        sessionmaker: async_sessionmaker[AsyncSession] = app.state.sessionmaker

        try:
            record_id, stored = await self._claim(sessionmaker, principal, key, fingerprint)
        except IdempotencyKeyReused as error:
            await app_error_response(error)(scope, receive, send)
            return
        if stored is not None:
            await _replay(stored, send)
            return
        if record_id is None:
            await app_error_response(IdempotencyKeyInProgress())(scope, receive, send)
            return

        captured = CapturedResponse()

        async def replay_body() -> Message:
            nonlocal body
            chunk, body = body, b""
            return {"type": "http.request", "body": chunk, "more_body": False}

        async def capture(message: Message) -> None:
            if message["type"] == "http.response.start":
                captured.status = message["status"]
                captured.headers = [
                    [name.decode("latin-1"), value.decode("latin-1")]
                    for name, value in message.get("headers", [])
                    if name.decode("latin-1").lower() not in NOT_REPLAYED_HEADERS
                ]
            elif message["type"] == "http.response.body":
                captured.body += message.get("body", b"")
            await send(message)

        try:
            await self.app(scope, replay_body, capture)
        finally:
            await self._finish(sessionmaker, record_id, captured)

    async def _claim(
        self,
        sessionmaker: async_sessionmaker[AsyncSession],
        principal: str,
        key: str,
        fingerprint: str,
    ) -> tuple[uuid.UUID | None, IdempotencyRecord | None]:
        """Returns (id of a fresh claim, None), (None, a stored record) or (None, None) if in progress."""
        now = datetime.now(UTC)
        async with sessionmaker() as session:
            await session.execute(
                delete(IdempotencyRecord).where(IdempotencyRecord.created_at < now - self.retention)
            )
            existing = await session.scalar(
                select(IdempotencyRecord).where(
                    IdempotencyRecord.principal == principal, IdempotencyRecord.key == key
                )
            )
            if existing is None:
                record = IdempotencyRecord(principal=principal, key=key, fingerprint=fingerprint)
                session.add(record)
                try:
                    await session.commit()
                except IntegrityError:
                    return None, None
                return record.id, None
            await session.commit()
        if existing.fingerprint != fingerprint:
            raise IdempotencyKeyReused()
        if existing.status_code is None:
            return None, None
        return None, existing

    async def _finish(
        self,
        sessionmaker: async_sessionmaker[AsyncSession],
        record_id: uuid.UUID,
        captured: CapturedResponse,
    ) -> None:
        async with sessionmaker() as session:
            record = await session.get(IdempotencyRecord, record_id)
            if record is None:
                return
            if captured.status is None or captured.status >= 500:
                await session.delete(record)  # a failure may be retried with the same key
            else:
                record.status_code = captured.status
                record.headers = captured.headers
                record.body = captured.body
            await session.commit()


async def _read_body(receive: Receive) -> bytes:
    chunks = []
    while True:
        message = await receive()
        if message["type"] != "http.request":
            break
        chunks.append(message.get("body", b""))
        if not message.get("more_body", False):
            break
    return b"".join(chunks)


def _principal(authorization: str | None, signing_key: str) -> str:
    scheme, _, token = (authorization or "").partition(" ")
    if scheme.lower() == "bearer" and token:
        try:
            return f"user:{decode_access_token(signing_key, token).subject}"
        except InvalidToken:
            pass
    return "anonymous"


async def _replay(record: IdempotencyRecord, send: Send) -> None:
    headers = [(name.encode("latin-1"), value.encode("latin-1")) for name, value in record.headers]
    headers.append((b"idempotent-replayed", b"true"))
    body = record.body or b""
    headers.append((b"content-length", str(len(body)).encode()))
    await send({"type": "http.response.start", "status": record.status_code, "headers": headers})
    await send({"type": "http.response.body", "body": body})
