"""The command line: parse options, call build/validate, turn errors into exit codes.

Heavy modules (pydantic, python-pptx) are imported inside the commands, so
`tafollow --help` stays fast and `validate` loads python-pptx only to open
a template named in report.yaml.
Exit status (errors.py has the kinds): 0 success, 1 invalid data, 2 wrong
usage, 3 something missing or broken on the machine (LibreOffice, a folder
that cannot be written, tafollow's own installation).
"""

from __future__ import annotations

import functools
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any, NoReturn, Optional

import typer

from tafollow import __version__
from tafollow.languages import LANGUAGES

WHEEL_DIR = "tools"
"""As tafollow.commands.init.WHEEL_DIR, which is not imported here: --help stays light."""

_SETTINGS: dict[str, Any] = dict(
    context_settings={"help_option_names": ["-h", "--help"]},
    no_args_is_help=True,
    help="Build the TA-seuranta status deck from one YAML file per project.",
    pretty_exceptions_enable=False,
    # Plain help: typer's rich help screen imports rich.markdown and markdown-it, ~70 ms of every
    # `tafollow --help` (measured with -X importtime), for formatting our help does not use.
    rich_markup_mode=None,
)
app = typer.Typer(**_SETTINGS)

DataDir = Annotated[
    Path, typer.Argument(metavar="DATA_DIR", help="Folder with report.yaml and projects/.", show_default=True)
]


FORMATS = ("text", "json")


def _one_of(choices: tuple[str, ...], what: str) -> Callable[[Optional[str]], Optional[str]]:
    """An option's check, saying in plain words what it takes (click's own message was pydantic's)."""
    def check(value: Optional[str]) -> Optional[str]:
        if value is not None and value not in choices:
            raise typer.BadParameter(f"'{value}' is not {what}; use {', '.join(choices[:-1])} or {choices[-1]}")
        return value
    return check


TemplateOption = Annotated[
    Optional[Path], typer.Option("--template", help="A .pptx master to use instead of the built-in one.")
]
LangOption = Annotated[Optional[str], typer.Option(
    "--lang", metavar="|".join(LANGUAGES), callback=_one_of(LANGUAGES, "a language tafollow has"),
    autocompletion=lambda: list(LANGUAGES), help="Language of labels (default: report.yaml's).")]
SummaryOption = Annotated[
    Optional[bool],
    typer.Option("--summary/--no-summary", help="Add an overview slide after the cover (default: report.yaml's)."),
]
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="Print nothing on success.")]
FormatOption = Annotated[str, typer.Option(
    "--format", metavar="|".join(FORMATS), callback=_one_of(FORMATS, "an output format"),
    autocompletion=lambda: list(FORMATS), help="text for people, json for machines.")]


def _echo(text: str, *, err: bool = False, nl: bool = True, json: bool = False) -> None:
    """The one way tafollow writes to the terminal: what comes from file names or the data is escaped.

    A file name, folder or text holding ESC [ … or U+009B could recolour
    the terminal, move its cursor or retitle its window; U+202E could turn
    a line around. Each line is passed through `printable`; JSON through
    `printable_json`, which keeps it the same JSON.
    """
    from tafollow.errors import printable, printable_json

    if json:
        safe = printable_json(text)
    else:
        safe = "\n".join(printable(line) for line in text.split("\n"))
    typer.echo(safe, err=err, nl=nl)


def _version(value: bool) -> None:
    if value:
        _echo(f"tafollow {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        Optional[bool],
        typer.Option("--version", "-V", callback=_version, is_eager=True, help="Show the version and exit."),
    ] = None,
) -> None:
    """Build the TA-seuranta status deck from one YAML file per project."""


def command(name: str | None = None) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """`app.command`, with tafollow's errors reported in one place: each carries its exit status."""
    def register(function: Callable[..., None]) -> Callable[..., None]:
        @functools.wraps(function)  # typer reads the options from the wrapped function's signature
        def run(*args: Any, **kwargs: Any) -> None:
            from tafollow.errors import TafollowError

            try:
                function(*args, **kwargs)
            except TafollowError as error:
                _fail(error)
        return app.command(name)(run)
    return register


def _fail(error: Exception) -> NoReturn:
    from tafollow.errors import DataError

    if isinstance(error, DataError):
        for issue in error.issues:
            _echo(f"error: {issue}", err=True)
        _echo(f"{_count(len(error.issues), 'problem')} found; nothing was built.", err=True)
    else:
        _echo(f"error: {error}", err=True)
    raise typer.Exit(getattr(error, "exit_code", 1))


