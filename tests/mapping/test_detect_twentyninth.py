"""Detection, twenty-ninth round: what the blind held-out sets R66-R69 (LinkedIn finders, Asian and
Middle-Eastern tools, mainstream CRM variants, recruiting and HR) found at first sight. Each test fails
on d3a4ca1, the code before it; the guards beside them hold on both. Values are invented."""

from __future__ import annotations

from pathlib import Path

from tests.mapping.test_detect_eleventh import judged
from tests.mapping.test_detect_twentyfourth import judged_lines


def test_a_primary_email_beside_a_bare_name_is_the_person_s(tmp_path: Path) -> None:
    # Affinity's people (its command line's "id,name,primaryEmail"): the "primary" of an email is no
    # sign of an account, so the name is the people's.
    header = ["id", "name", "primaryEmail"]
    rows = [["1", "Ann Lee", "ann@acme.example"], ["2", "Bo Ray", "bo@beta.example"]]
    fields = judged(tmp_path / "persons.csv", header, rows).fields
    assert fields.get("person.email") == "primaryEmail"
    assert fields.get("person.full_name") == "name"
    assert "company.name" not in fields
    # Guard: an account's "Primary Contact" and "Primary Phone" still make a bare Name the company's.
    header = ["Name", "Primary Contact", "Primary Phone", "City"]
    rows = [
        ["Acme Corp", "Ann Lee", "+1 555 0100", "Austin"],
        ["Beta LLC", "Bo Ray", "+1 555 0101", "Boston"],
    ]
    fields = judged(tmp_path / "accounts.csv", header, rows).fields
    assert fields.get("company.name") == "Name"


def test_a_composite_field_s_primary_value_is_the_field(tmp_path: Path) -> None:
    # Twenty's REST records: "emails.primaryEmail", "phones.primaryPhoneNumber",
    # "domainName.primaryLinkUrl", and the company's own under a person ("company.domainName...").
    people = [
        {
            "id": f"p{i}",
            "name": {"firstName": first, "lastName": last},
            "emails": {"primaryEmail": f"{first.lower()}@{firm.lower()}.example", "additionalEmails": None},
            "phones": {"primaryPhoneNumber": f"41555501{i}", "primaryPhoneCountryCode": "US"},
            "linkedinLink": {"primaryLinkUrl": f"https://www.linkedin.com/in/{first.lower()}"},
            "jobTitle": "Head of Operations",
            "company": {"name": firm, "domainName": {"primaryLinkUrl": f"https://{firm.lower()}.example"}},
        }
        for i, (first, last, firm) in enumerate((("Ann", "Lee", "Acme"), ("Bo", "Ray", "Beta")))
    ]
    fields = judged_lines(tmp_path / "people.jsonl", people).fields
    assert fields.get("person.email") == "emails.primaryEmail"
    assert fields.get("person.person_phone") == "phones.primaryPhoneNumber"
    assert fields.get("company.website") == "company.domainName.primaryLinkUrl"
    companies = [
        {
            "id": f"c{i}",
            "name": name,
            "domainName": {"primaryLinkUrl": f"https://{name.split()[0].lower()}.example"},
            "address": {"addressCity": city, "addressCountry": "United States"},
        }
        for i, (name, city) in enumerate((("Acme Robotics", "Austin"), ("Beta Foods", "Boston")))
    ]
    fields = judged_lines(tmp_path / "companies.jsonl", companies).fields
    assert fields.get("company.website") == "domainName.primaryLinkUrl"
    assert fields.get("company.name") == "name"


