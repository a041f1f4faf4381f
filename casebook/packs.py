"""The printable packs as HTML: which template, what it is given, and the
document metadata WeasyPrint turns into the PDF's title, author and dates.

Both packs render from one `CourseView` and share templates/pdf/base.html and
print.css; the trainer pack's template adds its sections (session plan, answer
key, attendance sheet), so answers can only ever appear in the trainer pack.
Only Jinja runs here; WeasyPrint runs in `casebook.pdf_render`.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass

from jinja2 import Environment

from . import __version__, templating
from .pdf_render import PdfRequest
from .session_plan import session_plan
from .typography import uk_date
from .targets import Job
from .view import CourseView, ScenarioView, StandardRef, course_view


@dataclass(frozen=True)
class Pack:
    """One kind of printed pack."""

    kind: str
    title: str
    audience: str

    @property
    def template(self) -> str:
        return f"pdf/{self.kind}.html"

    def filename(self, course_id: str) -> str:
        return f"{course_id}-{self.kind}.pdf"


BRIEFING = Pack("briefing", "Briefing pack", "officers and staff")
TRAINER = Pack("trainer", "Trainer pack", "trainers running the session")


def pdf_request(job: Job, pack: Pack) -> PdfRequest:
    """The HTML of `pack` for one job, ready for a worker to render."""
    root = job.library.root.resolve()
    html = render_html(course_view(job), pack, templating.environment(root))
    return PdfRequest(
        name=f"{job.unit}/{pack.filename(job.course.id)}", html=html, base_url=root.as_uri() + "/",
        allowed=(root, templating.builtin_templates().resolve()),
        identifier=hashlib.sha256(html.encode()).hexdigest()[:32].encode())


def render_html(course: CourseView, pack: Pack, env: Environment) -> str:
    """The pack as one HTML document, with its print stylesheet inline."""
    return env.get_template(pack.template).render(
        course=course, pack=pack, plan=session_plan(course), casebook_version=__version__,
        logo_url=course.branding.logo.as_uri() if course.branding.logo else None,
        standards_covered=standards_covered(course), uk_date=uk_date, emoji_names=emoji_names,
        step_label=step_label)


def standards_covered(course: CourseView) -> list[str]:
    """Titles of every standard the course's outcomes and questions refer to, once each
    (the PDF's keywords)."""
    titles = [ref.title for s in course.scenarios for ref in [*s.breached, *_tested(s)]]
    return list(dict.fromkeys(titles))


def _tested(scenario: ScenarioView) -> list[StandardRef]:
    return [ref for step in scenario.steps for ref in step.standards]


def step_label(scenario: ScenarioView, step_id: str | None) -> str:
    """Where a decision leads, as a trainer reads it: 'Step 3' or 'End of scenario'."""
    for number, step in enumerate(scenario.steps, start=1):
        if step.id == step_id:
            return f"Step {number}"
    return "End of scenario"


#: Pictographs beyond the Basic Multilingual Plane (most emoji), with an optional
#: variation selector. Office fonts have no glyphs for them.
_EMOJI = re.compile("([\U0001F000-\U0001FAFF\u2600-\u27BF])\uFE0F?")
_SHORT_NAMES = {"\U0001F501": "repost", "\U0001F602": "laughing face", "\U0001F44D": "thumbs up",
                "\u2764": "heart"}


def emoji_names(text: str) -> str:
    """'🤡 4' -> '[clown face] 4': printers have no emoji font, and a
    missing glyph prints as an empty box, so emoji are printed as their names."""
    return _EMOJI.sub(lambda m: f"[{_SHORT_NAMES.get(m[1]) or unicodedata.name(m[1], 'emoji').lower()}]",
                      text)
