"""JSON Schema for editors, generated from the pydantic models (never written by hand)."""

from __future__ import annotations

import json
from typing import Any

from .models import Course, Force, Scenario, StandardsFile

KINDS = {"scenario": Scenario, "course": Course, "force": Force, "standards": StandardsFile}


def schema(kind: str) -> dict[str, Any]:
    """The JSON Schema of one kind of content file."""
    result = KINDS[kind].model_json_schema()
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **result}


def render(kind: str | None) -> str:
    """One schema, or all of them keyed by kind."""
    data = schema(kind) if kind else {k: schema(k) for k in KINDS}
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
