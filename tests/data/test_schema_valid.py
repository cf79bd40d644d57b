"""The decks validate against the Office Open XML schemas (ECMA-376), offline.

openxml-audit carries the schemas and PowerPoint's stricter rules in pure
Python; a deck with any error or warning here is one PowerPoint may repair
or refuse.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tafollow.build import build

ROOT = Path(__file__).resolve().parents[2]
AUDIT = Path(sys.executable).with_name("openxml-audit")


@pytest.mark.parametrize("data, options", [
    ("data", {}),
    ("data", {"summary": True, "language": "sv"}),
    ("tests/data/stress", {}),
], ids=["shipped", "summary-sv", "stress"])
def test_deck_validates_against_the_schemas(tmp_path: Path, data: str, options: dict) -> None:
    deck = build(ROOT / data, tmp_path / "deck.pptx", **options).path
    result = subprocess.run([str(AUDIT), "--output", "json", "--max-errors", "0", str(deck)],
                            capture_output=True, text=True, timeout=300)
    report = json.loads(result.stdout)[0]
    findings = [f"{e.get('part')}: {e.get('description') or e}" for e in report["errors"]]
    assert report["valid"], findings
    assert report["error_count"] == 0 and report["warning_count"] == 0, findings


def test_the_validator_finds_a_broken_part(tmp_path: Path) -> None:
    import zipfile

    good = build(ROOT / "data", tmp_path / "deck.pptx").path
    bad = tmp_path / "bad.pptx"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(bad, "w") as target:
        for entry in source.infolist():
            content = source.read(entry.filename)
            if entry.filename == "ppt/slides/slide3.xml":
                content = content.replace(b"<a:lnSpc>", b"<a:bogus/><a:lnSpc>", 1)
            target.writestr(entry, content)
    result = subprocess.run([str(AUDIT), "--output", "json", str(bad)], capture_output=True, text=True, timeout=300)
    assert json.loads(result.stdout)[0]["error_count"] >= 1
