"""The committed openapi.yaml is exactly what the app generates."""

from __future__ import annotations

from pathlib import Path

import yaml

from api.cli import write_openapi

ROOT = Path(__file__).resolve().parent.parent


def test_committed_openapi_matches_the_app(tmp_path: Path) -> None:
    generated = tmp_path / "openapi.yaml"
    write_openapi(generated)
    committed = (ROOT / "openapi.yaml").read_text()
    assert generated.read_text() == committed, "openapi.yaml is stale: run `make openapi` and commit it"


def test_every_operation_has_a_stable_id_and_declares_problem_errors() -> None:
    document = yaml.safe_load((ROOT / "openapi.yaml").read_text())
    operation_ids = []
    for path, item in document["paths"].items():
        for method, operation in item.items():
            operation_ids.append(operation["operationId"])
            assert "500" in operation["responses"], (method, path)
            for code, response in operation["responses"].items():
                if int(code) >= 400:
                    assert list(response["content"]) == ["application/problem+json"], (method, path, code)
    assert len(operation_ids) == len(set(operation_ids))
    assert "list_users" in operation_ids
    assert "create_token" in operation_ids
    assert document["components"]["securitySchemes"]["OAuth2PasswordBearer"]["type"] == "oauth2"
