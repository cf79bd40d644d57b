"""Every language has every label, and `--lang` / `language:` reach the whole deck."""

from __future__ import annotations

import io
import os
import re
import itertools
import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pptx import Presentation
from typer.testing import CliRunner

from conftest import SHIPPED_DATA
from tafollow.cli import app
from tafollow.languages import LANGUAGES, TEMPLATES, labels

SAMPLE: dict[str, Any] = {
    "d": date(2019, 10, 21), "as_of": date(2019, 10, 21), "n": 1.5, "value": 74, "items": ["A", "B", "C"],
    "name": "Mikko Vatka", "text": "X", "title": "Otsikko", "file": "10-x.yaml", "unit": "tilaa",
    "page": 2, "pages": 3, "status": "doing", "number": 2, "count": 5, "percent": "70 %", "at": "100 %",
    "project": "Harrastuspassi", "lane": 1, "forecast": "on_track", "detail": "X", "slide": 4, "shape": "Phase 1", "slides": 29,
}


@pytest.fixture
def data(tmp_path: Path) -> Path:
    shutil.copytree(SHIPPED_DATA, tmp_path / "data")
    return tmp_path / "data"


def deck_text(path: Path) -> str:
    presentation = Presentation(io.BytesIO(path.read_bytes()))
    return "\n".join(shape.text_frame.text for slide in presentation.slides for shape in slide.shapes
                     if shape.has_text_frame)


@pytest.mark.parametrize(("one", "other"), list(itertools.permutations(LANGUAGES, 2)))
def test_every_language_has_every_label(one: str, other: str) -> None:
    missing = labels(one).keys() - labels(other).keys()
    assert not missing, f"templates/{other}/labels.j2 lacks macros that templates/{one}/labels.j2 has: {sorted(missing)}"


def test_each_language_has_a_template_folder() -> None:
    assert sorted(p.parent.name for p in TEMPLATES.glob("*/labels.j2")) == sorted(LANGUAGES)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_label_renders_non_empty(language: str) -> None:
    module = labels(language)._module
    for key in sorted(labels(language).keys()):
        macro = getattr(module, key)
        text = str(macro(*(SAMPLE[name] for name in macro.arguments)))
        assert text.strip(), f"{language}/{key} renders empty"
        assert "\n" not in text, f"{language}/{key} renders a line break: {text!r}"


@pytest.mark.parametrize(("language", "joined"), [("fi", "A, B ja C"), ("sv", "A, B och C"), ("en", "A, B and C")])
def test_name_lists(language: str, joined: str) -> None:
    assert labels(language)("names", ["A", "B", "C"]) == joined
    assert labels(language)("names", ["A"]) == "A"


@pytest.mark.parametrize(("language", "shown"), [("fi", "21.10.2019"), ("sv", "21.10.2019"), ("en", "21 October 2019")])
def test_date_format(language: str, shown: str) -> None:
    assert labels(language)("date", date(2019, 10, 21)) == shown


@pytest.mark.parametrize(("language", "number", "percent"), [("fi", "1,5", "70 %"), ("sv", "1,5", "70 %"),
                                                             ("en", "1.5", "70%")])
def test_numbers(language: str, number: str, percent: str) -> None:
    assert labels(language)("number", 1.5) == number
    assert labels(language)("percent", 70) == percent


SWEDISH = ["TA-uppföljning", "Ägare: Mikko Vatka", "Projektledare: Suvi Ervamaa", "Uppdaterad 9.10.2019",
           "Målet håller på att uppnås.", "Risker och beredskap", "EJ PÅBÖRJAD", "PÅGÅR", "KLAR",
           "Prognos för måluppfyllelsen och risker", "Målets uppfyllelse i delar"]
ENGLISH = ["Budget follow-up", "Owner: Mikko Vatka", "Project manager: Suvi Ervamaa", "Updated 9 October 2019",
           "The goal is on track.", "Risks and mitigation", "NOT STARTED", "IN PROGRESS", "DONE"]
FINNISH_ONLY = ["TA-seuranta", "Omistaja:", "Projektipäällikkö", "Päivitetty", "TEKEMÄTTÄ", "TEKEILLÄ",
                "Tavoite on toteutumassa."]


@pytest.mark.parametrize(("language", "expected"), [("sv", SWEDISH), ("en", ENGLISH)])
def test_build_lang_translates_every_fixed_label(data: Path, language: str, expected: list[str]) -> None:
    out = data.parent / f"{language}.pptx"
    result = CliRunner().invoke(app, ["build", str(data), "-o", str(out), "--lang", language, "--summary", "-q"])
    assert result.exit_code == 0, result.output
    text = deck_text(out)
    for label in expected:
        assert label in text, f"{label!r} missing from the {language} deck"
    for label in FINNISH_ONLY:
        assert label not in text, f"Finnish label {label!r} left in the {language} deck"