@command()
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
    from tafollow.build import build as build_deck
    from tafollow.errors import TafollowError

    started = time.perf_counter()
    result = None
    try:
        with _progress(quiet) as step:
            step(f"Building the deck from {data_dir} …")
            result = build_deck(data_dir, output, template=template, language=lang, summary=summary,
                                progress=step)
            made = result.path
            if pdf:
                from tafollow.commands.preview import to_pdf

                step(f"{result.slides} slides written; converting to PDF with LibreOffice …")
                made = to_pdf(result.path)
    except TafollowError:
        if result is not None:
            _echo(f"{result.path} was written; the PDF was not.", err=True)
        raise
    if not quiet:
        seconds = time.perf_counter() - started
        extra = f" + {made.name}" if pdf else ""
        _echo(f"{_count(result.projects, 'project')}, {result.slides} slides → {result.path}{extra} "
              f"({seconds:.1f} s)")


def _count(number: int, thing: str) -> str:
    return f"{number} {thing}{'' if number == 1 else 's'}"


@contextmanager
def _progress(quiet: bool) -> Iterator[Callable[[str], None]]:
    """A spinner with the current step on stderr when that is a terminal; nothing otherwise."""
    if quiet or not sys.stderr.isatty():
        yield lambda message: None
        return
    from rich.console import Console

    from rich.text import Text

    from tafollow.errors import printable

    console = Console(stderr=True)
    with console.status("", spinner="dots") as status:
        # As Text: a folder named "[/x]" is not rich markup (it made rich raise), and escaped like all output.
        yield lambda message: status.update(Text(printable(message)))


@command()
def validate(
    data_dir: DataDir = Path("data"),
    format: FormatOption = "text",
) -> None:
    """Check DATA_DIR and report every problem with file and line."""
    from tafollow.build import validate as check

    issues = check(data_dir)
    if format == "json":
        import json

        _echo(json.dumps([{"file": str(i.path), "line": i.line, "column": i.column, "message": i.message}
                          for i in issues], ensure_ascii=False, indent=2), json=True)
    else:
        for issue in issues:
            _echo(f"error: {issue}", err=True)
        if issues:
            _echo(f"{_count(len(issues), 'problem')} found.", err=True)
        else:
            _echo(f"{data_dir}: OK")
    if issues:
        raise typer.Exit(1)


@command()
def new(
    name: Annotated[str, typer.Argument(help="The project's name, e.g. \"Uusi hanke\".")],
    data_dir: DataDir = Path("data"),
) -> None:
    """Start projects/<nn>-<name>.yaml: a commented skeleton that validates as written."""
    from tafollow.commands.new import create

    made = create(name, data_dir)
    _echo(f"Created {made.path}")
    if made.schema is None:
        _echo(f"note: no schema/ folder found in or above {data_dir}, so editors will not check the file; "
              "tafollow schema --write puts the schemas in ./schema", err=True)
    if not made.listed:
        _echo(f"note: report.yaml lists its projects; add '{made.path.stem}' to its projects: list "
                   "or the project will not be in the deck", err=True)
    _echo(f"Next: edit it (the # lines explain each field), then run: tafollow validate {data_dir}")


@command()
def init(
    folder: Annotated[Path, typer.Argument(metavar="DIR", help="The data repository's folder.")] = Path("."),
    wheel: Annotated[Optional[Path], typer.Option(
        "--wheel", metavar="PATH",
        help=f"A tafollow wheel: copied into {WHEEL_DIR}/, and CI installs it from there.")
    ] = None,
    repository: Annotated[Optional[str], typer.Option(
        "--repository", metavar="URL",
        help="tafollow's git repository: CI installs tafollow from there (default: the package index).")
    ] = None,
    rev: Annotated[Optional[str], typer.Option(
        "--rev", metavar="REV", help="The tag or commit of that repository to pin (default: this version's tag, if it has one).")
    ] = None,
) -> None:
    """Set up a data repository: report.yaml, an example project, schemas, pre-commit and CI."""
    from tafollow.commands.init import init as set_up

    setup = set_up(folder, repository=repository, rev=rev, wheel=wheel)
    if setup.written:
        _echo(f"Created in {folder}:")
        for path in setup.written:
            _echo(f"  {path.as_posix()}")
    if setup.kept:
        _echo(f"Left alone (already there): {', '.join(path.as_posix() for path in setup.kept)}")
    source = setup.source
    if source.kind == "index":
        _echo(f"CI installs tafollow=={__version__} from the package index; without one, "
              "run init with --wheel PATH or --repository URL instead.")
    elif source.kind == "wheel":
        _echo(f"CI installs tafollow from {source.requirement}.")
    else:
        _echo(f"CI installs tafollow from {source.repository} at {source.rev}.")
    _echo(f"pre-commit runs the tafollow on your PATH; to have the same one: {source.install}")
    where = "" if folder == Path(".") else f"cd {folder} && "
    _echo(f"Next: {where}tafollow new \"Project name\", then tafollow validate and tafollow build; "
               "commit, and CI builds the deck on every push.")


