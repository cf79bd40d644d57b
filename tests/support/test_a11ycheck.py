"""Unit tests of the independent accessibility checker (tests/support/a11ycheck.py).

Each rule is shown FINDING its defect in a small deck built in memory with
python-pptx's default template, and passing the same deck made right. No
LibreOffice; nothing from tafollow.
"""

from __future__ import annotations

import io
import struct
import zlib

import pytest
from lxml import etree
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.dml import MSO_THEME_COLOR
from pptx.enum.shapes import MSO_CONNECTOR, MSO_SHAPE
from pptx.oxml.ns import qn
from pptx.util import Inches, Pt

from a11ycheck import RULES, Problem, contrast_ratio, counts, problems, relative_luminance

TITLE_ONLY = 5
BLANK = 6
TITLE_SLIDE = 0
GREEN = "009246"
YELLOW = "FFC61E"
DECORATIVE_URI = "{C183D7F6-B498-43B3-948B-1728B52AA6E4}"
DECORATIVE_NS = "http://schemas.microsoft.com/office/drawing/2017/decorative"


# --------------------------------------------------------------------------
# Deck-building helpers


def png_1x1() -> bytes:
    """A valid 1x1 grey PNG, written by hand."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)  # 1x1, 8-bit greyscale
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\x00\x80"))
            + chunk(b"IEND", b""))


def new_deck(*, title: str = "Test deck", language: str | None = "en-US") -> Presentation:
    """A default-template presentation whose core properties pass (unless told otherwise)."""
    prs = Presentation()
    prs.core_properties.title = title
    if language is not None:
        prs.core_properties.language = language
    return prs


def add_slide(prs: Presentation, title: str | None = "A slide", layout: int = TITLE_ONLY):
    slide = prs.slides.add_slide(prs.slide_layouts[layout])
    if title is not None:
        slide.shapes.title.text = title
    return slide


def tag_languages(prs: Presentation, lang: str = "en-US") -> None:
    """Give every run and field of every slide a lang (python-pptx writes runs without one)."""
    for slide in prs.slides:
        for run in slide.shapes._spTree.iter(qn("a:r"), qn("a:fld")):
            rpr = run.find(qn("a:rPr"))
            if rpr is None:
                rpr = etree.Element(qn("a:rPr"))
                run.insert(0, rpr)
            rpr.set("lang", lang)


def to_bytes(prs: Presentation, *, languages: bool = True) -> bytes:
    if languages:
        tag_languages(prs)
    buffer = io.BytesIO()
    prs.save(buffer)
    return buffer.getvalue()


def cnvpr(shape) -> etree._Element:
    return shape._element.find(".//" + qn("p:cNvPr"))


def describe(shape, text: str) -> None:
    cnvpr(shape).set("descr", text)


def mark_decorative(shape) -> None:
    """Mark a shape decorative the way PowerPoint writes it."""
    ext_list = etree.SubElement(cnvpr(shape), qn("a:extLst"))
    ext = etree.SubElement(ext_list, qn("a:ext"), uri=DECORATIVE_URI)
    etree.SubElement(ext, f"{{{DECORATIVE_NS}}}decorative", nsmap={"adec": DECORATIVE_NS}, val="1")


def rule(found: list[Problem], rule_id: str) -> list[Problem]:
    return [problem for problem in found if problem.rule == rule_id]


def rect(slide, colour: str | None = None, prst=MSO_SHAPE.RECTANGLE, x: float = 1.0):
    shape = slide.shapes.add_shape(prst, Inches(x), Inches(3), Inches(0.5), Inches(0.5))
    if colour is not None:
        shape.fill.solid()
        shape.fill.fore_color.rgb = RGBColor.from_string(colour)
    return shape


def text_box(slide, text: str, *, colour: str | None = None, fill: str | None = None,
             size: float | None = None, bold: bool | None = None):
    box = slide.shapes.add_textbox(Inches(1), Inches(2), Inches(4), Inches(1))
    run = box.text_frame.paragraphs[0].add_run()
    run.text = text
    if colour is not None:
        run.font.color.rgb = RGBColor.from_string(colour)
    if size is not None:
        run.font.size = Pt(size)
    if bold is not None:
        run.font.bold = bold
    if fill is not None:
        box.fill.solid()
        box.fill.fore_color.rgb = RGBColor.from_string(fill)
    return box, run


# --------------------------------------------------------------------------
# WCAG arithmetic


def test_contrast_of_white_on_black_is_21() -> None:
    assert contrast_ratio("FFFFFF", "000000") == pytest.approx(21.0)
    assert contrast_ratio("000000", "#ffffff") == pytest.approx(21.0)


def test_known_wcag_values() -> None:
    assert relative_luminance("FFFFFF") == pytest.approx(1.0)
    assert relative_luminance("000000") == 0.0
    assert contrast_ratio("777777", "FFFFFF") == pytest.approx(4.48, abs=0.005)
    assert contrast_ratio("FFFFFF", GREEN) == pytest.approx(4.04, abs=0.005)
    assert contrast_ratio("000000", GREEN) == pytest.approx(5.20, abs=0.005)
    assert contrast_ratio("ABCDEF", "ABCDEF") == 1.0


def test_bad_colour_is_an_error() -> None:
    with pytest.raises(ValueError):
        relative_luminance("12345")


# --------------------------------------------------------------------------
# A clean deck passes every rule


def clean_deck() -> bytes:
    prs = new_deck()
    add_slide(prs, "Cover", layout=TITLE_SLIDE)
    slide = add_slide(prs, "Progress")
    describe(add_picture(slide), "Logo of the division")
    table = slide.shapes.add_table(2, 2, Inches(1), Inches(4), Inches(3), Inches(1))
    describe(table, "Rooms per library")
    table.table.cell(0, 0).text = "Library"
    for i, colour in enumerate((GREEN, YELLOW, GREEN)):
        describe(rect(slide, colour, x=1 + i), f"Phase {i + 1}: {'done' if colour == GREEN else 'in progress'}")
    # A filled text box is a rect with a solid fill too: on this slide it would join the colour code.
    text_box(add_slide(prs, "Legend"), "Done", colour="000000", fill=GREEN, size=12, bold=True)
    return to_bytes(prs)


def test_clean_deck_has_no_problems() -> None:
    assert problems(clean_deck()) == []


def test_counts_lists_every_rule() -> None:
    found = [Problem(1, "x", "low-contrast", "m"), Problem(2, "y", "low-contrast", "m")]
    assert counts(found) == {**{r: 0 for r in RULES}, "low-contrast": 2}
    assert str(found[0]) == "slide 1 'x': low-contrast: m"


# --------------------------------------------------------------------------
# R1 untitled-slide, R2 duplicate-title


def test_slide_without_title_is_found() -> None:
    prs = new_deck()
    add_slide(prs, "First")
    add_slide(prs, None, layout=BLANK)          # no title placeholder at all
    add_slide(prs, None, layout=TITLE_ONLY)     # a title placeholder left empty
    slide = add_slide(prs, None, layout=TITLE_ONLY)
    slide.shapes.title.text = "   "            # blank text is no title
    found = rule(problems(to_bytes(prs)), "untitled-slide")
    assert [(p.slide, p.shape) for p in found] == [(2, ""), (3, "Title 1"), (4, "Title 1")]


def test_centred_title_counts_as_title() -> None:
    prs = new_deck()
    add_slide(prs, "Cover", layout=TITLE_SLIDE)  # ctrTitle
    assert problems(to_bytes(prs)) == []


def test_two_slides_with_one_title_are_found() -> None:
    prs = new_deck()
    add_slide(prs, "Forecast and risks")
    add_slide(prs, "Goal")
    add_slide(prs, "  forecast   AND risks ")  # whitespace collapsed, casefolded
    found = problems(to_bytes(prs))
    assert [(p.slide, p.rule) for p in found] == [(3, "duplicate-title")]
    assert "slide 1" in found[0].message


def test_distinct_titles_pass() -> None:
    prs = new_deck()
    add_slide(prs, "Forecast and risks")
    add_slide(prs, "Forecast and risks (continued)")
    assert problems(to_bytes(prs)) == []


# --------------------------------------------------------------------------
# R3 missing-alt-text


def add_picture(slide):
    """A picture with no alt text. python-pptx writes the image's file name ("image.png") as descr,
    which R3 accepts (it is not blank); PowerPoint's own insert leaves it empty, so drop it."""
    picture = slide.shapes.add_picture(io.BytesIO(png_1x1()), Inches(1), Inches(2))
    del cnvpr(picture).attrib["descr"]
    return picture


