"""The quiz's first screen comes with the page: it reads and works before the script
has loaded, without JavaScript, from a file: URL, in at most four requests."""

from __future__ import annotations

from pathlib import Path

from quiz_page import ORIGIN, Quiz, tab_to


def test_start_pressed_before_the_script_has_loaded_is_acted_on(open_quiz, fixture_site: Path):
    quiz = open_quiz(fixture_site)
    release = quiz.open_with_script_held()
    assert not quiz.page.is_visible("#start")
    quiz.page.get_by_role("button", name="Start now").click()
    assert quiz.page.evaluate("() => window.Casebook") is None, "the script must not have run yet"
    assert quiz.page.inner_text("#start").startswith("Starting the module…"), "the press shows at once"
    release()
    assert quiz.heading() == "The group chat"
    assert quiz.focused() == "H1:The group chat"
    assert quiz.page.evaluate("() => location.hash") == ""
    quiz.assert_clean()


def test_an_early_start_on_a_resumed_attempt_keeps_the_progress(open_quiz, fixture_site: Path):
    quiz = open_quiz(fixture_site)
    quiz.answer_first_question("b")
    release = quiz.open_with_script_held()
    quiz.page.get_by_role("button", name="Start now").click()
    release()
    assert quiz.step_id() == "group-chat.q1"
    assert quiz.page.is_checked("#answer-b")
    quiz.assert_clean()


def test_focus_on_start_survives_the_script_taking_over(open_quiz, fixture_site: Path):
    quiz = open_quiz(fixture_site)
    release = quiz.open_with_script_held()
    tab_to(quiz.page, "[data-start]")
    release()
    assert quiz.page.evaluate("() => document.activeElement.hasAttribute('data-start')")
    quiz.page.keyboard.press("Enter")
    quiz.page.wait_for_selector(".exhibit")
    assert quiz.focused() == "H1:The group chat"
    quiz.assert_clean()


def test_the_start_link_works_as_a_button_from_the_keyboard(open_quiz, fixture_site: Path):
    quiz = open_quiz(fixture_site)
    tab_to(quiz.page, "[data-start]")
    quiz.page.keyboard.press("Space")
    quiz.page.wait_for_selector("form.step, .exhibit")
    assert quiz.focused() == "H1:The group chat"
    quiz.assert_clean()


def test_the_page_title_does_not_change_when_the_script_takes_over(open_quiz, fixture_site: Path):
    quiz = open_quiz(fixture_site)
    release = quiz.open_with_script_held()
    before = quiz.page.title()
    release()
    assert quiz.page.title() == before == "Introduction – Basics"


def test_without_javascript_the_intro_reads_and_says_what_is_needed(browser, fixture_site: Path):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    quiz = Quiz(page, fixture_site)
    page.route("**/*", quiz.serve)
    page.goto(f"{ORIGIN}/index.html")
    text = page.inner_text("main")
    assert "By the end of this module you will be able to:" in text
    assert "This module needs JavaScript." in text
    page.get_by_role("button", name="Start now").click()
    assert "check that JavaScript is turned on" in page.inner_text("#start")
    assert quiz.outside == []
    context.close()


def test_the_page_makes_no_more_than_four_requests(browser, fixture_site: Path):
    context = browser.new_context()
    page = context.new_page()
    quiz = Quiz(page, fixture_site)
    seen: list[str] = []
    page.route("**/*", lambda route: (seen.append(route.request.url), quiz.serve(route)))
    quiz.open()
    page.wait_for_load_state("networkidle")
    assert sorted(u.removeprefix(ORIGIN + "/") for u in seen) == ["index.html", "logo.svg", "quiz.js"]
    assert sum((fixture_site / f).stat().st_size for f in ("index.html", "logo.svg", "quiz.js")) < 60_000
    context.close()


def test_the_page_works_from_a_file_url(browser, fixture_site: Path):
    context = browser.new_context()
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.route("http*://**/*", lambda route: (errors.append(route.request.url), route.abort()))
    page.goto((fixture_site / "index.html").as_uri())
    page.get_by_role("button", name="Start now").click()
    assert page.inner_text("main h1") == "The group chat"
    assert page.evaluate("() => getComputedStyle(document.querySelector('.button')).boxShadow") != "none"
    assert errors == []
    context.close()


def test_an_early_start_is_acted_on_from_a_file_url_too(browser, fixture_site: Path):
    context = browser.new_context()
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto((fixture_site / "index.html").as_uri() + "#start")  # as a press before the script ran leaves it
    page.wait_for_function("() => window.Casebook && Casebook.quiz && Casebook.quiz.state")
    assert page.inner_text("main h1") == "The group chat"
    assert page.evaluate("() => location.hash") == ""
    assert errors == []
    context.close()
