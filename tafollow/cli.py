"""The command line: parse options, call build/validate, turn errors into exit codes.

Heavy modules (pydantic, python-pptx) are imported inside the commands, so
`tafollow --help` stays fast and `validate` never loads python-pptx.
Exit status: 0 success, 1 invalid data or a failed write, 2 wrong usage.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import Annotated, NoReturn, Optional

import typer

from . import __version__

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Build the TA-seuranta status deck from one YAML file per project.",
    pretty_exceptions_enable=False,
    # Plain help: typer's rich help screen imports rich.markdown and markdown-it, ~70 ms of every
    # `tafollow --help` (measured with -X importtime), for formatting our help does not use.
    rich_markup_mode=None,
)

DataDir = Annotated[Path, typer.Argument(help="Folder with report.yaml and projects/.", show_default=True)]


class Format(str, Enum):
    text = "text"
    json = "json"


class Language(str, Enum):
    fi = "fi"
    sv = "sv"
    en = "en"


TemplateOption = Annotated[
    Optional[Path], typer.Option("--template", help="A .pptx master to use instead of the built-in one.")
]
LangOption = Annotated[Optional[Language], typer.Option("--lang", help="Language of labels (default: report.yaml's).")]
SummaryOption = Annotated[
    Optional[bool],
    typer.Option("--summary/--no-summary", help="Add an overview slide after the cover (default: report.yaml's)."),
]
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="Print nothing on success.")]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"tafollow {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        Optional[bool], typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = None,
) -> None:
    """Build the TA-seuranta status deck from one YAML file per project."""


def _fail(error: Exception) -> NoReturn:
    from .errors import DataError

    if isinstance(error, DataError):
        for issue in error.issues:
            typer.echo(f"error: {issue}", err=True)
        count = len(error.issues)
        typer.echo(f"{count} problem{'s' if count != 1 else ''} found; nothing was built.", err=True)
    else:
        typer.echo(f"error: {error}", err=True)
    raise typer.Exit(getattr(error, "exit_code", 1))


@app.command()
def build(
    data_dir: DataDir = Path("data"),
    output: Annotated[Path, typer.Option("--output", "-o", help="Where to write the deck.")] = Path(
        "build/ta-seuranta.pptx"
    ),
    template: TemplateOption = None,
    lang: LangOption = None,
    summary: SummaryOption = None,
    pdf: Annotated[bool, typer.Option("--pdf", help="Also write a PDF beside the deck (needs LibreOffice).")] = False,
    quiet: QuietOption = False,
) -> None:
    """Write the deck (.pptx) from DATA_DIR."""
    from .build import build as build_deck
    from .errors import TafollowError

    started = time.perf_counter()
    result = None
    try:
        with _progress(quiet) as step:
            step(f"Building the deck from {data_dir} …")
            result = build_deck(data_dir, output, template=template, language=lang.value if lang else None,
                                summary=summary, progress=step)
            made = result.path
            if pdf:
                from .preview import to_pdf

                step(f"{result.slides} slides written; converting to PDF with LibreOffice …")
                made = to_pdf(result.path)
    except TafollowError as error:
        if result is not None:
            typer.echo(f"{result.path} was written; the PDF was not.", err=True)
        _fail(error)
    if not quiet:
        seconds = time.perf_counter() - started
        extra = f" + {made.name}" if pdf else ""
        typer.echo(f"{result.projects} projects, {result.slides} slides → {result.path}{extra} ({seconds:.1f} s)")


@contextmanager
def _progress(quiet: bool) -> Iterator[Callable[[str], None]]:
    """A spinner with the current step on stderr when that is a terminal; nothing otherwise."""
    if quiet or not sys.stderr.isatty():
        yield lambda message: None
        return
    from rich.console import Console

    console = Console(stderr=True)
    with console.status("", spinner="dots") as status:
        yield lambda message: status.update(message)


@app.command()
def validate(
    data_dir: DataDir = Path("data"),
    format: Annotated[Format, typer.Option("--format", help="text for people, json for machines.")] = Format.text,
) -> None:
    """Check DATA_DIR and report every problem with file and line."""
    from .errors import TafollowError
    from .load import validate as check

    try:
        issues = check(data_dir)
    except TafollowError as error:
        _fail(error)
    if format == Format.json:
        import json

        typer.echo(json.dumps([{"file": str(i.path), "line": i.line, "column": i.column, "message": i.message}
                               for i in issues], ensure_ascii=False, indent=2))
    else:
        for issue in issues:
            typer.echo(f"error: {issue}", err=True)
        if issues:
            typer.echo(f"{len(issues)} problem{'s' if len(issues) != 1 else ''} found.", err=True)
        else:
            typer.echo(f"{data_dir}: OK")
    if issues:
        raise typer.Exit(1)


@app.command()
def new(
    name: Annotated[str, typer.Argument(help="The project's name, e.g. \"Uusi hanke\".")],
    data_dir: DataDir = Path("data"),
) -> None:
    """Start projects/<nn>-<name>.yaml: a commented skeleton that validates as written."""
    from .errors import TafollowError
    from .new import create

    try:
        made = create(name, data_dir)
    except TafollowError as error:
        _fail(error)
    typer.echo(f"Created {made.path}")
    if not made.listed:
        typer.echo(f"note: report.yaml lists its projects; add '{made.path.stem}' to its projects: list "
                   "or the project will not be in the deck", err=True)
    typer.echo(f"Next: edit it (the # lines explain each field), then run: tafollow validate {data_dir}")


@app.command("import")
def import_(
    deck: Annotated[Path, typer.Argument(help="A TA-seuranta deck (.pptx), made by hand or by tafollow.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="The data folder to write.")] = Path("data"),
    force: Annotated[bool, typer.Option("--force", help="Overwrite files that exist.")] = False,
) -> None:
    """Turn DECK back into data: report.yaml and projects/NN-name.yaml, in the deck's order."""
    from .deckimport import import_deck
    from .errors import TafollowError

    started = time.perf_counter()
    try:
        result = import_deck(deck, output, force=force)
    except TafollowError as error:
        _fail(error)
    written = result.written
    for flag in written.flags:
        typer.echo(f"tarkista: {flag}", err=True)
    for note in result.notes:
        typer.echo(f"note: {note}", err=True)
    for path in written.others:
        typer.echo(f"note: {path} was there before and is left as it is; it goes into the same deck", err=True)
    for issue in written.issues:
        typer.echo(f"error: {issue}", err=True)
    count = len(written.flags)
    seconds = time.perf_counter() - started
    typer.echo(f"{result.projects} projects, {result.slides} slides → {output}; {count} item"
               f"{'s' if count != 1 else ''} to check (# tarkista) ({seconds:.1f} s)")
    if written.issues:
        typer.echo(f"{len(written.issues)} problem{'s' if len(written.issues) != 1 else ''}: the files are "
                   "written but do not validate yet; fix the lines above", err=True)
        raise typer.Exit(1)


