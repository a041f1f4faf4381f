"""Driving the standalone quiz page in a real browser (Debian's Chromium, through
Playwright): building the sites, a Quiz wrapper for one page, and keyboard-only play.

The built web folder is served from a fake origin through Playwright routing, so
no port is opened and any request outside the package is refused and recorded.
Tests end by checking that nothing left the package, nothing broke the
Content-Security-Policy and nothing was logged as an error (Quiz.assert_clean).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fake_origin import serve

ORIGIN = "http://quiz.test"
WATCH_CSP = """document.addEventListener('securitypolicyviolation',
  e => (window.__csp = window.__csp || []).push(e.violatedDirective + ' ' + e.blockedURI));"""


# --- reading a built site ------------------------------------------------------------------

def course_data(site: Path) -> dict[str, Any]:
    """The course JSON embedded in the page, as the runtime reads it."""
    html = (site / "index.html").read_text()
    raw = re.search(r'<script type="application/json" id="course-data">(.*?)</script>', html, re.DOTALL)
    assert raw
    return json.loads(raw.group(1))


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

    def open_with_script_held(self) -> Callable[[], Quiz]:
        """Open the page with quiz.js held back, as on a slow network, until the test calls
        the function returned (which then waits for the script to boot)."""
        held: list[Any] = []
        self.page.unroute("**/*")
        self.page.route("**/*", lambda route: held.append(route) if route.request.url.endswith("/quiz.js")
                        else self.serve(route))
        self.page.goto(f"{ORIGIN}/index.html", wait_until="commit")
        self.page.wait_for_selector("[data-start]")

        def release() -> Quiz:
            for _ in range(500):  # the request may still be on its way to the route
                if held:
                    break
                self.page.wait_for_timeout(10)
            self.serve(held.pop())
            return self.booted()
        return release

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

    def answer_first_question(self, letter: str) -> None:
        """Start, pass the first scenario's intro and answer its first question."""
        self.press("Start now")
        self.press("Continue")
        self.choose(letter)
        self.press("Check answer")


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


def shown_percent(quiz: Quiz) -> int:
    return int(quiz.page.inner_text(".score").rstrip("%"))

