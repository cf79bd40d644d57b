"""The plan of the deck: what goes where, text already fitted.

Layout produces these plain objects and render turns them into python-pptx
shapes without deciding anything. Units are points from the slide's top
left corner; colours are RGB hex strings.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    w: float
    h: float

    @property
    def bottom(self) -> float:
        return self.y + self.h

    @property
    def right(self) -> float:
        return self.x + self.w


@dataclass(frozen=True)
class Paragraph:
    """One paragraph in one style; `bullet` is "•", "number" or None."""

    text: str
    size: float
    bold: bool = False
    color: str | None = None
    bullet: Literal["•", "number"] | None = None
    number: int = 1
    indent: float = 0.0
    space_before: float = 0.0
    align: Literal["left", "center", "right"] = "left"


@dataclass(frozen=True)
class TextBox:
    """Text in a rectangle; fills the named layout placeholder when given."""

    rect: Rect
    paragraphs: tuple[Paragraph, ...]
    placeholder: str | None = None
    anchor: Literal["top", "middle", "bottom"] = "top"
    name: str = "Text"


@dataclass(frozen=True)
class Shape:
    """A filled shape, optionally labelled, e.g. a phase of the chart."""

    rect: Rect
    kind: Literal["rect", "rounded", "home_plate", "chevron", "ellipse", "diamond"]
    fill: str
    text: tuple[Paragraph, ...] = ()
    line: str | None = None
    name: str = "Shape"


@dataclass(frozen=True)
class Table:
    """A real table; the first row is the header, `total` marks the last row."""

    rect: Rect
    rows: tuple[tuple[str, ...], ...]
    column_widths: tuple[float, ...]
    row_heights: tuple[float, ...]
    size: float
    total: bool = False
    numeric: tuple[bool, ...] = ()


Item = TextBox | Shape | Table


@dataclass
class Slide:
    layout: str
    items: list[Item] = field(default_factory=list)
    footer: bool = True
    notes: str = ""


@dataclass
class Footer:
    date: str
    unit: str


@dataclass
class Deck:
    slides: list[Slide]
    footer: Footer
    title: str
    author: str
    lang: str = "fi-FI"
    """BCP 47 tag written on every run, so spelling is checked in the deck's language."""
