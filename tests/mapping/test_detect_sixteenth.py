"""Detection, sixteenth round: a prefix most columns share is the file's; a business's trade name."""

from __future__ import annotations

from leadspace_cli.mapping.detect import detect
from leadspace_cli.mapping.normal import normal
from leadspace_cli.mapping.prefixes import file_prefix

# Fivetran's HubSpot contacts: every property under "property_", the record's id bare.
FIVETRAN_HUBSPOT = [
    *("_fivetran_deleted", "_fivetran_synced", "property_email", "id", "property_company"),
    *("property_firstname", "property_lastname", "property_email_1", "property_createdate"),
    *("property_jobtitle", "property_annualrevenue", "property_hs_merged_object_ids", "property_created_at"),
]
# The Texas Ethics Commission's contributions: the contributor's fields in camel case under its role.
TEXAS_CONTRIBUTIONS = [
    *("recordType", "formTypeCd", "reportInfoIdent", "receivedDt", "filerIdent", "filerName"),
    *("contributionInfoId", "contributionDt", "contributionAmount", "contributorPersentTypeCd"),
    *(
        "contributorNameOrganization",
        "contributorNameLast",
        "contributorNameSuffixCd",
        "contributorNameFirst",
    ),
    *("contributorNamePrefixCd", "contributorNameShort", "contributorStreetCity", "contributorStreetStateCd"),
    *("contributorStreetPostalCode", "contributorEmployer", "contributorOccupation", "contributorJobTitle"),
]


def test_a_connectors_prefix_on_every_column_is_read_off() -> None:
    fields = detect(FIVETRAN_HUBSPOT).fields
    assert {k: fields.get(k) for k in ("person.first_name", "person.last_name", "person.email")} == {
        "person.first_name": "property_firstname",
        "person.last_name": "property_lastname",
        "person.email": "property_email",
    }
    assert (fields.get("person.title"), fields.get("company.name"), fields.get("external_id")) == (
        "property_jobtitle",
        "property_company",
        "id",
    )


def test_a_files_subject_in_camel_case_before_each_field_is_read_off() -> None:
    fields = detect(TEXAS_CONTRIBUTIONS).fields
    assert (fields.get("person.first_name"), fields.get("person.last_name")) == (
        "contributorNameFirst",
        "contributorNameLast",
    )
    assert (fields.get("person.title"), fields.get("company.name")) == (
        "contributorJobTitle",
        "contributorEmployer",
    )
    # The contributor's street address is no company's: the stripped header says it is the person's.
    assert "company.address.city" not in fields


def test_a_prefix_that_says_whose_or_what_a_field_is_stays() -> None:
    # A store's custom properties beside the profile's own (Klaviyo's, synced by Fivetran).
    klaviyo = ["id", "first_name", "last_name", "email", "phone_number", "country", "city"]
    klaviyo += ["custom_email", "custom_phone", "custom_city", "custom_state", "custom_name", "custom_source"]
    klaviyo += [
        "custom_address",
        "custom_zipcode",
        "custom_age",
        "custom_quiz",
        "custom_flow",
        "custom_consent",
    ]
    assert file_prefix(klaviyo) == {}
    assert detect(klaviyo).fields.get("person.person_phone") == "phone_number"
    # A word the header reads a column under as it stands: the rows are organisations.
    assert file_prefix(["Entity Name", "Entity Address", "Entity City", "Entity State", "Entity Zip"]) == {}
    assert detect(["Dealer Name", "Dealer Address", "Dealer City", "Dealer Phone"]).fields.get(
        "company.name"
    ) == ("Dealer Name")
    # An address's parts (a Czech shop's companies), an owner's, a contact's: read by their own rules.
    assert file_prefix(["name", "address_street", "address_city", "address_zip", "address_phone"]) == {}
    assert file_prefix(["Owner Name", "Owner Email", "Owner Phone", "Owner Title", "Company"]) == {}
    assert file_prefix(["Contact First Name", "Contact Last Name", "Contact Email", "Contact Phone"]) == {}
    # A verifier's two-letter mark on its appended columns ("ZB Account" is the email's local part).
    assert file_prefix(["Email Address", "ZB Status", "ZB Account", "ZB Domain", "ZB First Name"]) == {}
    # Fewer than half of the columns under the word: a file of several parties.
    payments = [
        "Record_ID",
        "Physician_First_Name",
        "Physician_Last_Name",
        "Physician_City",
        "Physician_State",
    ]
    assert (
        file_prefix([*payments, "Recipient_Zip_Code", "Total_Amount", "Date_of_Payment", "Program_Year"])
        == {}
    )


