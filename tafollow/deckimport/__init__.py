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


@dataclass(frozen=True)
class Imported:
    written: Written
    projects: int
    slides: int
    notes: tuple[str, ...] = ()
    """What the user should know that is not a doubt: slides left out by design."""


def import_deck(deck: Path, folder: Path, *, force: bool = False) -> Imported:
    """Read `deck` and write its data folder `folder`; raises `DeckError` or `UsageError` before writing anything."""
    from tafollow.deckimport.assemble import assemble
    from tafollow.deckimport.folder import write
    from tafollow.deckimport.pptxread import read_deck
    from tafollow.deckimport.slides import group

    content = read_deck(deck)
    grouped = group(content)
    if not grouped.projects:
        labels = "Omistaja / Projektipäällikkö / Päivitetty"
        raise DeckError(f"{deck}: no TA-seuranta project found: no slide has the labels {labels} or the titles "
                        "Tavoite / Ositettu tavoitteiden toteutuminen / Ennuste … (or their Swedish or English "
                        "forms)")
    report, projects = assemble(grouped, content.width)
    header = f"Imported from {Path(deck).name} with tafollow import; lines marked '# tarkista' need a look."
    written = write(folder, report, projects, header, force=force)
    notes = tuple(f"slide {number} is an overview slide; it is not read, the build makes it again from the "
                  "projects (summary: true)" for number in grouped.summary)
    return Imported(written, len(projects), len(content.slides), notes)
