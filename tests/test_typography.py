"""Plain-text fields print with typographic quotes, like the Markdown ones."""

import pytest

from casebook.typography import curly


@pytest.mark.parametrize(("typed", "printed"), [
    ("hiding that you're an officer", "hiding that you’re an officer"),
    ("officers' phones", "officers’ phones"),
    ('the "private" group', "the “private” group"),
    ("the 'banter' defence", "the ‘banter’ defence"),
    ('"Delete it," she said.', "“Delete it,” she said."),
])
def test_straight_quotes_become_curly(typed: str, printed: str):
    assert curly(typed) == printed


def test_text_without_quotes_is_unchanged():
    assert curly("Standards apply online: 2020–2024") == "Standards apply online: 2020–2024"
