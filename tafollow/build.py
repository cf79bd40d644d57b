"""build(data_dir, out) → Path: the one function the CLI calls to make a deck."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from tafollow.data.load import Round, load
from tafollow.errors import DataError, Issue
from tafollow.resources import TEMPLATES, require

DEFAULT_TEMPLATE = TEMPLATES / "ta-seuranta.pptx"


@dataclass(frozen=True)
class Result:
    path: Path
    projects: int
    slides: int


Progress = Callable[[str], None]


def build(data_dir: Path, out: Path, *, template: Path | None = None, language: str | None = None,
          summary: bool | None = None, progress: Progress | None = None) -> Result:
    """Load, lay out, render and save; raises `TafollowError` subclasses for bad input."""
    from tafollow.writer.save import check_target

    step = progress or (lambda message: None)
    # Wrong options are said before the data is read: that may have problems of its own to report.
    check_target(out)
    if template is not None:
        _given(Path(template))
    step(f"Reading {data_dir} …")
    round_ = read_round(data_dir)
    chosen = template_of(round_, template)
    if Path(out).resolve() == chosen.resolve():
        from tafollow.errors import UsageError

        raise UsageError(f"{out}: is the template in use; write the deck somewhere else")
    data = deck_bytes(round_, template=chosen, language=language, summary=summary, progress=step)
    from tafollow.writer.save import write_atomic

    step(f"Writing {out} …")
    path = write_atomic(data, out)
    return Result(path, len(round_.projects), _slides(data))


def read_round(data_dir: Path) -> Round:
    """The round in `data_dir`, checked as a build needs it: its template opened as build opens it."""
    return load(data_dir, template_check=_template_problem)


def validate(data_dir: Path) -> list[Issue]:
    """Every problem in a data folder; an empty list means it builds."""
    try:
        read_round(data_dir)
    except DataError as error:
        return error.issues
    return []


def _template_problem(path: Path) -> str | None:
    """Why the master at `path` cannot be used, or None; python-pptx is imported only when one is named."""
    from tafollow.errors import TemplateError
    from tafollow.writer.template import open_template

    try:
        open_template(path)
    except TemplateError as error:
        return error.reason
    return None


def template_of(round_: Round, template: Path | None = None) -> Path:
    """The master to use: --template, else report.yaml's `template:`, else the built-in one."""
    report = round_.report
    if template is not None:
        return _given(Path(template))
    if report.template is not None:
        return round_.data_dir / report.template  # load() has checked that it exists
    return require(DEFAULT_TEMPLATE)


def _given(template: Path) -> Path:
    """A --template path, checked before python-pptx reports a missing file as a broken one."""
    from tafollow.errors import UsageError

    if template.is_dir():
        raise UsageError(f"{template}: is a folder; give the template's .pptx file")
    if not template.is_file():
        raise UsageError(f"{template}: template not found")
    return template


def deck_bytes(round_: Round, *, template: Path | None = None, language: str | None = None,
               summary: bool | None = None, progress: Progress | None = None) -> bytes:
    """The .pptx of a loaded round, as bytes (deterministic)."""
    from tafollow.layout.deck import layout
    from tafollow.writer.render import frames, render
    from tafollow.writer.template import open_template
    from tafollow.writer.save import stamp, to_bytes
    from tafollow.languages import labels

    step = progress or (lambda message: None)
    report = round_.report
    presentation = open_template(template_of(round_, template))
    wanted = report.summary if summary is None else summary
    step(f"Laying out {len(round_.projects)} projects …")
    deck = layout(round_, labels(language or report.language), frames(presentation), summary=wanted)
    step(f"Rendering {len(deck.slides)} slides …")
    render(deck, presentation)
    stamp(presentation, report.title, report.unit, report.as_of, deck.lang)
    return to_bytes(presentation)


def _slides(data: bytes) -> int:
    import io
    import re
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return sum(1 for name in archive.namelist() if re.fullmatch(r"ppt/slides/slide\d+\.xml", name))
