from __future__ import annotations

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from api.models.base import Base, ResourceMixin, SoftDeleteMixin

BODY_KINDS = ("working_group", "steering_group", "network")
CADENCES = ("quarterly", "half_yearly", "yearly")


class Body(ResourceMixin, SoftDeleteMixin, Base):
    """A Gremium: a working group, the steering group or the network plenary."""

    __tablename__ = "bodies"

    kind: Mapped[str] = mapped_column(String(32), index=True)
    name: Mapped[str] = mapped_column(String(200))
    short_name: Mapped[str] = mapped_column(String(32), unique=True)
    description: Mapped[str] = mapped_column(Text, default="")
    guiding_question: Mapped[str] = mapped_column(Text, default="")
    cadence: Mapped[str] = mapped_column(String(16))
    founded_year: Mapped[int | None] = mapped_column(default=None)
