"""Every broken input gets its own clear, located error, and nothing is written.

Each folder in tests/fixtures/broken/ holds files laid over the valid fixture
project (and optionally remove.txt, listing files to delete) plus expected.txt:
exactly what `casebook check` must print.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import TESTS, run_cli, tree_snapshot

BROKEN = sorted((TESTS / "fixtures" / "broken").iterdir())


def apply_case(case: Path, project: Path) -> None:
    for f in case.rglob("*"):
        if f.is_file() and f.name not in ("expected.txt", "remove.txt"):
            dest = project / f.relative_to(case)
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(f, dest)
    if (case / "remove.txt").exists():
        for rel in (case / "remove.txt").read_text().split():
            (project / rel).unlink()


def test_corpus_has_at_least_twenty_cases():
    assert len(BROKEN) >= 20


@pytest.mark.parametrize("case", BROKEN, ids=[c.name for c in BROKEN])
def test_check_reports_the_exact_file_line_and_message(case: Path, project: Path):
    apply_case(case, project)
    result = run_cli("check", "--root", project)
    assert result.code == 1
    assert result.err == (case / "expected.txt").read_text()
    assert "Traceback" not in result.err


@pytest.mark.parametrize("case", BROKEN, ids=[c.name for c in BROKEN])
def test_failed_build_leaves_output_byte_identical(case: Path, project: Path):
    assert run_cli("build", "--root", project, "--force", "all", "--target", "web").code == 0
    before = tree_snapshot(project / "output")
    apply_case(case, project)
    result = run_cli("build", "--root", project, "--force", "all", "--target", "web")
    assert result.code == 1
    assert tree_snapshot(project / "output") == before
    assert not list(project.glob(".casebook-staging-*")), "the staging folder was left behind"


def test_errors_in_several_files_are_all_reported_in_one_run(project: Path):
    apply_case(TESTS / "fixtures" / "broken" / "many-files", project)
    err = run_cli("check", "--root", project).err
    assert "content/forces/testshire.yaml:3:7:" in err
    assert "scenarios/many-files.yaml:26:9:" in err
    assert err.rstrip().endswith("2 errors; nothing was written.")
