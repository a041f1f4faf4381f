"""Curly quotes and apostrophes for plain-text fields.

Markdown fields get them from markdown-it's typographer; titles, learning points
and other plain-text fields would otherwise print straight ' and " beside the
curly ones, which looks careless on a handout.
"""

from __future__ import annotations

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