def test_a_user_s_or_a_lead_s_profile_holds_the_row_s_own_fields(tmp_path: Path) -> None:
    # Okta's users ("profile.firstName"), HeyReach's leads ("linkedInUserProfile.*") and its
    # conversations' correspondent ("correspondentProfile.*"; the sender's "linkedInAccount.*" is not).
    users = [
        {"id": "u1", "profile": {"firstName": "Ann", "lastName": "Lee", "email": "ann@acme.example"}},
        {"id": "u2", "profile": {"firstName": "Bo", "lastName": "Ray", "email": "bo@beta.example"}},
    ]
    fields = judged_lines(tmp_path / "okta.jsonl", users).fields
    assert fields.get("person.first_name") == "profile.firstName"
    assert fields.get("person.email") == "profile.email"
    talks = [
        {
            "id": f"t{i}",
            "linkedInAccount": {"firstName": "Sam", "lastName": "Seller", "emailAddress": "sam@us.example"},
            "correspondentProfile": {
                "firstName": first,
                "lastName": "Lee",
                "emailAddress": f"{first.lower()}@acme.example",
                "position": "VP Sales",
                "companyName": "Acme",
            },
        }
        for i, first in enumerate(("Ann", "Bo"))
    ]
    fields = judged_lines(tmp_path / "inbox.jsonl", talks).fields
    assert fields.get("person.first_name") == "correspondentProfile.firstName"
    assert fields.get("person.email") == "correspondentProfile.emailAddress"
    assert fields.get("company.name") == "correspondentProfile.companyName"


def test_an_enrichment_s_most_probable_email_and_phone_are_sent(tmp_path: Path) -> None:
    # FullEnrich's and Pronto's results: "most_probable_email", and v2's objects under "contact_info".
    header = ["first_name", "last_name", "company_name", "most_probable_email"]
    rows = [["Ann", "Lee", "Acme", "ann@acme.example"], ["Bo", "Ray", "Beta", "bo@beta.example"]]
    assert judged(tmp_path / "found.csv", header, rows).fields.get("person.email") == "most_probable_email"
    lines = [
        {
            "input": {"first_name": first, "last_name": "Lee", "company_name": "Acme"},
            "contact_info": {
                "most_probable_work_email": {
                    "email": f"{first.lower()}@acme.example",
                    "status": "DELIVERABLE",
                },
                "most_probable_phone": {"number": "+1 555 0100", "region": "US"},
            },
        }
        for first in ("Ann", "Bo")
    ]
    fields = judged_lines(tmp_path / "v2.jsonl", lines).fields
    assert fields.get("person.first_name") == "input.first_name"
    assert fields.get("person.email") == "contact_info.most_probable_work_email.email"
    assert fields.get("person.person_phone") == "contact_info.most_probable_phone.number"


def test_a_headline_without_a_job_is_no_title_but_its_people_keep_their_names(tmp_path: Path) -> None:
    # Lever's opportunities: "headline" is where the candidate works and studied.
    header = ["id", "name", "headline", "location"]
    rows = [
        ["o1", "Shane Smith", "Airbnb, Stanford University", "Oakland, CA"],
        ["o2", "Ana Paredes", "Mercado Libre", "Buenos Aires"],
        ["o3", "Lena Fischer", "Zalando SE, TU München", "Berlin"],
    ]
    fields = judged(tmp_path / "opportunities.csv", header, rows).fields
    assert "person.title" not in fields
    assert fields.get("person.full_name") == "name"
    # Guard: a LinkedIn scrape's headlines are jobs, and are sent.
    rows = [
        ["o1", "Shane Smith", "Head of Growth at Airbnb", "Oakland, CA"],
        ["o2", "Ana Paredes", "Senior Engineer | Mercado Libre", "Buenos Aires"],
        ["o3", "Lena Fischer", "Founder & CEO, Fischer Labs", "Berlin"],
    ]
    assert judged(tmp_path / "scrape.csv", header, rows).fields.get("person.title") == "headline"


def test_an_employee_s_work_mobile_is_their_phone(tmp_path: Path) -> None:
    # HiBob's people: "work.workPhone" empty, "work.workMobile" filled; the manager's is not.
    lines = [
        {
            "id": str(i),
            "firstName": first,
            "surname": "Lee",
            "email": f"{first.lower()}@acme.example",
            "work": {"workPhone": None, "workMobile": f"060102030{i}", "title": "Engineer"},
        }
        for i, first in enumerate(("Ann", "Bo"))
    ]
    fields = judged_lines(tmp_path / "people.jsonl", lines).fields
    assert fields.get("person.person_phone") == "work.workMobile"


