"""Detection, twenty-first round: exports of a held-out set none of the rules were written from
(each rule's test fails on d6b1a08, the code before it; the guards hold on both)."""

from __future__ import annotations

from pathlib import Path

from leadspace_cli.mapping.aliases import normalize_header
from leadspace_cli.mapping.detect import detect
from tests.mapping.test_detect_eleventh import judged


def test_a_whole_address_in_a_city_column_is_no_city(tmp_path: Path) -> None:
    # A Dutch relations export's "Plaats" (place) holds the whole address: it went out as the city.
    header = ["Klantnummer", "Bedrijfsnaam", "Voornaam", "Achternaam", "E-mail", "Plaats"]
    rows = [
        [
            "1004",
            "Smeets Advies",
            "Ineke",
            "Smeets",
            "ineke@smeetsadvies.nl",
            "Akerstraat 88, 6221 CK Maastricht",
        ],
        [
            "1021",
            "Van Loon B.V.",
            "Ruud",
            "van Loon",
            "r.vanloon@vanloon.nl",
            "Heerlerbaan 211, 6418 CD Heerlen",
        ],
        ["1033", "Bakkerij Jansen", "Piet", "Jansen", "piet@bakkerijjansen.nl", "Markt 3, 5611 EB Eindhoven"],
    ]
    mapping = judged(tmp_path / "relaties.csv", header, rows)
    assert "company.address.city" not in mapping.fields
    assert any("'Plaats' holds no city names" in n for n in mapping.notes)


def test_guard_a_city_with_a_district_number_is_a_city(tmp_path: Path) -> None:
    header = ["Název", "Email", "Ulice", "Město", "PSČ"]
    rows = [
        ["Stavby Novák s.r.o.", "a@stavby.cz", "Průmyslová 1472/11", "Praha 10", "102 00"],
        ["Pekárna a.s.", "b@pekarna.cz", "Náměstí Míru 5", "Kolín", "280 02"],
        ["Elektro s.r.o.", "c@elektro.cz", "Nádražní 344/12", "Ostrava", "702 00"],
    ]
    assert judged(tmp_path / "klienti.csv", header, rows).fields.get("company.address.city") == "Město"


_SUPPLIERS = ["Nome", "Partita IVA", "Indirizzo", "Telefono", "Città", "Nazione"]


def test_a_bare_address_beside_a_city_is_the_street_line(tmp_path: Path) -> None:
    # An Italian supplier master: "Indirizzo" beside "Città" and no postal code is the street line.
    rows = [
        [
            "Tipografia Rinaldi S.r.l.",
            "03418790238",
            "Via dell'Artigianato 14",
            "045 8921033",
            "Verona",
            "Italia",
        ],
        [
            "Studio Ferri & Associati",
            "02877450369",
            "Viale Trento e Trieste 33",
            "059 221740",
            "Modena",
            "Italia",
        ],
        ["Officine Bassi S.p.A.", "01234560987", "Via Emilia Est 1021", "051 443210", "Bologna", "Italia"],
    ]
    mapping = judged(tmp_path / "fornitori.csv", _SUPPLIERS, rows)
    assert mapping.fields.get("company.address.street") == "Indirizzo"
    assert mapping.fields.get("company.address.city") == "Città"


def test_a_bare_address_holding_the_city_too_is_named_and_not_sent_as_the_street(tmp_path: Path) -> None:
    rows = [
        [
            "Tipografia Rinaldi S.r.l.",
            "03418790238",
            "Via dell'Artigianato 14, 37135 Verona",
            "045 892",
            "Verona",
            "Italia",
        ],
        [
            "Studio Ferri",
            "02877450369",
            "Viale Trento e Trieste 33, 41121 Modena",
            "059 221",
            "Modena",
            "Italia",
        ],
        [
            "Officine Bassi S.p.A.",
            "01234560987",
            "Via Emilia Est 1021, 40139 Bologna",
            "051 443",
            "Bologna",
            "Italia",
        ],
    ]
    mapping = judged(tmp_path / "fornitori.csv", _SUPPLIERS, rows)
    assert "company.address.street" not in mapping.fields
    assert any("'Indirizzo' holds whole addresses" in n for n in mapping.notes)


def test_a_numbered_label_in_japanese_is_read_as_its_word() -> None:
    # A New-Year-card address list: 姓1, 名1 (the first person's names), 住所1 (the first line).
    assert [normalize_header(h) for h in ("住所1", "姓1", "名1")] == ["address1", "lastname1", "firstname1"]
    assert normalize_header("公司1") == "companyname"  # a whole header kept as it was (CamCard's)
    fields = detect(["姓1", "名1", "会社名", "役職", "〒番号", "住所1", "住所2"]).fields
    assert fields.get("person.first_name") == "名1"
    assert fields.get("person.last_name") == "姓1"
    assert fields.get("company.address.street") == "住所1"


def test_ids_names_and_sites_of_other_languages_are_read() -> None:
    # Kentico's contacts, a Turkish firms export, a Chinese customer list, Korean partners.
    assert (
        detect(["ContactGUID", "ContactFirstName", "ContactLastName", "ContactEmail"]).fields.get(
            "external_id"
        )
        == "ContactGUID"
    )
    turkish = detect(["Firma Ünvanı", "Tip", "Adres", "Ülke", "Vergi No", "E-Posta"]).fields
    assert turkish.get("company.name") == "Firma Ünvanı"
    chinese = detect(["客户编号", "客户名称", "公司网站", "城市"]).fields
    assert chinese.get("external_id") == "客户编号"
    assert chinese.get("company.website") == "公司网站"
    assert detect(["거래처명", "웹사이트", "주소"]).fields.get("company.website") == "웹사이트"


