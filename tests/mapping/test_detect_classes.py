"""Issue 28, third round: the classes a consumed held-out set and a fresh tuning set showed.

The headers are cut from real exports in tests/corpus.py (Magento, Xero, Freshsales, Shopify, Klaviyo,
NationBuilder, Paid Memberships Pro, Lexware Office, QuickBooks Desktop, Webex Contact Center): only
the columns each case needs, in the export's own spelling. Values are invented.
"""

from __future__ import annotations

from pathlib import Path

from leadspace_cli.formats.sources import open_source
from leadspace_cli.mapping.detect import detect
from leadspace_cli.mapping.judge import detect_source
from tests.conftest import write_csv


def _detected(path: Path) -> tuple[dict[str, str | list[str]], list[str]]:
    with open_source(str(path), prescan=True) as source:
        m = detect_source(source)
        return m.fields, m.notes


MAGENTO = ["email", "_website", "_store", "firstname", "lastname", "website_id", "store_id", "group_id"]


def test_a_leading_underscore_is_a_system_column_never_the_website(tmp_path: Path) -> None:
    """Magento's "_website" is the store's website code ("base"), not the customer's company site."""
    m = detect(MAGENTO)
    assert "company.website" not in m.fields
    assert "external_id" not in m.fields  # website_id, store_id, group_id: the store's
    assert m.fields["person.email"] == "email"
    assert any("'_website'" in n and "system column" in n for n in m.notes), m.notes
    path = write_csv(
        tmp_path / "customers.csv",
        MAGENTO,
        [["a@example.com", "base", "default", "Ann", "Lee", "1", "1", "1"]],
    )
    fields, _ = _detected(path)
    assert "_website" not in [c for cs in fields.values() for c in ([cs] if isinstance(cs, str) else cs)]


XERO = [
    "*ContactName", "AccountNumber", "EmailAddress", "FirstName", "LastName", "POAttentionTo",
    "POAddressLine1", "POAddressLine2", "POCity", "PORegion", "POPostalCode", "POCountry", "SAAttentionTo",
    "SAAddressLine1", "SAAddressLine2", "SACity", "SARegion", "SAPostalCode", "SACountry", "PhoneNumber",
    "Website",
]  # fmt: skip


def _xero_row(name: str, first: str, last: str, postal: bool, street: bool) -> list[str]:
    po = ["", "PO Box 12", "", "Auckland", "AUK", "1010", "NZ"] if postal else [""] * 7
    sa = ["", "1 Queen St", "", "Auckland", "AUK", "1010", "NZ"] if street else [""] * 7
    return [name, "A1", f"{first.lower()}@example.com", first, last, *po, *sa, "555-0100", "example.com"]


def test_prefixed_address_blocks_send_one_address_whole() -> None:
    """Xero's PO* (postal) and SA* (street) blocks: one is sent, never a mix; the street one by default."""
    m = detect(XERO)
    sent = {p: m.fields.get(p) for p in m.fields if p.startswith("company.address.")}
    assert sent == {
        "company.address.street": "SAAddressLine1",
        "company.address.city": "SACity",
        "company.address.state": "SARegion",
        "company.address.postalcode": "SAPostalCode",
        "company.address.country": "SACountry",
    }
    assert any("postal address" in n and "never a mix" in n for n in m.notes), m.notes
    # Only a postal block: it is the address.
    only_po = detect([c for c in XERO if not c.startswith("SA")])
    assert only_po.fields["company.address.city"] == "POCity"
    assert only_po.fields["company.address.state"] == "PORegion"
    # Words that merely start like a prefix are not blocks.
    assert (
        detect(["First Name", "Last Name", "Position", "Postal Code", "Company"]).fields.get("person.title")
        == "Position"
    )