def test_zoom_s_user_name_with_its_original_name_is_a_whole_name(tmp_path: Path) -> None:
    header = ["Attended", "User Name (Original Name)", "Email", "Join Time", "Country/Region Name"]
    rows = [
        ["Yes", "Ann Lee", "ann@acme.example", "09:00", "France"],
        ["Yes", "Bo Ray (Bo R.)", "bo@beta.example", "09:05", "Germany"],
    ]
    assert judged(tmp_path / "zoom.csv", header, rows).fields.get("person.full_name") == (
        "User Name (Original Name)"
    )


def test_a_customer_s_name_beside_the_company_s_own_column_is_the_person_s(tmp_path: Path) -> None:
    # A sales team's leads ("Customer Name", "Company Name", "Mobile"), in English and in Arabic.
    header = ["Customer Name", "Company Name", "Mobile"]
    rows = [["Ann Lee", "Acme", "0551234567"], ["Bo Ray", "Beta", "0509876543"]]
    assert judged(tmp_path / "leads.csv", header, rows).fields.get("person.full_name") == "Customer Name"
    header = ["اسم العميل", "اسم الشركة", "رقم الجوال", "الموقع"]
    rows = [
        ["عبدالله الشهري", "مؤسسة ركن الضيافة", "0551234567", "الرياض - حي العليا"],
        ["سارة القحطاني", "شركة نماء الغذائية", "0509876543", "جدة - حي الروضة"],
        ["محمد العتيبي", "شركة الأفق", "0532223344", "الدمام"],
    ]
    fields = judged(tmp_path / "leads_ar.csv", header, rows).fields
    assert fields.get("person.full_name") == "اسم العميل"
    assert fields.get("person.person_phone") == "رقم الجوال"
    assert "company.website" not in fields  # "the site" holds places here
    # Guard: a customer's name that is the company's own (a one-person firm's list) stays unsent.
    rows = [["Acme Corp", "Acme Corp", "0551234567"], ["Beta LLC", "Beta LLC", "0509876543"]]
    fields = judged(tmp_path / "firms.csv", ["Customer Name", "Company Name", "Mobile"], rows).fields
    assert "person.full_name" not in fields


def test_an_arabic_directory_s_site_and_address_are_the_company_s(tmp_path: Path) -> None:
    header = ["الرقم", "اسم الشركة", "الهاتف", "الإيميل", "الموقع", "العنوان"]
    rows = [
        ["1", "شركة الخليج للصناعات", "+966 13 812 4400", "info@gulf.example", "www.gulf.example", "الدمام"],
        [
            "2",
            "مؤسسة النخبة للمقاولات",
            "+966 11 465 2210",
            "contact@nokhba.example",
            "https://nokhba.example",
            "الرياض",
        ],
    ]
    fields = judged(tmp_path / "directory.csv", header, rows).fields
    assert fields.get("company.website") == "الموقع"


def test_wecom_s_customer_is_a_person_at_an_enterprise(tmp_path: Path) -> None:
    header = ["客户名称", "添加人", "手机", "企业", "邮箱", "职务"]
    rows = [
        [
            "张伟",
            "王敏",
            "13812345678",
            "苏州天汇信息技术有限公司",
            "zhangwei@tianhui.example",
            "人力资源总监",
        ],
        ["陈晓东", "王敏", "13601987766", "上海启明医疗器械有限公司", "chenxd@qiming.example", "总经理"],
    ]
    fields = judged(tmp_path / "wecom.csv", header, rows).fields
    assert fields.get("company.name") == "企业"
    assert fields.get("person.email") == "邮箱"
    assert fields.get("person.title") == "职务"
    # Guard: a B2B CRM's customers ("客户名称" alone) are organisations, as before.
    header = ["客户名称", "联系人", "电话"]
    rows = [
        ["苏州天汇信息技术有限公司", "张伟", "0512-62881234"],
        ["上海启明医疗器械有限公司", "陈晓东", "021-54401234"],
    ]
    assert judged(tmp_path / "crm.csv", header, rows).fields.get("company.name") == "客户名称"


