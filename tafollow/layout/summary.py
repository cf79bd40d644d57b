"""The overview slide (`build --summary`): one row per project, right after the cover.

A reader of a 29-slide deck wants the state of the whole round at a
glance: per project its name, owner, forecast as a traffic light, the
share of phases done and each phase as a small cell coloured by status.
Every text is measured and fitted like the rest of the deck; when the rows
do not fit at the smallest readable size, they continue on further
overview slides with the same header row and legend.
"""

from __future__ import annotations

from dataclasses import dataclass

from tafollow.design import style
from tafollow.layout.chart import marked
from tafollow.layout.content import heading
from tafollow.layout.fit import box_height, fitted_box, largest
from tafollow.layout.fit import box_width as _box_width
from tafollow.data.model import ForecastStatus, Project, Round, SlideKind, Status, done_share, phase_statuses
from tafollow.layout.plan import Frames, Item, Paragraph, Rect, Shape, Slide, TextBox
from tafollow.design.style import CELL_INSET_X as INSET_X
from tafollow.design.style import INSET_Y, line_pitch
from tafollow.languages import Labels

DESIGN = style.SUMMARY.design
LEGEND_SIZE = style.SMALL
LIGHT = 14.0
LIGHT_GAP = 6.0
"""Between the light and its text box (whose inset adds to it)."""
CELL_H, CELL_MAX_W, CELL_GAP, LANE_GAP = 14.0, 28.0, 2.0, 8.0
RULE, RULE_H = style.RULE, 0.75
HEADER_RULE_H = 1.5
MARK_MIN_W = 12.0
"""The narrowest phase cell that still shows its status mark."""
PHASES_SHARE = 0.3
"""The phase cells never take more than this share of the width."""
NAME_SHARE = 0.62
"""Of the width left for name and owner, the name's share."""
FORECASTS: tuple[ForecastStatus, ...] = ("on_track", "at_risk", "off_track", "achieved")
STATUSES: tuple[Status, ...] = ("todo", "doing", "done")


@dataclass(frozen=True)
class _Columns:
    name: Rect
    owner: Rect
    forecast: Rect
    progress: Rect
    phases: Rect
    cell_w: float
    cell_gap: float


@dataclass(frozen=True)
class _Row:
    project: Project
    texts: tuple[str, str, str, str]


def summary_slides(round_: Round, labels: Labels, frames: Frames) -> list[Slide]:
    """The overview slide(s): header row, a row per project, legend; split when the rows do not fit."""
    body = frames.body
    rows = [_Row(f.project, (f.project.name, f.project.owner, labels(f"forecast_short_{f.project.forecast.status}"),
                             labels("percent", round(done_share(f.project))))) for f in round_.projects]
    header = (labels("summary_project"), labels("summary_owner"), labels("summary_forecast"),
              labels("summary_progress"), labels("summary_phases"))
    columns = _columns(body, rows, header, labels)
    legend, legend_h = _legend(labels, body)
    room = body.h - legend_h - 6.0
    size = _size(rows, header, columns, room)
    pages = _pages(rows, header, columns, room, size)
    title_text = heading(SlideKind.SUMMARY, None, labels)
    slides = []
    for index, page in enumerate(pages):
        title = title_text if index == 0 else labels("continued", title_text, index + 1, len(pages))
        items: list[Item] = [_title(frames.title, title)]
        y = body.y
        items += _header(header, columns, y, size)
        y += _header_height(header, columns, size) + HEADER_RULE_H
        for row in page:
            items += _row(row, columns, y, size, labels)
            y += _row_height(row, columns, size)
        items += [_shift(item, body.bottom - legend_h) for item in legend]
        slides.append(Slide(SlideKind.SUMMARY, items))
    return slides


def _title(rect: Rect, text: str) -> TextBox:
    return fitted_box(rect, text, style.SLIDE_TITLE, placeholder="Title", name="Title", bold=True)


def box_width(text: str, size: float, bold: bool = False) -> float:
    """The overview is a grid of cells: its texts keep a cell's inset on both sides."""
    return _box_width(text, size, bold, INSET_X)


def _box(rect: Rect, paragraph: Paragraph, anchor: str, name: str) -> TextBox:
    return TextBox(rect, (paragraph,), anchor=anchor, name=name, inset_x=INSET_X, inset_y=INSET_Y)  # type: ignore[arg-type]


