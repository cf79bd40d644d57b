"""A .pptx file → what each slide shows, shape by shape, as plain objects.

With pptxtext (paragraphs and what they inherit), the only module of the
import that knows PresentationML. Everything a
reader of the slide would see is kept: the text of every paragraph with
the bullet or number drawn before it (also when it comes from the layout
or the master, as in a content placeholder), where each shape is on the
slide (groups flattened into slide coordinates), the colour it is filled
with, and tables cell by cell. What a reader does not see (shape names,
alt text) is not used to understand the slide.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from tafollow.errors import DeckError, UsageError
from tafollow.ooxml.colour import A, Theme, colour
from tafollow.deckimport.palette import theme_of_master
from tafollow.deckimport.pptxtext import (EMU_PER_PT, FOOTER_TYPES, TITLE_TYPES, P, Para, paragraphs, placeholder_type, style_chain,
                       text_of)

R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
DGM = "{http://schemas.openxmlformats.org/drawingml/2006/diagram}"
CHART = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"
MAX_BYTES = 300 * 1024 * 1024
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"



@dataclass(frozen=True)
class Box:
    """A shape on the slide: a text box or placeholder, a filled figure, or a table."""

    kind: Literal["text", "figure", "table", "other"]
    """"other": a picture, chart or embedded object, whose content is not read (geometry says which)."""
    x: float
    y: float
    w: float
    h: float
    paragraphs: tuple[Para, ...] = ()
    placeholder: str | None = None
    """The placeholder type (title, ctrTitle, subTitle, body, obj, dt, ftr, sldNum …) or None."""
    geometry: str | None = None
    """The preset shape (chevron, homePlate, rect, ellipse …), "custom", or None."""
    fill: str | None = None
    rows: tuple[tuple[str, ...], ...] = ()
    inset_x: float = 7.2
    order: int = 0
    """Position in the slide's shape tree (groups flattened), for a stable reading order."""

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.paragraphs)

    @property
    def readable(self) -> tuple[Para, ...]:
        """What a reader reads in the box: its paragraphs, or a table's cells row by row."""
        if self.kind == "table":
            return tuple(Para(cell) for row in self.rows for cell in row if cell.strip())
        return self.paragraphs

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def bottom(self) -> float:
        return self.y + self.h

    @property
    def middle(self) -> float:
        return self.y + self.h / 2

    @property
    def is_title(self) -> bool:
        return self.placeholder in TITLE_TYPES

    @property
    def is_footer(self) -> bool:
        return self.placeholder in FOOTER_TYPES


@dataclass(frozen=True)
class Slide:
    number: int
    boxes: tuple[Box, ...]
    notes: str = ""


@dataclass(frozen=True)
class Deck:
    slides: tuple[Slide, ...]
    width: float
    height: float
    source: Path = field(default=Path("deck.pptx"))


MAX_UNPACKED = 2 * MAX_BYTES
"""python-pptx unpacks every part of a deck when it opens it: a small file that unpacks to gigabytes
(a zip bomb) is refused from the zip's directory first. Sizes are the ones the directory declares,
which zipfile never reads past."""


def _check_unpacked_size(path: Path, raw: bytes) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            total = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise DeckError(f"{path}: a damaged PowerPoint file ({exc})") from None
    if total > MAX_UNPACKED:
        raise DeckError(f"{path}: unpacks to {total // 1024 // 1024} MB, more than {MAX_UNPACKED // 1024 // 1024} MB; "
                        "is it a slide deck?")


