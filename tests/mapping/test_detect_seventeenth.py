"""Detection, seventeenth round: an email told by its values, a directory's pages, names and prefixes
of real files with rows (each rule's test fails on 702738d, the code before it; the guards hold on both)."""

from __future__ import annotations

from pathlib import Path

from leadspace_cli.mapping.detect import detect
from leadspace_cli.mapping.prefixes import file_prefix
from tests.mapping.test_detect_eleventh import judged

# A trade show's exhibitors: the organisation, its contact person and their job, and an email column
# under no email's name.
EXHIBITORS = [
    "Letter",
    "Name of the Organization",
    "Address",
    "Contact Person",
    "Designation",
    "Contact Details",
]
EXHIBITOR_ROWS = [
    [
        "A",
        "A.K. Gourmet House Private Limited",
        "149, Kilokari",
        "Mr. Arjun Thakur",
        "Director",
        "arjun@ohnuts.in",
    ],
    ["A", "A3NDG Technologys LLP", "Shop no 1, Sec 25", "Mr. Dev Agrawal", "Founder", "bawadev@gmail.com"],
    [
        "A",
        "Aabhar Ventures Private Limited",
        "Plot No. 76-77",
        "Mr. Avinish Jain",
        "CEO",
        "avinish@evora.com",
    ],
]


def test_a_column_of_email_addresses_under_another_name_is_the_persons(tmp_path: Path) -> None:
    mapping = judged(tmp_path / "exhibitors.csv", EXHIBITORS, EXHIBITOR_ROWS)
    assert mapping.fields.get("person.email") == "Contact Details"
    assert any("'Contact Details' holds email addresses" in note for note in mapping.notes)
    assert "person.email" not in detect(EXHIBITORS).fields  # the header alone does not say so


def test_a_column_of_addresses_is_not_sent_when_they_may_be_someone_elses(tmp_path: Path) -> None:
    # An owner's column, whatever its values.
    owner = [*EXHIBITORS[:-1], "Account Manager"]
    assert "person.email" not in judged(tmp_path / "owner.csv", owner, EXHIBITOR_ROWS).fields
    # One firm's addresses for the rows of many companies: the sender's own people.
    reps = [[*row[:-1], f"rep{i}.name@oursales.com"] for i, row in enumerate(EXHIBITOR_ROWS)]
    assert "person.email" not in judged(tmp_path / "reps.csv", EXHIBITORS, reps).fields
    # Two columns of addresses: the values cannot say which is the person's.
    two = [*EXHIBITORS, "More Details"]
    rows = [[*row, f"x{i}@example{i}.org"] for i, row in enumerate(EXHIBITOR_ROWS)]
    assert "person.email" not in judged(tmp_path / "two.csv", two, rows).fields
    # A file of companies that names no person: their mailboxes are not sent.
    firms = ["Name of the Organization", "Address", "Contact Details"]
    mailboxes = ["info@a.in", "office@b.in", "sales@c.in"]
    boxes = [[row[1], row[2], box] for row, box in zip(EXHIBITOR_ROWS, mailboxes, strict=True)]
    assert "person.email" not in judged(tmp_path / "boxes.csv", firms, boxes).fields
    # Links with an @ in their path (a speaker's photo) are no addresses.
    photos = [
        [*row[:-1], f"http://cdn.example.com/assets/_@user_{i}.jpg"] for i, row in enumerate(EXHIBITOR_ROWS)
    ]
    assert "person.email" not in judged(tmp_path / "photos.csv", EXHIBITORS, photos).fields
    # Prose that mentions an address is no column of addresses.
    prose = [[*row[:-1], f"Write to {row[-1]} for details"] for row in EXHIBITOR_ROWS]
    assert "person.email" not in judged(tmp_path / "prose.csv", EXHIBITORS, prose).fields


