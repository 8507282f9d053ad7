"""Detection, twenty-sixth round: what the blind held-out set of API records (R34: places, registers,
enrichment vendors) still missed, and what the next blind sets found at first sight. Each test fails on
415178a, the code before it; the guards beside them hold on both. Values are invented."""

from __future__ import annotations

from pathlib import Path

from leadspace_cli.mapping.detect import detect
from tests.mapping.test_detect_eleventh import judged
from tests.mapping.test_detect_twentyfourth import judged_lines


def test_an_enrichment_vendor_s_job_company_columns_are_the_employer_s() -> None:
    # People Data Labs' person records: the job's company and its location, the person's own location.
    header = ["id", "first_name", "last_name", "work_email", "mobile_phone", "job_title"]
    header += ["job_company_name", "job_company_website", "job_company_location_street_address"]
    header += ["job_company_location_locality", "job_company_location_region"]
    header += ["job_company_location_postal_code", "job_company_location_country", "location_country"]
    fields = detect(header).fields
    assert fields.get("company.name") == "job_company_name"
    assert fields.get("company.website") == "job_company_website"
    assert fields.get("company.address.street") == "job_company_location_street_address"
    assert fields.get("company.address.city") == "job_company_location_locality"
    assert fields.get("company.address.state") == "job_company_location_region"
    assert fields.get("company.address.postalcode") == "job_company_location_postal_code"
    assert fields.get("company.address.country") == "job_company_location_country"
    assert fields.get("person.person_country") == "location_country"
    # Guard: an account's bare "Region" stays a sales territory, not its state.
    accounts = detect(["Account Name", "Website", "Billing City", "Region"]).fields
    assert "company.address.state" not in accounts


def test_a_filing_s_business_address_among_its_addresses_is_the_company_s(tmp_path: Path) -> None:
    # The SEC's submissions: "addresses": {"mailing": {...}, "business": {...}}, a state or a country code.
    def address(street: str, city: str, state: str, zip_code: str) -> dict[str, str]:
        return {"street1": street, "city": city, "stateOrCountry": state, "zipCode": zip_code}

    firms = [("0000320193", "Apple Inc.", "One Apple Park Way", "Cupertino", "CA", "95014")]
    firms += [("0000789019", "Microsoft Corp", "One Microsoft Way", "Redmond", "WA", "98052-6399")]
    firms += [("0001018724", "Amazon Com Inc", "410 Terry Avenue North", "Seattle", "WA", "98109-5210")]
    lines = [
        {
            "cik": cik,
            "name": name,
            "sic": "3571",
            "website": "",
            "addresses": {"mailing": address("PO Box 1", city, state, zip_code), "business": address(*rest)},
        }
        for cik, name, *rest in firms
        for city, state, zip_code in [(rest[1], rest[2], rest[3])]
    ]
    fields = judged_lines(tmp_path / "submissions.jsonl", lines).fields
    assert fields.get("company.name") == "name"
    assert fields.get("company.address.street") == "addresses.business.street1"
    assert fields.get("company.address.city") == "addresses.business.city"
    assert fields.get("company.address.state") == "addresses.business.stateOrCountry"
    assert fields.get("company.address.postalcode") == "addresses.business.zipCode"


def test_a_register_s_address_object_region_is_its_state(tmp_path: Path) -> None:
    # OpenCorporates' companies: "registered_address": {"street_address", "locality", "region", ...}.
    firms = [("Acme Widgets Ltd", "12 High St", "Leeds", "West Yorkshire", "LS1 4AB")]
    firms += [("Brightside Inc", "400 Market St", "San Francisco", "California", "94111")]
    firms += [("Nordlys AS", "Karl Johans gate 5", "Oslo", "Oslo", "0154")]
    lines = [
        {
            "company": {
                "name": name,
                "company_number": f"0{i}4471",
                "registered_address": {
                    "street_address": street,
                    "locality": city,
                    "region": region,
                    "postal_code": code,
                    "country": "X",
                },
            }
        }
        for i, (name, street, city, region, code) in enumerate(firms)
    ]
    fields = judged_lines(tmp_path / "companies.jsonl", lines).fields
    assert fields.get("company.address.state") == "company.registered_address.region"
    assert fields.get("company.address.city") == "company.registered_address.locality"


