"""Fit text into boxes, measured with the font's metrics, and flow what does not fit.

PowerPoint applies its autofit only after someone edits a box and
LibreOffice applies it differently, so the size is decided here: the
largest size between the design size and the floor at which the whole text
fits. Text that does not fit at the floor is split between blocks (a step,
a risk) or, for a single huge paragraph, between lines, and continues on
the next page. Nothing is ever truncated.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

from . import measure
from .plan import Paragraph

INSET_X = 7.2
"""Left and right inset of every text box (0.1 in), set explicitly on each box."""
INSET_Y = 3.6
WIDTH_SAFETY = 0.98
"""LibreOffice lines come out up to ~1.4 % wider than the advance widths add up to."""
BULLET_INDENT = 1.3
"""Hanging indent of bulleted and numbered paragraphs, in ems."""
SIZE_STEP = 0.5


@dataclass(frozen=True)
class Block:
    """Paragraphs that belong together: a step and its details, a risk and its mitigation.

    Paragraph sizes are design sizes and scale together; `gap` is the space
    before the block in ems.
    """

    paragraphs: tuple[Paragraph, ...]
    gap: float = 0.6


def line_pitch(size: float) -> float:
    """The exact line spacing written into every paragraph, so renderers agree."""
    return round(measure.line_height(size), 2)


def _text_width(width: float, paragraph: Paragraph) -> float:
    indent = paragraph.indent + (BULLET_INDENT * paragraph.size if paragraph.bullet else 0.0)
    # A box narrower than its insets (a table of sixty columns) still wraps, one character a line.
    return max((width - 2 * INSET_X - indent) * WIDTH_SAFETY, 1.0)


@lru_cache(maxsize=65536)
def _lines(text: str, width: float, size: float, bold: bool) -> tuple[str, ...]:
    return tuple(measure.wrap(text, width, size, bold))


def lines_of(paragraph: Paragraph, width: float) -> tuple[str, ...]:
    return _lines(paragraph.text, _text_width(width, paragraph), paragraph.size, paragraph.bold)


def box_width(text: str, size: float, bold: bool = False) -> float:
    """The width a one-line box needs for `text`: its measure, the safety margin, the insets."""
    return measure.text_width(text, size, bold) / WIDTH_SAFETY + 2 * INSET_X + 2


def paragraph_height(paragraph: Paragraph, width: float) -> float:
    return paragraph.space_before + len(lines_of(paragraph, width)) * line_pitch(paragraph.size)


def height_of(paragraphs: tuple[Paragraph, ...] | list[Paragraph], width: float) -> float:
    return 2 * INSET_Y + sum(paragraph_height(p, width) for p in paragraphs)


def sized(blocks: list[Block], size: float, base: float, floor: float = 0.0) -> list[Paragraph]:
    """The blocks' paragraphs at `size`, scaling sizes and spacing designed for `base`."""
    ratio = size / base
    out: list[Paragraph] = []
    for b, block in enumerate(blocks):
        for i, p in enumerate(block.paragraphs):
            before = 0.0 if b == 0 and i == 0 else round(block.gap * size if i == 0 else p.space_before * ratio, 1)
            # Built directly: dataclasses.replace took 0.43 s of a 1,000-slide layout (cProfile).
            out.append(Paragraph(p.text, max(round(p.size * ratio * 2) / 2, floor), p.bold, p.color, p.bullet,
                                 p.number, round(p.indent * ratio, 1), before, p.align))
    return out


def best_size(blocks: list[Block], width: float, height: float, design: float, floor: float,
              start: float | None = None) -> float | None:
    """The largest size from `start` (default `design`) down to `floor` at which all blocks fit.

    Sizes go in steps of SIZE_STEP; the search halves the range, since a
    smaller size never needs more room.
    """
    top = design if start is None else start
    steps = int(round((top - floor) / SIZE_STEP))

    def fits(step: int) -> bool:
        size = top - step * SIZE_STEP
        return height_of(sized(blocks, size, design, floor), width) <= height

    if fits(0):
        return top
    if steps <= 0 or not fits(steps):
        return None
    low, high = 0, steps  # low does not fit, high fits
    while high - low > 1:
        middle = (low + high) // 2
        if fits(middle):
            high = middle
        else:
            low = middle
    return top - high * SIZE_STEP