def add_autoshape(slide):
    return rect(slide, None, prst=MSO_SHAPE.DIAMOND)


def add_connector(slide):
    return slide.shapes.add_connector(MSO_CONNECTOR.STRAIGHT, Inches(1), Inches(1), Inches(2), Inches(1))


def add_table(slide):
    return slide.shapes.add_table(2, 2, Inches(1), Inches(4), Inches(3), Inches(1))


GRAPHICS = {"picture": add_picture, "autoshape": add_autoshape, "connector": add_connector, "table": add_table}


@pytest.mark.parametrize("kind", GRAPHICS)
def test_graphic_without_alt_text_is_found(kind: str) -> None:
    prs = new_deck()
    shape = GRAPHICS[kind](add_slide(prs))
    found = problems(to_bytes(prs))
    assert [(p.slide, p.shape, p.rule) for p in found] == [(1, shape.name, "missing-alt-text")]


@pytest.mark.parametrize("kind", GRAPHICS)
def test_graphic_with_blank_descr_is_found(kind: str) -> None:
    prs = new_deck()
    describe(GRAPHICS[kind](add_slide(prs)), "  ")
    assert [p.rule for p in problems(to_bytes(prs))] == ["missing-alt-text"]


@pytest.mark.parametrize("kind", GRAPHICS)
def test_graphic_with_descr_passes(kind: str) -> None:
    prs = new_deck()
    describe(GRAPHICS[kind](add_slide(prs)), "What it shows")
    assert problems(to_bytes(prs)) == []


