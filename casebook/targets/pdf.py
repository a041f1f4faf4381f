"""The `briefing-pdf` and `trainer-pdf` targets: one A4 pack per course and force,
written as `<force>/<course>/<course>-briefing.pdf` and `<course>-trainer.pdf`.

Thin on purpose: `casebook.packs` builds the HTML, `casebook.pdf_render` turns it
into PDF bytes in a shared process pool. WeasyPrint is imported only there, only
when a PDF is rendered, never when this module is imported.
"""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import Future

from .. import packs
from ..diagnostics import ContentError, Problem
from ..pdf_render import RefusedAsset, submit_all
from . import Job


class PackTarget:
    """Renders one kind of pack for every job."""

    def __init__(self, name: str, pack: packs.Pack):
        self.name, self.pack = name, pack

    def render(self, jobs: list[Job]) -> Iterator[tuple[Job, str, bytes]]:
        """Start every PDF now (in the pool) and return the results as they are read."""
        requests = [packs.pdf_request(job, self.pack) for job in jobs]
        return self._collect(jobs, submit_all(requests))

    def _collect(self, jobs: list[Job], futures: list[Future[bytes]]) -> Iterator[tuple[Job, str, bytes]]:
        for job, future in zip(jobs, futures, strict=True):
            try:
                pdf = future.result()
            except RefusedAsset as exc:
                raise ContentError([Problem(f"templates/{self.pack.template}", 0, 0,
                                            f"{exc.reason} (while rendering {exc.name})",
                                            "put the file inside the project and refer to it by a relative "
                                            "path; packs never fetch from the network")]) from None
            yield job, self.pack.filename(job.course.id), pdf


BRIEFING = PackTarget("briefing-pdf", packs.BRIEFING)
TRAINER = PackTarget("trainer-pdf", packs.TRAINER)
