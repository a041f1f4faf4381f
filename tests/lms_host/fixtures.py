"""Browser fixtures for the browser tests: one headless Debian chromium per session,
a fresh context (empty localStorage) per test. Import them into a test module.

Each module that imports `browser` registers its own copy of the fixture, so the
Playwright driver and the browser are kept here, shared and reference-counted:
two sync Playwright instances cannot run at once in one process.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from .harness import CHROMIUM, CHROMIUM_ARGS

_shared: dict[str, Any] = {"users": 0}


def _acquire() -> Any:
    if not _shared["users"]:
        playwright_api = pytest.importorskip("playwright.sync_api")
        driver = playwright_api.sync_playwright().start()
        _shared["driver"] = driver
        _shared["browser"] = driver.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    _shared["users"] += 1
    return _shared["browser"]


def _release() -> None:
    _shared["users"] -= 1
    if not _shared["users"]:
        _shared.pop("browser").close()
        _shared.pop("driver").stop()


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is not installed")
    chromium = _acquire()
    try:
        yield chromium
    finally:
        _release()


@pytest.fixture
def context(browser: Any) -> Iterator[Any]:
    ctx = browser.new_context()
    ctx.set_default_timeout(10_000)
    yield ctx
    ctx.close()
