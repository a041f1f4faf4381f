"""The trainer's session plan: how a course's minutes are shared out.

A trainer runs the session to the course's advertised duration, so the plan's
timings must add up to `duration_minutes` exactly. The opening and the close
(with the attendance sheet) get a fixed share; the rest is split between the
scenarios in proportion to how much there is to discuss in each, by the
largest-remainder method so no minute is lost to rounding.
"""

from __future__ import annotations

from dataclasses import dataclass

from .view import CourseView, ScenarioView

INTRO_SHARE = 0.10
CLOSING_SHARE = 0.15


@dataclass(frozen=True)
class Slot:
    """One row of the plan: when it starts (minutes in), for how long, and what."""

    start: int
    minutes: int
    activity: str
    notes: str

    @property
    def end(self) -> int:
        return self.start + self.minutes


def session_plan(course: CourseView) -> list[Slot]:
    """Opening, one slot per scenario, closing; the minutes sum to the course duration."""
    total = course.duration_minutes
    intro = max(1, round(total * INTRO_SHARE))
    closing = max(1, round(total * CLOSING_SHARE))
    shares = apportion(total - intro - closing, [_discussion_weight(s) for s in course.scenarios])
    rows = [(intro, "Welcome and purpose", "Why the Standards apply online; the learning outcomes.")]
    rows += [(m, f"Case {s.number}: {s.title}", _scenario_notes(s))
             for s, m in zip(course.scenarios, shares)]
    rows.append((closing, "Close and sign-off", "Key messages, how to report, attendance sheet."))
    return _timed(rows)


def apportion(minutes: int, weights: list[int]) -> list[int]:
    """Split `minutes` in proportion to `weights`; the parts always sum to `minutes`."""
    total = sum(weights)
    exact = [minutes * w / total for w in weights]
    parts = [int(x) for x in exact]
    by_remainder = sorted(range(len(weights)), key=lambda i: (parts[i] - exact[i], i))
    for i in by_remainder[: minutes - sum(parts)]:
        parts[i] += 1
    return parts


def _discussion_weight(scenario: ScenarioView) -> int:
    """Reading the case, then each step and each prompt, take roughly equal time."""
    return 2 + len(scenario.steps) + len(scenario.discussion_prompts)


def _scenario_notes(scenario: ScenarioView) -> str:
    prompts = len(scenario.discussion_prompts)
    note = "Read the content note aloud first. " if scenario.content_note else ""
    exhibit = "situation and exhibit" if scenario.exhibit else "situation"
    return f"{note}Read the {exhibit}; {prompts} discussion prompt{'s' * (prompts != 1)}."


def _timed(rows: list[tuple[int, str, str]]) -> list[Slot]:
    slots, start = [], 0
    for minutes, activity, notes in rows:
        slots.append(Slot(start, minutes, activity, notes))
        start += minutes
    return slots
