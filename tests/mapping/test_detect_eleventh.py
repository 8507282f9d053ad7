"""Detection on the exports of the twenty-second held-out sets: each test fails on the code before its
rule (7b525ab)."""

from __future__ import annotations

from pathlib import Path

from leadspace_cli.formats.sources import open_source
from leadspace_cli.mapping.detect import detect
from leadspace_cli.mapping.judge import detect_source
from leadspace_cli.mapping.roles import role_split
from leadspace_cli.mapping.spec import Mapping
from tests.conftest import write_csv
from tests.mapping.places import company_address


def judged(path: Path, header: list[str], rows: list[list[str]]) -> Mapping:
    """What a run detects for a CSV file of ``header`` and ``rows`` (the rows read judge it)."""
    with open_source(str(write_csv(path, header, rows)), prescan=True) as source:
        return detect_source(source)


def test_a_role_s_field_that_begins_with_s_keeps_its_s() -> None:
    # A vet's reminders (OpenVPMS): "Customer Surname" is the customer's surname, not the customers'
    # "urname"; osCommerce's plural "customers_id" still reads as the customers' id.
    fields = detect(
        ["Customer Identifier", "Customer Title", "Customer First Name", "Customer Surname", "Customer Email"]
    ).fields
    assert fields.get("person.last_name") == "Customer Surname"
    assert fields.get("person.first_name") == "Customer First Name"
    assert role_split("customerstate") == ("customer", "state")
    assert role_split("donorsstreet") == ("donors", "street")  # "sstreet" reads as nothing: plural
    assert role_split("customersid") == ("customers", "id")
    assert role_split("email") is None


def test_an_import_template_s_required_and_optional_marks_are_not_part_of_the_name() -> None:
    header = ["First Name (required)", "Last Name (Required)", "Email (optional)", "Société [facultatif]"]
    fields = detect(header).fields
    assert fields.get("person.first_name") == "First Name (required)"
    assert fields.get("person.last_name") == "Last Name (Required)"
    assert fields.get("person.email") == "Email (optional)"
    assert fields.get("company.name") == "Société [facultatif]"


def test_a_primary_email_address_and_phone_number_are_the_person_s() -> None:
    # Clerk's users export: the primary of the verified and unverified ones.
    header = ["id", "first_name", "last_name", "username", "primary_email_address", "primary_phone_number"]
    header += ["verified_email_addresses", "unverified_email_addresses", "verified_phone_numbers"]
    fields = detect(header).fields
    assert fields.get("person.email") == "primary_email_address"
    assert fields.get("person.person_phone") == "primary_phone_number"


def test_a_billing_account_s_holder_is_the_row_s_person() -> None:
    # Recurly's accounts export: the account holder's names, email, phone and company under "account_".
    header = ["account_code", "account_email", "account_username", "account_company_name"]
    header += ["account_first_name", "account_last_name", "account_city", "account_country", "account_phone"]
    fields = detect(header).fields
    assert {k: fields.get(k) for k in ("person.first_name", "person.last_name", "person.email")} == {
        "person.first_name": "account_first_name",
        "person.last_name": "account_last_name",
        "person.email": "account_email",
    }
    assert fields.get("person.person_phone") == "account_phone"
    assert fields.get("company.name") == "account_company_name"
    # An opportunities report's "Account Name" is no holder: nothing of the person's is read from it.
    fields = detect(["Opportunity Name", "Account Name", "Account Email", "Amount", "Stage"]).fields
    assert fields.get("person.email") is None


def test_a_user_who_last_logged_in_is_one_of_a_site_s_own_with_their_own_address() -> None:
    # Authgear's users (OpenID Connect claims, no company): the address is the person's, though an
    # "account_valid_from" reads as an account's.
    header = ["sub", "email", "phone_number", "name", "given_name", "gender", "birthdate"]
    header += ["address.street_address", "address.locality", "address.postal_code", "address.country"]
    fields = detect([*header, "last_login_at", "account_valid_from", "account_valid_until"]).fields
    assert fields.get("person.person_country") == "address.country"
    assert fields.get("company.address.street") is None


