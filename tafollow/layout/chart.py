"""The progress chart as native shapes: lanes of phases on a 0-100 % scale.

Each phase is a chevron coloured by its status, so the chart stays editable
in PowerPoint. Neighbouring chevrons keep a gap, so that three done phases
read as three, and a doing phase with a percent shows it as a bar filled
that far. Labels are fitted with the same measuring as all other text.
"""

from __future__ import annotations

from dataclasses import dataclass

from tafollow.design import style
from tafollow.layout.fit import box_height, box_width, keeps_words, largest, lines_of
from tafollow.data.model import Milestone, Progress, Status
from tafollow.layout.plan import Item, Paragraph, Rect, Shape, TextBox
from tafollow.languages import Labels

LEGEND_H = 16.0
SCALE_H = 14.0
GAP = 6.0
POINT_DEPTH = 14.0
PHASE_GAP = 4.0
"""Horizontal gap between neighbouring chevrons."""
BAR_H, BAR_MARGIN = 4.0, 5.0
"""A doing phase's progress bar: its height and its distance from the chevron's bottom edge."""
MAX_LINES = 3
LANE_NAME_W = 110.0
MIN_LANE_H = 40.0
DIAMOND = 14.0

@dataclass(frozen=True)
class PhaseSpec:
    """A phase as drawn: its label (status mark first), status, second line (its percent),
    the share done (doing phases with a percent) and its alternative text."""

    text: str
    status: Status
    extra: str
    done: float | None
    alt: str


def marked(text: str, status: Status) -> str:
    """`text` after the status's mark, held to its first word by a no-break space."""
    mark = style.STATUS_MARK[status]
    return f"{mark}\u00a0{text}" if mark else text


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
    name_w = LANE_NAME_W if any(name for name, _ in lanes) else 0.0
    x, w = area.x + name_w, area.w - name_w
    size = _label_size(lanes, w)
    for name, phases in lanes:
        segment = w / len(phases)
        height = _lane_height(phases, segment, size)
        room(height + SCALE_H)
        if name:
            items.append(_label(Rect(area.x, y, name_w - 4, height), name, style.SMALL, bold=True, anchor="middle"))
        for i, phase in enumerate(phases):
            items += _phase(phase, i, len(phases), Rect(x + i * segment, y, segment, height), size)
        y += height
        items.append(_label(Rect(x, y, 60, SCALE_H), labels("scale_start"), style.SMALL))
        items.append(_label(Rect(x + w - 60, y, 60, SCALE_H), labels("scale_end"), style.SMALL, align="right"))
        y += SCALE_H + GAP
    if progress.span is not None:
        span = progress.span
        paragraph = Paragraph(marked(span.name, span.status), size, bold=True, color=style.STATUS_TEXT[span.status],
                              align="center")
        height = box_height([paragraph], w, style.CELL_INSET_X) + 4
        room(height)
        items.append(Shape(Rect(x, y, w, height), "rounded", style.STATUS_FILL[span.status], (paragraph,),
                           name="Span", inset_x=style.CELL_INSET_X, inset_y=style.INSET_Y,
                           alt=labels("alt_span", span.name, span.status)))
        y += height + GAP
    if progress.milestones:
        for row in _milestone_rows(progress, x, w):
            height = max(max(h for _, _, h in row), DIAMOND)
            room(height)
            for milestone, label_x, label_h in row:
                at = x + w * milestone.at / 100
                fill = style.STATUS_FILL[milestone.status] if milestone.status != "todo" else style.MILESTONE
                alt = labels("alt_milestone", milestone.name, labels("percent", milestone.at), milestone.status)
                items.append(Shape(Rect(at - DIAMOND / 2, y, DIAMOND, DIAMOND), "diamond", fill, name="Milestone",
                                   alt=alt))
                paragraph = Paragraph(milestone.name, style.SMALL, bold=True, color=style.MILESTONE,
                                      align="right" if milestone.at >= 50 else "left")
                label_w = _milestone_width(milestone.name, w)
                items.append(TextBox(Rect(label_x, y - 1, label_w, label_h), (paragraph,), name="Milestone label",
                                     inset_y=style.INSET_Y))
            y += height + GAP
    pages.append((items, y - area.y))
    return pages


def _milestone_width(name: str, w: float) -> float:
    return min(box_width(name, style.SMALL, bold=True), max(w * 0.45, 120.0))


def _milestone_rows(progress: Progress, x: float, w: float) -> list[list[tuple[Milestone, float, float]]]:
    """Milestones in rows, a row sharing what does not collide: (milestone, label x, label height) each.

    A label reads away from the nearer end of the scale: left of its
    diamond past the middle, right of it before.
    """
    rows: list[list[tuple[Milestone, float, float]]] = []
    spans: list[list[tuple[float, float]]] = []
    for milestone in progress.milestones:
        at = x + w * milestone.at / 100
        label_w = _milestone_width(milestone.name, w)
        label_h = max(16.0, box_height([Paragraph(milestone.name, style.SMALL, bold=True)], label_w) + 4)
        right = milestone.at >= 50
        label_x = at - DIAMOND / 2 - 4 - label_w if right else at + DIAMOND / 2 + 4
        span = (min(label_x, at - DIAMOND / 2) - 6, max(label_x + label_w, at + DIAMOND / 2) + 6)
        for index, taken in enumerate(spans):
            if all(span[1] <= a or span[0] >= b for a, b in taken):
                rows[index].append((milestone, label_x, label_h))
                taken.append(span)
                break
        else:
            rows.append([(milestone, label_x, label_h)])
            spans.append([span])
    return rows


