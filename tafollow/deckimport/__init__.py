"""`tafollow import`: a TA-seuranta deck, made by hand in PowerPoint or by tafollow, back into data.

One way through: the .pptx is read into plain shapes and paragraphs
(pptxread, pptxtext), the slides are sorted into the cover and each project's
slides (slides), each project's fields are read from them (assemble, with
progress, phases, grids and forecast), and the files are written and read
back by the loader every command uses (files, yamlout). What the import is
not sure of is marked `# tarkista:` in the files and listed on stderr.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tafollow.errors import DeckError
from tafollow.deckimport.folder import Written
from tafollow.deckimport.slides import ProjectSlides


@dataclass(frozen=True)
class Imported:
    written: Written
    projects: int
    slides: int
    notes: tuple[str, ...] = ()
    """What the user should know that is not a doubt: slides left out by design."""
    fields: int = 0
    """The values written (each name, date, paragraph, phase, cell …)."""

    @property
    def doubtful(self) -> int:
        """Fields with a `# tarkista` mark: read from weak or disagreeing cues, or not found."""
        return len({(flag.path, flag.check.path) for flag in self.written.flags})

    @property
    def sure(self) -> float:
        """The share of fields read with confidence."""
        return 1 - min(self.doubtful, self.fields) / self.fields if self.fields else 1.0


UNSURE = 0.8
"""Below this share of fields read with confidence, the import warns that the folder needs a careful look."""


def count_fields(data: object) -> int:
    """The values in a file's data: every text, number and date, in mappings and lists."""
    if isinstance(data, dict):
        return sum(count_fields(value) for value in data.values())
    if isinstance(data, (list, tuple)):
        return sum(count_fields(value) for value in data)
    return 0 if data is None else 1


EVIDENCE = 2
"""Kinds of slide a project must show (title slide with its labels, goal, progress, forecast) for the deck to
be read as TA-seuranta: one slide titled "Goals 2011-12" in a stranger's deck is a word, not a project."""


def slide_set(project: ProjectSlides) -> int:
    """How many of a project's kinds of slide the deck shows by their words.

    A title slide with two labels or more counts twice; a goal, progress or
    forecast slide counts when its title says so. A slide known only by
    what it holds (two filled rectangles, a circle) is no evidence: any deck
    has such slides.
    """
    from tafollow.deckimport.slides import is_label_line, label_lines
    from tafollow.deckimport.words import title_kind

    labels = set()
    if project.title is not None:
        labels = {is_label_line(line) for box in project.title.boxes for p in box.paragraphs
                  for line in label_lines(p.text)} - {None}
    titled = sum(any(page.heading and (title_kind(page.heading) or ("",))[0] == kind for page in pages)
                 for kind, pages in project.pages.items())
    return min(len(labels), 2) + titled


def import_deck(deck: Path, folder: Path, *, force: bool = False) -> Imported:
    """Read `deck` and write its data folder `folder`; raises `DeckError` or `UsageError` before writing anything."""
    from tafollow.deckimport.assemble import assemble
    from tafollow.deckimport.folder import write
    from tafollow.deckimport.pptxread import read_deck
    from tafollow.deckimport.slides import group

    content = read_deck(deck)
    grouped = group(content)
    if not any(slide_set(project) >= EVIDENCE for project in grouped.projects):
        labels = "Omistaja / Projektipäällikkö / Päivitetty"
        seen = "" if not grouped.projects else (
            f" (slide {grouped.projects[0].first} looks like one, but no other slide of a project goes with it)")
        raise DeckError(f"{deck}: no TA-seuranta project found{seen}: a project is a title slide with the labels "
                        f"{labels} and its slides Tavoite, Ositettu tavoitteiden toteutuminen or Ennuste … (or "
                        "their Swedish or English forms), two of these at least")
    report, projects = assemble(grouped, content.width)
    header = f"Imported from {Path(deck).name} with tafollow import; lines marked '# tarkista' need a look."
    written = write(folder, report, projects, header, force=force)
    notes = tuple(f"slide {number} is an overview slide; it is not read, the build makes it again from the "
                  "projects (summary: true)" for number in grouped.summary)
    fields = sum(count_fields(draft.data) for draft in [report, *projects])
    return Imported(written, len(projects), len(content.slides), notes, fields)
