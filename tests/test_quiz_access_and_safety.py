"""The quiz page's accessibility (axe-core on every state, 320 px reflow, the error
summary) and safety (the Content-Security-Policy, hostile content kept inert)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import REPO
from playwright.sync_api import Error as PlaywrightError
from quiz_page import Quiz

AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]



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
