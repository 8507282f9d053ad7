"""A column named only "URL" or "site" sent as the company's website when its rows hold web sites."""

from __future__ import annotations

import re
from collections.abc import Callable

from leadspace_cli.mapping.aliases import URL_COLUMNS, normalize_header, system_column
from leadspace_cli.mapping.normal import normal as _normal
from leadspace_cli.mapping.organisations import host
from leadspace_cli.mapping.spec import Mapping

_NOT_A_SITE = re.compile(
    r"(linkedin\.com|facebook\.com|twitter\.com|x\.com/|instagram\.com|crunchbase\.com|youtube\.com|"
    r"github\.com|google\.com/profiles|@|"
    # A directory's or a marketplace's page of the business (a listing scraper's "url"), not its site.
    r"tripadvisor\.|yelp\.|google\.[a-z.]+/maps|maps\.google\.|goo\.gl/maps|pagesjaunes\.|paginegialle\.|"
    r"gelbeseiten\.|yellowpages\.|paginasamarillas\.|fiverr\.com|upwork\.com)",
    re.IGNORECASE,
)


# A web site's address: its last label (the top-level domain) has a letter, so a price (49.99), a
# bandwidth (16.000) or an IP address is none.
_SITE = re.compile(
    r"^(https?://)?(www\.)?[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z][a-z0-9-]*\.?(/\S*)?$", re.IGNORECASE
)


def url_site(mapping: Mapping, columns: list[str], values: Callable[[str], list[str]]) -> None:
    """Send a column named only "URL" (or "Company URL", a bare "site") as company.website when its
    values are web sites of many hosts, not LinkedIn or other profiles, nor one directory's pages."""
    if "company.website" not in mapping.fields:
        for column in columns:
            # And read as a company's: Portuguese "URL da empresa".
            named = normalize_header(column) in URL_COLUMNS or _normal(column) in URL_COLUMNS
            if system_column(column) or not named:
                continue
            if column in mapping.columns_used():
                continue
            seen = [v.strip() for v in values(column) if v.strip()]
            sites = [v for v in seen if _SITE.match(v) and not _NOT_A_SITE.search(v)]
            hosts = {host(v) for v in sites}
            # Every row's link on one host is a directory's or a register's pages (their paths say
            # so, or the rows are of many companies), not one account's contacts' shared site.
            company = mapping.fields.get("company.name")
            firms = len({v.strip().lower() for v in values(company)}) if isinstance(company, str) else 0
            deep = sum(bool(re.sub(r"^[a-z]+://", "", v.lower()).partition("/")[2].strip("/")) for v in sites)
            pages = len(hosts) == 1 and (deep >= 0.5 * len(sites) or firms > 1)
            links = len(seen) >= 3 and len(sites) >= 0.9 * len(seen)
            if links and not pages:
                mapping.fields["company.website"] = column
                mapping.notes.append(f"{column!r} holds web sites: sent as company.website.")
                break
            if links:
                mapping.notes.append(
                    f"{column!r} holds pages of one site ({hosts.pop()}), not each company's own: not sent."
                )
            elif seen:
                mapping.notes.append(
                    f"{column!r} holds links that are not company web sites (profiles?): not sent."
                )
