"""Detection on the exports of the thirty-eighth held-out sets (shops, sales data, open-source CRMs and
ERPs, memberships and exhibitors): each test fails on the code before its rule (b348812)."""

from __future__ import annotations

from leadspace_cli.mapping.detect import detect

_ADDRESS = ("street", "city", "state", "postalcode", "country")


def _address(fields: dict[str, object]) -> list[object]:
    return [fields.get(f"company.address.{k}") for k in _ADDRESS]


def test_a_phone_repeated_alone_is_the_contacts_and_one_address_block_is_sent_whole() -> None:
    # Invoice Ninja 4's clients: the client's billing and shipping blocks, then its contact's names,
    # email and a second "Phone". The repeated phone starts no company block: the billing address is
    # sent whole, never a billing state beside a shipping street.
    header = ["Name", "Balance", "Paid to Date", "Billing Street", "Billing Apt/Suite", "Billing City"]
    header += ["Billing State/Province", "Billing Postal Code", "Billing Country", "Shipping Street"]
    header += ["Shipping Apt/Suite", "Shipping City", "Shipping State/Province", "Shipping Postal Code"]
    header += ["Shipping Country", "ID Number", "VAT Number", "Website", "Phone", "Currency", "Public Notes"]
    header += ["Private Notes", "First Name", "Last Name", "Email", "Phone_2"]
    fields = detect(header).fields
    assert _address(fields) == [
        "Billing Street",
        "Billing City",
        "Billing State/Province",
        "Billing Postal Code",
        "Billing Country",
    ]
    assert fields["person.email"] == "Email"
    assert "person.person_country" not in fields


def test_an_account_holders_email_beside_the_rows_own_names_and_names_beside_a_whole_name() -> None:
    # A makerspace's members (WooCommerce Subscriptions' columns): the names are unprefixed, the email
    # only the customer's.
    members = ["id", "first_name", "last_name", "customer_email", "status", "start_date"]
    assert detect(members).fields["person.email"] == "customer_email"
    # WooCommerce Memberships: every field under the member's role.
    plan = ["user_membership_id", "user_id", "user_name", "member_first_name", "member_last_name"]
    plan += ["member_email", "membership_plan_id", "membership_plan", "membership_status"]
    fields = detect(plan).fields
    assert [fields.get(f"person.{k}") for k in ("first_name", "last_name", "email")] == [
        "member_first_name",
        "member_last_name",
        "member_email",
    ]
    # Magento 2's customer grid: a whole "Name" and the billing address's first and last names.
    grid = ["ID", "Name", "Email", "Group", "Phone", "ZIP", "Country", "State/Province", "Customer Since"]
    grid += ["Web Site", "Billing Address", "Company", "Billing Firstname", "Billing Lastname"]
    fields = detect(grid).fields
    assert fields["person.first_name"] == "Billing Firstname"
    assert fields["person.last_name"] == "Billing Lastname"
    # An attendee's names beside the buyer's email are two people: still never mixed.
    two = ["Attendee First Name", "Attendee Last Name", "Buyer Email", "Ticket Type"]
    assert "person.email" not in detect(two).fields


def test_a_leads_name_beside_its_own_email_is_the_persons_and_a_position_before_a_headline() -> None:
    smartlead = ["Linkedin", "lead_name", "lead_email", "lead_category", "sequence_number", "open_count"]
    fields = detect(smartlead).fields
    assert "company.name" not in fields
    assert fields["person.email"] == "lead_email"
    # Close's lead is still a company (beside its contacts' prefixed names).
    close = ["lead_name", "status_label", "primary_contact_first_name", "primary_contact_primary_email"]
    assert detect(close).fields["company.name"] == "lead_name"
    alumni = ["id", "firstname", "lastname", "headline", "current_employer", "current_position", "email"]
    alumni += ["mobile_perso", "linkedin_profile_url"]
    fields = detect(alumni).fields
    assert fields["person.title"] == "current_position"
    assert fields["person.person_phone"] == "mobile_perso"
    assert fields["company.name"] == "current_employer"
    club = ["member_number", "first_name", "last_name", "email", "work_company", "work_title"]
    fields = detect(club).fields
    assert fields["company.name"] == "work_company"
    assert fields["person.title"] == "work_title"


