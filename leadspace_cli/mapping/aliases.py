"""Header names seen in real exports, by request field: data, compared after normalising."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

Body = dict[str, Any]


# Header names seen in real exports (Salesforce, HubSpot, Marketo, Apollo, Sales Navigator, ...),
# compared after lower-casing and dropping everything but letters and digits. The first field
# whose alias matches takes the column; within a field, earlier aliases win.
# The employer in Swedish, Norwegian, Danish and Finnish, and a library member's institution: company
# columns that name the person's employer, nothing of their own (their address stays the person's).
NORDIC_EMPLOYER = ("arbetsgivare", "arbeidsgiver", "arbejdsgiver", "tyonantaja")
INSTITUTION_NAME = ("institutionname", "instname", "instansi")  # Indonesian "Instansi"
# A company column that names the person's employer (a scholar's affiliation), nothing of its own.
EMPLOYER = (
    *("employer", "employername", "currentemployer", "nameofemployer", "affiliation", "institution"),
    *INSTITUTION_NAME,
    *NORDIC_EMPLOYER,
)

# A register's number of the row's organisation or licensee (Companies House's "CompanyNumber", INSEE's
# "siret", GLEIF's "LEI", the NPI of a provider, a contractor's licence); an establishment's SIRET before
# its legal unit's SIREN.
_REGISTER_NUMBERS = (
    # A charity register's own number before the company register's beside it (England and Wales').
    # Not an EIN: an establishment's (OSHA's) is its employer's.
    *("registeredcharitynumber", "charitynumber"),
    *("siret", "siren", "orgnr", "organisasjonsnummer", "organisationsnummer", "kvknummer", "cvrnummer"),
    *("dunsnumber", "duns"),  # D&B's D-U-N-S Number
    "cnpj",  # Brazil's register's number of a company (a register's rows); not "CIF", also a price
    *(
        "companynumber",
        "companyregistrationnumber",
        "cik",
        "uen",
        "acn",
        "abn",
    ),  # no bare "Lei" (a sum in lei)
    # Not a licence's number: a driver's or a barber's own is a person's identity document.
    *("corporateidentificationnumber", "dotnumber", "dosid", "organizationcrd"),
    # The Estonian, Lithuanian, Latvian and Ukrainian registers' codes of a company.
    *("ariregistrikood", "registrikood", "jakodas", "imoneskodas", "regcode", "edrpou", "kodedrpou"),
    *("sicilno", "sicilnumarasi", "ticaretsicilno"),  # a Turkish chamber's trade register number
)

ALIASES: dict[str, tuple[str, ...]] = {
    # The row's own record id (tool names are dropped first: "Apollo Contact Id" is a contact id).
    # An account's or a company's id only in a file without people: in a people export it is
    # the parent record's.
    "external_id": (
        "recordid",
        "iddoregistro",  # HubSpot's Portuguese "ID do registro"
        "recordidcontact",  # HubSpot's contacts export beside its companies' ("Record ID - Contact")
        "subscriberkey",  # Salesforce Marketing Cloud's subscribers' own key
        "id",
        # An "External ID" is another system's number for the record: the tool's own comes first.
        "externalid",
        "leadid",
        "contactid",
        "personid",
        "prospectid",
        # The row's own object named in its id ("Customer ID" in a customers export); the number
        # an accounting tool gives a customer ("Kundennummer": German).
        "customerid",
        "memberid",
        "subscriberid",
        "attendeeid",
        "membernumber",  # an assembly's participants (OpenSlides), a club's members
        *("iddeladherent", "idadherent"),  # French: a member's (Galette, Paheko, Dolibarr)
        *("externtid", "eksternid"),  # Swedish, Norwegian "External ID" (Puzzel's contact lists)
        *("iddecliente", "idcontacto", "iddocontato"),  # Spanish, Portuguese (Bagisto's, Dolibarr's)
        "idkontaktu",  # Czech (Dolibarr's contacts)
        *("idlead", "idcontact", "idprospect"),  # French, the id first ("ID Lead": noCRM's)
        *("iddecontacto", "iddeprospecto"),  # Spanish Salesforce's "Id. de contacto"
        "identifiantclient",  # French (Upflow's clients)
        "identifiant",  # French "Identifiant": the record's own (a trade portal's establishments)
        "identifiantpp",  # the French health professionals' directory (RPPS): the professional's
        *("debiteurnr", "debiteurnummer"),  # Dutch: a debtor's (Nmbrs')
        "numerodemembre",
        "numerodadherent",
        "affiliateid",  # an affiliate programme's (AffiliateWP)
        "kontaktid",  # German (Dolibarr)
        *("kundenummer", "medlemsid", "musterikodu"),  # Norwegian, Swedish, Turkish
        *("datensatzid", "idrekordu", "idderegistro"),  # "Record ID" in German, Polish, Spanish (EPESI)
        "identifiantcontact",  # French (Dolibarr)
        "badgeid",  # an HR system's employee (Horilla)
        "candidateid",  # a recruiting tool's candidate (OpenCATS)
        "bookingid",  # a bookings export's row (Events Manager)
        "iddepiste",  # Salesforce's French lead id ("ID de piste")
        "iddefichedinformations",  # HubSpot's French "Record ID" ("ID de fiche d'informations")
        "guestid",  # an event's guest list (Luma's "guest_id")
        "apiid",  # Luma's guests export: the guest's own id ("api_id")
        "exhibitorid",  # a trade show's exhibitor list
        "inviteeuuid",  # Calendly's invitee, beside its "Salesforce UUID"
        "inviteeid",
        "respondentid",  # a survey's respondent (SurveyMonkey)
        "responseid",  # a survey's response (Qualtrics' "ResponseId", Cal.com's routing forms)
        # A supplier's or vendor's own id in a file of suppliers (webERP's "SupplierID", Sage 50's).
        *("supplierid", "vendorid"),
        # An accounting tool's number for a customer (webERP's "debtorno") or a vendor, a learner's id
        # in a school's own scheme (D2L's). Not a "RefNum": WorkBook's contacts link their client by it.
        *("debtorno", "debtornumber", "creditorno", "creditornumber", "orgdefinedid"),
        "debtorcode",  # Omni Accounts' debtors
        "vid",  # Veeva's record id ("vid__v"), HubSpot's contact id
        "participantid",  # a survey's or a study's participant (LimeSurvey)
        *("patientid", "patid"),  # a clinic's patients (CARE, WebChart's "pat_id"), before a provider's NPI
        "customersid",  # osCommerce's customers table (and its forks': Zen Cart, VaM Shop)
        "peopleid",  # a church's people (TouchPoint)
        "iduser",  # a classifieds site's users (Yclas's id_user)
        "entryid",  # a form's entries (Fluent Forms' entry_id, Gravity Forms' "Entry Id")
        "submissionid",  # Elementor's form submissions
        *("iddentrees", "identradas", "invoerid"),  # French, Spanish, Dutch (Visual Form Builder)
        "placeid",  # a maps scraper's places (their Google place id)
        "kandidatensid",  # Swedish: the candidate's (EasyCruit)
        "studentid",  # a school's students (openSIS, in its languages below)
        *("studentnumber", "studentno"),  # an alumni tracer's graduates
        *("identificaciondelestudiante", "iddelestudiante", "cartedetudiant", "numeroetudiant"),
        "iddeusuario",  # Spanish and Portuguese "ID de usuario" (Sakai's roster)
        "employeeid",  # an HR system's employee (OrangeHRM)
        "ticketid",  # an attendees export's ticket (Event Tickets): the attendee's own record
        *("ticketno", "ticketnumber"),  # a ticketing tool's (KonfHub's "Ticket No")
        "registrantid",
        "donorid",
        "donationid",  # a donations export's row (Charitable), after the donor's own id
        "constituentid",
        "contactuuid",  # RapidPro's (TextIt's) contacts and flow results
        "npi",  # a provider's own number in the NPI registry (a physician's, a practice's)
        "clientid",  # a studio's clients (Pike13's), after an NPI (a credentialing firm's client practice)
        "idcliente",  # Fresha's Italian "ID cliente"
        "uniqueconstituentid",  # Blue State Digital's constituents (a bare "uniqueId" is a TikTok handle)
        "supporterid",
        "customernumber",
        "kundennummer",
        # A record's GUID named by its object (Kentico's "ContactGUID"); a supplier's or a client's code
        # in a file of them; Italian, Turkish, Portuguese ones (a supplier's id, an account's code, a
        # member's number).
        *("contactguid", "leadguid", "customerguid", "personguid", "memberguid", "recordguid"),
        *("suppliercode", "vendorcode", "clientcode", "customerno", "clientno", "supplierno"),
        *("idfornitore", "codicefornitore", "carikod", "carikodu", "numerodesocio", "numerosocio"),
        *("kundnummer", "kundenummer"),  # Swedish, Norwegian
        "kundnr",  # Swedish
        *("idpelanggan", "nopelanggan", "kodepelanggan"),  # Indonesian: a customer's id, number, code
        *("idanggota", "noanggota", "nomoranggota"),  # Indonesian: a member's
        *("medlemsnummer", "medlemsnr"),  # Norwegian, Danish, Swedish: a member's number
        *("idklienta", "nrklienta", "numerklienta"),  # Polish: a client's id, number
        "idclient",  # Romanian, French ("ID client")
        "codetiers",  # French: a third party's code (Dolibarr's "code_tiers"), before its SIRET
        *("customercode", "kodecustomer"),  # a customer's code in a customer list (Indonesian "Kode")
        *("musteriid", "musterino"),  # Turkish: a customer's id, number
        "codfurnizor",  # Romanian: a supplier's code
        *("debitor", "kreditor"),  # SAP's German customer and vendor numbers (Debitor, Kreditor)
        *("klantid", "klantnummer", "klantnr"),  # Dutch: a customer's id, number
        "safeid",  # Salesforce's 18-character record id in a report (Volunteers for Salesforce)
        "codicecliente",  # Italian
        "entityid",  # a register's entity
        "identificador",  # Spanish and Portuguese: a record's own identifier, before a company's CNPJ
        "kundenid",
        "kundennr",  # sevDesk's "Kunden-Nr."
        "crmid",
        "salesforceid",
        "sfdcid",
        "sfid",  # a Salesforce extract's record id ("sf_id")
        "localid",  # Firebase Authentication's users ("localId")
        "distinctid",  # Mixpanel's people ("$distinct_id")
        "partnercontactid",  # MoxiWorks' contacts ("partner_contact_id": the brokerage's own id)
        "civicrmid",  # CiviCRM's contact id ("CiviCRM ID")
        "gsid",  # Gainsight's record id
        "mitgliedsnummer",  # German: a member's number (a party's, a club's members)
        "marketoid",
        "hubspotid",
        "copperid",
        "hsobjectid",
        "uuid",
        "guid",  # a data-deployment file's record key (Prodly's "Guid")
        "individualid",  # ZoomInfo's legacy "Zoom Individual ID"
        "profileid",  # scrapers: the profile's own id
        "linkedinprofileid",
        "vmid",  # PhantomBuster's LinkedIn member id
        "userid",  # a workspace's member list (Slack); after the row's own object's id (GiveWP's donor)
        "accountid",
        "companyid",
        "organizationid",
        "businessid",  # a register's or a city's businesses (Louisville's food inspections)
        "firmaid",  # Turkish, Polish, Czech: the firm's record ("FirmaID")
        "customeridentifier",  # a vet's customers (OpenVPMS)
        *("contactid18", "leadid18"),  # Salesforce's case-safe id as a report's formula column
        "registrantkey",  # GoTo Webinar's registrants
        "itemidautogenerated",  # a monday.com board's item (its row)
        "codicecontatto",  # Italian vtiger's contacts ("Codice Contatto")
        *("accountcode", "accountid18", "partnerid", "businesspartnerid"),  # an account's (see ACCOUNT_IDS)
        *("badgescanid", "badgeid"),  # a trade show's scanned badge: the lead's own record
        *("uid", "cid"),  # a mailing list's subscriber (Acelle Mail, Mailtrain), a place (Google Maps)
        *_REGISTER_NUMBERS,  # last (see ACCOUNT_IDS)
    ),
    "person.first_name": (
        "providerfirstname",  # the NPI registry's individual providers (NPPES)
        "firstname",
        "pifirstname",  # a grant's principal investigator (NSF's awards), beside the awardee organisation
        "firstname1",  # the first of a household's people (a New-Year-card list's 名1)
        "nombredepila",  # Spanish: the given name (Dynamics 365's "Nombre de pila")
        "personnamefirstname",  # Adobe Experience Platform's XDM ("person_name_firstName")
        "roepnaam",  # Dutch: the name a member goes by (Sportlink's)
        "fistname",  # Events Manager's bookings export ("Fist Name", sic)
        "namefirst",  # "Name (First)" (EC-CUBE)
        "namevorname",  # Gravity Forms' German name field ("Name (Vorname)")
        "first",
        "givenname",
        "fname",
        "forename",
        "contactfirstname",
        "vorname",  # German, French, Dutch, Spanish, Italian Excel exports
        "prenom",
        "prenomdexercice",  # RPPS: the name a professional practises under
        "voornaam",
        "primeironome",  # Portuguese
        "nombres",  # Latin American Spanish: the given names
        "imie",  # Polish
        *("fornavn", "fornamn", "etunimi"),  # Norwegian and Danish, Swedish, Finnish
        "memberfirstname",  # a membership's (WooCommerce Memberships' "member_first_name")
        "krestnijmeno",  # Czech "Křestní jméno"
        "eesnimi",  # Estonian
    ),
    "person.last_name": (
        "providerlastnamelegalname",  # the NPI registry's individual providers (NPPES)
        "lastname",
        "pilastname",  # a grant's principal investigator
        "personnamelastname",  # Adobe Experience Platform's XDM ("person_name_lastName")
        "nomdexercice",  # RPPS: the family name a professional practises under
        "lastname1",
        *("soyad", "soyadi"),  # Turkish "Soyadı"
        "namelast",
        "namenachname",  # Gravity Forms' German name field ("Name (Nachname)")
        "last",
        "surname",
        "familyname",
        "lname",
        "contactlastname",
        "nachname",
        "familienname",
        "achternaam",
        "apellido",
        "apellidos",
        "primerapellido",  # Latin American Spanish: the first of two family names
        "cognome",
        "sobrenome",  # Portuguese ("Apelido" is a surname in Portugal, a nickname in Brazil)
        "nazwisko",  # Polish
        *("prijmeni", "priezvisko"),  # Czech, Slovak
        "memberlastname",
        "apellidopaterno",  # Latin American Spanish: the father's family name (the mother's second)
        "nomdefamille",  # French ("Nom de famille")
        *("etternavn", "efternavn", "efternamn", "sukunimi"),  # Norwegian, Danish, Swedish, Finnish
        *("uzvards", "pavarde", "perekonnanimi"),  # Latvian "Uzvārds", Lithuanian "Pavardė", Estonian
    ),
    "person.email": (
        "email",
        "emailaddress",
        "workemail",
        "eposta",  # Turkish "E-posta"
        "useremail",  # a membership's users (Paid Memberships Pro); beside another email, an owner's
        "defaultemail",
        "businessemail",
        "contactemail",
        "piemail",  # a grant's principal investigator (after a company's contact's)
        "primaryemail",
        "primaryemailaddress",  # Clerk's users
        *("mostprobableemail", "mostprobableworkemail"),  # FullEnrich's and Pronto's found address
        # A staff directory's work address in Spanish ("Email de la empresa", "Correo empresarial").
        *("emaildelaempresa", "correodelaempresa", "correoempresarial", "emailempresarial"),
        "urnmailto",  # RapidPro's (TextIt's) contacts: "URN:Mailto"
        *("emailemaileingeben", "emailenteremail"),  # Gravity Forms' email field ("E-Mail (E-Mail eingeben)")
        *("indirizzodimail", "indirizzomail"),  # an Italian form's ("Indirizzo di mail")
        "proemail",  # a prospecting tool's professional address (Waalaxy's "proEmail")
        "email1",
        "emailaddress1",  # the first of numbered addresses (a skip-trace's email_address_1..3)
        "emailid",  # ERPNext's "Email Id"
        *("officialemailid", "workemailid", "officeemailid"),  # Indian English: the work address
        "emailfrom",  # Odoo's lead ("email_from")
        "emailwork",  # Pipedrive: Person - Email - Work
        "email1value",  # Google Contacts: E-mail 1 - Value
        "mail",
        "mainemail",  # QuickBooks' Main Email
        "emailaddr",  # Lyris ListManager's EMAILADDR_
        "emailadresse",  # German Outlook's E-Mail-Adresse
        "mailadresse",
        "mailaddress",  # a device's or a Japanese tool's ("Mail Address"; Canon's address book)
        "emailadres",  # Dutch
        "emailcontacto",  # Portuguese: a client's contact person's (Moloni)
        "adressedemessagerie",  # French Outlook
        "adresseemail",
        *("adressemail", "adressecourriel", "adresseelectronique"),  # French ("Adresse mail")
        "courriel",
        "correoelectronico",  # Spanish
        "correioeletronico",  # Portuguese (Brazil's company register)
        "enderecodeemail",  # Portuguese
        "epost",  # Scandinavian
        "adresemail",  # Polish
        "hauptemail",  # German ("Haupt-E-Mail": the main one; hitobito)
        "correo",  # Spanish (Dolibarr)
        *("epostadresse", "epostadress", "sahkoposti"),  # Norwegian, Swedish, Finnish
        *("epasts", "elpastas"),  # Latvian "E-pasts", Lithuanian "El. paštas"
        "emailpelanggan",  # Indonesian: the customer's
        "mailfromdropcontact",  # PhantomBuster's scrapes enriched by Dropcontact
        "direcciondecorreoelectronico",  # Spanish Outlook's "Dirección de correo electrónico"
        "indirizzopostaelettronica",  # Italian Outlook's "Indirizzo posta elettronica"
        "emailadresseburo",  # German Pipedrive's "Person - E-Mail-Adresse - Büro"
        # Thunderbird's primary address (German, French, Spanish, Portuguese, Dutch), Turkish WLM's
        *("primareemailadresse", "adresseelectroniqueprincipale", "direcciondecorreoelectronicoprincipal"),
        *("emailprimario", "eersteemail", "epostaadresi"),
        "memberemail",  # a membership's (WooCommerce Memberships' "member_email")
        *("emaildecontacte", "picemail"),  # Catalan: the contact's; Indonesian: the person in charge's
        "epost1",  # a contact list's first ("E-post 1": Puzzel's)
        # A donor database's (Little Green Light's "Preferred Email"), after all else: NPSP's is a picklist.
        *("preferredemail", "prefemail"),
        "askedemail",  # a form's question ("What is your email?"), after every column named for it
        *("homeemail", "personalemail", "privateemail"),  # the person's own, when nothing else names one
        "personalemailid",  # Indian English: a form's "Personal Email ID"
        "personalemailaddress",  # Adobe Experience Platform's XDM ("personalEmail_address")
    ),
    # "Job Title" before "Title": Outlook's Title is Mr. or Ms.
    "person.title": (
        "intituleduposte",  # HubSpot's French "Intitulé du poste"
        # Linked Helper's profiles: the current position, before the free-text "headline".
        *("currentcompanyposition", "organizationtitle1"),
        "stellenbezeichnung",  # German: the job's title (SuiteCRM's leads)
        *("nombredecargo", "nombredelcargo"),  # Spanish: the name of the post (beside its level)
        "jobtitle",
        "companyposition",  # an alumni tracer's graduates' job at their company
        "stanowisko",  # Polish: the position (a B2B CRM's contact's)
        "proftitle",  # DonorPerfect's professional title, beside its "title" (the salutation)
        "title",
        "position",
        "workposition",  # Bitrix24's users
        "jobposition",
        "positiontitle",  # an association's member (Tendenci)
        "currenttitle",
        "currentrole",  # a LinkedIn scraper's
        "linkedinjobtitle",  # PhantomBuster's profile scraper (2024)
        "primaryjobtitle",  # Crunchbase's people
        *("currentjobtitle", "businesstitle"),  # a recruiting tool's candidates, Workday's workers
        *("currentjob", "aktuelltjobb"),  # a recruiting tool's candidates (EasyCruit, English and Swedish)
        "currentpositiontitle",
        "aktuellestellenbezeichnung",  # German: a candidate's current job title (Frappe HR)
        *("cargoatual", "cargoocupacaoatual", "ocupacaoatual"),  # a Brazilian form's ("Cargo/Ocupação atual")
        "currentposition",  # an alumni directory's (Hivebrite), a Sales Navigator sheet's
        "worktitle",  # a club's members (ClubExpress's "work_title")
        "arbetstitel",  # Swedish
        "puestodetrabajo",  # Spanish (Dolibarr's contacts; a bare "Posición" is a rank, a playing position)
        "businesspuesto",  # Odoo's Spanish "Puesto de trabajo", read with its "de trabajo" as a qualifier
        "jobtitel",  # German HubSpot's "Jobtitel"
        "pekerjaan",  # Indonesian: an alumni list's occupation
        "post",  # Bitrix24's contacts ("POST": the position held)
        "posteoccupe",  # French prospecting databases' "Poste occupé" (Pharow's)
        "pracovnipozice",  # Czech "Pracovní pozice"
        "roleposition",  # 24SevenOffice's contacts ("ContactRolePosition")
        "employeetitle",  # a directory's (Google Workspace)
        "organization1title",
        "organizationtitle",  # Google Contacts' current format
        "occupation",  # a donations export's (campaign-finance rules ask each donor's); Google's personal one
        "designation",
        "headline",
        "fonction",  # French ("Function" in English B2B data is the department: not it)
        "postefonction",  # Dolibarr's "Poste/fonction"
        "positionfunktion",  # and "Position/Funktion"
        "cargo",  # Spanish, Portuguese
        "puesto",
        "functie",  # Dutch
        "functiecontactpersoon",  # Dutch: the contact person's job
        *("pozice", "pozicia"),  # Czech, Slovak: a position
        "functietitel",
        "berufsbezeichnung",  # German
        "stanowisko",  # Polish
        "posizione",  # Italian
        "qualifica",
        *("stilling", "stillingstittel", "befattning", "titteli"),  # Norwegian and Danish, Swedish, Finnish
        "tittel",  # Norwegian (last: Outlook's Norwegian "Tittel" before the names is the salutation)
        "askedjobtitle",  # a form's question ("What is your job title?"), after every column named for it
    ),
    "person.person_phone": (
        "mostprobablephone",  # FullEnrich's found number
        "workmobile",  # HiBob's employees' "work.workMobile"
        "celularpersonal",  # a Spanish staff directory's own mobile
        # A contact person's own, before a bare Phone beside it (an account's row: its switchboard).
        *("contactphone", "contactphonenumber"),
        "phone",
        "numerodetelefone",  # HubSpot's Portuguese "Número de telefone"
        "piphone",  # a grant's principal investigator
        "phonenumber",
        "businessphone",
        *("businesstelefon", "businessrufnummer"),  # German: "Rufnummer (geschäftlich)" (Windows)
        *("businesstelefone", "businesstelefono"),  # "Telefone comercial" under a contact's name (Kommo's)
        "workphone",
        "phonework",  # HumHub's "Phone Work", before its "Mobile"
        *("telephonebureau", "telephoneprofessionnel"),  # French: the office's line, before the mobile
        "directphone",
        "workdirectphone",
        "firstphone",
        "mobilephone",
        "mobile",
        "mobilenumber",
        "mobilephonenumber",
        "telephone",
        "directdial",
        "directphonenumber",  # ZoomInfo's legacy export
        "directdialphone",
        "directline",
        "phoneoffice",  # Lyris ListManager's PHONE_OFFICE_
        "phone1",
        "tel1",  # a Mexican distributor's "Tel1" before "Tel2"
        "primaryphone",
        *("numerodetelefono", "numerotelefono"),  # Spanish "Número de teléfono"
        *("numerodetelephonemobile", "numerodetelephonefixe"),  # French: the mobile, the landline
        *("numerodecontacto", "numerodecontato"),  # Bagisto's customers (Spanish, Portuguese)
        *("ceptelefonu", "sodienthoai", "soienthoai", "dienthoai", "ienthoai"),  # Turkish mobile; Vietnamese
        "primaryphonenumber",
        "phonemobile",
        "telephonemobile",  # French
        *("telefondecontacte", "pictelp", "pictelepon", "pichp", "picphone"),  # Catalan; Indonesian PIC
        *("mobiltelefonnummer", "hemtelefonnummer"),  # Swedish: the mobile, the home phone
        "cellphone",  # American English (OpenCATS's "Cell Phone", "phoneCell")
        "phonecell",
        "phone1fullnumber",  # Neon CRM's "Phone 1 Full Number (F)"
        *("voice", "phonevoice"),  # eTapestry's voice line ("Voice", "Phone - Voice"), before its mobile
        "sms",  # Brevo's contacts: the mobile number attribute ("SMS")
        "phone1value",
        "telefon",  # German
        "telefonnummer",
        "rufnummer",
        "mobiltelefon",
        "telmobile",  # French Outlook's Tél. mobile
        *("telportable", "telpro"),  # French (Dolibarr's members: "Tél portable", "Tél pro.")
        "telefondag",  # Swedish: the daytime phone (Abicart's "Telefon dag")
        "mobileperso",  # French "mobile perso" (Hivebrite's alumni)
        "telephoneportable",
        "telefono",  # Spanish, Italian
        "cellulare",  # Italian
        "tel",
        "movil",
        "telefonomovil",  # KAddressBook's and Outlook's Spanish "Teléfono móvil"
        "celular",  # Spanish, Portuguese
        "telemovel",  # European Portuguese
        "telefone",
        "telefoon",  # Dutch
        "telefoonnummer",
        *("mobiel", "mobielnummer"),  # Dutch ("Mobiel nummer")
        "numerodetelephone",  # French ("Numéro de téléphone")
        "numertelefonu",  # Polish
        "telkomorkowy",
        "portable",  # French: the mobile
        *("telepon", "nomortelepon"),  # Indonesian
        "telefonas",  # Lithuanian
        "contactmobile",  # a contact person's mobile (an aviation directory's "CONTACTMOBILE")
        "talrunis",  # Latvian "Tālrunis"
        *("nohp", "nomorhp", "notelepon", "noteleponpelanggan"),  # Indonesian: a mobile, a phone number
        *("nomorhpwa", "nohpwa"),  # Indonesian: a mobile that is also on WhatsApp ("Nomor HP/WA")
        *("telefonnecislo", "mobilnecislo"),  # Slovak
        *("telefonnr", "mobilnr"),  # Swedish, Norwegian
        "telefono1",
        "telefonecontacto",  # Portuguese: a client's contact person's (Moloni)
        "telefonkomorkowy",
        "dayphone",  # a membership plugin's (WP-Members)
        "telefonmobil",  # German (hitobito's "Telefonnummer Mobil", JVerein's "TelefonMobil")
        "telefonnummermobil",
        "handynummer",
        "handy",
        "mobilnummer",
        "telefonprivat",
        "daytimephone",
        "mobileno",  # Indian English (ERPNext's "Mobile No", Fineract's "Mobile no")
        "phoneno",
        "billingphone",  # a shop customer's own, last (Shopware's billing_phone_number)
        "addresstelephone",  # Magento 1's customers: the default address's "_address_telephone"
        "billingphonenumber",
        "officephone",  # SuiteCRM's, beside no mobile
        "homephone",  # the person's own, last (ChurchCRM)
        *("mobil", "puhelin", "puhelinnumero", "matkapuhelin"),  # Scandinavian, Finnish
        *("phonenumber1", "telefone1"),  # the first of numbered phones, after every other (SeekOut)
        *("whatsapp", "whatsappnumber", "numerowhatsapp"),  # a form's WhatsApp number: the person's mobile
        "textremindernumber",  # Calendly's invitee's, for text reminders
        "cellnumber",
        "urntel",  # RapidPro's (TextIt's) contacts: "URN:Tel"
        *("tunumero", "tunumerodetelefono"),  # a Spanish form's ("Tu número")
        "contactnumber",  # Indian English (a shop's customers, a dialer's call log: "Contact Number")
        *("telefonecomercial", "numerocelular", "telefonetrabalho", "telefonecelular"),  # Portuguese
        "teldienstlich",  # Thunderbird's German "Tel. dienstlich"
        *("telefonarbete", "telefonforetag"),  # Swedish address books' work phone
        *("preferredphone", "prefphone"),  # a donor database's, after all else: NPSP's is a picklist
        *("tlf", "telno", "telefonno"),  # Norwegian and Danish "tlf", Turkish "Tel No"
        *("telefonecontato", "telefonecontacto", "telefonodecontacto"),  # a supplier's contact's
        *("whatsappno", "whatsappnumber", "whatsapp"),  # a contact's WhatsApp number (India, Brazil)
        "askedphone",  # a form's question, after every column named for it
    ),
    "company.name": (
        # An Indian registration form's "Company/Instt" (an institute): the attendee's organisation.
        *("companyinstt", "companyinstitute", "companyinstitution"),
        "personcompany",  # weclapp's contacts: the person's company
        "nomerazaosocial",  # a Brazilian ERP's "Nome/Razão Social"
        "employersname",  # Handshake's career fairs' "Employers Name"
        "personcompanyname",  # Salesloft's people (R32, R75)
        "orgname",  # ActiveCampaign's contacts (R32, R75)
        *("salesaccounts", "salesaccount"),  # Freshsales' contacts: their account
        "companyincareof",  # Toastmasters' rosters: "Company / In Care Of"
        # A register's own names: INSEE's SIRENE (the legal unit's, the establishment's), GLEIF's, the
        # NPI registry's organisation providers.
        *("denominationunitelegale", "denominationusuelleetablissement", "entitylegalname"),
        "providerorganizationnamelegalbusinessname",
        "company",
        "companyaccountname",  # an account export's columns renamed with a "Company_" prefix (Dynamics)
        "nomeaccount",  # Salesforce's Italian "Nome account"
        "associatedcompanynamesprimary",  # HubSpot's deals: the primary associated company's name
        "businesslegalname",  # a licence register's business (New Mexico's cannabis licences)
        "kontoname",  # German: the account's name (SuiteCRM's leads)
        "companyname",
        "companynome",  # Portuguese "Nome da empresa" (Snov.io's), read as the company's "Nome"
        "companynombre",  # Spanish "Nombre empresa" (an Airtable base's)
        "unternehmensname",  # German HubSpot's "Unternehmensname"
        "clientcorporationname",  # Bullhorn's client contacts: their client corporation
        "primaryaffiliationname",  # NPSP's contacts: their primary affiliation's (their employer's) name
        "legalbusinessname",  # SAM.gov's entities
        "awardeename",  # an award's recipient organisation (NSF's awards, a grants register's)
        "firmname",  # a register's firm (openFDA's owner operator, FINRA's)
        "exhibitorname",  # a trade show's exhibitors ("exhibitor_name")
        *("japavadinimas", "imonespavadinimas"),  # Lithuanian: the legal entity's name (JAR)
        *("nazevskoly", "nazevfirmy", "nazevspolecnosti", "nazevorganizace"),  # Czech
        "accountname",
        "organization",
        "organisation",
        "organizationname",
        "organisationname",  # British (Insightly's leads, the UK's Contracts Finder)
        *("nameoftheorganization", "nameoftheorganisation", "nameoforganization", "nameoforganisation"),
        # A candidate's current employer (Frappe HR's referrals in German and Swedish).
        *("derzeitigerarbeitgeber", "aktuellerarbeitgeber", "aktuellarbetsgivare", "nuvarandearbetsgivare"),
        # A Brazilian form's employer ("Empresa/Instituição que trabalha", "Empresa onde trabalha").
        *("empresaquetrabalha", "empresaondetrabalha", "empresainstituicaoquetrabalha"),
        "orgname",  # a gift import's organisation donor (Raiser's Edge's "Org Name")
        "firm",  # SuperWebMailer's English recipients ("Firm"), a law or accounting firm's contacts
        "employer",
        "employername",
        "nameofemployer",
        "employeecompany",  # LinkedIn's Matched Audiences contact template
        "currentcompany",
        "firmenname1",  # the first line of two
        *("sirket", "sirketadi", "sirketad", "firmaad", "firmaadi"),  # Turkish "Şirket", "Firma Adı"
        # Turkish "Firma Ünvanı", "Ticari Ünvan": a firm's registered name (its dotless ı dropped or not)
        *("firmaunvan", "firmaunvani", "sirketunvan", "sirketunvani", "ticariunvan", "ticariunvani"),
        "denominazione",  # Italian invoicing's legal name (Danea Easyfatt)
        "companyorganization",  # Agora-Project's contacts
        "nomdelastructure",  # French associations' "Nom de la structure" (YesWiki's directory)
        *("nazevfirmy", "nazovfirmy"),  # Czech, Slovak (before "Firma": a yes/no flag beside it)
        "firmenname",  # before "Firma": hitobito's "Firma" is a yes/no flag beside it
        "firma",
        "unternehmen",
        "societe",
        "entreprise",
        "bedrijf",
        "bedrijfsnaam",
        "handelsnaam",  # Dutch: the trade name
        "virksomhedsnavn",  # Danish
        "naambedrijf",  # Dutch ("naam bedrijf")
        "ragionesociale",  # Italian: the registered name
        "nomeazienda",  # Italian ("Nome azienda")
        "nomentite",  # French ("Nom entité": Ekylibre)
        *("perusahaan", "namaperusahaan"),  # Indonesian
        *("namainstitusi", "namapartner", "namainstansi"),  # Indonesian forms: an institution's, a partner's
        "firmanavn",  # Norwegian
        "empresa",
        "azienda",
        "nazwafirmy",  # Polish
        "personnemorale",  # French: a member's legal entity (Galette)
        "societa",  # Italian "Società"
        "nomdentreprise",  # French "Nom d'entreprise" (Indy)
        *("nombredelacompania", "societecompte"),  # Dynamics' Spanish, Salesforce's French
        *("organizacaonome", "pessoaorganizacao"),  # Pipedrive's Portuguese "Organização - Nome"
        "fantasia",  # Brazilian "Fantasia", a company's trade name (Bling)
        *("nombredecuenta", "nombredelacuenta", "firmaaccount"),  # Zoho's Spanish, Salesforce's German
        # Outlook writes an "Account" column in every language beside its company's ("Bedrijf",
        # "Società"): a CRM's "Account" is its company only where no other column names
        # one in a language (before "Business", a "Display Name" that may be the person's).
        "account",
        "affiliation",  # a scholar's institution (a conference's or a journal's users)
        "institution",  # a learning platform's users (Moodle)
        *INSTITUTION_NAME,  # a library's members' (SLiMS's inst_name)
        "business",
        "currentemployer",
        "currentcompanyname",
        "displayname",  # Close: the lead is the company
        "leadname",
        "organization1name",  # Google Contacts
        "associatedcompanyprimary",  # HubSpot's table view
        "associatedcompany",  # HubSpot's contacts export
        "companynamecleaned",  # Seamless
        "nomdelentreprise",  # French
        *("nomdelasociete", "nomdelorganisation", "nomdelorganisme"),  # French (Kimai's clients)
        *("nombredelaorganizacion", "nomedaorganizacao"),  # Spanish (Krayin's persons), Portuguese
        "unternehmensbezeichnung",  # German (Kimai's customers)
        "enterprisename",  # Axelor's leads
        *("foretagorganisation", "organisasjon"),  # Swedish "Företag/organisation" (Abicart), Norwegian
        "nombredeempresa",  # Spanish (Kimai's clients)
        *("nazevspolecnosti", "foretagetsnamn"),  # Czech "Název společnosti", Swedish "Företagets namn"
        "firmaname",  # German "firma_name" (einzly's customers)
        "debiteurnaam",  # Dutch: a debtor's name (Nmbrs')
        "workcompany",  # a club's members (ClubExpress's "work_company")
        "raisonsociale",
        "nomraisonsociale",  # the French register's search API ("nom_raison_sociale")
        "raisonsocialesite",
        "obchodnijmeno",  # Czech: a business's registered name (ARES)
        "denumire",  # Romanian: a company's name (ANAF's "denumire")
        # Salesforce NPSP's primary affiliation, queried by its relationship (its organisation's name).
        *(
            "npspprimaryaffiliationrname",
            "primaryaffiliationrname",
            "primaryaffiliationname",
        ),  # the French health professionals' directory (RPPS): the practice's
        "nombredelaempresa",  # Spanish
        "nombredefantasia",  # Argentina's trade name, before the legal one (a sole trader's is their name)
        "razonsocial",
        "nombrecorporativo",  # Spanish: the corporate name (a travel network's agencies)
        "cuentaasociada",  # Spanish: a contact's "associated account" (Monday's, HubSpot's in Spanish)
        "denominacion",  # Spanish: a register's name of a firm (AFIP's "Denominación")
        "numefurnizor",  # Romanian: a supplier's name
        *("startup", "startupname"),  # a startup community's members: their startup
        "razaosocial",  # Portuguese
        "nomefantasia",  # Brazil's trade name
        *("entityname", "currententityname"),  # a register's entities (US secretaries of state)
        "businessname",  # a directory's listings (Yellow Pages scrapers)
        *("nombredelnegocio", "nomedonegocio", "nomdelentreprise"),  # Spanish, Portuguese, French
        *("businessentityname", "tradingname"),  # a register's (Australia's lobbyists: legal, trading)
        "primarybusinessname",  # the SEC's investment advisers
        "relatedcompany",  # Odoo's contacts: the company a person belongs to
        "entrycompany",  # osCommerce's address book (and its forks')
        # The name a business trades under (US business licences and inspections: "DBA", "DBA Name"),
        # after its legal name.
        *("dba", "dbaname", "doingbusinessas"),
        "nomedaempresa",  # Portuguese
        "organisatie",  # Dutch
        *("organizacion", "organizacao", "organizzazione"),  # Spanish, Portuguese, Italian
        *("organisme", "organism"),  # French (e-venement's organisations, and its English labels)
        # Norwegian, Swedish, Danish, Finnish.
        *("bedrift", "bedriftsnavn", "firmanavn", "foretak", "foretag", "foretagsnamn", "virksomhed"),
        *("virksomhet", "yritys"),
        *("uznemums", "imone", "ettevote"),  # Latvian "Uzņēmums", Lithuanian "Įmonė", Estonian "Ettevõte"
        *NORDIC_EMPLOYER,
        # Last: a shop's buyer's company, on the bill (their address stays theirs).
        *("billingcompany", "billingcompanyname", "invoicecompany"),
        "addresscompany",  # Magento 1's customers: the default address's "_address_company"
        "askedcompany",  # a form's question ("What company do you work for?"), after every other
    ),
    "company.website": (
        *("businesswebseite", "businesshomepage"),  # German "Webseite geschäftlich" before a private one
        *("firmenwebseite", "firmenwebsite", "firmenhomepage"),  # German: the firm's (Windows)
        "personcompanywebsite",  # Salesloft's people
        "companywebsite",  # first: beside it, a "Website" may be the person's own (a scraped profile's)
        "organizationwebsite1",  # Linked Helper's profiles: the current organisation's
        "website",
        "websiteurl",
        "websiteuri",  # Google Places' "websiteUri"
        "enderecoweb",  # Portuguese: the web address (PRIMAVERA's customers)
        "urldusiteweb",  # HubSpot's French "URL du site web"
        "websiteaddress",  # the SEC's investment advisers ("Website Address")
        "webaddress",  # SAP's business partners ("WEBADDRESS")
        "web",
        "webpage",
        # Thunderbird's address book: "Web Page 1" is the work page, "Web Page 2" the home one.
        "webpage1",
        "webseite1",
        "domain",
        "companydomain",
        "companydomainname",
        "domainname",  # Reply.io's accounts
        "websitedomain",
        "companywebsitedomain",
        "currentemployerdomain",
        "currentemployerwebsite",
        "homepage",
        "webseite",
        "siteweb",
        "nettsted",  # Norwegian
        "paginainicial",  # Portuguese "Página inicial" (Kimai's clients)
        "paginaprincipale",  # Italian (Kimai's clients)
        "pagedaccueil",  # French "Page d'accueil" (Kimai's clients)
        "adresseweb",
        "siteinternet",
        "sitioweb",
        "sitioeninternet",  # Mexican "Sitio en Internet" (INEGI's business directory)
        "websitesi",  # Turkish "Web Sitesi"
        "paginaweb",
        *("hjemmeside", "hemsida", "nettside", "webbplats", "kotisivu"),  # Nordic
        *("verkkosivut", "verkkosivu"),  # Finnish: web pages
        *("www", "stronawww", "wwwstranky", "adreswww"),  # Polish, Czech, Slovak, German exports' bare "WWW"
        "firmowastronasieciweb",  # Polish Windows Live Mail's business web page
        *("internet", "internetadresse", "webadresse"),  # German address software (Swoppen, DATEV)
        "homepageurl",  # Crunchbase's companies (beside a person's names, their own page)
        "businessurl",  # EGroupware's "url (business)", "URL geschäftlich", "url (pro)"
        "vendorwebsite",  # Sage 50's "Vendor Web Site" (a customer's only beside signs of a business)
        "companyurldirect",  # a job-board scraper's employer's own site (JobSpy), beside its page there
        *("organizationsite", "organisationsite", "companysite"),  # a scraper's ("organization_site")
        "sitiointernet",
        "stronainternetowa",  # Polish: a web page
        "domainnames",  # Zendesk's organizations (judged by their values: one domain a cell)
        "websitelink",
        # Last: the domain of an account's people's email (Copper's companies, a Salesforce report's
        # "Account: Email Domain"), where no column names its web site.
        "emaildomain",
    ),
    "company.lsid": ("lsid", "companylsid", "leadspaceid"),
    "company.address.country": (
        "country",
        "libellepays",  # a French register's country name (beside its code)
        "nazevstatu",  # Czech: the country's name (ARES' seat)
        "addrcountry",  # OpenStreetMap's tags ("addr:country"), as All The Places and OSM extracts write them
        "companycountry",
        "ulke",  # Turkish "Ülke"
        "nazione",  # Italian
        "countryregion",
        "paisoregion",  # Spanish Outlook's "País o región"
        "countriesname",  # osCommerce's countries table, joined to a customer's address
        "countryname",  # Bullhorn's "address.countryName"
        "billingcountry",
        "nazioneazienda",  # Italian: the company's country
        "principalcountry",  # a register's entity's principal office
        "countrycode",
        "countryisocode",
        "countryiso2code",  # OroCRM's addresses
        "countryiso2",
        "accountcountry",
        "hqcountry",
        "land",
        "pays",
        "pais",
        "paese",
        "landregion",  # German Outlook's Land/Region
        "staat",  # German and Swiss associations (JVerein)
        "paysregion",  # French Outlook's Pays/Région
        "countryterritoryregion",  # PitchBook's HQ Country/Territory/Region
        "countryorregion",  # Microsoft 365's
        *("landkode", "maa"),  # Norwegian, Finnish
        # Czech and Slovak first: beside "Země" a Czech "Kraj" is a region (Dolibarr's contacts).
        *("zeme", "krajina"),  # Czech, Slovak
        *("kraj", "krajregion"),  # Polish (Windows Live Mail's Kraj/region)
        *("riik", "drzava"),  # Estonian, Slovenian and Croatian ("Država")
        "forretningsadresseland",  # Tripletex's business address (Norwegian "Forretningsadresse - land")
        "beliggenhetsadresseland",  # the Norwegian register's sub-units' location
        "entityheadquartersaddresscountry",  # GLEIF's LEI records
        "providerbusinesspracticelocationaddresscountrycodeifoutsideus",  # the NPI registry's (NPPES)
        "negara",  # Indonesian
        *("payscode", "codepays"),  # French: the country's code (Dolibarr's "pays_code"), after "Pays"
    ),
    "company.address.state": (
        "provincialocal",  # an Argentine wholesale form's shop ("Provincia local"), beside the applicant's
        "state",
        "estadooprovincia",  # Salesforce's Spanish "Estado o provincia"
        "address1stateorprovince",  # Dataverse's accounts (before its "statecode": a record's status)
        "addrstate",
        "zonecode",  # a shop's "zone" is its state or province (LiteCart's, osCommerce's)
        "provincecode",  # Shopify's "Province Code"
        "entityheadquartersaddressregion",  # GLEIF's LEI records
        "providerbusinesspracticelocationaddressstatename",  # the NPI registry's (NPPES)
        "stateprovince",
        *("statename", "provincename"),  # a dealer locator's "Province Name"
        "stateprov",
        "stateregionprovince",  # DocuSign's users
        "stateregion",
        "province",
        "companystate",
        "billingstate",
        "principalstate",
        "uf",  # Brazil (unidade federativa)
        "stateorprovince",
        "statecode",
        "county",
        "bundesland",
        "provincia",
        "prov",  # an abbreviated province (a Canadian wholesaler's "Prov")
        "entidadfederativa",  # a Mexican state
        "uf",  # Brazil's "UF" (unidade federativa)
        "siglaprovincia",  # Italian: the province's two letters
        "provinsi",  # Indonesian
        "provincie",
        "depregion",  # French Outlook's Dép/Région
        "provincestate",  # Wave's and FreshBooks' Province/State
        "staatbundesland",  # KAddressBook's German Staat/Bundesland
        "provinciaoestado",  # Spanish Outlook's "Provincia o estado"
        "wojewodztwo",  # Polish
    ),
    "company.address.city": (
        "ciudadlocal",
        "faclocal",  # PRIMAVERA's customers: the invoicing ("faturação") address's locality
        "city",
        "addrcity",
        "cityname",
        *("citytown", "towncity"),  # the CMS's hospitals ("City/Town")
        "companycity",
        *("companyvisitcity", "companyvisitpostarea"),  # 24SevenOffice's visiting address
        "forretningsadressested",  # Tripletex's
        *("forretningsadressepoststed", "beliggenhetsadressepoststed"),  # the Norwegian register's
        "libellecommuneetablissement",  # INSEE's SIRENE establishments
        "libellecommune",  # the French register's search API (its "commune" is the INSEE code)
        "nazevobce",  # Czech: the municipality's name (ARES' seat)
        "entityheadquartersaddresscity",  # GLEIF's LEI records
        "providerbusinesspracticelocationaddresscityname",  # the NPI registry's (NPPES)
        *("linn", "krajposte"),  # Estonian; Slovenian "Kraj pošte" (the post office's town)
        "billingcity",
        "cittaazienda",  # Italian: the company's ("Città azienda": Benchmark Email)
        "principalcity",
        "town",
        "towncity",  # Australia's charity register (Town_City)
        "locality",
        "stadt",
        "ort",
        "ville",
        "commune",  # French: the municipality
        "nomdelaville",
        "plaats",
        "ciudad",
        "citta",
        "comune",  # Italian: the municipality
        *("kabkot", "kabupatenkota"),  # Indonesian: a regency or a city
        "localita",  # Italian
        "cidade",
        "localidad",
        "poblacion",
        "woonplaats",
        "stad",  # Dutch, Swedish (Yoursminc's "STAD")
        "posttown",  # British (Companies House)
        *("poststed", "postort", "postitoimipaikka"),  # Norwegian, Swedish, Finnish
        "miasto",  # Polish
        "villesiege",  # French: the head office's town
        "miejscowosc",  # Polish: the town
        "mesto",  # Czech, Slovak
        "kota",  # Indonesian
        *("sehir", "kaupunki"),  # Turkish "Şehir", Finnish
        "localidade",  # Portuguese
        "municipio",  # Spanish (Colombia, Mexico)
        "municipality",  # a register's or an open-data file's town
        *("pilseta", "miestas"),  # Latvian "Pilsēta", Lithuanian
    ),
    "company.address.street": (
        "facmor",  # PRIMAVERA's customers: the invoicing address's "morada"
        "physicaladdress1",  # Sage Pastel's first line of the physical address
        "acikadres",  # Turkish: the address line ("Açık Adres") beside the province and district
        "nazevulice",  # Czech: the street's name (ARES' seat)
        "direccionlocal",
        "street",
        "addrstreetaddress",  # All The Places' whole street line; OSM's "addr:street" has no number
        *("faturaadres", "faturaadresi"),  # Turkish: the invoice address (a Cari card's)
        "streetaddress",
        "street1",
        "streetaddress1",  # Square's customers ("Street Address 1")
        "callenumero",  # Spanish: "Calle Numero", the street and its number
        *("adresszeile1", "adresszeile"),  # German "Adresszeile 1" (Zen Cart's German customers)
        "address1",
        "companyvisitstreet",  # 24SevenOffice's visiting address
        "forretningsadresselinje1",  # Tripletex's
        *("forretningsadresseadresse", "beliggenhetsadresseadresse"),  # the Norwegian register's
        "libellevoieetablissement",  # INSEE's SIRENE establishments (the house number is apart)
        "entityheadquartersaddressfirstaddressline",  # GLEIF's LEI records
        "providerfirstlinebusinesspracticelocationaddress",  # the NPI registry's (NPPES)
        *("aadress", "naslov", "ulicaacislo"),  # Estonian, Slovenian, Slovak "Ulica a číslo"
        *("adresse1", "adres1", "direccion1"),  # German and French, Polish and Dutch, Spanish (EPESI)
        "direccionprincipal",
        "addressline1",
        "streetaddressline1",  # Constant Contact's "Street address line 1 - Work"
        "addr1",
        "companystreet",
        "billingstreet",
        "indirizzoaziendale",  # Italian: the company's street
        *("principaladdress", "principaladdress1"),
        "logradouro",  # Brazil
        "addressone",
        "addresslineone",  # Sage 50's "Address-Line One"  # Pardot's Address One
        "strasse",
        "rue",
        "voie",  # French: the street (acceslibre's "voie")
        *("strassenummer", "strasseundhausnummer"),  # German "Straße + Nummer"
        "calle",
        "rua",
        "straat",
        *("gateadresse", "gatuadress", "katuosoite"),  # Norwegian, Swedish, Finnish
        "ulica",  # Polish
        "ulice",  # Czech
        "adresselinje1",  # Norwegian, Danish
    ),
    "company.address.postalcode": (
        "postalcode",
        "faccp",  # PRIMAVERA's customers: the invoicing address's postal code
        "addrpostcode",
        "zip",
        "zipcode",
        "companyvisitpostcode",  # 24SevenOffice's visiting address
        "forretningsadressepostnummer",  # Tripletex's
        "beliggenhetsadressepostnummer",  # the Norwegian register's sub-units
        "codepostaletablissement",  # INSEE's SIRENE establishments
        "entityheadquartersaddresspostalcode",  # GLEIF's LEI records
        "providerbusinesspracticelocationaddresspostalcode",  # the NPI registry's (NPPES)
        "postiindeks",  # Estonian
        "postakodu",  # Turkish
        "cp",  # French "CP" (code postal)
        "zippostalcode",
        *("zippostal", "postalzip"),  # a print shop's locations ("Zip/Postal")
        "zippostcode",  # Kimai's ZIP / Postcode
        "ziporpostalcode",  # Microsoft 365's
        "postalcodeorzip",
        "postcode",
        "companypostalcode",
        "billingpostalcode",
        "capazienda",
        "principalzipcode",
        "billingzip",
        "companyzip",
        "postal",
        "plz",
        "postleitzahl",
        "codepostal",
        "codigopostal",
        "cep",  # Brazil
        "cap",  # Italy
        *("postnummer", "postnr", "postinumero"),  # Nordic
        "pincode",  # India's (Tally's ledgers)
        "postalcodezipcode",  # Wave's postal_code/zip_code
        "kodpocztowy",  # Polish
        "psc",  # Czech, Slovak
        "kodepos",  # Indonesian
    ),
}


# Plural names (Attio's "Email addresses", Freshsales' "Contact : Emails", Webex's "Phone Numbers"): a
# cell may hold several values, or a JSON list (RocketReach's "emails"), so such a column is sent only
# when the rows read hold one value per cell (refine()), in a file of people.
_KNOWN = frozenset(a for aliases in ALIASES.values() for a in aliases)


PLURALS: dict[str, tuple[str, ...]] = {
    "person.email": ("emails", "emailaddresses", "correoselectronicos"),  # Krayin's Spanish persons
    "person.person_phone": ("phones", "phonenumbers", "numerosdecontacto", "numerosdecontato"),
}


# Address columns: the company's when prefixed so (Salesforce Billing*, Apollo Company City), the
# person's when prefixed so (Salesforce contacts' Mailing*, Seamless Contact City).
# An invoicing tool's client and vendor are organisations (Invoice Ninja's "Client City", "Vendor Name").
COMPANY_PREFIX = (
    r"^(billing|shipping|company|account|hq|organization|organisation|business|primary|work|client|vendor|"
    r"agency|supplier|regaddress|registeredaddress|registeredoffice|headquarters|"
    # A register's entity's physical address (SAM.gov's "physicalAddress.city", FMCSA's "PHY_CITY"), an
    # award's recipient organisation (NSF's "awardeeCity").
    r"physicaladdress|phy(?=street|city|state|zip|country|nation)|awardee|"
    # A licensed premise's address (a state's cannabis or liquor licences: "premise_city").
    r"premises?(?=street|city|state|zip|postal|country)|"
    # An office's address (Sahana Eden's staff: "Office City", the SEC's advisers' "Main Office City"); its
    # location or its phone is no sign.
    r"(?:main)?office(?=street|city|postcode|postalcode|zip|country|state|address)|"
    # A company's columns abbreviated ("COMPADDRESS1", "COMPCITY", "COMPWEBADDRESS" beside "CONTACT*").
    r"comp(?=address|city|state|zip|postal|country|web)|"
    # An organisation's object in JSON Lines ("org": {"name", "domain"}), flattened "org.domain".
    r"org(?=domain|website|url|city|state|country|zip|postal|address|street))"
)


PERSON_PREFIX = r"^(mailing|contact|person|home|other|lead)"


# A company prefix that says the company's only when the file names a company (SugarCRM's "Primary
# Address City" beside "Account Name"); in a file of people with no company, NationBuilder's
# "primary_city" is the person's own.
# So does an office's address (Sahana Eden's staff beside their Organisation; a list of doctors'
# offices names no company).
WEAK_COMPANY_PREFIX = ("primary", "office")


# SAP's customer and vendor master tables (KNA1, LFA1) replicated by their field names: read only
# where three or more of them stand together ("Name1" alone is many a tool's first name line).
SAP_FIELDS = {
    **dict.fromkeys(("kunnr", "lifnr"), "id"),
    "name1": "companyname",
    "stras": "street",
    "ort01": "city",
    "pstlz": "postalcode",
    "regio": "state",
    "land1": "country",
    **dict.fromkeys(("knurl", "lfurl"), "website"),
}


# TOTVS Protheus' tables by their fields' own names: SA1's customers ("A1_NOME"), SA2's suppliers
# ("A2_NOME"), SUS's prospects ("US_NOME"). Their phone and email are the firm's; "A1_PAIS" is a
# central bank's country code and "A1_COD_MUN" a municipality's: neither is read.
PROTHEUS_TABLE = re.compile(
    r"^(?:a1|a2|us)(cod|nome|nreduz|end|mun|est|cep|email|tel|hpage|contato|cgc|bairro)$"
)
# FactuSOL's tables by their field codes (F_CLI's clients "NOFCLI", F_PRO's suppliers "POBPRO").
FACTUSOL_TABLE = re.compile(r"^(cod|nof|noc|dom|pob|cpo|pro|pai|web|tel|ema|nif)(cli|pro)$")
FACTUSOL_FIELDS = {
    "cod": "id",
    "nof": "companyname",  # its legal name ("nombre fiscal")
    "noc": "dba",  # its trade name
    "dom": "street",
    "pob": "city",
    "cpo": "postalcode",
    "pro": "state",
    "pai": "country",
    "web": "website",
    "tel": "companyphone",
    "ema": "companyemail",
    "nif": "taxid",
}
PROTHEUS_FIELDS = {
    "cod": "id",
    "nome": "companyname",
    "nreduz": "dba",
    "end": "street",
    "mun": "city",
    "est": "state",
    "cep": "postalcode",
    "email": "companyemail",
    "tel": "companyphone",
    "hpage": "website",
    "contato": "contactname",
    "cgc": "cnpj",
    "bairro": "district",
}

_CODED_BLOCKS = ("billing", "shipping", "mailing", "other")
_TRADE_NAMES = ("dba", "dbaname", "doingbusinessas")
# An organisation named by its kind: a healthcare organisation (Veeva's "hco_name"), a hospital, a
# clinic, a practice, a pharmacy, an establishment (an inspector's), a dealer, an agency, a broker's
# or a carrier's firm.
KIND_NAMES = (
    *("hconame", "hospitalname", "clinicname", "practicename", "pharmacyname", "establishmentname"),
    *("estabname", "dealername", "dealershipname", "agencyname", "brokername", "carriername"),
    *("institutionname", "schoolname", "hospital", "clinic", "dealership", "pharmacy"),
    # Mexico's DENUE, a German state's school list.
    *("nomestab", "nombreestablecimiento", "schulbezeichnung", "schulbezeichnung1"),
    # A trade show's list of its exhibitors (English, French, Spanish, Italian); not a lead scan's
    # "Exhibitor" (the one who scanned the badge).
    *("exhibitors", "exposants", "expositores", "espositori"),
    # An accounting tool's debtors (Omni Accounts' "Debtor Name"), Sage Pastel's "Customer Description".
    *("debtorname", "customerdescription"),
    # A Turkish account's title ("Unvan", "Firma Unvanı"), a Swedish customer register's "Kundnamn".
    *("unvan", "kundnamn"),
)


def names_of_persons(names: set[str]) -> bool:
    """Whether a header's normalised names name a person: a given, family, whole or bare name."""
    return bool(
        names & {*ALIASES["person.first_name"], *ALIASES["person.last_name"], *BARE_NAME, "fullname", "imya"}
    )


