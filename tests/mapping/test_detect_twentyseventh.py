"""Detection, twenty-seventh round: what the blind held-out sets R23-R42 still missed, and what the
next blind sets (R43-R47) found at first sight. Each test fails on 368cd2e, the code before it; the
guards beside them hold on both. Values are invented."""

from __future__ import annotations

from pathlib import Path

from leadspace_cli.mapping.detect import detect
from tests.mapping.test_detect_eleventh import judged
from tests.mapping.test_detect_twentyfourth import judged_lines


def test_a_bare_name_beside_an_affiliation_or_a_title_is_the_people_s(tmp_path: Path) -> None:
    # A conference's speaker sheet: "Name" beside "Affiliation", no email; an attendee list whose
    # emails are generic mailboxes; a policy contacts table whose "Name" sits beside a "Title".
    speakers = [
        ["Dana Bassett", "University of Pennsylvania", "https://dana.example"],
        ["Alex Pouget", "Geneva University", "https://alex.example"],
        ["Vera Emiliani", "Vision Institute", ""],
    ]
    fields = judged(tmp_path / "speakers.csv", ["Name", "Affiliation", "URL_homepage"], speakers).fields
    assert fields.get("person.full_name") == "Name"
    assert fields.get("company.name") == "Affiliation"
    attendees = [
        ["Janelle Anderson", "Emerging Life Coaching", "life.coaching@gmail.example"],
        ["Kendell Cook", "The Prepared Group", "info@prepared.example"],
        ["Keren Kilgore", "Quantum Shift Media", "hello@quantum.example"],
    ]
    fields = judged(tmp_path / "attendees.csv", ["name", "organization", "email"], attendees).fields
    assert fields.get("person.full_name") == "name"
    titled = [["Ro Khanna", "Representative"], ["Ann Lee", "Senator"], ["Bo Ray", "Mayor"]]
    fields = judged(tmp_path / "people.csv", ["Name", "Title"], titled).fields
    assert fields.get("person.full_name") == "Name"
    assert fields.get("person.title") == "Title"


def test_a_bare_name_that_repeats_the_company_or_names_firms_is_not_a_person_s(tmp_path: Path) -> None:
    # Guards: a one-person firm's list whose "Name" is the company's own name, and a "Name" of firms
    # beside a "Parent Company" are not split into a person's first and last name.
    same = [["Blue Harbor", "Blue Harbor", "CEO"], ["Green Field", "Green Field", "CFO"]]
    same.append(["Red Rock", "Red Rock", "COO"])
    fields = judged(tmp_path / "same.csv", ["Name", "Company", "Title"], same).fields
    assert "person.full_name" not in fields
    firms = [["Acme Inc", "Acme Holdings"], ["Beta LLC", "Beta Group"], ["Gamma GmbH", "Gamma AG"]]
    fields = judged(tmp_path / "firms.csv", ["Name", "Company"], firms).fields
    assert "person.full_name" not in fields


def test_the_tool_s_own_record_id_comes_before_another_system_s_external_id(tmp_path: Path) -> None:
    # Salesforce's "Id" beside a custom "External_Id__c"; Freshsales' and Outreach's records, whose
    # "external_id" is empty in most rows: the tool's own id is the row's.
    rows = [
        ["0031x01", "EXT-9", "Ann", "Lee", "ann@acme.example"],
        ["0031x02", "", "Bo", "Ray", "bo@beta.example"],
    ]
    header = ["Id", "External_Id__c", "FirstName", "LastName", "Email"]
    fields = judged(tmp_path / "contacts.csv", header, rows).fields
    assert fields.get("external_id") == "Id"
    empty = [["88213", "", "Ann", "Lee"], ["88214", "", "Bo", "Ray"], ["88215", "", "Cy", "Dee"]]
    fields = judged(tmp_path / "prospects.csv", ["id", "externalId", "firstName", "lastName"], empty).fields
    assert fields.get("external_id") == "id"
    # Guard: an "External ID" alone is still the row's.
    fields = judged(
        tmp_path / "upload.csv", ["External ID", "First Name", "Last Name"], [["7", "Ann", "Lee"]]
    ).fields
    assert fields.get("external_id") == "External ID"


