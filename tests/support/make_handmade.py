"""Make TA-seuranta decks the way people make them by hand in PowerPoint, from a data folder.

The decks `tafollow import` must read are mostly not tafollow's own: last
round's deck was typed in PowerPoint, on whatever template was at hand.
This writes such decks with python-pptx's default template (4:3, Calibri,
Office colours). Each project draws every way of typing on its own, with
its own random choice (`Choices`), so that any combination turns up:

* title slide: the Title Slide layout, loose boxes, or Title Only with the
  labels as lines of one paragraph;
* the kicker ("TA-seuranta"): a box of its own, or in the title box with the
  name, after a line break, a paragraph break, a dash or a space;
* label separators (":", ",", " – ", a tab, a space, a line break) and case;
* footer (per deck): three boxes, one box with spaces or a tab, the slide
  number alone, or none;
* verdict: its own bold line, a bold coloured heading of its own, or a bold
  lead run into the narrative; the status told by a traffic light (one
  circle or a signal of three), the verdict's colour, both, or neither;
* legend as coloured squares with words, typed as text, or none;
* bullets from the placeholder, drawn by a box's paragraph, or typed;
* phases as chevrons, pentagons, rectangles or rounded rectangles in
  "almost" palette colours (Office green 00B050, gold FFC000, theme greys);
  the percent as "70 %", "70%" at the end of the name, or a second line;
* tables with or without a header row style and banding, a computed
  column typed in as numbers, and its total row;
* phases loose, in a group, or in a group inside a group;
* steps numbered by typing "1. " or automatically, details indented;
* risks as bullets, typed dashes or numbers, the mitigation in the same
  paragraph or the next; stray empty text boxes; speaker notes.

`handmade(round_, seed)` returns the deck's bytes; the data the deck was
made from is the truth an import is scored against
(tests/deckimport/test_handmade.py). Run it on a folder to look at the deck:

    .venv/bin/python tests/support/make_handmade.py data build/handmade.pptx [SEED]
"""

from __future__ import annotations

import io
import random
import sys
from dataclasses import dataclass
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
from tafollow.data.load import load  # noqa: E402
from tafollow.data.model import Round  # noqa: E402
from tafollow.data.model import Project  # noqa: E402
from tafollow.languages import labels  # noqa: E402

GREENS = ("00B050", "00A050", "1F9D55", "70AD47", "92D050", "009246")
YELLOWS = ("FFC000", "FFCC00", "F0C020", "FFD966", "FFE699")
GREYS = ("D9D9D9", "BFBFBF", "E0E0E0", "D0D0D8")
LIGHT_COLOURS = {"on_track": ("00B050", "3CB44B"), "at_risk": ("FFC000", "FFD700"),
                 "off_track": ("C00000", "E02020"), "achieved": ("4472C4", "2E75B6")}
W, H = 720.0, 540.0
"""The default template's slide, in points."""


@dataclass(frozen=True)
class Choices:
    """How one project is typed: each drawn on its own."""

    title_layout: str  # "title-slide", "loose", "title-only"
    kicker: str  # "box", "vt", "paragraph", "dash", "space"
    separator: str  # between a label and its value
    upper: bool  # labels in capitals
    verdict: str  # "line", "heading", "run-in"
    light: str  # "light", "signal", "none"
    coloured: bool  # the verdict in its status colour
    legend: str  # "shapes", "text", "none"
    bullets: str  # "placeholder", "drawn", "typed"
    phase_shape: MSO_SHAPE
    percent: str  # "line", "end", "break"
    table_header: bool
    nesting: str  # "none", "group", "nested"
    typed_steps: bool
    risk_mark: str  # "number", "char", "dash"
    mitigation_same: bool
    stray: bool


SEPARATORS = (": ", ", ", " – ", "\t", " ", "\v")
FOOTERS = ("three", "spaces", "tab", "number", "none")


