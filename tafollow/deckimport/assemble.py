"""The slides of a deck → report.yaml's data and each project file's data, in the files' words.

Each project takes its title slide's labels (owner, managers, updated),
its goal slide, its progress slides and its forecast slides. Text that has
no field of its own is never dropped: it goes to the nearest field that
holds text (the goal's paragraphs, the progress notes, the forecast's
narrative) and is marked to be checked. A required field the deck does not
give is written as MISSING and marked, so that the folder validates and
the mark says what to fill in.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from tafollow.data.load import file_order
from tafollow.data.repository import NUMBER_STEP, slug
from tafollow.deckimport.doubts import MISSING, Checks, quote
from tafollow.deckimport.forecast_slide import read_forecast
from tafollow.deckimport.paragraphs import join_pages, lines
from tafollow.deckimport.progress_slide import read_progress
from tafollow.deckimport.slides import DeckSlides, Page, ProjectSlides, is_label_line
from tafollow.deckimport.words import TYPED_BULLET, all_words, find_date, same_text, split_names, words

SUBHEADING_MAX = 120


@dataclass
class Draft:
    """One file to write: its data, what to check in it, and comments to keep at its end."""

    stem: str
    data: dict[str, Any]
    checks: Checks = field(default_factory=Checks)
    trailing: list[tuple[str, str]] = field(default_factory=list)
    """(heading, text) kept as comments after the data: speaker notes, text of no project."""


def speaker_notes(notes: list[tuple[int, str]]) -> list[tuple[str, str]]:
    """Speaker notes as comments, each headed by its slide."""
    return [(f"Speaker notes, slide {slide}:", text) for slide, text in notes]


def assemble(grouped: DeckSlides, width: float) -> tuple[Draft, list[Draft]]:
    """(report.yaml's draft, the project files' drafts in deck order)."""
    language = grouped.language
    projects = [_project(slides, width, language) for slides in grouped.projects]
    _name_files(projects, grouped.projects)
    report = _report(grouped, projects, width)
    for draft in projects:  # a project without a date takes the round's (its check says so)
        if draft.data.get("updated") is None:
            draft.data["updated"] = report.data["as_of"]
    return report, projects


# --------------------------------------------------------------------------
# A project


def _project(slides: ProjectSlides, width: float, language: str) -> Draft:
    checks = Checks()
    data: dict[str, Any] = {}
    leftover = _title(slides, data, checks)
    data["goal"] = _goal(slides.pages["goal"], width, leftover, checks, slides.first)
    progress, tables = read_progress(slides.pages["progress"], width, language, checks)
    if not slides.pages["progress"]:
        checks.add(slides.first, ("progress",), "no progress slide found")
        progress = {"steps": [{"text": MISSING, "status": "todo"}]}
    data["progress"] = progress
    if tables:
        data["tables"] = tables
    forecast, risks = read_forecast(slides.pages["forecast"], width, language, checks)
    if not slides.pages["forecast"]:
        checks.add(slides.first, ("forecast",), "no forecast slide found; written as on_track")
    data["forecast"] = forecast
    if risks is not None:
        data["risks"] = risks
    _others(slides, data, width, checks)
    pages: list[tuple[tuple[str, ...], Page | None]] = [(("name",), slides.title)]
    pages += [((kind,), page) for kind in ("goal", "progress", "forecast") for page in slides.pages[kind]]
    pages += [(("forecast",), page) for page in slides.others]
    for path, page in pages:
        if page is not None:
            unread(page, path, checks)
    return Draft("", data, checks, speaker_notes(slides.notes))


def unread(page: Page, path: tuple[str, ...], checks: Checks) -> None:
    """Mark what the import does not read on a slide (pictures, charts) or reads only as text (SmartArt)."""
    for box in page.boxes:
        if box.kind == "other":
            checks.add(page.slide.number, path, f"the slide has a {box.geometry} that is not read; "
                                                "copy what it says by hand")
        elif box.kind == "table" and page.kind != "progress":
            checks.add(page.slide.number, path, "a table on the slide is read cell by cell as paragraphs; "
                                                "check where they went")
        elif box.geometry == "diagram":
            checks.add(page.slide.number, path, "the text of a SmartArt graphic is read as plain paragraphs; "
                                                "check where it went")


def _title(slides: ProjectSlides, data: dict[str, Any], checks: Checks) -> list[tuple[int, str]]:
    """Name, owner, managers and updated into `data`; returns the title slide's other texts."""
    page = slides.title
    number = page.slide.number if page else slides.first
    kickers = {w.kicker.casefold() for w in all_words()}
    found: dict[str, Any] = {}
    rest: list[tuple[float, str]] = []
    for box in page.boxes if page else []:
        for paragraph in box.readable:
            other = []
            for line in paragraph.text.split("\n"):
                kind = is_label_line(line)
                if kind is None or kind in found:
                    if line.strip() and line.strip().casefold() not in kickers:
                        other.append(line)
                    continue
                found[kind] = _label_value(line, kind)
            if other:
                rest.append((paragraph.size, "\n".join(other)))
    name = page.heading if page and page.heading else slides.name
    if not name and rest:
        biggest = max(rest, key=lambda item: item[0])
        rest.remove(biggest)
        name = biggest[1]
    # Two projects without a name must still differ: the loader refuses two of one name.
    data["name"] = name or f"{MISSING} {number}"
    if not name:
        checks.add(number, ("name",), "no project name found; named by its first slide's number")
    owner = found.get("owner")
    data["owner"] = owner or MISSING
    managers = found.get("managers") or [MISSING]
    data["managers"] = managers
    updated = found.get("updated")
    data["updated"] = updated
    for key, value in (("owner", owner), ("managers", found.get("managers")), ("updated", updated)):
        if not value:
            checks.add(number, (key,), f"no '{key}' label on the project's title slide")
    return [(number, text) for _, text in rest]


