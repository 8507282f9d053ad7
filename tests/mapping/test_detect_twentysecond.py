"""Detection, twenty-second round: an account's contact person is the row's person (each rule's test
fails on e12117d, the code before it; the guards hold on both)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from leadspace_cli.formats.sources import open_source
from leadspace_cli.mapping.detect import detect
from leadspace_cli.mapping.judge import detect_source, refine
from tests.mapping.test_detect_eleventh import judged

_FIRMS = [
    ["Acme Inc", "John Smith", "john@acme.com", "+1 617 555 1234", "Boston"],
    ["Beta LLC", "Mary Jones", "mary.jones@beta.com", "+1 303 555 9999", "Denver"],
    ["Gamma Corp", "Peter Brown", "pbrown@gamma.io", "+1 512 555 2222", "Austin"],
    ["Delta GmbH", "Anna Schmidt", "anna.schmidt@delta.de", "+49 30 555 3333", "Berlin"],
]


@pytest.mark.parametrize(
    "header",
    [
        ["Company", "Contact Person", "Email", "Phone", "City"],
        ["Firma", "Ansprechpartner", "E-Mail", "Telefon", "Ort"],
        ["Cég", "Kapcsolattartó", "E-mail", "Telefon", "Város"],
        ["Компания", "Контактное лицо", "Email", "Телефон", "Город"],
    ],
)
def test_an_account_s_contact_person_is_sent_as_the_person(tmp_path: Path, header: list[str]) -> None:
    # A file of companies naming each one's contact person: their name went unsent and the phone
    # beside it was dropped as the switchboard, though a careful person sends both.
    mapping = judged(tmp_path / "accounts.csv", header, _FIRMS)
    assert mapping.fields.get("person.full_name") == header[1]
    assert mapping.fields.get("person.person_phone") == header[3]
    assert mapping.fields.get("company.name") == header[0]
    assert mapping.fields.get("person.email") == header[2]
    assert any("contact person" in n for n in mapping.notes)


def test_a_bare_contact_column_beside_a_bare_name_of_firms(tmp_path: Path) -> None:
    mapping = judged(tmp_path / "suppliers.csv", ["Name", "Contact", "Email", "Phone", "City"], _FIRMS)
    assert mapping.fields.get("company.name") == "Name"
    assert mapping.fields.get("person.full_name") == "Contact"


def test_guard_one_contact_on_every_row_is_no_row_s_person(tmp_path: Path) -> None:
    # The same name on each row is the file's owner or the account manager, not each firm's person.
    rows = [[r[0], "Sam Keller", r[2], r[3], r[4]] for r in _FIRMS]
    mapping = judged(tmp_path / "accounts.csv", ["Company", "Contact Person", "Email", "Phone", "City"], rows)
    assert "person.full_name" not in mapping.fields


def test_guard_a_contact_column_of_numbers_or_firms_is_no_name(tmp_path: Path) -> None:
    rows = [[r[0], r[3], r[2], r[4]] for r in _FIRMS]  # "Contact" holds the phone
    mapping = judged(tmp_path / "accounts.csv", ["Company", "Contact", "Email", "City"], rows)
    assert "person.full_name" not in mapping.fields
    rows = [[r[0], r[0], r[2], r[4]] for r in _FIRMS]  # the firm's own name again
    mapping = judged(tmp_path / "accounts.csv", ["Company", "Contact", "Email", "City"], rows)
    assert "person.full_name" not in mapping.fields


def test_guard_a_contact_person_beside_the_person_s_own_names(tmp_path: Path) -> None:
    header = ["First Name", "Last Name", "Company", "Contact Person", "Email"]
    rows = [["Ann", "Lee", r[0], r[1], r[2]] for r in _FIRMS]
    mapping = judged(tmp_path / "leads.csv", header, rows)
    assert mapping.fields.get("person.first_name") == "First Name"
    assert "person.full_name" not in mapping.fields


def test_a_lone_address_of_street_lines_is_the_street(tmp_path: Path) -> None:
    # A bare "Address" with no city beside it was never sent, though its cells are street lines.
    rows = [
        [r[0], r[2], street]
        for r, street in zip(
            _FIRMS, ["12 Main St", "9 Elm Rd", "100 Congress Ave", "Via Roma 1"], strict=True
        )
    ]
    mapping = judged(tmp_path / "accounts.csv", ["Company", "Email", "Address"], rows)
    assert mapping.fields.get("company.address.street") == "Address"


def test_guard_a_lone_address_of_whole_addresses_is_not_the_street(tmp_path: Path) -> None:
    whole = [
        "12 Main St, Boston, MA 02110",
        "9 Elm Rd, Denver, CO 80202",
        "1 Way, Austin, TX",
        "Via Roma 1, Verona",
    ]
    rows = [[r[0], r[2], w] for r, w in zip(_FIRMS, whole, strict=True)]
    mapping = judged(tmp_path / "accounts.csv", ["Company", "Email", "Address"], rows)
    assert "company.address.street" not in mapping.fields


def test_json_lines_of_one_wrapped_object_are_its_fields(tmp_path: Path) -> None:
    # Mattermost's bulk export: {"type": "user", "user": {"first_name": ..., "email": ...}}; "user." was
    # read as the tool's user (an owner), and nothing was sent.
    path = tmp_path / "export.jsonl"
    lines = [
        {
            "type": "user",
            "user": {
                "username": u,
                "email": f"{u}@acme.example",
                "first_name": f,
                "last_name": "Lee",
                "position": "CTO",
                "roles": "system_user",
                "locale": "en",
            },
        }
        for u, f in (("ann", "Ann"), ("bo", "Bo"), ("cy", "Cy"))
    ]
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    with open_source(str(path), prescan=True) as source:
        fields = detect_source(source).fields
    assert fields.get("person.first_name") == "user.first_name"
    assert fields.get("person.email") == "user.email"
    assert fields.get("person.title") == "user.position"


def test_guard_a_wrapped_company_object_stays_the_company_s() -> None:
    columns = ["type", "company.name", "company.website", "company.city", "company.country", "company.phone"]
    fields = detect(columns).fields
    assert fields.get("company.name") == "company.name"
    assert "person.first_name" not in fields


def test_a_directory_s_typed_items_name_their_field_in_the_middle() -> None:
    # Connections' "Email | Work Email | Address", "Phone | Work Phone | Number", "Link | Website | URL".
    columns = [
        "First Name",
        "Last Name",
        "Organization",
        "Phone | Cell Phone | Number",
        "Email | Work Email | Address",
        "Social Network | LinkedIn | URL",
        "Link | Website | URL",
        "Link | Website | Title",
    ]
    fields = detect(columns).fields
    assert fields.get("person.email") == "Email | Work Email | Address"
    assert fields.get("company.website") == "Link | Website | URL"
    assert fields.get("person.person_phone") == "Phone | Cell Phone | Number"
    assert "person.title" not in fields


def test_an_agency_s_address_is_the_company_s() -> None:
    # A diaper bank's partner agencies: "Agency Address", "Agency City", "Agency Website".
    columns = [
        "Agency Name",
        "Agency Email",
        "Agency Address",
        "Agency City",
        "Agency State",
        "Agency Zip Code",
        "Agency Website",
        "Primary Contact Name",
        "Primary Contact Email",
    ]
    fields = detect(columns).fields
    assert fields.get("company.address.street") == "Agency Address"
    assert fields.get("company.address.city") == "Agency City"
    assert fields.get("company.website") == "Agency Website"


def test_a_ticket_s_attendee_email_beside_the_buyer_s() -> None:
    # Tickera: the unprefixed names are the attendee's; "Buyer E-Mail" is the purchaser's.
    columns = [
        "First Name",
        "Last Name",
        "Attendee E-mail",
        "Order Number",
        "Buyer First Name",
        "Buyer Last Name",
        "Buyer E-Mail",
    ]
    mapping = detect(columns)
    refine(mapping, columns, lambda column: [], sampled=False)
    assert mapping.fields.get("person.email") == "Attendee E-mail"


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("Nome completo", "person.full_name"),
        ("Imię i nazwisko", "person.full_name"),
        ("Bill to name", "person.full_name"),
        ("员工姓名", "person.full_name"),
    ],
)
def test_whole_name_headers_in_more_languages(tmp_path: Path, header: str, field: str) -> None:
    rows = [
        ["Ann Lee" if header != "员工姓名" else "张伟", "ann.lee@acme.example"],
        ["Bo Ng" if header != "员工姓名" else "王小明", "bo.ng@acme.example"],
        ["Cy Ro" if header != "员工姓名" else "李娜", "cy.ro@acme.example"],
    ]
    mapping = judged(tmp_path / "people.csv", [header, "Email"], rows)
    assert mapping.fields.get(field) == header


def test_more_field_names() -> None:
    fields = detect(
        ["Imię", "Nazwisko", "Firma", "Stanowisko", "Email", "Tel1", "Tel2", "Calle Numero", "Ciudad"]
    ).fields
    assert fields.get("person.title") == "Stanowisko"
    assert fields.get("person.person_phone") == "Tel1"
    assert fields.get("company.address.street") == "Calle Numero"


def test_a_korean_shop_s_buyer(tmp_path: Path) -> None:
    # Naver SmartStore's orders: the buyer's name (split, rules 6) and contact number.
    rows = [
        ["2024052101", "김민지", "010-4821-7730"],
        ["2024052102", "이서준", "010-2231-0098"],
        ["2024052103", "박지훈", "010-7788-1200"],
    ]
    fields = judged(tmp_path / "orders.csv", ["주문번호", "구매자명", "구매자연락처"], rows).fields
    assert fields.get("person.full_name") == "구매자명"
    assert fields.get("person.person_phone") == "구매자연락처"


def test_a_contact_person_s_job_title_is_theirs(tmp_path: Path) -> None:
    header = ["Nazwa Firmy", "NIP", "Osoba Kontaktowa", "Telefon", "Email", "Stanowisko", "Opiekun"]
    rows = [
        [
            "Termo-Bud Sp. z o.o.",
            "5262819374",
            "Agnieszka Wróbel",
            "+48 601 234 118",
            "a.wrobel@termobud.pl",
            "Kierownik zakupów",
            "Marek Zając",
        ],
        [
            "Lux-Print s.c.",
            "7792310558",
            "Piotr Kamiński",
            "+48 512 880 903",
            "piotr@luxprint.pl",
            "Właściciel",
            "Ewa Nowicka",
        ],
        [
            "Agro-Mix Sp. j.",
            "8971802211",
            "Tomasz Lis",
            "+48 71 330 22 10",
            "t.lis@agromix.pl",
            "Prezes",
            "Marek Zając",
        ],
    ]
    fields = judged(tmp_path / "klienci.csv", header, rows).fields
    assert fields.get("person.full_name") == "Osoba Kontaktowa"
    assert fields.get("person.title") == "Stanowisko"


def test_an_invoice_s_own_id_gives_way_to_its_client_s() -> None:
    # FOSSBilling's and Siwapp's invoices: "id" is the invoice's, "client_id" the row's party's.
    columns = [
        "id",
        "client_id",
        "nr",
        "currency",
        "buyer_first_name",
        "buyer_last_name",
        "buyer_email",
        "due_at",
        "paid_at",
    ]
    mapping = detect(columns)
    refine(mapping, columns, lambda column: [], sampled=False)
    assert mapping.fields.get("external_id") == "client_id"


def test_guard_an_order_s_id_stays_beside_a_user_id() -> None:
    columns = ["id", "user_id", "first_name", "last_name", "email", "total", "currency", "status"]
    mapping = detect(columns)
    refine(mapping, columns, lambda column: [], sampled=False)
    # A user's id is no party's record to send instead; the order's own number is no one's (28th round).
    assert "external_id" not in mapping.fields


def test_a_firm_s_id_in_a_file_of_firms() -> None:
    assert (
        detect(["FirmaID", "FuarID", "Firma Adı", "Yetkili", "Telefon", "Eposta", "Web"]).fields.get(
            "external_id"
        )
        == "FirmaID"
    )


def test_a_company_column_most_members_leave_empty_names_no_employer_address(tmp_path: Path) -> None:
    # A football club's members: "Bedrijfsnaam" filled for one member in four; the address is home.
    header = ["Bedrijfsnaam", "Voornaam", "Achternaam", "Email", "Adres", "Postcode", "Plaats", "Land"]
    rows = [
        ["", "Daan", "Dijk", "daan.vandijk@ziggo.nl", "Kerkstraat 14", "3581 RB", "Utrecht", "Nederland"],
        [
            "De Vries Fysio",
            "Sanne",
            "Vries",
            "sanne@devriesfysio.nl",
            "Straatweg 211",
            "3551 CH",
            "Utrecht",
            "Nederland",
        ],
        ["", "Bram", "Jansen", "bram.jansen@gmail.com", "Oudegracht 77", "3511 AG", "Utrecht", "Nederland"],
        ["", "Eva", "Bakker", "eva.bakker@hotmail.com", "Biltstraat 5", "3572 AA", "Utrecht", "Nederland"],
    ]
    fields = judged(tmp_path / "leden.csv", header, rows).fields
    assert "company.address.street" not in fields
    assert fields.get("person.person_country") == "Land"


def test_a_work_phone_before_a_mobile() -> None:
    assert (
        detect(["First name", "Last name", "Email", "Phone Private", "Phone Work", "Mobile"]).fields.get(
            "person.person_phone"
        )
        == "Phone Work"
    )


def test_people_s_own_pages_are_no_company_s_site(tmp_path: Path) -> None:
    header = ["First Name", "Last Name", "Email", "Website URL"]
    rows = [
        ["Nadia", "Ferreira", "nadia@lisbonmakers.pt", "https://nadiaferreira.design"],
        ["Amara", "Osei", "amara.osei@gmail.com", "https://osei.studio"],
        ["Bo", "Ng", "bo@ng-lab.org", "bo-ng.me"],
    ]
    assert "company.website" not in judged(tmp_path / "members.csv", header, rows).fields
    rows[2][3] = "https://ng-lab.org"  # one row's site is its email's domain: a company's
    assert judged(tmp_path / "members2.csv", header, rows).fields.get("company.website") == "Website URL"


def test_a_japanese_prefecture_column_is_the_state(tmp_path: Path) -> None:
    header = ["名前", "会社名", "メールアドレス", "郵便番号", "住所1", "住所2", "住所3"]
    rows = [
        [
            "佐藤 健太",
            "株式会社ミライ精工",
            "k.sato@mirai.example",
            "104-0061",
            "東京都",
            "中央区銀座4-2-15",
            "8F",
        ],
        [
            "鈴木 美咲",
            "東和システム株式会社",
            "m.suzuki@towa.example",
            "530-0001",
            "大阪府",
            "大阪市北区梅田2-5-25",
            "",
        ],
        [
            "高橋 大輔",
            "高橋建材有限会社",
            "d.takahashi@kenzai.example",
            "460-0008",
            "愛知県",
            "名古屋市中区栄3-18-1",
            "",
        ],
    ]
    fields = judged(tmp_path / "users.csv", header, rows).fields
    assert fields.get("company.address.state") == "住所1"
    assert fields.get("company.address.street") == "住所2"


def test_an_account_s_email_named_after_its_contacts_is_theirs(tmp_path: Path) -> None:
    # Siwapp's invoices: two of five addresses are mailboxes (hello@), three carry the contact's name.
    header = ["name", "email", "contact_person", "net_amount"]
    rows = [
        ["Brightline Logistics Ltd", "m.okafor@brightline.example", "Michael Okafor", "100"],
        ["Saltmarsh Coffee", "hello@saltmarsh.example", "Jamal Whitaker", "20"],
        ["Nordvik Marine AS", "ingrid.solberg@nordvik.example", "Ingrid Solberg", "300"],
        ["Quillon Architects", "accounts@quillon.example", "Rebecca Thorne", "40"],
        ["Anya Rosales Design", "anya.rosales.design@gmail.com", "Anya Rosales", "50"],
    ]
    assert judged(tmp_path / "invoices.csv", header, rows).fields.get("person.email") == "email"


def test_a_french_office_line_before_the_mobile() -> None:
    columns = ["nom", "prénom", "raison sociale", "téléphone bureau", "téléphone mobile", "email"]
    fields = detect(columns).fields
    assert fields.get("person.person_phone") == "téléphone bureau"


@pytest.mark.parametrize(
    ("header", "name", "code"),
    [
        (["nimi", "ariregistri_kood", "ettevotja_oiguslik_vorm", "kmkr_nr"], "nimi", "ariregistri_kood"),
        (["ja_kodas", "ja_pavadinimas", "adresas", "ja_reg_data"], "ja_pavadinimas", "ja_kodas"),
        (["Найменування", "Скорочена назва", "Код ЄДРПОУ", "Місцезнаходження"], "Найменування", "Код ЄДРПОУ"),
    ],
)
def test_business_registers_open_data(header: list[str], name: str, code: str) -> None:
    # The Estonian, Lithuanian and Ukrainian registers: nothing was sent.
    fields = detect(header).fields
    assert fields.get("company.name") == name
    assert fields.get("external_id") == code


def test_a_person_in_charge_and_a_catalan_contact(tmp_path: Path) -> None:
    header = ["No", "Kode", "Nama", "Telp", "E-mail", "PIC", "PIC Telp", "PIC e-mail"]
    rows = [
        [
            "1",
            "C-12",
            "PT Sinar Jaya",
            "031-8431207",
            "info@sinarjaya.co.id",
            "Budi Santoso",
            "0812-3301-4472",
            "budi.santoso@sinarjaya.co.id",
        ],
        [
            "2",
            "C-13",
            "CV Maju Makmur",
            "022-7312200",
            "admin@majumakmur.id",
            "Siti Rahma",
            "0813-2200-1188",
            "siti@majumakmur.id",
        ],
        [
            "3",
            "C-14",
            "PT Bumi Raya",
            "021-5550101",
            "cs@bumiraya.co.id",
            "Agus Wijaya",
            "0811-9000-2233",
            "agus.wijaya@bumiraya.co.id",
        ],
    ]
    fields = judged(tmp_path / "customers.csv", header, rows).fields
    assert fields.get("person.full_name") == "PIC"
    assert fields.get("person.email") == "PIC e-mail"
    assert fields.get("person.person_phone") == "PIC Telp"
    fields = detect(
        ["Codi", "Lloc", "Persona de Contacte", "Telefon de Contacte", "Email de Contacte"]
    ).fields
    assert fields.get("person.email") == "Email de Contacte"
    assert fields.get("person.person_phone") == "Telefon de Contacte"


def test_an_arabic_full_name_and_swedish_phones(tmp_path: Path) -> None:
    rows = [
        ["علي حسين الجبوري", "العراق", "07712345981"],
        ["سارة محمد", "العراق", "07801234567"],
        ["أحمد كريم", "العراق", "07501112233"],
    ]
    fields = judged(tmp_path / "customers.csv", ["الاسم كامل", "البلد", "رقم الهاتف"], rows).fields
    assert fields.get("person.full_name") == "الاسم كامل"
    fields = detect(["Förnamn", "Efternamn", "E-post", "Hemtelefonnummer", "Mobiltelefonnummer"]).fields
    assert fields.get("person.person_phone") == "Mobiltelefonnummer"


def test_a_form_s_name_question_is_the_whole_name(tmp_path: Path) -> None:
    header = ["#", "What's your name?", "Work email", "Company", "Job title"]
    rows = [
        ["1", "Naomi Feldman", "naomi@copperleaf.example", "Copperleaf", "Director"],
        ["2", "Luis Ortega", "luis@bright.example", "Bright", "VP Sales"],
        ["3", "Amy Chen", "amy.chen@nova.example", "Nova", "CTO"],
    ]
    assert judged(tmp_path / "form.csv", header, rows).fields.get("person.full_name") == "What's your name?"


def test_record_ids_of_badges_vets_clinics_and_tenants(tmp_path: Path) -> None:
    assert (
        detect(["First Name", "Last Name", "Email", "Company", "Badge Scan ID"]).fields.get("external_id")
        == "Badge Scan ID"
    )
    columns = [
        "Customer Identifier",
        "Customer Title",
        "Customer First Name",
        "Customer Surname",
        "Customer Email",
    ]
    assert detect(columns).fields.get("external_id") == "Customer Identifier"
    columns = ["pat_id", "first_name", "last_name", "Resource Last Name", "NPI", "Phone"]
    assert detect(columns).fields.get("external_id") == "pat_id"  # the NPI is the provider's
    header = [
        "Date",
        "Unit",
        "Tenant",
        "Tenant Phone Number",
        "Tenant Email",
        "Rent",
        "Assigned User",
        "Tenant ID",
    ]
    rows = [
        [
            "03/01/2025",
            "204",
            "Melissa Grant",
            "(720) 555-0148",
            "melissa.grant@gmail.com",
            "1685",
            "Jordan Pike",
            "90331",
        ],
        [
            "03/01/2025",
            "310",
            "Omar Haddad",
            "(720) 555-0199",
            "omar.h@outlook.com",
            "1450",
            "Jordan Pike",
            "90332",
        ],
        [
            "03/02/2025",
            "12",
            "Lisa Brandt",
            "(303) 555-0102",
            "lbrandt@yahoo.com",
            "1900",
            "Jordan Pike",
            "90340",
        ],
    ]
    fields = judged(tmp_path / "tenants.csv", header, rows).fields
    assert fields.get("person.email") == "Tenant Email"
    assert fields.get("person.person_phone") == "Tenant Phone Number"
    assert fields.get("person.full_name") == "Tenant"
