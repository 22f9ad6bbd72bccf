"""Submissions (Vorlagen): draft, submit by the deadline, schedule on a steering meeting, decide.

The status moves only along these transitions; any other answers 409:

- ``draft`` → ``submitted`` (reference assigned) or ``withdrawn``
- ``submitted`` → ``scheduled`` (an agenda item of a coming steering meeting) or ``withdrawn``
- ``scheduled`` → ``decided``, or back to ``submitted`` when the decision is ``deferred``

Drafts are seen only by coordinators and the submitting body's spokespersons; submitted papers by
the body's members and the steering group as well. A paper the caller may not see answers 404.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import delete, false, func, insert, or_, select, true
from sqlalchemy.ext.asyncio import AsyncSession

from api.core.audit import record_audit
from api.core.concurrency import check_if_match
from api.core.config import Settings
from api.core.deps import is_coordinator
from api.core.errors import Conflict, FieldValidationError, Forbidden, NotFound
from api.core.mail import Mail
from api.core.pagination import LIKE_ESCAPE, ListParams, contains_pattern, fetch_page
from api.core.references import next_reference
from api.meetings.service import BERLIN, append_agenda_item
from api.members.service import current_membership
from api.memberships.service import SPOKESPERSON_ROLES, leads_body
from api.models import (
    AgendaItem,
    Body,
    Directive,
    Measure,
    Meeting,
    Member,
    Membership,
    Need,
    Organisation,
    Submission,
    User,
    directive_measures,
    submission_measures,
    submission_needs,
)
from api.models.base import today
from api.submissions.schemas import (
    DecisionRecord,
    DirectiveIssue,
    SubmissionCreate,
    SubmissionPage,
    SubmissionRead,
    SubmissionUpdate,
    SubmitRequest,
)

EDITABLE = frozenset({"draft", "submitted"})
WITHDRAWABLE = frozenset({"draft", "submitted"})
OPEN_MEETING_STATUSES = ("planned", "invited")
RESOLUTION_REQUIRED = frozenset({"approved", "approved_with_changes", "rejected"})
OUTCOME_LABELS = {
    "approved": "beschlossen",
    "approved_with_changes": "mit Änderungen beschlossen",
    "rejected": "abgelehnt",
    "deferred": "vertagt",
    "noted": "zur Kenntnis genommen",
}


def member_bodies(user: User) -> Any:
    """The ids of the bodies the user's member currently belongs to, as a subquery."""
    return select(Membership.body_id).where(
        Membership.member_id == user.member_id, current_membership(today())
    )


def led_bodies(user: User) -> Any:
    return select(Membership.body_id).where(
        Membership.member_id == user.member_id,
        Membership.role.in_(SPOKESPERSON_ROLES),
        current_membership(today()),
    )


def visible_submissions(user: User) -> Any:
    """The SQL condition for the submissions ``user`` may see, deleted ones included."""
    if is_coordinator(user):
        return true()
    conditions = []
    if "steering" in user.roles:
        conditions.append(Submission.status != "draft")
    if user.member_id is not None:
        conditions.append((Submission.status != "draft") & Submission.body_id.in_(member_bodies(user)))
        if "spokesperson" in user.roles:
            conditions.append(Submission.body_id.in_(led_bodies(user)))
    return or_(*conditions) if conditions else false()


async def list_submissions(
    session: AsyncSession,
    user: User,
    params: ListParams,
    *,
    statuses: list[str],
    body_id: uuid.UUID | None,
    meeting_id: uuid.UUID | None,
) -> SubmissionPage:
    statement = select(Submission).where(visible_submissions(user))
    if params.q:
        pattern = contains_pattern(params.q)
        statement = statement.where(
            or_(
                func.lower(Submission.title).like(pattern, escape=LIKE_ESCAPE),
                func.lower(Submission.reference).like(pattern, escape=LIKE_ESCAPE),
                func.lower(Submission.situation).like(pattern, escape=LIKE_ESCAPE),
            )
        )
    if statuses:
        statement = statement.where(Submission.status.in_(statuses))
    if body_id is not None:
        statement = statement.where(Submission.body_id == body_id)
    if meeting_id is not None:
        statement = statement.where(
            or_(Submission.meeting_id == meeting_id, Submission.decided_meeting_id == meeting_id)
        )
    page = await fetch_page(
        session,
        statement,
        params,
        order_by=[Submission.created_at.desc()],
        id_column=Submission.id,
        updated_column=Submission.updated_at,
        deleted_column=Submission.deleted_at,
    )
    return SubmissionPage(
        items=await reads(session, page.rows),
        total=page.total,
        limit=params.limit,
        offset=params.offset,
        tombstones=page.tombstones,
    )


