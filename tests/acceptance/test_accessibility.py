"""tafollow's decks pass the accessibility rules, checked by the independent checker.

`a11ycheck.problems` (tests/support/a11ycheck.py) reads the .pptx bytes with
zipfile and lxml and shares no code with tafollow's own `tafollow check`,
so a bug in that command cannot hide a bug in the deck. Every deck tafollow
is tested on is checked: the shipped data in Finnish and Swedish, with the
overview slide, another division's English round and the stress data.
`test_zz_problem_counts` prints the problems per rule per deck in every run
(past pytest's capture), so progress is visible while the deck writer is
being changed. A careless hand-made deck must fail, so that a checker that
finds nothing cannot pass for a deck that has nothing wrong.

No LibreOffice is needed: the checks work on the package itself.
"""

from __future__ import annotations

import functools
import io
import struct
import zlib
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE
from pptx.oxml.ns import qn
from pptx.util import Inches, Pt

from a11ycheck import RULES, Problem, counts, problems
from conftest import REPO_ROOT, SHIPPED_DATA

DECKS: dict[str, tuple[Path, dict[str, object]]] = {
    "data fi": (SHIPPED_DATA, {}),
    "data sv": (SHIPPED_DATA, {"language": "sv"}),
    "data fi + summary": (SHIPPED_DATA, {"summary": True}),
    "other-division": (REPO_ROOT / "tests" / "data" / "other-division", {}),
    "stress": (REPO_ROOT / "tests" / "data" / "stress", {}),
}
SHOWN = 15
"""Problems listed in a failure message; the rest are counted."""


@functools.cache
def deck_problems(name: str) -> tuple[Problem, ...]:
    """The problems of one named deck, built the way `tafollow build` builds it (cached per session)."""
    from tafollow.build import deck_bytes
    from tafollow.data.load import load

    data_dir, options = DECKS[name]
    return tuple(problems(deck_bytes(load(data_dir), **options)))  # type: ignore[arg-type]


def listing(found: tuple[Problem, ...] | list[Problem]) -> str:
    lines = [str(problem) for problem in found[:SHOWN]]
    if len(found) > SHOWN:
        lines.append(f"... and {len(found) - SHOWN} more")
    summary = ", ".join(f"{rule} {n}" for rule, n in counts(list(found)).items() if n)
    return f"{len(found)} accessibility problems ({summary}):\n" + "\n".join(lines)


@pytest.mark.parametrize("name", DECKS)
def test_deck_is_accessible(name: str) -> None:
    found = deck_problems(name)
    assert not found, f"{name}: {listing(found)}"


# --------------------------------------------------------------------------
# A deck made the usual careless way fails


def png_1x1() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)  # 1x1 RGB
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\x00\x00\x92\x46"))
            + chunk(b"IEND", b""))


def hand_made_deck() -> bytes:
    """A status deck as people make one by hand: python-pptx's default template, nothing set on purpose."""
    prs = Presentation()
    cover = prs.slides.add_slide(prs.slide_layouts[0])
    cover.shapes.title.text = "Budget follow-up"
    cover.placeholders[1].text = "Forecast 21 October 2019"

    for project in ("Library e-books", "School premises"):
        slide = prs.slides.add_slide(prs.slide_layouts[5])
        slide.shapes.title.text = "Status"  # the same title on every project's slide
        logo = slide.shapes.add_picture(io.BytesIO(png_1x1()), Inches(8), Inches(0.3))
        del logo._element.find(".//" + qn("p:cNvPr")).attrib["descr"]  # as PowerPoint inserts it
        for i, colour in enumerate(("009246", "FFC61E", "BD2719")):  # a traffic light, colour only
            light = slide.shapes.add_shape(MSO_SHAPE.OVAL, Inches(1), Inches(2 + i), Inches(0.8), Inches(0.8))
            light.fill.solid()
            light.fill.fore_color.rgb = RGBColor.from_string(colour)
        box = slide.shapes.add_textbox(Inches(2.5), Inches(2), Inches(6), Inches(1))
        run = box.text_frame.paragraphs[0].add_run()
        run.text = f"{project}: on track"
        run.font.size = Pt(14)
        run.font.color.rgb = RGBColor.from_string("999999")  # light grey, 2.8:1 on white
        table = slide.shapes.add_table(3, 2, Inches(2.5), Inches(4), Inches(5), Inches(1.2)).table
        table.first_row = False
        for row, (label, value) in enumerate((("Done", "9"), ("Earlier", "40"), ("Total", "49"))):
            table.cell(row, 0).text = label
            table.cell(row, 1).text = value

    prs.slides.add_slide(prs.slide_layouts[6]).shapes.add_textbox(
        Inches(1), Inches(1), Inches(6), Inches(1)).text_frame.text = "Questions?"  # a blank slide
    buffer = io.BytesIO()
    prs.save(buffer)
    return buffer.getvalue()


def test_hand_made_deck_fails() -> None:
    found = problems(hand_made_deck())
    assert found, "the checker found nothing in a deck made without any care for accessibility"
    tally = counts(found)
    assert {rule for rule, n in tally.items() if n} == set(RULES), listing(found)
    assert tally["untitled-slide"] == 1 and tally["duplicate-title"] == 1
    assert tally["colour-alone"] == 6 and tally["table-header"] == 2 and tally["low-contrast"] == 2
    assert tally["missing-alt-text"] == 2 * (1 + 3 + 1)  # per project slide: logo, three lights, table
    assert tally["core-properties"] == 2  # python-pptx writes an empty title and no language


# --------------------------------------------------------------------------
# The figures, in every run


def test_zz_problem_counts(capsys: pytest.CaptureFixture[str]) -> None:
    """The problems per rule per deck, printed: none in ours, some in the hand-made one (runs last)."""
    rows = {name: counts(list(deck_problems(name))) for name in DECKS}
    rows["hand-made (must fail)"] = counts(problems(hand_made_deck()))
    width = max(len(name) for name in rows)
    lines = ["", "accessibility problems per rule (tests/support/a11ycheck.py):",
             " " * width + "  " + "  ".join(RULES) + "  total"]
    for name, tally in rows.items():
        cells = "  ".join(f"{tally[rule]:>{len(rule)}}" for rule in RULES)
        lines.append(f"{name:<{width}}  {cells}  {sum(tally.values()):>5}")
    with capsys.disabled():
        print("\n".join(lines))
    # The table says what a reader of the run needs: our decks clean, the checker not blind.
    assert {name: sum(rows[name].values()) for name in DECKS} == {name: 0 for name in DECKS}
    assert sum(rows["hand-made (must fail)"].values()) > 0
