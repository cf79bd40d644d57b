"""Half-finished decks: with shapes and slides deleted at random, the import never fails and always validates."""

from __future__ import annotations

import io
import random
import sys
from pathlib import Path

import pytest
from pptx import Presentation

from conftest import REPO_ROOT, SHIPPED_DATA
from tafollow.deckimport import import_deck
from tafollow.data.load import load

sys.path.insert(0, str(REPO_ROOT / "tests"))
from make_handmade import handmade  # noqa: E402


@pytest.mark.parametrize("seed", [3, 50, 51, 58])
def test_a_damaged_deck_is_imported_and_validates(seed: int, tmp_path: Path) -> None:
    rnd = random.Random(seed)
    prs = Presentation(io.BytesIO(handmade(load(SHIPPED_DATA), seed=seed)))
    for slide in prs.slides:
        tree = slide.shapes._spTree
        for shape in list(tree)[2:]:  # the first two are the tree's own properties
            if rnd.random() < 0.25:
                tree.remove(shape)
    for entry in list(prs.slides._sldIdLst):
        if rnd.random() < 0.1:
            prs.slides._sldIdLst.remove(entry)
    prs.save(str(tmp_path / "deck.pptx"))
    imported = import_deck(tmp_path / "deck.pptx", tmp_path / "data")
    assert imported.written.issues == []
    load(tmp_path / "data")
