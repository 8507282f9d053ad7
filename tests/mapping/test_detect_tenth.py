"""Detection rules from the eighteenth to the twenty-first held-out sets (issue 28), and what they must
not send: each rule's test fails on the code before it."""

from __future__ import annotations

from leadspace_cli.mapping.aliases import qualified
from leadspace_cli.mapping.detect import detect
from tests.mapping.places import ADDRESS, company_address


def test_the_preferred_email_of_several_is_the_person_s_email() -> None:
    # KAddressBook's CSV export, in English and German: the preferred address, then the others.
    for preferred, label in (("EMail (preferred)", "EMail"), ("E-Mail (bevorzugt)", "E-Mail")):
        header = ["Given Name", "Family Name", preferred, f"{label} (2)", f"{label} (3)", "Organization"]
        assert detect(header).fields.get("person.email") == preferred


def test_spanish_names_say_whose_at_their_end() -> None:
    # KAddressBook in Spanish: "... de la dirección de trabajo" is the business address, "...
    # particular" the home one; "Teléfono del trabajo" the work phone.
    header = [
        "Nombre", "Apellidos", "Correo (preferido)", "Correo (2)",
        "Calle de la dirección particular", "Ciudad de la dirección particular",
        "Estado de la dirección particular", "Código postal de la dirección particular",
        "País de la dirección particular",
        "Calle de la dirección de trabajo", "Ciudad de la dirección de trabajo",
        "Estado de la dirección de trabajo", "Código postal de la dirección de trabajo",
        "País de la dirección de trabajo",
        "Teléfono particular", "Teléfono del trabajo", "Teléfono móvil", "Organización",
    ]  # fmt: skip
    fields = detect(header).fields
    assert company_address(header) == {
        "street": "Calle de la dirección de trabajo",
        "city": "Ciudad de la dirección de trabajo",
        "state": "Estado de la dirección de trabajo",
        "postalcode": "Código postal de la dirección de trabajo",
        "country": "País de la dirección de trabajo",
    }
    assert fields.get("person.person_phone") == "Teléfono del trabajo"  # not the home phone
    assert fields.get("person.email") == "Correo (preferido)"
    assert fields.get("company.name") == "Organización"
    # A bare "Estado" is as often a status: it is the state only when it says whose.
    assert "company.address.state" not in detect(["Nombre", "Email", "Estado", "Ciudad"]).fields


def test_a_spanish_mobile_phone_and_a_german_state_or_province() -> None:
    fields = detect(["Nombre", "Apellidos", "Email", "Teléfono móvil"]).fields
    assert fields.get("person.person_phone") == "Teléfono móvil"
    header = [
        "Vorname",
        "Nachname",
        "E-Mail",
        "Firma",
        "Stadt (geschäftlich)",
        "Staat/Bundesland (geschäftlich)",
    ]
    assert company_address(header)["state"] == "Staat/Bundesland (geschäftlich)"


def test_an_office_s_address_is_the_company_s_and_a_home_country_the_person_s() -> None:
    # Sahana Eden's staff: the office's address; its people registry: the home country, where the
    # person lives (a file with no company address).
    staff = [
        "Organisation", "Branch", "Job Title", "First Name", "Last Name", "Email", "Mobile Phone",
        "Office Phone", "Office", "Office Country", "Office City", "Office Street address",
        "Office Postcode", "Home Phone", "Home Address", "Home Postcode", "Home Country",
    ]  # fmt: skip
    assert company_address(staff) == {
        "street": "Office Street address",
        "city": "Office City",
        "state": None,
        "postalcode": "Office Postcode",
        "country": "Office Country",
    }
    persons = [
        "First Name",
        "Last Name",
        "Email",
        "Mobile Phone",
        "Home Address",
        "Home Postcode",
        "Home Country",
    ]
    assert detect(persons).fields.get("person.person_country") == "Home Country"
    # An office's location or its phone says nothing of an address (Kopano's PR_OFFICE_LOCATION).
    kopano = [
        "PR_GIVEN_NAME",
        "PR_SURNAME",
        "PR_COMPANY_NAME",
        "PR_OFFICE_LOCATION",
        "PR_ADDRESS",
        "PR_CITY",
        "PR_ZIP",
    ]
    assert company_address(kopano)["city"] == "PR_CITY"


