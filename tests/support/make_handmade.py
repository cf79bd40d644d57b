"""Make TA-seuranta decks the way people make them by hand in PowerPoint, from a data folder.

The decks `tafollow import` must read are mostly not tafollow's own: last
round's deck was typed in PowerPoint, on whatever template was at hand.
This writes such decks with python-pptx's default template (4:3, Calibri,
Office colours), varying from project to project what people vary:

* placeholders on some slides, loose text boxes on others, shapes added in
  a shuffled order (reading order is by position, never by shape order);
* phases as chevrons, pentagons or rectangles in "almost" palette colours
  (Office green 00B050, gold FFC000, theme greys), some inside a group;
  the percent as "70 %", "70%" at the end of the name, or a second line;
* steps numbered by typing "1. " or by automatic numbering, details as
  indented paragraphs;
* a table with a computed column typed in as numbers, and its total row;
* a traffic light in an off-palette colour, or none (the verdict says it);
* risks as bullets, typed dashes or numbers, the mitigation in the same
  paragraph or the next;
* stray empty text boxes, speaker notes, footers as loose text boxes.

`handmade(round_)` returns the deck's bytes; the data the deck was made
from is the truth an import is scored against (tests/deckimport/test_handmade.py).
Run it on a folder to look at the deck:

    .venv/bin/python tests/support/make_handmade.py data build/handmade.pptx
"""

from __future__ import annotations

import io
import random
import sys
from pathlib import Path
from typing import Any

from lxml import etree
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.dml import MSO_THEME_COLOR
from pptx.enum.shapes import MSO_SHAPE
from pptx.oxml.ns import qn
from pptx.util import Pt

REPO_ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO_ROOT))
from tafollow.data.load import Round, load  # noqa: E402
from tafollow.data.model import Project  # noqa: E402
from tafollow.languages import labels  # noqa: E402

GREENS = ("00B050", "00A050", "1F9D55", "70AD47", "92D050", "009246")
YELLOWS = ("FFC000", "FFCC00", "F0C020", "FFD966", "FFE699")
GREYS = ("D9D9D9", "BFBFBF", "E0E0E0", "D0D0D8")
LIGHT_COLOURS = {"on_track": ("00B050", "3CB44B"), "at_risk": ("FFC000", "FFD700"),
                 "off_track": ("C00000", "E02020"), "achieved": ("4472C4", "2E75B6")}
W, H = 720.0, 540.0
"""The default template's slide, in points."""


def handmade(round_: Round, seed: int = 13, no_light: tuple[int, ...] = (1,)) -> bytes:
    """A hand-made-style deck of `round_`; the projects at `no_light` get no traffic light."""
    prs = Presentation()
    say = labels(round_.report.language)
    _cover(prs, round_, say)
    for index, file in enumerate(round_.projects):
        random_ = random.Random(seed * 100 + index)
        project = file.project
        _title_slide(prs, project, say, index, random_)
        _goal_slide(prs, project, say, index, random_)
        _progress_slide(prs, project, say, index, random_)
        _forecast_slide(prs, project, say, index, random_, light=index not in no_light)
    for number, slide in enumerate(prs.slides, start=1):
        if number > 1:
            _footer(slide, say("date", round_.report.footer_date or round_.report.as_of), round_.report.unit, number)
    out = io.BytesIO()
    prs.save(out)
    return out.getvalue()


# --------------------------------------------------------------------------
# Text helpers


def _box(slide: Any, x: float, y: float, w: float, h: float) -> Any:
    return slide.shapes.add_textbox(Pt(x), Pt(y), Pt(w), Pt(h)).text_frame


def _para(frame: Any, text: str, *, first: bool = False, bold: bool = False, size: float | None = None,
          level: int = 0, bullet: str | None = None) -> Any:
    """Add a paragraph; bullet: None (as the box has it), "none", "char", "number"."""
    p = frame.paragraphs[0] if first else frame.add_paragraph()
    p.text = text
    p.level = level
    if bold or size:
        for run in p.runs:
            run.font.bold = bold or None
            run.font.size = Pt(size) if size else None
    if bullet is not None:
        ppr = p._p.get_or_add_pPr()
        if bullet == "none":
            etree.SubElement(ppr, qn("a:buNone"))
        else:
            ppr.set("marL", str(Pt(18 + 18 * level)))
            ppr.set("indent", str(-Pt(18)))
            if bullet == "char":
                etree.SubElement(ppr, qn("a:buFont"), typeface="Arial")
                etree.SubElement(ppr, qn("a:buChar"), char="•")
            else:
                etree.SubElement(ppr, qn("a:buAutoNum"), type="arabicPeriod")
    return p