def test_a_place_s_display_text_website_uri_and_postal_address_are_the_company_s(tmp_path: Path) -> None:
    # Google Places (New): "name" is the resource's path ("places/ChIJ..."), the name is
    # "displayName": {"text", "languageCode"}; "postalAddress" holds "locality", "postalCode" and a
    # "regionCode" that is the country's.
    places = [("ChIJQzqy", "The Real Greek", "London", "WC2R 0LP", "http://www.therealgreek.com/")]
    places += [("ChIJIV_f", "The Big Chill", "London", "WC2H 0AN", "https://bigchill.example/")]
    places += [("ChIJs4GO", "Café Nero Strand", "London", "WC2R 0JR", "https://caffenero.example/")]
    lines = [
        {
            "id": pid,
            "name": f"places/{pid}",
            "displayName": {"languageCode": "en", "text": text},
            "editorialSummary": {"languageCode": "en", "text": "Slick, modern restaurant."},
            "postalAddress": {"regionCode": "GB", "postalCode": code, "locality": city},
            "websiteUri": site,
        }
        for pid, text, city, code, site in places
    ]
    fields = judged_lines(tmp_path / "places.jsonl", lines).fields
    assert fields.get("company.name") == "displayName.text"
    assert fields.get("company.website") == "websiteUri"
    assert fields.get("company.address.city") == "postalAddress.locality"
    assert fields.get("company.address.postalcode") == "postalAddress.postalCode"
    assert fields.get("company.address.country") == "postalAddress.regionCode"


def test_a_report_s_account_billing_state_is_the_company_s_state() -> None:
    # A Salesforce report joining campaigns and accounts: "Account: Billing State/Province".
    header = ["Campaign Name", "Status", "Account: Account Name", "Account: Billing Street"]
    header += ["Account: Billing State/Province", "Account: Billing City", "Account: Main Phone"]
    fields = detect(header).fields
    assert fields.get("company.address.state") == "Account: Billing State/Province"
    assert fields.get("company.address.city") == "Account: Billing City"


def test_an_account_s_email_domain_is_its_site_and_a_person_s_is_not() -> None:
    # Copper's companies: a bare name, its address object and the domain of its people's emails.
    fields = detect(["id", "name", "address.city", "address.country", "email_domain"]).fields
    assert fields.get("company.name") == "name"
    assert fields.get("company.website") == "email_domain"
    assert fields.get("company.address.country") == "address.country"
    assert "person.person_country" not in fields
    # Guard: beside a person's names, an email's domain may be a free mail's: not sent.
    people = detect(["First Name", "Last Name", "Email", "Company", "Email Domain"]).fields
    assert "company.website" not in people


def test_an_email_s_or_a_phone_s_object_and_a_name_object_are_the_record_s_own(tmp_path: Path) -> None:
    # Copper's leads ("email": {"email", "category"}), Nutshell's contacts ("name": {"givenName",
    # "familyName"}, "phone": [{"number", ...}]).
    people = [("Ada", "Byron", "ada@analytical.example", "+44 20 7946 0001")]
    people += [("Grace", "Hopper", "grace@cobol.example", "+1 212 555 0100")]
    people += [("Alan", "Turing", "alan@bletchley.example", "+44 1908 640404")]
    copper = [
        {
            "id": 10 + i,
            "first_name": g,
            "last_name": f,
            "email": {"email": e, "category": "work"},
            "address": {"city": "London", "country": "GB"},
            "company_name": "X",
        }
        for i, (g, f, e, _) in enumerate(people)
    ]
    fields = judged_lines(tmp_path / "copper.jsonl", copper).fields
    assert fields.get("person.email") == "email.email"
    nutshell = [
        {
            "id": 20 + i,
            "name": {"givenName": g, "familyName": f, "displayName": f"{g} {f}"},
            "email": {"--primary": e},
            "phone": {"--primary": {"number": p, "E164": p.replace(" ", "")}},
        }
        for i, (g, f, e, p) in enumerate(people)
    ]
    fields = judged_lines(tmp_path / "nutshell.jsonl", nutshell).fields
    assert fields.get("person.first_name") == "name.givenName"
    assert fields.get("person.last_name") == "name.familyName"
    assert fields.get("person.email") == "email.--primary"
    assert fields.get("person.person_phone") == "phone.--primary.number"


