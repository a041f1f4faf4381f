"""The write stage: outputs appear whole or not at all."""

from __future__ import annotations

from pathlib import Path

import pytest

from casebook.output import Staging


def test_publish_replaces_a_course_folder_whole(tmp_path: Path):
    out = tmp_path / "output"
    (out / "default" / "c").mkdir(parents=True)
    (out / "default" / "c" / "stale.txt").write_text("old")
    (out / "other" / "c").mkdir(parents=True)
    (out / "other" / "c" / "keep.txt").write_text("keep")
    with Staging(out) as staging:
        staging.add("default/c", "new.txt", b"new")
        staging.publish()
    assert sorted(p.name for p in (out / "default" / "c").iterdir()) == ["new.txt"]
    assert (out / "other" / "c" / "keep.txt").read_text() == "keep"
    assert not list(tmp_path.glob(".casebook-staging-*"))


def test_nothing_is_published_when_rendering_fails(tmp_path: Path):
    out = tmp_path / "output"
    with pytest.raises(RuntimeError):
        with Staging(out) as staging:
            staging.add("default/c", "a.txt", b"a")
            raise RuntimeError("a target failed")
    assert not out.exists()
    assert not list(tmp_path.glob(".casebook-staging-*"))


def test_two_outputs_cannot_claim_one_file(tmp_path: Path):
    with Staging(tmp_path / "output") as staging:
        staging.add("default/c", "a.txt", b"a")
        with pytest.raises(ValueError, match="same file"):
            staging.add("default/c", "a.txt", b"b")


@pytest.mark.parametrize("bad", ["../escape.txt", "/etc/passwd"])
def test_no_output_path_leaves_the_output_folder(tmp_path: Path, bad: str):
    with Staging(tmp_path / "output") as staging:
        with pytest.raises(ValueError, match="outside"):
            staging.add("default/c", bad, b"x")
