"""Detection, fifteenth round: address books' exports in other languages read as their English export."""

from __future__ import annotations

from pathlib import Path

from leadspace_cli.formats.rows import _dedupe_header
from leadspace_cli.formats.sources import open_source
from leadspace_cli.mapping.addressbooks import english
from leadspace_cli.mapping.detect import detect
from leadspace_cli.mapping.judge import detect_source
from tests.conftest import write_csv

# Thunderbird in Korean: the home block, then the work block under the same names (the reader calls
# the second "구/군_2"); Windows Live Mail in Arabic: an unqualified home city.
KOREAN_THUNDERBIRD = [
    *("이름", "성", "표시명", "애칭", "기본 메일", "추가 메일", "Screen 아이디", "직장 전화", "자택 전화"),
    *("팩스", "호출기", "휴대폰", "자택 주소1", "자택 주소2", "구/군", "시/도", "우편번호", "국가"),
    *("직장 주소1", "직장 주소2", "구/군", "시/도", "우편번호", "국가", "직위", "부서", "회사명"),
    *("웹 페이지1", "웹 페이지2", "태어난 달", "생일", "태어난 해", "사용자 정의1", "사용자 정의2"),
    *("사용자 정의3", "사용자 정의4", "메모"),
]
ARABIC_LIVE_MAIL = [
    *("الاسم الأول", "اسم العائلة", "الاسم الأوسط", "الاسم", "الاسم المستعار", "عنوان البريد الإلكتروني"),
    *("شارع المنزل", "المدينة", "الرمز البريدي للمنزل", "ولاية المنزل", "بلد المنزل/الإقليم", "هاتف المنزل"),
    *("فاكس المنزل", "الهاتف الجوال", "صفحة ويب الشخصية", "شارع العمل", "مدينة العمل", "الرمز البريدي للعمل"),
    *("ولاية العمل", "بلد العمل/الإقليم", "صفحة ويب العمل", "هاتف العمل", "فاكس العمل", "جهاز النداء"),
    *("الشركة", "المسمى الوظيفي", "القسم", "موقع المكتب", "ملاحظات"),
]


def test_an_address_book_in_another_language_sends_the_work_block_and_the_persons_own_fields() -> None:
    fields = detect(_dedupe_header(KOREAN_THUNDERBIRD)[0]).fields
    assert {k: fields.get(k) for k in ("person.first_name", "person.last_name", "person.email")} == {
        "person.first_name": "이름",
        "person.last_name": "성",
        "person.email": "기본 메일",
    }
    assert (fields.get("person.title"), fields.get("person.person_phone"), fields.get("company.name")) == (
        "직위",
        "직장 전화",
        "회사명",
    )
    # The work block, never the home one before it under the same names.
    parts = ("street", "city", "state", "postalcode", "country")
    assert [fields.get(f"company.address.{p}") for p in parts] == [
        "직장 주소1",
        "구/군_2",
        "시/도_2",
        "우편번호_2",
        "국가_2",
    ]


def test_an_unqualified_home_city_is_not_the_company_s_and_the_notes_name_the_columns_as_written() -> None:
    mapping = detect(ARABIC_LIVE_MAIL)
    fields = mapping.fields
    assert fields["company.address.city"] == "مدينة العمل"  # the work city, not "المدينة" (the home's)
    assert fields["company.address.street"] == "شارع العمل"
    assert fields["person.email"] == "عنوان البريد الإلكتروني"
    assert fields["company.website"] == "صفحة ويب العمل"  # the work page, not the personal one
    assert "المدينة" not in mapping.columns_used()
    notes = " ".join(mapping.notes)
    assert "'شارع المنزل'" in notes  # the home street, named as the file names it
    assert "Home Street" not in notes
    assert "Work Phone" not in notes


