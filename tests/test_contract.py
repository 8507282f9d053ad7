"""The import contract: layers import only downwards, no cycles, the sandbox only the field list."""

from __future__ import annotations

from pathlib import Path

import leadspace_cli
from tests.contract import Contract, check

PACKAGE = Path(leadspace_cli.__file__).resolve().parent
LEADSPACE = Contract(
    "leadspace_cli",
    # __main__ > cli > app > sandbox > engine > mapping > api > formats > results > errors > version
    layers=[
        "__main__",
        "cli",
        "app",
        "sandbox",
        "engine",
        "mapping",
        "api",
        "formats",
        "results",
        "errors",
        "version",
    ],
    # The stand-in API referees the tool's credits: it decides by the API document alone.
    isolated={"sandbox": ["leadspace_cli.api.fields"]},
)


def test_the_package_keeps_its_import_contract() -> None:
    assert check(PACKAGE, LEADSPACE) == []


def test_the_contract_check_finds_each_kind_of_fault() -> None:
    faulty = Contract(
        "faultypkg", layers=["high", "sandbox", "low"], isolated={"sandbox": ["faultypkg.low.fields"]}
    )
    faults = check(Path(__file__).parent / "fixtures" / "faultypkg", faulty)
    assert sorted(faults) == sorted(
        [
            "faultypkg.high.top imports the package root (the public API imports it, not back)",
            "faultypkg.low.base (low) imports upwards: faultypkg.high.top (high)",
            "faultypkg.low.fields (low) imports upwards: faultypkg.high.other (high)",
            "faultypkg.sandbox.dynamic imports faultypkg.high.other: sandbox may import only "
            "['faultypkg.low.fields']",
            "faultypkg.sandbox.server imports faultypkg.low.base: sandbox may import only "
            "['faultypkg.low.fields']",
            "import cycle: faultypkg.high.other -> faultypkg.high.top -> faultypkg.high.other (3 modules "
            "tied: faultypkg.high.other, faultypkg.high.top, faultypkg.low.base)",
        ]
    )


# Data, not code: the header alias table and the store's frozen compression dictionary.
DATA_MODULES = {"mapping/aliases.py", "engine/store_dictionary.py"}
MAX_LINES = 600


def test_no_module_of_code_is_over_600_lines() -> None:
    sizes = {
        str(p.relative_to(PACKAGE)): len(p.read_text(encoding="utf-8").splitlines())
        for p in PACKAGE.rglob("*.py")
    }
    assert len(sizes) > 50  # it saw the package
    assert {name for name in DATA_MODULES if name in sizes} == DATA_MODULES
    assert {n: size for n, size in sizes.items() if size > MAX_LINES and n not in DATA_MODULES} == {}
