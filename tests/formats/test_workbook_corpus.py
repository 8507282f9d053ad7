"""The workbook and CSV corpus (issue 27): 90 workbooks and 28 CSV/TSV files of odd dialects from
other tools' public test data (tests/data/workbooks/manifest.json: source, licence, writer and traps
per file), each read by the tool's own reader (and, when it is to be read, enriched in a dry run whose
output is read back: what the person gets) and compared with an expectation made independently:
for a workbook, what LibreOffice shows (its headless "as shown" CSV export, checked in beside each
file); for a CSV, its rows parsed by Python's csv module in the dialect and encoding decided by hand
from the bytes (expected/csv/README.md says how, per file). A file that is not read right is listed
in KNOWN with why: the test fails when a good file regresses, and when a known failure starts passing
(then take it off the list)."""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
import zipfile
from pathlib import Path

import pytest

from leadspace_cli.errors import InputError
from leadspace_cli.formats.sources import open_source
from leadspace_cli.mapping.judge import names_a_field
from tests.conftest import invoke

DATA = Path(__file__).parent.parent / "data" / "workbooks"
MANIFEST = json.loads((DATA / "manifest.json").read_text(encoding="utf-8"))["files"]

# Not read as LibreOffice shows, and why. What the tool chose (README, "Workbooks"): dates and times
# as ISO dates (a number format's other displays, such as "$ 2,000" or "12%", are shown as Excel
# shows them); a vertical merge fills every row it covers; the header is the first row with two
# text cells. Where LibreOffice is not Excel: it recalculates formulas on load (Excel shows the value
# saved in the file), and a few of its displays differ from Excel's.
RECALC = "LibreOffice recalculates the formula; the tool reads the value Excel saved"
UNSAVED = "formulas saved with no value (by a program that does not calculate): LibreOffice calculates them"
MERGE = "a vertical merge fills every row it covers (LibreOffice shows it once)"
TIME_OF_DAY = (
    "time formats (h:mm, mm:ss) on values past a day: the tool writes the ISO date and time, rounded "
    "to the second as Excel does (LibreOffice shows the time of day, its seconds cut)"
)
KNOWN = {
    # The tool's side: a line of words above a header whose cells name fields is a report's title,
    # skipped (a spreadsheet shows it as the first row).
    "frl-skip-rows-before-headers.csv": "its '# comment' line is read as a title above the header: skipped",
    # LibreOffice's side: what it shows is not what Excel shows.
    "cal-errors.xlsx": RECALC,
    "sjs-wps-fn.xlsx": RECALC,
    "rxl-dates-leap-year-1900.xlsx": "LibreOffice's calendar differs from Excel's before 1900-03-01",
    "sjs-LONumbers.xlsx": "LibreOffice's own number formats (YY, HH on numbers): not formats Excel writes",
    "sjs-crlf.xlsx": "LibreOffice leaves _x000D_ in a formula's saved text; Excel decodes it",
    "sjs-xlsx-stream-d-date-cell.xlsx": (
        "LibreOffice writes a 3-digit exponent (E+022; Excel E+22); and " + TIME_OF_DAY.split(":")[0]
    ),
    "cxl-ArrayFormula.xlsx": UNSAVED + "; the tool refuses a header of them, saying so",
    "cxl-UsingTables.xlsx": UNSAVED + "; the tool reads them empty, naming the columns",
    "rxl-missing-v-node.xlsx": UNSAVED + "; the tool reads it empty, naming the column",
    # The tool's choices.
    "sjs-number_format.xlsm": TIME_OF_DAY,
    "sjs-wtf_path.xlsx": "the header found is the first row with two text cells, not row 1",
    "exz-MergeCell.xlsx": MERGE,
    "frl-multiline-headers.xlsx": MERGE,
}


def _norm(rows: list[list[str]]) -> list[list[str]]:
    out = []
    for r in rows:
        r = list(r)
        while r and r[-1] == "":
            r.pop()
        if r:
            out.append(r)
    return out


def _iso_forms(raw: str) -> set[str]:
    """The ISO forms of a date or time as LibreOffice's unformatted export writes it: US English
    (``01/01/2021``), or year first (``2021/01/01``) for a date in an East Asian format."""
    forms = set()
    for fmt in ("%m/%d/%Y %H:%M:%S", "%m/%d/%Y", "%Y/%m/%d", "%H:%M:%S"):
        try:
            d = dt.datetime.strptime(raw.strip(), fmt)
        except ValueError:
            continue
        if fmt == "%H:%M:%S":
            forms.add(d.time().isoformat())
        else:
            forms.add(d.isoformat(sep=" "))
            forms.add(d.date().isoformat())
    return forms


def _same(expected: str, got: str, raw: str, header: bool) -> bool:
    if expected == got or got in _iso_forms(raw):
        return True
    if header and (
        (not expected and re.fullmatch(r"column_\d+", got))
        or re.fullmatch(re.escape(expected) + r"_\d+", got)
    ):
        return True
    return bool(header and any(re.fullmatch(re.escape(x) + r"(_\d+)?", got) for x in _iso_forms(raw)))


