"""Rules of the content model that hold for any content."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from casebook.crossref import successors
from casebook.models import Decision, Question, Scenario
from conftest import FIXTURE_PROJECT
from ruamel.yaml import YAML


def load_scenario(name: str) -> Scenario:
    return Scenario.model_validate(YAML(typ="safe").load((FIXTURE_PROJECT / "scenarios" / f"{name}.yaml").read_text()))


def test_a_decision_is_worth_its_best_choice():
    decision = next(s for s in load_scenario("group-chat").steps if isinstance(s, Decision))
    assert decision.weight == 2


def test_branching_follows_next_or_falls_through():
    scenario = load_scenario("group-chat")
    assert successors(scenario, 0) == ["act"]
    assert successors(scenario, 1) == ["follow-up", None]
    assert successors(scenario, 2) == [None]


def test_unknown_fields_are_rejected_not_ignored():
    with pytest.raises(ValidationError, match="extra"):
        Question.model_validate({"kind": "question", "id": "q", "type": "single", "prompt": "p",
                                 "standards": ["x"], "hint": "no such field",
                                 "options": [{"text": "a", "correct": True, "feedback": "f"},
                                             {"text": "b", "feedback": "f"}]})


def test_question_weight_defaults_to_one():
    q = Question.model_validate({"kind": "question", "id": "q", "type": "true_false", "prompt": "p",
                                 "standards": ["x"],
                                 "options": [{"text": "True", "correct": True, "feedback": "f"},
                                             {"text": "False", "feedback": "f"}]})
    assert q.weight == 1


@pytest.mark.parametrize(("written", "kept"), [("2020-11-24", "2020-11-24"), ("2025-01", "2025-01"),
                                               ("2018", "2018")])
def test_a_source_date_keeps_only_the_precision_known(written: str, kept: str):
    import datetime as dt

    from casebook.models import Source
    value = dt.date.fromisoformat(written) if len(written) == 10 else written
    source = Source(title="t", publisher="p", url="https://example.org", date=value)
    assert source.date == kept


def test_a_source_may_have_no_known_date():
    from casebook.models import Source
    assert Source(title="t", publisher="p", url="https://example.org").date is None