async def link_ids(
    session: AsyncSession, owner: Any, target: Any, ids: set[uuid.UUID]
) -> dict[uuid.UUID, list[uuid.UUID]]:
    """For each owner id, the ids it links in an association table (one query)."""
    found: dict[uuid.UUID, list[uuid.UUID]] = defaultdict(list)
    if ids:
        for owner_id, target_id in await session.execute(
            select(owner, target).where(owner.in_(ids)).order_by(owner, target)
        ):
            found[owner_id].append(target_id)
    return found


async def reads(session: AsyncSession, submissions: Sequence[Submission]) -> list[SubmissionRead]:
    """The API view of ``submissions``: bodies, measures and needs in three queries."""
    if not submissions:
        return []
    ids = {submission.id for submission in submissions}
    bodies = {
        body.id: body
        for body in await session.scalars(
            select(Body).where(Body.id.in_({submission.body_id for submission in submissions}))
        )
    }
    measures = await link_ids(
        session, submission_measures.c.submission_id, submission_measures.c.measure_id, ids
    )
    needs = await link_ids(session, submission_needs.c.submission_id, submission_needs.c.need_id, ids)
    return [
        SubmissionRead.model_validate(
            {
                **{
                    column: getattr(submission, column)
                    for column in SubmissionRead.model_fields
                    if hasattr(submission, column)
                },
                "body_name": bodies[submission.body_id].name,
                "body_short_name": bodies[submission.body_id].short_name,
                "measure_ids": measures[submission.id],
                "need_ids": needs[submission.id],
            }
        )
        for submission in submissions
    ]


async def get_submission(session: AsyncSession, user: User, submission_id: uuid.UUID) -> Submission:
    submission = await session.scalar(
        select(Submission).where(
            Submission.id == submission_id, Submission.deleted_at.is_(None), visible_submissions(user)
        )
    )
    if submission is None:
        raise NotFound("No submission with this id.")
    return submission


async def _check_may_edit(session: AsyncSession, user: User, body_id: uuid.UUID) -> None:
    if not (is_coordinator(user) or await leads_body(session, user, body_id)):
        raise Forbidden("Only coordinators and the body's spokespersons draft and submit its papers.")


def _check_coordinator(user: User, action: str) -> None:
    if not is_coordinator(user):
        raise Forbidden(f"Only coordinators {action}.")


async def _check_live_ids(
    session: AsyncSession, model: Any, ids: Iterable[uuid.UUID], field: str, what: str
) -> None:
    wanted = set(ids)
    if not wanted:
        return
    found = set(
        await session.scalars(select(model.id).where(model.id.in_(wanted), model.deleted_at.is_(None)))
    )
    missing = wanted - found
    if missing:
        raise FieldValidationError(
            field, f"No {what} with the id {sorted(map(str, missing))[0]}.", f"unknown_{what}"
        )


async def _set_links(
    session: AsyncSession, table: Any, submission_id: uuid.UUID, target: str, ids: list[uuid.UUID]
) -> None:
    await session.execute(delete(table).where(table.c.submission_id == submission_id))
    if ids:
        await session.execute(
            insert(table), [{"submission_id": submission_id, target: value} for value in dict.fromkeys(ids)]
        )


