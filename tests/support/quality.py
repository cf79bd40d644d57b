"""Render-quality measurements: what a reader of the rendered deck would call a layout defect.

The layout issue's criteria, each measured on the PDF that LibreOffice
makes of a deck and that `pdftotext -bbox-layout` reads back
(`rendercheck.Page` objects), plus the loaded round for what the deck
should say:

(a) `lost_and_broken_words` -- every word of every text field of a
    project is on the project's pages, whole;
(b) `rendercheck.overlapping_words` and `rendercheck.off_page_words`;
(c) `glued_numbers` -- no list number run into its text;
(d) `lone_headings` and `title_without_body` -- no heading is the last
    thing in its column;
(e) `continuations` -- a continuation page carries at least a quarter of
    the body words of the page before it;
(f) `sparse_small_text` -- text is not set small on a page it leaves
    half empty;
(g) `text_sizes` -- how many text sizes the deck uses;
(h) `heading_positions` -- where a heading starts on each page that has
    it (the risks column's x).

Everything here is a pure function of its arguments (pages, page titles,
the loaded round, deck bytes), so `tests/support/test_quality.py` checks each one
on small hand-made pages without LibreOffice; `tests/acceptance/test_render_quality.py`
applies them to the rendered data sets.

Facts about the measurement that the functions rely on (LibreOffice 7.4,
poppler 22.12; see also `rendercheck`'s notes):

* a pdftotext word box is 1.30 x the font size high for Liberation Sans
  (the Arial substitute), bold or not, so `word.height / 1.30` is the size;
* pdftotext starts a new word at a font-size change, so a list number set
  at another size than its text is a word of its own, and letter-spaced
  text comes out one letter per word;
* pdftotext joins two glyph runs into one word when the gap between them
  is under about 0.1 em, which is how a list number glued to its text
  shows up as one word ("10.Key").
"""

from __future__ import annotations

import functools
import io
import re
import statistics
import unicodedata
import zipfile
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lxml import etree

import rendercheck
from rendercheck import Page, Word

BOX_PER_POINT = 1.30
"""pdftotext's word box height divided by the font size (Liberation Sans, regular and bold)."""

DEFAULT_TEMPLATE = Path(__file__).resolve().parents[2] / "templates" / "ta-seuranta.pptx"


# --------------------------------------------------------------------------
# Page geometry and the slides' layouts


@dataclass(frozen=True)
class Geometry:
    """The 'Content' layout's vertical bands, in points from the top of the page."""

    body_top: float
    body_bottom: float
    footer_top: float

    @property
    def body_height(self) -> float:
        return self.body_bottom - self.body_top


@functools.lru_cache(maxsize=None)
def template_geometry(template: Path = DEFAULT_TEMPLATE) -> Geometry:
    """Read the bands from the 'Content' layout: its Body placeholder and the top of its Date placeholder.

    The title sits above the body's top, the footer band starts at the
    date's top (`conftest.body_limits` gives two of the three).
    """
    from pptx import Presentation
    from pptx.util import Emu

    layout = next(lay for lay in Presentation(str(template)).slide_layouts if lay.name == "Content")
    shapes = {shape.name: shape for shape in layout.placeholders}
    body = shapes["Body"]
    return Geometry(Emu(body.top).pt, Emu(body.top + body.height).pt, Emu(shapes["Date"].top).pt)


@dataclass(frozen=True)
class SlideInfo:
    """A slide as the .pptx describes it: its 1-based number, layout name and title text."""

    number: int
    layout: str
    title: str


def slide_infos(deck: bytes) -> list[SlideInfo]:
    """Number, layout name and title (the title placeholder's text) of every slide of `deck`."""
    from pptx import Presentation

    infos = []
    for number, slide in enumerate(Presentation(io.BytesIO(deck)).slides, start=1):
        title = slide.shapes.title
        infos.append(SlideInfo(number, slide.slide_layout.name, title.text_frame.text if title is not None else ""))
    return infos


def project_pages(slides: Sequence[SlideInfo]) -> dict[str, list[int]]:
    """The 0-based page indexes of each project: from its title slide (layout 'Project title') to the next.

    Keyed by the title slide's title (the project's name), in deck order.
    Pages before the first project (cover, overview) belong to none.
    """
    projects: dict[str, list[int]] = {}
    current: list[int] | None = None
    for index, info in enumerate(slides):
        if info.layout == "Project title":
            current = projects.setdefault(info.title, [])
        if current is not None:
            current.append(index)
    return projects