_STATUS = re.compile(r"(lead|deal|order|ticket|opportunity|task|case|workflow|record)")  # "Lead State"


def names_of_people(normalized: list[tuple[str, str]]) -> bool:
    """Whether SAP's fields are a contact person's table (KNVK: "NAMEV" beside "NAME1")."""
    return any(n in ("namev", "parnr") for n, _ in normalized)


# The records whose "(Do Not Modify)" key is the row's own id in a Dynamics 365 export: a lead, a
# contact, an account, in English, German, French, Spanish, Dutch, Italian and Portuguese.
DYNAMICS_OBJECTS = (
    *("lead", "contact", "account", "kontakt", "firma", "prospect", "compte", "clientepotencial"),
    *("contacto", "cuenta", "contactpersoon", "contatto", "contato", "conta"),
)


# What follows a company prefix and is still the person's: "billing firstname" (a membership plugin's
# billing contact) is no sign of a company in the file.
PERSON_AFTER_PREFIX = (
    "firstname",
    "lastname",
    "fullname",
    "name",
    "email",
    "emailaddress",
    "phone",
    "phonenumber",
    "mobile",
    "telephone",  # OrangeHRM's work_telephone: the employee's
    "title",  # Shopware's billing_title (Dr., Prof.)
    "salutation",
    "status",  # and an employee's or an applicant's "Work Status": no company's column (Arcoro's)
)