async def create_submission(session: AsyncSession, user: User, data: SubmissionCreate) -> Submission:
    body = await session.get(Body, data.body_id)
    if body is None or body.deleted_at is not None:
        raise FieldValidationError("body_id", "No body with this id.", "unknown_body")
    await _check_may_edit(session, user, data.body_id)
    await _check_live_ids(session, Measure, data.measure_ids, "measure_ids", "measure")
    await _check_live_ids(session, Need, data.need_ids, "need_ids", "need")
    submission = Submission(**data.model_dump(exclude={"measure_ids", "need_ids"}))
    session.add(submission)
    await session.flush()
    await _set_links(session, submission_measures, submission.id, "measure_id", data.measure_ids)
    await _set_links(session, submission_needs, submission.id, "need_id", data.need_ids)
    _audit(session, user, "submission.create", submission, fields=sorted(data.model_fields_set))
    return submission


def _audit(session: AsyncSession, user: User, action: str, submission: Submission, **details: Any) -> None:
    record_audit(
        session,
        actor_id=user.id,
        action=action,
        object_type="submission",
        object_id=submission.id,
        details=details,
    )


async def check_editable(session: AsyncSession, user: User, submission: Submission) -> None:
    """Papers are changed (text, links, attachments) as drafts or submitted, by those who submit them."""
    await _check_may_edit(session, user, submission.body_id)
    if submission.status not in EDITABLE:
        raise Conflict(f"A {submission.status} submission can no longer be changed.")


async def update_submission(
    session: AsyncSession, user: User, submission: Submission, data: SubmissionUpdate, *, if_match: str | None
) -> Submission:
    await check_editable(session, user, submission)
    check_if_match(if_match, submission)
    changes: dict[str, Any] = data.model_dump(exclude_unset=True)
    measure_ids = changes.pop("measure_ids", None)
    need_ids = changes.pop("need_ids", None)
    if measure_ids is not None:
        await _check_live_ids(session, Measure, measure_ids, "measure_ids", "measure")
    if need_ids is not None:
        await _check_live_ids(session, Need, need_ids, "need_ids", "need")
    for field, value in changes.items():
        setattr(submission, field, value)
    if measure_ids is not None:
        await _set_links(session, submission_measures, submission.id, "measure_id", measure_ids)
    if need_ids is not None:
        await _set_links(session, submission_needs, submission.id, "need_id", need_ids)
    submission.updated_at = datetime.now(UTC)
    await session.flush()
    _audit(session, user, "submission.update", submission, fields=sorted(data.model_fields_set))
    return submission


async def next_steering_meeting(session: AsyncSession, now: datetime) -> Meeting | None:
    return await session.scalar(
        select(Meeting)
        .join(Body, Body.id == Meeting.body_id)
        .where(
            Body.kind == "steering_group",
            Meeting.deleted_at.is_(None),
            Meeting.status.in_(OPEN_MEETING_STATUSES),
            Meeting.starts_at > now,
        )
        .order_by(Meeting.starts_at)
        .limit(1)
    )


def submission_deadline(settings: Settings, meeting: Meeting) -> date:
    """Papers are due ``submission_deadline_weeks`` before the meeting's day (inclusive)."""
    return meeting.starts_at.astimezone(BERLIN).date() - timedelta(weeks=settings.submission_deadline_weeks)


async def submit(
    session: AsyncSession,
    settings: Settings,
    user: User,
    submission: Submission,
    data: SubmitRequest,
    *,
    if_match: str | None,
) -> Submission:
    await _check_may_edit(session, user, submission.body_id)
    check_if_match(if_match, submission)
    if submission.status != "draft":
        raise Conflict(f"Only drafts are submitted; this submission is {submission.status}.")
    if not submission.proposed_resolution.strip() and submission.kind != "report":
        raise FieldValidationError(
            "proposed_resolution", "A request or recommendation needs a proposed resolution.", "required"
        )
    now = datetime.now(UTC)
    meeting = await next_steering_meeting(session, now)
    late_reason = data.late_reason.strip()
    if meeting is not None and now.astimezone(BERLIN).date() > (
        deadline := submission_deadline(settings, meeting)
    ):
        if not is_coordinator(user):
            day = meeting.starts_at.astimezone(BERLIN)
            raise Conflict(
                f"The deadline for the steering meeting on {day:%Y-%m-%d} was {deadline.isoformat()}; "
                "only a coordinator can accept a late submission."
            )
        if not late_reason:
            raise FieldValidationError(
                "late_reason",
                f"The deadline was {deadline.isoformat()}; say why the late submission is accepted.",
                "late_reason_required",
            )
        submission.late_reason = late_reason
    submission.reference = await next_reference(session, "SG", now.year)
    submission.status = "submitted"
    submission.submitted_at = now
    await session.flush()
    _audit(
        session,
        user,
        "submission.submit",
        submission,
        reference=submission.reference,
        late=bool(submission.late_reason),
    )
    return submission


