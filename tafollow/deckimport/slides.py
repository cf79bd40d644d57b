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
    kind: str
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
    pages: dict[str, list[Page]] = field(default_factory=lambda: {"goal": [], "progress": [], "forecast": []})
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
        if page.kind == "summary":
            summary.append(page.slide.number)
            continue
        if index == 0 and page.kind == "unknown":
            cover = page
            cover_notes += _notes(page.slide, None)
            continue
        if page.kind == "unknown" and current is not None:
            page.kind = _by_content(page, current)
        if page.kind == "title" or (page.kind in ("goal", "progress", "forecast")
                                    and (current is None or _starts_another(page, current))):
            current = ProjectSlides(page.slide.number)
            projects.append(current)
            if page.kind == "title":
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
        elif page.kind != "title":
            current.others.append(page)
        current.notes += _notes(page.slide, current)
    return DeckSlides(cover, projects, before, summary, language, footer, cover_notes)


def _page(slide: Slide, boxes: list[Box]) -> Page:
    title_box = _title_box(boxes)
    title = title_box.text if title_box is not None else None
    content = [box for box in boxes if box is not title_box]
    if any(_is_label(p.text) for box in content for p in box.paragraphs):
        return Page(slide, "title", title, False, content)
    if title is None:
        return Page(slide, "unknown", None, False, content)
    base, continued = strip_title(title)
    known = title_kind(base)
    kind = known[0] if known else "unknown"
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
    line = text.strip().casefold()
    for w in all_words():
        if _labelled(line, w.owner):
            return "owner"
        if any(_labelled(line, label) for label in w.managers) or _labelled(line, _stem(w.managers)):
            return "managers"
        if _labelled(line, w.updated, colon=False) and find_date(text) and len(line) < 60:
            return "updated"
    return None


def _labelled(line: str, label: str, colon: bool = True) -> bool:
    """Whether `line` starts with `label` (a trailing "*": and any ending), then a colon or a dash."""
    label = label.rstrip(":").casefold()
    prefix = label.rstrip("*")
    if not prefix or not line.startswith(prefix):
        return False
    rest = line[len(prefix):]
    if label.endswith("*"):
        rest = rest.lstrip("abcdefghijklmnopqrstuvwxyzåäöü()")
    rest = rest.lstrip()
    return bool(rest) and (rest[0] in ":–-" if colon else not rest[0].isalpha())


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
    return any(is_label_line(line) for line in text.split("\n"))


def _by_content(page: Page, project: ProjectSlides) -> str:
    """The kind of a slide whose title is not a known one, from what it holds and where it is."""
    previous = next((p for kind in ("forecast", "progress", "goal") for p in project.pages[kind][-1:]), None)
    if page.continued and previous is not None:
        return previous.kind
    figures = [box for box in page.boxes if box.kind == "figure"]
    if any(box.kind == "table" for box in page.boxes) or sum(b.geometry in PHASE_SHAPES for b in figures) >= 2:
        return "progress"
    if any(box.geometry in LIGHT_SHAPES for box in figures) or any(
            is_risks_heading(p) for box in page.boxes for p in box.paragraphs):
        return "forecast"
    if not any(project.pages.values()):
        return "goal"
    return "unknown"


def _starts_another(page: Page, project: ProjectSlides) -> bool:
    """A goal, progress or forecast slide that cannot belong to the project before it."""
    if page.continued:
        return False
    later = {"goal": ("goal", "progress", "forecast"), "progress": ("progress", "forecast"),
             "forecast": ("forecast",)}[page.kind]
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
    """The footer's date and unit, and each slide's boxes without the footer."""
    def at_foot(box: Box) -> bool:
        return box.kind == "text" and not box.placeholder and box.y >= deck.height * FOOT and len(box.paragraphs) <= 2

    repeated = Counter(box.text.strip() for slide in deck.slides for box in slide.boxes if at_foot(box))
    dates: Counter[str] = Counter()
    units: Counter[str] = Counter()
    bodies = []
    for slide in deck.slides:
        body = []
        for box in slide.boxes:
            text = box.text.strip()
            in_footer = box.is_footer or (at_foot(box) and (repeated[text] > 1 or text.isdigit()))
            if not in_footer:
                body.append(box)
                continue
            if box.placeholder == "sldNum" or text.isdigit():
                continue
            found = find_date(text)
            if box.placeholder == "dt" or (found and found[1] == text):
                dates[text] += 1
            else:
                units[text] += 1
        bodies.append(body)
    footer = Footer(dates.most_common(1)[0][0] if dates else None, units.most_common(1)[0][0] if units else None)
    return footer, bodies
