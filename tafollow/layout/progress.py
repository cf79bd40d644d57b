"""The progress slide: the phase chart, then the numbered steps and the tables.

The grid: below the chart, steps take the left column and tables the
right one, split where the forecast slide splits its columns. A table that
does not fit its column whole (its words unbroken, its rows on the page)
gets pages of its own after the steps, at the full width; the steps then
take the full width too.
"""

from __future__ import annotations

from tafollow.design import style
from tafollow.layout.chart import chart
from tafollow.layout.fit import Block, Text, flow
from tafollow.data.model import Project
from tafollow.layout.plan import Item, Rect, TextBox
from tafollow.layout.tables import TABLE_GAP, Cells, cells, height, place, table_size
from tafollow.languages import Labels

COLUMN_GAP = 24.0
SPLIT = 0.5
"""The left column's share of the body, on the progress and the forecast slide alike."""
CHART_GAP = 4.0


def columns(body: Rect) -> tuple[Rect, Rect]:
    """The grid's two columns over the whole body height: (left, right)."""
    left_w = round((body.w - COLUMN_GAP) * SPLIT, 1)
    return (Rect(body.x, body.y, left_w, body.h),
            Rect(body.x + left_w + COLUMN_GAP, body.y, body.w - COLUMN_GAP - left_w, body.h))


def step_blocks(project: Project) -> list[Block]:
    """Each step with its details (set smaller, lighter and under the step's text), then the notes."""
    blocks = []
    for number, step in enumerate(project.progress.steps, start=1):
        texts = [Text(step.text, bullet="number", number=number)]
        texts += [Text(detail, rel=-1, color=style.GREY, under=True, before=0.2) for detail in step.details]
        blocks.append(Block(tuple(texts), gap=0.4))
    blocks += [Block((Text(note, bold=True),)) for note in project.progress.notes]
    return blocks


def progress_pages(project: Project, labels: Labels, body: Rect) -> list[list[Item]]:
    """The items of each progress page: chart pages first, steps and tables after them."""
    chart_pages = chart(project.progress, labels, body)
    top = body.y + chart_pages[-1][1] + CHART_GAP
    below = Rect(body.x, top, body.w, body.bottom - top)
    specs = [cells(table, labels) for table in project.tables]
    blocks = step_blocks(project)
    left, right = columns(body)
    beside = _beside(specs, right.w, below.h) if specs and blocks else None
    steps_w = left.w if beside is not None else body.w
    if below.h >= 3 * style.line_pitch(style.BODY.floor) + 2 * style.INSET_Y:
        pages = flow(blocks, (steps_w, below.h), (body.w, body.h), style.BODY)
        first_on = 0
    else:  # a tall chart leaves no room worth using: the steps start on the next slide
        pages = flow(blocks, (body.w, body.h), (body.w, body.h), style.BODY)
        first_on = 1
    step_items: list[list[Item]] = [[] for _ in range(first_on)]
    for index, page in enumerate(pages):
        on_first = index + first_on == 0
        rect = Rect(body.x, top, steps_w, below.h) if on_first else body
        step_items.append([TextBox(rect, tuple(page.paragraphs()), name="Steps", inset_y=style.INSET_Y)]
                          if page.blocks else [])
    # The steps start on the chart's last slide; a chart of many lanes takes the slides before it.
    out = [items for items, _ in chart_pages[:-1]] + [chart_pages[-1][0] + step_items[0]] + step_items[1:]
    if not specs:
        return out
    if beside is not None:
        # Steps and tables side by side read as one text: the table is never the larger.
        if first_on == 0 and pages[0].blocks:
            beside = min(beside, max(pages[0].size, style.TABLE.floor))
        out[len(chart_pages) - 1] += place(specs, right.x, right.w, top, body.bottom, body.y, beside)[0]
        return out
    if not blocks:  # the tables are all there is below the chart: they start right under it
        tables = place(specs, body.x, body.w, top, body.bottom, body.y)
        out[-1] += tables[0]
        return out + tables[1:]
    return out + place(specs, body.x, body.w, body.y, body.bottom, body.y)


def _beside(specs: list[Cells], width: float, room: float) -> float | None:
    """The table size at which every table fits whole in the right column; None when they do not."""
    largest = [table_size(spec, width) for spec in specs]
    for size in style.sizes(style.TABLE):
        if all(found is not None and found >= size for found in largest):
            stacked = sum(height(spec, size, width) for spec in specs) + TABLE_GAP * (len(specs) - 1)
            if stacked <= room:
                return size
    return None