def test_a_legal_name_beside_the_name_a_business_trades_under_is_the_business() -> None:
    carriers = ["DOT_NUMBER", "LEGAL_NAME", "DBA_NAME", "PHY_STREET", "PHY_CITY", "PHY_STATE", "TELEPHONE"]
    assert detect(carriers).fields.get("company.name") == "LEGAL_NAME"
    assert detect(["Legal Name", "Doing Business As", "City"]).fields.get("company.name") == "Legal Name"
    inspections = [
        "Inspection ID",
        "DBA Name",
        "AKA Name",
        "License #",
        "Facility Type",
        "Address",
        "City",
        "Zip",
    ]
    assert detect(inspections).fields.get("company.name") == "DBA Name"
    restaurants = ["CAMIS", "DBA", "BORO", "BUILDING", "STREET", "ZIPCODE", "PHONE", "CUISINE DESCRIPTION"]
    assert detect(restaurants).fields.get("company.name") == "DBA"


def test_british_spelling_a_survey_response_and_a_suppliers_own_id() -> None:
    leads = ["LEAD_ID", "FIRST_NAME", "LAST_NAME", "ORGANISATION_NAME", "TITLE", "EMAIL", "PHONE"]
    assert detect(leads).fields.get("company.name") == "ORGANISATION_NAME"
    responses = ["StartDate", "EndDate", "Status", "IPAddress", "Progress", "Finished", "ResponseId"]
    assert (
        detect([*responses, "RecipientLastName", "RecipientFirstName", "RecipientEmail"]).fields.get(
            "external_id"
        )
        == "ResponseId"
    )
    suppliers = ["SupplierID", "SuppName", "Address1", "Address2", "Email", "Telephone", "WebAddress"]
    fields = detect(suppliers).fields
    assert (fields.get("external_id"), fields.get("company.website")) == ("SupplierID", "WebAddress")


def test_a_label_with_its_key_in_brackets_is_the_label() -> None:
    kajabi = ["ID", "Email", "First Name", "Last Name", "Phone Number (phone_number)", "City (address_city)"]
    assert detect(kajabi).fields.get("person.person_phone") == "Phone Number (phone_number)"
    # A bracketed word alone is a qualifier: a home phone stays no work phone of the company's.
    assert normal("Phone (home)") == "homephone"
    assert normal("E-mail (email)") == "email"
    # A key that qualifies its label says whose the column is.
    assert (normal("City (home_city)"), normal("Email (work_email)")) == ("homecity", "workemail")
    home = ["First Name", "Last Name", "Company", "Street (home_street)", "City (home_city)"]
    assert "company.address.city" not in detect(home).fields


def test_an_employers_point_of_contact_is_the_rows_person_and_a_learners_own_id() -> None:
    lca = ["CASE_NUMBER", "JOB_TITLE", "EMPLOYER_NAME", "EMPLOYER_CITY", "EMPLOYER_POC_LAST_NAME"]
    lca += ["EMPLOYER_POC_FIRST_NAME", "EMPLOYER_POC_JOB_TITLE", "EMPLOYER_POC_PHONE", "EMPLOYER_POC_EMAIL"]
    lca += ["AGENT_ATTORNEY_LAST_NAME", "AGENT_ATTORNEY_FIRST_NAME", "AGENT_ATTORNEY_EMAIL_ADDRESS"]
    fields = detect(lca).fields
    assert (fields.get("person.first_name"), fields.get("person.email")) == (
        "EMPLOYER_POC_FIRST_NAME",
        "EMPLOYER_POC_EMAIL",
    )
    assert fields.get("company.name") == "EMPLOYER_NAME"
    grades = ["OrgDefinedId", "Username", "Last Name", "First Name", "Email", "End-of-Line Indicator"]
    assert detect(grades).fields.get("external_id") == "OrgDefinedId"
    debtors = ["debtorno", "name", "address1", "address2", "currcode", "contactname", "email"]
    assert detect(debtors).fields.get("external_id") == "debtorno"


def test_a_platforms_api_suffix_is_read_off() -> None:
    veeva = ["vid__v", "first_name_cda__v", "last_name_cda__v", "prefix_cda__v", "spec_1_cda__v"]
    veeva += ["npi_num__v", "email_cda__v", "office_phone_cda__v", "gender__v", "record_state__v"]
    fields = detect(veeva).fields
    assert (fields.get("external_id"), fields.get("person.first_name"), fields.get("person.email")) == (
        "vid__v",
        "first_name_cda__v",
        "email_cda__v",
    )
    assert fields.get("person.person_phone") == "office_phone_cda__v"
    assert normal("Country__c") != normal("Country")  # an org's own field, beside the standard ones
    # Nor a person account's custom "__pc": the standard PersonEmail stays the email.
    assert (
        detect(["FirstName", "LastName", "Email__pc", "PersonEmail"]).fields.get("person.email")
        == "PersonEmail"
    )