def test_an_italian_register_of_customers_and_suppliers() -> None:
    # OpenSTAManager's and Sisco XS's "anagrafiche": the registered name, the address in Italian.
    header = ["Codice", "Ragione sociale", "Provincia", "Città", "Telefono", "Indirizzo", "CAP", "Cellulare"]
    fields = detect([*header, "Email", "Partita IVA"]).fields
    assert fields.get("company.name") == "Ragione sociale"
    assert company_address([*header, "Email"]) == {
        "street": "Indirizzo",
        "city": "Città",
        "state": "Provincia",
        "postalcode": "CAP",
        "country": None,
    }
    fields = detect(["Ragione Sociale", "Cognome", "Nome", "Indirizzo", "Località", "Sigla Provincia"]).fields
    assert fields.get("company.address.city") == "Località"
    assert fields.get("company.address.state") == "Sigla Provincia"


def test_a_norwegian_customer_list_with_an_organisation_number_is_of_organisations() -> None:
    # Fiken's customers: "Navn" beside "Orgnr" is the organisation's name, the address its own.
    header = ["Navn", "Orgnr", "Adresse", "Adresse2", "Postnr", "Poststed", "Land", "E-post", "Telefon"]
    fields = detect(header).fields
    assert fields.get("company.name") == "Navn"
    assert fields.get("company.address.city") == "Poststed"
    assert fields.get("person.person_country") is None


def test_a_bare_name_in_another_language_is_a_person_s_beside_their_employer() -> None:
    # leadlovers' leads (Brazil): "Nome" is the lead's, as "Name" would be, so their email and phone
    # are theirs, not the company's.
    fields = detect(["Nome", "E-mail", "Telefone", "Empresa"]).fields
    assert fields.get("person.email") == "E-mail"
    assert fields.get("person.person_phone") == "Telefone"
    assert fields.get("company.name") == "Empresa"


def test_korean_chinese_and_japanese_headers() -> None:
    # Gnuboard's members (Korean).
    fields = detect(["아이디", "이름", "닉네임", "휴대폰번호", "전화번호", "이메일", "주소"]).fields
    assert fields.get("external_id") == "아이디"
    assert fields.get("person.email") == "이메일"
    assert fields.get("person.person_phone") == "전화번호"
    # A Chinese CRM's customers: the province and city chosen, then the street ("detailed address").
    header = ["客户名称", "客户级别", "电话", "网址", "手机", "省", "市", "区/县", "详细地址"]
    assert company_address(header) == {
        "street": "详细地址",
        "city": "市",
        "state": "省",
        "postalcode": None,
        "country": None,
    }
    # An HR system's employees: the job number and the post.
    fields = detect(["姓名", "工号", "手机号", "部门", "岗位", "入职日期"]).fields
    assert fields.get("external_id") == "工号"
    assert fields.get("person.title") == "岗位"
    # Japanese: a mailing list's recipients, a client's company in a phone system.
    fields = detect(["メールアドレス", "名前", "会社名", "部課"]).fields
    assert fields.get("person.email") == "メールアドレス"
    assert detect(["取引先会社名", "取引先担当者名", "電話番号"]).fields.get("company.name") == "取引先会社名"


def test_german_and_dutch_address_software_words() -> None:
    # meinDialogSystem's customers, Swoppen's addresses, a Dutch accounting tool's relations.
    header = ["KundenID", "Vorname", "Nachname", "Strasse", "Postleitzahl", "Wohnort", "Mailadresse"]
    fields = detect([*header, "Telefon", "Webadresse", "Firmenname1", "Firmenname2"]).fields
    assert {k: fields.get(k) for k in ("external_id", "person.email", "company.name", "company.website")} == {
        "external_id": "KundenID",
        "person.email": "Mailadresse",
        "company.name": "Firmenname1",
        "company.website": "Webadresse",
    }
    assert detect(["Firma", "Name", "Vorname", "Internet"]).fields.get("company.website") == "Internet"
    fields = detect(["naam bedrijf", "achternaam", "voornaam", "straat", "plaats", "landcode", "tel"]).fields
    assert fields.get("company.name") == "naam bedrijf"
    assert fields.get("company.address.country") is None  # a Dutch form's "Landcode" is often +31
    assert fields.get("person.person_phone") == "tel"


def test_a_work_position_and_a_country_s_iso_code() -> None:
    # Bitrix24's users; co*pilot's contacts (the person's and the company's country by ISO code).
    fields = detect(["LAST_NAME", "NAME", "SECOND_NAME", "WORK_POSITION", "EMAIL", "WORK_PHONE"]).fields
    assert fields.get("person.title") == "WORK_POSITION"
    header = ["firstName", "lastName", "personCity", "personCountryIsoCode", "company", "companyCity"]
    fields = detect([*header, "companyCountryIsoCode", "position"]).fields
    assert fields.get("company.address.country") == "companyCountryIsoCode"


