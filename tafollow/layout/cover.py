"""The deck's cover and each project's title slide: a title in a template's placeholder, and a few lines."""

from __future__ import annotations

from tafollow.data.model import Project, SlideKind
from tafollow.design import style
from tafollow.languages import Labels
from tafollow.layout.fit import Block, Text, best_size, box_height, fitted_box, sized
from tafollow.layout.plan import Frames, Rect, Slide, TextBox


def cover_slide(title: str, subtitle: str, frames: Frames) -> Slide:
    return Slide(SlideKind.COVER, [
        fitted_box(frames.cover_title, title, style.COVER_TITLE, placeholder="Title", name="Title", bold=True,
                   anchor="bottom"),
        fitted_box(frames.cover_subtitle, subtitle, style.COVER_SUBTITLE, placeholder="Subtitle", name="Subtitle"),
    ], footer=False)


def title_slide(project: Project, labels: Labels, frames: Frames) -> Slide:
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
    return Slide(SlideKind.TITLE, [
        title,
        fitted_box(kicker, labels("kicker"), style.KICKER, placeholder="Kicker", name="Kicker", bold=True,
                   anchor="bottom"),
        TextBox(frames.details, tuple(paragraphs), "Details", name="Details", inset_y=style.INSET_Y),
    ])
