"""Model → plan of slides: what goes where, every text fitted to its box.

Four slides per project after the cover, as in the hand-made deck; when
text does not fit at the smallest readable size, the rest continues on a
slide with the same title marked as continued. No python-pptx here: the
frames (where the template's placeholders are) come in as plain rectangles.
"""

from __future__ import annotations

from dataclasses import dataclass

from .chart import chart
from .fit import INSET_X, INSET_Y, Block, best_size, box_width, flow, height_of, line_pitch, lines_of, sized
from .load import ProjectFile, Round
from .model import Project, Table
from .plan import Deck, Footer, Item, Paragraph, Rect, Shape, Slide, TextBox
from .plan import Table as TablePlan
from .text import Labels

ACCENT = "0072C6"  # Coat of Arms blue, for sub-headings
TITLE_DESIGN, TITLE_FLOOR = 28.0, 16.0
BODY_DESIGN, BODY_FLOOR = 22.0, 10.0
TABLE_DESIGN, TABLE_FLOOR = 12.0, 10.0
LIGHTS = {"on_track": "009246", "achieved": "0072C6", "at_risk": "FFC61E", "off_track": "BD2719"}
COLUMN_GAP = 24.0
LANGUAGE_TAGS = {"fi": "fi-FI", "sv": "sv-FI", "en": "en-GB"}


@dataclass(frozen=True)
class Frames:
    """Where the template's placeholders are, in points (read from the template)."""

    cover_title: Rect
    cover_subtitle: Rect
    kicker: Rect
    project_title: Rect
    details: Rect
    title: Rect
    body: Rect


def layout(round_: Round, labels: Labels, frames: Frames, *, summary: bool = False) -> Deck:
    """The whole deck: cover, optional overview, four (or more) slides per project."""
    report = round_.report
    slides = [_cover(report.title, labels("cover_subtitle", report.as_of), frames)]
    if summary:
        from .summary import summary_slides

        slides.extend(summary_slides(round_, labels, frames))
    for file in round_.projects:
        slides.extend(_project(file, labels, frames))
    footer = Footer(labels("date", report.footer_date or report.as_of), report.unit)
    return Deck(slides, footer, report.title, report.unit, LANGUAGE_TAGS.get(labels.language, labels.language))


def _cover(title: str, subtitle: str, frames: Frames) -> Slide:
    return Slide("Cover", [
        _fitted(frames.cover_title, title, "Title", 40.0, 20.0, bold=True, anchor="bottom"),
        _fitted(frames.cover_subtitle, subtitle, "Subtitle", 24.0, 12.0),
    ], footer=False)


def _fitted(rect: Rect, text: str, placeholder: str, design: float, floor: float, bold: bool = False,
            anchor: str = "top", color: str | None = None) -> TextBox:
    """One paragraph at the largest size that fits; below the floor it still keeps every word."""
    block = [Block((Paragraph(text, design, bold=bold, color=color),))]
    size = best_size(block, rect.w, rect.h, design, floor) or floor
    return TextBox(rect, tuple(sized(block, size, design, floor)), placeholder, anchor, placeholder)  # type: ignore[arg-type]


def _project(file: ProjectFile, labels: Labels, frames: Frames) -> list[Slide]:
    project = file.project
    notes = labels("notes", file.path.name, project.updated)
    slides = [_title_slide(project, labels, frames), *_goal(project, labels, frames),
              *_progress(project, labels, frames), *_forecast(project, labels, frames)]
    for slide in slides:
        slide.notes = notes
    return slides


def _title_slide(project: Project, labels: Labels, frames: Frames) -> Slide:
    details = [Block((Paragraph(text, 20.0),), gap=0.3) for text in (
        labels("owner", project.owner), labels("managers", project.managers), labels("updated", project.updated))]
    pages = flow(details, frames.details.w, frames.details.h, frames.details.h, 20.0, BODY_FLOOR)
    title = _fitted(frames.project_title, project.name, "Title", 40.0, 20.0, bold=True, anchor="bottom")
    # The title sits at the bottom of its box; the kicker goes right above its first line, not
    # where the template's box happens to leave it.
    kicker = frames.kicker
    top_of_title = title.rect.bottom - height_of(title.paragraphs, title.rect.w)
    kicker = Rect(kicker.x, max(kicker.y, top_of_title - kicker.h), kicker.w, kicker.h)
    return Slide("Project title", [
        TextBox(kicker, (Paragraph(labels("kicker"), 20.0, bold=True),), "Kicker", anchor="bottom", name="Kicker"),
        title,
        TextBox(frames.details, tuple(p for _, page in pages for p in page), "Details", name="Details"),
    ])


def _content_slides(title: str, pages: list[list[Item]], frames: Frames, labels: Labels) -> list[Slide]:
    slides = []
    for index, items in enumerate(pages):
        heading = title if index == 0 else labels("continued", title)
        slides.append(Slide("Content", [_fitted(frames.title, heading, "Title", TITLE_DESIGN, TITLE_FLOOR, bold=True),
                                        *items]))
    return slides


