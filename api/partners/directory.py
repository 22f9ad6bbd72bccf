"""Partner systems and the directory: organisations, and only the members who consented.

A member appears while they consent to ``directory_listing``, with e-mail and phone only while they
also consent to ``contact_sharing`` (the same rules as the member directory). Recording a consent
touches the member, so a withdrawal reaches a syncing partner as a tombstone at once."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends

from api.consents.repository import consent_given
from api.core.db import DbSession
from api.core.errors import problem_responses
from api.core.sync import SyncPage, SyncQuery, fetch_sync_page
from api.members.schemas import MemberPublicRead
from api.members.service import public_reads
from api.models import Member, Organisation
from api.organisations.schemas import OrganisationRead
from api.partners.access import Partner, require_scope

router = APIRouter(prefix="/api/v1/partner", tags=["partner"], responses=problem_responses(401, 403, 429))
DirectoryReader = Annotated[Partner, Depends(require_scope("directory:read"))]


class PartnerMemberPage(SyncPage[MemberPublicRead]):
    pass


class PartnerOrganisationPage(SyncPage[OrganisationRead]):
    pass


@router.get("/members", response_model=PartnerMemberPage, responses=problem_responses(422))
async def sync_members(session: DbSession, _partner: DirectoryReader, params: SyncQuery) -> PartnerMemberPage:
    """The members who consent to being listed (scope `directory:read`), contact data only where
    they consent to sharing it. With `modified_since`, the changes since then; members deleted or
    no longer consenting as tombstones."""
    listed = Member.deleted_at.is_(None) & consent_given("directory_listing")
    result = await fetch_sync_page(session, Member, listed, params)
    return PartnerMemberPage(
        items=await public_reads(session, result.items),
        tombstones=result.tombstones,
        next_cursor=result.next_cursor,
        next_modified_since=result.next_modified_since,
    )


@router.get("/organisations", response_model=PartnerOrganisationPage, responses=problem_responses(422))
async def sync_organisations(
    session: DbSession, _partner: DirectoryReader, params: SyncQuery
) -> PartnerOrganisationPage:
    """The organisations of the network (scope `directory:read`); with `modified_since`, the
    changes since then and deleted ones as tombstones."""
    result = await fetch_sync_page(session, Organisation, Organisation.deleted_at.is_(None), params)
    return PartnerOrganisationPage.model_validate(result, from_attributes=True)
