"""`tafollow check DECK.pptx`: the accessibility problems of any deck, ours or made by hand.

The city publishes its board material, so the deck must pass what
PowerPoint's Accessibility Checker and WCAG 2.1 AA (applied to documents
by EN 301 549 clause 10) ask. This reads the package with lxml only,
bounded by `ooxml.archive` as every deck is: it judges the file as any
reader gets it, not tafollow's intentions, and a hand-made deck is checked
the same way. docs/accessibility.md lists each rule, its source and how
tafollow's own decks meet it.
"""

from __future__ import annotations

import posixpath
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lxml import etree

from tafollow.errors import DeckError
from tafollow.languages import FALLBACK
from tafollow.ooxml.archive import Package, PackageProblem, read_file
from tafollow.ooxml.colour import Theme, colour, linear_rgb
from tafollow.ooxml.master import style_chain, theme_of
from tafollow.ooxml.ns import DC, DECORATIVE, DECORATIVE_EXTENSION, EMU_PER_PT, FOOTER_TYPES, NS, PR, TITLE_TYPES, A, R
from tafollow.ooxml.package import kind_of_refusal, transitional

RULES = ("untitled-slide", "duplicate-title", "missing-alt-text", "table-header", "low-contrast", "colour-alone",
         "missing-language", "core-properties")


@dataclass(frozen=True)
class Problem:
    """One problem: the slide (1-based; 0 for the whole document), the shape's name, the rule, its details."""

    slide: int
    shape: str
    rule: str
    detail: str = ""


@dataclass(frozen=True)
class Report:
    language: str
    """The deck's main language (fi, sv or en when it is one of them), for the messages."""
    slides: int
    problems: list[Problem]
    unjudged: int = 0
    """Runs of text whose background is a picture, a gradient or a pattern: their contrast is not judged."""


Box = tuple[float, float, float, float]
"""A shape's left, top, width and height in points, from the slide's top left corner."""


def decorative_boxes(path: Path) -> list[list[Box]]:
    """Per slide, where the shapes marked decorative are: a PDF made of the deck shows them there.

    LibreOffice 7.4 puts a decorative shape into the PDF's structure tree
    as a figure without alternative text; `pdftags` finds it by this box.
    """
    return _boxes(path, lambda shape, props: _decorative(props))


def footer_boxes(path: Path) -> list[list[Box]]:
    """Per slide, where its footer placeholders (date, footer, slide number) are."""
    def footer(shape: Any, props: Any) -> bool:
        ph = shape.find("p:nvSpPr/p:nvPr/p:ph", NS)
        return ph is not None and ph.get("type") in (*FOOTER_TYPES, "hdr")

    return _boxes(path, footer)


def _boxes(path: Path, wanted: Any) -> list[list[Box]]:
    package = Package(read_file(path))
    try:
        deck = _Deck(package)
        out = []
        for slide in deck.slides():
            boxes = []
            for shape in _Slide(deck, slide).shapes():
                props = shape.find("*/p:cNvPr", NS)
                place = shape.find("p:spPr/a:xfrm", NS)
                if props is None or place is None or not wanted(shape, props):
                    continue
                off, ext = place.find("a:off", NS), place.find("a:ext", NS)
                if off is None or ext is None:
                    continue
                x, y, w, h = (int(v) / EMU_PER_PT for v in (off.get("x", 0), off.get("y", 0), ext.get("cx", 0),
                                                            ext.get("cy", 0)))
                boxes.append((x, y, w, h))
            out.append(boxes)
        return out
    finally:
        package.close()


def check(path: Path) -> Report:
    """Every accessibility problem of the deck at `path`; raises `DeckError` for a file that is no deck."""
    from tafollow.files import Unreadable

    try:
        raw = read_file(path)  # bounded, and a named pipe is refused rather than waited on
    except Unreadable as problem:
        raise DeckError(f"{path}: {problem}") from None
    refusal = kind_of_refusal(raw[:1 << 20])
    if refusal is not None:
        raise DeckError(f"{path}: {refusal}")
    try:
        package = Package(raw)
    except PackageProblem as problem:
        raise DeckError(f"{path}: {problem}") from None
    try:
        return _Deck(package).report()
    except KeyError:
        raise DeckError(f"{path}: not a PowerPoint presentation; a part it needs is missing") from None
    except etree.XMLSyntaxError:
        raise DeckError(f"{path}: not a readable PowerPoint presentation; a part of it is not well-formed XML"
                        ) from None
    except PackageProblem as problem:
        raise DeckError(f"{path}: {problem}") from None
    except ValueError:
        raise DeckError(f"{path}: not a readable PowerPoint presentation; a number or a name in it is "
                        "not in the form the format asks") from None
    finally:
        package.close()