def test_a_contact_persons_column_keeps_the_businesses_email_and_phone(tmp_path: Path) -> None:
    # A Swiss trade directory: the business's name, its contact person ("Ansprechperson"), their email.
    header = ["name", "branche", "adresse", "id", "ansprechperson", "email", "telefon"]
    rows = [
        [
            "Göldlin Apotheke",
            "Apotheke",
            "Rathausgasse 29",
            "3313",
            "Dr. C. Göldlin",
            "apogo@bluewin.ch",
            "062 822 10",
        ],
        [
            "Architekten-Gruppe AG",
            "Architektur",
            "Stritengässli 24",
            "3315",
            " ",
            "info@arch.ch",
            "062 823 05",
        ],
        [
            "Fritz Glaus & Co. AG",
            "Automobile",
            "Postfach 2836",
            "3316",
            "H.-P. Glaus",
            "h.p.glaus@glaus.ch",
            "062 858 68",
        ],
    ]
    fields = judged(tmp_path / "gewerbe.csv", header, rows).fields
    assert (fields.get("company.name"), fields.get("person.email"), fields.get("person.person_phone")) == (
        "name",
        "email",
        "telefon",
    )
    # Without the contact person the same columns are the businesses' own: not sent.
    without = [h for h in header if h != "ansprechperson"]
    fields = judged(tmp_path / "plain.csv", without, [r[:4] + r[5:] for r in rows]).fields
    assert "person.person_phone" not in fields


def test_links_that_all_point_at_one_site_are_not_the_companies_sites(tmp_path: Path) -> None:
    # A register's pages of each lobbying firm, beside its legal and trading names.
    header = ["id", "url", "business_entity_name", "trading_name", "abn"]
    rows = [
        [
            str(i),
            f"https://lobbyists.pmc.gov.au/register/view_agency.cfm?id={i}",
            name,
            name.upper(),
            "7296331642",
        ]
        for i, name in ((271, "A D Evers-Buckland"), (605, "ABAKUS Pty Limited"), (3886, "Advanced Outcomes"))
    ]
    mapping = judged(tmp_path / "register.csv", header, rows)
    assert "company.website" not in mapping.fields
    assert any("pages of one site (lobbyists.pmc.gov.au)" in note for note in mapping.notes)
    assert mapping.fields.get("company.name") == "business_entity_name"
    assert detect(["id", "trading_name", "abn"]).fields.get("company.name") == "trading_name"
    # An account's own URL column holding many companies' sites is their website.
    accounts = judged(
        tmp_path / "accounts.csv",
        ["index", "account_url", "account"],
        [
            ["1", "https://www.access-company.com", "ACCESS Europe GmbH"],
            ["2", "www.sotera.com", "Sotera"],
            ["3", "www.pyctor.com", "Pyctor"],
        ],
    )
    assert accounts.fields.get("company.website") == "account_url"


def test_names_ids_and_prefixes_of_real_files() -> None:
    # A skip-trace's first of numbered addresses; French "Adresse mail".
    assert detect(["first_name", "last_name", "email_address_1", "email_address_2"]).fields.get(
        "person.email"
    ) == ("email_address_1")
    assert detect(["Nom", "Prénom", "Adresse mail", "Telephone"]).fields.get("person.email") == "Adresse mail"
    # A directory scrape whose every column shares its subject: read without it.
    assert (
        file_prefix(["faculty_name", "faculty_url", "faculty_email", "faculty_phone"])["faculty_email"]
        == "email"
    )
    assert (
        file_prefix(["Dealer Name", "Dealer Address", "Dealer City", "Dealer Phone"]) == {}
    )  # read as it stands
    # A company's columns abbreviated beside its contact's.
    aviation = ["COMPANYNAME", "COMPADDRESS1", "COMPCITY", "COMPSTATE", "COMPZIPCODE", "COMPCOUNTRY"]
    aviation += ["COMPWEBADDRESS", "CONTACTFIRSTNAME", "CONTACTLASTNAME", "CONTACTTITLE", "CONTACTEMAIL"]
    fields = detect(aviation).fields
    assert (
        fields.get("company.website"),
        fields.get("company.address.city"),
        fields.get("company.address.country"),
    ) == (
        "COMPWEBADDRESS",
        "COMPCITY",
        "COMPCOUNTRY",
    )
    # An organisation's site under its scraper's name; a city's businesses' own id.
    assert detect(["organization_name", "organization_site", "link"]).fields.get("company.website") == (
        "organization_site"
    )
    louisville = ["business_id", "name", "address", "city", "state", "postal_code", "phone_number"]
    assert detect(louisville).fields.get("external_id") == "business_id"
    # A client's salon or an artist's studio is no employer: such kind names are not read as the company.
    assert "company.name" not in detect(["Client", "Salon Name", "Email", "Phone"]).fields


def test_a_position_says_the_rows_are_people_beside_their_companys_columns() -> None:
    # A conference's speakers: a full name, a position, their company and its type, size and country.
    header = ["name", "position", "company", "description", "session_title", "date", "location"]
    header += ["company_type", "company_size", "company_hq_address", "company_hq_country"]
    fields = detect(header).fields
    assert (fields.get("person.title"), fields.get("company.name")) == ("position", "company")