def test_a_ledger_of_companies_sends_its_mailing_address_as_theirs(tmp_path: Path) -> None:
    # Tally's ledgers: a bare "name" of firms, their "mailing_state", "mailing_pincode".
    header = ["guid", "name", "mailing_name", "mailing_state", "mailing_country", "mailing_pincode", "gstn"]
    rows = [
        ["g1", "Shree Ganesh Traders", "Shree Ganesh Traders", "Maharashtra", "India", "411001", "27AAB"],
        ["g2", "Kaveri Textiles Pvt Ltd", "Kaveri Textiles", "Karnataka", "India", "560001", "29AAC"],
        ["g3", "Om Sai Enterprises", "Om Sai Enterprises", "Gujarat", "India", "380001", "24AAD"],
    ]
    fields = judged(tmp_path / "ledger.csv", header, rows).fields
    assert fields.get("company.name") == "name"
    assert fields.get("company.address.state") == "mailing_state"
    assert fields.get("company.address.postalcode") == "mailing_pincode"
    assert "person.person_country" not in fields


def test_an_indian_form_s_company_or_institute_is_the_company(tmp_path: Path) -> None:
    header = ["First Name", "Last Name", "Email", "Company/Instt"]
    rows = [
        ["Wei", "Tan", "wei@sgtech.example", "SG Tech Labs"],
        ["Arjun", "Mehta", "am@iitb.example", "IIT Bombay"],
    ]
    assert judged(tmp_path / "attendees.csv", header, rows).fields.get("company.name") == "Company/Instt"


def test_dataverse_s_logical_address_names_are_the_account_s(tmp_path: Path) -> None:
    lines = [
        {
            "accountid": f"a{i}",
            "name": name,
            "address1_line1": street,
            "address1_city": city,
            "address1_postalcode": "70565",
            "address1_country": "Germany",
            "address2_city": "Berlin",
        }
        for i, (name, street, city) in enumerate(
            (("Fabrikam GmbH", "Industriestraße 14", "Stuttgart"), ("Contoso AG", "Hafenweg 2", "Hamburg"))
        )
    ]
    fields = judged_lines(tmp_path / "accounts.jsonl", lines).fields
    assert fields.get("company.address.street") == "address1_line1"
    assert fields.get("company.address.city") == "address1_city"
    assert fields.get("company.address.postalcode") == "address1_postalcode"


def test_zoom_s_registrant_s_org_is_the_company_and_the_address_their_own(tmp_path: Path) -> None:
    header = ["id", "first_name", "last_name", "email", "address", "city", "country", "zip", "state"]
    header += ["phone", "industry", "org", "job_title"]
    rows = [
        ["r1", "Ann", "Lee", "ann@acme.example", "1 Main St", "Austin", "US", "78701", "TX", "5550100"],
        ["r2", "Bo", "Ray", "bo@beta.example", "2 Elm St", "Boston", "US", "02101", "MA", "5550101"],
    ]
    rows = [[*r, "Software", firm, "CTO"] for r, firm in zip(rows, ("Acme", "Beta"), strict=True)]
    fields = judged(tmp_path / "registrants.csv", header, rows).fields
    assert fields.get("company.name") == "org"
    assert fields.get("person.person_country") == "country"
    assert not any(p.startswith("company.address.") for p in fields)


def test_a_record_s_contact_object_leaves_the_record_its_name_and_id(tmp_path: Path) -> None:
    # Shopify's B2B companies: "mainContact.customer.firstName", "mainContact.title", "mainContact.id".
    lines = [
        {
            "id": f"gid://shopify/Company/{i}",
            "name": firm,
            "mainContact": {
                "id": f"gid://shopify/CompanyContact/{i}",
                "title": "Owner",
                "customer": {"firstName": first, "lastName": "Lee", "email": f"{first.lower()}@x.example"},
            },
        }
        for i, (firm, first) in enumerate(
            (("Harbor & Pine Mercantile", "Meg"), ("Copper Kettle Supply", "Tom"))
        )
    ]
    fields = judged_lines(tmp_path / "companies.jsonl", lines).fields
    assert fields.get("external_id") == "id"
    assert fields.get("company.name") == "name"
    assert fields.get("person.first_name") == "mainContact.customer.firstName"
    assert fields.get("person.title") == "mainContact.title"


