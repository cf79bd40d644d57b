"""A shape's paragraphs as drawn, with what they inherit from the layout and the master.

A paragraph in a content placeholder shows the master's bullet though its
own XML says nothing of it; its size and weight may come from the layout.
So each paragraph is read through the chain of list styles it inherits
from: its own properties, the shape's list style, the layout's and the
master's placeholder, and the master's text styles.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from tafollow.ooxml.colour import A, Theme, colour

P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
EMU_PER_PT = 12700
DEFAULT_SIZE = 18.0
"""PowerPoint's text size when nothing says otherwise."""
TITLE_TYPES = {"title", "ctrTitle"}
FOOTER_TYPES = {"dt", "ftr", "sldNum"}

Bullet = Literal["char", "number"] | None


@dataclass(frozen=True)
class Para:
    """One paragraph as drawn: its text (a line break as "\\n") and what marks it."""

    text: str
    level: int = 0
    bullet: Bullet = None
    indent: float = 0.0
    """Left margin of the text, in points (marL)."""
    bold: bool = False
    size: float = DEFAULT_SIZE
    color: str | None = None


def style_chain(shape: Any, slide: Any, placeholder: str | None) -> list[Any]:
    """The list styles a paragraph of `shape` inherits from, nearest first."""
    chain = []
    own = shape._element.find(f"{P}txBody/{A}lstStyle")
    if own is not None:
        chain.append(own)
    if placeholder is None:
        return chain
    layout_shape = _inherited(slide.slide_layout, shape)
    master_shape = _inherited(slide.slide_layout.slide_master, layout_shape or shape)
    for base in (layout_shape, master_shape):
        found = base._element.find(f"{P}txBody/{A}lstStyle") if base is not None else None
        if found is not None:
            chain.append(found)
    styles = slide.slide_layout.slide_master.element.find(f"{P}txStyles")
    if styles is not None and placeholder not in FOOTER_TYPES:
        found = styles.find(f"{P}titleStyle" if placeholder in TITLE_TYPES else f"{P}bodyStyle")
        if found is not None:
            chain.append(found)
    return chain


def _inherited(holder: Any, shape: Any) -> Any:
    """The placeholder of a layout (or master) that `shape` takes its place and style from."""
    try:
        mine = shape.placeholder_format
    except (AttributeError, ValueError):
        return None
    candidates = list(holder.placeholders)
    by_idx = [c for c in candidates if c.placeholder_format.idx == mine.idx and mine.idx]
    if by_idx:
        return by_idx[0]
    kind = placeholder_type(shape._element)
    same = {"ctrTitle": "title", "subTitle": "body", "obj": "body"}.get(kind or "", kind)
    return next((c for c in candidates if (placeholder_type(c._element) in (kind, same))), None)


def paragraphs(body: Any, chain: list[Any], theme: Theme) -> list[Para]:
    out = []
    for p in body.findall(f"{A}p"):
        ppr = p.find(f"{A}pPr")
        level = int(ppr.get("lvl", 0)) if ppr is not None else 0
        levels = [ppr] + [style.find(f"{A}lvl{level + 1}pPr") for style in chain]
        levels = [element for element in levels if element is not None]
        runs = [r for r in p if r.tag in (f"{A}r", f"{A}fld")]
        props = [r.find(f"{A}rPr") for r in runs if (r.findtext(f"{A}t") or "").strip()]
        defaults = [element.find(f"{A}defRPr") for element in levels]
        defaults = [element for element in defaults if element is not None]

        def attribute(name: str, props: list[Any] = props, defaults: list[Any] = defaults) -> list[str | None]:
            found = []
            for rpr in props or [None]:
                value = rpr.get(name) if rpr is not None else None
                for default in defaults:
                    if value is not None:
                        break
                    value = default.get(name)
                found.append(value)
            return found

        bold = all(value in ("1", "true") for value in attribute("b"))
        sizes = [int(value) / 100 for value in attribute("sz") if value]
        out.append(Para(text_of(p), level, _bullet(levels), _indent(levels), bold,
                        max(sizes) if sizes else DEFAULT_SIZE, _run_colour(props, theme)))
    return out


def _bullet(levels: list[Any]) -> Bullet:
    for element in levels:
        for child in element:
            tag = child.tag.replace(A, "")
            if tag == "buNone":
                return None
            if tag in ("buChar", "buBlip"):
                return "char"
            if tag == "buAutoNum":
                return "number"
    return None


def _indent(levels: list[Any]) -> float:
    for element in levels:
        if element.get("marL") is not None:
            return int(element.get("marL")) / EMU_PER_PT
    return 0.0


def _run_colour(props: list[Any], theme: Theme) -> str | None:
    for rpr in props:
        fill = rpr.find(f"{A}solidFill") if rpr is not None else None
        if fill is not None and len(fill):
            return colour(fill[0], theme)
    return None


def text_of(p: Any) -> str:
    """A paragraph's text: runs and fields as typed, a line break as "\\n"."""
    parts = []
    for child in p:
        if child.tag in (f"{A}r", f"{A}fld"):
            parts.append(child.findtext(f"{A}t") or "")
        elif child.tag == f"{A}br":
            parts.append("\n")
    return "".join(parts)


def placeholder_type(element: Any) -> str | None:
    ph = element.find(f"{P}nvSpPr/{P}nvPr/{P}ph")
    if ph is None:
        return None
    return ph.get("type", "obj" if ph.get("idx") else "body")