async def withdraw(
    session: AsyncSession, user: User, submission: Submission, *, if_match: str | None
) -> Submission:
    await _check_may_edit(session, user, submission.body_id)
    check_if_match(if_match, submission)
    if submission.status not in WITHDRAWABLE:
        raise Conflict(f"A {submission.status} submission cannot be withdrawn.")
    previous = submission.status
    submission.status = "withdrawn"
    await session.flush()
    _audit(session, user, "submission.withdraw", submission, previous=previous)
    return submission


async def put_on_agenda(session: AsyncSession, meeting_id: uuid.UUID, submission: Submission) -> AgendaItem:
    """The paper's agenda item, at the end of the meeting's agenda."""
    return await append_agenda_item(
        session,
        meeting_id,
        title=f"{submission.reference} {submission.title}"[:300],
        kind="submission",
        submission_id=submission.id,
    )


async def schedule(
    session: AsyncSession, user: User, submission: Submission, meeting_id: uuid.UUID, *, if_match: str | None
) -> Submission:
    _check_coordinator(user, "schedule submissions")
    check_if_match(if_match, submission)
    if submission.status != "submitted":
        raise Conflict(f"Only submitted papers are scheduled; this submission is {submission.status}.")
    meeting = await session.scalar(
        select(Meeting)
        .join(Body, Body.id == Meeting.body_id)
        .where(Meeting.id == meeting_id, Meeting.deleted_at.is_(None), Body.kind == "steering_group")
    )
    if meeting is None:
        raise FieldValidationError("meeting_id", "No steering-group meeting with this id.", "unknown_meeting")
    if meeting.status not in OPEN_MEETING_STATUSES:
        raise FieldValidationError(
            "meeting_id",
            f"The meeting is {meeting.status}; papers go on planned or invited meetings.",
            "meeting_closed",
        )
    item = await put_on_agenda(session, meeting.id, submission)
    submission.status = "scheduled"
    submission.meeting_id = meeting.id
    await session.flush()
    _audit(
        session,
        user,
        "submission.schedule",
        submission,
        meeting_id=str(meeting.id),
        agenda_item_id=str(item.id),
    )
    return submission


async def _check_addressee(session: AsyncSession, index: int, directive: DirectiveIssue) -> None:
    prefix = f"directives.{index}"
    body_id, organisation_id = directive.addressee_body_id, directive.addressee_organisation_id
    expected = {"body": (True, False), "organisation": (False, True), "office": (False, False)}
    if (body_id is not None, organisation_id is not None) != expected[directive.addressee_kind]:
        raise FieldValidationError(
            f"{prefix}.addressee_kind",
            "Name a body for addressee_kind body, an organisation for organisation, neither for office.",
            "addressee_mismatch",
        )
    if body_id is not None:
        await _check_live_ids(session, Body, [body_id], f"{prefix}.addressee_body_id", "body")
    if organisation_id is not None:
        await _check_live_ids(
            session, Organisation, [organisation_id], f"{prefix}.addressee_organisation_id", "organisation"
        )
    await _check_live_ids(session, Measure, directive.measure_ids, f"{prefix}.measure_ids", "measure")


