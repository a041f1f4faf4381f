"""The standalone quiz page, played through in a real browser: passing and failing by
keyboard alone, focus on each new screen, resume after a reload, the results, the
review and the resume data (drivers in quiz_page.py)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import FIXTURE_PROJECT, REPO, build_web
from quiz_page import best_letters, complete_by_keyboard, course_data, shown_percent, worst_letters


def test_the_shipped_course_can_be_passed_by_keyboard_alone(open_quiz, shipped_site: Path):
    quiz = open_quiz(shipped_site)
    expected = complete_by_keyboard(quiz, best_letters)
    assert expected == 100
    assert shown_percent(quiz) == 100
    assert quiz.page.inner_text(".panel__title") == "You passed"
    quiz.assert_clean()


def test_the_shipped_course_can_be_failed_by_keyboard_alone(open_quiz, shipped_site: Path):
    quiz = open_quiz(shipped_site)
    expected = complete_by_keyboard(quiz, worst_letters)
    assert shown_percent(quiz) == expected
    assert expected < course_data(shipped_site)["passMark"]
    assert quiz.page.inner_text(".panel__title") == "You did not pass this time"
    assert quiz.page.get_by_role("button", name="Try again").is_visible()
    quiz.assert_clean()


def test_the_fixture_course_can_be_passed_and_failed_by_keyboard(open_quiz, fixture_site: Path):
    quiz = open_quiz(fixture_site)
    assert complete_by_keyboard(quiz, best_letters) == 100
    assert shown_percent(quiz) == 100
    quiz.reload()  # a passed attempt is finished: the page starts afresh
    assert quiz.heading() == "Basics"
    expected = complete_by_keyboard(quiz, worst_letters)
    assert shown_percent(quiz) == expected
    quiz.assert_clean()


def test_resume_after_reload_returns_to_the_same_step_with_answers_kept(open_quiz, fixture_site: Path):
    quiz = open_quiz(fixture_site)
    quiz.answer_first_question("b")
    quiz.reload()
    assert quiz.step_id() == "group-chat.q1"
    assert quiz.page.is_checked("#answer-b")
    assert "Correct" in quiz.page.inner_text("#feedback")
    quiz.press("Continue")
    quiz.choose("b")
    quiz.press("Confirm choice")
    quiz.press("Continue")
    quiz.reload()
    assert quiz.heading() == "What happened in the real case"
    quiz.press("Next scenario")
    quiz.press("Continue")
    quiz.choose("a", "b")
    quiz.press("Check answer")
    quiz.press("Continue")
    quiz.press("See your result")
    assert shown_percent(quiz) == 100
    quiz.assert_clean()


def test_focus_moves_to_each_new_heading(open_quiz, fixture_site: Path):
    quiz = open_quiz(fixture_site)
    for name, heading in [("Start now", "The group chat"), ("Continue", "Is the group private?")]:
        quiz.press(name)
        assert quiz.focused() == "H1:" + heading



# --- tests: resume data ---------------------------------------------------------------------

WORST_CASE_JS = """() => {
  const course = JSON.parse(document.getElementById('course-data').textContent);
  const engine = new Casebook.Engine(course);
  const positions = ['i', 'r', 'v'];
  course.scenarios.forEach((_, s) => positions.push('n' + s));
  course.scenarios.forEach((_, s) => positions.push('o' + s));
  course.scenarios.forEach((sc, s) => sc.steps.forEach((_, j) => positions.push('q' + s + '-' + j)));
  const at = positions.reduce((a, b) => (b.length > a.length ? b : a));
  const state = engine.newState(course.attempts || Casebook.Engine.MAX_ATTEMPT);
  state.seed = 4294967295;
  state.at = at;
  state.attested = true;
  engine.flat.forEach(f => engine.answer(state, f.step, f.step.type === 'multiple'
    ? f.step.options.map((_, i) => Casebook.Engine.LETTERS[i])
    : [Casebook.Engine.LETTERS[f.step.options.length - 1]]));
  const text = engine.serialize(state);
  return {text: text, back: engine.serialize(engine.deserialize(text))};
}"""


@pytest.mark.parametrize("which", ["fixture_site", "shipped_site"])
def test_worst_case_resume_data_matches_the_build_check(open_quiz, request, which: str):
    from casebook import suspend
    from casebook.library import load_library

    site = request.getfixturevalue(which)
    root = FIXTURE_PROJECT if which == "fixture_site" else REPO
    library = load_library(root)
    course = next(iter(library.courses.values()))
    worst = suspend.worst_case(course, [library.scenarios[s] for s in course.scenarios])
    quiz = open_quiz(site)
    result = quiz.page.evaluate(WORST_CASE_JS)
    assert result["text"] == worst
    assert result["back"] == result["text"]
    assert len(result["text"]) <= suspend.LIMIT


def test_an_outcome_with_no_published_finding_says_so(open_quiz, rich_site: Path):
    quiz = open_quiz(rich_site)
    quiz.page.evaluate("() => Casebook.quiz.go('o1')")  # the second scenario's real-case outcome
    body = quiz.page.inner_text("main")
    assert "Standards found breached" in body
    assert "The public record does not list which standards were found breached." in body
    assert "Example News, November 2019" in body  # a month-only source date is not given a day
    quiz.page.evaluate("() => Casebook.quiz.go('o0')")
    assert "Discreditable conduct" in quiz.page.inner_text("main")
    quiz.assert_clean()


def test_review_lists_every_answer_and_survives_a_reload(open_quiz, fixture_site: Path):
    quiz = open_quiz(fixture_site)
    complete_by_keyboard(quiz, best_letters)
    quiz.press("Review your answers")
    body = quiz.page.inner_text("main")
    assert quiz.heading() == "Review your answers"
    assert "Is the group private?" in body and "Which apply to personal accounts?" in body
    quiz.reload()  # the attempt is finished: the learner may start again
    assert quiz.heading() == "Basics"
    assert quiz.page.get_by_role("button", name="Start now").is_visible()
    quiz.assert_clean()


def test_a_pass_awaiting_the_attestation_resumes_on_the_results(open_quiz, rich_site: Path):
    quiz = open_quiz(rich_site)
    complete_by_keyboard(quiz, best_letters)
    assert quiz.page.evaluate("() => Casebook.quiz.engine.finished(Casebook.quiz.state)") is False
    quiz.reload()
    assert quiz.heading() == "Your result"
    assert quiz.page.is_visible("#attest")
    quiz.assert_clean()


def test_step_captions_count_along_the_learners_own_path(open_quiz, tmp_path_factory):
    root = tmp_path_factory.mktemp("branch") / "project"
    shutil.copytree(FIXTURE_PROJECT, root)
    chat = root / "scenarios" / "group-chat.yaml"
    text = chat.read_text().replace("        score: 2\n        next: end\n", "        score: 2\n        next: last\n")
    text = text.replace("outcome:\n", """  - kind: question
    id: last
    type: true_false
    prompt: Reporting protects the public.
    standards: [challenging-reporting]
    options:
      - text: "True"
        correct: true
        feedback: It does.
      - text: "False"
        feedback: It does.
outcome:
""", 1)
    chat.write_text(text)
    quiz = open_quiz(build_web(root, tmp_path_factory.mktemp("branch-out")))
    quiz.press("Start now")
    quiz.press("Continue")
    assert "Scenario 1 of 2, question 1" in quiz.page.inner_text("main")
    quiz.choose("b")
    quiz.press("Check answer")
    quiz.press("Continue")
    quiz.choose("b")  # report it: the branch skips the follow-up and goes to the last step
    quiz.press("Confirm choice")
    quiz.press("Continue")
    assert quiz.heading() == "Reporting protects the public."
    text = quiz.page.inner_text("main")
    assert "Scenario 1 of 2, question 3" in text and "question 4" not in text and " of 4" not in text
    quiz.assert_clean()
