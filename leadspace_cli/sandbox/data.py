"""Deterministic, plausible answers for the sandbox.

The same request (minus ``external_id``: ``rules.canonical``) always gets the same answer. Some
requests get no match (``enrichment_status`` "Not Enriched") and some a partial answer with empty
fields left out, as the document says ("If the field is empty, it will not be sent").
"""

from __future__ import annotations

import hashlib
import random
import re
from typing import Any

from leadspace_cli.api import fields
from leadspace_cli.sandbox.rules import canonical, has_minimum_input

__all__ = ["HOSTILE_TEXT", "answer", "has_minimum_input", "hostile"]

_INDUSTRIES = (
    ("Computer Software", "Enterprise Software", "7372", "511210"),
    ("Financial Services", "Banking", "6021", "522110"),
    ("Manufacturing", "Industrial Machinery", "3559", "333249"),
    ("Health Care", "Hospitals & Clinics", "8062", "622110"),
    ("Retail", "Department Stores", "5311", "452210"),
    ("Telecommunications", "Wireless Carriers", "4812", "517210"),
)
_SIZES = (
    ("1-10", 7),
    ("11-50", 34),
    ("51-200", 120),
    ("201-500", 350),
    ("501-1000", 780),
    ("1001-5000", 2400),
    ("5001-10000", 7600),
    ("10001+", 48000),
)
_REVENUES = (
    ("$0 - $1M", 600_000),
    ("$1M - $10M", 4_200_000),
    ("$10M - $50M", 23_000_000),
    ("$50M - $100M", 74_000_000),
    ("$100M - $1B", 420_000_000),
    ("$1B+", 3_100_000_000),
)
_TECH = ("Salesforce", "HubSpot", "Marketo", "AWS", "Snowflake", "Zendesk", "Slack", "Workday")
_FUNCTIONS = ("Marketing", "Sales", "Operations", "Engineering", "Finance", "IT")
_DEPARTMENTS = ("Marketing", "Sales", "Operations", "Engineering", "Finance", "Information Tech")
_TITLES = ("VP Marketing", "Director of Sales Operations", "Marketing Manager", "CFO", "Engineer")
_CITIES = (
    ("United States", "California", "San Francisco", "North America", "94105"),
    ("United States", "New York", "New York", "North America", "10001"),
    ("Germany", "Bayern", "München", "EMEA", "80331"),
    ("France", "Île-de-France", "Paris", "EMEA", "75002"),
    ("Israel", "Tel Aviv", "Tel Aviv-Yafo", "EMEA", "6100000"),
    ("Japan", "Tokyo", "東京", "APAC", "100-0005"),
)
_TOPICS = ("Data Quality", "Lead Scoring", "Account-Based Marketing", "CRM Migration", "Intent Data")
_PROFILES = ("ICP Fit", "Propensity to Buy", "Expansion")

# Roughly one request in ten gets no match, one in six a partial answer.
NO_MATCH_SHARE = 0.1
PARTIAL_SHARE = 0.16


def _slug(text: str) -> str:
    words = re.findall(r"[a-z0-9]+", text.lower())
    words = [w for w in words if w not in {"inc", "ltd", "llc", "gmbh", "corp", "co", "sa", "ag"}]
    return "".join(words[:2]) or "example"


def _domain(person: dict[str, Any], company: dict[str, Any]) -> str:
    email = str(person.get("email") or "")
    if "@" in email:
        return email.rsplit("@", 1)[1].strip().lower()
    website = str(company.get("website") or "")
    if website:
        host = re.sub(r"^[a-z]+://", "", website.strip().lower()).split("/")[0]
        return host.removeprefix("www.")
    return _slug(str(company.get("name") or "example")) + ".com"


def _company_name(company: dict[str, Any], domain: str) -> str:
    name = str(company.get("name") or "").strip()
    if name:
        return name
    return domain.split(".")[0].capitalize()


