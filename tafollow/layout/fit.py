"""Fit text into boxes, measured with the font's metrics, and flow what does not fit.

PowerPoint applies its autofit only after someone edits a box and
LibreOffice applies it differently, so the size is decided here: the
largest size on the type scale, between a role's design size and its
floor, at which the whole text fits. Text that does not fit at the floor
is spread over as few pages as it needs, in shares as even as the blocks
allow, and each page is then fitted on its own. Nothing is ever truncated.

This module holds the three primitives every other layout module uses:
`largest` (the largest size that fits), `box_height` (how tall a box of
paragraphs is) and `fitted_box` (one paragraph, e.g. a title, at the
largest size that fits its box).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Literal

from tafollow.design import measure
from tafollow.design import style
from tafollow.layout.plan import Paragraph, Rect, Run, TextBox

WIDTH_SAFETY = 0.98
"""LibreOffice lines come out up to ~1.4 % wider than the advance widths add up to."""
BULLET_GAP = 0.5
"""Space between a bullet or list number and its text, in ems."""
MIN_HANG = 1.0
"""A bullet's hanging indent is never less than this, in ems, so lists of one kind line up."""


@dataclass(frozen=True)
class Text:
    """A paragraph before it is sized: its size is `rel` steps from the block's size on the scale."""

    text: str
    rel: int = 0
    bold: bool = False
    color: str | None = None
    bullet: Literal["•", "number"] | None = None
    number: int = 1
    under: bool = False
    """Indented to the list's text: a step's details, a risk's mitigation, a continued item."""
    before: float = 0.0
    """Space before, in ems, when the paragraph is not the first of its block."""
    indent: float = 0.0
    """Left indent of every line, in ems (the verdict leaves room for the traffic light)."""
    align: Literal["left", "center", "right"] = "left"


@dataclass(frozen=True)
class Block:
    """Paragraphs that belong together (a step and its details) and move between pages as one."""

    paragraphs: tuple[Text, ...]
    gap: float = 0.6
    """Space before the block, in ems, unless it starts a page."""


# --------------------------------------------------------------------------
# The primitives


def largest(candidates: Sequence[float], fits: Callable[[float], bool]) -> float | None:
    """The first of `candidates` (largest first) for which `fits` holds; None when none does.

    Halves the range: a smaller size never needs more room.
    """
    if not candidates:
        return None
    if fits(candidates[0]):
        return candidates[0]
    if not fits(candidates[-1]):
        return None
    low, high = 0, len(candidates) - 1  # low does not fit, high fits
    while high - low > 1:
        middle = (low + high) // 2
        if fits(candidates[middle]):
            high = middle
        else:
            low = middle
    return candidates[high]


def text_width(box: float, paragraph: Paragraph, inset_x: float = 0.0) -> float:
    """The width `paragraph`'s lines may take in a box `box` wide."""
    # A box narrower than its insets (a table of sixty columns) still wraps, one character a line.
    return max((box - 2 * inset_x - paragraph.indent - paragraph.hang) * WIDTH_SAFETY, 1.0)


_WRAPPED: dict[tuple[str, float, float, bool], tuple[str, ...]] = {}
_WRAPPED_MAX = 65536


_TAIL: list[tuple[tuple[str, float, float, bool], tuple[str, ...]]] = []
"""The rest of the paragraph split last, and its lines (one entry, so memory stays linear)."""


def _lines(text: str, width: float, size: float, bold: bool) -> tuple[str, ...]:
    key = (text, width, size, bold)
    if _TAIL and _TAIL[0][0] == key:
        return _TAIL[0][1]
    found = _WRAPPED.get(key)
    if found is None:
        if len(_WRAPPED) >= _WRAPPED_MAX:
            _WRAPPED.clear()
        found = _WRAPPED[key] = tuple(measure.wrap(text, width, size, bold))
    return found


def _remember_tail(text: str, paragraph: Paragraph, box: float, lines: tuple[str, ...]) -> None:
    """Lines wrap greedily, so the text after a line break wraps into the lines after it.

    Told so, the next page does not wrap the rest of a long paragraph
    again: splitting a paragraph over many pages stays linear in its length.
    """
    _TAIL[:] = [((text, text_width(box, paragraph), paragraph.size, paragraph.bold), lines)]


def lines_of(paragraph: Paragraph, box: float, inset_x: float = 0.0) -> tuple[str, ...]:
    return _lines(paragraph.text, text_width(box, paragraph, inset_x), paragraph.size, paragraph.bold)


def keeps_words(paragraph: Paragraph, box: float, inset_x: float = 0.0) -> bool:
    """Whether every word of `paragraph` fits a line of the box, so that no word is broken."""
    room = text_width(box, paragraph, inset_x)
    # Words as `measure.wrap` sees them: split at spaces only, so a no-break space holds a word together.
    return all(measure.text_width(word, paragraph.size, paragraph.bold) <= room
               for line in paragraph.text.split("\n") for word in line.split(" "))


