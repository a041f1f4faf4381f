"""Rebuilding: a course folder built from the same inputs is left alone; any change
that could alter its bytes rebuilds it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import run_cli

UNIT = Path("default") / "basics"


def build(project: Path, out: Path, *options: str) -> str:
    result = run_cli("build", "--root", project, "--out", out, "--target", "web", *options)
    assert result.code == 0, result.err
    return result.err


def test_a_rebuild_with_nothing_changed_leaves_the_folder_alone(project: Path, tmp_path: Path):
    build(project, tmp_path)
    record = (tmp_path / UNIT / "build.json").read_bytes()
    folder = (tmp_path / UNIT).stat().st_ino  # a rebuild swaps in a new folder
    assert build(project, tmp_path) == f"up to date: {tmp_path / UNIT}\n"
    assert (tmp_path / UNIT).stat().st_ino == folder
    assert (tmp_path / UNIT / "build.json").read_bytes() == record


def test_an_edited_scenario_rebuilds(project: Path, tmp_path: Path):
    build(project, tmp_path)
    chat = project / "scenarios" / "group-chat.yaml"
    chat.write_text(chat.read_text().replace("Team B", "Team C"))
    assert build(project, tmp_path) == f"wrote {tmp_path / UNIT}\n"
    assert "Team C" in (tmp_path / UNIT / "web" / "index.html").read_text()


def test_a_new_or_edited_template_override_rebuilds(project: Path, tmp_path: Path):
    build(project, tmp_path)
    override = project / "templates" / "quiz" / "quiz.css"
    override.parent.mkdir(parents=True)
    override.write_text("body { color: #111 }\n")
    assert build(project, tmp_path).startswith("wrote ")
    assert "body { color: #111 }" in (tmp_path / UNIT / "web" / "index.html").read_text()
    override.write_text("body { color: #222 }\n")  # edited again, in the same process
    assert build(project, tmp_path).startswith("wrote ")
    assert "body { color: #222 }" in (tmp_path / UNIT / "web" / "index.html").read_text()


@pytest.mark.parametrize("damage", ["delete", "edit"])
def test_a_missing_or_edited_output_is_rebuilt(project: Path, tmp_path: Path, damage: str):
    build(project, tmp_path)
    script = tmp_path / UNIT / "web" / "quiz.js"
    original = script.read_bytes()
    if damage == "delete":
        script.unlink()
    else:
        script.write_bytes(original + b"\n// edited by hand\n")
    assert build(project, tmp_path).startswith("wrote ")
    assert script.read_bytes() == original


def test_other_targets_rebuild(project: Path, tmp_path: Path):
    build(project, tmp_path)
    assert build(project, tmp_path, "--target", "scorm12").startswith("wrote ")
    assert (tmp_path / UNIT / "basics-scorm12.zip").is_file()


def test_a_different_source_date_epoch_rebuilds(project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    build(project, tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1750000000")
    assert build(project, tmp_path) == f"wrote {tmp_path / UNIT}\n"
    assert '"built_at": "2025-06-15' in (tmp_path / UNIT / "build.json").read_text()


def test_yml_files_are_inputs_like_yaml_files(project: Path, tmp_path: Path):
    renamed = [project / "scenarios" / "group-chat.yaml", project / "content" / "courses" / "basics.yaml",
               project / "content" / "forces" / "testshire.yaml"]  # testshire has a logo
    for path in renamed:
        path.rename(path.with_suffix(".yml"))
    build(project, tmp_path, "--force", "testshire")
    unit = tmp_path / "testshire" / "basics"
    inputs = json.loads((unit / "build.json").read_text())["inputs"]
    assert {"scenarios/group-chat.yml", "content/courses/basics.yml", "content/forces/testshire.yml"} <= inputs.keys()
    chat = project / "scenarios" / "group-chat.yml"
    chat.write_text(chat.read_text().replace("Team B", "Team C"))
    assert build(project, tmp_path, "--force", "testshire") == f"wrote {unit}\n"
    assert "Team C" in (unit / "web" / "index.html").read_text()


def test_rebuild_builds_an_up_to_date_folder_again(project: Path, tmp_path: Path):
    build(project, tmp_path)
    folder = (tmp_path / UNIT).stat().st_ino
    assert build(project, tmp_path, "--rebuild") == f"wrote {tmp_path / UNIT}\n"
    assert (tmp_path / UNIT).stat().st_ino != folder
