"""CORS for OParl: every origin may read ``/oparl/`` (the standard asks for
``Access-Control-Allow-Origin: *``), without credentials; the rest of the app keeps its own rules.

Added outside the app's ``CORSMiddleware``: OParl preflights are answered here, and on every other
OParl response the header is set to ``*`` whatever the inner middleware decided.
"""

from __future__ import annotations

from starlette.datastructures import Headers, MutableHeaders
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

PREFIX = "/oparl"
MAX_AGE = "86400"


def is_oparl(path: str) -> bool:
    return path == PREFIX or path.startswith(PREFIX + "/")


class OParlCorsMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not is_oparl(scope["path"]):
            await self.app(scope, receive, send)
            return
        request_headers = Headers(scope=scope)
        if scope["method"] == "OPTIONS" and "access-control-request-method" in request_headers:
            headers = {
                "Access-Control-Allow-Origin": "*",
                "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
                "Access-Control-Max-Age": MAX_AGE,
            }
            if requested := request_headers.get("access-control-request-headers"):
                headers["Access-Control-Allow-Headers"] = requested
            await Response(status_code=204, headers=headers)(scope, receive, send)
            return

        async def send_open(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers["Access-Control-Allow-Origin"] = "*"
                if "access-control-allow-credentials" in headers:
                    del headers["access-control-allow-credentials"]
            await send(message)

        await self.app(scope, receive, send_open)
