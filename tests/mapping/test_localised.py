"""Header spelling of localised and vendor exports: accents, qualifier words, other languages' names.

The headers are cut from real exports in tests/corpus.py (German and French Outlook, Pardot, PitchBook):
only the columns each case needs, in the export's own spelling.
"""

from __future__ import annotations

from leadspace_cli.mapping.detect import detect

# German Outlook: the business block is written "X geschäftlich", the home one "X privat", the other one
# "Weitere X"; a bare "Ort" near the end is the contact's "Location" field, not a city.
OUTLOOK_DE = [
    "Anrede", "Vorname", "Weitere Vornamen", "Nachname", "Firma", "Abteilung", "Position",
    "Straße geschäftlich", "Straße geschäftlich 2", "Ort geschäftlich", "Region geschäftlich",
    "Postleitzahl geschäftlich", "Land/Region geschäftlich", "Straße privat", "Ort privat",
    "Bundesland/Kanton privat", "Postleitzahl privat", "Land/Region privat", "Weitere Straße", "Weiterer Ort",
    "Telefon Assistent", "Telefon geschäftlich", "Telefon Firma", "Telefon (privat)", "Mobiltelefon",
    "E-Mail-Adresse", "E-Mail 2: Adresse", "Ort", "Webseite",
]  # fmt: skip

# French Outlook: accents, "(bureau)" / "(domicile)" / "(autre)" qualifiers, and "Titre" twice (the first is
# the salutation).
OUTLOOK_FR = [
    "Titre", "Prénom", "Deuxième prénom", "Nom", "Suffixe", "Société", "Service", "Titre", "Rue (bureau)",
    "Rue (bureau) 2", "Ville (bureau)", "Dép/Région (bureau)", "Code postal (bureau)", "Pays/Région (bureau)",
    "Rue (domicile)", "Ville (domicile)", "Code postal (domicile)", "Pays/Région (domicile)", "Rue (autre)",
    "Téléphone (bureau)", "Téléphone société", "Téléphone (domicile)", "Tél. mobile", "Adresse de messagerie",
    "Adresse de messagerie 2", "Emplacement", "Page Web",
]  # fmt: skip


def test_german_outlook_business_columns_are_the_company_and_the_private_ones_are_left_out() -> None:
    m = detect(OUTLOOK_DE)
    assert m.fields["person.first_name"] == "Vorname"
    assert m.fields["person.last_name"] == "Nachname"
    assert m.fields["company.name"] == "Firma"
    assert m.fields["company.address.street"] == "Straße geschäftlich"
    assert m.fields["company.address.city"] == "Ort geschäftlich"  # not the bare "Ort" (Location)
    assert m.fields["company.address.state"] == "Region geschäftlich"
    assert m.fields["company.address.postalcode"] == "Postleitzahl geschäftlich"
    assert m.fields["company.address.country"] == "Land/Region geschäftlich"
    used = m.columns_used()
    assert not any("privat" in c or c.startswith("Weitere") for c in used), used


def test_a_person_named_in_another_language_keeps_their_email_phone_and_title() -> None:
    """Vorname/Nachname are a person's names: the file is not an account file, its email is the person's."""
    m = detect(OUTLOOK_DE)
    assert m.fields["person.email"] == "E-Mail-Adresse"
    assert m.fields["person.title"] == "Position"
    assert m.fields["person.person_phone"] == "Telefon geschäftlich"


def test_accents_are_folded_and_french_qualifiers_read() -> None:
    m = detect(OUTLOOK_FR)
    assert m.fields["person.first_name"] == "Prénom"
    assert m.fields["person.last_name"] == "Nom"  # beside Prénom, Nom is the family name
    assert m.fields["person.email"] == "Adresse de messagerie"
    assert m.fields["person.person_phone"] == "Téléphone (bureau)"
    assert m.fields["company.name"] == "Société"
    assert m.fields["company.address.street"] == "Rue (bureau)"
    assert m.fields["company.address.city"] == "Ville (bureau)"
    assert m.fields["company.address.state"] == "Dép/Région (bureau)"
    assert m.fields["company.address.postalcode"] == "Code postal (bureau)"
    assert m.fields["company.address.country"] == "Pays/Région (bureau)"
    # Which Titre is the job title the header cannot say: neither is sent.
    assert "person.title" not in m.fields
    assert not any("domicile" in c or "autre" in c for c in m.columns_used())


