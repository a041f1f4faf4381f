"""The printed packs: what each contains, what only the trainer's contains, and
that they are proper documents (bookmarks, metadata, tags, fonts, A4).

One build of the fixture project (both packs, both force profiles) is shared by
the module; each test reads the PDFs it needs.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import FIXTURE_PROJECT, run_cli

FORCES = {"default": "Your force", "testshire": "Testshire Police"}
SCENARIOS = {"group-chat": "The group chat", "public-post": "The public post"}
SOURCES = ["Officers dismissed", "Officer would have been dismissed", "https://example.org/news/1"]
ANSWER_KEY_TEXT = ["Answer key", "Members can screenshot and report it.", "Silence can be misconduct."]
A4_POINTS = (595.28, 841.89)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("pdf") / "output"
    result = run_cli("build", "--root", FIXTURE_PROJECT, "--out", out, "--target", "briefing-pdf",
                     "--target", "trainer-pdf", "--force", "all", "-q")
    assert result.code == 0, result.err
    return out


def pack(built: Path, kind: str, force: str = "testshire") -> PdfReader:
    return PdfReader(built / force / "basics" / f"basics-{kind}.pdf")


def text(reader: PdfReader) -> str:
    return "\n".join(page.extract_text() for page in reader.pages)


def bookmarks(outline: list) -> list[str]:  # type: ignore[type-arg]
    titles = []
    for item in outline:
        titles += bookmarks(item) if isinstance(item, list) else [item.title]
    return titles


def test_both_packs_are_written_for_every_force_and_course(built: Path):
    for force in FORCES:
        assert sorted(p.name for p in (built / force / "basics").glob("*.pdf")) == [
            "basics-briefing.pdf", "basics-trainer.pdf"]


@pytest.mark.parametrize("kind", ["briefing", "trainer"])
def test_pack_shows_every_scenario_title_source_and_reporting_route(built: Path, kind: str):
    content = text(pack(built, kind))
    for expected in [*SCENARIOS.values(), *SOURCES, "Testshire PSD", "Extension 1234."]:
        assert expected in content


def test_answer_key_is_in_the_trainer_pack(built: Path):
    content = text(pack(built, "trainer"))
    for expected in [*ANSWER_KEY_TEXT, "Session plan", "Why do people stay silent?", "Attendance and sign-off"]:
        assert expected in content


def test_answers_and_trainer_material_are_absent_from_the_briefing(built: Path):
    content = text(pack(built, "briefing"))
    for unexpected in [*ANSWER_KEY_TEXT, "Session plan", "Why do people stay silent?", "Attendance"]:
        assert unexpected not in content


@pytest.mark.parametrize("kind", ["briefing", "trainer"])
def test_bookmarks_list_every_scenario(built: Path, kind: str):
    titles = bookmarks(pack(built, kind).outline)
    for title in SCENARIOS.values():
        assert any(title in t for t in titles), titles
    assert any("How to challenge and report" in t for t in titles)


@pytest.mark.parametrize("kind", ["briefing", "trainer"])
def test_metadata_names_the_course_force_and_language(built: Path, kind: str):
    reader = pack(built, kind)
    meta = reader.metadata
    assert meta.title == f"Basics – {kind.capitalize()} pack"
    assert meta.author == "Testshire Police"
    assert "version 1.0.0" in meta.subject
    assert reader.trailer["/Root"]["/Lang"] == "en-GB"


@pytest.mark.parametrize("kind", ["briefing", "trainer"])
def test_pack_is_tagged_for_assistive_technology(built: Path, kind: str):
    catalog = pack(built, kind).trailer["/Root"]
    assert "/StructTreeRoot" in catalog
    assert catalog["/MarkInfo"]["/Marked"]


@pytest.mark.parametrize("kind", ["briefing", "trainer"])
def test_every_font_is_embedded(built: Path, kind: str):
    fonts = []
    for page in pack(built, kind).pages:
        for font in page["/Resources"].get("/Font", {}).values():
            font = font.get_object()
            descendant = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            fonts.append(descendant["/FontDescriptor"].get_object())
    assert fonts
    assert all({"/FontFile", "/FontFile2", "/FontFile3"} & set(d.keys()) for d in fonts)


@pytest.mark.parametrize("kind", ["briefing", "trainer"])
def test_every_page_is_a4(built: Path, kind: str):
    for page in pack(built, kind).pages:
        assert (round(float(page.mediabox.width), 1), round(float(page.mediabox.height), 1)) == (
            round(A4_POINTS[0], 1), round(A4_POINTS[1], 1))


def test_page_counts_are_within_sensible_bounds(built: Path):
    briefing, trainer = len(pack(built, "briefing").pages), len(pack(built, "trainer").pages)
    assert 5 <= briefing <= 12
    assert briefing < trainer <= 20


@pytest.mark.parametrize("force", FORCES)
def test_cover_carries_the_force_name(built: Path, force: str):
    for kind in ("briefing", "trainer"):
        cover = pack(built, kind, force).pages[0].extract_text()
        assert FORCES[force] in cover
        assert "version" in cover.lower() and "1.0.0" in cover


def test_running_footer_says_page_x_of_y(built: Path):
    reader = pack(built, "briefing")
    last = len(reader.pages)
    assert f"Page 2 of {last}" in reader.pages[1].extract_text()
    assert f"Page {last} of {last}" in reader.pages[-1].extract_text()


def test_contents_page_gives_page_numbers(built: Path):
    contents = pack(built, "briefing").pages[1].extract_text()
    assert "Contents" in contents
    assert any(line.startswith("How to challenge and report") and line.rstrip()[-1].isdigit()
               for line in contents.splitlines())


def test_emoji_print_as_their_names_because_office_fonts_lack_them():
    from casebook.packs import emoji_names
    assert emoji_names("Says it all 😂") == "Says it all [laughing face]"
    assert emoji_names("❤️ 31 · 🤡") == "[heart] 31 · [clown face]"


@pytest.mark.parametrize(("iso", "printed"), [("2020-11-24", "24 November 2020"), ("2025-01", "January 2025"),
                                              ("2018", "2018")])
def test_dates_print_only_what_is_known(iso: str, printed: str):
    from casebook.typography import uk_date
    assert uk_date(iso) == printed
