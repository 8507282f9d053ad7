"""Detection, twenty-sixth round: what the blind held-out set of API records (R34: places, registers,
enrichment vendors) still missed, and what the next blind sets found at first sight. Each test fails on
415178a, the code before it; the guards beside them hold on both. Values are invented."""

from __future__ import annotations

from pathlib import Path

from leadspace_cli.mapping.detect import detect
from tests.mapping.test_detect_twentyfourth import judged_lines


def test_an_enrichment_vendor_s_job_company_columns_are_the_employer_s() -> None:
    # People Data Labs' person records: the job's company and its location, the person's own location.
    header = ["id", "first_name", "last_name", "work_email", "mobile_phone", "job_title"]
    header += ["job_company_name", "job_company_website", "job_company_location_street_address"]
    header += ["job_company_location_locality", "job_company_location_region"]
    header += ["job_company_location_postal_code", "job_company_location_country", "location_country"]
    fields = detect(header).fields
    assert fields.get("company.name") == "job_company_name"
    assert fields.get("company.website") == "job_company_website"
    assert fields.get("company.address.street") == "job_company_location_street_address"
    assert fields.get("company.address.city") == "job_company_location_locality"
    assert fields.get("company.address.state") == "job_company_location_region"
    assert fields.get("company.address.postalcode") == "job_company_location_postal_code"
    assert fields.get("company.address.country") == "job_company_location_country"
    assert fields.get("person.person_country") == "location_country"
    # Guard: an account's bare "Region" stays a sales territory, not its state.
    accounts = detect(["Account Name", "Website", "Billing City", "Region"]).fields
    assert "company.address.state" not in accounts


def test_a_filing_s_business_address_among_its_addresses_is_the_company_s(tmp_path: Path) -> None:
    # The SEC's submissions: "addresses": {"mailing": {...}, "business": {...}}, a state or a country code.
    def address(street: str, city: str, state: str, zip_code: str) -> dict[str, str]:
        return {"street1": street, "city": city, "stateOrCountry": state, "zipCode": zip_code}

    firms = [("0000320193", "Apple Inc.", "One Apple Park Way", "Cupertino", "CA", "95014")]
    firms += [("0000789019", "Microsoft Corp", "One Microsoft Way", "Redmond", "WA", "98052-6399")]
    firms += [("0001018724", "Amazon Com Inc", "410 Terry Avenue North", "Seattle", "WA", "98109-5210")]
    lines = [
        {
            "cik": cik,
            "name": name,
            "sic": "3571",
            "website": "",
            "addresses": {"mailing": address("PO Box 1", city, state, zip_code), "business": address(*rest)},
        }
        for cik, name, *rest in firms
        for city, state, zip_code in [(rest[1], rest[2], rest[3])]
    ]
    fields = judged_lines(tmp_path / "submissions.jsonl", lines).fields
    assert fields.get("company.name") == "name"
    assert fields.get("company.address.street") == "addresses.business.street1"
    assert fields.get("company.address.city") == "addresses.business.city"
    assert fields.get("company.address.state") == "addresses.business.stateOrCountry"
    assert fields.get("company.address.postalcode") == "addresses.business.zipCode"


def test_a_register_s_address_object_region_is_its_state(tmp_path: Path) -> None:
    # OpenCorporates' companies: "registered_address": {"street_address", "locality", "region", ...}.
    firms = [("Acme Widgets Ltd", "12 High St", "Leeds", "West Yorkshire", "LS1 4AB")]
    firms += [("Brightside Inc", "400 Market St", "San Francisco", "California", "94111")]
    firms += [("Nordlys AS", "Karl Johans gate 5", "Oslo", "Oslo", "0154")]
    lines = [
        {
            "company": {
                "name": name,
                "company_number": f"0{i}4471",
                "registered_address": {
                    "street_address": street,
                    "locality": city,
                    "region": region,
                    "postal_code": code,
                    "country": "X",
                },
            }
        }
        for i, (name, street, city, region, code) in enumerate(firms)
    ]
    fields = judged_lines(tmp_path / "companies.jsonl", lines).fields
    assert fields.get("company.address.state") == "company.registered_address.region"
    assert fields.get("company.address.city") == "company.registered_address.locality"


def test_a_place_s_display_text_website_uri_and_postal_address_are_the_company_s(tmp_path: Path) -> None:
    # Google Places (New): "name" is the resource's path ("places/ChIJ..."), the name is
    # "displayName": {"text", "languageCode"}; "postalAddress" holds "locality", "postalCode" and a
    # "regionCode" that is the country's.
    places = [("ChIJQzqy", "The Real Greek", "London", "WC2R 0LP", "http://www.therealgreek.com/")]
    places += [("ChIJIV_f", "The Big Chill", "London", "WC2H 0AN", "https://bigchill.example/")]
    places += [("ChIJs4GO", "Café Nero Strand", "London", "WC2R 0JR", "https://caffenero.example/")]
    lines = [
        {
            "id": pid,
            "name": f"places/{pid}",
            "displayName": {"languageCode": "en", "text": text},
            "editorialSummary": {"languageCode": "en", "text": "Slick, modern restaurant."},
            "postalAddress": {"regionCode": "GB", "postalCode": code, "locality": city},
            "websiteUri": site,
        }
        for pid, text, city, code, site in places
    ]
    fields = judged_lines(tmp_path / "places.jsonl", lines).fields
    assert fields.get("company.name") == "displayName.text"
    assert fields.get("company.website") == "websiteUri"
    assert fields.get("company.address.city") == "postalAddress.locality"
    assert fields.get("company.address.postalcode") == "postalAddress.postalCode"
    assert fields.get("company.address.country") == "postalAddress.regionCode"
