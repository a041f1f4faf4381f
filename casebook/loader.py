"""Stage 1, load: read YAML files into plain data plus the position of every node.

Nothing is interpreted here. Each file becomes a `Document` whose `positions`
map a path of keys and indexes, e.g. ("steps", 2, "options"), to the (line,
column) where that node starts, so later stages can point at any field.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError

from .diagnostics import Problem, display_path

Loc = tuple[str | int, ...]


@dataclass
class Document:
    """One YAML file: its data as plain Python values and where each node sits."""

    path: Path
    shown: str
    data: Any
    positions: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    key_positions: dict[Loc, tuple[int, int]] = field(default_factory=dict)

    def where(self, loc: Loc) -> tuple[int, int]:
        """Position of the node at `loc`, or of its nearest located ancestor."""
        for end in range(len(loc), -1, -1):
            if loc[:end] in self.positions:
                return self.positions[loc[:end]]
        return (1, 1)

    def where_key(self, loc: Loc) -> tuple[int, int]:
        """Position of the key naming the node at `loc` (for unknown-field errors)."""
        return self.key_positions.get(loc) or self.where(loc)

    def problem(self, loc: Loc, message: str, hint: str | None = None, *, key: bool = False,
                severity: str = "error") -> Problem:
        line, col = self.where_key(loc) if key else self.where(loc)
        return Problem(self.shown, line, col, message, hint, severity)


def _plain(node: Any, loc: Loc, doc: Document) -> Any:
    """Copy ruamel's round-trip nodes into plain values, recording positions (1-based)."""
    if isinstance(node, CommentedMap):
        out = {}
        for key, value in node.items():
            child = (*loc, str(key))
            kl, kc = node.lc.key(key)
            vl, vc = node.lc.value(key)
            doc.key_positions[child] = (kl + 1, kc + 1)
            doc.positions[child] = (vl + 1, vc + 1)
            out[str(key)] = _plain(value, child, doc)
        return out
    if isinstance(node, CommentedSeq):
        out_list = []
        for index, value in enumerate(node):
            child = (*loc, index)
            line, col = node.lc.item(index)
            doc.positions[child] = (line + 1, col + 1)
            out_list.append(_plain(value, child, doc))
        return out_list
    if isinstance(node, dt.datetime):
        return node
    if isinstance(node, bool | int | float | dt.date) or node is None:
        return node
    return str(node)


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.allow_duplicate_keys = False
    return yaml


def _syntax_problem(shown: str, exc: MarkedYAMLError, text: str) -> Problem:
    unclosed = "end of stream" in str(exc.problem) and exc.context_mark is not None
    mark = exc.context_mark if unclosed else (exc.problem_mark or exc.context_mark)
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    message = " ".join(str(part) for part in (exc.context, exc.problem) if part) or "invalid YAML"
    if unclosed:
        what = "quoted text" if "quoted" in str(exc.context) else "bracket or block"
        return Problem(shown, line, col, f"YAML syntax: this {what} is never closed",
                       "add the closing quote or bracket")
    bad_line = text.splitlines()[line - 1] if 0 < line <= len(text.splitlines()) else ""
    hint = "check the indentation and quoting on this line or the one before it"
    if "\t" in bad_line or "'\\t'" in message:
        message = "a tab character cannot be used here"
        hint = "YAML does not allow tab characters for indentation: indent with spaces"
        col = bad_line.find("\t") + 1 if "\t" in bad_line else col
    if "duplicate key" in message:
        message = f"duplicate key: {exc.problem}"
        hint = "each field may appear only once in a mapping"
    return Problem(shown, line, col, f"YAML syntax: {message}", hint)


def load_yaml(path: Path, root: Path, raw: bytes | None = None) -> Document | Problem:
    """Read one YAML file. A problem is returned, never raised, so every file gets read."""
    shown = display_path(path, root)
    raw = path.read_bytes() if raw is None else raw
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return Problem(shown, line, 1, "the file is not valid UTF-8 text",
                       "save it as UTF-8 (most editors offer this under 'Save as' or 'Encoding')")
    if not text.strip() or all(row.strip().startswith("#") or not row.strip() for row in text.splitlines()):
        return Problem(shown, 1, 1, "the file is empty", "add the content or delete the file")
    doc = Document(path, shown, None)
    try:
        node = _yaml().load(text)
    except MarkedYAMLError as exc:
        return _syntax_problem(shown, exc, text)
    doc.positions[()] = (1, 1)
    doc.data = _plain(node, (), doc)
    return doc
