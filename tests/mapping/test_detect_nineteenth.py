"""Detection, nineteenth round: a business's own table and a maps scraper's titles, a procurement
list's suppliers and their contacts, an XML export's paths, schools and their mailboxes, directory
pages in a website column, an attendee's job (each rule's test fails on 1c4c3d9, the code before
it; the guards hold on both)."""

from __future__ import annotations

from pathlib import Path

from leadspace_cli.mapping.detect import detect
from tests.mapping.test_detect_eleventh import judged


def test_a_bare_site_column_of_web_addresses_is_the_website(tmp_path: Path) -> None:
    # A Brazilian supplier scrape: "site" is the supplier's web site.
    header = ["id", "empresa", "telefone", "site", "email"]
    rows = [
        [
            "0",
            "Cerâmica Alfa",
            "+55 (19) 3500-1000",
            "www.ceramica-alfa.example.br",
            "contato@ceramica-alfa.example.br",
        ],
        [
            "1",
            "Decorações Beta",
            "+55 (11) 4600-2000",
            "www.beta-decor.example.br",
            "vendas@beta-decor.example.br",
        ],
        ["2", "Gama Móveis", "+55 (11) 3300-3000", "www.gama.example.br", "comex@gama.example.br"],
    ]
    assert judged(tmp_path / "fornecedores.csv", header, rows).fields.get("company.website") == "site"


def test_guard_a_site_that_is_a_place_is_not_sent(tmp_path: Path) -> None:
    # A lab's staff by site: the site is a building, no web address.
    header = ["First Name", "Last Name", "Email", "Company", "Site"]
    rows = [
        ["Ana", "Lima", "ana.lima@lab.example.com", "Lab Co", "Lyon North"],
        ["Ben", "Ruiz", "ben.ruiz@lab.example.com", "Lab Co", "Lyon South"],
        ["Caro", "Diaz", "caro.diaz@lab.example.com", "Lab Co", "Building 4"],
    ]
    assert "company.website" not in judged(tmp_path / "staff.csv", header, rows).fields


def test_a_bare_link_prefix_is_an_empty_website_cell(tmp_path: Path) -> None:
    # A directory whose web form left "https://" where no site was given: the one real site decides.
    header = ["nombre", "codigo_centro", "direccion", "cp", "municipio", "telefono", "web"]
    rows = [
        [
            "Colegio San José",
            "6000001",
            "Calle Mayor 1",
            "06001",
            "Badajoz",
            "924000001",
            "https://sanjose.example.es",
        ],
        ["Instituto Zurbarán", "6000002", "Plaza Alta 2", "06002", "Badajoz", "924000002", "https://"],
        ["Escuela Santa Ana", "6000003", "Calle Baja 3", "06003", "Mérida", "924000003", "https://"],
    ]
    assert judged(tmp_path / "centros.csv", header, rows).fields.get("company.website") == "web"


def test_an_accounts_contact_persons_email_and_phone_are_theirs() -> None:
    # A vendor master: the vendor's bare "Name", its contact person's name, phone and email.
    header = [
        "Code",
        "Name",
        "Approved",
        "Contact Name",
        "Contact Phone",
        "Contact Email",
        "Website URL",
        "City",
    ]
    fields = detect(header).fields
    assert fields.get("company.name") == "Name"
    assert fields.get("person.email") == "Contact Email"
    assert fields.get("person.person_phone") == "Contact Phone"


def test_guard_an_accounts_own_email_and_phone_stay_out_without_a_contact_person() -> None:
    for header in (
        ["Name", "Industry", "Employees", "Email", "Phone", "Website", "City"],
        ["Account ID", "Name", "Industry", "Contact Phone", "Contact Email", "City"],  # no one named
    ):
        fields = detect(header).fields
        assert fields.get("company.name") == "Name", header
        assert "person.email" not in fields, header
        assert "person.person_phone" not in fields, header


