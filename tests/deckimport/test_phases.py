"""The progress chart from its shapes: rows by position, statuses by colour, percents in any form."""

from __future__ import annotations

from slidebits import figure, text

from tafollow.deckimport.doubts import Checks
from tafollow.deckimport.phases import read_chart


def test_lanes_in_rows_by_position_whatever_the_order_of_the_shapes() -> None:
    boxes = [
        figure(300, 200, 200, 50, "D9D9D9", "TOTEUTUS"),
        figure(100, 100, 200, 50, "00B050", "SUUNNITTELU", geometry="homePlate"),
        figure(300, 104, 200, 50, "FFC000", "KEHITYS", "70 %"),
        figure(100, 198, 200, 50, "FFC000", "PILOTTI 40%", geometry="rect"),
        text(20, 110, 70, 30, "Tilat"),
        text(500, 60, 60, 14, "TEHTY"), figure(480, 62, 10, 10, "009246"),  # legend
        text(100, 152, 40, 14, "0 %"), figure(310, 140, 150, 4, "FFFFFF"),  # scale, a progress bar
    ]
    checks = Checks()
    chart = read_chart(boxes, 4, checks)
    assert chart.lanes == [
        {"name": "Tilat", "phases": [{"name": "SUUNNITTELU", "status": "done"},
                                     {"name": "KEHITYS", "status": "doing", "percent": 70.0}]},
        {"phases": [{"name": "PILOTTI", "status": "doing", "percent": 40.0},
                    {"name": "TOTEUTUS", "status": "todo"}]},
    ]
    assert checks.items == []


def test_percent_on_a_second_line_of_one_paragraph_and_a_decimal_comma() -> None:
    chart = read_chart([figure(100, 100, 200, 50, "FFC61E", "KEHITYS JA\nSISÄLLÖNTUOTANTO\n62,5 %")], 4, Checks())
    assert chart.lanes[0]["phases"] == [{"name": "KEHITYS JA\nSISÄLLÖNTUOTANTO", "status": "doing", "percent": 62.5}]


def test_span_milestones_and_an_unsure_colour() -> None:
    boxes = [
        figure(100, 100, 250, 50, "009246", "A"), figure(350, 100, 250, 50, "4F81BD", "B"),
        figure(100, 160, 500, 30, "FFC61E", "KUULEMINEN", geometry="roundRect"),
        figure(593, 200, 14, 14, "0000BF", geometry="diamond"), text(380, 199, 200, 16, "HYVÄKSYNTÄ"),
    ]
    checks = Checks()
    chart = read_chart(boxes, 8, checks)
    assert chart.span == {"name": "KUULEMINEN", "status": "doing"}
    assert chart.milestones == [{"name": "HYVÄKSYNTÄ", "at": 100}]
    assert [c.path for c in checks.items] == [("progress", "lanes", 0, "phases", 1, "status")]
    assert "4F81BD" in checks.items[0].message


def test_a_chart_drawn_from_the_steps() -> None:
    boxes = [figure(100 + 60 * i, 100, 60, 40, fill, str(i + 1), geometry="rect")
             for i, fill in enumerate(("009246", "FFC000", "DEDFE1"))]
    chart = read_chart(boxes, 12, Checks())
    assert chart.lanes == [] and chart.step_statuses == ["done", "doing", "todo"]