def test_a_website_column_that_holds_no_web_sites_is_not_sent(tmp_path: Path) -> None:
    # German address software's "Internet" is the web address; a telecom's customers' "Internet" is
    # whether they have it: the rows tell.
    header = ["Vorname", "Name", "Firma", "E-Mail", "Internet"]
    sites = [
        ["Ann", "Lee", "Acme", "ann@acme.test", "www.acme.test"],
        ["Bob", "Ray", "Beta", "", "beta.test"],
    ]
    assert judged(tmp_path / "sites.csv", header, sites * 2).fields.get("company.website") == "Internet"
    flags = [[*row[:4], flag] for row, flag in zip(sites * 2, ["Ja", "Nein", "Ja", "Ja"], strict=True)]
    m = judged(tmp_path / "flags.csv", header, flags)
    assert "company.website" not in m.fields
    assert any("'Internet' holds no web sites" in n for n in m.notes), m.notes


def test_polish_czech_and_slovak_client_lists() -> None:
    # Fakturownia's clients in Polish, and its Slovak edition (a "Firma" flag beside the name).
    header = ["Nazwa firmy", "Numer NIP", "Miejscowość", "Kod pocztowy", "Ulica", "Kraj", "E-mail"]
    fields = detect([*header, "Strona WWW", "Tel. komórkowy", "Imię", "Nazwisko"]).fields
    assert fields.get("company.address.city") == "Miejscowość"
    assert fields.get("company.website") == "Strona WWW"
    assert fields.get("person.person_phone") == "Tel. komórkowy"
    header = ["ID", "Názov firmy", "Mesto", "PSČ", "Ulica", "Krajina", "Firma", "E-mail", "WWW stránky"]
    fields = detect([*header, "Mobilné číslo", "Meno", "Priezvisko"]).fields
    assert {k: fields.get(k) for k in ("company.name", "person.first_name", "person.last_name")} == {
        "company.name": "Názov firmy",
        "person.first_name": "Meno",
        "person.last_name": "Priezvisko",
    }
    assert company_address(header) == {
        "street": "Ulica",
        "city": "Mesto",
        "state": None,
        "postalcode": "PSČ",
        "country": "Krajina",
    }
    # eDokumenty's contractors: a contact person's column makes the row an organisation's.
    fields = detect(["NAZWA", "ULICA", "NUMER", "TELEFON", "OSOBA KONTAKTOWA", "WWW"]).fields
    assert fields.get("company.name") == "NAZWA"
    assert fields.get("company.website") == "WWW"
    assert "person.person_phone" not in fields


def test_persian_portuguese_swedish_and_spanish_words() -> None:
    # Hesabix's people (Persian).
    header = ["نام و نام خانوادگی", "نام شرکت", "تلفن همراه", "تلفن", "پست الکترونیکی", "وب سایت"]
    fields = detect([*header, "کشور", "استان", "شهرستان", "کد پستی", "آدرس"]).fields
    assert {k: fields.get(k) for k in ("company.name", "person.email", "company.website")} == {
        "company.name": "نام شرکت",
        "person.email": "پست الکترونیکی",
        "company.website": "وب سایت",
    }
    assert fields.get("company.address.postalcode") == "کد پستی"
    # Moloni's clients (Portugal), each with its contact person: the street line and the town.
    header = ["Código", "Nome", "Contribuinte", "Morada", "Código Postal", "Localidade", "País", "E-mail"]
    fields = detect([*header, "Nome Contacto", "E-mail Contacto"]).fields
    assert fields.get("company.name") == "Nome"
    assert fields.get("company.address.street") == "Morada"
    assert fields.get("company.address.city") == "Localidade"
    # A Swedish shop's customers; a Peruvian accounting tool's accounts.
    fields = detect(
        ["Kundnr", "Företagsnamn", "Förnamn", "efternamn", "e-post", "Telefonnr", "Mobilnr"]
    ).fields
    assert fields.get("external_id") == "Kundnr"
    assert fields.get("person.person_phone") == "Telefonnr"
    fields = detect(["Razón Social", "Apellido Paterno", "Apellido Materno", "Nombre", "Teléfono 1"]).fields
    assert fields.get("person.last_name") == "Apellido Paterno"
    assert fields.get("person.person_phone") == "Teléfono 1"