def test_one_name_column_in_another_language_does_not_make_a_file_of_people() -> None:
    """A Spanish accounts file's "Nombre" is the account's: its email and phone are not a person's."""
    m = detect(["Nombre", "Correo electrónico", "Teléfono", "Sitio web", "Sector"])
    assert "person.email" not in m.fields
    assert "person.person_phone" not in m.fields


def test_a_bare_nom_without_a_first_name_is_not_a_family_name() -> None:
    assert "person.last_name" not in detect(["Nom", "Site web", "Ville", "Pays"]).fields


def test_a_bare_region_is_not_a_state_but_a_business_region_is() -> None:
    assert "company.address.state" not in detect(["email", "first_name", "company", "city", "region"]).fields
    # An account's or a company's region is a sales region (EMEA, West) as often as a state.
    for region in ("Account Region", "Company Region"):
        m = detect(["First Name", "Last Name", "Company", region, "Billing City"])
        assert "company.address.state" not in m.fields, region
    assert detect(["Firma", "Ort geschäftlich", "Region geschäftlich"]).fields["company.address.state"] == (
        "Region geschäftlich"
    )


def test_other_languages_names_for_the_common_fields() -> None:
    m = detect(
        ["Nombre", "Apellidos", "Correo electrónico", "Cargo", "Empresa", "Teléfono", "Ciudad", "País"]
    )
    assert m.fields["person.email"] == "Correo electrónico"
    assert m.fields["person.title"] == "Cargo"
    assert m.fields["person.person_phone"] == "Teléfono"
    m = detect(
        ["Nome", "Sobrenome", "E-mail", "Cargo", "Empresa", "Telefone", "Cidade", "Estado", "País", "CEP"]
    )
    assert m.fields["person.first_name"] == "Nome"  # beside Sobrenome
    assert m.fields["person.last_name"] == "Sobrenome"
    assert m.fields["person.person_phone"] == "Telefone"
    m = detect(
        ["Voornaam", "Achternaam", "E-mailadres", "Functie", "Bedrijfsnaam", "Telefoonnummer", "Plaats"]
    )
    assert m.fields["person.email"] == "E-mailadres"
    assert m.fields["person.title"] == "Functie"
    assert m.fields["person.person_phone"] == "Telefoonnummer"
    # A bare Portuguese "Nome" is a whole name, and "Estado" may be a status: neither is guessed.
    m = detect(["Nome", "E-mail", "Empresa", "Estado"])
    assert "person.first_name" not in m.fields
    assert "company.address.state" not in m.fields


def test_pardot_and_pitchbook_address_spellings() -> None:
    pardot = ["Prospect Id", "First Name", "Last Name", "Email", "Company", "Website", "Job Title", "Country",
              "Address One", "Address Two", "City", "State", "Territory", "Zip", "Phone"]  # fmt: skip
    m = detect(pardot)
    assert m.fields["company.address.street"] == "Address One"
    assert m.fields["company.address.state"] == "State"
    pitchbook = ["Service Provider ID", "Lenders", "Primary Contact", "HQ Location", "HQ Address Line 1",
                 "HQ City", "HQ State/Province", "HQ Post Code", "HQ Country/Territory/Region",
                 "Website"]  # fmt: skip
    assert detect(pitchbook).fields["company.address.country"] == "HQ Country/Territory/Region"


def test_the_companys_website_under_an_object_prefix() -> None:
    """Salesforce relationship columns (Data Loader, SOQL exports) and report labels put the account first."""
    dotted = detect(
        ["Id", "FirstName", "LastName", "Email", "Account.Name", "Account.Website", "Owner.Email"]
    )
    assert dotted.fields["company.website"] == "Account.Website"
    assert "Owner.Email" not in dotted.columns_used()
    report = detect(
        ["Contact: First Name", "Contact: Last Name", "Account: Account Name", "Account: Website"]
    )
    assert report.fields["company.website"] == "Account: Website"
