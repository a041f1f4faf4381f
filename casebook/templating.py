"""The one Jinja environment factory every target uses.

Templates are looked up in the project's own templates/ first, then in the
built-in set, so a force can override one template without copying the rest;
`builtin/NAME` always reaches the built-in one for extending it. Autoescape is
on for HTML and XML and undefined names are errors, so a typo in a template
fails the build instead of printing a blank.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from jinja2 import (ChoiceLoader, Environment, FileSystemLoader, PrefixLoader, StrictUndefined,
                    select_autoescape)

from . import markdown

PACKAGE_DIR = Path(__file__).resolve().parent


def builtin_templates() -> Path:
    """Installed wheels carry templates inside the package; a checkout keeps them at the top."""
    inside = PACKAGE_DIR / "templates"
    return inside if inside.is_dir() else PACKAGE_DIR.parent / "templates"


def template_dirs(root: Path) -> list[Path]:
    """Search order: the project's templates/, then the built-ins (once if they are the same)."""
    dirs = [root / "templates", builtin_templates()]
    unique: list[Path] = []
    for d in dirs:
        if d.is_dir() and d.resolve() not in [u.resolve() for u in unique]:
            unique.append(d)
    return unique


def environment(root: Path) -> Environment:
    """A strict, autoescaping environment with Casebook's filters, shared by every
    target of a build (templates compile once) and renewed when the search path changes."""
    return _environment(tuple(template_dirs(root)))


@lru_cache(maxsize=8)
def _environment(dirs: tuple[Path, ...]) -> Environment:
    loader = ChoiceLoader([
        FileSystemLoader([str(d) for d in dirs]),
        PrefixLoader({"builtin": FileSystemLoader(str(builtin_templates()))}),
    ])
    env = Environment(
        loader=loader,
        autoescape=select_autoescape(["html", "htm", "xml", "svg"], default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=True,  # a long-lived process (tests, a preview) sees edited templates
        keep_trailing_newline=True,
    )
    env.filters["markdown"] = markdown.render
    env.filters["markdown_inline"] = markdown.render_inline
    return env