def test_a_patient_s_and_a_user_s_id_are_the_row_s() -> None:
    assert detect(["Patient ID", "Facility Name", "Gender", "Age"]).fields.get("external_id") == "Patient ID"
    roster = ["Nome", "ID de usuário", "Endereço de E-mail", "Papel"]
    assert detect(roster).fields.get("external_id") == "ID de usuário"


def test_oscommerce_s_customers_and_their_address_book() -> None:
    # VaM Shop's customer export (osCommerce's tables, as Zen Cart's and its other forks'): a shop's
    # own customers, their address their own.
    header = [
        "customers_id", "customers_lastname", "customers_firstname", "customers_email_address",
        "customers_gender", "customers_dob", "entry_company", "entry_street_address", "entry_postcode",
        "entry_city", "entry_state", "entry_suburb", "countries_name", "customers_telephone", "customers_fax",
    ]  # fmt: skip
    fields = detect(header).fields
    assert {
        k: fields.get(k) for k in ("external_id", "person.first_name", "person.email", "company.name")
    } == {
        "external_id": "customers_id",
        "person.first_name": "customers_firstname",
        "person.email": "customers_email_address",
        "company.name": "entry_company",
    }
    assert fields.get("person.person_country") == "countries_name"
    assert company_address(header) == dict.fromkeys(ADDRESS)


def test_datev_s_business_partners_name_the_company_and_its_main_address() -> None:
    # DATEV's Debitoren/Kreditoren file: the company's name, and its main address before the
    # invoice address ("(Rechnungsadresse)") that follows it.
    header = [
        "Konto", "Name (Adressatentyp Unternehmen)", "Unternehmensgegenstand",
        "Name (Adressatentyp natürl. Person)", "Vorname (Adressatentyp natürl. Person)", "Adressatentyp",
        "Straße", "Postfach", "Postleitzahl", "Ort", "Land", "Telefon", "E-Mail", "Internet",
        "Straße (Rechnungsadresse)", "Postleitzahl (Rechnungsadresse)", "Ort (Rechnungsadresse)",
        "Land (Rechnungsadresse)",
    ]  # fmt: skip
    fields = detect(header).fields
    assert fields.get("company.name") == "Name (Adressatentyp Unternehmen)"
    assert fields.get("person.first_name") == "Vorname (Adressatentyp natürl. Person)"
    assert fields.get("person.last_name") == "Name (Adressatentyp natürl. Person)"
    assert company_address(header) == {
        "street": "Straße",
        "city": "Ort",
        "state": None,
        "postalcode": "Postleitzahl",
        "country": "Land",
    }
    # Alone, the invoice address is still the company's (Lexware's customers).
    alone = ["Firma", "Straße (Rechnungsadresse)", "Ort (Rechnungsadresse)", "PLZ (Rechnungsadresse)"]
    assert company_address(alone)["street"] == "Straße (Rechnungsadresse)"


def test_nineteenth_set_ids_residence_and_a_salutation_after_the_nickname() -> None:
    # A church's people (TouchPoint) and a school's students (openSIS, in Spanish, French, Arabic).
    assert detect(["PeopleId", "FirstName", "LastName", "Email"]).fields.get("external_id") == "PeopleId"
    for student, phone in (
        ("Identificación del Estudiante", "Teléfono"),
        ("Carte d'étudiant", "Téléphone"),
        ("هوية الطالب", "هاتف"),
    ):
        fields = detect(["Alumno", student, "Grado", phone]).fields
        assert (fields.get("external_id"), fields.get("person.person_phone")) == (student, phone)
    # A hotel's guests (HotelDruid): where they live, and a Title among the personal data.
    for header, country in (
        (
            ["Surname", "Name", "Nickname", "Title", "Sex", "Email", "Nation of Residency"],
            "Nation of Residency",
        ),
        (
            ["Apellido", "Nombre", "Apodo", "Título", "Sexo", "Email", "Nación de Residencia"],
            "Nación de Residencia",
        ),
        (
            ["Cognome", "Nome", "Soprannome", "Titolo", "Sesso", "Email", "Nazione di Residenza"],
            "Nazione di Residenza",
        ),
    ):
        fields = detect(header).fields
        assert fields.get("person.person_country") == country
        assert "person.title" not in fields