# Address blocks named by a short prefix before the address words, in the order one is chosen when
# the values do not choose: Xero's "SACity" (the street address) before "POCity" (the postal one).
# Only one block is ever sent.
ADDRESS_BLOCKS = (("street address", ("sa", "physical")), ("postal address", ("po", "postal")))


# A column whose name starts with "_" is a system column (Magento's "_website" is the store's website
# code, Stitch's "_sdc_batched_at"): never sent.
SYSTEM_COLUMN = "_"


def system_column(column: str) -> bool:
    """Return whether a column is a system column (its name starts with "_"): never sent. Magento 1's
    customers export writes the default address so ("_address_city", "_address_telephone"), and a
    document store's export its record's own key ("_id": MongoDB's, lemlist's)."""
    name = column.lstrip()
    if name.startswith("_") and name.endswith("@OData.Community.Display.V1.FormattedValue"):
        return False  # Dataverse's lookup by its shown value ("_parentcustomerid_value@...": the account)
    return name.startswith(SYSTEM_COLUMN) and not name.startswith("_address_") and name.rstrip() != "_id"


# The person's own country, best first: a home or "other" address is not where they work.
_PERSON_COUNTRY_PREFIXES = ("mailing", "contact", "person", "lead")


# A tool's name before a header ("Apollo Contact Id", "ZoomInfo Company ID") says nothing of the field,
# nor a mailing list's merge tag (Mailtrain's "MERGE_FIRST_NAME").
_TOOL_PREFIX = re.compile(
    r"^(apollo|zoominfo|hubspot|salesforce|sfdc|marketo|pardot|zoho|pipedrive|seamless|dynamics|lgl|givebutter|"
    r"crunchbase|rocketreach|lusha|close|zoom|klaviyo|nationbuilder|merge|"
    r"champadditionnel)(?=.)"  # and a French form's extra fields (HelloAsso's "Champ additionnel: Pays")
)