def answer(body: dict[str, Any]) -> dict[str, Any]:
    """Return the ``data`` object for a request that holds the minimum input."""
    digest = hashlib.sha256(canonical(body).encode()).digest()
    rng = random.Random(digest)
    roll = rng.random()
    if roll < NO_MATCH_SHARE:
        return {"enrichment_status": "Not Enriched"}
    person_in = body.get("person") if isinstance(body.get("person"), dict) else {}
    company_in = body.get("company") if isinstance(body.get("company"), dict) else {}
    assert isinstance(person_in, dict)
    assert isinstance(company_in, dict)
    domain = _domain(person_in, company_in)
    name = _company_name(company_in, domain)
    industry = rng.choice(_INDUSTRIES)
    size = rng.choice(_SIZES)
    revenue = rng.choice(_REVENUES)
    country, state, city, region, zipcode = rng.choice(_CITIES)
    slug = _slug(name)
    family = [
        {
            "type": kind,
            "name": f"{name} {suffix}",
            "ls_id": f"LS{int.from_bytes(digest[i : i + 4], 'big'):010d}",
            "address": {
                "country": country,
                "state": state,
                "city": city,
                "street": f"{100 + i} Market Street, Suite {i + 1}",
                "zipcode": zipcode,
                "region": region,
            },
            "phone": f"+1 415 555 {1000 + i:04d}",
            "website": f"https://www.{domain}",
            "sic": industry[2],
            "naics": industry[3],
            "size": {"range": size[0], "exact": size[1] * (i + 2)},
            "revenue": {"range": revenue[0], "exact": revenue[1] * (i + 2)},
        }
        for i, (kind, suffix) in enumerate(rng.sample((("GU", "Holdings"), ("DU", "Group")), 2))
    ]
    company: dict[str, Any] = {
        "name": name,
        "original_name": str(company_in.get("name") or name),
        "ls_id": f"LS{int.from_bytes(digest[:4], 'big'):010d}",
        "description": (
            f'{name}, "the {industry[1].lower()} people", serves customers in {city}, '
            f"{country} and beyond.\nFounded by Zoë Ångström & José Müller; ≈{size[1]} staff."
        ),
        "ownership": rng.choice(("Public", "Private")),
        "matching_confidence": {
            "score": str(rng.randrange(5, 96, 10)),
            "level": rng.choice(fields.CONFIDENCE_LEVELS),
        },
        "address": {
            "country": country,
            "state": state,
            "city": city,
            "street": rng.choice((f"{rng.randint(1, 999)} Main St", "PO Box 1234")),
            "zipcode": zipcode,
            "region": region,
        },
        "phone": f"+1 (415) 555-{rng.randint(0, 9999):04d}",
        "industry": industry[0],
        "sub_industry": industry[1],
        "linkedin_profile": f"https://www.linkedin.com/company/{slug}",
        "facebook_url": f"https://www.facebook.com/{slug}",
        "twitter_url": f"https://twitter.com/{slug}",
        "ticker": slug[:4].upper(),
        "website": f"https://www.{domain}",
        "sic": industry[2],
        "naics": industry[3],
        "size": {"range": size[0], "exact": size[1]},
        "revenue": {"range": revenue[0], "exact": revenue[1]},
        "specialties": {"list": rng.sample(_FUNCTIONS, 2)},
        "analytics": {
            "installed_base_technologies": rng.sample(_TECH, 3),
            "web_site_technologies": rng.sample(_TECH, 2),
            "customTechnologiesCategories": ["Marketing Automation", "CRM"],
            "company_technologies_categories": ["Cloud", "Analytics, BI & Data"],
        },
        "domain_intent": ", ".join(rng.sample(_TOPICS, 2)),
        "intent_modeling": {
            "project_name": "Default Intent Model",
            "project_score": rng.choice(fields.INTENT_SCORES),
            "new_high_intent_flag": rng.choice(("No", "Yes")),
            "surging_topics": rng.sample(_TOPICS, 2),
        },
        "alternateCompanyDomains": f"{slug}.io, {slug}.net",
        "data_validation": {
            "phone": {"status": rng.choice(("Valid", "Invalid")), "normalize_value": "+14155550100"},
            "address": {
                "status": rng.choice(("Unknown", "Invalid")),
                "normalize_value": f"1 Main St, {city}, {country}",
            },
        },
        "signals": {"fortune_500_rank": rng.randint(1, 500), "g2k_rank": rng.randint(1, 2000)},
        "family_tree": {"companies": family},
    }
    data: dict[str, Any] = {"company": company}
    scores = [
        {
            "profile_name": p,
            "score": {
                "value": None if rng.random() < 0.1 else round(rng.uniform(0, 100), 2),
                "predictiveSignalsSummary": f"{p}: industry and size fit",
                "topPositivePredictiveSignals": "Industry, Company Size",
                "topNegativePredictiveSignals": "Region",
            },
        }
        for p in _PROFILES
    ]
    data["total_scores"] = scores
    data["max_positive_total_score_profiles"] = [scores[0]["profile_name"]]
    first = str(person_in.get("first_name") or "").strip()
    last = str(person_in.get("last_name") or "").strip()
    if first and last:
        email = str(person_in.get("email") or "").strip() or f"{first}.{last}@{domain}".lower()
        data["enrichment_status"] = "Person & Company Enriched"
        data["person"] = {
            "address": {"country": country, "state": state, "city": city, "region": region},
            "verification_status": rng.choice(fields.VERIFICATION_STATUSES),
            "verification_source": rng.choice(fields.VERIFICATION_SOURCES),
            "original_email": email,
            "original_email_verification_status": rng.choice(fields.EMAIL_STATUSES),
            "first_name": first,
            "last_name": last,
            "title": str(person_in.get("title") or "").strip() or rng.choice(_TITLES),
            "department": rng.choice(_DEPARTMENTS),
            "level": rng.choice(fields.LEVELS),
            "linkedin_profile": f"https://www.linkedin.com/in/{_slug(first + last)}",
            "data_validation": {
                "phone": {"status": "Valid", "normalize_value": "+14155550199"},
            },
            "phone": f"+1 415 555 {rng.randint(0, 9999):04d}",
            "email": email,
            "analytics": {
                "job_functions": rng.sample(_FUNCTIONS, 2),
                "technologies": rng.sample(_TECH, 2),
                "scores": [
                    {"profile_name": p, "score": {"value": round(rng.uniform(0, 100), 1)}}
                    for p in _PROFILES[:2]
                ],
                "max_positive_score_profiles": _PROFILES[0],
            },
        }
    else:
        data["enrichment_status"] = "Company Enriched"
    if roll < NO_MATCH_SHARE + PARTIAL_SHARE:
        _drop_some(data, rng)
    ordered = {"enrichment_status": data.pop("enrichment_status")}
    ordered.update(data)
    return ordered


