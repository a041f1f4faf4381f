"""Stage 5, write: stage every output in a temporary folder, then move it into place.

Nothing under output/ changes until every file of the build has been rendered,
so a failed or interrupted build leaves the previous results as they were. Each
course folder (`<force>/<course>/`) is swapped in with renames, never written
file by file.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path, PurePosixPath


class Staging:
    """Files of one build, held in a temporary folder beside the output folder."""

    def __init__(self, out: Path):
        self.out = out
        out.parent.mkdir(parents=True, exist_ok=True)
        self.tmp = Path(tempfile.mkdtemp(prefix=".casebook-staging-", dir=out.parent))
        self.written: set[PurePosixPath] = set()
        self.units: set[PurePosixPath] = set()

    def add(self, unit: str, relative: str, data: bytes) -> None:
        """Stage `data` as `<unit>/<relative>`; a second write to one path is a bug."""
        rel = PurePosixPath(unit) / relative
        if rel.is_absolute() or ".." in rel.parts:
            raise ValueError(f"refusing to write outside the output folder: {rel}")
        if rel in self.written:
            raise ValueError(f"two outputs want the same file: {rel}")
        self.written.add(rel)
        self.units.add(PurePosixPath(unit))
        target = self.tmp / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)

    def publish(self) -> list[Path]:
        """Swap each staged course folder into the output folder; return them."""
        published = []
        for unit in sorted(self.units):
            dest = self.out / unit
            dest.parent.mkdir(parents=True, exist_ok=True)
            old = self.tmp / ".previous" / unit
            if dest.exists():
                old.parent.mkdir(parents=True, exist_ok=True)
                dest.rename(old)
            (self.tmp / unit).rename(dest)
            published.append(dest)
        return published

    def discard(self) -> None:
        shutil.rmtree(self.tmp, ignore_errors=True)

    def __enter__(self) -> Staging:
        return self

    def __exit__(self, *exc: object) -> None:
        self.discard()
