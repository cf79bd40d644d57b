"""Colours: DrawingML colour elements to RGB, and an RGB to its nearest meaning.

People colour a phase "almost" green: Office's 00B050 rather than
Helsinki's 009246, a theme accent, a lighter tint. So a status is the
palette colour nearest in hue (in CIE L*a*b*, where distances look like
what people see), grey when the colour has hardly any colour at all, and
the answer says whether it was a clear choice.
"""

from __future__ import annotations

import colorsys
import math
from dataclasses import dataclass
from typing import Any

from .. import style

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"

PHASES = dict(style.STATUS_FILL)
"""done / doing / todo → the fill tafollow draws them with (Helsinki palette)."""
LIGHTS = dict(style.LIGHTS)
"""on_track / achieved / at_risk / off_track → the traffic light's colour."""

GREY_CHROMA = 12.0
"""Below this chroma (C*ab) a colour reads as grey, whatever its hue."""
SURE_HUE = 35.0
"""A hue this far (degrees) from the nearest palette hue, or less clearly nearer than the next, is a guess."""
SURE_MARGIN = 12.0

# The few preset colour names a hand-made deck might carry (a:prstClr).
_PRESET = {"black": "000000", "white": "FFFFFF", "red": "FF0000", "green": "008000", "lime": "00FF00",
           "blue": "0000FF", "yellow": "FFFF00", "orange": "FFA500", "gray": "808080", "grey": "808080",
           "silver": "C0C0C0", "gold": "FFD700", "darkGreen": "006400", "lightGray": "D3D3D3"}
_MAP_DEFAULT = {"bg1": "lt1", "tx1": "dk1", "bg2": "lt2", "tx2": "dk2"}


@dataclass(frozen=True)
class Nearest:
    """The palette entry nearest a colour, and whether that was a clear choice."""

    key: str
    sure: bool


class Theme:
    """A slide master's theme colours, as the colour map names them (accent1, tx1, bg1 …)."""

    def __init__(self, scheme: dict[str, str], colour_map: dict[str, str] | None = None) -> None:
        self.scheme = scheme
        self.colour_map = {**_MAP_DEFAULT, **(colour_map or {})}

    @classmethod
    def of_master(cls, master: Any) -> Theme:
        """The theme of a python-pptx slide master (empty when the package has none)."""
        from pptx.opc.constants import RELATIONSHIP_TYPE as RT
        from pptx.oxml import parse_xml

        scheme: dict[str, str] = {}
        try:
            theme = parse_xml(master.part.part_related_by(RT.THEME).blob)
        except (KeyError, ValueError):
            theme = None
        if theme is not None:
            colours = theme.find(f"{A}themeElements/{A}clrScheme")
            for entry in colours if colours is not None else []:
                value = _base(entry[0], None) if len(entry) else None
                if value:
                    scheme[entry.tag.replace(A, "")] = value
        mapping = master.element.find("{http://schemas.openxmlformats.org/presentationml/2006/main}clrMap")
        return cls(scheme, dict(mapping.attrib) if mapping is not None else None)

    def named(self, name: str) -> str | None:
        return self.scheme.get(self.colour_map.get(name, name))


def colour(element: Any, theme: Theme | None, placeholder: str | None = None) -> str | None:
    """The RGB hex of a colour element (a:srgbClr, a:schemeClr …), its tints and shades applied."""
    base = _base(element, theme, placeholder)
    if base is None:
        return None
    return _modified(base, element)


def _base(element: Any, theme: Theme | None, placeholder: str | None = None) -> str | None:
    tag = element.tag.replace(A, "")
    if tag == "srgbClr":
        return element.get("val", "").upper() or None
    if tag == "sysClr":
        return (element.get("lastClr") or ("FFFFFF" if element.get("val") == "window" else "000000")).upper()
    if tag == "prstClr":
        return _PRESET.get(element.get("val", ""))
    if tag == "schemeClr":
        name = element.get("val", "")
        if name == "phClr":
            return placeholder
        return theme.named(name) if theme is not None else None
    if tag == "scrgbClr":
        return "".join(f"{round(min(max(int(element.get(c, 0)) / 100000, 0), 1) * 255):02X}" for c in "rgb")
    if tag == "hslClr":
        hue, sat, lum = (int(element.get(k, 0)) for k in ("hue", "sat", "lum"))
        r, g, b = colorsys.hls_to_rgb(hue / 21600000, lum / 100000, sat / 100000)
        return "".join(f"{round(c * 255):02X}" for c in (r, g, b))
    return None


def _modified(base: str, element: Any) -> str:
    """Apply lumMod/lumOff (Office's "Lighter 40 %"), tint and shade."""
    r, g, b = (int(base[i:i + 2], 16) / 255 for i in (0, 2, 4))
    for modifier in element:
        name = modifier.tag.replace(A, "")
        value = int(modifier.get("val", "100000")) / 100000
        if name in ("lumMod", "lumOff"):
            hue, lum, sat = colorsys.rgb_to_hls(r, g, b)
            lum = lum * value if name == "lumMod" else lum + value
            r, g, b = colorsys.hls_to_rgb(hue, min(max(lum, 0.0), 1.0), sat)
        elif name == "tint":
            r, g, b = (c + (1 - c) * (1 - value) for c in (r, g, b))
        elif name == "shade":
            r, g, b = (c * value for c in (r, g, b))
    return "".join(f"{round(min(max(c, 0.0), 1.0) * 255):02X}" for c in (r, g, b))


def lab(hex_: str) -> tuple[float, float, float]:
    """CIE L*a*b* (D65) of an sRGB hex colour."""
    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(int(hex_[i:i + 2], 16) / 255) for i in (0, 2, 4))
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