@command("import")
def import_(
    deck: Annotated[Path, typer.Argument(help="A TA-seuranta deck (.pptx), made by hand or by tafollow.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="The data folder to write.")] = Path("data"),
    force: Annotated[bool, typer.Option("--force", help="Overwrite files that exist.")] = False,
) -> None:
    """Turn DECK back into data: report.yaml and projects/NN-name.yaml, in the deck's order."""
    from tafollow.deckimport import UNSURE, import_deck

    started = time.perf_counter()
    result = import_deck(deck, output, force=force)
    written = result.written
    for flag in written.flags:
        _echo(f"tarkista: {flag}", err=True)
    for note in result.notes:
        _echo(f"note: {note}", err=True)
    for path in written.others:
        _echo(f"note: {path} was there before and is left as it is; it goes into the same deck", err=True)
    for issue in written.issues:
        _echo(f"error: {issue}", err=True)
    count = len(written.flags)
    seconds = time.perf_counter() - started
    share = f"{int(result.sure * 100)}%"  # floored: 99.6 % read with confidence is not all of it
    if result.sure < UNSURE:
        _echo(f"warning: only {share} of the fields were read with confidence; the folder validates, "
              "but read every line marked '# tarkista' before you build from it", err=True)
    _echo(f"{_count(result.projects, 'project')}, {result.slides} slides → {output}; "
          f"{result.fields - result.doubtful} of {result.fields} fields read with confidence ({share}), "
          f"{_count(count, 'item')} to check (# tarkista) ({seconds:.1f} s)")
    if written.issues:
        _echo(f"{_count(len(written.issues), 'problem')}: the files are written but do not validate yet; "
              "fix the lines above", err=True)
        raise typer.Exit(1)


@command()
def schema(
    folder: Annotated[Path, typer.Argument(
        metavar="[FOLDER]", help="Where --write puts the schemas.", show_default=True)] = Path("schema"),
    report: Annotated[bool, typer.Option("--report", help="The schema of report.yaml instead.")] = False,
    write: Annotated[bool, typer.Option(
        "--write", help="Write both schemas into FOLDER, e.g. after upgrading tafollow.")] = False,
) -> None:
    """Print the JSON Schema of a project file (of report.yaml with --report), or --write both to FOLDER."""
    if write:
        from tafollow.data.repository import write_schemas

        done = write_schemas(folder)
        for path, state in done:
            _echo(f"{path}: {state}")
        return
    from tafollow.data.schema import dumps, project_schema, report_schema

    _echo(dumps(report_schema() if report else project_schema()), nl=False, json=True)


@command()
def diff(
    old: Annotated[str, typer.Argument(help="A data folder, or a git revision such as v2019-09.")],
    new: Annotated[str, typer.Argument(help="A data folder, or a git revision such as HEAD.")],
    data: Annotated[Path, typer.Option("--data", help="The data folder inside the repository, for revisions.")] = Path(
        "data"
    ),
    markdown: Annotated[bool, typer.Option("--markdown", help="Markdown, e.g. for a pull-request comment.")] = False,
) -> None:
    """List what changed per project between two rounds (forecasts, phases, steps, risks, projects)."""
    from tafollow.commands.diff import run

    report = run(old, new, data, markdown=markdown)
    _echo(report, nl=False)


@command()
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
    from tafollow.commands.preview import preview as render_preview

    started = time.perf_counter()
    with _progress(quiet) as step:
        step("Building the deck and rendering it with LibreOffice …")
        result = render_preview(data_dir, output, template=template, language=lang, summary=summary)
    if not quiet:
        seconds = time.perf_counter() - started
        _echo(f"{len(result.slides)} slides → {result.pdf}, {output}/slide-*.png, {result.sheet} "
                   f"({seconds:.1f} s)")


@command()
def check(
    deck: Annotated[Path, typer.Argument(help="A .pptx deck or its PDF, made by tafollow or by hand.")],
    format: FormatOption = "text",
    lang: Annotated[Optional[str], typer.Option(
        "--lang", metavar="|".join(LANGUAGES), callback=_one_of(LANGUAGES, "a language tafollow has"),
        autocompletion=lambda: list(LANGUAGES),
        help="For a PDF: the language it should be in (default: any stated one).")] = None,
) -> None:
    """Report the accessibility problems of DECK: titles, alt text, table headers, contrast, colour, language.

    A PDF is checked for what PDF/UA asks: tags, the PDF/UA identifier, language, title, headings,
    alt text and table headers.
    """
    from tafollow.check.accessibility import check as check_deck
    from tafollow.check.accessibility import label_key
    from tafollow.check.pdf import check_pdf, is_pdf
    from tafollow.errors import DeckError, UsageError
    from tafollow.languages import FALLBACK, LANGUAGES, labels

    try:
        if not deck.exists():
            raise UsageError(f"{deck}: no such file")
        if deck.is_dir():
            raise UsageError(f"{deck}: is a folder; give the .pptx or .pdf file")
        try:
            report = check_pdf(deck, lang) if is_pdf(deck) else check_deck(deck)
        except DeckError as error:
            raise UsageError(str(error)) from None  # exit 2: 1 says "problems found", and this was not checked
    except UsageError as error:
        if format == "json":
            import json

            _echo(json.dumps({"error": str(error)}, ensure_ascii=False), json=True)
        raise
    words = labels(report.language if report.language in LANGUAGES else FALLBACK)
    if format == "json":
        import json

        _echo(json.dumps([{"slide": p.slide, "shape": p.shape, "rule": p.rule,
                           "message": words(label_key(p.rule), p.detail)} for p in report.problems],
                         ensure_ascii=False, indent=2), json=True)
    else:
        for p in report.problems:
            where = words("check_where", p.slide, p.shape)
            _echo(f"{deck}: {where}: {words(label_key(p.rule), p.detail)} [{p.rule}]")
        _echo(words("check_summary", len(report.problems), report.slides), err=bool(report.problems))
        if report.unjudged:
            _echo(words("check_unjudged", report.unjudged), err=True)
    if report.problems:
        raise typer.Exit(1)


def command_app(args: list[str]) -> typer.Typer:
    """The app to run for `args`: only the command they name, when the first one names a command.

    typer builds every registered command's options on each run, reading
    each function's signature and evaluating its annotations three times
    (cProfile: the larger part of typer's own time in a `validate`), though
    a run uses one command. The root's options and the command's own are
    the same either way; help without a command, completion and a
    misspelt command name (which typer answers with suggestions) get the
    whole app.
    """
    if args and not args[0].startswith("-"):
        chosen = [c for c in app.registered_commands if (c.name or getattr(c.callback, "__name__", "")) == args[0]]
        if chosen:
            one = typer.Typer(**_SETTINGS)
            one.registered_callback = app.registered_callback
            one.registered_commands = chosen
            return one
    return app


def main() -> None:
    import gc

    from tafollow.errors import Interrupted

    # A run is one short command that makes little garbage in reference cycles (at 252 projects about
    # 23,000 objects, its peak memory the same with and without collecting), while the collector
    # walked every object the imports had made, again and again: about an eighth of a small build's
    # CPU time. The process ends before cycles would matter.
    gc.disable()
    with _stop_on_signals():
        try:
            command_app(sys.argv[1:])(prog_name="tafollow")
        except Interrupted as stop:
            _echo(f"error: stopped by {stop.name}; temporary files were removed, and a deck already "
                       "there is as it was", err=True)
            _die_of(stop.signum)


_STOP_SIGNALS = ("SIGINT", "SIGTERM")


@contextmanager
def _stop_on_signals() -> Iterator[None]:
    """Ctrl-C and SIGTERM raise `Interrupted` where the program is, so that cleanups run on the way out.

    Python's default for SIGTERM is to die on the spot, leaving the
    temporary deck file and LibreOffice behind. A signal ignored when
    tafollow started (a background job's SIGINT) stays ignored.
    """
    import signal

    from tafollow.errors import Interrupted

    def stop(signum: int, frame: object) -> None:
        # Once: a second Ctrl-C must not cut short the cleanup the first one started.
        for name in _STOP_SIGNALS:
            if name in installed:
                signal.signal(getattr(signal, name), signal.SIG_IGN)
        raise Interrupted(signum)

    installed: dict[str, object] = {}
    for name in _STOP_SIGNALS:
        number = getattr(signal, name, None)
        if number is not None and signal.getsignal(number) is not signal.SIG_IGN:
            installed[name] = signal.signal(number, stop)
    try:
        yield
    finally:
        for name, previous in installed.items():
            signal.signal(getattr(signal, name), previous)  # type: ignore[arg-type]


def _die_of(signum: int) -> NoReturn:
    """End as killed by `signum`, so that a shell or make sees why (a shell loop stops on Ctrl-C)."""
    import os
    import signal

    sys.stdout.flush()
    sys.stderr.flush()
    signal.signal(signum, signal.SIG_DFL)
    os.kill(os.getpid(), signum)
    sys.exit(128 + signum)  # where the signal does not end the process at once


if __name__ == "__main__":  # pragma: no cover
    main()
    sys.exit(0)