def test_language_in_report_yaml_and_lang_overrides_it(data: Path) -> None:
    report = data / "report.yaml"
    report.write_text(report.read_text(encoding="utf-8").replace("language: fi", "language: sv"), encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(app, ["build", str(data), "-o", str(data.parent / "sv.pptx"), "-q"]).exit_code == 0
    assert "TA-uppföljning" in deck_text(data.parent / "sv.pptx")
    assert runner.invoke(app, ["build", str(data), "-o", str(data.parent / "fi.pptx"), "--lang", "fi", "-q"]).exit_code == 0
    assert "Omistaja: Mikko Vatka" in deck_text(data.parent / "fi.pptx")


def test_finnish_is_the_default(data: Path) -> None:
    report = data / "report.yaml"
    report.write_text(report.read_text(encoding="utf-8").replace("language: fi\n", ""), encoding="utf-8")
    assert CliRunner().invoke(app, ["build", str(data), "-o", str(data.parent / "d.pptx"), "-q"]).exit_code == 0
    assert "Tavoite on toteutumassa." in deck_text(data.parent / "d.pptx")


def test_unknown_language_is_a_usage_error(data: Path) -> None:
    result = CliRunner().invoke(app, ["build", str(data), "--lang", "de"])
    assert result.exit_code == 2
    assert "'de' is not a language tafollow has; use fi, sv or en" in result.output
    assert "Value error" not in result.output


def test_a_language_missing_from_the_installation_is_a_broken_installation(tmp_path: Path) -> None:
    from tafollow.errors import SetupError, UsageError

    with pytest.raises(SetupError, match="missing from tafollow's installation"):
        labels("fi", tmp_path)
    with pytest.raises(UsageError, match="'de' is not a language tafollow has"):
        labels("de")


def test_every_language_says_what_it_is() -> None:
    """A language's facts are complete: the tag the deck and its PDF carry, and the import's words."""
    from tafollow.languages import facts

    for language in LANGUAGES:
        found = facts(language)
        assert found.tag.split("-")[0] == language and found.name and found.total_words


# A fourth language, added the way a translator would: one folder beside the others, nothing else.
GERMAN = {"Owner": "Verantwortlich", "Project managers": "Projektleitung", "Goal": "Ziel",
          "Updated": "Aktualisiert", "Budget follow-up": "Haushaltsverfolgung"}


@pytest.mark.slow
def test_a_language_is_one_folder(tmp_path: Path) -> None:
    """Copy tafollow, add templates/de/ only, and a round in German validates, builds and says it is German."""
    import subprocess
    import sys
    import zipfile

    from conftest import REPO_ROOT

    package = tmp_path / "site" / "tafollow"
    shutil.copytree(REPO_ROOT / "tafollow", package, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(TEMPLATES, package / "templates", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(REPO_ROOT / "schema", package / "schemas")
    german = package / "templates" / "de"
    german.mkdir()
    text = (TEMPLATES / "en" / "labels.j2").read_text(encoding="utf-8")
    for english, word in GERMAN.items():
        text = text.replace(english, word)
    (german / "labels.j2").write_text(text, encoding="utf-8")
    (german / "language.yaml").write_text("tag: de-DE\nname: Deutsch\nthousands_separator: \".\"\n"
                                          "goal_headings: [Ziele]\ntotal_words: [gesamt, summe]\n", encoding="utf-8")
    data = tmp_path / "data"
    shutil.copytree(SHIPPED_DATA, data)
    report = data / "report.yaml"
    report.write_text(re.sub(r"(?m)^language: \w+$", "language: de", report.read_text(encoding="utf-8")),
                      encoding="utf-8")
    environment = {**os.environ, "PYTHONPATH": str(tmp_path / "site")}

    def tafollow(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "tafollow", *args], cwd=tmp_path, env=environment,
                              capture_output=True, text=True, timeout=120)

    assert "de" in tafollow("build", "--help").stdout
    assert tafollow("validate", str(data)).returncode == 0
    built = tafollow("build", str(data), "-o", str(tmp_path / "deck.pptx"), "-q")
    assert built.returncode == 0, built.stderr
    shown = deck_text(tmp_path / "deck.pptx")
    assert "Verantwortlich: Mikko Vatka" in shown and "Haushaltsverfolgung" in shown
    with zipfile.ZipFile(tmp_path / "deck.pptx") as deck:
        assert 'lang="de-DE"' in deck.read("ppt/slides/slide2.xml").decode()
    # The installed tafollow, without the folder, does not know the language.
    assert tafollow("validate", str(data)).returncode == 0
    environment.pop("PYTHONPATH")
    assert tafollow("validate", str(data)).returncode == 1
