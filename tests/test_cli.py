"""The command-line contract other tools and the README rely on."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
from ruamel.yaml import YAML

from conftest import REPO, run_cli, tree_snapshot


def test_shipped_content_passes_check():
    result = run_cli("check", "--root", REPO)
    assert result.code == 0, result.err
    assert result.err.startswith("ok: ")


def test_build_py_behaves_exactly_as_casebook(tmp_path: Path):
    script = subprocess.run([sys.executable, "build.py", "check", "--root", "tests/fixtures/project"],
                            cwd=REPO, capture_output=True, text=True)
    module = subprocess.run([sys.executable, "-m", "casebook", "check", "--root", "tests/fixtures/project"],
                            cwd=REPO, capture_output=True, text=True)
    assert (script.returncode, script.stdout, script.stderr) == (module.returncode, module.stdout, module.stderr)
    assert script.returncode == 0


def test_plain_casebook_means_build(project: Path):
    assert run_cli("--root", project).code == 0
    assert (project / "output" / "default" / "basics" / "build.json").is_file()


def test_build_writes_one_folder_per_force_and_course(project: Path):
    assert run_cli("build", "--root", project, "--force", "all").code == 0
    assert sorted(p.name for p in (project / "output").iterdir()) == ["default", "testshire"]
    record = json.loads((project / "output" / "testshire" / "basics" / "build.json").read_text())
    assert record["course"] == {"id": "basics", "title": "Basics", "version": "1.0.0"}
    assert record["force"] == {"id": "testshire", "name": "Testshire Police"}
    assert set(record["inputs"]) == {
        "content/standards.yaml", "content/courses/basics.yaml", "content/forces/testshire.yaml",
        "content/forces/testshire-logo.svg", "scenarios/group-chat.yaml", "scenarios/public-post.yaml"}
    assert len(record["content_hash"]) == 12


def test_default_force_only_unless_asked(project: Path):
    assert run_cli("build", "--root", project).code == 0
    assert [p.name for p in (project / "output").iterdir()] == ["default"]


def test_out_sends_output_elsewhere(project: Path, tmp_path: Path):
    assert run_cli("build", "--root", project, "--out", tmp_path / "elsewhere").code == 0
    assert (tmp_path / "elsewhere" / "default" / "basics" / "build.json").is_file()
    assert not (project / "output").exists()


def test_check_writes_nothing(project: Path):
    assert run_cli("check", "--root", project).code == 0
    assert not (project / "output").exists()


def test_unknown_force_is_a_usage_error(project: Path):
    result = run_cli("build", "--root", project, "--force", "nowhere")
    assert result.code == 2
    assert "no force profile 'nowhere'" in result.err
    assert "available: default, testshire" in result.err


def test_bad_option_is_a_usage_error():
    assert run_cli("build", "--no-such-option").code == 2


def test_missing_root_is_a_usage_error(tmp_path: Path):
    result = run_cli("check", "--root", tmp_path / "absent")
    assert result.code == 2 and "no such folder" in result.err


def test_same_build_twice_gives_identical_build_json(project: Path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    for out in ("first", "second"):  # two folders: a second build into one folder is skipped
        run_cli("build", "--root", project, "--out", project / out)
    first = (project / "first" / "default" / "basics" / "build.json").read_bytes()
    assert (project / "second" / "default" / "basics" / "build.json").read_bytes() == first
    assert json.loads(first)["built_at"] == "2023-11-14T22:13:20+00:00"


def test_schema_output_validates_every_shipped_file():
    schemas = json.loads(run_cli("schema").out)
    yaml = YAML(typ="safe")
    files = {"scenario": sorted((REPO / "scenarios").glob("*.yaml")),
             "course": sorted((REPO / "content" / "courses").glob("*.yaml")),
             "force": sorted((REPO / "content" / "forces").glob("*.yaml")),
             "standards": [REPO / "content" / "standards.yaml"]}
    for kind, paths in files.items():
        assert paths, kind
        for path in paths:
            data = json.loads(json.dumps(yaml.load(path.read_text()), default=str))
            jsonschema.validate(data, schemas[kind])


def test_schema_rejects_an_unknown_field():
    schema = json.loads(run_cli("schema", "force").out)
    bad = {"id": "x", "name": "X", "colours": {"primary": "#000000"},
           "reporting_routes": [{"name": "PSD", "how": "ext 1"}], "colour": "red"}
    try:
        jsonschema.validate(bad, schema)
    except jsonschema.ValidationError as exc:
        assert "colour" in exc.message
    else:
        raise AssertionError("an unknown field was accepted")


def test_root_lets_a_force_keep_content_in_its_own_folder(shipped: Path):
    result = run_cli("build", "--root", shipped, "--force", "all")
    assert result.code == 0, result.err
    courses = [p.name for p in (shipped / "output" / "default").iterdir()]
    assert courses == ["social-media"]


def test_overdue_review_is_a_warning_not_an_error(project: Path):
    path = project / "scenarios" / "public-post.yaml"
    path.write_text(path.read_text().replace("review_by: 2027-01-01", "review_by: 2026-02-01"))
    result = run_cli("check", "--root", project)
    assert result.code == 0
    assert "scenarios/public-post.yaml:39:14: warning: review overdue since 2026-02-01" in result.err


def test_a_template_syntax_error_is_located_and_nothing_is_written(project: Path):
    assert run_cli("build", "--root", project, "--target", "web").code == 0
    before = tree_snapshot(project / "output")
    (project / "templates" / "quiz").mkdir(parents=True)
    (project / "templates" / "quiz" / "page.html").write_text("<!doctype html>\n<title>{{ view.title </title>\n")
    result = run_cli("build", "--root", project, "--target", "web")
    assert result.code == 1
    assert result.err.startswith("templates/quiz/page.html:2:1: error: template syntax:")
    assert "Traceback" not in result.err
    assert tree_snapshot(project / "output") == before


def test_a_template_naming_something_unknown_is_located(project: Path):
    (project / "templates" / "quiz").mkdir(parents=True)
    (project / "templates" / "quiz" / "page.html").write_text("<!doctype html>\n\n<p>{{ view.nonsense }}</p>\n")
    result = run_cli("build", "--root", project, "--target", "web")
    assert result.code == 1
    assert result.err.startswith("templates/quiz/page.html:3:1: error: template:")
    assert "nonsense" in result.err


def test_an_unwritable_output_folder_is_a_message_not_a_traceback(project: Path, tmp_path: Path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the output folder should be")
    result = run_cli("build", "--root", project, "--target", "web", "--out", blocker / "output")
    assert result.code == 1
    assert result.err.startswith("casebook: error:") and "Traceback" not in result.err