def test_review_a_registration_number_makes_a_list_of_organisations_unless_a_company_is_named() -> None:
    # A Spanish supplier list, a Danish company list: the bare name is the organisation's, and its
    # email and phone are too. Beside "Bedrijfsnaam" the KvK number is the employer's: the row is a
    # freelancer's, their email theirs.
    for header, name in (
        (["Nombre", "CIF", "Dirección", "Población", "Provincia", "Email", "Teléfono", "Web"], "Nombre"),
        (["Navn", "CVR", "Branche", "Adresse", "Postnr", "By", "Telefon", "Email", "Hjemmeside"], "Navn"),
    ):
        fields = detect(header).fields
        assert fields.get("company.name") == name
        assert "person.email" not in fields
        assert "person.person_phone" not in fields
    fields = detect(["Naam", "E-mail", "Telefoon", "Bedrijfsnaam", "KvK-nummer"]).fields
    assert fields.get("person.email") == "E-mail"
    assert fields.get("company.name") == "Bedrijfsnaam"


def test_review_a_place_of_residence_and_a_member_s_homepage_are_not_the_company_s() -> None:
    fields = detect(["Vorname", "Nachname", "Firma", "Position", "E-Mail", "Telefon", "Wohnort"]).fields
    assert fields.get("company.address.city") is None
    # Gnuboard's full member export: their homepage and their postcode are theirs.
    header = ["번호", "아이디", "이름", "닉네임", "포인트", "E-mail", "홈페이지", "휴대폰번호", "우편번호"]
    fields = detect([*header, "기본주소", "최근접속일"]).fields
    assert fields.get("company.website") is None
    assert fields.get("company.address.postalcode") is None


def test_review_prices_addresses_and_flags_are_no_web_sites_or_phones(tmp_path: Path) -> None:
    header = ["Account Number", "First Name", "Last Name", "Phone", "Email", "Internet", "Tel"]
    rows = [
        [str(i), "Ann", f"Lee{i}", f"+1 214 555 01{i:02d}", f"a{i}@b.test", price, "Y"]
        for i, price in enumerate(["49.99", "64.99", "16.000", "85.214.1.12"])
    ]
    m = judged(tmp_path / "isp.csv", header, rows)
    assert "company.website" not in m.fields  # no top-level domain in a price or an IP address
    assert m.fields.get("person.person_phone") == "Phone"
    m = judged(tmp_path / "tel.csv", ["Name", "Email", "Tel"], [["Ann Lee", "a@b.test", "Y"]] * 4)
    assert "person.person_phone" not in m.fields
    assert any("'Tel' holds no phone numbers" in n for n in m.notes), m.notes


def test_scrapers_and_registers_of_the_twenty_third_set_b() -> None:
    # A business directory's scrape: its logo and review count say the rows are businesses.
    header = ["name", "address", "postal_code", "city", "phone", "email", "website", "logo_url"]
    fields = detect([*header, "rating", "review_count", "description"]).fields
    assert fields.get("company.name") == "name"
    assert "person.email" not in fields
    # A LinkedIn scrape: a headline and a position make the rows people, its URL their profile's.
    fields = detect(["Name", "Headline", "Company", "Position", "School", "Location", "URL"]).fields
    assert "company.website" not in fields
    assert fields.get("person.title") == "Position"
    fields = detect(["fullname", "firstname", "surname", "email", "current role", "current company"]).fields
    assert fields.get("person.title") == "current role"
    # A French company register: its email and phone are the company's, though it names its executive.
    header = ["SIREN", "Dénomination", "Adresse", "Ville siège", "Téléphone", "Email", "Site web"]
    fields = detect([*header, "Nom dirigeant", "Prénom dirigeant"]).fields
    assert fields.get("company.address.city") == "Ville siège"
    assert "person.email" not in fields
    assert "person.person_phone" not in fields
    # A search-results scrape's "position" is its rank: no person's sign.
    fields = detect(["position", "title", "place_id", "address", "phone", "website", "rating"]).fields
    assert "person.title" not in fields