def _label_value(line: str, kind: str) -> Any:
    value = line.split(":", 1)[1] if ":" in line else line.split(None, 1)[-1]
    value = value.strip().lstrip("–-").strip()
    if kind == "managers":
        return split_names(value)
    if kind == "updated":
        found = find_date(line)
        return found[0] if found else None
    return value


def _goal(pages: list[Page], width: float, leftover: list[tuple[int, str]], checks: Checks,
          first: int) -> dict[str, Any]:
    goal: dict[str, Any] = {}
    if pages and pages[0].heading and not any(same_text(pages[0].heading, w.headings["goal"]) for w in all_words()):
        goal["heading"] = pages[0].heading
    found = join_pages([lines(page.boxes, page.slide.number, width) for page in pages])
    paragraphs: list[str] = []
    for number, text in leftover:
        checks.add(number, ("goal", "paragraphs", len(paragraphs)),
                   f"{quote(text)} on the title slide is not a label; kept as a goal paragraph")
        paragraphs.append(text)
    bullets: list[str] = []
    if (len(found) > 1 and found[0].para.bold and found[0].para.bullet is None
            and len(found[0].text) <= SUBHEADING_MAX and not found[0].text.rstrip().endswith(".")):
        goal["subheading"] = found[0].text
        found = found[1:]
    for line in found:
        typed = TYPED_BULLET.match(line.text)
        if line.para.bullet is not None or line.para.level > 0 or typed:
            bullets.append(line.text[typed.end():] if typed and line.para.bullet is None else line.text)
        elif bullets:
            checks.add(line.slide, ("goal", "bullets", len(bullets)),
                       f"{quote(line.text)} comes after the bulleted points; kept as one of them")
            bullets.append(line.text)
        else:
            paragraphs.append(line.text)
    if paragraphs:
        goal["paragraphs"] = paragraphs
    if bullets:
        goal["bullets"] = bullets
    if not paragraphs and not bullets and "subheading" not in goal:
        goal["paragraphs"] = [MISSING]
        checks.add(pages[0].slide.number if pages else first, ("goal",), "no goal text found")
    return goal


def _others(slides: ProjectSlides, data: dict[str, Any], width: float, checks: Checks) -> None:
    """Text of the project's slides that are none of its four kinds: into the nearest text field."""
    for page in slides.others:
        texts = [line.text for line in lines(page.boxes, page.slide.number, width)]
        if page.heading:
            texts.insert(0, page.heading)
        after_forecast = any(p.slide.number < page.slide.number for p in slides.pages["forecast"])
        after_progress = any(p.slide.number < page.slide.number for p in slides.pages["progress"])
        if after_forecast:
            path, target = ("forecast", "narrative"), data["forecast"].setdefault("narrative", [])
        elif after_progress:
            path, target = ("progress", "notes"), data["progress"].setdefault("notes", [])
        else:
            path, target = ("goal", "paragraphs"), data["goal"].setdefault("paragraphs", [])
        for text in texts:
            checks.add(page.slide.number, (*path, len(target)), f"{quote(text)} is on a slide of no known kind")
            target.append(text)