def test_a_report_s_module_named_before_its_own_field_label() -> None:
    # vtiger's reports: "Organizations Organization Name" is the organisation's name.
    header = ["Organizations Domain", "Organizations Industry", "Organizations Billing Country"]
    header += ["Organizations Website", "Organizations Organization ID", "Organizations Organization Name"]
    fields = detect(header).fields
    assert fields.get("company.name") == "Organizations Organization Name"
    assert fields.get("company.address.country") == "Organizations Billing Country"


def test_people_found_by_their_linkedin_profiles_are_where_their_city_and_country_say(tmp_path: Path) -> None:
    # Cognism's search results: the person's City, State, Country beside the company's name and site.
    header = ["id", "Name", "Last_Name", "Email", "Role", "City", "State", "Country", "LinkedIn_URL"]
    header += ["Company_Name", "Website"]
    rows = [
        ["1", "Chad", "Anderson", "chad@cirrius.example", "CEO", "Minneapolis", "Minnesota", "United States"],
        ["2", "Maria", "Lopez", "maria@brightpath.example", "CTO", "Austin", "Texas", "United States"],
        ["3", "Tom", "Reed", "tom@northwind.example", "VP Sales", "Toronto", "Ontario", "Canada"],
    ]
    rows = [
        [*r, f"https://www.linkedin.com/in/{r[1].lower()}-{r[2].lower()}", "Firm", "firm.example"]
        for r in rows
    ]
    fields = judged(tmp_path / "cognism.csv", header, rows).fields
    assert fields.get("person.person_country") == "Country"
    assert not {"company.address.city", "company.address.state", "company.address.country"} & set(fields)
    # Guard: a CRM's LinkedIn property filled in one row of three leaves its address as it stands.
    rows = [[*r[:8], "", "Firm", "firm.example"] for r in rows]
    rows[0][8] = "https://www.linkedin.com/in/chad"
    fields = judged(tmp_path / "crm.csv", header, rows).fields
    assert fields.get("company.address.city") == "City"


def test_a_subscriber_s_address_merge_field_is_their_own(tmp_path: Path) -> None:
    # Mailchimp's audience members: "merge_fields": {"FNAME", "LNAME", "COMPANY", "ADDRESS": {...}}.
    people = [
        ("Jordan", "Mills", "Portland", "US"),
        ("Ana", "Ruiz", "Madrid", "ES"),
        ("Li", "Wei", "Lyon", "FR"),
    ]
    lines = [
        {
            "id": f"c3a1{i}",
            "email_address": f"{g.lower()}@example.com",
            "list_id": "57afe96172",
            "merge_fields": {
                "FNAME": g,
                "LNAME": f,
                "COMPANY": "Northwind",
                "ADDRESS": {"addr1": "1 Main St", "city": city, "state": "", "zip": "97213", "country": cc},
            },
        }
        for i, (g, f, city, cc) in enumerate(people)
    ]
    fields = judged_lines(tmp_path / "members.jsonl", lines).fields
    assert fields.get("person.person_country") == "merge_fields.ADDRESS.country"
    assert not {p for p in fields if p.startswith("company.address.")}