def body_words(page: Page, geometry: Geometry, tolerance: float = 2.0) -> list[Word]:
    """The page's body words: not the title (above the body area) and not the footer band.

    A word belongs to the body when its vertical centre is below the Body
    placeholder's top and its top is above the footer band.
    """
    return [
        word
        for word in page.words
        if (word.y_min + word.y_max) / 2 > geometry.body_top and word.y_min < geometry.footer_top - tolerance
    ]


def font_size(word: Word) -> float:
    """The word's font size in points, estimated from its pdftotext box height."""
    return word.height / BOX_PER_POINT


def _same_line(a: Word, b: Word) -> bool:
    """True when the two boxes share more than half of the smaller one's height."""
    overlap = min(a.y_max, b.y_max) - max(a.y_min, b.y_min)
    return overlap > 0.5 * min(a.height, b.height)


def _nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


# --------------------------------------------------------------------------
# (a) source words lost, or broken inside a word


def source_texts(project: Any, number: Callable[[Any], str] = str) -> list[str]:
    """Every text of a project that comes from its data file, as typed (one string per field value).

    The name, owner, managers, goal heading/subheading/paragraphs/bullets,
    progress heading, lane/phase/span/milestone names, step texts and
    details, notes, table titles, the label column's header, column names,
    row labels, the typed cells (formatted with `number`, the language's
    `number` label, as the deck shows them), the total's label and unit,
    the forecast heading and sentence (when given) and narrative, the risks
    heading, risks and mitigations. Computed cells (sums, totals) are not
    typed, so they are not here; labels the deck adds (Omistaja:,
    Varautuminen:, the legend) are not either.
    """
    p = project  # a tafollow.data.model.Project
    texts: list[str] = [p.name, p.owner, *p.managers]
    goal = p.goal
    texts += [t for t in (goal.heading, goal.subheading) if t] + [*goal.paragraphs, *goal.bullets]
    progress = p.progress
    texts += [progress.heading] if progress.heading else []
    for lane in progress.lanes:
        texts += ([lane.name] if lane.name else []) + [phase.name for phase in lane.phases]
    texts += [progress.span.name] if progress.span else []
    texts += [milestone.name for milestone in progress.milestones]
    for step in progress.steps:
        texts += [step.text, *step.details]
    texts += progress.notes
    for table in p.tables:
        texts += [t for t in (table.title, table.label_header) if t]
        texts += [column.name for column in table.columns]
        for row in table.rows:
            texts.append(row.label)
            texts += [number(value) for value in row.values if value is not None]
        if table.total is not None:
            texts += [t for t in (table.total.label, table.total.unit) if t]
    forecast = p.forecast
    texts += [t for t in (forecast.heading, forecast.sentence) if t] + list(forecast.narrative)
    risks = p.risks
    texts += [risks.heading] if risks.heading else []
    for risk in risks.items:
        texts += [risk.risk, *([risk.mitigation] if risk.mitigation else [])]
    return texts


_GLUED_NUMBER = re.compile(r"^(\d+\.)(?=[^\W\d_])")
BREAKABLE = "-\u2010\u2013\u2014/"
"""Characters after which a line may end inside a source word without the word being broken:
hyphens and dashes ("vapaa-" / "ajan", "Kallio–" / "Vallila") and the slash
("projektipäälliköt/" / "vastuuhenkilöt"), where LibreOffice, like PowerPoint, breaks lines."""


def _alnum(text: str) -> str:
    return "".join(ch for ch in text if ch.isalnum())


def page_tokens(page: Page) -> list[tuple[str, Word]]:
    """The page's words in reading order, normalised like source words, each with the page word it is from.

    Normalised with `rendercheck.normalise_words` (punctuation-only words
    such as bullets are dropped). A list number glued to its text
    ("10.Key") is split into "10" and "key" here, so that criterion (a)
    counts the word as shown: the glue is criterion (c)'s defect, not a
    lost word.
    """
    tokens: list[tuple[str, Word]] = []
    for word in page.words:
        text = _nfkc(word.text)
        match = _GLUED_NUMBER.match(text)
        parts = [match.group(1), text[match.end():]] if match else [text]
        for part in parts:
            tokens += [(token, word) for token in rendercheck.normalise_words(part)]
    return tokens


