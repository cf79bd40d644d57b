"""Property-based tests: whatever the data, a literal deck or a clean message, never a traceback.

(a) any project that validates renders to a deck python-pptx reopens, with every text in it;
(b) any Unicode text, control characters included, in any text field of a YAML file renders
    literally or gives a clean validation error naming the file and line;
(c) random damage to a valid file (bytes dropped, duplicated, swapped, inserted) never raises
    anything but a `DataError`, and whatever still loads also builds.

~200 examples per property in `make test`; `make fuzz` (HYPOTHESIS_PROFILE=fuzz) runs 1,000.
A round holds one small project, so a build costs ~15 ms.
"""

from __future__ import annotations

import io
import os
import re
import string
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, assume, example, given, note, settings
from hypothesis import strategies as st

from tafollow.errors import DataError
from tafollow.data.load import ProjectFile, Round, load
from tafollow.data.model import Project, Report, shows
from tafollow.data.yamlread import Document

settings.register_profile("tafollow", max_examples=200, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.register_profile("fuzz", max_examples=1000, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
PROFILE = settings.get_profile("fuzz" if os.environ.get("HYPOTHESIS_PROFILE") == "fuzz" else "tafollow")

REPO = Path(__file__).resolve().parents[2]
XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def deck_of(round_: Round) -> bytes:
    from tafollow.build import deck_bytes

    return deck_bytes(round_)


def deck_text(deck: bytes) -> str:
    """All text of all slides (shapes, tables), line breaks as '\\n', reopened with python-pptx."""
    from pptx import Presentation

    texts = []
    for slide in Presentation(io.BytesIO(deck)).slides:
        for shape in slide.shapes:
            if shape.has_text_frame:
                texts.append(shape.text_frame.text)
            if getattr(shape, "has_table", False) and shape.has_table:
                texts += [cell.text for row in shape.table.rows for cell in row.cells]
    return "\n".join(texts).replace("\v", "\n")


# --------------------------------------------------------------------------
# (a) any valid model renders


# What the loader lets through to a model: everything a slide can hold (the loader turns CR into LF).
ILLEGAL = "".join(chr(c) for c in [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0xFFFE, 0xFFFF]) + "\r"
CHARACTERS = st.characters(blacklist_categories=("Cs",), blacklist_characters=ILLEGAL)
WORDS = st.text(CHARACTERS, min_size=1, max_size=12).filter(lambda s: s.strip())
TEXT = st.one_of(
    WORDS,
    st.lists(WORDS, min_size=1, max_size=8).map(" ".join),
    st.text(CHARACTERS, min_size=1, max_size=60).filter(lambda s: s.strip()),
    st.sampled_from(["yes", "NO", "0123", "1.10", "12:30", "{{ 7*7 }}", "{% raw %}", "<b>&amp;</b>", "😀", "שלום",
                     "a\nb", "  padded  ", "\t", "~", "null", "=", "<<"]).filter(lambda s: s.strip()),
)
SHORT = st.text(string.ascii_letters + "äöÅ -", min_size=1, max_size=10).filter(lambda s: s.strip())
STATUS = st.sampled_from(["todo", "doing", "done"])
PERCENT = st.one_of(st.none(), st.integers(0, 100), st.floats(0, 100, allow_nan=False))
CELL = st.one_of(st.none(), st.integers(-10**6, 10**6), st.floats(-1e6, 1e6, allow_nan=False).map(lambda f: round(f, 2)))


def optional(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.one_of(st.none(), strategy)


def _drop_none(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _drop_none(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_drop_none(v) for v in value]
    return value


@st.composite
def tables(draw: st.DrawFn) -> dict[str, Any]:
    names = draw(st.lists(TEXT, min_size=1, max_size=4, unique_by=lambda s: s))
    columns: list[Any] = list(names)
    if len(names) > 1 and draw(st.booleans()):
        columns.append({"name": draw(TEXT.filter(lambda s: s not in names)), "sum": names})
    rows = draw(st.lists(st.fixed_dictionaries({"label": TEXT, "values": st.lists(CELL, min_size=len(names),
                                                                                    max_size=len(names))}),
                         min_size=1, max_size=4))
    total = draw(optional(st.fixed_dictionaries({"label": SHORT, "unit": optional(SHORT)})))
    return {"title": draw(optional(TEXT)), "label_header": draw(optional(SHORT)), "columns": columns, "rows": rows, "total": total}


@st.composite
def projects(draw: st.DrawFn) -> dict[str, Any]:
    lanes = draw(st.lists(st.fixed_dictionaries({
        "name": optional(TEXT),
        "phases": st.lists(st.fixed_dictionaries({"name": TEXT, "status": STATUS, "percent": PERCENT}),
                           min_size=1, max_size=4),
    }), max_size=3))
    step = st.fixed_dictionaries({"text": TEXT, "status": STATUS if not lanes else optional(STATUS),
                                  "details": st.lists(TEXT, max_size=2)})
    steps = draw(st.lists(step, min_size=0 if lanes else 1, max_size=4))
    project = {
        "name": draw(TEXT),
        "owner": draw(TEXT),
        "managers": draw(st.lists(TEXT, min_size=1, max_size=3)),
        "updated": draw(st.dates(date(2000, 1, 1), date(2099, 12, 31))),
        "goal": {"heading": draw(optional(TEXT)), "subheading": draw(optional(TEXT)),
                 "paragraphs": draw(st.lists(TEXT, min_size=1, max_size=3)), "bullets": draw(st.lists(TEXT, max_size=3))},
        "progress": {
            "heading": draw(optional(TEXT)), "lanes": lanes, "steps": steps,
            "span": draw(optional(st.fixed_dictionaries({"name": TEXT, "status": STATUS}))),
            "milestones": draw(st.lists(st.fixed_dictionaries({"name": TEXT, "at": st.integers(0, 100),
                                                               "status": STATUS}), max_size=2)),
            "notes": draw(st.lists(TEXT, max_size=2)),
        },
        "forecast": {"status": draw(st.sampled_from(["on_track", "at_risk", "off_track", "achieved"])),
                     "sentence": draw(optional(TEXT)), "heading": draw(optional(TEXT)),
                     "narrative": draw(st.lists(TEXT, max_size=3))},
        "risks": {"heading": draw(optional(TEXT)), "numbered": draw(st.booleans()),
                  "items": draw(st.lists(st.fixed_dictionaries({"risk": TEXT, "mitigation": optional(TEXT)}),
                                         max_size=3))},
        "tables": draw(st.lists(tables(), max_size=2)),
    }
    return _drop_none(project)


REPORT = {"title": "Kierros", "as_of": date(2019, 10, 21), "unit": "Yksikkö"}
NOT_SHOWN = {"status", "sum", "numbered", "updated", "percent", "at", "values"}
"""Keys whose values are not text shown as written (choices, references, numbers, dates)."""


def shown_texts(value: Any, key: str = "") -> list[str]:
    """Every text of the data that the deck must show as written."""
    if isinstance(value, dict):
        return [t for k, v in value.items() if k not in NOT_SHOWN for t in shown_texts(v, k)]
    if isinstance(value, list):
        return [t for v in value for t in shown_texts(v, key)]
    if isinstance(value, str) and key not in ("columns",):  # a total's columns are references
        return [value]
    return []


def round_of(project: Project, data: dict[str, Any], report: dict[str, Any] | None = None) -> Round:
    return Round(REPO, Report.model_validate(report or REPORT),
                 [ProjectFile(Path("projects/p.yaml"), project, Document(data))])


@pytest.mark.slow
@PROFILE
@given(projects())
def test_a_any_valid_project_renders_with_every_text(data: dict[str, Any]) -> None:
    try:
        project = Project.model_validate(data)
    except ValueError:
        assume(False)
        raise
    text = deck_text(deck_of(round_of(project, data)))
    for table in data.get("tables", []):
        for column in table["columns"]:
            if isinstance(column, dict):  # a computed column's name is shown; its sources are references
                column.pop("sum")
        total = table.get("total")
        if total:
            total.pop("columns", None)
    for expected in shown_texts(data):
        assert expected in text, f"{expected!r} is not in the deck"


@pytest.mark.slow
@PROFILE
@given(st.dictionaries(st.sampled_from(["title", "unit"]), TEXT, min_size=1))
def test_a_any_valid_report_renders_with_every_text(texts: dict[str, str]) -> None:
    data = {"name": "P", "owner": "O", "managers": ["M"], "updated": date(2019, 1, 1),
            "goal": {"paragraphs": ["G"]}, "progress": {"steps": [{"text": "S", "status": "done"}]},
            "forecast": {"status": "on_track"}}
    try:
        Report.model_validate({**REPORT, **texts})
    except ValueError:  # e.g. a title longer than the cover holds: a clean error, tested in (b)
        assume(False)
    text = deck_text(deck_of(round_of(Project.model_validate(data), data, {**REPORT, **texts})))
    for expected in texts.values():
        assert expected in text


# --------------------------------------------------------------------------
# (b) any text in any text field, through the YAML file

BASE_PROJECT: dict[str, Any] = {
    "name": "Alpha", "owner": "Owner", "managers": ["Manager"], "updated": "17.10.2019",
    "goal": {"heading": "Goal heading", "subheading": "Sub", "paragraphs": ["Goal"], "bullets": ["Bullet"]},
    "progress": {"heading": "Progress heading",
                 "lanes": [{"name": "Lane", "phases": [{"name": "Phase", "status": "doing", "percent": 50}]}],
                 "span": {"name": "Span", "status": "done"},
                 "milestones": [{"name": "Milestone", "at": 100}],
                 "steps": [{"text": "Step", "status": "done", "details": ["Detail"]}], "notes": ["Note"]},
    "forecast": {"status": "on_track", "sentence": "Sentence", "heading": "Forecast heading",
                 "narrative": ["Narrative"]},
    "risks": {"heading": "Risks heading", "items": [{"risk": "Risk", "mitigation": "Mitigation"}]},
    "tables": [{"label_header": "Header", "columns": ["Col", {"name": "Sum", "sum": ["Col"]}],
                "rows": [{"label": "Row", "values": [1]}], "total": {"label": "Total", "unit": "units"}}],
}
TEXT_FIELDS: list[tuple[str, ...]] = [
    ("name",), ("owner",), ("managers", 0), ("goal", "heading"), ("goal", "subheading"), ("goal", "paragraphs", 0),
    ("goal", "bullets", 0), ("progress", "heading"), ("progress", "lanes", 0, "name"),
    ("progress", "lanes", 0, "phases", 0, "name"), ("progress", "span", "name"), ("progress", "milestones", 0, "name"),
    ("progress", "steps", 0, "text"), ("progress", "steps", 0, "details", 0), ("progress", "notes", 0),
    ("forecast", "sentence"), ("forecast", "heading"), ("forecast", "narrative", 0), ("risks", "heading"),
    ("risks", "items", 0, "risk"), ("risks", "items", 0, "mitigation"), ("tables", 0, "label_header"),
    ("tables", 0, "rows", 0, "label"), ("tables", 0, "total", "label"), ("tables", 0, "total", "unit"),
    ("report.yaml", "title"), ("report.yaml", "unit"),
]
REPORT_YAML = "title: Kierros\nas_of: 21.10.2019\nunit: Yksikkö\n"
ANY_TEXT = st.one_of(
    st.text(max_size=40),
    st.text(st.characters(max_codepoint=0x9F), max_size=20),  # control characters, more often
    st.text(st.sampled_from("\x00\x01\x08\x0b\x0c\r\n\t\x7f\x85\u2028\u2029\ufeff\ufffe\ud800\udfff a:#'\"!&*"),
            max_size=12),
)


def _set(data: Any, path: tuple[str | int, ...], value: str) -> None:
    for part in path[:-1]:
        data = data[part]
    data[path[-1]] = value


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One data folder, rewritten by every example (function-scoped tmp_path would be shared anyway)."""
    path = tmp_path_factory.mktemp("property") / "data"
    (path / "projects").mkdir(parents=True)
    (path / "report.yaml").write_text(REPORT_YAML, encoding="utf-8")
    return path


def _write(folder: Path, name: str, raw: bytes) -> None:
    for old in (folder / "projects").iterdir():
        old.unlink()
    (folder / "report.yaml").write_text(REPORT_YAML, encoding="utf-8")
    (folder / name).write_bytes(raw)


def assert_clean(error: DataError, folder: Path) -> None:
    assert error.issues
    for issue in error.issues:
        assert str(issue.path).startswith(str(folder))
        assert "\n" not in str(issue) and "Traceback" not in str(issue)


@pytest.mark.slow
@PROFILE
@given(field=st.sampled_from(TEXT_FIELDS), text=ANY_TEXT)
@example(field=("owner",), text="\x0b")
@example(field=("name",), text="a\rb")
@example(field=("goal", "paragraphs", 0), text="\u2028")
@example(field=("owner",), text="\ud83d")
@example(field=("owner",), text="yes")
def test_b_any_text_renders_literally_or_is_a_clean_error(folder: Path, field: tuple[str, ...], text: str) -> None:
    project = yaml.safe_load(yaml.safe_dump(BASE_PROJECT))  # a deep copy
    report = yaml.safe_load(REPORT_YAML)
    data, path = (report, field[1:]) if field[0] == "report.yaml" else (project, field)
    _set(data, path, text)
    raw = yaml.safe_dump(data, allow_unicode=True, sort_keys=False).encode("utf-8", "surrogatepass")
    note(raw.decode("utf-8", "backslashreplace"))
    if data is report:
        _write(folder, "projects/a.yaml", yaml.safe_dump(project, allow_unicode=True).encode("utf-8"))
        (folder / "report.yaml").write_bytes(raw)
    else:
        _write(folder, "projects/a.yaml", raw)
    try:
        round_ = load(folder)
    except DataError as error:
        assert_clean(error, folder)
        assert any(issue.line > 0 for issue in error.issues), error
        expected_reason = (not shows(text) or XML_ILLEGAL.search(text) or re.search("[\x85\u2028\u2029]", text))
        assert expected_reason, f"{text!r} was refused: {error}"
        return
    kept = text.replace("\r\n", "\n").replace("\r", "\n")
    loaded: Any = (round_.report if data is report else round_.projects[0].project).model_dump()
    for part in path:
        loaded = loaded[part]
    assert loaded == kept
    assert kept in deck_text(deck_of(round_))


# --------------------------------------------------------------------------
# (c) random damage to a valid file

SEEDS = {
    "small": (REPO / "tests/errors/_base/projects/a.yaml").read_bytes(),
    "table": (REPO / "data/projects/70-tilavaraus.yaml").read_bytes(),
    "rich": yaml.safe_dump(BASE_PROJECT, allow_unicode=True, sort_keys=False).encode("utf-8"),
    "report": REPORT_YAML.encode("utf-8") + b"footer_date: 17.10.2019\nlanguage: fi\nprojects: [a]\n",
}
INTERESTING = [b"\x00", b"\t", b"\r", b"\n", b"\xef\xbb\xbf", b"\xff", b"\xc3", b"\xe2\x80\xa8", b":", b"- ", b"&a ",
               b"*a", b"!!python/object:os.system ", b"[", b"{", b"'", b'"', b"\\", b"#", b"---\n", b"<<: ",
               b"? ", b"|", b">", b"%", b"@", b"`", b"~", b"null", b"yes", b".inf", b"nan", b"1e400", b"0x10"]


@st.composite
def damaged(draw: st.DrawFn) -> tuple[str, bytes]:
    which = draw(st.sampled_from(sorted(SEEDS)))
    raw = bytearray(SEEDS[which])
    for _ in range(draw(st.integers(1, 6))):
        if not raw:
            break
        start = draw(st.integers(0, len(raw) - 1))
        length = draw(st.integers(1, 16))
        chunk = bytes(raw[start:start + length])
        operation = draw(st.sampled_from(["drop", "duplicate", "swap", "insert", "replace", "flip"]))
        if operation == "drop":
            del raw[start:start + length]
        elif operation == "duplicate":
            raw[start:start] = chunk
        elif operation == "swap":
            other = draw(st.integers(0, len(raw) - 1))
            other_chunk = bytes(raw[other:other + length])
            if other >= start + length:
                raw[other:other + length] = chunk
                raw[start:start + length] = other_chunk
        elif operation == "insert":
            raw[start:start] = draw(st.one_of(st.sampled_from(INTERESTING), st.binary(min_size=1, max_size=4)))
        elif operation == "replace":
            raw[start:start + length] = draw(st.sampled_from(INTERESTING))
        else:
            raw[start] ^= 1 << draw(st.integers(0, 7))
    return which, bytes(raw)


@pytest.mark.slow
@PROFILE
@given(damaged())
def test_c_damaged_files_never_give_a_traceback(folder: Path, case: tuple[str, bytes]) -> None:
    which, raw = case
    note(repr(raw))
    if which == "report":
        _write(folder, "projects/a.yaml", SEEDS["small"])
        (folder / "report.yaml").write_bytes(raw)
    else:
        _write(folder, "projects/a.yaml", raw)
    try:
        round_ = load(folder)
    except DataError as error:
        assert_clean(error, folder)
        return
    deck = deck_of(round_)
    deck_text(deck)  # python-pptx can reopen it


# --------------------------------------------------------------------------
# Found by the properties; fixed outside the files this suite owns, so kept here as reminders


def test_layout_survives_a_long_word_in_a_table() -> None:
    data = {**BASE_PROJECT, "tables": [{"columns": ["W" * 300], "rows": [{"label": "r", "values": [1]}]}]}
    assert "W" * 300 in deck_text(deck_of(round_of(Project.model_validate(data), data)))


def test_table_title_is_shown() -> None:
    data = {**BASE_PROJECT, "tables": [{**BASE_PROJECT["tables"][0], "title": "Tilat"}]}
    assert "Tilat" in deck_text(deck_of(round_of(Project.model_validate(data), data)))
