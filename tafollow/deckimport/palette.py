"""Colours: DrawingML colour elements to RGB, and an RGB to its nearest meaning.

People colour a phase "almost" green: Office's 00B050 rather than
Helsinki's 009246, a theme accent, a lighter tint. So a status is the
palette colour nearest in hue (in CIE L*a*b*, where distances look like
what people see), grey when the colour has hardly any colour at all, and
the answer says whether it was a clear choice.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from tafollow.design import style
from tafollow.ooxml.colour import Theme, linear_rgb

PHASES = dict(style.STATUS_FILL)
"""done / doing / todo → the fill tafollow draws them with (Helsinki palette)."""
LIGHTS = dict(style.LIGHTS)
"""on_track / achieved / at_risk / off_track → the traffic light's colour."""

GREY_CHROMA = 12.0
"""Below this chroma (C*ab) a colour reads as grey, whatever its hue."""
SURE_HUE = 35.0
"""A hue this far (degrees) from the nearest palette hue, or less clearly nearer than the next, is a guess."""
SURE_MARGIN = 12.0


@dataclass(frozen=True)
class Nearest:
    """The palette entry nearest a colour, and whether that was a clear choice."""

    key: str
    sure: bool


def theme_of_master(master: Any) -> Theme:
    """The theme of a python-pptx slide master (empty when the package has none)."""
    from pptx.opc.constants import RELATIONSHIP_TYPE as RT
    from pptx.oxml import parse_xml

    try:
        theme = parse_xml(master.part.part_related_by(RT.THEME).blob)
    except (KeyError, ValueError):
        theme = None
    mapping = master.element.find("{http://schemas.openxmlformats.org/presentationml/2006/main}clrMap")
    return Theme.from_xml(theme, dict(mapping.attrib) if mapping is not None else None)


def lab(hex_: str) -> tuple[float, float, float]:
    """CIE L*a*b* (D65) of an sRGB hex colour."""
    r, g, b = linear_rgb(hex_)
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def _chroma_hue(hex_: str) -> tuple[float, float]:
    _, a, b = lab(hex_)
    return math.hypot(a, b), math.degrees(math.atan2(b, a)) % 360


def nearest(hex_: str, palette: dict[str, str]) -> Nearest:
    """The palette entry that `hex_` is meant to be.

    A greyish colour is the palette's grey when it has one; otherwise the
    entry nearest in hue. Anything else (a blue phase, a grey light) is the
    nearest entry in L*a*b*, marked unsure.
    """
    chroma, hue = _chroma_hue(hex_)
    greys = [key for key, value in palette.items() if _chroma_hue(value)[0] < GREY_CHROMA]
    if chroma < GREY_CHROMA:
        if greys:
            return Nearest(greys[0], True)
        return Nearest(_closest(hex_, palette), False)
    distances = sorted((_hue_distance(hue, _chroma_hue(value)[1]), key) for key, value in palette.items()
                       if key not in greys)
    best, key = distances[0]
    margin = distances[1][0] - best if len(distances) > 1 else 180.0
    if best <= SURE_HUE and margin >= SURE_MARGIN:
        return Nearest(key, True)
    return Nearest(key if best <= 90 else _closest(hex_, palette), False)


def _hue_distance(a: float, b: float) -> float:
    return min(abs(a - b), 360 - abs(a - b))


def _closest(hex_: str, palette: dict[str, str]) -> str:
    here = lab(hex_)
    return min(palette, key=lambda key: math.dist(here, lab(palette[key])))