def test_a_suppliers_columns_are_its_contacts_and_its_company() -> None:
    # A supplier master prepared for an enrichment: the supplier firm, its address and its contact.
    header = [
        *("Supplier Company", "Supplier Street", "Supplier City", "Supplier Country"),
        *("Supplier First Name", "Supplier Last Name", "Supplier Email", "Supplier Phone", "Lookup ID"),
    ]
    fields = detect(header).fields
    assert fields.get("company.name") == "Supplier Company"
    assert fields.get("company.address.country") == "Supplier Country"
    assert fields.get("company.address.city") == "Supplier City"
    assert (fields.get("person.first_name"), fields.get("person.last_name")) == (
        "Supplier First Name",
        "Supplier Last Name",
    )
    assert (fields.get("person.email"), fields.get("person.person_phone")) == (
        "Supplier Email",
        "Supplier Phone",
    )


def test_a_bare_name_beside_a_supplier_id_is_the_suppliers(tmp_path: Path) -> None:
    rows = [
        ["Doha Trading & Contracting", "30367"],
        ["4K Building Materials", "11473"],
        ["59 Real Estate", "10230"],
    ]
    fields = judged(tmp_path / "suppliers.csv", ["Name", "Supplier ID"], rows).fields
    assert fields.get("company.name") == "Name"
    assert fields.get("external_id") == "Supplier ID"


def test_a_website_column_of_directory_pages_is_not_sent(tmp_path: Path) -> None:
    header = ["business", "phone", "address", "web"]
    rows = [
        ["Upstate Oysters", "(646) 555-5400", "95 1st Ave", "https://www.yelp.com/biz/upstate-new-york-2"],
        ["Amélie", "(212) 555-2962", "22 W 8th St", "https://www.yelp.com/biz/amelie-new-york"],
        ["LoveMama", "(347) 555-5085", "174 2nd Ave", "https://www.yelp.com/biz/lovemama-new-york"],
    ]
    assert "company.website" not in judged(tmp_path / "yelp.csv", header, rows).fields


def test_a_business_table_s_shared_prefix_is_read_past() -> None:
    header = [
        *("restaurant_title", "restaurant_phoneNumber", "restaurant_address", "restaurant_numReview"),
        *("restaurant_category", "restaurant_web"),
    ]
    fields = detect(header).fields
    assert fields.get("company.name") == "restaurant_title"
    assert fields.get("company.website") == "restaurant_web"
    assert "person.person_phone" not in fields  # the restaurant's own number


def test_guard_a_persons_table_prefix_is_not_a_business() -> None:
    fields = detect(["user_title", "user_name", "user_email"]).fields
    assert "company.name" not in fields


def test_an_xml_exports_path_group_is_read_past() -> None:
    # A Czech accounting system's customers, flattened from XML: the firm under its address group.
    header = ["CISLO", "ICO", "ADRESA/FIRMA", "ADRESA/ULICE", "ADRESA/PSC", "ZEME", "TELEFON", "EMAIL"]
    fields = detect(header).fields
    assert fields.get("company.name") == "ADRESA/FIRMA"
    assert fields.get("company.address.postalcode") == "ADRESA/PSC"


def test_guard_alternatives_with_a_slash_are_not_paths() -> None:
    fields = detect(["First Name", "Last Name", "Email", "Company", "City/State", "Country/Region"]).fields
    assert fields.get("person.person_country") == "Country/Region"  # no street: the person's
    assert "company.address.state" not in fields


def test_a_maps_scrapers_title_beside_a_site_and_an_address_is_the_business() -> None:
    fields = detect(["Title", "Address", "PhoneNumber", "WebsiteURL"]).fields
    assert fields.get("company.name") == "Title"
    assert fields.get("company.website") == "WebsiteURL"


def test_guard_a_title_beside_a_person_or_a_company_is_not_a_business() -> None:
    fields = detect(["Name", "Title", "Address", "Phone", "Website"]).fields
    assert "company.name" not in fields
    assert fields.get("person.title") == "Title"
    fields = detect(["Title", "Company", "Address", "Phone", "Website"]).fields
    assert fields.get("company.name") == "Company"


