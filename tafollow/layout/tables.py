"""Tables of the progress slide: cells as text, column widths from their content, rows split between pages.

Column widths follow the content: a header word is never broken, a
number and a total ("424 tilaa") stay on one line, and what room is left
goes to the columns that can use it. A table that cannot be set that way in
its column at the smallest table size gets a page of its own at the full
width; one too long for a page continues on the next, header repeated,
its rows shared evenly between the pages.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from tafollow.design import style
from tafollow.layout.fit import box_height, box_width, largest
from tafollow.data.model import Table
from tafollow.layout.plan import Item, Paragraph, Rect, TextBox
from tafollow.layout.plan import Table as TablePlan
from tafollow.languages import Labels

TABLE_GAP = 12.0
"""Between a table and whatever comes after it."""


@dataclass(frozen=True)
class Cells:
    """A table as the texts of its cells: header first, the total row last when there is one."""

    title: str | None
    rows: tuple[tuple[str, ...], ...]
    total: bool
    numeric: tuple[bool, ...]
    alt: str = ""


def cells(table: Table, labels: Labels) -> Cells:
    header = (table.label_header, *(column.name for column in table.columns))
    rows: list[tuple[str, ...]] = [header]
    for row in table.rows:
        values = table.cells(row)
        rows.append((row.label, *("" if values[c.name] is None else labels("number", values[c.name])
                                  for c in table.columns)))
    if table.total is not None:
        totals = table.totals()
        unit = table.total.unit
        rows.append((table.total.label, *(labels("total_cell", totals[c.name], unit) if c.name in totals else ""
                                          for c in table.columns)))
    return Cells(table.title, tuple(rows), table.total is not None, (False, *(True for _ in table.columns)),
                 labels("alt_table", table.title))


def _bold(spec: Cells, row: int) -> bool:
    return row == 0 or (spec.total and row == len(spec.rows) - 1)


def _widths(spec: Cells, size: float) -> tuple[list[float], list[float]]:
    """Per column: the narrowest width that breaks no word and no number, and the width of one line."""
    inset = style.CELL_INSET_X
    narrow, natural = [], []
    for column in range(len(spec.rows[0])):
        least = most = 0.0
        for r, row in enumerate(spec.rows):
            text, bold = row[column], _bold(spec, r)
            whole = box_width(text, size, bold, inset)
            most = max(most, whole)
            # A label or a header may wrap between words; a number or a total never.
            words = text.split() if (r == 0 or column == 0) and not (r and spec.numeric[column]) else [text]
            least = max(least, max((box_width(w, size, bold, inset) for w in words), default=whole))
        narrow.append(least)
        natural.append(max(most, least))
    return narrow, natural


def table_size(spec: Cells, width: float) -> float | None:
    """The largest table size at which every column fits `width` without breaking a word."""
    return largest(style.sizes(style.TABLE), lambda s: sum(_widths(spec, s)[0]) <= width)


def column_widths(spec: Cells, size: float, width: float) -> list[float]:
    """Widths filling `width`: the narrow widths, then the room left to the columns that wrap, then to all."""
    narrow, natural = _widths(spec, size)
    if sum(natural) <= width:
        return [w * width / sum(natural) for w in natural]
    want = [n - w for n, w in zip(natural, narrow)]
    spare = width - sum(narrow)
    if spare <= 0 or not sum(want):  # wider than the page even so: shrink evenly, words may break
        return [w * width / sum(narrow) for w in narrow]
    return [w + spare * d / sum(want) for w, d in zip(narrow, want)]


def row_heights(spec: Cells, size: float, widths: list[float]) -> list[float]:
    inset = style.CELL_INSET_X
    return [max(box_height([Paragraph(cell, size, bold=_bold(spec, r))], widths[c], inset) for c, cell in
                enumerate(row)) + 2 for r, row in enumerate(spec.rows)]


def caption(spec: Cells, x: float, y: float, width: float, size: float) -> TextBox | None:
    """The table's title above it, or None when it has none."""
    if not spec.title:
        return None
    paragraph = Paragraph(spec.title, size, bold=True)
    return TextBox(Rect(x, y, width, box_height([paragraph], width)), (paragraph,), name="Table title",
                   inset_y=style.INSET_Y)


def height(spec: Cells, size: float, width: float) -> float:
    """The whole table on one page, caption included."""
    widths = column_widths(spec, size, width)
    box = caption(spec, 0.0, 0.0, width, size)
    return sum(row_heights(spec, size, widths)) + (box.rect.h if box else 0.0)


def place(specs: list[Cells], x: float, width: float, top: float, bottom: float, next_top: float,
          size: float | None = None) -> list[list[Item]]:
    """The tables stacked from `top`, continuing on pages from `next_top`: items per page, the first page first.

    Rows are shared evenly between the pages a table needs; the header row
    and the caption are repeated on each.
    """
    pages: list[list[Item]] = [[]]
    y = top
    for spec in specs:
        own = size or table_size(spec, width) or style.TABLE.floor
        widths = column_widths(spec, own, width)
        heights = row_heights(spec, own, widths)
        title = caption(spec, x, 0.0, width, own)
        head = heights[0] + (title.rect.h if title else 0.0)
        body = list(range(1, len(spec.rows)))
        if y > next_top and y + head + sum(heights[1:3]) > bottom:
            pages.append([])
            y = next_top  # not even its header and two rows fit here: start on the next page
        chunks = _balanced(body, heights, head, bottom - y, bottom - next_top)
        for index, chunk in enumerate(chunks):
            if index:
                pages.append([])
                y = next_top
            if title is not None:
                pages[-1].append(replace(title, rect=Rect(x, y, width, title.rect.h)))
                y += title.rect.h
            rows = (spec.rows[0], *(spec.rows[r] for r in chunk))
            chunk_heights = (heights[0], *(heights[r] for r in chunk))
            last = spec.total and chunk[-1] == len(spec.rows) - 1
            pages[-1].append(TablePlan(Rect(x, y, width, sum(chunk_heights)), rows, tuple(widths), chunk_heights,
                                       own, bool(last), spec.numeric, style.CELL_INSET_X, style.INSET_Y,
                                       _COLORS, spec.alt))
            y += sum(chunk_heights) + TABLE_GAP
    return pages


_COLORS = (style.TABLE_HEADER_FILL, style.TABLE_HEADER_TEXT, style.TABLE_TOTAL_FILL, style.TABLE_BAND_FILL,
           style.WHITE, style.TABLE_TEXT)


def _balanced(rows: list[int], heights: list[float], head: float, first: float, later: float) -> list[list[int]]:
    """Rows split into chunks under a repeated header: as few chunks as fit, rows shared evenly."""

    def pack(most: int) -> list[list[int]]:
        chunks: list[list[int]] = [[]]
        room = first - head
        for r in rows:
            if chunks[-1] and (heights[r] > room or len(chunks[-1]) >= most):
                chunks.append([])
                room = later - head
            chunks[-1].append(r)
            room -= heights[r]
        return chunks

    chunks = pack(len(rows))
    if len(chunks) > 1:
        even = -(-len(rows) // len(chunks))
        while len(pack(even)) > len(chunks):
            even += 1
        chunks = pack(even)
    return chunks

