"""Which slide is what: the cover, each project's title, goal, progress and forecast slides.

Slides are recognised by what they say, never by their layout's or their
shapes' names: a project starts at a slide with the labels Omistaja /
Projektipäällikkö / Päivitetty (or their Swedish and English forms), and
its other slides are known by their titles ("Tavoite", "Ositettu
tavoitteiden toteutuminen", "Ennuste … ja riskit"), with or without a
trailing " – <project name>" or a continued mark. A slide with a title of
its own is known by what it holds: phases and tables make a progress
slide, a traffic light or a risks heading a forecast slide. Footers (date,
unit, slide number) are taken off every slide first, whether they are
footer placeholders or loose boxes repeated along the slides' foot.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from tafollow.deckimport.pptxread import Box, Deck, Slide
from tafollow.data.model import CONTENT_KINDS, SlideKind
from tafollow.languages import DEFAULT
from tafollow.deckimport.words import all_words, find_date, is_cover_subtitle, is_risks_heading, strip_title, title_kind

FOOT = 0.88
"""A loose box starting below this share of the slide's height may be a footer."""
LIGHT_SHAPES = {"ellipse", "flowChartConnector", "donut", "circle"}
PHASE_SHAPES = {"chevron", "homePlate", "pentagon", "rect", "roundRect", "snip1Rect", "round2SameRect",
                "flowChartProcess", "flowChartAlternateProcess", "parallelogram", "custom"}
_NOTES = re.compile(r"^(?:" + "|".join(re.escape(w.notes.strip()) for w in all_words()) + r")\s*([\w.-]+\.yaml),")


@dataclass
class Page:
    """A content slide: its title (continued mark and project name taken off) and its boxes."""

    slide: Slide
    kind: SlideKind | None
    """None while the slide is of no known kind."""
    heading: str | None
    continued: bool
    boxes: list[Box]


@dataclass
class ProjectSlides:
    """The slides of one project, in deck order."""

    first: int
    title: Page | None = None
    name: str | None = None
    """The project's name when a slide title carries it ("Tavoite – Harrastuspassi") and no title slide does."""
    pages: dict[SlideKind, list[Page]] = field(default_factory=lambda: {kind: [] for kind in CONTENT_KINDS})
    others: list[Page] = field(default_factory=list)
    notes: list[tuple[int, str]] = field(default_factory=list)
    source: str | None = None
    """The file name tafollow's speaker notes give ("Lähde: 10-harrastuspassi.yaml, …")."""


@dataclass
class Footer:
    date: str | None = None
    unit: str | None = None


@dataclass
class DeckSlides:
    cover: Page | None
    projects: list[ProjectSlides]
    before: list[Page]
    """Slides between the cover and the first project that are not an overview."""
    summary: list[int]
    """The overview slides ("Yhteenveto"): not read, since the build makes them from the projects."""
    language: str
    footer: Footer
    cover_notes: list[tuple[int, str]] = field(default_factory=list)


def group(deck: Deck) -> DeckSlides:
    footer, bodies = _footers(deck)
    pages = [_page(slide, boxes) for slide, boxes in zip(deck.slides, bodies)]
    language = _language(deck)
    cover: Page | None = None
    projects: list[ProjectSlides] = []
    before: list[Page] = []
    summary: list[int] = []
    cover_notes: list[tuple[int, str]] = []
    for index, page in enumerate(pages):
        current = projects[-1] if projects else None
        if page.kind is SlideKind.SUMMARY:
            summary.append(page.slide.number)
            continue
        if index == 0 and page.kind is None:
            cover = page
            cover_notes += _notes(page.slide, None)
            continue
        if page.kind is None and current is not None:
            page.kind = _by_content(page, current)
        if page.kind is SlideKind.TITLE or (page.kind in CONTENT_KINDS
                                    and (current is None or _starts_another(page, current))):
            current = ProjectSlides(page.slide.number)
            projects.append(current)
            if page.kind is SlideKind.TITLE:
                current.title = page
            else:
                current.name = _name_in_title(page)
        if current is None:
            before.append(page)
            cover_notes += _notes(page.slide, None)
            continue
        name = current.title.heading if current.title is not None else current.name
        if page.heading and name and page is not current.title:  # "Tavoitteet – Harrastuspassi" → "Tavoitteet"
            page.heading = strip_title(page.heading, name)[0]
        if page.kind in current.pages:
            current.pages[page.kind].append(page)
        elif page.kind is not SlideKind.TITLE:
            current.others.append(page)
        current.notes += _notes(page.slide, current)
    return DeckSlides(cover, projects, before, summary, language, footer, cover_notes)


def _page(slide: Slide, boxes: list[Box]) -> Page:
    title_box = _title_box(boxes)
    title = title_box.text if title_box is not None else None
    content = [box for box in boxes if box is not title_box]
    if any(_is_label(p.text) for box in content for p in box.paragraphs):
        return Page(slide, SlideKind.TITLE, title, False, content)
    if title is None:
        return Page(slide, None, None, False, content)
    base, continued = strip_title(title)
    known = title_kind(base)
    kind = known[0] if known else None
    return Page(slide, kind, base, continued, content)


