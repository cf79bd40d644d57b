"""Shared test setup: the LibreOffice render checks skip, or fail, in one place.

Render tests need LibreOffice and poppler's pdftotext. A developer without
them should still be able to run the rest of the suite, so those tests are
skipped with a reason that names the missing tool. CI, where a silent skip
would hide that the deck was never rendered, sets TAFOLLOW_REQUIRE_RENDER=1
to turn the skip into a failure.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

# Make `import rendercheck` work whatever pytest's import mode.
_TESTS_DIR = str(Path(__file__).resolve().parent)
if _TESTS_DIR not in sys.path:
    sys.path.insert(0, _TESTS_DIR)

import rendercheck  # noqa: E402

REQUIRE_RENDER_ENV = "TAFOLLOW_REQUIRE_RENDER"


def require_render_tools() -> str:
    """Return the LibreOffice executable, or skip (fail if required) when a render tool is missing."""
    missing = []
    soffice = rendercheck.find_soffice()
    if soffice is None:
        missing.append("LibreOffice (soffice or libreoffice)")
    if shutil.which("pdftotext") is None:
        missing.append("pdftotext (poppler-utils)")
    if missing:
        reason = "render check needs " + " and ".join(missing) + " on PATH"
        if os.environ.get(REQUIRE_RENDER_ENV) == "1":
            pytest.fail(f"{reason}; {REQUIRE_RENDER_ENV}=1 forbids skipping it", pytrace=False)
        pytest.skip(reason)
    assert soffice is not None
    return soffice


@pytest.fixture(scope="session")
def soffice() -> str:
    """Path of the LibreOffice executable; skips or fails the test when render tools are missing."""
    return require_render_tools()


def pytest_configure(config: pytest.Config) -> None:
    """Show skip reasons in the summary, so a skipped render check is never silent."""
    chars = config.option.reportchars
    if not any(c in chars for c in "sNaA"):
        config.option.reportchars = chars + "s"
