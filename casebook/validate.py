"""Stage 2a, validate one file: turn a loaded `Document` into a pydantic model, or
into compiler-style problems that point at the offending line.

pydantic reports locations as key paths; `Document` knows where each path sits in
the file. This module translates pydantic's error types into messages written
for a training lead, with a hint where one helps.
"""

from __future__ import annotations

import types
import typing
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from .diagnostics import Problem, suggest
from .loader import Document, Loc

M = TypeVar("M", bound=BaseModel)

_KIND_WORDS = {str: "text", int: "whole number", float: "number", bool: "true or false",
               dict: "mapping of fields", list: "list"}


def parse(doc: Document, model: type[M]) -> M | list[Problem]:
    """Validate a document against `model`; every error in it is reported."""
    if not isinstance(doc.data, dict):
        return [doc.problem((), f"expected a mapping of fields at the top of the file, "
                                f"found {_describe(doc.data)}")]
    try:
        return model.model_validate(doc.data)
    except ValidationError as exc:
        return _without_misspelt_missing([_problem(doc, model, error) for error in exc.errors()])


def _without_misspelt_missing(problems: list[Problem]) -> list[Problem]:
    """'feedbak' reported as unknown with the hint 'feedback' already explains the
    missing 'feedback'; reporting both would send the user to fix one mistake twice."""
    explained = {(p.line, p.hint.split("'")[1]) for p in problems
                 if p.message.startswith("unknown field") and p.hint and p.hint.startswith("did you mean")}
    return [p for p in problems if not (p.message.startswith("missing required field")
                                        and any(p.message.endswith(f"'{name}'") and line >= p.line
                                                for line, name in explained))]


def _data_loc(doc: Document, loc: tuple[Any, ...], missing: bool) -> tuple[Loc, bool]:
    """Drop pydantic's union tags from `loc`; say whether the last key is absent."""
    node, path = doc.data, []
    for part in loc:
        in_dict = isinstance(node, dict) and part in node
        in_list = isinstance(node, list) and isinstance(part, int) and part < len(node)
        if in_dict or in_list:
            node = node[part]
        elif isinstance(node, dict) and part is loc[-1] and missing:
            return tuple(path), True
        else:
            continue
        path.append(part)
    return tuple(path), False


def _model_at(model: type[BaseModel], loc: tuple[Any, ...]) -> type[BaseModel] | None:
    """The model class that owns the last key of `loc`, following pydantic's loc (with tags)."""
    current: Any = model
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        if isinstance(current, type) and issubclass(current, BaseModel) and part in current.model_fields:
            current = _unwrap(current.model_fields[part].annotation)
        current = _pick_member(current, part)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _unwrap(annotation: Any) -> Any:
    """list[X] -> X, X | None -> X; a union of models is returned as a tuple of them."""
    while True:
        origin = typing.get_origin(annotation)
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        if origin is typing.Annotated or origin in (list, tuple):
            annotation = args[0]
        elif origin in (typing.Union, types.UnionType):
            models = tuple(a for a in args if isinstance(a, type) and issubclass(a, BaseModel))
            if len(models) > 1:
                return models
            annotation = models[0] if models else args[0]
        else:
            return annotation


def _pick_member(current: Any, tag: Any) -> Any:
    if not isinstance(current, tuple):
        return current
    for member in current:
        kind = member.model_fields.get("kind")
        if kind and tag in typing.get_args(kind.annotation):
            return member
    return current


def _describe(value: Any) -> str:
    if value is None:
        return "nothing"
    kind = _KIND_WORDS.get(type(value), type(value).__name__)
    return f"{kind} {value!r}" if isinstance(value, str | int | float) else f"a {kind}"