def draw(random_: random.Random, sentence: bool, light: bool) -> Choices:
    """One project's choices; `light` False: no traffic light. A verdict in the project's own words
    (`sentence`) gets a light or a colour, since only they tell its status then."""
    lit = random_.choice(("light", "light", "signal", "none")) if light else "none"
    return Choices(
        title_layout=random_.choice(("title-slide", "loose", "title-only")),
        kicker=random_.choice(("box", "vt", "paragraph", "dash", "space")),
        separator=random_.choice(SEPARATORS),
        upper=random_.random() < 0.2,
        verdict=random_.choice(("line", "heading", "run-in")),
        light=lit,
        coloured=random_.random() < 0.5 or (sentence and lit == "none"),
        legend=random_.choice(("shapes", "text", "none")),
        bullets=random_.choice(("placeholder", "drawn", "typed")),
        phase_shape=random_.choice((MSO_SHAPE.CHEVRON, MSO_SHAPE.PENTAGON, MSO_SHAPE.RECTANGLE,
                                    MSO_SHAPE.ROUNDED_RECTANGLE)),
        percent=random_.choice(("line", "end", "break")),
        table_header=random_.random() < 0.5,
        nesting=random_.choice(("none", "group", "nested")),
        typed_steps=random_.random() < 0.5,
        risk_mark=random_.choice(("number", "char", "dash")),
        mitigation_same=random_.random() < 0.5,
        stray=random_.random() < 0.4,
    )


def handmade(round_: Round, seed: int = 13, no_light: tuple[int, ...] = (1,)) -> bytes:
    """A hand-made-style deck of `round_`; the projects at `no_light` get no traffic light."""
    prs = Presentation()
    say = labels(round_.report.language)
    deck_random = random.Random(seed)
    footer = deck_random.choice(FOOTERS)
    _cover(prs, round_, say)
    for index, file in enumerate(round_.projects):
        random_ = random.Random(seed * 100 + index)
        project = file.project
        choices = draw(random_, project.forecast.sentence is not None, index not in no_light)
        _title_slide(prs, project, say, choices, random_)
        _goal_slide(prs, project, say, choices, random_)
        _progress_slide(prs, project, say, choices, random_)
        _forecast_slide(prs, project, say, choices, random_)
    for number, slide in enumerate(prs.slides, start=1):
        if number > 1:
            _footer(slide, say("date", round_.report.footer_date or round_.report.as_of), round_.report.unit, number,
                    footer)
    out = io.BytesIO()
    prs.save(out)
    return out.getvalue()


# --------------------------------------------------------------------------
# Text helpers


def _box(slide: Any, x: float, y: float, w: float, h: float) -> Any:
    return slide.shapes.add_textbox(Pt(x), Pt(y), Pt(w), Pt(h)).text_frame


def _para(frame: Any, text: str, *, first: bool = False, bold: bool = False, size: float | None = None,
          level: int = 0, bullet: str | None = None, colour: str | None = None) -> Any:
    """Add a paragraph; bullet: None (as the box has it), "none", "char", "number"."""
    p = frame.paragraphs[0] if first else frame.add_paragraph()
    p.text = text
    p.level = level
    if bold or size or colour:
        for run in p.runs:
            run.font.bold = bold or None
            run.font.size = Pt(size) if size else None
            if colour:
                run.font.color.rgb = RGBColor.from_string(colour)
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


def _footer(slide: Any, day: str, unit: str, number: int, form: str) -> None:
    if form == "three":
        for x, w, text in ((36, 150, day), (250, 220, unit), (620, 64, str(number))):
            _para(_box(slide, x, 500, w, 24), text, first=True, size=10)
    elif form in ("spaces", "tab"):
        gap = "   " if form == "spaces" else "\t"
        _para(_box(slide, 36, 500, 648, 24), f"{day}{gap}{unit}{gap}{number}", first=True, size=10)
    elif form == "number":
        _para(_box(slide, 620, 500, 64, 24), str(number), first=True, size=10)


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


