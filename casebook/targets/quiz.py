"""The quiz, as files: one page, one script and the force's logo.

The web target and both SCORM targets ship the same files; only the page's
`data-lms` mode differs. The page carries what the first screen needs so that it
shows as soon as it is read, before the script has run: the stylesheet, inline
and pinned by its hash in the Content-Security-Policy (so no other style can
apply), and the course intro as markup. The rest of the course is embedded as
JSON inside a non-executed `<script type="application/json">` at the end of the
body, escaped so that nothing in the content can close that element. The policy
allows the package's own script and images and nothing else: no inline script,
no style but ours, no network origin.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from pathlib import Path
from typing import Any

from jinja2 import Environment
from markupsafe import Markup

from ..diagnostics import ContentError, Problem
from ..typography import uk_date
from ..view import CourseView, ScenarioView, StepView

MODES = ("web", "scorm12", "scorm2004")
#: quiz.js is these files, in this order: the LMS adapter, the engine, the view.
SCRIPT_PARTS = ("quiz/scorm-data.js", "quiz/lms.js", "quiz/engine.js", "quiz/dom.js", "quiz/view.js", "quiz/screens.js")
#: Block HTML that is one paragraph is sent without its <p> (the view puts it back), which
#: saves kilobytes over a course and lets a one-paragraph prompt sit in a fieldset's legend.
_ONE_PARAGRAPH = re.compile(r"<p>((?:(?!</?p>).)*)</p>\n?", re.DOTALL)
#: A comment on lines of its own: /* ... */ with no */ inside.
_COMMENT_LINES = re.compile(r"^[ \t]*/\*(?:(?!\*/).)*\*/[ \t]*\n", re.DOTALL | re.MULTILINE)


def quiz_files(view: CourseView, env: Environment, mode: str) -> dict[str, bytes]:
    """index.html, quiz.js and (when the force has one) logo.svg."""
    if mode not in MODES:
        raise ValueError(f"unknown quiz mode {mode!r}; expected one of {', '.join(MODES)}")
    files = {
        "index.html": page(view, env, mode),
        "quiz.js": compact(b"".join(asset(env, p) for p in SCRIPT_PARTS).decode()).encode(),
    }
    if view.branding.logo:
        files["logo.svg"] = view.branding.logo.read_bytes()
    return files


def page(view: CourseView, env: Environment, mode: str) -> bytes:
    """The launch page, with its stylesheet and the course data embedded."""
    css = stylesheet(view, env)
    style_hash = sha256_source(css)
    html = env.get_template("quiz/page.html").render(
        view=view, mode=mode, has_logo=view.branding.logo is not None,
        stylesheet=Markup(css), style_hash=style_hash,
        course_json=Markup(embed_json(quiz_data(view))))
    check_page(html, css, style_hash, asset_file(env, "quiz/page.html"))
    return html.encode("utf-8")


def check_page(html: str, css: str, style_hash: str, template: Path) -> None:
    """A force's own page template (perhaps written for an earlier Casebook) must still
    carry what the runtime and the policy rely on, or the quiz would ship unstyled or dead."""
    needs = {
        f"<style>{css}</style>": "the stylesheet, as <style>{{ stylesheet }}</style>",
        f"style-src '{style_hash}'": "the policy's style-src '{{ style_hash }}'",
        '<script src="quiz.js" defer></script>': 'the script, as <script src="quiz.js" defer></script>',
        'id="course-data"': "the course data element",
        "data-start": "the intro's Start link (quiz/intro.html)",
    }
    missing = [what for marker, what in needs.items() if marker not in html]
    if missing:
        raise ContentError([Problem(str(template), 0, 0,
                                    "this quiz page template lacks " + "; ".join(missing),
                                    "start again from a copy of Casebook's own templates/quiz/page.html")])


def stylesheet(view: CourseView, env: Environment) -> str:
    """quiz.css with the force's colours set as custom properties in front of it."""
    b = view.branding
    colours = f":root{{--brand:{b.primary};--on-brand:{b.on_primary};--accent:{b.accent}}}\n"
    path = asset_file(env, "quiz/quiz.css")
    source = path.read_text(encoding="utf-8")
    closing = re.search(r"</style", source, re.IGNORECASE)
    if closing:  # only a force's own quiz.css could: it would end the <style> element early
        line = source.count("\n", 0, closing.start()) + 1
        column = closing.start() - source.rfind("\n", 0, closing.start())
        raise ContentError([Problem(str(path), line, column,
                                    "the stylesheet contains '</style', which would end it early inside "
                                    "the quiz page", "remove it (a comment can say 'style')")])
    return colours + compact(source)


