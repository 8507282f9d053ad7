"""What detection sends as the company's address, for the detection tests."""

from __future__ import annotations

from leadspace_cli.mapping.detect import detect

ADDRESS = ("street", "city", "state", "postalcode", "country")


def company_address(header: list[str]) -> dict[str, str | None]:
    """The column detection sends as each part of the company's address (None: none is sent)."""
    fields = detect(header).fields
    return {k: fields.get(f"company.address.{k}") for k in ADDRESS}
