"""How text is set for readers: curly quotes, and dates written the UK way.

Markdown fields get curly quotes from markdown-it's typographer; titles, learning
points and other plain-text fields would otherwise print straight ' and " beside
the curly ones, which looks careless on a handout. Dates are formatted here, at
build time, for the packs and the quiz alike.
"""

from __future__ import annotations

import datetime as dt
import re

_RULES = [
    (re.compile(r"(?<=\w)'(?=\w)"), "\u2019"),            # don't, officer's
    (re.compile(r"(?<=[\w.,!?])'"), "\u2019"),             # officers', closing quote
    (re.compile(r"'"), "\u2018"),                          # opening single quote
    (re.compile(r'(?:(?<=^)|(?<=[\s(\[—–-]))"'), "\u201c"),  # opening double quote
    (re.compile(r'"'), "\u201d"),                          # closing double quote
]


def curly(text: str) -> str:
    """Replace straight quotes with typographic ones, as a careful typesetter would."""
    for pattern, replacement in _RULES:
        text = pattern.sub(replacement, text)
    return text


def uk_date(value: dt.date | str) -> str:
    """'2020-11-24' -> '24 November 2020', '2025-01' -> 'January 2025', '2018' -> '2018':
    the way UK documents write dates, never claiming a day or month we do not know."""
    text = value.isoformat() if isinstance(value, dt.date) else value
    parts = text[:10].split("-")
    if len(parts) == 1:
        return parts[0]
    month = dt.date(int(parts[0]), int(parts[1]), 1)
    return f"{month:%B %Y}" if len(parts) == 2 else f"{int(parts[2])} {month:%B %Y}"