@pytest.mark.parametrize("kind", GRAPHICS)
def test_graphic_marked_decorative_passes(kind: str) -> None:
    prs = new_deck()
    mark_decorative(GRAPHICS[kind](add_slide(prs)))
    assert problems(to_bytes(prs)) == []


def test_decorative_mark_needs_val_1() -> None:
    prs = new_deck()
    shape = add_picture(add_slide(prs))
    mark_decorative(shape)
    cnvpr(shape).find(".//{%s}decorative" % DECORATIVE_NS).set("val", "0")
    assert [p.rule for p in problems(to_bytes(prs))] == ["missing-alt-text"]


def test_shape_with_text_and_empty_placeholder_need_no_alt_text() -> None:
    prs = new_deck()
    slide = add_slide(prs, layout=1)  # "Title and Content": its body placeholder stays empty
    labelled = rect(slide, None, prst=MSO_SHAPE.CHEVRON)
    labelled.text_frame.text = "Phase 1"
    text_box(slide, "Plain text")
    assert problems(to_bytes(prs)) == []


def test_pictures_inside_groups_are_checked() -> None:
    prs = new_deck()
    slide = add_slide(prs)
    group = slide.shapes.add_group_shape()
    inner = add_picture(group)
    found = problems(to_bytes(prs))
    assert [(p.shape, p.rule) for p in found] == [(inner.name, "missing-alt-text")]


def test_children_of_a_decorative_group_are_decorative() -> None:
    prs = new_deck()
    slide = add_slide(prs)
    group = slide.shapes.add_group_shape()
    add_picture(group)
    mark_decorative(group)
    assert problems(to_bytes(prs)) == []