def test_an_account_email_beside_a_contact_person_is_sent_when_it_holds_peoples_addresses(
    tmp_path: Path,
) -> None:
    # A German invoicing tool's customers: the firm, its contact person, an Email left out by the
    # header alone (an account's may be its mailbox).
    header = ["Kundennummer", "Firmenname", "Ansprechpartner", "Straße", "PLZ", "Ort", "Email"]
    people = [
        [
            "K001",
            "ABC Consulting GmbH",
            "Anna Schmidt",
            "Berliner Straße 4",
            "10115",
            "Berlin",
            "anna.schmidt@abc.de",
        ],
        [
            "K002",
            "Müller Design",
            "Maria Müller",
            "Hauptstraße 78",
            "80331",
            "München",
            "maria.mueller@design.de",
        ],
        [
            "K003",
            "Birkholz IT",
            "Robin Birkholz",
            "Metzerstraße 24",
            "58332",
            "Schwelm",
            "robin.birkholz@bit.de",
        ],
    ]
    assert "person.email" not in detect(header).fields
    assert judged(tmp_path / "people.csv", header, people).fields.get("person.email") == "Email"
    boxes = [[*row[:-1], f"info@{row[-1].split('@')[1]}"] for row in people]
    assert "person.email" not in judged(tmp_path / "boxes.csv", header, boxes).fields
    alone = [c for c in header if c != "Ansprechpartner"]
    rows = [[v for c, v in zip(header, row, strict=True) if c != "Ansprechpartner"] for row in people]
    assert "person.email" not in judged(tmp_path / "alone.csv", alone, rows).fields


def test_a_job_column_says_the_rows_are_people_in_any_language() -> None:
    # A Spanish lead list: a whole name, the employer, the job ("cargo"), the company's sector and
    # headcount. Not a file of accounts: the email, phone and job are the lead's.
    fields = detect(["nombre", "email", "telefono", "empresa", "cargo", "sector", "empleados"]).fields
    assert (fields.get("person.email"), fields.get("person.title"), fields.get("company.name")) == (
        "email",
        "cargo",
        "empresa",
    )
    assert fields.get("person.person_phone") == "telefono"


def test_local_names_of_real_files() -> None:
    norwegian = detect(["kundenummer", "fname", "ename", "epost", "tlf", "postnummer"]).fields
    assert (norwegian.get("person.person_phone"), norwegian.get("external_id")) == ("tlf", "kundenummer")
    assert detect(["Ad", "Soyad", "Mail", "Tel No"]).fields.get("person.person_phone") == "Tel No"
    assert detect(["Kundnummer", "Förnamn", "Efternamn"]).fields.get("external_id") == "Kundnummer"
    korean = detect(["거래처코드", "거래처명", "대표자명", "전화", "모바일"]).fields
    assert (korean.get("external_id"), korean.get("company.name")) == ("거래처코드", "거래처명")
    # A Japanese SFA's required-field mark.
    assert detect(["取引先名(必須)", "電話番号", "住所"]).fields.get("company.name") == "取引先名(必須)"
    assert detect(["Nombre del Negocio", "Ciudad", "Teléfono"]).fields.get("company.name") == (
        "Nombre del Negocio"
    )


def test_a_trades_plural_marks_an_organisation(tmp_path: Path) -> None:
    # An agricultural dealers' list: "Shree Fertilizers", "Mahalakshmi Agro" are businesses.
    header = ["name", "district", "pincode", "phone"]
    names = ["Green Agro Center", "Kisan Seeds Store", "Shree Fertilizers", "Agro Plus", "Mahalakshmi Agro"]
    rows = [[n, "Nashik", "422101", f"98765000{i:02d}"] for i, n in enumerate(names)]
    fields = judged(tmp_path / "dealers.csv", header, rows).fields
    assert fields.get("company.name") == "name"
    assert "person.person_phone" not in fields  # the dealers' own lines


