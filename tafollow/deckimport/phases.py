"""The progress chart, read back from its shapes: lanes of phases, a span, milestones.

Phases are the filled shapes with text (chevrons, pentagons, rectangles,
also inside groups), put in rows by where they are, left to right. A
phase's status is its fill's nearest palette colour; its percent is a line
"70 %" or "70%" of its text, or the end of its name. A row of numbered
shapes 1, 2, 3 … is the chart drawn from the steps: its colours are the
steps' statuses. The legend, the scale (0 % … 100 %) and empty marks are
the chart's own and are passed over.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from tafollow.design import style
from tafollow.design.style import STATUS_MARK
from tafollow.deckimport.doubts import Checks, FieldPath, quote
from tafollow.deckimport.palette import PHASES, nearest
from tafollow.deckimport.pptxread import Box
from tafollow.deckimport.words import PERCENT, TRAILING_PERCENT, all_words, percent

MILESTONE_SHAPES = {"diamond", "flowChartDecision"}
NOT_PHASES = MILESTONE_SHAPES | {"ellipse", "flowChartConnector", "donut", "line", "straightConnector1"}
SMALL = 16.0
"""Shapes smaller than this both ways are legend marks; thinner than BAR, progress bars."""
BAR = 8.0
MAX_LABEL = 200
MILESTONE_PALETTE = {"todo": style.MILESTONE, "doing": style.STATUS_FILL["doing"], "done": style.STATUS_FILL["done"]}
SPAN_SHARE = 0.85


@dataclass
class Chart:
    lanes: list[dict[str, Any]] = field(default_factory=list)
    span: dict[str, Any] | None = None
    milestones: list[dict[str, Any]] = field(default_factory=list)
    step_statuses: list[str] | None = None
    """The statuses of a chart drawn from the steps, one per step."""
    used: set[int] = field(default_factory=set)
    """ids of the boxes that belong to the chart."""


_MARKS = tuple(mark for mark in STATUS_MARK.values() if mark)


def unmarked(text: str) -> str:
    """`text` without the status mark tafollow prints before a phase's name (✓ done, → doing)."""
    stripped = text.lstrip()
    for mark in _MARKS:
        if stripped.startswith(mark) and stripped[len(mark):len(mark) + 1] in ("\u00a0", " "):
            return stripped[len(mark) + 1:]
    return text


def chart_words() -> set[str]:
    """The chart's own texts in every language: legend and scale."""
    found: set[str] = set()
    for w in all_words():
        found |= {text.casefold() for text in (*w.legend.values(), *w.scale)}
    return found


def is_chart_label(box: Box) -> bool:
    return box.kind != "table" and " ".join(unmarked(box.text).split()).casefold() in chart_words()


def read_chart(boxes: list[Box], slide: int, checks: Checks, base: FieldPath = ("progress",)) -> Chart:
    chart = Chart()
    for box in boxes:
        if is_chart_label(box) or (box.kind == "figure" and _is_mark(box)):
            chart.used.add(id(box))
    phases = [box for box in boxes if _is_phase(box) and id(box) not in chart.used]
    diamonds = [box for box in boxes if box.kind == "figure" and box.geometry in MILESTONE_SHAPES]
    chart.used |= {id(box) for box in phases + diamonds}
    rows = _rows(phases)
    if not rows:
        return chart
    left = min(box.x for row in rows for box in row)
    right = max(box.right for row in rows for box in row)
    if len(rows) > 1 and len(rows[-1]) == 1 and _is_span(rows[-1][0], left, right):
        span = rows.pop()[0]
        status = _status(span, slide, checks, (*base, "span", "status"))
        chart.span = {"name": _name_and_percent(span)[0], "status": status}
    if len(rows) == 1 and _numbered(rows[0]):
        chart.step_statuses = [_status(box, slide, checks, (*base, "steps", i, "status"))
                               for i, box in enumerate(rows[0])]
    else:
        texts = [box for box in boxes if box.kind == "text" and id(box) not in chart.used]
        for index, row in enumerate(rows):
            chart.lanes.append(_lane(row, index, texts, chart, slide, checks, base))
    chart.milestones = _milestones(diamonds, boxes, chart, left, right, slide, checks, base)
    return chart


def _is_mark(box: Box) -> bool:
    return (box.w < SMALL and box.h < SMALL) or min(box.w, box.h) < BAR or not box.text.strip()


def _is_phase(box: Box) -> bool:
    return (box.kind == "figure" and box.geometry not in NOT_PHASES and bool(box.text.strip())
            and len(box.text) <= MAX_LABEL + 12 and len(box.paragraphs) <= 4)


