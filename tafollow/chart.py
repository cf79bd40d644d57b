"""The progress chart as native shapes: lanes of phases on a 0-100 % scale.

Each phase is a chevron coloured by its status, so the chart stays editable
in PowerPoint. Labels are fitted with the same measuring as all other text.
"""

from __future__ import annotations

from .fit import INSET_X, INSET_Y, box_width, line_pitch, lines_of
from .model import Progress, Status
from .plan import Item, Paragraph, Rect, Shape, TextBox
from .text import Labels

COLORS: dict[Status, str] = {"todo": "DEDFE1", "doing": "FFC61E", "done": "009246"}
"""Helsinki palette: Silver, Summer, Tram."""
TEXT_ON: dict[Status, str] = {"todo": "000000", "doing": "000000", "done": "FFFFFF"}
MILESTONE = "0000BF"
LABEL_DESIGN, LABEL_FLOOR = 12.0, 9.0
SMALL = 10.0
LEGEND_H = 16.0
SCALE_H = 14.0
GAP = 6.0
POINT_DEPTH = 14.0
MAX_LINES = 3


def chart(progress: Progress, labels: Labels, area: Rect) -> list[tuple[list[Item], float]]:
    """Shapes for the chart at the top of `area`, page by page, and the height each takes.

    A chart taller than the area (many lanes) goes on as many slides as it
    needs, the legend repeated on each, rather than running off the slide.
    """
    pages: list[tuple[list[Item], float]] = []
    start = area.y + LEGEND_H + GAP
    items: list[Item] = _legend(labels, area)
    y = start

    def room(height: float) -> None:
        nonlocal items, y
        if y + height > area.bottom and y > start:
            pages.append((items, y - area.y))
            items, y = _legend(labels, area), start
    lanes = _lanes(progress, labels)
    name_w = 0.0
    if any(name for name, _ in lanes):
        name_w = 110.0
    x, w = area.x + name_w, area.w - name_w
    size = _label_size([phase for _, phases in lanes for phase in phases], w, lanes)
    for name, phases in lanes:
        height = _lane_height(phases, w / len(phases), size)
        room(height + SCALE_H)
        if name:
            items.append(_label(Rect(area.x, y, name_w - 4, height), name, SMALL, bold=True, anchor="middle"))
        segment = w / len(phases)
        for i, (text, status, extra) in enumerate(phases):
            paragraphs = [Paragraph(text, size, bold=True, color=TEXT_ON[status], align="center")]
            if extra:
                paragraphs.append(Paragraph(extra, size, color=TEXT_ON[status], align="center"))
            items.append(Shape(Rect(x + i * segment, y, segment + (POINT_DEPTH if i < len(phases) - 1 else 0), height),
                               "home_plate" if i == 0 else "chevron", COLORS[status], tuple(paragraphs),
                               name=f"Phase {i + 1}"))
        y += height
        items.append(_label(Rect(x - INSET_X, y, 60, SCALE_H), labels("scale_start"), SMALL))
        items.append(_label(Rect(x + w - 60 + INSET_X, y, 60, SCALE_H), labels("scale_end"), SMALL, align="right"))
        y += SCALE_H + GAP
    if progress.span is not None:
        span = progress.span
        paragraph = Paragraph(span.name, size, bold=True, color=TEXT_ON[span.status], align="center")
        height = _box_height(paragraph, w)
        room(height)
        items.append(Shape(Rect(x, y, w, height), "rounded", COLORS[span.status], (paragraph,), name="Span"))
        y += height + GAP
    for milestone in progress.milestones:
        at = x + w * milestone.at / 100
        diamond = 14.0
        right = milestone.at >= 50
        label_w = max(w * 0.45, 120)
        paragraph = Paragraph(milestone.name, SMALL, bold=True, color=MILESTONE, align="right" if right else "left")
        height = max(16.0, _box_height(paragraph, label_w))
        room(max(height, diamond))
        items.append(Shape(Rect(at - diamond / 2, y, diamond, diamond), "diamond",
                           COLORS[milestone.status] if milestone.status != "todo" else MILESTONE,
                           name="Milestone"))
        label_x = at - diamond / 2 - 4 - label_w if right else at + diamond / 2 + 4
        items.append(TextBox(Rect(label_x, y - 1, label_w, height), (paragraph,), name="Milestone label"))
        y += max(height, diamond) + GAP
    pages.append((items, y - area.y))
    return pages


def _lanes(progress: Progress, labels: Labels) -> list[tuple[str | None, list[tuple[str, Status, str]]]]:
    if not progress.lanes:  # driven by the steps: one numbered segment per step
        return [(None, [(str(i + 1), step.status or "todo", "") for i, step in enumerate(progress.steps)])]
    lanes = []
    for lane in progress.lanes:
        phases = []
        for phase in lane.phases:
            extra = labels("percent", phase.percent) if phase.status == "doing" and phase.percent is not None else ""
            phases.append((phase.name, phase.status, extra))
        lanes.append((lane.name, phases))
    return lanes


def _inner(segment: float) -> float:
    return max(segment - 2 * POINT_DEPTH, 24.0)


def _label_size(phases: list[tuple[str, Status, str]], w: float,
                lanes: list[tuple[str | None, list[tuple[str, Status, str]]]]) -> float:
    size = LABEL_DESIGN
    while size > LABEL_FLOOR:
        if all(
            len(lines_of(Paragraph(text, size, bold=True), _inner(w / len(phases_)))) <= MAX_LINES
            for _, phases_ in lanes for text, _, _ in phases_
        ):
            return size
        size -= 0.5
    return LABEL_FLOOR


def _lane_height(phases: list[tuple[str, Status, str]], segment: float, size: float) -> float:
    lines = max(
        len(lines_of(Paragraph(text, size, bold=True), _inner(segment))) + (1 if extra else 0)
        for text, _, extra in phases
    )
    return max(lines * line_pitch(size) + 2 * INSET_Y + 8, 40.0)


def _box_height(paragraph: Paragraph, width: float) -> float:
    return len(lines_of(paragraph, width)) * line_pitch(paragraph.size) + 2 * INSET_Y + 4


def _legend(labels: Labels, area: Rect) -> list[Item]:
    items: list[Item] = []
    x = area.right
    for status in ("done", "doing", "todo"):
        text = labels(f"status_{status}")
        width = box_width(text, SMALL, bold=True)
        x -= width
        items.append(_label(Rect(x, area.y, width, LEGEND_H), text, SMALL, bold=True))
        x -= 12
        items.append(Shape(Rect(x, area.y + 3, 10, 10), "rect", COLORS[status], name=f"Legend {status}"))
        x -= 10
    return items


def _label(rect: Rect, text: str, size: float, bold: bool = False, align: str = "left",
           anchor: str = "top") -> TextBox:
    return TextBox(rect, (Paragraph(text, size, bold=bold, align=align),), anchor=anchor, name="Label")  # type: ignore[arg-type]
