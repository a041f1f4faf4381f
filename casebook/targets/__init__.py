"""Stage 4, targets: each turns (course, force) jobs into files.

A target is a module-level object with a `name` and a `render(jobs)` that yields
`(job, relative_path, bytes)`; taking every job at once lets a slow target (the
PDFs) spread its work over a process pool. What targets share lives once:
`casebook.view` builds the data every target renders from.
"""

from __future__ import annotations

import hashlib
import importlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import Protocol

from ..library import Library
from ..models import Course, Force


@dataclass(frozen=True, eq=False)
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

    def inputs(self) -> dict[str, str]:
        """Content hashes of the files this job is built from."""
        library = self.library
        wanted = ["content/standards.yaml", library.source("course", self.course.id),
                  library.source("force", self.force.id),
                  *(library.source("scenario", s) for s in self.course.scenarios)]
        found = {k: library.input_hashes[k] for k in wanted}
        if self.force.logo:
            logo = library.asset(library.source("force", self.force.id), self.force.logo)
            shown = logo.relative_to(library.root.resolve()).as_posix()
            found[shown] = hashlib.sha256(logo.read_bytes()).hexdigest()
        return dict(sorted(found.items()))

    @cached_property
    def content_hash(self) -> str:
        """One short hash of every input, shown in manifests and on printed packs."""
        return hashlib.sha256(json.dumps(self.inputs(), sort_keys=True).encode()).hexdigest()[:12]


class Target(Protocol):
    name: str

    def render(self, jobs: list[Job]) -> Iterator[tuple[Job, str, bytes]]: ...


#: target name -> "module:attribute"; modules are imported only when their target runs,
#: so `check` and the quiz targets never import WeasyPrint.
TARGETS = {
    "web": "casebook.targets.web:WEB",
    "scorm12": "casebook.targets.scorm:SCORM12",
    "scorm2004": "casebook.targets.scorm:SCORM2004",
    "briefing-pdf": "casebook.targets.pdf:BRIEFING",
    "trainer-pdf": "casebook.targets.pdf:TRAINER",
}


def load(name: str) -> Target:
    """Import one target by name."""
    module, attribute = TARGETS[name].split(":")
    return getattr(importlib.import_module(module), attribute)