def test_constant_contact_s_work_block_after_a_dash() -> None:
    header = [
        "Email address - home", "Email address - other", "Email address - work", "First name", "Last name",
        "Company", "Job title", "Street address line 1 - Home", "City - Home", "Country - Home",
        "Street address line 1 - Work", "City - Work", "State/Province - Work", "Zip/Postal Code - Work",
        "Country - Work",
    ]  # fmt: skip
    assert company_address(header) == {
        "street": "Street address line 1 - Work",
        "city": "City - Work",
        "state": "State/Province - Work",
        "postalcode": "Zip/Postal Code - Work",
        "country": "Country - Work",
    }
    assert detect(header).fields.get("person.email") == "Email address - work"
    # Pipedrive's "Person - Email - Work" still reads its object first.
    assert (
        detect(["Person - Name", "Person - Email - Work"]).fields.get("person.email")
        == "Person - Email - Work"
    )


def test_a_business_url_and_a_candidate_s_fields() -> None:
    # EGroupware's business URL in English, German and French, beside the private one.
    for business, private in (
        ("url (business)", "url (private)"),
        ("URL geschäftlich", "URL privat"),
        ("url (pro)", "url (privé)"),
    ):
        header = ["First name", "Last name", "Organisation", business, private]
        assert detect(header).fields.get("company.website") == business
    # EasyCruit's candidates in Swedish: their id, their current job, their employer.
    fields = detect(
        ["Kandidatens ID", "Förnamn", "Efternamn", "E-post", "Aktuellt jobb", "Arbetsgivare"]
    ).fields
    assert {k: fields.get(k) for k in ("external_id", "person.title", "company.name")} == {
        "external_id": "Kandidatens ID",
        "person.title": "Aktuellt jobb",
        "company.name": "Arbetsgivare",
    }
    # A classifieds site's users.
    assert detect(["id_user", "name", "user_email", "phone"]).fields.get("external_id") == "id_user"


def test_a_form_entry_s_and_a_place_s_own_id() -> None:
    # Fluent Forms' entries, a Google Maps scraper's places (omkarcloud's place_id).
    assert (
        detect(["entry_id", "names", "email", "subject", "message"]).fields.get("external_id") == "entry_id"
    )
    places = [
        "place_id",
        "name",
        "description",
        "is_spending_on_ads",
        "reviews",
        "rating",
        "website",
        "phone",
    ]
    assert detect(places).fields.get("external_id") == "place_id"


def test_gnome_evolution_s_business_address_but_not_a_bare_org() -> None:
    header = [
        "given_name", "family_name", "id", "nickname", "email_1", "email_2", "business_phone",
        "Business Address", "Business Address2", "Business Address City", "Business Address State",
        "Business Address PostCode", "Business Address Country", "title", "office", "org", "homepage_url",
    ]  # fmt: skip
    assert company_address(header)["street"] == "Business Address"
    # A bare "Org" is as often an HR export's org unit: left out.
    assert "company.name" not in detect(["First Name", "Last Name", "Email", "Org"]).fields


def test_a_register_s_town_city() -> None:
    assert company_address(["Company", "Address_Line_1", "Town_City", "Postcode"])["city"] == "Town_City"


