"""Decks made by hand in PowerPoint are read back with at least 95 % of their fields right.

Two decks from tests/support/make_handmade.py, python-pptx's default template: the
shipped round in Finnish (one project without a traffic light and a verdict
in its own words, one with no light and "Tavoite ei toteudu.") and the
other division's round in English. Each field (tests/support/importscore.py)
of the imported folder is compared with the data the deck was made from;
the score is printed on every run:

    .venv/bin/python -m pytest tests/deckimport/test_handmade.py
"""

from __future__ import annotations

import dataclasses
import sys

import pytest
from importscore import Score, fields, score

from conftest import REPO_ROOT, SHIPPED_DATA
from tafollow.deckimport import import_deck
from tafollow.data.load import Round, load

sys.path.insert(0, str(REPO_ROOT / "tests"))
from make_handmade import handmade  # noqa: E402

REQUIRED = 0.95


def _off_track(round_: Round, index: int) -> Round:
    """The round with one project's goal not met, said only by the standard verdict."""
    files = list(round_.projects)
    project = files[index].project
    forecast = project.forecast.model_copy(update={"status": "off_track", "sentence": None})
    files[index] = dataclasses.replace(files[index], project=project.model_copy(update={"forecast": forecast}))
    return dataclasses.replace(round_, projects=files)


CASES = {
    "fi": (lambda: _off_track(load(SHIPPED_DATA), 5), (1, 5)),
    "en": (lambda: load(REPO_ROOT / "tests" / "data" / "other-division"), (1,)),
}


@pytest.fixture(scope="module")
def scores(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Score]:
    out = {}
    for name, (make, no_light) in CASES.items():
        truth = make()
        folder = tmp_path_factory.mktemp(f"handmade-{name}")
        deck = folder / "käsin.pptx"
        deck.write_bytes(handmade(truth, no_light=no_light))
        import_deck(deck, folder / "data")
        out[name] = score(fields(truth), fields(load(folder / "data")))  # load: the folder validates
    return out


def test_hand_made_decks_are_read_back(scores: dict[str, Score], capsys: pytest.CaptureFixture[str]) -> None:
    right = sum(s.right for s in scores.values())
    total = sum(s.total for s in scores.values())
    lines = [f"hand-made deck, {name}: {s.right}/{s.total} fields right ({s.share:.1%})" for name, s in scores.items()]
    lines.append(f"hand-made decks together: {right}/{total} fields right ({right / total:.1%})")
    for s in scores.values():
        lines += [f"  wrong: {key}: expected {expected!r}, imported {found!r}" for key, expected, found in s.wrong]
    with capsys.disabled():
        print("\n" + "\n".join(lines))
    assert right / total >= REQUIRED
    assert all(s.share >= REQUIRED for s in scores.values())
