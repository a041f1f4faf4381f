"""The trainer's session plan always adds up to the course's advertised duration."""

from __future__ import annotations

from dataclasses import replace

import pytest

from casebook.library import load_library
from casebook.pipeline import plan
from casebook.session_plan import apportion, session_plan
from casebook.view import course_view
from conftest import FIXTURE_PROJECT


@pytest.fixture(scope="module")
def view():  # type: ignore[no-untyped-def]
    return course_view(plan(load_library(FIXTURE_PROJECT), ("default",))[0])


@pytest.mark.parametrize("minutes", [5, 6, 7, 13, 20, 29, 30, 40, 45, 61, 90, 240])
def test_timings_sum_exactly_to_the_course_duration(view, minutes: int):  # type: ignore[no-untyped-def]
    slots = session_plan(replace(view, duration_minutes=minutes))
    assert sum(s.minutes for s in slots) == minutes
    assert slots[-1].end == minutes


def test_plan_opens_gives_each_scenario_a_slot_and_closes(view):  # type: ignore[no-untyped-def]
    slots = session_plan(view)
    assert [s.activity for s in slots] == [
        "Welcome and purpose", "Case 1: The group chat", "Case 2: The public post", "Close and sign-off"]
    assert all(later.start == earlier.end for earlier, later in zip(slots, slots[1:]))


def test_the_scenario_with_more_to_discuss_gets_more_time(view):  # type: ignore[no-untyped-def]
    group_chat, public_post = session_plan(replace(view, duration_minutes=40))[1:3]
    assert group_chat.minutes > public_post.minutes


@pytest.mark.parametrize("minutes, weights", [(10, [1, 1, 1]), (7, [3, 1]), (1, [5, 5]), (100, [1, 2, 3, 4])])
def test_apportion_never_loses_or_invents_a_minute(minutes: int, weights: list[int]):
    assert sum(apportion(minutes, weights)) == minutes