def _rows(boxes: list[Box]) -> list[list[Box]]:
    """Shapes grouped into rows by vertical overlap, rows top to bottom, each left to right."""
    rows: list[list[Box]] = []
    for box in sorted(boxes, key=lambda b: (b.y, b.x)):
        for row in rows:
            top, bottom = min(b.y for b in row), max(b.bottom for b in row)
            overlap = min(bottom, box.bottom) - max(top, box.y)
            if overlap >= 0.5 * min(box.h, bottom - top):
                row.append(box)
                break
        else:
            rows.append([box])
    return [sorted(row, key=lambda b: b.x) for row in rows]


def _is_span(box: Box, left: float, right: float) -> bool:
    return box.geometry == "roundRect" or box.w >= SPAN_SHARE * (right - left)


def _numbered(row: list[Box]) -> bool:
    return [unmarked(box.text).strip() for box in row] == [str(n) for n in range(1, len(row) + 1)]


def _status(box: Box, slide: int, checks: Checks, path: FieldPath) -> str:
    if box.fill is None:
        checks.add(slide, path, f"the shape {quote(box.text)} has no fill colour; written as todo")
        return "todo"
    found = nearest(box.fill, PHASES)
    if not found.sure:
        checks.add(slide, path, f"the colour #{box.fill} of {quote(box.text)} is not clearly green, yellow or "
                                f"grey; read as {found.key}")
    return found.key


def _name_and_percent(box: Box) -> tuple[str, float | None]:
    """A phase's name (its lines, a percent line taken off) and its percent."""
    lines = [line for p in box.paragraphs for line in p.text.split("\n")]
    kept, value = [], None
    for line in lines:
        found = percent(line) if PERCENT.match(line) else None
        if found is not None and value is None:
            value = found
        elif line.strip():
            kept.append(line)
    name = unmarked("\n".join(kept))
    if value is None:
        trailing = TRAILING_PERCENT.search(name)
        if trailing and trailing.start() > 0:
            value = float(trailing.group(1).replace(",", "."))
            name = name[: trailing.start()]
    return name, value


def _lane(row: list[Box], index: int, texts: list[Box], chart: Chart, slide: int, checks: Checks,
          base: FieldPath) -> dict[str, Any]:
    lane: dict[str, Any] = {}
    top, bottom = min(b.y for b in row), max(b.bottom for b in row)
    names = [box for box in texts if id(box) not in chart.used and box.right <= row[0].x + 4
             and min(bottom, box.bottom) - max(top, box.y) > 0.5 * min(box.h, bottom - top)]
    if names:
        label = max(names, key=lambda box: box.right)
        chart.used.add(id(label))
        lane["name"] = label.text
    phases = []
    for number, box in enumerate(row):
        name, value = _name_and_percent(box)
        path = (*base, "lanes", index, "phases", number)
        phase: dict[str, Any] = {"name": name, "status": _status(box, slide, checks, (*path, "status"))}
        if value is not None:
            phase["percent"] = value
        if value is not None and not 0 <= value <= 100:
            checks.add(slide, (*path, "percent"), f"{value:g} % is outside 0–100")
        phases.append(phase)
    lane["phases"] = phases
    return lane


def _milestones(diamonds: list[Box], boxes: list[Box], chart: Chart, left: float, right: float, slide: int,
                checks: Checks, base: FieldPath) -> list[dict[str, Any]]:
    out = []
    texts = [box for box in boxes if box.kind == "text" and id(box) not in chart.used]
    for index, diamond in enumerate(sorted(diamonds, key=lambda b: (b.y, b.x))):
        near = [box for box in texts if id(box) not in chart.used
                and min(box.bottom, diamond.bottom + 4) - max(box.y, diamond.y - 4) > 0]
        path = (*base, "milestones", index)
        if not near:
            checks.add(slide, path, "a milestone without a name; written as 'VIRSTANPYLVÄS'")
            name = "VIRSTANPYLVÄS"
        else:
            label = min(near, key=lambda box: max(box.x - diamond.right, diamond.x - box.right, 0.0))
            chart.used.add(id(label))
            name = label.text
        centre = diamond.x + diamond.w / 2
        at = round(min(max((centre - left) / (right - left) * 100, 0.0), 100.0)) if right > left else 100
        found = nearest(diamond.fill, MILESTONE_PALETTE) if diamond.fill else None
        milestone: dict[str, Any] = {"name": name, "at": at}
        if found is not None and found.key != "todo":
            milestone["status"] = found.key
        out.append(milestone)
    return out
