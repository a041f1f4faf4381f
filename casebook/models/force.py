"""A force profile: branding and local reporting routes.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, StringConstraints

from .common import AssetPath, Colour, Slug, Strict, Text

class Colours(Strict):
    """Brand colours. `primary` is used for headings and bars with `on_primary` text on it."""

    primary: Colour
    on_primary: Colour = "#ffffff"
    accent: Colour | None = None


class ReportingRoute(Strict):
    """A way to challenge or report, as the force wants it described."""

    name: Text
    how: Text = Field(description="How to use it: a phone number, an intranet page, a mailbox.")


class PolicyLink(Strict):
    """A local policy officers should know."""

    title: Text
    url: Annotated[str, StringConstraints(pattern=r"^https?://\S+$")]


class Force(Strict):
    """A force profile: branding and local reporting routes."""

    id: Slug
    name: Text
    logo: AssetPath | None = Field(default=None, description="SVG logo, relative to this file.")
    colours: Colours
    reporting_routes: list[ReportingRoute] = Field(min_length=1)
    policy_links: list[PolicyLink] = Field(default_factory=list)
