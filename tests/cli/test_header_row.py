"""A report whose header sits under blocks of its own: Zoom's attendee report is read from its block of
attendees; another report's way to its header is named, and `mapping init` and `mapping check` take
--header-row as `enrich` does."""

from __future__ import annotations

import csv
from pathlib import Path

from tests.conftest import Sandbox, invoke, read_csv

ZOOM = """Attendee Report
Report Generated:,"Dec 1, 2026 10:00 AM"
Topic,Webinar ID,Actual Start Time,Actual Duration (minutes),# Registered,Unique Viewers
Quarterly Product Update,812 3456 7890,"Nov 30, 2026 09:00 AM",62,120,88
Host Details
Attended,User Name (Original Name),Email,Join Time,Leave Time,Country/Region Name
Yes,Jane Host,host@example.com,"Nov 30, 2026 08:55 AM","Nov 30, 2026 10:02 AM",United States
Attendee Details
Attended,First Name,Last Name,Email,Organization,Job Title,Join Time,Country/Region Name
Yes,Ann,Lee,ann.lee@acme.example,Acme Corp,CTO,"Nov 30, 2026 09:01 AM",United States
Yes,Raj,Pal,raj.pal@globex.example,Globex,VP Sales,"Nov 30, 2026 09:03 AM",India
Other Attended
User Name (Original Name),Join Time,Leave Time,Country/Region Name
guest_1,"Nov 30, 2026 09:20 AM","Nov 30, 2026 09:25 AM",India
"""
# The same report with its leads' block under a title no tool gives it: not guessed.
UNNAMED = ZOOM.split("Other Attended")[0].replace("Attendee Details", "Viewers on the day")


def test_the_error_names_header_row_and_mapping_init_takes_it(tmp_path: Path) -> None:
    path = tmp_path / "report.csv"
    path.write_text(UNNAMED, encoding="utf-8")
    check = invoke("mapping", "check", str(path))
    assert check.exit_code == 2
    assert "pass --header-row N" in check.output
    init = invoke("mapping", "init", str(path), "--header-row", "9")
    assert init.exit_code == 0, init.output
    assert 'first_name = "First Name"' in init.output
    assert 'name = "Organization"' in init.output
    check = invoke("mapping", "check", str(path), "--header-row", "9")
    assert check.exit_code == 0, check.output
    assert "2 rows would be sent" in check.output


def test_zooms_attendee_block_is_found_and_the_other_blocks_are_not_leads(tmp_path: Path) -> None:
    """The header under 'Attendee Details' is found past the host's block; the rows of the block after
    it ('Other Attended', guests without an email) are written back skipped, never sent."""
    path = tmp_path / "zoom.csv"
    path.write_text(ZOOM, encoding="utf-8")
    check = invoke("mapping", "check", str(path))
    assert check.exit_code == 0, check.output
    assert "2 rows would be sent" in check.output
    assert "3 lines would be skipped (no leads)" in " ".join(check.output.split())
    init = invoke("mapping", "init", str(path))
    assert 'first_name = "First Name"' in init.output
    assert "host@example.com" not in init.output


def test_enrich_sends_the_attendees_and_writes_the_other_block_back_skipped(
    use_sandbox: Sandbox, tmp_path: Path
) -> None:
    path = tmp_path / "zoom.csv"
    path.write_text(ZOOM, encoding="utf-8")
    out = tmp_path / "out.csv"
    result = invoke("enrich", str(path), "-o", str(out))
    assert result.exit_code == 0, result.stderr
    assert "its header is line 9, under 'Attendee Details'" in " ".join(result.stderr.split())
    sent = [body["person"]["email"] for body in use_sandbox.stats.received]
    assert sent == ["ann.lee@acme.example", "raj.pal@globex.example"]
    rows = read_csv(out)
    assert [r["ls.result"] for r in rows] == ["ok", "ok", "skipped", "skipped", "skipped"]
    assert "another block of the report ('Other Attended')" in rows[2]["ls.error"]
    assert rows[4]["Attended"] == "guest_1"  # every line of the block is written back


def test_a_later_block_under_the_same_header_is_read_as_leads(tmp_path: Path) -> None:
    """Absentees after attendees, under the attendees' header: their rows are leads too."""
    block = ZOOM.split("Other Attended")[0]
    header = block.splitlines()[8]
    absent = "Absentee Details\n" + header + "\nNo,Lin,Wu,lin.wu@initech.example,Initech,CFO,--,China\n"
    path = tmp_path / "zoom.csv"
    path.write_text(block + absent, encoding="utf-8")
    check = invoke("mapping", "check", str(path))
    assert check.exit_code == 0, check.output
    assert "3 rows would be sent" in check.output
    assert "2 lines would be skipped (no leads)" in " ".join(check.output.split())


def test_review_the_other_blocks_rows_do_not_judge_the_leads_columns(tmp_path: Path) -> None:
    """Four guests without an email below the attendees: Email is still sent (the review's t9); a
    lead's row of one cell ("Yes") is no block's title (t5); without the report's date line, the
    host's header is not taken for the file's (t6)."""
    guests = "".join(f'guest_{i},"Nov 30, 2026 09:2{i} AM","Nov 30, 2026 09:30 AM",India\n' for i in range(4))
    path = tmp_path / "zoom.csv"
    path.write_text(ZOOM.split("guest_1")[0] + guests, encoding="utf-8")
    check = invoke("mapping", "check", str(path))
    assert check.exit_code == 0, check.output
    assert "2 rows would be sent" in check.output
    assert 'email = "Email"' in invoke("mapping", "init", str(path)).output
    lone = ZOOM.replace("Yes,Raj,", "Yes,,,,,,,\nYes,Raj,")
    path.write_text(lone, encoding="utf-8")
    assert "2 rows would be sent; 1 lack" in invoke("mapping", "check", str(path)).output
    undated = "\n".join(line for line in ZOOM.splitlines() if not line.startswith("Report Generated")) + "\n"
    path.write_text(undated, encoding="utf-8")
    check = invoke("mapping", "check", str(path))
    assert check.exit_code == 0, check.output
    assert "2 rows would be sent" in check.output


def test_review_a_wider_block_below_is_written_back_whole(use_sandbox: Sandbox, tmp_path: Path) -> None:
    wide = (
        ZOOM.split("Other Attended")[0] + "Panelist Details\nA,B,C,D,E,F,G,H,I,J,K\n1,2,3,4,5,6,7,8,9,10,11\n"
    )
    path = tmp_path / "zoom.csv"
    path.write_text(wide, encoding="utf-8")
    out = tmp_path / "out.csv"
    assert invoke("enrich", str(path), "-o", str(out)).exit_code == 0
    with open(out, newline="", encoding="utf-8-sig") as fh:
        last = list(csv.reader(fh))[-1]
    assert last[:2] == ["1", "2"]
    assert last[-3:] == ["9", "10", "11"]  # the cells past the header's width, after the ls.* columns
