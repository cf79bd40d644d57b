"""The deck's palette and type scale: the only place colours and text sizes are named.

Layout, chart, overview and writer all take their colours and sizes from
here, so the deck reads as one design rather than four. Colours are the
City of Helsinki's brand palette; text sizes come from one small scale, so
that however the fitting goes a whole deck uses at most `len(SCALE)` sizes.
"""

from __future__ import annotations

from dataclasses import dataclass

from tafollow.design import measure

# --------------------------------------------------------------------------
# Palette (Helsinki brand colours and greys), RGB hex

COAT_OF_ARMS = "0072C6"
BUS = "0000BF"
TRAM = "009246"
SUMMER = "FFC61E"
SILVER = "DEDFE1"
BRICK = "BD2719"
BLACK = "000000"
WHITE = "FFFFFF"
GREY = "595959"
"""Secondary text (step details); 7.0:1 on white."""
LIGHT_GREY = "F2F2F2"
FOG = "9FC9EB"

ACCENT = COAT_OF_ARMS
"""Sub-headings: the risks heading, the goal's subheading, the overview's header."""
STATUS_FILL = {"todo": SILVER, "doing": SUMMER, "done": TRAM}
STATUS_TEXT = {"todo": BLACK, "doing": BLACK, "done": BLACK}
"""Black on Tram green is 5.2:1; white on it would be 4.0:1, under WCAG's 4.5:1 for 12 pt text."""
STATUS_MARK = {"todo": "", "doing": "\u2192", "done": "\u2713"}
"""A cue besides colour (WCAG 1.4.1): a check mark on what is done, an arrow on what is under way;
the chart's phases and legend and the overview's cells carry it. (Liberation Sans draws the
geometric half circle too small to read at label sizes.)"""
PROGRESS_BAR = BLACK
"""The part of a doing phase that is done, drawn as a bar inside the phase."""
PROGRESS_TRACK = WHITE
MILESTONE = BUS
LIGHTS = {"on_track": TRAM, "achieved": COAT_OF_ARMS, "at_risk": SUMMER, "off_track": BRICK}
"""The forecast's traffic light."""
TABLE_HEADER_FILL, TABLE_HEADER_TEXT = BUS, WHITE
TABLE_TOTAL_FILL, TABLE_BAND_FILL, TABLE_TEXT = FOG, LIGHT_GREY, BLACK
RULE = SILVER

# --------------------------------------------------------------------------
# Type scale

SCALE: tuple[float, ...] = (10.0, 11.0, 12.0, 14.0, 16.0, 18.0, 20.0, 24.0, 28.0, 40.0)
"""Every text size the deck uses, in points. Fitting moves along this scale, never between its steps."""


@dataclass(frozen=True)
class Role:
    """A kind of text: the size it is designed at and the smallest it may shrink to."""

    design: float
    floor: float


COVER_TITLE = Role(40.0, 20.0)
COVER_SUBTITLE = Role(24.0, 12.0)
KICKER = Role(20.0, 20.0)
PROJECT_TITLE = Role(40.0, 20.0)
DETAILS = Role(20.0, 10.0)
SLIDE_TITLE = Role(28.0, 16.0)
GOAL = Role(20.0, 10.0)
BODY = Role(16.0, 10.0)
"""Steps, forecast narrative, risks."""
TABLE = Role(12.0, 10.0)
CHART_LABEL = Role(12.0, 10.0)
SMALL = 10.0
"""Legends, scale marks, lane names, milestones."""
SUMMARY = Role(14.0, 10.0)


def sizes(role: Role) -> list[float]:
    """The role's sizes on the scale, largest first."""
    return [size for size in reversed(SCALE) if role.floor <= size <= role.design]


def step(size: float, steps: int) -> float:
    """The size `steps` places up (positive) or down the scale from `size`, kept on the scale."""
    index = min(range(len(SCALE)), key=lambda i: abs(SCALE[i] - size))
    return SCALE[min(max(index + steps, 0), len(SCALE) - 1)]


def line_pitch(size: float) -> float:
    """The exact line spacing written into every paragraph, so renderers agree with layout."""
    return round(measure.line_height(size), 2)


# --------------------------------------------------------------------------
# Spacing that every box shares

INSET_Y = 3.6
"""Top and bottom inset of every text box and table cell."""
CELL_INSET_X = 7.2
"""Left and right inset inside a filled shape or table cell; free text boxes have none, so
their text starts at the content margin, where shapes and tables start."""