async def decide(
    session: AsyncSession, user: User, submission: Submission, data: DecisionRecord, *, if_match: str | None
) -> list[Directive]:
    _check_coordinator(user, "record decisions")
    check_if_match(if_match, submission)
    if submission.status != "scheduled":
        raise Conflict(f"Only scheduled papers are decided; this submission is {submission.status}.")
    resolution = data.resolution.strip()
    if data.outcome in RESOLUTION_REQUIRED and not resolution:
        raise FieldValidationError("resolution", "Record the resolution text of the decision.", "required")
    if data.directives and data.outcome in {"deferred", "rejected"}:
        raise FieldValidationError(
            "directives", f"A {data.outcome} submission issues no directives.", "no_directives"
        )
    for index, issued in enumerate(data.directives):
        await _check_addressee(session, index, issued)
    now = datetime.now(UTC)
    submission.outcome = data.outcome
    submission.resolution = resolution
    submission.votes_for, submission.votes_against, submission.abstentions = (
        data.votes_for,
        data.votes_against,
        data.abstentions,
    )
    submission.decided_at = now
    submission.decided_meeting_id = submission.meeting_id
    if data.outcome == "deferred":
        submission.status = "submitted"
        submission.meeting_id = None
    else:
        submission.status = "decided"
    directives = [
        Directive(
            submission_id=submission.id,
            **issued.model_dump(exclude={"measure_ids"}),
        )
        for issued in data.directives
    ]
    session.add_all(directives)
    await session.flush()
    for directive, issued in zip(directives, data.directives, strict=True):
        if issued.measure_ids:
            await session.execute(
                insert(directive_measures),
                [
                    {"directive_id": directive.id, "measure_id": value}
                    for value in dict.fromkeys(issued.measure_ids)
                ],
            )
        record_audit(
            session,
            actor_id=user.id,
            action="directive.create",
            object_type="directive",
            object_id=directive.id,
            details={"submission_id": str(submission.id)},
        )
    _audit(session, user, "submission.decide", submission, outcome=data.outcome, directives=len(directives))
    return directives


async def spokesperson_addresses(
    session: AsyncSession, body_ids: set[uuid.UUID]
) -> dict[uuid.UUID, set[str]]:
    """The e-mail addresses of each body's current spokespersons and deputies (one query)."""
    found: dict[uuid.UUID, set[str]] = {body_id: set() for body_id in body_ids}
    if not body_ids:
        return found
    rows = await session.execute(
        select(Membership.body_id, Member.email)
        .join(Member, Member.id == Membership.member_id)
        .where(
            Membership.body_id.in_(body_ids),
            Membership.role.in_(SPOKESPERSON_ROLES),
            current_membership(today()),
            Member.deleted_at.is_(None),
            Member.email.is_not(None),
        )
    )
    for body_id, email in rows:
        if email:
            found[body_id].add(email)
    return found


async def outcome_mails(session: AsyncSession, settings: Settings, submission: Submission) -> list[Mail]:
    """One mail to each current spokesperson of the submitting body with an address."""
    addresses = (await spokesperson_addresses(session, {submission.body_id}))[submission.body_id]
    label = OUTCOME_LABELS[submission.outcome or "noted"]
    link = f"{settings.base_url.rstrip('/')}/vorlagen/{submission.id}"
    body = (
        f"Guten Tag,\n\ndie Steuerungsgruppe hat über die Vorlage {submission.reference} "
        f"„{submission.title}“ beraten: {label}.\n\n"
        + (f"Beschluss:\n{submission.resolution}\n\n" if submission.resolution else "")
        + f"Die Vorlage und etwaige Handlungsanweisungen finden Sie unter {link}\n\n{settings.office_name}\n"
    )
    return [
        Mail(
            to=address,
            subject=f"Beschluss zur Vorlage {submission.reference}: {label}",
            body=body,
            purpose="submission.outcome",
        )
        for address in sorted(addresses)
    ]


async def delete_submission(
    session: AsyncSession, user: User, submission: Submission, *, if_match: str | None
) -> None:
    await _check_may_edit(session, user, submission.body_id)
    check_if_match(if_match, submission)
    if submission.status != "draft":
        raise Conflict("Only drafts are deleted; withdraw a submitted paper instead.")
    submission.deleted_at = datetime.now(UTC)
    await session.flush()
    _audit(session, user, "submission.delete", submission)