def _labelled(say: Any, macro: str, value: Any, choices: Choices) -> str:
    """A label line typed with the project's separator and case: "OMISTAJA – Sanna Heikkinen"."""
    rendered = say(macro, value)
    shown = say("date", value) if macro == "updated" else say("names", value) if macro == "managers" else value
    word = rendered[: rendered.rindex(shown)].rstrip().rstrip(":")
    return f"{word.upper() if choices.upper else word}{choices.separator}{shown}"


KICKER_JOINS = {"vt": "\v", "dash": " – ", "space": " "}


def _title_slide(prs: Any, project: Project, say: Any, choices: Choices, random_: random.Random) -> None:
    details = [_labelled(say, "owner", project.owner, choices), _labelled(say, "managers", project.managers, choices),
               _labelled(say, "updated", project.updated, choices)]
    kicker = say("kicker")
    if choices.title_layout == "loose":  # a blank slide of loose boxes, drawn in any order
        slide = prs.slides.add_slide(prs.slide_layouts[6])
        boxes = [(60, 160, project.name, 36.0, True)]
        boxes += [(60, 300 + 40 * i, text, 18.0, False) for i, text in enumerate(details)]
        if choices.kicker == "box":
            boxes.append((60, 120, kicker, 20.0, True))
        random_.shuffle(boxes)
        for x, y, text, size, bold in boxes:
            if text == project.name and choices.kicker != "box":
                _titled(_box(slide, x, y, 600, 60), kicker, project.name, choices.kicker, size)
            else:
                _para(_box(slide, x, y, 600, 36), text, first=True, size=size, bold=bold)
        if choices.stray:
            _stray(slide, random_)
    else:
        layout = 0 if choices.title_layout == "title-slide" else 5
        slide = prs.slides.add_slide(prs.slide_layouts[layout])
        if choices.kicker == "box":
            slide.shapes.title.text = project.name
            _para(_box(slide, 60, 30, 600, 30), kicker, first=True, size=18)
        else:
            _titled(slide.shapes.title.text_frame, kicker, project.name, choices.kicker, None)
        if layout == 0:  # the labels in the subtitle
            frame = slide.placeholders[1].text_frame
            for i, text in enumerate(details):
                _para(frame, text, first=i == 0)
        else:  # the labels as lines of one paragraph
            _para(_box(slide, 60, 300, 600, 120), "\v".join(details), first=True)
    _notes(slide, f"Esittelijä: {project.owner}. Muistutus: kysy aikataulusta.")


def _titled(frame: Any, kicker: str, name: str, join: str, size: float | None) -> None:
    """The kicker and the name in one box: a line break, a paragraph break, a dash or a space between."""
    if join == "paragraph":
        _para(frame, kicker, first=True, size=size, bold=True)
        _para(frame, name, size=size, bold=True)
    else:
        _para(frame, f"{kicker}{KICKER_JOINS[join]}{name}", first=True, size=size, bold=True)


def _goal_slide(prs: Any, project: Project, say: Any, choices: Choices, random_: random.Random) -> None:
    goal = project.goal
    heading = goal.heading or say("goal_heading")
    if choices.bullets == "placeholder":  # Title and Content: bullets switched off for plain text
        slide = prs.slides.add_slide(prs.slide_layouts[1])
        slide.shapes.title.text = heading
        frame = slide.placeholders[1].text_frame
    else:  # a text box under a title; the title a loose text box too when the box's bullets are typed
        typed = choices.bullets == "typed"
        slide = prs.slides.add_slide(prs.slide_layouts[6 if typed else 5])
        if typed:
            _para(_box(slide, 40, 30, 640, 60), heading, first=True, size=36)
        else:
            slide.shapes.title.text = heading
        frame = _box(slide, 40, 120, 640, 360)
        frame.word_wrap = True
    first = True
    if goal.subheading:
        _para(frame, goal.subheading, first=first, bold=True, bullet="none", size=20)
        first = False
    for text in goal.paragraphs:
        _para(frame, text, first=first, bullet="none", size=18)
        first = False
    for text in goal.bullets:
        if choices.bullets == "typed":
            _para(frame, f"• {text}", first=first, bullet="none", size=16)
        else:
            _para(frame, text, first=first, bullet=None if choices.bullets == "placeholder" else "char", size=16)
        first = False
    if choices.stray:
        _stray(slide, random_)


