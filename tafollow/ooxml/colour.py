"""DrawingML colours to RGB: theme colours through a master's colour map, tints and shades applied.

Both readers of other people's decks need this: `tafollow check` to judge
contrast, and `tafollow import` to tell a phase's status by its colour. A
hand-made deck colours its text "Text 1, lighter 50 %" as often as with a
plain RGB value, so the modifiers matter to both.
"""

from __future__ import annotations

import colorsys
from typing import Any

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"

# The few preset colour names a hand-made deck might carry (a:prstClr).
_PRESET = {"black": "000000", "white": "FFFFFF", "red": "FF0000", "green": "008000", "lime": "00FF00",
           "blue": "0000FF", "yellow": "FFFF00", "orange": "FFA500", "gray": "808080", "grey": "808080",
           "silver": "C0C0C0", "gold": "FFD700", "darkGreen": "006400", "lightGray": "D3D3D3"}
_MAP_DEFAULT = {"bg1": "lt1", "tx1": "dk1", "bg2": "lt2", "tx2": "dk2"}


class Theme:
    """A slide master's theme colours, as the colour map names them (accent1, tx1, bg1 …)."""

    def __init__(self, scheme: dict[str, str], colour_map: dict[str, str] | None = None) -> None:
        self.scheme = scheme
        self.colour_map = {**_MAP_DEFAULT, **(colour_map or {})}

    @classmethod
    def from_xml(cls, theme: Any, colour_map: dict[str, str] | None) -> Theme:
        """From a theme part's XML (None when the package has none) and its master's p:clrMap attributes."""
        scheme: dict[str, str] = {}
        colours = theme.find(f"{A}themeElements/{A}clrScheme") if theme is not None else None
        for entry in colours if colours is not None else []:
            value = _base(entry[0], None) if len(entry) else None
            if value:
                scheme[entry.tag.replace(A, "")] = value
        return cls(scheme, colour_map)

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


def linear_rgb(hex_: str) -> tuple[float, float, float]:
    """The sRGB channels of a hex colour, linearised (the step of WCAG's luminance and of CIE L*a*b*).

    WCAG writes the threshold 0.03928, CIE 0.04045; no 8-bit value lies between them.
    """
    def linear(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(int(hex_[i:i + 2], 16)) for i in (0, 2, 4))
    return r, g, b
