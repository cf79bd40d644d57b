"""Plan items → PresentationML text.

python-pptx's object API costs ~25 ms per slide here (every property set
walks the element with xpath; measured with cProfile on the shipped deck:
1.07 s of a 1.57 s build), so slide bodies are written as XML text in one
pass and handed to python-pptx as finished parts. Only this module knows
DrawingML; it imports nothing from python-pptx.
"""

from __future__ import annotations

from tafollow.layout.plan import Paragraph, Rect, Shape, Table, TextBox
from tafollow.design.style import line_pitch

NS = (
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"'
)
EMU_PER_PT = 12700
PRESETS = {"rect": "rect", "rounded": "roundRect", "home_plate": "homePlate", "chevron": "chevron",
           "ellipse": "ellipse", "diamond": "diamond"}
ALIGN = {"left": "l", "center": "ctr", "right": "r"}
ANCHOR = {"top": "t", "middle": "ctr", "bottom": "b"}
SLIDENUM_FIELD_ID = "{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}"
"""Fixed, so the same data gives the same bytes."""


DECORATIVE = (
    '<a:extLst><a:ext uri="{C183D7F6-B498-43B3-948B-1728B52AA6E4}">'
    '<adec:decorative xmlns:adec="http://schemas.microsoft.com/office/drawing/2017/decorative" val="1"/>'
    "</a:ext></a:extLst>"
)
"""PowerPoint's own mark for a decorative shape (Format Shape > Alt Text > Mark as decorative)."""


def _cnvpr(shape_id: int, name: str, alt: str = "", decorative: bool = False) -> str:
    """A shape's non-visual properties: its id, name and alt text (`descr`), or the decorative mark."""
    descr = f" descr={quoteattr(alt)}" if alt and not decorative else ""
    head = f'<p:cNvPr id="{shape_id}" name={quoteattr(name)}{descr}'
    return f"{head}>{DECORATIVE}</p:cNvPr>" if decorative else f"{head}/>"