def _name_files(drafts: list[Draft], slides: list[ProjectSlides]) -> None:
    """File names: the ones tafollow's speaker notes give, when they keep the deck's order; else NN-slug."""
    sources = [s.source[: -len(".yaml")] if s.source else None for s in slides]
    # Kept only when the loader's own order (9- < 10- < 100-) is the deck's.
    if all(sources) and len(set(sources)) == len(sources) and \
            sources == sorted(sources, key=lambda stem: file_order(stem or "")):
        stems: list[str] = sources  # type: ignore[assignment]
    else:
        stems = []
        for index, draft in enumerate(drafts):
            base = f"{(index + 1) * NUMBER_STEP:02d}-{slug(str(draft.data['name']))}"
            stem, n = base, 2
            while stem in stems:
                stem, n = f"{base}-{n}", n + 1
            stems.append(stem)
    for draft, stem in zip(drafts, stems):
        draft.stem = stem


# --------------------------------------------------------------------------
# report.yaml


def _report(grouped: DeckSlides, projects: list[Draft], width: float) -> Draft:
    checks = Checks()
    data: dict[str, Any] = {}
    cover = grouped.cover
    number = cover.slide.number if cover else 1
    texts = [line.text for line in lines(cover.boxes, number, width)] if cover else []
    title = cover.heading if cover and cover.heading else None
    if title is None and cover is not None:
        sized = [(line.para.size, line.text) for line in lines(cover.boxes, number, width)]
        title = max(sized)[1] if sized else None
    if title in texts:
        texts.remove(title)
    data["title"] = title or MISSING
    if not title:
        checks.add(number, ("title",), "no cover slide with the report's title found")
    as_of = _as_of(texts, grouped, projects, checks, number)
    data["as_of"] = as_of
    unit = grouped.footer.unit
    if unit is None and texts:
        unit = texts.pop(0)
        checks.add(number, ("unit",), f"no footer with the unit; the cover's {quote(unit)} is used")
    data["unit"] = unit or MISSING
    if unit is None:
        checks.add(number, ("unit",), "no footer with the unit found")
    footer = find_date(grouped.footer.date or "")
    if footer and footer[0] != as_of:
        data["footer_date"] = footer[0]
    data["language"] = grouped.language
    if grouped.summary:
        data["summary"] = True
    for page in [cover, *grouped.before] if cover else grouped.before:
        unread(page, ("title",), checks)
    trailing = [(number, text) for text in texts]
    for page in grouped.before:
        trailing += [(page.slide.number, line.text) for line in lines(page.boxes, page.slide.number, width)]
    for slide, text in trailing:
        checks.add(slide, ("title",), f"{quote(text)} belongs to no project; kept as a comment at the end")
    stray = [(f"Text of slide {slide}, in no project:", text) for slide, text in trailing]
    return Draft("report", data, checks, [*stray, *speaker_notes(grouped.cover_notes)])


def _as_of(texts: list[str], grouped: DeckSlides, projects: list[Draft], checks: Checks, number: int) -> date:
    """The date of the forecast: the cover's ("Ennuste toteutumisesta 21.10.2019"), else the footer's."""
    for text in list(texts):
        found = find_date(text)
        if found is None:
            continue
        texts.remove(text)
        if not any(text == w.cover + w.date_text(found[0]) for w in all_words()):
            standard = words(grouped.language).cover + words(grouped.language).date_text(found[0])
            checks.add(number, ("as_of",), f"the cover says {quote(text)}; the deck will say {quote(standard)}")
        return found[0]
    footer = find_date(grouped.footer.date or "")
    if footer:
        checks.add(number, ("as_of",), "no date on the cover; the footer's date is used")
        return footer[0]
    days = [draft.data["updated"] for draft in projects if isinstance(draft.data.get("updated"), date)]
    checks.add(number, ("as_of",), "no date on the cover or in the footer; the latest 'updated' is used")
    return max(days) if days else date.today()