def test_abbreviated_names_a_consumers_bill_to_city_and_a_home_email_alone() -> None:
    # An order export's "fn", "ln" side by side: a given and a family name (alone, no one's).
    order = detect(["fn", "ln", "company", "address", "city", "postcode", "country", "email", "phone"]).fields
    assert (order.get("person.first_name"), order.get("person.last_name"), order.get("person.email")) == (
        "fn",
        "ln",
        "email",
    )
    assert "person.first_name" not in detect(["fn", "company", "email"]).fields
    # A consumer's bill-to city ("BillCity") is no company's, as "Billing City" is not.
    consumer = detect(["First Name", "Last Name", "Email", "BillCity", "BillState", "BillZip"]).fields
    assert "company.address.city" not in consumer
    # A donor's home email is theirs when nothing else names one; a work email comes first.
    assert (
        detect(["FirstName", "LastName", "HomePhone", "HomeEmail"]).fields.get("person.email") == "HomeEmail"
    )
    assert (
        detect(["FirstName", "LastName", "HomeEmail", "WorkEmail"]).fields.get("person.email") == "WorkEmail"
    )


def test_a_registers_number_is_the_rows_id_in_a_file_of_companies() -> None:
    # Brazil's company register: the CNPJ is each company's own number; Spain's CIF the same.
    cnpj = detect(["nome", "cnpj", "abertura", "situacao", "natureza_juridica", "municipio", "uf"]).fields
    assert (cnpj.get("external_id"), cnpj.get("company.name")) == ("cnpj", "nome")
    # A CIF is also a price (cost, insurance, freight, beside FOB): never the row's id.
    assert "external_id" not in detect(["Company", "Country", "Product", "FOB", "CIF", "Email"]).fields
    # The record's own identifier comes first; beside a person's names a CNPJ is their employer's.
    own = detect(["Identificador", "Empresa", "CNPJ", "Responsável", "Telefone"]).fields
    assert own.get("external_id") == "Identificador"
    assert "external_id" not in detect(["Nome", "Sobrenome", "Email", "Empresa", "CNPJ"]).fields
    # A grantee is as often a person as a body: not read as the company by its header.
    assert detect(["Grantee", "Institution", "Email", "Award"]).fields.get("company.name") == "Institution"


ODOO = ["email", "phone", "country_id", "name"]


def test_an_address_book_of_firms_and_people_keeps_their_email_and_phone(tmp_path: Path) -> None:
    # Odoo's contacts: firms and people in one "name" column; the people's mailboxes carry their names.
    mixed = [
        ["cruiz.dev@ejemplo.com", "+34 699 111 222", "España", "Carlos Ruiz"],
        ["ventas@delsur.es", "+34 677 888 999", "España", "Distribuciones del Sur"],
        ["etorres.design@ejemplo.com", "+34 633 222 111", "España", "Elena Torres"],
        ["info@techsolutions.es", "+34 611 222 333", "España", "Tech Solutions Ibérica S.L."],
        ["contacto@norte.es", "+34 622 333 444", "España", "Grupo Norte"],
    ]
    mapping = judged(tmp_path / "mixed.csv", ODOO, mixed)
    assert (mapping.fields.get("person.email"), mapping.fields.get("person.person_phone")) == (
        "email",
        "phone",
    )
    assert any("'Distribuciones del Sur'" in n and "one of companies" in n for n in mapping.notes)  # a firm
    assert any(
        "Some of its rows are people's ('Carlos Ruiz', 'cruiz.dev@ejemplo.com')" in n for n in mapping.notes
    )
    # Firms only, their mailboxes named for a city ("nantes@zenika.com", "recrutement.nantes@"): no one's.
    firms = [
        ["nantes@zenika.com", "+33 2 40 00 00 01", "France", "Zenika Nantes"],
        ["recrutement.nantes@soprasteria.com", "+33 2 40 00 00 02", "France", "Sopra Steria Nantes"],
        ["careers.nantes@devoteam.com", "+33 2 40 00 00 03", "France", "Devoteam Nantes"],
        ["recrutement.ouest@groupe-atl.fr", "+33 2 40 00 00 04", "France", "Atelier Ouest"],
    ]
    fields = judged(tmp_path / "firms.csv", ODOO, firms).fields
    assert (fields.get("company.name"), fields.get("person.person_phone")) == ("name", None)


