"""RFC 9457 problem details: one error hierarchy, one response shape."""

from __future__ import annotations

from typing import Any, ClassVar

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from sqlalchemy.orm.exc import StaleDataError
from starlette.exceptions import HTTPException as StarletteHTTPException

from api.core.context import request_id_var

PROBLEM_JSON = "application/problem+json"


def problem_type(slug: str) -> str:
    return f"urn:netzwerk:problem:{slug}"


class FieldError(BaseModel):
    location: str = Field(description="body, query, path or header")
    field: str = Field(description="Dotted path of the field within its location")
    message: str
    code: str
    context: dict[str, str | int | float] | None = Field(
        default=None, description="Limits of the rule that failed, e.g. max_length"
    )


class Problem(BaseModel):
    """An RFC 9457 problem details body."""

    type: str
    title: str
    status: int
    detail: str | None = None
    request_id: str | None = None
    errors: list[FieldError] | None = None
    retry_after: int | None = None


class AppError(Exception):
    status: ClassVar[int] = 400
    slug: ClassVar[str] = "bad-request"
    title: ClassVar[str] = "Bad request"
    keep_writes: ClassVar[bool] = False

    def __init__(
        self,
        detail: str | None = None,
        *,
        headers: dict[str, str] | None = None,
        errors: list[FieldError] | None = None,
    ) -> None:
        super().__init__(detail or self.title)
        self.detail = detail
        self.headers = headers or {}
        self.errors = errors

    def extra(self) -> dict[str, Any]:
        return {"errors": self.errors} if self.errors else {}


class Unauthenticated(AppError):
    status = 401
    slug = "unauthenticated"
    title = "Authentication required"

    def __init__(self, detail: str = "Missing, invalid or expired credentials.") -> None:
        super().__init__(detail, headers={"WWW-Authenticate": "Bearer"})


class InvalidCredentials(Unauthenticated):
    keep_writes = True

    def __init__(self) -> None:
        super().__init__("E-mail or password is wrong.")


class InvalidClient(Unauthenticated):
    """A refused client-credentials request; the audit row of the attempt is kept."""

    keep_writes = True

    def __init__(self) -> None:
        super().__init__("Unknown client, wrong secret or revoked client.")


class FieldValidationError(AppError):
    """A 422 found by business rules rather than by the schema, pointing at a field (of the body,
    unless ``location`` says otherwise)."""

    status = 422
    slug = "validation-error"
    title = "Validation error"

    def __init__(self, field: str, message: str, code: str, location: str = "body") -> None:
        super().__init__(
            "The request contains invalid fields.",
            errors=[FieldError(location=location, field=field, message=message, code=code)],
        )


class Forbidden(AppError):
    status = 403
    slug = "forbidden"
    title = "Forbidden"
    keep_writes = True


class NotFound(AppError):
    status = 404
    slug = "not-found"
    title = "Not found"


class Conflict(AppError):
    status = 409
    slug = "conflict"
    title = "Conflict"


class PreconditionFailed(AppError):
    status = 412
    slug = "precondition-failed"
    title = "Precondition failed"

    def __init__(
        self, detail: str = "The resource was changed by someone else; reload it and try again."
    ) -> None:
        super().__init__(detail)


class PreconditionRequired(AppError):
    status = 428
    slug = "precondition-required"
    title = "Precondition required"

    def __init__(self) -> None:
        super().__init__("Send the ETag of the resource in an If-Match header.")


class PayloadTooLarge(AppError):
    status = 413
    slug = "payload-too-large"
    title = "Payload too large"


class IdempotencyKeyReused(AppError):
    status = 422
    slug = "idempotency-key-reused"
    title = "Idempotency key reused"

    def __init__(self) -> None:
        super().__init__("This Idempotency-Key was already used with a different request.")


class IdempotencyKeyInProgress(AppError):
    status = 409
    slug = "idempotency-key-in-progress"
    title = "Request with this idempotency key is still in progress"


class TooManyRequests(AppError):
    status = 429
    slug = "too-many-requests"
    title = "Too many requests"
    keep_writes = True

    def __init__(self, retry_after: int, detail: str = "Too many attempts; try again later.") -> None:
        super().__init__(detail, headers={"Retry-After": str(retry_after)})
        self.retry_after = retry_after

    def extra(self) -> dict[str, Any]:
        return super().extra() | {"retry_after": self.retry_after}