def test_schools_by_their_kind_and_initials_and_their_own_mailboxes(tmp_path: Path) -> None:
    # A regional directory of education centres: their names, their own mailboxes named after them.
    header = ["nombre", "codigo_centro", "direccion", "cp", "municipio", "telefono", "email"]
    rows = [
        [
            "A.E.P.A. Alburquerque",
            "6007156",
            "Monjas 1",
            "06510",
            "Alburquerque",
            "924000011",
            "aepa.alburquerque@edu.example.es",
        ],
        [
            "C.E.I.P. Santa Marina",
            "6007259",
            "Plaza 3",
            "06370",
            "Burguillos",
            "924000012",
            "ceip.santamarina@edu.example.es",
        ],
        [
            "Colegio Cabeza del Buey",
            "6011020",
            "Maestre 9",
            "06600",
            "Cabeza del Buey",
            "924000013",
            "colegio.cabezadelbuey@edu.example.es",
        ],
    ]
    fields = judged(tmp_path / "centros.csv", header, rows).fields
    assert fields.get("company.name") == "nombre"
    assert "person.email" not in fields
    assert "person.person_phone" not in fields


def test_an_attendees_title_is_their_job() -> None:
    fields = detect(["company", "attendee_name", "attendee_title"]).fields
    assert fields.get("person.title") == "attendee_title"


def test_guard_a_tickets_title_is_no_job() -> None:
    fields = detect(["Ticket Title", "Attendee First Name", "Attendee Last Name", "Attendee Email"]).fields
    assert "person.title" not in fields


def test_an_odoo_tables_user_id_is_its_salesperson() -> None:
    header = [
        "name",
        "email",
        "phone",
        "street",
        "city",
        "zip",
        "user_id",
        "create_uid",
        "write_uid",
        "is_company",
    ]
    fields = detect(header).fields
    assert "external_id" not in fields  # no column of the row's own id
    assert "user_id" not in fields.values()


def test_a_column_of_several_numbers_gives_way_and_the_notes_say_which_is_sent(tmp_path: Path) -> None:
    header = ["First Name", "Last Name", "Company", "Phone", "Mobile"]
    rows = [
        ["Priya", "Suri", "Acme Pvt Ltd", "42235097, 42235088", "9810000001"],
        ["Hari", "Singh", "Beta Services", "65399961, 65399962", "9810000002"],
        ["Ravi", "Kumar", "Gamma Media", "11111111, 22222222", "9810000003"],
    ]
    mapping = judged(tmp_path / "contacts.csv", header, rows)
    assert mapping.fields.get("person.person_phone") == "Mobile"
    assert not [n for n in mapping.notes if "'Phone' is sent" in n], mapping.notes  # the header's choice
    assert [n for n in mapping.notes if "not sent as person.person_phone; 'Mobile' is" in n], mapping.notes


def test_an_account_exports_billing_country_code_is_not_a_persons_country() -> None:
    # Salesforce's Account object: BillingCountry and BillingCountryCode, no person at all.
    header = [
        "Id",
        "Name",
        "BillingStreet",
        "BillingCity",
        "BillingCountry",
        "BillingCountryCode",
        "Phone",
        "Website",
    ]
    header += ["Industry", "NumberOfEmployees", "OwnerId"]
    fields = detect(header).fields
    assert fields.get("company.address.country") == "BillingCountry"
    assert "person.person_country" not in fields


def test_guard_a_shops_billing_country_is_its_customers_own() -> None:
    header = ["Billing First Name", "Billing Last Name", "Billing Email", "Billing Country", "Order Total"]
    assert detect(header).fields.get("person.person_country") == "Billing Country"


def test_bitrix24s_lead_title_is_its_name_and_post_the_job() -> None:
    header = ["ID", "TITLE", "HONORIFIC", "NAME", "SECOND_NAME", "LAST_NAME", "COMPANY_TITLE", "POST"]
    fields = detect([*header, "ASSIGNED_BY_ID", "EMAIL"]).fields
    assert fields.get("person.title") == "POST"
    assert fields.get("company.name") == "COMPANY_TITLE"
    assert (fields.get("person.first_name"), fields.get("person.last_name")) == ("NAME", "LAST_NAME")


