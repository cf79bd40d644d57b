"""The files read back exactly as the deck's text, and say where to look."""

from __future__ import annotations

from datetime import date

import pytest

from tafollow.deckimport.doubts import Check
from tafollow.deckimport.yamlout import dump
from tafollow.data.yamlread import read_yaml

TRICKY = [
    "yes", "0123", "{{ x }}", "a: b", "# not a comment", " leading space", "trailing space ", "two\nlines",
    "tab\there", "\u2028 pasted separator", "quote \" and \\ backslash", "- dash", "[list]", "null", "",
    "12:30", "@home", "!tag", "&anchor", "*alias", "”Helsingissä on houkuttelevaa”",
    "A long paragraph " * 12, "Double  spaces  in  a  long  paragraph " * 4, "x" * 200, "Ω ∑ 😀 emoji",
]


@pytest.mark.parametrize("text", TRICKY)
def test_every_text_reads_back_as_it_was(text: str) -> None:
    data = {"name": text, "items": [text, {"risk": text, "mitigation": text}]}
    written = dump(data, [], ["header"], [])
    assert read_yaml(written.text).data == data


def test_block_style_folded_text_flow_numbers_and_comments() -> None:
    data = {"name": "Tilavaraus", "updated": date(2019, 10, 17),
            "goal": {"paragraphs": ["Lyhyt.", ("Pitkä kappale, joka jatkuu ja jatkuu " * 4).strip()]},
            "tables": [{"columns": ["A", "B", {"name": "Yht.", "sum": ["A", "B"]}],
                        "rows": [{"label": "KIR", "values": [3, None]}], "total": {"label": "Yhteensä"}}],
            "progress": {"lanes": [{"phases": [{"name": "A", "status": "doing", "percent": 70.0}]}]},
            "risks": ["Yksi"]}
    check = Check(4, ("progress", "lanes", 0, "phases", 0, "status"), "colour #4F81BD is a guess")
    gone = Check(5, ("risks", "items", 3), "risk four")
    written = dump(data, [check, gone], ["yaml-language-server: $schema=x.json"], ["Speaker notes, slide 2:\n  Hei"])
    text = written.text
    assert text.startswith("# yaml-language-server: $schema=x.json\nname: Tilavaraus\nupdated: 17.10.2019\n")
    assert "values: [3, null]" in text and "sum: [A, B]" in text and "percent: 70\n" in text
    assert "    - >-\n      Pitkä kappale" in text
    lines = text.split("\n")
    assert lines[written.lines[check] - 1] == "          # tarkista: slide 4: colour #4F81BD is a guess"
    assert lines[written.lines[check]] == "          status: doing"
    assert lines[written.lines[gone] - 1] == "# tarkista: slide 5: risk four"  # risks has no item 3: above the key
    assert text.endswith("# Speaker notes, slide 2:\n#   Hei\n")
    assert "\n\ngoal:" in text and "\n\nrisks:" not in text  # sections apart, a short list not
