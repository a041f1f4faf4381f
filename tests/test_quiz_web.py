"""The standalone quiz page in a real browser (Debian's Chromium, driven by Playwright).

The built web folder is served from a fake origin through Playwright routing, so
no port is opened and any request outside the package is refused and recorded.
Every test ends by checking that nothing left the package, nothing broke the
Content-Security-Policy and nothing was logged as an error.
"""

from __future__ import annotations

import json
import math
import re
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from conftest import FIXTURE_PROJECT, REPO
from fake_origin import serve

from casebook.cli import main
from playwright.sync_api import Error as PlaywrightError

ORIGIN = "http://quiz.test"
AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
WATCH_CSP = """document.addEventListener('securitypolicyviolation',
  e => (window.__csp = window.__csp || []).push(e.violatedDirective + ' ' + e.blockedURI));"""



# --- building --------------------------------------------------------------------------

def build_web(root: Path, out: Path, force: str = "default") -> Path:
    """Build the web target of `root` and return the folder of its only course."""
    code = main(["build", "--root", str(root), "--out", str(out), "--target", "web", "--force", force, "-q"])
    assert code == 0
    [folder] = (out / force).iterdir()
    return folder / "web"


def course_data(site: Path) -> dict[str, Any]:
    """The course JSON embedded in the page, as the runtime reads it."""
    html = (site / "index.html").read_text()
    raw = re.search(r'<script type="application/json" id="course-data">(.*?)</script>', html, re.DOTALL)
    assert raw
    return json.loads(raw.group(1))


def rich_project(dest: Path) -> Path:
    """The fixture project plus a content note, an exhibit caption, an attestation and
    hostile content (script tags, a javascript: link, a script-closing string)."""
    shutil.copytree(FIXTURE_PROJECT, dest)
    chat = dest / "scenarios" / "group-chat.yaml"
    text = chat.read_text()
    text = text.replace("setting: You are a PC in a team WhatsApp group.\n",
                        "content_note: This scenario describes a meme mocking disability.\n"
                        "setting: |\n  You are a PC in a team WhatsApp group. <script>window.__xss = 1</script>\n\n"
                        "  [Read the policy](javascript:window.__xss=2) <img src=x onerror=\"window.__xss=3\">\n")
    text = text.replace("  title: Team B\n", "  title: Team B\n  caption: 9 members\n")
    text = text.replace("      attachment: A meme mocking a disabled person.\n",
                        "      attachment: A meme mocking a disabled person.\n"
                        "      reactions: [\"😂 3\"]\n"
                        "    - sender: Jo (PC)\n      time: \"21:16\"\n"
                        "      text: \"</script><script>window.__xss = 4</script> lol\"\n")
    chat.write_text(text)
    post = dest / "scenarios" / "public-post.yaml"
    post.write_text(post.read_text().replace("  breached: [discreditable-conduct]\n", "")
                    .replace("date: 2019-11-20", "date: 2019-11"))
    course = dest / "content" / "courses" / "basics.yaml"
    course.write_text(course.read_text() + "attestation: I understand the Standards apply online.\n"
                      "guidance:\n  - text: Think before you post.\n    attribution: College of Policing\n"
                      "assessment:\n  pass_mark: 50\n")
    return dest


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """tests/fixtures/project built for the Testshire force (it has a logo)."""
    return build_web(FIXTURE_PROJECT, tmp_path_factory.mktemp("fixture-out"), "testshire")


@pytest.fixture(scope="session")
def rich_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = rich_project(tmp_path_factory.mktemp("rich") / "project")
    return build_web(root, tmp_path_factory.mktemp("rich-out"), "testshire")


@pytest.fixture(scope="session")
def shipped_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's own course."""
    return build_web(REPO, tmp_path_factory.mktemp("shipped-out"), "northshire")


# --- the browser -------------------------------------------------------------------------