def test_a_payer_s_a_billing_person_s_and_a_contact_s_info_objects_are_read(tmp_path: Path) -> None:
    # PayPal's "payer_info.payer_name.given_name"; Ecwid's "billingPerson.*"; Wix's "info.*".
    paid = [
        {
            "transaction_info": {"transaction_id": f"T{i}"},
            "payer_info": {
                "email_address": f"{first.lower()}@acme.example",
                "payer_name": {"given_name": first, "surname": "Lee"},
                "country_code": "US",
            },
        }
        for i, first in enumerate(("Ann", "Bo"))
    ]
    fields = judged_lines(tmp_path / "paypal.jsonl", paid).fields
    assert fields.get("person.first_name") == "payer_info.payer_name.given_name"
    assert fields.get("person.email") == "payer_info.email_address"
    billed = [
        {
            "id": i,
            "email": f"{first.lower()}@acme.example",
            "billingPerson": {"firstName": first, "lastName": "Lee", "companyName": firm, "city": "Wien"},
        }
        for i, (first, firm) in enumerate((("Ann", "Acme GmbH"), ("Bo", "Beta KG")))
    ]
    fields = judged_lines(tmp_path / "ecwid.jsonl", billed).fields
    assert fields.get("person.first_name") == "billingPerson.firstName"
    assert fields.get("company.name") == "billingPerson.companyName"
    contacts = [
        {
            "id": f"c{i}",
            "info": {"name": {"first": first, "last": "Lee"}, "company": "Acme", "jobTitle": "CTO"},
            "primaryInfo": {"email": f"{first.lower()}@acme.example"},
        }
        for i, first in enumerate(("Ann", "Bo"))
    ]
    fields = judged_lines(tmp_path / "wix.jsonl", contacts).fields
    assert fields.get("person.first_name") == "info.name.first"
    assert fields.get("person.email") == "primaryInfo.email"
    assert fields.get("company.name") == "info.company"


def test_pipedrive_s_french_organisations_address_is_read(tmp_path: Path) -> None:
    header = ["Organisation - ID", "Organisation - Nom", "Organisation - Nom de rue/route"]
    header += ["Organisation - Ville/agglomération/village/localité", "Organisation - Code postal"]
    header += ["Organisation - Pays"]
    rows = [
        ["1", "Boulangerie Martin SARL", "Rue de Rivoli 12", "Paris", "75001", "France"],
        ["2", "Atelier Dubois SAS", "Quai Saint-Vincent 4", "Lyon", "69001", "France"],
    ]
    fields = judged(tmp_path / "organisations.csv", header, rows).fields
    assert fields.get("company.name") == "Organisation - Nom"
    assert fields.get("company.address.city") == "Organisation - Ville/agglomération/village/localité"
    assert fields.get("company.address.postalcode") == "Organisation - Code postal"
    assert fields.get("company.address.country") == "Organisation - Pays"


def test_factusol_s_field_codes_are_read_as_its_tables_fields(tmp_path: Path) -> None:
    header = ["CODCLI", "CCOCLI", "NIFCLI", "NOFCLI", "NOCCLI", "DOMCLI", "POBCLI", "CPOCLI", "PROCLI"]
    header += ["TELCLI", "PCOCLI", "EMACLI", "WEBCLI", "PAICLI"]
    rows = [
        [
            *("1", "43000001", "B46123987", "CERÁMICAS DEL TURIA, S.L.", "Cerámicas Turia", "C/ Madrid 14"),
            *("Paterna", "46988", "Valencia", "961320455", "Vicente Ferrer", "pedidos@turia.example"),
            *("www.turia.example", "ESPAÑA"),
        ],
        [
            *(
                "2",
                "43000002",
                "B28765431",
                "DISTRIBUCIONES GÓMEZ, S.L.",
                "Distribuciones Gómez",
                "Alcalá 312",
            ),
            *("Madrid", "28027", "Madrid", "914057720", "Ana Gómez", "admin@gomez.example"),
            *("www.gomez.example", "ESPAÑA"),
        ],
    ]
    fields = judged(tmp_path / "F_CLI.csv", header, rows).fields
    assert fields.get("external_id") == "CODCLI"
    assert fields.get("company.name") == "NOFCLI"
    assert fields.get("company.address.city") == "POBCLI"
    assert fields.get("company.address.state") == "PROCLI"
    assert fields.get("company.website") == "WEBCLI"
    assert "person.person_phone" not in fields
    # Guard: one column named so ("PROCLI" alone beside a plain header) is not a FactuSOL table.
    fields = judged(
        tmp_path / "other.csv", ["Name", "Email", "PROCLI"], [["Ann Lee", "a@x.example", "1"]]
    ).fields
    assert "company.address.state" not in fields