def _csv(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return list(csv.reader(fh))


def outcome(entry: dict[str, object], via_output: bool = False) -> str:
    """Return "right", "refused" (a clear message), "unclear", or "wrong: <first difference>".

    The file is read by the reader, or (``via_output``) enriched in a dry run whose output's input
    cells are read back: what the person gets."""
    expected = entry["expected"]
    assert isinstance(expected, dict)
    path = DATA / str(entry["file"])
    try:
        # As a run reads a file: read through once first (prescan), then row by row; a workbook's
        # header is the first row with two text cells of which one names a field.
        with open_source(str(path), prescan=True, header_hint=names_a_field) as src:
            header = src.header or src.columns  # the header as the output writes it
            rows = [list(r.cells) + list(r.extra) for r in src.rows]
            first, delimiter = src.columns[0], src.delimiter
    except InputError as exc:
        if expected["kind"] != "refuse":
            return f"wrong: refused: {exc}"
        words = expected.get("clear_if_message_names_any_of") or []
        clear = any(str(w).lower() in str(exc).lower() for w in words) or "--sheet" in str(exc)
        return "refused" if clear else f"unclear: {exc}"
    if expected["kind"] != "read":
        return "wrong: read a file that should be refused"
    got = _norm([header, *rows])
    if via_output:
        got = _norm(_output_cells(path, first, delimiter))
    if entry["kind"] == "csv":
        return _compare(_norm(_csv(DATA / str(expected["csv"]))), [], got)
    shown = _norm(_csv(DATA / str(expected["shown"])))
    raw = _norm(_csv(DATA / str(expected["raw"])))
    # Rows above the header the tool found (a title) are not read: start at the row whose cells are
    # the header's (a date cell is its ISO date, as in any row).
    start = next((i for i, r in enumerate(shown) if _is_header(r, raw[i] if i < len(raw) else [], got[0])), 0)
    return _compare(shown[start:], raw[start:], got)


def _output_cells(path: Path, first: str, delimiter: str | None) -> list[list[str]]:
    """Enrich a file in a dry run (its first column sent as the company's name) and return the
    output's input cells: those before the ls.* columns, and a note's after them."""
    Path("m.toml").write_text(
        f"[company]\nname = {json.dumps(first, ensure_ascii=False)}\n", encoding="utf-8"
    )
    result = invoke("enrich", str(path), "-o", "out.csv", "--dry-run", "--mapping", "m.toml", "-q")
    assert result.exit_code == 0, result.stderr
    with open("out.csv", encoding="utf-8-sig", newline="") as fh:
        out = list(csv.reader(fh, delimiter=delimiter if delimiter in (";", "|") else ","))
    start = next(i for i, h in enumerate(out[0]) if h.startswith("ls."))
    end = next((i for i in range(start, len(out[0])) if not out[0][i].startswith("ls.")), len(out[0]))
    return [row[:start] + row[end:] for row in out]


def _is_header(row: list[str], raw: list[str], header: list[str]) -> bool:
    return all(
        row[j] == header[j] or header[j] in _iso_forms(raw[j] if j < len(raw) else "")
        for j in range(min(len(row), len(header)))
    )


def _compare(shown: list[list[str]], raw: list[list[str]], got: list[list[str]]) -> str:
    for i in range(max(len(shown), len(got))):
        if i >= len(shown) or i >= len(got):
            return f"wrong: {len(got)} rows read, {len(shown)} shown"
        for j in range(max(len(shown[i]), len(got[i]))):
            e = shown[i][j] if j < len(shown[i]) else ""
            g = got[i][j] if j < len(got[i]) else ""
            r = raw[i][j] if i < len(raw) and j < len(raw[i]) else ""
            if not _same(e, g, r, i == 0):
                return f"wrong: row {i + 1} col {j + 1}: shown {e!r}, read {g!r}"
    return "right"


def _unpacked_size(path: Path) -> int:
    """A workbook's size once unzipped (a CSV's on disk): what the reader has to parse."""
    if not zipfile.is_zipfile(path):
        return path.stat().st_size
    with zipfile.ZipFile(path) as zf:
        return sum(info.file_size for info in zf.infolist())


def _cases(entries: list[dict[str, object]]) -> list[object]:
    """One case per file; a file of over a megabyte to parse (cal-issue_174.xlsx: a 1.5 MB sheet of
    empty styled cells around two rows) is read twice per run (prescan, then rows) and takes about
    2 s, so it runs in the full suite, not the quick loop."""
    return [
        pytest.param(
            e,
            id=Path(str(e["file"])).name,
            marks=[pytest.mark.slow] if _unpacked_size(DATA / str(e["file"])) > 1_000_000 else [],
        )
        for e in entries
    ]


@pytest.mark.parametrize("entry", _cases(MANIFEST))
def test_the_corpus_is_read_as_shown_or_refused_clearly(entry: dict[str, object]) -> None:
    name = Path(str(entry["file"])).name
    result = outcome(entry)
    if name in KNOWN:
        assert result != "right", f"{name} is now read right: take it off KNOWN"
        assert not result.startswith("unclear"), result
    else:
        assert result in ("right", "refused"), result


READ = [e for e in MANIFEST if e["expected"]["kind"] == "read" and Path(str(e["file"])).name not in KNOWN]


@pytest.mark.parametrize("entry", _cases(READ))
def test_the_output_carries_the_corpus_as_shown(entry: dict[str, object]) -> None:
    # What the person gets back: the output's input cells, as the file showed them (a workbook's
    # "$ 2,000" and "13%", a CSV's own delimiter), every row, in order.
    assert outcome(entry, via_output=True) == "right"
