"""All models, imported here so that Alembic and the tests see the whole metadata."""

from api.models.audit import AuditEvent
from api.models.base import Base
from api.models.body import Body
from api.models.idempotency import IdempotencyRecord
from api.models.member import Member, Membership
from api.models.organisation import Organisation
from api.models.user import AuthSession, LoginFailure, User

__all__ = [
    "AuditEvent",
    "AuthSession",
    "Base",
    "Body",
    "IdempotencyRecord",
    "LoginFailure",
    "Member",
    "Membership",
    "Organisation",
    "User",
]