def _stray(slide: Any, random_: random.Random) -> None:
    """An empty text box, as left behind by a click on the slide."""
    _box(slide, random_.uniform(50, 600), random_.uniform(100, 450), 100, 30)


def _notes(slide: Any, text: str) -> None:
    slide.notes_slide.notes_text_frame.text = text


def _footer(slide: Any, day: str, unit: str, number: int) -> None:
    for x, w, text in ((36, 150, day), (250, 220, unit), (620, 64, str(number))):
        _para(_box(slide, x, 500, w, 24), text, first=True, size=10)


def _fill(shape: Any, hex_: str | None, theme_grey: bool = False) -> None:
    shape.fill.solid()
    if theme_grey:  # "Background 1, darker 25 %" from the theme colours
        shape.fill.fore_color.theme_color = MSO_THEME_COLOR.BACKGROUND_1
        shape.fill.fore_color.brightness = -0.25
    else:
        shape.fill.fore_color.rgb = RGBColor.from_string(hex_ or "D9D9D9")
    shape.line.fill.background()


# --------------------------------------------------------------------------
# Slides


def _cover(prs: Any, round_: Round, say: Any) -> None:
    slide = prs.slides.add_slide(prs.slide_layouts[0])
    slide.shapes.title.text = round_.report.title
    slide.placeholders[1].text = say("cover_subtitle", round_.report.as_of)


def _title_slide(prs: Any, project: Project, say: Any, index: int, random_: random.Random) -> None:
    updated = say("updated", project.updated) if index % 4 != 3 else f"{say('updated', project.updated).split()[0]} " \
        f"{project.updated.isoformat()}"
    details = [say("owner", project.owner), say("managers", project.managers), updated]
    variant = index % 3
    if variant == 0:  # the Title Slide layout: name in the title, the labels in the subtitle
        slide = prs.slides.add_slide(prs.slide_layouts[0])
        slide.shapes.title.text = project.name
        frame = slide.placeholders[1].text_frame
        for i, text in enumerate(details):
            _para(frame, text, first=i == 0)
    elif variant == 1:  # a blank slide of loose boxes, drawn in any order
        slide = prs.slides.add_slide(prs.slide_layouts[6])
        boxes = [(60, 120, say("kicker"), 20.0, True), (60, 160, project.name, 36.0, True)]
        boxes += [(60, 300 + 40 * i, text, 18.0, False) for i, text in enumerate(details)]
        random_.shuffle(boxes)
        for x, y, text, size, bold in boxes:
            _para(_box(slide, x, y, 600, 36), text, first=True, size=size, bold=bold)
        _stray(slide, random_)
    else:  # Title Only, the labels as lines of one paragraph
        slide = prs.slides.add_slide(prs.slide_layouts[5])
        slide.shapes.title.text = project.name
        _para(_box(slide, 60, 300, 600, 120), "\v".join(details), first=True)
    _notes(slide, f"Esittelijä: {project.owner}. Muistutus: kysy aikataulusta.")


def _goal_slide(prs: Any, project: Project, say: Any, index: int, random_: random.Random) -> None:
    goal = project.goal
    heading = goal.heading or say("goal_heading")
    if index % 2 == 0:  # Title and Content: typing in the placeholder, bullets switched off for plain text
        slide = prs.slides.add_slide(prs.slide_layouts[1])
        slide.shapes.title.text = heading
        frame = slide.placeholders[1].text_frame
        bullet_kind = None
    else:  # a text box under a title; on some slides the title is a loose text box too
        slide = prs.slides.add_slide(prs.slide_layouts[5 if index % 4 != 3 else 6])
        if index % 4 != 3:
            slide.shapes.title.text = heading
        frame = _box(slide, 40, 120, 640, 360)
        frame.word_wrap = True
        if index % 4 == 3:
            _para(_box(slide, 40, 30, 640, 60), heading, first=True, size=36)
        bullet_kind = "char"
    first = True
    if goal.subheading:
        _para(frame, goal.subheading, first=first, bold=True, bullet="none", size=20)
        first = False
    for text in goal.paragraphs:
        _para(frame, text, first=first, bullet="none", size=18)
        first = False
    for text in goal.bullets:
        if bullet_kind and index % 4 == 3:  # bullets typed as characters, as in a plain text box
            _para(frame, f"• {text}", first=first, bullet="none", size=16)
        else:
            _para(frame, text, first=first, bullet=bullet_kind, size=16)
        first = False
    if index % 3 == 1:
        _stray(slide, random_)