class _Deck:
    def __init__(self, package: Package) -> None:
        self.package = package
        self._parsed: dict[str, Any] = {}
        self._themes: dict[str, Theme] = {}
        self.unjudged = 0
        """Runs of text on a picture, a gradient or a pattern, whose contrast cannot be measured."""

    # -- the package ----------------------------------------------------------

    def xml(self, name: str) -> Any:
        if name not in self._parsed:
            parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
            self._parsed[name] = etree.fromstring(transitional(self.package.read(name)), parser)
        return self._parsed[name]

    def related(self, part: str, kind: str) -> list[str]:
        """The parts `part` refers to with relationships of type ending in `kind`."""
        folder, base = posixpath.split(part)
        rels = posixpath.join(folder, "_rels", base + ".rels")
        if rels not in self.package:
            return []
        out = []
        for rel in self.xml(rels).iter(f"{PR}Relationship"):
            if rel.get("Type", "").endswith("/" + kind) and rel.get("TargetMode") != "External":
                out.append(posixpath.normpath(posixpath.join(folder, rel.get("Target", ""))))
        return out

    def slides(self) -> list[str]:
        presentation = "ppt/presentation.xml"
        ids = {}
        for rel in self.xml("ppt/_rels/presentation.xml.rels").iter(f"{PR}Relationship"):
            ids[rel.get("Id")] = posixpath.normpath(posixpath.join("ppt", rel.get("Target", "")))
        return [ids[entry.get(f"{R}id")] for entry in self.xml(presentation).iterfind("p:sldIdLst/p:sldId", NS)]

    # -- the rules --------------------------------------------------------------

    def report(self) -> Report:
        problems: list[Problem] = []
        titles: dict[str, int] = {}
        languages: Counter[str] = Counter()
        slides = self.slides()
        for number, slide in enumerate(slides, start=1):
            page = _Slide(self, slide)
            title = page.title()
            if not title.strip():
                problems.append(Problem(number, "", "untitled-slide"))
            else:
                key = " ".join(title.split()).casefold()
                if key in titles:
                    problems.append(Problem(number, "", "duplicate-title", f"{title} ({titles[key]})"))
                else:
                    titles[key] = number
            problems += page.problems(number, languages)
        problems += self.core_problems()
        main = languages.most_common(1)[0][0].split("-")[0].lower() if languages else FALLBACK
        return Report(main, len(slides), problems, self.unjudged)

    def core_problems(self) -> list[Problem]:
        if "docProps/core.xml" not in self.package:
            return [Problem(0, "", "core-properties", "docProps/core.xml")]
        core = self.xml("docProps/core.xml")
        missing = [name for name in ("title", "language") if not (core.findtext(DC + name) or "").strip()]
        return [Problem(0, "", "core-properties", ", ".join(missing))] if missing else []

    # -- colours ----------------------------------------------------------------

    def theme(self, master: str) -> Theme:
        if master not in self._themes:
            themes = self.related(master, "theme")
            self._themes[master] = theme_of(self.xml(master), self.xml(themes[0]) if themes else None)
        return self._themes[master]


def colour_of(element: Any, theme: Theme) -> str | None:
    """The RGB hex of a solid fill (any colour element, through the theme, tints and shades applied)."""
    if element is None:
        return None
    fill = element if etree.QName(element).localname == "solidFill" else element.find("a:solidFill", NS)
    if fill is None or not len(fill):
        return None
    return colour(fill[0], theme)


SEE_THROUGH = "see-through"
"""A shape without a fill of its own: the text is read against what is behind it."""