def paragraph_height(paragraph: Paragraph, box: float, inset_x: float = 0.0) -> float:
    return paragraph.space_before + len(lines_of(paragraph, box, inset_x)) * style.line_pitch(paragraph.size)


def box_height(paragraphs: Iterable[Paragraph], width: float, inset_x: float = 0.0,
               inset_y: float = style.INSET_Y) -> float:
    """How tall a box `width` wide must be for `paragraphs`, insets included."""
    return 2 * inset_y + sum(paragraph_height(p, width, inset_x) for p in paragraphs)


def box_width(text: str, size: float, bold: bool = False, inset_x: float = 0.0) -> float:
    """The width a one-line box needs for `text`: its measure, the safety margin, the insets."""
    return measure.text_width(text, size, bold) / WIDTH_SAFETY + 2 * inset_x + 2


def fitted_box(rect: Rect, text: str, role: style.Role, *, placeholder: str | None = None, name: str = "Text",
               bold: bool = False, anchor: Literal["top", "middle", "bottom"] = "top",
               color: str | None = None, lighter: str = "") -> TextBox:
    """One paragraph at the largest size of `role` that fits `rect`; below the floor it still keeps every word.

    `lighter` follows `text` in regular weight (a slide heading, then the
    project it belongs to); it is measured as bold, which is never narrower.
    """
    runs = (Run(text, bold), Run(lighter, False)) if lighter else ()

    def paragraph(size: float) -> Paragraph:
        return Paragraph(text + lighter, size, bold=bold, color=color, runs=runs)

    candidates = style.sizes(role)
    keep = keeps_words(paragraph(role.floor), rect.w)
    size = largest(candidates, lambda s: (not keep or keeps_words(paragraph(s), rect.w))
                   and box_height([paragraph(s)], rect.w) <= rect.h) or role.floor
    return TextBox(rect, (paragraph(size),), placeholder, anchor, name or placeholder or "Text",
                   inset_y=style.INSET_Y)


# --------------------------------------------------------------------------
# Blocks of paragraphs


def hang_of(blocks: Iterable[Block]) -> float:
    """The hanging indent, in ems, of the lists in `blocks`: room for the widest number (9., 10., 100.)."""
    widest = 0.0
    for block in blocks:
        for text in block.paragraphs:
            if text.bullet is not None:
                label = f"{text.number}." if text.bullet == "number" else text.bullet
                widest = max(widest, measure.text_width(label, 1.0, text.bold))
    return max(widest + BULLET_GAP, MIN_HANG) if widest else 0.0


def sized(blocks: Sequence[Block], size: float, hang: float | None = None) -> list[Paragraph]:
    """The blocks' paragraphs at `size` (each paragraph `rel` steps from it on the scale)."""
    hang = hang_of(blocks) if hang is None else hang
    out: list[Paragraph] = []
    for b, block in enumerate(blocks):
        for i, text in enumerate(block.paragraphs):
            own = style.step(size, text.rel) if text.rel else size
            before = 0.0 if b == 0 and i == 0 else round((block.gap if i == 0 else text.before) * size, 1)
            # Built directly: dataclasses.replace took 0.43 s of a 1,000-slide layout (cProfile).
            out.append(Paragraph(text.text, own, text.bold, text.color, text.bullet, text.number,
                                 round((hang if text.under else 0.0) * size + text.indent * own, 1), before, text.align,
                                 round(hang * size, 1) if text.bullet else 0.0))
    return out


def best_size(blocks: Sequence[Block], width: float, height: float, role: style.Role,
              hang: float | None = None) -> float | None:
    """The largest size of `role` at which all blocks fit a box `width` x `height`."""
    candidates = style.sizes(role)
    hang = hang_of(blocks) if hang is None else hang

    def whole(size: float) -> bool:
        return all(keeps_words(p, width) for p in sized(blocks, size, hang))

    # Words stay whole at every size that is tried, unless one is wider than the box even at the floor.
    keep = bool(candidates) and whole(candidates[-1])
    return largest(candidates, lambda s: (not keep or whole(s)) and box_height(sized(blocks, s, hang), width) <= height)


@dataclass(frozen=True)
class Page:
    """What one page of a flow holds, and the largest size it fits at on its own."""

    blocks: tuple[Block, ...]
    size: float
    hang: float

    def paragraphs(self, size: float | None = None) -> list[Paragraph]:
        """The page's paragraphs at its own size, or at `size` (e.g. one size shared by two columns)."""
        return sized(self.blocks, self.size if size is None else min(size, self.size), self.hang)


