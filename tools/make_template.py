#!/usr/bin/env python3
"""Generate the tafollow master template ``templates/ta-seuranta.pptx``.

The template is derived from python-pptx's built-in default template
(``pptx.Presentation()``) and reshaped into a 16:9 deck in the City of
Helsinki style:

* theme "Helsinki": the city's brand colours and Arial as both theme fonts
  (LibreOffice renders Arial with the metric-compatible Liberation Sans);
* one slide master whose text styles use the theme fonts, black body text,
  Bus-blue titles and no autofit (tafollow measures its text itself);
* exactly three slide layouts, "Cover", "Project title" and "Content", each
  with placeholders whose shape names are fixed (tafollow finds them by
  name);
* footer placeholders (date, footer, slide number) on the master and on the
  "Project title" and "Content" layouts; the slide-number placeholder holds
  a real ``slidenum`` field.

The output is deterministic: running the script twice produces identical
bytes (fixed core properties, fixed zip entry timestamps and order).

Note for slide builders: python-pptx does not copy the date, footer and
slide-number placeholders from a layout onto a new slide (PowerPoint does
not either); a slide that should show them must get copies of the layout's
footer placeholders.

Usage::

    python tools/make_template.py [-o templates/ta-seuranta.pptx]
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import sys
import zipfile
from pathlib import Path

from lxml import etree
from pptx import Presentation
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml import parse_xml
from pptx.oxml.ns import nsdecls, qn

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUTPUT = REPO_ROOT / "templates" / "ta-seuranta.pptx"

# ---------------------------------------------------------------------------
# Brand and geometry constants
# ---------------------------------------------------------------------------

# City of Helsinki palette (hex RGB).
BUS = "0000BF"
COAT_OF_ARMS = "0072C6"
TRAM = "009246"
SUMMER = "FFC61E"
METRO = "FD4F00"
BRICK = "BD2719"
SILVER = "DEDFE1"
LIGHT_GREY = "F2F2F2"
FOOTER_GREY = "595959"
BLACK = "000000"
WHITE = "FFFFFF"

THEME_NAME = "Helsinki"
FONT = "Arial"
LANG = "fi-FI"

EMU_PER_PT = 12700
SLIDE_W_EMU = 12192000  # 13.333 in = 960 pt
SLIDE_H_EMU = 6858000  # 7.5 in = 540 pt

# Placeholder boxes in points: (left, top, width, height).  Whole points so
# that other modules can hard-code them.  Side margins are 36 pt (0.5 in).
MARGIN = 36
CONTENT_W = 960 - 2 * MARGIN  # 888

# Footer row: 25 pt (~0.35 in) high, 15 pt (~0.2 in) above the bottom edge.
FOOTER_TOP = 500
FOOTER_H = 25
BOX_DATE = (MARGIN, FOOTER_TOP, 200, FOOTER_H)
BOX_FOOTER = (280, FOOTER_TOP, 400, FOOTER_H)
BOX_SLDNUM = (724, FOOTER_TOP, 200, FOOTER_H)

# "Content" layout (also the master's title and body boxes).
BOX_TOP_RULE = (0, 0, 960, 6)
BOX_CONTENT_TITLE = (MARGIN, 24, CONTENT_W, 76)
BOX_CONTENT_BODY = (MARGIN, 110, CONTENT_W, 380)

# "Project title" layout.
BOX_PT_KICKER = (MARGIN, 140, CONTENT_W, 36)
BOX_PT_TITLE = (MARGIN, 178, CONTENT_W, 132)
BOX_PT_DETAILS = (MARGIN, 322, CONTENT_W, 168)

# "Cover" layout (full-bleed Bus-blue background).
BOX_COVER_TITLE = (60, 96, 840, 174)
BOX_COVER_RULE = (60, 282, 96, 6)
BOX_COVER_SUBTITLE = (60, 300, 840, 90)

# Font sizes in points.
SZ_TITLE = 28
SZ_BODY = 16
SZ_BODY_SMALL = 14
SZ_FOOTER = 10
SZ_COVER_TITLE = 44
SZ_COVER_SUBTITLE = 24
SZ_PT_KICKER = 20
SZ_PT_TITLE = 40
SZ_PT_DETAILS = 18

# Text-frame insets in EMU: flush left/right with the margins, 3.6 pt above
# and below.
INSET_LR = 0
INSET_TB = 45720

# Fixed identifiers keep the output byte-stable.
SLIDENUM_FIELD_ID = "{6F1C2E0A-3B7D-4C59-9E21-5A8D0B4F7C13}"
FIXED_TIME = dt.datetime(2019, 1, 1, 0, 0, 0)
ZIP_TIME = (1980, 1, 1, 0, 0, 0)

NSDECLS = nsdecls("a", "p", "r")


# ---------------------------------------------------------------------------
# Small XML builders
# ---------------------------------------------------------------------------


def emu(pt: float) -> int:
    return int(round(pt * EMU_PER_PT))


def xfrm(box: tuple[float, float, float, float]) -> str:
    left, top, width, height = (emu(v) for v in box)
    return f'<a:xfrm><a:off x="{left}" y="{top}"/><a:ext cx="{width}" cy="{height}"/></a:xfrm>'


def srgb_fill(hex_rgb: str) -> str:
    return f'<a:solidFill><a:srgbClr val="{hex_rgb}"/></a:solidFill>'


def scheme_fill(name: str) -> str:
    return f'<a:solidFill><a:schemeClr val="{name}"/></a:solidFill>'


def def_rpr(size_pt: float | None = None, fill: str = "", bold: bool | None = None,
            major: bool | None = None, kern: bool = False) -> str:
    """An ``a:defRPr``; ``major`` True/False adds major/minor theme-font references."""
    attrs = ""
    if size_pt is not None:
        attrs += f' sz="{int(size_pt * 100)}"'
    if bold is not None:
        attrs += f' b="{1 if bold else 0}"'
    if kern:
        attrs += ' kern="1200"'
    fonts = ""
    if major is not None:
        kind = "mj" if major else "mn"
        fonts = (f'<a:latin typeface="+{kind}-lt"/><a:ea typeface="+{kind}-ea"/>'
                 f'<a:cs typeface="+{kind}-cs"/>')
    return f"<a:defRPr{attrs}>{fill}{fonts}</a:defRPr>"


def lvl_ppr(level: int, inner: str, *, mar_l: int = 0, indent: int = 0, algn: str = "l",
            extra_attrs: str = "") -> str:
    return (f'<a:lvl{level}pPr marL="{mar_l}" indent="{indent}" algn="{algn}"{extra_attrs}>'
            f"{inner}</a:lvl{level}pPr>")


def body_pr(anchor: str = "t", *, insets: bool = True) -> str:
    ins = (f' lIns="{INSET_LR}" tIns="{INSET_TB}" rIns="{INSET_LR}" bIns="{INSET_TB}"'
           if insets else "")
    return (f'<a:bodyPr vert="horz" wrap="square"{ins} rtlCol="0" anchor="{anchor}">'
            f"<a:noAutofit/></a:bodyPr>")


def run_paragraph(text: str, level: int | None = None) -> str:
    ppr = f'<a:pPr lvl="{level}"/>' if level else ""
    return (f'<a:p>{ppr}<a:r><a:rPr lang="{LANG}"/><a:t>{text}</a:t></a:r>'
            f'<a:endParaRPr lang="{LANG}"/></a:p>')


def empty_paragraph() -> str:
    return f'<a:p><a:endParaRPr lang="{LANG}"/></a:p>'


def slidenum_paragraph() -> str:
    return (f'<a:p><a:fld id="{SLIDENUM_FIELD_ID}" type="slidenum">'
            f'<a:rPr lang="{LANG}"/><a:t>\u2039#\u203a</a:t></a:fld>'
            f'<a:endParaRPr lang="{LANG}"/></a:p>')


def placeholder(shape_id: int, name: str, ph_attrs: str, box, *, anchor: str = "t",
                lst_style: str = "", paragraphs: str = "", geometry: bool = False) -> str:
    """A ``p:sp`` placeholder element as XML text."""
    geom = '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>' if geometry else ""
    return (
        f"<p:sp {NSDECLS}>"
        f'<p:nvSpPr><p:cNvPr id="{shape_id}" name="{name}"/>'
        f'<p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr>'
        f"<p:nvPr><p:ph {ph_attrs}/></p:nvPr></p:nvSpPr>"
        f"<p:spPr>{xfrm(box)}{geom}</p:spPr>"
        f"<p:txBody>{body_pr(anchor)}<a:lstStyle>{lst_style}</a:lstStyle>"
        f"{paragraphs or empty_paragraph()}</p:txBody>"
        f"</p:sp>"
    )


def rectangle(shape_id: int, name: str, box, hex_rgb: str) -> str:
    """A plain filled rectangle without outline (decoration, not a placeholder)."""
    return (
        f"<p:sp {NSDECLS}>"
        f'<p:nvSpPr><p:cNvPr id="{shape_id}" name="{name}"/>'
        f"<p:cNvSpPr/><p:nvPr userDrawn=\"1\"/></p:nvSpPr>"
        f'<p:spPr>{xfrm(box)}<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>'
        f"{srgb_fill(hex_rgb)}<a:ln><a:noFill/></a:ln></p:spPr>"
        f"<p:txBody><a:bodyPr rtlCol=\"0\" anchor=\"ctr\"/><a:lstStyle/>"
        f"{empty_paragraph()}</p:txBody>"
        f"</p:sp>"
    )


def footer_lst_style(algn: str) -> str:
    return lvl_ppr(1, def_rpr(SZ_FOOTER, srgb_fill(FOOTER_GREY), major=False), algn=algn)


def footer_placeholders(first_id: int, idx_date: int, idx_footer: int, idx_sldnum: int) -> list[str]:
    """Date, footer and slide-number placeholders along the bottom edge."""
    return [
        placeholder(first_id, "Date", f'type="dt" sz="half" idx="{idx_date}"', BOX_DATE,
                    anchor="ctr", lst_style=footer_lst_style("l")),
        placeholder(first_id + 1, "Footer", f'type="ftr" sz="quarter" idx="{idx_footer}"',
                    BOX_FOOTER, anchor="ctr", lst_style=footer_lst_style("ctr")),
        placeholder(first_id + 2, "Slide Number", f'type="sldNum" sz="quarter" idx="{idx_sldnum}"',
                    BOX_SLDNUM, anchor="ctr", lst_style=footer_lst_style("r"),
                    paragraphs=slidenum_paragraph()),
    ]


# ---------------------------------------------------------------------------
# Part rewriting
# ---------------------------------------------------------------------------


def sp_tree(shapes_xml: list[str]) -> etree._Element:
    tree = parse_xml(
        f"<p:spTree {NSDECLS}>"
        '<p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr>'
        '<p:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/>'
        '<a:chOff x="0" y="0"/><a:chExt cx="0" cy="0"/></a:xfrm></p:grpSpPr>'
        "</p:spTree>"
    )
    for xml in shapes_xml:
        tree.append(parse_xml(xml))
    return tree


def replace_csld(root: etree._Element, name: str | None, shapes_xml: list[str],
                 background: str | None = None) -> None:
    """Replace the ``p:cSld`` of a master or layout with a freshly built one."""
    old = root.find(qn("p:cSld"))
    csld = parse_xml(f"<p:cSld {NSDECLS}/>")
    if name is not None:
        csld.set("name", name)
    if background is not None:
        csld.append(parse_xml(
            f"<p:bg {NSDECLS}><p:bgPr>{background}<a:effectLst/></p:bgPr></p:bg>"))
    csld.append(sp_tree(shapes_xml))
    old.addprevious(csld)
    root.remove(old)


def rebuild_theme(prs) -> None:
    theme_part = prs.slide_master.part.part_related_by(RT.THEME)
    theme = etree.fromstring(theme_part.blob)
    a = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
    theme.set("name", THEME_NAME)

    scheme = theme.find(f"{a}themeElements/{a}clrScheme")
    for child in list(scheme):
        scheme.remove(child)
    scheme.set("name", THEME_NAME)
    for slot, hex_rgb in (
        ("dk1", BLACK), ("lt1", WHITE), ("dk2", BUS), ("lt2", LIGHT_GREY),
        ("accent1", BUS), ("accent2", COAT_OF_ARMS), ("accent3", TRAM),
        ("accent4", SUMMER), ("accent5", METRO), ("accent6", BRICK),
        ("hlink", COAT_OF_ARMS), ("folHlink", BUS),
    ):
        slot_el = etree.SubElement(scheme, f"{a}{slot}")
        etree.SubElement(slot_el, f"{a}srgbClr", val=hex_rgb)

    fonts = theme.find(f"{a}themeElements/{a}fontScheme")
    fonts.set("name", THEME_NAME)
    for which in ("majorFont", "minorFont"):
        fonts.find(f"{a}{which}/{a}latin").set("typeface", FONT)

    theme.find(f"{a}themeElements/{a}fmtScheme").set("name", THEME_NAME)
    theme_part.blob = etree.tostring(theme, xml_declaration=True, encoding="UTF-8",
                                     standalone=True)


def master_text_styles() -> etree._Element:
    title = lvl_ppr(
        1,
        '<a:lnSpc><a:spcPct val="100000"/></a:lnSpc><a:spcBef><a:spcPts val="0"/></a:spcBef>'
        "<a:buNone/>" + def_rpr(SZ_TITLE, srgb_fill(BUS), bold=True, major=True, kern=True),
        extra_attrs=' rtl="0" eaLnBrk="1" latinLnBrk="0" hangingPunct="1"',
    )

    # Level 1 is plain text; deeper levels are bulleted lists.
    bullets = {2: "\u2022", 3: "\u2013", 4: "\u2022", 5: "\u2013"}
    body_levels = []
    for level in range(1, 10):
        size = SZ_BODY if level <= 2 else SZ_BODY_SMALL
        if level == 1:
            mar_l, indent, bullet = 0, 0, "<a:buNone/>"
        else:
            char = bullets.get(level, "\u2022")
            mar_l, indent = 228600 * (level - 1), -228600
            bullet = f'<a:buFont typeface="{FONT}"/><a:buChar char="{char}"/>'
        body_levels.append(lvl_ppr(
            level,
            '<a:lnSpc><a:spcPct val="100000"/></a:lnSpc>'
            '<a:spcBef><a:spcPts val="600"/></a:spcBef>'
            + bullet + def_rpr(size, scheme_fill("tx1"), major=False, kern=True),
            mar_l=mar_l, indent=indent,
            extra_attrs=' rtl="0" eaLnBrk="1" latinLnBrk="0" hangingPunct="1"',
        ))

    other_levels = [
        lvl_ppr(level, def_rpr(18, scheme_fill("tx1"), major=False, kern=True),
                mar_l=457200 * (level - 1),
                extra_attrs=' defTabSz="914400" rtl="0" eaLnBrk="1" latinLnBrk="0" hangingPunct="1"')
        for level in range(1, 10)
    ]
    return parse_xml(
        f"<p:txStyles {NSDECLS}>"
        f"<p:titleStyle>{title}</p:titleStyle>"
        f"<p:bodyStyle>{''.join(body_levels)}</p:bodyStyle>"
        f'<p:otherStyle><a:defPPr><a:defRPr lang="{LANG}"/></a:defPPr>'
        f"{''.join(other_levels)}</p:otherStyle>"
        "</p:txStyles>"
    )


def rebuild_master(prs) -> None:
    root = prs.slide_master.element
    shapes = [
        placeholder(2, "Title", 'type="title"', BOX_CONTENT_TITLE, anchor="b", geometry=True,
                    paragraphs=run_paragraph("Muokkaa otsikon perustyyliä")),
        placeholder(3, "Body", 'type="body" idx="1"', BOX_CONTENT_BODY, geometry=True,
                    paragraphs="".join([
                        run_paragraph("Muokkaa tekstin perustyylejä"),
                        run_paragraph("Toinen taso", 1),
                        run_paragraph("Kolmas taso", 2),
                        run_paragraph("Neljäs taso", 3),
                        run_paragraph("Viides taso", 4),
                    ])),
    ]
    shapes += footer_placeholders(4, 2, 3, 4)
    replace_csld(root, None, shapes, background=scheme_fill("bg1"))

    old_styles = root.find(qn("p:txStyles"))
    old_styles.addprevious(master_text_styles())
    root.remove(old_styles)


def rebuild_layout(layout, name: str, layout_type: str, shapes: list[str],
                   background: str | None = None) -> None:
    root = layout.element
    root.set("type", layout_type)
    root.set("preserve", "1")
    replace_csld(root, name, shapes, background)


def no_bullet_level1(size_pt: float, fill: str, bold: bool | None = None,
                     algn: str = "l") -> str:
    return lvl_ppr(1, "<a:buNone/>" + def_rpr(size_pt, fill, bold=bold), algn=algn)


def build_cover(layout) -> None:
    white = srgb_fill(WHITE)
    title_style = lvl_ppr(1, def_rpr(SZ_COVER_TITLE, white, bold=True), algn="l")
    sub_style = no_bullet_level1(SZ_COVER_SUBTITLE, white, bold=False)
    shapes = [
        placeholder(2, "Title", 'type="ctrTitle" hasCustomPrompt="1"', BOX_COVER_TITLE,
                    anchor="b", lst_style=title_style,
                    paragraphs=run_paragraph("Raportin otsikko")),
        placeholder(3, "Subtitle", 'type="subTitle" idx="1" hasCustomPrompt="1"',
                    BOX_COVER_SUBTITLE, anchor="t", lst_style=sub_style,
                    paragraphs=run_paragraph("Ennuste toteutumisesta pp.kk.vvvv")),
        rectangle(4, "Cover Rule", BOX_COVER_RULE, SUMMER),
    ]
    rebuild_layout(layout, "Cover", "title", shapes, background=srgb_fill(BUS))


def build_project_title(layout) -> None:
    kicker_style = no_bullet_level1(SZ_PT_KICKER, srgb_fill(COAT_OF_ARMS), bold=True)
    title_style = lvl_ppr(1, def_rpr(SZ_PT_TITLE, srgb_fill(BUS), bold=True), algn="l")
    details_style = lvl_ppr(
        1, '<a:spcBef><a:spcPts val="300"/></a:spcBef><a:buNone/>'
        + def_rpr(SZ_PT_DETAILS, scheme_fill("tx1"), bold=False))
    shapes = [
        rectangle(2, "Top Rule", BOX_TOP_RULE, BUS),
        placeholder(3, "Kicker", 'type="body" idx="1" hasCustomPrompt="1"', BOX_PT_KICKER,
                    anchor="b", lst_style=kicker_style,
                    paragraphs=run_paragraph("TA-seuranta")),
        placeholder(4, "Title", 'type="title" hasCustomPrompt="1"', BOX_PT_TITLE,
                    anchor="t", lst_style=title_style,
                    paragraphs=run_paragraph("Projektin nimi")),
        placeholder(5, "Details", 'type="body" idx="2" hasCustomPrompt="1"', BOX_PT_DETAILS,
                    anchor="t", lst_style=details_style,
                    paragraphs="".join([
                        run_paragraph("Omistaja: nimi"),
                        run_paragraph("Projektipäällikkö: nimi"),
                        run_paragraph("Päivitetty pp.kk.vvvv"),
                    ])),
    ]
    shapes += footer_placeholders(6, 10, 11, 12)
    rebuild_layout(layout, "Project title", "cust", shapes)


def build_content(layout) -> None:
    body_style = lvl_ppr(1, "<a:buNone/>", mar_l=0, indent=0)
    shapes = [
        rectangle(2, "Top Rule", BOX_TOP_RULE, BUS),
        placeholder(3, "Title", 'type="title" hasCustomPrompt="1"', BOX_CONTENT_TITLE,
                    anchor="b", paragraphs=run_paragraph("Dian otsikko")),
        placeholder(4, "Body", 'type="body" idx="1" hasCustomPrompt="1"', BOX_CONTENT_BODY,
                    anchor="t", lst_style=body_style,
                    paragraphs="".join([
                        run_paragraph("Teksti"),
                        run_paragraph("Luettelo", 1),
                    ])),
    ]
    shapes += footer_placeholders(5, 10, 11, 12)
    rebuild_layout(layout, "Content", "tx", shapes)


def set_default_text_language(prs) -> None:
    default_style = prs.part._element.find(qn("p:defaultTextStyle"))
    if default_style is None:
        return
    for rpr in default_style.iter(qn("a:defRPr")):
        if rpr.get("lang") is not None:
            rpr.set("lang", LANG)


def drop_package_extras(prs) -> None:
    """Drop the stale 4:3 thumbnail and the Mac printer settings of the default template."""
    package = prs.part.package
    for rId, rel in list(package._rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            package.drop_rel(rId)
    for rId, rel in list(prs.part.rels.items()):
        if rel.reltype == RT.PRINTER_SETTINGS:
            prs.part.drop_rel(rId)


def rewrite_app_properties(prs) -> None:
    for rel in prs.part.package._rels.values():
        if rel.reltype == RT.EXTENDED_PROPERTIES:
            rel.target_part.blob = (
                '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
                'extended-properties" xmlns:vt="http://schemas.openxmlformats.org/'
                'officeDocument/2006/docPropsVTypes">'
                "<TotalTime>0</TotalTime><Words>0</Words>"
                "<Application>tafollow (python-pptx)</Application>"
                "<PresentationFormat>Widescreen</PresentationFormat>"
                "<Paragraphs>0</Paragraphs><Slides>0</Slides><Notes>0</Notes>"
                "<HiddenSlides>0</HiddenSlides><MMClips>0</MMClips><ScaleCrop>false</ScaleCrop>"
                '<HeadingPairs><vt:vector size="2" baseType="variant">'
                "<vt:variant><vt:lpstr>Theme</vt:lpstr></vt:variant>"
                "<vt:variant><vt:i4>1</vt:i4></vt:variant></vt:vector></HeadingPairs>"
                f'<TitlesOfParts><vt:vector size="1" baseType="lpstr">'
                f"<vt:lpstr>{THEME_NAME}</vt:lpstr></vt:vector></TitlesOfParts>"
                "<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>"
                "<HyperlinksChanged>false</HyperlinksChanged><AppVersion>16.0000</AppVersion>"
                "</Properties>"
            ).encode("utf-8")


def set_core_properties(prs) -> None:
    core = prs.core_properties
    core.title = "TA-seuranta"
    core.subject = "Kulttuurin ja vapaa-ajan toimiala: TA-seuranta"
    core.author = "tafollow"
    core.last_modified_by = "tafollow"
    core.comments = "Master template generated by tools/make_template.py"
    core.keywords = ""
    core.category = ""
    core.revision = 1
    core.created = FIXED_TIME
    core.modified = FIXED_TIME


def normalised_zip(data: bytes) -> bytes:
    """Rewrite a zip with fixed timestamps, attributes and entry order."""
    with zipfile.ZipFile(io.BytesIO(data)) as src:
        entries = {info.filename: src.read(info.filename) for info in src.infolist()}

    first = ["[Content_Types].xml", "_rels/.rels"]
    order = [n for n in first if n in entries] + sorted(n for n in entries if n not in first)

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as dst:
        for name in order:
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0
            dst.writestr(info, entries[name], compresslevel=6)
    return out.getvalue()


# ---------------------------------------------------------------------------
# Entry points
# ---------------------------------------------------------------------------

LAYOUT_NAMES = ("Cover", "Project title", "Content")


def build_presentation():
    prs = Presentation()
    prs.slide_width = SLIDE_W_EMU
    prs.slide_height = SLIDE_H_EMU
    sld_sz = prs.part._element.find(qn("p:sldSz"))
    if "type" in sld_sz.attrib:  # "screen4x3" in the default template; 16:9 is custom
        del sld_sz.attrib["type"]

    # Keep the first three layout parts (slideLayout1..3) and remove the rest:
    # this drops their sldLayoutId entries, the master's relationships to
    # them and so the parts themselves.
    layouts = prs.slide_layouts
    for layout in list(layouts)[len(LAYOUT_NAMES):]:
        layouts.remove(layout)

    rebuild_theme(prs)
    rebuild_master(prs)
    build_cover(layouts[0])
    build_project_title(layouts[1])
    build_content(layouts[2])

    set_default_text_language(prs)
    drop_package_extras(prs)
    rewrite_app_properties(prs)
    set_core_properties(prs)
    return prs


def build_template(output: Path) -> Path:
    prs = build_presentation()
    buffer = io.BytesIO()
    prs.save(buffer)
    output = Path(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_bytes(normalised_zip(buffer.getvalue()))
    return output


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-o", "--output", type=Path, default=DEFAULT_OUTPUT,
                        help=f"output path (default: {DEFAULT_OUTPUT.relative_to(REPO_ROOT)})")
    args = parser.parse_args(argv)
    path = build_template(args.output)
    print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