def test_a_crm_export_in_the_same_words_is_no_address_book() -> None:
    # A Spanish and a Polish CRM's contacts share words with the address books' exports ("Nombre",
    # "Ciudad", "Imię", "Miasto"), not their own names.
    spanish = ["Nombre", "Apellidos", "Correo electrónico", "Teléfono", "Empresa", "Cargo", "Dirección"]
    spanish += ["Ciudad", "Provincia", "Código postal", "País"]
    polish = ["Imię", "Nazwisko", "E-mail", "Telefon", "Firma", "Stanowisko", "Ulica", "Miasto"]
    polish += ["Kod pocztowy"]
    assert english(spanish) == {}
    assert english(polish) == {}
    assert english(KOREAN_THUNDERBIRD)["직장 주소1"] == "Work Address"


def test_a_sender_is_no_role_of_the_rows_person() -> None:
    # An email log's sender is the user, its recipient the lead; a parcel's sender is the merchant.
    fields = detect(["ID", "Sender Email", "Recipient Email", "Subject", "Sent At"]).fields
    assert fields.get("person.email") == "Recipient Email"
    parcels = detect(["Sender Name", "Sender Company", "Sender Email", "Sender Mobile", "Weight"]).fields
    assert "company.name" not in parcels
    assert "person.email" not in parcels


def test_a_bare_work_or_account_column_is_no_sign_of_an_account_file() -> None:
    # A desk phone's phone book ("name", "work", "mobile"): a bare "work" number is no company's column,
    # so "name" is no company's name. A contacts list's bare "Account" is the contact's company: its
    # "Name" is the person's and its phone theirs.
    fanvil = detect(["name", "work", "mobile", "other", "ring", "groups"]).fields
    assert "company.name" not in fanvil
    assert fanvil["person.person_phone"] == "mobile"
    espo = detect(["Name", "Account", "Phone", "Assigned User"]).fields
    assert espo == {"company.name": "Account", "person.person_phone": "Phone"}


def test_donor_databases_fields() -> None:
    # Little Green Light's constituents: its own id, the preferred email and phone.
    lgl = ["LGL Constituent ID", "Constituent Type", "First Name", "Last Name", "Organization Name"]
    lgl += ["Preferred Email", "Pref. Phone", "Email 2", "Employer"]
    fields = detect(lgl).fields
    assert (fields["external_id"], fields["person.email"], fields["person.person_phone"]) == (
        "LGL Constituent ID",
        "Preferred Email",
        "Pref. Phone",
    )
    # NPSP's "Preferred Phone" is a picklist ("Work", "Home"): the numbers come first.
    npsp = ["Contact1 First Name", "Contact1 Last Name", "Contact1 Preferred Phone", "Contact1 Work Phone"]
    assert detect(npsp).fields["person.person_phone"] == "Contact1 Work Phone"
    # DonorPerfect: the professional title beside the salutation; a gift import's organisation and cell.
    dp = detect(["donor_id", "first_name", "last_name", "title", "salutation", "prof_title", "email"]).fields
    assert dp["person.title"] == "prof_title"
    gift = detect(["Constituent ID", "Org Name", "First Name", "Last Name", "E-mail", "Cell", "Gift Amount"])
    assert gift.fields["company.name"] == "Org Name"
    # A bare "Cell" is as often a spreadsheet's cell ("B3", a validation report's): left out.
    assert "person.person_phone" not in gift.fields
    assert (
        detect(["Givebutter Contact ID", "First Name", "Email"]).fields["external_id"]
        == "Givebutter Contact ID"
    )
    bsd = detect(["Unique Constituent ID", "Prefix", "First Name", "Last Name", "Email", "Employer"]).fields
    assert bsd["external_id"] == "Unique Constituent ID"