def test_a_document_stores_id_is_the_records_own() -> None:
    fields = detect(["_id", "email", "firstName", "lastName", "companyName", "_status"]).fields
    assert fields.get("external_id") == "_id"
    assert "_status" not in fields.values()


def test_a_dynamics_lookup_of_the_account_is_the_companys() -> None:
    header = ["First Name", "Last Name", "Email", "Company Name", "Website (Company Name) (Account)"]
    assert detect(header).fields.get("company.website") == "Website (Company Name) (Account)"


def test_names_of_more_languages_and_tools() -> None:
    # A Dolibarr third party's own code before its SIRET; its country's code after its country.
    fields = detect(["code_tiers", "nom", "siret", "adresse", "ville", "pays", "pays_code", "email"]).fields
    assert fields.get("external_id") == "code_tiers"
    assert fields.get("company.address.country") == "pays"
    # Argentina's AFIP register: a firm's "Denominación"; Italian "Comune"; Dutch customer ids.
    assert detect(["CUIT", "Denominación", "Provincia"]).fields.get("company.name") == "Denominación"
    assert detect(["Ragione sociale", "Indirizzo", "Comune"]).fields.get("company.address.city") == "Comune"
    assert detect(["KlantID", "Voornaam", "Achternaam", "Email"]).fields.get("external_id") == "KlantID"
    assert detect(["SafeID", "First Name", "Last Name", "Email"]).fields.get("external_id") == "SafeID"
    assert detect(["Name", "Twitter", "Startup"]).fields.get("company.name") == "Startup"
    fields = detect(["Voornaam", "Achternaam", "Bedrijf", "FunctieContactpersoon", "Email"]).fields
    assert fields.get("person.title") == "FunctieContactpersoon"


def test_one_messy_email_cell_keeps_the_column_and_is_counted(tmp_path: Path) -> None:
    rows = [[f"P{i}", f"Lee{i}", f"p{i}@firm{i}.example", ""] for i in range(9)]
    rows.append(["P9", "Lee9", "p9@firm9.example, p9.home@mail.example", ""])
    mapping = judged(tmp_path / "leads.csv", ["First Name", "Last Name", "Email", "Company"], rows)
    assert mapping.fields.get("person.email") == "Email"
    assert [n for n in mapping.notes if "in 1 of the 10 rows read: those cells are not sent" in n], (
        mapping.notes
    )


def test_guard_a_list_column_of_several_addresses_is_still_left_out(tmp_path: Path) -> None:
    rows = [
        ["Jane", "Obi", "jane@obi.example, jane.alt@obi.example"],
        ["Raj", "Pal", "raj@pal.example; r@pal.example"],
    ]
    mapping = judged(tmp_path / "attio.csv", ["First name", "Last name", "Email addresses"], rows)
    assert "person.email" not in mapping.fields


def test_an_italian_ruolo_of_jobs_is_the_job_title(tmp_path: Path) -> None:
    header = ["Titolo", "Nome", "Cognome", "Azienda", "Ruolo", "Email"]
    rows = [
        ["Dott.", "Marco", "Rossi", "Rossi S.r.l.", "Amministratore Delegato", "m.rossi@rossi.example"],
        ["Ing.", "Giulia", "Bianchi", "Bianchi S.p.A.", "Responsabile Acquisti", "g.bianchi@bianchi.example"],
        ["Sig.", "Luca", "Verdi", "Verdi SpA", "Direttore Commerciale", "l.verdi@verdi.example"],
    ]
    assert judged(tmp_path / "contatti.csv", header, rows).fields.get("person.title") == "Ruolo"


def test_a_maps_scrape_with_an_email_column_is_still_of_businesses() -> None:
    header = ["title", "rating", "reviews", "phone", "website", "address", "category", "plus_code", "email"]
    fields = detect(header).fields
    assert fields.get("company.name") == "title"
    assert "person.email" not in fields  # the business's own mailbox


