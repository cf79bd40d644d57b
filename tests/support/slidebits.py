"""Shapes and paragraphs as the reader gives them, for testing what the import makes of them."""

from __future__ import annotations

from typing import Any

from tafollow.deckimport.pptxread import Box, Para, Slide


def para(text: str, **kw: Any) -> Para:
    return Para(text, **kw)


def text(x: float, y: float, w: float, h: float, *paragraphs: str | Para, **kw: Any) -> Box:
    return Box("text", x, y, w, h, tuple(p if isinstance(p, Para) else Para(p) for p in paragraphs), **kw)


def title(words: str) -> Box:
    return text(36, 20, 648, 60, words, placeholder="title")


def figure(x: float, y: float, w: float, h: float, fill: str | None, *lines: str, geometry: str = "chevron") -> Box:
    return Box("figure", x, y, w, h, tuple(Para(line) for line in lines), geometry=geometry, fill=fill)


def table(x: float, y: float, *rows: tuple[str, ...]) -> Box:
    return Box("table", x, y, 300, 20.0 * len(rows), rows=tuple(rows))


def slide(number: int, *boxes: Box, notes: str = "") -> Slide:
    return Slide(number, tuple(Box(**{**b.__dict__, "order": i}) for i, b in enumerate(boxes)), notes)