def test_the_block_the_rows_fill_is_sent_whole(tmp_path: Path) -> None:
    rows = [_xero_row(n, f, la, postal=True, street=False) for n, f, la in
            [("Acme Ltd", "Ann", "Lee"), ("Beta Co", "Bob", "Ray"), ("Gamma", "Cy", "Woo")]]  # fmt: skip
    rows[0] = _xero_row("Acme Ltd", "Ann", "Lee", postal=True, street=True)  # one row has both
    fields, notes = _detected(write_csv(tmp_path / "xero.csv", XERO, rows))
    address = {p: c for p, c in fields.items() if p.startswith("company.address.")}
    assert address == {
        "company.address.street": "POAddressLine1",
        "company.address.city": "POCity",
        "company.address.state": "PORegion",
        "company.address.postalcode": "POPostalCode",
        "company.address.country": "POCountry",
    }
    assert any("that address is sent" in n for n in notes), notes


def test_a_counterparty_name_is_the_company_only_when_never_the_persons_name(tmp_path: Path) -> None:
    """The required-field asterisk is read past; Xero's contact name is the organisation's by its values."""
    assert "company.name" not in detect(XERO).fields  # without rows: it may be a person's name
    rows = [
        _xero_row("Acme Ltd", "Ann", "Lee", postal=True, street=False),
        _xero_row("Beta Co", "Bob", "Ray", postal=True, street=False),
        _xero_row("Gamma Holdings", "Cy", "Woo", postal=True, street=False),
    ]
    fields, notes = _detected(write_csv(tmp_path / "orgs.csv", XERO, rows))
    assert fields["company.name"] == "*ContactName"
    assert fields["person.first_name"] == "FirstName"
    assert any("'*ContactName' is never the person's name" in n for n in notes), notes
    # One contact who is a person (ContactName "Dee Kay"): the column is left out.
    rows.append(_xero_row("Dee Kay", "Dee", "Kay", postal=True, street=False))
    fields, _ = _detected(write_csv(tmp_path / "mixed.csv", XERO, rows))
    assert "company.name" not in fields


def test_plural_email_and_phone_columns_are_sent_when_each_cell_holds_one(tmp_path: Path) -> None:
    header = [
        "Contact : id",
        "Contact : Last name",
        "Contact : First name",
        "Contact : Emails",
        "Contact : Phones",
    ]
    assert "person.email" not in detect(header).fields  # without rows: a cell may hold several
    path = write_csv(
        tmp_path / "report.csv",
        header,
        [
            ["1", "Lee", "Ann", "ann@example.com", "+1 555 0100 200"],
            ["2", "Ray", "Bob", "bob@example.com", ""],
        ],
    )
    fields, notes = _detected(path)
    assert fields["person.email"] == "Contact : Emails"
    assert fields["person.person_phone"] == "Contact : Phones"
    assert any("holds one value per cell" in n for n in notes), notes
    # Attio's "Email addresses" with two addresses in a cell: not sent.
    attio = ["First name", "Last name", "Email addresses", "Phone numbers", "Company"]
    path = write_csv(
        tmp_path / "attio.csv",
        attio,
        [
            [
                "Jane",
                "Obi",
                "jane@example.com, jane.alt@example.com",
                "+61 400 111 222, +61 2 9999 0000",
                "Obi Co",
            ]
        ],
    )
    fields, _ = _detected(path)
    assert "person.email" not in fields
    assert "person.person_phone" not in fields


def test_an_email_column_holding_several_addresses_in_a_cell_is_left_out(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "joined.csv",
        ["First Name", "Last Name", "Email", "Company"],
        [
            ["Ann", "Lee", "ann@example.com|ann@example.org", "Acme"],
            ["Bob", "Ray", "bob@example.com", "Beta"],
        ],
    )
    fields, notes = _detected(path)
    assert "person.email" not in fields
    assert any("'Email' holds several addresses in one cell" in n for n in notes), notes


