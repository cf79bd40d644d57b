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

# Make `import conftest` and the checkers and generators of support/ (`import rendercheck`)
# importable from every folder of tests, whatever pytest's import mode.
for _folder in (Path(__file__).resolve().parent, Path(__file__).resolve().parent / "support"):
    if str(_folder) not in sys.path:
        sys.path.insert(0, str(_folder))

import rendercheck  # noqa: E402
from quality import DEFAULT_TEMPLATE, template_geometry  # noqa: E402

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


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Keep `make check` (-m "not slow") free of LibreOffice and hypothesis, even for an unmarked test.

    Render and property tests carry `@pytest.mark.slow` (or `pytestmark`)
    where they are written; this adds the mark to any test that needs the
    `soffice` fixture or is a hypothesis test but was not marked, so that the
    fast tier never starts LibreOffice. `make test` runs them all anyway.
    """
    for item in items:
        uses_libreoffice = "soffice" in getattr(item, "fixturenames", ())
        is_property = getattr(getattr(item, "obj", None), "is_hypothesis_test", False)
        if (uses_libreoffice or is_property) and item.get_closest_marker("slow") is None:
            item.add_marker(pytest.mark.slow)


# --------------------------------------------------------------------------
# Golden files and the shipped deck

REPO_ROOT = Path(__file__).resolve().parents[1]
SHIPPED_DATA = REPO_ROOT / "data"
UPDATE_GOLDEN_ENV = "TAFOLLOW_UPDATE_GOLDEN"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help=f"rewrite tests/golden/* from the current output (same as {UPDATE_GOLDEN_ENV}=1); review the diff",
    )


@pytest.fixture(scope="session")
def update_golden(pytestconfig: pytest.Config) -> bool:
    """True when golden files are to be rewritten rather than compared."""
    return bool(pytestconfig.getoption("--update-golden")) or os.environ.get(UPDATE_GOLDEN_ENV) == "1"


def build_deck_bytes(data_dir: Path) -> bytes:
    """The deck of `data_dir` as bytes, built the way `tafollow build` builds it."""
    from tafollow.build import deck_bytes
    from tafollow.data.load import load

    return deck_bytes(load(data_dir))


@pytest.fixture(scope="session")
def shipped_deck() -> bytes:
    """The deck built from the shipped data/ (built once per test session)."""
    return build_deck_bytes(SHIPPED_DATA)


def render_pages(deck: bytes, workdir: Path, soffice: str, name: str = "deck") -> list[rendercheck.Page]:
    """Write `deck` to `workdir/name.pptx`, convert it once with LibreOffice and read every page's words."""
    workdir.mkdir(parents=True, exist_ok=True)
    pptx = workdir / f"{name}.pptx"
    pptx.write_bytes(deck)
    pdf = rendercheck.render_pdf(pptx, workdir, soffice=soffice)
    return rendercheck.read_words(pdf)


def describe_word(word: rendercheck.Word) -> str:
    """A word and its box, for failure messages: 'Tilavaraus' at (x 36.0-98.2, y 40.1-58.3)."""
    return f"{word.text!r} at (x {word.x_min:.1f}-{word.x_max:.1f}, y {word.y_min:.1f}-{word.y_max:.1f})"


def body_limits(template: Path = DEFAULT_TEMPLATE) -> tuple[float, float]:
    """(bottom of the Body placeholder, top of the Date placeholder) of the "Content" layout, in points."""
    geometry = template_geometry(template)
    return geometry.body_bottom, geometry.footer_top


def text_below_body(page: rendercheck.Page, footer_texts: set[str], template: Path = DEFAULT_TEMPLATE,
                    tolerance: float = 2.0) -> list[rendercheck.Word]:
    """Words that run past the bottom of the body area into the footer band (overflowing text).

    Above the footer band (the top of the layout's Date placeholder) no
    word may reach below the Body placeholder's bottom edge; in the band
    only the footer's own words (`footer_texts`) may appear. Text that
    overflows its box without touching another word is invisible to
    `overlapping_words`; this finds it.
    """
    body_bottom, footer_top = body_limits(template)
    return [
        word
        for word in page.words
        if (word.y_min >= footer_top - tolerance and word.text not in footer_texts)
        or (word.y_min < footer_top - tolerance and word.y_max > body_bottom + tolerance)
    ]
