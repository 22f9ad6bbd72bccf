"""The OpenAPI document: every error is problem+json, every operation may answer 500."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

from api.core.errors import PROBLEM_JSON

PROBLEM_REF = {"$ref": "#/components/schemas/Problem"}


def build_openapi(app: FastAPI) -> dict[str, Any]:
    document = get_openapi(
        title=app.title,
        version=app.version,
        description=app.description,
        routes=app.routes,
    )
    schemas = document.setdefault("components", {}).setdefault("schemas", {})
    schemas.pop("HTTPValidationError", None)
    schemas.pop("ValidationError", None)
    for path_item in document.get("paths", {}).values():
        for operation in path_item.values():
            responses = operation.setdefault("responses", {})
            if "requestBody" in operation:
                responses.setdefault("400", {"description": "The body could not be parsed"})
                responses.setdefault("413", {"description": "Request body too large"})
            responses.setdefault("500", {"description": "Internal error; quote the request id"})
            for code, response in responses.items():
                if int(code) >= 400:
                    response["content"] = {PROBLEM_JSON: {"schema": PROBLEM_REF}}
    return document
