"""The slides under a heading: a project's goal, progress and forecast slides, one per page of items.

Every title is unique, so that a screen-reader user moving from title to
title knows where they are: the heading (bold, as in the hand-made deck)
is followed by the project's name in regular weight, and pages after the
first are marked as continued, numbered when there are more than two.
"""

from __future__ import annotations

from tafollow.data.model import SlideKind
from tafollow.design import style
from tafollow.languages import Labels
from tafollow.layout.fit import fitted_box
from tafollow.layout.plan import Frames, Item, Slide

TITLE_JOIN = " – "
"""Between a slide's heading and the project it belongs to: "Tavoite – Harrastuspassi"."""


def heading(kind: SlideKind, own: str | None, labels: Labels) -> str:
    """The project's own heading for a slide of `kind`, else the language's (`<kind>_heading`)."""
    return own or labels(f"{kind}_heading")


def content_slides(kind: SlideKind, title: str, pages: list[list[Item]], frames: Frames, labels: Labels,
                   project: str = "") -> list[Slide]:
    """A content slide per page of items, titled `title` (and the project's name)."""
    slides = []
    for index, items in enumerate(pages):
        rest = TITLE_JOIN + project if project else ""
        if index:
            whole = labels("continued", title + rest, index + 1, len(pages))
            rest = whole[len(title):]
        box = fitted_box(frames.title, title, style.SLIDE_TITLE, placeholder="Title", name="Title", bold=True,
                         lighter=rest)
        slides.append(Slide(kind, [box, *items]))
    return slides