def test_an_id_named_after_the_rows_object_or_a_known_tool_is_the_external_id() -> None:
    shopify = detect(["Customer ID", "First Name", "Last Name", "Email", "Default Address Company"])
    assert shopify.fields["external_id"] == "Customer ID"
    klaviyo = detect(["Email", "Klaviyo ID", "First Name", "Last Name", "Country", "City"])
    assert klaviyo.fields["external_id"] == "Klaviyo ID"
    nationbuilder = detect(["nationbuilder_id", "first_name", "last_name", "email", "mobile_number"])
    assert nationbuilder.fields["external_id"] == "nationbuilder_id"
    lexware = detect(["Kundennummer", "Firmenname", "Vorname", "Nachname"])
    assert lexware.fields["external_id"] == "Kundennummer"
    sevdesk = detect(["Kunden-Nr.", "Vorname", "Nachname", "Organisation", "Umsatzsteuer-ID", "E-Mail"])
    assert sevdesk.fields["external_id"] == "Kunden-Nr."  # the customer number, never the VAT number
    assert "Umsatzsteuer-ID" not in sevdesk.columns_used()
    assert detect(["Copper ID", "Name", "Email Domain", "Website"]).fields["external_id"] == "Copper ID"
    # Not a parent's, another object's, a network's, a word ending in "id", nor an unknown word's: sevDesk's
    # "Umsatzsteuer-ID" is a VAT number (a rule taking any "<Word> ID" sent it).
    for header in (
        ["Vorname", "Nachname", "Organisation", "Umsatzsteuer-ID", "E-Mail"],
        ["Campaign ID", "First Name", "Last Name", "Email"],
        ["Order ID", "Order Date", "First Name", "Last Name"],
        ["Owner Id", "Name", "Website", "Industry"],
        ["Twitter ID", "First Name", "Last Name"],
        ["Paid", "Void", "First Name", "Last Name"],
        ["Email ID", "First Name", "Last Name"],
    ):
        assert "external_id" not in detect(header).fields, header


def test_a_persons_fields_under_a_company_prefix_name_no_company() -> None:
    """Paid Memberships Pro's "billing firstname": the member's address is their own, not a company's."""
    pmpro = (
        "id,username,firstname,lastname,email,billing firstname,billing lastname,address1,city,state,zipcode"
    )
    m = detect(pmpro.split(","))
    assert m.fields["person.email"] == "email"
    assert not [p for p in m.fields if p.startswith("company.")], m.fields


def test_a_primary_address_is_the_persons_in_a_file_with_no_company() -> None:
    header = (
        "nationbuilder_id,first_name,last_name,email,mobile_number,primary_address1,primary_city,primary_zip"
    )
    nationbuilder = detect(header.split(","))
    assert not [p for p in nationbuilder.fields if p.startswith("company.")], nationbuilder.fields
    # Beside an account's name (SuiteCRM), the primary address is the company's, as before.
    suite = detect(
        ["First Name", "Last Name", "Account Name", "Primary Address Street", "Primary Address City"]
    )
    assert suite.fields["company.address.city"] == "Primary Address City"


def test_a_billing_address_qualifier_and_an_accounting_tools_main_email() -> None:
    header = (
        "Kundennummer;Firmenname;Vorname;Nachname;Straße (Rechnungsadresse);PLZ (Rechnungsadresse);"
        "Ort (Rechnungsadresse);Telefon (geschäftlich);E-Mail (geschäftlich)"
    )
    lexware = detect(header.split(";"))
    assert lexware.fields["company.address.street"] == "Straße (Rechnungsadresse)"
    assert lexware.fields["company.address.postalcode"] == "PLZ (Rechnungsadresse)"
    assert lexware.fields["company.address.city"] == "Ort (Rechnungsadresse)"
    assert lexware.fields["person.email"] == "E-Mail (geschäftlich)"
    quickbooks = detect(
        ["", "Customer", "Company", "First Name", "Last Name", "Main Phone", "Job Title", "Main Email"]
    )
    assert quickbooks.fields["person.email"] == "Main Email"
    assert quickbooks.fields["company.name"] == "Company"


def test_an_employer_column_leaves_the_persons_own_address_unsent() -> None:
    """A donations or registrations export: names, the donor's home address, and the name of their
    employer. The address is the donor's, not the employer's (it was sent as the company's)."""
    m = detect(
        [
            "Donation ID",
            "Date",
            "First Name",
            "Last Name",
            "Email",
            "Amount",
            "Address Line 1",
            "City",
            "State",
            "Zip",
            "Country",
            "Employer",
            "Occupation",
        ]
    )
    assert m.fields["company.name"] == "Employer"
    assert m.fields["person.first_name"] == "First Name"
    assert not [p for p in m.fields if p.startswith("company.address.")], m.fields
    assert m.fields.get("person.person_country") == "Country"  # the person's own country has a field
    assert any("person's own address" in n for n in m.notes), m.notes
    # A company address beside the employer is still the company's.
    m = detect(["First Name", "Last Name", "Email", "Employer", "Company City", "Company State", "City"])
    assert m.fields["company.address.city"] == "Company City"
    assert m.fields["company.address.state"] == "Company State"
    # And without an employer column, a contact file's unprefixed address stays the company's.
    m = detect(["First Name", "Last Name", "Email", "Company", "City", "State"])
    assert m.fields["company.address.city"] == "City"


