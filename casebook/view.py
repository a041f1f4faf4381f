"""Stage 3, render: the one view of a course for one force that every target
draws from (quiz page, SCORM packages, PDF packs).

Markdown is rendered here, once; standards are resolved from ids to titles;
each step gets the interaction id the LMS records. Targets only lay this out.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from markupsafe import Markup

from . import markdown
from .typography import curly
from .models import (BasedOn, Catalogue, Decision, Exhibit, Force, Question, Quote, Scenario,
                     option_letter)
from .targets import Job


@dataclass(frozen=True)
class StandardRef:
    id: str
    title: str


@dataclass(frozen=True)
class OptionView:
    """An answer option (questions) or a choice (decisions), addressed by letter."""

    letter: str
    text: Markup
    feedback: Markup
    correct: bool
    score: int = 0
    next: str | None = None


@dataclass(frozen=True)
class StepView:
    id: str
    interaction_id: str
    kind: str  # "question" | "decision"
    type: str  # "single" | "multiple" | "true_false" | "decision"
    prompt: Markup
    options: list[OptionView]
    standards: list[StandardRef]
    weight: int
    following: str | None

    @property
    def correct_letters(self) -> list[str]:
        return [o.letter for o in self.options if o.correct]


@dataclass(frozen=True)
class ScenarioView:
    id: str
    number: int
    title: str
    summary: str
    content_note: str | None
    based_on: BasedOn
    setting: Markup
    exhibit: Exhibit | None
    steps: list[StepView]
    outcome: Markup
    breached: list[StandardRef]
    learning_points: list[str]
    discussion_prompts: list[str]


@dataclass(frozen=True)
class Branding:
    name: str
    primary: str
    on_primary: str
    accent: str
    logo: Path | None


@dataclass(frozen=True)
class CourseView:
    id: str
    source: str  # the course file, as shown in messages
    title: str
    version: str
    audience: str
    duration_minutes: int
    learning_outcomes: list[str]
    intro: Markup
    guidance: list[Quote]
    closing: Markup
    scenarios: list[ScenarioView]
    pass_mark: int
    shuffle: bool
    attempts: int
    attestation: str | None
    force: Force
    branding: Branding
    catalogues: list[Catalogue]
    built_at: str
    content_hash: str

    @property
    def build_date(self) -> str:
        return self.built_at[:10]


@lru_cache(maxsize=64)
def course_view(job: Job) -> CourseView:
    """Everything a target needs for one course and one force (built once per job)."""
    library, course, force = job.library, job.course, job.force
    standards = library.standards

    def refs(ids: list[str]) -> list[StandardRef]:
        return [StandardRef(i, standards[i].title) for i in ids]

    scenarios = [_scenario(library.scenarios[sid], n, refs) for n, sid in enumerate(course.scenarios, start=1)]
    logo = library.asset(library.source("force", force.id), force.logo) if force.logo else None
    branding = Branding(force.name, force.colours.primary, force.colours.on_primary,
                        force.colours.accent or force.colours.primary, logo)
    return CourseView(
        id=course.id, source=library.source("course", course.id), title=curly(course.title),
        version=course.version, audience=curly(course.audience),
        duration_minutes=course.duration_minutes, learning_outcomes=[curly(o) for o in course.learning_outcomes],
        intro=markdown.render(course.intro),
        guidance=[q.model_copy(update={"text": curly(q.text)}) for q in course.guidance],
        closing=markdown.render(course.closing), scenarios=scenarios,
        pass_mark=course.assessment.pass_mark, shuffle=course.assessment.shuffle,
        attempts=course.assessment.attempts,
        attestation=curly(course.attestation) if course.attestation else None, force=force,
        branding=branding, catalogues=library.catalogues, built_at=job.built_at,
        content_hash=job.content_hash)


Refs = Callable[[list[str]], list[StandardRef]]


def _scenario(scenario: Scenario, number: int, refs: Refs) -> ScenarioView:
    steps = [_step(scenario, i, refs) for i in range(len(scenario.steps))]
    based_on = scenario.based_on.model_copy(update={"outcome": curly(scenario.based_on.outcome)})
    return ScenarioView(
        id=scenario.id, number=number, title=curly(scenario.title), summary=curly(scenario.summary),
        content_note=curly(scenario.content_note) if scenario.content_note else None, based_on=based_on,
        setting=markdown.render(scenario.setting), exhibit=scenario.exhibit, steps=steps,
        outcome=markdown.render(scenario.outcome.summary), breached=refs(scenario.outcome.breached),
        learning_points=[curly(p) for p in scenario.learning_points],
        discussion_prompts=[curly(p) for p in scenario.discussion_prompts])


def _step(scenario: Scenario, index: int, refs: Refs) -> StepView:
    step = scenario.steps[index]
    following = scenario.steps[index + 1].id if index + 1 < len(scenario.steps) else None
    interaction_id = f"{scenario.id}.{step.id}"
    if isinstance(step, Question):
        options = [OptionView(option_letter(i), markdown.render_inline(o.text), markdown.render(o.feedback),
                              o.correct) for i, o in enumerate(step.options)]
        return StepView(step.id, interaction_id, "question", step.type, markdown.render(step.prompt),
                        options, refs(step.standards), step.weight, following)
    assert isinstance(step, Decision)
    best = step.weight
    choices = [OptionView(option_letter(i), markdown.render_inline(c.text), markdown.render(c.consequence),
                          c.score == best, c.score, None if c.next == "end" else (c.next or following))
               for i, c in enumerate(step.choices)]
    return StepView(step.id, interaction_id, "decision", "decision", markdown.render(step.prompt),
                    choices, refs(step.standards), best, following)