def read_deck(path: Path) -> Deck:
    """Read `path`; raise `DeckError` for a file that is not a readable .pptx."""
    from tafollow.files import Unreadable, read_limited

    path = Path(path)
    # Through the one bounded reader: a named pipe given as the deck would otherwise wait for ever.
    if not path.exists():
        raise UsageError(f"{path}: no such file")
    if path.is_dir():
        raise UsageError(f"{path}: is a folder; give the .pptx file")
    try:
        if path.stat().st_size > MAX_BYTES:
            raise DeckError(f"{path}: larger than {MAX_BYTES // 1024 // 1024} MB; is it a slide deck?")
        raw = read_limited(path, MAX_BYTES)
    except Unreadable as problem:
        raise UsageError(f"{path}: {problem}") from None
    if raw.startswith(_OLE):
        if "EncryptionInfo".encode("utf-16-le") in raw:
            raise DeckError(f"{path}: the deck is protected with a password; open it in PowerPoint, remove "
                            "the password (File → Info → Protect Presentation) and save it again")
        raise DeckError(f"{path}: an old PowerPoint 97–2003 file (.ppt); save it as .pptx in PowerPoint first")
    if not zipfile.is_zipfile(io.BytesIO(raw)):
        raise DeckError(f"{path}: not a PowerPoint file (.pptx)")
    _check_unpacked_size(path, raw)
    from pptx import Presentation

    try:
        presentation = Presentation(io.BytesIO(raw))
    except Exception as exc:  # python-pptx raises many kinds for a package that is not a deck
        raise DeckError(f"{path}: not a PowerPoint presentation ({exc.__class__.__name__}: {exc})") from None
    width = (presentation.slide_width or 9144000) / EMU_PER_PT
    height = (presentation.slide_height or 6858000) / EMU_PER_PT
    themes: dict[int, Theme] = {}
    slides = []
    for number, slide in enumerate(presentation.slides, start=1):
        master = slide.slide_layout.slide_master
        theme = themes.setdefault(id(master), theme_of_master(master))
        slides.append(Slide(number, tuple(_boxes(slide, theme)), _notes(slide)))
    return Deck(tuple(slides), width, height, path)


def _notes(slide: Any) -> str:
    if not slide.has_notes_slide:
        return ""
    holder = slide.notes_slide.notes_placeholder
    return "\n".join(text_of(p) for p in holder._element.iter(f"{A}p")) if holder is not None else ""


# --------------------------------------------------------------------------
# Shapes


class _Transform:
    """Child coordinates of a group → slide coordinates, in points."""

    def __init__(self, scale_x: float = 1.0, scale_y: float = 1.0, dx: float = 0.0, dy: float = 0.0) -> None:
        self.scale_x, self.scale_y, self.dx, self.dy = scale_x, scale_y, dx, dy

    def rect(self, x: float, y: float, w: float, h: float) -> tuple[float, float, float, float]:
        return (x * self.scale_x + self.dx, y * self.scale_y + self.dy, w * self.scale_x, h * self.scale_y)

    def into(self, group: Any) -> _Transform:
        xfrm = group.find(f"{P}grpSpPr/{A}xfrm")
        if xfrm is None:
            return self
        off, ext, ch_off, ch_ext = (_pair(xfrm.find(f"{A}{tag}")) for tag in ("off", "ext", "chOff", "chExt"))
        sx = ext[0] / ch_ext[0] if ch_ext[0] else 1.0
        sy = ext[1] / ch_ext[1] if ch_ext[1] else 1.0
        inner = _Transform(sx, sy, off[0] - ch_off[0] * sx, off[1] - ch_off[1] * sy)
        return _Transform(self.scale_x * inner.scale_x, self.scale_y * inner.scale_y,
                          self.dx + inner.dx * self.scale_x, self.dy + inner.dy * self.scale_y)


def _pair(element: Any) -> tuple[float, float]:
    if element is None:
        return (0.0, 0.0)
    keys = ("x", "y") if element.get("x") is not None else ("cx", "cy")
    return (int(element.get(keys[0], 0)) / EMU_PER_PT, int(element.get(keys[1], 0)) / EMU_PER_PT)


def _boxes(slide: Any, theme: Theme) -> list[Box]:
    boxes: list[Box] = []
    _walk(slide.shapes, slide, theme, _Transform(), boxes)
    return boxes


def _walk(shapes: Any, slide: Any, theme: Theme, transform: _Transform, out: list[Box]) -> None:
    for shape in shapes:
        element = shape._element
        if element.tag == f"{P}grpSp":
            _walk(shape.shapes, slide, theme, transform.into(element), out)
            continue
        box = _box(shape, slide, theme, transform, len(out))
        if box is not None:
            out.append(box)


