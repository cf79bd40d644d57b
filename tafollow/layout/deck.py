"""Model → plan of slides: what goes where, every text fitted to its box.

Four slides per project after the cover, as in the hand-made deck; when
text does not fit at the smallest readable size, the rest continues on
slides with the same title marked as continued. This package's layout
modules are the only place geometry is decided; no python-pptx here: the
frames (where the template's placeholders are) come in as plain rectangles.

The grid: every slide kind has fixed columns, and every text, shape and
table starts at the body's left edge, the content margin.
"""

from __future__ import annotations

from tafollow.design import style
from tafollow.layout.fit import Block, Text, best_size, box_height, fitted_box, flow, sized
from tafollow.data.load import ProjectFile, Round
from tafollow.data.model import Project
from tafollow.layout.plan import Deck, Footer, Frames, Item, Rect, Shape, Slide, TextBox
from tafollow.layout.progress import columns, progress_pages
from tafollow.layout.summary import summary_slides
from tafollow.languages import Labels

LIGHT_INDENT = 1.5
"""The verdict's indent, in ems, leaving room for the traffic light before it."""

__all__ = ["Frames", "layout"]


def layout(round_: Round, labels: Labels, frames: Frames, *, summary: bool = False) -> Deck:
    """The whole deck: cover, optional overview, four (or more) slides per project."""
    report = round_.report
    slides = [_cover(report.title, labels("cover_subtitle", report.as_of), frames)]
    if summary:
        slides.extend(summary_slides(round_, labels, frames))
    for file in round_.projects:
        slides.extend(_project(file, labels, frames))
    footer = Footer(labels("date", report.footer_date or report.as_of), report.unit)
    return Deck(slides, footer, report.title, report.unit, labels.tag)


def _cover(title: str, subtitle: str, frames: Frames) -> Slide:
    return Slide("Cover", [
        fitted_box(frames.cover_title, title, style.COVER_TITLE, placeholder="Title", name="Title", bold=True,
                   anchor="bottom"),
        fitted_box(frames.cover_subtitle, subtitle, style.COVER_SUBTITLE, placeholder="Subtitle", name="Subtitle"),
    ], footer=False)


def _project(file: ProjectFile, labels: Labels, frames: Frames) -> list[Slide]:
    project = file.project
    notes = labels("notes", file.path.name, project.updated)
    progress_title = project.progress.heading or labels("progress_heading")
    slides = [_title_slide(project, labels, frames), *_goal(project, labels, frames),
              *content_slides(progress_title, progress_pages(project, labels, frames.body), frames, labels,
                              project.name),
              *_forecast(project, labels, frames)]
    for slide in slides:
        slide.notes = notes
    return slides


def _title_slide(project: Project, labels: Labels, frames: Frames) -> Slide:
    details = [Block((Text(text),), gap=0.3) for text in (
        labels("owner", project.owner), labels("managers", project.managers), labels("updated", project.updated))]
    box = frames.details
    # Three short lines in one box; at the floor a very long list of managers still keeps every word.
    paragraphs = sized(details, best_size(details, box.w, box.h, style.DETAILS) or style.DETAILS.floor)
    title = fitted_box(frames.project_title, project.name, style.PROJECT_TITLE, placeholder="Title", name="Title",
                       bold=True, anchor="bottom")
    # The title sits at the bottom of its box; the kicker goes right above its first line, not
    # where the template's box happens to leave it.
    kicker = frames.kicker
    top_of_title = title.rect.bottom - box_height(title.paragraphs, title.rect.w)
    kicker = Rect(kicker.x, max(kicker.y, top_of_title - kicker.h), kicker.w, kicker.h)
    # The title first: a screen reader takes the first shape for what the slide is about.
    return Slide("Project title", [
        title,
        fitted_box(kicker, labels("kicker"), style.KICKER, placeholder="Kicker", name="Kicker", bold=True,
                   anchor="bottom"),
        TextBox(frames.details, tuple(paragraphs), "Details", name="Details", inset_y=style.INSET_Y),
    ])


TITLE_JOIN = " – "
"""Between a slide's heading and the project it belongs to: "Tavoite – Harrastuspassi"."""


