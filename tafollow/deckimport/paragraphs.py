"""Paragraphs in reading order, across the slides a text continues on, and list marks.

A slide is read the way a person reads it: the left column top to bottom,
then the right one, whatever order the shapes were drawn in. When a text
continues on a "(jatkuu)" slide, tafollow may have cut a paragraph between
two lines; the two pieces are joined again when the first piece's last
line is full (measured with the same font metrics the build uses), so the
next word could not have fitted on it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from tafollow.design import measure
from tafollow.design import style
from tafollow.deckimport.pptxread import Box
from tafollow.deckimport.pptxtext import Para
from tafollow.deckimport.words import TYPED_BULLET, TYPED_NUMBER

WIDTH_SAFETY = 0.98
"""As in the build: lines are wrapped to 98 % of the box."""
FLOORS = (style.BODY.floor, style.GOAL.floor)
"""The sizes at which the build cuts a paragraph between slides."""
SENTENCE_END = ".!?:;”\"»)"
COLUMN_SPLIT = 0.45
"""A box starting right of this share of the slide's width is in the right-hand column."""


@dataclass(frozen=True)
class Line:
    """A paragraph as read: where it is (slide, box) and whether it continues from a previous slide."""

    para: Para
    box: Box
    slide: int
    joined: bool = False

    @property
    def text(self) -> str:
        return self.para.text


def reading_order(boxes: list[Box], width: float) -> list[Box]:
    """Left column top to bottom, then the right column; a box across the middle counts as left."""
    def column(box: Box) -> int:
        return 1 if box.x >= width * COLUMN_SPLIT else 0

    return sorted(boxes, key=lambda box: (column(box), round(box.y), box.x, box.order))


def lines(boxes: list[Box], slide: int, width: float) -> list[Line]:
    """Every non-empty paragraph of `boxes` (a table's cells, row by row), in reading order."""
    return [Line(p, box, slide) for box in reading_order(boxes, width) for p in box.readable if p.text.strip()]


def join_pages(pages: list[list[Line]]) -> list[Line]:
    """The lines of consecutive slides of one text, a paragraph cut between them made whole again."""
    out: list[Line] = []
    for page in pages:
        if out and page and continues(out[-1], page[0]):
            first = page[0]
            merged = replace(out[-1].para, text=f"{out[-1].text} {first.text}")
            out[-1] = replace(out[-1], para=merged, joined=True)
            page = page[1:]
        out.extend(page)
    return out


def continues(before: Line, after: Line) -> bool:
    """Whether `after` (first on its slide) is the rest of `before` (last on the slide before it).

    The rest of a cut paragraph has no bullet and the same weight and
    colour; the cut piece ends in a full line (at its own size, or at the
    smallest size, where tafollow decides where to cut), and a sentence
    seldom ends exactly there.
    """
    if after.para.bullet is not None or "\n" in before.text or not after.text.strip():
        return False
    if (after.para.bold, after.para.color) != (before.para.bold, before.para.color):
        return False
    if before.text.rstrip()[-1:] in SENTENCE_END and not after.text[:1].islower():
        return False
    para = before.para
    room = (before.box.w - 2 * before.box.inset_x - para.indent) * WIDTH_SAFETY
    if room <= 0:
        return False
    first_word = after.text.split(" ", 1)[0]
    for size in {para.size, *FLOORS}:
        last = measure.wrap(before.text, room, size, para.bold)[-1]
        if measure.text_width(f"{last} {first_word}", size, para.bold) > room:
            return True
    return False


def list_mark(para: Para) -> tuple[str | None, str]:
    """("number" | "bullet" | None, the text without a typed mark) of a paragraph.

    Automatic numbering and bullets come from the paragraph's format; typed
    ones ("1. ", "2) ", "- ", "– ", "• ") are taken off the text, since the
    deck draws its own.
    """
    if para.bullet == "number":
        return "number", para.text
    typed = TYPED_NUMBER.match(para.text)
    if typed:
        return "number", para.text[typed.end():]
    if para.bullet == "char":
        return "bullet", para.text
    dash = TYPED_BULLET.match(para.text)
    if dash:
        return "bullet", para.text[dash.end():]
    return None, para.text
