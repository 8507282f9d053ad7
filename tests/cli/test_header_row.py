"""A report whose header sits under blocks of its own (Zoom's attendee report): the way to it is named,
and `mapping init` and `mapping check` take --header-row as `enrich` does."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import invoke

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
"""


def test_the_error_names_header_row_and_mapping_init_takes_it(tmp_path: Path) -> None:
    path = tmp_path / "zoom.csv"
    path.write_text(ZOOM, encoding="utf-8")
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
