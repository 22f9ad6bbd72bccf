"""``netzwerk notify``: deadline and directive reminders, each sent exactly once."""

from __future__ import annotations

import uuid
from datetime import timedelta

import httpx
from fastapi import FastAPI

from api.core.config import Settings
from api.models import Directive, Submission
from api.models.base import today
from api.submissions.reminders import notify
from tests.conftest import Mailbox, UserFactory
from tests.test_submissions import spokesperson_of, steering_meeting


async def _directive(
    app: FastAPI, body_id: uuid.UUID, *, due_in_days: int, addressee_body: bool, status: str = "open"
) -> None:
    async with app.state.sessionmaker() as session, session.begin():
        submission = Submission(
            title="Sprachkurse", kind="request", body_id=body_id, status="decided", outcome="approved"
        )
        session.add(submission)
        await session.flush()
        session.add(
            Directive(
                submission_id=submission.id,
                text=f"Bericht vorlegen ({due_in_days})",
                addressee_kind="body" if addressee_body else "office",
                addressee_body_id=body_id if addressee_body else None,
                due_on=today() + timedelta(days=due_in_days),
                status=status,
            )
        )


async def _notify(app: FastAPI, settings: Settings) -> tuple[int, int]:
    async with app.state.sessionmaker() as session, session.begin():
        return await notify(session, settings)


async def test_notify_twice_sends_each_reminder_once(
    client: httpx.AsyncClient,
    make_user: UserFactory,
    bodies: dict[str, uuid.UUID],
    app: FastAPI,
    mailbox: Mailbox,
    settings: Settings,
) -> None:
    await spokesperson_of(app, make_user, bodies["AK Bildung"], email="bildung@example.org")
    await spokesperson_of(app, make_user, bodies["AK Teilhabe"], email="teilhabe@example.org")
    coordinator = await make_user("coordinator")
    await steering_meeting(app, bodies["Steuerungsgruppe"], in_days=25)
    await _directive(app, bodies["AK Bildung"], due_in_days=-3, addressee_body=True)
    await _directive(app, bodies["AK Bildung"], due_in_days=5, addressee_body=False)
    await _directive(app, bodies["AK Bildung"], due_in_days=60, addressee_body=True)
    await _directive(app, bodies["AK Bildung"], due_in_days=-10, addressee_body=True, status="done")

    assert await _notify(app, settings) == (4, 0)
    received = sorted((recipients[0], message["Subject"]) for recipients, message in mailbox.messages)
    deadline = (today() + timedelta(days=25) - timedelta(weeks=3)).strftime("%d.%m.%Y")
    assert received == [
        ("bildung@example.org", f"Vorlagen für die Steuerungsgruppe bis {deadline} einreichen"),
        ("bildung@example.org", "Überfällige Handlungsanweisung der Steuerungsgruppe"),
        (coordinator.email, "Fällige Handlungsanweisung der Steuerungsgruppe"),
        ("teilhabe@example.org", f"Vorlagen für die Steuerungsgruppe bis {deadline} einreichen"),
    ]

    assert await _notify(app, settings) == (0, 0)
    assert len(mailbox.messages) == 4


async def test_undelivered_reminders_are_tried_again(
    client: httpx.AsyncClient,
    make_user: UserFactory,
    bodies: dict[str, uuid.UUID],
    app: FastAPI,
    mailbox: Mailbox,
    settings: Settings,
) -> None:
    await spokesperson_of(app, make_user, bodies["AK Bildung"], email="bildung@example.org")
    await _directive(app, bodies["AK Bildung"], due_in_days=-1, addressee_body=True)
    unreachable = settings.model_copy(update={"smtp_port": 1, "smtp_timeout_seconds": 1})
    assert await _notify(app, unreachable) == (0, 1)
    assert await _notify(app, settings) == (1, 0)
    assert [recipients for recipients, _ in mailbox.messages] == [["bildung@example.org"]]
