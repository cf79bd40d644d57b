#!/usr/bin/env python3
"""Write tafollow/design/fonts/liberation-sans.json from the Liberation Sans TTFs.

tafollow measures text with the advance widths of Liberation Sans (metric-
compatible with Arial, which the deck names; LibreOffice draws Arial as
Liberation Sans). At run time it reads only this JSON, so fontTools is
needed here, when the table is made, and nowhere else.

    python tools/make_metrics.py                      # find fonts via fc-match
    python tools/make_metrics.py REGULAR.ttf BOLD.ttf # or name them

The fonts come from the Debian package fonts-liberation2. The widths are
derived from fonts under the SIL Open Font License 1.1; the JSON carries
that notice in its "license" field.

Layout of the JSON (compact, fast to load):

    {"license": "...", "units_per_em": 2048,
     "hhea": {"ascender": .., "descender": .., "line_gap": ..},
     "typo": {...}, "win": {"ascent": .., "descent": ..},
     "styles": {"regular": {"font": .., "version": ..,
                            "advances": [[first_codepoint, [w, w, ...]], ...]},
                "bold": {...}}}

Each "advances" run lists the advance widths (font units) of consecutive
code points starting at first_codepoint; every code point of the font's
cmap appears exactly once.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
from pathlib import Path

from fontTools.ttLib import TTFont

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "tafollow" / "design" / "fonts" / "liberation-sans.json"

# Searched when fc-match is missing or names some other family.
DEFAULT_DIRS = (
    Path("/usr/share/fonts/truetype/liberation2"),
    Path("/usr/share/fonts/truetype/liberation"),
    Path("/usr/share/fonts/liberation-sans"),
    Path("/usr/local/share/fonts"),
    Path.home() / ".local" / "share" / "fonts",
    Path.home() / ".fonts",
)
FILENAMES = {"regular": "LiberationSans-Regular.ttf", "bold": "LiberationSans-Bold.ttf"}
FC_PATTERNS = {"regular": "Liberation Sans:style=Regular", "bold": "Liberation Sans:style=Bold"}

LICENSE = (
    "Advance widths and vertical metrics derived from the Liberation Sans "
    "fonts (Regular, Bold). Digitized data copyright (c) 2010 Google "
    "Corporation, with Reserved Font Arimo, Tinos and Cousine. Copyright "
    "(c) 2012 Red Hat, Inc., with Reserved Font Name Liberation. Licensed "
    "under the SIL Open Font License, Version 1.1 "
    "(https://openfontlicense.org/). Liberation is a trademark of Red Hat, Inc."
)


def find_font(style: str) -> Path:
    """The TTF for `style`: fc-match first, then the usual directories."""
    if shutil.which("fc-match"):
        result = subprocess.run(
            ["fc-match", "-f", "%{file}", FC_PATTERNS[style]],
            capture_output=True, text=True, check=False,
        )
        path = Path(result.stdout.strip())
        if result.returncode == 0 and path.name == FILENAMES[style] and path.is_file():
            return path
    for directory in DEFAULT_DIRS:
        path = directory / FILENAMES[style]
        if path.is_file():
            return path
    sys.exit(
        f"make_metrics: cannot find {FILENAMES[style]}; install fonts-liberation2 "
        "or pass the font files as arguments"
    )


def runs(advances: dict[int, int]) -> list[list]:
    """[[first_codepoint, [widths of consecutive code points]], ...]."""
    out: list[list] = []
    previous = None
    for codepoint in sorted(advances):
        if previous is not None and codepoint == previous + 1:
            out[-1][1].append(advances[codepoint])
        else:
            out.append([codepoint, [advances[codepoint]]])
        previous = codepoint
    return out


def style_table(path: Path) -> tuple[dict, dict]:
    """(per-style entry, vertical metrics) of one font file."""
    font = TTFont(path, lazy=True)
    hmtx = font["hmtx"]
    advances = {cp: hmtx[glyph][0] for cp, glyph in font.getBestCmap().items()}
    name = font["name"]
    hhea, os2 = font["hhea"], font["OS/2"]
    vertical = {
        "units_per_em": font["head"].unitsPerEm,
        "hhea": {"ascender": hhea.ascent, "descender": hhea.descent, "line_gap": hhea.lineGap},
        "typo": {
            "ascender": os2.sTypoAscender,
            "descender": os2.sTypoDescender,
            "line_gap": os2.sTypoLineGap,
            "use_typo_metrics": bool(os2.fsSelection & (1 << 7)),
        },
        "win": {"ascent": os2.usWinAscent, "descent": os2.usWinDescent},
    }
    entry = {
        "font": name.getDebugName(4),
        "version": name.getDebugName(5),
        "file": path.name,
        "advances": runs(advances),
    }
    return entry, vertical


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("regular", nargs="?", type=Path, help="LiberationSans-Regular.ttf")
    parser.add_argument("bold", nargs="?", type=Path, help="LiberationSans-Bold.ttf")
    parser.add_argument("-o", "--output", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    if (args.regular is None) != (args.bold is None):
        parser.error("give both font files or neither")
    paths = {
        "regular": args.regular or find_font("regular"),
        "bold": args.bold or find_font("bold"),
    }

    styles = {}
    verticals = {}
    for style, path in paths.items():
        styles[style], verticals[style] = style_table(path)
    # Regular and Bold share their vertical metrics; line_height relies on it.
    if verticals["regular"] != verticals["bold"]:
        sys.exit(f"make_metrics: vertical metrics differ between styles: {verticals}")

    data = {"license": LICENSE, **verticals["regular"], "styles": styles}
    args.output.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(data, separators=(",", ":"), ensure_ascii=True)
    args.output.write_text(text + "\n", encoding="ascii")
    counts = ", ".join(
        f"{style} {sum(len(run[1]) for run in entry['advances'])} code points"
        for style, entry in styles.items()
    )
    print(f"wrote {args.output} ({len(text) + 1} bytes; {counts})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
