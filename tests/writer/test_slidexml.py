"""Plan items → DrawingML: the writer writes what the plan says, and nothing it does not."""

from __future__ import annotations

from lxml import etree

from tafollow.layout.plan import Paragraph, Rect, Shape, Table, TextBox
from tafollow.writer import slidexml

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
WRAP = ('<w xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
        'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main">{}</w>')


def parse(xml: str) -> etree._Element:
    return etree.fromstring(WRAP.format(xml))[0]


def test_a_bulleted_paragraph_carries_the_plans_bullet_font_and_spacing() -> None:
    plan = Paragraph("Riskinä aikataulu", 16.0, bullet="•", hang=9.6, indent=2.0, space_before=6.4,
                     line_pitch=19.25, bullet_font="Liberation Sans")
    p = parse(slidexml.paragraph(plan, "fi-FI"))
    ppr = p.find(f"{A}pPr")
    assert ppr.find(f"{A}buChar").get("char") == "•"
    assert ppr.find(f"{A}buFont").get("typeface") == "Liberation Sans"
    assert ppr.find(f"{A}lnSpc/{A}spcPts").get("val") == "1925"  # hundredths of a point, as planned
    assert ppr.find(f"{A}spcBef/{A}spcPts").get("val") == "640"
    # The text starts indent + hang in; the bullet hangs in the hang before it (EMU).
    assert (int(ppr.get("marL")), int(ppr.get("indent"))) == (round(11.6 * 12700), -round(9.6 * 12700))
    run = p.find(f"{A}r/{A}rPr")
    assert (run.get("sz"), run.get("lang")) == ("1600", "fi-FI")


def test_a_numbered_paragraph_starts_at_its_number() -> None:
    plan = Paragraph("Pilotti", 14.0, bullet="number", number=7, hang=12.0)
    ppr = parse(slidexml.paragraph(plan, "sv-FI")).find(f"{A}pPr")
    auto = ppr.find(f"{A}buAutoNum")
    assert (auto.get("type"), auto.get("startAt")) == ("arabicPeriod", "7")
    assert ppr.find(f"{A}buFont").get("typeface") == plan.bullet_font != ""


def test_a_plain_paragraph_has_no_bullet_and_keeps_its_text_and_line_breaks() -> None:
    plan = Paragraph("Tulot & menot <arvio>\ntoinen rivi", 12.0, bold=True, color="0000BF", align="right")
    p = parse(slidexml.paragraph(plan, "en-GB"))
    assert p.find(f"{A}pPr/{A}buNone") is not None and p.find(f"{A}pPr").get("algn") == "r"
    assert [t.text for t in p.iter(f"{A}t")] == ["Tulot & menot <arvio>", "toinen rivi"]
    assert len(p.findall(f"{A}br")) == 1
    run = p.find(f"{A}r/{A}rPr")
    assert run.get("b") == "1" and run.find(f"{A}solidFill/{A}srgbClr").get("val") == "0000BF"


def test_table_cells_are_spaced_by_the_tables_line_pitch() -> None:
    plan = Table(Rect(0, 0, 300, 60), (("Kohde", "Euroa"), ("Kirjasto", "1 200")), (200.0, 100.0), (20.0, 20.0),
                 12.0, numeric=(False, True), colors=("0000BF", "FFFFFF", "9FC9EB", "F2F2F2", "FFFFFF", "000000"),
                 line_pitch=15.5)
    tbl = parse(slidexml.table(plan, 5, "fi-FI"))
    pitches = {e.find(f"{A}spcPts").get("val") for e in tbl.iter(f"{A}lnSpc")}
    assert pitches == {"1550"}
    cells = list(tbl.iter(f"{A}tc"))
    assert [c.find(f".//{A}pPr").get("algn") for c in cells] == ["l", "r", "l", "r"]
    assert cells[0].find(f"{A}tcPr/{A}solidFill/{A}srgbClr").get("val") == "0000BF"


def test_a_shape_says_what_it_shows_or_is_marked_decorative() -> None:
    phase = Shape(Rect(10, 20, 100, 40), "chevron", "009246", name="Phase 1", alt="Vaihe 1/3: Suunnittelu, tehty")
    rule = Shape(Rect(0, 0, 100, 1), "rect", "DEDFE1", name="Rule", alt="ignored", decorative=True)
    told = parse(slidexml.shape(phase, 2, "fi-FI")).find(f"{P}nvSpPr/{P}cNvPr")
    quiet = parse(slidexml.shape(rule, 3, "fi-FI")).find(f"{P}nvSpPr/{P}cNvPr")
    assert told.get("descr") == "Vaihe 1/3: Suunnittelu, tehty"
    assert quiet.get("descr") is None and "decorative" in etree.tostring(quiet, encoding="unicode")


def test_a_text_box_is_where_the_plan_puts_it() -> None:
    box = TextBox(Rect(36.0, 100.5, 300.0, 50.0), (Paragraph("Tavoite", 20.0),), inset_y=3.6)
    sp = parse(slidexml.text_box(box, 4, "fi-FI"))
    off, ext = sp.find(f"{P}spPr/{A}xfrm/{A}off"), sp.find(f"{P}spPr/{A}xfrm/{A}ext")
    assert (off.get("x"), off.get("y"), ext.get("cx"), ext.get("cy")) == ("457200", "1276350", "3810000", "635000")
    assert sp.find(f"{P}txBody/{A}bodyPr").get("tIns") == str(round(3.6 * 12700))