def test_a_ticket_s_participant_before_its_payer() -> None:
    # HelloAsso's orders of an event: the participant is the row's person, the payer may be a parent.
    header = ["Référence commande", "Nom participant", "Prénom participant", "Nom payeur", "Prénom payeur"]
    header += ["Email payeur", "Raison sociale", "Billet"]
    fields = detect(header).fields
    assert (fields["person.first_name"], fields["person.last_name"]) == (
        "Prénom participant",
        "Nom participant",
    )
    # The payer's names when the payer is the row's person (a payments export); "Nom du client" alone
    # is a client's whole name, never a family name.
    payments = detect(["Référence paiement", "Nom payeur", "Prénom payeur", "Email payeur", "Raison sociale"])
    assert payments.fields["person.last_name"] == "Nom payeur"
    assert (
        "person.last_name" not in detect(["Identifiant Client", "Nom du client", "Adresse", "Ville"]).fields
    )


def test_an_applicant_s_position_is_the_job_applied_for_and_their_address_their_home() -> None:
    # A recruiting tool's candidates: "Job position" beside the pipeline's stage and hiring date.
    candidates = ["Name", "Recruitment", "Job position", "Stage", "Email", "Mobile", "Hired", "Joining date"]
    assert "person.title" not in detect(candidates).fields
    # German applicants: "Position" beside the application's date and channel.
    bewerber = ["Vorname", "Nachname", "Email", "Position", "Status", "Recruiting-Kanal", "Bewerbungsdatum"]
    assert "person.title" not in detect(bewerber).fields
    # One sign is not enough: a CRM's leads have a "Stage" and their "Position" is the job title.
    leads = ["First Name", "Last Name", "Email", "Position", "Company", "Stage"]
    assert detect(leads).fields["person.title"] == "Position"
    # An applicant's "Work Status" (employment) names no company: the address is their home.
    applicants = ["First Name", "Last Name", "Street 1", "Street 2", "City", "State", "Zip", "Home Phone"]
    applicants += [
        "Work Phone",
        "Birth Date",
        "Gender",
        "EEOC Ethnicity",
        "Email",
        "Work Status",
        "Employee ID",
    ]
    fields = detect(applicants).fields
    assert not any(path.startswith("company.address.") for path in fields)
    assert fields["person.email"] == "Email"


def test_a_contact_number_a_client_s_id_and_a_korean_email_address() -> None:
    # A dialer's call log (the contact's number, name and email first) and a studio's clients.
    calls = detect(
        ["Call ID", "Contact Number", "Contact Name", "Contact Email", "Agent Name", "Agent Email"]
    )
    assert calls.fields["person.person_phone"] == "Contact Number"
    clients = detect(["Client ID", "First Name", "Last Name", "Email", "Phone", "Guardian Email"]).fields
    assert clients["external_id"] == "Client ID"
    assert detect(["이메일 주소", "추가 경로", "그룹", "구독일"]).fields["person.email"] == "이메일 주소"


def test_an_account_file_by_its_domains_its_gst_number_or_its_person_count() -> None:
    # A help desk's accounts (their domains), an Indian ledger of parties (GSTIN), Krayin's organisations
    # in Spanish: a bare name is the company's.
    assert detect(["id", "name", "domains"]).fields["company.name"] == "name"
    tally = detect(["Name", "Under", "Mailing name", "Address", "State", "Pincode", "GSTIN/UIN"]).fields
    assert (tally["company.name"], tally["company.address.postalcode"]) == ("Name", "Pincode")
    assert detect(["ID", "Nombre", "Número de Personas", "Creado En"]).fields["company.name"] == "Nombre"


def _detected(path: Path) -> dict[str, str | list[str]]:
    with open_source(str(path), prescan=True) as source:
        return detect_source(source).fields


