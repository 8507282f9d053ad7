"""A bare "Name" column whose first rows' values are organisations: the file is one of companies."""

from __future__ import annotations

from pathlib import Path

from leadspace_cli.formats.sources import open_source
from leadspace_cli.mapping.judge import detect_source
from leadspace_cli.mapping.organisations import _organisation
from leadspace_cli.mapping.spec import Mapping
from tests.conftest import write_csv


def _detected(path: Path) -> Mapping:
    with open_source(str(path), prescan=True) as source:
        return detect_source(source)


def test_a_directorys_names_of_companies_make_a_file_of_companies(tmp_path: Path) -> None:
    # Europages' wine producers: a name, a country and the inbox the scraper found.
    rows = [
        ["Domaine Dupont SARL", "France", "info@domaine-dupont.fr"],
        ["Bodegas Ruiz S.L.", "Spain", "ventas@bodegasruiz.es"],
        ["Weingut Müller GmbH", "Germany", "kontakt@weingut-mueller.de"],
        ["Cantina Rossi", "Italy", "info@cantinarossi.it"],
    ]
    mapping = _detected(write_csv(tmp_path / "wines.csv", ["Name", "Country", "Email"], rows))
    assert mapping.fields.get("company.name") == "Name"
    assert mapping.fields.get("company.address.country") == "Country"
    assert "person.person_country" not in mapping.fields
    assert any("holds organisations' names" in note for note in mapping.notes)


def test_a_registers_sites_send_their_address_as_the_companys(tmp_path: Path) -> None:
    header = ["id", "nct_id", "status", "name", "city", "state", "zip", "country"]
    rows = [
        ["1", "NCT01", "Recruiting", "Mayo Clinic", "Rochester", "Minnesota", "55905", "United States"],
        [
            "2",
            "NCT02",
            "Completed",
            "Massachusetts General Hospital",
            "Boston",
            "Massachusetts",
            "02114",
            "US",
        ],
        ["3", "NCT03", "Recruiting", "Charité Universitätsmedizin", "Berlin", "", "10117", "Germany"],
        ["4", "NCT04", "Completed", "Cleveland Clinic", "Cleveland", "Ohio", "44195", "United States"],
    ]
    fields = _detected(write_csv(tmp_path / "facilities.csv", header, rows)).fields
    assert (fields.get("company.name"), fields.get("company.address.city")) == ("name", "city")
    assert (fields.get("company.address.postalcode"), fields.get("company.address.country")) == (
        "zip",
        "country",
    )


def test_a_file_of_people_named_in_full_stays_one_of_people(tmp_path: Path) -> None:
    rows = [
        ["Ana Souza", "ana@acme.com", "Brazil"],
        ["John Smith", "john@example.org", "United States"],
        ["Marie Dubois", "marie@societe.fr", "France"],
        ["Kenji Sato", "kenji@example.jp", "Japan"],
    ]
    fields = _detected(write_csv(tmp_path / "people.csv", ["Name", "Email", "Country"], rows)).fields
    assert "company.name" not in fields
    assert (fields.get("person.email"), fields.get("person.person_country")) == ("Email", "Country")


def test_what_reads_as_an_organisation() -> None:
    for name in ("Acme Inc.", "Müller GmbH", "Tata Consultancy Services Ltd", "Nokia Oyj", "Orkla ASA"):
        assert _organisation(name), name
    for name in ("Ana Souza", "John Smith", "Co Nguyen", "Marie-Anne Dubois", "Bank"):
        assert _organisation(name) == (name == "Bank"), name


def test_a_customers_name_that_is_a_firms_names_the_company(tmp_path: Path) -> None:
    # A print shop's customer locations: the customer is a firm, its location's address the company's.
    header = ["Id", "Contact Name", "Customer Number", "Customer Name", "Location Name", "Address", "City"]
    header += ["Region", "Country", "Zip/Postal"]
    rows = [
        [
            "1",
            "Jo Bloggs",
            "C1",
            "Acme Printing Ltd",
            "Head office",
            "1 High St",
            "Leeds",
            "",
            "UK",
            "LS1 1AA",
        ],
        ["2", "Ann Lee", "C2", "Northwind Traders Inc.", "Depot", "9 Main Rd", "Boise", "ID", "US", "83702"],
        ["3", "Raj Patel", "C3", "Blue Sky Media Group", "Studio", "4 Mill Ln", "Bath", "", "UK", "BA1 1AA"],
    ]
    fields = _detected(write_csv(tmp_path / "locations.csv", header, rows)).fields
    assert (fields.get("company.name"), fields.get("company.address.city")) == ("Customer Name", "City")
    assert fields.get("company.address.postalcode") == "Zip/Postal"
    # The same file of a shop's customers who are people: no company.
    people = [
        [*r[:3], name, *r[4:]] for r, name in zip(rows, ["Jo Bloggs", "Ann Lee", "Raj Patel"], strict=True)
    ]
    assert "company.name" not in _detected(write_csv(tmp_path / "people.csv", header, people)).fields


def test_a_role_that_holds_jobs_is_the_job_title_and_an_apps_user_role_is_not(tmp_path: Path) -> None:
    header = ["Name", "First name", "Last name", "Company", "Role", "Email"]
    rows = [
        ["Ada Lovelace", "Ada", "Lovelace", "Analytical Ltd", "CEO & Co-founder", "ada@analytical.io"],
        ["Grace Hopper", "Grace", "Hopper", "Cobol Inc", "VP Engineering", "grace@cobol.com"],
        ["Alan Turing", "Alan", "Turing", "Enigma GmbH", "Head of Research", "alan@enigma.de"],
        ["Kat Johnson", "Kat", "Johnson", "Orbit LLC", "Program Officer", "kat@orbit.org"],
    ]
    mapping = _detected(write_csv(tmp_path / "contacts.csv", header, rows))
    assert mapping.fields.get("person.title") == "Role"
    assert any("not an app's user roles" in note for note in mapping.notes)
    users = [
        [*r[:4], role, r[5]] for r, role in zip(rows, ["Admin", "Member", "Owner", "Agent"], strict=True)
    ]
    assert "person.title" not in _detected(write_csv(tmp_path / "users.csv", header, users)).fields
