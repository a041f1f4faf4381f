"""Deterministic zip archives: the same files give the same bytes on every build.

Entries are sorted, stamped with one fixed time (SOURCE_DATE_EPOCH when set, else
1980-01-01, the earliest date a zip can hold), given fixed permissions (0644)
and compressed with DEFLATE at a fixed level. Paths are checked: no absolute
paths, no `..`, no backslashes, so a package always unpacks inside its folder.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import zipfile
from collections.abc import Mapping
from pathlib import PurePosixPath

#: The earliest timestamp the zip format can store (DOS time).
ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)
COMPRESSION_LEVEL = 9
FILE_MODE = 0o100644  # regular file, rw-r--r--


def zip_timestamp() -> tuple[int, int, int, int, int, int]:
    """SOURCE_DATE_EPOCH as a zip date (clamped to 1980..2107), else ZIP_EPOCH.

    Deliberately not the build clock: two builds without SOURCE_DATE_EPOCH must
    still give byte-identical archives.
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch.isdigit():
        return ZIP_EPOCH
    when = dt.datetime.fromtimestamp(int(epoch), tz=dt.timezone.utc)
    if when.year < 1980:
        return ZIP_EPOCH
    when = min(when, dt.datetime(2107, 12, 31, 23, 59, 58, tzinfo=dt.timezone.utc))
    return (when.year, when.month, when.day, when.hour, when.minute, when.second - when.second % 2)


def check_member(name: str) -> str:
    """`name` if it is a safe relative POSIX path inside the archive, else ValueError."""
    path = PurePosixPath(name)
    if not name or "\\" in name or path.is_absolute() or ".." in path.parts or name.endswith("/"):
        raise ValueError(f"unsafe path in package: {name!r}")
    return name


def deterministic_zip(files: Mapping[str, bytes]) -> bytes:
    """A zip of `files` (archive path -> bytes) whose bytes depend only on the files."""
    stamp = zip_timestamp()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in sorted(check_member(n) for n in files):
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3  # Unix, so external_attr carries the mode
            info.external_attr = FILE_MODE << 16
            archive.writestr(info, files[name], compress_type=zipfile.ZIP_DEFLATED,
                             compresslevel=COMPRESSION_LEVEL)
    return buffer.getvalue()