def _progress_slide(prs: Any, project: Project, say: Any, index: int, random_: random.Random) -> None:
    progress = project.progress
    slide = prs.slides.add_slide(prs.slide_layouts[5])
    slide.shapes.title.text = progress.heading or say("progress_heading")
    shapes: list[tuple[Any, ...]] = []  # drawn at the end, in a shuffled order
    y = 110.0
    left = 130.0 if any(lane.name for lane in progress.lanes) else 40.0
    width = 680.0 - left
    lanes = [(lane.name, [(p.name, p.status, p.percent) for p in lane.phases]) for lane in progress.lanes]
    if not lanes:
        lanes = [(None, [(str(i + 1), step.status or "todo", None) for i, step in enumerate(progress.steps)])]
    for lane_index, (name, phases) in enumerate(lanes):
        step = width / len(phases)
        grouped = index % 2 == 1 and lane_index == 0
        if name:
            shapes.append(("text", 40, y + 10, left - 50, 30, name))
        for i, (text, status, percent) in enumerate(phases):
            shapes.append(("phase", left + i * step, y, step + 8, 56, text, status, percent, i, grouped))
        y += 72
    if progress.span:
        shapes.append(("span", left, y, width, 30, progress.span.name, progress.span.status))
        y += 40
    for milestone in progress.milestones:
        at = left + width * milestone.at / 100
        shapes.append(("diamond", at - 7, y, 14, 14, milestone.status))
        shapes.append(("text", at - 230 if milestone.at >= 50 else at + 12, y - 4, 210, 22, milestone.name))
        y += 26
    random_.shuffle(shapes)
    group = slide.shapes.add_group_shape() if any(s[0] == "phase" and s[-1] for s in shapes) else None
    for spec in shapes:
        _draw(slide, group, spec, index, random_)
    if group is not None:  # the group made a little narrower by dragging its handle, as people do
        ext = group._element.find(qn("p:grpSpPr")).find(qn("a:xfrm")).find(qn("a:ext"))
        ext.set("cx", str(int(int(ext.get("cx")) * 0.95)))
    steps_w = 330.0 if project.tables else 640.0
    frame = _box(slide, 40, y + 10, steps_w, 480 - y)
    frame.word_wrap = True
    first = True
    for number, step in enumerate(progress.steps, start=1):
        typed = index % 2 == 0
        _para(frame, f"{number}. {step.text}" if typed else step.text, first=first, size=12,
              bullet=None if typed else "number")
        first = False
        for detail in step.details:
            if index == 4:  # details typed as plain paragraphs under their step, no indent
                _para(frame, detail, size=11, bullet="none")
            else:
                _para(frame, detail, size=11, level=1, bullet="none" if typed else "char")
    for note in progress.notes:
        _para(frame, note, bold=True, size=12)
    table_y = y + 10
    for table in project.tables:
        table_y = _table(slide, table, say, 380.0, table_y) + 12


def _draw(slide: Any, group: Any, spec: tuple[Any, ...], index: int, random_: random.Random) -> None:
    kind = spec[0]
    x, y, w, h = spec[1:5]
    if kind == "text":
        _para(_box(slide, x, y, w, h), spec[5], first=True, size=11, bold=True)
        return
    if kind == "diamond":
        shape = slide.shapes.add_shape(MSO_SHAPE.DIAMOND, Pt(x), Pt(y), Pt(w), Pt(h))
        _fill(shape, {"todo": "2F5597", "doing": "FFC000", "done": "00B050"}[spec[5]])
        return
    if kind == "span":
        shape = slide.shapes.add_shape(MSO_SHAPE.ROUNDED_RECTANGLE, Pt(x), Pt(y), Pt(w), Pt(h))
        _fill(shape, _colour(spec[6], random_))
        shape.text_frame.text = spec[5]
        return
    text, status, percent, position, grouped = spec[5:]
    geometry = (MSO_SHAPE.PENTAGON if position == 0 else MSO_SHAPE.CHEVRON) if index % 3 != 2 else MSO_SHAPE.RECTANGLE
    target = group.shapes if grouped and group is not None else slide.shapes
    shape = target.add_shape(geometry, Pt(x), Pt(y), Pt(w - 10), Pt(h))
    _fill(shape, _colour(status, random_), theme_grey=status == "todo" and index % 4 == 1)
    frame = shape.text_frame
    frame.word_wrap = True
    shown = f"{percent:g}" if percent is not None else None
    if shown is None:
        frame.text = text
    elif index % 3 == 0:
        frame.text = text
        _para(frame, f"{shown} %", size=10)
    elif index % 3 == 1:
        frame.text = f"{text} {shown}%"
    else:
        frame.text = f"{text}\v{shown} %"
    for p in frame.paragraphs:
        for run in p.runs:
            run.font.size = Pt(10)