# The person's fields under a prefix (Close's primary_contact_email, Pipedrive's Person - Email).
_PERSON_FIELD_PREFIX = re.compile(
    # And an employer's point of contact (the US Labor Department's "EMPLOYER_POC_FIRST_NAME").
    r"^(primarycontact|accountcontact|customercontact|clientcontact|contact|person|prospect|lead|executive|employerpoc|"
    # A Marketing Cloud data extension's "CF_Campaign_Member_Email": the campaign member's.
    r"pointofcontact|(?:cf)?campaignmember)(?=.)"
)


# An import template's required or optional marks: "*ContactName", "First Name (required)", "Email
# (Optional)", "Nom (obligatoire)".
REQUIRED_MARK = re.compile(
    r"^\s*\*+\s*|\s*[(\[]\s*(required|optional|mandatory|obligatoire|facultatif|pflicht|pflichtfeld|"
    r"erforderlich|obligatorio|opcional|obrigat[oó]rio|obbligatorio|facoltativo|verplicht|必須|任意)\s*[)\]]\s*$",
    re.IGNORECASE,
)


# A code's own prefix on a column's name: Zen Cart's EasyPopulate "v_customers_id", JTL-Shop's
# "cVorname", "cMail" (a character column).
# Neither a caps-lock "cOMPANY NAME" nor a marketplace's vendor columns ("v_email").
_CODE_PREFIX = re.compile(
    r"^(?:v_(?=(?:customers|entry|orders|manufacturers|billing|delivery)_)|c(?=[A-Z][a-z]))"
)


# A platform's suffix for its fields' API names: Veeva's ("first_name_cda__v", "vid__v"). Not a
# Salesforce custom field's "__c" (nor a person account's "__pc"): an org's own fields, often an older
# copy of a standard one (a contact's "Country__c" beside its Mailing address).
_API_SUFFIX = re.compile(r"(?:_cda)?__v\s*$")


def unmarked(column: str) -> str:
    """A column's name without an import template's marks, a code's prefix and a platform's suffix."""
    return _API_SUFFIX.sub("", _CODE_PREFIX.sub("", REQUIRED_MARK.sub("", column)))


