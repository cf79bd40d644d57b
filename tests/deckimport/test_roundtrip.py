"""Round trip: data → build → import → build gives every slide's text unchanged.

Slide by slide, every shape's text (tables cell by cell, groups opened)
and the speaker notes, as tests/support/deckdump.py prints them, must be the same
in the deck built from the data and in the deck built from what the import
made of that deck: the shipped data, its Swedish deck with the overview
slide, the other division's English round and the stress data
(continuation slides, paragraphs cut between slides).
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pptx import Presentation

from conftest import REPO_ROOT, SHIPPED_DATA
from deckdump import dump
from tafollow.build import deck_bytes
from tafollow.deckimport import import_deck
from tafollow.data.load import load


def _slides(deck: bytes) -> list[str]:
    return dump(deck).split("=== slide ")[1:]


def _round_trip(deck: bytes, tmp_path: Path, **build: object) -> tuple[bytes, Path]:
    (tmp_path / "deck.pptx").write_bytes(deck)
    imported = import_deck(tmp_path / "deck.pptx", tmp_path / "data")
    assert imported.written.flags == [] and imported.written.issues == []
    assert len(imported.notes) == (1 if build.get("summary") else 0)  # the overview slide is made, not read
    return deck_bytes(load(tmp_path / "data"), **build), tmp_path / "data"  # type: ignore[arg-type]


def _assert_same(before: bytes, after: bytes) -> None:
    old, new = _slides(before), _slides(after)
    assert len(new) == len(old)
    for number, (a, b) in enumerate(zip(old, new), start=1):
        assert b == a, f"slide {number} differs after the round trip"


def test_shipped_data(shipped_deck: bytes, tmp_path: Path) -> None:
    after, data = _round_trip(shipped_deck, tmp_path)
    _assert_same(shipped_deck, after)
    assert sorted(p.name for p in (data / "projects").iterdir()) == sorted(
        p.name for p in (SHIPPED_DATA / "projects").iterdir())


@pytest.mark.parametrize("name, folder, build", [
    ("sv-summary", SHIPPED_DATA, {"language": "sv", "summary": True}),
    ("other-division", REPO_ROOT / "tests" / "data" / "other-division", {}),
    ("stress", REPO_ROOT / "tests" / "data" / "stress", {}),
])
def test_other_languages_continuations_and_cut_paragraphs(name: str, folder: Path, build: dict[str, object],
                                                          tmp_path: Path) -> None:
    before = deck_bytes(load(folder), **build)  # type: ignore[arg-type]
    after, _ = _round_trip(before, tmp_path, **build)
    _assert_same(before, after)


def test_titles_with_the_project_name_and_alt_text(shipped_deck: bytes, tmp_path: Path) -> None:
    """Decks whose project slides are titled "Tavoite – Harrastuspassi" and whose shapes carry alt text."""
    prs = Presentation(io.BytesIO(shipped_deck))
    name = ""
    for slide in prs.slides:
        for shape in slide.shapes:
            shape._element.xpath("./*[1]/p:cNvPr")[0].set("descr", "Ennuste: tavoite on toteutumassa")
        title = slide.shapes.title
        if slide.slide_layout.name == "Project title":
            name = title.text_frame.text
        elif slide.slide_layout.name == "Content" and title is not None:
            title.text_frame.paragraphs[0].runs[0].text += f" – {name}"
    changed = io.BytesIO()
    prs.save(changed)
    import_deck(_write(tmp_path / "a.pptx", changed.getvalue()), tmp_path / "a")
    import_deck(_write(tmp_path / "b.pptx", shipped_deck), tmp_path / "b")
    for path in sorted((tmp_path / "b").rglob("*.yaml")):
        twin = tmp_path / "a" / path.relative_to(tmp_path / "b")
        assert twin.read_text(encoding="utf-8").replace("a.pptx", "b.pptx") == path.read_text(encoding="utf-8")


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path