@dataclass(frozen=True)
class BrokenWord:
    """A source word shown only in pieces on consecutive words of one page (0-based page index)."""

    word: str
    pieces: tuple[str, ...]
    page: int
    words: tuple[Word, ...] = ()  # the page words that show the pieces


@dataclass(frozen=True)
class WordsCheck:
    """Result of `lost_and_broken_words`: how many source words, which are lost, which broken."""

    total: int
    lost: list[str]
    broken: list[BrokenWord]


def _split_occurrences(word: str, tokens: Sequence[str]) -> list[tuple[int, int, bool]]:
    """(start, end, clean) of each run tokens[start:end] of 2+ tokens whose letters and digits spell `word`.

    The run must begin at a token's first character and end at a token's
    last. `clean` is True when every split falls right after a character of
    `BREAKABLE` in the source word (a line broken after a hyphen).
    """
    key = _alnum(word)
    if not key:
        return []
    keys = [_alnum(token) for token in tokens]
    starts, offset = [], 0
    for token_key in keys:
        starts.append(offset)
        offset += len(token_key)
    compact = "".join(keys)
    first_token = {position: index for index, position in reversed(list(enumerate(starts)))}
    # After how many letters and digits of the word a split is clean.
    alnum_at = [i for i, ch in enumerate(word) if ch.isalnum()]
    clean_after = {n for n in range(1, len(key)) if word[alnum_at[n - 1] + 1:alnum_at[n]][-1:] in tuple(BREAKABLE)}
    found = []
    at = compact.find(key)
    while at >= 0:
        start = first_token.get(at)
        if start is not None:
            end, length = start, 0
            splits = []
            while end < len(tokens) and length < len(key):
                length += len(keys[end])
                end += 1
                if length < len(key):
                    splits.append(length)
            if length == len(key) and end - start >= 2:
                found.append((start, end, all(split in clean_after for split in splits)))
        at = compact.find(key, at + 1)
    return found


def lost_and_broken_words(texts: Iterable[str], pages: Sequence[Page]) -> WordsCheck:
    """Which words of `texts` are not shown whole on `pages` (one project's pages).

    Why: the reader must find every word the project manager wrote, and
    read it whole. Each occurrence counts (a word typed n times must be
    shown n times, as in test_stress_render's `repetition_coverage`), so a
    lost repetition of a paragraph is noticed.

    Source words and page words are normalised alike
    (`rendercheck.normalise_words`: NFKC, case-folded, edge punctuation
    stripped). A source word is *shown* as often as it is a whole page
    word. Pieces are runs of consecutive page words (one page, reading
    order) whose letters and digits together spell a source word:

    * a run whose every split falls after a hyphen, dash or slash of the
      source word is the normal line break of a compound ("vapaa-" /
      "ajan") and shows the word;
    * any other run is the word *broken* inside ("Tilav" / "araus"). It is
      reported wherever it is when the word has letters and one of the
      pieces is no source word at all (so that a word broken in a repeated
      table header is found even when the word is shown whole elsewhere);
      otherwise (pieces that are words in their own right, "palvelu" /
      "polku", or digits, "20" / "19") only when it is needed to account
      for a missing occurrence.

    An occurrence accounted for neither whole nor by a run is *lost*.
    """
    wanted = Counter(word for text in texts for word in rendercheck.normalise_words(text))
    per_page = [page_tokens(page) for page in pages]
    texts_per_page = [[token for token, _ in tokens] for tokens in per_page]
    have = Counter(token for tokens in texts_per_page for token in tokens)
    lost: list[str] = []
    broken: list[BrokenWord] = []
    for word, count in wanted.items():
        runs: list[BrokenWord] = []  # runs broken inside the word
        clean = 0  # runs broken after the word's own hyphen, dash or slash
        for index, tokens in enumerate(texts_per_page):
            for start, end, ok in _split_occurrences(word, tokens):
                if ok:
                    clean += 1
                else:
                    shown_by = tuple(dict.fromkeys(w for _, w in per_page[index][start:end]))
                    runs.append(BrokenWord(word, tuple(tokens[start:end]), index, shown_by))
        has_letters = any(ch.isalpha() for ch in word)
        certain = [run for run in runs if has_letters and any(piece not in wanted for piece in run.pieces)]
        broken += certain
        missing = count - have[word]
        if missing <= 0:
            continue
        doubtful = [run for run in runs if run not in certain]
        missing -= clean + len(certain)
        broken += doubtful[:max(0, missing)]
        missing -= len(doubtful)
        lost += [word] * max(0, missing)
    return WordsCheck(sum(wanted.values()), lost, broken)


