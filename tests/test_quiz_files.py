"""What the quiz targets put in a package, without a browser."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from pathlib import Path

from conftest import run_cli

from casebook import suspend
from casebook.targets.quiz import embed_json


def web_folder(out: Path, force: str = "default") -> Path:
    return out / force / "basics" / "web"


def style_of(html: str) -> str:
    (css,) = re.findall(r"<style>(.*?)</style>", html, re.DOTALL)
    return css


def test_web_target_writes_the_page_script_and_logo(project: Path, tmp_path: Path):
    result = run_cli("build", "--root", project, "--out", tmp_path, "--force", "all", "--target", "web")
    assert result.code == 0
    with_logo = web_folder(tmp_path, "testshire")
    assert sorted(p.name for p in with_logo.iterdir()) == ["index.html", "logo.svg", "quiz.js"]
    assert sorted(p.name for p in web_folder(tmp_path).iterdir()) == ["index.html", "quiz.js"]


def test_the_page_declares_language_mode_and_a_strict_policy(project: Path, tmp_path: Path):
    run_cli("build", "--root", project, "--out", tmp_path, "--target", "web")
    html = (web_folder(tmp_path) / "index.html").read_text()
    assert '<html lang="en-GB">' in html
    assert '<body data-lms="web">' in html
    assert "default-src 'none'; script-src 'self'; style-src 'sha256-" in html
    assert not re.search(r"<script>|\sstyle=|\son\w+=", html), "no inline script, style attribute or handler"


def test_the_policy_allows_exactly_the_pages_own_stylesheet(project: Path, tmp_path: Path):
    run_cli("build", "--root", project, "--out", tmp_path, "--target", "web")
    html = (web_folder(tmp_path) / "index.html").read_text()
    digest = base64.b64encode(hashlib.sha256(style_of(html).encode()).digest()).decode()
    assert f"style-src 'sha256-{digest}';" in html


def test_force_colours_are_written_into_the_stylesheet(project: Path, tmp_path: Path):
    run_cli("build", "--root", project, "--out", tmp_path, "--force", "testshire", "--target", "web")
    css = style_of((web_folder(tmp_path, "testshire") / "index.html").read_text())
    assert css.startswith(":root{--brand:#0b5345;--on-brand:#ffffff;")


def test_a_stylesheet_that_would_end_the_style_element_is_a_located_error(project: Path, tmp_path: Path):
    override = project / "templates" / "quiz" / "quiz.css"
    override.parent.mkdir(parents=True)
    override.write_text("body { color: #000 }\n/* </STYLE> */\n")
    result = run_cli("build", "--root", project, "--out", tmp_path, "--target", "web")
    assert result.code == 1
    assert f"{override}:2:4: error: the stylesheet contains '</style'" in result.err
    assert not (tmp_path / "default").exists()


def test_a_page_template_written_for_an_older_casebook_is_a_clear_error(project: Path, tmp_path: Path):
    override = project / "templates" / "quiz" / "page.html"
    override.parent.mkdir(parents=True)
    override.write_text('<!doctype html><link rel="stylesheet" href="quiz.css">'
                        '<script type="application/json" id="course-data">{{ course_json }}</script>'
                        '<script src="quiz.js" defer></script><main><h1>{{ view.title }}</h1></main>\n')
    result = run_cli("build", "--root", project, "--out", tmp_path, "--target", "web")
    assert result.code == 1
    assert result.err.startswith(f"{override}: error: this quiz page template lacks the stylesheet, as "
                                 "<style>{{ stylesheet }}</style>; the policy's style-src '{{ style_hash }}'; "
                                 "the intro's Start link (quiz/intro.html)\n")
    assert not (tmp_path / "default").exists()


def test_the_course_intro_is_in_the_page_not_in_the_data(project: Path, tmp_path: Path):
    run_cli("build", "--root", project, "--out", tmp_path, "--target", "web")
    html = (web_folder(tmp_path) / "index.html").read_text()
    main = html[html.index("<main"):html.index("</main>")]
    start = '<a href="#start" role="button" draggable="false" class="button button--start" data-start>'
    assert start + "Start now</a>" in main
    assert "By the end of this module you will be able to:" in main
    data = json.loads(re.search(r'id="course-data">(.*?)</script>', html, re.DOTALL).group(1))
    assert not {"intro", "outcomes", "guidance", "minutes"} & data.keys()


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


def test_check_reports_resume_data_that_could_overflow_too(project: Path, monkeypatch):
    monkeypatch.setattr(suspend, "LIMIT", 10)
    result = run_cli("check", "--root", project)
    assert result.code == 1
    assert "content/courses/basics.yaml:1:1: error: this course's resume data can reach" in result.err
