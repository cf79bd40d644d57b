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

from tafollow.data.model import ProjectFile, Round
from tafollow.languages import Labels
from tafollow.layout.cover import cover_slide, title_slide
from tafollow.layout.forecast import forecast_slides
from tafollow.layout.goal import goal_slides
from tafollow.layout.plan import Deck, Footer, Frames, Slide
from tafollow.layout.progress import progress_slides
from tafollow.layout.summary import summary_slides

__all__ = ["Frames", "layout"]


def layout(round_: Round, labels: Labels, frames: Frames, *, summary: bool = False) -> Deck:
    """The whole deck: cover, optional overview, four (or more) slides per project."""
    report = round_.report
    slides = [cover_slide(report.title, labels("cover_subtitle", report.as_of), frames)]
    if summary:
        slides.extend(summary_slides(round_, labels, frames))
    for file in round_.projects:
        slides.extend(_project(file, labels, frames))
    footer = Footer(labels("date", report.footer_date or report.as_of), report.unit)
    return Deck(slides, footer, report.title, report.unit, labels.tag)


def _project(file: ProjectFile, labels: Labels, frames: Frames) -> list[Slide]:
    """A project's slides in deck order: its title slide, then goal, progress and forecast."""
    project = file.project
    notes = labels("notes", file.path.name, project.updated)
    slides = [title_slide(project, labels, frames), *goal_slides(project, labels, frames),
              *progress_slides(project, labels, frames), *forecast_slides(project, labels, frames)]
    for slide in slides:
        slide.notes = notes
    return slides