def test_record_ids_by_their_tools_names(tmp_path: Path) -> None:
    # Sage Pastel's customers' "Account Code", SAP's business partners' "PARTNERID", a Salesforce
    # report's "Contact ID 18", GoTo Webinar's "registrantKey", a monday.com board's item id.
    accounts = [
        ["ACME001", "Acme Construction Ltd", "011 555 4910"],
        ["APEX002", "Apex Decorators", "011 555 8821"],
    ]
    fields = judged(
        tmp_path / "pastel.csv", ["Account Code", "Customer Description", "Telephone"], accounts
    ).fields
    assert fields.get("external_id") == "Account Code"
    partners = [["0100000000", "All For Bikes", "http://www.all4bikes.example"]]
    partners.append(["0100000001", "Amaze Bikes Inc", "http://www.amazebikes.example"])
    fields = judged(tmp_path / "sap.csv", ["PARTNERID", "COMPANYNAME", "WEBADDRESS"], partners).fields
    assert fields.get("external_id") == "PARTNERID"
    people = [["003VZ01", "Ann", "Lee", "Acme"], ["003VZ02", "Bo", "Ray", "Beta"]]
    fields = judged(
        tmp_path / "report.csv", ["Contact ID 18", "First Name", "Last Name", "Account Name"], people
    ).fields
    assert fields.get("external_id") == "Contact ID 18"
    registrants = [["Ann", "Lee", "ann@acme.example", "7712"], ["Bo", "Ray", "bo@beta.example", "7713"]]
    header = ["firstName", "lastName", "email", "registrantKey"]
    assert judged(tmp_path / "goto.csv", header, registrants).fields.get("external_id") == "registrantKey"
    board = [
        ["Westbridge Council", "Claire", "Hammond", "7184320551"],
        ["Riverside Care", "Dan", "Okafor", "7184320587"],
    ]
    header = ["Name", "First Name", "Last Name", "Item ID (auto generated)"]
    assert (
        judged(tmp_path / "board.csv", header, board).fields.get("external_id") == "Item ID (auto generated)"
    )
    # Guard: beside people, an account's code is their employer's record, not the row's.
    fields = judged(
        tmp_path / "contacts.csv", ["Account Code", "First Name", "Last Name"], [["A1", "Ann", "Lee"]]
    ).fields
    assert "external_id" not in fields


def test_an_address_book_s_first_entry_is_read_by_its_parts(tmp_path: Path) -> None:
    # BigCommerce's customers export: "Address City - 1" is the first address book entry's city,
    # "- 2" another entry's, not sent.
    header = ["Email Address", "First Name", "Last Name", "Company", "Address Line 1 - 1", "Address City - 1"]
    header += [
        "Address State - 1",
        "Address Zip - 1",
        "Address Country - 1",
        "Address City - 2",
        "Customer ID",
    ]
    gloria = ["gloria@tidewater.example", "Gloria", "Mendez", "Tidewater HVAC", "2100 Azalea Rd", "Norfolk"]
    pat = ["pat@summit.example", "Patrick", "Dwyer", "Summit Medical", "1601 Lowell Blvd", "Denver"]
    rows = [[*gloria, "Virginia", "23513", "United States", "Richmond", "10412"]]
    rows.append([*pat, "Colorado", "80204", "United States", "", "10415"])
    fields = judged(tmp_path / "customers.csv", header, rows).fields
    assert fields.get("company.address.street") == "Address Line 1 - 1"
    assert fields.get("company.address.city") == "Address City - 1"
    assert fields.get("company.address.state") == "Address State - 1"
    assert fields.get("company.address.postalcode") == "Address Zip - 1"
    assert fields.get("company.address.country") == "Address Country - 1"


def test_job_titles_and_company_names_in_german_french_and_spanish_exports(tmp_path: Path) -> None:
    # German HubSpot's "Jobtitel" and "Unternehmensname", a French prospecting database's "Poste
    # occupé", Odoo's Spanish "Puesto de trabajo".
    rows = [["Katrin", "Hoffmann", "k.hoffmann@brandt.example", "Leiterin Einkauf", "Brandt Logistik GmbH"]]
    rows.append(["Tobias", "Reiter", "t.reiter@alpen.example", "Geschäftsführer", "Alpenkraft GmbH"])
    fields = judged(
        tmp_path / "de.csv", ["Vorname", "Nachname", "E-Mail", "Jobtitel", "Unternehmensname"], rows
    ).fields
    assert fields.get("person.title") == "Jobtitel"
    assert fields.get("company.name") == "Unternehmensname"
    fields = judged(
        tmp_path / "fr.csv", ["Prénom", "Nom", "Poste occupé", "Entreprise"], [r[:2] + r[3:] for r in rows]
    ).fields
    assert fields.get("person.title") == "Poste occupé"
    fields = judged(
        tmp_path / "es.csv",
        ["Nombre", "Apellidos", "Puesto de trabajo", "Empresa"],
        [r[:2] + r[3:] for r in rows],
    ).fields
    assert fields.get("person.title") == "Puesto de trabajo"


