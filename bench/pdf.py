"""Benchmark: Casebook's PDF packs against bare WeasyPrint on the same HTML.

Renders the shipped course's briefing and trainer packs (one force) through the
whole Casebook build (load, validate, Jinja, fetcher, WeasyPrint, atomic write)
and the very same HTML through WeasyPrint alone, each 5 times after a warm-up,
and prints pages, milliseconds per page and the ratio of the medians. The
target is Casebook <= 1.10x bare WeasyPrint. Then it times a full build of every
target and a no-op rebuild (nothing changed), and a build of 10 force profiles'
packs (20 PDFs) on the 2-worker pool, then that build again with nothing changed.

Run from the repository root: .venv/bin/python bench/pdf.py
"""

from __future__ import annotations

import itertools
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import weasyprint  # noqa: E402  (imported up front: both paths are timed warm)
from pypdf import PdfReader  # noqa: E402

from casebook import packs, pdf_render  # noqa: E402
from casebook.cli import main  # noqa: E402
from casebook.library import load_library  # noqa: E402
from casebook.pipeline import plan  # noqa: E402

RUNS = 5
TARGETS = ["--target", "briefing-pdf", "--target", "trainer-pdf"]


def timed(action) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def interleaved_medians(actions: dict) -> dict[str, float]:  # type: ignore[type-arg]
    """Median time of each action over RUNS rounds, one of each per round, so a
    busy machine slows every contender alike; one warm-up round first."""
    for action in actions.values():
        action()
    times: dict[str, list[float]] = {name: [] for name in actions}
    for _ in range(RUNS):
        for name, action in actions.items():
            times[name].append(timed(action))
    return {name: statistics.median(t) for name, t in times.items()}


def copy_project(dest: Path) -> Path:
    for part in ("content", "scenarios"):
        shutil.copytree(REPO / part, dest / part)
    return dest


def casebook_build(root: Path, out: Path, forces: str = "default", targets: list[str] = TARGETS) -> None:
    code = main(["build", "--root", str(root), "--out", str(out), *targets, "--force", forces, "-q"])
    assert code == 0, code


_fresh = itertools.count()


def fresh(parent: Path) -> Path:
    """A new output folder: a build into a folder already built from the same inputs is
    skipped, so every timed build gets its own."""
    return parent / f"run-{next(_fresh)}"


def bare_weasyprint(requests: list[pdf_render.PdfRequest], **options: object) -> list[bytes]:
    return [weasyprint.HTML(string=r.html, base_url=r.base_url).write_pdf(**options) for r in requests]


def ten_forces(root: Path) -> None:
    """Replace the force profiles with 10 generated ones (the template: northshire)."""
    forces = root / "content" / "forces"
    template = (forces / "northshire.yaml").read_text()
    for path in forces.glob("*.yaml"):
        path.unlink()
    for n in range(1, 11):
        (forces / f"force-{n:02d}.yaml").write_text(
            template.replace("id: northshire", f"id: force-{n:02d}")
                    .replace("name: Northshire Police", f"name: Force {n:02d} Police"))


def main_bench() -> None:
    with tempfile.TemporaryDirectory(prefix="casebook-bench-") as tmp:
        root = copy_project(Path(tmp) / "project")
        out = Path(tmp) / "out"
        job = plan(load_library(root), ("default",))[0]
        requests = [packs.pdf_request(job, pack) for pack in (packs.BRIEFING, packs.TRAINER)]
        pages = sum(len(PdfReader(out_pdf).pages) for out_pdf in _built(root, out))

        medians = interleaved_medians({
            "casebook": lambda: casebook_build(root, fresh(out)),
            "pdf path": lambda: [pdf_render.render_one(packs.pdf_request(job, pack))
                                 for pack in (packs.BRIEFING, packs.TRAINER)],
            "load": lambda: load_library(root),
            "same": lambda: bare_weasyprint(requests, pdf_variant=pdf_render.PDF_VARIANT,
                                            pdf_identifier=requests[0].identifier),
            "plain": lambda: bare_weasyprint(requests),
        })
        ours, same, plain = medians["casebook"], medians["same"], medians["plain"]

        print(f"shipped course, both packs, 1 force: {pages} pages, median of {RUNS}")
        print(f"  casebook build          {ours * 1000:8.0f} ms  {ours * 1000 / pages:6.1f} ms/page")
        print(f"  bare weasyprint (PDF/UA){same * 1000:8.0f} ms  {same * 1000 / pages:6.1f} ms/page")
        print(f"  bare weasyprint (plain) {plain * 1000:8.0f} ms  {plain * 1000 / pages:6.1f} ms/page")
        print(f"  of which load+validate  {medians['load'] * 1000:8.0f} ms  "
              "(ruamel round-trip YAML, every build)")
        print(f"  casebook pdf path only  {medians['pdf path'] * 1000:8.0f} ms  "
              f"(Jinja HTML + local fetcher + WeasyPrint, one process, no load, no write)")
        print(f"  ratio casebook / bare (same options): {ours / same:.3f}  (target <= 1.10; "
              "the build renders the two packs side by side on the pool)")
        print(f"  ratio pdf path / bare (same options): {medians['pdf path'] / same:.3f}")
        print(f"  ratio casebook / bare (plain write_pdf): {ours / plain:.3f}")

        full_out, noop_out = Path(tmp) / "full", Path(tmp) / "noop"
        casebook_build(root, noop_out, targets=[])
        whole = interleaved_medians({"full": lambda: casebook_build(root, fresh(full_out), targets=[]),
                                     "noop": lambda: casebook_build(root, noop_out, targets=[])})
        print(f"every target (2 packs, 2 SCORM zips, web), 1 force, median of {RUNS}:")
        print(f"  full build              {whole['full'] * 1000:8.0f} ms")
        print(f"  no-op rebuild           {whole['noop'] * 1000:8.0f} ms  (nothing changed: load, validate, "
              "compare build keys)")

        ten_forces(root)
        many_out = Path(tmp) / "many"
        many = timed(lambda: casebook_build(root, many_out, "all"))
        noop_many = timed(lambda: casebook_build(root, many_out, "all"))
        pdfs = sorted(many_out.rglob("*.pdf"))
        many_pages = sum(len(PdfReader(p).pages) for p in pdfs)
        print(f"10 force profiles: {len(pdfs)} PDFs, {many_pages} pages in {many:.2f} s on "
              f"{pdf_render.MAX_WORKERS} workers ({many * 1000 / many_pages:.1f} ms/page); "
              f"rebuilt with nothing changed in {noop_many * 1000:.0f} ms")


def _built(root: Path, out: Path) -> list[Path]:
    folder = fresh(out)
    casebook_build(root, folder)
    return sorted(folder.rglob("*.pdf"))


if __name__ == "__main__":
    main_bench()