def _phase(phase: PhaseSpec, index: int, count: int, cell: Rect, size: float) -> list[Item]:
    """A chevron filling `cell` (its point reaching into the next cell), and its progress bar."""
    text, status, extra, done = phase.text, phase.status, phase.extra, phase.done
    color = style.STATUS_TEXT[status]
    paragraphs = [Paragraph(text, size, bold=True, color=color, align="center")]
    if extra:
        paragraphs.append(Paragraph(extra, size, color=color, align="center"))
    rect = Rect(cell.x, cell.y, _width(index, count, cell.w), cell.h)
    items: list[Item] = [Shape(rect, "home_plate" if index == 0 else "chevron", style.STATUS_FILL[status],
                               tuple(paragraphs), name=f"Phase {index + 1}", adjust=POINT_DEPTH / min(rect.w, rect.h),
                               inset_x=style.CELL_INSET_X, inset_y=style.INSET_Y, alt=phase.alt)]
    if done is not None:
        left = cell.x + (POINT_DEPTH if index else 0.0) + 4
        track = max(cell.x + cell.w - PHASE_GAP - 4 - left, 4.0)
        y = cell.bottom - BAR_MARGIN - BAR_H
        # The bar repeats the percent printed above it: decorative for a screen reader.
        items.append(Shape(Rect(left, y, track, BAR_H), "rect", style.PROGRESS_TRACK, name=f"Phase {index + 1} track",
                           decorative=True))
        if done > 0:
            items.append(Shape(Rect(left, y, track * min(done, 100.0) / 100, BAR_H), "rect", style.STATUS_FILL["done"],
                               name=f"Phase {index + 1} done {done:g}%", decorative=True))
    return items


def _lanes(progress: Progress, labels: Labels) -> list[tuple[str | None, list[PhaseSpec]]]:
    if not progress.lanes:  # driven by the steps: one numbered segment per step
        count = len(progress.steps)
        return [(None, [PhaseSpec(marked(str(i + 1), step.status or "todo"), step.status or "todo", "", None,
                                  labels("alt_phase", i + 1, count, step.text, step.status or "todo", None))
                        for i, step in enumerate(progress.steps)])]
    lanes = []
    for lane in progress.lanes:
        phases: list[PhaseSpec] = []
        for number, phase in enumerate(lane.phases, start=1):
            shown = phase.status == "doing" and phase.percent is not None
            percent = labels("percent", phase.percent) if shown else None
            name = f"{lane.name}: {phase.name}" if lane.name else phase.name
            phases.append(PhaseSpec(marked(phase.name, phase.status), phase.status, percent or "",
                                    float(phase.percent) if shown and phase.percent is not None else None,
                                    labels("alt_phase", number, len(lane.phases), name, phase.status, percent)))
        lanes.append((lane.name, phases))
    return lanes


def _width(index: int, count: int, segment: float) -> float:
    """The width of phase `index`'s chevron: its segment, plus the point reaching into the next one."""
    return segment + (POINT_DEPTH - PHASE_GAP if index < count - 1 else 0.0)


def _text_box(index: int, count: int, segment: float) -> float:
    """The width of the chevron's text area: the preset keeps text between notch and point."""
    width = _width(index, count, segment)
    return max(width - (POINT_DEPTH / 2 if index == 0 else 2 * POINT_DEPTH), 24.0)


def _label_lines(text: str, size: float, index: int, count: int, segment: float) -> tuple[str, ...]:
    return lines_of(Paragraph(text, size, bold=True), _text_box(index, count, segment), style.CELL_INSET_X)


def _label_size(lanes: list[tuple[str | None, list[PhaseSpec]]], w: float) -> float:
    """The largest label size at which every label takes at most MAX_LINES lines and keeps its words whole."""

    def fits(size: float, whole: bool) -> bool:
        for _, phases in lanes:
            segment = w / len(phases)
            for index, phase in enumerate(phases):
                paragraph = Paragraph(phase.text, size, bold=True)
                box = _text_box(index, len(phases), segment)
                if len(lines_of(paragraph, box, style.CELL_INSET_X)) > MAX_LINES:
                    return False
                if whole and not keeps_words(paragraph, box, style.CELL_INSET_X):
                    return False
        return True

    sizes = style.sizes(style.CHART_LABEL)
    return (largest(sizes, lambda s: fits(s, True)) or largest(sizes, lambda s: fits(s, False))
            or style.CHART_LABEL.floor)


def _lane_height(phases: list[PhaseSpec], segment: float, size: float) -> float:
    lines = max(len(_label_lines(phase.text, size, i, len(phases), segment)) + (1 if phase.extra else 0)
                for i, phase in enumerate(phases))
    bars = any(phase.done is not None for phase in phases)
    # With a bar at the bottom, the centred label keeps clear of it.
    extra_room = 2 * (BAR_H + BAR_MARGIN) if bars else 8.0
    return max(lines * style.line_pitch(size) + 2 * style.INSET_Y + extra_room, MIN_LANE_H)


def _legend(labels: Labels, area: Rect) -> list[Item]:
    items: list[Item] = []
    x = area.right
    for status in ("done", "doing", "todo"):
        text = marked(labels(f"status_{status}"), status)
        width = box_width(text, style.SMALL, bold=True)
        x -= width
        items.append(_label(Rect(x, area.y, width, LEGEND_H), text, style.SMALL, bold=True))
        x -= 14
        items.append(Shape(Rect(x, area.y + 3, 10, 10), "rect", style.STATUS_FILL[status], name=f"Legend {status}",
                           decorative=True))
        x -= 10
    return items


def _label(rect: Rect, text: str, size: float, bold: bool = False, align: str = "left",
           anchor: str = "top") -> TextBox:
    return TextBox(rect, (Paragraph(text, size, bold=bold, align=align),), anchor=anchor,  # type: ignore[arg-type]
                   name="Label", inset_y=style.INSET_Y)
