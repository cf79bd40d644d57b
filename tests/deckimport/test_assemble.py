"""A project's and the report's fields; what has no field is kept in the nearest one and marked."""

from __future__ import annotations

from datetime import date

from slidebits import para, slide, text, title

from tafollow.deckimport.assemble import MISSING, assemble
from tafollow.deckimport.pptxread import Deck
from tafollow.deckimport.slides import group


def _assemble(*slides: object):  # type: ignore[no-untyped-def]
    return assemble(group(Deck(tuple(slides), 720.0, 540.0)), 720.0)  # type: ignore[arg-type]


COVER = slide(1, title("Sitovat tavoitteet 2019"), text(36, 200, 600, 40, "Ennuste toteutumisesta 21.10.2019"))


def test_title_slide_goal_and_report() -> None:
    report, [project] = _assemble(
        COVER,
        slide(2, title("Pikapalaute"), text(36, 300, 600, 90, para("TA-seuranta"), para(
            "Omistaja: Katri Vänttinen\nProjektipäälliköt: Jouni Juntumaa, Pekka Jyrkiäinen ja Harri Taponen"),
            "Päivitetty 17.10.2019"), text(36, 500, 100, 20, "17.10.2019"),
              text(250, 500, 200, 20, "Kehittämispalvelut")),
        slide(3, title("Tavoite"), text(36, 100, 600, 300, para("Sitovat osatavoitteet", bold=True), "Teksti.",
                                        para("Kohta", bullet="char"), "• Toinen kohta"),
              text(36, 500, 100, 20, "17.10.2019"), text(250, 500, 200, 20, "Kehittämispalvelut")),
    )
    assert report.data == {"title": "Sitovat tavoitteet 2019", "as_of": date(2019, 10, 21),
                           "unit": "Kehittämispalvelut", "footer_date": date(2019, 10, 17), "language": "fi"}
    data = project.data
    assert (data["name"], data["owner"], data["updated"]) == ("Pikapalaute", "Katri Vänttinen", date(2019, 10, 17))
    assert data["managers"] == ["Jouni Juntumaa", "Pekka Jyrkiäinen", "Harri Taponen"]
    assert data["goal"] == {"subheading": "Sitovat osatavoitteet", "paragraphs": ["Teksti."],
                            "bullets": ["Kohta", "Toinen kohta"]}
    assert project.stem == "10-pikapalaute"
    assert [c.path for c in project.checks.items] == [("progress",), ("forecast",)]


def test_missing_labels_are_written_as_missing_and_marked_extra_text_kept() -> None:
    report, [project] = _assemble(
        slide(1, title("Hanke"), text(36, 300, 600, 90, "Omistaja: A", "Sidosryhmät: kaikki")),
    )
    data = project.data
    assert data["managers"] == [MISSING] and data["goal"]["paragraphs"][0] == "Sidosryhmät: kaikki"
    paths = [c.path for c in project.checks.items]
    assert ("managers",) in paths and ("updated",) in paths and ("goal", "paragraphs", 0) in paths
    assert data["updated"] == report.data["as_of"]
    assert report.data["title"] == MISSING and report.data["unit"] == MISSING


def test_file_names_from_tafollows_notes_when_they_keep_the_order() -> None:
    def project(number: int, name: str, source: str) -> list:
        labels = text(36, 300, 600, 90, "Omistaja: A", "Projektipäällikkö: B", "Päivitetty 1.1.2020")
        return [slide(number, title(name), labels, notes=f"Lähde: {source}, päivitetty 1.1.2020")]

    _, projects = _assemble(COVER, *project(2, "Yksi", "05-eka.yaml"), *project(3, "Kaksi", "07-toka.yaml"))
    assert [p.stem for p in projects] == ["05-eka", "07-toka"]
    _, projects = _assemble(COVER, *project(2, "Yksi", "07-toka.yaml"), *project(3, "Kaksi", "05-eka.yaml"))
    assert [p.stem for p in projects] == ["10-yksi", "20-kaksi"]


def test_what_is_not_read_is_marked() -> None:
    from tafollow.deckimport.pptxread import Box

    picture = Box("other", 400, 100, 100, 100, geometry="picture")
    grid = Box("table", 36, 300, 300, 40, rows=(("Mittari", "Arvo"), ("Käyttäjiä", "40")))
    _, [project] = _assemble(slide(1, title("Hanke"), text(36, 300, 600, 90, "Omistaja: A")),
                             slide(2, title("Tavoite"), text(36, 100, 300, 100, "Teksti."), picture, grid))
    assert project.data["goal"]["paragraphs"] == ["Teksti.", "Mittari", "Arvo", "Käyttäjiä", "40"]
    picture_check, table_check = [c for c in project.checks.items if c.slide == 2]
    assert picture_check.path == ("goal",) and "picture" in picture_check.message
    assert "cell by cell" in table_check.message


def test_projects_without_a_name_still_differ() -> None:
    labels = ("Omistaja: A", "Projektipäällikkö: B", "Päivitetty 1.1.2020")
    _, projects = _assemble(slide(1, text(36, 300, 600, 90, *labels)), slide(2, text(36, 300, 600, 90, *labels)))
    assert [p.data["name"] for p in projects] == [f"{MISSING} 1", f"{MISSING} 2"]
    assert [p.stem for p in projects] == ["10-puuttuu-1", "20-puuttuu-2"]
