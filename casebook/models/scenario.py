"""A scenario: the public case it is modelled on, the situation, the exhibit, the
assessed steps (questions and branching decisions), the real outcome.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import Field, StringConstraints, model_validator

from .common import InlineMarkdown, Markdown, PartialDate, Slug, StepId, Strict, Text, field_error

class Source(Strict):
    """One public record a scenario is modelled on. Learners see this citation."""

    title: Text = Field(description="Headline or title of the source; where it names an officer, "
                        "victim or member of the public, a neutral description instead.")
    publisher: Text = Field(description="Who published it, e.g. 'IOPC' or 'BBC News'.")
    url: Annotated[str, StringConstraints(pattern=r"^https?://\S+$")] = Field(
        description="Public address of the source.")
    date: PartialDate | None = Field(
        default=None, description="Publication date: YYYY-MM-DD, or YYYY-MM or YYYY when only that is "
        "known. Leave it out rather than guess.")


class BasedOn(Strict):
    """The real case behind a scenario, cited by force, date and public outcome only."""

    force: Text = Field(description="The force (or forces) involved, e.g. 'Essex Police'.")
    date: Text = Field(description="When the conduct or the outcome happened, e.g. 'November 2020'.")
    outcome: Text = Field(description="The public outcome as reported. Never invent one.")
    sources: list[Source] = Field(min_length=1, description="Where the facts come from.")


class Message(Strict):
    """One message or post in an exhibit. Senders are fictional."""

    sender: Text = Field(description="Fictional display name, e.g. 'Sam (PC)'.")
    time: Text | None = Field(default=None, description="Time shown beside the message, e.g. '21:14'.")
    text: Text | None = Field(default=None, description="What the message says.")
    attachment: Text | None = Field(
        default=None, description="Plain description of an image or file shared, read as alt text.")
    reactions: list[Text] = Field(default_factory=list, description="Reactions shown under it, e.g. '😂 3'.")

    @model_validator(mode="after")
    def _has_content(self) -> Message:
        if not self.text and not self.attachment:
            raise field_error("sender", "a message needs 'text', 'attachment' or both")
        return self


class Exhibit(Strict):
    """A mock chat thread or social media post the learner is asked to judge."""

    kind: Literal["chat", "post"] = Field(description="'chat' for a group thread, 'post' for a public post.")
    platform: Text = Field(description="e.g. 'WhatsApp', 'X (Twitter)', 'Facebook'.")
    title: Text = Field(description="Group name or account name shown at the top.")
    caption: Text | None = Field(default=None, description="One line under the title, e.g. '9 members'.")
    messages: list[Message] = Field(min_length=1, description="The messages or posts, in order.")


class Option(Strict):
    """One answer option of a question."""

    text: InlineMarkdown = Field(description="The option as the learner reads it.")
    correct: bool = Field(default=False, description="Whether choosing this option is right.")
    feedback: Markdown = Field(description="Why this option is right or wrong; shown after answering.")


class Question(Strict):
    """An assessed question: single choice, multiple response or true/false."""

    kind: Literal["question"]
    id: StepId
    type: Literal["single", "multiple", "true_false"] = Field(
        description="'single': one right option; 'multiple': one or more; "
        "'true_false': options True and False.")
    prompt: Markdown = Field(description="The question.")
    options: list[Option] = Field(min_length=2, max_length=26)
    standards: list[Slug] = Field(min_length=1, description="Ids of the standards this question tests.")
    weight: int = Field(default=1, ge=1, le=10, description="Marks for a right answer.")

    @model_validator(mode="after")
    def _answers_make_sense(self) -> Question:
        correct = sum(o.correct for o in self.options)
        if self.type == "true_false":
            texts = sorted(o.text.lower() for o in self.options)
            if texts != ["false", "true"]:
                raise field_error("options",
                                  "a true_false question has exactly two options, 'True' and 'False'")
        if self.type in ("single", "true_false") and correct != 1:
            raise field_error(
                "options", f"a {self.type} question needs exactly one correct option, found {correct}")
        if self.type == "multiple" and correct == 0:
            raise field_error("options", "a multiple question needs at least one correct option, found none")
        return self


class Choice(Strict):
    """One branch of a decision."""

    text: InlineMarkdown = Field(description="What the learner chooses to do.")
    consequence: Markdown = Field(description="What follows from that choice; shown after choosing.")
    next: StepId | Literal["end"] | None = Field(
        default=None, description="Step to go to next, 'end' to finish the scenario, "
        "or leave out to continue with the following step.")
    score: int = Field(default=0, ge=0, le=10,
                       description="Marks for this choice; the best choice scores most.")


class Decision(Strict):
    """A branching choice: each choice has a consequence and leads somewhere."""

    kind: Literal["decision"]
    id: StepId
    prompt: Markdown = Field(description="The situation the learner must act on.")
    choices: list[Choice] = Field(min_length=2, max_length=26)
    standards: list[Slug] = Field(min_length=1, description="Ids of the standards this decision tests.")

    @model_validator(mode="after")
    def _one_best_choice(self) -> Decision:
        scores = sorted((c.score for c in self.choices), reverse=True)
        if scores[0] == 0:
            raise field_error(
                "choices", "a decision needs at least one choice with a score above 0 (the best action)")
        if scores[0] == scores[1]:
            raise field_error(
                "choices", f"two choices share the top score {scores[0]}; give the best action the "
                "highest score alone, so learners and the LMS know which answer was right")
        return self

    @property
    def weight(self) -> int:
        """A decision is worth what its best choice scores."""
        return max(c.score for c in self.choices)


Step = Annotated[Question | Decision, Field(discriminator="kind")]


class Outcome(Strict):
    """What happened in the real case."""

    summary: Markdown = Field(description="What happened and the public outcome, in our own words.")
    breached: list[Slug] = Field(
        default_factory=list,
        description="Ids of the standards the public record says were found breached. Leave it out "
        "when no finding was published: never infer one.")


class Review(Strict):
    """Who keeps the scenario accurate and when it must be looked at again."""

    owner: Text
    last_reviewed: dt.date
    review_by: dt.date

    @model_validator(mode="after")
    def _in_order(self) -> Review:
        if self.review_by <= self.last_reviewed:
            raise field_error("review_by", "'review_by' must be after 'last_reviewed'")
        return self


class Scenario(Strict):
    """One scenario, modelled on a publicly reported case, with fictional characters."""

    id: Slug = Field(description="Must equal the file name without '.yaml'.")
    title: Text
    summary: Text = Field(description="One or two sentences for contents pages and trainers.")
    content_note: Text | None = Field(
        default=None, description="Shown before the scenario when it deals with distressing themes.")
    based_on: BasedOn
    setting: Markdown = Field(description="The situation, in the second person: 'You are a PC...'.")
    exhibit: Exhibit | None = None
    steps: list[Step] = Field(min_length=1)
    outcome: Outcome
    learning_points: list[Text] = Field(min_length=1)
    discussion_prompts: list[Text] = Field(min_length=1, description="Questions for the trainer's session.")
    review: Review