def test_a_listing_s_url_is_its_page_on_the_directory(tmp_path: Path) -> None:
    # A restaurant guide's scrape: the place's name beside its rating and reviews is the business's;
    # its "url" is the guide's page, sent only when the values are the business's own sites.
    header = ["name", "reviews", "cusine", "rating", "price_range", "url"]
    pages = [f"https://www.tripadvisor.com/Restaurant_Review-g1-d{i}" for i in range(4)]
    rows = [[f"Bistro {i}", "120", "French", "4.5", "$$", pages[i]] for i in range(4)]
    fields = _detected(write_csv(tmp_path / "guide.csv", header, rows))
    assert fields["company.name"] == "name"
    assert "company.website" not in fields
    sites = [[f"Bistro {i}", "120", "French", "4.5", "$$", f"https://bistro{i}.fr"] for i in range(4)]
    assert _detected(write_csv(tmp_path / "sites.csv", header, sites))["company.website"] == "url"
    # A freelance marketplace's gigs: a "Title" beside a rating and reviews is no business's name.
    gigs = ["Title", "URL", "Freelancer", "Rating", "Reviews", "Price", "Category"]
    assert "company.name" not in detect(gigs).fields


def test_a_register_s_number_is_the_row_s_own_id_in_a_file_of_organisations() -> None:
    # A companies register's file, an INSEE establishments file (the SIRET, not its legal unit's SIREN),
    # a licensing board's licensees: the number is the row's record.
    house = [
        "CompanyName",
        " CompanyNumber",
        "RegAddress.AddressLine1",
        "RegAddress.PostTown",
        "CompanyStatus",
    ]
    assert detect(house).fields["external_id"] == " CompanyNumber"
    sirene = ["siren", "nic", "siret", "denominationUsuelleEtablissement", "codePostalEtablissement"]
    assert detect(sirene).fields["external_id"] == "siret"
    # Beside a person's names or job (a list of company directors) it is their company's.
    directors = ["Société", "SIREN", "Nom dirigeant", "Prénom dirigeant", "Fonction", "Ville siège"]
    assert "external_id" not in detect(directors).fields
    people = ["SIRET", "Nom", "Prénom", "Email", "Société"]
    assert "external_id" not in detect(people).fields
    # HubSpot's French record id before the company's SIRET.
    hubspot = ["ID de fiche d'informations", "Nom de l'entreprise", "Ville", "SIREN", "SIRET"]
    assert detect(hubspot).fields["external_id"] == "ID de fiche d'informations"


def test_registers_and_business_lists_own_names() -> None:
    # INSEE's establishments joined with their legal unit: its name and the establishment's address.
    sirene = [
        "siren",
        "siret",
        "denominationUniteLegale",
        "numeroVoieEtablissement",
        "libelleVoieEtablissement",
    ]
    sirene += ["codePostalEtablissement", "libelleCommuneEtablissement", "activitePrincipaleEtablissement"]
    fields = detect(sirene).fields
    assert (fields["company.name"], fields["company.address.street"]) == (
        "denominationUniteLegale",
        "libelleVoieEtablissement",
    )
    assert (fields["company.address.postalcode"], fields["company.address.city"]) == (
        "codePostalEtablissement",
        "libelleCommuneEtablissement",
    )
    gleif = [
        "LEI",
        "Entity.LegalName",
        "Entity.HeadquartersAddress.City",
        "Entity.HeadquartersAddress.Country",
    ]
    fields = detect(gleif).fields
    assert (fields["company.name"], fields["company.address.city"]) == (
        "Entity.LegalName",
        "Entity.HeadquartersAddress.City",
    )
    # A business list's key executive is the person (Salesgenie's, Grata's); a credential is no title.
    executives = ["Company Name", "Executive First Name", "Executive Last Name", "Executive Title"]
    executives += ["Professional Title", "Location City", "Phone Number Combined"]
    fields = detect(executives).fields
    assert (fields["person.first_name"], fields["person.title"]) == (
        "Executive First Name",
        "Executive Title",
    )
    # The NPI registry: a provider's names and NPI (their own number, not a company's).
    nppes = ["NPI", "Entity Type Code", "Provider Organization Name (Legal Business Name)"]
    nppes += ["Provider Last Name (Legal Name)", "Provider First Name", "Provider Credential Text"]
    fields = detect(nppes).fields
    assert (fields["external_id"], fields["person.first_name"], fields["person.last_name"]) == (
        "NPI",
        "Provider First Name",
        "Provider Last Name (Legal Name)",
    )