def test_an_office_email_and_an_account_s_contact_name() -> None:
    # php-addressbook's export in English, German and French: the office email is the person's.
    for home, office in (
        ("E-mail home", "E-mail office"),
        ("E-Mail Privat", "E-Mail Büro"),
        ("E-mail personnel", "E-mail professionel"),
    ):
        assert (
            detect(["First Name", "Last Name", "Company", home, office]).fields.get("person.email") == office
        )
    # But an office's own column keeps its name: the registered office's city.
    fields = detect(["Account Name", "Registered Office City"]).fields
    assert fields.get("company.address.city") == "Registered Office City"
    # SplendidCRM's accounts: a bare name beside its contact's name and two signs of an account is
    # the account's; beside a pupil's or a patient's own columns it is the person's, the contact an
    # emergency one.
    header = ["name", "phone_office", "website", "email1", "annual_revenue", "employees", "industry"]
    fields = detect([*header, "billing_address_city", "contact_name"]).fields
    assert fields.get("company.name") == "name"
    assert "person.email" not in fields
    # A supplier list's contact (public exports: "Name, Contact Name, Email, Phone"): the account's.
    fields = detect(["Name", "Contact Name", "Email", "Phone", "Address"]).fields
    assert fields.get("company.name") == "Name"
    assert "person.email" not in fields
    for header in (
        ["Name", "Gender", "Date of Birth", "Email", "Phone", "Contact Name", "Contact Phone"],
        ["Nome", "Data de Nascimento", "Email", "Telemóvel", "Morada", "Pessoa de Contacto"],
    ):
        assert detect(header).fields.get("person.email") == "Email"


def test_a_fundraising_tool_s_donors_live_at_their_own_address() -> None:
    # Givebutter's contacts: an employer named, but the household and the contributions say the rows
    # are donors, at home.
    header = ["Givebutter Contact ID", "Contact External ID", "Prefix", "First Name", "Middle Name"]
    header += ["Last Name", "Suffix", "Date of Birth", "Gender", "Employer", "Title", "Primary Email"]
    header += ["Primary Phone", "Address Line 1", "Address Line 2", "City", "State", "Postal Code"]
    header += ["Country", "Website", "Recurring Contributions", "Total Contributions", "Household ID"]
    fields = detect(header).fields
    assert fields.get("person.person_country") == "Country"
    assert fields.get("company.address.city") is None
    assert fields.get("company.name") == "Employer"


def test_ukrainian_russian_latin_american_and_italian_words() -> None:
    # HostCMS's leads in Ukrainian and Russian.
    header = ["Ідентифікатор", "Прізвище", "Ім'я", "По батькові", "Компанія", "Посада", "E-mail"]
    fields = detect(header).fields
    assert {k: fields.get(k) for k in ("external_id", "person.first_name", "person.last_name")} == {
        "external_id": "Ідентифікатор",
        "person.first_name": "Ім'я",
        "person.last_name": "Прізвище",
    }
    assert fields.get("person.title") == "Посада"
    assert fields.get("company.name") == "Компанія"
    assert (
        detect(["Идентификатор", "Фамилия", "Имя", "Отчество"]).fields.get("external_id") == "Идентификатор"
    )
    # Colombian accounting tools' third parties: given names, the first family name, the town.
    header = ["Primer Apellido", "Segundo Apellido", "Nombre", "Razón Social", "E-Mail", "Domicilio"]
    fields = detect([*header, "Municipio", "Código Postal"]).fields
    assert fields.get("person.last_name") == "Primer Apellido"
    assert fields.get("company.address.city") == "Municipio"
    assert fields.get("company.address.street") == "Domicilio"
    fields = detect(["Razón social", "Nombres", "Apellidos", "E-mail", "Teléfono móvil"]).fields
    assert fields.get("person.first_name") == "Nombres"
    assert fields.get("person.email") == "E-mail"
    # An Italian testing service's clients: the customer code.
    assert (
        detect(["CODICE CLIENTE", "NOME", "COGNOME", "E-MAIL"]).fields.get("external_id") == "CODICE CLIENTE"
    )


