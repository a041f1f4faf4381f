"""HTML to PDF bytes, in worker processes that pay WeasyPrint's start-up once.

Importing WeasyPrint costs most of a second and each page tens of
milliseconds, so: nothing imports it until a PDF is actually wanted (`check`
and the quiz targets never do); PDFs go to one process pool, kept for the rest of the run so
the briefing and trainer targets render side by side. The pool is forked after this
process has imported WeasyPrint, so its workers start already warm (measured as
the fastest way to make many PDFs on two cores).

Workers receive plain `PdfRequest`s (HTML already rendered by Jinja here) and
return bytes; nothing else crosses the process boundary.
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

#: WeasyPrint's tagged, accessible variant: a structure tree, /Lang, a title.
PDF_VARIANT = "pdf/ua-1"
MAX_WORKERS = 2

_pool: ProcessPoolExecutor | None = None


@dataclass(frozen=True)
class PdfRequest:
    """Everything a worker needs to make one PDF."""

    name: str
    html: str
    base_url: str
    allowed: tuple[Path, ...]
    identifier: bytes


class RefusedAsset(Exception):
    """A PDF wanted a file from outside the project, or one that does not exist."""

    def __init__(self, name: str, reason: str):
        super().__init__(name, reason)
        self.name, self.reason = name, reason


def submit_all(requests: list[PdfRequest]) -> list[Future[bytes]]:
    """Start rendering every request now; the futures resolve to PDF bytes in order.

    Starting at once, not when the results are read, lets the briefing and trainer
    targets (and the quiz targets in this process) all work at the same time."""
    pool = _shared_pool()
    return [pool.submit(render_one, r) for r in requests]


def render_one(request: PdfRequest) -> bytes:
    """Render one PDF in this process (a pool worker, or a caller such as the benchmark)."""
    import weasyprint  # deferred: only PDF rendering pays for the import

    from .local_fetch import LocalFetcher, RefusedFetch

    html = weasyprint.HTML(string=request.html, base_url=request.base_url,
                           url_fetcher=LocalFetcher(request.allowed))
    try:
        return html.write_pdf(pdf_variant=PDF_VARIANT, pdf_identifier=request.identifier)
    except RefusedFetch as exc:
        raise RefusedAsset(request.name, str(exc)) from None


def _shared_pool() -> ProcessPoolExecutor:
    """One pool per run, forked after importing WeasyPrint so workers start warm."""
    global _pool
    if _pool is None:
        import weasyprint  # noqa: F401  (imported before forking, inherited by workers)

        workers = max(1, min(MAX_WORKERS, os.cpu_count() or 1))
        _pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork"),
                                    initializer=_import_weasyprint)
    return _pool


def _import_weasyprint() -> None:
    """Worker initializer: a no-op when forked warm, the one import otherwise."""
    import weasyprint  # noqa: F401