def test_portuguese_da_empresa_says_the_company_s() -> None:
    # Snov.io's Portuguese export: the person's País beside the company's "País da empresa".
    header = ["E-mail", "Nome", "Sobrenome", "Cargo", "País", "Nome da empresa", "URL da empresa"]
    header += ["País da empresa"]
    fields = detect(header).fields
    assert fields.get("company.name") == "Nome da empresa"
    assert fields.get("company.address.country") == "País da empresa"
    assert fields.get("person.person_country") == "País"


def test_a_state_column_of_statuses_gives_way_to_the_address_object_s_region(tmp_path: Path) -> None:
    # Recurly's accounts: a top-level "state" (active, closed) beside "address": {"region", ...}.
    firms = [("Northwind Traders LLC", "Chicago", "IL"), ("Contoso Ltd", "Austin", "TX")]
    firms += [("Fabrikam Inc", "Denver", "CO"), ("Tailspin Toys", "Boise", "ID")]
    lines = [
        {
            "id": f"o7m2{i}",
            "state": "active" if i % 2 else "closed",
            "email": f"ap{i}@example.com",
            "first_name": "Janet",
            "last_name": "Leverling",
            "company": name,
            "address": {"street1": "1 Main St", "city": city, "region": region, "postal_code": "60607"},
        }
        for i, (name, city, region) in enumerate(firms)
    ]
    fields = judged_lines(tmp_path / "accounts.jsonl", lines).fields
    assert fields.get("company.address.state") == "address.region"
    assert fields.get("company.address.city") == "address.city"
    # Zoho's leads: its record "$state" (save) before the lead's own "State".
    leads = [
        {"id": str(i), "$state": "save", "Last_Name": f, "Company": name, "City": city, "State": region}
        for i, ((name, city, region), f) in enumerate(zip(firms, ["Lee", "Kim", "Roe", "Poe"], strict=True))
    ]
    fields = judged_lines(tmp_path / "leads.jsonl", leads).fields
    assert fields.get("company.address.state") == "State"


def test_the_exporter_s_own_company_in_every_row_gives_way_to_the_records_names(tmp_path: Path) -> None:
    # Odoo's contacts in Spanish: "Empresa" is the tenant's own company (one or two of them); the
    # record's "Nombre completo" holds the customers' names, companies ("3CTI, C.A.").
    header = ["Nombre completo", "Teléfono", "Correo electrónico", "Vendedor", "Ciudad", "País", "Empresa"]
    customers = ["3CTI, C.A.", "A&N TECH 1, C.A", "A.T.C. MICROSUPLY C.A.", "Inversiones Lara, C.A."]
    customers += ["Distribuidora Oriente C.A.", "Papelería Caracas S.A.", "Abdel Puerta", "Grupo Merca C.A."]
    rows = [
        [
            name,
            f"0424-30762{i:02}",
            f"ventas{i}@example.ve",
            "ADRIANA",
            "Aragua",
            "Venezuela",
            "SUPRICOM, C.A. - A",
        ]
        for i, name in enumerate(customers)
    ]
    fields = judged(tmp_path / "contactos.csv", header, rows).fields
    assert fields.get("company.name") == "Nombre completo"
    # Guard: an account's contacts all at one company keep it (the rows are people, named apart).
    header = ["Nombre", "Apellidos", "Correo electrónico", "Empresa"]
    rows = [[f"Ana{i}", f"Ruiz{i}", f"ana{i}@merca.example", "Grupo Merca C.A."] for i in range(8)]
    assert judged(tmp_path / "personas.csv", header, rows).fields.get("company.name") == "Empresa"


def test_a_french_id_named_first_is_the_record_s_own_before_a_register_number() -> None:
    # noCRM's leads: "ID Lead" beside the company's SIREN.
    fields = detect(["ID Lead", "Titre", "Étape", "SIREN", "NAF", "Adresse", "Site web"]).fields
    assert fields.get("external_id") == "ID Lead"


