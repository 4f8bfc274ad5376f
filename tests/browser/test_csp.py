"""The Content-Security-Policy (issue 28): an injected inline handler does not run, and the site's
own scripts (search, palette, checklist, portfolio filters) work without a CSP violation."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bench.static_site import serve_directory
from tests.browser.test_search import search
from tests.moved_pages import current_url

pytestmark = pytest.mark.browser

# Every violation the page reports, kept on window before any script of the page runs.
LISTEN = ("window.__violations = [];"
          "document.addEventListener('securitypolicyviolation', e => "
          "window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));")


def _open(new_context, url: str):
    page = new_context().new_page()
    page.add_init_script(LISTEN)
    messages: list[str] = []
    page.on("console", lambda m: messages.append(m.text))
    page.goto(url)
    page.wait_for_load_state("networkidle")
    return page, messages


def test_an_injected_handler_does_not_run(new_context, built_site: Path, tmp_path: Path) -> None:
    # The page as if every check before the browser had missed the handler.
    site = shutil.copytree(built_site, tmp_path / "site")
    page_file = site / "principer" / "index.html"
    html = page_file.read_text(encoding="utf-8")
    injected = '<img src="finns-inte.png" alt="" onerror="window.__injected = 1">'
    page_file.write_text(html.replace("</article>", injected + "</article>", 1), encoding="utf-8")
    server, url = serve_directory(site)
    try:
        page, _ = _open(new_context, f"{url}/principer/")
        page.wait_for_function("window.__violations.length > 0")
        assert page.evaluate("window.__injected") is None
        assert page.evaluate("window.__violations") == ["script-src-attr inline"]
    finally:
        server.shutdown()
        server.server_close()


def test_the_site_works_under_its_policy(new_context, site_url: str) -> None:
    page, messages = _open(new_context, f"{site_url}/")
    assert search(page, "införa")
    page.keyboard.press("Escape")
    scheme = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    page.locator("form[data-md-component=palette] label:not([hidden])").first.click()
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") != scheme
    violations = page.evaluate("window.__violations")

    page, more = _open(new_context, f"{site_url}/{current_url('checklista.md')}")
    box = page.locator(".handbok-checklista input[type=checkbox]").first
    box.check()
    assert box.is_checked()
    violations += page.evaluate("window.__violations")

    page, most = _open(new_context, f"{site_url}/portfolj/")
    page.wait_for_selector(".handbok-portfoljfilter:not([hidden])")
    rows = page.locator("#portfolj-tabell tbody tr:not([hidden])").count()
    status = page.eval_on_selector_all("#pf-status option", "os => os.map(o => o.value).filter(v => v)")[0]
    page.select_option("#pf-status", status)
    assert page.locator("#portfolj-tabell tbody tr:not([hidden])").count() < rows
    violations += page.evaluate("window.__violations")
    assert violations == []
    assert [m for m in messages + more + most if "Content Security Policy" in m] == []
