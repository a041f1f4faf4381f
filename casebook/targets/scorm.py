"""The SCORM targets: the quiz, packaged for an LMS.

Each job gives one zip, `<course>-scorm12.zip` or `<course>-scorm2004.zip`, in
its unit folder: the quiz files for that run-time mode plus an `imsmanifest.xml`
at the root, one organization with one item launching one SCO resource that lists
every file. Manifests name no XSD in xsi:schemaLocation, so no control documents
need to ship (shared/conformance/scorm-facts.md, P2). Archives are byte-identical
across builds (casebook.packaging).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from jinja2 import Environment

from .. import __version__, templating
from ..packaging import deterministic_zip
from ..view import CourseView, course_view
from . import Job
from .quiz import quiz_files

LAUNCH = "index.html"


@dataclass(frozen=True)
class ScormTarget:
    """One SCORM version: its target name, runtime mode and manifest template."""

    name: str
    mode: str
    manifest_template: str

    def render(self, jobs: list[Job]) -> Iterator[tuple[Job, str, bytes]]:
        for job in jobs:
            env = templating.environment(job.library.root)
            yield job, f"{job.course.id}-{self.name}.zip", self.package(course_view(job), env)

    def package(self, view: CourseView, env: Environment) -> bytes:
        """The zip for one course view: quiz files plus imsmanifest.xml."""
        files = dict(quiz_files(view, env, self.mode))
        if LAUNCH not in files:
            raise ValueError(f"the quiz has no {LAUNCH} to launch")
        files["imsmanifest.xml"] = self.manifest(view, env, sorted(files))
        return deterministic_zip(files)

    def manifest(self, view: CourseView, env: Environment, names: list[str]) -> bytes:
        template = env.get_template(self.manifest_template)
        return template.render(manifest_context(view, names)).encode("utf-8")


def manifest_context(view: CourseView, names: list[str]) -> dict[str, object]:
    """What both manifest templates show: identity, title, pass mark, files."""
    return {
        "generator": f"Casebook {__version__}",
        "identifier": manifest_identifier(view),
        "course_id": view.id,
        "version": view.version,
        "force_id": view.force.id,
        "content_hash": view.content_hash,
        "title": f"{view.title} (v{view.version})",
        "pass_mark": view.pass_mark,
        "scaled_pass_mark": f"{view.pass_mark / 100:.2f}".rstrip("0").rstrip(".") or "0",
        "launch": LAUNCH,
        "files": names,
    }


def manifest_identifier(view: CourseView) -> str:
    """An xs:ID naming the course and version: starts with a letter, no spaces or colons."""
    safe = "".join(c if c.isalnum() or c in "-_." else "-" for c in f"{view.id}.v{view.version}")
    return f"casebook.{safe}"


SCORM12 = ScormTarget("scorm12", "scorm12", "scorm/imsmanifest-12.xml")
SCORM2004 = ScormTarget("scorm2004", "scorm2004", "scorm/imsmanifest-2004.xml")