def test_a_bare_name_with_a_primary_contact_column_is_the_accounts() -> None:
    """A CRM's companies export: each row has a primary contact, so its bare Name, Email and Phone are
    the account's (they went out as a person's email and phone, and the name was not sent)."""
    m = detect(
        [
            "Name",
            "Details",
            "Email Domain",
            "Street",
            "City",
            "State",
            "Postal Code",
            "Country",
            "Owned By",
            "Primary Contact",
            "Primary Contact ID",
            "Tags",
            "Email",
            "Email Type",
            "Phone Number",
            "Website",
            "Copper ID",
        ]
    )
    assert m.fields["company.name"] == "Name"
    assert not [p for p in m.fields if p.startswith("person.")], m.fields
    assert m.fields["company.address.city"] == "City"
    # A customer list that has the contact's own names beside its Primary Contact stays a person's.
    m = detect(
        ["Customer", "Company", "First Name", "Last Name", "Primary Contact", "Main Email", "Job Title"]
    )
    assert m.fields["person.first_name"] == "First Name"
    assert m.fields["company.name"] == "Company"


def test_an_events_ticket_holder_is_the_person_not_the_orders_purchaser() -> None:
    """Tito's tickets export: the ticket holder's fields under "Ticket", the purchaser's under "Order"."""
    m = detect(
        [
            "Number",
            "Ticket Full Name",
            "Ticket First Name",
            "Ticket Last Name",
            "Ticket Email",
            "Ticket Company Name",
            "Ticket Phone Number",
            "Order Name",
            "Order Email",
            "Order Company Name",
            "Order Phone Number",
        ]
    )
    assert m.fields["person.first_name"] == "Ticket First Name"
    assert m.fields["person.last_name"] == "Ticket Last Name"
    assert m.fields["person.email"] == "Ticket Email"
    assert m.fields["company.name"] == "Ticket Company Name"
    assert m.fields["person.person_phone"] == "Ticket Phone Number"
    used = m.columns_used()
    assert not [c for c in used if c.startswith("Order")], used


def test_a_shops_orders_send_no_company_address() -> None:
    """Orders of a shop (Etsy, Gumroad): a buyer's names and their billing or shipping address, no
    company. The address is the buyer's (it went out as the company's); their country is theirs."""
    m = detect(
        [
            "Order ID",
            "Full Name",
            "First Name",
            "Last Name",
            "Street 1",
            "Street 2",
            "Ship City",
            "Ship State",
            "Ship Zipcode",
            "Ship Country",
            "Order Total",
        ]
    )
    assert not [p for p in m.fields if p.startswith("company.")], m.fields
    assert m.fields["person.first_name"] == "First Name"
    m = detect(
        ["Buyer Name", "Buyer Email", "Street Address", "City", "State", "Zip Code", "Country", "Price"]
    )
    assert not [p for p in m.fields if p.startswith("company.")], m.fields
    assert m.fields["person.email"] == "Buyer Email"
    assert m.fields["person.person_country"] == "Country"
    # A payment's counterparty "Name" beside a shipping address is no account's name.
    m = detect(["Date", "Name", "Type", "Gross", "From Email Address", "Transaction ID", "Shipping Address"])
    assert "company.name" not in m.fields
    # An account export's billing address stays the company's.
    m = detect(["Account Name", "Website", "Billing Street", "Billing City", "Billing Country"])
    assert m.fields["company.address.city"] == "Billing City"


def test_a_list_of_subscribers_sends_their_email() -> None:
    """No names and no company (Substack's subscribers, a shop's audience): the email is the person's."""
    assert detect(["email", "active_subscription", "expiry", "plan"]).fields == {"person.email": "email"}
    assert detect(["Subscriber Email", "Subscribed Time"]).fields == {"person.email": "Subscriber Email"}
    # An account file's Email is still the company's, and is not sent as a person's.
    assert "person.email" not in detect(["Name", "Primary Contact", "Website", "Email", "Phone"]).fields


