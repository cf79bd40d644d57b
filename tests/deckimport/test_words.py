"""The deck's fixed words come from labels.j2 and are recognised in every language and spelling."""

from __future__ import annotations

from datetime import date

import pytest

from tafollow.deckimport.words import find_date, number, split_names, strip_title, title_kind, verdict, words


def test_labels_come_from_the_templates() -> None:
    fi, sv, en = words("fi"), words("sv"), words("en")
    assert (fi.owner, fi.managers, fi.updated, fi.conjunction) == (
        "Omistaja:", ("Projektipäällikkö:", "Projektipäälliköt:"), "Päivitetty", " ja ")
    assert (sv.owner, sv.managers, sv.mitigation, sv.continued) == ("Ägare:", ("Projektledare:",), "Beredskap:",
                                                                    " (forts.)")
    assert en.months[9] == "October" and en.cover == "Forecast of fulfilment, "
    assert fi.verdicts["off_track"] == "Tavoite ei toteudu."


@pytest.mark.parametrize("title, kind, language", [
    ("Tavoite", "goal", "fi"), ("Tavoitteet", "goal", "fi"), ("Ositettu tavoitteiden toteutuminen", "progress", "fi"),
    ("Ennuste tavoitteiden toteutumisesta ja riskit", "forecast", "fi"), ("Ennuste ja riskit", "forecast", "fi"),
    ("Mål", "goal", "sv"), ("Målets uppfyllelse i delar", "progress", "sv"), ("Goal", "goal", "en"),
    ("Goal fulfilment by part", "progress", "en"), ("Goal and background", "goal", "en"),
    ("Forecast of goal fulfilment and risks", "forecast", "en"), ("Yhteenveto", "summary", "fi"),
])
def test_titles(title: str, kind: str, language: str) -> None:
    found = title_kind(title)
    assert found is not None and found[:2] == (kind, language)


def test_a_title_of_its_own_is_not_a_known_one() -> None:
    assert title_kind("Steps of the service") is None
    assert title_kind("Tavoitteiden toteutuminen") is None


@pytest.mark.parametrize("title", [
    "Tavoite – Harrastuspassi (jatkuu)", "Tavoite (jatkuu) – Harrastuspassi",
    "Tavoite  –  Harrastuspassi (jatkuu)",
])
def test_titles_made_unique_with_the_project_name_and_continued(title: str) -> None:
    assert strip_title(title, "Harrastuspassi") == ("Tavoite", True)


def test_the_project_name_after_a_standard_title() -> None:
    assert title_kind("Tavoite – Harrastuspassi") == ("goal", "fi", "Harrastuspassi")
    assert strip_title("Goal fulfilment by part (cont.)") == ("Goal fulfilment by part", True)
    assert strip_title("Mål (forts.)") == ("Mål", True)


@pytest.mark.parametrize("text, status, exact", [
    ("Tavoite ei toteudu.", "off_track", True), ("Tavoite on toteutumassa.", "on_track", True),
    ("Målet har uppnåtts.", "achieved", True), ("The goal is at risk.", "at_risk", True),
    ("Sitovien osatavoitteiden osalta tavoite on toteutumassa.", "on_track", False),
    ("Tavoitteen toteutuminen on vaarassa, jos rahoitus viivästyy.", "at_risk", False),
])
def test_verdicts(text: str, status: str, exact: bool) -> None:
    assert verdict(text) == (status, exact)


def test_text_that_is_no_verdict() -> None:
    assert verdict("Sovellus valmistuu viikolla 52.") is None


@pytest.mark.parametrize("text, day", [
    ("Päivitetty 9.10.2019", date(2019, 10, 9)), ("Päivitetty: 2019-10-09", date(2019, 10, 9)),
    ("Updated 14 October 2021", date(2021, 10, 14)), ("Ennuste toteutumisesta 21.10.2019", date(2019, 10, 21)),
    ("31.2.2019 tai 1.3.2019", date(2019, 3, 1)),
])
def test_dates(text: str, day: date) -> None:
    found = find_date(text)
    assert found is not None and found[0] == day


@pytest.mark.parametrize("text, value", [
    ("9", 9), ("1 234", 1234), ("5\u00a0210", 5210), ("3,5", 3.5), ("−2", -2), ("0", 0), ("49 tilaa", None),
    ("n/a", None), ("12.5", 12.5),
])
def test_numbers(text: str, value: float | None) -> None:
    assert number(text) == value


def test_names() -> None:
    assert split_names("Jouni Juntumaa, Pekka Jyrkiäinen ja Harri Taponen") == [
        "Jouni Juntumaa", "Pekka Jyrkiäinen", "Harri Taponen"]
    assert split_names("Ville Mensio and Anne Euramaa") == ["Ville Mensio", "Anne Euramaa"]
    assert split_names("Suvi Ervamaa") == ["Suvi Ervamaa"]


def test_a_title_keeps_its_own_spacing_and_line_breaks() -> None:
    title = "Tavoitteet\nja tausta – Pikapalaute (jatkuu)"
    assert strip_title(title, "Pikapalaute") == ("Tavoitteet\nja tausta", True)
    assert strip_title("Ositettu tavoitteiden\ntoteutuminen")[0] == "Ositettu tavoitteiden\ntoteutuminen"
    assert title_kind("Ositettu tavoitteiden\ntoteutuminen – Oma.Helsinki - Asiakkuus") == (
        "progress", "fi", "Oma.Helsinki - Asiakkuus")


@pytest.mark.parametrize("typed", ["TA-seuranta\nHarrastuspassi", "TA-seuranta – Harrastuspassi",
                                   "TA-seuranta: Harrastuspassi", "TA-SEURANTA Harrastuspassi",
                                   "TA-uppföljning\nHarrastuspassi"])
def test_the_kicker_comes_off_the_name_whatever_separates_them(typed: str) -> None:
    from tafollow.deckimport.words import without_kicker

    assert without_kicker(typed) == "Harrastuspassi"


def test_a_name_that_only_begins_like_the_kicker_is_kept() -> None:
    from tafollow.deckimport.words import without_kicker

    assert without_kicker("TA-seurantajärjestelmä") == "TA-seurantajärjestelmä"
    assert without_kicker("TA-seuranta") == "TA-seuranta"
