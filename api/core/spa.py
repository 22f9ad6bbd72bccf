"""Serving the built browser app: hashed assets cached long, everything else falls back to index.html."""

from __future__ import annotations

from pathlib import Path

from starlette.responses import FileResponse, Response

NOT_SPA_PREFIXES = ("/api/", "/oparl/", "/healthz", "/readyz")


class SpaFiles:
    def __init__(self, root: Path) -> None:
        self.root = root.resolve()

    @property
    def available(self) -> bool:
        return (self.root / "index.html").is_file()

    def response_for(self, method: str, path: str) -> Response | None:
        if method not in ("GET", "HEAD") or path.startswith(NOT_SPA_PREFIXES) or not self.available:
            return None
        candidate = (self.root / path.lstrip("/")).resolve()
        if candidate.is_file() and candidate.is_relative_to(self.root) and candidate.name != "index.html":
            immutable = candidate.relative_to(self.root).parts[0] == "assets"
            cache = "public, max-age=31536000, immutable" if immutable else "public, max-age=3600"
            return FileResponse(candidate, headers={"Cache-Control": cache})
        if Path(path).suffix:  # a missing file, not an app route
            return None
        return FileResponse(self.root / "index.html", headers={"Cache-Control": "no-cache"})
