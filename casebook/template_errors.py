"""Mistakes in a project's own templates, reported like content errors.

A force may override any built-in template in its templates/ folder, so a
template typo is a user's mistake: it gets `path:line: error:` and a hint, not a
traceback.
"""

from __future__ import annotations

import traceback
from pathlib import Path

from jinja2 import TemplateError, TemplateSyntaxError

from .diagnostics import Problem, display_path


def template_problem(exc: TemplateError, root: Path) -> Problem:
    """Locate a Jinja error in the template that raised it."""
    if isinstance(exc, TemplateSyntaxError) and exc.filename:
        return Problem(display_path(Path(exc.filename), root), exc.lineno, 1,
                       f"template syntax: {exc.message}", "check the {% %} and {{ }} tags on this line")
    filename, line = _template_frame(exc)
    where = display_path(Path(filename), root) if filename else "templates"
    return Problem(where, line, 1 if line else 0, f"template: {exc.message or exc}",
                   "a template names something Casebook does not provide; compare it with the "
                   "built-in template of the same name")


def _template_frame(exc: BaseException) -> tuple[str | None, int]:
    """The innermost traceback frame that belongs to a template file."""
    found: tuple[str | None, int] = (None, 0)
    for frame in traceback.extract_tb(exc.__traceback__):
        if frame.filename.endswith((".html", ".xml", ".css", ".js", ".svg")):
            found = (frame.filename, frame.lineno or 0)
    return found