def test_an_id_of_a_report_joining_two_modules_is_not_the_row_s() -> None:
    # vtiger's report of assets with their organisation's columns: the id is the organisation's.
    header = [
        "Organizations Last Contacted On",
        "Assets Previous MRR",
        "Assets Current MRR",
        "Assets Asset Name",
    ]
    header += ["Organizations Domain", "Organizations Website", "Organizations Organization ID"]
    header += ["Organizations Organization Name", "Organizations Billing Country"]
    fields = detect(header).fields
    assert "external_id" not in fields
    assert fields.get("company.name") == "Organizations Organization Name"
    # Guard: a report of one module keeps its own id.
    one = [c for c in header if c.startswith("Organizations")]
    assert detect(one).fields.get("external_id") == "Organizations Organization ID"


def test_the_people_a_lookup_found_at_a_company_and_the_company_s_own_phone() -> None:
    # Clay's table: a Google Maps business with the first person found there.
    header = ["Company Name", "phone", "website", "address", "city", "state", "postalCode", "Id"]
    header += ["First Name - People - Results", "Last Name - People - Results", "Title - People - Results"]
    fields = detect(header).fields
    assert fields.get("person.first_name") == "First Name - People - Results"
    assert fields.get("person.last_name") == "Last Name - People - Results"
    assert fields.get("person.title") == "Title - People - Results"
    assert "person.person_phone" not in fields
    assert fields.get("company.address.city") == "city"


def test_an_invoicing_api_s_primary_address_fields() -> None:
    # FreshBooks' clients: "p_street", "p_city", "p_province", "p_code", "p_country" (and "s_" ones).
    header = ["id", "fname", "lname", "email", "organization", "p_street", "p_city", "p_province", "p_code"]
    header += ["p_country", "s_street", "s_city"]
    fields = detect(header).fields
    assert fields.get("company.address.street") == "p_street"
    assert fields.get("company.address.state") == "p_province"
    assert fields.get("company.address.postalcode") == "p_code"


def test_pipedrive_s_address_parts_of_an_organization_and_a_person() -> None:
    # Pipedrive's newer exports: "Organization - City/town/village/locality of Address".
    header = ["Organization - ID", "Organization - Name", "Organization - Website", "Organization - Address"]
    header += [
        "Organization - City/town/village/locality of Address",
        "Organization - State/county of Address",
    ]
    header += ["Organization - ZIP/Postal code of Address", "Organization - Country of Address"]
    fields = detect(header).fields
    assert fields.get("company.address.city") == "Organization - City/town/village/locality of Address"
    assert fields.get("company.address.state") == "Organization - State/county of Address"
    assert fields.get("company.address.postalcode") == "Organization - ZIP/Postal code of Address"
    assert fields.get("company.address.country") == "Organization - Country of Address"
    people = ["Person - Name", "Person - Email", "Organization - Name", "Person - Country of Postal address"]
    assert detect(people).fields.get("person.person_country") == "Person - Country of Postal address"


def test_billing_address_words_in_german_spanish_french_and_italian() -> None:
    # Salesforce's German and Spanish account reports, French and Italian invoicing labels.
    german = ["Accountname", "Rechnungsstraße", "Rechnungsort", "Rechnungs-PLZ", "Rechnungsland"]
    fields = detect(german).fields
    assert fields.get("company.address.street") == "Rechnungsstraße"
    assert fields.get("company.address.city") == "Rechnungsort"
    assert fields.get("company.address.postalcode") == "Rechnungs-PLZ"
    assert fields.get("company.address.country") == "Rechnungsland"
    spanish = ["Id. de contacto", "Nombre", "Apellidos", "Nombre de la cuenta", "Ciudad de facturación"]
    spanish += ["País de facturación"]
    fields = detect(spanish).fields
    assert fields.get("external_id") == "Id. de contacto"
    assert fields.get("company.address.city") == "Ciudad de facturación"
    assert fields.get("company.address.country") == "País de facturación"
    french = ["Nom du compte", "Site web", "Ville de facturation", "Pays de facturation"]
    assert detect(french).fields.get("company.address.city") == "Ville de facturation"
    italian = ["Ragione sociale", "Città di fatturazione", "CAP"]
    assert detect(italian).fields.get("company.address.city") == "Città di fatturazione"