def test_registers_of_companies_by_their_own_words() -> None:
    # Colorado's business entities: the entity's name and its principal office's address.
    header = ["entityid", "entityname", "principaladdress1", "principaladdress2", "principalcity"]
    header += ["principalstate", "principalzipcode", "principalcountry", "mailingaddress1", "mailingcity"]
    assert company_address(header) == {
        "street": "principaladdress1",
        "city": "principalcity",
        "state": "principalstate",
        "postalcode": "principalzipcode",
        "country": "principalcountry",
    }
    fields = detect(header).fields
    assert fields.get("company.name") == "entityname"
    assert fields.get("external_id") == "entityid"
    # Brazil's register of establishments: the trade name, the street, the state, the email.
    header = ["CNPJ BÁSICO", "NOME FANTASIA", "LOGRADOURO", "NÚMERO", "BAIRRO", "CEP", "UF", "MUNICÍPIO"]
    fields = detect([*header, "TELEFONE 1", "CORREIO ELETRÔNICO"]).fields
    assert fields.get("company.name") == "NOME FANTASIA"
    assert fields.get("company.address.street") == "LOGRADOURO"
    assert fields.get("company.address.state") == "UF"
    # An event's "Reg Code" is no registration number: its attendees stay people.
    assert detect(["Name", "Reg Code", "Email", "Phone"]).fields.get("person.email") == "Email"
    # Nor a Malaysian "IC" (an identity card's), nor a CNPJ beside a CPF (people and companies).
    assert detect(["Name", "IC", "Phone", "Email", "Status"]).fields.get("person.email") == "Email"
    header = ["ID", "Nome", "CPF", "CNPJ", "E-mail", "Telefone", "Endereço"]
    assert detect(header).fields.get("person.email") == "E-mail"


def test_review_office_words_names_alone_and_numbers_of_another_party() -> None:
    # "Post Office" is part of an Indian address, "Box Office" a theatre's: no company's columns.
    for header in (
        ["Name", "Mobile", "Address", "Post Office", "City", "State", "Pincode"],
        ["First Name", "Last Name", "Email", "Box Office", "Address", "City", "Zip"],
        ["Vorname", "Nachname", "Zuständiges Büro", "Straße", "PLZ", "Ort"],
    ):
        assert detect(header).fields.get("company.address.city") is None, header
    # A Czech "Jméno" alone is a name, here an organisation's (beside its IČO); beside "Příjmení" the
    # given name.
    fields = detect(["Jméno", "IČO", "Ulice", "Město", "PSČ", "Telefon", "E-mail", "WWW"]).fields
    assert fields.get("company.name") == "Jméno"
    assert "person.email" not in fields
    assert detect(["Jméno", "Příjmení", "E-mail"]).fields.get("person.first_name") == "Jméno"
    # A registration number beside the contact's client or employer is theirs, not the row's.
    fields = detect(["Nombre", "Email", "Móvil", "Cliente", "CIF"]).fields
    assert fields.get("person.email") == "Email"
    fields = detect(["Nimi", "Sähköposti", "Puhelin", "Työnantaja", "Y-tunnus"]).fields
    assert fields.get("person.email") == "Sähköposti"


def test_review_a_phone_column_of_placeholders_keeps_its_numbers(tmp_path: Path) -> None:
    header = ["First Name", "Last Name", "Email", "Phone", "Billing Phone"]
    rows = [
        ["Ann", "Lee", "a@b.test", "N/A", "+1 214 555 0100"],
        ["Bob", "Ray", "b@b.test", "-", "+1 214 555 0101"],
        ["Cy", "Woo", "c@b.test", "0", "+1 214 555 0102"],
        ["Di", "Fox", "d@b.test", "+1 214 555 0199", "+1 214 555 0103"],
        ["Ed", "Ng", "e@b.test", "*2700", "+1 214 555 0104"],
    ]
    assert judged(tmp_path / "phones.csv", header, rows).fields.get("person.person_phone") == "Phone"
    rows = [
        [*row[:3], ext, row[4]] for row, ext in zip(rows, ["101", "102", "103", "104", "105"], strict=True)
    ]
    m = judged(tmp_path / "ext.csv", header, rows)
    assert m.fields.get("person.person_phone") is None  # extensions, and a billing phone is no one's own


def test_an_italian_contact_s_company_block() -> None:
    # Benchmark Email's Italian labels: the person's address, then the company's ("... azienda").
    header = ["Nome", "Cognome", "Email", "Indirizzo", "Città", "Stato", "CAP", "Cellulare", "Nome azienda"]
    header += ["Indirizzo aziendale", "Città azienda", "Stato azienda", "CAP azienda", "Nazione azienda"]
    assert detect(header).fields.get("company.name") == "Nome azienda"
    assert company_address(header) == {
        "street": "Indirizzo aziendale",
        "city": "Città azienda",
        "state": None,  # "Stato azienda" is as often its status (Attiva, Cessata)
        "postalcode": "CAP azienda",
        "country": "Nazione azienda",
    }


