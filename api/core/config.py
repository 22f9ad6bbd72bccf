"""Settings from environment variables prefixed ``NETZWERK_``."""

from __future__ import annotations

import os
import secrets
from functools import cached_property
from pathlib import Path
from typing import Annotated, Literal

from pydantic import EmailStr, Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

MIN_SECRET_BYTES = 32
PLACEHOLDER_MARKERS = ("change", "placeholder", "example", "secret", "xxx", "todo", "dummy")


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="NETZWERK_", extra="ignore")

    env: Literal["development", "production"] = "development"
    data_dir: Path = Path("data")
    database_url: str = ""
    jwt_secret: SecretStr | None = None
    base_url: str = "http://127.0.0.1:8000"
    # Where the ids of the OParl objects point (api/oparl); empty: base_url.
    oparl_base_url: str = ""
    host: str = "127.0.0.1"
    port: int = 8000
    forwarded_allow_ips: str = "127.0.0.1"
    log_level: str = "INFO"

    admin_email: EmailStr | None = None
    admin_password: SecretStr | None = None
    admin_name: str = "Administration"

    cors_origins: Annotated[list[str], NoDecode] = Field(default_factory=list)
    max_body_bytes: int = 1_048_576

    access_token_minutes: int = Field(default=10, ge=1, le=15)
    refresh_token_days: int = Field(default=14, ge=1, le=90)
    login_window_seconds: int = Field(default=600, ge=10)
    login_max_failures_per_account: int = Field(default=5, ge=1)
    login_max_failures_per_address: int = Field(default=20, ge=1)
    idempotency_hours: int = Field(default=24, ge=1)

    site_name: str = "Netzwerk Integration"
    county_name: str = "Landkreis Gifhorn"
    accessibility_contact_email: str = "integration@gifhorn.de"
    imprint_url: str = "https://www.gifhorn.de/impressum"
    privacy_url: str = "https://www.gifhorn.de/datenschutz"
    office_name: str = "Stabsstelle Integration"
    office_address: str = "Schlossplatz 1, 38518 Gifhorn"
    privacy_text_version: str = "2026-01"
    spa_dir: Path = Path("frontend/dist")
    # The intranet export (`netzwerk export`, api/intranet); empty: DATA_DIR/exports.
    export_dir: Path | None = None

    smtp_host: str = "127.0.0.1"
    smtp_port: int = 25
    smtp_username: str | None = None
    smtp_password: SecretStr | None = None
    smtp_from: str = "netzwerk-integration@gifhorn.de"
    smtp_starttls: bool = False
    smtp_timeout_seconds: float = Field(default=10, gt=0, le=120)

    join_requests_per_window: int = Field(default=5, ge=1)
    join_window_seconds: int = Field(default=3600, ge=10)
    max_upload_bytes: int = Field(default=10_485_760, ge=1024)
    submission_deadline_weeks: int = Field(default=3, ge=0, le=26)

    @field_validator("cors_origins", mode="before")
    @classmethod
    def _split_origins(cls, value: object) -> object:
        if isinstance(value, str):
            return [origin.strip() for origin in value.split(",") if origin.strip()]
        return value

    @model_validator(mode="after")
    def _check_secrets(self) -> Settings:
        if self.jwt_secret is None and self.env == "production":
            raise ValueError("NETZWERK_JWT_SECRET must be set in production")
        if self.jwt_secret is not None:
            _check_secret("NETZWERK_JWT_SECRET", self.jwt_secret, self.env, min_bytes=MIN_SECRET_BYTES)
        if self.smtp_password is not None and self.env == "production":
            _check_secret("NETZWERK_SMTP_PASSWORD", self.smtp_password, self.env, min_bytes=1)
        if self.admin_password is not None and self.env == "production":
            _check_secret("NETZWERK_ADMIN_PASSWORD", self.admin_password, self.env, min_bytes=12)
        return self

    @property
    def is_development(self) -> bool:
        return self.env == "development"

    @property
    def effective_database_url(self) -> str:
        return self.database_url or f"sqlite+aiosqlite:///{self.data_dir.resolve() / 'netzwerk.db'}"

    @property
    def effective_export_dir(self) -> Path:
        return self.export_dir or self.data_dir / "exports"

    @cached_property
    def signing_key(self) -> str:
        """The JWT key; in development a random one is kept in the data folder."""
        if self.jwt_secret is not None:
            return self.jwt_secret.get_secret_value()
        key_file = self.data_dir / "jwt-secret"
        if not key_file.exists():
            self.data_dir.mkdir(parents=True, exist_ok=True)
            descriptor = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(descriptor, "w") as handle:
                handle.write(secrets.token_urlsafe(48))
        return key_file.read_text().strip()


def _check_secret(name: str, secret: SecretStr, env: str, *, min_bytes: int) -> None:
    value = secret.get_secret_value()
    if len(value.encode()) < min_bytes:
        raise ValueError(f"{name} must be at least {min_bytes} bytes long")
    if env != "development" and any(marker in value.lower() for marker in PLACEHOLDER_MARKERS):
        raise ValueError(f"{name} looks like a placeholder; set a real secret outside development")