def test_a_phone_that_several_people_share_is_the_companys_switchboard(tmp_path: Path) -> None:
    # A consultancy's contact list: every employee's "Telefoonnummer" is the office's number.
    header = ["Voornaam", "Achternaam", "Telefoonnummer", "Mobiel nummer", "Email adres", "Bedrijfsnaam"]
    staff = [
        ["Bert", "Dikmans", "+31 348 501462", "+31 6 53241099", "bert.dikmans@t-mc.nl", "T-MC"],
        ["Jaap", "Glasbergen", "+31 348 501462", "+31 6 22397311", "jaap.glasbergen@t-mc.nl", "T-MC"],
        ["Jos", "Heiden", "+31 348 501462", "", "jos.heiden@t-mc.nl", "T-MC"],
    ]
    mapping = judged(tmp_path / "staff.csv", header, staff)
    assert mapping.fields.get("person.person_phone") == "Mobiel nummer"
    assert any(
        "'Telefoonnummer' holds numbers people of different families share" in n for n in mapping.notes
    )
    assert not any("look like person.person_phone" in n for n in mapping.notes)  # no stale choice
    # Without another phone column, none is sent.
    alone = [[*r[:3], r[4], r[5]] for r in staff]
    without = judged(tmp_path / "alone.csv", [*header[:3], *header[4:]], alone)
    assert "person.person_phone" not in without.fields
    # Each person's own number, or one person's rows repeated with theirs, stays.
    own = [[*r[:2], f"+31 6 1234567{i}", "", *r[4:]] for i, r in enumerate(staff)]
    assert judged(tmp_path / "own.csv", header, own).fields.get("person.person_phone") == "Telefoonnummer"
    twice = [staff[0], staff[0], staff[0]]
    assert judged(tmp_path / "twice.csv", header, twice).fields.get("person.person_phone") == "Telefoonnummer"


def test_a_user_pools_website_is_the_users_own_and_south_slavic_names() -> None:
    # Amazon Cognito's user import file: OpenID Connect's claims, a user's own "website".
    cognito = "name,given_name,family_name,middle_name,nickname,preferred_username,profile,picture,website,"
    cognito += "email,email_verified,gender,birthdate,zoneinfo,locale,phone_number,phone_number_verified,"
    cognito += "address,updated_at,cognito:mfa_enabled,cognito:username"
    fields = detect(cognito.split(",")).fields
    assert "company.website" not in fields
    assert (fields.get("person.first_name"), fields.get("person.email")) == ("given_name", "email")
    # QuickBooks' customers have given and family names too: their website stays the company's.
    quickbooks = [
        "id",
        "given_name",
        "family_name",
        "middle_name",
        "company_name",
        "website",
        "primary_email",
    ]
    assert detect(quickbooks).fields.get("company.website") == "website"
    # A Slovenian address book, a Croatian customer list.
    slovenian = detect(["Ime", "Priimek", "ElektronskaPosta", "MobilniTelefon", "Naslov"]).fields
    assert (slovenian.get("person.first_name"), slovenian.get("person.last_name")) == ("Ime", "Priimek")
    assert slovenian.get("person.email") == "ElektronskaPosta"
    croatian = detect(["Ime", "Prezime", "Tvrtka", "Radno mjesto", "Grad", "Poštanski broj", "Država"]).fields
    assert (croatian.get("person.last_name"), croatian.get("company.name"), croatian.get("person.title")) == (
        "Prezime",
        "Tvrtka",
        "Radno mjesto",
    )