def _box(shape: Any, slide: Any, theme: Theme, transform: _Transform, order: int) -> Box | None:
    element = shape._element
    try:
        x, y, w, h = (float(value or 0) / EMU_PER_PT for value in (shape.left, shape.top, shape.width, shape.height))
    except (AttributeError, ValueError):
        return None
    x, y, w, h = transform.rect(x, y, w, h)
    if element.tag == f"{P}graphicFrame":
        table = element.find(f".//{A}tbl")
        if table is None:
            return _object(shape, x, y, w, h, order)
        rows = tuple(tuple("\n".join(text_of(p) for p in cell.iter(f"{A}p")) for cell in row.iter(f"{A}tc"))
                     for row in table.iter(f"{A}tr"))
        return Box("table", x, y, w, h, rows=rows, order=order)
    if element.tag == f"{P}pic":
        return Box("other", x, y, w, h, geometry="picture", order=order)
    if element.tag != f"{P}sp":
        return None  # connectors and lines: nothing to read
    placeholder = placeholder_type(element)
    chain = style_chain(shape, slide, placeholder)
    body = element.find(f"{P}txBody")
    found = tuple(paragraphs(body, chain, theme)) if body is not None else ()
    geometry = _geometry(element)
    fill = _fill(element, theme)
    is_text = element.find(f"{P}nvSpPr/{P}cNvSpPr").get("txBox") == "1" or placeholder is not None
    kind: Literal["text", "figure"] = "figure" if fill is not None and not is_text else "text"
    if kind == "text" and not any(p.text.strip() for p in found):
        return None  # a stray empty box
    inset = body.find(f"{A}bodyPr").get("lIns") if body is not None and body.find(f"{A}bodyPr") is not None else None
    return Box(kind, x, y, w, h, found, placeholder, geometry, fill,
               inset_x=int(inset) / EMU_PER_PT if inset is not None else 7.2, order=order)


def _object(shape: Any, x: float, y: float, w: float, h: float, order: int) -> Box:
    """A chart, SmartArt graphic or embedded object: SmartArt's text is read, the rest only noted."""
    from pptx.oxml import parse_xml

    element = shape._element
    ids = element.find(f".//{DGM}relIds")
    if ids is not None:
        try:
            data = parse_xml(shape.part.related_part(ids.get(f"{R}dm")).blob)
        except (KeyError, ValueError):
            data = None
        texts = [] if data is None else [
            text_of(p) for point in data.iter(f"{DGM}pt") if point.get("type", "node") == "node"
            for p in point.iter(f"{A}p")]
        return Box("text", x, y, w, h, tuple(Para(t) for t in texts if t.strip()), geometry="diagram", order=order)
    kind = "chart" if element.find(f".//{CHART}chart") is not None else "object"
    return Box("other", x, y, w, h, geometry=kind, order=order)


def _geometry(element: Any) -> str | None:
    preset = element.find(f"{P}spPr/{A}prstGeom")
    if preset is not None:
        return preset.get("prst")
    return "custom" if element.find(f"{P}spPr/{A}custGeom") is not None else None


def _fill(element: Any, theme: Theme) -> str | None:
    """The colour a shape is filled with; a gradient counts as its first stop."""
    properties = element.find(f"{P}spPr")
    for child in properties if properties is not None else []:
        tag = child.tag.replace(A, "")
        if tag == "noFill":
            return None
        if tag == "solidFill" and len(child):
            return colour(child[0], theme)
        if tag == "gradFill":
            stop = child.find(f"{A}gsLst/{A}gs")
            return colour(stop[0], theme) if stop is not None and len(stop) else None
        if tag == "pattFill":
            fg = child.find(f"{A}fgClr")
            return colour(fg[0], theme) if fg is not None and len(fg) else None
    reference = element.find(f"{P}style/{A}fillRef")  # a shape drawn with the theme's style
    if reference is not None and reference.get("idx", "0") != "0" and len(reference):
        return colour(reference[0], theme)
    return None