def _problem(doc: Document, model: type[BaseModel], error: Any) -> Problem:
    kind, loc, ctx = error["type"], error["loc"], error.get("ctx") or {}
    path, absent = _data_loc(doc, loc, missing=kind == "missing")
    name = str(loc[-1]) if loc else ""
    if kind == "missing" or absent:
        return doc.problem(path, f"missing required field '{name}'",
                           _missing_hint(model, loc), key=False)
    if kind == "extra_forbidden":
        owner = _model_at(model, loc)
        allowed = sorted(owner.model_fields) if owner else []
        hint = suggest(name, allowed) or (f"allowed fields here: {', '.join(allowed)}" if allowed else None)
        return doc.problem(path, f"unknown field '{name}'", hint, key=True)
    if kind.startswith("field:"):
        field = kind.removeprefix("field:")
        target = (*path, field) if (*path, field) in doc.key_positions else path
        return doc.problem(target, error["msg"], key=True)
    message, hint = _message(kind, error, ctx, name)
    return doc.problem(path, message, hint)


def _missing_hint(model: type[BaseModel], loc: tuple[Any, ...]) -> str | None:
    owner = _model_at(model, loc)
    if owner and loc and loc[-1] in owner.model_fields:
        description = owner.model_fields[loc[-1]].description
        return f"'{loc[-1]}': {description}" if description else None
    return None


def _message(kind: str, error: Any, ctx: dict[str, Any], name: str) -> tuple[str, str | None]:
    value = error.get("input")
    field = f"'{name}'" if isinstance(name, str) and not name.isdigit() else "this item"
    if kind == "union_tag_invalid":
        expected = ctx.get("expected_tags", "")
        hint = suggest(str(ctx.get("tag")), [t.strip(" '") for t in expected.split(",")])
        return f"unknown kind '{ctx.get('tag')}': expected {expected}", hint
    if kind == "markdown_image":
        return (f"{field} contains an image: the quiz and the packs carry no image files",
                "describe in words what the image shows (a chat or post belongs in the exhibit)")
    if kind == "union_tag_not_found":
        return "missing required field 'kind' (question or decision)", None
    if kind == "literal_error":
        expected = ctx.get("expected", "")
        options = [t.strip(" '") for t in expected.replace(" or ", ",").split(",")]
        return f"{field} must be {expected}, not {_describe(value)}", suggest(str(value), options)
    if kind in ("string_type",):
        hint = "put the value in quotes" if isinstance(value, int | float | bool) else None
        return f"{field} must be text, not {_describe(value)}", hint
    if kind.startswith("int_") or kind.startswith("bool_") or kind.startswith("float_"):
        wanted = {"int": "a whole number", "bool": "true or false", "float": "a number"}[kind.split("_")[0]]
        return f"{field} must be {wanted}, not {_describe(value)}", None
    if kind.startswith("date_"):
        return f"{field} must be a date written YYYY-MM-DD, not {_describe(value)}", None
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return f"{field} must be a mapping of fields, not {_describe(value)}", None
    if kind == "list_type":
        return f"{field} must be a list, not {_describe(value)}", "start each item on its own line with '- '"
    if kind == "string_pattern_mismatch":
        return f"{field} has the wrong form: {_describe(value)}", _pattern_hint(ctx.get("pattern", ""))
    if kind in ("too_short", "string_too_short"):
        return f"{field} must not be empty", None
    if kind in ("too_long", "string_too_long"):
        return f"{field} is too long: {error['msg'].lower()}", None
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        return f"{field}: {error['msg'].lower()}, not {value!r}", None
    return f"{field}: {error['msg']}", None


def _pattern_hint(pattern: str) -> str | None:
    if "a-z0-9" in pattern:
        return "use lower-case letters, digits and hyphens, e.g. 'whatsapp-meme'"
    if pattern.startswith("^#"):
        return "write colours as #rrggbb, e.g. '#1d4e89' (in quotes)"
    if "https?" in pattern:
        return "write the full address starting with https://"
    if pattern.startswith(r"^\d{4}(-"):
        return "write dates as YYYY-MM-DD, or YYYY-MM or YYYY when the day is not known"
    if r"\d+\." in pattern:
        return "write versions like '1.0.0', in quotes"
    return None
