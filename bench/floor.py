"""The stack's floor: the least a program on tafollow's stack does to make the deck.

`tools/bench.py` times tafollow against this program, run the same way (a
whole process, the same data folder), so that the ratio says how much
tafollow costs beyond what typer, PyYAML, pydantic and python-pptx cost
anyway on this machine.

    python bench/floor.py build DATA_DIR -o OUT.pptx --quiet
    python bench/floor.py validate DATA_DIR

It is written as a plain program on that stack would be: imports at the
top but python-pptx's, a typer command with `tafollow build`'s options,
every project file read with `yaml.safe_load`, a small pydantic model of a
project, python-pptx opening the built-in master, one slide per project
with its name as the title, and a save. `validate` is the same without
python-pptx, which it does not import (tafollow's `validate` must not
either), and `--help` runs no command. Nothing is laid out, measured or
checked beyond the model: it is a floor, not a rival.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import pydantic
import typer
import yaml

MASTER = Path(__file__).resolve().parents[1] / "templates" / "ta-seuranta.pptx"

app = typer.Typer(add_completion=False)


class Forecast(pydantic.BaseModel):
    status: str
    narrative: list[str] = []


class Project(pydantic.BaseModel):
    name: str
    owner: str
    managers: list[str] = []
    updated: str
    forecast: Forecast


def read(data_dir: Path) -> list[Project]:
    files = sorted((data_dir / "projects").glob("*.yaml"))
    return [Project.model_validate(yaml.safe_load(path.read_text(encoding="utf-8"))) for path in files]


@app.command()
def build(
    data_dir: Annotated[Path, typer.Argument()] = Path("data"),
    output: Annotated[Path, typer.Option("--output", "-o")] = Path("build/ta-seuranta.pptx"),
    template: Annotated[Optional[Path], typer.Option("--template")] = None,
    lang: Annotated[Optional[str], typer.Option("--lang")] = None,
    summary: Annotated[Optional[bool], typer.Option("--summary/--no-summary")] = None,
    pdf: Annotated[bool, typer.Option("--pdf")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q")] = False,
) -> None:
    from pptx import Presentation

    projects = read(data_dir)
    deck = Presentation(str(template or MASTER))
    layout = deck.slide_layouts[1]
    for project in projects:
        slide = deck.slides.add_slide(layout)
        slide.shapes.title.text = project.name
    deck.save(str(output))
    if not quiet:
        typer.echo(f"{len(projects)} slides -> {output}")


@app.command()
def validate(
    data_dir: Annotated[Path, typer.Argument()] = Path("data"),
    format: Annotated[str, typer.Option("--format")] = "text",
) -> None:
    projects = read(data_dir)
    typer.echo(f"{data_dir}: OK ({len(projects)} projects)")


if __name__ == "__main__":
    sys.exit(app())
