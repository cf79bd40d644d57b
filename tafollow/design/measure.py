"""How wide and how tall text is, in points, with real font metrics.

The deck sets its text in Arial. LibreOffice draws Arial as Liberation Sans,
which is metric-compatible with it (every glyph has Arial's advance width),
so the advance widths of Liberation Sans predict where a line of the deck
ends, in PowerPoint and in LibreOffice alike. Guessing with an average
character width would not: "WWW" is more than four times as wide as "iii".

The widths come from `fonts/liberation-sans.json`, made once from the TTFs
by `tools/make_metrics.py` (with fontTools). At run time this module reads
only that JSON with the standard library: no fontTools, no python-pptx, no
font files on the user's machine. The table loads lazily, on first use.

What the numbers mean, and where they are deliberately on the safe side:

* A width is the sum of the characters' advance widths. Kerning is ignored;
  Liberation Sans' kerning pairs tighten text, so a measured width is never
  smaller than the drawn one for that reason.
* A character the font lacks (CJK, most emoji, mathematical letters) counts
  as 1 em: the renderer draws it from some fallback font, whose width we
  cannot know. Combining marks, format characters (zero-width space, joiners,
  direction marks) and control characters count 0. A tab counts as four
  spaces.
* Lines wrap greedily at spaces, as LibreOffice does; an explicit newline
  always breaks; a word wider than the whole line is broken between
  characters (LibreOffice breaks such a word too, rather than letting it
  overflow). Spaces at the end of a line hang past its edge, as in
  LibreOffice, and do not push a word to the next line.
* `line_height` is the line pitch of single spacing, 1.2 em; see there.
* LibreOffice (7.4, checked by converting .pptx files to PDF) breaks lines
  where `wrap` does, but places glyphs on a rounded grid: its lines came out
  between 1.4 % narrower and 0.8 % wider than the sum of the advances,
  depending on the size (wider at 8, 9, 11 and 14 pt). A caller that must
  never overflow should keep a margin of about 1 % (wrap to 99 % of the box).
  One divergence is known: where three or more spaces fall at a line break
  and overflow the box, LibreOffice starts an extra, empty line.

All widths are computed in integer font units, so a sum is exact and the
same text always measures the same, however it was split.
"""

from __future__ import annotations

import json
import os
import unicodedata
from functools import lru_cache

__all__ = ["fits", "line_height", "paragraph_height", "text_width", "wrap"]

_RESOURCE = "fonts/liberation-sans.json"

# Unicode general categories drawn with no advance: nonspacing and enclosing
# marks, format characters (ZWSP, ZWJ, LRM, ...), controls.
_ZERO_WIDTH_CATEGORIES = frozenset({"Mn", "Me", "Cf", "Cc"})

# Line pitch of single (100 %) spacing in PowerPoint, and in LibreOffice
# for a .pptx: 1.2 x the font size, whatever the font. See line_height().
_SINGLE_SPACING_EM = 1.2


class _Metrics:
    """The loaded table: per-style char -> advance (font units), and the em."""

    __slots__ = ("upem", "line_em", "regular", "bold")

    def __init__(self, data: dict) -> None:
        self.upem: int = data["units_per_em"]
        hhea, win = data["hhea"], data["win"]
        # See line_height() for why: the largest of 1.2 em and the font's own.
        font_em = max(
            win["ascent"] + win["descent"],
            hhea["ascender"] - hhea["descender"] + hhea["line_gap"],
        ) / self.upem
        self.line_em: float = max(_SINGLE_SPACING_EM, font_em)
        self.regular = self._widths(data["styles"]["regular"]["advances"])
        self.bold = self._widths(data["styles"]["bold"]["advances"])

    @staticmethod
    def _widths(runs: list) -> dict[str, int]:
        widths: dict[str, int] = {}
        for first, advances in runs:
            widths.update(zip(map(chr, range(first, first + len(advances))), advances))
        widths["\t"] = 4 * widths[" "]
        return widths


_metrics: _Metrics | None = None


def _read_table() -> str:
    """The JSON text, read beside this file (cheap), else as a package resource."""
    try:
        with open(os.path.join(os.path.dirname(__file__), *_RESOURCE.split("/")), "rb") as f:
            return f.read().decode("ascii")
    except OSError:  # not a plain directory, e.g. imported from a zip archive
        from importlib import resources  # costs ~20 ms of imports; only here

        return resources.files(__package__).joinpath(_RESOURCE).read_text(encoding="ascii")


def _get() -> _Metrics:
    global _metrics
    if _metrics is None:
        _metrics = _Metrics(json.loads(_read_table()))
    return _metrics


@lru_cache(maxsize=4096)
def _missing_units(char: str) -> int:
    """Advance of a character the font lacks: 0 if it draws nothing, else 1 em."""
    if unicodedata.combining(char) or unicodedata.category(char) in _ZERO_WIDTH_CATEGORIES:
        return 0
    return _get().upem