def test_a_role_before_the_persons_fields_names_the_person() -> None:
    """Calendly's invitee (the host is the "User"), a donor, a buyer."""
    m = detect(
        [
            "User Name",
            "Invitee Name",
            "Invitee First Name",
            "Invitee Last Name",
            "Invitee Email",
            "Salesforce UUID",
            "User Email",
            "Event UUID",
            "Invitee UUID",
        ]
    )
    assert m.fields["person.first_name"] == "Invitee First Name"
    assert m.fields["person.email"] == "Invitee Email"
    assert m.fields["external_id"] == "Invitee UUID"
    m = detect(["Name", "Donating Company", "Donor's First Name", "Donor's Last Name", "Donor Email"])
    assert m.fields["person.last_name"] == "Donor's Last Name"
    assert m.fields["person.email"] == "Donor Email"


def test_a_role_never_mixes_a_second_person_into_the_rows_request() -> None:
    """Review findings: a registrant's own Email beside a plus-one's "Guest First Name" is two people;
    "Ticket Title" (a helpdesk's) and "Guest Title" (Mr., Ms.) are not job titles; a "Ticket Name"
    does not make an exhibitor list a list of people."""
    m = detect(["Full Name", "Email", "Company", "Guest First Name", "Guest Last Name"])
    assert "person.first_name" not in m.fields
    assert m.fields["person.email"] == "Email"
    m = detect(["Participant First Name", "Participant Last Name", "Guardian Email", "Employer"])
    assert m.fields.get("person.first_name") == "Participant First Name"
    assert (
        "person.title" not in detect(["Ticket ID", "Ticket Title", "First Name", "Last Name", "Email"]).fields
    )
    assert (
        "person.title"
        not in detect(["Guest Title", "Guest First Name", "Guest Last Name", "Guest Email"]).fields
    )
    m = detect(["Company", "Website", "Booth", "Ticket Name", "Email", "Phone"])
    assert "person.email" not in m.fields
    assert "person.person_phone" not in m.fields


def test_a_primary_contact_flag_or_an_employer_list_keeps_its_company_columns() -> None:
    """Review findings: a Yes/No "Primary Contact" in a contacts list with a Company column; an
    accounts list named by "Employer"; B2B leads with the employer's industry and size."""
    m = detect(["Name", "Email", "Phone", "Company", "Website", "Primary Contact"])
    assert m.fields["person.email"] == "Email"
    assert m.fields["company.name"] == "Company"
    m = detect(["Employer", "Address", "City", "State", "Zip", "Phone", "Email"])
    assert m.fields["company.address.city"] == "City"
    m = detect(["First Name", "Last Name", "Email", "Employer", "Industry", "Employees", "City", "State"])
    assert m.fields["company.address.city"] == "City"
    m = detect(["First Name", "Last Name", "Email", "Employer Name", "City", "State"])
    assert m.fields["company.name"] == "Employer Name"
    assert "company.address.city" not in m.fields


def test_places_left_out_as_the_persons_are_named() -> None:
    m = detect(["Email", "Street Address", "City", "Zip Code", "Country", "Price"])
    assert not [p for p in m.fields if p.startswith("company.")], m.fields
    assert m.fields["person.person_country"] == "Country"
    assert any(
        "'Street Address', 'City', 'Zip Code' look like the person's own address (the file names no company)"
        in n
        for n in m.notes
    ), m.notes


def test_places_left_out_are_named_once_and_never_called_the_companys() -> None:
    """A weak "Primary City" beside plain City and State, no company: all three are the person's. The
    notes said so for one and called the same column the company's address in the next."""
    m = detect(["First Name", "Last Name", "Email", "Primary City", "City", "State"])
    assert not [p for p in m.fields if p.startswith("company.")], m.fields
    assert m.notes == [
        "'Primary City', 'City', 'State' look like the person's own address (the file names no company): "
        "not sent as the company's. To send them, pass a mapping (`leadspace mapping init`)."
    ]