def test_a_plural_email_column_with_a_few_cells_of_several_is_sent_for_the_others(tmp_path: Path) -> None:
    # LinkedIn Talent Hub's candidates: "emails" and "phone_numbers" hold one value in most cells,
    # two separated by ";" in a few; those few are not sent (which is the person's cannot be told).
    header = ["candidate_id", "first_name", "last_name", "emails", "phone_numbers"]
    rows = [
        ["1184302957", "Ananya", "Krishnan", "ananya.k@gmail.example", "+91 98450 12345"],
        [
            "1184309112",
            "Tobias",
            "Wendt",
            "t.wendt@web.example;t.wendt@siemens.example",
            "+49 151 5550 2291;+49 89 555 3310",
        ],
        ["1184311870", "Maria", "Lopez", "maria.lopez@acme.example", "+34 600 123 456"],
        ["1184311871", "Chen", "Wei", "chen.wei@beta.example", "+86 138 0013 8000"],
    ]
    mapping = judged(tmp_path / "candidates.csv", header, rows)
    assert mapping.fields.get("person.email") == "emails"
    assert mapping.fields.get("person.person_phone") == "phone_numbers"
    assert any("the cells that hold several are not" in n for n in mapping.notes)
    # Guard: where most cells hold several, the column is not sent.
    rows = [[*r[:3], "a@x.example; b@y.example", ""] for r in rows]
    assert "person.email" not in judged(tmp_path / "several.csv", header, rows).fields


def test_an_applicant_s_job_title_is_the_posting_s_and_the_hiring_company_is_not_theirs(
    tmp_path: Path,
) -> None:
    # JazzHR's applicants: "job_title" beside "job_id" and "apply_date" is the job applied for;
    # Workable's candidates: "account.name" is the hiring account on every row, "headline" their job.
    header = ["id", "first_name", "last_name", "prospect_phone", "apply_date", "job_id", "job_title"]
    rows = [
        ["prospect_1", "Latoya", "Simmons", "(704) 555-0163", "2021-03-11", "job_7", "Warehouse Associate"],
        ["prospect_2", "Brandon", "Kowalczyk", "704-555-0118", "2021-03-12", "job_7", "Warehouse Associate"],
        ["prospect_3", "Ana", "Diaz", "704-555-0119", "2021-03-13", "job_8", "Forklift Driver"],
    ]
    fields = judged(tmp_path / "applicants.csv", header, rows).fields
    assert "person.title" not in fields
    header = [
        "id",
        "firstname",
        "lastname",
        "email",
        "headline",
        "account.name",
        "job.shortcode",
        "job.title",
        "stage",
    ]
    rows = [
        [
            "ce4da98",
            "Lakita",
            "Marrero",
            "lakita@mail.example",
            "Operations Manager",
            "Groove Tech",
            "G5",
            "Office Manager",
            "Interview",
        ],
        [
            "108d174",
            "Cindy",
            "Sawyers",
            "cindy@mail.example",
            "Team Lead",
            "Groove Tech",
            "G5",
            "Office Manager",
            "Applied",
        ],
        [
            "2a1e9f0",
            "Jo",
            "Botha",
            "jo@mail.example",
            "Administrator",
            "Groove Tech",
            "G5",
            "Office Manager",
            "Applied",
        ],
    ]
    fields = judged(tmp_path / "workable.csv", header, rows).fields
    assert fields.get("person.title") == "headline"
    assert "company.name" not in fields
    # Guard: an HR export's own "Job Title" beside a "Job ID" and no application is the person's.
    rows = [["E1", "Ann", "Lee", "J7", "Buyer", "Acme"], ["E2", "Bo", "Ray", "J8", "Clerk", "Acme"]]
    rows.append(["E3", "Cy", "Dee", "J9", "Driver", "Acme"])
    header = ["Employee ID", "First Name", "Last Name", "Job ID", "Job Title", "Company"]
    fields = judged(tmp_path / "staff.csv", header, rows).fields
    assert fields.get("person.title") == "Job Title"
    assert fields.get("company.name") == "Company"


def test_a_social_network_is_no_company_site_however_few_rows(tmp_path: Path) -> None:
    # Workable's "domain" is where a candidate was found (twitter.com), in two rows of three.
    rows = [["Ann", "Lee", "ann@mail.example", "twitter.com", "Acme"]]
    rows += [
        ["Bo", "Ray", "bo@mail.example", "twitter.com", "Beta"],
        ["Cy", "Dee", "cy@mail.example", "", "Gamma"],
    ]
    header = ["First Name", "Last Name", "Email", "domain", "Company"]
    fields = judged(tmp_path / "found.csv", header, rows).fields
    assert "company.website" not in fields
    assert fields.get("company.name") == "Company"
    # Guard: two rows of company sites are sent.
    rows = [[*r[:3], site, r[4]] for r, site in zip(rows, ["acme.example", "beta.example", ""], strict=True)]
    assert judged(tmp_path / "sites.csv", header, rows).fields.get("company.website") == "domain"