LEGEND_COLOURS = {"todo": "D9D9D9", "doing": "FFC000", "done": "00B050"}


def _progress_slide(prs: Any, project: Project, say: Any, choices: Choices, random_: random.Random) -> None:
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
        grouped = choices.nesting != "none" and lane_index == 0
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
    group = None
    if any(s[0] == "phase" and s[-1] for s in shapes):
        group = slide.shapes.add_group_shape()
        if choices.nesting == "nested":  # a group inside a group, as after grouping twice
            group = group.shapes.add_group_shape()
    for spec in shapes:
        _draw(slide, group, spec, choices, random_)
    if group is not None:  # the group made a little narrower by dragging its handle, as people do
        ext = group._element.find(qn("p:grpSpPr")).find(qn("a:xfrm")).find(qn("a:ext"))
        ext.set("cx", str(int(int(ext.get("cx")) * 0.95)))
    _legend(slide, say, choices.legend)
    steps_w = 330.0 if project.tables else 640.0
    frame = _box(slide, 40, y + 10, steps_w, 480 - y)
    frame.word_wrap = True
    first = True
    for number, step in enumerate(progress.steps, start=1):
        typed = choices.typed_steps
        _para(frame, f"{number}. {step.text}" if typed else step.text, first=first, size=12,
              bullet=None if typed else "number")
        first = False
        for detail in step.details:
            _para(frame, detail, size=11, level=1, bullet="none" if typed else "char")
    for note in progress.notes:
        _para(frame, note, bold=True, size=12)
    table_y = y + 10
    for table in project.tables:
        table_y = _table(slide, table, say, 380.0, table_y, choices.table_header) + 12


def _legend(slide: Any, say: Any, form: str) -> None:
    """The legend top right: coloured squares with their words, or the words typed after squares."""
    statuses = ("todo", "doing", "done")
    if form == "text":
        text = "  ".join(f"■ {say(f'status_{status}')}" for status in statuses)
        _para(_box(slide, 400, 84, 300, 20), text, first=True, size=9)
    elif form == "shapes":
        for n, status in enumerate(statuses):
            mark = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, Pt(400 + 100 * n), Pt(88), Pt(9), Pt(9))
            _fill(mark, LEGEND_COLOURS[status])
            _para(_box(slide, 410 + 100 * n, 82, 88, 20), say(f"status_{status}"), first=True, size=9)


def _draw(slide: Any, group: Any, spec: tuple[Any, ...], choices: Choices, random_: random.Random) -> None:
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
    geometry = choices.phase_shape
    if geometry == MSO_SHAPE.CHEVRON and position == 0:
        geometry = MSO_SHAPE.PENTAGON  # the first phase of a chevron row is flat on its left
    target = group.shapes if grouped and group is not None else slide.shapes
    shape = target.add_shape(geometry, Pt(x), Pt(y), Pt(w - 10), Pt(h))
    _fill(shape, _colour(status, random_), theme_grey=status == "todo" and random_.random() < 0.3)
    frame = shape.text_frame
    frame.word_wrap = True
    shown = f"{percent:g}" if percent is not None else None
    if shown is None:
        frame.text = text
    elif choices.percent == "line":
        frame.text = text
        _para(frame, f"{shown} %", size=10)
    elif choices.percent == "end":
        frame.text = f"{text} {shown}%"
    else:
        frame.text = f"{text}\v{shown} %"
    for p in frame.paragraphs:
        for run in p.runs:
            run.font.size = Pt(10)


def _colour(status: str, random_: random.Random) -> str:
    return random_.choice({"done": GREENS, "doing": YELLOWS, "todo": GREYS}[status])


def _table(slide: Any, table: Any, say: Any, x: float, y: float, header: bool) -> float:
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
    shape.table.first_row = header  # without, the header row looks like the others
    shape.table.horz_banding = header
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


