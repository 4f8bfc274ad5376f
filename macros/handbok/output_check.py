"""The built site checked against one allow-list: what a browser will read, not the source (issue 28).

The source scan (page_safety.py) reads Markdown with patterns; Markdown, attr_list, snippets,
front matter and the theme then turn it into HTML that a browser tokenises on its own terms.
So every written page and markup file is parsed again with a real HTML parser and accepted only
if each element, attribute and URL is on the allow-list below: the elements and attributes the
theme and our Markdown extensions produce. Inline scripts are accepted only when they are one
of the theme's own (partials/javascripts/*.html). Nothing is stripped: a violation is a Problem.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable
from html.parser import HTMLParser

from handbok.problems import Problem

# Attributes any allowed element may carry (plus aria-* and data-*, see _attribute_problem).
_GLOBAL = frozenset({"class", "id", "title", "role", "lang", "dir", "hidden", "tabindex"})
_SVG_SHAPE = frozenset({"d", "fill", "stroke", "stroke-width", "x", "y", "x1", "x2", "y1", "y2", "cx", "cy",
                        "r", "rx", "ry", "width", "height", "points", "transform", "opacity",
                        "fill-rule", "clip-rule", "text-anchor", "dominant-baseline", "font-size"})
# Element -> its own attributes. The one list of what the site's HTML may contain.
ALLOWED: dict[str, frozenset[str]] = {name: frozenset(attrs) for name, attrs in {
    "html": {"xmlns"}, "head": set(), "body": set(), "title": set(),
    "meta": {"charset", "name", "content", "http-equiv", "property"},
    "link": {"rel", "href", "type", "sizes", "media", "hreflang", "crossorigin"},
    "script": {"src", "type", "defer"},
    "header": set(), "footer": set(), "main": set(), "nav": {"aria-expanded"}, "article": set(),
    "section": set(), "aside": set(), "div": set(), "span": set(), "p": set(), "br": set(), "hr": set(),
    "h1": set(), "h2": set(), "h3": set(), "h4": set(), "h5": set(), "h6": set(),
    "a": {"href", "rel", "download", "target", "hreflang"},
    "img": {"src", "alt", "width", "height", "loading", "decoding"},
    "figure": set(), "figcaption": set(), "blockquote": {"cite"}, "q": {"cite"},
    "ul": set(), "ol": {"start", "reversed", "type"}, "li": {"value"}, "dl": set(), "dt": set(), "dd": set(),
    "table": set(), "caption": set(), "colgroup": {"span"}, "col": {"span"}, "thead": set(),
    "tbody": set(), "tfoot": set(), "tr": set(), "th": {"scope", "colspan", "rowspan", "align"},
    "td": {"colspan", "rowspan", "align"},
    "em": set(), "strong": set(), "b": set(), "i": set(), "u": set(), "s": set(), "del": set(),
    "ins": set(), "mark": set(), "small": set(), "sub": set(), "sup": set(), "abbr": set(), "kbd": set(),
    "code": set(), "pre": set(), "samp": set(), "var": set(), "cite": set(), "time": {"datetime"},
    "details": {"open"}, "summary": set(),
    "form": {"action", "method", "name", "autocomplete", "novalidate"},
    "label": {"for"}, "button": {"type", "name", "value", "disabled"},
    "input": {"type", "name", "value", "checked", "disabled", "placeholder", "autocomplete",
              "autocapitalize", "autocorrect", "spellcheck", "required"},
    "select": {"name"}, "option": {"value", "selected"},
    "svg": {"xmlns", "viewbox", "width", "height", "fill", "preserveaspectratio", "version", "focusable"},
    "g": _SVG_SHAPE, "path": _SVG_SHAPE, "rect": _SVG_SHAPE, "circle": _SVG_SHAPE, "ellipse": _SVG_SHAPE,
    "line": _SVG_SHAPE, "polyline": _SVG_SHAPE, "polygon": _SVG_SHAPE, "text": _SVG_SHAPE,
    "tspan": _SVG_SHAPE, "desc": set(),
    # Pagefind's Component UI, written by overrides/partials/search.html (issue 26).
    "pagefind-config": {"lang", "base-url", "bundle-path", "highlight-param", "preload"},
    "pagefind-modal-trigger": {"placeholder", "shortcut"}, "pagefind-modal": {"reset-on-close"},
    "pagefind-modal-header": set(), "pagefind-modal-body": set(), "pagefind-modal-footer": set(),
    "pagefind-input": {"placeholder", "debounce"}, "pagefind-summary": set(), "pagefind-results": set(),
}.items()}
_URL_ATTRIBUTES = frozenset({"href", "src", "action", "cite", "formaction", "poster", "xlink:href"})
_SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
_SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.\-]*):")
# What a browser's URL parser drops before it reads the scheme (WHATWG URL: C0 and space at
# the ends, tab and newline anywhere).
_URL_TRIM = "".join(chr(c) for c in range(0x21))
_TAB_NEWLINE = re.compile(r"[\t\n\r]")
_LINK_RELS = frozenset({"stylesheet", "icon", "canonical", "prev", "next", "alternate", "sitemap",
                        "apple-touch-icon", "manifest"})
_PAGEFIND_BODY = "data-pagefind-body"
_REFRESH = re.compile(r"^\s*\d+\s*;\s*url\s*=\s*", re.IGNORECASE)
# The search's own marks: the one indexed block (with its weight) comes from overrides/main.html,
# and `ignore` only keeps text out of the index; every other data-pagefind-* could rewrite
# what search shows (meta, filters, sort), so it is refused wherever it comes from.
_PAGEFIND_HARMLESS = frozenset({"data-pagefind-ignore"})
_SCRIPT_FOLDERS = ("assets/", "pagefind/")  # the site's own scripts: the project's and Pagefind's
_THEME_EXPRESSION = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.DOTALL)
_TEMPLATE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL)


def theme_script_patterns(templates: Iterable[str]) -> tuple[re.Pattern[str], ...]:
    """The inline scripts the theme writes, as patterns: each `<script>` body of its script
    partials, with every Jinja expression standing for text inside a JavaScript string."""
    patterns = []
    for template in templates:
        for body in _TEMPLATE_SCRIPT.findall(template):
            parts = _THEME_EXPRESSION.split(body)
            patterns.append(re.compile(r'[^"\\<\n]*'.join(re.escape(p) for p in parts)))
    return tuple(patterns)


def script_hashes(html: str) -> str:
    """The CSP sources (`'sha256-…'`) of the inline scripts in `html`, sorted."""
    bodies = _TEMPLATE_SCRIPT.findall(str(html))
    digests = {base64.b64encode(hashlib.sha256(b.encode("utf-8")).digest()).decode("ascii") for b in bodies}
    return " ".join(f"'sha256-{d}'" for d in sorted(digests))


def output_problems(source: str, source_text: str, html: str,
                    theme_scripts: tuple[re.Pattern[str], ...]) -> list[Problem]:
    """What in one written file (`html`) is outside the allow-list, located in its `source`
    (a repository path) at the first line of `source_text` that holds the offending name."""
    parser = _Checker(theme_scripts)
    parser.feed(html)
    parser.close()
    return sorted({Problem(source, _line_of(source_text, needle), 1, f"{message} (upptäckt i den byggda "
                                                                      "sidan); ta bort det", "html-utdata")
                   for needle, message in parser.found})


def _line_of(text: str, needle: str) -> int:
    index = text.lower().find(needle.lower()) if needle else -1
    return text.count("\n", 0, index) + 1 if index >= 0 else 1


class _Checker(HTMLParser):
    def __init__(self, theme_scripts: tuple[re.Pattern[str], ...]) -> None:
        super().__init__(convert_charrefs=True)
        self.theme_scripts = theme_scripts
        self.found: list[tuple[str, str]] = []
        self.script: str | None = None  # the body of an inline script being read
        self.pagefind_bodies = 0
        self.weighted = False
        self.policies = 0
        self.json_scripts = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ALLOWED:
            self.found.append((f"<{tag}", f"HTML-elementet <{tag}> är inte tillåtet i handboken"))
            return
        for name, value in attrs:
            problem = self._attribute_problem(tag, name, value or "")
            if problem:
                self.found.append(problem)
        if tag == "script":
            self._script_start(dict(attrs))

    def _script_start(self, attrs: dict[str, str | None]) -> None:
        src = attrs.get("src")
        if src is not None:
            own = any(folder in src for folder in _SCRIPT_FOLDERS)
            if _SCHEME.match(src.strip(_URL_TRIM)) or not own or not src.endswith(".js"):
                self.found.append((src, f"skriptet '{src}' kommer inte från webbplatsens egna filer"))
        elif attrs.get("type") == "application/json":
            self.json_scripts += 1
            if self.json_scripts > 1:
                self.found.append(("<script", "ett <script> som inte kommer från temat är inte tillåtet"))
        else:
            self.script = ""

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        self.script = None

    def handle_data(self, data: str) -> None:
        if self.script is not None:
            self.script += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self.script is not None:
            if not any(p.fullmatch(self.script) for p in self.theme_scripts):
                self.found.append(("<script", "ett <script> som inte kommer från temat är inte tillåtet"))
            self.script = None

    def _attribute_problem(self, tag: str, name: str, value: str) -> tuple[str, str] | None:
        if name.startswith("on"):
            return name, f"attributet '{name}' kör kod i läsarens webbläsare och är inte tillåtet"
        if name == _PAGEFIND_BODY and tag in ("article", "div") and self.pagefind_bodies == 0:
            self.pagefind_bodies += 1
            return None
        if name in _PAGEFIND_HARMLESS or (name == "data-pagefind-weight" and self.pagefind_bodies == 1
                                          and not self.weighted):
            self.weighted = self.weighted or name == "data-pagefind-weight"
            return None
        if name.startswith("data-pagefind"):
            return name, f"attributet '{name}' styr sökningen och får inte komma från innehållet"
        if name in _URL_ATTRIBUTES and name in ALLOWED[tag]:
            return self._url_problem(name, value)
        if tag == "meta" and name == "http-equiv":
            if value.lower() == "refresh":  # the redirect pages; its address is checked with content
                return None
            self.policies += 1
            if value.lower() != "content-security-policy" or self.policies > 1:
                return name, "<meta http-equiv> är inte tillåtet i handboken"
        if tag == "meta" and name == "content" and _REFRESH.match(value):
            # Only the redirect pages' own kind: on to a page of this site (a relative address).
            target = _TAB_NEWLINE.sub("", _REFRESH.sub("", value).strip(_URL_TRIM))
            if _SCHEME.match(target) or target.startswith(("//", "\\")):
                return "http-equiv", "<meta http-equiv> är inte tillåtet i handboken"
        if tag == "link" and name == "rel" and not set(value.lower().split()) <= _LINK_RELS:
            return value, f"<link rel=\"{value}\"> är inte tillåtet i handboken"
        if name in _GLOBAL or name in ALLOWED[tag] or name.startswith(("aria-", "data-")):
            return None
        return name, f"attributet '{name}' på <{tag}> är inte tillåtet i handboken"

    @staticmethod
    def _url_problem(name: str, value: str) -> tuple[str, str] | None:
        word = unsafe_scheme(value)
        if word is None:
            return None
        return word, (f"adressen i attributet '{name}' börjar med '{word}:'; bara http, https, mailto "
                      "och relativa adresser är tillåtna")


def unsafe_scheme(url: str) -> str | None:
    """The URL's scheme as a browser reads it, when it is not http, https or mailto."""
    scheme = _SCHEME.match(_TAB_NEWLINE.sub("", url.strip(_URL_TRIM)))
    if scheme is None or scheme.group(1).lower() in _SAFE_SCHEMES:
        return None
    return scheme.group(1).lower()
