"""The command line: parse options, call build/validate, turn errors into exit codes.

Heavy modules (pydantic, python-pptx) are imported inside the commands, so
`tafollow --help` stays fast and `validate` never loads python-pptx.
Exit status: 0 success, 1 invalid data or a failed write, 2 wrong usage.
"""

from __future__ import annotations

import sys
import time
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
)

DataDir = Annotated[Path, typer.Argument(help="Folder with report.yaml and projects/.", show_default=True)]


class Format(str, Enum):
    text = "text"
    json = "json"


class Language(str, Enum):
    fi = "fi"
    sv = "sv"
    en = "en"


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
    template: Annotated[
        Optional[Path], typer.Option("--template", help="A .pptx master to use instead of the built-in one.")
    ] = None,
    lang: Annotated[Optional[Language], typer.Option("--lang", help="Language of labels (default: report.yaml's).")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print nothing on success.")] = False,
) -> None:
    """Write the deck (.pptx) from DATA_DIR."""
    from .build import build as build_deck
    from .errors import TafollowError

    started = time.perf_counter()
    try:
        result = build_deck(data_dir, output, template=template, language=lang.value if lang else None)
    except TafollowError as error:
        _fail(error)
    if not quiet:
        seconds = time.perf_counter() - started
        typer.echo(f"{result.projects} projects, {result.slides} slides → {result.path} ({seconds:.1f} s)")


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


def main() -> None:
    app(prog_name="tafollow")


if __name__ == "__main__":  # pragma: no cover
    main()
    sys.exit(0)