@dataclass
class Quiz:
    """One page of the quiz, with what it asked for and what went wrong."""

    page: Any
    site: Path
    outside: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def serve(self, route: Any) -> None:
        serve(route, ORIGIN, lambda path: self.site / path, self.outside)

    def open(self) -> Quiz:
        self.page.goto(f"{ORIGIN}/index.html")
        return self.booted()

    def reload(self) -> Quiz:
        self.page.reload()
        return self.booted()

    def booted(self) -> Quiz:
        """Wait for the script: the intro is in the page before it runs, later screens are not."""
        self.page.wait_for_function("() => window.Casebook && Casebook.quiz && Casebook.quiz.state")
        return self

    def csp_violations(self) -> list[str]:
        return self.page.evaluate("() => window.__csp || []")

    def assert_clean(self) -> None:
        assert self.outside == [], "requests left the package"
        assert self.errors == [], "errors in the console"
        assert self.csp_violations() == []

    # --- reading the screen
    def heading(self) -> str:
        return self.page.inner_text("main h1").strip()

    def focused(self) -> str:
        return self.page.evaluate("() => document.activeElement.tagName + ':' + document.activeElement.textContent.trim()")

    def step_id(self) -> str | None:
        form = self.page.query_selector("form.step")
        return form.get_attribute("data-step") if form else None

    # --- acting with the mouse (keyboard tests use the helpers further down)
    def press(self, name: str) -> None:
        self.page.get_by_role("button", name=name, exact=True).click()

    def choose(self, *letters: str) -> None:
        for letter in letters:
            self.page.check(f"#answer-{letter}")


@pytest.fixture
def open_quiz(browser: Any) -> Iterator[Callable[..., Quiz]]:
    contexts = []

    def opener(site: Path, **options: Any) -> Quiz:
        context = browser.new_context(**options)
        context.set_default_timeout(5000)
        contexts.append(context)
        page = context.new_page()
        quiz = Quiz(page, site)
        page.add_init_script(WATCH_CSP)
        page.route("**/*", quiz.serve)
        page.on("console", lambda m: quiz.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: quiz.errors.append(str(e)))
        return quiz.open()

    yield opener
    for context in contexts:
        context.close()


# --- keyboard only -----------------------------------------------------------------------

def tab_to(page: Any, selector: str, limit: int = 80) -> None:
    """Press Tab until the focused element matches `selector`."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def answer_by_keyboard(page: Any, letters: list[str]) -> None:
    """Select letters with Tab, Space and the arrow keys (native radio groups move with
    arrows), then press Enter on the submit button."""
    inputs = page.eval_on_selector_all("form.step input", "els => els.map(e => [e.value, e.type])")
    order = [value for value, _ in inputs]
    tab_to(page, "form.step input")
    if inputs[0][1] == "radio":
        steps = order.index(letters[0]) - order.index(page.evaluate("() => document.activeElement.value"))
        for _ in range(steps):
            page.keyboard.press("ArrowDown")
        if steps == 0:
            page.keyboard.press("Space")
    else:
        for i, value in enumerate(order):
            if value in letters:
                page.keyboard.press("Space")
            if i < len(order) - 1:
                page.keyboard.press("Tab")
    tab_to(page, "form.step button[type=submit]")
    page.keyboard.press("Enter")


def best_letters(step: dict[str, Any]) -> list[str]:
    options = step["options"]
    if step["type"] == "decision":
        return [max(zip("abcdefghijklmnopqrstuvwxyz", options), key=lambda p: p[1]["score"])[0]]
    return [letter for letter, o in zip("abcdefghijklmnopqrstuvwxyz", options) if o["correct"]]


def worst_letters(step: dict[str, Any]) -> list[str]:
    options = list(zip("abcdefghijklmnopqrstuvwxyz", step["options"]))
    if step["type"] == "decision":
        return [min(options, key=lambda p: p[1]["score"])[0]]
    return [next(letter for letter, o in options if not o["correct"])]


def marks(step: dict[str, Any], letters: list[str]) -> int:
    if step["type"] == "decision":
        return step["options"]["abcdefghijklmnopqrstuvwxyz".index(letters[0])]["score"]
    return step["weight"] if sorted(letters) == best_letters(step) else 0


def complete_by_keyboard(quiz: Quiz, chooser: Callable[[dict[str, Any]], list[str]]) -> int:
    """Go through the whole course with the keyboard; return the percent it should show.
    Checks on the way that focus lands on each new screen's heading."""
    page, course = quiz.page, course_data(quiz.site)
    steps = {s["iid"]: s for sc in course["scenarios"] for s in sc["steps"]}
    earned = possible = 0
    while quiz.heading() != "Your result":
        iid = quiz.step_id()
        if iid:
            letters = chooser(steps[iid])
            answer_by_keyboard(page, letters)
            assert quiz.page.is_visible("#feedback .feedback__panel")
            earned, possible = earned + marks(steps[iid], letters), possible + steps[iid]["weight"]
            assert page.evaluate("() => document.activeElement.textContent") == "Continue"
            page.keyboard.press("Enter")
        else:
            tab_to(page, "main button, main [role=button]")
            page.keyboard.press("Enter")
        assert page.evaluate("() => document.activeElement.tagName") == "H1", "focus is not on the new heading"
    return math.floor(earned * 100 / possible + 0.5)


