"""Compiler-style problems in the user's content, and the exception that carries them.

A `Problem` always names a file and, where one exists, a line and column, so a
training lead can go straight to the mistake. Problems are collected across every
file and reported together; `ContentError` ends the run with exit status 1 and
never a traceback.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the content, located as precisely as we can."""

    path: str
    line: int
    column: int
    message: str
    hint: str | None = None
    severity: str = "error"

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}:{self.column}" if self.line else self.path
        text = f"{where}: {self.severity}: {self.message}"
        return f"{text}\n  hint: {self.hint}" if self.hint else text


class ContentError(Exception):
    """The content has one or more problems; nothing has been written."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems))
        super().__init__(f"{len(self.problems)} problem(s) in the content")

    def report(self) -> str:
        lines = [str(p) for p in self.problems]
        count = len(self.problems)
        lines.append(f"{count} error{'s' if count != 1 else ''}; nothing was written.")
        return "\n".join(lines)


class UsageError(Exception):
    """The command line asked for something that cannot be done (exit status 2)."""


def display_path(path: Path, root: Path) -> str:
    """Paths in messages are relative to the project folder, as the user typed them."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)


def suggest(word: str, choices: list[str]) -> str | None:
    """A 'did you mean' hint for a near miss, or None."""
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else None
