"""Reading a .pptx: what each slide shows, wherever the text and shapes come from."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE
from pptx.oxml.ns import qn
from pptx.util import Pt

from tafollow.deckimport.pptxread import read_deck
from tafollow.errors import DeckError, UsageError


def _save(prs: Presentation, path: Path) -> Path:
    prs.save(str(path))
    return path


def test_text_with_inherited_bullets_line_breaks_and_numbering(tmp_path: Path) -> None:
    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[1])  # Title and Content
    slide.shapes.title.text = "Tavoite"
    frame = slide.placeholders[1].text_frame
    frame.text = "From the master's bullets"
    plain = frame.add_paragraph()
    plain.text = "Bullets off\vsecond line"
    etree.SubElement(plain._p.get_or_add_pPr(), qn("a:buNone"))
    numbered = frame.add_paragraph()
    numbered.text = "Numbered"
    etree.SubElement(numbered._p.get_or_add_pPr(), qn("a:buAutoNum"), type="arabicPeriod")
    deeper = frame.add_paragraph()
    deeper.text = "A level down"
    deeper.level = 1
    box = slide.shapes.add_textbox(Pt(10), Pt(400), Pt(200), Pt(40)).text_frame
    box.text = "Loose"
    slide.shapes.add_textbox(Pt(300), Pt(400), Pt(100), Pt(40))  # empty: not read
    slide.notes_slide.notes_text_frame.text = "Say this"
    deck = read_deck(_save(prs, tmp_path / "deck.pptx"))
    boxes = deck.slides[0].boxes
    assert [b.text for b in boxes] == ["Tavoite", "From the master's bullets\nBullets off\nsecond line\nNumbered\n"
                                                  "A level down", "Loose"]
    assert boxes[0].is_title
    body = boxes[1].paragraphs
    assert [(p.bullet, p.level) for p in body] == [("char", 0), (None, 0), ("number", 0), ("char", 1)]
    assert body[0].size == 32.0 and body[3].size == 28.0  # the master's sizes
    assert boxes[2].paragraphs[0].bullet is None and boxes[2].placeholder is None
    assert deck.slides[0].notes == "Say this"
    assert (deck.width, deck.height) == (720.0, 540.0)


def test_grouped_shapes_in_slide_coordinates_and_their_fills(tmp_path: Path) -> None:
    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    group = slide.shapes.add_group_shape()
    shape = group.shapes.add_shape(MSO_SHAPE.CHEVRON, Pt(100), Pt(100), Pt(200), Pt(50))
    shape.fill.solid()
    shape.fill.fore_color.rgb = RGBColor.from_string("00B050")
    shape.text_frame.text = "VAIHE"
    group.shapes.add_shape(MSO_SHAPE.PENTAGON, Pt(300), Pt(100), Pt(100), Pt(50)).text_frame.text = "THEME"
    xfrm = group._element.find(qn("p:grpSpPr")).find(qn("a:xfrm"))
    ext = xfrm.find(qn("a:ext"))
    ext.set("cx", str(int(ext.get("cx")) // 2))  # the group squeezed to half its width
    deck = read_deck(_save(prs, tmp_path / "deck.pptx"))
    chevron, pentagon = deck.slides[0].boxes
    assert (chevron.kind, chevron.geometry, chevron.fill) == ("figure", "chevron", "00B050")
    assert (round(chevron.x), round(chevron.w), round(pentagon.x)) == (100, 100, 200)
    assert pentagon.geometry == "homePlate" and pentagon.fill == "4F81BD"  # the theme's accent 1, by style


def test_tables_cell_by_cell(tmp_path: Path) -> None:
    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    table = slide.shapes.add_table(2, 2, Pt(10), Pt(10), Pt(200), Pt(40)).table
    for r, row in enumerate((("", "Valmis"), ("KIR", "9"))):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    deck = read_deck(_save(prs, tmp_path / "deck.pptx"))
    assert deck.slides[0].boxes[0].rows == (("", "Valmis"), ("KIR", "9"))


def test_files_that_are_not_a_deck(tmp_path: Path) -> None:
    text = tmp_path / "notes.pptx"
    text.write_text("hello", encoding="utf-8")
    with pytest.raises(DeckError, match=r"not a PowerPoint file \(\.pptx\)"):
        read_deck(text)
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512
    (tmp_path / "locked.pptx").write_bytes(ole + "EncryptionInfo".encode("utf-16-le"))
    with pytest.raises(DeckError, match="password"):
        read_deck(tmp_path / "locked.pptx")
    (tmp_path / "old.ppt").write_bytes(ole)
    with pytest.raises(DeckError, match="97–2003"):
        read_deck(tmp_path / "old.ppt")
    other = io.BytesIO()
    with zipfile.ZipFile(other, "w") as archive:
        archive.writestr("word/document.xml", "<w/>")
    (tmp_path / "doc.pptx").write_bytes(other.getvalue())
    with pytest.raises(DeckError, match="not a PowerPoint presentation"):
        read_deck(tmp_path / "doc.pptx")
    with pytest.raises(UsageError, match="no such file"):
        read_deck(tmp_path / "missing.pptx")
    with pytest.raises(UsageError, match="is a folder"):
        read_deck(tmp_path)


PNG = bytes.fromhex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cf"
                    "c0f01f0005000201ffa1b1a1a20000000049454e44ae426082")
DIAGRAM = ('<dgm:dataModel xmlns:dgm="http://schemas.openxmlformats.org/drawingml/2006/diagram" '
           'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><dgm:ptLst>'
           '<dgm:pt modelId="0" type="doc"><dgm:t><a:bodyPr/><a:p><a:r><a:t>doc</a:t></a:r></a:p></dgm:t></dgm:pt>'
           '<dgm:pt modelId="1"><dgm:t><a:bodyPr/><a:p><a:r><a:t>SUUNNITTELU</a:t></a:r></a:p></dgm:t></dgm:pt>'
           '<dgm:pt modelId="2"><dgm:t><a:bodyPr/><a:p><a:r><a:t>TOTEUTUS</a:t></a:r></a:p></dgm:t></dgm:pt>'
           '</dgm:ptLst></dgm:dataModel>')


def test_pictures_are_noted_and_smartart_text_is_read(tmp_path: Path) -> None:
    from pptx.opc.package import Part
    from pptx.opc.packuri import PackURI

    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    (tmp_path / "dot.png").write_bytes(PNG)
    slide.shapes.add_picture(str(tmp_path / "dot.png"), Pt(10), Pt(10))
    part = Part(PackURI("/ppt/diagrams/data1.xml"),
                "application/vnd.openxmlformats-officedocument.drawingml.diagramData+xml", slide.part.package,
                DIAGRAM.encode())
    r_id = slide.part.relate_to(part, "http://schemas.openxmlformats.org/officeDocument/2006/relationships/diagramData")
    frame = etree.fromstring(
        '<p:graphicFrame xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" '
        'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        '<p:nvGraphicFramePr><p:cNvPr id="9" name="Diagram"/><p:cNvGraphicFramePr/><p:nvPr/></p:nvGraphicFramePr>'
        '<p:xfrm><a:off x="0" y="1270000"/><a:ext cx="5080000" cy="1270000"/></p:xfrm><a:graphic>'
        '<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/diagram">'
        f'<dgm:relIds xmlns:dgm="http://schemas.openxmlformats.org/drawingml/2006/diagram" r:dm="{r_id}" '
        'r:lo="" r:qs="" r:cs=""/></a:graphicData></a:graphic></p:graphicFrame>')
    slide.shapes._spTree.append(frame)
    picture, diagram = read_deck(_save(prs, tmp_path / "deck.pptx")).slides[0].boxes
    assert (picture.kind, picture.geometry) == ("other", "picture")
    assert (diagram.kind, diagram.geometry, diagram.text, diagram.y) == ("text", "diagram", "SUUNNITTELU\nTOTEUTUS",
                                                                          100.0)