# --------------------------------------------------------------------------
# (c) list numbers glued to their text

MIN_NUMBER_GAP_EM = 0.15


@dataclass(frozen=True)
class GluedNumber:
    """A list number and the word it is run into: `next` is None when pdftotext made them one word."""

    number: Word
    next: Word | None
    gap_em: float


def glued_numbers(page: Page, typed: Iterable[str] = (), min_gap_em: float = MIN_NUMBER_GAP_EM) -> list[GluedNumber]:
    """List numbers ("1.", "10.") that touch the word after them.

    Why: "10.Key" reads as one odd word; a list number needs a visible gap.
    Two signs, both on the rendered page:

    * a pdftotext word that is a number, a dot and a letter ("10.Key"):
      pdftotext joins glyphs closer than about 0.1 em into one word -- unless
      that word was typed so in the data (`typed`: the source texts, split
      on white space);
    * a word that is a number and a dot, followed on the same line by a
      word that starts less than `min_gap_em` of its font size after it (a
      normal space is 0.28 em in Liberation Sans).
    """
    typed_words = {_nfkc(word) for text in typed for word in text.split()}
    found: list[GluedNumber] = []
    for word in page.words:
        text = _nfkc(word.text)
        if _GLUED_NUMBER.match(text) and text not in typed_words:
            found.append(GluedNumber(word, None, 0.0))
        elif re.fullmatch(r"\d+\.", text):
            after = [other for other in page.words
                     if other is not word and _same_line(word, other) and other.x_min >= word.x_max - 1.0]
            if not after:
                continue
            following = min(after, key=lambda other: other.x_min)
            em = font_size(word)
            gap = (following.x_min - word.x_max) / em if em else 0.0
            if gap < min_gap_em:
                found.append(GluedNumber(word, following, gap))
    return found


# --------------------------------------------------------------------------
# (d) headings with nothing under them; (h) where a heading starts


_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"))


def _plain(text: str) -> list[str]:
    """Words of a heading as matched on the page: like `rendercheck.normalise_words`, but case kept."""
    words = []
    for token in _nfkc(text).translate(_INVISIBLE).split():
        start, end = 0, len(token)
        while start < end and not token[start].isalnum():
            start += 1
        while end > start and not token[end - 1].isalnum():
            end -= 1
        if start < end:
            words.append(token[start:end])
    return words


def find_phrase(words: Sequence[Word], phrase: str) -> list[list[Word]]:
    """Occurrences of `phrase` as a paragraph of its own among `words` (reading order).

    The phrase's words must follow one another, case as typed (so the
    heading "RISKIT" is not found in a sentence's "riskit"), and the
    occurrence must start and end a line: no other word on the same line
    closer than 0.6 em before its first word or after its last (words of
    one line are 0.28 em apart; the gap between two columns is wider).
    """
    wanted = _plain(phrase)
    if not wanted:
        return []
    texts = [" ".join(_plain(word.text)) for word in words]
    found = []
    for start in range(len(words) - len(wanted) + 1):
        if texts[start:start + len(wanted)] != wanted:
            continue
        match = list(words[start:start + len(wanted)])
        first, last = match[0], match[-1]
        em = 0.6 * font_size(first)
        crowded = any(
            other not in match and _same_line(other, first) and 0 <= first.x_min - other.x_max < em
            or other not in match and _same_line(other, last) and 0 <= other.x_min - last.x_max < em
            for other in words
        )
        if not crowded:
            found.append(match)
    return found


