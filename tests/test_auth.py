"""Login, tokens, refresh rotation, logout, password change, throttling."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
import uuid
from collections.abc import Callable

import httpx
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from fastapi import FastAPI
from jose import jwt
from sqlalchemy import select

from api.core.config import Settings
from api.core.security import ISSUER, USER_AUDIENCE
from api.models import AuditEvent
from tests.conftest import PASSWORD, Account, UserFactory, make_client

REFRESH_COOKIE = "netzwerk_refresh"


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _claims(account: Account, **overrides: object) -> dict[str, object]:
    now = int(time.time())
    valid = jwt.get_unverified_claims(account.token)
    claims: dict[str, object] = {
        "iss": ISSUER,
        "aud": USER_AUDIENCE,
        "sub": str(account.user.id),
        "sid": valid["sid"],
        "typ": "access",
        "iat": now,
        "exp": now + 300,
        "jti": uuid.uuid4().hex,
    }
    for key, value in overrides.items():
        if value is None:
            claims.pop(key, None)
        else:
            claims[key] = value
    return claims


def _sign(claims: dict[str, object], key: str, algorithm: str = "HS256") -> str:
    return jwt.encode(claims, key, algorithm=algorithm)


def _hmac_signed(claims: dict[str, object], key: str) -> str:
    """HS256 by hand, because python-jose (rightly) refuses a PEM key as an HMAC secret."""
    signing_input = _b64(b'{"alg":"HS256","typ":"JWT"}') + "." + _b64(json.dumps(claims).encode())
    signature = hmac.new(key.encode(), signing_input.encode(), hashlib.sha256).digest()
    return f"{signing_input}.{_b64(signature)}"


def _unsigned(claims: dict[str, object], alg: str = "none") -> str:
    header = _b64(json.dumps({"alg": alg, "typ": "JWT"}).encode())
    return f"{header}.{_b64(json.dumps(claims).encode())}."


RSA_KEY = rsa.generate_private_key(public_exponent=65537, key_size=2048)
RSA_PRIVATE = RSA_KEY.private_bytes(
    serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
).decode()
RSA_PUBLIC = (
    RSA_KEY.public_key()
    .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    .decode()
)

Forgery = Callable[[Account, str, str], str]


def _tamper_payload(token: str, **changes: object) -> str:
    header, payload, signature = token.split(".")
    claims = json.loads(base64.urlsafe_b64decode(payload + "=="))
    claims.update(changes)
    return f"{header}.{_b64(json.dumps(claims).encode())}.{signature}"


FORGERIES: dict[str, Forgery] = {
    "alg none": lambda a, k, r: _unsigned(_claims(a)),
    "alg None capitalised": lambda a, k, r: _unsigned(_claims(a), alg="None"),
    "alg none with signature": lambda a, k, r: _unsigned(_claims(a)) + "c2ln",
    "wrong key": lambda a, k, r: _sign(_claims(a), "another-secret-that-is-long-enough-1234567"),
    "HS384 with right key": lambda a, k, r: _sign(_claims(a), k, "HS384"),
    "HS512 with right key": lambda a, k, r: _sign(_claims(a), k, "HS512"),
    "RS256 signed with attacker key": lambda a, k, r: _sign(_claims(a), RSA_PRIVATE, "RS256"),
    "HS256 keyed with a public key": lambda a, k, r: _hmac_signed(_claims(a), RSA_PUBLIC),
    "tampered subject": lambda a, k, r: _tamper_payload(a.token, sub=str(uuid.uuid4())),
    "tampered expiry": lambda a, k, r: _tamper_payload(a.token, exp=int(time.time()) + 10**6),
    "tampered session": lambda a, k, r: _tamper_payload(a.token, sid=str(uuid.uuid4())),
    "signature stripped": lambda a, k, r: a.token.rsplit(".", 1)[0] + ".",
    "signature of another token": lambda a, k, r: (
        a.token.rsplit(".", 1)[0] + "." + _sign(_claims(a, jti="x"), k).rsplit(".", 1)[1]
    ),
    "expired": lambda a, k, r: _sign(_claims(a, iat=int(time.time()) - 7200, exp=int(time.time()) - 3600), k),
    "issued in the future": lambda a, k, r: _sign(_claims(a, iat=int(time.time()) + 3600), k),
    "not yet valid": lambda a, k, r: _sign(_claims(a, nbf=int(time.time()) + 3600), k),
    "missing exp": lambda a, k, r: _sign(_claims(a, exp=None), k),
    "missing iat": lambda a, k, r: _sign(_claims(a, iat=None), k),
    "missing aud": lambda a, k, r: _sign(_claims(a, aud=None), k),
    "missing iss": lambda a, k, r: _sign(_claims(a, iss=None), k),
    "missing sub": lambda a, k, r: _sign(_claims(a, sub=None), k),
    "missing jti": lambda a, k, r: _sign(_claims(a, jti=None), k),
    "missing sid": lambda a, k, r: _sign(_claims(a, sid=None), k),
    "missing typ": lambda a, k, r: _sign(_claims(a, typ=None), k),
    "wrong audience": lambda a, k, r: _sign(_claims(a, aud="netzwerk-partner"), k),
    "wrong issuer": lambda a, k, r: _sign(_claims(a, iss="https://evil.example"), k),
    "refresh type claim": lambda a, k, r: _sign(_claims(a, typ="refresh"), k),
    "refresh token as bearer": lambda a, k, r: r,
    "subject not a uuid": lambda a, k, r: _sign(_claims(a, sub="admin"), k),
    "unknown subject": lambda a, k, r: _sign(_claims(a, sub=str(uuid.uuid4())), k),
    "session of someone else": lambda a, k, r: _sign(_claims(a, sid=str(uuid.uuid4())), k),
    "oversized token": lambda a, k, r: _sign(_claims(a, pad="x" * 8000), k),
    "garbage": lambda a, k, r: "not-a-token",
    "three garbage segments": lambda a, k, r: "aaa.bbb.ccc",
    "empty segments": lambda a, k, r: "..",
    "non-json header": lambda a, k, r: _b64(b"\xff\xfe") + "." + a.token.split(".", 1)[1],
    "kid injection": lambda a, k, r: jwt.encode(
        _claims(a), "attacker", algorithm="HS256", headers={"kid": "../../dev/null"}
    ),
}


async def _with_cookie(client: httpx.AsyncClient, action: str, cookie: str) -> httpx.Response:
    """POST to refresh or logout as a browser holding exactly this refresh cookie."""
    client.cookies.clear()
    client.cookies.set(REFRESH_COOKIE, cookie, domain="testserver.local", path="/api/v1/auth")
    return await client.post(f"/api/v1/auth/{action}")


def _comparable(response: httpx.Response) -> dict[str, object]:
    body = response.json()
    body.pop("request_id", None)
    return body


async def test_at_least_thirty_forgeries_are_covered() -> None:
    assert len(FORGERIES) >= 30


@pytest.mark.parametrize("name", sorted(FORGERIES))
async def test_forged_or_broken_token_gets_the_same_401(
    name: str, client: httpx.AsyncClient, make_user: UserFactory, settings: Settings
) -> None:
    account = await make_user("admin")
    login = await client.post("/api/v1/auth/token", data={"username": account.email, "password": PASSWORD})
    refresh_token = login.cookies[REFRESH_COOKIE]
    token = FORGERIES[name](account, settings.signing_key, refresh_token)

    response = await client.get("/api/v1/auth/me", headers={"Authorization": f"Bearer {token}"})

    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == "Bearer"
    assert _comparable(response) == {
        "type": "urn:netzwerk:problem:unauthenticated",
        "title": "Authentication required",
        "status": 401,
        "detail": "Missing, invalid or expired credentials.",
    }
    valid = await client.get("/api/v1/auth/me", headers=account.headers)
    assert valid.status_code == 200


@pytest.mark.parametrize("header", ["", "Bearer", "Bearer ", "Basic dXNlcjpwYXNz", "Token abc"])
async def test_missing_or_malformed_header_gets_401(client: httpx.AsyncClient, header: str) -> None:
    response = await client.get("/api/v1/auth/me", headers={"Authorization": header} if header else {})
    assert response.status_code == 401
    assert response.json()["type"] == "urn:netzwerk:problem:unauthenticated"


async def test_valid_token_gets_200_with_profile(client: httpx.AsyncClient, make_user: UserFactory) -> None:
    account = await make_user("coordinator", name="Clara Koordination")
    response = await client.get("/api/v1/auth/me", headers=account.headers)
    assert response.status_code == 200
    body = response.json()
    assert body["email"] == account.email
    assert body["name"] == "Clara Koordination"
    assert body["roles"] == ["coordinator"]
    assert response.headers["ETag"] == '"1"'


async def test_access_token_is_short_lived_and_cookie_is_locked_down(
    client: httpx.AsyncClient, make_user: UserFactory
) -> None:
    account = await make_user("member", login=False)
    response = await client.post("/api/v1/auth/token", data={"username": account.email, "password": PASSWORD})
    assert response.status_code == 200
    body = response.json()
    assert body["token_type"] == "bearer"
    assert 0 < body["expires_in"] <= 15 * 60
    claims = jwt.get_unverified_claims(body["access_token"])
    assert claims["exp"] - claims["iat"] <= 15 * 60
    cookie = response.headers["set-cookie"].lower()
    for attribute in ("httponly", "secure", "samesite=strict", "path=/api/v1/auth"):
        assert attribute in cookie
    assert "refresh_token" not in body


async def test_disabled_user_token_is_rejected(
    client: httpx.AsyncClient, make_user: UserFactory, admin: Account
) -> None:
    member = await make_user("member")
    etag = (await client.get(f"/api/v1/users/{member.user.id}", headers=admin.headers)).headers["ETag"]
    patched = await client.patch(
        f"/api/v1/users/{member.user.id}",
        json={"is_active": False},
        headers=admin.headers | {"If-Match": etag},
    )
    assert patched.status_code == 200
    assert (await client.get("/api/v1/auth/me", headers=member.headers)).status_code == 401
    login = await client.post("/api/v1/auth/token", data={"username": member.email, "password": PASSWORD})
    assert login.status_code == 401


async def test_refresh_rotates_and_reuse_revokes_the_session(
    client: httpx.AsyncClient, make_user: UserFactory
) -> None:
    account = await make_user("member", login=False)
    login = await client.post("/api/v1/auth/token", data={"username": account.email, "password": PASSWORD})
    first = login.cookies[REFRESH_COOKIE]
    client.cookies.clear()

    refreshed = await _with_cookie(client, "refresh", first)
    assert refreshed.status_code == 200
    second = refreshed.cookies[REFRESH_COOKIE]
    assert second != first
    new_access = refreshed.json()["access_token"]
    assert (
        await client.get("/api/v1/auth/me", headers={"Authorization": f"Bearer {new_access}"})
    ).status_code == 200
    client.cookies.clear()

    reused = await _with_cookie(client, "refresh", first)
    assert reused.status_code == 401
    client.cookies.clear()
    # Reuse means theft: the whole session ends, the newer token and its access tokens too.
    assert (await _with_cookie(client, "refresh", second)).status_code == 401
    assert (
        await client.get("/api/v1/auth/me", headers={"Authorization": f"Bearer {new_access}"})
    ).status_code == 401


async def test_refresh_without_or_with_garbage_cookie_is_401(client: httpx.AsyncClient) -> None:
    assert (await client.post("/api/v1/auth/refresh")).status_code == 401
    garbage = await _with_cookie(client, "refresh", f"{uuid.uuid4()}.nope")
    assert garbage.status_code == 401


async def test_token_from_before_logout_is_rejected(
    client: httpx.AsyncClient, make_user: UserFactory
) -> None:
    account = await make_user("member")
    other_device = await make_user("member", login=False)
    second_login = await client.post(
        "/api/v1/auth/token", data={"username": other_device.email, "password": PASSWORD}
    )
    second_token = second_login.json()["access_token"]

    client.cookies.clear()  # the other login is another browser
    logout = await client.post("/api/v1/auth/logout", headers=account.headers)
    assert logout.status_code == 204
    assert (await client.get("/api/v1/auth/me", headers=account.headers)).status_code == 401
    # Another person's session is untouched.
    assert (
        await client.get("/api/v1/auth/me", headers={"Authorization": f"Bearer {second_token}"})
    ).status_code == 200


async def test_logout_by_cookie_ends_refresh(client: httpx.AsyncClient, make_user: UserFactory) -> None:
    account = await make_user("member", login=False)
    login = await client.post("/api/v1/auth/token", data={"username": account.email, "password": PASSWORD})
    cookie = login.cookies[REFRESH_COOKIE]
    client.cookies.clear()
    assert (await _with_cookie(client, "logout", cookie)).status_code == 204
    client.cookies.clear()
    assert (await _with_cookie(client, "refresh", cookie)).status_code == 401


async def test_password_change_revokes_other_sessions(
    client: httpx.AsyncClient, make_user: UserFactory
) -> None:
    account = await make_user("member")
    other = await client.post("/api/v1/auth/token", data={"username": account.email, "password": PASSWORD})
    other_token = other.json()["access_token"]

    wrong = await client.post(
        "/api/v1/auth/password",
        json={"current_password": "not my password", "new_password": "a brand new password"},
        headers=account.headers,
    )
    assert wrong.status_code == 422
    assert wrong.json()["errors"][0]["field"] == "current_password"

    changed = await client.post(
        "/api/v1/auth/password",
        json={"current_password": PASSWORD, "new_password": "a brand new password"},
        headers=account.headers,
    )
    assert changed.status_code == 204
    assert (await client.get("/api/v1/auth/me", headers=account.headers)).status_code == 200
    assert (
        await client.get("/api/v1/auth/me", headers={"Authorization": f"Bearer {other_token}"})
    ).status_code == 401
    old = await client.post("/api/v1/auth/token", data={"username": account.email, "password": PASSWORD})
    assert old.status_code == 401
    new = await client.post(
        "/api/v1/auth/token", data={"username": account.email, "password": "a brand new password"}
    )
    assert new.status_code == 200


async def test_profile_name_change_needs_if_match(client: httpx.AsyncClient, make_user: UserFactory) -> None:
    account = await make_user("member")
    missing = await client.patch("/api/v1/auth/me", json={"name": "Neu"}, headers=account.headers)
    assert missing.status_code == 428
    changed = await client.patch(
        "/api/v1/auth/me", json={"name": "Neuer Name"}, headers=account.headers | {"If-Match": '"1"'}
    )
    assert changed.status_code == 200
    assert changed.json()["name"] == "Neuer Name"
    assert changed.headers["ETag"] == '"2"'
    stale = await client.patch(
        "/api/v1/auth/me", json={"name": "Zu spät"}, headers=account.headers | {"If-Match": '"1"'}
    )
    assert stale.status_code == 412


async def test_login_is_case_insensitive_in_the_email(
    client: httpx.AsyncClient, make_user: UserFactory
) -> None:
    account = await make_user("member", login=False)
    response = await client.post(
        "/api/v1/auth/token", data={"username": account.email.upper(), "password": PASSWORD}
    )
    assert response.status_code == 200


async def test_failures_past_the_limit_get_429_and_other_accounts_still_log_in(
    app: FastAPI, client: httpx.AsyncClient, make_user: UserFactory, settings: Settings
) -> None:
    victim = await make_user("member", login=False)
    bystander = await make_user("member", login=False)
    for _ in range(settings.login_max_failures_per_account):
        wrong = await client.post(
            "/api/v1/auth/token", data={"username": victim.email, "password": "wrong guess"}
        )
        assert wrong.status_code == 401

    throttled = await client.post(
        "/api/v1/auth/token", data={"username": victim.email, "password": "wrong guess"}
    )
    assert throttled.status_code == 429
    retry_after = int(throttled.headers["Retry-After"])
    assert 0 < retry_after <= settings.login_window_seconds
    assert throttled.json()["retry_after"] == retry_after
    # Even the right password waits: the attacker learns nothing more.
    assert (
        await client.post("/api/v1/auth/token", data={"username": victim.email, "password": PASSWORD})
    ).status_code == 429

    other = await client.post("/api/v1/auth/token", data={"username": bystander.email, "password": PASSWORD})
    assert other.status_code == 200


async def test_address_limit_stops_spraying_across_accounts(
    app: FastAPI, make_user: UserFactory, settings: Settings
) -> None:
    async with (
        make_client(app, address="198.51.100.9") as sprayer,
        make_client(app, address="192.0.2.1") as person,
    ):
        for attempt in range(settings.login_max_failures_per_address):
            response = await sprayer.post(
                "/api/v1/auth/token", data={"username": f"guess{attempt}@example.org", "password": "x"}
            )
            assert response.status_code == 401
        blocked = await sprayer.post(
            "/api/v1/auth/token", data={"username": "new@example.org", "password": "x"}
        )
        assert blocked.status_code == 429
        account = await make_user("member", login=False)
        ok = await person.post("/api/v1/auth/token", data={"username": account.email, "password": PASSWORD})
        assert ok.status_code == 200


async def test_throttle_state_is_shared_through_the_database(
    app: FastAPI, make_user: UserFactory, settings: Settings
) -> None:
    """A second app instance (another worker) sees the failures the first one counted."""
    from api.main import create_app

    victim = await make_user("member", login=False)
    other_worker = create_app(settings)
    async with make_client(app) as first, make_client(other_worker) as second:
        for _ in range(settings.login_max_failures_per_account):
            await first.post("/api/v1/auth/token", data={"username": victim.email, "password": "nope"})
        response = await second.post(
            "/api/v1/auth/token", data={"username": victim.email, "password": "nope"}
        )
    await other_worker.state.engine.dispose()
    assert response.status_code == 429


async def test_failed_login_is_audited_without_the_password(
    app: FastAPI, client: httpx.AsyncClient, make_user: UserFactory
) -> None:
    account = await make_user("member", login=False)
    secret_attempt = "Sup3r-Secret-Attempt!"
    await client.post("/api/v1/auth/token", data={"username": account.email, "password": secret_attempt})
    await client.post(
        "/api/v1/auth/token", data={"username": "nobody@example.org", "password": secret_attempt}
    )
    async with app.state.sessionmaker() as session:
        events = (await session.scalars(select(AuditEvent).where(AuditEvent.action == "auth.login"))).all()
    failures = [event for event in events if event.outcome == "failure"]
    assert len(failures) == 2
    assert failures[0].object_id == str(account.user.id) or failures[1].object_id == str(account.user.id)
    dumped = json.dumps([event.details for event in events]) + "".join(str(e.object_id) for e in events)
    assert secret_attempt not in dumped
    assert "nobody@example.org" not in dumped


async def test_login_upgrades_a_hash_made_with_older_parameters(
    app: FastAPI, client: httpx.AsyncClient, make_user: UserFactory, production_password_hashing: None
) -> None:
    from argon2 import PasswordHasher

    from api.models import User

    account = await make_user("member", login=False)
    async with app.state.sessionmaker() as session, session.begin():
        user = await session.get(User, account.user.id)
        assert user is not None
        user.password_hash = PasswordHasher(time_cost=1, memory_cost=8 * 1024, parallelism=1).hash(PASSWORD)
    response = await client.post("/api/v1/auth/token", data={"username": account.email, "password": PASSWORD})
    assert response.status_code == 200
    async with app.state.sessionmaker() as session:
        user = await session.get(User, account.user.id)
    assert user is not None
    assert "$m=19456,t=2,p=1$" in user.password_hash


async def test_login_with_nul_character_is_a_plain_failure(client: httpx.AsyncClient) -> None:
    # PostgreSQL refuses NUL in text: this was a 500 there before.
    response = await client.post(
        "/api/v1/auth/token", data={"username": "a\x00b@example.org", "password": "x"}
    )
    assert response.status_code == 401