def _drop_some(data: dict[str, Any], rng: random.Random) -> None:
    """Leave out some fields, as the API does with empty ones."""
    company = data["company"]
    for key in ("ticker", "facebook_url", "twitter_url", "family_tree", "signals", "description"):
        if rng.random() < 0.6:
            company.pop(key, None)
    company["size"].pop("exact", None)
    person = data.get("person")
    if person is not None:
        for key in ("linkedin_profile", "phone", "data_validation", "analytics"):
            if rng.random() < 0.6:
                person.pop(key, None)


# What a data source the user does not control may hold: rich markup, HTML, spreadsheet formulas,
# terminal escapes and control characters. Served by the sandbox with ``hostile=True``.
HOSTILE_TEXT = (
    "[/bold] [red]Acme[/red] <script>alert('x')</script> <b>bold</b> =HYPERLINK(\"http://x\") "
    "\x1b[31mred\x1b[0m \x07bell \u202eevil"
)


def hostile(data: dict[str, Any]) -> dict[str, Any]:
    """Put hostile text into an answer's displayed fields (industry, description, title, city)."""
    company = data.get("company")
    if isinstance(company, dict):
        company["description"] = HOSTILE_TEXT
        company["industry"] = "<script>alert(1)</script>[bold]Retail"
        company["sub_industry"] = "=1+2"
        address = company.get("address")
        if isinstance(address, dict):
            address["country"] = "[link=http://x]Country[/link] <img src=x onerror=alert(1)>"
    person = data.get("person")
    if isinstance(person, dict):
        person["title"] = "[/] \x1b[2J VP </td></tr></table>"
    return data
