"""Stage 4, targets: each turns (course, force) jobs into files.

A target is a module-level object with a `name` and a `render(jobs)` that yields
`(job, relative_path, bytes)`; taking every job at once lets a slow target (the
PDFs) spread its work over a process pool. What targets share lives once:
`casebook.view` builds the data every target renders from.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Protocol

from ..library import Library
from ..models import Course, Force


@dataclass(frozen=True)
class Job:
    """One course for one force."""

    library: Library
    course: Course
    force: Force
    built_at: str

    @property
    def unit(self) -> str:
        """The output folder of this job, relative to output/."""
        return f"{self.force.id}/{self.course.id}"


class Target(Protocol):
    name: str

    def render(self, jobs: list[Job]) -> Iterator[tuple[Job, str, bytes]]: ...


def registry() -> dict[str, Target]:
    """Every available target, imported lazily so `check` never pays for them."""
    return {}