def flow(blocks: list[Block], width: float, first_height: float, next_height: float,
         design: float, floor: float, start: float | None = None,
         next_width: float | None = None) -> list[tuple[float, list[Paragraph]]]:
    """Place blocks on as many pages as needed; each page is (size, paragraphs).

    One page at the best size when everything fits; otherwise pages at the
    floor size, split between blocks, and within a block between
    paragraphs or lines when a block alone is taller than a page. Pages
    after the first may be wider (`next_width`), e.g. once a table is done.
    """
    if not blocks:
        return [(design, [])]
    size = best_size(blocks, width, first_height, design, floor, start)
    if size is not None:
        return [(size, sized(blocks, size, design, floor))]
    paragraphs = sized(blocks, floor, design, floor)
    ends = _block_ends(blocks)
    pages: list[tuple[float, list[Paragraph]]] = []
    page: list[Paragraph] = []
    room = first_height - 2 * INSET_Y
    next_room = next_height - 2 * INSET_Y
    index = 0
    while index < len(paragraphs):
        paragraph = paragraphs[index]
        if not page:
            paragraph = replace(paragraph, space_before=0.0)
        needed = paragraph_height(paragraph, width)
        if index in ends and page:
            block_height = sum(paragraph_height(p, width) for p in paragraphs[index:ends[index]])
            if room < block_height <= next_room:
                pages.append((floor, page))  # keep the block together on the next page
                page, room, width = [], next_room, next_width or width
                continue
        if needed <= room:
            page.append(paragraph)
            room -= needed
            index += 1
            continue
        head, tail = _split_lines(paragraph, width, room, at_least=0 if page else 1)
        if head is not None:
            page.append(head)
        if tail is None:
            index += 1
        else:
            paragraphs[index] = tail
        pages.append((floor, page))
        page, room, width = [], next_room, next_width or width
    if page:
        pages.append((floor, page))
    return pages


def _block_ends(blocks: list[Block]) -> dict[int, int]:
    """For the first paragraph of each block, the index after its last."""
    ends, index = {}, 0
    for block in blocks:
        ends[index] = index + len(block.paragraphs)
        index += len(block.paragraphs)
    return ends


def _split_lines(paragraph: Paragraph, width: float, room: float,
                 at_least: int = 0) -> tuple[Paragraph | None, Paragraph | None]:
    """Split after the lines that fit in `room` (at least `at_least`); the rest continues unbulleted."""
    lines = lines_of(paragraph, width)
    pitch = line_pitch(paragraph.size)
    fitting = max(at_least, min(int((room - paragraph.space_before) // pitch), len(lines)))
    if fitting == 0:
        return None, paragraph
    if fitting >= len(lines):
        return paragraph, None
    head_text, tail_text = _cut(paragraph.text, lines, fitting)
    head = replace(paragraph, text=head_text)
    tail = replace(paragraph, text=tail_text, bullet=None, space_before=0.0,
                   indent=paragraph.indent + (BULLET_INDENT * paragraph.size if paragraph.bullet else 0.0))
    return head, tail


def _cut(text: str, lines: tuple[str, ...], count: int) -> tuple[str, str]:
    """Cut `text` where wrapped line `count` starts, keeping every character."""
    consumed = 0
    for line in lines[:count]:
        found = text.find(line, consumed)
        consumed = (found if found >= 0 else consumed) + len(line)
    head = text[:consumed]
    tail = text[consumed:]
    return head.rstrip(" "), tail.lstrip(" ")
