"""Detection, twenty-eighth round: what the blind held-out sets R23-R53 still sent wrong, and what the
next blind sets (R54-R58) found at first sight. Each test fails on 003b169, the code before it; the
guards beside them hold on both. Values are invented."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.mapping.test_detect_eleventh import judged
from tests.mapping.test_detect_twentyfourth import judged_lines


def test_a_lone_country_beside_people_and_their_company_is_the_person_s(tmp_path: Path) -> None:
    # A conference's attendee list (Name, Company, Country), an ad audience (LinkedIn's matched
    # audience template: email, firstname, lastname, jobtitle, employeecompany, country), a download
    # form's leads (a country and a province): where each person is, not their company's address.
    rows = [["Ann Lee", "Acme", "Germany"], ["Bo Ray", "Beta", "France"], ["Cy Dee", "Gamma", "Spain"]]
    fields = judged(tmp_path / "attendees.csv", ["Name", "Company", "Country"], rows).fields
    assert fields.get("person.person_country") == "Country"
    assert "company.address.country" not in fields
    header = ["email", "firstname", "lastname", "jobtitle", "employeecompany", "country"]
    rows = [
        ["ann@acme.example", "Ann", "Lee", "CEO", "Acme", "US"],
        ["bo@beta.example", "Bo", "Ray", "CTO", "Beta", "GB"],
    ]
    fields = judged(tmp_path / "audience.csv", header, rows).fields
    assert fields.get("person.person_country") == "country"
    assert "company.address.country" not in fields
    header = ["Nombre", "Apellido", "email", "Empresa", "Cargo", "Pais", "Provincia"]
    rows = [
        ["Ana", "Ruiz", "ana@acme.example", "Acme", "Gerente", "España", "Bizkaia"],
        ["Luis", "Gil", "luis@beta.example", "Beta", "Director", "España", "Madrid"],
    ]
    fields = judged(tmp_path / "descargas.csv", header, rows).fields
    assert fields.get("person.person_country") == "Pais"
    assert not {"company.address.country", "company.address.state"} & set(fields)


def test_a_lone_country_beside_the_company_s_own_description_stays_the_company_s(tmp_path: Path) -> None:
    # Guards: a lead file with the company's industry and size (a content-syndication delivery), a
    # list of companies with a contact after them, a Dynamics lead, a file with a street: the places
    # are the company's, as before.
    header = ["First Name", "Last Name", "Email", "Title", "Company", "Company Size", "Country", "Industry"]
    rows = [
        ["Ann", "Lee", "ann@acme.example", "CEO", "Acme", "51-200", "US", "Software"],
        ["Bo", "Ray", "bo@beta.example", "CTO", "Beta", "11-50", "UK", "Retail"],
    ]
    fields = judged(tmp_path / "delivery.csv", header, rows).fields
    assert fields.get("company.address.country") == "Country"
    header = ["会社名", "都道府県", "市区町村", "担当者名", "役職", "メールアドレス"]
    rows = [
        ["株式会社アクメ", "東京都", "千代田区", "山田 太郎", "部長", "yamada@acme.example"],
        ["ベータ株式会社", "大阪府", "大阪市", "佐藤 花子", "課長", "sato@beta.example"],
    ]
    fields = judged(tmp_path / "prospects.csv", header, rows).fields
    assert fields.get("company.address.state") == "都道府県"
    header = ["(Do Not Modify) Lead", "First Name", "Last Name", "Company Name", "Email", "Country"]
    rows = [
        ["a1", "Ann", "Lee", "Acme", "ann@a.example", "US"],
        ["a2", "Bo", "Ray", "Beta", "bo@b.example", "UK"],
    ]
    fields = judged(tmp_path / "leads.csv", header, rows).fields
    assert fields.get("company.address.country") == "Country"
    header = ["name", "email", "company", "property_address", "city", "state", "country"]
    rows = [
        ["Ann Lee", "ann@acme.example", "Acme", "1 Main St", "Austin", "TX", "US"],
        ["Bo Ray", "bo@beta.example", "Beta", "2 Elm St", "Boston", "MA", "US"],
    ]
    fields = judged(tmp_path / "property.csv", header, rows).fields
    assert fields.get("company.address.country") == "country"


def test_trade_names_beside_legal_names_are_no_person_s(tmp_path: Path) -> None:
    # A Brazilian CRM's or ERP's companies (PipeRun's, Conta Azul's): "name" is the trade name beside
    # "company_name", the legal one; the firms' numbers and role mailboxes are no person's either.
    header = ["id", "name", "company_name", "email", "business_phone", "mobile_phone"]
    rows = [
        [
            "1",
            "Mercearia São Jorge",
            "Mercearia São Jorge Ltda - ME",
            "financeiro@msj.example",
            "21 3381",
            "21 997",
        ],
        [
            "2",
            "Studio Lumiar Arquitetura",
            "Lumiar Arquitetura Eireli",
            "contato@lumiar.example",
            "48 3024",
            "",
        ],
        [
            "3",
            "Auto Center Nacional",
            "Auto Center Nacional Peças Ltda",
            "pecas@acn.example",
            "62 3281",
            "62 981",
        ],
        ["4", "Colégio Novo Saber", "Novo Saber Educação Ltda", "secretaria@ns.example", "11 3030", ""],
    ]
    fields = judged(tmp_path / "customers.csv", header, rows).fields
    assert "person.full_name" not in fields
    assert fields.get("company.name") == "company_name"
    assert "person.person_phone" not in fields
    assert "person.email" not in fields


def test_guard_owners_named_in_their_firms_names_are_still_people(tmp_path: Path) -> None:
    # A contractors' directory: "Andrea Sevonty" of "Sevonty Restoration" is a person whose phone it is.
    header = ["name", "business_name", "email", "phone"]
    rows = [
        ["Amy Swift", "Building Hugger", "amy@hugger.example", "1 313 442 7091"],
        ["Andrea Sevonty", "Sevonty Restoration", "asevonty@mail.example", "313-622-5582"],
        ["Kevin White", "Mr White's Plumbing", "", "313-346-7460"],
    ]
    fields = judged(tmp_path / "contractors.csv", header, rows).fields
    assert fields.get("person.person_phone") == "phone"
    assert fields.get("person.full_name") == "name"


def test_a_firms_role_mailboxes_are_not_sent_where_no_person_is_named(tmp_path: Path) -> None:
    # Agendor's companies: a trade name beside the legal one, and "contato1@", "contato2@": the
    # firms' own mailboxes, though no phone column is sent beside them.
    header = ["Nome", "CNPJ", "Razão Social", "E-mail", "Website"]
    rows = [
        ["Empresa A1", "82112893000121", "EMPRESA A LTDA", "contato1@empresa-a.example", "empresa-a.example"],
        ["Empresa B2", "25781283000187", "EMPRESA B LTDA", "contato2@empresa-b.example", "empresa-b.example"],
        ["Empresa C3", "25781283000188", "EMPRESA C LTDA", "contato3@empresa-c.example", "empresa-c.example"],
    ]
    fields = judged(tmp_path / "empresas.csv", header, rows).fields
    assert fields.get("company.name") == "Razão Social"
    assert "person.email" not in fields


def test_a_company_link_gives_way_to_its_name_and_a_contact_s_phone_to_no_switchboard(tmp_path: Path) -> None:
    # Clientify's contacts: "company" is the company record's API link, "company_name" its name.
    header = ["id", "first_name", "last_name", "title", "company", "company_name"]
    rows = [
        ["1", "Rosa", "Vindiola", "Gerente", "https://api.crm.example/v1/companies/11/", "Unipack SA"],
        ["2", "Sebastián", "Londoño", "Jefe", "https://api.crm.example/v1/companies/12/", "Andina SAS"],
        ["3", "Ana", "Ruiz", "Directora", "", ""],
    ]
    fields = judged(tmp_path / "contacts.csv", header, rows).fields
    assert fields.get("company.name") == "company_name"
    # Moloni's customers: the contact's own phone, and the company's switchboard, which is no
    # fallback for the rows whose contact has none.
    header = ["customer_id", "name", "email", "phone", "contact_name", "contact_email", "contact_phone"]
    rows = [
        [
            "1",
            "Flor de Belém, Lda.",
            "geral@flor.example",
            "213 620 410",
            "Sofia Marques",
            "sofia@flor.example",
            "912",
        ],
        [
            "2",
            "Cortiça Viva, S.A.",
            "comercial@cv.example",
            "227 440 900",
            "Henrique Sá",
            "h.sa@cv.example",
            "",
        ],
        ["3", "Padaria Sol, Lda.", "geral@sol.example", "219 000 111", "Rui Costa", "rui@sol.example", "913"],
    ]
    fields = judged(tmp_path / "customers.csv", header, rows).fields
    assert fields.get("person.person_phone") == "contact_phone"


def test_a_record_s_name_beside_its_contact_object_is_the_company_s(tmp_path: Path) -> None:
    # Impact's media partners: the partner's "name" and address, its contact as "contact.*".
    header = ["id", "name", "website", "address_line1", "city", "postal_code", "country"]
    header += ["contact.first_name", "contact.last_name", "contact.email_address"]
    rows = [
        ["1", "TechRadar Deals", "https://techradar.example", "Quay House", "Bath", "BA1 1UA", "GB"],
        ["2", "Honey Science LLC", "https://honey.example", "963 E 4th St", "Los Angeles", "90013", "US"],
    ]
    rows[0] += ["Hannah", "Price", "hannah@techradar.example"]
    rows[1] += ["Brian", "Choi", "brian@honey.example"]
    fields = judged(tmp_path / "partners.csv", header, rows).fields
    assert fields.get("company.name") == "name"
    assert fields.get("company.address.city") == "city"
    assert "person.person_country" not in fields


def test_a_mailing_list_s_bare_name_is_the_subscriber_s(tmp_path: Path) -> None:
    # Campaign Monitor's subscribers: "Name" beside "EmailAddress" and their list's dates and state,
    # though the addresses are not named after them.
    header = ["EmailAddress", "Name", "Date", "ListJoinedDate", "State"]
    rows = [
        ["subs+7t8@example.com", "Person One", "2010-10-25", "2010-10-25", "Active"],
        ["subs+9k2@example.com", "Person Two", "2010-10-26", "2010-10-26", "Active"],
        ["kate@mail.example", "Kate Hill", "2010-10-27", "2010-10-27", "Active"],
    ]
    fields = judged(tmp_path / "subscribers.csv", header, rows).fields
    assert fields.get("person.full_name") == "Name"
    # Guard: beside no sign of a mailing list, a bare Name must be the addresses' own people.
    fields = judged(tmp_path / "list.csv", ["EmailAddress", "Name", "Date"], [r[:3] for r in rows]).fields
    assert "person.full_name" not in fields


def test_hubspot_properties_as_a_singer_tap_writes_them(tmp_path: Path) -> None:
    # Each property an object of its value, timestamp, source and sourceId (JSON Lines), twice.
    def company(n: int, name: str, domain: str, city: str, zip_code: str) -> dict[str, Any]:
        values = {"name": name, "domain": domain, "city": city, "zip": zip_code, "numberofemployees": "85"}
        properties = {
            k: {
                "value": v,
                "timestamp": 1729000000000,
                "source": "CRM_UI",
                "sourceId": "admin@portal.example",
            }
            for k, v in values.items()
        }
        copies = {f"property_{k}": v for k, v in properties.items()}  # the tap's flat copy of each
        return {"portalId": 6204471, "companyId": n, "isDeleted": False, "properties": properties, **copies}

    lines = [
        company(5880112301, "Lakeside Veterinary Partners", "lakesidevet.example", "Minneapolis", "55409"),
        company(5880112302, "Northwind Traders", "northwind.example", "Seattle", "98101"),
        company(5880112303, "Blue Harbor Labs", "blueharbor.example", "Boston", "02110"),
    ]
    fields = judged_lines(tmp_path / "companies.jsonl", lines).fields
    assert fields.get("company.name") == "properties.name.value"
    assert fields.get("company.website") == "properties.domain.value"
    assert fields.get("company.address.postalcode") == "properties.zip.value"
    assert fields.get("external_id") == "companyId"


def test_totvs_protheus_and_primavera_customers(tmp_path: Path) -> None:
    # TOTVS Protheus' SA1 by its fields' own names: A1_PAIS is a central bank's code, not sent.
    header = ["A1_COD", "A1_LOJA", "A1_NOME", "A1_NREDUZ", "A1_END", "A1_EST", "A1_COD_MUN", "A1_MUN"]
    header += ["A1_CEP", "A1_TEL", "A1_EMAIL", "A1_CGC", "A1_PAIS"]
    rows = [
        [
            "000187",
            "01",
            "PORTO SECO LTDA",
            "PORTO SECO",
            "ROD SANTOS DUMONT KM 66",
            "SP",
            "09502",
            "CAMPINAS",
        ],
        ["000188", "01", "AGRO LUZIA S/A", "LUZIA", "FAZENDA LUZIA S/N", "GO", "21204", "RIO VERDE"],
    ]
    rows[0] += ["13054750", "1932258800", "compras@porto.example", "07411250000133", "105"]
    rows[1] += ["75901970", "6436219000", "fiscal@luzia.example", "02876553000170", "105"]
    fields = judged(tmp_path / "sa1.csv", header, rows).fields
    assert fields == {
        "external_id": "A1_COD",
        "company.name": "A1_NOME",
        "company.address.street": "A1_END",
        "company.address.state": "A1_EST",
        "company.address.city": "A1_MUN",
        "company.address.postalcode": "A1_CEP",
    }
    # PRIMAVERA's customers: the invoicing ("Fac_") address and the web address.
    header = ["Cliente", "Nome", "EnderecoWeb", "Fac_Tel", "Fac_Cp", "Fac_Mor", "Pais", "Fac_Local"]
    rows = [
        [
            "C0001",
            "Conservas Ribamar, Lda.",
            "www.ribamar.example",
            "229404120",
            "4450-718",
            "Rua Ivens 1",
            "PT",
            "Porto",
        ],
        [
            "C0002",
            "Tipografia Almeida, S.A.",
            "almeida.example",
            "239847100",
            "3030-320",
            "Av. Magalhães 2",
            "PT",
            "Coimbra",
        ],
    ]
    fields = judged(tmp_path / "clientes.csv", header, rows).fields
    assert fields.get("company.website") == "EnderecoWeb"
    assert fields.get("company.address.street") == "Fac_Mor"
    assert fields.get("company.address.postalcode") == "Fac_Cp"
    assert fields.get("company.address.city") == "Fac_Local"


def test_outscraper_s_first_contact_at_each_business(tmp_path: Path) -> None:
    # "Emails & Contacts": the business's "name" and switchboard, its first contact by "email_1_*".
    header = ["name", "site", "phone", "street", "city", "email_1", "email_1_full_name", "email_1_first_name"]
    header += ["email_1_last_name", "email_1_title", "email_1_phone", "email_2", "email_2_first_name"]
    rows = [
        ["Denver Dental Arts", "dda.example", "+1 303-555-0143", "1 Main St", "Denver", "megan@dda.example"],
        ["Cherry Creek Ortho", "cco.example", "+1 303-555-0199", "2 Elm St", "Denver", "rachel@cco.example"],
        ["Aurora Dentist", "ad.example", "+1 720-555-0177", "3 Oak St", "Aurora", ""],
    ]
    rows[0] += [
        "Megan Alvarez",
        "Megan",
        "Alvarez",
        "Office Manager",
        "+1 303-555-0187",
        "kim@dda.example",
        "Dan",
    ]
    rows[1] += ["Rachel Osei", "Rachel", "Osei", "Coordinator", "", "jpark@cco.example", "Jon"]
    rows[2] += ["", "", "", "", "", "", ""]
    fields = judged(tmp_path / "outscraper.csv", header, rows).fields
    assert fields.get("company.name") == "name"
    assert fields.get("person.first_name") == "email_1_first_name"
    assert fields.get("person.email") == "email_1"
    assert fields.get("person.title") == "email_1_title"
    assert fields.get("person.person_phone") == "email_1_phone"  # the switchboard is no fallback


def test_atlassian_licences_and_gainsight_lookups(tmp_path: Path) -> None:
    # Atlassian Marketplace's licences: the licensee's company and its technical contact, not the
    # billing contact.
    def licence(company: str, given: str, family: str) -> dict[str, Any]:
        person = {"email": f"{given.lower()}@{family.lower()}.example", "name": f"{given} {family}"}
        billing = {"email": "ap@reseller.example", "name": "Accounts Payable"}
        details = {"company": company, "country": "Germany", "technicalContact": person}
        return {
            "licenseId": "SEN-1",
            "status": "active",
            "contactDetails": details | {"billingContact": billing},
        }

    lines = [licence("Helvetia AG", "Markus", "Egli"), licence("Northwind Ltd", "James", "Okafor")]
    lines.append(licence("Open Data NL", "Bas", "Vries"))
    fields = judged_lines(tmp_path / "licences.jsonl", lines).fields
    assert fields.get("company.name") == "contactDetails.company"
    assert fields.get("person.email") == "contactDetails.technicalContact.email"
    assert fields.get("person.full_name") == "contactDetails.technicalContact.name"
    # Gainsight's company-person records: the person's fields through the "Person_ID__gr" lookup.
    header = ["Gsid", "Person_ID__gr.FirstName", "Person_ID__gr.LastName", "Person_ID__gr.Email", "Title"]
    rows = [
        ["1P01", "Ann", "Lee", "ann@acme.example", "CFO"],
        ["1P02", "Bo", "Ray", "bo@beta.example", "CTO"],
    ]
    fields = judged(tmp_path / "gainsight.csv", header, rows).fields
    assert fields.get("person.first_name") == "Person_ID__gr.FirstName"
    assert fields.get("person.email") == "Person_ID__gr.Email"
    assert fields.get("external_id") == "Gsid"


def test_mainstream_crms_in_spanish_german_italian_and_portuguese(tmp_path: Path) -> None:
    # Dynamics 365's Spanish contacts: "Nombre de pila" is the given name.
    header = [
        "(No modificar) Contacto",
        "Nombre de pila",
        "Apellidos",
        "Puesto",
        "Email",
        "Nombre de la compañía",
    ]
    rows = [
        ["c1", "Ana", "Ruiz", "Gerente", "ana@acme.example", "Acme"],
        ["c2", "Luis", "Gil", "Jefe", "l@b.example", "Beta"],
    ]
    fields = judged(tmp_path / "contactos.csv", header, rows).fields
    assert fields.get("person.first_name") == "Nombre de pila"
    assert fields.get("person.email") == "Email"
    assert fields.get("person.title") == "Puesto"
    # SuiteCRM's German leads and accounts.
    header = ["Vorname", "Nachname", "Stellenbezeichnung", "Kontoname", "E-Mail Adresse"]
    rows = [
        ["Eva", "Roth", "Leiterin Einkauf", "Acme GmbH", "eva@acme.example"],
        ["Jan", "Hof", "CTO", "Beta AG", "j@b.example"],
    ]
    fields = judged(tmp_path / "interessenten.csv", header, rows).fields
    assert fields.get("person.title") == "Stellenbezeichnung"
    assert fields.get("company.name") == "Kontoname"
    header = [
        "Firmenname",
        "Rechnungsadresse Straße",
        "Rechnungsadresse Stadt",
        "Rechnungsadresse Postleitzahl",
    ]
    rows = [["Acme GmbH", "Hauptstr. 1", "Berlin", "10115"], ["Beta AG", "Ring 2", "Köln", "50667"]]
    fields = judged(tmp_path / "firmen.csv", header, rows).fields
    assert fields.get("company.address.street") == "Rechnungsadresse Straße"
    assert fields.get("company.address.postalcode") == "Rechnungsadresse Postleitzahl"
    # HubSpot's Portuguese contacts; Salesforce's Italian and Spanish account reports.
    header = ["ID do registro.", "Nome", "Sobrenome", "E-mail", "Número de telefone"]
    rows = [
        ["101", "Ana", "Lima", "ana@acme.example", "+55 11 3030 1010"],
        ["102", "Rui", "Sá", "r@b.example", "+55 21 2020 2020"],
    ]
    fields = judged(tmp_path / "contatos.csv", header, rows).fields
    assert fields.get("external_id") == "ID do registro."
    assert fields.get("person.person_phone") == "Número de telefone"
    header = ["Nome account", "Sito Web"]
    rows = [
        ["Hotel Roma", "www.hotelroma.example"],
        ["Hotel Pisa", "hotelpisa.example"],
        ["Hotel Bari", "www.bari.example"],
    ]
    fields = judged(tmp_path / "account.csv", header, rows).fields
    assert fields == {"company.name": "Nome account", "company.website": "Sito Web"}
    header = ["Nombre de la cuenta", "Estado o provincia de facturación", "País de facturación"]
    rows = [["Acme SA", "Madrid", "España"], ["Beta SL", "Jalisco", "México"]]
    fields = judged(tmp_path / "cuentas.csv", header, rows).fields
    assert fields.get("company.address.state") == "Estado o provincia de facturación"
    # Pipedrive's Italian people: "Persona - Nome" is the person's whole name.
    header = [
        "Persona - Nome",
        "Persona - Organizzazione",
        "Persona - Email - Lavoro",
        "Persona - Telefono - Lavoro",
    ]
    rows = [
        ["Marco Rossi", "Acme Srl", "marco@acme.example", "+39 02 1234"],
        ["Giulia Bianchi", "Beta Spa", "g@b.example", "+39 06 5678"],
    ]
    fields = judged(tmp_path / "persone.csv", header, rows).fields
    assert fields.get("person.full_name") == "Persona - Nome"


def test_an_attendee_s_email_over_the_order_s_and_an_order_s_own_number(tmp_path: Path) -> None:
    # pretix's order positions: "Email" is the order's (its buyer's), "Attendee email" the named
    # attendee's.
    header = ["Order code", "Email", "Attendee name", "Attendee email", "Company"]
    rows = [
        ["A1B2C", "billing@acme.example", "Ann Lee", "ann@acme.example", "Acme"],
        ["D3E4F", "ap@beta.example", "Bo Ray", "bo@beta.example", "Beta"],
        ["G5H6J", "billing@acme.example", "Cy Dee", "cy@acme.example", "Acme"],
    ]
    fields = judged(tmp_path / "positions.csv", header, rows).fields
    assert fields.get("person.email") == "Attendee email"
    # A ticketing platform's orders (Humanitix's): "_id" is the order's, no one's record.
    header = ["_id", "currency", "financialStatus", "firstName", "lastName", "email", "totals.total"]
    rows = [
        ["64f1", "AUD", "paid", "Ann", "Lee", "ann@acme.example", "120.00"],
        ["64f2", "AUD", "paid", "Bo", "Ray", "bo@beta.example", "60.00"],
    ]
    fields = judged(tmp_path / "orders.csv", header, rows).fields
    assert "external_id" not in fields
    assert fields.get("person.email") == "email"


def test_guard_an_account_s_currency_and_payment_gateway_make_no_transaction(tmp_path: Path) -> None:
    # Zuora's accounts: a currency and a payment gateway beside the account's own "id".
    header = ["id", "account_number", "name", "currency", "payment_gateway", "balance"]
    rows = [
        ["2c9", "A-001", "Acme Inc", "USD", "Stripe", "0"],
        ["2c8", "A-002", "Beta LLC", "EUR", "Adyen", "10"],
    ]
    fields = judged(tmp_path / "accounts.csv", header, rows).fields
    assert fields.get("external_id") == "id"


def test_marketing_clouds_and_cdps_people(tmp_path: Path) -> None:
    # HubSpot's v1 contact profile with its associated company.
    def profile(vid: int, given: str, family: str, company: str, site: str) -> dict[str, Any]:
        own = {"firstname": given, "lastname": family, "email": f"{given.lower()}@{site}"}
        associated = {"name": company, "website": site, "state": "MA"}
        return {
            "vid": vid,
            "properties": {k: {"value": v} for k, v in own.items()},
            "associated-company": {
                "company-id": vid + 1,
                "properties": {k: {"value": v} for k, v in associated.items()},
            },
        }

    lines = [
        profile(101, "Ann", "Lee", "Acme Inc", "acme.example"),
        profile(201, "Bo", "Ray", "Beta LLC", "beta.example"),
    ]
    fields = judged_lines(tmp_path / "profiles.jsonl", lines).fields
    assert fields.get("company.name") == "associated-company.properties.name.value"
    assert fields.get("company.website") == "associated-company.properties.website.value"
    assert fields.get("person.first_name") == "properties.firstname.value"
    # Iterable's users, every field under "user" and "dataFields".
    users = [
        {
            "user": {
                "email": "ann@acme.example",
                "dataFields": {"userId": "u1", "phoneNumber": "+1 617 555 0100"},
            }
        },
        {
            "user": {
                "email": "bo@beta.example",
                "dataFields": {"userId": "u2", "phoneNumber": "+1 512 555 0101"},
            }
        },
    ]
    fields = judged_lines(tmp_path / "users.jsonl", users).fields
    assert fields.get("person.email") == "user.email"
    assert fields.get("person.person_phone") == "user.dataFields.phoneNumber"
    # mParticle's profiles; Adobe's XDM segment export; Eloqua's fields through a CDP's job.
    header = ["mpid", "user_identities.customerid", "user_identities.email", "user_attributes.$FirstName"]
    rows = [["-8712", "C1", "ann@acme.example", "Ann"], ["-8713", "C2", "bo@beta.example", "Bo"]]
    fields = judged(tmp_path / "mparticle.csv", header, rows).fields
    assert fields.get("person.email") == "user_identities.email"
    assert fields.get("person.first_name") == "user_attributes.$FirstName"
    header = ["person_name_firstName", "person_name_lastName", "personalEmail_address"]
    rows = [["Ann", "Lee", "ann@acme.example"], ["Bo", "Ray", "bo@beta.example"]]
    fields = judged(tmp_path / "xdm.csv", header, rows).fields
    assert fields == {
        "person.first_name": "person_name_firstName",
        "person.last_name": "person_name_lastName",
        "person.email": "personalEmail_address",
    }
    jobs = [
        {"message": {"data": {"C_EmailAddress": f"{n}@acme.example", "C_FirstName": n}}}
        for n in ("ann", "bo")
    ]
    fields = judged_lines(tmp_path / "jobs.jsonl", jobs).fields
    assert fields.get("person.email") == "message.data.C_EmailAddress"
    assert fields.get("person.first_name") == "message.data.C_FirstName"
    # Salesforce Marketing Cloud's SubscriberKey; HubSpot's "Record ID - Contact" beside its company's.
    header = ["SubscriberKey", "EmailAddress", "FirstName"]
    fields = judged(
        tmp_path / "sfmc.csv", header, [["003A", "ann@acme.example", "Ann"], ["003B", "bo@b.example", "Bo"]]
    ).fields
    assert fields.get("external_id") == "SubscriberKey"
    header = ["Record ID - Contact", "First Name", "Email", "Record ID - Company", "Company name"]
    rows = [["11", "Ann", "ann@acme.example", "91", "Acme"], ["12", "Bo", "bo@beta.example", "92", "Beta"]]
    fields = judged(tmp_path / "hubspot.csv", header, rows).fields
    assert fields.get("external_id") == "Record ID - Contact"


def test_a_scrape_s_sites_are_the_companies_web_sites(tmp_path: Path) -> None:
    # A supplier directory's scrape (Portuguese): "Sites", one per row, read by its values.
    header = ["Nome_Fornecedor", "Sites", "Telefone"]
    rows = [
        ["Metalúrgica Alfa Ltda", "www.alfa.example", "(11) 3030-1010"],
        ["Plásticos Beta S/A", "beta.example", "(21) 2020-2020"],
        ["Química Gama Eireli", "https://gama.example", "(31) 4040-4040"],
    ]
    fields = judged(tmp_path / "fornecedores.csv", header, rows).fields
    assert fields.get("company.website") == "Sites"


def test_owners_named_like_their_firms_keep_their_names_and_phones(tmp_path: Path) -> None:
    # Owners whose family name is their firm's ("Bob Reed" of "Reed Roofing Inc") are people: their
    # name and phone are sent.
    header = ["Name", "Email", "Company", "Phone"]
    rows = [
        ["Ann Sevonty", "ann@sevonty.example", "Sevonty Restoration LLC", "313-622-5582"],
        ["Bob Reed", "bob@reed.example", "Reed Roofing Inc", "313-346-7460"],
        ["Tom Hall", "tom@hall.example", "Hall Electric Co", "313-555-0101"],
    ]
    fields = judged(tmp_path / "owners.csv", header, rows).fields
    assert fields.get("person.full_name") == "Name"
    assert fields.get("person.person_phone") == "Phone"


def test_a_mailing_street_beside_a_lone_country_keeps_it_the_company_s(tmp_path: Path) -> None:
    # A mailing street and zip beside a lone Country: the places are not only a country.
    header = [
        "First Name",
        "Last Name",
        "Email",
        "Company",
        "City",
        "Country",
        "Mailing Street",
        "Mailing Zip",
    ]
    rows = [["Ann", "Lee", "ann@acme.example", "Acme", "Austin", "US", "1 Main St", "73301"]]
    rows.append(["Bo", "Ray", "bo@beta.example", "Beta", "Boston", "US", "2 Elm St", "02110"])
    fields = judged(tmp_path / "mailing.csv", header, rows).fields
    assert fields.get("company.address.country") == "Country"


def test_a_deal_list_s_name_beside_its_contact_is_no_company(tmp_path: Path) -> None:
    # A deal list's "Name" beside its contact's columns is no company.
    header = ["Name", "Contact First Name", "Contact Last Name", "Contact Email", "Stage"]
    rows = [
        ["Website redesign", "Ann", "Lee", "ann@acme.example", "Won"],
        ["Q3 renewal", "Bo", "Ray", "bo@b.example", "Open"],
    ]
    fields = judged(tmp_path / "deals.csv", header, rows).fields
    assert "company.name" not in fields


def test_a_contact_s_mobile_still_fills_the_rows_their_contact_phone_leaves_empty(tmp_path: Path) -> None:
    header = ["First Name", "Last Name", "Email", "Company", "Contact Phone", "Mobile"]
    rows = [["Ann", "Lee", "ann@acme.example", "Acme", "+1 512 555 0100", "+1 512 555 0199"]]
    rows.append(["Bo", "Ray", "bo@beta.example", "Beta", "", "+1 617 555 0188"])
    fields = judged(tmp_path / "phones.csv", header, rows).fields
    assert fields.get("person.person_phone") == ["Contact Phone", "Mobile"]


def test_salesforce_and_dataverse_records_through_their_apis(tmp_path: Path) -> None:
    # `sf data export tree`: Accounts with their "attributes" (type, referenceId) and a bare Name.
    def account(n: int, name: str, city: str) -> dict[str, Any]:
        place = {"BillingStreet": f"{n} Main St", "BillingCity": city, "BillingCountry": "USA"}
        return {"attributes": {"type": "Account", "referenceId": f"AccountRef{n}"}, "Name": name, **place}

    lines = [account(1, "Baubly Toyshops Ltd", "Scranton"), account(2, "Jouet Jouet", "Lafayette")]
    lines.append(account(3, "Northwind Traders", "Seattle"))
    fields = judged_lines(tmp_path / "accounts.jsonl", lines).fields
    assert fields.get("company.name") == "Name"
    assert fields.get("company.address.city") == "BillingCity"
    assert fields.get("company.address.country") == "BillingCountry"
    assert "person.person_country" not in fields
    # Dataverse's accounts: "statecode" is the record's status, the state is address1's.
    header = ["accountid", "name", "statecode", "address1_stateorprovince"]
    rows = [["a1", "Acme Inc", "0", "WA"], ["a2", "Beta LLC", "0", "OR"], ["a3", "Gamma Co", "1", "CA"]]
    fields = judged(tmp_path / "dataverse.csv", header, rows).fields
    assert fields.get("company.address.state") == "address1_stateorprovince"
    # Dataverse's contacts: the parent customer's name as the Web API formats the lookup.
    header = ["contactid", "firstname", "lastname", "emailaddress1"]
    header.append("_parentcustomerid_value@OData.Community.Display.V1.FormattedValue")
    rows = [
        ["c1", "Ann", "Lee", "ann@acme.example", "Acme Inc"],
        ["c2", "Bo", "Ray", "bo@beta.example", "Beta LLC"],
    ]
    fields = judged(tmp_path / "contacts.csv", header, rows).fields
    assert fields.get("company.name") == header[-1]


def test_a_deal_s_record_id_and_a_profile_s_current_position(tmp_path: Path) -> None:
    # HubSpot's deals with their primary company: the deal's "Record ID" is no person's or company's.
    header = ["Record ID", "Deal Name", "Deal Stage", "Close Date", "Associated Company Names (Primary)"]
    rows = [
        ["901", "Acme renewal", "Closed won", "2025-01-31", "Acme Inc"],
        ["902", "Beta pilot", "Demo", "2025-02-28", "Beta LLC"],
    ]
    fields = judged(tmp_path / "deals.csv", header, rows).fields
    assert "external_id" not in fields
    assert fields.get("company.name") == "Associated Company Names (Primary)"
    # Linked Helper's profiles: the current position, not the free-text headline.
    header = ["first_name", "last_name", "headline", "current_company", "current_company_position"]
    header += ["organization_title_1", "organization_website_1"]
    rows = [
        ["Ann", "Lee", "Helping SaaS teams grow | Speaker", "Acme", "VP Sales", "VP Sales", "acme.example"],
        ["Bo", "Ray", "Builder of things", "Beta", "CTO", "CTO", "beta.example"],
        ["Cy", "Dee", "Ops nerd", "Gamma", "Head of Operations", "Head of Operations", "gamma.example"],
    ]
    fields = judged(tmp_path / "profiles.csv", header, rows).fields
    assert fields.get("person.title") == "current_company_position"
    assert fields.get("company.website") == "organization_website_1"


def test_a_licence_register_s_business_and_its_premise(tmp_path: Path) -> None:
    # A state's licence register: the business's legal name and its licensed premise's address.
    header = ["business_legal_name", "license_number", "business_dba_name", "premise_street_address"]
    header += ["premise_city", "premise_state", "premise_zip_code"]
    rows = [
        ["Green Leaf LLC", "CCD-001", "Green Leaf", "1 Main St", "Santa Fe", "NM", "87501"],
        ["High Desert Holdings Inc", "CCD-002", "Desert Bloom", "2 Elm St", "Taos", "NM", "87571"],
    ]
    fields = judged(tmp_path / "licences.csv", header, rows).fields
    assert fields.get("company.name") == "business_legal_name"
    assert fields.get("company.address.street") == "premise_street_address"
    assert fields.get("company.address.city") == "premise_city"
    assert fields.get("company.address.postalcode") == "premise_zip_code"


def test_an_attendee_list_s_country_beside_a_bare_name_and_email_and_the_note(tmp_path: Path) -> None:
    # "Name, Company, Country, Email": the bare Name is the people's (read from the rows), so the
    # company does not come first; the country is theirs, and a note says so, once.
    header = ["Name", "Company", "Country", "Email"]
    rows = [
        ["Ann Lee", "Acme Inc", "Germany", "ann.lee@acme.example"],
        ["Bo Ray", "Beta LLC", "France", "bo.ray@beta.example"],
        ["Cy Dee", "Gamma GmbH", "Spain", "cy.dee@gamma.example"],
    ]
    mapping = judged(tmp_path / "attendees.csv", header, rows)
    assert mapping.fields.get("person.person_country") == "Country"
    assert "company.address.country" not in mapping.fields
    assert [n for n in mapping.notes if n.startswith("'Country' is where each person is")]
    # Beside a city, the city is left out as the person's, in a note of its own (one column: "looks").
    header = ["First Name", "Last Name", "Email", "Company", "City", "Country"]
    rows = [
        ["Ann", "Lee", "ann@acme.example", "Acme", "Berlin", "Germany"],
        ["Bo", "Ray", "bo@b.example", "Beta", "Paris", "France"],
    ]
    notes = judged(tmp_path / "contacts.csv", header, rows).notes
    assert any(n.startswith("'City' looks like the person's own address") for n in notes), notes
