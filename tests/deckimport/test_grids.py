"""Tables: a column that is a sum in every row is computed, and the total row is recognised."""

from __future__ import annotations

from tafollow.deckimport.doubts import Checks
from tafollow.deckimport.grids import read_table

TILAVARAUS = (
    ("", "Valmistelussa", "Käynnissä", "Valmis", "Varaamossa aiemmin", "Varattavissa yht."),
    ("KIR", "3", "3", "9", "40", "49"),
    ("KULP", "1", "", "3", "0", "3"),
    ("LIIK", "6", "4", "", "", "0"),
    ("NUP", "3", "4", "10", "12", "22"),
    ("Yhteensä", "", "", "", "", "74 tilaa"),
)


def test_a_computed_column_and_a_total_with_a_unit() -> None:
    checks = Checks()
    table = read_table(TILAVARAUS, None, "fi", 20, checks, ("tables", 0))
    assert table == {
        "columns": ["Valmistelussa", "Käynnissä", "Valmis", "Varaamossa aiemmin",
                    {"name": "Varattavissa yht.", "sum": ["Valmis", "Varaamossa aiemmin"]}],
        "rows": [{"label": "KIR", "values": [3, 3, 9, 40]}, {"label": "KULP", "values": [1, None, 3, 0]},
                 {"label": "LIIK", "values": [6, 4, None, None]}, {"label": "NUP", "values": [3, 4, 10, 12]}],
        "total": {"label": "Yhteensä", "columns": ["Varattavissa yht."], "unit": "tilaa"},
    }
    assert checks.items == []


def test_a_sum_that_is_wrong_in_one_row_stays_typed() -> None:
    rows = (("", "A", "B", "Yht."), ("x", "1", "2", "3"), ("y", "4", "5", "10"))
    table = read_table(rows, "Otsikko", "fi", 5, Checks(), ("tables", 0))
    assert table is not None and table["columns"] == ["A", "B", "Yht."] and table["title"] == "Otsikko"


def test_a_total_that_does_not_add_up_is_marked() -> None:
    rows = (("Alue", "A", "B"), ("x", "1 000", "2"), ("y", "4", "5,5"), ("Total", "1 005", "7,5"))
    checks = Checks()
    table = read_table(rows, None, "fi", 5, checks, ("tables", 0))
    assert table is not None
    assert table["label_header"] == "Alue" and table["rows"][0]["values"] == [1000, 2]
    assert table["total"] == {"label": "Total"}
    assert [c.path for c in checks.items] == [("tables", 0, "total")] and "add up to 1004" in checks.items[0].message


def test_text_in_a_number_column_is_marked_not_dropped_silently() -> None:
    rows = (("", "A", "B"), ("x", "n/a", "2"), ("y", "4", "5"))
    checks = Checks()
    table = read_table(rows, None, "fi", 5, checks, ("tables", 1))
    assert table is not None and table["rows"][0]["values"] == [None, 2]
    assert checks.items[0].path == ("tables", 1, "rows", 0, "values") and "'n/a'" in checks.items[0].message


def test_all_columns_totalled_without_a_unit() -> None:
    rows = (("", "Online", "On paper", "All"), ("a", "5210", "1340", "6550"), ("b", "4870", "410", "5280"),
            ("Total", "10080", "1750", "11830"))
    table = read_table(rows, None, "en", 20, Checks(), ("tables", 0))
    assert table is not None and table["total"] == {"label": "Total"}
    assert table["columns"][2] == {"name": "All", "sum": ["Online", "On paper"]}


def test_an_english_total_with_a_thousands_comma_is_read_as_written() -> None:
    """'1,234 seats' in an English deck is one thousand two hundred and thirty-four, not 1.234."""
    from tafollow.deckimport.doubts import Checks
    from tafollow.deckimport.grids import read_table

    rows = (("", "Seats"), ("A", "1,000"), ("B", "234"), ("Total", "1,234 seats"))
    checks = Checks()
    table = read_table(rows, None, "en", 5, checks, ("tables", 0))
    assert table["total"] == {"label": "Total", "unit": "seats"}
    assert checks.items == []