def sha256_source(text: str) -> str:
    """The CSP hash of an inline element whose content is `text` (goes in quotes: 'sha256-...')."""
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode()


def compact(source: str) -> str:
    """Drop whole-line comments, indentation and blank lines from the script or stylesheet.

    The sources are written for people (a header comment per function); packages are
    counted in kilobytes. Only whole lines go, so code and strings are never touched
    (the sources have no multi-line strings).
    """
    lines = (line.strip() for line in _COMMENT_LINES.sub("", source).splitlines())
    return "".join(line + "\n" for line in lines if line and not line.startswith("//"))


def embed_json(data: dict[str, Any]) -> str:
    """JSON safe inside a script element: no '<', '>' or '&' survive as themselves."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def quiz_data(view: CourseView) -> dict[str, Any]:
    """What the runtime reads, and nothing else, with Markdown already rendered to HTML.
    The course intro is not here: the page carries it as markup (quiz/intro.html)."""
    return {
        "key": f"casebook:{view.id}:{view.version}:{view.content_hash}",
        "title": view.title,
        "closing": _html(view.closing),
        "routes": [{"name": r.name, "how": r.how} for r in view.force.reporting_routes],
        "passMark": view.pass_mark, "shuffle": view.shuffle, "attempts": view.attempts,
        "attestation": view.attestation,
        "standards": _standards(view),
        "scenarios": [_scenario(s) for s in view.scenarios],
    }


def _standards(view: CourseView) -> dict[str, str]:
    """Titles of the standards found breached, by id (outcomes refer to them by id)."""
    return dict(sorted((ref.id, ref.title) for sc in view.scenarios for ref in sc.breached))


def _scenario(sc: ScenarioView) -> dict[str, Any]:
    b = sc.based_on
    return {
        "title": sc.title, "note": sc.content_note, "setting": _html(sc.setting),
        "exhibit": sc.exhibit.model_dump(exclude_none=True) if sc.exhibit else None,
        "basedOn": {"force": b.force, "date": b.date},
        "sources": [{"title": s.title, "publisher": s.publisher, "url": s.url,
                     "date": uk_date(s.date) if s.date else None} for s in b.sources],
        "steps": [_step(st) for st in sc.steps],
        "outcome": _html(sc.outcome), "breached": [r.id for r in sc.breached],
        "points": sc.learning_points,
    }


def _step(st: StepView) -> dict[str, Any]:
    step: dict[str, Any] = {
        "id": st.id, "iid": st.interaction_id, "type": st.type, "prompt": _html(st.prompt),
        "weight": st.weight,
    }
    # A decision's best choice is its "correct" one: casebook.view decides which, once.
    branching = st.kind == "decision"
    step["options"] = [{"text": str(o.text), "feedback": _html(o.feedback), "correct": o.correct,
                        **({"score": o.score, "next": o.next} if branching else {})} for o in st.options]
    return step


def asset(env: Environment, name: str) -> bytes:
    return asset_file(env, name).read_bytes()


def asset_file(env: Environment, name: str) -> Path:
    """A static file, found the way templates are: the project's templates/ first, then the
    built-ins, so a force can override the script or the stylesheet too."""
    assert env.loader is not None
    _, filename, _ = env.loader.get_source(env, name)
    return Path(filename)


def _html(block: Markup) -> str:
    """Block HTML, or the inside of its only paragraph."""
    one = _ONE_PARAGRAPH.fullmatch(str(block))
    return one.group(1) if one else str(block).rstrip("\n")