@app.command()
def schema(
    report: Annotated[bool, typer.Option("--report", help="The schema of report.yaml instead.")] = False,
) -> None:
    """Print the JSON Schema of a project file (of report.yaml with --report)."""
    from .schema import dumps, project_schema, report_schema

    typer.echo(dumps(report_schema() if report else project_schema()), nl=False)


@app.command()
def diff(
    old: Annotated[str, typer.Argument(help="A data folder, or a git revision such as v2019-09.")],
    new: Annotated[str, typer.Argument(help="A data folder, or a git revision such as HEAD.")],
    data: Annotated[Path, typer.Option("--data", help="The data folder inside the repository, for revisions.")] = Path(
        "data"
    ),
    markdown: Annotated[bool, typer.Option("--markdown", help="Markdown, e.g. for a pull-request comment.")] = False,
) -> None:
    """List what changed per project between two rounds (forecasts, phases, steps, risks, projects)."""
    from .diff import run
    from .errors import TafollowError

    try:
        report = run(old, new, data, markdown=markdown)
    except TafollowError as error:
        _fail(error)
    typer.echo(report, nl=False)


@app.command()
def preview(
    data_dir: DataDir = Path("data"),
    output: Annotated[Path, typer.Option("--output", "-o", help="Folder for the deck, PDF and PNGs.")] = Path(
        "build/preview"
    ),
    template: TemplateOption = None,
    lang: LangOption = None,
    summary: SummaryOption = None,
    quiet: QuietOption = False,
) -> None:
    """Render the deck through LibreOffice: a PDF, one PNG per slide and a contact sheet."""
    from .errors import TafollowError
    from .preview import preview as render_preview

    started = time.perf_counter()
    try:
        with _progress(quiet) as step:
            step("Building the deck and rendering it with LibreOffice …")
            result = render_preview(data_dir, output, template=template, language=lang.value if lang else None,
                                    summary=summary)
    except TafollowError as error:
        _fail(error)
    if not quiet:
        seconds = time.perf_counter() - started
        typer.echo(f"{len(result.slides)} slides → {result.pdf}, {output}/slide-*.png, {result.sheet} "
                   f"({seconds:.1f} s)")


def main() -> None:
    app(prog_name="tafollow")


if __name__ == "__main__":  # pragma: no cover
    main()
    sys.exit(0)
