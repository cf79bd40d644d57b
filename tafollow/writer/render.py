"""Plan + master template → presentation package, with python-pptx as the writer.

Decides nothing about layout: every position, size and colour comes from
the plan. Layouts and placeholders are found by name, so an organisation
can swap in its own master; a missing name is reported, not guessed.
Slide bodies come from `slidexml` and are added as finished parts: see that
module for why. Footer placeholders are copied from the layout, which
python-pptx's `add_slide` does not do (its issues #64, #201, #658).
"""

from __future__ import annotations

import copy
import re
from typing import Any

from lxml import etree
from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.package import Part
from pptx.opc.packuri import PackURI
from pptx.oxml.ns import qn

from tafollow.writer import slidexml
from tafollow.writer.package import relate_new
from tafollow.layout.plan import Deck, Shape, Table, TextBox
from tafollow.writer.template import LAYOUTS, layout_for, layouts_of
from tafollow.ooxml.ns import FOOTER_TYPES

_XMLNS = re.compile(r'\s+xmlns:\w+="[^"]*"')


class _Layout:
    """What a slide needs from its layout, serialised once rather than per slide."""

    def __init__(self, layout: Any) -> None:
        self.part = layout.part
        self.placeholders: dict[str, str] = {}
        self.footers: list[tuple[str, str]] = []
        for shape in layout.placeholders:
            ph = shape._element.find(f"{qn('p:nvSpPr')}/{qn('p:nvPr')}/{qn('p:ph')}")
            kind = ph.get("type", "body")
            if kind in FOOTER_TYPES:
                self.footers.append((kind, _footer_template(shape._element)))
            else:
                self.placeholders[shape.name] = _XMLNS.sub("", etree.tostring(ph, encoding="unicode"))


def _footer_template(element: Any) -> str:
    sp = copy.deepcopy(element)
    sp.find(f"{qn('p:nvSpPr')}/{qn('p:cNvPr')}").set("id", "{ID}")
    body = sp.find(qn("p:txBody"))
    if body is None:
        body = etree.SubElement(sp, qn("p:txBody"))
        etree.SubElement(body, qn("a:bodyPr"))
        etree.SubElement(body, qn("a:lstStyle"))
    for paragraph in body.findall(qn("a:p")):
        body.remove(paragraph)
    xml = _XMLNS.sub("", etree.tostring(sp, encoding="unicode"))
    return xml.replace("</p:txBody>", "{PARAS}</p:txBody>").replace("<p:txBody/>", "<p:txBody>{PARAS}</p:txBody>")


def render(deck: Deck, presentation: Any) -> Any:
    """Add the deck's slides (and speaker notes) to `presentation`."""
    prs_part = presentation.part
    package = prs_part.package
    _drop_template_slides(prs_part)
    layouts = {name: _Layout(layout) for name, layout in layouts_of(presentation).items() if name in LAYOUTS}
    notes_master = prs_part.notes_master_part if any(s.notes for s in deck.slides) else None
    _default_language(prs_part._element, deck.lang)
    slide_ids = prs_part._element.get_or_add_sldIdLst()
    for number, plan in enumerate(deck.slides, start=1):
        layout = layouts[layout_for(plan.kind)]
        shapes: list[str] = []
        for item in plan.items:
            shape_id = len(shapes) + 2
            if isinstance(item, TextBox):
                ph = layout.placeholders[item.placeholder] if item.placeholder else None
                shapes.append(slidexml.text_box(item, shape_id, deck.lang, ph))
            elif isinstance(item, Shape):
                shapes.append(slidexml.shape(item, shape_id, deck.lang))
            elif isinstance(item, Table):
                shapes.append(slidexml.table(item, shape_id, deck.lang))
        if plan.footer:
            texts = {"dt": deck.footer.date, "ftr": deck.footer.unit}
            for kind, template in layout.footers:
                shapes.append(slidexml.footer_field(template, len(shapes) + 2, texts.get(kind),
                                                    number if kind == "sldNum" else None, deck.lang))
        part = Part(PackURI(f"/ppt/slides/slide{number}.xml"), CT.PML_SLIDE, package,
                    slidexml.slide(shapes).encode("utf-8"))
        # The slide and its notes are new parts: none of their relationships can exist yet.
        relate_new(part, layout.part, RT.SLIDE_LAYOUT)
        r_id = relate_new(prs_part, part, RT.SLIDE)
        entry = etree.SubElement(slide_ids, qn("p:sldId"), id=str(255 + number))
        entry.set(qn("r:id"), r_id)
        if plan.notes and notes_master is not None:
            notes = Part(PackURI(f"/ppt/notesSlides/notesSlide{number}.xml"), CT.PML_NOTES_SLIDE, package,
                         slidexml.notes(plan.notes, deck.lang).encode("utf-8"))
            relate_new(notes, notes_master, RT.NOTES_MASTER)
            relate_new(notes, part, RT.SLIDE)
            relate_new(part, notes, RT.NOTES_SLIDE)
    return presentation


def _default_language(presentation: Any, lang: str) -> None:
    """The presentation's default text language is the deck's, whatever language the template was made in.

    Readers that take the document's language from the package (a PDF
    exporter, a screen reader's first guess) find it here.
    """
    style = presentation.find(qn("p:defaultTextStyle"))
    if style is None:  # its place is last but for these two (ECMA-376 CT_Presentation)
        style = etree.Element(qn("p:defaultTextStyle"))
        later = [presentation.find(qn(name)) for name in ("p:modifyVerifier", "p:extLst")]
        later = [element for element in later if element is not None]
        later[0].addprevious(style) if later else presentation.append(style)
    level = style.find(qn("a:defPPr"))
    if level is None:
        level = etree.Element(qn("a:defPPr"))
        style.insert(0, level)
    props = level.find(qn("a:defRPr"))
    if props is None:
        props = etree.SubElement(level, qn("a:defRPr"))
    props.set("lang", lang)


def _drop_template_slides(prs_part: Any) -> None:
    """A foreign template may carry example slides; the deck starts empty."""
    slide_ids = prs_part._element.get_or_add_sldIdLst()
    for entry in list(slide_ids):
        prs_part.drop_rel(entry.get(qn("r:id")))
        slide_ids.remove(entry)
