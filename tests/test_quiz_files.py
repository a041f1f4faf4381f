"""What the quiz targets put in a package, without a browser."""

from __future__ import annotations

import json
import re
from pathlib import Path

from conftest import run_cli

from casebook import suspend
from casebook.targets.quiz import embed_json


def web_folder(out: Path, force: str = "default") -> Path:
    return out / force / "basics" / "web"


def test_web_target_writes_the_page_stylesheet_script_and_logo(project: Path, tmp_path: Path):
    assert run_cli("build", "--root", project, "--out", tmp_path, "--force", "all", "--target", "web").code == 0
    assert sorted(p.name for p in web_folder(tmp_path, "testshire").iterdir()) == \
        ["index.html", "logo.svg", "quiz.css", "quiz.js"]
    assert sorted(p.name for p in web_folder(tmp_path).iterdir()) == ["index.html", "quiz.css", "quiz.js"]


def test_the_page_declares_language_mode_and_a_strict_policy(project: Path, tmp_path: Path):
    run_cli("build", "--root", project, "--out", tmp_path, "--target", "web")
    html = (web_folder(tmp_path) / "index.html").read_text()
    assert '<html lang="en-GB">' in html
    assert '<body data-lms="web">' in html
    assert "default-src 'none'; script-src 'self'; style-src 'self'" in html
    assert not re.search(r"<script>|\sstyle=|\son\w+=", html), "no inline script, style or handler"


def test_force_colours_are_written_into_the_stylesheet(project: Path, tmp_path: Path):
    run_cli("build", "--root", project, "--out", tmp_path, "--force", "testshire", "--target", "web")
    css = (web_folder(tmp_path, "testshire") / "quiz.css").read_text()
    assert css.startswith(":root{--brand:#0b5345;--on-brand:#ffffff;")


def test_embedded_json_cannot_close_its_script_element():
    text = embed_json({"x": "</script><script>alert(1)</script> & <!--"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == {"x": "</script><script>alert(1)</script> & <!--"}


def test_a_course_whose_resume_data_could_overflow_scorm_12_fails_the_build(project: Path, tmp_path: Path,
                                                                             monkeypatch):
    monkeypatch.setattr(suspend, "LIMIT", 10)
    result = run_cli("build", "--root", project, "--out", tmp_path, "--target", "web")
    assert result.code == 1
    assert "content/courses/basics.yaml:1:1: error: this course's resume data can reach" in result.err
    assert "SCORM 1.2 stores at most 10" in result.err
    assert not tmp_path.joinpath("default").exists()