def test_hubspot_s_french_job_title_and_web_site() -> None:
    header = ["Prénom", "Nom", "E-mail", "Intitulé du poste", "Nom de l'entreprise", "URL du site web"]
    fields = detect(header).fields
    assert fields.get("person.title") == "Intitulé du poste"
    assert fields.get("company.website") == "URL du site web"


def test_a_lead_s_contact_s_display_name_is_not_a_company() -> None:
    # Close's contacts: "display_name" beside the lead they belong to ("lead_id").
    fields = detect(["id", "lead_id", "name", "display_name", "title", "organization_id"]).fields
    assert "company.name" not in fields
    # Guard: Close's leads keep their display name as the company beside their contacts' columns.
    leads = detect(["id", "display_name", "url", "status_label", "contact_name", "contact_email"]).fields
    assert leads.get("company.name") == "display_name"


def test_an_italian_firm_s_certified_mailbox_is_not_the_contact_s(tmp_path: Path) -> None:
    # Danea Easyfatt's customers: a contact person, the firm's e-mail and its PEC (a certified
    # mailbox, the firm's legal address, even where it carries the contact's name).
    header = ["Cod.", "Denominazione", "Referente", "Tel.", "Cell", "e-mail", "Pec"]
    rows = [
        [
            "0001",
            "Ferramenta Bianchi S.r.l.",
            "Giorgio Bianchi",
            "059 374512",
            "335 6120984",
            "amministrazione@ferramentabianchi.it",
            "ferramentabianchi@pec.it",
        ],
        [
            "0002",
            "Studio Tecnico Associato Rossi & Conti",
            "Ing. Paola Conti",
            "011 5613470",
            "",
            "info@studiorossiconti.it",
            "rossiconti@legalmail.it",
        ],
        [
            "0003",
            "Agriturismo Il Poggio di Serena Galli",
            "Serena Galli",
            "",
            "347 2208813",
            "ilpoggio.agriturismo@gmail.com",
            "",
        ],
        [
            "0004",
            "Officine Meccaniche Lombarde S.p.A.",
            "Marco Ferri (uff. acquisti)",
            "035 884120",
            "348 9011562",
            "acquisti@omlspa.it",
            "oml@pec.omlspa.it",
        ],
        [
            "0005",
            "Hotel Bellavista Merano GmbH",
            "Anna Pichler",
            "0473 236410",
            "",
            "info@bellavista-meran.com",
            "bellavistameran@pec.it",
        ],
        ["0006", "Bäckerei Huber KG", "Thomas Huber", "+49 89 2198830", "", "office@baeckerei-huber.de", ""],
    ]
    mapping = judged(tmp_path / "clienti.csv", header, rows)
    assert "Pec" not in mapping.columns_used()
    assert "person.email" not in mapping.fields  # the firms' own mailboxes (info@) are not sent either


def test_a_company_column_of_yes_and_no_is_a_flag(tmp_path: Path) -> None:
    # Fakturownia's clients: "Firma" (tak, nie) says whether the client is a firm; "Nazwa" is its name.
    header = ["ID", "Nazwa", "Imię", "Nazwisko", "E-mail", "Firma"]
    rows = [
        ["1", "Kowalski Sp. z o.o.", "Jan", "Kowalski", "jan@kowalski.example", "tak"],
        ["2", "Anna Nowak", "Anna", "Nowak", "anna@nowak.example", "nie"],
        ["3", "Zieliński i Syn", "Piotr", "Zieliński", "piotr@zielinski.example", "tak"],
    ]
    fields = judged(tmp_path / "klienci.csv", header, rows).fields
    assert "company.name" not in fields  # "Nazwa" names no field in the aliases
    assert fields.get("person.first_name") == "Imię"


