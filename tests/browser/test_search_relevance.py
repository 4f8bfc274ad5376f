"""What a reader finds first: realistic queries on the real site, each with the page that must
be among the first three results (Pagefind's Component UI, overrides/partials/search.html).

A change to the index, the templates' search marks or the weights that pushes one of these
pages out of the top three fails here.
"""

from __future__ import annotations

import re

import pytest

from tests.moved_pages import current_url

pytestmark = pytest.mark.browser

RESULT_LINK = "pagefind-results .pf-result-link"
ITEM = "pagefind-results ul.pf-results > li"
TITLE_LINK = "a.pf-result-link"
SUMMARY = "pagefind-summary .pf-summary"


def open_search(page) -> None:
    """Open the search dialog the way a keyboard user does and empty its field and list."""
    field = page.locator("pagefind-modal pagefind-input input")
    if not field.is_visible():
        page.keyboard.press("/")
        field.wait_for(state="visible")
    field.fill("")
    page.locator(RESULT_LINK).first.wait_for(state="detached")


def search(page, query: str) -> tuple[list[str], int]:
    """Site-relative paths of the shown results, best first, and the count the dialog states."""
    open_search(page)
    page.locator("pagefind-modal pagefind-input input").fill(query)
    page.wait_for_function(
        """q => { const s = document.querySelector('pagefind-summary .pf-summary');
                  return s && s.textContent.startsWith(q + ' gav'); }""", arg=query, timeout=10_000)
    summary = page.locator(SUMMARY).inner_text()
    count = int(m.group(1)) if (m := re.search(r"gav (\d+) träff", summary)) else 0
    # Each listed result loads its page's fragment on its own, in any order; the first three
    # are what is judged, so wait until those three have their links.
    page.wait_for_function(
        "n => [...document.querySelectorAll(ITEM)].slice(0, n).every(li => li.querySelector(LINK))"
        .replace("ITEM", repr(ITEM)).replace("LINK", repr(TITLE_LINK)), arg=min(count, 3))
    hrefs = page.eval_on_selector_all(
        ITEM, f"items => items.map(li => li.querySelector({TITLE_LINK!r})).filter(Boolean).map(a => a.pathname)")
    return [href.lstrip("/") for href in hrefs], count


# (query, page that must be among the first three): roles, templates, process steps, the
# glossary's abbreviations, inflected and misspelled forms, and records by their own title.
QUERIES = [
    ("riskbedömning", "mallar/riskanalys/"),
    ("riskanalys", "mallar/riskanalys/"),
    ("chefer", "roller/chef/"),
    ("chef", "roller/chef/"),
    ("projektledare", "roller/projektledare/"),
    ("projektledaren", "roller/projektledare/"),
    ("uppdragsägare", "roller/uppdragsagare/"),
    ("uppdragsägaren", "roller/uppdragsagare/"),
    ("styrgrupp", "roller/styrgrupp-och-referensgrupper/"),
    ("referensgrupper", "roller/styrgrupp-och-referensgrupper/"),
    ("beredningsgrupp", "roller/beredningsgrupp/"),
    ("beredningsunderlag", "mallar/beredningsunderlag/"),
    ("föranmälan", "mallar/foranmalan/"),
    ("statusrapport", "mallar/statusrapport/"),
    ("uppdragshandling", "mallar/uppdragshandling/"),
    ("checklista", current_url("checklista.md")),
    ("ordlista", "ordlista/"),
    ("förkortningar", "ordlista/"),
    ("TLO", "erfarenheter/tlo-samordning-vgr/"),
    ("KOM-KR", "ordlista/"),
    ("införa", "process/infora/"),
    ("införandet", "process/infora/"),
    ("förvalta", "process/forvalta-och-folja-upp/"),
    ("ta emot ärende", "process/ta-emot-arende/"),
    ("bereda", "process/bereda/"),
    ("lokalt utvecklingsansvarig", "roller/lokalt-utvecklingsansvarig/"),
    ("förvaltningsledningen", "roller/forvaltningsledningen/"),
    ("förändringar", "principer/"),
    ("kom igång", "kom-igang/"),
    ("tillgänglighet", "om/tillganglighetsredogorelse/"),
    ("saba cloud", "insatser/saba-cloud/"),
    ("hifa", "insatser/hifa/"),
    ("cytostatikakörkort", "insatser/cytostatikakorkort/"),
    ("office 365", "insatser/office-365/"),
    ("projektledre", "roller/projektledare/"),
    ("uppdragsägre", "roller/uppdragsagare/"),
]



@pytest.mark.real_content
@pytest.mark.parametrize(("query", "expected"), QUERIES)
def test_the_expected_page_is_among_the_first_three(start_page, query, expected):
    found, _ = search(start_page, query)
    assert expected in found[:3], f"Sökning på {query!r} gav först {found[:3]}, väntade {expected!r}"