# --- tests: completing the course ---------------------------------------------------------

def shown_percent(quiz: Quiz) -> int:
    return int(quiz.page.inner_text(".score").rstrip("%"))


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
    quiz.press("Start now")
    quiz.press("Continue")
    quiz.choose("b")
    quiz.press("Check answer")
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


# --- tests: the first screen comes with the page --------------------------------------------

def hold_script(quiz: Quiz) -> list[Any]:
    """Serve the package but keep quiz.js back until the test releases it (a slow network)."""
    held: list[Any] = []
    quiz.page.route("**/*", lambda route: held.append(route) if route.request.url.endswith("/quiz.js")
                    else quiz.serve(route))
    return held


def test_start_pressed_before_the_script_has_loaded_is_acted_on(open_quiz, fixture_site: Path):
    quiz = open_quiz(fixture_site)
    quiz.page.unroute("**/*")
    held = hold_script(quiz)
    quiz.page.goto(f"{ORIGIN}/index.html", wait_until="commit")
    quiz.page.get_by_role("button", name="Start now").click()
    assert quiz.page.evaluate("() => window.Casebook") is None, "the script must not have run yet"
    quiz.serve(held.pop())
    quiz.booted()
    assert quiz.heading() == "The group chat"
    assert quiz.focused() == "H1:The group chat"
    assert quiz.page.evaluate("() => location.hash") == ""
    quiz.assert_clean()


def test_an_early_start_on_a_resumed_attempt_keeps_the_progress(open_quiz, fixture_site: Path):
    quiz = open_quiz(fixture_site)
    quiz.press("Start now")
    quiz.press("Continue")
    quiz.choose("b")
    quiz.press("Check answer")
    quiz.page.unroute("**/*")
    held = hold_script(quiz)
    quiz.page.goto(f"{ORIGIN}/index.html", wait_until="commit")
    quiz.page.get_by_role("button", name="Start now").click()
    quiz.serve(held.pop())
    quiz.booted()
    assert quiz.step_id() == "group-chat.q1"
    assert quiz.page.is_checked("#answer-b")
    quiz.assert_clean()


def test_the_start_link_works_as_a_button_from_the_keyboard(open_quiz, fixture_site: Path):
    quiz = open_quiz(fixture_site)
    tab_to(quiz.page, "[data-start]")
    quiz.page.keyboard.press("Space")
    quiz.page.wait_for_selector("form.step, .exhibit")
    assert quiz.focused() == "H1:The group chat"
    quiz.assert_clean()


def test_without_javascript_the_intro_reads_and_says_what_is_needed(browser, fixture_site: Path):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    quiz = Quiz(page, fixture_site)
    page.route("**/*", quiz.serve)
    page.goto(f"{ORIGIN}/index.html")
    text = page.inner_text("main")
    assert "By the end of this module you will be able to:" in text
    assert "This module needs JavaScript." in text
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


# --- tests: accessibility -----------------------------------------------------------------

def axe_violations(quiz: Quiz) -> list[str]:
    """axe-core's WCAG 2.2 A/AA violations on the current screen, as short strings."""
    if not quiz.page.evaluate("() => !!window.axe"):
        quiz.page.add_script_tag(path=str(AXE))
    found = quiz.page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})"
                               ".then(r => r.violations.map(v => v.id + ': ' + v.nodes.map(n => n.target).join(' ')))",
                               WCAG_TAGS)
    return found