def lone_headings(page: Page, headings: Iterable[str], geometry: Geometry, tolerance: float = 2.0) -> list[list[Word]]:
    """Headings in the body that have no body word under them in their column.

    Why: a heading ("Riskit ja niihin varautuminen", a table's title, the
    goal's sub-heading) left at the bottom of a column while its text starts
    on the next page introduces nothing. The column is the heading's own
    horizontal extent (at least 4 em wide, for a short heading over indented
    bullets); "under" means a body word (`body_words`) that overlaps that
    extent and starts below the heading's last line (lines of one paragraph
    overlap by up to a third of their height, which is allowed).
    """
    words = body_words(page, geometry, tolerance)
    lone = []
    for heading in dict.fromkeys(headings):
        for match in find_phrase(words, heading):
            left = min(word.x_min for word in match)
            right = max(max(word.x_max for word in match), left + 4 * font_size(match[0]))
            last = max(match, key=lambda word: word.y_max)
            under = [
                word for word in words
                if word not in match
                and word.x_min < right and word.x_max > left
                and word.y_min > last.y_max - 0.4 * last.height
            ]
            if not under:
                lone.append(match)
    return lone


def title_without_body(page: Page, geometry: Geometry, tolerance: float = 2.0) -> bool:
    """True when a content page shows a title and nothing in its body.

    Why: a slide whose heading introduces no text at all is the page-sized
    form of a lone heading.
    """
    return not body_words(page, geometry, tolerance)


def heading_positions(page: Page, heading: str, geometry: Geometry) -> list[Word]:
    """The first word of each occurrence of `heading` in the page's body (for the risks column's x)."""
    return [match[0] for match in find_phrase(body_words(page, geometry), heading)]


# --------------------------------------------------------------------------
# (e) continuation pages

MIN_CONTINUATION_SHARE = 0.25


@dataclass(frozen=True)
class Continuation:
    """A continuation page (0-based index) and the body word counts of it and of the page before."""

    page: int
    words: int
    previous_words: int

    @property
    def share(self) -> float:
        return self.words / self.previous_words if self.previous_words else float("inf")


def continuations(pages: Sequence[Page], titles: Sequence[str], suffix: str, geometry: Geometry) -> list[Continuation]:
    """Every page whose title ends with `suffix` (the language's "continued" label), with its word counts.

    Why: a "(jatkuu)" slide that carries three words of a paragraph is a
    slide the reader turns to for nothing; the text should have been fitted
    on the page before (criterion (e): at least a quarter of its words).
    Counts are of `body_words`: the title and footer do not count.
    """
    wanted = _nfkc(suffix).strip()
    # "(jatkuu)", or "(jatkuu 2/3)" when a slide continues over more than two pages.
    pattern = re.compile(re.escape(wanted[:-1]) + r"(?: \d+/\d+)?\)$") if wanted.endswith(")") else None
    found = []
    for index, (page, title) in enumerate(zip(pages, titles)):
        text = _nfkc(title).strip()
        if index and wanted and (text.endswith(wanted) or (pattern is not None and pattern.search(text))):
            found.append(Continuation(index, len(body_words(page, geometry)), len(body_words(pages[index - 1], geometry))))
    return found


# --------------------------------------------------------------------------
# (f) small text on a page it leaves half empty


@dataclass(frozen=True)
class TextFill:
    """A page's body: word count, median font size (pt) and the share of the body height its words span."""

    words: int
    size: float
    fill: float


def text_fill(page: Page, geometry: Geometry) -> TextFill:
    """Measure a page's body words: how many, how big (median box height / 1.30), how much height they span."""
    words = body_words(page, geometry)
    if not words:
        return TextFill(0, 0.0, 0.0)
    size = statistics.median(font_size(word) for word in words)
    span = max(word.y_max for word in words) - min(word.y_min for word in words)
    return TextFill(len(words), size, span / geometry.body_height)


def sparse_small_text(page: Page, geometry: Geometry, *, min_words: int = 20, max_size: float = 11.0,
                      min_fill: float = 0.5) -> TextFill | None:
    """The page's `TextFill` when it has `min_words`+ body words set under `max_size` pt spanning under `min_fill`.

    Why: text is shrunk to fit; when it is small *and* leaves half the body
    empty, it was shrunk for nothing (or the rest went to another page) and
    is hard to read for no gain. None for a page without the defect.
    """
    fill = text_fill(page, geometry)
    if fill.words >= min_words and fill.size < max_size and fill.fill < min_fill:
        return fill
    return None