def _columns(body: Rect, rows: list[_Row], header: tuple[str, ...], labels: Labels) -> _Columns:
    lights = [labels(f"forecast_short_{status}") for status in FORECASTS]
    forecast_w = LIGHT + LIGHT_GAP + max(box_width(t, DESIGN) for t in lights)
    forecast_w = max(forecast_w, box_width(header[2], DESIGN, bold=True))
    progress_w = max(box_width(labels("percent", 100), DESIGN), box_width(header[3], DESIGN, bold=True))
    lanes = [phase_statuses(row.project) for row in rows] or [[["todo"]]]
    widest = max(_cells_width(lane_set, CELL_MAX_W, CELL_GAP) for lane_set in lanes)
    phases_w = min(max(widest + 2 * INSET_X, box_width(header[4], DESIGN, bold=True)), body.w * PHASES_SHARE)
    cell_w, gap = CELL_MAX_W, CELL_GAP
    inner = phases_w - 2 * INSET_X
    while cell_w > 2 and any(_cells_width(lane_set, cell_w, gap) > inner for lane_set in lanes):
        cell_w -= 0.5
        gap = min(CELL_GAP, cell_w / 4)
    rest = body.w - forecast_w - progress_w - phases_w
    name_w = rest * NAME_SHARE
    x = body.x
    rects = []
    for width in (name_w, rest - name_w, forecast_w, progress_w, phases_w):
        rects.append(Rect(x, 0.0, width, 0.0))
        x += width
    name, owner, forecast, progress, phases = rects
    return _Columns(name, owner, forecast, progress, phases, cell_w=cell_w, cell_gap=gap)


def _cells_width(lanes: list[list[Status]], cell_w: float, gap: float) -> float:
    cells = sum(len(lane) for lane in lanes)
    return cells * cell_w + (cells - len(lanes)) * gap + (len(lanes) - 1) * LANE_GAP


def _text_rects(columns: _Columns) -> tuple[Rect, Rect, Rect, Rect]:
    """Where each row's four texts go; the forecast text sits right of its light."""
    forecast = columns.forecast
    return (columns.name, columns.owner, Rect(forecast.x + LIGHT + LIGHT_GAP, 0, forecast.w - LIGHT - LIGHT_GAP, 0),
            columns.progress)


def _height(text: str, width: float, size: float, bold: bool) -> float:
    return box_height([Paragraph(text, size, bold=bold)], width, INSET_X)


def _header_height(header: tuple[str, ...], columns: _Columns, size: float) -> float:
    widths = (columns.name.w, columns.owner.w, columns.forecast.w, columns.progress.w, columns.phases.w)
    return max(_height(text, width, size, True) for text, width in zip(header, widths))


def _marks(size: float) -> tuple[float, float]:
    """Diameter of the light and height of a phase cell at text size `size`: no taller than a line."""
    pitch = line_pitch(size)
    return min(LIGHT, pitch * 0.9), min(CELL_H, pitch)


def _row_height(row: _Row, columns: _Columns, size: float) -> float:
    heights = [_height(text, rect.w, size, i == 0) for i, (text, rect) in enumerate(zip(row.texts, _text_rects(columns)))]
    return max(*heights, max(_marks(size)) + 2 * INSET_Y)


def _size(rows: list[_Row], header: tuple[str, ...], columns: _Columns, room: float) -> float:
    """The largest size at which every row fits on one slide; the floor when none does."""

    def fits(size: float) -> bool:
        needed = _header_height(header, columns, size) + HEADER_RULE_H
        return needed + sum(_row_height(row, columns, size) for row in rows) <= room

    return largest(style.sizes(style.SUMMARY), fits) or style.SUMMARY.floor


def _pages(rows: list[_Row], header: tuple[str, ...], columns: _Columns, room: float,
           size: float) -> list[list[_Row]]:
    """Rows split between slides, at least one row on each."""
    pages: list[list[_Row]] = [[]]
    free = room - _header_height(header, columns, size) - HEADER_RULE_H
    left = free
    for row in rows:
        height = _row_height(row, columns, size)
        if pages[-1] and height > left:
            pages.append([])
            left = free
        pages[-1].append(row)
        left -= height
    return pages


