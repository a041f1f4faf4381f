"""Types and the base class every content object shares.

Extra fields are forbidden so a typo is reported instead of silently ignored;
`field_error` lets a rule that spans fields point at the one field to fix.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints
from pydantic_core import PydanticCustomError

from .. import markdown


def _no_images(text: str) -> str:
    """Quiz packages and printed packs carry no image files, and an image on its own
    tells a screen-reader user nothing: a picture in a scenario is described in words."""
    if markdown.has_image(text):
        raise PydanticCustomError("markdown_image", "contains an image")
    return text


Markdown = Annotated[str, Field(min_length=1, json_schema_extra={"format": "markdown"}),
                     AfterValidator(_no_images)]
Text = Annotated[str, StringConstraints(min_length=1, strip_whitespace=True)]
#: One line of Markdown (an option's label): emphasis and links, no images.
InlineMarkdown = Annotated[Text, AfterValidator(_no_images)]
Slug = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=64),
    Field(description="Lower-case letters, digits and hyphens, e.g. 'whatsapp-meme'."),
]
StepId = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z][a-z0-9_-]*$", max_length=32),
    Field(description="Short id of a step within its scenario, e.g. 'q1' or 'decide'."),
]
Colour = Annotated[str, StringConstraints(pattern=r"^#[0-9a-fA-F]{6}$"), Field(description="#rrggbb")]
PartialDate = Annotated[
    str,
    BeforeValidator(lambda v: v.isoformat() if isinstance(v, dt.date) else str(v) if type(v) is int else v),
    StringConstraints(pattern=r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$"),
]
AssetPath = Annotated[
    str,
    Field(description="Path of a local file, relative to the file that names it. "
          "No absolute paths and no '..'."),
]


def field_error(field: str, message: str) -> PydanticCustomError:
    """A rule broken by one field of an object; the error points at that field's line."""
    return PydanticCustomError(f"field:{field}", message)


class Strict(BaseModel):
    """Base for every content object: unknown fields are errors, not silently dropped."""

    model_config = ConfigDict(extra="forbid", frozen=True)



def option_letter(index: int) -> str:
    """Options are addressed as a, b, c... in SCORM choice patterns and resume data."""
    return "abcdefghijklmnopqrstuvwxyz"[index]