def test_an_organisation_named_by_its_kind_in_a_file_of_them() -> None:
    hospitals = ["Provider ID", "Hospital Name", "Address", "City", "State", "ZIP Code", "County Name"]
    fields = detect([*hospitals, "Phone Number", "Hospital Type", "Hospital Ownership"]).fields
    assert (fields.get("company.name"), fields.get("company.address.city")) == ("Hospital Name", "City")
    assert "person.person_phone" not in fields  # a hospital's switchboard, no person's
    organisations = ["vid__v", "hco_name_cda__v", "hco_type_cda__v", "city_cda__v", "state_cda__v"]
    assert detect(organisations).fields.get("company.name") == "hco_name_cda__v"
    # Beside a person's names, an organisation of a kind is another party: a patient's pharmacy or
    # facility, a policy's carrier, a car buyer's dealer.
    patients = ["Patient ID", "First Name", "Last Name", "Email", "Phone", "Pharmacy Name", "Facility Name"]
    assert "company.name" not in detect(patients).fields
    assert "company.name" not in detect(["Policy Number", "First Name", "Last Name", "Carrier Name"]).fields
    assert "company.name" not in detect(["Name", "Email", "Dealer Name", "Vehicle"]).fields


def test_more_languages_common_fields() -> None:
    greek = detect(
        ["Όνομα", "Επώνυμο", "Εταιρεία", "Email", "Κινητό", "Διεύθυνση", "Πόλη", "Τ.Κ.", "Χώρα"]
    ).fields
    assert (greek.get("person.first_name"), greek.get("person.last_name")) == ("Όνομα", "Επώνυμο")
    assert (greek.get("company.name"), greek.get("company.address.postalcode")) == ("Εταιρεία", "Τ.Κ.")
    hebrew = detect(["שם פרטי", "שם משפחה", "אימייל", "טלפון", "חברה", "תפקיד"]).fields
    assert (hebrew.get("person.email"), hebrew.get("person.title")) == ("אימייל", "תפקיד")
    thai = detect(["ลำดับ", "ชื่อ-นามสกุล", "อีเมล", "เบอร์ติดต่อ", "จังหวัด"]).fields
    assert (thai.get("person.email"), thai.get("person.person_phone")) == ("อีเมล", "เบอร์ติดต่อ")
    bulgarian = detect(["ID", "Име", "Фамилия", "Email", "Телефон"]).fields
    assert (bulgarian.get("person.first_name"), bulgarian.get("person.last_name")) == ("Име", "Фамилия")
    indonesian = detect(["Telegram ID", "Username", "Nama Depan", "Nama Belakang", "Saldo"]).fields
    assert (indonesian.get("person.first_name"), indonesian.get("person.last_name")) == (
        "Nama Depan",
        "Nama Belakang",
    )
    romanian = detect(["Cod", "Nume", "Prenume", "Email", "Telefon", "Oraș"]).fields
    assert (romanian.get("person.first_name"), romanian.get("person.last_name")) == ("Prenume", "Nume")
    # A supplier list in Hungarian: its name is the company's beside a contact person.
    suppliers = detect(
        ["Név", "E-mail", "Telefon", "Kapcsolattartó", "Ország", "Irányítószám", "Város", "Cím"]
    )
    assert (suppliers.fields.get("company.name"), suppliers.fields.get("company.address.city")) == (
        "Név",
        "Város",
    )
    # A Latin word another language already reads keeps that reading (German "Mobil", "Firma").
    assert normal("Mobil") == "mobil"
    assert normal("Firma") == "firma"


def test_a_duns_number_is_an_organisations_own_id() -> None:
    hoovers = ["Company Name", "D-U-N-S® Number", "Address Line 1", "City", "Country/Region", "Phone"]
    assert detect(hoovers).fields.get("external_id") == "D-U-N-S® Number"


def test_a_directory_of_schools_clinics_and_organisations_names_them() -> None:
    schools = ["SCHOOL_ID", "School Name", "Address", "Principal", "State", "City"]
    assert detect(schools).fields.get("company.name") == "School Name"
    clinics = ["ZONE", "AREA", "CLINIC CODE", "CLINIC", "ADDRESS", "POSTAL", "TEL"]
    assert detect(clinics).fields.get("company.name") == "CLINIC"
    exhibitors = ["Name of the Organization", "Contact Person", "Address", "Contact Details"]
    assert detect(exhibitors).fields.get("company.name") == "Name of the Organization"
    # A pupil's school beside the pupil's names is no employer.
    assert "company.name" not in detect(["First Name", "Last Name", "Email", "School Name"]).fields
