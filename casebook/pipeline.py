"""The build, top to bottom: load and validate everything, render every job for
every target, then write. Nothing is written until every input has been read and
every output rendered.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from jinja2 import TemplateError

from . import __version__, freshness
from .clock import build_datetime
from .diagnostics import ContentError, UsageError
from .library import Library, load_library
from .output import Staging
from .targets import TARGETS, Job, Target
from .targets import load as load_target
from .template_errors import template_problem

log = logging.getLogger("casebook")


@dataclass(frozen=True)
class BuildRequest:
    """What the user asked for on the command line."""

    root: Path
    out: Path
    forces: tuple[str, ...] = ("default",)
    targets: tuple[str, ...] = ()
    rebuild: bool = False  # build even the courses whose output is up to date


def check(root: Path) -> Library:
    """Validate the project and report its warnings; raises ContentError listing every error."""
    library = load_library(root)
    for warning in library.warnings:
        log.warning("%s", warning)
    return library


def build(request: BuildRequest) -> list[Path]:
    """Build every course for every selected force; return the folders written.
    A folder already built from the same inputs, code and options is left as it is."""
    library = check(request.root)
    targets = select_targets(request.targets)
    jobs = plan(library, request.forces)
    keys = build_keys(request.root, jobs, targets)
    stale = [job for job in jobs
             if request.rebuild or not freshness.is_current(request.out / job.unit, keys[job.unit])]
    for job in jobs:
        if job not in stale:
            log.info("up to date: %s", request.out / job.unit)
    if not stale:
        return []
    with Staging(request.out) as staging:
        try:
            produced = render(targets, stale, staging)
        except TemplateError as exc:
            raise ContentError([template_problem(exc, request.root)]) from None
        for job in stale:
            staging.add(job.unit, "build.json", build_record(job, produced[job.unit], keys[job.unit]))
        written = staging.publish()
    for folder in written:
        log.info("wrote %s", folder)
    return written


def build_keys(root: Path, jobs: list[Job], targets: list[Target]) -> dict[str, str]:
    """Each job's build key (see freshness), by output folder."""
    tool = freshness.tool_fingerprint(root)
    names = [t.name for t in targets]
    return {job.unit: freshness.build_key(job.inputs(), names, tool) for job in jobs}


def render(targets: list[Target], jobs: list[Job], staging: Staging) -> dict[str, dict[str, bytes]]:
    """Stage every target's files for every job; return them by unit for build.json."""
    produced: dict[str, dict[str, bytes]] = defaultdict(dict)
    streams = [target.render(jobs) for target in targets]  # slow targets start work now
    for stream in streams:
        for job, relative, data in stream:
            staging.add(job.unit, relative, data)
            produced[job.unit][relative] = data
    return produced


def select_targets(names: tuple[str, ...]) -> list[Target]:
    unknown = [n for n in names if n not in TARGETS]
    if unknown:
        raise UsageError(f"unknown target {', '.join(unknown)}; available: {', '.join(TARGETS)}")
    return [load_target(n) for n in dict.fromkeys(names or tuple(TARGETS))]


def plan(library: Library, force_ids: tuple[str, ...]) -> list[Job]:
    """Every course for every selected force profile."""
    if "all" in force_ids:
        force_ids = tuple(sorted(library.forces))
    missing = [f for f in force_ids if f not in library.forces]
    if missing:
        raise UsageError(f"no force profile '{missing[0]}' in content/forces/; "
                         f"available: {', '.join(sorted(library.forces))}, or 'all'")
    built_at = build_datetime().isoformat()
    return [Job(library, course, library.forces[f], built_at)
            for course in library.courses.values() for f in dict.fromkeys(force_ids)]


def build_record(job: Job, files: dict[str, bytes], key: str) -> bytes:
    """build.json: which inputs, which Casebook, which outputs, so a force can show
    exactly which version of a briefing an officer completed."""
    record = {
        "casebook_version": __version__,
        "built_at": job.built_at,
        "build_key": key,
        "course": {"id": job.course.id, "title": job.course.title, "version": job.course.version},
        "force": {"id": job.force.id, "name": job.force.name},
        "content_hash": job.content_hash,
        "inputs": job.inputs(),
        "outputs": {name: {"bytes": len(data), "sha256": hashlib.sha256(data).hexdigest()}
                    for name, data in sorted(files.items())},
    }
    return (json.dumps(record, indent=2, ensure_ascii=False) + "\n").encode()
