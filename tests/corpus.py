"""Real header rows of real exports, each with where it was found, and the mapping a person would fill.

Headers are copied from public files: ``repo:`` names a GitHub repository and the file read (an
export committed as data); ``code:`` names the exact header text found quoted in public code
(importers and their tests, which carry the header of the export they read) by an exact-string
search of the public code index, with the string searched. No values are kept: the tests invent
their own.

``expect`` gives, for each request field, the column a person would send, a tuple of columns any
of which is right, or None: the field must be left out (a decoy, the person's location, an owner's
address). A field not named must be left out too. ``optional`` fields may be left out or filled
with the column named.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Export:
    tool: str
    what: str
    source: str
    header: list[str]
    expect: dict[str, str | tuple[str, ...] | None]
    optional: dict[str, str] = field(default_factory=dict)


def cols(text: str) -> list[str]:
    return [c.strip() for c in text.strip().split(",")]


PERSON_PHONE = "person.person_phone"

CORPUS: list[Export] = [
    Export(
        "Apollo",
        "people export, 2024",
        "repo: sarthakjdev/apollo-to-listmonk-csv apollo-contacts-export.csv",
        cols(
            "First Name,Last Name,Title,Company,Company Name for Emails,Email,Email Status,Email Confidence,"
            "Seniority,Departments,Contact Owner,First Phone,Work Direct Phone,Home Phone,Mobile Phone,"
            "Corporate Phone,Other Phone,Stage,Lists,Last Contacted,Account Owner,# Employees,Industry,"
            "Keywords,Person Linkedin Url,Website,Company Linkedin Url,Facebook Url,Twitter Url,City,State,"
            "Country,Company Address,Company City,Company State,Company Country,Company Phone,"
            "SEO Description,Technologies,Annual Revenue,Total Funding,Latest Funding,"
            "Latest Funding Amount,Last Raised At,Email Sent,Email Open,Email Bounced,Replied,Demoed,"
            "Number of Retail Locations,Apollo Contact Id,Apollo Account Id"
        ),
        {
            "external_id": "Apollo Contact Id",
            "person.first_name": "First Name",
            "person.last_name": "Last Name",
            "person.title": "Title",
            "person.email": "Email",
            PERSON_PHONE: ("Work Direct Phone", "First Phone", "Mobile Phone"),
            "person.person_country": "Country",
            "company.name": "Company",
            "company.website": "Website",
            "company.address.city": "Company City",
            "company.address.state": "Company State",
            "company.address.country": "Company Country",
            "company.address.street": None,  # "Company Address" is the whole address
        },
    ),
    Export(
        "Apollo",
        "people export, 2025 (email sources, secondary and tertiary emails)",
        "repo: FelixvanDijk/COLD_EMAILER apollo-contacts-export.csv",
        cols(
            "First Name,Last Name,Title,Company,Company Name for Emails,Email,Email Status,"
            "Primary Email Source,Email Confidence,Primary Email Catch-all Status,"
            "Primary Email Last Verified At,Seniority,Departments,Contact Owner,Work Direct Phone,Home Phone,"
            "Mobile Phone,Corporate Phone,Other Phone,Stage,Lists,Last Contacted,Account Owner,# Employees,"
            "Industry,Keywords,Person Linkedin Url,Website,Company Linkedin Url,Facebook Url,Twitter Url,"
            "City,State,Country,Company Address,Company City,Company State,Company Country,Company Phone,"
            "Technologies,Annual Revenue,Total Funding,Latest Funding,Latest Funding Amount,Last Raised At,"
            "Subsidiary of,Email Sent,Email Open,Email Bounced,Replied,Demoed,Number of Retail Locations,"
            "Apollo Contact Id,Apollo Account Id,Secondary Email,Secondary Email Source,Tertiary Email,"
            "Tertiary Email Source,Primary Intent Topic,Primary Intent Score,Secondary Intent Topic,"
            "Secondary Intent Score"
        ),
        {
            "external_id": "Apollo Contact Id",
            "person.first_name": "First Name",
            "person.last_name": "Last Name",
            "person.title": "Title",
            "person.email": "Email",
            PERSON_PHONE: ("Work Direct Phone", "Mobile Phone"),
            "person.person_country": "Country",
            "company.name": "Company",
            "company.website": "Website",
            "company.address.city": "Company City",
            "company.address.state": "Company State",
            "company.address.country": "Company Country",
        },
    ),
    Export(
        "Apollo",
        "people export, selected columns (no company city)",
        "code: \"'Company Name for Emails',\" in an Apollo export reader (apollo-contacts-export.csv)",
        cols(
            "First Name,Last Name,Title,Company,Company Name for Emails,Email,Seniority,Departments,"
            "Work Direct Phone,Mobile Phone,Industry,Person Linkedin Url,Company Linkedin Url,City,State,"
            "Country,Company Address,Company Phone,Website,Annual Revenue,Total Funding,Email Status,"
            "Email Confidence,Replied,Email Open,Email Bounced,Secondary Email,Tertiary Email,Technologies"
        ),
        {
            "person.first_name": "First Name",
            "person.last_name": "Last Name",
            "person.title": "Title",
            "person.email": "Email",
            PERSON_PHONE: ("Work Direct Phone", "Mobile Phone"),
            "person.person_country": "Country",  # the person's: the company's address is "Company Address"
            "company.name": "Company",
            "company.website": "Website",
            "company.address.city": None,
            "company.address.state": None,
            "company.address.country": None,
        },
    ),
    Export(
        "Apollo",
        "accounts export",
        "repo: Habebryt/leadgen_content_repo apollo-accounts-export.csv",
        cols(
            "Company,Company Name for Emails,Account Stage,Lists,# Employees,Industry,Account Owner,Website,"
            "Company Linkedin Url,Facebook Url,Twitter Url,Company Street,Company City,Company State,"
            "Company Country,Company Postal Code,Company Address,Keywords,Company Phone,SEO Description,"
            "Technologies,Total Funding,Latest Funding,Latest Funding Amount,Last Raised At,Annual Revenue,"
            "Number of Retail Locations,Apollo Account Id,SIC Codes,Short Description,Founded Year,Logo Url"
        ),
        {
            "external_id": "Apollo Account Id",
            "company.name": "Company",
            "company.website": "Website",
            "company.address.street": "Company Street",
            "company.address.city": "Company City",
            "company.address.state": "Company State",
            "company.address.country": "Company Country",
            "company.address.postalcode": "Company Postal Code",
            "person.email": None,  # Account Owner: the exporting user's address
            PERSON_PHONE: None,  # the company's switchboard
        },
    ),
    Export(
        "Salesforce",
        "weekly Data Export, Lead.csv (API names)",
        "repo: WinkelDev/Salesforce-Data-Changelog Lead.csv",
        cols(
            "Id,IsDeleted,MasterRecordId,Salutation,FirstName,LastName,MiddleName,Suffix,RecordTypeId,Title,"
            "Company,Street,City,State,PostalCode,Country,StateCode,CountryCode,Latitude,Longitude,"
            "GeocodeAccuracy,Phone,MobilePhone,Fax,Email,Website,Description,LeadSource,Status,Industry,"
            "Rating,CurrencyIsoCode,AnnualRevenue,NumberOfEmployees,OwnerId,HasOptedOutOfEmail,IsConverted,"
            "ConvertedDate,ConvertedAccountId,ConvertedContactId,ConvertedOpportunityId,IsUnreadByOwner,"
            "CreatedDate,CreatedById,LastModifiedDate,LastModifiedById,SystemModstamp,LastActivityDate,"
            "DoNotCall,HasOptedOutOfFax,LastTransferDate,Jigsaw,JigsawContactId,EmailBouncedReason,"
            "EmailBouncedDate,Pronouns,GenderIdentity,AreaCode__c,Brand__c,CompanyType__c,ContactType__c,"
            "Department__c,JobLevel__c,LeadType__c,LinkedIn__c,Product__c,Region__c"
        ),
        {
            "external_id": "Id",
            "person.first_name": "FirstName",
            "person.last_name": "LastName",
            "person.title": "Title",
            "person.email": "Email",
            PERSON_PHONE: ("Phone", "MobilePhone"),
            "company.name": "Company",
            "company.website": "Website",
            "company.address.street": "Street",
            "company.address.city": "City",
            "company.address.state": ("State", "StateCode"),
            "company.address.postalcode": "PostalCode",
            "company.address.country": ("Country", "CountryCode"),
        },
    ),
    Export(
        "Salesforce",
        "weekly Data Export, Contact.csv (API names; Mailing* is the contact's own address)",
        "repo: WinkelDev/Salesforce-Data-Changelog Contact.csv",
        cols(
            "Id,IsDeleted,MasterRecordId,AccountId,Salutation,FirstName,LastName,MiddleName,Suffix,"
            "RecordTypeId,OtherStreet,OtherCity,OtherState,OtherPostalCode,OtherCountry,OtherStateCode,"
            "OtherCountryCode,OtherLatitude,OtherLongitude,OtherGeocodeAccuracy,MailingStreet,MailingCity,"
            "MailingState,MailingPostalCode,MailingCountry,MailingStateCode,MailingCountryCode,"
            "MailingLatitude,MailingLongitude,MailingGeocodeAccuracy,Phone,Fax,MobilePhone,HomePhone,"
            "OtherPhone,AssistantPhone,ReportsToId,Email,Title,Department,AssistantName,LeadSource,"
            "Birthdate,Description,CurrencyIsoCode,OwnerId,HasOptedOutOfEmail,HasOptedOutOfFax,DoNotCall,"
            "CreatedDate,CreatedById,LastModifiedDate,LastModifiedById,SystemModstamp,LastActivityDate,"
            "LastCURequestDate,LastCUUpdateDate,EmailBouncedReason,EmailBouncedDate,Jigsaw,"
            "JigsawContactId,Pronouns,GenderIdentity,Brand__c,CompanyType__c,Company__c,Country__c,"
            "JobLevel__c,Legalrepresentative__c,LinkedIn__c,PositionLevel__c,Region__c"
        ),
        {
            "external_id": "Id",  # not AccountId, the parent's
            "person.first_name": "FirstName",
            "person.last_name": "LastName",
            "person.title": "Title",
            "person.email": "Email",
            PERSON_PHONE: ("Phone", "MobilePhone"),
            "person.person_country": ("MailingCountry", "MailingCountryCode"),
            "company.address.city": None,
            "company.address.street": None,
            "company.address.state": None,
            "company.address.postalcode": None,
            "company.address.country": None,
        },
        optional={"company.name": "Company__c"},
    ),
    Export(
        "HubSpot",
        "contacts, all properties (about 250 columns)",
        "repo: aagii8999-glitch/vertmonhub all-contacts.csv",
        cols(
            "Record ID,First Name,Last Name,Annual Revenue,Average Pageviews,Buying Role,"
            "Campaign of last booking in meetings tool,Chat Assistant IQL Date,Chat Assistant Source,"
            "Chat Assistant:Summary,City,Close Date,Company Name,Company size,Contact owner,"
            "Contact unworked,Country/Region,Country/Region Code,Create Date,Created by user ID,"
            "Currently in Sequence,Date of birth,Date of first engagement,"
            "Date of last meeting booked in meetings tool,Days To Close,Degree,"
            "Description of first engagement,Domain to which registration email was sent,Email,"
            "Email address automated quarantine reason,Email address quarantine reason,"
            "Email Address Quarantined,Email Confirmed,Email Domain,Email hard bounce reason,Email type,"
            "Employment Role,Employment Seniority,Employment Sub Role,Enrichment opt out,Event Revenue,"
            "Facebook click id,Fax Number,Field of study,First Conversion,First Page Seen,"
            "First Referring Site,Gender,Google ad click id,Has been enriched,HubSpot Score,HubSpot Team,"
            "Industry,Intent Signals active,Invalid email address,IP City,IP Country,IP Country Code,"
            "IP State Code/Region Code,IP State/Region,IP Timezone,Job function,Job Title,"
            "Last Activity Date,Last Contacted,Last Modified Date,Lead Status,Lifecycle Stage,"
            "LinkedIn click id,LinkedIn URL,Marital Status,Member email,Merged Contact IDs,Message,"
            "Mobile Phone Number,Number of Associated Deals,Number of Employees,Persona,Phone Number,"
            "Postal Code,Preferred language,Record source,Salutation,School,Seniority,Start date,"
            "State/Region,State/Region Code,Status,Street Address,Time Zone,Total Revenue,"
            "Twitter Username,Unsubscribed from all email,Updated by user ID,Website URL,"
            "WhatsApp Phone Number,Work email,Associated Company (Primary),Associated Company,"
            "Associated Company IDs (Primary),Associated Company IDs,Associated Contact IDs"
        ),
        {
            "external_id": "Record ID",
            "person.first_name": "First Name",
            "person.last_name": "Last Name",
            "person.title": "Job Title",
            "person.email": ("Email", "Work email"),
            PERSON_PHONE: ("Phone Number", "Mobile Phone Number"),
            "company.name": ("Company Name", "Associated Company (Primary)"),
            "company.website": "Website URL",
            "company.address.street": "Street Address",
            "company.address.city": "City",
            "company.address.state": "State/Region",
            "company.address.postalcode": "Postal Code",
            "company.address.country": "Country/Region",
        },
    ),
    Export(
        "HubSpot",
        "contacts, table view (the view's default properties)",
        "repo: aagii8999-glitch/vertmonhub all-contacts.csv (the same names, the view's columns)",
        cols(
            "Record ID,First Name,Last Name,Email,Phone Number,Contact owner,Associated Company (Primary),"
            "Last Activity Date,Lead Status,Create Date"
        ),
        {
            "external_id": "Record ID",
            "person.first_name": "First Name",
            "person.last_name": "Last Name",
            "person.email": "Email",
            PERSON_PHONE: "Phone Number",
            "company.name": "Associated Company (Primary)",
        },
    ),
    Export(
        "ZoomInfo",
        "contacts export",
        "code: \"ZoomInfo Contact ID\" (the contact export's header, in an importer's sample headers)",
        cols(
            "ZoomInfo Contact ID,Last Name,First Name,Middle Name,Salutation,Suffix,Job Title,"
            "Job Title Hierarchy Level,Management Level,Job Start Date,Job Function,Department,"
            "Company Division Name,Direct Phone Number,Email Address,Email Domain,Mobile phone,"
            "Last Job Change Type,Last Job Change Date,Previous Job Title,Previous Company Name,"
            "Previous Company ZoomInfo Company ID,Previous Company LinkedIn Profile,"
            "Highest Level of Education,Contact Accuracy Score,Contact Accuracy Grade,"
            "ZoomInfo Contact Profile URL,LinkedIn Contact Profile URL,Notice Provided Date,Person Street,"
            "Person City,Person State,Person Zip Code,Country,ZoomInfo Company ID,Company Name,"
            "Company Description,Website,Founded Year,Company HQ Phone,Fax,Ticker,Revenue (in 000s USD),"
            "Revenue Range (in USD),Employees,Employee Range,SIC Code 1,NAICS Code 1,Primary Industry,"
            "Primary Sub-Industry,All Industries,Alexa Rank,ZoomInfo Company Profile URL,"
            "LinkedIn Company Profile URL,Facebook Company Profile URL,Twitter Company Profile URL,"
            "Ownership Type,Business Model,Total Funding Amount (in 000s USD),Company Street Address,"
            "Company City,Company State,Company Zip Code,Company Country,Full Address,Number of Locations"
        ),
        {
            "external_id": "ZoomInfo Contact ID",
            "person.first_name": "First Name",
            "person.last_name": "Last Name",
            "person.title": "Job Title",
            "person.email": "Email Address",
            PERSON_PHONE: ("Direct Phone Number", "Mobile phone"),
            "person.person_country": "Country",
            "company.name": "Company Name",  # not "Previous Company Name"
            "company.website": "Website",
            "company.address.street": "Company Street Address",
            "company.address.city": "Company City",
            "company.address.state": "Company State",
            "company.address.postalcode": "Company Zip Code",
            "company.address.country": "Company Country",
        },
    ),
    Export(
        "ZoomInfo",
        "companies export",
        "code: \"ZoomInfo Contact ID\" (the company export's header, beside the contacts' in the same file)",
        cols(
            "ZoomInfo Company ID,Company Name,Website,Founded Year,Company HQ Phone,Fax,Ticker,"
            "Revenue (in 000s USD),Revenue Range (in USD),Employees,Employee Range,SIC Code 1,SIC Code 2,"
            "SIC Codes,NAICS Code 1,NAICS Code 2,NAICS Codes,Primary Industry,Primary Sub-Industry,"
            "All Industries,All Sub-Industries,Industry Hierarchical Category,"
            "Secondary Industry Hierarchical Category,Alexa Rank,ZoomInfo Company Profile URL,"
            "LinkedIn Company Profile URL,Facebook Company Profile URL,Twitter Company Profile URL,"
            "Ownership Type,Business Model,Certified Active Company,Certification Date,Defunct Company,"
            "Total Funding Amount (in 000s USD),Recent Funding Amount (in 000s USD),Recent Funding Round,"
            "Recent Funding Date,Recent Investors,All Investors,Company Street Address,Company City,"
            "Company State,Company Zip Code,Company Country,Full Address,Number of Locations,"
            "Company Is Acquired,Company ID (Ultimate Parent),Entity Name (Ultimate Parent),"
            "Company ID (Immediate Parent),Entity Name (Immediate Parent),Relationship (Immediate Parent)"
        ),
        {
            "external_id": "ZoomInfo Company ID",
            "company.name": "Company Name",
            "company.website": "Website",
            "company.address.street": "Company Street Address",
            "company.address.city": "Company City",
            "company.address.state": "Company State",
            "company.address.postalcode": "Company Zip Code",
            "company.address.country": "Company Country",
            PERSON_PHONE: None,
        },
    ),
    Export(
        "Seamless.AI",
        "contacts export",
        'code: "Contact LI Profile URL" (a Seamless export in an importer\'s test, CSV_CONTENT_A)',
        cols(
            "Research Date,Contact Full Name,First Name,Middle Name,Last Name,Title,Department,Seniority,"
            "Company Name,Company Name - Cleaned,Website,List,Primary Email,Intel,Contact LI Profile URL,"
            "Email 1,Email 1 Validation,Email 1 Total AI,Email 2,Email 2 Validation,Email 2 Total AI,"
            "Personal Email,Personal Email Validation,Personal Email Total AI,Contact Phone 1,"
            "Contact Phone 1 Total AI,Company Phone 1,Company Phone 1 Total AI,Contact Phone 2,"
            "Contact Phone 2 Total AI,Company Phone 2,Company Phone 2 Total AI,Contact Location,"
            "Contact City,Contact State,Contact State Abbr,Contact Post Code,Contact County,Contact Country,"
            "Contact Country (Alpha 2),Contact Country (Alpha 3),Contact Country - Numeric,Company Location,"
            "Company Street 1,Company Street 2,Company Street 3,Company City,Company State,"
            "Company State Abbr,Company Post Code,Company County,Company Country,Company Country (Alpha 2),"
            "Company Country (Alpha 3),Company Country - Numeric,Company Annual Revenue,Company Description,"
            "Company Website Domain,Company Founded Date,Company Industry,Company LI Profile Url,"
            "Company LinkedIn ID,Company Revenue Range,Company Staff Count,Company Staff Count Range,"
            "Seamless Username,CRM & Social,CRM Account ID,Contact Location - City,"
            "Contact Location - Country,Contact Location - State,Contact Location - ZIP,Contact Phone,"
            "Date Imported,Lists,Location,leadSource"
        ),
        {
            "person.first_name": "First Name",
            "person.last_name": "Last Name",
            "person.title": "Title",
            "person.email": ("Primary Email", "Email 1"),
            PERSON_PHONE: ("Contact Phone 1", "Contact Phone"),
            "person.person_country": ("Contact Country", "Contact Location - Country"),
            "company.name": ("Company Name - Cleaned", "Company Name"),
            "company.website": ("Website", "Company Website Domain"),
            "company.address.street": "Company Street 1",
            "company.address.city": "Company City",
            "company.address.state": ("Company State", "Company State Abbr"),
            "company.address.postalcode": "Company Post Code",
            "company.address.country": "Company Country",
        },
    ),
    Export(
        "Seamless.AI",
        "contacts export, the columns an importer reads",
        'code: "Contact LI Profile URL" (parse_seamless, a multi-vendor merger)',
        cols(
            "First Name,Last Name,Title,Seniority,Department,Email 1,Contact Mobile Phone,Contact Phone 1,"
            "Contact LI Profile URL,Company Name - Cleaned,Website,Company Location,Contact City,"
            "Contact State,Contact Country,Company Revenue Range,Company Staff Count,Company Industry,"
            "NAICS Code,SIC Code"
        ),
        {
            "person.first_name": "First Name",
            "person.last_name": "Last Name",
            "person.title": "Title",
            "person.email": "Email 1",
            PERSON_PHONE: ("Contact Phone 1", "Contact Mobile Phone"),
            "person.person_country": "Contact Country",
            "company.name": "Company Name - Cleaned",
            "company.website": "Website",
            "company.address.city": None,  # Contact City: the person's
            "company.address.state": None,
            "company.address.street": None,  # Company Location: a whole address
        },
    ),
    Export(
        "Google Contacts",
        "Google CSV",
        "repo: Baneeishaque/GContacts google.csv",
        cols(
            "Name,Given Name,Additional Name,Family Name,Yomi Name,Given Name Yomi,Additional Name Yomi,"
            "Family Name Yomi,Name Prefix,Name Suffix,Initials,Nickname,Short Name,Maiden Name,Birthday,"
            "Gender,Location,Billing Information,Directory Server,Mileage,Occupation,Hobby,Sensitivity,"
            "Priority,Subject,Notes,Language,Photo,Group Membership,E-mail 1 - Type,E-mail 1 - Value,"
            "E-mail 2 - Type,E-mail 2 - Value,E-mail 3 - Type,E-mail 3 - Value,IM 1 - Type,IM 1 - Service,"
            "IM 1 - Value,Phone 1 - Type,Phone 1 - Value,Phone 2 - Type,Phone 2 - Value,Phone 3 - Type,"
            "Phone 3 - Value,Address 1 - Type,Address 1 - Formatted,Address 1 - Street,Address 1 - City,"
            "Address 1 - PO Box,Address 1 - Region,Address 1 - Postal Code,Address 1 - Country,"
            "Address 1 - Extended Address,Organization 1 - Type,Organization 1 - Name,"
            "Organization 1 - Yomi Name,Organization 1 - Title,Organization 1 - Department,"
            "Organization 1 - Symbol,Organization 1 - Location,Organization 1 - Job Description,"
            "Organization 2 - Type,Organization 2 - Name,Website 1 - Type,Website 1 - Value"
        ),
        {
            "person.first_name": "Given Name",
            "person.last_name": "Family Name",
            "person.email": "E-mail 1 - Value",
            PERSON_PHONE: "Phone 1 - Value",
            "person.title": "Organization 1 - Title",
            "company.name": "Organization 1 - Name",
            "company.address.city": None,  # Address 1 is the contact's own (often home) address
            "company.address.street": None,
            "company.address.postalcode": None,
            "company.website": None,  # Website 1 is the person's page
        },
        optional={"person.person_country": "Address 1 - Country"},
    ),
    Export(
        "LinkedIn",
        "Connections.csv (after its notes preamble)",
        "repo: JasonToups/linkedin-export-sorting Connections.csv",
        cols("First Name,Last Name,URL,Email Address,Company,Position,Connected On"),
        {
            "person.first_name": "First Name",
            "person.last_name": "Last Name",
            "person.email": "Email Address",
            "person.title": "Position",
            "company.name": "Company",
            "company.website": None,  # URL: the person's LinkedIn profile
        },
    ),
    Export(
        "LinkedIn",
        "Connections.csv, the format before profile URLs were added",
        'code: "Email Address,Company,Position,Connected On" (Connections.csv parsers\' tests)',
        cols("First Name,Last Name,Email Address,Company,Position,Connected On"),
        {
            "person.first_name": "First Name",
            "person.last_name": "Last Name",
            "person.email": "Email Address",
            "person.title": "Position",
            "company.name": "Company",
        },
    ),
    Export(
        "LinkedIn Sales Navigator",
        "PhantomBuster Sales Navigator Search Export",
        'code: "profileUrl,fullName,firstName,lastName" (PhantomBuster import tests)',
        cols(
            "profileUrl,fullName,firstName,lastName,companyName,title,companyId,companyUrl,"
            "regularCompanyUrl,summary,titleDescription,industry,companyLocation,location,durationInRole,"
            "durationInCompany,pastExperienceCompanyName,pastExperienceCompanyUrl,"
            "pastExperienceCompanyTitle,pastExperienceDate,pastExperienceDuration,connectionDegree,"
            "profileImageUrl,sharedConnectionsCount,name,vmid,linkedInProfileUrl,isPremium,isOpenLink,"
            "query,timestamp,defaultProfileUrl"
        ),
        {
            "person.first_name": "firstName",
            "person.last_name": "lastName",
            "person.title": "title",
            "company.name": "companyName",
            "company.website": None,  # companyUrl, regularCompanyUrl: LinkedIn pages, not websites
            "external_id": None,  # companyId is the company's
            "company.address.city": None,  # location, companyLocation: one-line places
        },
    ),
    Export(
        "LinkedIn Sales Navigator",
        "lead list scrape (a browser script's CSV)",
        'code: "profileUrl,fullName,firstName,lastName" (a Sales Navigator scraper writing CSV)',
        cols(
            "profileUrl,fullName,firstName,lastName,connection,location,profilePictureUrl,premiumStatus,"
            "openLinkStatus,currentCompanyName,currentIndustry,currentPositionTitle"
        ),
        {
            "person.first_name": "firstName",
            "person.last_name": "lastName",
            "person.title": "currentPositionTitle",
            "company.name": "currentCompanyName",
            "company.website": None,
        },
    ),
    Export(
        "Outlook",
        "contacts export (Outlook.com and Outlook for Windows)",
        'code: "Given Yomi,Surname Yomi,E-mail Address" (quoted by 6 public files, one "outlook.live.com")',
        cols(
            "First Name,Middle Name,Last Name,Title,Suffix,Nickname,Given Yomi,Surname Yomi,E-mail Address,"
            "E-mail 2 Address,E-mail 3 Address,Home Phone,Home Phone 2,Business Phone,Business Phone 2,"
            "Mobile Phone,Car Phone,Other Phone,Primary Phone,Pager,Business Fax,Home Fax,Other Fax,"
            "Company Main Phone,Callback,Radio Phone,Telex,TTY/TDD Phone,IMAddress,Job Title,Department,"
            "Company,Office Location,Manager's Name,Assistant's Name,Assistant's Phone,Company Yomi,"
            "Business Street,Business City,Business State,Business Postal Code,Business Country/Region,"
            "Home Street,Home City,Home State,Home Postal Code,Home Country/Region,Other Street,Other City,"
            "Other State,Other Postal Code,Other Country/Region,Personal Web Page,Spouse,Schools,Hobby,"
            "Location,Web Page,Birthday,Anniversary,Notes"
        ),
        {
            "person.first_name": "First Name",
            "person.last_name": "Last Name",
            "person.email": "E-mail Address",
            "person.title": "Job Title",  # "Title" is Mr./Ms.
            PERSON_PHONE: ("Business Phone", "Mobile Phone", "Primary Phone"),
            "company.name": "Company",
            "company.address.street": "Business Street",
            "company.address.city": "Business City",
            "company.address.state": "Business State",
            "company.address.postalcode": "Business Postal Code",
            "company.address.country": "Business Country/Region",
            "company.website": ("Web Page",),
        },
    ),
    Export(
        "Outlook",
        "Outlook-style contacts CSV with actions",
        "repo: GPCsolutions/google-shared-contacts-client outlook.csv",
        cols(
            "Action,ID,Name,E-mail Address,Notes,E-mail 2 Address,E-mail 3 Address,Mobile Phone,Pager,"
            "Company,Job Title,Home Phone,Home Phone 2,Home Fax,Home Address,Business Phone,"
            "Business Phone 2,Business Fax,Business Address,Other Phone,Other Fax,Other Address"
        ),
        {
            "external_id": "ID",
            "person.email": "E-mail Address",
            "person.title": "Job Title",
            PERSON_PHONE: ("Business Phone", "Mobile Phone"),
            "company.name": "Company",
            "company.address.street": None,  # Business Address: the whole address
        },
    ),
    Export(
        "Pipedrive",
        "people export",
        'code: "Person - Organization" (a CRM importer\'s mapping test)',
        cols(
            "Person - Name,Person - Organization,Person - Email - Work,Person - Email - Home,"
            "Person - Phone - Work,Person - Labels,Person - Owner"
        ),
        {
            "person.email": "Person - Email - Work",
            PERSON_PHONE: "Person - Phone - Work",
            "company.name": "Person - Organization",
        },
    ),
    Export(
        "Pipedrive",
        "people export with first and last names",
        'code: "Person - Organization" (a Pipedrive import field map)',
        cols(
            "Person - First name,Person - Last name,Person - Email - Work,Person - Email - Home,"
            "Person - Email - Other,Person - Phone - Work,Person - Phone - Home,Person - Phone - Mobile,"
            "Person - Phone - Other,Person - Organization,Person - Labels,Person - Last activity date,"
            "Person - Next activity date"
        ),
        {
            "person.first_name": "Person - First name",
            "person.last_name": "Person - Last name",
            "person.email": "Person - Email - Work",
            PERSON_PHONE: ("Person - Phone - Work", "Person - Phone - Mobile"),
            "company.name": "Person - Organization",
        },
    ),
    Export(
        "Dynamics 365",
        "leads, Export to Excel (a customized org's columns)",
        'code: "\\"(Do Not Modify) Lead\\"," ("Exact Dynamics export column order", lead import cleaners)',
        cols(
            "(Do Not Modify) Lead,(Do Not Modify) Row Checksum,(Do Not Modify) Modified On,Subject,"
            "First Name,Last Name,Job Title,Company Name,Email,Business Phone,Country,State or Province,"
            "Description,Lead Source,Rating,Source Campaign,Market Segment,Main Application,Industry Sector,"
            "LinkedIn,Allow Marketing Communication"
        ),
        {
            "external_id": "(Do Not Modify) Lead",
            "person.first_name": "First Name",
            "person.last_name": "Last Name",
            "person.title": "Job Title",
            "person.email": "Email",
            PERSON_PHONE: "Business Phone",
            "company.name": "Company Name",
            "company.address.country": "Country",
            "company.address.state": "State or Province",
        },
    ),
    Export(
        "Dynamics 365",
        "leads, the standard columns an importer maps",
        'code: "\\"(Do Not Modify) Lead\\"," (a Dynamics lead and contact column map)',
        cols(
            "(Do Not Modify) Lead,First Name,Last Name,Job Title,Company Name,Email,Email Address 2,"
            "Email Address 3,Mobile Phone,Home Phone,Fax,Address 1: Telephone 1,Business Phone,"
            "Country/Region,No. of Employees,Website,ZIP/Postal Code,User Name (Owning User) (User)"
        ),
        {
            "external_id": "(Do Not Modify) Lead",
            "person.first_name": "First Name",
            "person.last_name": "Last Name",
            "person.title": "Job Title",
            "person.email": "Email",
            PERSON_PHONE: ("Business Phone", "Mobile Phone"),
            "company.name": "Company Name",
            "company.website": "Website",
            "company.address.country": "Country/Region",
            "company.address.postalcode": "ZIP/Postal Code",
        },
    ),
    Export(
        "Zoho CRM",
        "leads export",
        'code: "\\"Lead Owner\\",\\"Company\\",\\"First Name\\"" (a Zoho export fixture)',
        cols(
            "Record Id,Lead Owner,Company,First Name,Last Name,Email,Phone,Lead Source,Lead Status,Street,"
            "City,State,Zip Code,Description"
        ),
        {
            "external_id": "Record Id",
            "person.first_name": "First Name",
            "person.last_name": "Last Name",
            "person.email": "Email",
            PERSON_PHONE: "Phone",
            "company.name": "Company",
            "company.address.street": "Street",
            "company.address.city": "City",
            "company.address.state": "State",
            "company.address.postalcode": "Zip Code",
        },
    ),
    Export(
        "Close",
        "leads export (one row per lead, its primary contact)",
        'code: "primary_contact_primary_email" (a Close leads CSV processor)',
        cols(
            "display_name,description,url,status_id,status_label,primary_contact_name,"
            "primary_contact_title,primary_contact_primary_phone,primary_contact_primary_phone_type,"
            "primary_contact_other_phones,primary_contact_primary_email,primary_contact_primary_email_type,"
            "primary_contact_other_emails,primary_contact_primary_url,primary_contact_other_urls,"
            "custom.Aggr_Lot_Count,custom.Census_Tract,custom.Evaluation"
        ),
        {
            "company.name": "display_name",
            "company.website": "url",  # not primary_contact_primary_url, the contact's
            "person.title": "primary_contact_title",
            "person.email": "primary_contact_primary_email",
            PERSON_PHONE: "primary_contact_primary_phone",
        },
    ),
    Export(
        "Close",
        "leads export with split contact names",
        'code: "primary_contact_primary_email" (a Close export converter\'s required columns)',
        cols(
            "last_activity_date,lead_name,description,status_label,primary_contact_first_name,"
            "primary_contact_last_name,primary_contact_title,primary_contact_primary_phone,"
            "primary_contact_other_phones,primary_contact_primary_email,custom.DUNS-Nummer,custom.Quelle,"
            "custom.Tag,custom.Verantwortlich.name,last_call_note,next_task_text,num_calls,num_emails,"
            "next_task_date"
        ),
        {
            "company.name": "lead_name",
            "person.first_name": "primary_contact_first_name",
            "person.last_name": "primary_contact_last_name",
            "person.title": "primary_contact_title",
            "person.email": "primary_contact_primary_email",
            PERSON_PHONE: "primary_contact_primary_phone",
        },
    ),
    Export(
        "RocketReach",
        "person lookups saved as records (the API's profile keys)",
        'code: "current_employer_website" (RocketReach profile types and savers)',
        cols(
            "id,name,status,linkedin_url,current_title,current_employer,current_employer_id,"
            "current_employer_domain,current_employer_website,current_employer_linkedin_url,location,city,"
            "region,country,country_code,birth_year,emails,personal_emails,professional_emails"
        ),
        {
            "external_id": "id",
            "person.title": "current_title",
            "company.name": "current_employer",
            "company.website": ("current_employer_domain", "current_employer_website"),
            "person.person_country": "country",  # the person's location
            "company.address.city": None,
            "company.address.state": None,
            "company.address.country": None,
        },
    ),
    Export(
        "Crunchbase",
        "organizations search export",
        'code: "Organization Name,Organization Name URL" (company import tests)',
        cols(
            "Organization Name,Organization Name URL,Industries,Founded Date,Headquarters Location,"
            "Description,Website,LinkedIn,Operating Status,Company Type,Total Funding Amount (in USD),"
            "Number of Funding Rounds,Number of Employees,Founders,Full Description"
        ),
        {
            "company.name": "Organization Name",
            "company.website": "Website",  # not the crunchbase.com page
            "company.address.street": None,  # Headquarters Location: "City, Region, Country"
        },
    ),
    Export(
        "Crunchbase",
        "organizations export with rank and traffic columns",
        'code: "Organization Name,Organization Name URL" (an example data file in a notes repository)',
        cols(
            "Organization Name,Organization Name URL,Industries,Headquarters Location,Description,"
            "CB Rank (Company),Founded Date,Founded Date Precision,Operating Status,Website,Twitter,Facebook,"
            "LinkedIn,Actively Hiring,Number of Sub-Orgs,Full Description,Phone Number,Contact Email,"
            "Number of Articles,Hub Tags,Number of Employees,Founders,Last Leadership Hiring Date,"
            "Last Layoff Mention Date,Number of Events,Trend Score (7 Days),Trend Score (30 Days),"
            "Trend Score (90 Days),Similar Companies,SEMrush - Monthly Visits,"
            "SEMrush - Average Visits (6 months)"
        ),
        {
            "company.name": "Organization Name",
            "company.website": "Website",
            "person.email": None,  # Contact Email: the company's info@ address
            PERSON_PHONE: None,  # the company's number
        },
    ),
    Export(
        "Crunchbase",
        "organizations export, short",
        'code: "Organization Name,Organization Name URL" (a CRM import mapping test)',
        cols(
            "Organization Name,Organization Name URL,Industries,Headquarters Location,Description,"
            "CB Rank (Company),Website,LinkedIn,Number of Employees,Estimated Revenue Range"
        ),
        {"company.name": "Organization Name", "company.website": "Website"},
    ),
]