# --------------------------------------------------------------------------
# (g) text sizes of the deck

_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_INHERITED_TYPES = {"title", "ctrTitle", "dt", "ftr", "sldNum"}


def _rels(archive: zipfile.ZipFile, part: str) -> dict[str, str]:
    folder, name = part.rsplit("/", 1)
    rels = f"{folder}/_rels/{name}.rels"
    if rels not in archive.namelist():
        return {}
    root = etree.fromstring(archive.read(rels))
    targets = {}
    for rel in root:
        target = rel.get("Target", "")
        parts = folder.split("/")
        for piece in target.split("/"):
            if piece == "..":
                parts.pop()
            elif piece not in (".", ""):
                parts.append(piece)
        targets[rel.get("Type", "").rsplit("/", 1)[-1]] = "/".join(parts)
    return targets


def _placeholder(root: etree._Element, kind: str, idx: str | None) -> etree._Element | None:
    """The shape of `root` whose placeholder matches by idx, else by type."""
    by_type = None
    for sp in root.iter(_P + "sp"):
        ph = sp.find(f"{_P}nvSpPr/{_P}nvPr/{_P}ph")
        if ph is None:
            continue
        if idx is not None and ph.get("idx") == idx:
            return sp
        if by_type is None and ph.get("type", "body") == kind:
            by_type = sp
    return by_type


def _list_size(sp: etree._Element | None) -> int | None:
    if sp is None:
        return None
    element = sp.find(f"{_P}txBody/{_A}lstStyle/{_A}lvl1pPr/{_A}defRPr")
    return int(element.get("sz")) if element is not None and element.get("sz") else None


def text_sizes(deck: bytes) -> dict[float, list[str]]:
    """Every text size of the deck (pt), each with the parts that use it.

    Why: a deck that uses many sizes looks unplanned; the design asks for
    at most ten. Counted: every `sz` of a:rPr, a:endParaRPr and a:defRPr in
    ppt/slides/*.xml, and for title, date, footer and slide-number
    placeholders of the slides that leave a run's size to inheritance (no
    `sz` on the run nor in the shape's own list style), the size their
    layout or master gives (the placeholder's list style, else the master's
    title style for titles).
    """
    sizes: dict[float, list[str]] = {}

    def add(size: int, where: str) -> None:
        places = sizes.setdefault(size / 100, [])
        if where not in places:
            places.append(where)

    with zipfile.ZipFile(io.BytesIO(deck)) as archive:
        slides = sorted((n for n in archive.namelist() if re.fullmatch(r"ppt/slides/slide\d+\.xml", n)),
                        key=lambda n: int(re.findall(r"\d+", n)[-1]))
        for name in slides:
            root = etree.fromstring(archive.read(name))
            for tag in ("rPr", "endParaRPr", "defRPr"):
                for element in root.iter(_A + tag):
                    if element.get("sz"):
                        add(int(element.get("sz")), name)
            layout_name = _rels(archive, name).get("slideLayout")
            if layout_name is None:
                continue
            layout = etree.fromstring(archive.read(layout_name))
            master_name = _rels(archive, layout_name).get("slideMaster")
            master = etree.fromstring(archive.read(master_name)) if master_name else None
            for sp in root.iter(_P + "sp"):
                ph = sp.find(f"{_P}nvSpPr/{_P}nvPr/{_P}ph")
                if ph is None or ph.get("type", "body") not in _INHERITED_TYPES or _list_size(sp):
                    continue
                runs = [r for r in sp.iter(_A + "r", _A + "fld") if r.findtext(_A + "t")]
                if not any(r.find(_A + "rPr") is None or not r.find(_A + "rPr").get("sz") for r in runs):
                    continue
                kind = ph.get("type")
                size = _list_size(_placeholder(layout, kind, ph.get("idx")))
                if size is None and master is not None:
                    size = _list_size(_placeholder(master, kind, None))
                    if size is None and kind in ("title", "ctrTitle"):
                        element = master.find(f"{_P}txStyles/{_P}titleStyle/{_A}lvl1pPr/{_A}defRPr")
                        size = int(element.get("sz")) if element is not None and element.get("sz") else None
                if size is not None:
                    add(size, f"{name} ({kind}, inherited from {layout_name})")
    return dict(sorted(sizes.items()))
