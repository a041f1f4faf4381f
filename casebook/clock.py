"""The single place that decides the build date, so outputs are reproducible.

With SOURCE_DATE_EPOCH set (the reproducible-builds convention), every date
stamped into an output comes from it, never from the clock.
"""

from __future__ import annotations

import datetime as dt
import os


def build_datetime() -> dt.datetime:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC)
    return dt.datetime.now(tz=dt.UTC).replace(microsecond=0)
