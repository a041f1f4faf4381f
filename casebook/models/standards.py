"""The standards catalogue: content/standards.yaml.
"""

from __future__ import annotations

from pydantic import Field

from .common import Slug, Strict, Text

class Standard(Strict):
    """One standard or ethical principle, in plain English."""

    id: Slug
    title: Text
    summary: Text


class Catalogue(Strict):
    """A set of standards from one source (the Regulations, a Code of Ethics)."""

    id: Slug
    title: Text
    source: Text
    standards: list[Standard] = Field(min_length=1)


class StandardsFile(Strict):
    """content/standards.yaml."""

    catalogues: list[Catalogue] = Field(min_length=1)