def test_listings_named_by_their_title_are_companies(tmp_path: Path) -> None:
    # A chamber of commerce's directory: "title" holds the members' names, beside their addresses.
    header = ["id", "title", "street1", "city", "state", "zip", "phone", "webUrl"]
    rows = [
        [
            "584",
            "Ascension Seton Hospital",
            "1345 Philomena St",
            "Austin",
            "TX",
            "78723",
            "(512) 324-1902",
            "http://seton.example",
        ],
        [
            "3818",
            "Bailey Square Surgery Center",
            "98 San Jacinto Blvd",
            "Austin",
            "TX",
            "78701",
            "(512) 482-4199",
            "http://stdavids.example",
        ],
        [
            "4011",
            "Capital Dental Group LLC",
            "12 Lamar Blvd",
            "Austin",
            "TX",
            "78704",
            "(512) 555-0101",
            "http://capdental.example",
        ],
        [
            "4100",
            "Lone Star Physical Therapy Inc",
            "7 Oak St",
            "Austin",
            "TX",
            "78705",
            "(512) 555-0102",
            "http://lonestarpt.example",
        ],
    ]
    fields = judged(tmp_path / "directory.csv", header, rows).fields
    assert fields.get("company.name") == "title"
    assert fields.get("company.address.street") == "street1"
    assert fields.get("company.address.city") == "city"
    assert "person.person_phone" not in fields


def test_names_occupations_and_candidates_in_indonesian_french_and_bullhorn_records(tmp_path: Path) -> None:
    # An Indonesian alumni list: "Nama", "Pekerjaan" (occupation), "Kontak" holding emails; a French
    # scoring grid's "Candidat"; Bullhorn's client contacts' "clientCorporation.name".
    rows = [["Andi Susanto", "2020", "Software Engineer", "andi@example.com"]]
    rows += [["Siti Aminah", "2019", "Network Administrator", "siti@example.com"]]
    rows += [["Budi Rahman", "2021", "Graphic Designer", "budi@example.com"]]
    fields = judged(tmp_path / "alumni.csv", ["Nama", "Tahun Lulus", "Pekerjaan", "Kontak"], rows).fields
    assert fields.get("person.title") == "Pekerjaan"
    assert fields.get("person.email") == "Kontak"
    assert fields.get("person.full_name") == "Nama"
    rows = [["Jean Moussavou", "12", "14"], ["Aline Ndong", "15", "11"], ["Paul Obiang", "9", "13"]]
    assert (
        judged(tmp_path / "grid.csv", ["Candidat", "Note 1", "Note 2"], rows).fields.get("person.full_name")
        == "Candidat"
    )
    rows = [
        ["1", "Ann", "Lee", "ann@acme.example", "", "Acme Corp"],
        ["2", "Bo", "Ray", "bo@beta.example", "", "Beta Inc"],
    ]
    header = ["id", "firstName", "lastName", "email", "companyName", "clientCorporation.name"]
    assert (
        judged(tmp_path / "contacts.csv", header, rows).fields.get("company.name") == "clientCorporation.name"
    )


def test_outlook_and_thunderbird_exports_in_traditional_chinese_and_finnish() -> None:
    # Outlook's Traditional Chinese contacts export and Thunderbird's Finnish address book, read as
    # their English exports (Roundcube's csv2vcard names for them).
    header = ["頭銜", "名字", "中間名", "姓氏", "稱謂", "公司", "部門", "職稱", "商務 - 街", "商務 - 市/鎮"]
    header += ["商務 - 縣市", "商務 - 郵遞區號", "商務 - 國家/地區", "住家 - 街", "住家 - 市/鎮", "商務電話"]
    header += ["住家電話", "行動電話", "電子郵件地址", "網頁"]
    fields = detect(header).fields
    assert fields.get("person.first_name") == "名字"
    assert fields.get("person.last_name") == "姓氏"
    assert fields.get("person.email") == "電子郵件地址"
    assert fields.get("company.address.street") == "商務 - 街"
    assert fields.get("company.address.city") == "商務 - 市/鎮"
    assert fields.get("company.address.state") == "商務 - 縣市"
    assert fields.get("company.address.postalcode") == "商務 - 郵遞區號"
    assert fields.get("company.address.country") == "商務 - 國家/地區"
    assert fields.get("person.title") == "職稱"
    assert "頭銜" not in fields.values()  # the salutation before the names
    header = [
        "Etunimi",
        "Sukunimi",
        "Näyttönimi",
        "Ensisijainen sähköposti",
        "Työpuhelin",
        "Matkapuhelinnumero",
    ]
    header += ["Työosoite", "Työpaikan kaupunki", "Työpaikan lääni", "Työpaikan postinumero", "Työpaikan maa"]
    header += ["Ammattinimi", "Järjestö", "Kotiosoite", "Kotikaupunki"]
    fields = detect(header).fields
    assert fields.get("company.name") == "Järjestö"
    assert fields.get("person.title") == "Ammattinimi"
    assert fields.get("company.address.street") == "Työosoite"
    assert fields.get("company.address.city") == "Työpaikan kaupunki"
    assert fields.get("company.address.country") == "Työpaikan maa"


