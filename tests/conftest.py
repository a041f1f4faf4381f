"""Shared fixtures: a small valid project copied into a temporary folder, and a
way to run the command line in-process and capture what the user would see."""

from __future__ import annotations

import io
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from quiz_page import WATCH_CSP, Quiz

from casebook.cli import main

TESTS = Path(__file__).resolve().parent
REPO = TESTS.parent
FIXTURE_PROJECT = TESTS / "fixtures" / "project"


@dataclass
class Result:
    code: int
    out: str
    err: str


def run_cli(*args: str | Path) -> Result:
    out, err = io.StringIO(), io.StringIO()
    code = main([str(a) for a in args], stdout=out, stderr=err)
    return Result(code, out.getvalue(), err.getvalue())


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A writable copy of tests/fixtures/project."""
    dest = tmp_path / "project"
    shutil.copytree(FIXTURE_PROJECT, dest)
    return dest


@pytest.fixture
def shipped(tmp_path: Path) -> Path:
    """A writable copy of the repository's own content (the shipped course)."""
    dest = tmp_path / "shipped"
    for part in ("content", "scenarios"):
        shutil.copytree(REPO / part, dest / part)
    return dest


def tree_snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` with its bytes, to prove a folder did not change."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


#: Debian's chromium, driven by Python playwright; never a browser a test tool downloads.
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """One headless Chromium for the whole run: Playwright's sync API allows one
    driver per process, so every browser test shares this one."""
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        raise RuntimeError(f"{CHROMIUM} is missing: run the tests with ./tasks.sh test, "
                           "or install it with: apt-get install -y chromium")
    with sync_playwright() as driver:
        chromium = driver.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def context(browser: Any) -> Iterator[Any]:
    """A fresh browser context (empty localStorage) per test."""
    ctx = browser.new_context()
    ctx.set_default_timeout(10_000)
    yield ctx
    ctx.close()


# --- the standalone quiz page (helpers in quiz_page.py) -------------------------------

def build_web(root: Path, out: Path, force: str = "default") -> Path:
    """Build the web target of `root` and return the folder of its only course."""
    code = main(["build", "--root", str(root), "--out", str(out), "--target", "web", "--force", force, "-q"])
    assert code == 0
    [folder] = (out / force).iterdir()
    return folder / "web"


def rich_project(dest: Path) -> Path:
    """The fixture project plus a content note, an exhibit caption, an attestation and
    hostile content (script tags, a javascript: link, a script-closing string)."""
    shutil.copytree(FIXTURE_PROJECT, dest)
    chat = dest / "scenarios" / "group-chat.yaml"
    text = chat.read_text()
    text = text.replace("setting: You are a PC in a team WhatsApp group.\n",
                        "content_note: This scenario describes a meme mocking disability.\n"
                        "setting: |\n  You are a PC in a team WhatsApp group. <script>window.__xss = 1</script>\n\n"
                        "  [Read the policy](javascript:window.__xss=2) <img src=x onerror=\"window.__xss=3\">\n")
    text = text.replace("  title: Team B\n", "  title: Team B\n  caption: 9 members\n")
    text = text.replace("      attachment: A meme mocking a disabled person.\n",
                        "      attachment: A meme mocking a disabled person.\n"
                        "      reactions: [\"😂 3\"]\n"
                        "    - sender: Jo (PC)\n      time: \"21:16\"\n"
                        "      text: \"</script><script>window.__xss = 4</script> lol\"\n")
    chat.write_text(text)
    post = dest / "scenarios" / "public-post.yaml"
    post.write_text(post.read_text().replace("  breached: [discreditable-conduct]\n", "")
                    .replace("date: 2019-11-20", "date: 2019-11"))
    course = dest / "content" / "courses" / "basics.yaml"
    course.write_text(course.read_text() + "attestation: I understand the Standards apply online.\n"
                      "guidance:\n  - text: Think before you post.\n    attribution: College of Policing\n"
                      "assessment:\n  pass_mark: 50\n")
    return dest


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """tests/fixtures/project built for the Testshire force (it has a logo)."""
    return build_web(FIXTURE_PROJECT, tmp_path_factory.mktemp("fixture-out"), "testshire")


@pytest.fixture(scope="session")
def rich_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = rich_project(tmp_path_factory.mktemp("rich") / "project")
    return build_web(root, tmp_path_factory.mktemp("rich-out"), "testshire")


@pytest.fixture(scope="session")
def shipped_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's own course."""
    return build_web(REPO, tmp_path_factory.mktemp("shipped-out"), "northshire")


@pytest.fixture
def open_quiz(browser: Any) -> Iterator[Callable[..., Quiz]]:
    contexts = []

    def opener(site: Path, **options: Any) -> Quiz:
        context = browser.new_context(**options)
        context.set_default_timeout(5000)
        contexts.append(context)
        page = context.new_page()
        quiz = Quiz(page, site)
        page.add_init_script(WATCH_CSP)
        page.route("**/*", quiz.serve)
        page.on("console", lambda m: quiz.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: quiz.errors.append(str(e)))
        return quiz.open()

    yield opener
    for context in contexts:
        context.close()
