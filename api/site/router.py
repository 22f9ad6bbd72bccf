from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel, Field

from api.core.deps import AppSettings

router = APIRouter(prefix="/api/v1/site", tags=["site"])


class SiteInfo(BaseModel):
    site_name: str
    county_name: str
    office_name: str = Field(description="The coordination office, as in the letterhead of documents")
    accessibility_contact_email: str
    imprint_url: str
    privacy_url: str
    privacy_text_version: str = Field(
        description="Version of the privacy notice; the join form sends it with the consent"
    )


@router.get("", response_model=SiteInfo)
async def get_site(settings: AppSettings) -> SiteInfo:
    """Public facts the browser app shows: names, legal links, accessibility contact."""
    return SiteInfo(
        site_name=settings.site_name,
        county_name=settings.county_name,
        office_name=settings.office_name,
        accessibility_contact_email=settings.accessibility_contact_email,
        imprint_url=settings.imprint_url,
        privacy_url=settings.privacy_url,
        privacy_text_version=settings.privacy_text_version,
    )
