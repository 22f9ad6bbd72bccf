from __future__ import annotations

import uuid
from datetime import datetime
from typing import Literal

from pydantic import MISSING, BaseModel, ConfigDict

from api.core.fields import Email, Line50, Line100, Line200, Phone, PostalCode, Website
from api.core.pagination import Page

OrganisationKind = Literal[
    "public_authority",
    "welfare_association",
    "education_provider",
    "migrant_organisation",
    "association_initiative",
    "religious_community",
    "company_chamber",
    "other",
]
# The municipalities (Einheits- and Samtgemeinden) of Landkreis Gifhorn.
Municipality = Literal[
    "Stadt Gifhorn",
    "Stadt Wittingen",
    "Gemeinde Sassenburg",
    "Samtgemeinde Boldecker Land",
    "Samtgemeinde Brome",
    "Samtgemeinde Hankensbüttel",
    "Samtgemeinde Isenbüttel",
    "Samtgemeinde Meinersen",
    "Samtgemeinde Papenteich",
    "Samtgemeinde Wesendorf",
]
OrganisationSort = Literal["name", "-name", "created_at", "-created_at", "updated_at", "-updated_at"]


class OrganisationRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    name: str
    short_name: str | None
    kind: OrganisationKind
    street: str | None
    postal_code: str | None
    city: str | None
    municipality: Municipality | None
    website: str | None
    email: str | None
    phone: str | None
    created_at: datetime
    updated_at: datetime
    version: int


class OrganisationCreate(BaseModel):
    name: Line200
    short_name: Line50 | None = None
    kind: OrganisationKind
    street: Line200 | None = None
    postal_code: PostalCode | None = None
    city: Line100 | None = None
    municipality: Municipality | None = None
    website: Website | None = None
    email: Email | None = None
    phone: Phone | None = None


class OrganisationUpdate(BaseModel):
    """Only the fields sent are changed; `name` and `kind` may not be null, the others may."""

    name: Line200 | MISSING = MISSING
    short_name: Line50 | MISSING | None = MISSING
    kind: OrganisationKind | MISSING = MISSING
    street: Line200 | MISSING | None = MISSING
    postal_code: PostalCode | MISSING | None = MISSING
    city: Line100 | MISSING | None = MISSING
    municipality: Municipality | MISSING | None = MISSING
    website: Website | MISSING | None = MISSING
    email: Email | MISSING | None = MISSING
    phone: Phone | MISSING | None = MISSING


class OrganisationPage(Page[OrganisationRead]):
    pass