def test_a_business_kind_in_other_languages_makes_a_bare_name_a_firms(tmp_path: Path) -> None:
    header = ["nazwa", "telefon", "strona"]
    rows = [
        ['"DEZinspektor" Specjalistyczne Usługi DDD', "533 516 559", "https://www.ddd-serwis.example.pl/"],
        ["Robak. Zakład dezynsekcji i deratyzacji", "603 815 667", ""],
        ["Hurtownia Chemii Kowalski", "91 321 50 26", "https://www.chemia-hurt.example.pl/"],
    ]
    fields = judged(tmp_path / "firmy.csv", header, rows).fields
    assert fields.get("company.name") == "nazwa"
    assert "person.person_phone" not in fields  # the firm's own number


def test_guard_people_named_like_a_kind_elsewhere_stay_people(tmp_path: Path) -> None:
    rows = [
        ["Anna Winkel", "anna@winkel.example"],
        ["Ditta Kovacs", "ditta@k.example"],
        ["Jan Loja", "jan@l.example"],
    ]
    fields = judged(tmp_path / "people.csv", ["Name", "Email"], rows).fields
    assert "company.name" not in fields


# A maps prospecting list: the business, its site and number; its owner and contact (to be found).
_PROSPECTS = [
    "id",
    "company_name",
    "city",
    "review_count",
    "website_url",
    "owner_name",
    "phone",
    "contact_name",
]


def _prospects(owner: str = "", contact: str = "") -> list[list[str]]:
    return [
        [
            "2",
            "Plomberie Aixpert",
            "Aix",
            "67",
            "https://aixpert.example.fr",
            owner,
            "07 82 29 70 65",
            contact,
        ],
        ["3", "Eddy Les Bons Tuyaux", "Aix", "106", "https://tuyaux.example.fr", "", "06 50 26 47 34", ""],
        ["4", "Chauffage Durand", "Aix", "12", "https://durand.example.fr", "", "04 42 00 00 00", ""],
    ]


def test_a_lead_lists_phone_with_no_one_named_is_the_businesses(tmp_path: Path) -> None:
    fields = judged(tmp_path / "leads.csv", _PROSPECTS, _prospects()).fields
    assert fields.get("company.name") == "company_name"
    assert "person.person_phone" not in fields


def test_guard_a_named_contacts_phone_is_theirs(tmp_path: Path) -> None:
    for owner, contact in (("", "Luc Martin"), ("Eddy Roux", "")):
        fields = judged(tmp_path / "leads.csv", _PROSPECTS, _prospects(owner, contact)).fields
        assert fields.get("person.person_phone") == "phone", (owner, contact)


def test_guard_a_bare_name_of_people_keeps_their_phone_and_one_caller_names_no_one(tmp_path: Path) -> None:
    rows = [
        ["Ana García", "ana.garcia@empresa.example", "612345678", "TechCorp"],
        ["Luis Martínez", "luis@gmail.example", "698765432", "Innova SL"],
        ["Sofía Romero", "sofia@empresa.example", "633445566", "FinanceHub"],
    ]
    fields = judged(tmp_path / "contactos.csv", ["nombre", "email", "telefono", "empresa"], rows).fields
    assert fields.get("person.person_phone") == "telefono"
    # A telecalling list: the business twice, and the same caller on every row (the staff, no lead).
    header = ["name", "company", "caller_name", "phone", "city"]
    rows = [
        ["Unique Enterprises", "Unique Enterprises", "Fatima Darubai", "099451 93374", "Hubli"],
        ["MahaShakti Paint House", "MahaShakti Paint House", "Fatima Darubai", "076765 32030", "Hubli"],
        ["Surma Group", "Surma Group", "Fatima Darubai", "083600 11223", "Hubli"],
    ]
    fields = judged(tmp_path / "calls.csv", header, rows).fields
    assert fields.get("company.name") == "company"
    assert "person.person_phone" not in fields


