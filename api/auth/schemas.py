from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field


class TokenResponse(BaseModel):
    access_token: str
    token_type: Literal["bearer"] = "bearer"  # noqa: S105 - the OAuth2 token type, not a secret
    expires_in: int = Field(description="Lifetime of the access token in seconds")
    scope: str | None = Field(default=None, description="The granted scopes (client credentials only)")


class TokenForm(BaseModel):
    """OAuth2 token request: people log in with ``password``, partner systems use
    ``client_credentials`` (client id and secret in the form or as HTTP Basic)."""

    grant_type: Literal["password", "client_credentials"] = "password"
    username: str | None = Field(default=None, max_length=254, description="E-mail (password grant)")
    password: str | None = Field(default=None, max_length=1024)
    scope: str = Field(
        default="", max_length=500, description="Space-separated; default: all granted (client credentials)"
    )
    client_id: str | None = Field(default=None, max_length=64)
    client_secret: str | None = Field(default=None, max_length=200)


class PasswordChange(BaseModel):
    current_password: str = Field(min_length=1, max_length=1024)
    new_password: str = Field(min_length=12, max_length=1024)


class ProfileUpdate(BaseModel):
    name: str = Field(min_length=1, max_length=200)
