"""Detection, twenty-fourth round: what three blind held-out sets (R20-R22) found at first sight. Each
test fails on 9bd01b5, the code before it; the guards beside them hold on both. Values are invented."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from leadspace_cli.formats.sources import open_source
from leadspace_cli.mapping.detect import detect
from leadspace_cli.mapping.judge import detect_source
from leadspace_cli.mapping.spec import Mapping
from tests.mapping.test_detect_eleventh import judged


def judged_lines(path: Path, lines: list[dict[str, Any]]) -> Mapping:
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    with open_source(str(path), prescan=True) as source:
        return detect_source(source)


def test_an_enrichment_s_nested_person_and_company_are_read_through_their_inner_objects(
    tmp_path: Path,
) -> None:
    # Clearbit's combined answers: person.name.givenName, company.geo.city; and a bare "person.email"
    # went unsent though the object says whose it is.
    people = [
        ("Ann", "Lee", "ann@acme.example", "CFO", "Acme", "Austin"),
        ("Bo", "Ray", "bo@beta.example", "CTO", "Beta", "Boston"),
    ]
    people.append(("Cy", "Dee", "cy@gamma.example", "CEO", "Gamma", "Denver"))
    lines = [
        {
            "person": {
                "id": f"p{i}",
                "email": e,
                "name": {"givenName": f, "familyName": la},
                "employment": {"title": t, "name": c},
            },
            "company": {
                "name": c,
                "domain": e.split("@")[1],
                "geo": {"city": city, "streetName": "Main St", "country": "US"},
            },
        }
        for i, (f, la, e, t, c, city) in enumerate(people)
    ]
    fields = judged_lines(tmp_path / "a.jsonl", lines).fields
    assert fields.get("person.first_name") == "person.name.givenName"
    assert fields.get("person.last_name") == "person.name.familyName"
    assert fields.get("person.email") == "person.email"
    assert fields.get("person.title") == "person.employment.title"
    assert fields.get("company.address.city") == "company.geo.city"
    assert "company.address.street" not in fields  # a street's name without its number
    assert fields.get("company.name") == "company.name"  # not the employment's name


def test_a_store_locator_s_openstreetmap_tags_are_the_address(tmp_path: Path) -> None:
    lines = [
        {
            "id": str(i),
            "properties": {
                "name": f"Kwik Shine Car Wash {c}",
                "addr:street_address": f"{i}0 Main St",
                "addr:city": c,
                "addr:postcode": z,
                "addr:state": "OH",
                "addr:country": "US",
                "phone": f"(614) 882-44{i}0",
                "website": f"https://www.shine{i}.example/locations/{c.lower()}",
            },
        }
        for i, (c, z) in enumerate([("Hilliard", "43026"), ("Dayton", "45415"), ("Fishers", "46037")])
    ]
    fields = judged_lines(tmp_path / "a.jsonl", lines).fields
    assert fields.get("company.address.city") == "properties.addr:city"
    assert fields.get("company.address.postalcode") == "properties.addr:postcode"
    assert fields.get("company.address.street") == "properties.addr:street_address"


_USERS = [
    [
        "118",
        "Dana",
        "Whitfield",
        "dwhitfield@harborlinemarine.com",
        "Harborline Marine Supply",
        "2210 Marina Blvd",
        "Tampa",
        "US",
    ],
    [
        "124",
        "Kevin",
        "Osei",
        "k.osei@summitfabrication.com",
        "Summit Fabrication Inc.",
        "1875 Industrial Pkwy",
        "Bedford",
        "US",
    ],
    [
        "131",
        "Lena",
        "Brandt",
        "lena.brandt@northpointfoods.com",
        "Northpoint Foods LLC",
        "9 Dock Rd",
        "Erie",
        "US",
    ],
]


def test_a_customer_name_of_organisations_beside_the_people_s_names_is_their_company(tmp_path: Path) -> None:
    # OroCommerce's customer users: "Customer Name" after the names went unsent, and the address with it.
    header = ["ID", "First Name", "Last Name", "Email Address", "Customer Name", "Street", "City", "Country"]
    fields = judged(tmp_path / "a.csv", header, _USERS).fields
    assert fields.get("company.name") == "Customer Name"
    assert fields.get("company.address.city") == "City"
    assert "person.person_country" not in fields


def test_guard_a_customer_name_that_is_the_person_s_own_is_no_company(tmp_path: Path) -> None:
    rows = [[*r[:4], f"{r[1]} {r[2]}", *r[5:]] for r in _USERS]
    header = ["ID", "First Name", "Last Name", "Email Address", "Customer Name", "Street", "City", "Country"]
    assert "company.name" not in judged(tmp_path / "a.csv", header, rows).fields


def test_a_customer_s_contact_and_the_customer_s_address(tmp_path: Path) -> None:
    # Partner Center's co-sell opportunities: the "Customer Contact" is the customer's person, the
    # customer is the company, and its address went out as the person's country only.
    header = [
        "Deal Name",
        "Customer Name",
        "Customer Address Line 1",
        "Customer City",
        "Customer Postal Code",
        "Customer Country",
    ]
    header += ["Customer Contact First Name", "Customer Contact Last Name", "Customer Contact Email Address"]
    rows = [
        [
            "Azure move",
            "Fabrikam Manufacturing Inc.",
            "4100 Commerce Dr",
            "Dearborn",
            "48120",
            "US",
            "Greg",
            "Hale",
            "ghale@fabrikam.com",
        ],
        [
            "D365 rollout",
            "Litware Health LLC",
            "1250 Peachtree St",
            "Atlanta",
            "30309",
            "US",
            "Monique",
            "Ellis",
            "me@litware.com",
        ],
        [
            "M365 security",
            "Contoso Pharma Ltd.",
            "1 Pembroke Sq",
            "Dublin",
            "D02 X285",
            "IE",
            "Siobhan",
            "Gall",
            "sg@contoso.ie",
        ],
    ]
    fields = judged(tmp_path / "a.csv", header, rows).fields
    assert fields.get("company.name") == "Customer Name"
    assert fields.get("person.email") == "Customer Contact Email Address"
    assert fields.get("company.address.street") == "Customer Address Line 1"
    assert fields.get("company.address.country") == "Customer Country"
    assert "person.person_country" not in fields


def test_a_company_name_of_codes_gives_way_to_a_bare_name_of_organisations(tmp_path: Path) -> None:
    # The IRS register: "ORGANIZATION" holds a code (1, 3, 5) and went out as every charity's name.
    header = ["EIN", "NAME", "STREET", "CITY", "STATE", "ZIP", "ORGANIZATION", "AFFILIATION"]
    rows = [
        ["541873026", "RICHMOND LITERACY COALITION", "1420 W MAIN ST", "RICHMOND", "VA", "23220", "1", "3"],
        [
            "237164852",
            "FRIENDS OF THE OSWEGO PUBLIC LIBRARY INC",
            "120 E 2ND ST",
            "OSWEGO",
            "NY",
            "13126",
            "1",
            "3",
        ],
        ["460987713", "HARBOR LIGHTS YOUTH ROWING CLUB", "PO BOX 4471", "TACOMA", "WA", "98438", "5", "3"],
        ["311234567", "MIDWEST REFUGEE HEALTH NETWORK", "9 ELM ST", "DAYTON", "OH", "45402", "1", "3"],
    ]
    fields = judged(tmp_path / "a.csv", header, rows).fields
    assert fields.get("company.name") == "NAME"


def test_a_record_id_that_repeats_between_rows_is_none(tmp_path: Path) -> None:
    # Gibbon's applications: "Student ID" held each applicant's day type (Full Day, Half Day).
    rows = [["Full Day", n, "Tanaka", f"{n.lower()}@school.example"] for n in ("Mia", "Ken", "Yui")]
    rows += [["Half Day", n, "Okafor", f"{n.lower()}@school.example"] for n in ("Chi", "Emi")]
    fields = judged(tmp_path / "a.csv", ["Student ID", "First Name", "Surname", "Student Email"], rows).fields
    assert "external_id" not in fields
    unique = [[str(100 + i), *r[1:]] for i, r in enumerate(rows)]
    assert (
        judged(
            tmp_path / "b.csv", ["Student ID", "First Name", "Surname", "Student Email"], unique
        ).fields.get("external_id")
        == "Student ID"
    )


def test_a_charity_register_s_own_number_before_the_company_register_s() -> None:
    fields = detect(
        [
            "registered_charity_number",
            "charity_name",
            "charity_company_registration_number",
            "charity_contact_postcode",
        ]
    ).fields
    assert fields.get("external_id") == "registered_charity_number"


def test_care_homes_and_hospices_are_organisations(tmp_path: Path) -> None:
    # The CQC's directory: a bare Name of care locations; its phone is theirs, no person's.
    rows = [
        ["Oakwood Grange Care Home", "HG2 8QW", "01423567890"],
        ["Bright Smile Dental Practice", "DE22 3FA", "01332410772"],
        ["St Brendan's Hospice Community Team", "CT10 1LU", "01843600415"],
        ["Hollybank Surgery", "LS6 2AB", "01132781234"],
    ]
    fields = judged(tmp_path / "a.csv", ["Name", "Postcode", "Phone number"], rows).fields
    assert fields.get("company.name") == "Name"
    assert "person.person_phone" not in fields


def test_a_donor_s_card_billing_address_beside_private_mail_is_their_home(tmp_path: Path) -> None:
    # Classy's gifts: the supporter went unsent and the billing address went out as a company's.
    header = [
        "Transaction ID",
        "Supporter Name",
        "Billing Email Address",
        "Billing City",
        "Billing Postal Code",
        "Billing Country",
    ]
    rows = [
        ["1", "Rebecca Alvarez", "rebecca.alvarez@gmail.com", "Oakland", "94610", "US"],
        ["2", "Priya Raman", "priya.raman88@outlook.com", "Austin", "78701", "US"],
        ["3", "Tom Brennan", "tbrennan.55@comcast.net", "Boston", "02110", "US"],
        ["4", "Harold Whitcomb", "hwhitcomb@whitcomblaw.com", "Sacramento", "95814", "US"],
    ]
    fields = judged(tmp_path / "a.csv", header, rows).fields
    assert fields.get("person.full_name") == "Supporter Name"
    assert not [p for p in fields if p.startswith("company.address.")]
    assert fields.get("person.person_country") == "Billing Country"


def test_an_invoicing_customer_s_contact_and_not_the_tool_s_own_firm(tmp_path: Path) -> None:
    # Crater's customers: "billing.name" (an attention line) was sent before "contact_name", and the
    # invoicing firm's own nested "company.name" filled rows whose company_name was empty.
    lines = [
        {
            "id": i,
            "contact_name": p,
            "company_name": c,
            "email": e,
            "billing": {"name": b, "city": "Austin"},
            "company": {"name": "Invoicer LLC"},
        }
        for i, (p, c, e, b) in enumerate(
            [
                ("Holly Brennan", "Greenway LLC", "ap@greenway.example", "Holly Brennan"),
                ("Aaron Feld", "Feld Ortho PLLC", "aaron@feld.example", "Feld Ortho PLLC"),
                ("Mina Sato", "", "hello@cobalt.example", "Mina Sato"),
                ("Jens Halvorsen", "Halvorsen Inc.", "jh@halvorsen.example", "Jens Halvorsen"),
            ]
        )
    ]
    fields = judged_lines(tmp_path / "a.jsonl", lines).fields
    assert fields.get("person.full_name") == "contact_name"
    assert fields.get("company.name") == "company_name"


def test_world_and_national_regions_are_no_countries(tmp_path: Path) -> None:
    rows = [
        ["41", "Huber GmbH", "s.huber@huber.de", "Europa"],
        ["42", "Nordic Lift AB", "k@nordic.se", "Europa"],
    ]
    rows += [["43", "Wagner KG", "a@wagner.at", "Europa"], ["44", "Lift Inc.", "j@lift.com", "Nordamerika"]]
    fields = judged(tmp_path / "a.csv", ["ID", "Organisation", "E-Mail", "Land/Region"], rows).fields
    assert "company.address.country" not in fields
    countries = [
        [*r[:3], c] for r, c in zip(rows, ["Deutschland", "Schweden", "Österreich", "USA"], strict=True)
    ]
    assert (
        judged(tmp_path / "b.csv", ["ID", "Organisation", "E-Mail", "Land/Region"], countries).fields.get(
            "company.address.country"
        )
        == "Land/Region"
    )


def test_a_czech_deal_sheet_s_klient_of_firms_and_owners_associations(tmp_path: Path) -> None:
    header = ["Kód", "Klient", "Město", "PSČ", "Kontaktní osoba", "Kontaktní osoba - e-mail", "Kraj"]
    rows = [
        [
            "OP-1",
            "SVJ Korunní 18",
            "Praha 2",
            "120 00",
            "Karel Dvořák",
            "karel.dvorak@seznam.cz",
            "Hlavní město Praha",
        ],
        [
            "OP-2",
            "Stavby Novák s.r.o.",
            "Brno",
            "628 00",
            "Martin Novák",
            "martin@stavbynovak.cz",
            "Jihomoravský kraj",
        ],
        [
            "OP-3",
            "LOGIPARK MORAVIA a.s.",
            "Ostrava",
            "702 00",
            "Eva Malá",
            "eva.mala@logipark.cz",
            "Moravskoslezský kraj",
        ],
        ["OP-4", "KAPA Retail s.r.o.", "Plzeň", "301 00", "Petr Kos", "petr.kos@kapa.cz", "Plzeňský kraj"],
    ]
    fields = judged(tmp_path / "a.csv", header, rows).fields
    assert fields.get("company.name") == "Klient"
    assert "person.person_country" not in fields
    assert "company.address.country" not in fields


def test_an_argentine_form_s_shop_address_and_trade_name(tmp_path: Path) -> None:
    header = [
        "Nombre",
        "Apellido",
        "Email",
        "Ciudad",
        "Provincia",
        "Nombre de fantasía",
        "Dirección local",
        "Ciudad local",
        "Provincia local",
    ]
    rows = [
        [
            "Martín",
            "Ferreyra",
            "martin@lacumbre.com.ar",
            "Córdoba",
            "Córdoba",
            "La Cumbre Outdoor",
            "Av. Núñez 4620",
            "Córdoba",
            "Córdoba",
        ],
        ["Lucía", "Gómez", "luci@gmail.com", "Villa Urquiza", "CABA", "", "", "", ""],
        [
            "Santiago",
            "Ibáñez",
            "compras@andesur.com.ar",
            "Bariloche",
            "Río Negro",
            "Andesur Montaña",
            "Mitre 480",
            "Bariloche",
            "Río Negro",
        ],
    ]
    fields = judged(tmp_path / "a.csv", header, rows).fields
    assert fields.get("company.name") == "Nombre de fantasía"
    assert fields.get("company.address.city") == "Ciudad local"
    assert fields.get("company.address.state") == "Provincia local"


def test_registers_names_in_russian_korean_japanese_and_mexican_headers() -> None:
    assert detect(["Наименование", "Адрес", "Город", "Веб-сайт"]).fields.get("company.name") == "Наименование"
    assert detect(["상호", "대표자명", "전화번호"]).fields.get("company.name") == "상호"
    assert (
        detect(["法人番号", "法人名", "郵便番号", "企業ホームページ"]).fields.get("company.name") == "法人名"
    )
    assert detect(["id", "nom_estab", "raz_social", "cod_postal"]).fields.get("company.name") == "nom_estab"


def test_a_french_public_service_s_usager_is_the_row_s_person(tmp_path: Path) -> None:
    rows = [["Inès BERTRAND", "8412093", "15/09/2026"], ["Mohamed BENSAÏD", "8412877", "09/09/2026"]]
    rows.append(["Léa MOREAU", "8413450", "17/09/2026"])
    fields = judged(tmp_path / "a.csv", ["usager", "rdv_id", "date rdv"], rows).fields
    assert fields.get("person.full_name") == "usager"