def _title_box(boxes: list[Box]) -> Box | None:
    """The slide's title: its title placeholder, else a loose box that starts with a known title."""
    titles = [box for box in boxes if box.is_title and box.text.strip()]
    if titles:
        return min(titles, key=lambda box: (box.y, box.x))
    loose = [box for box in boxes if box.kind == "text" and len(box.paragraphs) == 1
             and title_kind(strip_title(box.paragraphs[0].text)[0]) is not None
             and not is_cover_subtitle(box.paragraphs[0].text)]
    return min(loose, key=lambda box: (box.y, box.x)) if loose else None


def is_label_line(text: str) -> str | None:
    """owner / managers / updated when a line of the title slide carries that label."""
    line = text.strip()
    for w in all_words():
        if _labelled(line, w.owner):
            return "owner"
        if any(_labelled(line, label) for label in w.managers) or _labelled(line, _stem(w.managers)):
            return "managers"
        if _labelled(line, w.updated, colon=False) and find_date(text) and len(line) < 60:
            return "updated"
    return None


LABEL_SEPARATORS = ":,–—-\t"
"""What people put between a label and its value: "Omistaja: A", "Omistaja, A", "Omistaja – A", a tab."""
LABEL_LINE_MAX = 120
"""A label line is short: a paragraph of the goal that starts with the word is not one."""


def _labelled(line: str, label: str, colon: bool = True) -> bool:
    """Whether `line` starts with `label` (a trailing "*": and any ending), then a separator and a value.

    The separator is any of LABEL_SEPARATORS, or a space before a capital
    (a name: "Omistaja Sanna Heikkinen"); `line` is casefolded, so the
    capital is looked for in `original`.
    """
    label = label.rstrip(":").casefold()
    prefix = label.rstrip("*")
    if not prefix or not line.casefold().startswith(prefix) or len(line) > LABEL_LINE_MAX:
        return False
    rest = line[len(prefix):]
    if label.endswith("*"):
        rest = rest.lstrip("abcdefghijklmnopqrstuvwxyzåäöüABCDEFGHIJKLMNOPQRSTUVWXYZÅÄÖÜ()")
    if not colon:
        stripped = rest.lstrip()
        return bool(stripped) and not stripped[0].isalpha()
    stripped = rest.lstrip(" \u00a0")
    if stripped[:1] in LABEL_SEPARATORS:
        return bool(stripped[1:].strip())
    return stripped != rest and stripped[:1].isupper()


def label_value(line: str) -> str:
    """The value after a label and its separator: "Omistaja, Sanna Heikkinen" → "Sanna Heikkinen"."""
    labels = [label for w in all_words() for label in (w.owner, *w.managers, _stem(w.managers), w.updated)]
    for label in sorted(labels, key=lambda label: len(label.rstrip(":*")), reverse=True):  # "managers" first
        prefix = label.rstrip(":").rstrip("*")
        if prefix and line.casefold().lstrip().startswith(prefix.casefold()):
            rest = line.lstrip()[len(prefix):]
            if label.endswith("*"):
                rest = rest.lstrip("abcdefghijklmnopqrstuvwxyzåäöüABCDEFGHIJKLMNOPQRSTUVWXYZÅÄÖÜ()")
            return rest.lstrip(" \u00a0").lstrip(LABEL_SEPARATORS).strip()
    return line.strip()


def _stem(labels: tuple[str, ...]) -> str:
    """The shared start of a label's singular and plural ("Projektipäällik"), matched as a prefix."""
    if len(labels) < 2:
        return labels[0].rstrip(":") if labels else ""
    first, second = labels[0].rstrip(":"), labels[1].rstrip(":")
    n = 0
    while n < min(len(first), len(second)) and first[n] == second[n]:
        n += 1
    return first[:n] + "*" if n >= 6 else first


def _is_label(text: str) -> bool:
    return any(is_label_line(line) for line in label_lines(text))


def label_lines(text: str) -> list[str]:
    """A paragraph's lines, a label alone on its line joined to the value on the next ("Omistaja\nA")."""
    words = {label.rstrip(":*").casefold() for w in all_words() for label in (w.owner, *w.managers, w.updated)}
    out: list[str] = []
    for line in text.split("\n"):
        if out and out[-1].strip().rstrip(":").casefold() in words and line.strip():
            out[-1] = f"{out[-1].rstrip().rstrip(':')}\t{line.strip()}"
        else:
            out.append(line)
    return out


def _by_content(page: Page, project: ProjectSlides) -> SlideKind | None:
    """The kind of a slide whose title is not a known one, from what it holds and where it is."""
    previous = next((p for kind in reversed(CONTENT_KINDS) for p in project.pages[kind][-1:]), None)
    if page.continued and previous is not None:
        return previous.kind
    figures = [box for box in page.boxes if box.kind == "figure"]
    if any(box.kind == "table" for box in page.boxes) or sum(b.geometry in PHASE_SHAPES for b in figures) >= 2:
        return SlideKind.PROGRESS
    if any(box.geometry in LIGHT_SHAPES for box in figures) or any(
            is_risks_heading(p) for box in page.boxes for p in box.paragraphs):
        return SlideKind.FORECAST
    if not any(project.pages.values()):
        return SlideKind.GOAL
    return None


