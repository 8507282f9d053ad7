"""Detection, twenty-fifth round: what three blind held-out sets (R23-R25: events, forms and
newsletters; registers and business apps in other languages; sales tools, scrapers and APIs) found at
first sight. Each test fails on b3e4af7, the code before it; the guards beside them hold on both.
Values are invented."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from leadspace_cli.mapping.detect import detect
from tests.mapping.test_detect_eleventh import judged
from tests.mapping.test_detect_twentyfourth import judged_lines


def test_a_json_api_s_attributes_are_the_record_s_own_fields(tmp_path: Path) -> None:
    # Brevo's contacts of a French account: {"email", "id", "attributes": {"NOM", "PRENOM", "SMS", ...}}.
    people = [("MARTIN", "Claire", "33612457801", "Lumenis", "Directrice marketing")]
    people += [("DUBOIS", "Marc", "33698765432", "Atelier Nord", "Gérant")]
    people += [("LEROY", "Anne", "33611223344", "Vinea", "Responsable achats")]
    lines = [
        {
            "email": f"{p.lower()}.{n.lower()}@example.fr",
            "id": 100 + i,
            "listIds": [2, 7],
            "attributes": {"NOM": n, "PRENOM": p, "SMS": sms, "SOCIETE": firm, "FONCTION": job},
        }
        for i, (n, p, sms, firm, job) in enumerate(people)
    ]
    fields = judged_lines(tmp_path / "contacts.jsonl", lines).fields
    assert fields.get("person.first_name") == "attributes.PRENOM"
    assert fields.get("person.last_name") == "attributes.NOM"
    assert fields.get("person.person_phone") == "attributes.SMS"
    assert fields.get("company.name") == "attributes.SOCIETE"
    assert fields.get("person.title") == "attributes.FONCTION"
    assert fields.get("external_id") == "id"


def test_a_register_s_seat_object_is_the_company_s_address_and_its_second_address_is_not(
    tmp_path: Path,
) -> None:
    # Poland's CEIDG: the business's address ("adresDzialalnosci"), and its correspondence address.
    firms = [
        ("TW-Soft", "Kraków", "31-147", "ul. Długa 14"),
        ("Piekarnia Nowak", "Gdańsk", "80-001", "ul. Ogarna 3"),
    ]
    firms.append(("Auto Serwis Lis", "Poznań", "60-101", "ul. Głogowska 120"))
    lines: list[dict[str, Any]] = [
        {
            "id": f"8f1c2a54-{i}",
            "nazwa": name,
            "adresDzialalnosci": {"ulica": street, "miasto": city, "kod": code, "kraj": "PL"},
            "adresKorespondencyjny": {
                "ulica": "ul. Zielona 7",
                "miasto": "Wieliczka",
                "kod": "32-020",
                "kraj": "PL",
            },
            "www": f"www.firm{i}.pl",
        }
        for i, (name, city, code, street) in enumerate(firms)
    ]
    fields = judged_lines(tmp_path / "firmy.jsonl", lines).fields
    assert fields.get("company.name") == "nazwa"
    assert fields.get("company.address.city") == "adresDzialalnosci.miasto"
    assert fields.get("company.address.postalcode") == "adresDzialalnosci.kod"
    assert fields.get("company.address.street") == "adresDzialalnosci.ulica"
    assert fields.get("company.address.country") == "adresDzialalnosci.kraj"


def test_the_french_register_s_search_results_are_sent_by_their_seat(tmp_path: Path) -> None:
    # recherche-entreprises.api.gouv.fr: "nom_raison_sociale", "siege": {"code_postal", "libelle_commune"}
    # (its "commune" is the INSEE code, no city).
    firms = [("COMMUNE DE COISE", "69590", "COISE", "69062"), ("ACME SAS", "75002", "PARIS", "75102")]
    firms.append(("BOULANGERIE MARTIN", "33000", "BORDEAUX", "33063"))
    lines = [
        {
            "siren": f"21690062{i}",
            "nom_complet": name,
            "nom_raison_sociale": name,
            "siege": {
                "code_postal": code,
                "commune": insee,
                "libelle_commune": city,
                "siret": f"2169006210001{i}",
            },
        }
        for i, (name, code, city, insee) in enumerate(firms)
    ]
    fields = judged_lines(tmp_path / "entreprises.jsonl", lines).fields
    assert fields.get("company.name") == "nom_raison_sociale"
    assert fields.get("company.address.postalcode") == "siege.code_postal"
    assert fields.get("company.address.city") == "siege.libelle_commune"
    assert fields.get("external_id") == "siren"  # the legal unit's, not its seat's SIRET


def test_a_profile_s_location_object_is_the_person_s_not_the_company_s(tmp_path: Path) -> None:
    # Klaviyo's profiles: "attributes": {"first_name", ..., "organization", "location": {...}}.
    people = [
        ("Emma", "Larsen", "Northwind", "Denmark", "København"),
        ("Jon", "Berg", "Fjord AS", "Norway", "Oslo"),
    ]
    people.append(("Ida", "Holm", "Kaffe AB", "Sweden", "Malmö"))
    lines = [
        {
            "type": "profile",
            "id": f"01HQ{i}",
            "attributes": {
                "email": f"{f.lower()}@example.com",
                "first_name": f,
                "last_name": la,
                "organization": org,
                "location": {"address1": "Vesterbrogade 48", "city": city, "country": country, "zip": "1620"},
            },
        }
        for i, (f, la, org, country, city) in enumerate(people)
    ]
    fields = judged_lines(tmp_path / "profiles.jsonl", lines).fields
    assert fields.get("person.first_name") == "attributes.first_name"
    assert fields.get("company.name") == "attributes.organization"
    assert fields.get("person.person_country") == "attributes.location.country"
    assert not any(path.startswith("company.address.") for path in fields)


def test_a_tool_s_tag_after_every_column_is_the_file_s() -> None:
    # A table made for Clay's import: "First Name (Clay)", "Email (Clay)", ...
    header = [
        "First Name",
        "Last Name",
        "Title",
        "Email",
        "Mobile Phone",
        "Company Name",
        "Website",
        "Industry",
    ]
    fields = detect([f"{c} (Clay)" for c in header]).fields
    assert fields.get("person.first_name") == "First Name (Clay)"
    assert fields.get("person.email") == "Email (Clay)"
    assert fields.get("company.name") == "Company Name (Clay)"
    assert fields.get("company.website") == "Website (Clay)"
    # A qualifier shared by a few columns still says whose they are.
    fields = detect(
        ["First Name", "Last Name", "Company", "Email (Work)", "Email (Home)", "Phone (Work)"]
    ).fields
    assert fields.get("person.email") == "Email (Work)"


def test_a_form_s_questions_about_the_member_are_the_person_s_fields(tmp_path: Path) -> None:
    # Typeform's onboarding form, and a Spanish one decorated with markdown and emoji.
    header = ["#", "Name of the Onboarding Member", "Personal Email ID of the Onboarding Member"]
    header.append("Contact Number of the Onboarding Member")
    rows = [
        ["abc1", "Priya Menon", "priya.menon@example.com", "+91 99999 11111"],
        ["abc2", "Arjun Nair", "arjun.nair@example.com", "+91 98450 22871"],
        ["abc3", "Maria Fernandes", "maria.f@example.com", "+91 90040 56123"],
    ]
    fields = judged(tmp_path / "typeform.csv", header, rows).fields
    assert fields.get("person.full_name") == "Name of the Onboarding Member"
    assert fields.get("person.email") == "Personal Email ID of the Onboarding Member"
    assert fields.get("person.person_phone") == "Contact Number of the Onboarding Member"
    header = ["#", "_Tu nombre y apellido__* ✍🏻*_", "Tu correo", "Sucursal"]
    rows = [
        ["t1", "Arturo Gacitúa", "arturo@example.cl", "Providencia"],
        ["t2", "Marcela Rojas", "marcela@example.cl", "Ñuñoa"],
        ["t3", "Pedro Soto", "pedro@example.cl", "Las Condes"],
    ]
    fields = judged(tmp_path / "tu.csv", header, rows).fields
    assert fields.get("person.full_name") == "_Tu nombre y apellido__* ✍🏻*_"
    assert fields.get("person.email") == "Tu correo"
    assert "Sucursal" not in {c for cs in fields.values() for c in ((cs,) if isinstance(cs, str) else cs)}


def test_a_business_list_s_location_block_is_the_company_s_address() -> None:
    # Salesgenie (Data Axle): the location's address beside its sales volume and staff.
    header = ["Company Name", "Executive First Name", "Executive Last Name", "Executive Title"]
    header += ["Location Address", "Location City", "Location State", "Location ZIP Code"]
    header += ["Location Sales Volume Actual", "Location Employee Size Actual", "Company Website"]
    fields = detect(header).fields
    assert fields.get("company.address.street") == "Location Address"
    assert fields.get("company.address.city") == "Location City"
    assert fields.get("company.address.state") == "Location State"
    # Guard: a person's "Location City" beside no business's figures stays out.
    fields = detect(["First Name", "Last Name", "Email", "Company", "Location City", "Location State"]).fields
    assert "company.address.city" not in fields


def test_a_guest_s_api_id_an_exhibitor_s_id_and_a_chamber_s_register_number_are_the_row_s() -> None:
    assert (
        detect(["api_id", "name", "first_name", "last_name", "email"]).fields.get("external_id") == "api_id"
    )
    fields = detect(["exhibitor_id", "exhibitor_name", "booth", "country"]).fields
    assert fields.get("external_id") == "exhibitor_id"
    fields = detect(["Sicil No", "Firma Unvanı", "Telefon", "Durum"]).fields
    assert fields.get("external_id") == "Sicil No"


def test_a_company_address_of_street_lines_makes_the_bare_places_the_company_s(tmp_path: Path) -> None:
    # A merged lead file (ZoomInfo + Apollo into Clay): "Company Address" holds the street line only.
    header = ["First Name", "Last Name", "Title", "Email", "Company Name", "Website"]
    header += ["Company Address", "City", "State", "Country"]
    firms = [("Brightlane Foods", "4100 Fisher Rd", "Columbus", "Ohio")]
    firms += [
        ("Harbor Tech", "77 Pier Ave", "Santa Monica", "California"),
        ("Norte SA", "Calle Mayor 12", "Madrid", ""),
    ]
    rows = [
        [
            f"Ann{i}",
            f"Lee{i}",
            "COO",
            f"ann{i}@firm{i}.example",
            name,
            f"firm{i}.example",
            street,
            city,
            state,
            "US",
        ]
        for i, (name, street, city, state) in enumerate(firms)
    ]
    fields = judged(tmp_path / "merged.csv", header, rows).fields
    assert fields.get("company.address.street") == "Company Address"
    assert fields.get("company.address.city") == "City"
    assert fields.get("company.address.country") == "Country"
    assert "person.person_country" not in fields
    # Guard: Apollo's one-line company address leaves the bare places the person's.
    for row in rows:
        row[6] = f"{row[6]}, {row[7]}, {row[8] or 'Madrid'} 43228, United States"
    fields = judged(tmp_path / "apollo.csv", header, rows).fields
    assert "company.address.city" not in fields
    assert fields.get("person.person_country") == "Country"


def test_a_turkish_register_s_address_line_and_province(tmp_path: Path) -> None:
    # The Istanbul chamber's list: "Açık Adres" (dotless ı), "İl" the province beside "İlçe".
    header = ["Sicil No", "Firma Ünvanı", "Durum", "İl", "İlçe", "Açık Adres", "Web Sitesi"]
    rows = [
        ["123456", "Örnek Gıda Ltd. Şti.", "Faal", "İstanbul", "Kadıköy", "Moda Cad. No:10", "ornek.example"],
        [
            "874512",
            "Boğaziçi Tekstil A.Ş.",
            "Faal",
            "İstanbul",
            "Bağcılar",
            "Gülbahar Cad. No:62",
            "bogazici.example",
        ],
        [
            "220931",
            "Marmara Lojistik A.Ş.",
            "Faal",
            "İstanbul",
            "Tuzla",
            "Aydınlı Mah. No:5",
            "marmara.example",
        ],
    ]
    fields = judged(tmp_path / "sicil.csv", header, rows).fields
    assert fields.get("external_id") == "Sicil No"
    assert fields.get("company.address.street") == "Açık Adres"
    assert fields.get("company.address.city") == "İl"
    assert "company.address.state" not in fields


def test_spanish_company_columns_by_their_suffix_and_a_contact_s_associated_account() -> None:
    # A Mexican prospecting tool's contacts for Monday: "Cuenta asociada", "Nombre de cargo",
    # "Sitio web empresa", "Correo empresa" (the firm's mailbox, no person's).
    header = ["Cuenta asociada", "Nombre", "Correo", "Nombre de cargo", "Sitio web empresa", "Correo empresa"]
    fields = detect(header).fields
    assert fields.get("company.name") == "Cuenta asociada"
    assert fields.get("person.title") == "Nombre de cargo"
    assert fields.get("company.website") == "Sitio web empresa"
    assert fields.get("person.email") == "Correo"
    # Guard: "Nombre de la Empresa" is the company's name itself, not a name under a qualifier.
    fields = detect(["ID de Registro", "Nombre de la Empresa", "Teléfono", "Email", "Página Web"]).fields
    assert fields.get("company.name") == "Nombre de la Empresa"
    # Mexico's DENUE: the federal entity beside the municipality is the state.
    fields = detect(["id", "nom_estab", "cod_postal", "entidad", "municipio", "localidad", "www"]).fields
    assert fields.get("company.address.state") == "entidad"


def test_korean_and_chinese_registers_names_domains_and_numbers() -> None:
    fields = detect(["통신판매번호", "신고기관명", "상호", "대표자명", "전화번호", "인터넷도메인"]).fields
    assert fields.get("external_id") == "통신판매번호"
    assert fields.get("company.website") == "인터넷도메인"
    fields = detect(["原始企业名称", "统一社会信用代码", "登记状态", "法定代表人", "注册地址"]).fields
    assert fields.get("company.name") == "原始企业名称"


def test_a_column_s_language_after_its_name_and_a_show_s_exhibitors() -> None:
    fields = detect(
        ["Company Name (English)", "Company Name (Chinese)", "Booth/Hall Number", "Brand", "ID"]
    ).fields
    assert fields.get("company.name") == "Company Name (English)"
    fields = detect(
        ["Exhibitors", "Link", "Type", "Booth Location", "Address", "Phone", "Email", "Website"]
    ).fields
    assert fields.get("company.name") == "Exhibitors"
    # Guard: a lead scan's "Exhibitor" is the one who scanned, beside the attendee.
    fields = detect(["ID", "Exhibitor", "Booth Name", "Attendee Name", "Email", "Note"]).fields
    assert "company.name" not in fields


def test_a_table_of_an_org_s_custom_fields_is_read_past_their_suffix() -> None:
    # A Marketing Cloud data extension of event registrations: every field is a custom one ("__c").
    header = ["Id", "Name", "Attendee_Company__c", "Attendee_Mobile_Phone__c", "CF_Campaign_Member_Email__c"]
    header += [
        "CF_Campaign_Member_First_Name__c",
        "CF_Campaign_Member_Last_Name__c",
        "Contact__c",
        "Event__c",
    ]
    header += ["Dietary_Needs__c", "Status__c", "Guest_Count__c"]
    fields = detect(header).fields
    assert fields.get("person.first_name") == "CF_Campaign_Member_First_Name__c"
    assert fields.get("person.email") == "CF_Campaign_Member_Email__c"
    assert fields.get("company.name") == "Attendee_Company__c"  # not the registration's autonumber Name
    # Guard: a standard export with a few custom fields keeps its standard ones.
    header = [
        "Id",
        "FirstName",
        "LastName",
        "Email",
        "MailingCountry",
        "Country__c",
        "Company__c",
        "Brand__c",
    ]
    fields = detect(header).fields
    assert fields.get("person.person_country") == "MailingCountry"


def test_a_business_s_contact_person_object_names_the_row_s_person_and_their_role(tmp_path: Path) -> None:
    # A lead harvester's records: {"firma", "plz", "ort", "ansprechpartner": {"name", "rolle"}}.
    firms = [
        ("Elektro Gradinger", "Christian Gradinger", "Inhaber"),
        ("Malerei Huber", "Anna Huber", "Geschäftsführerin"),
    ]
    firms.append(("Tischlerei Brandl", "Josef Brandl", "Meister"))
    lines = [
        {
            "id": f"firm{i}.example",
            "firma": firm,
            "plz": "7000",
            "ort": "Eisenstadt",
            "website": f"https://firm{i}.example/",
            "telefon": f"+43 664 28513{i}",
            "ansprechpartner": {"name": person, "rolle": role},
        }
        for i, (firm, person, role) in enumerate(firms)
    ]
    fields = judged_lines(tmp_path / "leads.jsonl", lines).fields
    assert fields.get("company.name") == "firma"
    assert fields.get("person.full_name") == "ansprechpartner.name"
    assert fields.get("person.title") == "ansprechpartner.rolle"


def test_an_agency_s_contact_fields_named_after_the_contact_are_the_person_s(tmp_path: Path) -> None:
    # A travel network's agencies: the agency's own "Correo electrónico" and "Teléfono principal"
    # beside its contact's "Nombre contacto", "Correo contacto", "Teléfono contacto".
    header = ["ID", "Nombre corporativo", "Correo electrónico", "Teléfono principal", "País", "Ciudad"]
    header += ["Nombre contacto", "Correo contacto", "Teléfono contacto"]
    rows = [
        ["12", "Viajes Caribe C.A.", "reservas@caribe.example", "+58 212-2634411", "Venezuela", "Chacao"],
        ["27", "Turismo Andino C.A.", "info@andino.example", "+58 274-2529960", "Venezuela", "Mérida"],
        ["31", "Rutas del Sol C.A.", "ventas@rutas.example", "+58 261-7981122", "Venezuela", "Maracaibo"],
    ]
    people = [("Luisa Fernández", "lfernandez@caribe.example"), ("José Paredes", "jparedes@andino.example")]
    people.append(("Ana Rivas", "arivas@rutas.example"))
    for i, (row, (name, email)) in enumerate(zip(rows, people, strict=True)):
        row += [name, email, f"+58 414-332819{i}"]
    fields = judged(tmp_path / "agencias.csv", header, rows).fields
    assert fields.get("company.name") == "Nombre corporativo"
    assert fields.get("person.email") == "Correo contacto"
    assert fields.get("person.person_phone") == "Teléfono contacto"
    assert fields.get("person.full_name") == "Nombre contacto"
    assert fields.get("company.address.city") == "Ciudad"


def test_an_erp_s_tenant_companies_give_way_to_each_row_s_own(tmp_path: Path) -> None:
    # Omie's clients mirrored to a sheet: "Empresa" is the user's own company (two tenants).
    header = ["Empresa", "Razão Social", "Email", "Cidade", "CEP"]
    rows = [
        ["Grupo Vértice", "HOSPITAL SANTA LUCIA LTDA", "compras@hsl.example", "Campinas", "13073-001"],
        ["Grupo Vértice", "PREFEITURA DE VINHEDO", "licitacao@vinhedo.example", "Vinhedo", "13280-009"],
        ["Grupo Vértice", "DROGARIA VIDA NOVA LTDA", "contato@vidanova.example", "Jundiaí", "13201-000"],
        ["Vértice Serviços", "CLINICA PATA AMIGA EIRELI", "pata@amiga.example", "Valinhos", "13270-000"],
        ["Vértice Serviços", "METALURGICA ALVES SA", "compras@alves.example", "Sumaré", "13170-000"],
    ]
    fields = judged(tmp_path / "clientes.csv", header, rows).fields
    assert fields.get("company.name") == "Razão Social"


def test_a_helpdesk_s_custom_fields_and_an_accounting_api_s_contact_and_address_objects(
    tmp_path: Path,
) -> None:
    # Intercom's contacts: "custom_attributes": {"job_title", "company_name"}, "location": {...} (the
    # person's); a custom attribute's id is another system's.
    people = [("Olivia Bennett", "Harborview Health", "Boston"), ("Raj Patel", "Kite Labs", "Austin")]
    people.append(("Mia Chen", "Orbit Foods", "Denver"))
    lines: list[dict[str, Any]] = [
        {
            "type": "contact",
            "id": f"6631a2f0c4e8b1000{i}",
            "email": f"{name.split()[0].lower()}@firm{i}.example",
            "name": name,
            "location": {"country": "United States", "city": city},
            "custom_attributes": {"job_title": "Director", "company_name": firm, "member_id": f"m{i}"},
        }
        for i, (name, firm, city) in enumerate(people)
    ]
    fields = judged_lines(tmp_path / "contacts.jsonl", lines).fields
    assert fields.get("person.title") == "custom_attributes.job_title"
    assert fields.get("company.name") == "custom_attributes.company_name"
    assert fields.get("person.person_country") == "location.country"
    assert "company.address.city" not in fields
    assert fields.get("external_id") == "id"
    # Sage Intacct's customers: "DISPLAYCONTACT": {"MAILADDRESS": {...}} is the customer's own.
    firms = [("C-100", "Pinecrest Foods", "Portland"), ("C-101", "Lakeside Tools", "Madison")]
    firms.append(("C-102", "Granite Labs", "Denver"))
    lines = [
        {
            "CUSTOMERID": cid,
            "NAME": name,
            "DISPLAYCONTACT": {"MAILADDRESS": {"ADDRESS1": f"{i}00 Main St", "CITY": city, "ZIP": "97209"}},
        }
        for i, (cid, name, city) in enumerate(firms)
    ]
    fields = judged_lines(tmp_path / "customers.jsonl", lines).fields
    assert fields.get("company.address.city") == "DISPLAYCONTACT.MAILADDRESS.CITY"
    assert fields.get("company.address.street") == "DISPLAYCONTACT.MAILADDRESS.ADDRESS1"


def test_a_billing_system_s_bracketed_fields_are_their_object_s(tmp_path: Path) -> None:
    # Chargebee's bulk customers: "customer[id]", "customer[phone]", "billing_address[city]".
    header = [
        "customer[id]",
        "customer[first_name]",
        "customer[last_name]",
        "customer[email]",
        "customer[phone]",
    ]
    header += ["customer[company]", "billing_address[line1]", "billing_address[city]", "billing_address[zip]"]
    fields = detect(header).fields
    assert fields.get("external_id") == "customer[id]"
    assert fields.get("person.person_phone") == "customer[phone]"
    assert fields.get("person.first_name") == "customer[first_name]"
    # Guard: a directory template's attribute after its label still names the field.
    assert detect(["First name [givenName]", "Last name [surname]", "Email"]).fields.get(
        "person.first_name"
    ) == ("First name [givenName]")


def test_a_vendor_list_s_bill_from_address_and_a_b2b_shop_s_company_locations() -> None:
    # QuickBooks Desktop's vendors: "Bill from Street 1", "Ship from City".
    header = [
        "Vendor",
        "Company",
        "First Name",
        "Last Name",
        "Main Email",
        "Bill from Street 1",
        "Bill from City",
    ]
    header += ["Bill from State", "Bill from Zip", "Ship from City", "Account No."]
    fields = detect(header).fields
    assert fields.get("company.address.street") == "Bill from Street 1"
    assert fields.get("company.address.city") == "Bill from City"
    assert fields.get("company.address.postalcode") == "Bill from Zip"
    # Shopify's B2B companies: a bare "Name" beside its locations' and its customers' columns.
    header = ["Name", "Command", "Location: Name", "Location: Phone", "Location: Billing Address 1"]
    header += ["Location: Billing City", "Location: Billing Province Code", "Location: Billing Zip"]
    header += ["Customer: Email", "Customer: First Name", "Customer: Last Name"]
    fields = detect(header).fields
    assert fields.get("company.name") == "Name"
    assert fields.get("company.address.city") == "Location: Billing City"
    assert fields.get("company.address.state") == "Location: Billing Province Code"
    assert fields.get("person.email") == "Customer: Email"


def test_japanese_customer_masters_and_south_african_debtors() -> None:
    # PCA's customer master: 得意先 (the customer firm), its code and name, the other side's contact.
    fields = detect(["得意先コード", "得意先名1", "先方担当者名", "メールアドレス", "郵便番号"]).fields
    assert fields.get("external_id") == "得意先コード"
    assert fields.get("company.name") == "得意先名1"
    # A header with a voiced mark (コード) is read as folded: a customer master's 顧客コード.
    assert detect(["顧客コード", "会社名", "電話番号"]).fields.get("external_id") == "顧客コード"
    # A kind of firm's name: a survey firm's.
    assert detect(["調査会社名", "住所1", "郵便番号"]).fields.get("company.name") == "調査会社名"
    # Omni Accounts' debtors, Sage Pastel's customers.
    fields = detect(
        ["Debtor Code", "Debtor Name", "Tel No", "Email Address", "VAT No", "Street Address"]
    ).fields
    assert fields.get("external_id") == "Debtor Code"
    assert fields.get("company.name") == "Debtor Name"
    fields = detect(["Account Code", "Customer Description", "Telephone", "Physical Address 1"]).fields
    assert fields.get("company.name") == "Customer Description"
    assert fields.get("company.address.street") == "Physical Address 1"


def test_pipedrive_s_exports_in_portuguese_and_spanish_read_as_its_english_one() -> None:
    header = ["Pessoa - ID", "Pessoa - Nome", "Pessoa - Organização", "Pessoa - E-mail - Trabalho"]
    header += ["Pessoa - E-mail - Residencial", "Pessoa - Telefone - Trabalho", "Pessoa - Proprietário"]
    fields = detect(header).fields
    assert fields.get("external_id") == "Pessoa - ID"
    assert fields.get("person.email") == "Pessoa - E-mail - Trabalho"
    assert fields.get("person.person_phone") == "Pessoa - Telefone - Trabalho"
    assert fields.get("company.name") == "Pessoa - Organização"
    fields = detect(
        ["Persona - ID", "Persona - Nombre", "Persona - Correo electrónico - Trabajo", "Etiquetas"]
    ).fields
    assert fields.get("person.email") == "Persona - Correo electrónico - Trabajo"


def test_registers_and_nonprofit_crms_in_their_own_words(tmp_path: Path) -> None:
    # The French health professionals' directory (RPPS): the practice's address "(coord. structure)".
    header = ["Identifiant PP", "Nom d'exercice", "Prénom d'exercice", "Raison sociale site"]
    header += [
        "Code postal (coord. structure)",
        "Libellé commune (coord. structure)",
        "Libellé pays (coord. structure)",
    ]
    fields = detect(header).fields
    assert fields.get("external_id") == "Identifiant PP"
    assert fields.get("person.last_name") == "Nom d'exercice"
    assert fields.get("company.name") == "Raison sociale site"
    assert fields.get("company.address.city") == "Libellé commune (coord. structure)"
    assert fields.get("company.address.postalcode") == "Code postal (coord. structure)"
    # Colombia's suppliers (SECOP II): the department beside the municipality is the state.
    header = ["Codigo", "Nombre", "NIT", "Direccion", "Pais", "Departamento", "Municipio"]
    rows = [
        [
            "CO1.1",
            "INGENIERIA DEL CARIBE S.A.S.",
            "900456123",
            "CR 54 72 80",
            "Colombia",
            "Atlántico",
            "Barranquilla",
        ],
        ["CO1.2", "CONSTRUCTORA ANDINA LTDA", "800123456", "CL 10 5 20", "Colombia", "Antioquia", "Medellín"],
        [
            "CO1.3",
            "SUMINISTROS DEL VALLE S.A.",
            "890321654",
            "AV 6N 23 45",
            "Colombia",
            "Valle del Cauca",
            "Cali",
        ],
    ]
    fields = judged(tmp_path / "proveedores.csv", header, rows).fields
    assert fields.get("company.address.state") == "Departamento"
    assert fields.get("company.address.city") == "Municipio"
    # Japan's health ministry's hospitals: the official name and the home page's address.
    fields = detect(["ID", "正式名称", "略称", "所在地", "案内用ホームページアドレス"]).fields
    assert fields.get("company.name") == "正式名称"
    assert fields.get("company.website") == "案内用ホームページアドレス"
    # Salesforce NPSP's primary affiliation by its relationship; Neon CRM's computed "(F)" fields.
    fields = detect(["Id", "FirstName", "LastName", "Email", "npsp__Primary_Affiliation__r.Name"]).fields
    assert fields.get("company.name") == "npsp__Primary_Affiliation__r.Name"
    fields = detect(["Account ID", "First Name", "Last Name", "Email 1", "Phone 1 Full Number (F)"]).fields
    assert fields.get("person.person_phone") == "Phone 1 Full Number (F)"


def test_a_form_s_answers_object_a_booking_s_scheduler_and_a_bilingual_company_question(
    tmp_path: Path,
) -> None:
    # Webflow's form submissions: {"id", "formResponse": {"First Name", "Work Email", "Company", ...}}.
    people = [("Ann", "Lee", "Acme"), ("Bo", "Ray", "Beta"), ("Cy", "Dee", "Gamma")]
    lines: list[dict[str, Any]] = [
        {
            "id": f"sub{i}",
            "formResponse": {
                "First Name": f,
                "Last Name": la,
                "Work Email": f"{f.lower()}@{c.lower()}.example",
            }
            | {"Company": c, "Job Title": "CTO"},
        }
        for i, (f, la, c) in enumerate(people)
    ]
    fields = judged_lines(tmp_path / "webflow.jsonl", lines).fields
    assert fields.get("person.first_name") == "formResponse.First Name"
    assert fields.get("person.email") == "formResponse.Work Email"
    assert fields.get("company.name") == "formResponse.Company"
    # SavvyCal's events: the scheduler is the person who booked; their display name is no company.
    header = [
        "id",
        "scheduler.first_name",
        "scheduler.last_name",
        "scheduler.display_name",
        "scheduler.email",
    ]
    fields = detect(header).fields
    assert fields.get("person.first_name") == "scheduler.first_name"
    assert fields.get("person.email") == "scheduler.email"
    assert "company.name" not in fields
    # Acuity's intake question in Bulgarian and English; Elementor's submission id.
    header = ["Submission ID", "First Name", "Last Name", "Email"]
    header.append("Име на компанията, в която работите | Name of the company you work for")
    fields = detect(header).fields
    assert fields.get("company.name") == header[-1]
    assert fields.get("external_id") == "Submission ID"


def test_a_title_column_that_repeats_the_people_s_names_is_no_job(tmp_path: Path) -> None:
    header = ["Lead Name", "Lead Email", "Owner", "Title"]
    rows = [
        ["Joe Federer", "joe.federer@ameris.example", "Sacha", "Joe Federer"],
        ["Brian Akers", "brian.akers@keybank.example", "Sacha", "Brian Akers"],
        ["Ana Lopez", "ana.lopez@bdc.example", "Lea", "Ana Lopez"],
    ]
    fields = judged(tmp_path / "prospects.csv", header, rows).fields
    assert "person.title" not in fields
    # Guard: real titles stay.
    for row in rows:
        row[3] = "Director of Infrastructure"
    rows[1][3] = "VP Engineering"
    assert judged(tmp_path / "p2.csv", header, rows).fields.get("person.title") == "Title"


def test_registers_and_crms_in_greek_arabic_hebrew_czech_turkish_swedish_and_vietnamese(
    tmp_path: Path,
) -> None:
    fields = detect(["ΣΗΜΑ", "ΤΙΤΛΟΣ", "ΔΙΕΥΘΥΝΣΗ", "ΤΚ", "ΔΗΜΟΣ", "ΠΕΡΙΦΕΡΕΙΑ", "ΤΗΛΕΦΩΝΟ", "EMAIL"]).fields
    assert fields.get("company.name") == "ΤΙΤΛΟΣ"
    assert fields.get("company.address.postalcode") == "ΤΚ"
    assert fields.get("company.address.city") == "ΔΗΜΟΣ"
    fields = detect(["كود العميل", "اسم الشركة", "المسؤول", "رقم التواصل", "البريد الالكتروني"]).fields
    assert fields.get("external_id") == "كود العميل"
    fields = detect(["מספר חברה", "שם חברה", "שם עיר", "שם רחוב"]).fields
    assert fields.get("company.address.city") == "שם עיר"
    fields = detect(["Unvan", "Yetkili Adi", "Eposta", "Telefon", "Adres", "İl", "İlçe"]).fields
    assert fields.get("company.name") == "Unvan"
    fields = detect(["Kundnr", "Kundnamn", "Org.nr", "Adress", "Postnr", "Ort"]).fields
    assert fields.get("company.name") == "Kundnamn"
    assert fields.get("external_id") == "Kundnr"  # not the customer's organisation number
    fields = detect(["Mã số thuế", "Doanh Nghiệp", "Địa chỉ"]).fields
    assert fields.get("company.name") == "Doanh Nghiệp"
    # The Czech register's API: the seat ("sidlo") is the company's address.
    lines = [
        {
            "ico": f"2712345{i}",
            "obchodniJmeno": name,
            "sidlo": {"nazevObce": city, "psc": 11000 + i, "nazevStatu": "Česká republika"},
        }
        for i, (name, city) in enumerate(
            [("Medicalc s.r.o.", "Praha"), ("Alfa a.s.", "Brno"), ("Beta s.r.o.", "Ostrava")]
        )
    ]
    fields = judged_lines(tmp_path / "ares.jsonl", lines).fields
    assert fields.get("company.name") == "obchodniJmeno"
    assert fields.get("company.address.city") == "sidlo.nazevObce"
    assert fields.get("company.address.postalcode") == "sidlo.psc"


def test_a_name_in_two_languages_and_an_enquiry_s_sender() -> None:
    fields = detect(["tax_id", "name_th", "name_en", "description", "address", "website"]).fields
    assert fields.get("company.name") == "name_th"  # the first of its languages
    # IndiaMART's enquiries: the sender is the buyer (the lead), the receiver the seller.
    header = ["UNIQUE_QUERY_ID", "SENDER_NAME", "SENDER_EMAIL", "SENDER_COMPANY", "SENDER_CITY"]
    header += ["RECEIVER_MOBILE", "QUERY_MESSAGE"]
    fields = detect(header).fields
    assert fields.get("person.email") == "SENDER_EMAIL"
    assert fields.get("company.name") == "SENDER_COMPANY"


def test_invoicing_apis_flattened_and_nested_addresses_and_pipedrive_in_french(tmp_path: Path) -> None:
    # Fatture in Cloud's clients: "indirizzo_citta", "indirizzo_cap" (the address's city, postal code).
    header = ["id", "nome", "piva", "indirizzo_via", "indirizzo_cap", "indirizzo_citta"]
    rows = [
        ["1", "Rossi Impianti S.r.l.", "01234567890", "Via Roma 1", "20121", "Milano"],
        ["2", "Bianchi Costruzioni S.p.A.", "09876543210", "Corso Italia 5", "10121", "Torino"],
        ["3", "Verdi Servizi S.r.l.", "11223344556", "Via Po 12", "00184", "Roma"],
    ]
    fields = judged(tmp_path / "clienti.csv", header, rows).fields
    assert fields.get("company.address.city") == "indirizzo_citta"
    assert fields.get("company.address.postalcode") == "indirizzo_cap"
    # Holded's contacts: "billAddress": {"city", "postalCode"}; Bling's "endereco": {"geral": {...}}.
    firms = [
        ("BUILDINGSAS SL", "Madrid", "28001"),
        ("Norte SA", "Bilbao", "48001"),
        ("Sur SL", "Sevilla", "41001"),
    ]
    lines: list[dict[str, Any]] = [
        {
            "id": f"h{i}",
            "name": name,
            "code": f"B{i}",
            "billAddress": {"address": f"Calle Mayor {i}", "city": city, "postalCode": code},
            "endereco": {"geral": {"municipio": city, "cep": code}},
        }
        for i, (name, city, code) in enumerate(firms)
    ]
    fields = judged_lines(tmp_path / "contacts.jsonl", lines).fields
    assert fields.get("company.address.city") == "billAddress.city"  # the first of the two addresses
    assert fields.get("company.address.postalcode") == "billAddress.postalCode"
    # Pipedrive's French people export.
    header = ["Personne - ID", "Personne - Nom", "Personne - Prénom", "Personne - Titre du poste"]
    header += ["Personne - E-mail - Travail", "Personne - Organisation"]
    fields = detect(header).fields
    assert fields.get("person.first_name") == "Personne - Prénom"
    assert fields.get("person.title") == "Personne - Titre du poste"
    assert fields.get("person.email") == "Personne - E-mail - Travail"
