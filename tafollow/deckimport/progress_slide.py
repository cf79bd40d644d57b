"""The progress slide(s) of a project → `progress:` and `tables:`.

The chart comes from the shapes (phases.py), tables from the slide's
tables (grids.py), and everything else that is text is the numbered steps,
their details and the closing notes: a numbered paragraph (numbered
automatically or by typing "1.") starts a step; an indented, lower-level
or bulleted paragraph under it is a detail; a plain paragraph after the
last step is a note.
"""

from __future__ import annotations

from typing import Any

from tafollow.deckimport.doubts import MISSING, Checks, quote
from tafollow.deckimport.grids import read_table
from tafollow.deckimport.paragraphs import Line, join_pages, lines, list_mark
from tafollow.deckimport.phases import Chart, read_chart
from tafollow.deckimport.pptxread import Box
from tafollow.deckimport.slides import Page

CAPTION_GAP = 12.0
"""A table's caption ends at most this far above the table."""


def read_progress(pages: list[Page], width: float, language: str, checks: Checks
                  ) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """(the `progress:` mapping, the `tables:` list) of a project's progress slides."""
    if not pages:
        return {}, []
    progress: dict[str, Any] = {}
    chart = Chart()
    raw_tables: list[tuple[str | None, tuple[tuple[str, ...], ...], int]] = []
    text_pages: list[list[Line]] = []
    for page in pages:
        number = page.slide.number
        found = read_chart(page.boxes, number, checks)
        chart.lanes += found.lanes
        chart.span = found.span or chart.span
        chart.milestones = found.milestones or chart.milestones
        chart.step_statuses = found.step_statuses or chart.step_statuses
        used = set(found.used)
        for table in sorted((b for b in page.boxes if b.kind == "table"), key=lambda b: (b.y, b.x)):
            caption = _caption(table, page.boxes, used)
            if caption is not None:
                used.add(id(caption))
            _add_table(raw_tables, caption.text if caption else None, table.rows, number, bool(text_pages))
            used.add(id(table))
        rest = [box for box in page.boxes if id(box) not in used and box.kind != "table"]
        text_pages.append(lines(rest, number, width))
    if pages and pages[0].heading and not _standard(pages[0].heading):
        progress["heading"] = pages[0].heading
    if chart.lanes:
        progress["lanes"] = chart.lanes
    if chart.span:
        progress["span"] = chart.span
    if chart.milestones:
        progress["milestones"] = chart.milestones
    steps, notes = _steps(join_pages(text_pages), checks)
    first = pages[0].slide.number if pages else 0
    if chart.step_statuses is not None:
        _give_statuses(steps, chart.step_statuses, first, checks)
    elif not chart.lanes and steps:
        for index, step in enumerate(steps):
            step["status"] = "todo"
        checks.add(first, ("progress", "steps"), "no phase chart found; every step is marked todo")
    if not chart.lanes and not steps:
        checks.add(first, ("progress",), "no phases and no numbered steps found; the notes are written as steps")
        steps = [{"text": note, "status": "todo"} for note in notes] or [{"text": MISSING, "status": "todo"}]
        notes = []
    if steps:
        progress["steps"] = [_short(step) for step in steps]
    if notes:
        progress["notes"] = notes
    tables = []
    for index, (title, rows, number) in enumerate(raw_tables):
        found_table = read_table(rows, title, language, number, checks, ("tables", index))
        if found_table is not None:
            tables.append(found_table)
    return progress, tables


def _standard(heading: str) -> bool:
    from tafollow.deckimport.words import all_words, same_text

    return any(same_text(heading, w.headings["progress"]) for w in all_words())


def _caption(table: Box, boxes: list[Box], used: set[int]) -> Box | None:
    above = [box for box in boxes if box.kind == "text" and id(box) not in used and len(box.paragraphs) == 1
             and table.y - CAPTION_GAP <= box.bottom <= table.y + 2
             and min(box.right, table.right) - max(box.x, table.x) >= 0.5 * box.w]
    return max(above, key=lambda box: box.bottom) if above else None


def _add_table(tables: list[tuple[str | None, tuple[tuple[str, ...], ...], int]], title: str | None,
               rows: tuple[tuple[str, ...], ...], number: int, later_page: bool) -> None:
    """Add a table, or its rows to the table it continues (same header and caption, on the slide before)."""
    if later_page and tables:
        last_title, last_rows, last_number = tables[-1]
        if last_title == title and last_rows and rows and last_rows[0] == rows[0] and last_number < number:
            tables[-1] = (title, last_rows + rows[1:], number)
            return
    tables.append((title, rows, number))


def _steps(found: list[Line], checks: Checks) -> tuple[list[dict[str, Any]], list[str]]:
    numbered = any(list_mark(line.para)[0] == "number" and line.para.level == 0 for line in found)
    starts = "number" if numbered else "bullet"
    steps: list[dict[str, Any]] = []
    notes: list[str] = []
    waiting: list[Line] = []  # plain paragraphs after a step: details if another step follows
    plain_details = False  # whether this deck writes details as plain paragraphs
    for index, line in enumerate(found):
        mark, text = list_mark(line.para)
        if mark == starts and line.para.level == 0:
            if waiting and steps:
                steps[-1]["details"] += [w.text for w in waiting]
                plain_details = True
            waiting = []
            steps.append({"text": text, "details": [], "slide": line.slide})
        elif not steps:
            notes.append(line.text)
            checks.add(line.slide, ("progress", "notes"),
                       f"{quote(line.text)} comes before the numbered steps; kept as a note after them")
        elif line.para.level > 0 or line.para.indent > 0 or mark is not None:
            steps[-1]["details"] += [w.text for w in waiting] + [text if mark == "bullet" else line.text]
            waiting = []
        elif line.para.bold:
            notes.append(line.text)
        else:
            waiting.append(line)
    for line in waiting:
        if plain_details:  # written as the details above it are
            where = ("progress", "steps", len(steps) - 1, "details", len(steps[-1]["details"]))
            steps[-1]["details"].append(line.text)
            checks.add(line.slide, where, f"{quote(line.text)} follows the last step without an indent; "
                                          "read as its detail, as the details above are written")
        else:
            notes.append(line.text)
            checks.add(line.slide, ("progress", "notes"),
                       f"{quote(line.text)} follows the last step without an indent; kept as a note")
    return steps, notes


def _give_statuses(steps: list[dict[str, Any]], statuses: list[str], slide: int, checks: Checks) -> None:
    if len(statuses) != len(steps):
        checks.add(slide, ("progress", "steps"), f"the chart has {len(statuses)} numbered phases but there are "
                                                 f"{len(steps)} steps; statuses given in order, the rest todo")
    for index, step in enumerate(steps):
        step["status"] = statuses[index] if index < len(statuses) else "todo"


def _short(step: dict[str, Any]) -> Any:
    """A step as plain text when it has nothing but its text, as people write them."""
    out = {"text": step["text"]}
    if step.get("status"):
        out["status"] = step["status"]
    if step.get("details"):
        out["details"] = step["details"]
    return out["text"] if len(out) == 1 else out
