"""Brand colours are held to WCAG 2.2 AA contrast (4.5:1 for text)."""

from __future__ import annotations

import pytest

from casebook.contrast import contrast_ratio


@pytest.mark.parametrize("first, second, expected", [
    ("#000000", "#ffffff", 21.0),
    ("#ffffff", "#ffffff", 1.0),
    ("#767676", "#ffffff", 4.54),   # the lightest grey that passes AA on white
    ("#777777", "#ffffff", 4.48),
])
def test_contrast_ratio_follows_the_wcag_formula(first: str, second: str, expected: float):
    assert contrast_ratio(first, second) == pytest.approx(expected, abs=0.01)
    assert contrast_ratio(second, first) == contrast_ratio(first, second)
