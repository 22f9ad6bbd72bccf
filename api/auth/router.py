from __future__ import annotations

import base64
import binascii
from typing import Annotated
from urllib.parse import unquote_plus

from fastapi import APIRouter, Cookie, Depends, Form, Header, Request, Response, status

from api.auth import service
from api.auth.schemas import PasswordChange, ProfileUpdate, TokenForm, TokenResponse
from api.core.concurrency import IfMatch, set_etag
from api.core.config import Settings
from api.core.db import DbSession
from api.core.deps import AppSettings, CurrentPrincipal, CurrentUser, oauth2_scheme
from api.core.errors import FieldValidationError, problem_responses
from api.core.security import InvalidToken, decode_access_token, split_refresh_token
from api.partners import service as partners
from api.users.schemas import UserRead

REFRESH_COOKIE = "netzwerk_refresh"
COOKIE_PATH = "/api/v1/auth"

router = APIRouter(prefix="/api/v1/auth", tags=["auth"])


def _token_response(response: Response, settings: Settings, tokens: service.IssuedTokens) -> TokenResponse:
    response.set_cookie(
        REFRESH_COOKIE,
        tokens.refresh_token,
        max_age=settings.refresh_token_days * 86400,
        path=COOKIE_PATH,
        secure=True,
        httponly=True,
        samesite="strict",
    )
    return TokenResponse(access_token=tokens.access_token, expires_in=tokens.expires_in)


def _basic_credentials(authorization: str | None) -> tuple[str, str] | None:
    """Client id and secret from an HTTP Basic header (RFC 6749 §2.3.1: form-encoded, then base64)."""
    scheme, _, encoded = (authorization or "").partition(" ")
    if scheme.lower() != "basic":
        return None
    try:
        client_id, separator, secret = base64.b64decode(encoded, validate=True).decode().partition(":")
    except (binascii.Error, UnicodeDecodeError):
        return None
    return (unquote_plus(client_id), unquote_plus(secret)) if separator else None


def _required(field: str, value: str | None, grant: str) -> str:
    if not value:
        raise FieldValidationError(field, f"Required with grant_type {grant}.", "missing")
    return value


@router.post("/token", response_model=TokenResponse, responses=problem_responses(401, 413, 422, 429))
async def create_token(
    form: Annotated[TokenForm, Form()],
    request: Request,
    response: Response,
    session: DbSession,
    settings: AppSettings,
    authorization: Annotated[str | None, Header(include_in_schema=False)] = None,
) -> TokenResponse:
    """Get an access token (OAuth2).

    People log in with e-mail and password (`grant_type=password`): a short-lived access token,
    the refresh token set as an httpOnly cookie; repeated failures for one account or address answer
    429 with `Retry-After`. Partner systems use `grant_type=client_credentials` with their client
    id and secret (form fields or HTTP Basic) and an optional `scope`: a short token for the
    partner routes only, no refresh token.
    """
    response.headers["Cache-Control"] = "no-store"
    if form.grant_type == "client_credentials":
        client_id, client_secret = _basic_credentials(authorization) or (
            _required("client_id", form.client_id, form.grant_type),
            _required("client_secret", form.client_secret, form.grant_type),
        )
        token, scopes = await partners.issue_token(
            session, settings, client_id=client_id, client_secret=client_secret, scope=form.scope
        )
        return TokenResponse(
            access_token=token, expires_in=settings.access_token_minutes * 60, scope=" ".join(scopes)
        )
    address = request.client.host if request.client else "unknown"
    tokens = await service.login(
        session,
        settings,
        email=_required("username", form.username, form.grant_type),
        password=_required("password", form.password, form.grant_type),
        address=address,
    )
    return _token_response(response, settings, tokens)


@router.post("/refresh", response_model=TokenResponse, responses=problem_responses(401))
async def refresh_token(
    response: Response,
    session: DbSession,
    settings: AppSettings,
    netzwerk_refresh: Annotated[str | None, Cookie(include_in_schema=False)] = None,
) -> TokenResponse:
    """Exchange the refresh cookie for a new access token; the cookie rotates."""
    tokens = await service.refresh(session, settings, netzwerk_refresh)
    return _token_response(response, settings, tokens)


@router.post("/logout", status_code=status.HTTP_204_NO_CONTENT)
async def logout(
    session: DbSession,
    settings: AppSettings,
    token: Annotated[str | None, Depends(oauth2_scheme)],
    netzwerk_refresh: Annotated[str | None, Cookie(include_in_schema=False)] = None,
) -> Response:
    """End the session of the refresh cookie and of the bearer token; both stop working at once."""
    session_ids = set()
    actor_id = None
    if token:
        try:
            claims = decode_access_token(settings.signing_key, token)
            session_ids.add(claims.session_id)
            actor_id = claims.subject
        except InvalidToken:
            pass
    cookie_session = split_refresh_token(netzwerk_refresh or "")
    if cookie_session is not None:
        session_ids.add(cookie_session)
    await service.logout(session, session_ids=session_ids, actor_id=actor_id)
    response = Response(status_code=status.HTTP_204_NO_CONTENT)
    response.delete_cookie(REFRESH_COOKIE, path=COOKIE_PATH, secure=True, httponly=True, samesite="strict")
    return response


@router.get("/me", response_model=UserRead, responses=problem_responses(401))
async def get_me(user: CurrentUser, response: Response) -> UserRead:
    """The logged-in user."""
    set_etag(response, user)
    return UserRead.model_validate(user)


@router.patch("/me", response_model=UserRead, responses=problem_responses(401, 412, 413, 422, 428))
async def update_me(
    data: ProfileUpdate, user: CurrentUser, session: DbSession, response: Response, if_match: IfMatch = None
) -> UserRead:
    """Change one's own display name."""
    await service.update_profile(session, user, name=data.name, if_match=if_match)
    set_etag(response, user)
    return UserRead.model_validate(user)


@router.post("/password", status_code=status.HTTP_204_NO_CONTENT, responses=problem_responses(401, 413, 422))
async def change_password(data: PasswordChange, principal: CurrentPrincipal, session: DbSession) -> Response:
    """Change one's own password; every other session of the account ends."""
    await service.change_password(
        session,
        principal.user,
        current_session=principal.session_id,
        current_password=data.current_password,
        new_password=data.new_password,
    )
    return Response(status_code=status.HTTP_204_NO_CONTENT)