def test_company_names_in_french_spanish_german_arabic_and_axelors_enterprise_name() -> None:
    kimai = ["Nom", "Nom de la société", "Numéro de TVA", "Compte", "Pays", "Devise", "Téléphone"]
    kimai += ["Mobile", "Courriel", "Page d'accueil", "Addresse", "Ville", "Code postal"]
    fields = detect(kimai).fields
    assert fields["company.name"] == "Nom de la société"
    assert fields["company.website"] == "Page d'accueil"
    assert fields["company.address.city"] == "Ville"
    german = ["Name", "Unternehmensbezeichnung", "Umsatzsteuer-ID", "Land", "Telefon", "E-Mail"]
    assert detect(german).fields["company.name"] == "Unternehmensbezeichnung"
    krayin = ["ID", "Nombre", "Correos Electrónicos", "Números de Contacto", "Nombre de la Organización"]
    fields = detect(krayin).fields
    assert fields["company.name"] == "Nombre de la Organización"
    assert fields["person.email"] == "Correos Electrónicos"
    assert fields["person.person_phone"] == "Números de Contacto"
    arabic = ["المعرف", "الاسم", "البريد الإلكتروني", "أرقام الاتصال", "اسم المؤسسة"]
    fields = detect(arabic).fields
    assert fields["external_id"] == "المعرف"
    assert fields["person.email"] == "البريد الإلكتروني"
    assert fields["company.name"] == "اسم المؤسسة"
    axelor = ["importId", "titleSelect", "firstName", "name", "enterpriseName", "jobTitle", "email"]
    assert detect(axelor).fields["company.name"] == "enterpriseName"


def test_magentos_default_address_columns_and_french_members_phones() -> None:
    magento = ["email", "_website", "_store", "firstname", "lastname", "_address_city", "_address_company"]
    magento += ["_address_country_id", "_address_postcode", "_address_street", "_address_telephone"]
    fields = detect(magento).fields
    assert fields["company.name"] == "_address_company"
    assert fields["person.person_phone"] == "_address_telephone"
    assert "_website" not in fields.values()  # the store's code: still a system column
    dolibarr = ["ID adhérent", "Titre civilité", "Nom", "Prénom", "Société", "Tél pro.", "Tél portable"]
    dolibarr += ["Email", "Pays"]
    fields = detect(dolibarr).fields
    assert fields["external_id"] == "ID adhérent"
    assert fields["person.person_phone"] in ("Tél pro.", "Tél portable")


def test_a_french_forms_extra_fields_are_the_members_own() -> None:
    # HelloAsso's memberships: the form's "Champ additionnel:" columns, a membership card and fee say
    # the address is the member's home (beside the member's "Société"), its country the person's.
    header = ["Numéro", "Formule", "Montant adhésion", "Statut", "Nom", "Prénom", "Société", "Email"]
    header += ["Carte d'adhérent", "Nom acheteur", "Prénom acheteur", "Champ additionnel: Adresse"]
    header += ["Champ additionnel: Code Postal", "Champ additionnel: Ville", "Champ additionnel: Pays"]
    header += ["Champ additionnel: Numéro de téléphone fixe", "Champ additionnel: Numéro de téléphone mobile"]
    fields = detect(header).fields
    assert fields["company.name"] == "Société"
    assert _address(fields) == [None] * 5
    assert fields["person.person_country"] == "Champ additionnel: Pays"
    assert fields["person.person_phone"] == "Champ additionnel: Numéro de téléphone mobile"


def test_an_exhibitor_directorys_chinese_site_and_state() -> None:
    header = ["展商名称", "展位号", "官方网站", "地址", "城市", "州/省", "邮编", "国家", "电话"]
    fields = detect(header).fields
    assert fields["company.website"] == "官方网站"
    assert fields["company.address.state"] == "州/省"