def test_a_link_to_a_company_record_names_no_company(tmp_path: Path) -> None:
    # Bitrix24's contacts: an empty "COMPANY_ID" beside the contact's own ADDRESS_* (their home) and
    # their "POST" (the position held).
    header = ["ID", "POST", "NAME", "LAST_NAME", "COMPANY_ID", "ADDRESS", "ADDRESS_CITY", "ADDRESS_COUNTRY"]
    rows = [
        ["15872", "Motorista", "Carlos", "Ribeiro", "", "Rua Padre Anchieta, 455", "Curitiba", "Brasil"],
        ["15874", "Enfermeira", "Fernanda", "Albuquerque", "", "Rua XV, 12", "Londrina", "Brasil"],
        ["15880", "Professor", "Jorge", "Lima", "", "Av. Brasil, 90", "Maringá", "Brasil"],
    ]
    fields = judged(tmp_path / "contacts.csv", header, rows).fields
    assert fields.get("person.title") == "POST"
    assert fields.get("person.person_country") == "ADDRESS_COUNTRY"
    assert not any(path.startswith("company.address") for path in fields)


def test_a_form_s_questions_in_portuguese_and_spanish() -> None:
    header = [
        "Qual seu nome?",
        "Qual seu Whatsapp?",
        "Qual o seu melhor e-mail?",
        "Qual o seu cargo na empresa?",
    ]
    fields = detect(header).fields
    assert fields.get("person.person_phone") == "Qual seu Whatsapp?"
    assert fields.get("person.email") == "Qual o seu melhor e-mail?"
    assert fields.get("person.title") == "Qual o seu cargo na empresa?"
    fields = detect(
        ["¿Cuál es tu nombre?", "¿Cuál es tu correo electrónico?", "¿Cuál es tu teléfono?"]
    ).fields
    assert fields.get("person.email") == "¿Cuál es tu correo electrónico?"
    assert fields.get("person.person_phone") == "¿Cuál es tu teléfono?"


def test_a_kommo_lead_s_main_contact_and_their_fields(tmp_path: Path) -> None:
    # Kommo's leads export in Portuguese: "Contato principal" (the contact's whole name), their
    # "Email comercial (contato)" and "Telefone comercial (contato)"; "Empresa do contato" repeats the
    # contact's name where the lead named no company.
    header = ["ID", "Contato principal", "Empresa do contato", "Email comercial (contato)"]
    header += ["Telefone comercial (contato)", "Celular (contato)"]
    rows = [
        ["29367605", "Glória Vemba", "Glória Vemba", "gloria.vemba@gmail.example", "55 11942424692", ""],
        ["29367583", "Bruno Alegro", "Bruno Alegro", "bruno@alegro.example", "55 19953220411", ""],
        ["29367570", "Luiz França", "Luiz França", "luiz.franca@mail.example", "55 11966092236", ""],
    ]
    mapping = judged(tmp_path / "leads.csv", header, rows)
    assert mapping.fields.get("person.full_name") == "Contato principal"
    assert mapping.fields.get("person.email") == "Email comercial (contato)"
    assert mapping.fields.get("person.person_phone") == "Telefone comercial (contato)"
    assert "company.name" not in mapping.fields
    # Guard: a company of its own is sent.
    rows = [[*r[:2], f"Empresa {i}", *r[3:]] for i, r in enumerate(rows)]
    assert judged(tmp_path / "firms.csv", header, rows).fields.get("company.name") == "Empresa do contato"


def test_a_record_s_name_that_is_the_person_s_is_no_company_fallback(tmp_path: Path) -> None:
    # amoCRM's contacts: "Наименование" (the record's name: the contact's own) behind "Компания".
    header = ["ID", "Наименование", "Имя", "Фамилия", "Компания", "Рабочий email"]
    rows = [
        ["35988019", "Асадбек Русланбеков", "Асадбек", "Русланбеков", "", "asadbek@yandex.example"],
        ["35964183", "Бахтиёр Алимкулов", "Бахтиёр", "Алимкулов", "ООО Ромашка", "bahtiyor@gmail.example"],
        ["35926871", "Waleed Musabeh", "Waleed Musabeh", "", "", "wmusbeh@hotmail.example"],
    ]
    fields = judged(tmp_path / "contacts.csv", header, rows).fields
    assert fields.get("company.name") == "Компания"


def test_salesforce_s_japanese_address_parts() -> None:
    header = [
        "取引先 ID",
        "取引先名",
        "町名・番地(請求先)",
        "市区郡(請求先)",
        "都道府県(請求先)",
        "郵便番号(請求先)",
    ]
    fields = detect(header).fields
    assert fields.get("company.address.street") == "町名・番地(請求先)"
    assert fields.get("company.address.city") == "市区郡(請求先)"
    assert fields.get("company.address.state") == "都道府県(請求先)"


def test_a_whole_name_that_repeats_the_organisations_names_is_no_person_s(tmp_path: Path) -> None:
    # The French register's search results: "nom_complet" repeats "nom_raison_sociale".
    header = ["siren", "nom_complet", "nom_raison_sociale", "code_postal"]
    rows = [
        ["216900621", "ACME SAS", "ACME SAS", "75002"],
        ["216900622", "BOULANGERIE MARTIN", "BOULANGERIE MARTIN", "33000"],
    ]
    rows.append(["216900623", "DUPONT CONSEIL SARL", "DUPONT CONSEIL SARL", "69001"])
    fields = judged(tmp_path / "firms.csv", header, rows).fields
    assert fields.get("company.name") == "nom_raison_sociale"
    assert "person.full_name" not in fields


