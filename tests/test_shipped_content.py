"""The shipped course keeps the promises made to forces: accurate, anonymised,
and rich enough to teach (branching, exhibits, content notes)."""

from __future__ import annotations

import re
from typing import Any

import pytest

from casebook.library import load_library
from casebook.models import Decision, Question
from conftest import REPO

LIBRARY = load_library(REPO)
COURSE = LIBRARY.courses["social-media"]

#: Real people named in the domain brief (officers, victims, others). Learner-facing
#: text must never name them; citations point at sources by address instead.
REAL_NAMES = ["Pitt", "Slym", "Geraint", "Floyd", "Parker", "Fraser", "Couzens", "Everard", "Cobban",
              "Borders", "Neville", "Bailey", "Forster", "Comfort", "Jaffer", "Lewis", "Bibaa", "Henry",
              "Smallman", "Pope", "Philpotts", "Wilson", "Trent", "Berrill", "Alston", "Lockwood",
              "Jelley", "Harrington", "Byrne", "Stephens"]


def learner_text(value: Any, key: str = "") -> list[str]:
    """Every string in a scenario except addresses (URLs are locators, not prose)."""
    if isinstance(value, dict):
        return [t for k, v in value.items() if k != "url" for t in learner_text(v, k)]
    if isinstance(value, list | tuple):
        return [t for v in value for t in learner_text(v, key)]
    return [value] if isinstance(value, str) else []


@pytest.mark.parametrize("scenario_id", sorted(LIBRARY.scenarios))
def test_no_real_person_is_named(scenario_id: str):
    text = " ".join(learner_text(LIBRARY.scenarios[scenario_id].model_dump()))
    named = [n for n in REAL_NAMES if re.search(rf"\b{n}\b", text)]
    assert not named, f"{scenario_id} names {named}"


def test_course_has_enough_cases_to_teach_from():
    scenarios = [LIBRARY.scenarios[s] for s in COURSE.scenarios]
    assert len(scenarios) >= 8
    assert sum(any(isinstance(st, Decision) for st in s.steps) for s in scenarios) >= 3
    assert sum(s.exhibit is not None for s in scenarios) >= 3
    assert len({s.based_on.force for s in scenarios}) >= 6


def test_distressing_cases_carry_a_content_note():
    for sid in ("crime-scene-photos", "silent-in-group"):
        assert LIBRARY.scenarios[sid].content_note


def test_every_question_is_tagged_and_every_option_explained():
    for scenario in LIBRARY.scenarios.values():
        for step in scenario.steps:
            assert step.standards
            items = step.options if isinstance(step, Question) else step.choices
            assert all((getattr(i, "feedback", None) or getattr(i, "consequence", None)) for i in items)


def test_course_quotes_the_code_of_ethics_with_attribution():
    quotes = " ".join(q.text for q in COURSE.guidance)
    assert "nothing you publish online can reasonably be perceived" in quotes
    assert "might undermine your own reputation or that of the policing profession" in quotes
    assert all("Code of Ethics" in q.attribution for q in COURSE.guidance)


def test_course_pass_mark_and_duration_match_the_brief():
    assert COURSE.assessment.pass_mark == 80
    assert 20 <= COURSE.duration_minutes <= 30
