"""Check a deck the way a reader sees it: render with LibreOffice, read the PDF.

Inspecting the .pptx XML only proves what python-pptx wrote, not what a
viewer shows: text can overflow its box, fall off the slide or land on top
of other text. These helpers turn a deck into something a test can assert
on:

* `render_pdf` converts a .pptx to PDF with headless LibreOffice (the
  renderer that is freely available in CI);
* `read_words` reads every word the PDF shows, with its box in points,
  through poppler's `pdftotext -bbox-layout`;
* `seed_slides`, `normalise_words` and `coverage` compare a rendered page
  with the text of the hand-made seed deck
  (`tests/reference/ta-seuranta-2019-10-21.txt`);
* `off_page_words` and `overlapping_words` find layout faults.

Things learnt from LibreOffice 7.4 + poppler 22.12 that shape the checks:

* pdftotext's word box is the font's bounding box, not the ink: it is
  1.30 x the font size high for Liberation Sans / Arial, while LibreOffice's
  100 % line pitch is 1.20 x the size. Boxes of consecutive lines of one
  paragraph therefore overlap by 7.7 % of their height at 100 % line
  spacing, 17 % at 90 %, 21.5 % at 85 %, 26 % at 80 % and 35 % at 70 %.
  Glyphs (descenders against the dots of A-umlaut) only touch from about
  80 % down, so `overlapping_words` demands a vertical overlap of a quarter
  of the smaller box before it calls two words overlapping.
* pdftotext drops every character whose origin lies outside the page. A
  word that straddles the slide edge is cut at that character and reported
  with a box crossing the edge (`off_page_words` finds it); text wholly off
  the slide is simply absent, so only `coverage` notices it. Use both.
* pdftotext starts a new word when the font size changes inside a word
  ("Yhteensä" at 20 pt followed by "74" at 28 pt gives two words), and
  letter-spaced text (a run with `spc`) comes out one letter per word
  ("T", "E", "K", ...). A bold/regular change inside a word does not
  split it.
* LibreOffice breaks a word that is wider than its text box between
  letters, without a hyphen ("Tilav" / "arau" / "spro" ...), and does
  not hyphenate otherwise.
"""

from __future__ import annotations

import html
import os
import re
import shutil
import signal
import subprocess
import tempfile
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

__all__ = [
    "Page",
    "RenderError",
    "Word",
    "coverage",
    "find_soffice",
    "normalise_words",
    "off_page_words",
    "overlapping_words",
    "page_text",
    "read_words",
    "render_pdf",
    "seed_slides",
]


class RenderError(RuntimeError):
    """Rendering or reading a PDF failed; the message carries the tool's output."""


@dataclass(frozen=True)
class Word:
    """One word as pdftotext reports it: text and box in PDF points.

    The origin is the top-left corner of the page, y grows downwards (this
    is how pdftotext writes its boxes). Frozen so that words can be put in
    sets and compared in assertions.
    """

    text: str
    x_min: float
    y_min: float
    x_max: float
    y_max: float

    @property
    def width(self) -> float:
        return self.x_max - self.x_min

    @property
    def height(self) -> float:
        return self.y_max - self.y_min

    @property
    def area(self) -> float:
        return max(self.width, 0.0) * max(self.height, 0.0)


@dataclass
class Page:
    """One rendered page (slide): its size in points and its words in reading order."""

    width: float
    height: float
    words: list[Word] = field(default_factory=list)

    @property
    def text(self) -> str:
        """The page's words joined by single spaces, for messages and searches."""
        return page_text(self)


def page_text(page: Page) -> str:
    """Join a page's words by single spaces (pdftotext's reading order)."""
    return " ".join(word.text for word in page.words)


# --------------------------------------------------------------------------
# Rendering


def find_soffice() -> str | None:
    """Return the LibreOffice executable on PATH, or None.

    Distributions install it as `soffice`, some only as `libreoffice`;
    both accept the same command line.
    """
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    return None


