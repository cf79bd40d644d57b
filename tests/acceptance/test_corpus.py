"""Every deck reader survives the shared corpus of strangers' decks (python-pptx's, pandoc's and Open-XML-SDK's).

For each deck, `import`, `check` and `check --format json` end with status
0, 1 or 2 and one clear line, never a traceback or Python's own words; none
of these decks is a TA-seuranta deck, so `import` refuses every one and
leaves nothing behind; `check` reads every slide, Strict decks too, and
never reports text in a colour on itself. Two workers, memory bounded,
each deck within a minute. The counts and the slowest deck are printed:

    .venv/bin/python -m pytest tests/acceptance/test_corpus.py -s

The corpus sits beside the repository (../shared/corpus/pptx) or where
TAFOLLOW_CORPUS points; without it the test skips and says so, and fails
when TAFOLLOW_REQUIRE_CORPUS=1.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import REPO_ROOT
from corpus import problems, read_corpus

CORPUS = Path(os.environ.get("TAFOLLOW_CORPUS", REPO_ROOT.parent / "shared" / "corpus" / "pptx"))


@pytest.mark.slow
def test_every_reader_survives_the_corpus(capsys: pytest.CaptureFixture[str]) -> None:
    if not CORPUS.is_dir():
        if os.environ.get("TAFOLLOW_REQUIRE_CORPUS") == "1":
            pytest.fail(f"no corpus of decks at {CORPUS}")
        pytest.skip(f"no corpus of decks at {CORPUS}; set TAFOLLOW_CORPUS")
    results, hung = read_corpus(CORPUS)
    faults = [f"{r.deck}: {line}" for r in results for line in problems(r)]
    slowest = max(results, key=lambda r: r.seconds)
    strict = [r for r in results if r.strict]
    with capsys.disabled():
        print(f"\ncorpus: {len(results)} decks, {len(hung)} hung, {len(faults)} faults, "
              f"{sum(r.imported.exit_code == 0 for r in results)} imported, "
              f"{sum(r.slides_checked == r.slides_listed for r in strict)}/{len(strict)} Strict decks read whole; "
              f"slowest {slowest.deck} ({slowest.seconds:.1f} s for import and two checks)")
    assert hung == []
    assert faults == []
    assert len(results) == len([p for p in CORPUS.iterdir() if p.is_file()])
