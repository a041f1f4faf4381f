"""The `web` target: the quiz as a standalone page, for a force's intranet or a
file share. Progress is kept in the browser (localStorage)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from .. import templating
from ..view import course_view
from . import Job
from .quiz import quiz_files


@dataclass(frozen=True)
class WebTarget:
    name: str = "web"

    def render(self, jobs: list[Job]) -> Iterator[tuple[Job, str, bytes]]:
        for job in jobs:
            files = quiz_files(course_view(job), templating.environment(job.library.root), "web")
            for name, data in sorted(files.items()):
                yield job, f"web/{name}", data


WEB = WebTarget()
