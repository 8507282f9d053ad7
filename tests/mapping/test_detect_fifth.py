"""Issue 28, this round: what a fifth held-out set of exports showed (consumed: it tuned these rules).

The headers are cut from the exports (ActBlue, Harvest, Eight, SurveyMonkey, Slack, Google Workspace,
Microsoft 365, Discourse): only the columns each case needs, in the export's own spelling.
"""

from __future__ import annotations

from leadspace_cli.mapping.detect import detect

ACTBLUE = [
    "Receipt ID", "Date", "Amount", "Donor First Name", "Donor Last Name", "Donor Addr1", "Donor City",
    "Donor State", "Donor ZIP", "Donor Country", "Donor Occupation", "Donor Employer", "Donor Email",
    "Donor Phone", "Employer Addr1", "Employer City", "Employer State", "Employer ZIP", "Employer Country",
    "Donor ID", "Mobile", "Shipping Addr1", "Shipping City", "Shipping State", "Shipping Zip",
    "Shipping Country",
]  # fmt: skip


def test_a_donors_role_gives_their_occupation_country_and_phone() -> None:
    m = detect(ACTBLUE)
    assert m.fields["person.first_name"] == "Donor First Name"
    assert m.fields["person.title"] == "Donor Occupation"  # an occupation under the role is a job
    assert m.fields["person.person_country"] == "Donor Country"
    assert m.fields["person.person_phone"] == "Donor Phone"  # not "Mobile", a flag of how they gave
    assert m.fields["company.name"] == "Donor Employer"


def test_a_gifts_shipping_address_beside_only_the_donors_employer_is_never_the_companys() -> None:
    m = detect(ACTBLUE)
    assert not [p for p in m.fields if p.startswith("company.address.")], m.fields
    # A ticket's or a guest's title is still no job's.
    assert "person.title" not in detect(["Ticket First Name", "Ticket Last Name", "Ticket Title"]).fields


def test_a_bracketed_note_after_a_columns_name_is_read_past() -> None:
    m = detect(["First Name [Required]", "Last Name [Required]", "Email Address [Required]",
                "Password [Required]", "Employee Title", "Mobile Phone"])  # fmt: skip
    assert m.fields["person.first_name"] == "First Name [Required]"
    assert m.fields["person.last_name"] == "Last Name [Required]"
    assert m.fields["person.email"] == "Email Address [Required]"
    assert m.fields["person.title"] == "Employee Title"


def test_a_japanese_business_card_export() -> None:
    m = detect(
        ["会社名", "部署名", "役職", "氏名", "e-mail", "郵便番号", "住所", "TEL会社", "TEL直通", "携帯電話"]
    )
    assert m.fields["company.name"] == "会社名"
    assert m.fields["person.title"] == "役職"
    assert m.fields["person.email"] == "e-mail"  # 氏名 (a full name) says the rows are people
    assert m.fields["person.person_phone"] in ("携帯電話", "TEL直通")
    assert m.fields["company.address.postalcode"] == "郵便番号"


def test_either_or_headers_name_one_field() -> None:
    m = detect(["First Name", "Last Name", "Company", "Address", "City", "State or Province",
                "ZIP or Postal Code", "Country or Region"])  # fmt: skip
    assert m.fields["company.address.state"] == "State or Province"
    assert m.fields["company.address.postalcode"] == "ZIP or Postal Code"
    assert m.fields["company.address.country"] == "Country or Region"


def test_a_display_name_beside_the_persons_own_names_is_theirs() -> None:
    for header in (
        ["User Name", "First Name", "Last Name", "Display Name", "Job Title", "City"],
        ["username", "email", "userid", "fullname", "displayname"],
    ):
        assert "company.name" not in detect(header).fields, header
    assert detect(["username", "email", "userid", "fullname"]).fields["external_id"] == "userid"
    # Close's lead is the company, its contacts' names prefixed.
    m = detect(["id", "display_name", "primary_contact_first_name", "primary_contact_email"])
    assert m.fields["company.name"] == "display_name"


def test_a_client_before_the_contacts_own_names_is_their_organisation() -> None:
    m = detect(["Client", "First Name", "Last Name", "Title", "Email", "Office Phone", "Mobile Phone"])
    assert m.fields["company.name"] == "Client"
    assert "company.name" not in detect(["Client", "Email", "Phone", "Appointment"]).fields  # a person


def test_a_bare_website_beside_a_member_and_no_company_is_their_own() -> None:
    m = detect(["id", "name", "username", "email", "location", "website", "trust_level"])
    assert "company.website" not in m.fields
    assert detect(["First Name", "Last Name", "Company", "Website"]).fields["company.website"] == "Website"


def test_a_surveys_respondent_is_the_rows_record() -> None:
    m = detect(["Respondent ID", "Collector ID", "Start Date", "Email Address", "First Name", "Last Name"])
    assert m.fields["external_id"] == "Respondent ID"
