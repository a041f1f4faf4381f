"""The packs are safe to build from untrusted content: markup stays text, every
file comes from inside the project, bad assets are located errors, builds are
reproducible, and nothing but PDF rendering pays for importing WeasyPrint."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import REPO, run_cli

PDF_TARGETS = ("--target", "briefing-pdf", "--target", "trainer-pdf")


def build_briefing(project: Path, *extra: str) -> tuple[int, str, Path]:
    out = project / "output"
    result = run_cli("build", "--root", project, "--out", out, "--target", "briefing-pdf",
                     "--force", "testshire", "-q", *extra)
    return result.code, result.err, out / "testshire" / "basics" / "basics-briefing.pdf"


def test_html_and_script_in_content_stay_inert_text(project: Path):
    scenario = project / "scenarios" / "group-chat.yaml"
    scenario.write_text(scenario.read_text()
                        .replace("title: The group chat", "title: <script>alert(1)</script> chat")
                        .replace("setting: You are a PC", "setting: <img src=x onerror=alert(1)> You are a PC"))
    code, err, pdf = build_briefing(project)
    assert code == 0, err
    reader = PdfReader(pdf)
    content = "\n".join(page.extract_text() for page in reader.pages)
    assert "<script>alert(1)</script> chat" in content
    assert "<img src=x onerror=alert(1)>" in content
    assert b"/JavaScript" not in pdf.read_bytes() and b"/JS " not in pdf.read_bytes()


def test_missing_logo_is_a_located_error_and_nothing_is_written(project: Path):
    (project / "content" / "forces" / "testshire-logo.svg").unlink()
    code, err, pdf = build_briefing(project)
    assert code == 1
    assert "content/forces/testshire.yaml:3:7: error: asset 'testshire-logo.svg' not found" in err
    assert not pdf.exists()


def test_logo_outside_the_project_is_refused(project: Path):
    force = project / "content" / "forces" / "testshire.yaml"
    force.write_text(force.read_text().replace("logo: testshire-logo.svg", "logo: ../../../etc/hostname"))
    code, err, pdf = build_briefing(project)
    assert code == 1
    assert "content/forces/testshire.yaml:3:7: error: asset path '../../../etc/hostname' leaves its folder" in err
    assert not pdf.exists()


@pytest.mark.parametrize("src", ["https://example.org/tracker.png", "file:///etc/hostname"])
def test_a_template_cannot_fetch_from_outside_the_project(project: Path, src: str):
    override = project / "templates" / "pdf" / "sections"
    override.mkdir(parents=True)
    about = (REPO / "templates" / "pdf" / "sections" / "about.html").read_text()
    (override / "about.html").write_text(about.replace("</section>", f'<img src="{src}" alt="x"></section>'))
    code, err, pdf = build_briefing(project)
    assert code == 1
    assert "templates/pdf/briefing.html: error: refused to" in err
    assert "Traceback" not in err
    assert not pdf.exists()


def test_fetcher_allows_project_files_and_data_urls_only(project: Path):
    from casebook.local_fetch import LocalFetcher, RefusedFetch

    fetcher = LocalFetcher([project])
    logo = project / "content" / "forces" / "testshire-logo.svg"
    assert fetcher.fetch(logo.as_uri()).read().startswith(b"<svg")
    assert fetcher.fetch("data:text/plain,hello").read() == b"hello"
    for url in ("http://localhost/x", "ftp://example.org/x", "file:///etc/passwd",
                (project / "missing.svg").as_uri()):
        with pytest.raises(RefusedFetch):
            fetcher.fetch(url)


def test_same_inputs_and_source_date_epoch_give_byte_identical_packs(project: Path,
                                                                     monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    first, second = project / "first", project / "second"
    for out in (first, second):
        assert run_cli("build", "--root", project, "--out", out, *PDF_TARGETS, "-q").code == 0
    for name in ("basics-briefing.pdf", "basics-trainer.pdf"):
        assert (first / "default" / "basics" / name).read_bytes() == (
            second / "default" / "basics" / name).read_bytes()


NO_WEASYPRINT = """
import sys
from casebook.cli import main
import casebook.targets.pdf
code = main(sys.argv[1:])
assert code == 0, code
loaded = sorted(m for m in sys.modules if m.split(".")[0] == "weasyprint")
print("LOADED" if loaded else "CLEAN")
"""


@pytest.mark.parametrize("command", [
    ["check"],
    ["build", "--target", "web", "--target", "scorm12", "--target", "scorm2004"],
])
def test_check_and_quiz_targets_never_import_weasyprint(project: Path, command: list[str]):
    args = [*command, "--root", str(project), "-q"]
    if command[0] == "build":
        args += ["--out", str(project / "output")]
    result = subprocess.run([sys.executable, "-c", NO_WEASYPRINT, *args], capture_output=True, text=True,
                            cwd=REPO)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "CLEAN"


def test_pdf_targets_are_listed_by_name():
    from casebook.targets import load
    assert load("briefing-pdf").name == "briefing-pdf"
    assert load("trainer-pdf").name == "trainer-pdf"


@pytest.fixture(autouse=True)
def _no_staging_left(project: Path):
    yield
    assert not list(project.glob(".casebook-staging-*"))
    shutil.rmtree(project / "output", ignore_errors=True)