def test_sap_masters_own_number_is_the_first_of_debitor_and_kreditor() -> None:
    customers = ["Debitor", "DUNS Nummer", "Name", "Straße", "Ort", "Land", "Kreditor"]
    assert detect(customers).fields.get("external_id") == "Debitor"
    vendors = ["Kreditor", "DUNS Nummer", "Land", "Debitor", "Name", "Ort", "Straße"]
    assert detect(vendors).fields.get("external_id") == "Kreditor"


def test_a_speakers_title_beside_their_slides_is_the_talks() -> None:
    fields = detect(["id", "name", "title", "img", "twitter", "slides_url"]).fields
    assert "person.title" not in fields


def test_a_header_repeated_as_the_first_row_is_no_value(tmp_path: Path) -> None:
    header = ["Company_Name", "Headquarters", "Website", "Industry"]
    rows = [
        header,
        ["JetBrains", "Prague, Czechia", "", "Computer Software"],
        ["Netcompany", "Copenhagen, Denmark", "", "IT Services"],
        ["Acme", "Austin, United States", "", "Manufacturing"],
    ]
    assert "company.website" not in judged(tmp_path / "accounts.csv", header, rows).fields


def test_names_of_a_third_pass() -> None:
    assert (
        detect(["id", "name", "domain_names", "merchant_id"]).fields.get("company.website") == "domain_names"
    )
    russian = ["КодКлиента", "Название", "ОбращатьсяК", "Должность", "Адрес", "Город", "Индекс", "Страна"]
    fields = detect(russian).fields
    assert (fields.get("external_id"), fields.get("company.name")) == ("КодКлиента", "Название")
    assert fields.get("company.address.city") == "Город"
    assert detect(["Kode Customer", "Nama Customer", "Telepon"]).fields.get("external_id") == "Kode Customer"
    assert detect(["Musteri_ID", "Ad", "Soyad", "Eposta"]).fields.get("external_id") == "Musteri_ID"
    assert detect(["Cod Furnizor", "Nume Furnizor"]).fields == {
        "external_id": "Cod Furnizor",
        "company.name": "Nume Furnizor",
    }
    assert detect(["Jméno", "Příjmení", "Email", "Pozice"]).fields.get("person.title") == "Pozice"


def test_guard_a_russian_price_lists_name_is_no_company() -> None:
    assert "company.name" not in detect(["Название", "Цена", "Количество"]).fields


def test_guard_what_a_reviewer_found_the_third_pass_misread(tmp_path: Path) -> None:
    # A consumer's retailer (where they bought) and a shop's outlet (its branch): no row's company.
    registration = ["First Name", "Last Name", "Email", "Phone", "Retailer", "Product", "Purchase Date"]
    assert "company.name" not in detect(registration).fields
    sales = ["Date", "Receipt Number", "Outlet", "Customer Name", "Customer Email"]
    assert "company.name" not in detect(sales).fields
    # An event registration's session or track: its attendees' titles are their jobs.
    event = ["First Name", "Last Name", "Email", "Company", "Title", "Session", "Track", "Room"]
    assert detect(event).fields.get("person.title") == "Title"
    # Listings on a map (a rental's, an event's) are no businesses.
    listing = ["title", "price", "rating", "address", "latitude", "longitude", "phone"]
    assert "company.name" not in detect(listing).fields
    # Salesforce's sparse "Account Site" (a place) is no web site.
    rows = [["Acme", "Headquarters", "555-0100"], ["Umbrella", "London", ""], ["Globex", "", ""]]
    assert (
        "company.website"
        not in judged(tmp_path / "accounts.csv", ["Account Name", "Site", "Phone"], rows).fields
    )
    # A company file whose mailboxes are people's: the phone beside them stays theirs.
    header = ["Company Name", "Email", "Phone", "Contact Name"]
    rows = [
        ["Acme", "john.smith@acme.example", "555-0100", ""],
        ["Globex", "mary.jones@globex.example", "555-0101", ""],
        ["Initech", "peter.gibbons@initech.example", "555-0102", ""],
    ]
    assert judged(tmp_path / "people.csv", header, rows).fields.get("person.person_phone") == "Phone"
