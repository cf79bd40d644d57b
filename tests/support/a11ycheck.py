"""Check a .pptx against the deck's accessibility rules, independently of tafollow.

tafollow is getting its own `tafollow check DECK.pptx`. This module checks
the same rules (R1-R7 and the core properties, written out below) a second
time, written from the rules alone: it imports nothing from tafollow and
reads the package with zipfile and lxml only, the way `rendercheck.py` and
`deckdump.py` do. Two implementations are there so that a bug in tafollow's
checker cannot hide a bug in the deck: the deck writer and its checker are
changed by the same hands, and a mistake shared by both would pass
unnoticed. It works on any deck, hand-made or tafollow's.

    problems(pptx_bytes) -> list[Problem]     every finding, package-level first
    contrast_ratio(hex1, hex2), relative_luminance(hex)   WCAG 2.1

The rules, per slide (presentation order, 1-based), on the slide's own
shapes (groups walked into, layout and master shapes not):

* untitled-slide: a title or ctrTitle placeholder with non-blank text.
* duplicate-title: no two slides share a title (whitespace collapsed,
  casefolded). Reported on every later slide that repeats an earlier one.
* missing-alt-text: every informative graphic (p:pic, p:graphicFrame,
  p:cxnSp, and a non-placeholder p:sp without visible text) has a non-blank
  `descr` on its p:cNvPr, or is marked decorative the way PowerPoint writes
  it (a:extLst/a:ext uri {C183D7F6-...} holding adec:decorative val="1").
* table-header: every a:tbl has a:tblPr firstRow="1" (or "true").
* low-contrast: every run (a:r, a:fld) with visible text reaches 4.5:1
  against what is behind it, 3:1 when large (>= 18 pt, or >= 14 pt bold).
* colour-alone: non-decorative p:sp with a solid fill and a preset
  geometry, grouped by preset; a group of two or more shapes in two or more
  colours is a colour code, and each of its shapes needs a non-blank descr.
* missing-language: every a:r and a:fld has a `lang` on its a:rPr.
* core-properties (slide 0): docProps/core.xml has a non-blank dc:title
  and a non-blank dc:language.

What the rules leave open, and what this module does:

* Colours. The rules name srgbClr and schemeClr. sysClr is read from its
  lastClr (the default Office theme writes dk1/lt1 that way); scrgbClr and
  hslClr are converted; prstClr and anything else is "unknown" (a run in an
  unknown colour is treated like one that sets none: dk1). The modifiers
  lumMod/lumOff (what PowerPoint's "Text 1, lighter 50 %" writes) are
  applied in HSL; tint, shade, alpha and the rest are ignored.
* Scheme names bg1/tx1/bg2/tx2 map to lt1/dk1/lt2/dk2 always, as the rules
  say ("the usual mapping"); a master's p:clrMap is not read.
* The theme is the one the slide's master points to through its
  relationships, which is ppt/theme/theme1.xml in a one-master deck (the
  file the rules name); theme1.xml is the fallback.
* Only colours written in the slide's XML count, as the rules list them:
  a run's own a:rPr fill (not the paragraph's defRPr, lstStyle, the
  layout placeholder or p:style's fontRef), a shape's own p:spPr fill (not
  p:style's fillRef), a cell's own a:tcPr fill (table styles are not
  resolved). A shape with a:grpFill takes its group's solid fill.
* Backgrounds: the first p:bg found on the slide, its layout, its master
  decides. bgRef is resolved through the theme's bgFillStyleLst (idx >=
  1001) or fillStyleLst (idx 1-999), phClr being the bgRef's own colour. A
  background or shape fill that is not solid (gradient, picture, pattern)
  is "none found": text on it is checked against white for a background,
  and against the slide background for a shape.
* Size: with no sz the run is normal size (no large-text allowance).
  Ratios are not rounded: 4.49:1 fails at 4.5:1.
* missing-language applies to every a:r and a:fld, blank ones included
  (R7 says every run; only R5 says "with visible text").
* missing-alt-text: a blank (whitespace-only) descr counts as missing. A
  group is never checked itself, only its children; but the children of a
  group marked decorative are decorative too (a screen reader skips the
  whole group).
* colour-alone: only the shape's own p:spPr/a:solidFill counts as "a solid
  fill" (python-pptx's default autoshape fill comes from p:style and is
  not counted); colours are compared after resolving scheme colours to
  RGB. The rule can only check that descr is there, not that it names the
  colour's meaning.
* Titles are the a:t texts of the placeholder joined without a separator;
  the first title placeholder with non-blank text is the slide's title.
* Hidden slides are checked like the others; notes slides, charts' own
  parts and mc:AlternateContent are not looked into.

Run it on a file to review a deck:

    .venv/bin/python tests/support/a11ycheck.py build/ta-seuranta.pptx
"""

