"""Property-based fuzzing of the whole OpenAPI document against a real server, as admin.

No response may be a 5xx, and every response must match its declared status codes, content
type, headers and schema.
"""

from __future__ import annotations

import socket
import ssl
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import schemathesis
import uvicorn
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings
from schemathesis import Case
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from api.core.config import Settings
from api.main import create_app
from tests.conftest import PASSWORD, UserFactory

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]
# These end or change the caller's own session; the next case logs in again.
SESSION_ENDING = {"/api/v1/auth/logout", "/api/v1/auth/password"}


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def server_url(settings: Settings) -> Iterator[str]:
    # The fuzzer fails logins on purpose; a higher limit keeps the admin able to log in again.
    fuzz_settings = settings.model_copy(
        update={"login_max_failures_per_address": 100_000, "login_max_failures_per_account": 100_000}
    )
    port = _free_port()
    server = uvicorn.Server(
        uvicorn.Config(create_app(fuzz_settings), host="127.0.0.1", port=port, log_config=None, lifespan="on")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert time.monotonic() < deadline, "test server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


# The logins go to the local http:// server; a context made once spares httpx building one
# (loading the CA bundle, ~70 ms) for each of the ~200 logins.
_SSL_CONTEXT = ssl.create_default_context()


class AdminSession:
    def __init__(self, base_url: str, email: str) -> None:
        self.base_url = base_url
        self.email = email
        self.token = ""
        self.login()

    def login(self) -> None:
        response = httpx.post(
            f"{self.base_url}/api/v1/auth/token",
            data={"username": self.email, "password": PASSWORD},
            verify=_SSL_CONTEXT,
        )
        assert response.status_code == 200, response.text
        self.token = response.json()["access_token"]


@pytest.fixture
async def admin_session(server_url: str, make_user: UserFactory) -> AdminSession:
    account = await make_user("admin", login=False)
    return AdminSession(server_url, account.email)


# The committed document (kept equal to the generated one by test_openapi.py) is what partners read.
schema = schemathesis.openapi.from_path(Path(__file__).resolve().parent.parent / "openapi.yaml")


@schema.parametrize()
@hypothesis_settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=True,
)
def test_api_conforms_to_its_openapi_document(
    case: Case, admin_session: AdminSession, server_url: str
) -> None:
    case.call_and_validate(
        base_url=server_url, headers={"Authorization": f"Bearer {admin_session.token}"}, checks=CHECKS
    )
    if case.path in SESSION_ENDING:
        admin_session.login()