def _text_pages(rect: Rect, pages: list[tuple[float, list[Paragraph]]], name: str) -> list[list[Item]]:
    return [[TextBox(rect, tuple(paragraphs), None, name=name)] if paragraphs else [] for _, paragraphs in pages]


def _goal(project: Project, labels: Labels, frames: Frames) -> list[Slide]:
    goal = project.goal
    blocks = []
    if goal.subheading:
        blocks.append(Block((Paragraph(goal.subheading, BODY_DESIGN * 1.1, bold=True, color=ACCENT),)))
    blocks += [Block((Paragraph(text, BODY_DESIGN),)) for text in goal.paragraphs]
    blocks += [Block((Paragraph(text, BODY_DESIGN, bullet="•"),), gap=0.4) for text in goal.bullets]
    body = frames.body
    pages = flow(blocks, body.w, body.h, body.h, BODY_DESIGN, BODY_FLOOR)
    return _content_slides(goal.heading or labels("goal_heading"), _text_pages(body, pages, "Goal"), frames, labels)


def _progress(project: Project, labels: Labels, frames: Frames) -> list[Slide]:
    progress = project.progress
    body = frames.body
    chart_pages = chart(progress, labels, body)
    top = body.y + chart_pages[-1][1] + 4
    tables = [_table_rows(table, labels) for table in project.tables]
    table_w = min(max((_natural_width(rows) for rows in tables), default=0.0), body.w * 0.5)
    text_w = body.w - (table_w + COLUMN_GAP if tables else 0.0)
    blocks = []
    for number, step in enumerate(progress.steps, start=1):
        paragraphs = [Paragraph(step.text, 16.0, bullet="number", number=number)]
        paragraphs += [Paragraph(detail, 16.0, indent=1.3 * 16.0, space_before=3.0) for detail in step.details]
        blocks.append(Block(tuple(paragraphs), gap=0.4))
    blocks += [Block((Paragraph(note, 16.0, bold=True),)) for note in progress.notes]
    first = Rect(body.x, top, text_w, body.bottom - top)
    # Continuation slides carry the table only when it did not fit on the first.
    table_continues = any(offset for spec in tables
                          for offset, _ in _table_pages(spec, 0, table_w, top, body.bottom, body.y))
    later_w = text_w if table_continues else body.w
    later = Rect(body.x, body.y, later_w, body.h)
    if first.h >= 3 * line_pitch(BODY_FLOOR) + 2 * INSET_Y:
        text_pages = flow(blocks, text_w, first.h, later.h, 16.0, BODY_FLOOR, next_width=later_w)
    else:  # a tall chart leaves no room worth using: the steps start on the next slide
        text_pages = [(16.0, []), *flow(blocks, later_w, later.h, later.h, 16.0, BODY_FLOOR)]
    pages: list[list[Item]] = []
    for index, (_, paragraphs) in enumerate(text_pages):
        rect = first if index == 0 else later
        pages.append([TextBox(rect, tuple(paragraphs), name="Steps")] if paragraphs else [])
    # The steps start on the chart's last slide; a chart of many lanes takes the slides before it.
    pages = [items for items, _ in chart_pages[:-1]] + [chart_pages[-1][0] + pages[0]] + pages[1:]
    table_x = body.right - table_w
    page, y = len(chart_pages) - 1, top
    for table, spec in zip(project.tables, tables):
        if table.title:
            caption = Paragraph(table.title, TABLE_DESIGN, bold=True)
            height = len(lines_of(caption, table_w)) * line_pitch(TABLE_DESIGN) + 2 * INSET_Y
            if y + height + 2 * line_pitch(TABLE_DESIGN) > body.bottom and y != body.y:
                page, y = page + 1, body.y  # the caption goes with its table
            while len(pages) <= page:
                pages.append([])
            pages[page].append(TextBox(Rect(table_x, y, table_w, height), (caption,), name="Table title"))
            y += height
        for offset, plan in _table_pages(spec, table_x, table_w, y, body.bottom, body.y):
            page += offset
            while len(pages) <= page:
                pages.append([])
            pages[page].append(plan)
            y = plan.rect.bottom + 12
    return _content_slides(progress.heading or labels("progress_heading"), pages, frames, labels)


def _table_rows(table: Table, labels: Labels) -> tuple[list[tuple[str, ...]], bool, tuple[bool, ...]]:
    header = (table.label_header, *(column.name for column in table.columns))
    rows: list[tuple[str, ...]] = [header]
    for row in table.rows:
        cells = table.cells(row)
        rows.append((row.label, *("" if cells[c.name] is None else labels("number", cells[c.name]) for c in table.columns)))
    if table.total is not None:
        totals = table.totals()
        unit = table.total.unit
        rows.append((table.total.label, *(labels("total_cell", totals[c.name], unit) if c.name in totals else ""
                                          for c in table.columns)))
    numeric = (False, *(True for _ in table.columns))
    return rows, table.total is not None, numeric


def _natural_width(spec: tuple[list[tuple[str, ...]], bool, tuple[bool, ...]]) -> float:
    rows = spec[0]
    return sum(_column_width(rows, c, TABLE_DESIGN) for c in range(len(rows[0])))


