"""The forecast: status from the light or the verdict, the narrative, risks with their mitigations."""

from __future__ import annotations

from slidebits import figure, para, slide, text

from tafollow.deckimport.doubts import Checks
from tafollow.deckimport.forecast_slide import read_forecast
from tafollow.deckimport.slides import Page

HEADING = "Ennuste tavoitteiden toteutumisesta ja riskit"


def _page(number: int, *boxes: object, continued: bool = False) -> Page:
    made = slide(number, *boxes)  # type: ignore[arg-type]
    return Page(made, "forecast", HEADING, continued, list(made.boxes))


def test_light_verdict_narrative_and_risks_with_mitigations_both_ways() -> None:
    page = _page(5, figure(36, 100, 16, 16, "FFC000", geometry="ellipse"),
                 text(60, 96, 300, 300, para("Rahoitus ratkeaa joulukuussa.", bold=True), "Kerronta."),
                 text(400, 96, 300, 300, para("Riskit ja niihin varautuminen", bold=True),
                      para("Aikataulu venyy. Varautuminen: lisäresurssit.", bullet="char"),
                      para("– Budjetti ylittyy.", bullet=None), para("Varautuminen: seuranta.", indent=18.0)))
    checks = Checks()
    forecast, risks = read_forecast([page], 720, "fi", checks)
    assert forecast == {"status": "at_risk", "sentence": "Rahoitus ratkeaa joulukuussa.", "narrative": ["Kerronta."]}
    assert risks == [{"risk": "Aikataulu venyy.", "mitigation": "lisäresurssit."},
                     {"risk": "Budjetti ylittyy.", "mitigation": "seuranta."}]
    assert checks.items == []


def test_no_light_the_verdict_says_it() -> None:
    page = _page(5, text(36, 96, 600, 300, "Tavoite ei toteudu.", "Syy.", "RISKIT", "1. Yksi", "2. Kaksi"))
    checks = Checks()
    forecast, risks = read_forecast([page], 720, "fi", checks)
    assert forecast == {"status": "off_track", "narrative": ["Syy."]}
    assert risks == {"heading": "RISKIT", "numbered": True, "items": ["Yksi", "Kaksi"]}
    assert checks.items == []


def test_no_light_and_no_verdict_is_marked() -> None:
    checks = Checks()
    forecast, risks = read_forecast([_page(5, text(36, 96, 600, 300, "Työ jatkuu."))], 720, "fi", checks)
    assert forecast == {"status": "on_track", "narrative": ["Työ jatkuu."]} and risks is None
    assert [c.path for c in checks.items] == [("forecast", "status")]


def test_risks_continued_in_their_column_and_no_risks() -> None:
    first = _page(5, figure(36, 100, 16, 16, "009246", geometry="ellipse"),
                  text(60, 96, 300, 300, para("Tavoite on toteutumassa.", bold=True), "Eka."),
                  text(400, 96, 300, 300, para("Riskit ja niihin varautuminen"), para("Yksi.", bullet="char")))
    second = _page(6, text(60, 96, 300, 300, "Toka."), text(400, 96, 300, 300, para("Kaksi.", bullet="char")),
                   continued=True)
    forecast, risks = read_forecast([first, second], 720, "fi", Checks())
    assert forecast == {"status": "on_track", "narrative": ["Eka.", "Toka."]} and risks == ["Yksi.", "Kaksi."]
    none = _page(5, text(400, 96, 300, 300, "Riskit ja niihin varautuminen", "Ei tunnistettuja riskejä."))
    assert read_forecast([none], 720, "fi", Checks())[1] is None


def test_a_table_of_risks_is_read_cell_by_cell() -> None:
    from slidebits import table

    page = _page(5, text(36, 96, 300, 300, "Tavoite on toteutumassa."),
                 text(400, 96, 300, 30, "Riskit"), table(400, 130, ("Riski", "Varautuminen"), ("Viive", "Seuranta")))
    forecast, risks = read_forecast([page], 720, "fi", Checks())
    assert forecast == {"status": "on_track"}
    assert risks == {"heading": "Riskit", "items": ["Riski", "Varautuminen", "Viive", "Seuranta"]}


def test_a_light_without_a_verdict_is_marked() -> None:
    checks = Checks()
    page = _page(5, figure(36, 100, 16, 16, "009246", geometry="ellipse"), text(60, 96, 300, 300, "Hanke etenee."))
    forecast, _ = read_forecast([page], 720, "fi", checks)
    assert forecast == {"status": "on_track", "narrative": ["Hanke etenee."]}
    assert "'Tavoite on toteutumassa.'" in checks.items[0].message
