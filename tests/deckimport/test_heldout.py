"""Decks typed from the format's description alone are read back with at least 95 % of their fields right.

tests/support/heldout_decks.py was written without the importer at hand, so its decks
are ones the importer was not shaped around. Each deck's imported folder is
scored field by field (tests/support/importscore.py) against the data the
deck was typed from; the distribution is printed on every run:

    .venv/bin/python -m pytest tests/deckimport/test_heldout.py -m slow -s
"""

from __future__ import annotations

import statistics
from pathlib import Path
from typing import Any

import pytest
import yaml
from heldout_decks import heldout
from importscore import Score, fields, score

from tafollow.data.load import load
from tafollow.deckimport import import_deck

REQUIRED = 0.95
DECKS = 40


def write_round(data: dict[str, Any], folder: Path) -> Path:
    (folder / "projects").mkdir(parents=True)
    (folder / "report.yaml").write_text(yaml.safe_dump(data["report"], allow_unicode=True), encoding="utf-8")
    for n, project in enumerate(data["projects"], start=1):
        (folder / "projects" / f"{n * 10}.yaml").write_text(yaml.safe_dump(project, allow_unicode=True),
                                                             encoding="utf-8")
    return folder


def score_heldout(seed: int, folder: Path) -> Score:
    data, deck = heldout(seed)
    truth = load(write_round(data, folder / "truth"))
    path = folder / "käsin.pptx"
    path.write_bytes(deck)
    import_deck(path, folder / "imported")
    return score(fields(truth), fields(load(folder / "imported")))  # load: the folder validates


def report(scores: dict[int, Score]) -> str:
    shares = sorted(s.share for s in scores.values())
    worst_seed = min(scores, key=lambda seed: scores[seed].share)
    worst = scores[worst_seed]
    lines = [f"{len(scores)} decks: min {shares[0]:.1%}, median {statistics.median(shares):.1%}, "
             f"max {shares[-1]:.1%}; worst deck (seed {worst_seed}) {worst.right}/{worst.total}"]
    lines += [f"  wrong: {key}: expected {expected!r}, imported {found!r}" for key, expected, found in worst.wrong]
    return "\n".join(lines)


def test_one_heldout_deck_is_read_back(tmp_path: Path) -> None:
    result = score_heldout(1, tmp_path)
    assert result.share >= REQUIRED, report({1: result})


@pytest.mark.slow
def test_heldout_decks_are_read_back(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    scores = {seed: score_heldout(seed, tmp_path / str(seed)) for seed in range(DECKS)}
    with capsys.disabled():
        print("\nheld-out decks: " + report(scores))
    assert all(s.share >= REQUIRED for s in scores.values()), report(scores)
