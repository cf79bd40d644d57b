"""Plan + master template → python-pptx presentation.

Decides nothing about layout: every position, size and colour comes from
the plan. It finds layouts and placeholders by name, so an organisation can
swap in its own master, and it says which name a foreign master lacks.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from lxml import etree
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE, PP_PLACEHOLDER
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.dml.color import RGBColor
from pptx.oxml.ns import qn
from pptx.util import Emu, Pt

from .errors import UsageError
from .fit import INSET_X, INSET_Y, line_pitch
from .layout import Frames
from .plan import Deck, Paragraph, Rect, Shape, Slide, Table, TextBox

LAYOUTS = {
    "Cover": ("Title", "Subtitle"),
    "Project title": ("Kicker", "Title", "Details"),
    "Content": ("Title", "Body"),
}
FOOTER_TYPES = (PP_PLACEHOLDER.DATE, PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER)
SLIDENUM_FIELD_ID = "{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}"
"""Fixed, so the same data gives the same bytes."""
KINDS = {
    "rect": MSO_SHAPE.RECTANGLE,
    "rounded": MSO_SHAPE.ROUNDED_RECTANGLE,
    "home_plate": MSO_SHAPE.PENTAGON,
    "chevron": MSO_SHAPE.CHEVRON,
    "ellipse": MSO_SHAPE.OVAL,
    "diamond": MSO_SHAPE.DIAMOND,
}
ALIGN = {"left": PP_ALIGN.LEFT, "center": PP_ALIGN.CENTER, "right": PP_ALIGN.RIGHT}
ANCHOR = {"top": MSO_ANCHOR.TOP, "middle": MSO_ANCHOR.MIDDLE, "bottom": MSO_ANCHOR.BOTTOM}
HEADER_FILL, HEADER_TEXT, TOTAL_FILL, GRID_FILL = "0000BF", "FFFFFF", "9FC9EB", "F2F2F2"


def open_template(path: Path) -> Any:
    """The master as a presentation, checked for the layouts and placeholders we fill."""
    try:
        presentation = Presentation(str(path))
    except Exception as exc:  # python-pptx raises many kinds for a bad file
        raise UsageError(f"{path}: not a PowerPoint template ({exc.__class__.__name__}: {exc})") from None
    layouts = _layouts(presentation)
    problems = []
    for name, placeholders in LAYOUTS.items():
        if name not in layouts:
            problems.append(f"no slide layout named '{name}'")
            continue
        have = {shape.name for shape in layouts[name].placeholders}
        problems += [f"layout '{name}' has no placeholder named '{p}'" for p in placeholders if p not in have]
    if problems:
        raise UsageError(f"{path}: " + "; ".join(problems) + f" (found layouts: {', '.join(layouts)})")
    return presentation


def frames(presentation: Any) -> Frames:
    """Where the template's placeholders are, for the layout engine."""
    layouts = _layouts(presentation)

    def rect(layout: str, name: str) -> Rect:
        shape = next(s for s in layouts[layout].placeholders if s.name == name)
        return Rect(Emu(shape.left).pt, Emu(shape.top).pt, Emu(shape.width).pt, Emu(shape.height).pt)

    return Frames(rect("Cover", "Title"), rect("Cover", "Subtitle"), rect("Project title", "Kicker"),
                  rect("Project title", "Title"), rect("Project title", "Details"), rect("Content", "Title"),
                  rect("Content", "Body"))


def slide_size(presentation: Any) -> tuple[float, float]:
    return Emu(presentation.slide_width).pt, Emu(presentation.slide_height).pt


def render(deck: Deck, presentation: Any) -> Any:
    layouts = _layouts(presentation)
    for number, plan in enumerate(deck.slides, start=1):
        layout = layouts[plan.layout]
        slide = presentation.slides.add_slide(layout)
        _fill(slide, layout, plan)
        if plan.footer:
            _footer(slide, layout, deck, number)
        _drop_empty_placeholders(slide)
        if plan.notes:
            slide.notes_slide.notes_text_frame.text = plan.notes
    return presentation


def _layouts(presentation: Any) -> dict[str, Any]:
    return {layout.name: layout for master in presentation.slide_masters for layout in master.slide_layouts}


def _fill(slide: Any, layout: Any, plan: Slide) -> None:
    by_name = {shape.name: shape.placeholder_format.idx for shape in layout.placeholders}
    for item in plan.items:
        if isinstance(item, TextBox):
            if item.placeholder is not None:
                shape = slide.placeholders[by_name[item.placeholder]]
                shape.left, shape.top, shape.width, shape.height = _emu(item.rect)
            else:
                shape = slide.shapes.add_textbox(*_emu(item.rect))
                shape.name = item.name
            _text(shape.text_frame, item.paragraphs, item.anchor)
        elif isinstance(item, Shape):
            _shape(slide, item)
        elif isinstance(item, Table):
            _table(slide, item)


def _emu(rect: Rect) -> tuple[int, int, int, int]:
    return Pt(rect.x), Pt(rect.y), Pt(rect.w), Pt(rect.h)