def test_a_display_name_is_a_company_s_only_beside_an_account_s_signs() -> None:
    # A desk phone's directory and a booking plugin's export: "Display Name" is the person's whole name.
    phones = detect(["display_name", "office_number", "mobile_number", "other_number", "ring"]).fields
    assert "company.name" not in phones
    bookings = detect(
        ["Booking ID", "Display Name", "Email", "Phone Number", "City", "Appointment Date"]
    ).fields
    assert "company.name" not in bookings
    assert bookings["person.email"] == "Email"
    # Close's leads: the lead is the company, its primary contact the person.
    close = ["display_name", "url", "status_label", "primary_contact_name", "primary_contact_primary_email"]
    assert detect(close).fields["company.name"] == "display_name"


def test_a_product_is_no_place_and_a_licence_or_a_sum_in_lei_no_register_s_number() -> None:
    # A shop scraper's products: a name beside a price, a rating and reviews is no business's.
    assert "company.name" not in detect(["name", "price", "rating", "reviews", "url", "asin"]).fields
    # A taxi board's drivers: their licence number is their own identity document, not the row's id.
    drivers = detect(["Driver Name", "License Number", "Mobile", "Vehicle Plate"]).fields
    assert "external_id" not in drivers
    # A Romanian price list's "Lei" is a sum, not GLEIF's number.
    assert "external_id" not in detect(["Produs", "Cantitate", "Lei"]).fields
    # A credentialing firm's contracts: the provider's NPI before the client practice's id.
    assert detect(["client_id", "NPI", "provider_name", "specialty"]).fields["external_id"] == "NPI"


def test_newsletter_and_sms_tools_columns() -> None:
    # SuperWebMailer: the business web page before the private one; its English "Firm".
    german = [
        "E-Mail",
        "Vorname",
        "Name",
        "Webseite",
        "Firma",
        "Webseite geschäftlich",
        "Straße geschäftlich",
    ]
    assert detect(german).fields["company.website"] == "Webseite geschäftlich"
    assert detect(["E-Mail", "First name", "Name", "Firm", "Position"]).fields["company.name"] == "Firm"
    # RapidPro's (TextIt's) contacts: their URNs and UUID.
    rapidpro = ["Contact UUID", "Name", "Language", "URN:Mailto", "URN:Tel", "URN:Telegram", "Field:Age"]
    fields = detect(rapidpro).fields
    assert (fields["external_id"], fields["person.email"], fields["person.person_phone"]) == (
        "Contact UUID",
        "URN:Mailto",
        "URN:Tel",
    )


def test_more_names_of_the_persons_fields() -> None:
    # An account's contact under its prefix (Moralius), a client's number (Workiz).
    moralius = detect(
        ["AccountName", "AccountContactFirstName", "AccountContactLastName", "AccountContactEmail"]
    )
    assert moralius.fields["person.email"] == "AccountContactEmail"
    assert detect(["Client #", "Client", "Email", "Phone"]).fields["external_id"] == "Client #"
    # A job offer: the post offered is no title of the applicant's.
    offer = ["ID", "Job Applicant", "Applicant Name", "Email", "Status", "Offer Date", "Designation"]
    assert "person.title" not in detect(offer).fields
    # A referred candidate's current employer and title (German); a Brazilian form's.
    german = ["Vorname", "Nachname", "E-Mail", "Derzeitiger Arbeitgeber", "Aktuelle Stellenbezeichnung"]
    fields = detect(german).fields
    assert (fields["company.name"], fields["person.title"]) == (
        "Derzeitiger Arbeitgeber",
        "Aktuelle Stellenbezeichnung",
    )
    brazil = [
        "Carimbo de data/hora",
        "Nome completo",
        "E-mail",
        "Empresa/Instituição que trabalha",
        "Cargo/Ocupação atual",
    ]
    fields = detect(brazil).fields
    assert (fields["company.name"], fields["person.title"]) == (
        "Empresa/Instituição que trabalha",
        "Cargo/Ocupação atual",
    )
    # Gravity Forms in German; an Italian form's email; a Spanish form's phone.
    gravity = detect(["Name (Vorname)", "Name (Nachname)", "E-Mail (E-Mail eingeben)", "Schule"]).fields
    assert (gravity["person.first_name"], gravity["person.last_name"], gravity["person.email"]) == (
        "Name (Vorname)",
        "Name (Nachname)",
        "E-Mail (E-Mail eingeben)",
    )
    assert detect(["Informazioni cronologiche", "Indirizzo di mail", "Nome", "Cognome"]).fields[
        "person.email"
    ] == ("Indirizzo di mail")
    assert detect(["Nombre", "Tu número", "Comuna"]).fields["person.person_phone"] == "Tu número"