# The role an export gives the row's person: an event's ticket holder (Tito's "Ticket First Name",
# "Attendee Email"), an invitee, a donor ("Donor's First Name"), a buyer, a subscriber. Read past only
# for names, email, phone and company, and only in a file without the person's own unprefixed names
# or email (a registrant's "Email" beside a "Guest First Name" is two people: never mixed).
_ROLE_PREFIX = re.compile(
    r"^(ticketholder|ticket|attendee|registrant|participant|guest|invitee|donors|donor|buyer|subscriber|"
    r"patron|speaker|customers|customer|billing|candidate|vendor|supplier|recipient|empfanger|kunden|"
    # A sign-up sheet's ("Sign-up Email", German "Helfer E-Mail"); a booking's (SavvyCal's "scheduler").
    r"signup|volunteer|helfer|tenant|scheduler|booker)(?=.)"
)


# A field of the customer named after it ("E-Mail des Kunden", "Téléphone du client"): read as the
# customer's (German, French, Spanish, Portuguese, Italian, Dutch).
GENITIVE = re.compile(
    r"^(.+?)\s+(?:(?:des|der|du|de la|del|do|da|dell[ao]|van de)\s+"
    r"(?:kunden|kundin|client|cliente|klant|k(?:ae|ä)ufers|k(?:ae|ä)uferin)"  # eBay.de's "des Käufers"
    # French puts the row's role after the field: "Prénom candidat", "E-mail occupant", "Fonction du
    # bénéficiaire" (a job board's candidates, a housing report's occupants, a grant's beneficiaries).
    r"|(?:du\s+|de\s+l'|de la\s+)?(?:candidat|candidate|occupant|occupante|b[eé]n[eé]ficiaire|payeur|"
    r"participante?)"  # an event's participant (HelloAsso's "Prénom participant")
    r"|(?:du|del)\s+(?:volontaire|voluntario))$"  # a sign-up sheet's volunteer (French, Spanish)
    # Spanish the same, with an underscore too: "Email_cliente", "Telefono cliente" (a marketplace's orders).
    r"|^(e-?mail|correo|tel[eé]fono|celular|m[oó]vil|nombre|apellidos?)[_\s]+(?:cliente|comprador)$",
    re.IGNORECASE,
)


# Columns that hold a website only when their values say so (a LinkedIn profile is not a
# website): left out by the headers, taken by refine() when the values are company sites.
URL_COLUMNS = (
    *("url", "companyurl", "link", "weburl", "accounturl"),
    # A bare "site" (French, Portuguese, a scraper's; Salesforce's "Account Site" is a place), Spanish
    # "Sitio", Polish "Strona" (a page).
    *("site", "sitio", "strona"),
    *("sitoweb", "sitointernet"),  # Italian: a web site (Salesforce's "Sito Web"), read by its values
    "sites",  # a scrape's "Sites" (one per row)
)


# A place's listing (a maps or a directory scraper's businesses): its reviews, its opening hours, its
# place on the map. With no person columns, the rows are businesses, and a "title" is one's name.
LISTING = (
    "reviewcount",
    "numberofreviews",  # a maps scraper's (omkarcloud's "number_of_reviews")
    "reviewrating",
    "reviewsrating",
    "reviewscount",
    "totalreviews",
    "pluscode",
    "placeid",
    "googlemapsurl",
    "googlemapslink",
    "openhours",
    "openinghours",
    "businesshours",
    "logourl",  # a business directory's (Gelbe Seiten scrapers): people have pictures
)


# An organisation's registration number, which no person has: one alone says the rows are
# organisations (a registry's, a supplier list's), so their email and phone are theirs.
ORG_NUMBER = (
    *("orgnr", "orgnummer", "organisasjonsnummer", "organisationsnummer"),  # Norwegian, Swedish
    *("kvk", "kvknummer", "ytunnus", "cvr", "cvrnummer"),  # Dutch, Finnish, Danish
    *("siren", "siret", "cif", "nipc", "cnpj"),  # French, Spanish, Portuguese, Brazilian
    "uscc",  # Chinese: an enterprise's unified social credit code ("纳税人识别号")
    "ico",  # Czech, Slovak ("IČO"; a bare "IC" is a Malaysian identity card's)
    # Polish, Estonian, Danish, Romanian (not Polish KRS: an Indonesian student's study plan card).
    *("regon", "registrikood", "cvrnummerregnummer", "regcomp"),
    # Estonian, Lithuanian, Latvian and Ukrainian registers' open data.
    *("ariregistrikood", "jakodas", "imoneskodas", "edrpou"),  # not "regcode": an event's too
)


# An account's id, or a register's number of an organisation: the row's own record only in a file
# without people (in a people export it is the parent record's, or their employer's).
ACCOUNT_IDS = (
    *("accountid", "companyid", "organizationid", "businessid", "firmaid", *_REGISTER_NUMBERS),
    # An accounting tool's customer account (Sage Pastel's "Account Code"), Salesforce's case-safe
    # account id, SAP's business partner.
    *("accountcode", "accountid18", "partnerid", "businesspartnerid"),
)


def registered_beside_people(fields: dict[str, str | list[str]], normalized: list[tuple[str, str]]) -> bool:
    """Whether the record id sent is a register's number beside a person's names or job (a list of
    company directors): their company's, not the row's."""
    if normalize_header(str(fields.get("external_id"))) not in ACCOUNT_IDS:
        return False
    return bool({"person.first_name", "person.last_name"} & set(fields)) or any(
        n in ALIASES["person.title"] for n, _ in normalized
    )


def registered(names: set[str]) -> bool:
    """Whether the rows are organisations by their registration number: one with no company column
    beside it (a registry's, a supplier list's) and no job title; beside "Bedrijfsnaam" it is the
    employer's, beside "Titel" the row a person's."""
    other = set(ALIASES["company.name"]) - set(BARE_NAME) | set(ALIASES["person.title"]) | set(_OTHER_PARTY)
    other.add("cpf")  # a Brazilian list of people and companies: each row fills its CPF or its CNPJ
    return bool(names & set(ORG_NUMBER)) and not names & other


# A row's own signs of a person, beside which a contact's name is no account's contact (an
# emergency contact beside a pupil's gender, a patient's date of birth).
NOT_AN_ACCOUNT = (
    *("jobtitle", "title", "surname", "gender", "sex", "dateofbirth", "birthday", "birthdate", "age"),
    *("geburtsdatum", "geschlecht", "datedenaissance", "sexe", "fechadenacimiento", "sexo", "genero"),
    *("datadenascimento", "datadinascita", "sesso", "geboortedatum", "geslacht", "datanarodzenia", "plec"),
    *("syntymaaika", "sukupuoli", "fodelsedatum", "fodselsdato", "datumnarozeni", "pohlavi"),
)
# Another party the number may be of: the person's employer, the contact's client.
_OTHER_PARTY = (*EMPLOYER, "arbeitgeber", "cliente", "client", "customer", "kunde", "klient")


# A person's own web page, beside only their employer's name (a scholar's, a donor's).
# An account file's bare "URL" (Dolibarr's third parties), Italian "Sito Web" (a supplier master's): the
# account's site; beside people only (a buying group's users), their own page.
ACCOUNT_SITES = ("url", "sitoweb", "sitointernet", "site")  # and a places scrape's "site" (Outscraper)
OWN_PAGE = ("website", "webpage", "homepage", "web", "url", "personalwebsite", "blog", "homepageurl")


# A file's account evidence: with it and no person columns, a bare "Name" is the company's.
# A company's founding and funding (Crunchbase's, a startup list's): no person is founded. All of them
# count as one sign: a list of founders beside their startups' funding is people's.
FUNDING = (
    *("founded", "foundedat", "foundedon", "foundeddate", "foundedyear", "yearfounded", "foundingyear"),
    *("fundingtotalusd", "totalfunding", "totalfundingamount", "fundingrounds", "numberoffundingrounds"),
    *("lastfundingat", "lastfundingtype", "lastfundingdate", "lastfundingamount"),
)
ACCOUNT_EVIDENCE = (
    *LISTING,
    "attributestype",  # a Salesforce record through its API ("attributes.type"), beside a bare Name
    "website",
    "domain",
    "domains",  # a help desk's or a customer-success tool's accounts (Front's, Desk.com's, Planhat's)
    "emaildomain",  # Copper's companies (its people's email domain), a report's "Account: Email Domain"
    "industry",
    "clientsize",  # an invoicing tool's clients (Invoice Ninja)
    "incorporationnumber",  # a bank's corporate clients (Fineract)
    "incorporationdate",
    "dateofincorporation",
    # The headcount in the languages detection reads (Dolibarr's "Número de Empleados").
    *("numerodeempleados", "empleados", "anzahlmitarbeiter", "effectif", "effectifs"),
    *("nombredemployes", "numerodidipendenti", "dipendenti", "aantalmedewerkers", "medewerkers"),
    "employees",
    "numberofemployees",
    "annualrevenue",
    # A VAT number only an enterprise registers (Estonian KMKR, a Slovenian VAT payer), a business's
    # legal form, a headcount (Dolibarr's Polish and Estonian third parties). Not a bare NIP (an
    # Indonesian civil servant's staff number) nor a Czech DIČ (beside IČO, a contact's own firm's).
    *("kmkrnumber", "vatid", "zavezaneczaddv", "davcnastevilka", "numerodetva"),  # French "Numéro de TVA"
    *("virksomhedsform", "typkontrahenta", "liczbazatrudnionych", "tootajatearv"),
    *("numfiscal", "iddoiva", "numerodeempregados"),  # Spanish, Portuguese (FacturaScripts', Dolibarr's)
    "duns",
    "sector",
    *("booth", "boothnumber", "boothno"),  # a trade show's exhibitors (their booth): companies
    *("supplierid", "suppliercode", "suppliernumber", "supplierno"),  # a procurement list's suppliers
    "parentid",
    "parentcompany",
    "accountid",
    "organizationid",
    "companyid",
    "accountnumber",
    "ownership",
    "tickersymbol",
    "taxnumber",  # an invoicing tool's customers and vendors (Akaunting)
    "vatnumber",
    "partitaiva",  # Italian
    *ORG_NUMBER,
    "contactscount",  # a CRM's accounts (Fat Free CRM)
    *("personcount", "numerodepersonas", "quantidadedepessoas"),  # Krayin's organizations (es, pt_BR)
    *("gstin", "gstinuin", "gstnumber", "gstno"),  # India's GST registration: a business's (Vyapar, Tally)
    "opportunitiescount",
    *FUNDING,
)


# What only a shop, a billing system or a community keeps of its own people, never a CRM of a lead (a
# CRM's contacts may have a gender or a birthday: HubSpot's all-properties export).
CONSUMER = (
    "acceptsemailmarketing",
    "acceptsmarketing",
    "totalspent",
    "totalorders",
    "noofpurchase",
    "numberofpurchases",
    "lastlogin",  # a member's of a community or a shop (a CRM's contacts never log in)
    "lastloginat",  # an identity provider's users (Authgear)
    "password",  # a site's own accounts, exported with their passwords (CS-Cart's users)
    *(
        "passwort",
        "motdepasse",
        "contrasena",
        "senha",
        "wachtwoord",
        "haslo",
        "haso",
    ),  # "Hasło" folds to haso  # (JTL-Shop's "cPasswort")
    # A person's birthplace, their parents' phones (an association's or a school's own people).
    *("birthplace", "placeofbirth", "lieudenaissance", "geburtsort", "luogodinascita", "lugardenacimiento"),
    # A nonprofit's own people: its members, its events' participants, its donors' households.
    *("membershiptype", "membershipstatus", "membersince", "membershipid", "membershipstartdate"),
    *("participantstatus", "participantrole", "participantid", "householdname", "deceased", "deceaseddate"),
    *(
        "household",
        "householdid",
        "totalcontributions",
        "recurringcontributions",
        "totalsoftcredits",
    ),  # Givebutter
    # A donation's or a gift's own columns: the donor's address is their home (Benevity's reports).
    *("donationdate", "donationamount", "donationfrequency", "giftdate", "giftamount"),
    "salt",
    "customersdob",  # a shop's customer's birthday (osCommerce and its forks)
    "rewardpoints",  # a shop's loyalty scheme
    "totalbelanja",  # Indonesian: a shop customer's total spent
    "rewardtotal",
    "loyaltypoints",
    # An employer's own records of its employees (an HR report): their identity papers (a marital
    # status is no sign: HubSpot's contacts have one).
    "ssn",
    "ssnnumber",
    "socialsecuritynumber",
    "drivinglicense",
    "drivinglicensenumber",
    "driverslicense",
    "driverslicensenumber",
    "passportnumber",
    *("cpf", "rg", "numerosus", "rendamensal"),  # Brazil's personal tax and identity numbers, income
    *("tckimlikno", "tckimlik", "curp", "nss", "personnummer", "henkilotunnus"),  # Turkey, Mexico, Nordic
    *("nadherent", "numerodadherent", "numeroadherent"),  # a French association's member number
    *("cartedadherent", "montantadhesion"),  # its membership card and fee (HelloAsso's memberships)
    "nicnumber",
)
# Signs only in twos (one alone is in B2B files too: a HubSpot "Consent" property, a QuickBooks
# customer's "Taxable").
CONSUMER_WEAK = (
    *("consent", "taxable", "taxexempt", "istaxexempt", "sendnewsletter"),
    *("coupon", "coupons", "couponcode", "discountcode"),  # a shop's orders
    "isguest",  # a shop's guest checkout (nopCommerce)
    "receivername",  # a parcel's receiver (VTEX's orders)
)


# Account evidence a person may have too (their own site, a B2B customer's tax number).
PERSONS_TOO = ("website", "domain", "taxnumber", "vatnumber", "partitaiva", "accountnumber")


# The person's own names, unprefixed: beside them, a display name is the person's too.
PERSON_OWN_NAMES = ("firstname", "lastname", "fullname", "givenname", "username")


# Under a role, these are no job's title: a ticket's or a guest's title, a speaker's headline.
NO_JOB = ("title", "headline", "designation")


# Aliases too loose to fall back to when the chosen column is empty (Thunderbird's Display Name is
# the person's; Outlook's Title is Mr. or Ms.).
NO_FALLBACK = ("displayname", "leadname", "account", "business", "employer", "title", "headline", "id")


_NAME_ALIASES = (
    *("firstname", "lastname", "fullname", "name", "contactname", "personname", "givenname"),
    "imya",  # Russian "Имя": a given name beside a family name, a whole name alone
    "nomecompleto",  # Portuguese
    "nomprenom",  # French "Nom & prénom", "Nom prénom" (Paheko)
    "nomcomplet",
    *("maincontact", "contatoprincipal", "contactoprincipal", "основнойконтакт"),  # Kommo's leads
)


# A family name only beside a given name (French "Nom" next to "Prénom"; alone it may be anything's name),
# and a given name only beside a family name (Portuguese "Nome" next to "Sobrenome"; alone, a whole name).
# A bare "Name" beside a given name is the family name (JVerein's "Name", "Vorname"; Galette's "Name",
# "First name"); beside a family name it is the whole name.
LAST_NAME_BESIDE_FIRST = ("nom", "name", "nume")  # and Romanian "Nume" beside "Prenume"
# Czech, Slovak "Jméno", "Meno"; Turkish "Adı" (folded "ad": alone, an advertisement's).
FIRST_NAME_BESIDE_LAST = ("nome", "nombre", "imya", "jmeno", "meno", "ad", "vards", "vardas")


# Address words that say a place only under a business qualifier (German Outlook's "Region
# geschäftlich" is its business state): a bare "Region", or an account's or a company's, is as often a
# sales region (EMEA, West).
# So is Spanish and Portuguese "Estado": bare, it is as often a record's status.
PREFIXED_ONLY: dict[str, tuple[str, ...]] = {"company.address.state": ("region", "estado")}
# A bare "Estado" between two places sent is the state (Brazil's, Mexico's); a "Region" there is as
# often a sales territory (EMEA).
BETWEEN_PLACES = ("estado",)


_ADDRESS = (
    "company.address.country",
    "company.address.state",
    "company.address.city",
    "company.address.street",
    "company.address.postalcode",
)