# --------------------------------------------------------------------------
# R4 table-header


def test_table_without_header_row_is_found() -> None:
    prs = new_deck()
    table = add_table(add_slide(prs))
    describe(table, "Rooms per library")
    table.table.first_row = False
    found = problems(to_bytes(prs))
    assert [(p.shape, p.rule) for p in found] == [(table.name, "table-header")]


def test_table_with_header_row_passes() -> None:
    prs = new_deck()
    table = add_table(add_slide(prs))
    describe(table, "Rooms per library")
    table.table.first_row = True
    assert problems(to_bytes(prs)) == []


def test_header_row_written_as_true_passes() -> None:
    prs = new_deck()
    table = add_table(add_slide(prs))
    describe(table, "Rooms per library")
    table._element.find(".//" + qn("a:tblPr")).set("firstRow", "true")
    assert problems(to_bytes(prs)) == []


# --------------------------------------------------------------------------
# R5 low-contrast


def contrast_problems(**text_options) -> list[Problem]:
    prs = new_deck()
    box, _ = text_box(add_slide(prs), "Done", **text_options)
    found = rule(problems(to_bytes(prs)), "low-contrast")
    assert all(p.shape == box.name for p in found)
    return found


def test_white_on_green_fails_at_12_pt_bold() -> None:
    found = contrast_problems(colour="FFFFFF", fill=GREEN, size=12, bold=True)
    assert [p.slide for p in found] == [1]
    assert "#FFFFFF on #009246 is 4.04:1" in found[0].message


def test_white_on_green_fails_at_13_pt_bold_and_17_pt() -> None:
    assert contrast_problems(colour="FFFFFF", fill=GREEN, size=13, bold=True)
    assert contrast_problems(colour="FFFFFF", fill=GREEN, size=17, bold=False)


def test_white_on_green_passes_as_large_text() -> None:
    assert contrast_problems(colour="FFFFFF", fill=GREEN, size=18, bold=False) == []
    assert contrast_problems(colour="FFFFFF", fill=GREEN, size=14, bold=True) == []


def test_black_on_green_passes() -> None:
    assert contrast_problems(colour="000000", fill=GREEN, size=12, bold=True) == []


def test_grey_on_white_just_fails_and_darker_passes() -> None:
    assert contrast_problems(colour="777777", size=12)  # 4.48:1
    assert contrast_problems(colour="767676", size=12) == []  # 4.54:1


def test_unsized_text_gets_no_large_text_allowance() -> None:
    assert contrast_problems(colour="FFFFFF", fill=GREEN, bold=True)


def test_run_without_colour_is_taken_as_dark_1_on_the_slide_background() -> None:
    prs = new_deck()
    slide = add_slide(prs)
    slide.background.fill.solid()
    slide.background.fill.fore_color.rgb = RGBColor.from_string("0000BF")
    slide.shapes.title.text_frame.paragraphs[0].runs[0].font.color.rgb = RGBColor.from_string("FFFFFF")
    box, _ = text_box(slide, "Unset colour", size=24)  # dk1 (black) on #0000BF: 1.75:1
    found = rule(problems(to_bytes(prs)), "low-contrast")
    assert [p.shape for p in found] == [box.name]
    assert "#000000 on #0000BF" in found[0].message


def test_background_is_inherited_from_layout_and_master() -> None:
    for owner in ("layout", "master"):
        prs = new_deck()
        slide = add_slide(prs)
        part = slide.slide_layout if owner == "layout" else prs.slide_master
        part.background.fill.solid()
        part.background.fill.fore_color.rgb = RGBColor.from_string("202020")
        found = rule(problems(to_bytes(prs)), "low-contrast")
        assert [p.shape for p in found] == ["Title 1"], owner  # unset colour: black on #202020


