"""The API's request and response fields, from its document.

One source for mapping checks, output columns, the ``fields`` command and the sandbox. Paths use
dots; ``[]`` marks a list.
"""

from __future__ import annotations

from dataclasses import dataclass

ENDPOINT = "/enrichment/enrich/single"
OAUTH_ENDPOINT = "/oauth/authorize"
DEFAULT_BASE_URL = "https://apigw.leadspace.com"

RATE_LIMIT = 30  # calls per second, from the document's "Rate Limiting"

# The document's 400 body, sent when the minimum input is missing.
MINIMUM_INPUT_MESSAGE = (
    "If the JSON format is valid, please make sure you provide the following fields for the "
    "enrichment: For Account enrichment: Company Name For Person (Lead/Contact) enrichment: "
    "First Name Last Name Company Name/Email Address/Website"
)
UNAUTHORIZED_MESSAGE = "Credentials are required to access this resource"
CREDITS_MESSAGE = (
    "Please reach out to the Customer Success Manager and the Support team "
    "(at support@leadspace.com) for credits allocation"
)


@dataclass(frozen=True)
class Field:
    """One request or response field: its dotted path, kind and the document's description."""

    path: str
    kind: str = "string"
    description: str = ""


# Request fields a mapping may name (custom_fields are free names under [custom_fields]).
REQUEST_FIELDS: tuple[Field, ...] = (
    Field("external_id", description="External identifier, echoed in the answer; not used to match"),
    Field("person.first_name", description="First name"),
    Field("person.last_name", description="Last name"),
    Field("person.email", description="Email address"),
    Field("person.title", description="Job title"),
    Field("person.person_phone", description="Phone (the sample schema's spelling)"),
    Field("person.phone", description="Phone (the bulk tables' spelling)"),
    Field("person.person_country", description="The person's country (the sample schema)"),
    Field("company.name", description="Name of the company"),
    Field("company.lsid", description="LSID of the company; if sent, matched on first"),
    Field("company.website", description="URL of the company's website"),
    Field("company.address.country", description="Company country"),
    Field("company.address.state", description="Company state"),
    Field("company.address.city", description="Company city"),
    Field("company.address.street", description="Company street"),
    Field("company.address.postalcode", description="Company postal code"),
)
REQUEST_PATHS: tuple[str, ...] = tuple(f.path for f in REQUEST_FIELDS)

_L = "list"
_O = "list of objects"

# Response ``data`` fields, leaves only, in the document's order.
RESPONSE_FIELDS: tuple[Field, ...] = (
    Field("enrichment_status", description="Not Enriched, Person Enriched, Company Enriched, ..."),
    Field("person.address.country"),
    Field("person.address.state"),
    Field("person.address.city"),
    Field("person.address.region"),
    Field("person.verification_status", description="Verified, Not Verified, Moved"),
    Field("person.verification_source", description="Social & Email, Social, Email"),
    Field("person.original_email"),
    Field("person.original_email_verification_status", description="Valid, Invalid, Unknown"),
    Field("person.first_name", description="First name"),
    Field("person.last_name", description="Last name"),
    Field("person.title", description="Job title"),
    Field("person.department", description="Job department"),
    Field("person.level", description="Standard job level"),
    Field("person.linkedin_profile", description="The lead's LinkedIn profile URL"),
    Field("person.data_validation.phone.status"),
    Field("person.data_validation.phone.normalize_value"),
    Field("person.phone", description="Phone"),
    Field("company.data_validation.address.status", description="Unknown, Invalid"),
    Field("company.data_validation.address.normalize_value", description="Normalized address"),
    Field("person.email"),
    Field("person.analytics.job_functions", _L),
    Field("person.analytics.technologies", _L),
    Field("person.analytics.scores", _O, "profile_name and score.value per profile"),
    Field("person.analytics.max_positive_score_profiles"),
    Field("company.name", description="The name of the company"),
    Field("company.original_name"),
    Field("company.ls_id", description="Leadspace's company identifier"),
    Field("company.description", description="Company description"),
    Field("company.ownership"),
    Field("company.matching_confidence.score", description="5 to 95 in steps of 10"),
    Field("company.matching_confidence.level", description="High, Medium, Low, Very Low"),
    Field("company.address.country"),
    Field("company.address.state"),
    Field("company.address.city"),
    Field("company.address.street", description="Might also be a PO box"),
    Field("company.address.zipcode"),
    Field("company.address.region"),
    Field("company.phone"),
    Field("company.industry"),
    Field("company.sub_industry"),
    Field("company.linkedin_profile", description="Company's LinkedIn profile"),
    Field("company.facebook_url"),
    Field("company.twitter_url"),
    Field("company.ticker"),
    Field("company.website"),
    Field("company.sic"),
    Field("company.naics"),
    Field("company.size.range", description="Company size as a human-readable range"),
    Field("company.size.exact", "integer", "Exact company size"),
    Field("company.revenue.range", description="Revenue as a human-readable range"),
    Field("company.revenue.exact", "integer", "Exact revenue, no currency symbol"),
    Field("company.specialties", "object"),
    Field("company.analytics.installed_base_technologies", _L),
    Field("company.analytics.web_site_technologies", _L),
    Field("company.analytics.customTechnologiesCategories", _L),
    Field("company.analytics.company_technologies_categories", _L),
    Field("company.domain_intent", description="Company's top surging intent topics"),
    Field("company.intent_modeling.project_name", description="Name of the intent model"),
    Field("company.intent_modeling.project_score", description="High, Medium, Low, No Intent"),
    Field("company.intent_modeling.new_high_intent_flag", description="No, Yes"),
    Field("company.intent_modeling.surging_topics", _L),
    Field("company.alternateCompanyDomains", description="Additional/alternate domains"),
    Field("company.data_validation.phone.status"),
    Field("company.data_validation.phone.normalize_value"),
    Field("company.signals.fortune_500_rank", "number", "1-500"),
    Field("company.signals.g2k_rank", "number", "1-2000"),
    Field("company.family_tree.companies", _O, "The company's hierarchy (type DU, GU, ...)"),
    Field("total_scores", _O, "profile_name and score per profile"),
    Field("max_positive_total_score_profiles", _L),
)
RESPONSE_PATHS: tuple[str, ...] = tuple(f.path for f in RESPONSE_FIELDS)

# Values the document leaves blank, from Leadspace's help-centre articles ("New Enhanced Confidence
# Level", "How To Determine Which Leads/Contacts to Prioritize"); opaque text everywhere.
VERIFICATION_STATUSES = ("Verified", "Not Verified", "Moved")
VERIFICATION_SOURCES = ("Social & Email", "Social", "Email")
EMAIL_STATUSES = ("Valid", "Invalid", "Unknown", "Catch-All")
LEVELS = ("C Level", "Board Level", "VP Level", "Director Level", "Manager Level", "Staff Level")
CONFIDENCE_LEVELS = ("High", "Medium", "Low", "Very Low")
INTENT_SCORES = ("High", "Medium", "Low", "No Intent", "Not Available")
