"""build(data_dir, out) → Path: the one function the CLI calls to make a deck."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .load import Round, load

DEFAULT_TEMPLATE = Path(__file__).resolve().parent.parent / "templates" / "ta-seuranta.pptx"


@dataclass(frozen=True)
class Result:
    path: Path
    projects: int
    slides: int


def build(data_dir: Path, out: Path, *, template: Path | None = None, language: str | None = None,
          summary: bool | None = None) -> Result:
    """Load, lay out, render and save; raises `TafollowError` subclasses for bad input."""
    round_ = load(data_dir)
    data = deck_bytes(round_, template=template, language=language, summary=summary)
    from .save import write_atomic

    path = write_atomic(data, out)
    return Result(path, len(round_.projects), _slides(data))


def deck_bytes(round_: Round, *, template: Path | None = None, language: str | None = None,
               summary: bool | None = None) -> bytes:
    """The .pptx of a loaded round, as bytes (deterministic)."""
    from .layout import layout
    from .render import frames, open_template, render
    from .save import stamp, to_bytes
    from .text import labels

    report = round_.report
    chosen = template or (round_.data_dir / report.template if report.template else DEFAULT_TEMPLATE)
    presentation = open_template(chosen)
    wanted = report.summary if summary is None else summary
    deck = layout(round_, labels(language or report.language), frames(presentation), summary=wanted)
    render(deck, presentation)
    stamp(presentation, report.title, report.unit, report.as_of)
    return to_bytes(presentation)


def _slides(data: bytes) -> int:
    import io
    import re
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return sum(1 for name in archive.namelist() if re.fullmatch(r"ppt/slides/slide\d+\.xml", name))
