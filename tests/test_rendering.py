"""The rendering layer: Markdown is safe, templates are strict and escaped, and
a project's templates/ overrides the built-ins."""

from __future__ import annotations

from pathlib import Path

import pytest
from jinja2 import UndefinedError

from casebook import markdown, templating
from casebook.templating import builtin_templates


def test_script_in_markdown_stays_visible_text():
    html = markdown.render("Hello <script>alert(1)</script>")
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_javascript_links_are_not_rendered_as_links():
    html = markdown.render("[click](javascript:alert(1)) and [x](vbscript:msgbox)")
    assert "href" not in html


def test_ordinary_markdown_renders():
    assert markdown.render("You are a **PC**.") == "<p>You are a <strong>PC</strong>.</p>\n"
    assert markdown.render_inline("a *b*") == "a <em>b</em>"


@pytest.mark.parametrize("text, found", [
    ("![A chat](chat.png)", True),
    ("See ![the post][post].\n\n[post]: post.png", True),
    ("Write `![alt](file.png)` to show an image.", False),
    ("A [link](https://example.org) is fine.", False),
])
def test_images_are_found_outside_code_spans_only(text: str, found: bool):
    assert markdown.has_image(text) is found


def test_templates_escape_content_and_refuse_undefined_names(tmp_path: Path):
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "t.html").write_text("<p>{{ title }}</p>{{ missing }}")
    env = templating.environment(tmp_path)
    with pytest.raises(UndefinedError):
        env.get_template("t.html").render(title="x")
    (tmp_path / "templates" / "u.html").write_text("<p>{{ title }}</p>")
    assert env.get_template("u.html").render(title="<b>") == "<p>&lt;b&gt;</p>"


def test_project_templates_override_builtins_and_can_extend_them(tmp_path: Path):
    name = "quiz/page.html"
    assert (builtin_templates() / name).is_file()
    (tmp_path / "templates" / "quiz").mkdir(parents=True)
    (tmp_path / "templates" / name).write_text("OVERRIDDEN")
    env = templating.environment(tmp_path)
    assert env.get_template(name).render() == "OVERRIDDEN"
    builtin = env.get_template(f"builtin/{name}")
    assert Path(builtin.filename).resolve() == (builtin_templates() / name).resolve()