def problem_response(
    status: int,
    slug: str,
    title: str,
    detail: str | None = None,
    *,
    headers: dict[str, str] | None = None,
    **extra: Any,
) -> JSONResponse:
    body = Problem(
        type=problem_type(slug),
        title=title,
        status=status,
        detail=detail,
        request_id=request_id_var.get(),
        **extra,
    )
    return JSONResponse(
        body.model_dump(exclude_none=True),
        status_code=status,
        headers=headers,
        media_type=PROBLEM_JSON,
    )


def app_error_response(error: AppError) -> JSONResponse:
    return problem_response(
        error.status, error.slug, error.title, error.detail, headers=error.headers, **error.extra()
    )


HTTP_SLUGS = {
    400: ("bad-request", "Bad request"),
    401: ("unauthenticated", "Authentication required"),
    403: ("forbidden", "Forbidden"),
    404: ("not-found", "Not found"),
    405: ("method-not-allowed", "Method not allowed"),
    406: ("not-acceptable", "Not acceptable"),
    413: ("payload-too-large", "Payload too large"),
    415: ("unsupported-media-type", "Unsupported media type"),
}


def _field_errors(error: RequestValidationError) -> list[FieldError]:
    result = []
    for item in error.errors():
        location, *path = [str(part) for part in item.get("loc", ("body",))]
        result.append(
            FieldError(
                location=location,
                field=".".join(path),
                message=str(item.get("msg", "Invalid value")),
                code=str(item.get("type", "invalid")),
                context={
                    key: value
                    for key, value in (item.get("ctx") or {}).items()
                    if isinstance(value, str | int | float) and not isinstance(value, bool)
                }
                or None,
            )
        )
    return result


def internal_error_response() -> JSONResponse:
    return problem_response(
        500,
        "internal-error",
        "Internal error",
        "Ein interner Fehler ist aufgetreten. / An internal error occurred. "
        "Please quote the request id when you report it.",
    )


def _allowed_methods(request: Request) -> list[str]:
    """All methods of all routes on this path (Starlette names only the first route's)."""
    methods: set[str] = set()
    for pattern, route_methods in request.app.state.route_methods:
        if pattern.match(request.url.path):
            methods |= route_methods
    return sorted(methods)


def install_error_handlers(app: FastAPI) -> None:
    async def on_app_error(_request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, AppError)
        return app_error_response(exc)

    async def on_validation_error(_request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, RequestValidationError)
        return problem_response(
            422,
            "validation-error",
            "Validation error",
            "The request contains invalid fields.",
            errors=_field_errors(exc),
        )

    async def on_http_error(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, StarletteHTTPException)
        slug, title = HTTP_SLUGS.get(exc.status_code, ("http-error", "HTTP error"))
        detail = exc.detail if isinstance(exc.detail, str) and exc.detail.lower() != title.lower() else None
        headers = dict(exc.headers or {})
        if exc.status_code == 405:
            headers["Allow"] = ", ".join(_allowed_methods(request))
        return problem_response(exc.status_code, slug, title, detail, headers=headers)

    async def on_stale_data(_request: Request, _exc: Exception) -> JSONResponse:
        return app_error_response(PreconditionFailed())

    app.add_exception_handler(AppError, on_app_error)
    app.add_exception_handler(RequestValidationError, on_validation_error)
    app.add_exception_handler(StarletteHTTPException, on_http_error)
    app.add_exception_handler(StaleDataError, on_stale_data)


def problem_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """The ``responses=`` entry for a route; the OpenAPI builder files them under problem+json."""
    return {status: {"model": Problem, "description": _DESCRIPTIONS[status]} for status in statuses}


_DESCRIPTIONS = {
    400: "Bad request",
    401: "Not authenticated: missing, invalid or expired token",
    403: "Authenticated, but the role does not allow this",
    404: "Not found, or not visible to the caller",
    409: "Conflict with the current state",
    412: "If-Match does not match the current ETag",
    413: "Request body too large",
    422: "Invalid input; the field list says what is wrong",
    428: "If-Match header missing",
    429: "Too many requests; see Retry-After",
    503: "Not ready: the database is unreachable",
}
