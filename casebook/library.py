"""Stages 1 and 2 together: read every content file of a project and return a
validated `Library`, or raise `ContentError` listing every problem in every file.

A project folder holds content/standards.yaml, content/courses/*.yaml,
content/forces/*.yaml and scenarios/*.yaml. Nothing is written here.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel

from . import crossref, suspend
from .diagnostics import ContentError, Problem, display_path
from .loader import Document, load_yaml
from .models import Catalogue, Course, Force, Scenario, Standard, StandardsFile
from .validate import parse

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class Library:
    """Everything a build needs, validated and cross-checked."""

    root: Path
    catalogues: list[Catalogue]
    scenarios: dict[str, Scenario]
    courses: dict[str, Course]
    forces: dict[str, Force]
    documents: dict[str, Document] = field(repr=False)
    input_hashes: dict[str, str] = field(repr=False)
    warnings: list[Problem] = field(default_factory=list, repr=False)
    #: "scenario:<id>", "course:<id>", "force:<id>" -> the file that defines it, as shown in
    #: messages (.yaml or .yml: the id says which thing, not which spelling of the file).
    sources: dict[str, str] = field(default_factory=dict, repr=False)

    @property
    def standards(self) -> dict[str, Standard]:
        return {s.id: s for c in self.catalogues for s in c.standards}

    def source(self, kind: str, item_id: str) -> str:
        """The project-relative path of the file defining `item_id` of `kind`."""
        return self.sources[f"{kind}:{item_id}"]

    def asset(self, owner: str, relative: str) -> Path:
        """The file an asset path names, relative to the document `owner` that names it."""
        return (self.documents[owner].path.parent / relative).resolve()


@dataclass
class _Reader:
    """Collects documents, models and problems while the project is read."""

    root: Path
    problems: list[Problem] = field(default_factory=list)
    documents: dict[str, Document] = field(default_factory=dict)
    hashes: dict[str, str] = field(default_factory=dict)

    def read(self, path: Path, model: type[M]) -> tuple[Document, M] | None:
        raw = path.read_bytes()  # read once: hashed for build.json, then parsed
        self.hashes[display_path(path, self.root)] = hashlib.sha256(raw).hexdigest()
        loaded = load_yaml(path, self.root, raw)
        if isinstance(loaded, Problem):
            self.problems.append(loaded)
            return None
        parsed = parse(loaded, model)
        if isinstance(parsed, list):
            self.problems.extend(parsed)
            return None
        self.documents[loaded.shown] = loaded
        return loaded, parsed

    def read_folder(self, folder: Path, model: type[M], what: str) -> dict[str, tuple[Document, M]]:
        """Read *.yaml in `folder`; ids must match file names and be unique."""
        found: dict[str, tuple[Document, M]] = {}
        files = sorted(folder.glob("*.yaml")) + sorted(folder.glob("*.yml"))
        if not files:
            shown = display_path(folder, self.root)
            self.problems.append(Problem(shown, 0, 0, f"no {what} files found in {shown}/",
                                         f"add at least one {what} as a .yaml file"))
        for path in files:
            result = self.read(path, model)
            if result is None:
                continue
            doc, item = result
            item_id = item.id
            if item_id != path.stem:
                self.problems.append(doc.problem(("id",), f"id '{item_id}' differs from the file name "
                                                 f"'{path.name}'", f"rename the file to '{item_id}.yaml' "
                                                 f"or change the id to '{path.stem}'"))
            if item_id in found:
                other = found[item_id][0].shown
                self.problems.append(doc.problem(("id",), f"duplicate {what} id '{item_id}' "
                                                 f"(also used in {other})", "ids must be unique"))
                continue
            found[item_id] = (doc, item)
        return found


def load_library(root: Path) -> Library:
    """Read and validate the whole project at `root`."""
    reader = _Reader(root)
    standards_path = root / "content" / "standards.yaml"
    catalogues: list[Catalogue] = []
    if not standards_path.is_file():
        reader.problems.append(Problem("content/standards.yaml", 0, 0, "the standards catalogue is missing",
                                       "create content/standards.yaml listing the standards"))
    elif (result := reader.read(standards_path, StandardsFile)) is not None:
        catalogues = result[1].catalogues
        reader.problems.extend(crossref.check_standard_ids(result[0], result[1]))
    scenarios = reader.read_folder(root / "scenarios", Scenario, "scenario")
    courses = reader.read_folder(root / "content" / "courses", Course, "course")
    forces = reader.read_folder(root / "content" / "forces", Force, "force profile")
    standard_ids = {s.id for c in catalogues for s in c.standards}
    scenario_files = {p.stem for p in (root / "scenarios").glob("*.y*ml")}
    checks = crossref.Checks(root, standard_ids if catalogues else None, scenario_files)
    for doc, scenario in scenarios.values():
        reader.problems.extend(checks.scenario(doc, scenario))
    for doc, course in courses.values():
        reader.problems.extend(checks.course(doc, course))
        if all(sid in scenarios for sid in course.scenarios):
            reader.problems.extend(suspend.check(doc, course, [scenarios[sid][1] for sid in course.scenarios]))
    for doc, force in forces.values():
        reader.problems.extend(checks.force(doc, force))
    warnings = [p for p in reader.problems if p.severity == "warning"]
    errors = [p for p in reader.problems if p.severity == "error"]
    if errors:
        raise ContentError(errors)
    return Library(
        root=root,
        catalogues=catalogues,
        scenarios={k: v[1] for k, v in scenarios.items()},
        courses={k: v[1] for k, v in courses.items()},
        forces={k: v[1] for k, v in forces.items()},
        documents=reader.documents,
        input_hashes=dict(sorted(reader.hashes.items())),
        warnings=sorted(warnings),
        sources={f"{kind}:{k}": v[0].shown for kind, found in
                 (("scenario", scenarios), ("course", courses), ("force", forces)) for k, v in found.items()},
    )