def _text(frame: Any, paragraphs: tuple[Paragraph, ...], anchor: str = "top") -> None:
    frame.word_wrap = True
    frame.auto_size = MSO_AUTO_SIZE.NONE
    frame.margin_left = frame.margin_right = Pt(INSET_X)
    frame.margin_top = frame.margin_bottom = Pt(INSET_Y)
    frame.vertical_anchor = ANCHOR[anchor]
    for index, spec in enumerate(paragraphs):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        paragraph.text = spec.text
        paragraph.alignment = ALIGN[spec.align]
        paragraph.line_spacing = Pt(line_pitch(spec.size))
        paragraph.space_before = Pt(spec.space_before)
        paragraph.space_after = Pt(0)
        for run in paragraph.runs:
            font = run.font
            font.size = Pt(spec.size)
            font.bold = spec.bold
            if spec.color:
                font.color.rgb = RGBColor.from_string(spec.color)
        _bullet(paragraph._p.get_or_add_pPr(), spec)


def _bullet(pPr: Any, spec: Paragraph) -> None:
    indent = spec.size * 1.3 if spec.bullet else 0.0
    pPr.set("marL", str(int(Pt(spec.indent + indent))))
    pPr.set("indent", str(int(Pt(-indent))))
    if spec.bullet is None:
        etree.SubElement(pPr, qn("a:buNone"))
    elif spec.bullet == "number":
        etree.SubElement(pPr, qn("a:buFont"), typeface="+mj-lt")
        etree.SubElement(pPr, qn("a:buAutoNum"), type="arabicPeriod", startAt=str(spec.number))
    else:
        etree.SubElement(pPr, qn("a:buFont"), typeface="Arial")
        etree.SubElement(pPr, qn("a:buChar"), char=spec.bullet)


def _shape(slide: Any, item: Shape) -> None:
    shape = slide.shapes.add_shape(KINDS[item.kind], *_emu(item.rect))
    shape.name = item.name
    shape.fill.solid()
    shape.fill.fore_color.rgb = RGBColor.from_string(item.fill)
    if item.line:
        shape.line.color.rgb = RGBColor.from_string(item.line)
    else:
        shape.line.fill.background()
    shape.shadow.inherit = False
    if item.kind in ("chevron", "home_plate"):
        from .chart import POINT_DEPTH

        shape.adjustments[0] = POINT_DEPTH / min(item.rect.w, item.rect.h)
    if item.text:
        _text(shape.text_frame, item.text, "middle")
    elif shape.has_text_frame:
        shape.text_frame.auto_size = MSO_AUTO_SIZE.NONE


def _table(slide: Any, item: Table) -> None:
    frame = slide.shapes.add_table(len(item.rows), len(item.rows[0]), *_emu(item.rect))
    table = frame.table
    table.first_row = True
    table.horz_banding = False
    for c, width in enumerate(item.column_widths):
        table.columns[c].width = Pt(width)
    for r, height in enumerate(item.row_heights):
        table.rows[r].height = Pt(height)
    last = len(item.rows) - 1
    for r, row in enumerate(item.rows):
        header, total = r == 0, item.total and r == last
        for c, text in enumerate(row):
            cell = table.cell(r, c)
            cell.margin_left = cell.margin_right = Pt(INSET_X)
            cell.margin_top = cell.margin_bottom = Pt(INSET_Y)
            cell.fill.solid()
            cell.fill.fore_color.rgb = RGBColor.from_string(
                HEADER_FILL if header else TOTAL_FILL if total else ("FFFFFF" if r % 2 else GRID_FILL))
            align = "right" if item.numeric and item.numeric[c] and not header else "left"
            spec = Paragraph(text, item.size, bold=header or total,
                             color=HEADER_TEXT if header else "000000", align=align)
            _text(cell.text_frame, (spec,))
            cell.vertical_anchor = MSO_ANCHOR.BOTTOM if header else MSO_ANCHOR.MIDDLE


def _footer(slide: Any, layout: Any, deck: Deck, number: int) -> None:
    """Copy the layout's footer placeholders: python-pptx does not (its issues #64, #201)."""
    texts = {PP_PLACEHOLDER.DATE: deck.footer.date, PP_PLACEHOLDER.FOOTER: deck.footer.unit}
    for placeholder in layout.placeholders:
        kind = placeholder.placeholder_format.type
        if kind not in FOOTER_TYPES:
            continue
        element = copy.deepcopy(placeholder._element)
        slide.shapes._spTree.append(element)
        element.nvSpPr.cNvPr.id = slide.shapes._next_shape_id
        body = element.find(qn("p:txBody"))
        if body is None:
            continue
        for paragraph in body.findall(qn("a:p")):
            body.remove(paragraph)
        p = etree.SubElement(body, qn("a:p"))
        if kind == PP_PLACEHOLDER.SLIDE_NUMBER:
            field = etree.SubElement(p, qn("a:fld"), id=SLIDENUM_FIELD_ID, type="slidenum")
            etree.SubElement(field, qn("a:rPr"), lang="fi-FI")
            etree.SubElement(field, qn("a:t")).text = str(number)
        else:
            run = etree.SubElement(p, qn("a:r"))
            etree.SubElement(run, qn("a:rPr"), lang="fi-FI")
            etree.SubElement(run, qn("a:t")).text = texts[kind]


def _drop_empty_placeholders(slide: Any) -> None:
    for shape in list(slide.placeholders):
        if shape.placeholder_format.type in FOOTER_TYPES:
            continue
        if shape.has_text_frame and not shape.text_frame.text:
            shape._element.getparent().remove(shape._element)
