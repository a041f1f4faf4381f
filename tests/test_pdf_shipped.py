"""The shipped course's packs: every case, its sources and the force's routes are
printed, bookmarked and within a sensible length."""

from __future__ import annotations


import pytest
from pypdf import PdfReader

from casebook.library import load_library
from casebook.typography import curly
from conftest import REPO, run_cli
from test_pdf import bookmarks


@pytest.fixture(scope="module")
def library():  # type: ignore[no-untyped-def]
    return load_library(REPO)


@pytest.fixture(scope="module")
def packs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, PdfReader]:
    out = tmp_path_factory.mktemp("shipped-pdf") / "output"
    result = run_cli("build", "--root", REPO, "--out", out, "--target", "briefing-pdf", "--target",
                     "trainer-pdf", "--force", "northshire", "-q")
    assert result.code == 0, result.err
    return {kind: PdfReader(next(out.rglob(f"*-{kind}.pdf"))) for kind in ("briefing", "trainer")}


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("kind", ["briefing", "trainer"])
def test_every_case_title_and_source_is_printed_and_bookmarked(packs, library, kind: str):  # type: ignore[no-untyped-def]
    reader = packs[kind]
    content = flat(" ".join(page.extract_text() for page in reader.pages))
    titles = bookmarks(reader.outline)
    for course in library.courses.values():
        for sid in course.scenarios:
            scenario = library.scenarios[sid]
            title = curly(scenario.title)  # printed with typographic quotes
            assert flat(title) in content
            assert any(title in t for t in titles), title
            for source in scenario.based_on.sources:
                assert flat(source.title) in content
    for route in library.forces["northshire"].reporting_routes:
        assert flat(route.name) in content


def test_answer_feedback_appears_only_in_the_trainer_pack(packs, library):  # type: ignore[no-untyped-def]
    briefing = flat(" ".join(p.extract_text() for p in packs["briefing"].pages))
    trainer = flat(" ".join(p.extract_text() for p in packs["trainer"].pages))
    assert "Answer key" in trainer and "Answer key" not in briefing
    assert "Correct" in trainer


def test_page_counts_are_sensible_for_a_course_of_nine_cases(packs):  # type: ignore[no-untyped-def]
    briefing, trainer = len(packs["briefing"].pages), len(packs["trainer"].pages)
    assert 12 <= briefing <= 45
    assert briefing < trainer <= 80


def test_a_case_with_no_published_finding_names_no_standards(packs, library):  # type: ignore[no-untyped-def]
    briefing = flat(" ".join(p.extract_text() for p in packs["briefing"].pages))
    unlisted = [s for s in library.scenarios.values() if not s.outcome.breached]
    assert unlisted, "the shipped course has cases whose record lists no standards"
    assert briefing.count("The public record does not list which standards were found breached") == len(unlisted)


def test_the_session_plan_quotes_the_audience_as_written(packs, library):  # type: ignore[no-untyped-def]
    trainer = flat(" ".join(p.extract_text() for p in packs["trainer"].pages[:4]))
    audience = flat(library.courses["social-media"].audience).rstrip(".")
    assert f"Audience: {audience}." in trainer