def test_scheme_colours_resolve_through_the_theme() -> None:
    prs = new_deck()
    slide = add_slide(prs)
    box, light = text_box(slide, "bg1 on white")
    light.font.color.theme_color = MSO_THEME_COLOR.BACKGROUND_1  # bg1 -> lt1 = window, #FFFFFF
    _, dark = text_box(slide, "tx1 on white")
    dark.font.color.theme_color = MSO_THEME_COLOR.TEXT_1  # tx1 -> dk1 = windowText, #000000
    found = rule(problems(to_bytes(prs)), "low-contrast")
    assert [p.shape for p in found] == [box.name]
    assert "#FFFFFF on #FFFFFF" in found[0].message


def test_lighter_theme_colour_is_applied() -> None:
    prs = new_deck()
    _, run = text_box(add_slide(prs), "Text 1, lighter 50 %", size=12)
    run.font.color.theme_color = MSO_THEME_COLOR.TEXT_1
    run.font.color.brightness = 0.5  # lumMod 50000 lumOff 50000: #808080, 3.95:1 on white
    found = rule(problems(to_bytes(prs)), "low-contrast")
    assert len(found) == 1 and "#808080" in found[0].message


def test_table_cell_fill_is_behind_its_text() -> None:
    prs = new_deck()
    table = add_table(add_slide(prs))
    describe(table, "Rooms")
    dark, light = table.table.cell(0, 0), table.table.cell(0, 1)
    for cell, fill in ((dark, "0000BF"), (light, "DEDFE1")):
        cell.fill.solid()
        cell.fill.fore_color.rgb = RGBColor.from_string(fill)
        cell.text = "Cell"
        cell.text_frame.paragraphs[0].runs[0].font.color.rgb = RGBColor.from_string("FFFFFF")
    found = rule(problems(to_bytes(prs)), "low-contrast")
    assert len(found) == 1 and "on #DEDFE1" in found[0].message


def test_blank_runs_are_not_contrast_checked() -> None:
    prs = new_deck()
    text_box(add_slide(prs), "   ", colour="FFFFFF")
    assert rule(problems(to_bytes(prs)), "low-contrast") == []


# --------------------------------------------------------------------------
# R6 colour-alone


def test_three_rectangles_in_two_fills_without_descr_are_found() -> None:
    prs = new_deck()
    slide = add_slide(prs)
    shapes = [rect(slide, colour, x=1 + i) for i, colour in enumerate((GREEN, YELLOW, GREEN))]
    found = rule(problems(to_bytes(prs)), "colour-alone")
    assert [p.shape for p in found] == [s.name for s in shapes]


def test_three_rectangles_in_two_fills_with_descr_pass() -> None:
    prs = new_deck()
    slide = add_slide(prs)
    for i, colour in enumerate((GREEN, YELLOW, GREEN)):
        describe(rect(slide, colour, x=1 + i), f"Phase {i + 1}: {'done' if colour == GREEN else 'in progress'}")
    assert problems(to_bytes(prs)) == []


def test_labelled_chevrons_in_two_fills_need_descr_too() -> None:
    prs = new_deck()
    slide = add_slide(prs)
    chevrons = []
    for i, colour in enumerate((GREEN, YELLOW)):
        chevron = rect(slide, colour, prst=MSO_SHAPE.CHEVRON, x=1 + i)
        chevron.text_frame.text = f"PHASE {i + 1}"
        chevron.text_frame.paragraphs[0].runs[0].font.color.rgb = RGBColor(0, 0, 0)
        chevrons.append(chevron)
    found = problems(to_bytes(prs))
    assert [(p.shape, p.rule) for p in found] == [(c.name, "colour-alone") for c in chevrons]


def test_one_colour_or_different_presets_is_no_colour_code() -> None:
    prs = new_deck()
    same = add_slide(prs, "Same colour")
    for i in range(3):
        describe(rect(same, GREEN, x=1 + i), "Bar")  # descr against R3 only
    mixed = add_slide(prs, "Different shapes")
    rect(mixed, GREEN, prst=MSO_SHAPE.RECTANGLE, x=1)
    rect(mixed, YELLOW, prst=MSO_SHAPE.OVAL, x=2)
    assert rule(problems(to_bytes(prs)), "colour-alone") == []