def _column_width(rows: list[tuple[str, ...]], column: int, size: float) -> float:
    """Wide enough for the longest word of the column and every body cell on one line."""
    widest = 0.0
    for r, row in enumerate(rows):
        words = row[column].split() if r == 0 else [row[column]]
        for word in words:
            widest = max(widest, box_width(word, size, bold=r == 0))
    return widest


def _table_pages(spec: tuple[list[tuple[str, ...]], bool, tuple[bool, ...]], x: float, width: float,
                 top: float, bottom: float, next_top: float) -> list[tuple[int, TablePlan]]:
    """The table split between rows, header repeated: (pages to advance, chunk) pairs."""
    rows, total, numeric = spec
    size = TABLE_DESIGN
    while size > TABLE_FLOOR and sum(_column_width(rows, c, size) for c in range(len(rows[0]))) > width:
        size -= 0.5
    widths = [_column_width(rows, c, size) for c in range(len(rows[0]))]
    scale = width / sum(widths)
    widths = [w * scale for w in widths]
    heights = [max(len(lines_of(Paragraph(cell, size, bold=r == 0 or (total and r == len(rows) - 1)), widths[c]))
                   for c, cell in enumerate(row)) * line_pitch(size) + 2 * INSET_Y + 2
               for r, row in enumerate(rows)]
    plans: list[tuple[int, TablePlan]] = []
    start, y, offset = 1, top, 0
    while start < len(rows):
        room = bottom - y - heights[0]
        end = start
        while end < len(rows) and room >= heights[end]:
            room -= heights[end]
            end += 1
        if end == start and y != next_top:  # not even one row fits here: start on the next page
            y, offset = next_top, offset + 1
            continue
        end = max(end, start + 1)
        chunk = [rows[0], *rows[start:end]]
        chunk_heights = [heights[0], *heights[start:end]]
        plans.append((offset, TablePlan(Rect(x, y, width, sum(chunk_heights)), tuple(chunk), tuple(widths),
                                        tuple(chunk_heights), size, total and end == len(rows), numeric)))
        start, y, offset = end, next_top, 1
    return plans


def _forecast(project: Project, labels: Labels, frames: Frames) -> list[Slide]:
    forecast, risks = project.forecast, project.risks
    body = frames.body
    left_blocks = [Block((Paragraph(forecast.sentence or labels(f"forecast_{forecast.status}"), 16.0, bold=True,
                                    indent=22.0),))]
    left_blocks += [Block((Paragraph(text, 16.0),), gap=0.5) for text in forecast.narrative]
    right_blocks = [Block((Paragraph(risks.heading or labels("risks_heading"), 16.0, bold=True, color=ACCENT),))]
    for number, risk in enumerate(risks.items, start=1):
        paragraphs = [Paragraph(risk.risk, 16.0, bullet="number" if risks.numbered else "•", number=number)]
        if risk.mitigation:
            paragraphs.append(Paragraph(labels("mitigation", risk.mitigation), 16.0, color=ACCENT,
                                        indent=1.3 * 16.0, space_before=3.0))
        right_blocks.append(Block(tuple(paragraphs), gap=0.5))
    left_chars = sum(len(p.text) for b in left_blocks for p in b.paragraphs)
    right_chars = sum(len(p.text) for b in right_blocks for p in b.paragraphs)
    share = min(max(left_chars / max(left_chars + right_chars, 1), 0.45), 0.62)
    left_w = (body.w - COLUMN_GAP) * share
    right_w = body.w - COLUMN_GAP - left_w
    left = Rect(body.x, body.y, left_w, body.h)
    right = Rect(body.x + left_w + COLUMN_GAP, body.y, right_w, body.h)
    # Both columns at one size, so the slide reads as one text.
    sizes = [best_size(blocks, rect.w, rect.h, 16.0, BODY_FLOOR) for blocks, rect in
             ((left_blocks, left), (right_blocks, right))]
    common = min(size or BODY_FLOOR for size in sizes)
    left_pages = flow(left_blocks, left.w, left.h, left.h, 16.0, BODY_FLOOR, common)
    right_pages = flow(right_blocks, right.w, right.h, right.h, 16.0, BODY_FLOOR, common)
    pages: list[list[Item]] = []
    for index in range(max(len(left_pages), len(right_pages))):
        items: list[Item] = []
        if index < len(left_pages) and left_pages[index][1]:
            items.append(TextBox(left, tuple(left_pages[index][1]), name="Forecast"))
        if index < len(right_pages) and right_pages[index][1]:
            items.append(TextBox(right, tuple(right_pages[index][1]), name="Risks"))
        pages.append(items)
    size = left_pages[0][1][0].size
    diameter = min(line_pitch(size) * 0.9, 16.0)
    light_y = left.y + INSET_Y + (line_pitch(size) - diameter) / 2
    pages[0].insert(0, Shape(Rect(left.x + INSET_X, light_y, diameter, diameter), "ellipse",
                             LIGHTS[forecast.status], name=f"Forecast {forecast.status}"))
    return _content_slides(forecast.heading or labels("forecast_heading"), pages, frames, labels)