def fill_of(props: Any, theme: Theme) -> str | None:
    """What an spPr, bgPr or tcPr fills with: an RGB hex, SEE_THROUGH, or None for a fill of many colours.

    A gradient, a picture or a pattern has no one colour to measure text
    against: the contrast there cannot be known, and guessing the slide's
    background colour instead gave "white on white, 1.00:1".
    """
    if props is None:
        return SEE_THROUGH
    for child in props:
        name = etree.QName(child).localname
        if name == "solidFill":
            return colour(child[0], theme) if len(child) else None
        if name in ("gradFill", "blipFill", "pattFill", "grpFill"):
            return None
        if name == "noFill":
            return SEE_THROUGH
    return SEE_THROUGH


def luminance(rgb: str) -> float:
    """WCAG 2.1 relative luminance of an RGB hex colour."""
    r, g, b = linear_rgb(rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(first: str, second: str) -> float:
    """WCAG 2.1 contrast ratio of two RGB hex colours, 1 to 21."""
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def minimum_contrast(size: float, bold: bool) -> float:
    """4.5:1, or 3:1 for large text: 18 pt, or 14 pt bold (WCAG 1.4.3)."""
    return 3.0 if size >= 18 or (bold and size >= 14) else 4.5


class _Slide:
    def __init__(self, deck: _Deck, part: str) -> None:
        self.deck = deck
        self.root = deck.xml(part)
        layouts = deck.related(part, "slideLayout")
        self.layout = deck.xml(layouts[0]) if layouts else None
        masters = deck.related(layouts[0], "slideMaster") if layouts else []
        self.master = deck.xml(masters[0]) if masters else None
        self.theme = deck.theme(masters[0]) if masters else Theme({})
        self.background = self._background()

    def _background(self) -> str | None:
        """The slide's background colour; None where it is a picture, a gradient or a pattern."""
        for root in (self.root, self.layout, self.master):
            if root is None:
                continue
            bg = root.find("p:cSld/p:bg", NS)
            if bg is None:
                continue
            props = bg.find("p:bgPr", NS)
            if props is not None:
                found = fill_of(props, self.theme)
                if found is not SEE_THROUGH:
                    return found
            ref = bg.find("p:bgRef", NS)
            if ref is not None and len(ref):
                # idx 1 and 1001 are the theme's plain fills; the others are its gradients and pictures.
                return colour(ref[0], self.theme) if ref.get("idx") in ("1", "1001") else None
        return self.theme.named("bg1") or "FFFFFF"

    def shapes(self) -> list[Any]:
        """Every shape on the slide, groups walked into, in document (reading) order."""
        tree = self.root.find("p:cSld/p:spTree", NS)
        out: list[Any] = []

        def walk(parent: Any) -> None:
            for child in parent:
                name = etree.QName(child).localname
                if name == "grpSp":
                    walk(child)
                elif name in ("sp", "pic", "graphicFrame", "cxnSp"):
                    out.append(child)
        if tree is not None:
            walk(tree)
        return out

    def title(self) -> str:
        for shape in self.shapes():
            ph = shape.find("p:nvSpPr/p:nvPr/p:ph", NS)
            if ph is not None and ph.get("type") in TITLE_TYPES:
                return "".join(t.text or "" for t in shape.iter(f"{A}t"))
        return ""

    def problems(self, number: int, languages: Counter[str]) -> list[Problem]:
        problems: list[Problem] = []
        coded: dict[str, list[tuple[Any, str]]] = {}
        for shape in self.shapes():
            kind = etree.QName(shape).localname
            props = shape.find("*/p:cNvPr", NS)
            name = props.get("name", "") if props is not None else ""
            alt = (props.get("descr") or "").strip() if props is not None else ""
            decorative = props is not None and _decorative(props)
            text = "".join(t.text or "" for t in shape.iter(f"{A}t")).strip()
            placeholder = shape.find("p:nvSpPr/p:nvPr/p:ph", NS) is not None
            informative = kind in ("pic", "graphicFrame", "cxnSp") or (kind == "sp" and not placeholder and not text)
            if informative and not decorative and not alt:
                problems.append(Problem(number, name, "missing-alt-text"))
            for table in shape.iter(f"{A}tbl"):
                first = table.find("a:tblPr", NS)
                if first is None or first.get("firstRow") not in ("1", "true"):
                    problems.append(Problem(number, name, "table-header"))
            fill = colour_of(shape.find("p:spPr", NS), self.theme)
            geometry = shape.find("p:spPr/a:prstGeom", NS)
            if kind == "sp" and fill and geometry is not None and not decorative:
                coded.setdefault(geometry.get("prst", ""), []).append((shape, fill))
            problems += self._runs(number, name, shape, self._behind(shape), languages)
        for members in coded.values():
            if len(members) >= 2 and len({fill for _, fill in members}) >= 2:
                for shape, _ in members:
                    props = shape.find("*/p:cNvPr", NS)
                    if not (props.get("descr") or "").strip():
                        problems.append(Problem(number, props.get("name", ""), "colour-alone"))
        return problems

    def _behind(self, shape: Any) -> str | None:
        """The colour behind a shape's text: its own fill, its theme style's fill, or the background."""
        own = fill_of(shape.find("p:spPr", NS), self.theme)
        if own is not SEE_THROUGH:
            return own
        reference = shape.find("p:style/a:fillRef", NS)
        if reference is not None and reference.get("idx", "0") != "0" and len(reference):
            # idx 1 is the theme's plain fill; 2 and 3 are its gradients.
            return colour(reference[0], self.theme) if reference.get("idx") == "1" else None
        return self.background

    def _runs(self, number: int, name: str, shape: Any, behind: str | None,
              languages: Counter[str]) -> list[Problem]:
        problems = []
        inherited = self._inherited_colour(shape)
        for cell_or_shape in [shape, *shape.iter(f"{A}tc")]:
            under = behind
            if etree.QName(cell_or_shape).localname == "tc":
                cell = fill_of(cell_or_shape.find("a:tcPr", NS), self.theme)
                under = behind if cell is SEE_THROUGH else cell
            body = cell_or_shape.find("p:txBody", NS) if cell_or_shape is shape else cell_or_shape.find("a:txBody", NS)
            if body is None:
                continue
            for run in body.iter(f"{A}r", f"{A}fld"):
                text = "".join(t.text or "" for t in run.iter(f"{A}t"))
                props = run.find("a:rPr", NS)
                lang = props.get("lang") if props is not None else None
                if not lang and text.strip():
                    problems.append(Problem(number, name, "missing-language", text[:40]))
                elif lang:
                    languages[lang] += len(text)
                if not text.strip():
                    continue
                ink = colour_of(props, self.theme) if props is not None else None
                ink = ink or inherited or self.theme.named("tx1") or "000000"
                # A size the run does not state counts as normal text, the stricter minimum.
                size = int(props.get("sz")) / 100 if props is not None and props.get("sz") else 12.0
                bold = props is not None and props.get("b") in ("1", "true")
                if under is None:
                    self.deck.unjudged += 1
                    continue
                ratio = contrast(ink, under)
                if ratio < minimum_contrast(size, bold) - 1e-9:
                    problems.append(Problem(number, name, "low-contrast",
                                            f"{text.strip()[:40]!r}: #{ink} on #{under}, {ratio:.2f}:1 at {size:g} pt"))
        return problems

    def _inherited_colour(self, shape: Any) -> str | None:
        """A run's colour when it sets none: its own list style, its theme style's text colour, then the
        list styles its placeholder inherits (as import reads them)."""
        own = colour_of(shape.find("p:txBody/a:lstStyle/a:lvl1pPr/a:defRPr", NS), self.theme)
        if own:
            return own
        font = shape.find("p:style/a:fontRef", NS)  # a shape drawn with the theme's style: its text colour
        if font is not None and len(font):
            return colour(font[0], self.theme)
        for style in style_chain(shape, self.layout, self.master):
            found = colour_of(style.find("a:lvl1pPr/a:defRPr", NS), self.theme)
            if found:
                return found
        return None


def _decorative(props: Any) -> bool:
    for ext in props.iterfind("a:extLst/a:ext", NS):
        if ext.get("uri") == DECORATIVE_EXTENSION:
            mark = ext.find(f"{{{DECORATIVE}}}decorative")
            if mark is not None and mark.get("val") in ("1", "true"):
                return True
    return False


_RULE_NAME = re.compile(r"[^a-z]")


def label_key(rule: str) -> str:
    """The labels.j2 macro that words `rule`: check_ and the rule with underscores."""
    return "check_" + _RULE_NAME.sub("_", rule)