def test_every_quiz_state_has_no_axe_violations(open_quiz, rich_site: Path):
    # axe is injected as a script, so this test alone lets it past the page's CSP
    quiz = open_quiz(rich_site, bypass_csp=True)
    seen: dict[str, list[str]] = {}

    def check(state: str) -> None:
        seen[state] = axe_violations(quiz)

    check("course intro")
    quiz.press("Start now")
    assert quiz.page.is_visible(".warning") and quiz.page.is_visible("figure.exhibit")
    check("scenario intro with content note and exhibit")
    quiz.press("Continue")
    check("single-choice question")
    quiz.press("Check answer")
    assert quiz.page.is_visible(".error-summary")
    check("error summary")
    quiz.choose("b")
    quiz.press("Check answer")
    check("feedback shown")
    quiz.press("Continue")
    check("decision")
    quiz.choose("a")
    quiz.press("Confirm choice")
    check("decision feedback")
    quiz.press("Continue")
    check("true/false question")
    quiz.choose("b")
    quiz.press("Check answer")
    quiz.press("Continue")
    check("outcome")
    quiz.press("Next scenario")
    quiz.press("Continue")
    check("multiple-response question")
    quiz.choose("a", "b")
    quiz.press("Check answer")
    quiz.press("Continue")
    quiz.press("See your result")
    check("results")
    quiz.press("Confirm")
    check("attestation error")
    quiz.page.check("#attest")
    quiz.press("Confirm")
    check("results, attested")
    quiz.press("Review your answers")
    assert quiz.heading() == "Review your answers"
    check("review")
    quiz.assert_clean()
    assert {state: v for state, v in seen.items() if v} == {}


def test_the_content_security_policy_is_enforced(open_quiz, fixture_site: Path):
    quiz = open_quiz(fixture_site)
    with pytest.raises(PlaywrightError):  # the policy refuses inline script
        quiz.page.add_script_tag(content="window.__inline = 1")
    assert quiz.page.evaluate("() => window.__inline") is None
    assert any(v.startswith("script-src") for v in quiz.csp_violations())
    quiz.page.evaluate("() => { const i = new Image(); i.src = 'https://example.org/x.png'; document.body.append(i); }")
    quiz.page.wait_for_timeout(200)
    assert any("example.org" in v for v in quiz.csp_violations())
    assert quiz.outside == []  # the policy stopped it before it became a request


def test_hostile_content_stays_inert(open_quiz, rich_site: Path):
    quiz = open_quiz(rich_site)
    quiz.press("Start now")
    setting = quiz.page.inner_text("main .body")
    assert "<script>window.__xss = 1</script>" in setting
    assert quiz.page.evaluate("() => document.querySelectorAll('script').length") == 2
    assert quiz.page.evaluate("() => [...document.querySelectorAll('a[href]')].filter(a => /^javascript:/i.test(a.href)).length") == 0
    assert quiz.page.evaluate("() => document.querySelectorAll('main img').length") == 0
    assert "</script><script>window.__xss = 4</script> lol" in quiz.page.inner_text("figure.exhibit")
    assert quiz.page.evaluate("() => window.__xss") is None
    quiz.assert_clean()


def test_the_page_reflows_at_320_pixels(open_quiz, rich_site: Path):
    quiz = open_quiz(rich_site, viewport={"width": 320, "height": 640})
    fits = "() => document.documentElement.scrollWidth <= 320"
    assert quiz.page.evaluate(fits)
    for press in ("Start now", "Continue", "Check answer"):
        quiz.press(press)
        assert quiz.page.evaluate(fits), f"horizontal scroll after {press}"
    quiz.assert_clean()


def test_the_error_summary_takes_focus_and_links_to_the_first_option(open_quiz, fixture_site: Path):
    quiz = open_quiz(fixture_site)
    quiz.press("Start now")
    quiz.press("Continue")
    quiz.press("Check answer")
    assert quiz.page.evaluate("() => document.activeElement.className") == "error-summary"
    assert quiz.page.title().startswith("Error: ")
    quiz.page.click(".error-summary a")
    assert quiz.page.evaluate("() => document.activeElement.id") == "answer-a"
    quiz.choose("b")
    quiz.press("Check answer")
    assert not quiz.page.is_visible(".error-summary")
    assert quiz.page.get_attribute("#feedback", "role") == "status"


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
    from casebook.targets import Job
    from casebook.view import course_view

    site = request.getfixturevalue(which)
    root = FIXTURE_PROJECT if which == "fixture_site" else REPO
    library = load_library(root)
    course = next(iter(library.courses.values()))
    view = course_view(Job(library, course, library.forces["default"], "2026-01-01T00:00:00+00:00"))
    quiz = open_quiz(site)
    result = quiz.page.evaluate(WORST_CASE_JS)
    assert result["text"] == suspend.worst_case(view)
    assert result["back"] == result["text"]
    assert len(result["text"]) == suspend.worst_case_length(view) <= suspend.LIMIT


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
