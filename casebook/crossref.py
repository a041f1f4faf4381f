"""Stage 2b: rules that span objects or files, checked once every file is parsed.

Ids must resolve (standards, scenarios, steps, assets), and every scenario's
steps must form a graph a learner can walk: every step reachable from the first,
no path that loops back on itself, so every path ends.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path, PurePosixPath, PureWindowsPath

from . import contrast
from .clock import build_datetime
from .diagnostics import Problem, suggest
from .loader import Document
from .models import Course, Decision, Force, Scenario, StandardsFile


def check_standard_ids(doc: Document, standards: StandardsFile) -> list[Problem]:
    """Standard ids are referred to from every scenario, so they must be unique."""
    seen: set[str] = set()
    problems = []
    for ci, catalogue in enumerate(standards.catalogues):
        for si, standard in enumerate(catalogue.standards):
            if standard.id in seen:
                problems.append(doc.problem(("catalogues", ci, "standards", si, "id"),
                                            f"duplicate standard id '{standard.id}'", "ids must be unique"))
            seen.add(standard.id)
    return problems


def successors(scenario: Scenario, index: int) -> list[str | None]:
    """Where a learner can go after step `index`: step ids, or None for the end."""
    step = scenario.steps[index]
    following = scenario.steps[index + 1].id if index + 1 < len(scenario.steps) else None
    if not isinstance(step, Decision):
        return [following]
    return [None if c.next == "end" else (c.next or following) for c in step.choices]


@dataclass
class Checks:
    """Cross-file checks, given what the whole project defines."""

    root: Path
    standard_ids: set[str] | None
    scenario_files: set[str]

    def scenario(self, doc: Document, scenario: Scenario) -> list[Problem]:
        problems = self._standards(doc, scenario)
        problems += self._step_graph(doc, scenario)
        problems += self._review_due(doc, scenario)
        return problems

    def _review_due(self, doc: Document, scenario: Scenario) -> list[Problem]:
        """Outcomes change (appeals, new hearings): an unreviewed scenario may now be wrong."""
        today = build_datetime().date()
        if scenario.review.review_by >= today:
            return []
        return [doc.problem(("review", "review_by"), f"review overdue since {scenario.review.review_by}",
                            "check the case against its sources, then update 'last_reviewed' and "
                            "'review_by'", severity="warning")]

    def _standards(self, doc: Document, scenario: Scenario) -> list[Problem]:
        if self.standard_ids is None:
            return []
        refs = [(("outcome", "breached", i), s) for i, s in enumerate(scenario.outcome.breached)]
        for si, step in enumerate(scenario.steps):
            refs += [(("steps", si, "standards", i), s) for i, s in enumerate(step.standards)]
        known = sorted(self.standard_ids)
        return [doc.problem(loc, f"unknown standard '{sid}'",
                            suggest(sid, known) or "see content/standards.yaml for the ids")
                for loc, sid in refs if sid not in self.standard_ids]

    def _step_graph(self, doc: Document, scenario: Scenario) -> list[Problem]:
        ids = [s.id for s in scenario.steps]
        problems = [doc.problem(("steps", i, "id"), f"duplicate step id '{sid}'", "step ids must be unique")
                    for i, sid in enumerate(ids) if sid in ids[:i]]
        for si, step in enumerate(scenario.steps):
            if isinstance(step, Decision):
                problems += [doc.problem(("steps", si, "choices", ci, "next"),
                                         f"'next' names no step: '{c.next}'",
                                         suggest(c.next, ids) or f"use one of: {', '.join(ids)}, or 'end'")
                             for ci, c in enumerate(step.choices) if c.next not in (None, "end", *ids)]
        if problems:
            return problems
        return self._unreachable(doc, scenario) + self._loops(doc, scenario)

    def _unreachable(self, doc: Document, scenario: Scenario) -> list[Problem]:
        index = {s.id: i for i, s in enumerate(scenario.steps)}
        seen, todo = {0}, [0]
        while todo:
            for nxt in successors(scenario, todo.pop()):
                if nxt is not None and index[nxt] not in seen:
                    seen.add(index[nxt])
                    todo.append(index[nxt])
        return [doc.problem(("steps", i, "id"), f"no path reaches step '{s.id}'",
                            "point a decision choice's 'next' at it, or remove it")
                for i, s in enumerate(scenario.steps) if i not in seen]

    def _loops(self, doc: Document, scenario: Scenario) -> list[Problem]:
        """A path that returns to a step it has visited could go round forever."""
        index = {s.id: i for i, s in enumerate(scenario.steps)}
        state: dict[int, str] = {}
        problems: list[Problem] = []

        def visit(i: int, trail: list[str]) -> None:
            state[i] = "open"
            for nxt in successors(scenario, i):
                if nxt is None:
                    continue
                j = index[nxt]
                if state.get(j) == "open":
                    loop = " -> ".join([*trail[trail.index(nxt):], nxt])
                    problems.append(doc.problem(("steps", i, "id"), f"this path never ends: {loop}",
                                                "make one of the choices lead forward or to 'end'"))
                elif j not in state:
                    visit(j, [*trail, nxt])
            state[i] = "done"

        visit(0, [scenario.steps[0].id])
        return problems

    def course(self, doc: Document, course: Course) -> list[Problem]:
        problems = []
        for i, sid in enumerate(course.scenarios):
            if sid not in self.scenario_files:
                problems.append(doc.problem(("scenarios", i), f"no scenario '{sid}' in scenarios/",
                                            suggest(sid, sorted(self.scenario_files))
                                            or f"create scenarios/{sid}.yaml or remove it from the list"))
            elif sid in course.scenarios[:i]:
                problems.append(doc.problem(("scenarios", i), f"scenario '{sid}' is listed twice",
                                            "list each scenario once"))
        return problems

    def force(self, doc: Document, force: Force) -> list[Problem]:
        problems = contrast.force_problems(doc, force)
        if force.logo is not None and (problem := check_asset(self.root, doc, ("logo",), force.logo)):
            problems.append(problem)
        return problems


def check_asset(root: Path, doc: Document, loc: tuple[str, ...], value: str) -> Problem | None:
    """Assets must be local files inside the project, named relative to the file naming them."""
    if PurePosixPath(value).is_absolute() or PureWindowsPath(value).is_absolute() or "://" in value:
        return doc.problem(loc, f"asset path '{value}' is absolute",
                           "give a path relative to this file, e.g. 'logos/force.svg'")
    if ".." in PurePosixPath(value.replace("\\", "/")).parts:
        return doc.problem(loc, f"asset path '{value}' leaves its folder with '..'",
                           "keep assets beside or below the file that names them")
    target = (doc.path.parent / value).resolve()
    if not target.is_relative_to(root.resolve()):
        return doc.problem(loc, f"asset path '{value}' points outside the project",
                           "keep assets inside the project folder")
    if not target.is_file():
        return doc.problem(loc, f"asset '{value}' not found (looked for {target.relative_to(root.resolve())})",
                           "check the spelling and that the file is committed")
    return None
