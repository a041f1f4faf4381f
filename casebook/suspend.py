"""The worst-case size of the quiz's resume data, checked at build time.

SCORM 1.2 keeps at most 4,096 characters of `cmi.suspend_data`. The quiz engine
(templates/quiz/engine.js, `serialize`) writes one line:

    1~<attempt>~<seed>~<position>~<attested>~<answers>

- `1`: the format version;
- attempt number and shuffle seed in base 36 (the seed is an unsigned 32-bit
  number; with unlimited attempts the counter stops at `zz`, 1295);
- position: `i` (course intro), `n3` (scenario 3's intro), `q3-2` (scenario 3,
  step 2), `o3` (its outcome), `r` (results) or `v` (review), zero-based;
- `1` or `0` for the attestation;
- the chosen letters of every step in course order, comma-separated, trailing
  empty entries dropped.

This module mirrors that format for the worst case: every step answered, every
option chosen, the largest attempt number and the longest position. It is a
content check (run with the others, so `casebook check` reports it too); a test
serialises the same state in the browser and compares the two strings.
"""

from __future__ import annotations

from .diagnostics import Problem
from .loader import Document
from .models import Course, Decision, Question, Scenario, Step, option_letter

#: SCORM 1.2 `cmi.suspend_data` is a CMIString4096.
LIMIT = 4096
FORMAT_VERSION = "1"
#: The attempt counter stops here when attempts are unlimited (base 36 "zz").
MAX_ATTEMPT = 36 * 36 - 1
MAX_SEED = 2**32 - 1


def base36(n: int) -> str:
    """As JavaScript's `n.toString(36)` for a non-negative integer."""
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    out = ""
    while True:
        n, r = divmod(n, 36)
        out = digits[r] + out
        if n == 0:
            return out


def worst_case(course: Course, scenarios: list[Scenario]) -> str:
    """The longest resume string `course` (made of `scenarios`, in order) can produce."""
    attempt = course.assessment.attempts or MAX_ATTEMPT
    positions = ["i", "r", "v"] + [f"{p}{s}" for p in "no" for s in range(len(scenarios))]
    positions += [f"q{s}-{j}" for s, sc in enumerate(scenarios) for j in range(len(sc.steps))]
    answers = [_most_letters(step) for sc in scenarios for step in sc.steps]
    fields = [FORMAT_VERSION, base36(attempt), base36(MAX_SEED), max(positions, key=len), "1",
              ",".join(answers)]
    return "~".join(fields)


def _most_letters(step: Step) -> str:
    """Every option of a multiple-response question; otherwise the last (longest) letter."""
    count = len(step.choices) if isinstance(step, Decision) else len(step.options)
    letters = [option_letter(i) for i in range(count)]
    return "".join(letters) if isinstance(step, Question) and step.type == "multiple" else letters[-1]


def check(doc: Document, course: Course, scenarios: list[Scenario]) -> list[Problem]:
    """A problem naming the course file if its resume data could pass SCORM 1.2's limit."""
    size = len(worst_case(course, scenarios))
    if size <= LIMIT:
        return []
    return [Problem(doc.shown, 1, 1,
                    f"this course's resume data can reach {size} characters; SCORM 1.2 stores at most "
                    f"{LIMIT}, so learners could lose their progress",
                    "split the course into two, or remove scenarios or answer options")]