def test_the_nonprofit_success_pack_s_own_fields_and_a_household_is_no_employer(tmp_path: Path) -> None:
    # NPSP's contacts: "npe01__WorkEmail__c" (empty in a row) then "npe01__HomeEmail__c", never the
    # "npe01__Preferred_Email__c" picklist (Work, Personal); the primary affiliation is the employer,
    # the household account no company.
    header = ["sf_id", "FirstName", "LastName", "npe01__Preferred_Email__c", "npe01__HomeEmail__c"]
    header += [
        "npe01__WorkEmail__c",
        "npe01__WorkPhone__c",
        "Account.Name",
        "npsp__Primary_Affiliation__r.Name",
    ]
    rows = [
        ["0036g01", "Pavlina", "Dominico", "Personal", "pav@home.example", "", "", "Dominico Household", ""],
        [
            "0036g02",
            "Ann",
            "Lee",
            "Work",
            "",
            "ann.lee@acme.example",
            "555-0101",
            "Lee Household",
            "Acme Corp",
        ],
        ["0036g03", "Bo", "Ray", "Work", "", "bo.ray@beta.example", "555-0102", "Ray Household", "Beta Inc"],
    ]
    fields = judged(tmp_path / "contacts.csv", header, rows).fields
    assert fields.get("external_id") == "sf_id"
    assert fields.get("person.email") == ["npe01__WorkEmail__c", "npe01__HomeEmail__c"]
    assert fields.get("person.person_phone") == "npe01__WorkPhone__c"
    assert fields.get("company.name") == "npsp__Primary_Affiliation__r.Name"


def test_a_title_of_salutations_in_two_rows_is_no_job(tmp_path: Path) -> None:
    # eTapestry's gift import: "Title" is "Mrs." in both of its rows; its "Voice" is the donor's phone.
    header = ["Title", "First", "Last", "Voice", "Email", "Received"]
    rows = [["Mrs.", "Danielle", "Davidson", "(317) 336-3827", "dd@mail.example", "20"]]
    rows.append(["Mrs.", "Ellie", "Elder", "(317) 336-3828", "ee@mail.example", "25"])
    fields = judged(tmp_path / "gifts.csv", header, rows).fields
    assert "person.title" not in fields
    assert fields.get("person.person_phone") == "Voice"
    # Guard: one job title in two rows is a job.
    rows = [["Manager", *r[1:]] for r in rows]
    assert judged(tmp_path / "jobs.csv", header, rows).fields.get("person.title") == "Title"


def test_member_and_contact_ids_of_a_party_and_civicrm(tmp_path: Path) -> None:
    rows = [["1001", "Anna", "Schmidt", "anna@mail.example"], ["1002", "Jan", "Meyer", "jan@mail.example"]]
    header = ["Mitgliedsnummer", "Vorname", "Nachname", "E-Mail"]
    assert judged(tmp_path / "members.csv", header, rows).fields.get("external_id") == "Mitgliedsnummer"
    header = ["CiviCRM ID", "First Name", "Last Name", "Email"]
    assert judged(tmp_path / "civi.csv", header, rows).fields.get("external_id") == "CiviCRM ID"


def test_an_activity_s_lead_is_the_row_s_person(tmp_path: Path) -> None:
    # Lemlist's activities: "_id" is the activity's, "leadId" the lead's record; "emailId" is the sent
    # email's id, "leadEmail" the lead's address (one cell holding a bare name aside).
    header = [
        "_id",
        "type",
        "sendUserEmail",
        "leadId",
        "leadFirstName",
        "leadLastName",
        "leadEmail",
        "emailId",
    ]
    rows = [
        [
            "act_1",
            "emailsSent",
            "richard@piedpiper.example",
            "lea_1",
            "Jeanne",
            "Doe",
            "jeanne@doe.example",
            "eml_1",
        ],
        ["act_2", "emailsOpened", "richard@piedpiper.example", "lea_1", "Jeanne", "Doe", "jeanne", "eml_2"],
        [
            "act_3",
            "emailsSent",
            "richard@piedpiper.example",
            "lea_2",
            "Julien",
            "Petit",
            "julien@batiplus.example",
            "eml_3",
        ],
        [
            "act_4",
            "emailsSent",
            "richard@piedpiper.example",
            "lea_3",
            "Nadia",
            "Benali",
            "n.benali@sud.example",
            "eml_4",
        ],
        [
            "act_5",
            "emailsSent",
            "richard@piedpiper.example",
            "lea_4",
            "Tom",
            "Girard",
            "t.girard@eiffage.example",
            "eml_5",
        ],
    ]
    fields = judged(tmp_path / "activities.csv", header, rows).fields
    assert fields.get("external_id") == "leadId"
    assert fields.get("person.email") == "leadEmail"


