"""A bare "Name" column whose first rows' values are organisations: the file is one of companies."""

from __future__ import annotations

from pathlib import Path

from leadspace_cli.formats.sources import open_source
from leadspace_cli.mapping.judge import detect_source
from leadspace_cli.mapping.organisations import _named_by, _organisation
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
    # Their mailboxes (info@, ventas@) and their phones are the businesses', no person's.
    assert "person.email" not in mapping.fields
    assert any("holds the businesses' mailboxes" in note for note in mapping.notes)


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
    for name in ("Acme L.P.", "Renault S.A.", "Volvo AB", "Siemens Aktiengesellschaft", "Mayo Clinic"):
        assert _organisation(name), name
    people = ("Ana Souza", "Co Nguyen", "Joao Sa", "Nguyen Van Co", "Charlotte Church", "Melissa Bank")
    for name in (*people, "Dr. Jane Smith, Medical Director", "Mary Major - Dental Hygienist"):
        assert not _organisation(name), name


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
    # A deal's buying roles and a contact's type are no jobs either.
    buying = ["Economic Buyer", "Technical Buyer", "Executive Sponsor", "Decision Maker"]
    deals = [[*r[:4], role, r[5]] for r, role in zip(rows, buying, strict=True)]
    assert "person.title" not in _detected(write_csv(tmp_path / "deals.csv", header, deals)).fields
    types = [[*r[:4], "Lead", r[5]] for r in rows]
    assert "person.title" not in _detected(write_csv(tmp_path / "types.csv", header, types)).fields


def test_names_whose_mailboxes_or_domains_name_them_are_organisations(tmp_path: Path) -> None:
    # An address list of Austrian organisations: few legal forms, but a company's mailbox or a domain
    # that is the name.
    header = ["Name", "Branche", "Adresse", "PLZ", "Stadt", "Land", "E-Mail", "Tel"]
    rows = [
        [
            "AKV Europa",
            "Auskunfteien",
            "Schleifmühlgasse 2",
            "1040",
            "Wien",
            "Österreich",
            "office@akveuropa.at",
            "1",
        ],
        [
            "KSV1870 Information",
            "Auskunfteien",
            "Wagenseilgasse 7",
            "1120",
            "Wien",
            "Österreich",
            "ksv@ksv.at",
            "2",
        ],
        [
            "Creditreform",
            "Auskunfteien",
            "Muthgasse 36",
            "1190",
            "Wien",
            "Österreich",
            "info@creditreform.at",
            "3",
        ],
    ]
    fields = _detected(write_csv(tmp_path / "firmen.csv", header, rows)).fields
    assert (fields.get("company.name"), fields.get("company.address.city")) == ("Name", "Stadt")
    assert fields.get("company.address.country") == "Land"
    # People whose own addresses carry their names are no organisations.
    people = [
        ["Anna Huber", "Vertrieb", "Hauptstraße 1", "1010", "Wien", "Österreich", "anna.huber@gmx.at", "1"],
        ["Josef Gruber", "Einkauf", "Ringstraße 5", "8010", "Graz", "Österreich", "j.gruber@aon.at", "2"],
        ["Maria Berger", "Technik", "Domgasse 3", "5020", "Salzburg", "Österreich", "maria@berger.at", "3"],
    ]
    assert "company.name" not in _detected(write_csv(tmp_path / "people.csv", header, people)).fields
    assert not _named_by("Maria Berger", "maria@berger.at")
    assert _named_by("KSV1870 Information GmbH", "ksv@ksv.at")
    assert _named_by("Blue Sky Media", "https://www.blueskymedia.co.uk/about")


def test_a_prefixed_file_of_companies_keeps_its_prefixed_fields(tmp_path: Path) -> None:
    header = ["name", "property_city", "property_state", "property_zip", "property_phone", "property_email"]
    rows = [
        ["Acme Inc", "Boise", "ID", "83702", "208 555 0100", "info@acme.com"],
        ["Globex Ltd", "Leeds", "", "LS1 1AA", "0113 496 0000", "sales@globex.co.uk"],
        ["Initech LLC", "Austin", "TX", "78701", "512 555 0199", "hello@initech.com"],
    ]
    fields = _detected(write_csv(tmp_path / "accounts.csv", header, rows)).fields
    assert (fields.get("company.name"), fields.get("company.address.city")) == ("name", "property_city")
    assert fields.get("company.address.postalcode") == "property_zip"


def test_a_file_of_companies_keeps_a_named_persons_email_and_drops_its_switchboard(tmp_path: Path) -> None:
    header = ["name", "webseite", "email", "telefonnummer"]
    rows = [
        [
            "Pluskota & Spinnraths GbR",
            "http://www.digi-activ.de",
            "anna.pluskota@digi-activ.de",
            "0241 56000303",
        ],
        [
            "Bertram Daten GmbH",
            "http://www.notebookkontor.de",
            "jan.bertram@notebookkontor.de",
            "0241 40044-0",
        ],
        ["Gagacomputer Tinte & Toner", "http://gagacomputer.de", "ute.gaga@gagacomputer.de", "02408 59213"],
    ]
    fields = _detected(write_csv(tmp_path / "shops.csv", header, rows)).fields
    assert (fields.get("company.name"), fields.get("person.email")) == ("name", "email")
    assert "person.person_phone" not in fields


def test_a_bare_name_beside_a_persons_job_is_the_persons_whole_name(tmp_path: Path) -> None:
    header = ["name", "role", "org", "type", "company_url"]
    rows = [
        ["Sarah Chen", "Managing Director", "Sovereign Wealth Fund", "Investor", "https://swf.example"],
        ["Marcus Weber", "CEO & Founder", "TokenizeNow", "Founder", "https://tokenizenow.example"],
        ["Elena Rossi", "Head of Digital Assets", "European Bank", "Operator", "https://eurobank.example"],
    ]
    mapping = _detected(write_csv(tmp_path / "attendees.csv", header, rows))
    assert mapping.fields.get("person.title") == "role"
    assert mapping.fields.get("company.name") != "name"


def test_names_their_own_sites_begin_are_organisations(tmp_path: Path) -> None:
    # A trade show's exhibitors: a name and a bare "url" the values say is the exhibitor's own site.
    rows = [
        ["1956 Individuals", "https://www.1956individuals.ai"],
        ["365 Retail", "https://www.365retail.co.uk"],
        ["3D Cloud", "https://3dcloud.com/"],
    ]
    fields = _detected(write_csv(tmp_path / "exhibitors.csv", ["name", "url"], rows)).fields
    assert (fields.get("company.name"), fields.get("company.website")) == ("name", "url")
