"""A shape's paragraphs as drawn, with what they inherit from the layout and the master.

A paragraph in a content placeholder shows the master's bullet though its
own XML says nothing of it; its size and weight may come from the layout.
So each paragraph is read through the chain of list styles it inherits
from (`ooxml.master.style_chain`, the one `tafollow check` judges colours
by): its own properties, the shape's list style, the layout's and the
master's placeholder, and the master's text styles.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from tafollow.ooxml.colour import Theme, colour
from tafollow.ooxml.ns import A, EMU_PER_PT

DEFAULT_SIZE = 18.0
"""PowerPoint's text size when nothing says otherwise."""

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
    lead: str = ""
    """The paragraph's first runs when they are set apart from the rest (bold or another colour), as a
    verdict run into the narrative is ("**Tavoite on toteutunut.** 60 laitetta …"); else empty."""


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
                        max(sizes) if sizes else DEFAULT_SIZE, _run_colour(props, theme),
                        _lead(runs, attribute, theme)))
    return out


def _lead(runs: list[Any], attribute: Any, theme: Theme) -> str:
    """The text of the first runs when their weight or colour differs from every run after them."""
    texts = [run.findtext(f"{A}t") or "" for run in runs]
    shown = [(i, run) for i, run in enumerate(runs) if texts[i].strip()]
    if len(shown) < 2:
        return ""
    props = [run.find(f"{A}rPr") for _, run in shown]
    bold = [value in ("1", "true") for value in attribute("b", props)]
    colours = [_run_colour([rpr], theme) for rpr in props]
    looks = list(zip(bold, colours))
    first = looks[0]
    cut = next((k for k, look in enumerate(looks) if look != first), None)
    if cut is None or any(look == first for look in looks[cut:]):
        return ""
    return "".join(texts[: shown[cut][0]])


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
