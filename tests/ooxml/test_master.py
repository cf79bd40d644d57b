"""What a placeholder inherits, as check and import both read it (tafollow/ooxml/master.py)."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from tafollow.ooxml.master import inherited_placeholder, style_chain
from tafollow.ooxml.ns import DRAWINGML, PRESENTATIONML

_NS = f'xmlns:a="{DRAWINGML}" xmlns:p="{PRESENTATIONML}"'


def _sp(name: str, ph: str, colour: str | None = None, size: int = 1400) -> str:
    style = (f'<a:lstStyle><a:lvl1pPr><a:defRPr sz="{size}"><a:solidFill><a:srgbClr val="{colour}"/></a:solidFill>'
             "</a:defRPr></a:lvl1pPr></a:lstStyle>" if colour else "<a:lstStyle/>")
    return (f'<p:sp><p:nvSpPr><p:cNvPr id="2" name="{name}"/><p:cNvSpPr/><p:nvPr>{ph}</p:nvPr></p:nvSpPr>'
            f"<p:spPr/><p:txBody><a:bodyPr/>{style}<a:p/></p:txBody></p:sp>")


def _part(root: str, shapes: list[str], extra: str = "") -> etree._Element:
    return etree.fromstring(f'<p:{root} {_NS}><p:cSld><p:spTree>{"".join(shapes)}</p:spTree></p:cSld>{extra}'
                            f"</p:{root}>")


MASTER_STYLES = ('<p:txStyles><p:titleStyle><a:lvl1pPr/></p:titleStyle><p:bodyStyle><a:lvl1pPr/></p:bodyStyle>'
                 "</p:txStyles>")


def _colour(style: etree._Element) -> str | None:
    found = style.find(f"{{{DRAWINGML}}}lvl1pPr/{{{DRAWINGML}}}defRPr/{{{DRAWINGML}}}solidFill/{{{DRAWINGML}}}srgbClr")
    return found.get("val") if found is not None else None


def test_a_placeholder_takes_the_style_of_the_layouts_placeholder_of_its_index_before_one_of_its_type() -> None:
    layout = _part("sldLayout", [_sp("Caption", '<p:ph type="body" idx="2"/>', "000000"),
                                 _sp("Text", '<p:ph type="body" idx="1"/>', "BBBBBB")])
    master = _part("sldMaster", [_sp("Body", '<p:ph type="body" idx="1"/>', "111111")], MASTER_STYLES)
    shape = etree.fromstring(_sp("Content", '<p:ph type="body" idx="1"/>').replace("<p:sp>", f"<p:sp {_NS}>", 1))
    chain = style_chain(shape, layout, master)
    assert [_colour(style) for style in chain] == [None, "BBBBBB", "111111", None]
    assert etree.QName(chain[-1]).localname == "bodyStyle"


def test_a_centred_title_stands_for_the_layouts_title_and_a_footer_takes_no_body_style() -> None:
    layout = _part("sldLayout", [_sp("Title", '<p:ph type="title"/>', "222222"),
                                 _sp("Date", '<p:ph type="dt" sz="half" idx="10"/>', "333333")])
    master = _part("sldMaster", [], MASTER_STYLES)
    title = etree.fromstring(_sp("T", '<p:ph type="ctrTitle"/>').replace("<p:sp>", f"<p:sp {_NS}>", 1))
    assert inherited_placeholder(title, layout).find(".//{*}cNvPr").get("name") == "Title"
    assert etree.QName(style_chain(title, layout, master)[-1]).localname == "titleStyle"
    footer = etree.fromstring(_sp("D", '<p:ph type="dt" idx="10"/>').replace("<p:sp>", f"<p:sp {_NS}>", 1))
    assert [_colour(style) for style in style_chain(footer, layout, master)] == [None, "333333"]


def test_check_judges_the_colour_import_reads_the_size_from(tmp_path: Path) -> None:
    """A layout with two body placeholders: the slide's text is in the second (idx 1), grey on white.

    Both readers follow the index: check finds the grey too light, import the layout's 14 pt.
    """
    from pptx import Presentation
    from pptx.oxml import parse_xml

    from tafollow.check.accessibility import check
    from tafollow.deckimport.pptxread import read_deck

    prs = Presentation()
    layout = prs.slide_layouts[1]  # Title and Content: title, and a body placeholder of idx 1
    body = next(s for s in layout.placeholders if s.placeholder_format.idx == 1)
    tree = body._element.getparent()
    caption = _sp("Caption", '<p:ph type="body" idx="2"/>', "000000", 2800)
    first = parse_xml(caption.replace("<p:sp>", f"<p:sp {_NS}>", 1))
    tree.insert(tree.index(body._element), first)  # a body placeholder before it, black at 28 pt
    grey = parse_xml(_sp("x", "", "BBBBBB").replace("<p:sp>", f"<p:sp {_NS}>", 1)).find(".//{*}lstStyle")
    own = body._element.find(f"{{{PRESENTATIONML}}}txBody/{{{DRAWINGML}}}lstStyle")
    own.getparent().replace(own, grey)
    slide = prs.slides.add_slide(layout)
    slide.shapes.title.text = "Otsikko"
    slide.placeholders[1].text = "Harmaa teksti"
    path = tmp_path / "deck.pptx"
    prs.save(str(path))
    problems = [p for p in check(path).problems if p.rule == "low-contrast"]
    assert [p.detail.split(":")[0] for p in problems] == ["'Harmaa teksti'"]
    assert "#BBBBBB on #FFFFFF" in problems[0].detail
    boxes = read_deck(path).slides[0].boxes
    assert [para.size for box in boxes for para in box.paragraphs if para.text == "Harmaa teksti"] == [14.0]