def test_weclapp_s_person_company_is_the_company(tmp_path: Path) -> None:
    # Its "company" (an organisation party's own name) is empty on a person's record.
    header = ["id", "firstName", "lastName", "email", "company", "personCompany"]
    rows = [
        ["1", "Ann", "Lee", "ann@acme.example", "", "Acme GmbH"],
        ["2", "Bo", "Ray", "bo@beta.example", "", "Beta AG"],
    ]
    assert judged(tmp_path / "contacts.csv", header, rows).fields.get("company.name") == "personCompany"


def test_a_dynamics_account_s_primary_contact_lookup_is_no_person_of_the_row(tmp_path: Path) -> None:
    # Dynamics 365's Active Accounts view (English, Spanish): "Primary Contact" is a lookup.
    for dnm, name, contact in (
        ("(Do Not Modify) Account", "Account Name", "Primary Contact"),
        ("(No modificar) Cuenta", "Nombre de cuenta", "Contacto principal"),
    ):
        header = [dnm, name, contact, "Address 1: City"]
        rows = [["a1", "Fabrikam Inc", "Ann Lee", "Austin"], ["a2", "Contoso Ltd", "Bo Ray", "Boston"]]
        fields = judged(tmp_path / "accounts.csv", header, rows).fields
        assert fields.get("company.name") == name
        assert "person.full_name" not in fields, contact
    # Guard: a plain accounts list's "Primary Contact" (no Dynamics columns) names the person, as before.
    header = ["Account Name", "Primary Contact", "City"]
    rows = [["Fabrikam Inc", "Ann Lee", "Austin"], ["Contoso Ltd", "Bo Ray", "Boston"]]
    assert judged(tmp_path / "plain.csv", header, rows).fields.get("person.full_name") == "Primary Contact"


def test_a_whole_company_address_beside_its_city_and_zip_and_no_country_reads_without_error(
    tmp_path: Path,
) -> None:
    # An owners' list (CoStar's): before, the places were read as the company's and a missing
    # country raised KeyError (a traceback for `mapping init`). Now its city and ZIP are the
    # company's where its address line holds them, and another's (a property's) where it does not.
    header = ["company_name", "company_address", "city", "postal_code", "contact_name", "email"]
    rows = [
        [
            "Crestline LP",
            "2200 Ross Ave, Dallas, TX 75201",
            "Dallas",
            "75201",
            "Ann Lee",
            "ann@crest.example",
        ],
        ["Harbor Holdings", "1 Main St, Austin, TX 78701", "Austin", "78701", "Bo Ray", "bo@harbor.example"],
        ["Alder Capital", "9 Elm St, Plano, TX 75023", "Plano", "75023", "Cy Dee", "cy@alder.example"],
    ]
    fields = judged(tmp_path / "owners.csv", header, rows).fields
    assert fields.get("company.address.city") == "city"
    assert fields.get("company.address.postalcode") == "postal_code"
    rows = [[*r[:2], "Irving", "75247", *r[4:]] for r in rows]  # each property's own place
    fields = judged(tmp_path / "properties.csv", header, rows).fields
    assert not {"company.address.city", "company.address.postalcode"} & set(fields)


