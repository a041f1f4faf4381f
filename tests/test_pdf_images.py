"""What a printed page looks like: rasterised with poppler's pdftoppm, the cover
is not blank and carries the force's brand colour."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from conftest import FIXTURE_PROJECT, run_cli

BRAND = {"testshire": (0x0B, 0x53, 0x45), "default": (0x1D, 0x35, 0x57)}
TOLERANCE = 6


def pdftoppm() -> str:
    """poppler-utils is a system package that ./tasks.sh test installs when missing."""
    found = shutil.which("pdftoppm")
    if not found:
        raise RuntimeError("pdftoppm is missing: run the tests with ./tasks.sh test, "
                           "or install it with: apt-get install -y poppler-utils")
    return found


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("pdf-images") / "output"
    assert run_cli("build", "--root", FIXTURE_PROJECT, "--out", out, "--target", "briefing-pdf",
                   "--force", "all", "-q").code == 0
    return out


def rasterise(pdf: Path, page: int, folder: Path) -> Image.Image:
    prefix = folder / f"{pdf.stem}-{page}"
    subprocess.run([pdftoppm(), "-r", "50", "-png", "-f", str(page), "-l", str(page), "-singlefile",
                    str(pdf), str(prefix)], check=True)
    return Image.open(f"{prefix}.png").convert("RGB")


def close(a: tuple[int, int, int], b: tuple[int, int, int]) -> bool:
    return all(abs(x - y) <= TOLERANCE for x, y in zip(a, b))


@pytest.mark.parametrize("force", sorted(BRAND))
def test_cover_shows_the_force_brand_colour(built: Path, force: str, tmp_path: Path):
    cover = rasterise(built / force / "basics" / "basics-briefing.pdf", 1, tmp_path)
    colours = cover.getcolors(maxcolors=1 << 20)
    brand_pixels = sum(count for count, rgb in colours if close(rgb, BRAND[force]))
    assert brand_pixels > 0.1 * cover.width * cover.height


def test_every_page_has_ink(built: Path, tmp_path: Path):
    pdf = built / "testshire" / "basics" / "basics-briefing.pdf"
    for page in range(1, len(PdfReader(pdf).pages) + 1):
        image = rasterise(pdf, page, tmp_path).convert("L")
        dark = sum(count for count, level in image.getcolors(maxcolors=256) if level < 128)
        assert dark > 200, f"page {page} looks blank"
