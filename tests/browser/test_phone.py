"""The handbook on a phone, 390 px wide (issue 27): nothing sideways but named scroll regions,
the portfolio as one block per initiative, headings that never cut a word nor strand their ¶."""

from __future__ import annotations

import pytest

from tests.browser.site_pages import PAGE_KINDS, representatives

pytestmark = pytest.mark.browser

PHONE = 390

# Every element that reaches past the viewport, unless it sits inside a horizontally scrolling
# element that says so: a region with a name, reachable by keyboard (tabindex="0").
_OVERFLOW_JS = """(limit) => {
  const problems = [];
  const width = document.documentElement.scrollWidth;
  if (width > limit) problems.push(`dokumentet är ${width} px brett`);
  for (const element of document.querySelectorAll("body *")) {
    const box = element.getBoundingClientRect();
    if (box.width === 0 || box.right <= limit + 0.5) continue;
    let inside = null;
    for (let a = element.parentElement; a && a !== document.body; a = a.parentElement) {
      const style = getComputedStyle(a);
      if (style.overflowX === "auto" || style.overflowX === "scroll" || style.overflowX === "hidden") { inside = a; break; }
    }
    if (inside === null) {
      problems.push(`${element.tagName.toLowerCase()}.${element.className} når ${Math.round(box.right)} px`);
    } else if (getComputedStyle(inside).overflowX !== "hidden" && inside.scrollWidth > inside.clientWidth + 1
               && !(inside.getAttribute("role") === "region" && inside.getAttribute("aria-label")
                    && inside.getAttribute("tabindex") === "0")) {
      problems.push(`${inside.tagName.toLowerCase()}.${inside.className} rullar i sidled utan namn och tangentbord`);
    }
  }
  return [...new Set(problems)].slice(0, 10);
}"""


@pytest.mark.parametrize("kind", list(PAGE_KINDS))
def test_no_page_kind_is_wider_than_a_phone(kind, site_pages, site_url, new_context):
    page = new_context(width=PHONE).new_page()
    page.goto(site_url + representatives(site_pages)[kind].path)
    page.wait_for_load_state("networkidle")
    problems = page.evaluate(_OVERFLOW_JS, PHONE)
    assert not problems, f"{kind} vid {PHONE} px:\n" + "\n".join(problems)


def test_the_overflow_check_finds_a_wide_element_and_an_unnamed_scroll_box(scratch_site, new_context):
    """Negative control: a wide block and an unnamed scrolling box are both reported."""
    folder, url = scratch_site
    (folder / "index.html").write_text(
        '<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>Prov</title></head><body style="margin:0">'
        '<div id="bred" style="width:600px">x</div>'
        '<div style="overflow-x:auto"><div style="width:700px">y</div></div>'
        '<div style="overflow-x:auto" role="region" aria-label="Tabell" tabindex="0"><div style="width:700px">z</div></div>'
        '</body></html>', encoding="utf-8")
    page = new_context(width=PHONE).new_page()
    page.goto(url)
    assert page.evaluate(_OVERFLOW_JS, PHONE) == [
        "dokumentet är 600 px brett", "div. når 600 px", "div. rullar i sidled utan namn och tangentbord"]


def test_portfolio_is_one_block_per_initiative_with_title_organisation_and_status(site_pages, site_url,
                                                                                 new_context):
    page = new_context(width=PHONE).new_page()
    page.goto(site_url + "portfolj/")
    blocks = page.evaluate("""() => [...document.querySelectorAll("#portfolj-tabell tbody tr")].map(row => {
      const cell = (i) => row.children[i];
      const shown = (e) => e.getBoundingClientRect().height > 0 && e.getBoundingClientRect().right <= innerWidth;
      return {display: getComputedStyle(row).display, width: row.getBoundingClientRect().width,
              title: shown(cell(0)) ? cell(0).innerText.trim() : "",
              organisation: shown(cell(1)) ? getComputedStyle(cell(1), "::before").content + cell(1).innerText.trim() : "",
              status: shown(cell(4)) ? getComputedStyle(cell(4), "::before").content + cell(4).innerText.trim() : ""};
    })""")
    assert blocks
    for block in blocks:
        assert block["display"] == "block" and block["width"] <= PHONE, block
        assert block["title"], block
        assert block["organisation"].startswith('"Organisation: "') and len(block["organisation"]) > 16, block
        assert block["status"].startswith('"Status: "') and len(block["status"]) > 10, block


def test_portfolio_filter_hides_blocks_on_a_phone(site_url, new_context):
    page = new_context(width=PHONE).new_page()
    page.goto(site_url + "portfolj/")
    rows = page.locator("#portfolj-tabell tbody tr")
    total = rows.count()
    first = rows.first.locator("th").inner_text().strip()
    page.fill("[data-filter=text]", first)
    visible = page.evaluate("""() => [...document.querySelectorAll("#portfolj-tabell tbody tr")]
      .filter(row => row.getBoundingClientRect().height > 0).length""")
    assert 1 <= visible < total


def test_timeline_is_its_table_on_a_phone_and_its_drawing_on_a_wide_screen(site_url, new_context):
    phone = new_context(width=PHONE).new_page()
    phone.goto(site_url + "portfolj/")
    assert not phone.locator("svg.handbok-tidslinje").is_visible()
    assert phone.locator("details.handbok-tl-text").get_attribute("open") is not None
    assert phone.locator("table.handbok-tl-tabell tbody tr").first.is_visible()
    wide = new_context(width=1280).new_page()
    wide.goto(site_url + "portfolj/")
    assert wide.locator("svg.handbok-tidslinje").is_visible()
    assert not wide.locator("table.handbok-tl-tabell").is_visible()


# For each heading: its permalink mark starts on the line its last word is on, and no word of it
# is wider than the heading (a word that does not fit would have to be cut without a hyphen).
_HEADINGS_JS = """() => [...document.querySelectorAll(".md-typeset h1, .md-typeset h2, .md-typeset h3")]
  .filter(h => h.getBoundingClientRect().height > 0).map(h => {
    const mark = h.querySelector(".headerlink");
    const text = [...h.childNodes].filter(n => n.nodeType === Node.TEXT_NODE).pop();
    let alone = false;
    if (mark && text && text.textContent.trim()) {
      const range = document.createRange();
      range.setStart(text, text.textContent.trimEnd().length - 1);
      range.setEnd(text, text.textContent.trimEnd().length);
      const last = range.getClientRects()[0], pilcrow = mark.getClientRects()[0];
      alone = Math.abs(last.top - pilcrow.top) > 4;
    }
    return {text: h.textContent.trim(), alone, overflows: h.scrollWidth > h.clientWidth + 1};
  })"""


@pytest.mark.parametrize("kind", ["start", "kom igång", "processteg", "insats", "enhet", "portfölj", "mall"])
def test_headings_keep_their_words_and_their_permalink_mark(kind, site_pages, site_url, new_context):
    page = new_context(width=PHONE).new_page()
    page.goto(site_url + representatives(site_pages)[kind].path)
    headings = page.evaluate(_HEADINGS_JS)
    assert headings
    stranded = [h["text"] for h in headings if h["alone"]]
    cut = [h["text"] for h in headings if h["overflows"]]
    assert not stranded, f"¶ ensam på raden: {stranded}"
    assert not cut, f"ord bredare än rubriken: {cut}"