def escape(text: str) -> str:
    """XML text escaping (xml.sax.saxutils would pull in urllib and http at import)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def quoteattr(text: str) -> str:
    return '"' + escape(text).replace('"', "&quot;") + '"'


def emu(points: float) -> int:
    return round(points * EMU_PER_PT)


def slide(shapes: list[str]) -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<p:sld {NS}>'
        '<p:cSld><p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr>'
        '<p:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/><a:chOff x="0" y="0"/>'
        '<a:chExt cx="0" cy="0"/></a:xfrm></p:grpSpPr>'
        + "".join(shapes)
        + '</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sld>'
    )


def notes(text: str, lang: str, slide_image_id: int = 2) -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<p:notes {NS}>'
        '<p:cSld><p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr>'
        '<p:grpSpPr/>'
        f'<p:sp><p:nvSpPr><p:cNvPr id="{slide_image_id}" name="Slide Image"/><p:cNvSpPr>'
        '<a:spLocks noGrp="1" noRot="1" noChangeAspect="1"/></p:cNvSpPr><p:nvPr><p:ph type="sldImg"/></p:nvPr>'
        '</p:nvSpPr><p:spPr/></p:sp>'
        f'<p:sp><p:nvSpPr><p:cNvPr id="{slide_image_id + 1}" name="Notes"/><p:cNvSpPr><a:spLocks noGrp="1"/>'
        '</p:cNvSpPr><p:nvPr><p:ph type="body" idx="1"/></p:nvPr></p:nvSpPr><p:spPr/>'
        f'<p:txBody><a:bodyPr/><a:lstStyle/><a:p><a:r><a:rPr lang="{lang}"/><a:t>{escape(text)}</a:t></a:r></a:p>'
        '</p:txBody></p:sp></p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:notes>'
    )


def _xfrm(rect: Rect) -> str:
    return (f'<a:xfrm><a:off x="{emu(rect.x)}" y="{emu(rect.y)}"/>'
            f'<a:ext cx="{emu(rect.w)}" cy="{emu(rect.h)}"/></a:xfrm>')


def _body(paragraphs: tuple[Paragraph, ...], lang: str, anchor: str, inset_x: float, inset_y: float,
          tag: str = "p:txBody") -> str:
    parts = [
        f'<{tag}><a:bodyPr wrap="square" lIns="{emu(inset_x)}" tIns="{emu(inset_y)}" rIns="{emu(inset_x)}" '
        f'bIns="{emu(inset_y)}" anchor="{ANCHOR[anchor]}" rtlCol="0"><a:noAutofit/></a:bodyPr><a:lstStyle/>'
    ]
    parts += [paragraph(p, lang) for p in paragraphs] or [f'<a:p><a:endParaRPr lang="{lang}"/></a:p>']
    parts.append(f"</{tag}>")
    return "".join(parts)


def paragraph(p: Paragraph, lang: str) -> str:
    hang = p.hang if p.bullet else 0.0
    if p.bullet is None:
        bullet = "<a:buNone/>"
    elif p.bullet == "number":
        bullet = f'<a:buFont typeface="+mj-lt"/><a:buAutoNum type="arabicPeriod" startAt="{p.number}"/>'
    else:
        bullet = f'<a:buFont typeface="Arial"/><a:buChar char={quoteattr(p.bullet)}/>'
    ppr = (
        f'<a:pPr marL="{emu(p.indent + hang)}" indent="{-emu(hang)}" algn="{ALIGN[p.align]}">'
        f'<a:lnSpc><a:spcPts val="{round(line_pitch(p.size) * 100)}"/></a:lnSpc>'
        f'<a:spcBef><a:spcPts val="{round(p.space_before * 100)}"/></a:spcBef>'
        f'<a:spcAft><a:spcPts val="0"/></a:spcAft>{bullet}</a:pPr>'
    )
    rpr = _rpr(p, "a:rPr", lang)
    if p.runs:  # one line in several weights (a title and the project it belongs to)
        runs = "".join(f"<a:r>{_rpr(p, 'a:rPr', lang, run.bold)}<a:t>{escape(run.text)}</a:t></a:r>"
                       for run in p.runs if run.text)
        return f"<a:p>{ppr}{runs}{_rpr(p, 'a:endParaRPr', lang)}</a:p>"
    lines = p.text.split("\n")
    runs = f"<a:br>{rpr}</a:br>".join(f"<a:r>{rpr}<a:t>{escape(line)}</a:t></a:r>" if line else "" for line in lines)
    return f"<a:p>{ppr}{runs}{_rpr(p, 'a:endParaRPr', lang)}</a:p>"


def _rpr(p: Paragraph, tag: str, lang: str, bold_run: bool | None = None) -> str:
    bold = ' b="1"' if (p.bold if bold_run is None else bold_run) else ' b="0"'
    fill = f'<a:solidFill><a:srgbClr val="{p.color}"/></a:solidFill>' if p.color else ""
    head = f'<{tag} lang="{lang}" sz="{round(p.size * 100)}"{bold} dirty="0"'
    return f"{head}>{fill}</{tag}>" if fill else f"{head}/>"


def text_box(item: TextBox, shape_id: int, lang: str, placeholder: str | None = None) -> str:
    """A free text box, or (with `placeholder`, the layout's `<p:ph .../>`) a filled placeholder."""
    if placeholder is not None:
        nv = (f'<p:nvSpPr>{_cnvpr(shape_id, item.name)}<p:cNvSpPr>'
              f'<a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr>{placeholder}</p:nvPr></p:nvSpPr>')
        return f"<p:sp>{nv}<p:spPr>{_xfrm(item.rect)}</p:spPr>{_body(item.paragraphs, lang, item.anchor, item.inset_x, item.inset_y)}</p:sp>"
    nv = f'<p:nvSpPr>{_cnvpr(shape_id, item.name)}<p:cNvSpPr txBox="1"/><p:nvPr/></p:nvSpPr>'
    return (f'<p:sp>{nv}<p:spPr>{_xfrm(item.rect)}<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/>'
            f'</p:spPr>{_body(item.paragraphs, lang, item.anchor, item.inset_x, item.inset_y)}</p:sp>')


def shape(item: Shape, shape_id: int, lang: str) -> str:
    adjust = item.adjust
    guide = f'<a:gd name="adj" fmla="val {round(adjust * 100000)}"/>' if adjust is not None else ""
    line = (f'<a:ln w="9525"><a:solidFill><a:srgbClr val="{item.line}"/></a:solidFill></a:ln>'
            if item.line else "<a:ln><a:noFill/></a:ln>")
    return (
        f'<p:sp><p:nvSpPr>{_cnvpr(shape_id, item.name, item.alt, item.decorative)}<p:cNvSpPr/><p:nvPr/></p:nvSpPr>'
        f'<p:spPr>{_xfrm(item.rect)}<a:prstGeom prst="{PRESETS[item.kind]}"><a:avLst>{guide}</a:avLst></a:prstGeom>'
        f'<a:solidFill><a:srgbClr val="{item.fill}"/></a:solidFill>{line}</p:spPr>'
        f'{_body(item.text, lang, "middle", item.inset_x, item.inset_y)}</p:sp>'
    )


def table(item: Table, shape_id: int, lang: str) -> str:
    grid = "".join(f'<a:gridCol w="{emu(w)}"/>' for w in item.column_widths)
    rows = []
    last = len(item.rows) - 1
    header_fill, header_text, total_fill, band_fill, row_fill, text_color = item.colors
    for r, (cells, height) in enumerate(zip(item.rows, item.row_heights)):
        header, total = r == 0, item.total and r == last
        fill = header_fill if header else total_fill if total else (row_fill if r % 2 else band_fill)
        out = []
        for c, text in enumerate(cells):
            numeric = bool(item.numeric) and item.numeric[c]
            spec = Paragraph(text, item.size, bold=header or total, color=header_text if header else text_color,
                             align="right" if numeric else "left")
            out.append(
                f'<a:tc><a:txBody><a:bodyPr/><a:lstStyle/>{paragraph(spec, lang)}</a:txBody>'
                f'<a:tcPr marL="{emu(item.inset_x)}" marR="{emu(item.inset_x)}" marT="{emu(item.inset_y)}" '
                f'marB="{emu(item.inset_y)}" '
                f'anchor="{"b" if header else "ctr"}"><a:solidFill><a:srgbClr val="{fill}"/></a:solidFill></a:tcPr>'
                "</a:tc>"
            )
        rows.append(f'<a:tr h="{emu(height)}">{"".join(out)}</a:tr>')
    rect = item.rect
    return (
        f'<p:graphicFrame><p:nvGraphicFramePr>{_cnvpr(shape_id, "Table", item.alt)}<p:cNvGraphicFramePr>'
        '<a:graphicFrameLocks noGrp="1"/></p:cNvGraphicFramePr><p:nvPr/></p:nvGraphicFramePr>'
        f'<p:xfrm><a:off x="{emu(rect.x)}" y="{emu(rect.y)}"/><a:ext cx="{emu(rect.w)}" cy="{emu(rect.h)}"/></p:xfrm>'
        '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/table">'
        f'<a:tbl><a:tblPr firstRow="1"/><a:tblGrid>{grid}</a:tblGrid>{"".join(rows)}</a:tbl>'
        "</a:graphicData></a:graphic></p:graphicFrame>"
    )


def footer_field(template: str, shape_id: int, text: str | None, number: int | None, lang: str) -> str:
    """A copy of a layout's footer placeholder (`template`: its XML with `{ID}` and `{PARAS}` slots)."""
    if number is not None:
        para = (f'<a:p><a:fld id="{SLIDENUM_FIELD_ID}" type="slidenum"><a:rPr lang="{lang}"/>'
                f"<a:t>{number}</a:t></a:fld></a:p>")
    else:
        para = f'<a:p><a:r><a:rPr lang="{lang}"/><a:t>{escape(text or "")}</a:t></a:r></a:p>'
    return template.replace("{ID}", str(shape_id)).replace("{PARAS}", para)
