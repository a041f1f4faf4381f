"""The only way a PDF pack may load a file: from inside the project.

Packs are a record of what officers were told, so they must render the same
offline, at any force, years later. WeasyPrint would happily fetch `https://`
images or read any file on the machine; this fetcher allows `data:` URLs and
`file:` URLs under the folders it is given (the project and the built-in
templates) and stops the render with a clear message for anything else.

This module imports WeasyPrint, so only the PDF renderer imports it, lazily.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

from weasyprint.urls import FatalURLFetchingError, URLFetcher, URLFetcherResponse


class RefusedFetch(FatalURLFetchingError):
    """A pack asked for something that is not a local file of the project."""


class LocalFetcher(URLFetcher):
    """Fetch `data:` URLs and existing files below `allowed`; refuse the rest."""

    def __init__(self, allowed: Iterable[Path]):
        super().__init__(allowed_protocols=("file", "data"), fail_on_errors=True)
        self.allowed = [Path(folder).resolve() for folder in allowed]

    def fetch(self, url: str, headers: dict[str, str] | None = None) -> URLFetcherResponse:
        scheme = url.split(":", 1)[0].lower()
        if scheme == "data":
            return super().fetch(url, headers)
        if scheme != "file":
            raise RefusedFetch(f"refused to fetch '{url}': PDF packs use only files inside the project")
        path = Path(url2pathname(urlsplit(url).path)).resolve()
        if not any(path.is_relative_to(folder) for folder in self.allowed):
            raise RefusedFetch(f"refused to read '{path}': it is outside the project")
        if not path.is_file():
            raise RefusedFetch(f"'{path}' was not found")
        return super().fetch(url, headers)