def test_a_french_identifiant_is_the_records_id_before_a_registry_number() -> None:
    # A trade portal's establishments: "Identifiant" is the row's own; SIRET was sent in its place.
    fields = detect(["Identifiant", "Raison sociale", "SIRET", "Adresse", "Code postal", "Commune"]).fields
    assert fields.get("external_id") == "Identifiant"


def test_a_places_scrapes_site_is_the_companys_website(tmp_path: Path) -> None:
    # Outscraper's places (as a back office's importer reads them, its batch label first).
    header = ["csvname", "name", "name + address", "site", "subtypes", "phone", "full_address", "street"]
    header += ["city", "postal_code", "state", "country", "rating", "reviews", "logo", "place_id"]
    rows = [
        [
            *("plumbers", name, f"{name} {street}", site, "Plumber", phone, f"{street}, Austin, TX 78756"),
            *(street, "Austin", "78756", "Texas", "United States", "4.8", "312", "", f"ChIJ{i}"),
        ]
        for i, (name, site, phone, street) in enumerate(
            [
                (
                    "Hill Country Plumbing LLC",
                    "https://hillcountryplumbing.com",
                    "+1 512-555-0182",
                    "4210 Burnet Rd",
                ),
                ("Reyes & Sons Plumbing", "", "+1 512-555-0147", "918 E Cesar Chavez St"),
                (
                    "Capital Drain Pros Inc.",
                    "https://capitaldrainpros.com",
                    "+1 737-555-0190",
                    "11701 N Lamar Blvd",
                ),
            ]
        )
    ]
    assert judged(tmp_path / "places.csv", header, rows).fields.get("company.website") == "site"


def test_a_plural_phone_column_of_people_named_whole_is_sent(tmp_path: Path) -> None:
    header = ["ФИО", "Компания", "Должность", "Телефоны"]
    rows = [
        ["Смирнова Ольга Викторовна", "АН Метр", "агент", "+7 (495) 741-22-18"],
        ["Иванов Пётр Сергеевич", "АН Дом", "директор", "+7 (916) 305-44-71"],
        ["Петров Иван Ильич", "Риелт", "агент", "+7 (903) 111-22-33"],
    ]
    assert judged(tmp_path / "agents.csv", header, rows).fields.get("person.person_phone") == "Телефоны"


def test_work_qualifiers_and_shop_columns_of_a_second_held_out_set() -> None:
    square = detect(
        ["First Name", "Last Name", "Company Name", "Street Address 1", "City", "Postal Code"]
    ).fields
    assert square.get("company.address.street") == "Street Address 1"
    litecart = detect(
        ["company", "firstname", "lastname", "email", "city", "zone_code", "country_code"]
    ).fields
    assert litecart.get("company.address.state") == "zone_code"
    assert detect(["会员账号", "会员昵称", "手机号", "邮箱"]).fields.get("external_id") == "会员账号"


def test_a_customers_display_name_is_their_whole_name_not_a_company(tmp_path: Path) -> None:
    # Booking Activities' bookings: "Customer display name" went out as the company's name.
    header = ["Booking ID", "Booking status", "Customer display name", "Customer email", "Event title"]
    rows = [
        ["1842", "Booked", "Camille Laurent", "camille.laurent@orange.fr", "Atelier céramique"],
        ["1843", "Booked", "Hugo Martin", "hugo.martin@gmail.com", "Atelier céramique"],
        ["1844", "Cancelled", "Léa Bernard", "lea.bernard@free.fr", "Cours de poterie"],
    ]
    mapping = judged(tmp_path / "bookings.csv", header, rows)
    assert "company.name" not in mapping.fields
    assert mapping.fields.get("person.full_name") == "Customer display name"


def test_a_bare_name_in_other_languages_beside_emails_named_after_it_is_a_whole_name(tmp_path: Path) -> None:
    # A Brazilian contact book's "nome": people's whole names, their mailboxes named after them.
    rows = [
        ["58", "Fernanda Ribeiro", "(11) 98765-4321", "fernanda.ribeiro@gmail.com"],
        ["61", "Marcos Almeida", "(21) 3344-5566", "marcos.almeida@almeidareformas.com.br"],
        ["63", "Juliana Costa", "", "juliana.costa@hotmail.com"],
    ]
    mapping = judged(tmp_path / "contatos.csv", ["id", "nome", "telefone", "email"], rows)
    assert mapping.fields.get("person.full_name") == "nome"


def test_guard_a_bare_nome_of_firms_is_no_persons_name(tmp_path: Path) -> None:
    rows = [
        ["1", "Padaria Estrela", "contato@padariaestrela.com.br"],
        ["2", "Oficina Central", "oficina@central.com.br"],
        ["3", "Mercado Bom Preço", "vendas@bompreco.com.br"],
    ]
    assert "person.full_name" not in judged(tmp_path / "f.csv", ["id", "nome", "email"], rows).fields


def test_an_alumni_tracers_ids_and_jobs_and_a_japanese_identifier() -> None:
    fields = detect(
        ["Student Number", "First Name", "Last Name", "Email", "Company", "Company position"]
    ).fields
    assert fields.get("external_id") == "Student Number"
    assert fields.get("person.title") == "Company position"
    assert detect(["識別子", "会社名", "氏名", "メールアドレス"]).fields.get("external_id") == "識別子"
