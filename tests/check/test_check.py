"""`tafollow check`: the accessibility rules, on our decks and on careless hand-made ones.

The independent second implementation of the same rules lives in
tests/support/a11ycheck.py; these tests exercise tafollow's own checker and
command, and the palette the writer can produce.
"""

from __future__ import annotations

import json
from itertools import product
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.util import Pt
from typer.testing import CliRunner

from tafollow.design import style
from tafollow.check.accessibility import check, contrast, minimum_contrast
from tafollow.cli import app
from tafollow.languages import labels

REPO = Path(__file__).resolve().parents[2]
DECKS = {
    "shipped-fi": (REPO / "data", None, False),
    "shipped-sv-summary": (REPO / "data", "sv", True),
    "other-division": (REPO / "tests" / "data" / "other-division", None, True),
    "stress": (REPO / "tests" / "data" / "stress", None, False),
}


def _build(name: str, tmp_path: Path) -> Path:
    from tafollow.build import deck_bytes
    from tafollow.data.load import load

    folder, language, summary = DECKS[name]
    path = tmp_path / f"{name}.pptx"
    path.write_bytes(deck_bytes(load(folder), language=language, summary=summary))
    return path


@pytest.mark.parametrize("name", DECKS)
def test_our_decks_have_no_accessibility_problems(name: str, tmp_path: Path) -> None:
    report = check(_build(name, tmp_path))
    assert report.problems == []


def _hand_made(tmp_path: Path) -> Path:
    """A deck made the usual way: a title-less slide, repeated titles, bare shapes, white on green."""
    presentation = Presentation()
    for _ in range(2):
        slide = presentation.slides.add_slide(presentation.slide_layouts[5])
        slide.shapes.title.text = "Tavoite"
    bare = presentation.slides.add_slide(presentation.slide_layouts[6])
    for x, colour in ((1, "009246"), (3, "FFC61E")):
        shape = bare.shapes.add_shape(1, Pt(x * 72), Pt(100), Pt(60), Pt(30))
        shape.fill.solid()
        shape.fill.fore_color.rgb = RGBColor.from_string(colour)
        run = shape.text_frame.paragraphs[0].add_run()
        run.text = "VAIHE"
        run.font.size = Pt(12)
        run.font.color.rgb = RGBColor.from_string("FFFFFF")
    light = bare.shapes.add_shape(9, Pt(400), Pt(100), Pt(20), Pt(20))
    light.fill.solid()
    light.fill.fore_color.rgb = RGBColor.from_string("009246")
    table = bare.shapes.add_table(2, 2, Pt(100), Pt(200), Pt(200), Pt(60)).table
    table.first_row = False
    path = tmp_path / "hand-made.pptx"
    presentation.save(str(path))
    return path


def test_a_hand_made_deck_gets_every_kind_of_problem(tmp_path: Path) -> None:
    rules = {problem.rule for problem in check(_hand_made(tmp_path)).problems}
    assert rules >= {"untitled-slide", "duplicate-title", "missing-alt-text", "table-header", "low-contrast",
                     "colour-alone", "core-properties"}


def test_the_command_lists_problems_and_exits_1(tmp_path: Path) -> None:
    path = _hand_made(tmp_path)
    result = CliRunner().invoke(app, ["check", str(path)])
    assert result.exit_code == 1
    assert "[duplicate-title]" in result.output and "slide 2" in result.output
    result = CliRunner().invoke(app, ["check", str(path), "--format", "json"])
    problems = json.loads(result.stdout)
    assert {"slide", "shape", "rule", "message"} <= set(problems[0])


def test_the_command_speaks_the_decks_language(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["check", str(_build("shipped-fi", tmp_path))])
    assert result.exit_code == 0, result.output
    assert "Ei saavutettavuusongelmia (29 diaa)" in result.output


def test_not_a_deck_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "deck.pptx"
    path.write_text("hello", encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(path)])
    assert result.exit_code == 1
    assert "not a PowerPoint deck" in result.output and "Traceback" not in result.output
    assert CliRunner().invoke(app, ["check", str(tmp_path / "missing.pptx")]).exit_code == 2


def test_wcag_contrast_values() -> None:
    assert contrast("FFFFFF", "000000") == pytest.approx(21.0)
    assert contrast("777777", "FFFFFF") == pytest.approx(4.48, abs=0.01)
    assert contrast("FFFFFF", "009246") == pytest.approx(4.04, abs=0.01)


