"""Careless and hostile input: every case ends in a clear message or a literal deck, never a traceback.

`tests/errors/<case>/` holds one error case as data files (see its README):
`test_error_case` runs each through `tafollow validate` and `tafollow build`
and checks the exit status, the messages (file:line:column) and that nothing
was written. The cases that cannot live in git as files (file names that
are not UTF-8, files over the size limit) and the inputs that must be
*accepted* and shown literally are tests here.
"""

from __future__ import annotations

import io
import os
import re
import time
from pathlib import Path

import pytest

from tafollow.errors import DataError
from tafollow.data.load import MAX_FILE_BYTES, load
from errorcases import CASES, ERRORS, assert_clean_failure, error_lines, invoke, materialize

FILE_LEVEL = {"report-missing", "no-project-files", "no-projects-folder", "yml-extension",
              "upper-case-extension", "project-file-is-folder"}
"""Cases about a whole file (missing, misnamed): their messages name the file but no line."""
LOCATED = re.compile(r"^(report\.yaml|projects/[^:]+\.yaml):\d+(:\d+)?: \S")


def expected_lines(case: Path) -> list[str]:
    text = (case / "expected.txt").read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


@pytest.mark.parametrize("name", CASES)
def test_error_case(name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    case = ERRORS / name
    expected = expected_lines(case)
    assert expected, f"{case}/expected.txt lists no message"
    data = materialize(case, tmp_path / "data")
    monkeypatch.chdir(data)

    code, output, exception = invoke("validate", ".")
    assert_clean_failure(code, output, exception)
    assert error_lines(output) == expected, output
    if name not in FILE_LEVEL:
        for line in expected:
            assert LOCATED.match(line), f"no file:line in {line!r}"

    deck = tmp_path / "out" / "deck.pptx"
    code, output, exception = invoke("build", ".", "-o", str(deck))
    assert_clean_failure(code, output, exception)
    assert error_lines(output) == expected, output
    assert "nothing was built" in output
    assert not deck.parent.exists() or not any(deck.parent.iterdir())


def test_every_case_is_documented() -> None:
    """docs/input-safety.md names every error case folder, so users can see what is covered."""
    doc = (Path(__file__).resolve().parents[2] / "docs" / "input-safety.md").read_text(encoding="utf-8")
    missing = [name for name in CASES if f"`{name}`" not in doc]
    assert not missing, f"docs/input-safety.md does not mention: {missing}"


# --------------------------------------------------------------------------
# Cases that cannot be stored in git as plain files


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return materialize(None, tmp_path / "data")


def issues_of(data_dir: Path) -> list[str]:
    with pytest.raises(DataError) as error:
        load(data_dir)
    return [str(issue).replace(str(data_dir) + os.sep, "") for issue in error.value.issues]


@pytest.mark.skipif(os.name == "nt", reason="POSIX file names")
@pytest.mark.parametrize("name", [b"b\xe4.yaml", b"b\x01.yaml", b"b\nc.yaml"], ids=["latin1", "control", "newline"])
def test_project_file_name_a_slide_cannot_hold(data: Path, name: bytes) -> None:
    """The file name goes into the speaker notes: a name that is not text is refused, not a corrupt deck."""
    try:
        (data / "projects").joinpath(os.fsdecode(name)).write_bytes((data / "projects/a.yaml").read_bytes())
    except OSError:
        pytest.skip("the file system refuses this name")
    issues = issues_of(data)
    assert len(issues) == 1, issues
    assert "the file name contains a control character or is not valid UTF-8" in issues[0]
    assert "\n" not in issues[0] and "\x01" not in issues[0]


def test_file_over_the_size_limit(data: Path) -> None:
    project = data / "projects/a.yaml"
    project.write_bytes(project.read_bytes() + b"# " + b"x" * MAX_FILE_BYTES + b"\n")
    started = time.perf_counter()
    assert issues_of(data) == ["projects/a.yaml: the file is larger than 5 MB"]
    assert time.perf_counter() - started < 2


def test_nesting_bomb_within_the_size_limit_is_refused_fast(data: Path) -> None:
    """Five megabytes of '[': refused in well under a second, not a stack overflow."""
    depth = MAX_FILE_BYTES // 2 - 100
    (data / "projects/a.yaml").write_text("name: " + "[" * depth + "]" * depth + "\n", encoding="utf-8")
    started = time.perf_counter()
    issues = issues_of(data)
    assert time.perf_counter() - started < 5
    assert len(issues) == 1 and "nested too deeply" in issues[0], issues
    assert issues[0].startswith("projects/a.yaml:1:")


def test_many_keys_within_the_size_limit(data: Path) -> None:
    """A huge but flat file is read, and every unknown key is reported (one line each)."""
    project = data / "projects/a.yaml"
    project.write_text(project.read_text(encoding="utf-8") + "".join(f"extra{i}: x\n" for i in range(20_000)),
                       encoding="utf-8")
    issues = issues_of(data)
    assert len(issues) == 20_000
    assert issues[0] == "projects/a.yaml:13:1: unknown key 'extra0'"


def test_very_long_text_is_accepted_and_long_values_are_cut_in_messages(data: Path) -> None:
    project = data / "projects/a.yaml"
    text = project.read_text(encoding="utf-8")
    long = "x" * 1_000_000
    project.write_text(text.replace("owner: Olli Omistaja", f"owner: {long}"), encoding="utf-8")
    assert load(data).projects[0].project.owner == long
    key = "k" * 1000  # YAML allows keys up to 1,024 characters
    project.write_text(text.replace("  status: on_track", f"  status: {long}") + f"{key}: 1\n", encoding="utf-8")
    issues = issues_of(data)
    assert len(issues) == 2
    assert all(len(issue) < 200 for issue in issues), issues
    assert "…" in issues[0] and "…" in issues[1]


def test_messages_show_control_characters_escaped(data: Path) -> None:
    """A bad value is shown in the message, but never as raw control characters on the terminal."""
    project = data / "projects/a.yaml"
    project.write_text(project.read_text(encoding="utf-8").replace("  status: on_track", '  status: "a\\tb\\nc"'),
                       encoding="utf-8")
    [issue] = issues_of(data)
    assert "'a\\x09b\\x0ac' is not allowed for 'forecast.status'" in issue


def test_yml_beside_yaml_is_reported_not_skipped(data: Path) -> None:
    (data / "projects/b.yml").write_text("name: Beta\n", encoding="utf-8")
    (data / "projects/.a.yaml.swp").write_bytes(b"\x00binary editor state")
    (data / "projects/.#a.yaml").write_text("lock", encoding="utf-8")
    (data / "projects/notes.txt").write_text("not a project", encoding="utf-8")
    assert issues_of(data) == ["projects/b.yml: project files must end in '.yaml': rename it to 'b.yaml' "
                               "(it is not read now)"]


def test_unknown_key_suggestion_comes_from_the_right_place(data: Path) -> None:
    """'staus' in a step suggests 'status'; 'heading' is a key elsewhere but not in a risk."""
    project = data / "projects/a.yaml"
    text = project.read_text(encoding="utf-8").replace("      status: done", "      staus: done")
    project.write_text(text + "risks:\n  - risk: A risk\n    headng: x\n", encoding="utf-8")
    issues = issues_of(data)
    assert "projects/a.yaml:10:7: unknown key 'staus': did you mean 'status'?" in issues
    assert "projects/a.yaml:15:5: unknown key 'headng'" in issues


# --------------------------------------------------------------------------
# Accepted input: shown in the deck exactly as written


def deck_texts(deck: bytes) -> list[str]:
    """Every text of every slide, line breaks as '\\n'."""
    from pptx import Presentation

    texts = []
    for slide in Presentation(io.BytesIO(deck)).slides:
        for shape in slide.shapes:
            if shape.has_text_frame:
                texts.append(shape.text_frame.text.replace("\v", "\n"))
            if getattr(shape, "has_table", False) and shape.has_table:
                texts += [cell.text.replace("\v", "\n") for row in shape.table.rows for cell in row.cells]
    return texts


def build_bytes(data_dir: Path) -> bytes:
    from tafollow.build import deck_bytes

    return deck_bytes(load(data_dir))


LITERAL_PROJECT = """\
name: yes
owner: NO
managers: [0123, 1.10, 12:30, on, Off, ~x, 0x1F, 1e3, .inf, 2019-10-10, '007']
updated: 17.10.2019
goal:
  subheading: null-ish ~ but not null
  paragraphs:
    - "{{ 7 * 7 }} {% if true %}jinja{% endif %} {# comment #}"
    - <b>bold?</b> & "quotes" 'single' `back` ”Finnish quotes”
    - Emoji 😀👍🏽 and right-to-left שלום עולם / مرحبا بالعالم
    - "Tab\\there, a line\\rbreak, NEL\\Nhere"
  bullets: [true, 'false', 3.0]
progress:
  steps:
    - text: 'off'
      status: done
    - text: "12:30"
      status: todo
forecast:
  status: on_track
  narrative: |
    Line one
    Line two
risks:
  numbered: yes
  items: [null-risk, "NULL ~"]
"""

LITERALS = [
    "yes", "Omistaja: NO", "0123, 1.10, 12:30, on, Off, ~x, 0x1F, 1e3, .inf, 2019-10-10 ja 007",
    "null-ish ~ but not null",
    "{{ 7 * 7 }} {% if true %}jinja{% endif %} {# comment #}",
    "<b>bold?</b> & \"quotes\" 'single' `back` ”Finnish quotes”",
    "Emoji 😀👍🏽 and right-to-left שלום עולם / مرحبا بالعالم",
    "Tab\there, a line\nbreak, NEL\x85here",
    "true", "false", "3.0", "off", "12:30", "Line one\nLine two", "null-risk", "NULL ~",
]


def test_text_is_kept_exactly_as_written(data: Path) -> None:
    """YAML 1.1 would give True, 83, 1.1, 750, None; jinja would evaluate; none of that happens."""
    (data / "projects/a.yaml").write_text(LITERAL_PROJECT, encoding="utf-8")
    round_ = load(data)
    project = round_.projects[0].project
    assert project.name == "yes" and project.owner == "NO"
    assert project.managers[:4] == ["0123", "1.10", "12:30", "on"]
    assert project.risks.numbered is True
    text = "\n".join(deck_texts(build_bytes(data)))
    for literal in LITERALS:
        assert literal in text, f"{literal!r} is not in the deck"
    assert "49" not in text and "True" not in text and "750" not in text and "83," not in text


@pytest.mark.parametrize("written, meant", [("yes", True), ("Yes", True), ("on", True), ("true", True),
                                            ("1", True), ("no", False), ("OFF", False), ("false", False),
                                            ("0", False)])
def test_yes_no_fields_accept_the_usual_words(data: Path, written: str, meant: bool) -> None:
    """`numbered` and `summary` are yes/no fields: yes/no, on/off, true/false, 1/0 mean what they say."""
    project = data / "projects/a.yaml"
    project.write_text(project.read_text(encoding="utf-8") + f"risks:\n  numbered: {written}\n  items: [R]\n",
                       encoding="utf-8")
    (data / "report.yaml").write_text((data / "report.yaml").read_text(encoding="utf-8") + f"summary: {written}\n",
                                      encoding="utf-8")
    round_ = load(data)
    assert round_.projects[0].project.risks.numbered is meant
    assert round_.report.summary is meant


def test_bom_and_crlf_give_the_same_deck(tmp_path: Path) -> None:
    """UTF-8 with a byte order mark and Windows line ends: the same deck, byte for byte."""
    plain = materialize(None, tmp_path / "plain")
    windows = materialize(None, tmp_path / "windows")
    for name in ("report.yaml", "projects/a.yaml"):
        raw = (plain / name).read_bytes()
        (windows / name).write_bytes(b"\xef\xbb\xbf" + raw.replace(b"\n", b"\r\n"))
    assert load(windows).projects[0].project == load(plain).projects[0].project
    assert build_bytes(windows) == build_bytes(plain)


def test_tabs_inside_text_and_after_a_colon_are_fine(data: Path) -> None:
    project = data / "projects/a.yaml"
    project.write_text(project.read_text(encoding="utf-8").replace("owner: Olli Omistaja", "owner:\tOlli\tOmistaja"),
                       encoding="utf-8")
    assert load(data).projects[0].project.owner == "Olli\tOmistaja"


def test_table_totals_allow_float_rounding(data: Path) -> None:
    """0.1 + 0.2 typed as 0.3 is right, not an error about 0.30000000000000004."""
    project = data / "projects/a.yaml"
    project.write_text(project.read_text(encoding="utf-8") + (
        "tables:\n  - columns: [A, B, {name: S, sum: [A, B]}]\n    rows:\n"
        "      - label: r\n        values: [0.1, 0.2]\n        computed: {S: 0.3}\n"
        "    total:\n      label: T\n      expect: {S: 0.3, A: 0.1}\n"), encoding="utf-8")
    [file] = load(data).projects
    assert file.project.tables[-1].totals()["S"] == pytest.approx(0.3)


def test_invisible_characters_in_a_key_are_shown(data: Path) -> None:
    """A zero-width space pasted into a key: the message makes it visible."""
    project = data / "projects/a.yaml"
    project.write_text(project.read_text(encoding="utf-8").replace("owner:", "owner\u200b:"), encoding="utf-8")
    assert "projects/a.yaml:2:1: unknown key 'owner\\u200b': did you mean 'owner'?" in issues_of(data)


def test_sums_of_decimals_show_as_typed(data: Path) -> None:
    project = data / "projects/a.yaml"
    project.write_text(project.read_text(encoding="utf-8") + (
        "tables:\n  - columns: [A, B, {name: S, sum: [A, B]}]\n    rows:\n"
        "      - label: r\n        values: [0.1, 0.2]\n"), encoding="utf-8")
    texts = deck_texts(build_bytes(data))
    assert "0,30000000000000004" not in texts
    assert "0,3" in texts


def test_a_sum_of_a_computed_column_to_its_right_is_computed_first(data: Path) -> None:
    """A computed column may sum another computed column defined after it; it used to count as blank."""
    project = data / "projects/a.yaml"
    project.write_text(project.read_text(encoding="utf-8") + (
        "tables:\n"
        "  - columns: [A, B, {name: All, sum: [Part, B]}, {name: Part, sum: [A]}]\n"
        "    rows: [{label: r, values: [2, 3], computed: {All: 5}}]\n"
        "    total: {label: t, expect: {All: 5, Part: 2}}\n"), encoding="utf-8")
    table = load(data).projects[0].project.tables[0]
    assert table.cells(table.rows[0]) == {"A": 2, "B": 3, "Part": 2, "All": 5}


def test_a_long_chain_of_computed_columns_is_no_recursion(data: Path) -> None:
    """Each computed column sums the previous one: ordered without recursion, so no depth limit."""
    columns = ", ".join(["A", *(f"{{name: C{i}, sum: [{'A' if i == 0 else f'C{i - 1}'}]}}" for i in range(3000))])
    project = data / "projects/a.yaml"
    project.write_text(project.read_text(encoding="utf-8") + (
        f"tables:\n  - columns: [{columns}]\n    rows: [{{label: r, values: [7]}}]\n"), encoding="utf-8")
    table = load(data).projects[0].project.tables[0]
    assert table.cells(table.rows[0])["C2999"] == 7


def test_a_link_inside_the_data_folder_is_read(tmp_path: Path) -> None:
    """Only links out of the data folder are refused: a project kept elsewhere in the folder and linked is read."""
    import shutil

    from tafollow.data.load import load

    data = tmp_path / "data"
    shutil.copytree(Path(__file__).resolve().parents[2] / "data", data)
    (data / "kept").mkdir()
    first = sorted((data / "projects").glob("*.yaml"))[0]
    first.rename(data / "kept" / first.name)
    first.symlink_to(Path("..") / "kept" / first.name)
    assert len(load(data).projects) == 7