def test_a_record_s_company_lookup_object_is_its_company_name(tmp_path: Path) -> None:
    # Zoho CRM's contacts ("Account_Name": {"name", "id"}) and Keap's ("company": {"id", "company_name"}).
    people = [
        ("Ada", "Byron", "Analytical Ltd"),
        ("Grace", "Hopper", "Cobol Inc"),
        ("Alan", "Turing", "Enigma plc"),
    ]
    zoho = [
        {"id": str(i), "First_Name": g, "Last_Name": f, "Account_Name": {"name": firm, "id": f"99{i}"}}
        for i, (g, f, firm) in enumerate(people)
    ]
    assert judged_lines(tmp_path / "zoho.jsonl", zoho).fields.get("company.name") == "Account_Name.name"
    keap = [
        {"id": i, "given_name": g, "family_name": f, "company": {"id": 7 + i, "company_name": firm}}
        for i, (g, f, firm) in enumerate(people)
    ]
    assert judged_lines(tmp_path / "keap.jsonl", keap).fields.get("company.name") == "company.company_name"
    # Guard: an owner's lookup names no company.
    owned = [
        {"id": i, "First_Name": g, "Last_Name": f, "Owner": {"name": "Sam Seller"}}
        for i, (g, f, _) in enumerate(people)
    ]
    assert "company.name" not in judged_lines(tmp_path / "owned.jsonl", owned).fields


def test_an_exhibitor_list_s_contact_person_and_its_one_line_company_address(tmp_path: Path) -> None:
    # A trade show's exhibitors (IndusFood's portal): each company with a contact person, its whole
    # address on one line, its city, state, country and PIN code beside it.
    header = ["id", "company_name", "contact_person", "website", "company_address", "city_name", "state"]
    header += ["country", "pin_code", "whatsapp_no"]
    firms = [("99 Business Media", "Parveen Mehta", "Delhi", "Delhi", "110034")]
    firms += [("Agro Foods Pvt Ltd", "Ravi Kumar", "Pune", "Maharashtra", "411001")]
    firms += [("Spice Route Exports", "Anita Rao", "Kochi", "Kerala", "682035")]
    rows = [
        [str(i), f, p, f"https://firm{i}.example", f"12 Main Road, {city} - {pin} INDIA", city, st]
        for i, (f, p, city, st, pin) in enumerate(firms)
    ]
    rows = [
        [*row, "India", pin, f"+9198765432{i}0"]
        for i, (row, (*_, pin)) in enumerate(zip(rows, firms, strict=True))
    ]
    fields = judged(tmp_path / "exhibitors.csv", header, rows).fields
    assert fields.get("company.address.city") == "city_name"
    assert fields.get("company.address.country") == "country"
    assert fields.get("company.address.postalcode") == "pin_code"
    assert "person.person_country" not in fields
    assert fields.get("person.person_phone") == "whatsapp_no"


def test_a_speaker_base_s_name_beside_its_company_s_spanish_name() -> None:
    # An Airtable base of speakers: the speaker's "Name" beside "Nombre empresa".
    fields = detect(["Name", "Correo", "Celular", "Nombre empresa"]).fields
    assert fields.get("company.name") == "Nombre empresa"
    assert (
        detect(["exhibitor_name", "exhibitor_address", "website"]).fields.get("company.name")
        == "exhibitor_name"
    )


def test_a_country_with_no_person_beside_it_is_no_one_s(tmp_path: Path) -> None:
    # A trade show's brands (id, name, sport, country, city): no person, no company name read.
    header = ["id", "name", "sport", "category", "description", "country", "city", "logo"]
    rows = [
        ["babolat", "Babolat", "Tennis", "Raquettes", "Marque française", "France", "Lyon", "b.png"],
        ["salomon", "Salomon", "Trail", "Chaussures", "Marque alpine", "France", "Annecy", "s.png"],
        ["asics", "Asics", "Running", "Chaussures", "Marque japonaise", "Japon", "Kobe", "a.png"],
    ]
    fields = judged(tmp_path / "exposants.csv", header, rows).fields
    assert "person.person_country" not in fields