def _colour(status: str, random_: random.Random) -> str:
    return random_.choice({"done": GREENS, "doing": YELLOWS, "todo": GREYS}[status])


def _table(slide: Any, table: Any, say: Any, x: float, y: float) -> float:
    """The table as typed: computed columns typed in as the sums, the total row at the end."""
    if table.title:
        _para(_box(slide, x, y, 300, 20), table.title, first=True, size=11, bold=True)
        y += 22
    rows = [(table.label_header, *(c.name for c in table.columns))]
    for row in table.rows:
        cells = table.cells(row)
        rows.append((row.label, *("" if cells[c.name] is None else _typed(cells[c.name], say) for c in table.columns)))
    if table.total is not None:
        totals = table.totals()
        rows.append((table.total.label, *(say("total_cell", totals[c.name], table.total.unit) if c.name in totals
                                          else "" for c in table.columns)))
    height = 16.0 * len(rows)
    shape = slide.shapes.add_table(len(rows), len(rows[0]), Pt(x), Pt(y), Pt(300), Pt(height))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            cell = shape.table.cell(r, c)
            cell.text = text
            for p in cell.text_frame.paragraphs:
                for run in p.runs:
                    run.font.size = Pt(8)
    return y + height


def _typed(value: float, say: Any) -> str:
    """A number as typed in a cell: thousands apart with a space ("5 210")."""
    return f"{value:,}".replace(",", " ") if isinstance(value, int) and value >= 1000 else say("number", value)


def _forecast_slide(prs: Any, project: Project, say: Any, index: int, random_: random.Random, light: bool) -> None:
    forecast, risks = project.forecast, project.risks
    slide = prs.slides.add_slide(prs.slide_layouts[5])
    slide.shapes.title.text = forecast.heading or say("forecast_heading")
    parts: list[Any] = []
    one_box = index % 5 == 3  # verdict, narrative and risks typed one after another in one box
    if light and index % 4 == 2:  # a traffic signal: three circles, one lit, two grey
        colours = ["D9D9D9", "D9D9D9", random_.choice(LIGHT_COLOURS[forecast.status])]
        random_.shuffle(colours)
        for n, colour in enumerate(colours):
            parts.append(lambda n=n, colour=colour: _fill(
                slide.shapes.add_shape(MSO_SHAPE.OVAL, Pt(40), Pt(124 + 18 * n), Pt(16), Pt(16)), colour))
    elif light:
        parts.append(lambda: _fill(slide.shapes.add_shape(MSO_SHAPE.OVAL, Pt(40), Pt(124), Pt(16), Pt(16)),
                                   random_.choice(LIGHT_COLOURS[forecast.status])))
    shared: list[Any] = []

    def left() -> None:
        frame = _box(slide, 62 if light else 40, 120, 640 if one_box else 300, 360)
        frame.word_wrap = True
        shared.append(frame)
        _para(frame, forecast.sentence or say(f"forecast_{forecast.status}"), first=True, bold=True, size=14)
        for text in forecast.narrative:
            _para(frame, text, size=12)

    def right() -> None:
        frame = shared[0] if one_box else _box(slide, 380, 120, 300, 360)
        frame.word_wrap = True
        _para(frame, risks.heading or say("risks_heading"), first=not one_box, bold=True, size=14)
        for number, risk in enumerate(risks.items, start=1):
            style = "number" if risks.numbered else ("char", "dash")[index % 2]
            text = f"{number}. {risk.risk}" if style == "number" and index % 2 else risk.risk
            text = f"– {text}" if style == "dash" else text
            same = risk.mitigation and index % 2 == 1
            if same:
                text = f"{text} {say('mitigation', risk.mitigation)}"
            kind = "number" if style == "number" and not index % 2 else ("char" if style == "char" else "none")
            _para(frame, text, size=12, bullet=kind)
            if risk.mitigation and not same:
                _para(frame, say("mitigation", risk.mitigation), size=11, level=1, bullet="none")
        if not risks.items:
            _para(frame, say("no_risks"), size=12)

    random_.shuffle(parts)
    for draw in [*parts, left, right] if one_box else random_.sample([*parts, left, right], len(parts) + 2):
        draw()
    _notes(slide, "Puhujalle: ennuste perustuu lokakuun tilanteeseen.")


if __name__ == "__main__":  # pragma: no cover - a look at the deck
    Path(sys.argv[2]).write_bytes(handmade(load(Path(sys.argv[1]))))