def _char_units(char: str, bold: bool) -> int:
    m = _get()
    width = (m.bold if bold else m.regular).get(char)
    return _missing_units(char) if width is None else width


@lru_cache(maxsize=1 << 16)
def _word_units(word: str, bold: bool) -> int:
    """Width of a run of characters, in font units (size-independent)."""
    m = _get()
    widths = m.bold if bold else m.regular
    total = 0
    for char in word:
        width = widths.get(char)
        total += _missing_units(char) if width is None else width
    return total


def _line_units(line: str, bold: bool) -> int:
    """Width of one line (no newlines) in font units; words cached singly."""
    if " " not in line:
        return _word_units(line, bold)
    words = line.split(" ")
    m = _get()
    space = (m.bold if bold else m.regular)[" "]
    return sum(_word_units(word, bold) for word in words) + (len(words) - 1) * space


def text_width(text: str, size_pt: float, bold: bool = False) -> float:
    """Width of `text` in points, set in Liberation Sans (Arial) at `size_pt`.

    Text with newlines measures as its widest line. The empty string is 0 wide.
    """
    if "\n" in text:
        return max(text_width(line, size_pt, bold) for line in text.split("\n"))
    return _line_units(text, bold) * size_pt / _get().upem


def line_height(size_pt: float) -> float:
    """Distance in points from one line's baseline to the next, single spacing.

    This is 1.2 x `size_pt`. The font's own metrics would say less: with
    2048 units per em, hhea ascender - descender + lineGap = 1854 + 434 + 67
    = 2355 (1.150 em), OS/2 winAscent + winDescent = 2288 (1.117 em), OS/2
    typo 1491 + 431 + 307 = 2229 (1.088 em; USE_TYPO_METRICS is off, so
    renderers ignore it). LibreOffice does not use them for a .pptx: 7.4,
    converting .pptx text boxes (on the tafollow template and on
    python-pptx's default one) to PDF with 100 % spacing and
    zero insets, put lines 24.01 pt apart at 20 pt, 13.18 at 11 pt, 16.78
    at 14 pt, 21.60 at 18 pt: 1.2 em, the pitch PowerPoint is generally
    described as using for single spacing too. So we take the larger of
    1.2 em and the font's max(hhea, win) pitch, which for Liberation Sans is
    1.2 em. Spacing before or after a paragraph (`spcBef`, `spcAft` in the
    template) is not included.
    """
    return _get().line_em * size_pt


def _split_word(word: str, limit: float, bold: bool) -> list[str]:
    """Break an over-long word between characters, each piece within `limit`.

    Each piece holds at least one character, so a character wider than the
    whole line still makes progress. A zero-width character (a combining
    mark) stays with the character before it.
    """
    pieces: list[str] = []
    start = 0
    units = 0
    for index, char in enumerate(word):
        width = _char_units(char, bold)
        if width and units + width > limit and index > start:
            pieces.append(word[start:index])
            start, units = index, 0
        units += width
    pieces.append(word[start:])
    return pieces


def wrap(text: str, width_pt: float, size_pt: float, bold: bool = False) -> list[str]:
    """The lines `text` takes in a box `width_pt` wide, at `size_pt`.

    Greedy, as LibreOffice: each line takes as many space-separated words as
    fit; a line breaks at a space, and that one space is dropped; "\\n"
    always breaks; a word wider than the box is broken between characters.
    No other character is dropped or changed: for text without over-long
    words, `" ".join(lines)` (with "\\n" between paragraphs) is the text.
    Empty text, or an empty paragraph, is one empty line.
    """
    if width_pt <= 0 or size_pt <= 0:
        raise ValueError(f"width and size must be positive, not {width_pt} and {size_pt}")
    m = _get()
    space = (m.bold if bold else m.regular)[" "]
    limit = width_pt * m.upem / size_pt  # the width, in font units at this size
    lines: list[str] = []
    for paragraph in text.split("\n"):
        words: list[str] = []  # of the current line
        full = 0  # its width, trailing spaces included
        for word in paragraph.split(" "):
            units = _word_units(word, bold)
            if words:
                wider = full + space + units
                # An empty word is a second space: it hangs at the line's end.
                if not word or wider <= limit:
                    words.append(word)
                    full = wider
                    continue
                lines.append(" ".join(words))
            if units > limit:
                *done, word = _split_word(word, limit, bold)
                lines.extend(done)
                units = _word_units(word, bold)
            words, full = [word], units
        lines.append(" ".join(words))
    return lines


def paragraph_height(text: str, width_pt: float, size_pt: float, bold: bool = False) -> float:
    """Height in points of `text` wrapped to `width_pt`: lines x line_height."""
    return len(wrap(text, width_pt, size_pt, bold)) * line_height(size_pt)


def fits(
    text: str, width_pt: float, height_pt: float, size_pt: float, bold: bool = False
) -> bool:
    """Whether `text` at `size_pt`, wrapped to `width_pt`, is at most `height_pt` tall."""
    return paragraph_height(text, width_pt, size_pt, bold) <= height_pt