def render_pdf(
    pptx: Path,
    outdir: Path,
    timeout: float = 300,
    *,
    soffice: str | None = None,
) -> Path:
    """Convert `pptx` to PDF with headless LibreOffice and return the PDF's path.

    Each call uses a fresh, throw-away LibreOffice user profile
    (`-env:UserInstallation`): a shared profile is locked by a running
    LibreOffice, which makes a second conversion (another test, a parallel
    worker, the developer's open office suite) silently do nothing, and a
    stale profile can carry settings that change the rendering. A PDF left
    in `outdir` by an earlier run is deleted first so that a failed
    conversion cannot pass for a successful one.

    LibreOffice is started in its own process group, so that on timeout the
    whole group it spawned (the `soffice` wrapper, oosplash and soffice.bin)
    is killed, not only the wrapper.

    Raises `RenderError` (with LibreOffice's exit status and output) when no
    PDF appears, and `FileNotFoundError` when `pptx` does not exist.
    """
    pptx = Path(pptx).resolve()
    outdir = Path(outdir).resolve()
    if not pptx.is_file():
        raise FileNotFoundError(f"no such deck: {pptx}")
    exe = soffice or find_soffice()
    if exe is None:
        raise RenderError("LibreOffice not found: neither soffice nor libreoffice is on PATH")
    outdir.mkdir(parents=True, exist_ok=True)
    pdf = outdir / (pptx.stem + ".pdf")
    pdf.unlink(missing_ok=True)

    with tempfile.TemporaryDirectory(prefix="tafollow-lo-profile-") as profile:
        command = [
            exe,
            "--headless",
            "--norestore",
            f"-env:UserInstallation={Path(profile).as_uri()}",
            "--convert-to",
            "pdf",
            "--outdir",
            str(outdir),
            str(pptx),
        ]
        process = subprocess.Popen(
            command,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            stdin=subprocess.DEVNULL,
            text=True,
            errors="replace",
            start_new_session=True,
        )
        try:
            stdout, stderr = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            try:
                os.killpg(process.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            stdout, stderr = process.communicate()
            raise RenderError(
                f"LibreOffice did not convert {pptx.name} within {timeout:g} s\n"
                f"command: {' '.join(command)}\n"
                f"stdout:\n{stdout}\nstderr:\n{stderr}"
            ) from None

    if not pdf.is_file() or pdf.stat().st_size == 0:
        raise RenderError(
            f"LibreOffice produced no PDF for {pptx.name} (exit status {process.returncode}); "
            f"expected {pdf}\n"
            f"command: {' '.join(command)}\n"
            f"stdout:\n{stdout}\nstderr:\n{stderr}"
        )
    return pdf


# --------------------------------------------------------------------------
# Reading the PDF

_PAGE_RE = re.compile(r'<page\b[^>]*?\bwidth="([^"]+)"[^>]*?\bheight="([^"]+)"[^>]*>(.*?)</page>', re.S)
_WORD_RE = re.compile(
    r'<word\b[^>]*?\bxMin="([^"]+)"[^>]*?\byMin="([^"]+)"'
    r'[^>]*?\bxMax="([^"]+)"[^>]*?\byMax="([^"]+)"[^>]*>(.*?)</word>',
    re.S,
)


def parse_bbox_xhtml(markup: str) -> list[Page]:
    """Parse the XHTML of `pdftotext -bbox` or `-bbox-layout` into pages.

    A regular expression rather than an XML parser: pdftotext escapes only
    &, <, > and quotes, so a control character in a word would make the
    document invalid XML, while the element layout it writes is fixed and
    simple. Words keep pdftotext's order (flow, block, line, word).
    """
    pages: list[Page] = []
    for page_match in _PAGE_RE.finditer(markup):
        words = [
            Word(
                text=html.unescape(m.group(5)),
                x_min=float(m.group(1)),
                y_min=float(m.group(2)),
                x_max=float(m.group(3)),
                y_max=float(m.group(4)),
            )
            for m in _WORD_RE.finditer(page_match.group(3))
        ]
        pages.append(Page(float(page_match.group(1)), float(page_match.group(2)), words))
    return pages


def read_words(pdf: Path, timeout: float = 120) -> list[Page]:
    """Return every page of `pdf` with the words pdftotext sees on it.

    Uses `-bbox-layout`, whose word boxes equal those of `-bbox` but come
    in layout (reading) order, which `coverage` relies on to re-join words
    the renderer broke across lines. Boxes are in points, origin top-left.
    """
    exe = shutil.which("pdftotext")
    if exe is None:
        raise RenderError("pdftotext not found on PATH (install poppler-utils)")
    try:
        result = subprocess.run(
            [exe, "-enc", "UTF-8", "-bbox-layout", str(pdf), "-"],
            capture_output=True,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        raise RenderError(f"pdftotext did not read {pdf} within {timeout:g} s") from exc
    if result.returncode != 0:
        raise RenderError(
            f"pdftotext failed on {pdf} (exit status {result.returncode}):\n"
            + result.stderr.decode("utf-8", "replace")
        )
    return parse_bbox_xhtml(result.stdout.decode("utf-8", "replace"))


# --------------------------------------------------------------------------
# Seed text and word comparison

_SLIDE_BREAK = re.compile(r"\n(?:[ \t]*\n){3,}")


def seed_slides(path: str | os.PathLike[str]) -> list[str]:
    """Split the seed deck's text into slides (29 for the 2019-10-21 round).

    The extractor separated slides by three or more blank lines and
    paragraphs inside a slide by at most two, so a run of four or more
    line breaks (blank lines may hold spaces) is a slide boundary. Each
    slide is returned with surrounding blank lines stripped.
    """
    text = Path(path).read_text(encoding="utf-8").replace("\r\n", "\n").replace("\r", "\n")
    return [part.strip() for part in _SLIDE_BREAK.split("\n" + text + "\n") if part.strip()]


# Characters that take no room on the page and that an extractor may or may
# not report: soft hyphen, zero-width space/joiners, word joiner, BOM.
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"))


def _strip_edges(token: str) -> str:
    """Remove leading and trailing characters that are not letters or digits."""
    start, end = 0, len(token)
    while start < end and not token[start].isalnum():
        start += 1
    while end > start and not token[end - 1].isalnum():
        end -= 1
    return token[start:end]


def normalise_words(text: str) -> list[str]:
    """Split `text` into comparable words.

    Steps, and why:

    * Unicode NFKC, so that composed and decomposed "ä", ligatures such as
      "ﬁ" and no-break spaces compare equal to their plain forms;
      invisible characters (soft hyphen, zero-width spaces) are removed.
    * `str.casefold()` (a thorough lowercase): the seed writes legend
      labels in capitals (TEKEMÄTTÄ) that a template may set in any case.
    * Split on whitespace, then strip every leading and trailing character
      that is not a letter or digit: quotes (”), brackets, bullets (•,
      the Symbol-font private-use bullets), dashes, %, and sentence
      punctuation belong to typography, not to the words a reader checks.
    * Inner punctuation is kept: "9.10.2019", "vapaa-ajan", "40:een",
      "NPS:n", "Oma.Helsinki" and "kirjautumisen/rekisteröinnin" are what
      the reader sees. A word that differs only in inner punctuation from
      the page still counts as visible through `coverage`'s
      punctuation-blind fallback.
    * Tokens left empty ("%", "•", "-", "–") are dropped.
    """
    text = unicodedata.normalize("NFKC", text).translate(_INVISIBLE).casefold()
    words = []
    for token in text.split():
        stripped = _strip_edges(token)
        if stripped:
            words.append(stripped)
    return words


def _alnum_key(text: str) -> str:
    """Keep only letters and digits: the form the fallback comparison uses."""
    return "".join(ch for ch in text if ch.isalnum())


def coverage(seed_text: str, page: Page) -> tuple[float, list[str]]:
    """Return the share of the seed slide's word occurrences visible on `page`, and the missing ones.

    Every occurrence of a normalised seed word counts once in the share;
    the missing list holds the missing occurrences in seed order (so
    `share == 1 - len(missing) / total`). A seed without words has share
    1.0.

    A seed word is visible when it is one of the page's normalised words,
    or, failing that, when its letters and digits form a substring of the
    page's letters and digits with all whitespace and punctuation removed.
    The fallback is needed because neither side splits words reliably:

    * the seed's extractor split words at line ends ("Valmistel" + "ussa"
      for "Valmistelussa") and joined others ("jatkossajärjestelmä...",
      "100 %0%");
    * LibreOffice breaks a word too wide for its box between letters, a
      font-size change splits a word in pdftotext, and letter-spaced text
      comes out one letter per word;
    * a word may differ only in inner punctuation ("Riski 1:KuVan" in the
      seed, "Riski 1: KuVan" on the page).

    Page words are joined in pdftotext's reading order, so pieces of one
    word broken over consecutive lines meet again. The price: a short seed
    word ("ja", "1") will almost always be found somewhere inside longer
    text, so coverage detects missing phrases and paragraphs, not a single
    missing short word. Words are checked for presence, not counted: a word
    repeated in the seed is visible if the page shows it at least once.
    """
    seed_words = normalise_words(seed_text)
    if not seed_words:
        return 1.0, []
    page_words = normalise_words(page_text(page))
    page_set = set(page_words)
    page_compact = _alnum_key("".join(page_words))
    missing = [
        word
        for word in seed_words
        if word not in page_set and _alnum_key(word) not in page_compact
    ]
    return 1.0 - len(missing) / len(seed_words), missing


# --------------------------------------------------------------------------
# Layout faults


def off_page_words(page: Page, tolerance: float = 0.5) -> list[Word]:
    """Return the words whose box extends outside the page by more than `tolerance` points.

    pdftotext discards characters whose origin lies outside the page, so
    this finds words that straddle the edge (cut where they leave the
    page); text entirely off the slide never reaches `page.words` and
    shows up only as missing in `coverage`. The box includes the font's
    full ascent and descent, so text set tight against the slide's bottom
    edge can be reported although its ink is inside.
    """
    return [
        word
        for word in page.words
        if word.x_min < -tolerance
        or word.y_min < -tolerance
        or word.x_max > page.width + tolerance
        or word.y_max > page.height + tolerance
    ]


def overlapping_words(
    page: Page,
    *,
    min_area_share: float = 0.15,
    min_vertical_share: float = 0.25,
    min_overlap: float = 1.0,
) -> list[tuple[Word, Word]]:
    """Return pairs of words whose boxes overlap enough to collide on screen.

    Two boxes overlap when all of these hold:

    * they overlap by more than `min_overlap` points both horizontally
      and vertically (touching or kerned neighbours do not count);
    * the intersection covers more than `min_area_share` of the smaller
      box (the smaller, so that a small word hidden under a big one is
      found);
    * the vertical overlap is more than `min_vertical_share` of the
      smaller box's height. pdftotext's boxes are 1.30 x the font size
      high while LibreOffice's single line pitch is 1.20 x, so lines of a
      normal paragraph overlap by 8 % (100 % spacing) to 21.5 % (85 %)
      without any glyphs touching; from 80 % spacing (26 %) descenders
      visibly hit the next line's accents, and these are reported.

    Sort by top edge and compare each word only with the words that start
    above its bottom edge: O(n log n + pairs in the same line band), fast
    for a slide's few hundred words. Pairs come in top-to-bottom order of
    their first word. Exact duplicates (the same word drawn twice at the
    same place) are reported too.
    """
    words = sorted(page.words, key=lambda w: (w.y_min, w.x_min))
    pairs: list[tuple[Word, Word]] = []
    for i, first in enumerate(words):
        for j in range(i + 1, len(words)):
            second = words[j]
            if second.y_min >= first.y_max - min_overlap:
                break  # sorted by y_min: no later word reaches far enough up
            dy = min(first.y_max, second.y_max) - second.y_min
            dx = min(first.x_max, second.x_max) - max(first.x_min, second.x_min)
            if dx <= min_overlap or dy <= min_overlap:
                continue
            if dy <= min_vertical_share * min(first.height, second.height):
                continue
            smaller = min(first.area, second.area)
            if smaller > 0 and dx * dy > min_area_share * smaller:
                pairs.append((first, second))
    return pairs