from __future__ import annotations

import colorsys
import io
import posixpath
import re
import sys
import zipfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

__all__ = [
    "RULES",
    "Problem",
    "contrast_ratio",
    "counts",
    "problems",
    "relative_luminance",
]

A = "http://schemas.openxmlformats.org/drawingml/2006/main"
P = "http://schemas.openxmlformats.org/presentationml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
DC = "http://purl.org/dc/elements/1.1/"
DECORATIVE_URI = "{C183D7F6-B498-43B3-948B-1728B52AA6E4}"
DECORATIVE_NS = "http://schemas.microsoft.com/office/drawing/2017/decorative"
NS = {"a": A, "p": P, "r": R}

RULES = (
    "untitled-slide",
    "duplicate-title",
    "missing-alt-text",
    "table-header",
    "low-contrast",
    "colour-alone",
    "missing-language",
    "core-properties",
)

WHITE = "FFFFFF"
NORMAL_MIN_RATIO = 4.5
LARGE_MIN_RATIO = 3.0
SCHEME_ALIASES = {"bg1": "lt1", "tx1": "dk1", "bg2": "lt2", "tx2": "dk2"}
SYSTEM_COLOURS = {"windowText": "000000", "window": "FFFFFF"}
TRUE = ("1", "true")


def a(name: str) -> str:
    return f"{{{A}}}{name}"


def p(name: str) -> str:
    return f"{{{P}}}{name}"


@dataclass(frozen=True, order=True)
class Problem:
    """One finding: slide (1-based; 0 for the package), shape name ("" if none), rule id, message."""

    slide: int
    shape: str
    rule: str
    message: str

    def __str__(self) -> str:
        where = f"slide {self.slide}" if self.slide else "package"
        shape = f" {self.shape!r}" if self.shape else ""
        return f"{where}{shape}: {self.rule}: {self.message}"


# --------------------------------------------------------------------------
# WCAG 2.1 contrast