def test_east_asian_and_indonesian_words() -> None:
    # F-RevoCRM's accounts (Japanese): the billing address by its kind in brackets, not the shipping.
    header = ["顧客企業名", "Webサイト", "代表電話番号", "郵便番号 (請求先)", "郵便番号(出荷先)"]
    header += [
        "都道府県 (請求先)",
        "都道府県(出荷先)",
        "市町村区 (請求先)",
        "市町村区(出荷先)",
        "番地 (請求先)",
    ]
    assert detect(header).fields.get("company.name") == "顧客企業名"
    assert company_address([*header, "番地(出荷先)"]) == {
        "street": "番地 (請求先)",
        "city": "市町村区 (請求先)",
        "state": "都道府県 (請求先)",
        "postalcode": "郵便番号 (請求先)",
        "country": None,
    }
    # An ERP's customers (Chinese): its name beside its taxpayer number is the organisation's.
    header = ["名称*", "联系人", "手机号码", "联系电话", "电子邮箱", "传真", "纳税人识别号", "地址"]
    fields = detect(header).fields
    assert fields.get("company.name") == "名称*"
    assert "person.email" not in fields
    # RanZhi's contacts in traditional characters: the contact's customer.
    fields = detect(["編號", "真實姓名", "所屬客戶", "手機", "電話", "郵箱", "網址", "地址"]).fields
    assert fields.get("company.name") == "所屬客戶"
    assert fields.get("person.email") == "郵箱"
    # A village's guest book (Indonesian): the guest's institution and phone.
    fields = detect(["NO", "HARI / TANGGAL", "NAMA", "TELEPON", "INSTANSI", "JENIS KELAMIN", "ALAMAT"]).fields
    assert fields.get("company.name") == "INSTANSI"
    assert fields.get("person.person_phone") == "TELEPON"


def test_review_a_bill_to_name_a_malay_department_and_checkbox_columns(tmp_path: Path) -> None:
    # "請求先名" is the bill-to party's whole name (often a company's); its email is no person's.
    fields = detect(["顧客コード", "請求先名", "請求先電話番号", "請求先メールアドレス"]).fields
    assert "person.first_name" not in fields
    assert "person.email" not in fields
    # Malay "Jabatan" is a department ("Jawatan" the position).
    assert "person.title" not in detect(["Nama", "Jabatan", "Emel", "Telefon"]).fields
    # A checkbox column ("x") or a consent's 0/1 is no phone, and a 4-digit extension neither.
    header = ["Vorname", "Nachname", "E-Mail", "Telefon", "Mobil"]
    rows = [["Ann", "Lee", f"a{i}@b.test", flag, f"+49 170 555 01{i:02d}"] for i, flag in enumerate("xx0x")]
    assert judged(tmp_path / "flags.csv", header, rows).fields.get("person.person_phone") == "Mobil"
    rows = [["Ann", "Lee", f"a{i}@b.test", f"47{i:02d}", f"+49 170 555 01{i:02d}"] for i in range(4)]
    assert judged(tmp_path / "ext.csv", header, rows).fields.get("person.person_phone") == "Mobil"


def test_a_scholar_s_web_page_beside_only_their_affiliation_is_theirs() -> None:
    # EasyChair's authors: the page is the author's own, so their country is theirs too.
    m = detect(["first name", "last name", "email", "country", "affiliation", "Web page", "person #"])
    assert "company.website" not in m.fields
    assert m.fields.get("company.name") == "affiliation"
    assert m.fields.get("person.person_country") == "country"
    assert any("'Web page' is the person's page" in n for n in m.notes), m.notes
    # Beside a company's own name the website is the company's.
    fields = detect(["First Name", "Last Name", "Email", "Company", "Website"]).fields
    assert fields.get("company.website") == "Website"


def test_shops_code_prefixes_and_an_ebay_buyer_in_german() -> None:
    # Zen Cart's EasyPopulate/DbIo columns ("v_"), JTL-Shop's character columns ("c"); a site's own
    # customers by their password, so their address is theirs.
    header = ["v_customers_id", "v_customers_firstname", "v_customers_lastname", "v_customers_email_address"]
    fields = detect([*header, "v_customers_telephone"]).fields
    assert fields.get("external_id") == "v_customers_id"
    assert fields.get("person.email") == "v_customers_email_address"
    header = ["cPasswort", "cVorname", "cNachname", "cFirma", "cStrasse", "cPLZ", "cOrt", "cLand", "cTel"]
    fields = detect([*header, "cMail", "cWWW", "cKundenNr"]).fields
    assert {
        k: fields.get(k) for k in ("person.first_name", "person.email", "company.name", "external_id")
    } == {
        "person.first_name": "cVorname",
        "person.email": "cMail",
        "company.name": "cFirma",
        "external_id": "cKundenNr",
    }
    assert fields.get("person.person_country") == "cLand"
    assert fields.get("company.address.city") is None
    # eBay.de's orders: the buyer's ("des Käufers", written "Kaeufers").
    header = ["Verkaufsprotokollnummer", "Mitgliedsname", "E-Mail des Kaeufers", "Land des Käufers"]
    assert detect(header).fields.get("person.email") == "E-Mail des Kaeufers"


