"""Decks drawn from tests/support/make_handmade.py's random choices are read back with at least 95 % of fields right.

Every project of every deck draws each way of typing on its own (title
layout, kicker, label separators, footer, verdict, light or colour, legend,
bullets, phase shapes, table style, group nesting …), so the decks hold
combinations no one wrote down. Three rounds: the shipped one in Finnish and
typed with Swedish labels, and the other division's in English. The
distribution is printed:

    .venv/bin/python -m pytest tests/deckimport/test_handmade_property.py -s
"""

from __future__ import annotations

import dataclasses
import random
import statistics
from collections import defaultdict
from pathlib import Path

import pytest
from importscore import Score, fields, score
from make_handmade import Choices, draw, handmade

from conftest import REPO_ROOT, SHIPPED_DATA
from tafollow.data.load import Round, load
from tafollow.deckimport import import_deck

REQUIRED = 0.95
DECKS_PER_ROUND = 12


def _in_swedish(round_: Round) -> Round:
    return dataclasses.replace(round_, report=round_.report.model_copy(update={"language": "sv"}))


ROUNDS = {
    "fi": lambda: load(SHIPPED_DATA),
    "sv": lambda: _in_swedish(load(SHIPPED_DATA)),
    "en": lambda: load(REPO_ROOT / "tests" / "data" / "other-division"),
}


def _score(truth: Round, seed: int, folder: Path) -> Score:
    folder.mkdir(parents=True)
    deck = folder / "käsin.pptx"
    deck.write_bytes(handmade(truth, seed=seed))
    import_deck(deck, folder / "data")
    return score(fields(truth), fields(load(folder / "data")))  # load: the folder validates


@pytest.mark.slow
def test_drawn_hand_made_decks_are_read_back(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    scores: dict[tuple[str, int], Score] = {}
    for name, make in ROUNDS.items():
        truth = make()
        for seed in range(1000, 1000 + DECKS_PER_ROUND):
            scores[(name, seed)] = _score(truth, seed, tmp_path / f"{name}-{seed}")
    shares = sorted(s.share for s in scores.values())
    worst = min(scores, key=lambda key: scores[key].share)
    lines = [f"{len(scores)} drawn hand-made decks: min {shares[0]:.1%}, median {statistics.median(shares):.1%}; "
             f"worst {worst} {scores[worst].right}/{scores[worst].total}"]
    lines += [f"  wrong: {key}: expected {expected!r}, imported {found!r}"
              for key, expected, found in scores[worst].wrong]
    with capsys.disabled():
        print("\n" + "\n".join(lines))
    assert shares[0] >= REQUIRED, "\n".join(lines)


def test_every_way_of_typing_is_drawn() -> None:
    """The choices are drawn on their own: over the decks the property test draws, every option turns up."""
    seen: dict[str, set[object]] = defaultdict(set)
    for seed in range(1000, 1000 + DECKS_PER_ROUND):
        for index in range(7):
            choices = draw(random.Random(seed * 100 + index), sentence=index == 1, light=True)
            for field in dataclasses.fields(Choices):
                seen[field.name].add(getattr(choices, field.name))
    assert {name: len(values) for name, values in seen.items() if len(values) < 2} == {}
    assert seen["kicker"] == {"box", "vt", "paragraph", "dash", "space"}
    assert seen["verdict"] == {"line", "heading", "run-in"}
    assert seen["light"] == {"light", "signal", "none"}
    assert seen["legend"] == {"shapes", "text", "none"}
    assert seen["nesting"] == {"none", "group", "nested"}