def test_what_the_new_rules_must_not_send() -> None:
    # A person's legal name (an HR export) is not a company; nor a donation's charity.
    hr = detect(
        ["Employee ID", "Legal Name", "Preferred Name", "Work Email", "Department", "Job Title"]
    ).fields
    assert "company.name" not in hr
    assert hr.get("person.email") == "Work Email"
    assert "company.name" not in detect(["Donor Email", "Donor Name", "Charity Name", "Amount"]).fields
    # Where the person lives is never the company's country, in any language.
    for residence in (
        "Country of Residence",
        "Pays de Résidence",
        "Nazione di Residenza",
        "Nación de Residencia",
    ):
        fields = detect(["First Name", "Last Name", "Email", "Company", residence]).fields
        assert "company.address.country" not in fields
        assert fields.get("person.person_country") == residence
    # "Nación" beside "País" is the nationality: the country is País.
    assert (
        detect(["Nombre", "Apellidos", "Correo", "Nación", "País"]).fields.get("person.person_country")
        == "País"
    )
    # A list of doctors' offices names no company: the offices' addresses are not sent, nor Name.
    doctors = detect(
        ["Name", "Specialty", "Phone", "Office Address", "Office City", "Office State", "Office Zip"]
    )
    assert not any(k.startswith("company.") for k in doctors.fields)
    # A library's loans: the Title is the book's.
    assert "person.title" not in detect(["Member Name", "Member Email", "Title", "Due Date"]).fields
    # An applicant's file: the job applied for is not the applicant's title.
    assert (
        "person.title"
        not in detect(["Applicant Name", "Applicant Email", "Job Title", "Current Title"]).fields
    )
    # A preferred first name is not the legal one (only emails and phones are chosen by "preferred").
    assert (
        detect(["First Name", "First Name (preferred)", "Last Name"]).fields["person.first_name"]
        == "First Name"
    )
    # "Homeland" is no home country.
    assert "person.person_country" not in detect(["First Name", "Last Name", "Email", "Homeland"]).fields
    # An invoice address with a postal code the main one lacks is sent whole, never in parts of two.
    header = [
        "Firma",
        "Straße",
        "Ort",
        "Land",
        "Straße (Rechnungsadresse)",
        "PLZ (Rechnungsadresse)",
        "Ort (Rechnungsadresse)",
    ]
    assert company_address(header) == {
        "street": "Straße (Rechnungsadresse)",
        "city": "Ort (Rechnungsadresse)",
        "state": None,
        "postalcode": "PLZ (Rechnungsadresse)",
        "country": None,
    }


def test_the_words_each_new_rule_reads() -> None:
    # Spanish "de oficina", "del domicilio"; a "Personal" block after a dash.
    assert qualified("Teléfono de oficina") == "businesstelefono"
    assert qualified("Calle del domicilio") == "homecalle"
    assert qualified("Email - Personal") == "homeemail"
    # An Arabic contact list.
    fields = detect(["الاسم الأول", "اسم العائلة", "البريد الإلكتروني", "الشركة", "المدينة", "الدولة"]).fields
    assert {
        k: fields.get(k) for k in ("person.first_name", "person.last_name", "person.email", "company.name")
    } == {
        "person.first_name": "الاسم الأول",
        "person.last_name": "اسم العائلة",
        "person.email": "البريد الإلكتروني",
        "company.name": "الشركة",
    }
    assert fields.get("person.person_country") == "الدولة"  # no street: where the person is
    # Salesforce's own "Billing" prefix is the account's address, beside unprefixed columns too.
    header = ["Account Name", "Street", "City", "Billing Street", "Billing City"]
    assert company_address(header)["street"] == "Billing Street"


def test_a_library_member_s_institution_leaves_their_address_theirs() -> None:
    # SLiMS's members: their institution (inst_name) names their employer, nothing of its own; their
    # postal code is theirs, even though "member_name" and "member_email" are not read.
    header = [
        "member_id",
        "member_name",
        "gender",
        "member_email",
        "member_address",
        "postal_code",
        "inst_name",
    ]
    fields = detect(header).fields
    assert fields.get("company.name") == "inst_name"
    assert company_address(header) == dict.fromkeys(ADDRESS)
