"""Drive the quiz with the keyboard alone: Tab to a control, Space or arrows to
choose, Enter to press. Elements are found by what a keyboard user meets (the
focused element's role, name and value), never clicked.

`take_course(session, passing)` plays from wherever the quiz is to the results
screen and returns what it answered, so tests can compute the expected LMS data.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

MAX_TABS = 80
#: Buttons that move the learner on, in the screens that have one.
FORWARD = ("Start now", "Continue", "Next scenario", "See your result")


@dataclass(frozen=True)
class Answer:
    """One answered step, with what the LMS should be told about it."""

    iid: str
    type: str  # the step's type: single, multiple, true_false, decision
    chosen: tuple[str, ...]
    correct: tuple[str, ...]
    weight: int
    option_texts: tuple[str, ...]
    prompt: str


def focused(frame: Any) -> dict[str, Any]:
    return frame.evaluate("""() => { const e = document.activeElement;
        return {tag: e.tagName, type: e.type || '', value: e.value || '', checked: !!e.checked,
                text: (e.textContent || '').trim()}; }""")


def tab_to(session: Any, predicate: str) -> dict[str, Any]:
    """Press Tab until the focused element in the quiz frame satisfies the JS `predicate(el)`."""
    frame = session.frame
    check = f"() => {{ const el = document.activeElement; return !!el && ({predicate})(el); }}"
    for _ in range(MAX_TABS):
        if frame.evaluate(check):
            return focused(frame)
        session.page.keyboard.press("Tab")
    raise AssertionError(f"no focusable element matching {predicate} within {MAX_TABS} tabs")


def press_button(session: Any, text: str) -> None:
    tab_to(session, f"el => (el.tagName === 'BUTTON' || el.getAttribute('role') === 'button') "
                    f"&& el.textContent.trim() === {text!r}")
    session.page.keyboard.press("Enter")


def screen(frame: Any) -> dict[str, Any]:
    """What is on screen: the heading, an open step (if any) and the buttons."""
    return frame.evaluate("""() => {
        const form = document.querySelector('form.step');
        return {
          heading: (document.querySelector('main h1') || {}).textContent || '',
          step: form ? form.getAttribute('data-step') : null,
          open: form ? !form.querySelector('fieldset').disabled : false,
          buttons: [...document.querySelectorAll('main button, main [role=button]')].map(b => b.textContent.trim()),
        }; }""")


def step_data(frame: Any, iid: str) -> dict[str, Any]:
    return frame.evaluate("""iid => {
        const q = Casebook.quiz, e = q.engine;
        for (const sc of q.course.scenarios) for (const st of sc.steps) if (st.iid === iid)
          return {type: st.type, weight: st.weight, correct: e.correctLetters(st),
                  options: st.options.map(o => ({text: new DOMParser().parseFromString(o.text, 'text/html')
                                                     .body.textContent.trim(), score: o.score || 0})),
                  prompt: new DOMParser().parseFromString(st.prompt, 'text/html').body.textContent.trim()};
      }""", iid)


def pick(data: dict[str, Any], passing: bool) -> list[str]:
    """The letters to choose: the right (or best) ones, or wrong ones when failing."""
    letters = [chr(ord("a") + i) for i in range(len(data["options"]))]
    if passing:
        return data["correct"][:1] if data["type"] in ("decision", "single", "true_false") else data["correct"]
    if data["type"] == "decision":
        return [min(letters, key=lambda letter: data["options"][ord(letter) - ord("a")]["score"])]
    wrong = [letter for letter in letters if letter not in data["correct"]]
    return wrong[:1]


def choose(session: Any, data: dict[str, Any], letters: list[str]) -> None:
    """Select `letters` by keyboard: arrows within a radio group, Space on checkboxes."""
    keyboard = session.page.keyboard
    if data["type"] == "multiple":
        for letter in letters:
            tab_to(session, f"el => el.type === 'checkbox' && el.value === {letter!r}")
            keyboard.press("Space")
        return
    (letter,) = letters
    now = tab_to(session, "el => el.type === 'radio'")
    for _ in range(len(data["options"])):
        if now["value"] == letter:
            break
        keyboard.press("ArrowDown")
        now = focused(session.frame)
    assert now["value"] == letter, f"could not reach option {letter} with the arrow keys"
    if not now["checked"]:
        keyboard.press("Space")


def answer_step(session: Any, iid: str, passing: bool) -> Answer:
    frame = session.frame
    data = step_data(frame, iid)
    letters = pick(data, passing)
    choose(session, data, letters)
    checked = frame.evaluate("() => [...document.querySelectorAll('form.step input:checked')].map(i => i.value)")
    assert sorted(checked) == sorted(letters)
    submit = "Confirm choice" if data["type"] == "decision" else "Check answer"
    press_button(session, submit)
    frame.wait_for_function("() => document.querySelector('form.step fieldset').disabled")
    return Answer(iid, data["type"], tuple(sorted(letters)), tuple(data["correct"]), data["weight"],
                  tuple(o["text"] for o in data["options"]), data["prompt"])


def take_course(session: Any, passing: bool, stop_after: int | None = None) -> list[Answer]:
    """Play to the results screen (or until `stop_after` steps are answered and the
    next screen is shown); return the answers given, in order."""
    answers: list[Answer] = []
    for _ in range(200):
        now = screen(session.frame)
        if now["heading"].strip() == "Your result":
            return answers
        if now["step"] and now["open"]:
            if stop_after is not None and len(answers) >= stop_after:
                return answers
            answers.append(answer_step(session, now["step"], passing))
            continue
        label = next((b for b in now["buttons"] if b in FORWARD), None)
        assert label, f"no way forward on screen {now}"
        before = session.frame.evaluate("() => Casebook.quiz.state.at")
        press_button(session, label)
        session.frame.wait_for_function("at => Casebook.quiz.state.at !== at", arg=before)
    raise AssertionError("the quiz did not reach the results screen")


def attest(session: Any) -> None:
    """Tick the attestation on the results screen and confirm it, by keyboard."""
    tab_to(session, "el => el.id === 'attest'")
    session.page.keyboard.press("Space")
    press_button(session, "Confirm")
    session.frame.wait_for_function("() => Casebook.quiz.state.attested === true")