def test_raiser_s_edge_s_preferred_address_is_an_organisation_s_or_a_donor_s_home(tmp_path: Path) -> None:
    header = ["CnBio_Org_Name", "CnAdrPrf_Addrline1", "CnAdrPrf_City", "CnAdrPrf_State", "CnAdrPrf_ZIP"]
    rows = [
        ["Starbucks Coffee", "3 New York Plaza", "New York", "NY", "10004"],
        ["Pret A Manger", "60 Broad St", "New York", "NY", "10004"],
    ]
    fields = judged(tmp_path / "orgs.csv", header, rows).fields
    assert fields.get("company.name") == "CnBio_Org_Name"
    assert fields.get("company.address.street") == "CnAdrPrf_Addrline1"
    assert fields.get("company.address.postalcode") == "CnAdrPrf_ZIP"
    header = ["CnBio_ID", "CnBio_First_Name", "CnBio_Last_Name", "CnAdrPrf_City", "CnAdrPrf_State"]
    rows = [["1", "Ann", "Lee", "Austin", "TX"], ["2", "Bo", "Ray", "Boston", "MA"]]
    fields = judged(tmp_path / "donors.csv", header, rows).fields
    assert not any(p.startswith("company.address.") for p in fields)


def test_crm_api_and_export_names_of_the_company_and_its_address(tmp_path: Path) -> None:
    # Close's leads ("address_1_city"), Pipedrive's older "City of Address", Salesloft's
    # "person_company_name", ActiveCampaign's "orgname", Handshake's "Employers Name", Toastmasters'
    # "Company / In Care Of", Bloomerang's "PrimaryEmail.Value".
    header = ["id", "display_name", "primary_contact_name", "primary_contact_primary_email"]
    header += ["address_1_address_1", "address_1_city", "address_1_zip", "address_1_country"]
    rows = [
        ["l1", "Acme Corp", "Ann Lee", "ann@acme.example", "1 Main St", "Austin", "78701", "US"],
        ["l2", "Beta LLC", "Bo Ray", "bo@beta.example", "2 Elm St", "Boston", "02101", "US"],
    ]
    fields = judged(tmp_path / "close.csv", header, rows).fields
    assert fields.get("company.address.street") == "address_1_address_1"
    assert fields.get("company.address.city") == "address_1_city"
    header = ["Organization - Name", "Organization - City of Address", "Organization - Zip code of Address"]
    rows = [["Acme Corp", "Austin", "78701"], ["Beta LLC", "Boston", "02101"]]
    fields = judged(tmp_path / "pipedrive.csv", header, rows).fields
    assert fields.get("company.address.city") == "Organization - City of Address"
    assert fields.get("company.address.postalcode") == "Organization - Zip code of Address"
    for column in ("person_company_name", "orgname", "Employers Name", "Company / In Care Of"):
        header = ["first_name", "last_name", "email", column]
        rows = [["Ann", "Lee", "ann@acme.example", "Acme Corp"], ["Bo", "Ray", "bo@beta.example", "Beta LLC"]]
        assert judged(tmp_path / "people.csv", header, rows).fields.get("company.name") == column, column
    lines = [
        {
            "Id": i,
            "FirstName": first,
            "LastName": "Lee",
            "PrimaryEmail": {"Value": f"{first}@acme.example"},
            "PrimaryPhone": {"Number": f"+1 555 010{i}"},
        }
        for i, first in enumerate(("ann", "bo"))
    ]
    assert (
        judged_lines(tmp_path / "constituents.jsonl", lines).fields.get("person.email")
        == "PrimaryEmail.Value"
    )


def test_freshsales_contacts_address_is_the_contact_s_own(tmp_path: Path) -> None:
    header = [
        "First name",
        "Last name",
        "Emails",
        "Job title",
        "Sales accounts",
        "City",
        "Zipcode",
        "Country",
    ]
    rows = [
        ["Ann", "Lee", "ann@acme.example", "CTO", "Acme", "San Mateo", "94402", "United States"],
        ["Bo", "Ray", "bo@beta.example", "CFO", "Beta", "Austin", "78701", "United States"],
    ]
    fields = judged(tmp_path / "contacts.csv", header, rows).fields
    assert fields.get("company.name") == "Sales accounts"
    assert fields.get("person.person_country") == "Country"
    assert not any(p.startswith("company.address.") for p in fields)


