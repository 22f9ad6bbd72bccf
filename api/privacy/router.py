from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Response

from api.core.concurrency import IfMatch, set_etag
from api.core.db import DbSession
from api.core.deps import AdminUser
from api.core.errors import problem_responses
from api.core.fields import SINGLE_LINE
from api.privacy import service
from api.privacy.schemas import ErasureRequest, ErasureResult, MemberDataExport

router = APIRouter(prefix="/api/v1/privacy", tags=["privacy"], responses=problem_responses(401, 403))

ExportReason = Annotated[
    str,
    Query(
        min_length=5,
        max_length=500,
        pattern=SINGLE_LINE,
        description="Why the data is exported (e.g. the request's date); logged. Must not name the person.",
    ),
]


@router.get(
    "/members/{member_id}/export",
    response_model=MemberDataExport,
    responses=problem_responses(404, 422),
)
async def export_member_data(
    member_id: uuid.UUID, reason: ExportReason, session: DbSession, admin: AdminUser, response: Response
) -> MemberDataExport:
    """Art. 15 DSGVO: everything held about a member, as a JSON attachment (admin only).

    Deleted and erased members are included. The export is logged with its reason.
    """
    member = await service.get_any_member(session, member_id)
    result = await service.export_member_data(session, member, reason=reason.strip(), actor_id=admin.id)
    response.headers["Content-Disposition"] = f'attachment; filename="Auskunft-Art15-{member.id}.json"'
    return result


@router.post(
    "/members/{member_id}/erase",
    response_model=ErasureResult,
    responses=problem_responses(404, 409, 412, 413, 422, 428),
)
async def erase_member(
    member_id: uuid.UUID,
    data: ErasureRequest,
    session: DbSession,
    admin: AdminUser,
    response: Response,
    if_match: IfMatch = None,
) -> ErasureResult:
    """Art. 17 DSGVO: erase a member's personal data (admin only; `If-Match` with the member's ETag).

    Names become the pseudonym "ehemaliges Mitglied"; title, e-mail, phone, function, languages
    and internal notes are cleared; the member leaves the lists and searches (status `left`,
    soft-deleted). Memberships stay as history (open ones end today). A linked account is
    deactivated, its sessions ended, its e-mail and name scrubbed. Join requests of the person are
    scrubbed too. The audit row holds the reason and counts, never the erased values.
    """
    member = await service.get_any_member(session, member_id)
    result = await service.erase_member(
        session, member, reason=data.reason, if_match=if_match, actor_id=admin.id
    )
    set_etag(response, member)
    return ErasureResult.model_validate(result)
