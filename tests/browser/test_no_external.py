"""Nothing from elsewhere: no request to another host and no cookie, in the browser and statically."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.browser

LOCAL_HOST = "127.0.0.1"


class RequestLog:
    """Every request a context makes; requests to other hosts are recorded and blocked."""

    def __init__(self, context) -> None:
        self.external: list[tuple[str, str]] = []
        self._current = ""
        context.route("**/*", self._route)
        context.on("request", self._record)

    def visiting(self, url: str) -> None:
        self._current = url

    def _is_local(self, url: str) -> bool:
        parts = urlsplit(url)
        return parts.scheme in {"data", "blob", "about"} or parts.hostname == LOCAL_HOST

    def _record(self, request) -> None:
        if not self._is_local(request.url):
            entry = (self._current, request.url)
            if entry not in self.external:
                self.external.append(entry)

    def _route(self, route) -> None:
        if self._is_local(route.request.url):
            route.continue_()
        else:
            route.abort()

    def report(self) -> str:
        return "\n".join(f"{page}: begäran till {url}" for page, url in self.external)


def visit_all(context, base_url: str, paths: list[str]) -> RequestLog:
    log = RequestLog(context)
    page = context.new_page()
    for path in paths:
        log.visiting(base_url + path)
        page.goto(base_url + path, wait_until="load")
    page.wait_for_load_state("networkidle")
    return log


def test_no_page_loads_anything_from_another_host(site_pages, site_url, new_context):
    context = new_context()
    log = visit_all(context, site_url, [p.path for p in site_pages])
    page = context.pages[0]
    log.visiting(site_url + " (sökning)")
    page.goto(site_url)
    page.keyboard.press("/")
    page.locator("pagefind-input input").press_sequentially("förändring")
    page.locator("pagefind-results a.pf-result-link").first.wait_for()
    assert not log.external, "Sidor hämtar innehåll från andra värdar:\n" + log.report()
    assert context.cookies() == [], f"Kakor sattes: {context.cookies()}"


def test_detector_catches_a_remote_font(scratch_site, new_context):
    """Negative control: a page that links a remote font is reported with its address."""
    folder, url = scratch_site
    (folder / "index.html").write_text(
        '<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>Prov</title>'
        '<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto">'
        '</head><body><p>Prov</p></body></html>', encoding="utf-8")
    log = visit_all(new_context(), url, [""])
    assert log.external == [(url, "https://fonts.googleapis.com/css?family=Roboto")], log.report()


# Static scan: what the built files would load, including things no visit above triggers.
_HTML_LOADS = re.compile(
    r"<(?:script|img|iframe|source|video|audio|embed|object|track)\b[^>]*?"
    r"\b(?:src|data|poster|srcset)=\"([^\"]*)\"", re.IGNORECASE)
_LINK_TAG = re.compile(r"<link\b[^>]*>", re.IGNORECASE)
_LINK_HREF = re.compile(r"\bhref=\"([^\"]*)\"", re.IGNORECASE)
# <link rel="canonical|alternate|prev|next"> only names an address; these rels load it.
_LOADING_RELS = re.compile(
    r"\brel=\"[^\"]*\b(?:stylesheet|icon|preload|modulepreload|prefetch|preconnect|"
    r"dns-prefetch|manifest|apple-touch-icon)\b", re.IGNORECASE)
_FORM_ACTION = re.compile(r"<form\b[^>]*\baction=\"([^\"]*)\"", re.IGNORECASE)
_CSS_LOADS = re.compile(r"url\(\s*['\"]?([^'\")]+)|@import\s+['\"]([^'\"]+)", re.IGNORECASE)
_INLINE_CSS = re.compile(r"<style\b[^>]*>(.*?)</style>|\bstyle=\"([^\"]*)\"", re.S | re.I)
_ABSOLUTE = re.compile(r"^\s*(?:[a-z][a-z0-9+.-]*:)?//", re.IGNORECASE)
# Own scripts (not Material's bundles, which carry unused CDN loaders for Mermaid etc.).
# Third-party bundles whose text names hosts it never loads (Pagefind's UI: translators' pages
# and licence notes); what a page really loads is checked in the browser below.
_THEME_SCRIPTS = ("assets/javascripts/bundle.", "assets/javascripts/workers/search.",
                  "assets/javascripts/lunr/", "pagefind/pagefind-component-ui.js",
                  "pagefind/pagefind-highlight.js")
# Pagefind's browser API and its worker parse relative URLs against a dummy base; they never load it.
_URL_PARSING_BASES = {"pagefind/pagefind.js": {"https://example.com"},
                      "pagefind/pagefind-worker.js": {"https://example.com"}}
_JS_URL = re.compile(r"(?:https?:)?//[a-z0-9.-]+\.[a-z]{2,}", re.IGNORECASE)


def _link_refs(html: str) -> list[str]:
    tags = [tag for tag in _LINK_TAG.findall(html) if _LOADING_RELS.search(tag)]
    return [m.group(1) for tag in tags if (m := _LINK_HREF.search(tag))]


def _css_refs(css: str) -> list[str]:
    return [a or b for a, b in _CSS_LOADS.findall(css)]


def external_loads(site_dir: Path) -> list[str]:
    """`file: address` for every reference to another host that a built file would load."""
    found = []
    for path in sorted(site_dir.rglob("*")):
        rel = path.relative_to(site_dir).as_posix()
        if path.suffix == ".html":
            text = path.read_text(encoding="utf-8")
            refs = _HTML_LOADS.findall(text) + _FORM_ACTION.findall(text) + _link_refs(text)
            refs += _css_refs(" ".join(a or b for a, b in _INLINE_CSS.findall(text)))
        elif path.suffix == ".css":
            refs = _css_refs(path.read_text(encoding="utf-8"))
        elif path.suffix == ".js" and not rel.startswith(_THEME_SCRIPTS):
            refs = [ref for ref in _JS_URL.findall(path.read_text(encoding="utf-8"))
                    if ref not in _URL_PARSING_BASES.get(rel, set())]
        else:
            continue
        found += [f"{rel}: {ref}" for ref in refs if _ABSOLUTE.match(ref)]
    return found


def test_built_files_reference_no_other_host(built_site):
    found = external_loads(built_site)
    assert not found, "Byggda filer laddar från andra värdar:\n" + "\n".join(found)


def test_static_scan_catches_external_loads(tmp_path):
    (tmp_path / "a.html").write_text(
        '<link href="https://fonts.example.com/x.css" rel="stylesheet"><a href="https://ok.se">'
        '<link rel="canonical" href="https://handboken.example.se/">',
        encoding="utf-8")
    (tmp_path / "b.css").write_text("@font-face{src:url(//cdn.example.com/f.woff2)}")
    (tmp_path / "c.js").write_text('import("https://cdn.example.com/m.js")')
    assert external_loads(tmp_path) == [
        "a.html: https://fonts.example.com/x.css",
        "b.css: //cdn.example.com/f.woff2",
        "c.js: https://cdn.example.com",
    ]