def _starts_another(page: Page, project: ProjectSlides) -> bool:
    """A goal, progress or forecast slide that cannot belong to the project before it."""
    if page.continued:
        return False
    later = CONTENT_KINDS[CONTENT_KINDS.index(page.kind):]  # type: ignore[arg-type]
    return any(project.pages[kind] for kind in later)


def _name_in_title(page: Page) -> str | None:
    title = _title_box(list(page.slide.boxes))
    known = title_kind(strip_title(title.text)[0]) if title is not None else None
    return known[2] or None if known else None


def _notes(slide: Slide, project: ProjectSlides | None) -> list[tuple[int, str]]:
    """Speaker notes worth keeping; tafollow's own ("Lähde: …") give the project's file name instead."""
    text = slide.notes.strip()
    match = _NOTES.match(text)
    if match:
        if project is not None and project.source is None:
            project.source = match.group(1)
        return []
    return [(slide.number, text)] if text else []


def _language(deck: Deck) -> str:
    """The language whose fixed texts the deck uses most."""
    counts: Counter[str] = Counter()
    for slide in deck.slides:
        for box in slide.boxes:
            for paragraph in box.paragraphs:
                text = strip_title(paragraph.text)[0].casefold()
                for w in all_words():
                    fixed = [w.owner, *w.managers, w.updated, *w.headings.values(), w.risks_heading,
                             *w.verdicts.values(), w.kicker, *w.legend.values()]
                    if any(text.startswith(f.rstrip(":").casefold()) for f in fixed if f):
                        counts[w.language] += 1
    return counts.most_common(1)[0][0] if counts else DEFAULT


# --------------------------------------------------------------------------
# Footers


def _footers(deck: Deck) -> tuple[Footer, list[list[Box]]]:
    """The footer's date and unit, and each slide's boxes without the footer.

    A footer is known by where it is and what it says, in any form people
    type it: the footer placeholders; one loose box at the slide's foot
    ("17.4.2020   Kehittämispalvelut   3", spaces or a tab between); three
    boxes; or the slide number alone. A box at the foot is footer when every
    part of it is a date, a bare number or a text that recurs at the foot
    of other slides: never content, whatever else the slide holds.
    """
    def at_foot(box: Box) -> bool:
        return box.kind == "text" and not box.placeholder and box.y >= deck.height * FOOT and len(box.paragraphs) <= 2

    parts_of = {id(box): footer_parts(box.text) for slide in deck.slides for box in slide.boxes if at_foot(box)}
    repeated = Counter(part for slide in deck.slides for box in slide.boxes if at_foot(box)
                       for part in set(parts_of[id(box)]) if not _is_footer_token(part))
    dates: Counter[str] = Counter()
    units: Counter[str] = Counter()
    bodies = []
    for slide in deck.slides:
        body = []
        for box in slide.boxes:
            text = box.text.strip()
            parts = parts_of.get(id(box), [])
            in_footer = box.is_footer or (bool(parts) and all(
                _is_footer_token(part) or repeated[part] > 1 for part in parts))
            if not in_footer:
                body.append(box)
                continue
            if box.placeholder == "sldNum" or text.isdigit():
                continue
            for part in parts or [text]:  # a footer placeholder holds one part, typed as it is
                found = find_date(part)
                if box.placeholder == "dt" or (found and found[1] == part):
                    dates[part] += 1
                elif not part.isdigit():
                    units[part] += 1
        bodies.append(body)
    footer = Footer(dates.most_common(1)[0][0] if dates else None, units.most_common(1)[0][0] if units else None)
    return footer, bodies


_FOOTER_GAP = re.compile(r"\t|\n|\s{2,}|\s[|•·–]\s")


def footer_parts(text: str) -> list[str]:
    """The parts of a footer typed into one box: "17.4.2020   Kehittämispalvelut   3" → three parts.

    Parts are apart by a tab, a line break, two spaces or more, or a bar or a
    dot between spaces; a date or a number at either end is a part of its
    own also when one space parts it from the rest.
    """
    parts = [part.strip() for part in _FOOTER_GAP.split(text.strip()) if part.strip()]
    out: list[str] = []
    for part in parts:
        found = find_date(part)
        if found and part.startswith(found[1]) and part != found[1]:
            out.append(found[1])
            part = part[len(found[1]):].strip()
        tail = re.search(r"\s(\d{1,3})$", part)
        if tail and not part[: tail.start()].strip().isdigit():
            out += [part[: tail.start()].strip(), tail.group(1)]
        else:
            out.append(part)
    return [part for part in out if part]


def _is_footer_token(part: str) -> bool:
    """A slide number or a date: a footer's part whether or not it recurs."""
    found = find_date(part)
    return (part.isdigit() and len(part) <= 3) or bool(found and found[1] == part)
