"""The application factory: settings, database, middleware, routers, errors, the browser app."""

from __future__ import annotations

import inspect
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import timedelta
from typing import Any

from fastapi import FastAPI, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import Response
from fastapi.routing import APIRoute
from starlette.exceptions import HTTPException as StarletteHTTPException

from api.attachments.router import large_body_routes
from api.attachments.router import router as attachments_router
from api.audit.router import router as audit_router
from api.auth.router import router as auth_router
from api.bodies.router import public_working_groups_router, working_groups_router
from api.bodies.router import router as bodies_router
from api.calendars.router import router as calendars_router
from api.concept.router import public_router as public_concept_router
from api.concept.router import router as concept_router
from api.consents.router import router as consents_router
from api.core.config import Settings
from api.core.db import create_engine, create_sessionmaker
from api.core.errors import install_error_handlers
from api.core.idempotency import IdempotencyMiddleware
from api.core.logging import configure_logging
from api.core.middleware import BodySizeLimitMiddleware, RequestContextMiddleware
from api.core.openapi import build_openapi
from api.core.spa import SpaFiles
from api.dashboard.router import router as dashboard_router
from api.exports.router import router as exports_router
from api.health.router import router as health_router
from api.imports.router import router as imports_router
from api.intranet.router import admin_router as intranet_router
from api.intranet.router import partner_router as partner_intranet_router
from api.invitations.router import router as invitations_router
from api.joining.router import router as joining_router
from api.measures.router import router as measures_router
from api.meetings.router import router as meetings_router
from api.members.router import router as members_router
from api.memberships.router import router as memberships_router
from api.needs.router import router as needs_router
from api.offers.router import public_router as public_offers_router
from api.offers.router import router as offers_router
from api.oparl.cors import OParlCorsMiddleware
from api.oparl.router import router as oparl_router
from api.organisations.router import router as organisations_router
from api.partners.directory import router as partner_directory_router
from api.partners.measures import router as partner_measures_router
from api.partners.meetings import router as partner_meetings_router
from api.partners.offers import router as partner_offers_router
from api.partners.router import router as api_clients_router
from api.privacy.router import router as privacy_router
from api.registrations.router import router as registrations_router
from api.reports.router import router as reports_router
from api.site.router import router as site_router
from api.submissions.router import directives_router
from api.submissions.router import router as submissions_router
from api.users.router import router as users_router
from api.webhooks import outbox as _webhook_outbox  # noqa: F401 - writes the outbox on commit
from api.webhooks.router import admin_router as webhooks_router
from api.webhooks.router import partner_router as partner_webhooks_router

API_VERSION = "1.0.0"


def _operation_id(route: APIRoute) -> str:
    return route.name


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or Settings()
    configure_logging(settings.log_level)
    settings.signing_key  # noqa: B018 - fail at start-up, not at the first login
    engine = create_engine(settings.effective_database_url)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        await engine.dispose()

    app = FastAPI(
        title="Netzwerk Integration API",
        version=API_VERSION,
        description="Working platform of the Netzwerk Integration, Landkreis Gifhorn.",
        docs_url=None,
        redoc_url=None,
        openapi_url="/api/v1/openapi.json",
        generate_unique_id_function=_operation_id,
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.engine = engine
    app.state.sessionmaker = create_sessionmaker(engine)

    routers = (
        health_router,
        auth_router,
        users_router,
        audit_router,
        organisations_router,
        members_router,
        bodies_router,
        working_groups_router,
        public_working_groups_router,
        memberships_router,
        consents_router,
        joining_router,
        imports_router,
        exports_router,
        intranet_router,
        partner_intranet_router,
        privacy_router,
        site_router,
        offers_router,
        public_offers_router,
        oparl_router,
        needs_router,
        concept_router,
        public_concept_router,
        measures_router,
        attachments_router,
        meetings_router,
        invitations_router,
        calendars_router,
        registrations_router,
        dashboard_router,
        submissions_router,
        directives_router,
        reports_router,
        api_clients_router,
        partner_meetings_router,
        partner_offers_router,
        partner_measures_router,
        partner_directory_router,
        partner_webhooks_router,
        webhooks_router,
    )
    for router in routers:
        app.include_router(router)
    app.state.route_methods = [
        (route.path_regex, route.methods)
        for router in routers
        for route in router.routes
        if isinstance(route, APIRoute)
    ]

    install_error_handlers(app)
    _serve_spa(app, SpaFiles(settings.spa_dir))

    # Added innermost first: the request context wraps everything, so every response has its headers.
    app.add_middleware(IdempotencyMiddleware, retention=timedelta(hours=settings.idempotency_hours))
    app.add_middleware(
        BodySizeLimitMiddleware,
        max_bytes=settings.max_body_bytes,
        large_bodies=large_body_routes(settings),
    )
    app.add_middleware(
        CORSMiddleware,
        allow_origins=settings.cors_origins,
        allow_credentials=True,
        allow_methods=["GET", "POST", "PUT", "PATCH", "DELETE"],
        allow_headers=["Authorization", "Content-Type", "If-Match", "Idempotency-Key", "X-Request-ID"],
        expose_headers=["ETag", "Location", "Retry-After", "X-Request-ID"],
    )
    app.add_middleware(OParlCorsMiddleware)  # outside CORSMiddleware: "*" on /oparl/ only
    app.add_middleware(RequestContextMiddleware)

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            app.openapi_schema = build_openapi(app)
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
    return app


def _serve_spa(app: FastAPI, spa: SpaFiles) -> None:
    """Unknown GET paths outside the API go to the browser app (history fallback)."""
    problem_handler = app.exception_handlers[StarletteHTTPException]

    async def not_found_or_spa(request: Request, exc: Exception) -> Response:
        if isinstance(exc, StarletteHTTPException) and exc.status_code == 404:
            spa_response = spa.response_for(request.method, request.url.path)
            if spa_response is not None:
                return spa_response
        problem = problem_handler(request, exc)
        return await problem if inspect.isawaitable(problem) else problem

    app.add_exception_handler(StarletteHTTPException, not_found_or_spa)


def __getattr__(name: str) -> FastAPI:
    """``api.main:app`` is built on first access, so importing this module has no side effects."""
    if name == "app":
        return create_app()
    raise AttributeError(name)