def test_a_prospecting_tool_s_professional_email(tmp_path: Path) -> None:
    # Waalaxy's contacts: "proEmail" (the work address) beside "linkedinEmail" (a private one).
    header = ["firstName", "lastName", "company_name", "linkedinEmail", "proEmail"]
    rows = [["Camille", "Lefebvre", "Sunfleet", "camille.l@gmail.example", "camille@sunfleet.example"]]
    rows.append(["Hugo", "Martin", "Batiplus", "", "hugo@batiplus.example"])
    fields = judged(tmp_path / "waalaxy.csv", header, rows).fields
    assert fields.get("person.email") == "proEmail"


def test_kintone_s_records_read_through_their_values(tmp_path: Path) -> None:
    # kintone's REST records: every field an object of its type and value ("担当者名": {"type", "value"}).
    def field(value: str) -> dict[str, str]:
        return {"type": "SINGLE_LINE_TEXT", "value": value}

    people = [("412", "有限会社山田塗装店", "代表取締役", "山田 正樹", "info@yamada.example")]
    people += [("413", "佐々木設備工業株式会社", "工務部長", "佐々木 亮", "r.sasaki@sasaki.example")]
    people += [("414", "株式会社緑化", "営業課長", "田中 一郎", "tanaka@ryokka.example")]
    lines = [
        {
            "レコード番号": field(no),
            "支払先正式名称": field(firm),
            "役職名": field(title),
            "担当者名": field(name),
            "メールアドレス": field(email),
        }
        for no, firm, title, name, email in people
    ]
    fields = judged_lines(tmp_path / "records.jsonl", lines).fields
    assert fields.get("company.name") == "支払先正式名称.value"
    assert fields.get("person.title") == "役職名.value"
    assert fields.get("person.email") == "メールアドレス.value"
    assert fields.get("person.full_name") == "担当者名.value"


def test_no_one_in_charge_known_leaves_the_firms_mailboxes_and_numbers(tmp_path: Path) -> None:
    # A Japanese prospect list: "担当者名" says "担当者未確認" (no one in charge known) on every row;
    # its mailboxes are the firms' (info@) and its numbers their switchboards.
    header = ["会社名", "都道府県", "担当者名", "役職", "メールアドレス", "電話番号"]
    rows = [
        ["株式会社高山", "宮城県", "担当者未確認", "", "info@takayama.example", "022-000-0001"],
        ["株式会社北陸精機", "富山県", "担当者未確認", "", "info@hokuriku.example", "076-000-0000"],
        ["越後食品株式会社", "新潟県", "担当者未確認", "", "sales@echigo.example", "025-000-0000"],
    ]
    fields = judged(tmp_path / "prospects.csv", header, rows).fields
    assert fields.get("company.name") == "会社名"
    assert "person.email" not in fields
    assert "person.person_phone" not in fields
    # Guard: a named person in charge keeps their mailbox.
    rows = [
        [r[0], r[1], name, "部長", f"{box}@firm{i}.example", r[5]]
        for i, (r, name, box) in enumerate(
            zip(
                rows,
                ["山田 正樹", "佐々木 亮", "田中 一郎"],
                ["m.yamada", "r.sasaki", "i.tanaka"],
                strict=True,
            )
        )
    ]
    assert judged(tmp_path / "named.csv", header, rows).fields.get("person.email") == "メールアドレス"


def test_public_registers_entities_and_awards() -> None:
    # SAM.gov's entities: "legalBusinessName", "physicalAddress.city"; FMCSA's carriers: "PHY_CITY";
    # NSF's awards: the awardee organisation's columns and its principal investigator's.
    fields = detect(
        ["ueiSAM", "legalBusinessName", "physicalAddress.addressLine1", "physicalAddress.city"]
    ).fields
    assert fields.get("company.name") == "legalBusinessName"
    assert fields.get("company.address.street") == "physicalAddress.addressLine1"
    assert fields.get("company.address.city") == "physicalAddress.city"
    fields = detect(
        ["DOT_NUMBER", "LEGAL_NAME", "DBA_NAME", "PHY_STREET", "PHY_CITY", "PHY_STATE", "PHY_ZIP"]
    ).fields
    assert fields.get("company.address.city") == "PHY_CITY"
    assert fields.get("company.address.postalcode") == "PHY_ZIP"
    header = ["awardeeName", "awardeeAddress", "awardeeCity", "awardeeStateCode", "piFirstName", "piLastName"]
    header += ["piEmail", "piPhone", "poName", "poEmail"]
    fields = detect(header).fields
    assert fields.get("company.name") == "awardeeName"
    assert fields.get("company.address.city") == "awardeeCity"
    assert fields.get("person.first_name") == "piFirstName"
    assert fields.get("person.email") == "piEmail"
    # Guard: a company's own contact comes before the principal investigator (SBIR's awards).
    fields = detect(["Company", "Contact Name", "Contact Email", "PI Name", "PI Email"]).fields
    assert fields.get("person.email") == "Contact Email"


