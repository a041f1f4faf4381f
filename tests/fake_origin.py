"""Serve local files to Chromium under a made-up origin, as an LMS or intranet would,
and record every request that falls outside them (no test may reach the network)."""

from __future__ import annotations

import mimetypes
from collections.abc import Callable
from pathlib import Path
from typing import Any


def serve(route: Any, origin: str, locate: Callable[[str], Path], outside: list[str]) -> None:
    """Fulfil `route` from the file `locate(path)` names; abort or 404 anything else,
    noting its URL in `outside`."""
    url = route.request.url
    if not url.startswith(origin + "/"):
        outside.append(url)
        route.abort()
        return
    file = locate(url[len(origin) + 1:].split("?")[0].split("#")[0])
    if not file.is_file():
        outside.append(url)
        route.fulfill(status=404, body="")
        return
    route.fulfill(status=200, body=file.read_bytes(),
                  content_type=mimetypes.guess_type(file.name)[0] or "application/octet-stream")
