"""Reading order and paragraphs cut between a slide and its continuation."""

from __future__ import annotations

from slidebits import para, text

from tafollow.design import measure
from tafollow.deckimport.paragraphs import Line, continues, join_pages, lines, list_mark

WORDS = "Toimialan tilatietoa on kerätty ja määritelty Varaamoon sopivia tiloja ja niiden vienti jatkuu".split()


def test_left_column_first_then_the_right_whatever_the_shape_order() -> None:
    boxes = [text(400, 100, 300, 100, "right"), text(36, 300, 300, 100, "left, lower"), text(36, 100, 300, 100, "left")]
    assert [line.text for line in lines(boxes, 1, 720)] == ["left", "left, lower", "right"]


def _full_line(width: float, size: float) -> str:
    """Words filling one line of a box `width` wide."""
    out: list[str] = []
    for word in WORDS * 3:
        if measure.text_width(" ".join([*out, word]), size) > width * 0.98:
            return " ".join(out)
        out.append(word)
    raise AssertionError("the box is too wide for the test words")


def test_a_paragraph_cut_after_a_full_line_is_joined() -> None:
    box = text(36, 100, 200, 300, "")
    head = _full_line(200, 16)
    before = Line(para(head, size=16.0), box, 5)
    after = Line(para("vienti jatkuu vuoden loppuun.", size=16.0), box, 6)
    assert continues(before, after)
    [joined] = join_pages([[before], [after]])
    assert joined.text == f"{head} vienti jatkuu vuoden loppuun." and joined.joined


def test_a_paragraph_that_ends_before_the_line_is_full_is_not() -> None:
    box = text(36, 100, 400, 300, "")
    before = Line(para("Lyhyt kappale", size=16.0), box, 5)
    assert not continues(before, Line(para("Seuraava kappale.", size=16.0), box, 6))
    assert not continues(Line(para(_full_line(400, 16) + ".", size=16.0), box, 5),
                         Line(para("Uusi virke.", size=16.0), box, 6))
    assert not continues(Line(para(_full_line(400, 16), size=16.0), box, 5),
                         Line(para("Uusi riski", bullet="char", size=16.0), box, 6))


def test_list_marks() -> None:
    assert list_mark(para("1. Eka")) == ("number", "Eka")
    assert list_mark(para("12) Eka")) == ("number", "Eka")
    assert list_mark(para("– Eka")) == ("bullet", "Eka")
    assert list_mark(para("1. Eka", bullet="number")) == ("number", "1. Eka")
    assert list_mark(para("2019: vuosi")) == (None, "2019: vuosi")
    assert list_mark(para("-5 % tavoitteesta")) == (None, "-5 % tavoitteesta")
