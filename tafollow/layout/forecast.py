"""The forecast slide: the verdict beside its traffic light and the narrative on the left, the risks on the right.

The two columns are the progress slide's (`progress.columns`), so the
risks start at the same x on every forecast slide. When both columns run
over, they share out their text over the same number of pages, and each
page sets both columns at one size, so that it reads as one text.
"""

from __future__ import annotations

from tafollow.data.model import Project, SlideKind
from tafollow.design import style
from tafollow.languages import Labels
from tafollow.layout.content import content_slides, heading
from tafollow.layout.fit import Block, Page, Text, flow
from tafollow.layout.plan import Frames, Item, Rect, Shape, Slide, TextBox
from tafollow.layout.progress import columns

LIGHT_INDENT = 1.5
"""The verdict's indent, in ems, leaving room for the traffic light before it."""


def forecast_slides(project: Project, labels: Labels, frames: Frames) -> list[Slide]:
    left, right = columns(frames.body)
    left_pages, right_pages = _pages_in_step(_forecast_blocks(project, labels), left, _risk_blocks(project, labels),
                                             right)
    pages: list[list[Item]] = []
    for index in range(max(len(left_pages), len(right_pages))):
        common = min(pages_[index].size for pages_ in (left_pages, right_pages) if index < len(pages_))
        items: list[Item] = []
        for column, rect, name in ((left_pages, left, "Forecast"), (right_pages, right, "Risks")):
            if index < len(column) and column[index].blocks:
                items.append(TextBox(rect, tuple(column[index].paragraphs(common)), name=name,
                                     inset_y=style.INSET_Y))
        pages.append(items)
    pages[0].insert(0, _light(project, labels, pages[0], left))
    return content_slides(SlideKind.FORECAST, heading(SlideKind.FORECAST, project.forecast.heading, labels), pages,
                          frames, labels, project.name)


def _forecast_blocks(project: Project, labels: Labels) -> list[Block]:
    """The verdict (its own sentence, else the language's for the status), then the narrative."""
    forecast = project.forecast
    verdict = Text(forecast.sentence or labels(f"forecast_{forecast.status}"), bold=True, indent=LIGHT_INDENT)
    return [Block((verdict,)), *(Block((Text(text),), gap=0.5) for text in forecast.narrative)]


def _risk_blocks(project: Project, labels: Labels) -> list[Block]:
    """The risks heading, then each risk with its mitigation under it; no risks are said in words."""
    risks = project.risks
    blocks: list[Block] = []
    for number, risk in enumerate(risks.items, start=1):
        texts = [Text(risk.risk, bullet="number" if risks.numbered else "•", number=number)]
        if risk.mitigation:
            texts.append(Text(labels("mitigation", risk.mitigation), color=style.ACCENT, under=True, before=0.2))
        blocks.append(Block(tuple(texts), gap=0.5))
    if not blocks:  # said in words rather than leaving the heading alone
        blocks.append(Block((Text(labels("no_risks")),)))
    # The heading travels with the first risk, so it never ends a page alone.
    title = Text(risks.heading or labels("risks_heading"), bold=True, color=style.ACCENT)
    blocks[0] = Block((title, *blocks[0].paragraphs), 0.0)
    return blocks


def _pages_in_step(left_blocks: list[Block], left: Rect, right_blocks: list[Block],
                   right: Rect) -> tuple[list[Page], list[Page]]:
    """Each column's pages; two columns that both continue share out their text over the same pages."""
    left_pages = flow(left_blocks, (left.w, left.h), (left.w, left.h), style.BODY)
    right_pages = flow(right_blocks, (right.w, right.h), (right.w, right.h), style.BODY)
    if len(left_pages) > 1 and len(right_pages) > 1 and len(left_pages) != len(right_pages):
        count = max(len(left_pages), len(right_pages))
        left_pages = flow(left_blocks, (left.w, left.h), (left.w, left.h), style.BODY, count)
        right_pages = flow(right_blocks, (right.w, right.h), (right.w, right.h), style.BODY, count)
    return left_pages, right_pages


def _light(project: Project, labels: Labels, first_page: list[Item], left: Rect) -> Shape:
    """The traffic light, centred on the verdict's first line."""
    status = project.forecast.status
    first = next(item for item in first_page if isinstance(item, TextBox) and item.name == "Forecast").paragraphs[0]
    pitch = first.line_pitch
    diameter = min(pitch * 0.9, 16.0)
    light_y = left.y + style.INSET_Y + (pitch - diameter) / 2
    return Shape(Rect(left.x, light_y, diameter, diameter), "ellipse", style.LIGHTS[status],
                 name=f"Forecast {status}", alt=labels("alt_forecast", status))