def test_a_lead_post_s_consumer_and_a_job_s_customer(tmp_path: Path) -> None:
    # LendingTree's lead posts: "lead.consumer.contact.firstName"; ServiceTitan's jobs: the customer's
    # plural-named email and phone columns, their home (no company is named: "Business Unit" is the
    # contractor's own division).
    lines = [
        {"lead": {"consumer": {"contact": {"firstName": f, "lastName": g, "emailAddress": e}}, "amount": 1}}
        for f, g, e in [
            ("Ann", "Lee", "ann@mail.example"),
            ("Bo", "Ray", "bo@mail.example"),
            ("Cy", "Dee", "cy@mail.example"),
        ]
    ]
    fields = judged_lines(tmp_path / "posts.jsonl", lines).fields
    assert fields.get("person.first_name") == "lead.consumer.contact.firstName"
    assert fields.get("person.email") == "lead.consumer.contact.emailAddress"
    header = ["Job Number", "Customer First Name", "Customer Last Name", "Customer Phone Number(s)", "Street"]
    header += ["City", "Zip", "Country", "Business Unit", "Customer Email Address(es)"]
    rows = [
        [
            "1809291",
            "Muriam",
            "Afzal",
            "(989) 513-7386",
            "6470 Bridlewood Ct",
            "Ada",
            "49301",
            "USA",
            "HVAC",
            "m@mail.example",
        ],
        [
            "1809530",
            "Pat",
            "Coleman",
            "(616) 334-5459",
            "137 Nora SE",
            "Kentwood",
            "49548",
            "USA",
            "HVAC",
            "p@mail.example",
        ],
        [
            "1809544",
            "Ivy",
            "Moss",
            "(616) 334-5460",
            "12 Elm St",
            "Grand Rapids",
            "49503",
            "USA",
            "Plumbing",
            "i@mail.example",
        ],
    ]
    fields = judged(tmp_path / "jobs.csv", header, rows).fields
    assert fields.get("person.email") == "Customer Email Address(es)"
    assert fields.get("person.person_phone") == "Customer Phone Number(s)"
    assert fields.get("person.person_country") == "Country"
    assert not any(path.startswith("company.address") for path in fields)


def test_user_ids_of_auth_and_analytics_exports() -> None:
    assert detect(["localId", "email", "displayName", "createdAt"]).fields.get("external_id") == "localId"
    assert (
        detect(["$distinct_id", "$email", "$first_name", "$last_name"]).fields.get("external_id")
        == "$distinct_id"
    )


def test_a_notice_s_title_is_no_listing_s_name(tmp_path: Path) -> None:
    # TED's award notices: "TITLE" is the notice's subject ("Belgium-Brussels: Cleaning services").
    header = ["DOC_ID", "TITLE", "CITY", "CONTRACTING_BODY"]
    rows = [
        ["1", "Belgium-Brussels: System and support services", "Belgium", "SRIB"],
        ["2", "Germany-Winsen (Luhe): Refuse collection services", "Germany", "Landkreis Harburg"],
        ["3", "Spain-Seville: Cleaning services", "Spain", "Ayuntamiento de Sevilla"],
        ["4", "Finland-Turku: Road passenger-transport services", "Finland", "Turun kaupunki"],
    ]
    assert judged(tmp_path / "notices.csv", header, rows).fields.get("company.name") != "TITLE"


def test_mixpanel_s_geolocation_is_the_person_s_country_and_no_company_address() -> None:
    header = [
        "$distinct_id",
        "$email",
        "$first_name",
        "$last_name",
        "company",
        "$city",
        "$region",
        "$country_code",
    ]
    fields = detect(header).fields
    assert fields.get("person.person_country") == "$country_code"
    assert not any(path.startswith("company.address") for path in fields)


def test_indonesian_form_labels_of_a_partner_and_a_mobile() -> None:
    # "Jabatan" is left as it was: Indonesian for a position, Malay for a department.
    fields = detect(["Nama Partner", "Nama Lengkap", "Jabatan", "Email", "Nomor HP/WA"]).fields
    assert fields.get("company.name") == "Nama Partner"
    assert fields.get("person.person_phone") == "Nomor HP/WA"


def test_company_columns_that_all_hold_the_people_s_names_name_no_company(tmp_path: Path) -> None:
    # amoCRM's "Наименование" and a "Компания" both filled with the contact's own name.
    header = ["ID", "Наименование", "Имя", "Фамилия", "Компания", "Рабочий email"]
    rows = [
        ["1", "Асадбек Русланбеков", "Асадбек", "Русланбеков", "", "asadbek@yandex.example"],
        ["2", "", "Бахтиёр", "Алимкулов", "Бахтиёр Алимкулов", "bahtiyor@gmail.example"],
        ["3", "Олег Ким", "Олег", "Ким", "Олег Ким", "oleg@mail.example"],
    ]
    fields = judged(tmp_path / "contacts.csv", header, rows).fields
    assert "company.name" not in fields
    assert fields.get("person.email") == "Рабочий email"
