"""WCAG contrast between a force's brand colours and the page.

Printed packs set headings and rules in the force's `primary` colour on white
paper and put `on_primary` text on `primary` bars, and the quiz does the same on
screen. WCAG 2.2 AA asks for 4.5:1 for normal text, so a profile that falls short
is a content error, reported at the colour's line like any other.
"""

from __future__ import annotations

import math

from .diagnostics import Problem
from .loader import Document
from .models import Force

#: WCAG 2.2 success criterion 1.4.3 (AA) for normal-size text.
MINIMUM_TEXT_CONTRAST = 4.5
WHITE = "#ffffff"


def relative_luminance(colour: str) -> float:
    """Luminance of an sRGB '#rrggbb' colour, as WCAG defines it (0 black to 1 white)."""
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(first: str, second: str) -> float:
    """(lighter + 0.05) / (darker + 0.05): 1 for the same colour, 21 for black on white."""
    light, dark = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def _shown(ratio: float) -> str:
    """Round down, so a ratio of 4.49 is never printed as a passing 4.5."""
    return f"{math.floor(ratio * 10) / 10:.1f}:1"


def force_problems(doc: Document, force: Force) -> list[Problem]:
    """Brand colour pairs that would print or display text below WCAG AA."""
    colours, problems = force.colours, []
    on_page = contrast_ratio(colours.primary, WHITE)
    if on_page < MINIMUM_TEXT_CONTRAST:
        problems.append(doc.problem(
            ("colours", "primary"),
            f"'primary' {colours.primary} on a white page has contrast {_shown(on_page)}; "
            f"headings in this colour need at least {MINIMUM_TEXT_CONTRAST}:1 (WCAG 2.2 AA)",
            "use a darker shade of the brand colour"))
    on_brand = contrast_ratio(colours.primary, colours.on_primary)
    if on_brand < MINIMUM_TEXT_CONTRAST:
        field = "on_primary" if "on_primary" in doc.data.get("colours", {}) else "primary"
        problems.append(doc.problem(
            ("colours", field),
            f"'on_primary' {colours.on_primary} on 'primary' {colours.primary} has contrast "
            f"{_shown(on_brand)}; text on the brand colour needs at least {MINIMUM_TEXT_CONTRAST}:1 "
            "(WCAG 2.2 AA)", "set 'on_primary' to '#ffffff' or '#000000', whichever reads better"))
    return problems
