"""All models, imported here so that Alembic and the tests see the whole metadata."""

from api.models.audit import AuditEvent
from api.models.base import Base
from api.models.body import Body
from api.models.concept import ConceptEdition, FieldOfAction, Goal, field_of_action_bodies
from api.models.consent import ConsentRecord, CurrentConsent
from api.models.idempotency import IdempotencyRecord
from api.models.joining import JoinRequest, RateLimitHit
from api.models.measure import (
    Indicator,
    Measure,
    MeasureOrganisation,
    Milestone,
    ReferenceCounter,
    measure_goals,
    measure_needs,
)
from api.models.meeting import AgendaItem, Attachment, Attendance, CalendarToken, Meeting, Registration
from api.models.member import Member, Membership
from api.models.offer import Need, Offer
from api.models.organisation import Organisation
from api.models.partner import ApiClient
from api.models.submission import (
    Directive,
    SentReminder,
    Submission,
    directive_measures,
    submission_measures,
    submission_needs,
)
from api.models.user import AuthSession, LoginFailure, User
from api.models.webhook import WebhookDelivery, WebhookSubscription

__all__ = [
    "AgendaItem",
    "ApiClient",
    "Attachment",
    "Attendance",
    "AuditEvent",
    "AuthSession",
    "Base",
    "Body",
    "CalendarToken",
    "ConceptEdition",
    "ConsentRecord",
    "CurrentConsent",
    "Directive",
    "FieldOfAction",
    "Goal",
    "IdempotencyRecord",
    "Indicator",
    "JoinRequest",
    "LoginFailure",
    "Measure",
    "MeasureOrganisation",
    "Meeting",
    "Member",
    "Membership",
    "Milestone",
    "Need",
    "Offer",
    "Organisation",
    "RateLimitHit",
    "ReferenceCounter",
    "Registration",
    "SentReminder",
    "Submission",
    "User",
    "WebhookDelivery",
    "WebhookSubscription",
    "directive_measures",
    "field_of_action_bodies",
    "measure_goals",
    "measure_needs",
    "submission_measures",
    "submission_needs",
]