def _rgb(hex_colour: str) -> tuple[int, int, int]:
    value = hex_colour.strip().lstrip("#")
    if not re.fullmatch(r"[0-9A-Fa-f]{6}", value):
        raise ValueError(f"not an RRGGBB colour: {hex_colour!r}")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def relative_luminance(hex_colour: str) -> float:
    """Relative luminance of an sRGB colour "RRGGBB" (a leading # is allowed), as WCAG 2.1 defines it."""

    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in _rgb(hex_colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(hex1: str, hex2: str) -> float:
    """WCAG 2.1 contrast ratio (L1 + 0.05) / (L2 + 0.05), from 1 to 21, in either order."""
    l1, l2 = sorted((relative_luminance(hex1), relative_luminance(hex2)), reverse=True)
    return (l1 + 0.05) / (l2 + 0.05)


# --------------------------------------------------------------------------
# The package: parts, relationships, theme


class _Package:
    def __init__(self, data: bytes) -> None:
        self._zip = zipfile.ZipFile(io.BytesIO(data))
        self._names = set(self._zip.namelist())
        self._cache: dict[str, etree._Element | None] = {}

    def xml(self, name: str) -> etree._Element | None:
        if name not in self._cache:
            self._cache[name] = (
                etree.fromstring(self._zip.read(name)) if name in self._names else None
            )
        return self._cache[name]

    def rels(self, part: str) -> dict[str, tuple[str, str]]:
        """rId -> (type, target part name) of `part` ("" for the package)."""
        folder, base = posixpath.split(part)
        root = self.xml(posixpath.join(folder, "_rels", base + ".rels"))
        found: dict[str, tuple[str, str]] = {}
        if root is None:
            return found
        for rel in root.iter(f"{{{PKG_RELS}}}Relationship"):
            if rel.get("TargetMode") == "External":
                continue
            target = rel.get("Target", "")
            name = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
            found[rel.get("Id", "")] = (rel.get("Type", ""), name)
        return found

    def related(self, part: str, kind: str) -> str | None:
        """The first part `part` points to with a relationship type ending in "/kind"."""
        for rel_type, target in self.rels(part).values():
            if rel_type.endswith("/" + kind):
                return target
        return None

    def slides(self) -> list[str]:
        """Slide part names in presentation order (p:sldIdLst)."""
        presentation = self.related("", "officeDocument") or "ppt/presentation.xml"
        root = self.xml(presentation)
        if root is None:
            return []
        rels = self.rels(presentation)
        return [rels[sid.get(f"{{{R}}}id", "")][1] for sid in root.iterfind("p:sldIdLst/p:sldId", NS)
                if sid.get(f"{{{R}}}id", "") in rels]


class _Theme:
    def __init__(self, root: etree._Element | None) -> None:
        self.scheme: dict[str, str] = {}
        self.fill_styles: list[etree._Element] = []
        self.bg_fill_styles: list[etree._Element] = []
        if root is None:
            return
        scheme = root.find("a:themeElements/a:clrScheme", NS)
        if scheme is not None:
            for slot in scheme:
                if not isinstance(slot.tag, str):
                    continue
                colour = _colour_of(slot, self)
                if colour is not None:
                    self.scheme[etree.QName(slot).localname] = colour
        matrix = root.find("a:themeElements/a:fmtScheme", NS)
        if matrix is not None:
            self.fill_styles = [e for e in matrix.findall("a:fillStyleLst/*", NS)]
            self.bg_fill_styles = [e for e in matrix.findall("a:bgFillStyleLst/*", NS)]


COLOUR_TAGS = {a(n) for n in ("srgbClr", "schemeClr", "sysClr", "scrgbClr", "hslClr", "prstClr")}


def _colour_of(parent: etree._Element | None, theme: _Theme, placeholder: str | None = None) -> str | None:
    """The RRGGBB of the colour element inside `parent` (e.g. an a:solidFill), or None if unknown."""
    if parent is None:
        return None
    element = next((child for child in parent if child.tag in COLOUR_TAGS), None)
    if element is None:
        return None
    tag = etree.QName(element).localname
    value = element.get("val", "")
    base: str | None = None
    if tag == "srgbClr":
        base = value.upper() if re.fullmatch(r"[0-9A-Fa-f]{6}", value) else None
    elif tag == "sysClr":
        base = (element.get("lastClr") or SYSTEM_COLOURS.get(value, "")).upper() or None
    elif tag == "schemeClr":
        base = placeholder if value == "phClr" else theme.scheme.get(SCHEME_ALIASES.get(value, value))
    elif tag == "scrgbClr":
        def srgb(percent: str) -> int:
            c = max(0.0, min(1.0, int(percent) / 100000))
            c = c * 12.92 if c <= 0.0031308 else 1.055 * c ** (1 / 2.4) - 0.055
            return round(c * 255)
        base = "".join(f"{srgb(element.get(k, '0')):02X}" for k in ("r", "g", "b"))
    elif tag == "hslClr":
        h, s, lum = int(element.get("hue", "0")) / 21600000, int(element.get("sat", "0")) / 100000, \
            int(element.get("lum", "0")) / 100000
        base = "".join(f"{round(c * 255):02X}" for c in colorsys.hls_to_rgb(h, lum, s))
    if base is None:
        return None
    return _modified(base, element)


def _modified(hex_colour: str, element: etree._Element) -> str:
    """Apply lumMod / lumOff (in HSL, as PowerPoint does); other modifiers are ignored."""
    lum_mod = element.find("a:lumMod", NS)
    lum_off = element.find("a:lumOff", NS)
    if lum_mod is None and lum_off is None:
        return hex_colour
    r, g, b = (c / 255 for c in _rgb(hex_colour))
    h, lum, s = colorsys.rgb_to_hls(r, g, b)
    if lum_mod is not None:
        lum *= int(lum_mod.get("val", "100000")) / 100000
    if lum_off is not None:
        lum += int(lum_off.get("val", "0")) / 100000
    lum = max(0.0, min(1.0, lum))
    return "".join(f"{round(c * 255):02X}" for c in colorsys.hls_to_rgb(h, lum, s))


def _background(roots: list[etree._Element], theme: _Theme) -> str:
    """The slide's background colour: the first p:bg of slide, layout, master; white if not solid or none."""
    for root in roots:
        bg = root.find("p:cSld/p:bg", NS)
        if bg is None:
            continue
        properties = bg.find("p:bgPr", NS)
        if properties is not None:
            return _colour_of(properties.find("a:solidFill", NS), theme) or WHITE
        reference = bg.find("p:bgRef", NS)
        if reference is not None:
            own = _colour_of(reference, theme)
            idx = int(reference.get("idx", "0"))
            styles, i = (theme.bg_fill_styles, idx - 1001) if idx >= 1001 else (theme.fill_styles, idx - 1)
            style = styles[i] if 0 <= i < len(styles) else None
            if style is not None and style.tag == a("solidFill"):
                return _colour_of(style, theme, placeholder=own) or WHITE
            return WHITE
        return WHITE
    return WHITE


# --------------------------------------------------------------------------
# Shapes


@dataclass(frozen=True)
class _Shape:
    element: etree._Element
    kind: str  # sp, pic, graphicFrame, cxnSp
    decorative: bool
    group_fill: etree._Element | None  # the enclosing group's a:solidFill, for a:grpFill

    @property
    def cnvpr(self) -> etree._Element | None:
        return self.element.find("*/p:cNvPr", NS)

    @property
    def name(self) -> str:
        cnvpr = self.cnvpr
        return cnvpr.get("name", "") if cnvpr is not None else ""

    @property
    def descr(self) -> str:
        cnvpr = self.cnvpr
        return (cnvpr.get("descr") or "").strip() if cnvpr is not None else ""

    @property
    def placeholder(self) -> etree._Element | None:
        return self.element.find("*/p:nvPr/p:ph", NS)


LEAF_KINDS = {p("sp"): "sp", p("pic"): "pic", p("graphicFrame"): "graphicFrame", p("cxnSp"): "cxnSp"}


def _is_decorative(element: etree._Element) -> bool:
    cnvpr = element.find("*/p:cNvPr", NS)
    if cnvpr is None:
        return False
    for ext in cnvpr.iterfind("a:extLst/a:ext", NS):
        if (ext.get("uri") or "").upper() != DECORATIVE_URI:
            continue
        if any(mark.get("val") in TRUE for mark in ext.iter(f"{{{DECORATIVE_NS}}}decorative")):
            return True
    return False


def _walk(tree: etree._Element, decorative: bool = False,
          group_fill: etree._Element | None = None) -> Iterator[_Shape]:
    """The leaf shapes of a p:spTree / p:grpSp in document order, groups walked into."""
    for child in tree:
        if child.tag == p("grpSp"):
            fill = child.find("p:grpSpPr/a:solidFill", NS)
            yield from _walk(child, decorative or _is_decorative(child), fill if fill is not None else group_fill)
        elif child.tag in LEAF_KINDS:
            yield _Shape(child, LEAF_KINDS[child.tag], decorative or _is_decorative(child), group_fill)


def _text(element: etree._Element | None) -> str:
    return "" if element is None else "".join(t.text or "" for t in element.iter(a("t")))


def _runs(element: etree._Element) -> Iterator[etree._Element]:
    yield from element.iter(a("r"), a("fld"))


def _run_text(run: etree._Element) -> str:
    t = run.find("a:t", NS)
    return (t.text or "") if t is not None else ""


def _snippet(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")


def _shape_fill(shape: _Shape, theme: _Theme) -> tuple[str, str | None]:
    """("solid", colour) for a solid own fill (colour None if unknown), ("none", None) otherwise."""
    properties = shape.element.find("p:spPr", NS)
    if properties is None:
        return "none", None
    solid = properties.find("a:solidFill", NS)
    if solid is not None:
        return "solid", _colour_of(solid, theme)
    if properties.find("a:grpFill", NS) is not None and shape.group_fill is not None:
        return "solid", _colour_of(shape.group_fill, theme)
    return "none", None


# --------------------------------------------------------------------------
# The rules


def _title(shapes: list[_Shape]) -> tuple[str, str, bool]:
    """(title text, title shape name, whether a title placeholder exists)."""
    found = False
    name = ""
    for shape in shapes:
        ph = shape.placeholder
        if shape.kind != "sp" or ph is None or ph.get("type") not in ("title", "ctrTitle"):
            continue
        text = _text(shape.element.find("p:txBody", NS))
        if text.strip():
            return text, shape.name, True
        if not found:
            found, name = True, shape.name
    return "", name, found


def _alt_text(number: int, shapes: list[_Shape]) -> Iterator[Problem]:
    labels = {"pic": "picture", "graphicFrame": "graphic frame", "cxnSp": "connector", "sp": "shape without text"}
    for shape in shapes:
        if shape.decorative or shape.descr:
            continue
        if shape.kind == "sp" and (shape.placeholder is not None
                                   or _text(shape.element.find("p:txBody", NS)).strip()):
            continue
        if shape.kind == "graphicFrame" and shape.element.find(".//a:tbl", NS) is not None:
            label = "table"
        else:
            label = labels[shape.kind]
        yield Problem(number, shape.name, "missing-alt-text",
                      f"{label} has no alt text (descr) and is not marked decorative")


def _table_headers(number: int, shapes: list[_Shape]) -> Iterator[Problem]:
    for shape in shapes:
        if shape.kind != "graphicFrame":
            continue
        for table in shape.element.iter(a("tbl")):
            properties = table.find("a:tblPr", NS)
            if properties is None or properties.get("firstRow") not in TRUE:
                yield Problem(number, shape.name, "table-header", "table does not mark a header row (firstRow)")


def _placeholder_colour(shape: _Shape, templates: list[etree._Element], theme: _Theme) -> str | None:
    """The text colour a run inherits when it sets none: its own list style, the matching placeholder of
    the layout, then of the master (by type, or by idx), then the master's title or body text style.

    (The rule as first written assumed dark 1 for every such run; a cover whose layout sets white
    text on a blue background would then be reported although every viewer shows white on blue.)
    """
    own = shape.element.find("p:txBody/a:lstStyle/a:lvl1pPr/a:defRPr/a:solidFill", NS)
    if own is not None:
        return _colour_of(own, theme)
    ph = shape.placeholder
    if ph is None:
        return None
    kind, index = ph.get("type", "body"), ph.get("idx")
    for root in templates:
        for other in root.iterfind("p:cSld/p:spTree/p:sp", NS):
            theirs = other.find("p:nvSpPr/p:nvPr/p:ph", NS)
            if theirs is None:
                continue
            if theirs.get("type", "body") != kind and not (index is not None and theirs.get("idx") == index):
                continue
            fill = other.find("p:txBody/a:lstStyle/a:lvl1pPr/a:defRPr/a:solidFill", NS)
            if fill is not None:
                return _colour_of(fill, theme)
    for root in templates[-1:]:
        style = "p:titleStyle" if kind in ("title", "ctrTitle") else "p:bodyStyle"
        fill = root.find(f"p:txStyles/{style}/a:lvl1pPr/a:defRPr/a:solidFill", NS)
        if fill is not None:
            return _colour_of(fill, theme)
    return None


def _contrast(number: int, shapes: list[_Shape], theme: _Theme, background: str,
              templates: list[etree._Element]) -> Iterator[Problem]:
    def check(shape: _Shape, body: etree._Element, behind: str) -> Iterator[Problem]:
        default_text = _placeholder_colour(shape, templates, theme) or theme.scheme.get("dk1", "000000")
        for run in _runs(body):
            text = _run_text(run)
            if not text.strip():
                continue
            properties = run.find("a:rPr", NS)
            colour = None
            size = None
            bold = False
            if properties is not None:
                colour = _colour_of(properties.find("a:solidFill", NS), theme)
                size = int(properties.get("sz")) if (properties.get("sz") or "").isdigit() else None
                bold = properties.get("b") in TRUE
            colour = colour or default_text
            large = size is not None and (size >= 1800 or (bold and size >= 1400))
            needed = LARGE_MIN_RATIO if large else NORMAL_MIN_RATIO
            ratio = contrast_ratio(colour, behind)
            if ratio < needed:
                what = f"{size / 100:g} pt" if size is not None else "unsized"
                yield Problem(number, shape.name, "low-contrast",
                              f"{_snippet(text)} #{colour} on #{behind} is {ratio:.2f}:1 "
                              f"({what}{' bold' if bold else ''}; needs {needed:g}:1)")

    for shape in shapes:
        if shape.kind == "graphicFrame":
            for cell in shape.element.iter(a("tc")):
                body = cell.find("a:txBody", NS)
                if body is None:
                    continue
                fill = cell.find("a:tcPr/a:solidFill", NS)
                behind = (_colour_of(fill, theme) if fill is not None else None) or background
                yield from check(shape, body, behind)
        else:
            body = shape.element.find("p:txBody", NS)
            if body is None:
                continue
            kind, colour = _shape_fill(shape, theme)
            yield from check(shape, body, colour if kind == "solid" and colour else background)


def _colour_alone(number: int, shapes: list[_Shape], theme: _Theme) -> Iterator[Problem]:
    groups: dict[str, list[tuple[_Shape, str]]] = {}
    for shape in shapes:
        if shape.kind != "sp" or shape.decorative:
            continue
        geometry = shape.element.find("p:spPr/a:prstGeom", NS)
        kind, colour = _shape_fill(shape, theme)
        if geometry is None or kind != "solid":
            continue
        if colour is None:  # an unresolvable colour still differs from the others: key it by its XML
            solid = shape.element.find("p:spPr/a:solidFill", NS)
            colour = etree.tostring(solid).decode() if solid is not None else "?"
        groups.setdefault(geometry.get("prst", ""), []).append((shape, colour))
    for preset, members in groups.items():
        colours = {colour for _, colour in members}
        if len(members) < 2 or len(colours) < 2:
            continue
        for shape, colour in members:
            if not shape.descr:
                yield Problem(number, shape.name, "colour-alone",
                              f"one of {len(members)} {preset!r} shapes in {len(colours)} colours "
                              f"has no alt text saying what its colour #{colour[:6]} means")


def _language(number: int, shapes: list[_Shape]) -> Iterator[Problem]:
    for shape in shapes:
        for run in _runs(shape.element):
            properties = run.find("a:rPr", NS)
            if properties is None or not (properties.get("lang") or "").strip():
                yield Problem(number, shape.name, "missing-language",
                              f"run {_snippet(_run_text(run))} has no lang")


def _core_properties(package: _Package) -> Iterator[Problem]:
    part = package.related("", "core-properties") or "docProps/core.xml"
    root = package.xml(part)
    if root is None:
        yield Problem(0, "", "core-properties", "the package has no core properties (docProps/core.xml)")
        return
    for field, label in (("title", "title"), ("language", "language")):
        element = root.find(f"{{{DC}}}{field}")
        if element is None or not (element.text or "").strip():
            yield Problem(0, "", "core-properties", f"core properties have no dc:{field} ({label})")


def problems(pptx_bytes: bytes) -> list[Problem]:
    """Every accessibility problem of a deck: package-level ones (slide 0) first, then slide by slide."""
    package = _Package(pptx_bytes)
    found = list(_core_properties(package))
    titles: dict[str, int] = {}
    themes: dict[str, _Theme] = {}
    for number, part in enumerate(package.slides(), start=1):
        slide = package.xml(part)
        if slide is None:
            continue
        layout = package.related(part, "slideLayout")
        master = package.related(layout, "slideMaster") if layout else None
        theme_part = (package.related(master, "theme") if master else None) or "ppt/theme/theme1.xml"
        if theme_part not in themes:
            themes[theme_part] = _Theme(package.xml(theme_part))
        theme = themes[theme_part]
        roots = [root for root in (slide, package.xml(layout) if layout else None,
                                   package.xml(master) if master else None) if root is not None]
        tree = slide.find("p:cSld/p:spTree", NS)
        shapes = list(_walk(tree)) if tree is not None else []

        title, title_shape, has_placeholder = _title(shapes)
        if not title.strip():
            message = "the title placeholder is empty" if has_placeholder else "the slide has no title placeholder"
            found.append(Problem(number, title_shape, "untitled-slide", message))
        else:
            key = " ".join(title.split()).casefold()
            if key in titles:
                found.append(Problem(number, title_shape, "duplicate-title",
                                     f"title {_snippet(title)} is also the title of slide {titles[key]}"))
            else:
                titles[key] = number
        found += _alt_text(number, shapes)
        found += _table_headers(number, shapes)
        found += _contrast(number, shapes, theme, _background(roots, theme), roots[1:])
        found += _colour_alone(number, shapes, theme)
        found += _language(number, shapes)
    return found


def counts(found: list[Problem]) -> dict[str, int]:
    """Problems per rule id, every rule listed (zeros included), in RULES order."""
    tally = Counter(problem.rule for problem in found)
    return {rule: tally.get(rule, 0) for rule in RULES}


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: a11ycheck.py DECK.pptx", file=sys.stderr)
        return 2
    found = problems(Path(argv[0]).read_bytes())
    for problem in found:
        print(problem)
    print(", ".join(f"{rule} {n}" for rule, n in counts(found).items()))
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