def test_every_text_colour_the_writer_uses_is_readable_on_its_fill() -> None:
    """The palette pairs the layout can produce: text on phase fills, on table rows, on the slide."""
    pairs = [(style.STATUS_TEXT[s], style.STATUS_FILL[s], 10.0, True) for s in style.STATUS_FILL]
    pairs += [(style.TABLE_HEADER_TEXT, style.TABLE_HEADER_FILL, 10.0, True)]
    pairs += [(style.TABLE_TEXT, fill, 10.0, False) for fill in (style.TABLE_TOTAL_FILL, style.TABLE_BAND_FILL,
                                                                   style.WHITE)]
    pairs += [(colour, style.WHITE, 10.0, False) for colour in (style.ACCENT, style.GREY, style.MILESTONE,
                                                                 style.BLACK)]
    failing = [(text, fill, round(contrast(text, fill), 2)) for text, fill, size, bold in pairs
               if contrast(text, fill) < minimum_contrast(size, bold)]
    assert failing == []


def test_status_is_never_told_by_colour_alone_in_the_chart() -> None:
    """Done and doing carry a mark, and the three statuses differ by more than their fill."""
    marks = {style.STATUS_MARK[s] for s in ("todo", "doing", "done")}
    assert len(marks) == 3
    for language, status in product(("fi", "sv", "en"), ("todo", "doing", "done")):
        assert labels(language)("status_word", status)


def test_reading_order_is_the_visual_order(tmp_path: Path) -> None:
    """Title first, then the content left column before right and top to bottom, the footer last."""
    presentation = Presentation(str(_build("other-division", tmp_path)))
    for number, slide in enumerate(presentation.slides, start=1):
        shapes = list(slide.shapes)
        kinds = [s.placeholder_format.type if s.is_placeholder else None for s in shapes]
        assert shapes[0].is_placeholder and shapes[0].name == "Title", number
        footer = [i for i, s in enumerate(shapes) if s.is_placeholder and s.name not in ("Title", "Subtitle",
                                                                                          "Kicker", "Details")]
        assert footer == list(range(len(shapes) - len(footer), len(shapes))), (number, kinds)
        names = [s.name for s in shapes]
        for left, right in (("Forecast", "Risks"), ("Steps", "Table")):
            if left in names and right in names and slide.shapes[names.index(right)].left > \
                    slide.shapes[names.index(left)].left:
                assert names.index(left) < names.index(right), (number, names)


def test_a_deck_that_unpacks_without_end_is_refused_unread(tmp_path: Path) -> None:
    """A slide part that claims 1 GB is refused from the zip's directory, before anything is unpacked."""
    import zipfile

    good = _build("shipped-fi", tmp_path)
    bomb = tmp_path / "bomb.pptx"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "ppt/slides/slide2.xml":
                data = data + b" " * (60 * 1024 * 1024)  # compresses to next to nothing
            target.writestr(item.filename, data)
    result = CliRunner().invoke(app, ["check", str(bomb)])
    assert result.exit_code == 1
    assert "more than a deck holds" in result.output and "Traceback" not in result.output


def test_a_folder_or_a_named_pipe_is_refused_at_once(tmp_path: Path) -> None:
    import os

    result = CliRunner().invoke(app, ["check", str(tmp_path)])
    assert result.exit_code == 2 and "is a folder" in result.output
    pipe = tmp_path / "deck.pptx"
    os.mkfifo(pipe)
    result = CliRunner().invoke(app, ["check", str(pipe)])
    assert result.exit_code == 1 and "named pipe" in result.output


def test_a_theme_colour_made_lighter_is_judged_as_drawn(tmp_path: Path) -> None:
    """Text 1 "lighter 50 %" is grey (808080), 3.9:1 on white at 12 pt: too little, though black would pass."""
    from lxml import etree

    from tafollow.check.accessibility import NS

    presentation = Presentation()
    slide = presentation.slides.add_slide(presentation.slide_layouts[5])
    slide.shapes.title.text = "Otsikko"
    box = slide.shapes.add_textbox(Pt(50), Pt(150), Pt(300), Pt(40))
    run = box.text_frame.paragraphs[0].add_run()
    run.text = "Harmaata tekstiä"
    run.font.size = Pt(12)
    props = run._r.get_or_add_rPr()
    props.append(etree.fromstring(f'<a:solidFill xmlns:a="{NS["a"]}"><a:schemeClr val="tx1">'
                                  '<a:lumMod val="50000"/><a:lumOff val="50000"/></a:schemeClr></a:solidFill>'))
    path = tmp_path / "grey.pptx"
    presentation.save(str(path))
    found = [p for p in check(path).problems if p.rule == "low-contrast"]
    assert [p.detail.split(": ", 1)[1][:17] for p in found] == ["#808080 on #FFFFF"]
