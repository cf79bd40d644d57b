"""What a slide's shape inherits from its layout and master: placeholder styles and theme colours.

A placeholder's paragraphs show what their own XML does not say: the
bullet, size and colour of the layout's placeholder it stands for, of the
master's placeholder that one stands for, and of the master's text styles.
`tafollow check` judges contrast and `tafollow import` reads bullets and
sizes through this one chain, so the two agree on what a shape looks like.
Everything here works on lxml elements of the parts (python-pptx's
elements are lxml elements too), so either reader can use it.
"""

from __future__ import annotations

from typing import Any, Iterator

from tafollow.ooxml.colour import Theme
from tafollow.ooxml.ns import A, FOOTER_TYPES, P, TITLE_TYPES

_SHAPES = {f"{P}{name}" for name in ("sp", "grpSp", "graphicFrame", "cxnSp", "pic", "contentPart")}
_STANDS_FOR = {"ctrTitle": "title", "subTitle": "body", "obj": "body"}
"""A slide's placeholder of the left-hand type takes the look of a layout's of the right-hand type."""


def placeholder_type(shape: Any) -> str | None:
    """The placeholder type of a shape (title, ctrTitle, body, obj, dt …), None when it is no placeholder.

    An untyped placeholder with an index is an object placeholder; without one, a body.
    """
    ph = shape.find(f"{P}nvSpPr/{P}nvPr/{P}ph")
    if ph is None:
        return None
    return ph.get("type", "obj" if ph.get("idx") else "body")


def _ph(shape: Any) -> Any:
    """The p:ph of any kind of shape (its first child's p:nvPr holds it), or None."""
    first = next((child for child in shape if isinstance(child.tag, str)), None)  # comments have no str tag
    return first.find(f"{P}nvPr/{P}ph") if first is not None else None


def _index(ph: Any) -> int | None:
    try:
        return int(ph.get("idx", 0))
    except ValueError:
        return None


def _placeholders(holder: Any) -> Iterator[Any]:
    """The placeholders on a layout's or master's shape tree, in document order."""
    tree = holder.find(f"{P}cSld/{P}spTree")
    for child in tree if tree is not None else ():
        if child.tag in _SHAPES and _ph(child) is not None:
            yield child


def inherited_placeholder(shape: Any, holder: Any) -> Any:
    """The placeholder of a layout (or master) `holder` that `shape` takes its place and style from.

    Matched by index first (PowerPoint's own link), else by type, where a
    centred title stands for a title and a subtitle or object for a body.
    """
    ph = _ph(shape)
    if ph is None or holder is None:
        return None
    index = _index(ph)
    if index is None:
        return None
    candidates = list(_placeholders(holder))
    if index:
        by_index = [c for c in candidates if _index(_ph(c)) == index]
        if by_index:
            return by_index[0]
    kind = placeholder_type(shape)
    same = _STANDS_FOR.get(kind or "", kind)
    return next((c for c in candidates if placeholder_type(c) in (kind, same)), None)


def style_chain(shape: Any, layout: Any, master: Any) -> list[Any]:
    """The list styles (a:lstStyle, p:titleStyle, p:bodyStyle) a paragraph of `shape` inherits from, nearest first.

    `layout` and `master` are the roots of the slide's layout and master
    parts (None when the package lacks them). Footers take their look from
    the master's footer placeholders alone, not from its body text style.
    """
    chain = []
    own = shape.find(f"{P}txBody/{A}lstStyle")
    if own is not None:
        chain.append(own)
    placeholder = placeholder_type(shape)
    if placeholder is None:
        return chain
    layout_shape = inherited_placeholder(shape, layout)
    master_shape = inherited_placeholder(layout_shape if layout_shape is not None else shape, master)
    for base in (layout_shape, master_shape):
        found = base.find(f"{P}txBody/{A}lstStyle") if base is not None else None
        if found is not None:
            chain.append(found)
    styles = master.find(f"{P}txStyles") if master is not None else None
    if styles is not None and placeholder not in FOOTER_TYPES:
        found = styles.find(f"{P}titleStyle" if placeholder in TITLE_TYPES else f"{P}bodyStyle")
        if found is not None:
            chain.append(found)
    return chain


def theme_of(master: Any, theme: Any) -> Theme:
    """The colours of a master: its theme part's XML (None when there is none) through the master's colour map."""
    mapping = master.find(f"{P}clrMap") if master is not None else None
    return Theme.from_xml(theme, dict(mapping.attrib) if mapping is not None else None)