def fold(name: str) -> str:
    """Return a header lower-cased with its accents dropped: "Société" is "societe", "Straße" "strasse",
    Turkish "Açık Adres" "acik adres" (its dotless ı is an i)."""
    decomposed = unicodedata.normalize("NFKD", name.lower().replace("ß", "ss").replace("ı", "i"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


# A note in brackets after a column's name that says how to fill it, not what it holds (Google
# Workspace's "First Name [Required]", "New Status [UPLOAD ONLY]"); any other bracketed word may say
# whose the column is ("Phone [Emergency Contact]") and stays part of the name.
_NOTE = re.compile(
    r"\s*\[\s*(required|optional|mandatory|upload only|read only|must be in [^\]]*|obligatoire|"
    r"pflichtfeld|obligatorio)\s*\]",
    re.IGNORECASE,
)
# The language a column is written in, after its name ("Company Name (English)", "Company Name
# (Chinese)", "公司名称（英文）"): the same field; the first of them is sent.
_LANGUAGE = re.compile(
    r"\s*[(（]\s*(english|en|eng|chinese|cn|zh|japanese|jp|korean|kr|local|native|latin|romani[sz]ed|"
    r"英文|中文|英語|日本語|영문|국문|한글)\s*[)）]\s*$",
    re.IGNORECASE,
)
_LANGUAGE_CODE = re.compile(r"(?i)^(.+?)_(en|th|zh|cn|ja|jp|ko|kr|ar|ru|vi|id|local|eng)$")
_FORMULA = re.compile(r"\s+\(F\)\s*$")  # Neon CRM's mark of a computed field ("Full Name (F)")
_WRAPPED = re.compile(r"^\s*\[([^\]]+)\]\s*$")  # "[Email]": the name, in brackets
# A directory's attribute after its label (Entra ID's bulk template: "First name [givenName]", "User
# name [userPrincipalName] Required"): the label says the field. A bracket with spaces ("Phone
# [Emergency Contact]") says whose it is and stays.
_ATTRIBUTE = re.compile(r"^(\w.*?)\s+\[[A-Za-z][A-Za-z0-9]*\](\s*required)?\s*$", re.IGNORECASE)
_MAPI = re.compile(r"^PR_(?=[A-Z])")  # a MAPI property's tag (Kopano's contact2csv "PR_GIVEN_NAME")


# Letters of other scripts (Greek, Cyrillic, Hebrew, Arabic, Thai, Hangul, kana and kanji) are kept
# only to read a whole header of such a script (below); a bilingual one ("Email/邮箱",
# "メールアドレス(Email)") is read by its Latin letters, as before.
_NOT_KEPT = re.compile(
    r"[^a-z0-9\u0370-\u03ff\u0400-\u04ff\u0590-\u05ff\u0600-\u06ff\u0e00-\u0e7f\u1100-\u11ff"
    r"\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]"
)


def normalize_header(name: str) -> str:
    """Return a header name reduced to lower-case letters and digits, accents folded and a note on
    how to fill it dropped; a Japanese export's header is read as its English name."""
    name = _NOTE.sub("", _WRAPPED.sub(r"\1", _MAPI.sub("", name)))
    name = _LANGUAGE.sub("", name)
    if (coded := _LANGUAGE_CODE.match(name)) and (fold(coded[1]).replace("_", "") in ("name", "companyname")):
        name = coded[1]  # a register's "name_en" beside its "name_th": the name, in a language
    name = _FORMULA.sub("", name)
    name = _ATTRIBUTE.sub(r"\1", name)
    folded = fold(name)
    kept = _NOT_KEPT.sub("", folded)
    latin = re.sub(r"[^a-z0-9]", "", folded)
    if kept != latin and re.search(r"\(\s*(id|no|code)\s*\)\s*$", folded):
        return _SCRIPTS.get(kept, kept)  # "都道府県(ID)": the prefecture's id, not the row's
    if kept != latin and kept not in _SCRIPTS:
        # A Japanese label with its address's kind: "番地 (請求先)" is the billing street.
        # Only an address's parts (and the workplace's name): "請求先名" is the bill-to party's whole
        # name, often a company's, and a bill-to email no person's.
        for word, prefix in _SCRIPT_QUALIFIERS.items():
            base = kept.removesuffix(word) if kept.endswith(word) else kept.removeprefix(word)
            if base != kept and _SCRIPTS.get(base) in _QUALIFIED_PARTS:
                return prefix + _SCRIPTS[base]
    numbered = re.fullmatch(r"(\D+?)(\d{1,2})", kept) if kept != latin and kept not in _SCRIPTS else None
    if numbered and numbered.group(1) in _SCRIPTS:  # "住所1": the first address line
        return _SCRIPTS[numbered.group(1)] + numbered.group(2)
    if kept not in _SCRIPTS and kept != latin and kept.endswith(("会社名", "企業名")):
        return "companyname"  # a kind of firm's name ("調査会社名": a survey firm's)
    if kept not in _SCRIPTS and kept != latin and kept.endswith(("会社コート", "企業コート")):
        return "companyid"
    if kept not in _SCRIPTS and kept != latin and kept.endswith("ホームヘーシアトレス"):
        return "website"  # a facility's "案内用ホームページアドレス" (its home page's address)
    return _SCRIPTS.get(kept) or latin


# Japanese business-card and CRM exports (Eight, Sansan, CAMCARD): whole headers, folded as above
# (a voiced mark is dropped with the accents: "メールアドレス" is "メールアトレス").
_JAPANESE = {
    "氏名": "fullname",
    "お名前姓": "lastname",  # EC-CUBE's お名前(姓), お名前(名)
    "お名前名": "firstname",
    "姓": "lastname",
    "名": "firstname",
    "会社名": "companyname",
    "業種": "industry",
    "識別子": "id",  # a customer database's own identifier
    "企業名": "companyname",
    "部署名": "department",
    "部署": "department",
    "役職": "jobtitle",
    "メールアトレス": "email",
    "ウェフサイト": "website",  # ウェブサイト, its voiced mark dropped (not a homepage: a member's own)
    "従業員番号": "employeeid",
    "社員番号": "employeeid",
    "携帯電話": "mobilephone",
    "携帯番号": "mobilephone",
    "tel直通": "directphone",
    "直通電話": "directphone",
    "郵便番号": "postalcode",
    "都道府県": "state",
    "市区町村": "city",
    "市区町村以降": "street",  # "what follows the municipality": the street and number (CyberMail)
    "住所": "address",
    "国": "country",
    "メール": "email",  # a booking system's users (LibreBooking), a shop's members (Welcart)
    "eメール": "email",
    "電話": "phone",
    "電話番号": "phone",
    "会員no": "memberid",
    "顧客番号": "customerid",  # a customer master's number, its id, its code
    "顧客id": "customerid",
    "顧客コード": "customerid",
    "顧客名": "customername",  # a person or a firm, as the values say
    "会員id": "memberid",
    "市区郡町村": "city",
    "名前": "fullname",
    "取引先会社名": "companyname",  # a client's company (MiiTel)
    "取引先名": "companyname",  # an SFA's accounts ("取引先名(必須)": required)
    "取引先担当者名": "contactname",
    # An accounting system's customer master (PCA's 得意先: the customer firm): its code, its name.
    "得意先コード": "customercode",
    "得意先名": "companyname",
    "得意先名1": "companyname",
    "先方担当者名": "contactname",  # the counterparty's person in charge
    "担当者名": "contactname",  # a partner's person in charge (a kintone app's)
    "支払先正式名称": "companyname",  # a payee's official name (a kintone app of partner firms)
    "会社名1": "companyname",
    "部課": "department",
    "所属": "affiliation",  # a user's organisation (LibreBooking's Japanese users)
}
# Whole Japanese headers written with the accents they keep (folded like the headers they match).
_JAPANESE_MORE = {
    "顧客企業名": "companyname",  # a CRM's account (F-RevoCRM)
    "組織名": "companyname",
    "法人名": "companyname",  # a corporation's name (the register gBizINFO's, a bank's corporate clients)
    "正式名称": "companyname",  # an institution's official name (the health ministry's facility lists)
    "企業ホームページ": "website",
    "携帯電話番号": "mobilephone",
    "勤務先電話番号": "workphone",
    "番地": "street",
    "市町村区": "city",
    # Salesforce's Japanese address parts ("町名・番地(請求先)", "市区郡(請求先)": the billing street, city).
    "町名・番地": "street",
    "町名番地": "street",
    "市区郡": "city",
    "リード番号": "leadid",
    # 宛名職人's address book: the company block (its "会社〒" folds to 会社, the company: not read)
    "役職名": "jobtitle",
    "会社電話": "businessphone",
    "会社URL": "companywebsite",
    "会社住所1": "businessstreet",
}

# Russian exports (a booking system's users, a CRM's contacts), by whole header.
_RUSSIAN = {
    "Имя": "imya",  # the given name beside a family name; alone, a whole name (Leyka's donors)
    "Фамилия": "lastname",
    "ФИО": "fullname",
    "ФИО руководителя": "contactperson",
    "Контактное лицо": "contactperson",
    "Телефон": "phone",
    "Мобильный телефон": "mobilephone",
    "Рабочий телефон": "workphone",  # amoCRM's contacts: the work phone, beside a direct line
    "Рабочий прямой телефон": "directline",
    "Домашний телефон": "homephone",
    "Электронная почта": "email",
    "Рабочий email": "workemail",
    "Личный email": "personalemail",
    "Другой email": "otheremail",
    "Другой телефон": "otherphone",
    "Полное имя контакта": "contactfullname",
    "Полное имя": "fullname",
    "Организация": "organization",
    "Название компании": "companyname",
    "Компания": "company",
    "Должность": "jobtitle",
    "Город": "city",
    "Страна": "country",
    "Домен": "domain",  # a company's web domain
    "Название": "nazvanie",  # an organisation's (or a thing's) name, never a person's: conventions.py
    "Наименование": "companyname",  # an organisation's name, never a person's (1C's counterparties, 2GIS)
    "КодКлиента": "customerid",  # Access's Northwind in Russian ("Борей"): a customer's, a supplier's code
    "КодПоставщика": "supplierid",
    "ОбращатьсяК": "contactname",  # the contact person to address ("Обращаться к")
    "Адрес": "address",
    "Веб-сайт": "website",
    "Почтовый индекс": "postalcode",
    "Индекс": "postalcode",
    "Регион": "region",  # read as the English "Region": the state only under a company prefix
    "Область": "state",
    "Сайт": "website",
    "Идентификатор": "id",
    "Отчество": "middlename",
    "Телефоны": "phones",  # sent only when each cell holds one (refine())
    # amoCRM's leads with their contact's and company's columns ("(контакт)", "(компания)"), Bitrix24's
    "Должность (контакт)": "jobtitle",
    "Рабочий телефон (контакт)": "workphone",
    "Мобильный телефон (контакт)": "mobilephone",
    "Рабочий email (контакт)": "workemail",
    "Название (компания)": "companyname",
    "Сайт компании": "companywebsite",
    "Корпоративный сайт": "companywebsite",
}

# Ukrainian exports (a CRM's leads: HostCMS), by whole header.
_UKRAINIAN = {
    "Ім'я": "imya",  # as the Russian "Имя"
    "Прізвище": "lastname",
    "Найменування": "companyname",  # a register's company (ЄДР's "Найменування")
    "Повне найменування": "companyname",
    "Код ЄДРПОУ": "edrpou",  # the register's code of a company
    "ПІБ керівника": "contactperson",  # the company's head, named whole: the row's person
    "По батькові": "middlename",
    "Ідентифікатор": "id",
    "Компанія": "company",
    "Назва компанії": "companyname",
    "Організація": "organization",
    "Посада": "jobtitle",
    "Телефон": "phone",
    "Телефони": "phones",
    "Мобільний телефон": "mobilephone",
    "Електронна пошта": "email",
    "Адреса": "address",
    "Місто": "city",
    "Країна": "country",
    "Поштовий індекс": "postalcode",
    "Індекс": "postalcode",
    "Сайт": "website",
}


def _whole(text: str) -> str:
    return _NOT_KEPT.sub("", fold(text))


# Chinese exports (a CRM's customers, contacts and leads; a shop's users), by whole header.
_CHINESE = {
    "姓名": "fullname",
    "联系人姓名": "fullname",
    "联系人": "contactname",
    "员工姓名": "fullname",  # an employee's whole name (JeeSite's users)
    "用户姓名": "fullname",
    "客户名称": "companyname",  # a B2B CRM's customer: the organisation
    # CamCard's Traditional Chinese cards: the first company, its title
    "公司1": "companyname",
    "職位1": "jobtitle",
    "職位": "jobtitle",
    "公司名称": "companyname",
    "官方网站": "website",  # an exhibitor directory's official site
    "州省": "state",  # "州/省"
    "公司": "company",
    "单位名称": "companyname",
    "职位": "jobtitle",
    "职务": "jobtitle",
    "手机": "mobilephone",
    "手机号": "mobilephone",
    "手机号码": "mobilephone",
    "电话": "phone",
    "联系电话": "phone",
    "邮箱": "email",
    "电子邮箱": "email",
    "电子邮件": "email",
    "主要电子邮件": "email",  # Thunderbird's Simplified Chinese "Primary Email"
    "姓氏": "lastname",  # Thunderbird's
    "地址": "address",
    "详细地址": "streetaddress",  # the street, after the province and city chosen
    "省份": "state",
    "城市": "city",
    "国家": "country",
    "邮编": "postalcode",
    "邮政编码": "postalcode",
    "网址": "website",
    "省": "state",
    "市": "city",
    "岗位": "jobtitle",
    "工号": "employeeid",
    "用户id": "userid",
    "用户序号": "userid",
    "用户编号": "userid",
    "员工编号": "employeeid",
    "员工编码": "employeeid",
    "岗位名称": "jobtitle",
    "职位名称": "jobtitle",
    "企业名称": "companyname",
    "企业": "companyname",  # WeCom's external contacts: their enterprise (its 客户名称 is the person)
    "原始企业名称": "companyname",  # a cleaning workbook's company as given (beside the register's)
    "归属公司": "companyname",
    "机构全称": "companyname",  # an organisation's full name (JeeSite's offices)
    "城市名称": "city",
    "所在城市": "city",
    "省份名称": "state",
    "联系地址": "address",
    "统一社会信用代码": "uscc",
    "社会信用代码": "uscc",
    "用户邮箱": "email",
    "编号": "id",
    "名称": "name",  # an ERP's customers and suppliers (jshERP): the organisation's
    "真实姓名": "fullname",
    "客户姓名": "fullname",
    "所属客户": "companyname",  # a contact's customer (RanZhi)
    "所属企业": "companyname",
    "所属职位": "jobtitle",
    "网站": "website",
    "会员卡号": "memberid",
    "会员账号": "memberid",  # a shop's member account (Niushop), its number (likeshop)
    "会员编号": "memberid",
    "纳税人识别号": "uscc",  # a taxpayer's number: an enterprise's (the unified social credit code)
    # Traditional characters (Taiwan, Hong Kong).
    "編號": "id",
    "真實姓名": "fullname",
    "所屬客戶": "companyname",
    "公司名稱": "companyname",
    "郵箱": "email",
    "電子郵件": "email",
    "手機": "mobilephone",
    "網址": "website",
    "網站": "website",
    "公司网站": "website",
    "企业网站": "website",
    "公司網站": "website",
    "客户编号": "customerid",
    "客戶編號": "customerid",
    "客户id": "customerid",
    "供应商编号": "supplierid",
    "職稱": "jobtitle",
}

# DATEV's business-partner file (German accounting's exchange format): one row is a company or a
# person, each name column says which ("Adressatentyp", the addressee's type).
_DATEV = {
    "Name (Adressatentyp Unternehmen)": "companyname",
    "Name (Adressatentyp natürl. Person)": "lastname",
    "Vorname (Adressatentyp natürl. Person)": "firstname",
    # The same in DATEV's own EXTF column row ("Adressattyp")
    "Name (Adressattyp Unternehmen)": "companyname",
    "Name (Adressattyp natürl. Person)": "lastname",
    "Vorname (Adressattyp natürl. Person)": "firstname",
}

# Vietnamese shop and accounting exports (KiotViet's customers and suppliers), by whole header.
_VIETNAMESE = {
    "Tên nhà cung cấp": "suppliername",
    "Mã nhà cung cấp": "supplierid",
    "Mã khách hàng": "customerid",
    "Mã KH": "customerid",  # the customer's code, abbreviated
    "Khách hàng": "customer",  # the customer: a person or a firm, as the values say
    "Địa chỉ": "address",
}

# Korean exports (a community's or a shop's members: Gnuboard), by whole header.
_KOREAN = {
    "아이디": "userid",
    "이름": "imya",  # a given name beside 성 (Korean Outlook); alone, a whole name (Remember)
    "ID 번호": "organizationalidnumber",  # Korean Outlook's: no record's id
    "전자 메일 주소": "email",  # Korean Outlook's and Remember's
    "직함": "jobtitle",
    "근무처 전화": "businessphone",
    # Korean Outlook's work address block
    "근무지 주소 번지": "businessstreet",
    "근무지 구/군/시": "businesscity",
    "근무지 시/도": "businessstate",
    "근무지 우편 번호": "businesspostalcode",
    "근무지 국가/지역": "businesscountry",
    "성명": "fullname",
    "구매자명": "buyername",  # a shop's buyer (Naver SmartStore's orders)
    "구매자연락처": "buyerphone",
    "이메일": "email",
    "이메일 주소": "email",  # a Korean newsletter's subscribers (Stibee's "이메일 주소")
    "휴대폰번호": "mobilephone",
    "휴대폰": "mobilephone",
    "휴대전화": "mobilephone",
    "전화번호": "phone",
    "회사명": "companyname",
    "연락처": "phone",
    "상호": "companyname",  # a business's trade name (the registers' 상호, 상호명)
    "상호명": "companyname",
    "인터넷도메인": "website",  # the FTC's mail-order register: the shop's internet domain
    "통신판매번호": "companyregistrationnumber",  # its mail-order registration number: the row's own
    "거래처명": "companyname",  # an ERP's business partners (ECOUNT's 거래처)
    "거래처코드": "customerid",
    "회사": "company",
    "직책": "jobtitle",
    "직위": "jobtitle",
    "부서": "department",
    "주소": "address",
    "웹사이트": "website",  # not 홈페이지 (a homepage): a member site's people's own (Gnuboard's)
    "모바일": "mobilephone",
    "핸드폰": "mobilephone",
    "우편번호": "postalcode",
    "국가": "country",
    "최근접속일": "lastlogin",  # a site's own members: their last login, their points
    "포인트": "rewardpoints",
}

# Persian exports (an accounting tool's people: Hesabix), by whole header.
_PERSIAN = {
    "نام خانوادگی": "lastname",
    "نام و نام خانوادگی": "fullname",
    "نام شرکت": "companyname",
    "شرکت": "company",
    "پست الکترونیکی": "email",
    "ایمیل": "email",
    "تلفن همراه": "mobilephone",
    "موبایل": "mobilephone",
    "تلفن": "phone",
    "وب سایت": "website",
    "کشور": "country",
    "استان": "state",
    "شهر": "city",
    "شهرستان": "city",
    "کد پستی": "postalcode",
    "آدرس": "address",
    "سمت": "jobtitle",
}

# Arabic exports (a school's students: openSIS; a CRM's contacts), by whole header.
_ARABIC = {
    "الاسم الأول": "firstname",
    "اسم العائلة": "lastname",
    "الاسم كامل": "fullname",
    "الاسم الكامل": "fullname",
    "البريد الإلكتروني": "email",
    "هاتف": "phone",
    "الهاتف": "phone",
    "رقم الهاتف": "phone",
    "الجوال": "mobilephone",
    "رقم الجوال": "mobilephone",
    "الشركة": "company",
    "اسم الشركة": "companyname",
    "اسم المؤسسة": "companyname",  # the organisation's name (Krayin's persons)
    "الاسم": "name",  # the name (Krayin's persons: a person's whole name)
    "المعرف": "id",  # the identifier
    "أرقام الاتصال": "phonenumbers",  # contact numbers (Krayin's persons: a plural)
    "المسمى الوظيفي": "jobtitle",
    "المدينة": "city",
    "الدولة": "country",
    "البلد": "country",
    "الرمز البريدي": "postalcode",
    "الموقع الإلكتروني": "website",
    "هوية الطالب": "studentid",
    "اسم العميل": "customername",  # the customer's name (a sales team's leads)
    "الإيميل": "email",
    "العنوان": "address",
    # "The site": a web site or a place ("الرياض - حي العليا"); its values tell which.
    "الموقع": "website",
}


# Outlook's contacts export in Dutch, Italian and Russian, by whole header: each address block's
# parts, read as the English export's ("Business Street", "Home City", "Other Postal Code").
def _outlook(blocks: dict[str, tuple[str, ...]], parts: tuple[str, ...]) -> dict[str, str]:
    return {k: prefix + part for prefix, keys in blocks.items() for k, part in zip(keys, parts, strict=True)}


_OUTLOOK_PARTS = ("street", "city", "state", "postalcode", "country")
_OUTLOOK = {
    **_outlook(
        {
            "business": (
                "Werkadres, straat",
                "Werkadres, plaats",
                "Werkadres, provincie",
                "Werkadres, postcode",
                "Land/regio (werk)",
            ),
            "home": (
                "Huisadres, straat",
                "Huisadres, plaats",
                "Huisadres, provincie",
                "Huisadres, postcode",
                "Land/regio (thuis)",
            ),
            "other": (
                "Ander adres, straat",
                "Ander adres, plaats",
                "Ander adres, provincie",
                "Ander adres, postcode",
                "Land/regio (anders)",
            ),
        },
        _OUTLOOK_PARTS,
    ),
    **_outlook(
        {
            "business": (
                "Via (uff.)",
                "Città (uff.)",
                "Provincia (uff.)",
                "CAP (uff.)",
                "Paese/area geografica (uff.)",
            ),
            "home": (
                "Via (ab.)",
                "Città (ab.)",
                "Provincia (ab.)",
                "CAP (ab.)",
                "Paese/area geografica (ab.)",
            ),
            "other": (
                "Altra via",
                "Altra città",
                "Altra provincia",
                "Altro CAP",
                "Altro paese/area geografica",
            ),
        },
        _OUTLOOK_PARTS,
    ),
    **_outlook(
        {
            "business": (
                "Улица (раб. адрес)",
                "Город (раб. адрес)",
                "Область (раб. адрес)",
                "Индекс (раб. адрес)",
                "Страна или регион (раб. адрес)",
            ),
            "home": (
                "Улица (дом. адрес)",
                "Город (дом. адрес)",
                "Область (дом. адрес)",
                "Почтовый код (дом.)",
                "Страна или регион (дом. адрес)",
            ),
            "other": (
                "Улица (другой адрес)",
                "Город (другой адрес)",
                "Область (другой адрес)",
                "Индекс (другой адрес)",
                "Страна или регион (другой адрес)",
            ),
        },
        _OUTLOOK_PARTS,
    ),
    **_outlook(
        {
            block: tuple(
                f"{name} - {part}"
                for part in ("ulica", "miejscowość", "województwo", "kod pocztowy", "kraj/region")
            )
            for block, name in (
                ("business", "Adres służbowy"),
                ("home", "Adres domowy"),
                ("other", "Inny adres"),
            )
        },
        _OUTLOOK_PARTS,
    ),
    # Windows Live Mail's Turkish contacts ("İş" the work block, "Ev" the home one).
    **_outlook(
        {
            "business": ("İş Cadde", "İş Şehir", "İş Posta Kodu", "İş Ülke/Bölge"),
            "home": ("Ev Cadde", "Ev Şehir", "Ev Posta Kodu", "Ev Ülke/Bölge"),
        },
        ("street", "city", "postalcode", "country"),  # "İş İl" folds to "isil", a library's ISIL
    ),
    # The phones: the work one is the person's, the company's switchboard and the home one are not.
    # (Italian "Ufficio" and "Abitazione" are read as written: elsewhere an office, a dwelling.)
    **dict.fromkeys(
        ("Telefoon op werk", "Telefoon werk", "Телефон раб. 2", "Telefon służbowy", "İş Telefonu"),
        "businessphone",
    ),
    **dict.fromkeys(("Główny telefon do firmy",), "companymainphone"),
    "İş Unvanı": "jobtitle",
    **dict.fromkeys(("Telefoon thuis", "Телефон дом. 2"), "homephone"),
    **dict.fromkeys(
        ("Hoofdtelefoon bedrijf", "Telefono principale società", "Основной телефон организации"),
        "companymainphone",
    ),
    **dict.fromkeys(("Mobiele telefoon", "Телефон переносной"), "mobilephone"),
    "Адрес эл. почты": "email",
    "Веб-страница": "webpage",
}


# Where the person lives, by whole header (a hotel's guests: HotelDruid's Italian, English, Spanish;
# and the usual wordings): read as their home country, never the company's.
_RESIDENCE = dict.fromkeys(
    (
        *("Country of Residence", "Country of Residency", "Nation of Residency", "Nazione di Residenza"),
        *("Paese di Residenza", "Nación de Residencia", "País de Residencia", "Pays de Résidence"),
    ),
    "homecountry",
)

# Greek, Hebrew, Thai, Bulgarian, Turkish, Hungarian, Romanian, Indonesian and Malay, and more
# Vietnamese: the common fields' names as local apps and CRMs export them, by whole header (a Latin
# one only where no alias reads it already: "Mobil", "Firma" keep their German readings). A bare
# given name ("Όνομα", "Име", "Ad") is one beside a family name, else a whole name (as "Имя").
_MORE_LANGUAGES = {
    "איש קשר": "contactperson",  # Hebrew: an account's contact person
    # Hebrew: the companies registrar's number, street and city names.
    "מספר חברה": "companynumber",
    "שם רחוב": "street",
    "שם עיר": "city",
    # Greek: a register's business title, address, postal code, municipality and region.
    "ΤΙΤΛΟΣ": "companyname",
    "ΕΠΩΝΥΜΙΑ": "companyname",
    "ΔΙΕΥΘΥΝΣΗ": "address",
    "ΔΗΜΟΣ": "city",
    "ΠΟΛΗ": "city",
    "ΠΕΡΙΦΕΡΕΙΑ": "state",
    "ΤΗΛΕΦΩΝΟ": "phone",
    # Arabic: a CRM's customer code, the person in charge, the contact number, the email.
    "كود العميل": "customerid",
    "المسؤول": "contactperson",
    "رقم التواصل": "phone",
    "البريد الالكتروني": "email",
    "البريد الإلكتروني": "email",
    # Russian: a marketplace seller's id and its shop's name.
    "Айди продавца": "sellerid",
    "Наименование магазина": "companyname",
    # Vietnamese: the tax code (a register's own number), the enterprise.
    "Mã số thuế": "companynumber",
    "Doanh Nghiệp": "companyname",
    "Doanh nghiệp": "companyname",
    # Slovenian, Croatian, Serbian and Bosnian (Latin); not "Naslov" (Slovenian address, Croatian title)
    "Ime": "imya",
    "Priimek": "lastname",
    "Prezime": "lastname",
    "Ime in priimek": "fullname",
    "Ime i prezime": "fullname",
    "Elektronska pošta": "email",
    "E-naslov": "email",
    "Mobilni telefon": "mobilephone",
    "Mobitel": "mobilephone",
    "Adresa": "address",
    "Poštanski broj": "postalcode",
    "Poštna številka": "postalcode",
    "Država": "country",
    "Podjetje": "company",
    "Tvrtka": "company",
    "Naziv tvrtke": "companyname",
    "Preduzeće": "company",
    "Delovno mesto": "jobtitle",
    "Radno mjesto": "jobtitle",
    "Spletna stran": "website",
    "Web stranica": "website",
    # Greek
    "Όνομα": "imya",
    "Επώνυμο": "lastname",
    "Ονοματεπώνυμο": "fullname",
    "Εταιρεία": "company",
    "Επωνυμία": "companyname",
    "Τηλέφωνο": "phone",
    "Κινητό": "mobilephone",
    "Κινητό τηλέφωνο": "mobilephone",
    "Ηλεκτρονικό ταχυδρομείο": "email",
    "Διεύθυνση": "address",
    "Οδός": "street",
    "Πόλη": "city",
    "ΑΦΜ": "vatnumber",  # a tax number, a firm's or a trader's
    "Τ.Κ.": "postalcode",
    "ΤΚ": "postalcode",
    "Ταχυδρομικός κώδικας": "postalcode",
    "Χώρα": "country",
    "Νομός": "state",
    "Θέση": "jobtitle",
    "Ιστοσελίδα": "website",
    # Hebrew
    "שם פרטי": "firstname",
    "שם משפחה": "lastname",
    "שם מלא": "fullname",
    "אימייל": "email",
    'דוא"ל': "email",
    "דואר אלקטרוני": "email",
    "טלפון": "phone",
    "נייד": "mobilephone",
    "טלפון נייד": "mobilephone",
    "חברה": "company",
    "שם החברה": "companyname",
    "שם חברה": "companyname",
    "כתובת": "address",
    "רחוב": "street",
    "עיר": "city",
    "מיקוד": "postalcode",
    "מדינה": "country",
    "תפקיד": "jobtitle",
    "אתר": "website",
    "אתר אינטרנט": "website",
    "מזהה": "id",
    # Thai
    "ชื่อ": "imya",
    "นามสกุล": "lastname",
    "ชื่อ-นามสกุล": "fullname",
    "ชื่อ นามสกุล": "fullname",
    "อีเมล": "email",
    "อีเมล์": "email",
    "โทรศัพท์": "phone",
    "เบอร์โทร": "phone",
    "เบอร์โทรศัพท์": "phone",
    "เบอร์ติดต่อ": "phone",
    "เบอร์มือถือ": "mobilephone",
    "บริษัท": "company",
    "ชื่อบริษัท": "companyname",
    "ที่อยู่": "address",
    "จังหวัด": "state",
    "รหัสไปรษณีย์": "postalcode",
    "ประเทศ": "country",
    "ตำแหน่ง": "jobtitle",
    "เว็บไซต์": "website",
    # Bulgarian
    "Име": "imya",
    "Фамилия": "lastname",
    "Имейл": "email",
    "Имейл адрес": "email",
    "Електронна поща": "email",
    "Мобилен телефон": "mobilephone",
    "Фирма": "company",
    "Име на фирмата": "companyname",
    "Град": "city",
    "Пощенски код": "postalcode",
    "Държава": "country",
    "Длъжност": "jobtitle",
    "Уебсайт": "website",
    # Turkish
    "Ad Soyad": "fullname",
    "Adı Soyadı": "fullname",
    "Ad": "imya",
    "Adı": "imya",
    "Telefon Numarası": "phone",
    "Görevi": "jobtitle",
    "Pozisyon": "jobtitle",
    # Hungarian
    "Vezetéknév": "lastname",
    "Keresztnév": "firstname",
    "Teljes név": "fullname",
    "Cégnév": "companyname",
    "Cég": "company",
    "Cég neve": "companyname",
    "Telefonszám": "phone",
    "Cím": "address",
    "Utca": "street",
    "Utca, házszám": "street",
    "Város": "city",
    "Település": "city",
    "Irányítószám": "postalcode",
    "Ország": "country",
    "Megye": "state",
    "Beosztás": "jobtitle",
    "Weboldal": "website",
    # Romanian
    "Prenume": "firstname",
    "Nume complet": "fullname",
    "Nume și prenume": "fullname",
    "Oraș": "city",
    "Localitate": "city",
    "Județ": "state",
    "Cod poștal": "postalcode",
    "Țară": "country",
    "Companie": "company",
    "Denumire firmă": "companyname",
    "Funcția": "jobtitle",
    # Indonesian and Malay
    "Nama Depan": "firstname",
    "Nama Belakang": "lastname",
    "Nama Lengkap": "fullname",
    "No. Telepon": "phone",
    "No Telepon": "phone",
    "Nomor HP": "mobilephone",
    "No. HP": "mobilephone",
    "No HP": "mobilephone",
    "Nomor WhatsApp": "whatsapp",
    "No. WhatsApp": "whatsapp",
    "Nama Syarikat": "companyname",
    "Alamat": "address",
    "Negeri": "state",
    "Poskod": "postalcode",
    "Jawatan": "jobtitle",  # Malay (its "Jabatan" is a department; Indonesia's a position: neither)
    "Situs Web": "website",
    "Laman Web": "website",
    # Vietnamese
    "Họ": "lastname",
    "Họ và tên": "fullname",
    "Họ tên": "fullname",
    "Công ty": "company",
    "Tên công ty": "companyname",
    "Tên doanh nghiệp": "companyname",
    "Thành phố": "city",
    "Tỉnh/Thành phố": "state",
    "Quốc gia": "country",
    "Chức vụ": "jobtitle",
}

# Whole headers read as another name: scripts other than Latin, and Latin headers whose words do not
# say the field on their own (DATEV's addressee types, a country of residence).
_SCRIPTS = {
    **{_whole(k): v for k, v in _JAPANESE.items()},  # "顧客コード" as read ("顧客コート")
    **_JAPANESE,
    **_CHINESE,
    **{
        _whole(k): v
        for k, v in {
            **_JAPANESE_MORE,
            **_RUSSIAN,
            **_UKRAINIAN,
            **_DATEV,
            **_ARABIC,
            **_PERSIAN,
            **_KOREAN,
            **_VIETNAMESE,
            **_MORE_LANGUAGES,
            **_RESIDENCE,
            **_OUTLOOK,
        }.items()
    },
}
_QUALIFIED_PARTS = ("street", "city", "state", "postalcode", "country", "address", "name")
# Which address a Japanese label's kind names: the billing, shipping, mailing or other one, or the
# workplace's ("勤務先郵便番号").
_SCRIPT_QUALIFIERS = {
    _whole(k): v
    for k, v in {
        "請求先": "billing",
        "出荷先": "shipping",
        "郵送先": "mailing",
        "その他": "other",
        "勤務先": "business",
        # A Japanese address book's company and personal addresses (CyberMail's "住所(会社)都道府県").
        "住所(会社)": "business",
        "住所(個人)": "home",
    }.items()
}


# Words that say whose a column is when written after it (German and Dutch Outlook: "Straße geschäftlich",
# "Ort privat"), in parentheses (French Outlook: "Rue (bureau)", "Ville (domicile)", and English
# "Phone (Work)") or, German's "Weitere", before it. They are read as the English prefixes detection
# knows: business, billing and shipping (the company's), home and other (the person's).
QUALIFIERS = {
    "business": "business",
    "work": "business",
    "office": "business",
    "geschaftlich": "business",
    "dienstlich": "business",
    "arbeit": "business",
    "bureau": "business",
    "travail": "business",
    "trabajo": "business",
    "trabalho": "business",
    "zakelijk": "business",
    "biuro": "business",  # Polish Windows Live Mail's "Ulica (biuro)"
    "pro": "business",  # French EGroupware's "url (pro)"
    "buro": "business",  # German "Büro"
    **dict.fromkeys(("professionnel", "professionel"), "business"),  # French (php-addressbook)
    # Which address of an account a column is: German Lexware's "Straße (Rechnungsadresse)", French
    # "(facturation)", Spanish "(Factura)"; read as Salesforce's Billing and Shipping prefixes.
    "rechnungsadresse": "billing",
    "lieferadresse": "shipping",
    "facturation": "billing",
    "livraison": "shipping",
    "factura": "billing",
    "empresa": "company",
    "comercial": "business",
    "pessoal": "home",
    "facturacion": "billing",
    "fatturazione": "billing",
    "billing": "billing",  # WooCommerce's "First Name (Billing)"
    "shipping": "shipping",
    "home": "home",
    "privat": "home",
    "prive": "home",
    "domicile": "home",
    "personnel": "home",
    # Which of a CRM record's addresses (Jetpack CRM's "City (Main Address)", "(Second Address)").
    "main": "primary",
    "second": "other",
    "casa": "home",
    "thuis": "home",
    "dom": "home",  # Polish Windows Live Mail's "Ulica (dom)"
    "personal": "home",
    "other": "other",
    "autre": "other",
    "otra": "other",
    "otro": "other",
    "outro": "other",
    "overig": "other",
    # The preferred one of several (KAddressBook's "EMail (preferred)", "E-Mail (bevorzugt)", "Correo
    # (preferido)"): the column itself, with no prefix.
    **dict.fromkeys(("preferred", "bevorzugt", "preferido", "prefere", "preferito", "voorkeur"), ""),
}

# Only these are read after a column's name without parentheses: the English ones are too common as a
# column's own last word ("Network", "Homework").
_SUFFIX_QUALIFIERS = (
    "geschaftlich",
    "dienstlich",
    "arbeit",
    "privat",
    "zakelijk",
    "prive",
    "facturation",
    "livraison",
    "facturacion",  # Spanish Salesforce's "Ciudad de facturación"
    "fatturazione",  # Italian "Città di fatturazione"
    "empresa",  # Spanish: "Sitio web empresa", "Correo empresa" (a prospecting tool's company columns)
    "comercial",  # Portuguese, Spanish: "Telefone comercial", "Email comercial" (Kommo's)
    "pessoal",  # Portuguese: "Email pessoal"
)


_PARENTHESISED = re.compile(r"^(.*?)\s*\(\s*([a-z]+)\b\s*([^)]*)\)\s*(.*)$")
_SUFFIXED = re.compile(r"^(.+?)\s+(" + "|".join(_SUFFIX_QUALIFIERS) + r")\b\s*(.*)$")
# And these only as an email's or a phone's last word: "E-mail office" (php-addressbook), "E-Mail Büro",
# "Téléphone professionnel"; a "Post Office", a "Statut professionnel" are no company's columns.
_OFFICE = re.compile(r"^(.+?)\s+(office|professionnel|professionel|buro)$")
_OTHER_FIRST = re.compile(r"^weitere[rs]?\b[^\s]*\s+(.*)$")
# Spanish and Portuguese say whose a column is at its end: "Teléfono del trabajo", "Calle de la
# dirección de trabajo" (KAddressBook), "Ciudad de la dirección particular", "Telefone do trabalho".
_OF_PLACE = re.compile(
    r"^(.+?)\s+(?:de\s+la\s+direccion\s+|do\s+endereco\s+)?(?:(?:del|de\s+la|de|do|da)\s+)?"
    r"(trabajo|oficina|trabalho|domicilio|casa|particular)\s*(\d*)$"
)
# Constant Contact's "City - Work", "Email address - home": whose after a dash.
# (One dash only: Pipedrive's "Person - Email - Work" joins its object first, read elsewhere.)
_DASHED = re.compile(r"^([^-\u2013]+?)\s+[-\u2013]\s+(work|business|office|home|personal|other)$")
_OF_PLACE_WORDS = {"oficina": "business", "domicilio": "home", "particular": "home"}


def qualified(name: str) -> str | None:
    """Return a header with its qualifier word read as a prefix, normalised, or None if it has none.

    "Straße geschäftlich 2" is "businessstrasse2", "Téléphone (bureau)" "businesstelephone",
    "Weiteres/r Bundesland/Kanton" "otherbundeslandkanton".
    """
    text = fold(name).strip()
    chosen = (*ALIASES["person.email"], *ALIASES["person.person_phone"])
    if (m := _PARENTHESISED.match(text)) and m.group(2) in QUALIFIERS and m.group(1):
        # "(Main Address)": the qualifier's own noun goes.
        rest = "" if m.group(3).strip() == "address" else m.group(3)
        name = normalize_header(m.group(1) + rest + m.group(4))
        # "(preferred)" chooses among emails and phones only: a preferred first name is not the legal one.
        if not QUALIFIERS[m.group(2)] and name not in chosen:
            return None
        return QUALIFIERS[m.group(2)] + name
    if (m := _OFFICE.match(text)) and normalize_header(m.group(1)) in chosen:
        return "business" + normalize_header(m.group(1))
    # "Sitio web empresa" is the company's site; "Nombre de (la) empresa" is the company's name itself.
    if (m := _SUFFIXED.match(text)) and not (
        m.group(2) == "empresa" and re.search(r"\bde(l| la)?$", m.group(1))
    ):
        # Portuguese "URL da empresa" (Snov.io's), French "Ville de facturation": the company's, the
        # billing city, the preposition dropped.
        head = re.sub(r"\s+(da|do|de|di|du|del|della)$", "", m.group(1))
        return QUALIFIERS[m.group(2)] + normalize_header(head + m.group(3))
    if m := _OTHER_FIRST.match(text):
        return "other" + normalize_header(m.group(1))
    if m := _DASHED.match(text):
        return QUALIFIERS[m.group(2)] + normalize_header(m.group(1))
    if m := _OF_PLACE.match(text):
        whose = QUALIFIERS.get(m.group(2)) or _OF_PLACE_WORDS[m.group(2)]
        return whose + normalize_header(m.group(1) + m.group(3))
    return None


# A bare address column (English, French and German, Spanish, Italian, Portuguese, Dutch, Swedish): the street
# line beside the city and the postal code; alone, it may be the whole address in one cell.
BARE_ADDRESS = (
    *("address", "address1", "adresse", "direccion", "indirizzo", "endereco", "adres", "adress", "osoite"),
    "morada",  # Portuguese
    "domicilio",  # Spanish
    "alamat",  # Indonesian
    "adressepostale",  # French
)

# A bare name column, in the languages detection reads: alone in an account file, the company's.
BARE_NAME = (
    "name",
    "nombre",
    "nom",
    "nome",
    "naam",
    "nazwa",
    "navn",
    "namn",
    "nimi",
    "jmeno",
    "meno",
    "nama",
    "nev",  # Hungarian "Név"
    *("naziv", "nazev", "nazov", "denumire"),  # Slovenian and Croatian, Czech, Slovak, Romanian
    "nazwa1",  # the first line of a Polish name (Comarch's Nazwa1, Nazwa2, Nazwa3)
    "partyname",  # an Indian billing app's customers and suppliers (Vyapar's "Party Name")
)


def bare_names(normalized: list[tuple[str, str]]) -> list[str]:
    """The columns named just "Name" (in a language detection reads), and a maps scraper's places'
    "title", of a header's (normalised, column) pairs."""
    listing = any(n in LISTING for n, _ in normalized)
    return [c for n, c in normalized if n in BARE_NAME or (listing and n == "title")]


# A client, vendor or supplier prefix names the organisation's own columns (its name, its address),
# but a bank's "Client Type" or a shop's "Client Group" is no sign that the rows are organisations.
PARTY_PREFIX = ("client", "vendor", "supplier")
# What says an accounting tool's customers are businesses: their web site beside a reseller's tax
# exemption number or a contact person (Sage 50's customer list); a web site alone a shop's buyer has.
BUSINESS_CUSTOMER = (
    ("customerwebsite", "customerwebsiteurl"),
    ("resalenumber", "resellernumber", "contact", "contactname"),
)

# A report's record named by its object beside the object's own name column (ERPNext's "Lead" beside
# "Lead Name"): the column holds the record's id. Not a customer (QuickBooks' "Customer" beside
# "Customer Name" is its display name), nor beside a bare Name (a Yes/No "Lead" or "Employee?").
OBJECT_ID = ("lead", "employee", "candidate")

# The row's person's parents or guardian (a youth association's, a school's own people): their
# address is their own.
FAMILY = re.compile(r"(vater|mutter|father|mother|guardian)$")


# Columns only an account's row has (its contact person): beside one, a bare "Name" is the account's.
ACCOUNT_ROW = (
    *("primarycontact", "primarycontactid", "primarycontactname", "maincontact", "keycontact"),
    *("contactperson", "ansprechpartner", "kontaktperson", "personnedecontact", "personadecontacto"),
    "kapcsolattarto",  # Hungarian
    *("yetkili", "yetkiliadi", "yetkilikisi"),  # Turkish: the firm's authorised person
    "contactname",  # beside a bare Name with no person's own column: a supplier's, a client's contact
    *("pessoadecontacto", "nomecontacto", "osobakontaktowa", "kontaktniosoba", "kontaktnaosoba"),
    "yhteyshenkilo",  # Finnish
)
# A person's own columns: beside them a bare Name is the person's (an HR report's "Designation",
# "Date of Birth"; no company has a gender).
PERSON_EVIDENCE = (
    *("jobtitle", "title", "designation", "email", "emailaddress", "firstname", "lastname", "surname"),
    *("employee", "employeename", "gender", "dateofbirth", "birthday", "birthdate"),
    "headline",  # a LinkedIn scrape's people (its "URL" is their profile's)
    # A job, in every language detection reads: a speakers' list ("name, position, company"), a Spanish
    # lead list's "cargo". A company's rank ("Position": 1, 2, 3) is left out by its values (judge.py).
    *ALIASES["person.title"],
)

# The row's own record by its number (external_id, after the named ids).
RECORD_NO = re.compile(
    r"(?i)^\s*(attendee|member|customer|client|contact|lead)\s*(#|no\.?)\s*$"
)  # "Attendee #"


# Headers of a person's whole name (normalised): never a company's.
WHOLE_NAME_HEADERS = frozenset(
    (
        *("fullname", "contactfullname", "personname", "attendeename", "inviteename", "participantname"),
        *("registrantname", "guestname", "subscribername", "yourname", "nameoriginalname", "leadfullname"),
        "usernameoriginalname",  # Zoom's attendee and participant reports
        *("customerfullname", "speakername", "studentname", "candidatename", "applicantname"),
        # A marketplace's buyer (eBay's "Buyer Name"), a payer, a donor, a member, a ticket's holder.
        *("buyername", "buyerfullname", "purchasername", "payername", "donorname", "donorfullname"),
        *("membername", "memberfullname", "ticketholdername"),
        *("customerdisplayname", "memberdisplayname", "userdisplayname", "attendeedisplayname"),
        *("nombredelcomprador", "nombrecomprador", "nomedocomprador", "nomecomprador"),  # a shop's buyer
        # "Full name" in Portuguese, Spanish, French, German, Dutch, Polish, Italian, Czech.
        *("nomecompleto", "nombrecompleto", "nomcomplet", "vollstandigername", "volledigenaam"),
        *("imieinazwisko", "nomeecognome", "nomecognome", "cognomeenome", "cognomenome"),
        *("nombreyapellidos", "nombresyapellidos", "nombreapellidos", "prenometnom", "prenomnom"),
        *("nombreyapellido", "nombresyapellido", "nombreapellido", "nomeesobrenome", "nomesobrenome"),
        *("nometprenom", "jmenoaprijmeni", "vornameundnachname", "vornamenachname"),
        # An order's bill-to party (Django Oscar's "Bill to name"), a volunteer, an employee.
        *("billtoname", "billingname", "volunteername", "volunteerfullname", "employeename"),
        *("pessoanome", "personanombre", "personnenom"),  # Pipedrive's "Pessoa - Nome" (pt, es, fr)
        *("supportername", "usager"),  # a fundraising platform's donor, a French public service's user
        *("tenant", "tenantname"),  # a property manager's tenants (AppFolio's "Tenant"), when they split
        *("candidat", "candidate", "nomducandidat", "candidato", "nombredelcandidato"),  # a scoring grid's
        *("namacontactperson", "namaperwakilan"),  # Indonesian forms: the contact person's, a delegate's
        # Kommo's (amoCRM's) leads: the lead's main contact, named whole.
        *("maincontact", "contatoprincipal", "contactoprincipal", "основнойконтакт"),
    )
)