def test_review_a_contact_s_job_keeps_the_employer_s_site_and_caps_lock_keeps_its_first_letter() -> None:
    # A university's contacts with their job: the institution's website and address.
    header = ["First Name", "Last Name", "Title", "Institution", "Email", "Website", "Address", "City"]
    fields = detect([*header, "Country"]).fields
    assert fields.get("company.website") == "Website"
    assert fields.get("company.address.city") == "City"
    # A hand-typed header with caps lock on: "cOMPANY NAME" is the company name, no code's prefix.
    fields = detect(["fIRST NAME", "lAST NAME", "eMAIL", "cOMPANY NAME", "sTREET", "cITY", "cOUNTRY"]).fields
    assert fields.get("company.name") == "cOMPANY NAME"
    assert fields.get("company.address.city") == "cITY"
    # A marketplace's vendor columns ("v_email") are no customer's.
    fields = detect(["order_id", "customer_name", "customer_email", "v_name", "v_email", "v_phone"]).fields
    assert fields.get("person.email") == "customer_email"
    assert "person.person_phone" not in fields


def test_chinese_admin_panels_and_a_french_entity() -> None:
    # pig's and SpringBlade's users: the post's name is the job; JeeSite's staff: their company.
    fields = detect(["用户编号", "用户名", "手机号", "姓名", "邮箱", "部门名称", "岗位名称"]).fields
    assert fields.get("person.title") == "岗位名称"
    assert fields.get("external_id") == "用户编号"
    fields = detect(
        ["归属机构", "归属公司", "登录账号", "电子邮箱", "手机号码", "员工编码", "员工姓名"]
    ).fields
    assert fields.get("company.name") == "归属公司"
    # SmartAdmin's enterprises: the province's and the city's names, the detailed address.
    header = [
        "企业名称",
        "统一社会信用代码",
        "联系人",
        "联系人电话",
        "邮箱",
        "省份名称",
        "城市名称",
        "详细地址",
    ]
    assert company_address(header) == {
        "street": "详细地址",
        "city": "城市名称",
        "state": "省份名称",
        "postalcode": None,
        "country": None,
    }
    assert detect(header).fields.get("company.name") == "企业名称"
    # Ekylibre's entities (French): the entity's name, the mobile.
    fields = detect(
        ["Prénom", "Nom", "Adresse", "code postal", "Ville", "Portable", "Nom entité", "email"]
    ).fields
    assert fields.get("company.name") == "Nom entité"
    assert fields.get("person.person_phone") == "Portable"


def test_french_role_words_after_the_field_and_more_words() -> None:
    # A job board's candidates, a housing report's occupants: the role after the field.
    header = ["Civilité candidat", "Nom candidat", "Prénom candidat", "Email candidat", "Téléphone candidat"]
    fields = detect([*header, "Nom structure employeur"]).fields
    assert fields.get("person.first_name") == "Prénom candidat"
    assert fields.get("person.email") == "Email candidat"
    fields = detect(
        ["Référence", "Nom occupant", "Prénom occupant", "Tél. occupant", "E-mail occupant"]
    ).fields
    assert fields.get("person.email") == "E-mail occupant"
    assert fields.get("person.person_phone") == "Tél. occupant"
    # acceslibre's places: the street ("voie") and the municipality ("commune").
    fields = detect(
        ["id", "name", "postal_code", "commune", "numero", "voie", "siret", "site_internet"]
    ).fields
    assert fields.get("company.address.city") == "commune"
    assert fields.get("company.address.street") == "voie"
    # Exment's organisations (Japanese), an ISP billing system's customers (Lithuanian).
    assert detect(["ID", "組織コード", "組織名", "親組織"]).fields.get("company.name") == "組織名"
    fields = detect(["ID", "Name/Surname", "First name", "Adresas", "Telefonas", "E-mail"]).fields
    assert fields.get("person.person_phone") == "Telefonas"
