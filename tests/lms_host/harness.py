"""Host a SCORM package in scorm-again inside headless Chromium, with no network.

Everything is served from one fake origin by Playwright routing (the recipe in
shared/conformance/scorm-again.md): /lms.html (this folder), /scorm-again.min.js
(from node_modules, never copied), /scorm-data.js and /lms.js (the adapter, for adapter-only tests)
and /pkg/... (the unzipped package). Any other request is aborted and recorded,
and `LmsSession.check_clean()` fails the test on it, on a page error, or on a
console warning (scorm-again prints its leniency warnings with console.warn).
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

from fake_origin import serve

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
SHARED = REPO.parent / "shared"
SCORM_AGAIN = REPO / "node_modules" / "scorm-again" / "dist" / "scorm-again.min.js"
ADAPTER = REPO / "templates" / "quiz" / "lms.js"  # loaded after scorm-data.js beside it
ORIGIN = "http://lms.test"


#: Per version: the recorded call names and the element names tests read.
VERSION = {
    "scorm12": {"init": "LMSInitialize", "get": "LMSGetValue", "set": "LMSSetValue",
                "commit": "LMSCommit", "finish": "LMSFinish"},
    "scorm2004": {"init": "Initialize", "get": "GetValue", "set": "SetValue",
                  "commit": "Commit", "finish": "Terminate"},
}


def unzip(archive: Path, dest: Path) -> Path:
    with zipfile.ZipFile(archive) as z:
        z.extractall(dest)
    return dest


def nested(flat: dict[str, str]) -> dict[str, Any]:
    """{'cmi.core.entry': 'resume'} -> {'core': {'entry': 'resume'}} for 1.2 loadFromJSON."""
    out: dict[str, Any] = {}
    for key, value in flat.items():
        parts = key.removeprefix("cmi.").split(".")
        node = out
        for part in parts[:-1]:
            node = node.setdefault(part, {})
        node[parts[-1]] = value
    return out


class LmsSession:
    """One page: the test LMS with a package (or the adapter test SCO) in its frame."""

    def __init__(self, context: Any, version: str, package: Path | None = None):
        self.version = version
        self.names = VERSION[version]
        self.package = package
        self.unexpected: list[str] = []
        self.problems: list[str] = []
        self.page = context.new_page()
        self.page.route("**/*", self._serve)
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda exc: self.problems.append(f"page error: {exc}"))

    def _serve(self, route: Any) -> None:
        serve(route, ORIGIN, self._locate, self.unexpected)

    def _locate(self, path: str) -> Path:
        """The LMS's own files, the adapter alone, or the package under /pkg/."""
        if path == "scorm-again.min.js":
            return SCORM_AGAIN
        if path in ("lms.js", "scorm-data.js"):
            return ADAPTER.parent / path
        if path.startswith("pkg/") and self.package is not None:
            return self.package / path.removeprefix("pkg/")
        return HERE / path

    def _console(self, msg: Any) -> None:
        if msg.type in ("warning", "error"):
            self.problems.append(f"console.{msg.type}: {msg.text}")

    # -- launching -------------------------------------------------------------

    def open(self, href: str = "/pkg/index.html", preload: dict[str, str] | None = None,
             api: bool = True, sabotage: str | None = None, storage: dict[str, str] | None = None) -> Any:
        """Load the LMS page, install the API (unless api=False), launch `href` in the frame."""
        self.page.goto(f"{ORIGIN}/lms.html")
        if storage:
            self.page.evaluate("s => { for (const [k, v] of Object.entries(s)) localStorage.setItem(k, v); }",
                               storage)
        if api:
            data = (nested(preload) if self.version == "scorm12" else preload) if preload else None
            self.page.evaluate("o => testLms.install(o)",
                               {"version": self.version, "preload": data, "sabotage": sabotage})
        self.page.evaluate("href => testLms.launch(href)", href)
        self.page.wait_for_function(
            "() => { const f = document.getElementById('sco'); return f.contentDocument &&"
            " f.contentDocument.readyState === 'complete' && f.contentWindow.location.href !== 'about:blank'; }")
        return self.frame

    @property
    def frame(self) -> Any:
        return self.page.frame(name="sco")

    # -- reading back ----------------------------------------------------------

    def calls(self) -> list[dict[str, Any]]:
        return self.page.evaluate("() => testLms.calls")

    def sets(self) -> list[tuple[str, str]]:
        """Every SetValue as (element, value), in order, exactly as the SCO sent it."""
        return [tuple(c["args"]) for c in self.calls() if c["call"] == self.names["set"]]

    def set_map(self) -> dict[str, str]:
        """The last value sent for each element."""
        return dict(self.sets())

    def refused(self) -> list[dict[str, Any]]:
        return [c for c in self.calls() if c["ret"] == "false"]

    def wait_finished(self, timeout: float = 10_000) -> None:
        self.page.wait_for_function("() => testLms.finished === true", timeout=timeout)

    def cmi(self) -> dict[str, str]:
        return self.page.evaluate("() => testLms.cmi()")

    def check_clean(self) -> None:
        assert self.unexpected == [], f"requests outside the package: {self.unexpected}"
        assert self.problems == [], "\n".join(self.problems)