def _header(header: tuple[str, ...], columns: _Columns, y: float, size: float) -> list[Item]:
    rects = (columns.name, columns.owner, columns.forecast, columns.progress, columns.phases)
    height = _header_height(header, columns, size)
    items: list[Item] = []
    for text, rect, align in zip(header, rects, ("left", "left", "left", "right", "left")):
        paragraph = Paragraph(text, size, bold=True, color=style.ACCENT, align=align)  # type: ignore[arg-type]
        items.append(_box(Rect(rect.x, y, rect.w, height), paragraph, "bottom", "Summary header"))
    first, last = rects[0], rects[-1]
    items.append(Shape(Rect(first.x, y + height, last.right - first.x, HEADER_RULE_H), "rect", style.ACCENT,
                       decorative=True,
                       name="Summary header rule"))
    return items


def _row(row: _Row, columns: _Columns, y: float, size: float, labels: Labels) -> list[Item]:
    height = _row_height(row, columns, size)
    middle = y + height / 2
    items: list[Item] = []
    names = ("Summary project", "Summary owner", "Summary forecast", "Summary progress")
    for i, (text, rect, name) in enumerate(zip(row.texts, _text_rects(columns), names)):
        paragraph = Paragraph(text, size, bold=i == 0, align="right" if i == 3 else "left")
        items.append(_box(Rect(rect.x, y, rect.w, height), paragraph, "middle", name))
    status = row.project.forecast.status
    light, cell_h = _marks(size)
    items.append(Shape(Rect(columns.forecast.x + INSET_X + (LIGHT - light) / 2, middle - light / 2, light, light),
                       "ellipse",
                       style.LIGHTS[status], name=f"Summary light {status}", alt=labels("alt_forecast", status)))
    x = columns.phases.x + INSET_X
    lanes = phase_statuses(row.project)
    for lane_index, lane in enumerate(lanes):
        if lane_index:
            x += LANE_GAP - columns.cell_gap
        for phase_index, phase in enumerate(lane):
            # The cell's mark is a cue besides its colour, where the cell is wide enough to hold it.
            mark = style.STATUS_MARK[phase] if columns.cell_w >= MARK_MIN_W and cell_h >= line_pitch(LEGEND_SIZE) else ""
            marked_cell = ((Paragraph(mark, LEGEND_SIZE, bold=True, color=style.STATUS_TEXT[phase], align="center"),)
                           if mark else ())
            alt = labels("alt_summary_phase", row.project.name, lane_index + 1 if len(lanes) > 1 else None,
                         phase_index + 1, phase)
            items.append(Shape(Rect(x, middle - cell_h / 2, columns.cell_w, cell_h), "rect", style.STATUS_FILL[phase],
                               marked_cell, name=f"Summary phase {lane_index + 1}.{phase_index + 1} {phase}", alt=alt))
            x += columns.cell_w + columns.cell_gap
    left, right = columns.name.x, columns.phases.right
    items.append(Shape(Rect(left, y + height - RULE_H, right - left, RULE_H), "rect", RULE, name="Summary rule",
                       decorative=True))
    return items


def _legend(labels: Labels, body: Rect) -> tuple[list[Item], float]:
    """Legend entries (swatch and name) laid out in lines from the left; items at y = 0, and their height."""
    entries: list[tuple[str, str, str]] = [("ellipse", style.LIGHTS[s], labels(f"forecast_short_{s}"))
                                           for s in FORECASTS]
    entries += [("rect", style.STATUS_FILL[s], marked(labels(f"status_{s}"), s)) for s in STATUSES]
    line_h = line_pitch(LEGEND_SIZE) + 2 * INSET_Y
    swatch = 10.0
    items: list[Item] = []
    x, y = body.x, 0.0
    for index, (kind, fill, text) in enumerate(entries):
        width = swatch + box_width(text, LEGEND_SIZE)
        gap = 18.0 if index == len(FORECASTS) else 6.0
        if x > body.x and x + width > body.right:
            x, y = body.x, y + line_h
        elif x > body.x:
            x += gap
        items.append(Shape(Rect(x, y + (line_h - swatch) / 2, swatch, swatch), kind, fill,  # type: ignore[arg-type]
                           name="Summary legend swatch", decorative=True))
        items.append(_box(Rect(x + swatch, y, width - swatch, line_h), Paragraph(text, LEGEND_SIZE), "middle",
                          "Summary legend"))
        x += width
    return items, y + line_h


def _shift(item: Item, dy: float) -> Item:
    from dataclasses import replace

    return replace(item, rect=Rect(item.rect.x, item.rect.y + dy, item.rect.w, item.rect.h))
