"""The goal slide: an optional subheading, the goal's paragraphs, then its bulleted points."""

from __future__ import annotations

from tafollow.data.model import Project, SlideKind
from tafollow.design import style
from tafollow.languages import Labels
from tafollow.layout.content import content_slides, heading
from tafollow.layout.fit import Block, Text, flow
from tafollow.layout.plan import Frames, Item, Slide, TextBox


def goal_slides(project: Project, labels: Labels, frames: Frames) -> list[Slide]:
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
    return content_slides(SlideKind.GOAL, heading(SlideKind.GOAL, goal.heading, labels), items, frames, labels,
                          project.name)