def flow(blocks: Sequence[Block], first: tuple[float, float], later: tuple[float, float],
         role: style.Role, pages: int = 1) -> list[Page]:
    """Place blocks on as few pages as they need; `first` and `later` are the pages' (width, height).

    One page at the best size when everything fits. Otherwise the blocks
    are spread over the fewest pages that hold them at the floor size, each
    page taking as even a share as the blocks allow (a block moves whole to
    the next page; a block taller than a page is split between paragraphs,
    then lines). Each page is then fitted on its own, so a page that ends
    up with room to spare gets the larger size the scale allows. Text that
    needs more than one page is spread over at least `pages` pages, so that
    a column can keep pace with the column beside it.
    """
    if not blocks:
        return [Page((), role.design, 0.0)]
    hang = hang_of(blocks)
    size = best_size(blocks, *first, role, hang=hang)
    if size is not None:
        return [Page(tuple(blocks), size, hang)]
    rooms = (first[1] - 2 * style.INSET_Y, later[1] - 2 * style.INSET_Y)
    widths = (first[0], later[0])
    packed = _pack(blocks, widths, rooms, 1.0, role.floor, hang)
    count = max(len(packed), pages)
    # The smallest fill that still needs no more pages: every page carries a fair share.
    low, high = 0.0, 1.0
    for _ in range(10):
        middle = (low + high) / 2
        if len(_pack(blocks, widths, rooms, middle, role.floor, hang)) <= count:
            high = middle
        else:
            low = middle
    if high < 1.0:
        packed = _pack(blocks, widths, rooms, high, role.floor, hang)
    out = []
    for index, page in enumerate(packed):
        width, height = first if index == 0 else later
        out.append(Page(page, best_size(page, width, height, role, hang=hang) or role.floor, hang))
    return out


def _pack(blocks: Sequence[Block], widths: tuple[float, float], rooms: tuple[float, float], fill: float,
          floor: float, hang: float) -> list[tuple[Block, ...]]:
    """Blocks on pages at the floor size, each page filled to at most `fill` of its room.

    Greedy: a block that does not fit the rest of a page starts the next
    one when it fits there whole; otherwise it is split. A page always
    takes at least one line, so packing ends whatever `fill` is.
    """
    pages: list[tuple[Block, ...]] = []
    page: list[Block] = []
    room = rooms[0] * fill
    queue = list(blocks)
    index = 0

    def width() -> float:
        return widths[0] if not pages else widths[1]

    def height(block: Block, on: list[Block]) -> float:
        paragraphs = sized([Block((), 0.0), block] if on else [block], floor, hang)
        return sum(paragraph_height(p, width()) for p in paragraphs)

    def next_page() -> None:
        nonlocal page, room
        pages.append(tuple(page))
        page, room = [], rooms[1] * fill

    while index < len(queue):
        block = queue[index]
        needed = height(block, page)
        if needed <= room:
            page.append(block)
            room -= needed
            index += 1
            continue
        if (page or not pages) and height(block, []) <= rooms[1] * fill:
            # The block goes whole to the next page, even from an empty first page (the room
            # under a tall chart): a step is not parted from its details while a page can hold both.
            next_page()
            continue
        head, tail = _split_block(block, bool(page), width(), room, floor, hang)
        if head is not None:
            page.append(head)
        if tail is None:
            index += 1
        else:
            queue[index] = tail
        next_page()
    if page:
        pages.append(tuple(page))
    return pages


def _split_block(block: Block, after: bool, width: float, room: float, floor: float,
                 hang: float) -> tuple[Block | None, Block | None]:
    """The part of `block` that fits `room` and the rest; whole paragraphs first, then lines."""
    paragraphs = sized([Block((), 0.0), block] if after else [block], floor, hang)
    taken: list[Text] = []
    for text, paragraph in zip(block.paragraphs, paragraphs):
        needed = paragraph_height(paragraph, width)
        if needed <= room:
            taken.append(text)
            room -= needed
            continue
        lines = lines_of(paragraph, width)
        pitch = style.line_pitch(paragraph.size)
        fitting = min(int(max(room - paragraph.space_before, 0.0) // pitch), len(lines) - 1)
        if len(lines) >= 4:  # no single line of a paragraph left alone at a page's foot or head
            fitting = min(fitting, len(lines) - 2)
            fitting = 0 if fitting < 2 else fitting
        if fitting <= 0 and (taken or after):
            break
        fitting = max(fitting, 1)  # an empty page takes at least one line
        if fitting >= len(lines):  # one line taller than the page: it goes whole
            taken.append(text)
            room -= needed
            continue
        head_text, tail_text = _cut(text.text, lines, fitting)
        rest = block.paragraphs[len(taken) + 1:]
        continued = replace(text, text=tail_text, bullet=None, under=text.under or text.bullet is not None,
                            before=0.0)
        if text.bullet is None and "\n" not in text.text:
            _remember_tail(tail_text, paragraph, width, lines[fitting:])
        head = Block((*taken, replace(text, text=head_text)), block.gap)
        return head, Block((continued, *rest), 0.0)
    if not taken:
        return None, block
    rest = block.paragraphs[len(taken):]
    return Block(tuple(taken), block.gap), Block(rest, 0.0) if rest else None


def _cut(text: str, lines: tuple[str, ...], count: int) -> tuple[str, str]:
    """Cut `text` where wrapped line `count` starts, keeping every character but the spaces at the cut."""
    consumed = 0
    for line in lines[:count]:
        found = text.find(line, consumed)
        consumed = (found if found >= 0 else consumed) + len(line)
    return text[:consumed].rstrip(" "), text[consumed:].lstrip(" ")
