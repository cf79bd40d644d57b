"""read_yaml: every scalar kept as written, positions remembered, YAML's traps refused.

Each test runs with libyaml's parser (the default when PyYAML has it) and
with the pure-Python one (the fallback), which must behave alike.
"""

from __future__ import annotations

import sys
import time
import tracemalloc

import pytest
import yaml

from tafollow.data import yamlread
from tafollow.data.yamlread import MAX_DEPTH, Position, YamlProblem, read_yaml

LOADERS = ["python"] + (["libyaml"] if yamlread._Loader is not yamlread._PyLoader else [])


@pytest.fixture(params=LOADERS, autouse=True)
def loader(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    if request.param == "python":
        monkeypatch.setattr(yamlread, "_Loader", yamlread._PyLoader)
    return str(request.param)


def test_libyaml_is_used_when_available() -> None:
    if not yaml.__with_libyaml__:
        pytest.skip("PyYAML without libyaml")
    assert "libyaml" in LOADERS


@pytest.mark.parametrize("written, kept", [
    ("yes", "yes"), ("NO", "NO"), ("on", "on"), ("Off", "Off"), ("y", "y"), ("true", "true"),
    ("0123", "0123"), ("0o17", "0o17"), ("0x1F", "0x1F"), ("1.10", "1.10"), ("1e3", "1e3"), ("1_000", "1_000"),
    ("12:30", "12:30"), ("1:20:30", "1:20:30"), (".inf", ".inf"), (".NaN", ".NaN"), ("2019-10-10", "2019-10-10"),
    ("2001-12-14t21:59:43.10-05:00", "2001-12-14t21:59:43.10-05:00"), ("=", "="),
    ("'yes'", "yes"), ('"0123"', "0123"), ("!!str 12:30", "12:30"), ("!!int 0123", "0123"),
    ("'null'", "null"), ('"~"', "~"), ("''", ""), ('""', ""),
    ("~", None), ("null", None), ("Null", None), ("NULL", None), ("", None),
    ('"a\\tb"', "a\tb"), ('"a\\nb"', "a\nb"), ('"a\\rb"', "a\nb"), ('"a\\r\\nb"', "a\nb"),
    ('"\\N\\L\\P\\_"', "\x85\u2028\u2029\xa0"), ('"\\U0001F600"', "😀"), ('"\\x80"', "\x80"),
    ("😀 שלום", "😀 שלום"), ("{{ x }}", None), ("'{{ x }}'", "{{ x }}"), ("a # comment", "a"),
])
def test_scalars_stay_text(written: str, kept: str | None) -> None:
    if written == "{{ x }}":  # a flow mapping with a mapping as key: refused, see the error table
        with pytest.raises(YamlProblem):
            read_yaml(f"key: {written}\n")
        return
    assert read_yaml(f"key: {written}\n").data == {"key": kept}


def test_block_scalars_keep_line_breaks() -> None:
    assert read_yaml("a: |\n  one\n  two\nb: >-\n  three\n  four\n").data == {"a": "one\ntwo\n", "b": "three four"}


def test_positions_of_keys_and_values() -> None:
    document = read_yaml("# comment\nname: Alpha\nlist:\n  - one\n  - key: two\n")
    assert document.keys[("name",)] == Position(2, 1)
    assert document.values[("name",)] == Position(2, 7)
    assert document.values[("list", 1, "key")] == Position(5, 10)
    assert document.keys[("list", 1, "key")] == Position(5, 5)


def test_line_numbers_count_lines_as_editors_do() -> None:
    for newline in ("\n", "\r\n", "\r"):
        document = read_yaml(newline.join(["a: 1", "b: 2", "c: 3", ""]))
        assert document.values[("c",)] == Position(3, 4), repr(newline)


def test_empty_and_comment_only_give_no_data() -> None:
    assert read_yaml("").data is None
    assert read_yaml("# nothing\n\n").data is None
    assert read_yaml("---\n...\n").data is None


ERRORS = [
    # text, line, column, words in the message
    ("a: 1\na: 2\n", 2, 1, "the key 'a' is given twice, on line 1 and on line 2"),
    ("a: {b: 1, b: 2}\n", 1, 11, "the key 'b' is given twice on line 1"),
    ("'a': 1\na: 2\n", 2, 1, "given twice"),
    ("a: &x 1\n", 1, 4, "'&x' is read as an anchor"),
    ("a: *x\n", 1, 4, "'*x' is read as an alias"),
    ("a: ! text\n", 1, 4, "a text starting with '!' is read as a YAML tag"),
    ("a: !!python/object/apply:os.system [ls]\n", 1, 4, "the tag !!python/object/apply:os.system is not allowed"),
    ("a: !!python/name:os.system\n", 1, 4, "is not allowed"),
    ("!!python/name:os.system : 1\n", 1, 1, "is not allowed"),
    ("a: !!binary aGk=\n", 1, 4, "the tag !!binary is not allowed"),
    ("a: !!set {x}\n", 1, 4, "the tag !!set is not allowed"),
    ("a: !local x\n", 1, 4, "the tag !local is not allowed"),
    ("<<: {a: 1}\n", 1, 1, "merge keys (<<) are not supported"),
    ("? [a]\n: b\n", 1, 3, "a key must be a plain word"),
    ("key: {{ x }}\n", 1, 0, "a key must be a plain word"),
    ("a: 1\n---\nb: 2\n", 2, 1, "more than one YAML document"),
    ("a:\n\tb: 1\n", 2, 1, "a tab character is used for indentation"),
    ("a: x: y\n", 1, 5, "mapping values are not allowed"),
    ("a: @x\n", 1, 4, "must be put in quotes"),
    ("a: 'x\n", 2, 1, "a quote or bracket is opened and never closed"),
    ("a: [x, y\n", 2, 1, "a '[' is never closed"),
    ('a: "C:\\Users"\n', 1, 0, "write \\\\ for a backslash"),
    ('a: "\\ud83d\\ude00"\n', 1, 0, "half of a character"),
    ('a: "x\\x01"\n', 1, 4, "the text contains U+0001, a control character"),
    ('a: "x\\u000B"\n', 1, 4, "U+000B"),
    ('a: "x\\uFFFE"\n', 1, 4, "U+FFFE"),
    ("a: x\x01\n", 1, 5, "the file contains the control character U+0001"),
    ("a: 1\nb: \x00\n", 2, 4, "U+0000"),
    ("a: x\x7f\n", 1, 5, "U+007F"),
    ("a: x\u2028y\n", 1, 5, "LINE SEPARATOR (U+2028)"),
    ("a: x\u2029y\n", 1, 5, "PARAGRAPH SEPARATOR (U+2029)"),
    ("a: x\x85y\n", 1, 5, "NEXT LINE (U+0085)"),
    ("a: x\ud800y\n", 1, 5, "U+D800, which is not a character"),
    ("a: " + "[" * (MAX_DEPTH + 5) + "]" * (MAX_DEPTH + 5) + "\n", 1, 0, "nested too deeply"),
    ("a: " + "[" * 5000 + "\n", 1, 0, "nested too deeply"),
]


@pytest.mark.parametrize("text, line, column, words", ERRORS, ids=[repr(e[0])[:40] for e in ERRORS])
def test_refused_with_position(text: str, line: int, column: int, words: str) -> None:
    with pytest.raises(YamlProblem) as caught:
        read_yaml(text)
    problem = caught.value
    assert words in problem.message
    assert problem.line == line
    if column:  # the two parsers place some syntax errors differently within the line
        assert problem.column == column


def test_every_duplicate_key_and_bad_character_is_reported() -> None:
    with pytest.raises(YamlProblem) as caught:
        read_yaml('a: 1\nb: "\\x01"\na: 2\nc:\n  d: 1\n  d: 2\n')
    assert [(p.line, p.column) for p in caught.value.all()] == [(2, 4), (3, 1), (6, 3)]


def test_python_tags_are_never_constructed() -> None:
    text = "a: !!python/object/apply:builtins.setattr [!!python/name:sys , tafollow_was_here, 1]\n"
    with pytest.raises(YamlProblem):
        read_yaml(text)
    assert not hasattr(sys, "tafollow_was_here")


def test_billion_laughs_is_refused_in_bounded_time_and_memory() -> None:
    lines = ['a: ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"{x}: [*{y},*{y},*{y},*{y},*{y},*{y},*{y},*{y},*{y}]" for x, y in zip("bcdefghij", "abcdefghi")]
    text = "\n".join(lines) + "\n"
    tracemalloc.start()
    started = time.perf_counter()
    try:
        with pytest.raises(YamlProblem) as caught:
            read_yaml(text)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert time.perf_counter() - started < 1
    assert peak < 5_000_000
    assert "alias" in caught.value.message and caught.value.line == 2


def test_nesting_at_the_limit_is_read() -> None:
    depth = MAX_DEPTH - 2  # the top mapping and the scalar are levels too
    data = read_yaml("a: " + "[" * depth + "x" + "]" * depth + "\n").data
    for _ in range(depth + 1):
        data = data["a"] if isinstance(data, dict) else data[0]
    assert data == "x"
