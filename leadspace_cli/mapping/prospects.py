"""What the rows say of an exporting tool's layout: a prospecting tool's people found by their
LinkedIn profiles are where their places say; an ERP's own company on every row is not the records'."""

from __future__ import annotations

import re
from collections.abc import Callable

from leadspace_cli.mapping.aliases import _ADDRESS, COMPANY_PREFIX
from leadspace_cli.mapping.normal import normal as _normal
from leadspace_cli.mapping.organisations import _organisation
from leadspace_cli.mapping.spec import FULL_NAME, Mapping, shown

# A person's LinkedIn profile column, as prospecting tools name it.
_PROFILE_COLUMNS = frozenset(
    (
        *("linkedin", "linkedinurl", "linkedinprofile", "linkedinprofileurl", "personlinkedinurl"),
        *("linkedinprofilelink", "linkedinlink", "contactlinkedinurl", "profilelinkedin", "urllinkedin"),
    )
)
_PROFILE = re.compile(r"linkedin\.com/in/", re.IGNORECASE)


def profiled_places(mapping: Mapping, columns: list[str], values: Callable[[str], list[str]]) -> None:
    """People found by their LinkedIn profiles (a prospecting tool's: Cognism's, SignalHire's, a Sales
    Navigator scrape's): a bare City, State or Country is where the person is, not the company's
    address, unless a column names the company's own; the country is sent as the person's."""
    if not {"person.first_name", "person.last_name", FULL_NAME} & set(mapping.fields):
        return
    profile = next((c for c in columns if _normal(c) in _PROFILE_COLUMNS), None)
    if profile is None:
        return
    seen = [v for v in values(profile) if v.strip()]
    if len(seen) < 3 or sum(bool(_PROFILE.search(v)) for v in seen) < 0.8 * len(values(profile)):
        return  # a CRM's LinkedIn property, filled in a few rows: its address is read as it stands
    sent = {p: c for p in _ADDRESS if isinstance(c := mapping.fields.get(p), str)}
    if not sent or any(re.match(COMPANY_PREFIX, _normal(c)) for c in sent.values()):
        return
    for path in sent:
        del mapping.fields[path]
        mapping.candidates.pop(path, None)
    country = sent.get("company.address.country")
    if country is not None and "person.person_country" not in mapping.fields:
        mapping.fields["person.person_country"] = country
    mapping.notes.append(
        f"{profile!r} holds the people's LinkedIn profiles: {', '.join(map(repr, sent.values()))}"
        + (" are" if len(sent) > 1 else " is")
        + " where each person is, not their company's address"
        + (" (the country is sent as the person's)." if country is not None else ": not sent.")
    )


# A record's own whole name, a company's or a person's (Odoo's "Nombre completo", "Display Name").
_RECORD_NAMES = frozenset(
    ("name", "fullname", "displayname", "nombre", "nombrecompleto", "nomcomplet", "nome", "nomecompleto")
)


def tenant_company(mapping: Mapping, columns: list[str], values: Callable[[str], list[str]]) -> None:
    """A company column holding one or two names in every row of a file of many organisations is the
    exporting tenant's own company (Odoo's multi-company "Empresa"): the record's own name, where its
    values are organisations', is the company's name instead."""
    company = mapping.fields.get("company.name")
    people = {"person.first_name", "person.last_name", FULL_NAME} & set(mapping.fields)
    if not isinstance(company, str) or people:
        return
    seen = [v.strip().lower() for v in values(company) if v.strip()]
    if len(seen) < 8 or len(set(seen)) > 2:
        return
    used = mapping.columns_used()
    for column in columns:
        if column in used or _normal(column) not in _RECORD_NAMES:
            continue
        names = [v.strip() for v in values(column) if v.strip()]
        if len(set(names)) < 0.5 * len(names) or sum(map(_organisation, names)) < 0.3 * len(names):
            continue
        mapping.fields["company.name"] = column
        first = next(v for v in values(company) if v.strip())
        mapping.notes.append(
            f"{company!r} holds one company in every row ({shown(first)}), the exporter's own: "
            f"{column!r}, the organisations' own names, is sent as company.name."
        )
        return


# A job posting's own id beside an applicant's: the "job title" is the posting's (JazzHR's "job_title",
# Workable's "job.title"), not the applicant's own job.
_POSTING_IDS = frozenset(
    ("jobid", "jobshortcode", "requisitionid", "jobrequisitionid", "postingid", "jobpostingid", "vacancyid")
)
_APPLIED = frozenset(
    (
        *("applydate", "applieddate", "appliedat", "appliedon", "applicationdate", "dateapplied"),
        *("stage", "stagename", "hiringstage", "disqualified", "disqualificationreason", "applicationstatus"),
    )
)
_POSTING_TITLES = frozenset(("jobtitle", "jobname", "jobpostingtitle", "postingtitle", "jobposition"))


def applicants(mapping: Mapping, columns: list[str], values: Callable[[str], list[str]]) -> None:
    """An applicant tracking system's applicants (JazzHR's, Workable's): beside the posting's id and the
    application's date or stage, the job's title is the posting's, not sent (their headline is their
    own job, where it is there); a company in every row is the hiring account's, not their employer."""
    names = {_normal(c): c for c in columns}
    if not (_POSTING_IDS & set(names) and _APPLIED & set(names)):
        return
    title = mapping.fields.get("person.title")
    if isinstance(title, str) and _normal(title) in _POSTING_TITLES:
        del mapping.fields["person.title"]
        mapping.candidates.pop("person.title", None)
        headline = names.get("headline")
        if headline is not None and any(v.strip() for v in values(headline)):
            mapping.fields["person.title"] = headline
        mapping.notes.append(
            f"{title!r} is the title of the job applied for, not the applicant's own: not sent"
            + (f"; {headline!r} is sent as person.title." if "person.title" in mapping.fields else ".")
        )
    company = mapping.fields.get("company.name")
    if isinstance(company, str):
        seen = {v.strip().lower() for v in values(company) if v.strip()}
        if len(seen) == 1 and sum(bool(v.strip()) for v in values(company)) >= 3:
            del mapping.fields["company.name"]
            mapping.notes.append(
                f"{company!r} holds one company in every row of applicants, the hiring one's: not sent "
                "as company.name."
            )
