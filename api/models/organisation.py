from __future__ import annotations

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from api.models.base import Base, ResourceMixin, SoftDeleteMixin

ORGANISATION_KINDS = (
    "public_authority",
    "welfare_association",
    "education_provider",
    "migrant_organisation",
    "association_initiative",
    "religious_community",
    "company_chamber",
    "other",
)
MUNICIPALITIES = (
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
)


class Organisation(ResourceMixin, SoftDeleteMixin, Base):
    """A Netzwerkpartner: an institution members belong to or act for."""

    __tablename__ = "organisations"

    name: Mapped[str] = mapped_column(String(200), index=True)
    short_name: Mapped[str | None] = mapped_column(String(50), default=None)
    kind: Mapped[str] = mapped_column(String(32), index=True)
    street: Mapped[str | None] = mapped_column(String(200), default=None)
    postal_code: Mapped[str | None] = mapped_column(String(5), default=None)
    city: Mapped[str | None] = mapped_column(String(100), default=None)
    municipality: Mapped[str | None] = mapped_column(String(64), default=None, index=True)
    website: Mapped[str | None] = mapped_column(String(300), default=None)
    email: Mapped[str | None] = mapped_column(String(254), default=None)
    phone: Mapped[str | None] = mapped_column(String(50), default=None)
