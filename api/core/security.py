"""All token and password cryptography. python-jose is used here and nowhere else."""

from __future__ import annotations

import hashlib
import secrets
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from jose import JWTError, jwt

ALGORITHMS = ["HS256"]
ISSUER = "netzwerk-integration"
USER_AUDIENCE = "netzwerk-api"
PARTNER_AUDIENCE = "netzwerk-partner"
MAX_TOKEN_LENGTH = 4096
REQUIRED_CLAIMS = ("iss", "aud", "exp", "iat", "sub", "jti")
CLOCK_SKEW = timedelta(seconds=30)

# OWASP's recommended Argon2id minimum (19 MiB, 2 passes, 1 lane): about 50 ms on one core,
# so a 2-core county server keeps answering logins under a guessing attack.
_hasher = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1)
# Verified against when an account does not exist, so both paths cost the same time.
_DUMMY_HASH = _hasher.hash(secrets.token_urlsafe(16))


class InvalidToken(Exception):
    """The token is not a valid access token; the reason stays on the server."""


@dataclass(frozen=True)
class AccessClaims:
    subject: uuid.UUID
    session_id: uuid.UUID
    issued_at: datetime


@dataclass(frozen=True)
class PartnerClaims:
    client_id: uuid.UUID
    secret_version: int
    scopes: frozenset[str]


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    try:
        return _hasher.verify(password_hash or _DUMMY_HASH, password) and password_hash is not None
    except (VerificationError, InvalidHashError):
        return False


def password_needs_rehash(password_hash: str) -> bool:
    return _hasher.check_needs_rehash(password_hash)


def issue_access_token(key: str, *, user_id: uuid.UUID, session_id: uuid.UUID, lifetime: timedelta) -> str:
    now = datetime.now(UTC)
    claims = {
        "iss": ISSUER,
        "aud": USER_AUDIENCE,
        "sub": str(user_id),
        "sid": str(session_id),
        "typ": "access",
        "iat": int(now.timestamp()),
        "exp": int((now + lifetime).timestamp()),
        "jti": uuid.uuid4().hex,
    }
    return jwt.encode(claims, key, algorithm=ALGORITHMS[0])


def issue_partner_token(
    key: str, *, client_id: uuid.UUID, secret_version: int, scopes: list[str], lifetime: timedelta
) -> str:
    """A client-credentials token: its own audience, so user routes refuse it and vice versa."""
    now = datetime.now(UTC)
    claims = {
        "iss": ISSUER,
        "aud": PARTNER_AUDIENCE,
        "sub": str(client_id),
        "ver": secret_version,
        "scope": " ".join(scopes),
        "typ": "access",
        "iat": int(now.timestamp()),
        "exp": int((now + lifetime).timestamp()),
        "jti": uuid.uuid4().hex,
    }
    return jwt.encode(claims, key, algorithm=ALGORITHMS[0])


def _decode(key: str, token: str, audience: str) -> dict[str, object]:
    if not token or len(token) > MAX_TOKEN_LENGTH:
        raise InvalidToken("length")
    try:
        header = jwt.get_unverified_header(token)
        if header.get("alg") not in ALGORITHMS:
            raise InvalidToken("algorithm")
        claims: dict[str, object] = jwt.decode(
            token,
            key,
            algorithms=ALGORITHMS,
            audience=audience,
            issuer=ISSUER,
            options={f"require_{claim}": True for claim in REQUIRED_CLAIMS}
            | {"leeway": int(CLOCK_SKEW.total_seconds())},
        )
    except JWTError as error:
        raise InvalidToken(str(error)) from error
    if claims.get("typ") != "access":
        raise InvalidToken("type")
    try:
        issued_at = datetime.fromtimestamp(int(str(claims["iat"])), UTC)
    except (KeyError, TypeError, ValueError) as error:
        raise InvalidToken("claims") from error
    if issued_at > datetime.now(UTC) + CLOCK_SKEW:
        raise InvalidToken("issued in the future")
    return claims


def decode_access_token(key: str, token: str) -> AccessClaims:
    claims = _decode(key, token, USER_AUDIENCE)
    try:
        return AccessClaims(
            subject=uuid.UUID(str(claims["sub"])),
            session_id=uuid.UUID(str(claims["sid"])),
            issued_at=datetime.fromtimestamp(int(str(claims["iat"])), UTC),
        )
    except (KeyError, TypeError, ValueError) as error:
        raise InvalidToken("claims") from error


def decode_partner_token(key: str, token: str) -> PartnerClaims:
    claims = _decode(key, token, PARTNER_AUDIENCE)
    try:
        return PartnerClaims(
            client_id=uuid.UUID(str(claims["sub"])),
            secret_version=int(str(claims["ver"])),
            scopes=frozenset(str(claims["scope"]).split()),
        )
    except (KeyError, TypeError, ValueError) as error:
        raise InvalidToken("claims") from error


def new_client_secret() -> str:
    """A client secret with 256 random bits; stored only as its SHA-256 (``token_hash``)."""
    return f"nzs_{secrets.token_urlsafe(32)}"


def new_refresh_token(session_id: uuid.UUID) -> str:
    """An opaque token ``<session id>.<random>``; only its hash is stored."""
    return f"{session_id}.{secrets.token_urlsafe(32)}"


def split_refresh_token(token: str) -> uuid.UUID | None:
    session_part, _, secret_part = token.partition(".")
    if not secret_part or len(token) > 200:
        return None
    try:
        return uuid.UUID(session_part)
    except ValueError:
        return None


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def tokens_equal(left: str, right: str) -> bool:
    return secrets.compare_digest(left, right)