def test_the_value_rules_hold_against_a_reviewers_counter_examples(tmp_path: Path) -> None:
    # A date column "Last Contact" is no contact person: a file of firms' mailboxes stays unsent.
    firms = [
        ["Acme Plumbing Ltd", "info@acmeplumbing.co.uk", "01632 960001", "2024-03-01"],
        ["Baker Electrical Ltd", "office@bakerelectrical.co.uk", "01632 960002", "2024-03-02"],
        ["City Roofing Ltd", "hello@cityroofing.co.uk", "01632 960003", "2024-03-03"],
    ]
    fields = judged(tmp_path / "firms.csv", ["Name", "Email", "Phone", "Last Contact"], firms).fields
    assert (fields.get("company.name"), fields.get("person.email"), fields.get("person.person_phone")) == (
        "Name",
        None,
        None,
    )
    # Sole traders on free mail ("Bella Hair & Beauty", bellahair@gmail.com) are firms, not people.
    traders = [
        ["Bella Hair & Beauty", "bellahair@gmail.com", "07700 900001", "Leeds"],
        ["Smith Plumbing & Heating", "smithplumbing@gmail.com", "07700 900002", "Leeds"],
        ["Northern Roofing Ltd", "info@northernroofing.co.uk", "07700 900003", "York"],
        ["Greenway Landscapes Ltd", "office@greenway.co.uk", "07700 900004", "York"],
        ["Premier Cleaning Services Ltd", "hello@premierclean.co.uk", "07700 900005", "Hull"],
    ]
    fields = judged(tmp_path / "traders.csv", ["Name", "Email", "Phone", "City"], traders).fields
    assert (fields.get("person.email"), fields.get("person.person_phone")) == (None, None)
    # An advisor's, a supervisor's addresses under their own header: other people's, never sent.
    students = [
        ["Ana", "Ruiz", "MIT", "prof.adams@mit.edu"],
        ["Ben", "Lee", "Yale", "prof.baker@yale.edu"],
        ["Cy", "Fox", "MIT", "prof.adams@mit.edu"],
        ["Di", "Orr", "Yale", "prof.cole@yale.edu"],
    ]
    header = ["First Name", "Last Name", "School", "Advisor"]
    assert "person.email" not in judged(tmp_path / "advisors.csv", header, students).fields
    # A column of one address for every row is no one's own.
    same = [[*r[:3], "events@ourco.com"] for r in students]
    details = ["First Name", "Last Name", "School", "Contact Details"]
    assert "person.email" not in judged(tmp_path / "same.csv", details, same).fields
    # Under another name, the rows' own mailboxes are sent ("ana.ruiz@" on Ana Ruiz's row).
    own = [[*r[:3], f"{r[0].lower()}.{r[1].lower()}@uni{i}.edu"] for i, r in enumerate(students)]
    assert judged(tmp_path / "own.csv", [*header[:3], "Student Inbox"], own).fields.get("person.email") == (
        "Student Inbox"
    )


def test_a_shared_phone_is_an_offices_only_across_families(tmp_path: Path) -> None:
    header = ["First Name", "Last Name", "Email", "Home Phone", "Mobile"]
    # Couples share a home line: it stays each one's phone.
    donors = [
        ["John", "Smith", "john@smith.example", "(512) 555-0101", ""],
        ["Mary", "Smith", "mary@smith.example", "(512) 555-0101", ""],
        ["Raj", "Patel", "raj@patel.example", "(512) 555-0177", ""],
        ["Priya", "Patel", "priya@patel.example", "(512) 555-0177", ""],
        ["Ann", "Lee", "ann@lee.example", "(512) 555-0199", ""],
    ]
    fields = judged(tmp_path / "donors.csv", header, donors).fields
    assert fields.get("person.person_phone") == "Home Phone"
    # An office's number on every one's row, and their mobiles shared as well: no phone is sent.
    office = [
        ["Bert", "Dikmans", "bert@t-mc.nl", "+31 348 501462", "+31 6 0000001"],
        ["Jaap", "Glasbergen", "jaap@t-mc.nl", "+31 348 501462", "+31 6 0000001"],
        ["Jos", "Heiden", "jos@t-mc.nl", "+31 348 501462", "+31 6 0000001"],
    ]
    mapping = judged(tmp_path / "office.csv", header, office)
    assert "person.person_phone" not in mapping.fields
    assert (
        sum("person.person_phone" in n or "share" in n for n in mapping.notes) == 1
    )  # one note, no stale one


def test_a_websites_one_host_and_a_profile_column(tmp_path: Path) -> None:
    # One account's contacts share its site: it stays the company's website.
    header = ["First Name", "Last Name", "Email", "Company", "Company URL"]
    acme = [
        ["Ann", "Lee", "ann@acme.com", "Acme", "https://www.acme.com"],
        ["Bob", "Ray", "bob@acme.com", "Acme", "https://acme.com"],
        ["Cy", "Fox", "cy@acme.com", "Acme", "acme.com"],
    ]
    assert judged(tmp_path / "acme.csv", header, acme).fields.get("company.website") == "Company URL"
    # A company scrape's "Profile" and "Picture" are no user directory's claims.
    scrape = ["Company Name", "Website", "Profile", "Picture", "Industry", "Employees"]
    assert detect(scrape).fields.get("company.website") == "Website"
    # A graduation year is no city; a company ranking's position is no job.
    assert (
        "company.address.city" not in detect(["First Name", "Last Name", "Email", "Grad", "Company"]).fields
    )
    ranking = [["1", "Walmart Inc.", "USA", "611289"], ["2", "Amazon.com Inc.", "USA", "513983"]]
    ranking += [["3", "Exxon Mobil Corp.", "USA", "413680"]]
    fields = judged(tmp_path / "rank.csv", ["Position", "Name", "Country", "Revenue"], ranking).fields
    assert "person.title" not in fields
