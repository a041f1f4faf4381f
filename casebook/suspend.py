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
option chosen, the largest attempt number and the longest position. A test
serialises the same state in the browser and compares the two lengths.
"""

from __future__ import annotations

from .diagnostics import ContentError, Problem
from .view import CourseView

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


def worst_case(view: CourseView) -> str:
    """The longest resume string this course can produce."""
    attempt = view.attempts or MAX_ATTEMPT
    positions = ["i", "r", "v"] + [f"{p}{s}" for p in "no" for s in range(len(view.scenarios))]
    positions += [f"q{s}-{j}" for s, sc in enumerate(view.scenarios) for j in range(len(sc.steps))]
    answers = [
        "".join(o.letter for o in step.options) if step.type == "multiple" else step.options[-1].letter
        for sc in view.scenarios for step in sc.steps
    ]
    fields = [FORMAT_VERSION, base36(attempt), base36(MAX_SEED), max(positions, key=len), "1",
              ",".join(answers)]
    return "~".join(fields)


def worst_case_length(view: CourseView) -> int:
    return len(worst_case(view))


def check(view: CourseView) -> None:
    """Fail the build, naming the course file, if resume data could pass SCORM 1.2's limit."""
    size = worst_case_length(view)
    if size > LIMIT:
        raise ContentError([Problem(
            view.source, 1, 1,
            f"this course's resume data can reach {size} characters; SCORM 1.2 stores at most "
            f"{LIMIT}, so learners could lose their progress",
            "split the course into two, or remove scenarios or answer options")])
