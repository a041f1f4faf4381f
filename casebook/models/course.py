"""A course: scenarios in order, the framing text and how the module is marked.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, StringConstraints

from .common import Markdown, Slug, Strict, Text

class Quote(Strict):
    """Official wording quoted in the course, always attributed."""

    text: Text
    attribution: Text


class Assessment(Strict):
    """How the module is marked."""

    pass_mark: int = Field(default=80, ge=1, le=100, description="Percent needed to pass.")
    shuffle: bool = Field(default=False, description="Shuffle answer options (not decision choices).")
    attempts: int = Field(default=0, ge=0, le=20, description="Attempts allowed; 0 means unlimited.")


class Course(Strict):
    """A module: scenarios in order plus the framing text around them."""

    id: Slug
    title: Text
    version: Annotated[str, StringConstraints(pattern=r"^\d+\.\d+(\.\d+)?$")] = Field(
        description="Course version shown on every output, e.g. '1.0.0' (quote it in YAML).")
    audience: Text
    duration_minutes: int = Field(ge=5, le=240)
    learning_outcomes: list[Text] = Field(min_length=1)
    intro: Markdown
    guidance: list[Quote] = Field(default_factory=list, description="Official advice quoted in the course.")
    closing: Markdown
    scenarios: list[Slug] = Field(min_length=1, description="Scenario ids, in the order learners meet them.")
    assessment: Assessment = Field(default_factory=Assessment)
    attestation: Text | None = Field(default=None, description="Statement the learner confirms at the end.")
