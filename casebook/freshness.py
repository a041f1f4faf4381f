"""Skip a course folder whose last build came from exactly what this build would use.

A training lead rebuilds often while editing one scenario, and a force profile's
PDFs take seconds each to render. Each build.json records a build key: a hash of
everything that decides the folder's bytes (the job's content files and logo,
the Casebook code and every template it could load, the versions of the
libraries that render, the targets asked for and SOURCE_DATE_EPOCH). When the
key matches and every file build.json lists is still there, unchanged, the
folder is left alone. Anything else, including a hand-edited output, rebuilds.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from collections.abc import Iterable
from functools import cache
from importlib import metadata
from pathlib import Path

from . import __version__
from .templating import PACKAGE_DIR, template_dirs

#: Libraries whose version can change the bytes of an output (WeasyPrint's own
#: dependencies included). Fonts and Pango on the machine can too, and are not in
#: the key: `casebook build --rebuild` after changing them.
RENDERERS = ("jinja2", "markupsafe", "markdown-it-py", "pydantic", "ruamel.yaml", "weasyprint", "pydyf",
             "fonttools", "pyphen", "tinycss2", "cssselect2", "pillow", "tinyhtml5")


def tool_fingerprint(root: Path) -> str:
    """The Casebook code, the templates a build of `root` can load and the renderers' versions.
    Read afresh every build (a few milliseconds): a long-lived process must see edited templates."""
    digest = hashlib.sha256(f"{__version__} python {sys.version}".encode())
    for name in RENDERERS:
        digest.update(f"{name}={_version(name)}".encode())
    for base in (PACKAGE_DIR, *template_dirs(root)):
        for path in _files(base):
            digest.update(str(path.relative_to(base)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def _files(base: Path) -> Iterable[Path]:
    patterns = ("*.py",) if base == PACKAGE_DIR else ("*",)
    return sorted(p for pattern in patterns for p in base.rglob(pattern)
                  if p.is_file() and "__pycache__" not in p.parts)


@cache
def _version(distribution: str) -> str:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "absent"


def build_key(inputs: dict[str, str], targets: list[str], fingerprint: str) -> str:
    """One hash of what decides a course folder's contents."""
    record = {"inputs": inputs, "targets": sorted(targets), "tool": fingerprint,
              "source_date_epoch": os.environ.get("SOURCE_DATE_EPOCH")}
    return hashlib.sha256(json.dumps(record, sort_keys=True).encode()).hexdigest()


def is_current(folder: Path, key: str) -> bool:
    """True when `folder` was built with `key` and still holds exactly what it recorded."""
    try:
        record = json.loads((folder / "build.json").read_text(encoding="utf-8"))
        if record.get("build_key") != key:
            return False
        return all(hashlib.sha256((folder / name).read_bytes()).hexdigest() == entry["sha256"]
                   for name, entry in record["outputs"].items())
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return False