def test_a_legal_name_beside_an_account_s_primary_contact_is_the_account_s() -> None:
    # A freight broker's shippers: the account's legal name, its contact's email and phone.
    shippers = [
        "Legal Name",
        "DBA Name",
        "Primary Contact Name",
        "Primary Contact Email",
        "Primary Contact Phone",
    ]
    shippers += ["Billing Address Line 1", "Billing City", "Billing State", "Billing Zip"]
    fields = detect(shippers).fields
    assert (fields["company.name"], fields["person.email"]) == ("Legal Name", "Primary Contact Email")
    # An HR file's "Legal Name" is the employee's: never the company's.
    assert "company.name" not in detect(["Employee ID", "Legal Name", "Preferred Name", "Work Email"]).fields


def test_an_adviser_s_main_office_and_business_name() -> None:
    # The SEC's investment advisers: the main office's address, the primary business name, the site.
    header = ["Organization CRD#", "Primary Business Name", "Legal Name", "Main Office City"]
    header += ["Main Office State", "Main Office Country", "Website Address"]
    fields = detect(header).fields
    assert (fields["company.name"], fields["company.address.city"], fields["company.website"]) == (
        "Primary Business Name",
        "Main Office City",
        "Website Address",
    )


def test_a_japanese_address_book_s_company_address() -> None:
    # CyberMail: the personal block, then the company's ("住所(会社)..."), the street after the city.
    header = [
        "表示名",
        "名",
        "姓",
        "住所(個人)国",
        "住所(個人)都道府県",
        "住所(個人)郵便番号",
        "住所(個人)市区町村",
    ]
    header += [
        "会社名",
        "住所(会社)都道府県",
        "住所(会社)郵便番号",
        "住所(会社)市区町村",
        "住所(会社)市区町村以降",
    ]
    fields = detect(header).fields
    parts = ("street", "city", "state", "postalcode")
    assert [fields.get(f"company.address.{p}") for p in parts] == [
        "住所(会社)市区町村以降",
        "住所(会社)市区町村",
        "住所(会社)都道府県",
        "住所(会社)郵便番号",
    ]


def test_chinese_outlook_s_business_address() -> None:
    header = [
        "英文称谓",
        "名",
        "中间名",
        "姓",
        "中文称谓",
        "单位",
        "部门",
        "职务",
        "商务地址 街道",
        "商务地址 街道 2",
    ]
    header += [
        "商务地址 市/县",
        "商务地址 省/市/自治区",
        "商务地址 邮政编码",
        "商务地址 国家/地区",
        "住宅地址 街道",
    ]
    header += [
        "住宅地址 市/县",
        "住宅地址 省/市/自治区",
        "住宅地址 邮政编码",
        "住宅地址 国家/地区",
        "商务电话",
    ]
    header += ["移动电话", "Internet 忙闲", "电子邮件地址", "电子邮件类型", "网页"]
    fields = detect(header).fields
    assert (fields["company.name"], fields["person.email"], fields["company.address.city"]) == (
        "单位",
        "电子邮件地址",
        "商务地址 市/县",
    )
    assert fields["company.website"] == "网页"  # the web page; "Internet 忙闲" is the free/busy server
