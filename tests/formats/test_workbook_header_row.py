"""Which row of a sheet is its header: the first that names a field, unless it holds numbers and an
earlier row of text alone is as wide (a registry's data row that happens to hold a surname)."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from leadspace_cli.formats.sources import open_source
from leadspace_cli.mapping.judge import names_a_field


def _header(tmp_path: Path, rows: list[list[object]]) -> list[str]:
    path = tmp_path / "sheet.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    book.save(path)
    with open_source(str(path), prescan=True, header_hint=names_a_field) as source:
        return list(source.header or source.columns)


def test_a_registrys_header_above_a_data_row_that_names_a_field(tmp_path: Path) -> None:
    rows: list[list[object]] = [
        ["№", "URL", "Название", "Аналитик", "Заказчик"],
        [1, "url", "<<Шаблон>>", "Фамилия", "Фамилия"],
        [2, "url", "Отчёт", "Иванов", "Петров"],
    ]
    assert _header(tmp_path, rows)[0] == "№"


def test_a_header_with_years_stays_the_header_under_a_shorter_title(tmp_path: Path) -> None:
    """Review: a title of two cells, then "Company, Website, Country, 2022, 2023"."""
    rows: list[list[object]] = [
        ["Revenue by account", "exported"],
        ["Company", "Website", "Country", 2022, 2023],
        ["Acme", "acme.test", "Mobile", 1, 2],
    ]
    assert _header(tmp_path, rows)[:3] == ["Company", "Website", "Country"]


def test_a_first_row_header_with_a_number_is_the_header(tmp_path: Path) -> None:
    """Review: "ID, First Name, Last Name, Email, Phone type, 2024" above rows of people."""
    rows: list[list[object]] = [
        ["ID", "First Name", "Last Name", "Email", "Phone type", 2024],
        ["A1", "Ann", "Lee", "ann@acme.test", "Mobile", "y"],
    ]
    assert _header(tmp_path, rows)[:2] == ["ID", "First Name"]


def test_a_preamble_above_a_header_with_a_year(tmp_path: Path) -> None:
    rows: list[list[object]] = [
        ["Exported by", "Jane Doe"],
        ["First Name", "Last Name", "Email", 2024],
        ["Ann", "Lee", "ann@acme.test", "y"],
    ]
    assert _header(tmp_path, rows)[:2] == ["First Name", "Last Name"]
