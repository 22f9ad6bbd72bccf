"""All models, imported here so that Alembic and the tests see the whole metadata."""

from api.models.audit import AuditEvent
from api.models.base import Base
from api.models.body import Body
from api.models.consent import ConsentRecord
from api.models.idempotency import IdempotencyRecord
from api.models.joining import JoinRequest, RateLimitHit
from api.models.meeting import AgendaItem, Attachment, Attendance, CalendarToken, Meeting, Registration
from api.models.member import Member, Membership
from api.models.offer import Need, Offer
from api.models.organisation import Organisation
from api.models.user import AuthSession, LoginFailure, User

__all__ = [
    "AgendaItem",
    "Attachment",
    "Attendance",
    "AuditEvent",
    "AuthSession",
    "Base",
    "Body",
    "CalendarToken",
    "ConsentRecord",
    "IdempotencyRecord",
    "JoinRequest",
    "LoginFailure",
    "Meeting",
    "Member",
    "Membership",
    "Need",
    "Offer",
    "Organisation",
    "RateLimitHit",
    "Registration",
    "User",
]