def test_decorative_shapes_are_no_colour_code() -> None:
    prs = new_deck()
    slide = add_slide(prs)
    for i, colour in enumerate((GREEN, YELLOW)):
        mark_decorative(rect(slide, colour, x=1 + i))
    assert problems(to_bytes(prs)) == []


def test_same_colour_written_as_scheme_and_rgb_is_one_colour() -> None:
    prs = new_deck()
    slide = add_slide(prs)
    first = rect(slide, "4F81BD", x=1)  # accent1 of the default theme
    second = rect(slide, None, x=2)
    second.fill.solid()
    second.fill.fore_color.theme_color = MSO_THEME_COLOR.ACCENT_1
    for shape in (first, second):
        describe(shape, "Bar")
    assert rule(problems(to_bytes(prs)), "colour-alone") == []


# --------------------------------------------------------------------------
# R7 missing-language


def test_run_without_lang_is_found() -> None:
    prs = new_deck()
    slide = add_slide(prs, "Goal")
    box, _ = text_box(slide, "Some text")
    tag_languages(prs)
    del box.text_frame.paragraphs[0].runs[0]._r.find(qn("a:rPr")).attrib["lang"]
    found = problems(to_bytes(prs, languages=False))
    assert [(p.shape, p.rule) for p in found] == [(box.name, "missing-language")]


def test_python_pptx_runs_have_no_lang() -> None:
    prs = new_deck()
    add_slide(prs, "Goal")
    found = problems(to_bytes(prs, languages=False))
    assert [(p.shape, p.rule) for p in found] == [("Title 1", "missing-language")]


def test_field_without_lang_is_found() -> None:
    prs = new_deck()
    slide = add_slide(prs, "Goal")
    box, _ = text_box(slide, "Slide ")
    tag_languages(prs)
    paragraph = box.text_frame.paragraphs[0]._p
    field = etree.SubElement(paragraph, qn("a:fld"), id="{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}",
                             type="slidenum")
    etree.SubElement(field, qn("a:t")).text = "1"
    found = problems(to_bytes(prs, languages=False))
    assert [(p.shape, p.rule) for p in found] == [(box.name, "missing-language")]
    etree.SubElement(field, qn("a:rPr"), lang="en-US")
    field.insert(0, field[-1])
    assert problems(to_bytes(prs, languages=False)) == []


def test_runs_in_table_cells_need_lang() -> None:
    prs = new_deck()
    table = add_table(add_slide(prs, "Rooms"))
    describe(table, "Rooms per library")
    tag_languages(prs)
    table.table.cell(1, 1).text = "9"
    found = problems(to_bytes(prs, languages=False))
    assert [(p.shape, p.rule) for p in found] == [(table.name, "missing-language")]


# --------------------------------------------------------------------------
# Core properties


def test_core_properties_without_title_and_language_are_found() -> None:
    prs = new_deck(title="", language=None)
    add_slide(prs)
    found = problems(to_bytes(prs))
    assert [(p.slide, p.shape, p.rule) for p in found] == [(0, "", "core-properties")] * 2
    assert "dc:title" in found[0].message and "dc:language" in found[1].message


def test_core_properties_with_title_and_language_pass() -> None:
    prs = new_deck(title="Budget follow-up", language="fi-FI")
    add_slide(prs)
    assert problems(to_bytes(prs)) == []


# --------------------------------------------------------------------------
# Slide order


def test_slides_are_numbered_in_presentation_order() -> None:
    prs = new_deck()
    add_slide(prs, "One")
    add_slide(prs, None, layout=BLANK)
    ids = prs.slides._sldIdLst
    ids.insert(0, ids[1])  # the untitled slide is now the first one shown
    found = problems(to_bytes(prs))
    assert [(p.slide, p.rule) for p in found] == [(1, "untitled-slide")]