VERDICT_COLOURS = {"on_track": "00B050", "at_risk": "C09000", "off_track": "C00000", "achieved": "2E75B6"}
"""The verdict's text in its status colour, dark enough to read on white."""


def _forecast_slide(prs: Any, project: Project, say: Any, choices: Choices, random_: random.Random) -> None:
    forecast, risks = project.forecast, project.risks
    slide = prs.slides.add_slide(prs.slide_layouts[5])
    slide.shapes.title.text = forecast.heading or say("forecast_heading")
    parts: list[Any] = []
    light = choices.light != "none"
    if choices.light == "signal":  # a traffic signal: three circles, one lit, two grey
        colours = ["D9D9D9", "D9D9D9", random_.choice(LIGHT_COLOURS[forecast.status])]
        random_.shuffle(colours)
        for n, colour in enumerate(colours):
            parts.append(lambda n=n, colour=colour: _fill(
                slide.shapes.add_shape(MSO_SHAPE.OVAL, Pt(40), Pt(124 + 18 * n), Pt(16), Pt(16)), colour))
    elif light:
        parts.append(lambda: _fill(slide.shapes.add_shape(MSO_SHAPE.OVAL, Pt(40), Pt(124), Pt(16), Pt(16)),
                                   random_.choice(LIGHT_COLOURS[forecast.status])))
    sentence = forecast.sentence or say(f"forecast_{forecast.status}")
    colour = VERDICT_COLOURS[forecast.status] if choices.coloured else None
    one_box = choices.verdict == "line" and random_.random() < 0.3  # verdict, narrative and risks in one box
    x = 62 if light else 40
    shared: list[Any] = []

    def left() -> None:
        top = 120
        if choices.verdict == "heading":
            _para(_box(slide, x, top, 300, 30), sentence, first=True, bold=True, size=16, colour=colour)
            top += 36
        frame = _box(slide, x, top, 640 if one_box else 300, 360)
        frame.word_wrap = True
        shared.append(frame)
        narrative = list(forecast.narrative)
        if choices.verdict == "line":
            _para(frame, sentence, first=True, bold=True, size=14, colour=colour)
        elif choices.verdict == "run-in" and narrative:
            p = _para(frame, sentence + " ", first=True, bold=True, size=12, colour=colour)
            rest = p.add_run()
            rest.text = narrative.pop(0)
            rest.font.size = Pt(12)
        elif choices.verdict == "run-in":
            _para(frame, sentence, first=True, bold=True, size=12, colour=colour)
        for n, text in enumerate(narrative):
            _para(frame, text, size=12, first=n == 0 and choices.verdict == "heading")

    def right() -> None:
        frame = shared[0] if one_box else _box(slide, 380, 120, 300, 360)
        frame.word_wrap = True
        _para(frame, risks.heading or say("risks_heading"), first=not one_box, bold=True, size=14)
        for number, risk in enumerate(risks.items, start=1):
            style = "number" if risks.numbered else choices.risk_mark
            text = f"{number}. {risk.risk}" if style == "number" and choices.typed_steps else risk.risk
            text = f"– {text}" if style == "dash" else text
            same = risk.mitigation and choices.mitigation_same
            if same:
                text = f"{text} {say('mitigation', risk.mitigation)}"
            kind = "number" if style == "number" and not choices.typed_steps else (
                "char" if style == "char" else "none")
            _para(frame, text, size=12, bullet=kind)
            if risk.mitigation and not same:
                _para(frame, say("mitigation", risk.mitigation), size=11, level=1, bullet="none")
        if not risks.items:
            _para(frame, say("no_risks"), size=12)

    random_.shuffle(parts)
    for draw_ in [*parts, left, right] if one_box else random_.sample([*parts, left, right], len(parts) + 2):
        draw_()
    _notes(slide, "Puhujalle: ennuste perustuu lokakuun tilanteeseen.")


if __name__ == "__main__":  # pragma: no cover - a look at the deck
    Path(sys.argv[2]).write_bytes(handmade(load(Path(sys.argv[1])), seed=int(sys.argv[3]) if len(sys.argv) > 3 else 13))
