"""Golden test of the deck's text: the shipped data/ must give tests/golden/deck.txt.

The golden file is the deck as a reader would list it: per slide its number
and layout, every shape's name and text (tables cell by cell) and the
speaker notes (see `deckdump`). A change to wording, order, labels or
numbers shows up as a diff. When the change is intended, regenerate with

    .venv/bin/python -m pytest tests/acceptance/test_golden.py --update-golden
    (or TAFOLLOW_UPDATE_GOLDEN=1)

and review `git diff tests/golden/` before committing.
"""

from __future__ import annotations

import difflib
import io
from pathlib import Path

import pytest
from pptx import Presentation

from deckdump import dump

GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "deck.txt"


def test_deck_text_matches_golden(shipped_deck: bytes, update_golden: bool) -> None:
    actual = dump(shipped_deck)
    if update_golden:
        GOLDEN.parent.mkdir(parents=True, exist_ok=True)
        GOLDEN.write_text(actual, encoding="utf-8")
    if not GOLDEN.is_file():
        pytest.fail(f"{GOLDEN} is missing: run pytest --update-golden, then review it", pytrace=False)
    expected = GOLDEN.read_text(encoding="utf-8")
    if actual != expected:
        diff = "".join(
            difflib.unified_diff(
                expected.splitlines(keepends=True),
                actual.splitlines(keepends=True),
                fromfile="tests/golden/deck.txt",
                tofile="deck built from data/",
                n=2,
            )
        )
        pytest.fail(
            "the deck's text differs from the golden file; if the change is intended, run "
            "pytest --update-golden and review the diff:\n" + diff,
            pytrace=False,
        )


def test_golden_starts_with_the_cover_and_has_29_slides() -> None:
    """Guards the golden file itself against being regenerated from a broken deck."""
    text = GOLDEN.read_text(encoding="utf-8")
    headers = [line for line in text.splitlines() if line.startswith("=== slide ")]
    assert len(headers) == 29
    assert headers[0] == "=== slide 1 [Cover]"
    assert "  - Title: Sitovat toiminnalliset tavoitteet 2019" in text
    assert "  - Subtitle: Ennuste toteutumisesta 21.10.2019" in text


def _tilavaraus_table(deck: bytes) -> list[list[str]]:
    presentation = Presentation(io.BytesIO(deck))
    tables = [
        shape.table
        for slide in presentation.slides
        for shape in slide.shapes
        if shape.has_table and any("Varattavissa yht." in cell.text for cell in shape.table.rows[0].cells)
    ]
    assert len(tables) == 1, f"expected one Tilavaraus table, found {len(tables)}"
    return [[cell.text for cell in row.cells] for row in tables[0].rows]


def test_tilavaraus_table_computes_the_sums(shipped_deck: bytes) -> None:
    rows = _tilavaraus_table(shipped_deck)
    header = rows[0]
    column = header.index("Varattavissa yht.")
    by_label = {row[0]: row for row in rows[1:]}
    sums = {label: by_label[label][column] for label in ("KIR", "KULP", "LIIK", "NUP")}
    assert sums == {"KIR": "49", "KULP": "3", "LIIK": "0", "NUP": "22"}
    total = rows[-1]
    assert total[0] == "Yhteensä"
    assert total[column] == "74 tilaa"


def test_tilavaraus_table_keeps_blank_cells_blank(shipped_deck: bytes) -> None:
    """KULP's Käynnissä and LIIK's Valmis / Varaamossa aiemmin are blank in the data, not 0."""
    rows = _tilavaraus_table(shipped_deck)
    header = rows[0]
    by_label = {row[0]: dict(zip(header, row)) for row in rows[1:]}
    assert by_label["KULP"]["Käynnissä"] == ""
    assert by_label["KULP"]["Valmis"] == "3"
    assert by_label["KULP"]["Varaamossa aiemmin"] == "0"
    assert by_label["LIIK"]["Valmis"] == ""
    assert by_label["LIIK"]["Varaamossa aiemmin"] == ""
