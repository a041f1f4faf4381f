"""Markdown to HTML, once, safely.

Raw HTML in content is never rendered: markdown-it's `html` option is off, so
`<script>` in a scenario arrives in the output as visible text, and its default
link validation refuses `javascript:`, `vbscript:` and `file:` links.
"""

from __future__ import annotations

from functools import lru_cache

from markdown_it import MarkdownIt
from markupsafe import Markup


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": False, "typographer": True}).enable(["replacements", "smartquotes"])


@lru_cache(maxsize=4096)
def render(text: str) -> Markup:
    """Block Markdown (paragraphs, lists, emphasis, links) as trusted HTML."""
    return Markup(_parser().render(text))


@lru_cache(maxsize=4096)
def render_inline(text: str) -> Markup:
    """One line of Markdown without a wrapping paragraph, e.g. for option labels."""
    return Markup(_parser().renderInline(text))


def has_image(text: str) -> bool:
    """Whether `text` holds a Markdown image (code spans showing the syntax do not count)."""
    return any(child.type == "image" for token in _parser().parse(text) for child in token.children or ())