def test_reso_s_members_a_lead_inbox_s_fields_and_an_email_s_object(tmp_path: Path) -> None:
    # RESO's Member resource: "MemberKey", "OfficeName", "MemberMobilePhone".
    header = [
        "MemberKey",
        "MemberFirstName",
        "MemberLastName",
        "MemberEmail",
        "MemberMobilePhone",
        "OfficeName",
    ]
    rows = [
        ["a81f", "Brooke", "Halvorsen", "brooke@wasatch.example", "801-555-0192", "Wasatch Home Group"],
        ["a820", "Tom", "Reyes", "tom@summit.example", "801-555-0193", "Summit Realty"],
    ]
    fields = judged(tmp_path / "members.csv", header, rows).fields
    assert fields.get("external_id") == "MemberKey"
    assert fields.get("company.name") == "OfficeName"
    assert fields.get("person.person_phone") == "MemberMobilePhone"
    # A clinic's lead inbox: "ID do lead", "Email do lead", "Telefone do lead".
    header = ["ID do lead", "Nome do lead", "Email do lead", "Telefone do lead", "Mensagem"]
    rows = [
        ["1280554", "Ana Souza", "ana.souza@example.com", "21975163358", "Quero saber o preço"],
        ["1280556", "Michelly Alencar", "michelly.alencar@example.com", "11980676964", "Agendar"],
    ]
    fields = judged(tmp_path / "leads.csv", header, rows).fields
    assert fields.get("external_id") == "ID do lead"
    assert fields.get("person.email") == "Email do lead"
    assert fields.get("person.person_phone") == "Telefone do lead"
    # Constant Contact's contacts: one email's object beside the people's names.
    lines = [
        {
            "contact_id": f"c{i}",
            "email_address": {"address": f"{first.lower()}@acme.example", "permission_to_send": "explicit"},
            "first_name": first,
            "last_name": "Lee",
        }
        for i, first in enumerate(("Ann", "Bo"))
    ]
    assert judged_lines(tmp_path / "cc.jsonl", lines).fields.get("person.email") == "email_address.address"


def test_review_guards_deals_firms_and_zip_plus_four(tmp_path: Path) -> None:
    # A deal with its contact as an object: the deal's name is no company's.
    header = ["id", "name", "value", "stage", "contact.first_name", "contact.last_name", "contact.email"]
    rows = [["1", "Q3 renewal", "12000", "won", "Ann", "Lee", "ann@acme.example"]]
    rows.append(["2", "Expansion 2027", "8000", "open", "Bo", "Ray", "bo@beta.example"])
    assert "company.name" not in judged(tmp_path / "deals.csv", header, rows).fields
    # An organisations list's "org" beside its industry: its address stays the company's.
    header = ["org", "industry", "website", "address", "city", "state", "zip", "country"]
    rows = [
        ["Acme Corp", "Software", "acme.example", "1 Main St", "Austin", "TX", "78701", "US"],
        ["Beta LLC", "Retail", "beta.example", "2 Elm St", "Boston", "MA", "02101", "US"],
    ]
    fields = judged(tmp_path / "orgs.csv", header, rows).fields
    assert fields.get("company.name") == "org"
    assert fields.get("company.address.city") == "city"
    # An invoice's clients beside its seller (one company on every row): firms, no person.
    header = ["Invoice", "Company Name", "Client Name", "Amount"]
    rows = [
        ["1", "Contoso US", "Morgan Stanley", "100"],
        ["2", "Contoso US", "Wells Fargo", "200"],
        ["3", "Contoso US", "Charles Schwab", "300"],
    ]
    assert "person.full_name" not in judged(tmp_path / "invoices.csv", header, rows).fields
    # A ZIP+4 beside an address line that gives its first five digits is the same place.
    header = ["company_name", "company_address", "city", "postal_code", "contact_name", "email"]
    rows = [
        [
            "Crestline LP",
            "2200 Ross Ave, Dallas, TX 75201",
            "Dallas",
            "75201-2711",
            "Ann Lee",
            "ann@crest.example",
        ],
        [
            "Harbor Holdings",
            "1 Main St, Austin, TX 78701",
            "Austin",
            "78701-0001",
            "Bo Ray",
            "bo@harbor.example",
        ],
        ["Alder Capital", "9 Elm St, Plano, TX 75023", "Plano", "75023", "Cy Dee", "cy@alder.example"],
    ]
    assert (
        judged(tmp_path / "owners.csv", header, rows).fields.get("company.address.postalcode")
        == "postal_code"
    )