def content_slides(title: str, pages: list[list[Item]], frames: Frames, labels: Labels,
                   project: str = "") -> list[Slide]:
    """A "Content" slide per page of items.

    Every title is unique, so that a screen-reader user moving from title
    to title knows where they are: the heading (bold, as in the hand-made
    deck) is followed by the project's name in regular weight, and pages
    after the first are marked as continued, numbered when there are more
    than two.
    """
    slides = []
    for index, items in enumerate(pages):
        rest = TITLE_JOIN + project if project else ""
        if index:
            whole = labels("continued", title + rest, index + 1, len(pages))
            rest = whole[len(title):]
        box = fitted_box(frames.title, title, style.SLIDE_TITLE, placeholder="Title", name="Title", bold=True,
                         lighter=rest)
        slides.append(Slide("Content", [box, *items]))
    return slides


def _goal(project: Project, labels: Labels, frames: Frames) -> list[Slide]:
    goal = project.goal
    texts: list[Text] = []
    if goal.subheading:
        texts.append(Text(goal.subheading, rel=1, bold=True, color=style.ACCENT))
    blocks = [Block((Text(text),)) for text in goal.paragraphs]
    blocks += [Block((Text(text, bullet="•"),), gap=0.4) for text in goal.bullets]
    if texts:  # the subheading goes with what follows it
        blocks = [Block((*texts, *blocks[0].paragraphs), 0.0), *blocks[1:]] if blocks else [Block(tuple(texts))]
    body = frames.body
    pages = flow(blocks, (body.w, body.h), (body.w, body.h), style.GOAL)
    items: list[list[Item]] = [[TextBox(body, tuple(page.paragraphs()), name="Goal", inset_y=style.INSET_Y)]
                               for page in pages]
    return content_slides(goal.heading or labels("goal_heading"), items, frames, labels, project.name)


def _forecast(project: Project, labels: Labels, frames: Frames) -> list[Slide]:
    forecast, risks = project.forecast, project.risks
    body = frames.body
    verdict = Text(forecast.sentence or labels(f"forecast_{forecast.status}"), bold=True, indent=LIGHT_INDENT)
    left_blocks = [Block((verdict,))]
    left_blocks += [Block((Text(text),), gap=0.5) for text in forecast.narrative]
    heading = Text(risks.heading or labels("risks_heading"), bold=True, color=style.ACCENT)
    right_blocks: list[Block] = []
    for number, risk in enumerate(risks.items, start=1):
        texts = [Text(risk.risk, bullet="number" if risks.numbered else "•", number=number)]
        if risk.mitigation:
            texts.append(Text(labels("mitigation", risk.mitigation), color=style.ACCENT, under=True, before=0.2))
        right_blocks.append(Block(tuple(texts), gap=0.5))
    if not right_blocks:  # said in words rather than leaving the heading alone
        right_blocks.append(Block((Text(labels("no_risks")),)))
    # The heading travels with the first risk, so it never ends a page alone.
    right_blocks[0] = Block((heading, *right_blocks[0].paragraphs), 0.0)
    left, right = columns(body)  # the risks column starts at the same x on every forecast slide
    left_pages = flow(left_blocks, (left.w, left.h), (left.w, left.h), style.BODY)
    right_pages = flow(right_blocks, (right.w, right.h), (right.w, right.h), style.BODY)
    # Two columns that both continue share out their text over the same pages.
    if len(left_pages) > 1 and len(right_pages) > 1 and len(left_pages) != len(right_pages):
        count = max(len(left_pages), len(right_pages))
        left_pages = flow(left_blocks, (left.w, left.h), (left.w, left.h), style.BODY, count)
        right_pages = flow(right_blocks, (right.w, right.h), (right.w, right.h), style.BODY, count)
    pages: list[list[Item]] = []
    for index in range(max(len(left_pages), len(right_pages))):
        # Both columns of a page at one size, so the slide reads as one text.
        common = min(pages_[index].size for pages_ in (left_pages, right_pages) if index < len(pages_))
        items: list[Item] = []
        for column, rect, name in ((left_pages, left, "Forecast"), (right_pages, right, "Risks")):
            if index < len(column) and column[index].blocks:
                items.append(TextBox(rect, tuple(column[index].paragraphs(common)), name=name,
                                     inset_y=style.INSET_Y))
        pages.append(items)
    first = next(item for item in pages[0] if isinstance(item, TextBox) and item.name == "Forecast").paragraphs[0]
    pitch = style.line_pitch(first.size)
    diameter = min(pitch * 0.9, 16.0)
    light_y = left.y + style.INSET_Y + (pitch - diameter) / 2
    pages[0].insert(0, Shape(Rect(left.x, light_y, diameter, diameter), "ellipse", style.LIGHTS[forecast.status],
                             name=f"Forecast {forecast.status}", alt=labels("alt_forecast", forecast.status)))
    return content_slides(forecast.heading or labels("forecast_heading"), pages, frames, labels, project.name)

