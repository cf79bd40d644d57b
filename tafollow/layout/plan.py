"""The plan of the deck: what goes where, text already fitted.

Layout produces these plain objects and the writer (render, slidexml)
turns them into PresentationML without deciding anything: every position,
indent, inset, colour, line pitch and bullet font is here. Units are points
from the slide's top left corner; colours are RGB hex strings.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from tafollow.data.model import SlideKind
from tafollow.design import style


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
class Run:
    """A stretch of a paragraph in its own weight, e.g. the project name after a slide's heading."""

    text: str
    bold: bool


@dataclass(frozen=True)
class Paragraph:
    """One paragraph in one style; `bullet` is "•", "number" or None.

    The text starts `indent + hang` from the box's inner edge; a bullet or
    number hangs in the `hang` before it.
    """

    text: str
    size: float
    bold: bool = False
    color: str | None = None
    bullet: Literal["•", "number"] | None = None
    number: int = 1
    indent: float = 0.0
    space_before: float = 0.0
    align: Literal["left", "center", "right"] = "left"
    hang: float = 0.0
    runs: tuple[Run, ...] = ()
    """When given, the paragraph is written as these runs (their texts make up `text`)."""
    line_pitch: float = 0.0
    """Baseline to baseline, in points; 0 means the deck's pitch for `size`, filled in here."""
    bullet_font: str = ""
    """The typeface of the bullet or number; "" means the deck's, filled in here."""

    def __post_init__(self) -> None:
        # The deck's rules are applied where the paragraph is planned, so every layout module
        # gets them without repeating them and the writer writes the numbers as they are.
        if not self.line_pitch:
            object.__setattr__(self, "line_pitch", style.line_pitch(self.size))
        if self.bullet and not self.bullet_font:
            object.__setattr__(self, "bullet_font",
                               style.NUMBER_FONT if self.bullet == "number" else style.BULLET_FONT)


@dataclass(frozen=True)
class TextBox:
    """Text in a rectangle; fills the named layout placeholder when given."""

    rect: Rect
    paragraphs: tuple[Paragraph, ...]
    placeholder: str | None = None
    anchor: Literal["top", "middle", "bottom"] = "top"
    name: str = "Text"
    inset_x: float = 0.0
    inset_y: float = 0.0


@dataclass(frozen=True)
class Shape:
    """A filled shape, optionally labelled, e.g. a phase of the chart."""

    rect: Rect
    kind: Literal["rect", "rounded", "home_plate", "chevron", "ellipse", "diamond"]
    fill: str
    text: tuple[Paragraph, ...] = ()
    line: str | None = None
    name: str = "Shape"
    adjust: float | None = None
    """The preset's first adjustment (a chevron's point depth), as a share of the shorter side."""
    inset_x: float = 0.0
    inset_y: float = 0.0
    alt: str = ""
    """Alternative text, in the deck's language: what the shape tells a reader who cannot see it."""
    decorative: bool = False
    """Marked decorative (a rule, a swatch beside its own label): screen readers skip it."""


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
    inset_x: float = 0.0
    inset_y: float = 0.0
    colors: tuple[str, ...] = ()
    """Header fill, header text, total fill, band fill (even rows), odd rows' fill, body text."""
    alt: str = ""
    line_pitch: float = 0.0
    """The cells' line pitch, in points; 0 means the deck's pitch for `size`, filled in here."""

    def __post_init__(self) -> None:
        if not self.line_pitch:
            object.__setattr__(self, "line_pitch", style.line_pitch(self.size))


Item = TextBox | Shape | Table


@dataclass(frozen=True)
class Frames:
    """Where the template's placeholders are, in points (read from the template, input to layout)."""

    cover_title: Rect
    cover_subtitle: Rect
    kicker: Rect
    project_title: Rect
    details: Rect
    title: Rect
    body: Rect


@dataclass
class Slide:
    kind: SlideKind
    """What the slide is; the writer chooses the template's layout for it."""
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
    lang: str
    """BCP 47 tag written on every run and in the document properties, so spelling is checked and
    screen readers speak in the deck's language."""
