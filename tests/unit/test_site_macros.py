"""Configuration macros: the contact address and the organisation, or a visible placeholder."""

from __future__ import annotations

import pytest

from handbok.site_macros import kontaktadress, organisationsnamn


@pytest.mark.parametrize("extra", [{}, {"kontakt_epost": ""}, {"kontakt_epost": None}, {"kontakt_epost": "  "}])
def test_unset_contact_address_shows_the_placeholder(extra: dict) -> None:
    assert kontaktadress(extra) == "**&#91;kontaktadress ej angiven&#93;**"


def test_contact_address_is_a_mailto_link() -> None:
    assert kontaktadress({"kontakt_epost": " handboken@region.example.se "}) == (
        "[handboken@region.example.se](mailto:handboken@region.example.se)")


@pytest.mark.parametrize("address", ["handboken", "a b@c.se", "x@y.se](javascript:alert(1))", "a@b.se, c@d.se"])
def test_something_else_than_one_address_stops_the_build(address: str) -> None:
    with pytest.raises(ValueError, match="HANDBOK_KONTAKT_EPOST"):
        kontaktadress({"kontakt_epost": address})


def test_organisation_is_escaped_text_or_the_placeholder() -> None:
    assert organisationsnamn({"organisation": "Region <Exempel> & [Co]"}) == (
        "Region &lt;Exempel&gt; &amp; &#91;Co&#93;")
    assert organisationsnamn({"organisation": None}) == "**&#91;organisation ej angiven&#93;**"
