"""The authored handbook (issue 3) as built HTML: pages, cross-links, owners, links, no other hosts."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
import yaml

from handbok.authored import read_front_matter
from tests.conftest import REPO_ROOT, build_site, copy_project
from tests.moved_pages import current_page, current_url

DOCS = REPO_ROOT / "docs"

AUTHORED_PAGES = [
    "index.md", "process/index.md", "process/ta-emot-arende.md", "process/bereda.md",
    "process/infora.md", "process/forvalta-och-folja-upp.md", "roller/index.md",
    "roller/forvaltningsledningen.md", "roller/uppdragsagare.md", "roller/beredningsgrupp.md",
    "roller/lokalt-utvecklingsansvarig.md", "roller/chef.md", "roller/projektledare.md",
    "roller/styrgrupp-och-referensgrupper.md", "principer.md", "mallar/index.md",
    "mallar/uppdragshandling.md", "mallar/beredningsunderlag.md", "mallar/riskanalys.md",
    "mallar/statusrapport.md", "mallar/foranmalan.md", current_page("checklista.md"), "erfarenheter/index.md",
    "erfarenheter/tlo-samordning-vgr.md", "erfarenheter/forebyggande-insatser-skane.md",
    "erfarenheter/uppfoljning-och-budget.md", "om/index.md", "om/sa-bidrar-du.md",
    "om/tillganglighetsredogorelse.md", "om/lanka-till-handboken.md", "kom-igang.md", "ordlista.md",
]

# Which roles act in which step; both pages must link to each other.
STEP_ROLES = {
    "ta-emot-arende": ["forvaltningsledningen", "uppdragsagare", "beredningsgrupp"],
    "bereda": ["forvaltningsledningen", "uppdragsagare", "beredningsgrupp",
               "lokalt-utvecklingsansvarig", "projektledare", "styrgrupp-och-referensgrupper"],
    "infora": ["chef", "lokalt-utvecklingsansvarig", "uppdragsagare", "projektledare",
               "styrgrupp-och-referensgrupper", "forvaltningsledningen"],
    # Issue 24 (P16): the source names verksamheter, stab and uppdragsägare in step 4; the
    # projektledare hands over to förvaltning at the end of Införa.
    "forvalta-och-folja-upp": ["chef", "uppdragsagare"],
}
ROLES = sorted({role for roles in STEP_ROLES.values() for role in roles})

TEMPLATES = ["uppdragshandling", "beredningsunderlag", "riskanalys", "statusrapport", "foranmalan"]

SUCCESS_FACTORS = [
    "strategisk och operativ samordning", "snabb återkoppling", "god framförhållning",
    "tydliga roller och mandat", "strukturerat arbetssätt och bra dokumentation",
    "engagemang och en positiv inställning", "rådgivare på Omställningsfonden",
]
CHALLENGES = [
    "släppa medarbetare till utbildningar", "förankringsarbete i en stor och komplex organisation",
    "det verkliga behovet",
]
FOLLOW_UP = ["Pulsmöten varje vecka", "Stabsledning varannan vecka", "Månadsrapporter",
             "Tertial, delår och årsbokslut"]

# `<link rel>` values that make the browser fetch something.
LOADING_RELS = {"stylesheet", "icon", "shortcut", "preload", "modulepreload", "manifest",
                "apple-touch-icon", "mask-icon", "prefetch", "preconnect", "dns-prefetch"}


class _PageScan(HTMLParser):
    """Ids, links (with the article section they sit in) and loaded resources of one page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[tuple[str, str | None, bool]] = []  # (href, h2 id, inside <article>)
        self.loads: list[str] = []
        self.inline_css: list[str] = []
        self._article_depth = 0
        self._section: str | None = None
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = {name: value or "" for name, value in attrs}
        for key in ("id", "name"):
            if attr.get(key) and (key == "id" or tag == "a"):
                self.ids.add(attr[key])
        if tag == "article":
            self._article_depth += 1
        if tag == "h2" and self._article_depth:
            self._section = attr.get("id")
        if tag == "a" and "href" in attr:
            self.links.append((attr["href"], self._section, self._article_depth > 0))
        self._collect_loads(tag, attr)
        if tag == "style":
            self._in_style = True
        if attr.get("style"):
            self.inline_css.append(attr["style"])

    def _collect_loads(self, tag: str, attr: dict[str, str]) -> None:
        if tag in {"script", "img", "iframe", "audio", "video", "source", "embed", "track"}:
            self.loads += [attr[k] for k in ("src",) if attr.get(k)]
        if tag in {"img", "source"} and attr.get("srcset"):
            self.loads += [part.strip().split(" ")[0] for part in attr["srcset"].split(",")]
        if tag == "object" and attr.get("data"):
            self.loads.append(attr["data"])
        if tag == "link" and set(attr.get("rel", "").lower().split()) & LOADING_RELS:
            self.loads.append(attr.get("href", ""))

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self._article_depth -= 1
        if tag == "style":
            self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.inline_css.append(data)


def scan(path: Path) -> _PageScan:
    parser = _PageScan()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def built_path(site: Path, src: str) -> Path:
    """Where MkDocs (use_directory_urls) writes the page built from docs/<src>."""
    stem = src.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return site / f"{stem}.html"
    return site / stem / "index.html"


def page_url(site: Path, html_file: Path) -> str:
    rel = html_file.relative_to(site).as_posix()
    return "/" + rel.removesuffix("index.html")


def is_external(url: str) -> bool:
    parts = urlsplit(url.strip())
    return bool(parts.netloc) or parts.scheme not in {"", "data"}


def resolve(site: Path, base_url: str, href: str) -> tuple[Path | None, str]:
    """The built file an internal href points to (None if missing) and its fragment."""
    target = urlsplit(urljoin("http://handbok.invalid" + base_url, href))
    path = target.path
    candidates = [site / path.lstrip("/")]
    if path.endswith("/") or not Path(path).suffix:
        candidates.append(site / path.lstrip("/") / "index.html")
    for candidate in candidates:
        if candidate.is_file():
            return candidate, target.fragment
    return None, target.fragment


def article_links(site: Path, src: str, section: str | None = None) -> set[str]:
    """Site paths linked from the article of a page, optionally only in one h2 section."""
    page_file = built_path(site, src)
    base = page_url(site, page_file)
    found = set()
    for href, in_section, in_article in scan(page_file).links:
        if not in_article or is_external(href) or (section and in_section != section):
            continue
        found.add(urlsplit(urljoin("http://handbok.invalid" + base, href)).path)
    return found


def nav_sources() -> list[str]:
    """Every docs file the nav in mkdocs.yml names (tags like !ENV are ignored)."""

    class _Loader(yaml.SafeLoader):
        pass

    _Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    config = yaml.load((REPO_ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)

    def walk(entry) -> list[str]:
        if isinstance(entry, str):
            return [entry] if entry.endswith(".md") else []
        if isinstance(entry, list):
            return [src for item in entry for src in walk(item)]
        if isinstance(entry, dict):
            return [src for value in entry.values() for src in walk(value)]
        return []

    return walk(config["nav"])


def html_files(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


# --- pages and navigation -------------------------------------------------------------------

def test_every_authored_page_is_in_the_nav_and_every_nav_page_is_built(built_site: Path) -> None:
    nav = nav_sources()
    assert [src for src in AUTHORED_PAGES if src not in nav] == []
    missing = [src for src in nav if (DOCS / src).is_file() and not built_path(built_site, src).is_file()]
    assert missing == []
    assert [src for src in AUTHORED_PAGES if not (DOCS / src).is_file()] == []


def test_top_level_tabs_are_in_order(built_site: Path) -> None:
    text = (built_site / "index.html").read_text(encoding="utf-8")
    tabs = re.findall(r'class="md-tabs__link[^"]*"[^>]*>\s*([^<]+?)\s*</a>', text)
    expected = ["Start", "Processmodellen", "Roller", "Mallar", "Erfarenheter", "Portfölj",
                "Om handboken"]
    assert tabs == expected, "at most seven tabs (issue 16)"


@pytest.mark.parametrize("src", AUTHORED_PAGES)
def test_owner_and_review_date_are_rendered(built_site: Path, src: str) -> None:
    meta = read_front_matter((DOCS / src).read_text(encoding="utf-8")) or {}
    text = built_path(built_site, src).read_text(encoding="utf-8")
    facts = re.search(r'<p class="handbok-sidfakta"[^>]*>(.*?)</p>', text, re.DOTALL)
    assert facts, f"{src}: no 'Ansvarig · Senast granskad' line"
    plain = " ".join(html.unescape(re.sub(r"<[^>]+>", "", facts.group(1))).split())
    assert plain == f"Ansvarig: {meta['ansvarig']} · Senast granskad: {meta['senast_granskad']}"


@pytest.mark.parametrize("src", AUTHORED_PAGES)
def test_every_page_ends_with_its_sources(built_site: Path, src: str) -> None:
    text = built_path(built_site, src).read_text(encoding="utf-8")
    headings = re.findall(r'<h2 id="([^"]+)"', text)
    assert headings and headings[-1] == "kallor", f"{src}: last section is not Källor"
    assert re.search(r'<h2 id="kallor">Källor', text)


def test_no_private_person_from_the_sources_is_named(built_site: Path) -> None:
    surnames = ["Strandman", "Karlström", "Gustavsson", "Sörensdotter", "Norrbin",
                "Siwertsson", "Bertilsdotter", "Evelina", "Mikael Ferm", "Patrik Johansson"]
    hits = [(path.relative_to(built_site).as_posix(), name) for path in html_files(built_site)
            for name in surnames if name in path.read_text(encoding="utf-8")]
    assert hits == []


# --- process model and roles ----------------------------------------------------------------

@pytest.mark.parametrize("step", list(STEP_ROLES))
def test_step_page_has_stable_sections_and_links_its_roles(built_site: Path, step: str) -> None:
    src = f"process/{step}.md"
    ids = scan(built_path(built_site, src)).ids
    for anchor in ["vad", "nar-och-var", "hur", "roller", "resultat", "insatser-i-steget"]:
        assert anchor in ids, f"{src}: #{anchor} missing"
    linked = article_links(built_site, src, section="roller")
    assert [r for r in STEP_ROLES[step] if f"/roller/{r}/" not in linked] == []


@pytest.mark.parametrize("role", ROLES)
def test_role_page_links_back_to_its_steps(built_site: Path, role: str) -> None:
    src = f"roller/{role}.md"
    ids = scan(built_path(built_site, src)).ids
    assert {"ansvar", "i-processen"} <= ids
    steps = [step for step, roles in STEP_ROLES.items() if role in roles]
    linked = article_links(built_site, src, section="i-processen")
    assert [s for s in steps if f"/process/{s}/" not in linked] == []
    extra = {p for p in linked if p.startswith("/process/")} - {f"/process/{s}/" for s in steps}
    assert extra == set(), f"{src} lists steps the step pages do not list it in"


def test_process_overview_diagram_lists_the_four_steps_in_order(built_site: Path) -> None:
    text = (built_site / "process/index.html").read_text(encoding="utf-8")
    figure = re.search(r'<figure class="handbok-process">(.*?)</figure>', text, re.DOTALL)
    assert figure, "the process diagram is missing"
    assert "<figcaption>" in figure.group(1)
    steps = re.findall(r'<a href="([^"]+)">', figure.group(1))
    assert steps == ["ta-emot-arende/", "bereda/", "infora/", "forvalta-och-folja-upp/"]
    assert "<svg" not in figure.group(1) and "mermaid" not in text


def test_roles_overview_table_links_every_role_and_step(built_site: Path) -> None:
    linked = article_links(built_site, "roller/index.md", section="roller-och-steg")
    assert {f"/roller/{r}/" for r in ROLES} <= linked
    assert {f"/process/{s}/" for s in STEP_ROLES} <= linked


# --- templates and checklist ----------------------------------------------------------------

@pytest.mark.parametrize("name", TEMPLATES)
def test_template_is_copyable_and_downloadable_as_the_same_markdown(built_site: Path, name: str) -> None:
    page = built_path(built_site, f"mallar/{name}.md")
    text = page.read_text(encoding="utf-8")
    assert {"sa-anvander-du-mallen", "mallens-delar", "mallen-i-markdown"} <= scan(page).ids
    link = re.search(r'<a class="handbok-nedladdning" download="([^"]+\.md)" href="([^"]+)"', text)
    assert link and link.group(1) == f"{name}.md"
    download, _ = resolve(built_site, page_url(built_site, page), link.group(2))
    assert download is not None, f"{link.group(2)} is not in the site"
    block = re.search(r'<span class="filename">' + re.escape(name) + r'\.md</span><pre>.*?<code>(.*?)</code>',
                      text, re.DOTALL)
    assert block, "the template's Markdown code block is missing"
    shown = html.unescape(re.sub(r"<[^>]+>", "", block.group(1)))
    assert shown.strip() == download.read_text(encoding="utf-8").strip()
    assert shown.startswith("# ")


def test_risk_template_uses_four_step_scales(built_site: Path) -> None:
    template = (DOCS / "mallar/filer/riskanalys.md.txt").read_text(encoding="utf-8")
    for scale in ["Sannolikhet (S)", "Konsekvens (K)"]:
        section = template.split(scale, 1)[1].split("\n\n", 2)[1]
        assert [line[2] for line in section.splitlines()] == ["1", "2", "3", "4"]
    assert "S × K" in template


def test_application_template_names_an_owner_after_approval(built_site: Path) -> None:
    text = " ".join((built_site / "mallar/foranmalan/index.html").read_text(encoding="utf-8").split())
    assert 'class="admonition warning"' in text
    assert "vem som är ansvarig även efter att föranmälan har lämnats in" in text
    for step in ["Lokal handlingsplan", "Föranmälan med en blankett per insats", "Beslut och rekvisition"]:
        assert step in text
    template = (DOCS / "mallar/filer/foranmalan.md.txt").read_text(encoding="utf-8")
    for heading in ["## Behov", "## Insats", "## Anordnare", "## Kostnad", "## Period",
                    "## Ansvarig för genomförandet efter beviljande"]:
        assert heading in template


def _checklist_items(text: str, section: str) -> list[str]:
    part = text.split(f'<h2 id="{section}">', 1)[1].split("<h2", 1)[0]
    return [html.unescape(" ".join(re.sub(r"<[^>]+>", "", item).split()))
            for item in re.findall(r'<li data-punkt="[^"]+">(.*?)</li>', part, re.DOTALL)]


def test_checklist_has_the_success_factors_challenges_tips_and_rhythm(built_site: Path) -> None:
    text = (built_site / current_url("checklista.md") / "index.html").read_text(encoding="utf-8")
    factors = _checklist_items(text, "framgangsfaktorer")
    challenges = _checklist_items(text, "utmaningar")
    assert len(factors) == 7 and len(challenges) == 3
    assert [f for f in SUCCESS_FACTORS if not any(f in item for item in factors)] == []
    assert [c for c in CHALLENGES if not any(c in item for item in challenges)] == []
    rhythm = " ".join(_checklist_items(text, "uppfoljningsrytm"))
    assert [f for f in FOLLOW_UP if f not in rhythm] == []
    assert len(_checklist_items(text, "praktiska-tips")) >= 5
    keys = re.findall(r'<li data-punkt="([^"]+)"', text)
    assert len(keys) == len(set(keys)), "checklist keys must be unique (they key the saved state)"


def test_checklist_script_is_local_and_keeps_state_in_local_storage_only(built_site: Path) -> None:
    url = current_url("checklista.md")
    text = (built_site / url / "index.html").read_text(encoding="utf-8")
    up = "../" * url.count("/")
    assert f'<script src="{up}assets/js/checklista.js"></script>' in text
    script = (built_site / "assets/js/checklista.js").read_text(encoding="utf-8")
    assert "localStorage" in script and '"Rensa"' in script
    for forbidden in ["http", "fetch(", "XMLHttpRequest", "document.cookie", "sendBeacon"]:
        assert forbidden not in script


# --- om handboken ---------------------------------------------------------------------------

def test_accessibility_statement_has_the_required_elements(built_site: Path) -> None:
    text = (built_site / "om/tillganglighetsredogorelse/index.html").read_text(encoding="utf-8")
    for element in ["står bakom webbplatsen Förändringshandboken", "delvis förenlig", "EN 301 549 V3.2.1",
                    "WCAG 2.1", 'href="https://www.digg.se/tdosanmalan"', "23 november 2026",
                    'id="innehall-som-inte-ar-tillgangligt"', 'id="undantaget-innehall"',
                    'id="hur-vi-testat"', 'id="rapportera-brister"', "axe-core", "vnu",
                    "tangentbord"]:
        # Abbreviations are wrapped in <abbr> (issue 16), so compare text without that tag too.
        assert element in text or element in re.sub(r"</?abbr\b[^>]*>", "", text), element


def test_every_themed_page_links_to_the_accessibility_statement(built_site: Path) -> None:
    themed = [p for p in html_files(built_site) if 'class="md-footer' in p.read_text(encoding="utf-8")]
    assert len(themed) >= len(AUTHORED_PAGES)
    statement = built_site / "om/tillganglighetsredogorelse/index.html"
    without = []
    for page in themed:
        parser = scan(page)
        base = page_url(built_site, page) if page.name == "index.html" else "/" + page.name
        targets = {resolve(built_site, base, href)[0] for href, _, in_article in parser.links
                   if not in_article and not is_external(href)}
        if statement not in targets:
            without.append(page.relative_to(built_site).as_posix())
    assert without == []


# --- links and hosts over the whole built site ----------------------------------------------

def test_nothing_is_loaded_from_another_host(built_site: Path) -> None:
    offenders = []
    for page in html_files(built_site):
        parser = scan(page)
        rel = page.relative_to(built_site).as_posix()
        offenders += [(rel, url) for url in parser.loads if is_external(url)]
        offenders += [(rel, url) for css in parser.inline_css for url in _css_urls(css)
                      if is_external(url)]
    for sheet in sorted(built_site.rglob("*.css")):
        offenders += [(sheet.relative_to(built_site).as_posix(), url)
                      for url in _css_urls(sheet.read_text(encoding="utf-8")) if is_external(url)]
    assert offenders == []


def _css_urls(css: str) -> list[str]:
    urls = re.findall(r"url\(\s*['\"]?([^'\")]+)", css)
    urls += re.findall(r"@import\s+['\"]([^'\"]+)", css)
    return [u for u in urls if not u.startswith("#")]


def test_the_preview_problem_list_is_not_published(built_site: Path) -> None:
    """Issue 23: only `make serve` gives pages the script that shows its problem list."""
    from handbok.serve_errors import PROBLEMS_FILE
    assert not (built_site / PROBLEMS_FILE).exists()
    assert [page for page in html_files(built_site)
            if PROBLEMS_FILE in page.read_text(encoding="utf-8")] == []


def test_every_internal_link_and_anchor_resolves(built_site: Path) -> None:
    broken = []
    id_cache: dict[Path, set[str]] = {}
    for page in html_files(built_site):
        parser = scan(page)
        id_cache[page] = parser.ids
        base = page_url(built_site, page) if page.name == "index.html" else (
            "/" + page.relative_to(built_site).as_posix())
        for href, _, _ in parser.links:
            if is_external(href) or href.startswith(("mailto:", "tel:")):
                continue
            target, fragment = resolve(built_site, base, href)
            rel = page.relative_to(built_site).as_posix()
            if target is None:
                broken.append((rel, href, "saknas"))
            elif fragment and target.suffix == ".html":
                ids = id_cache.get(target) or id_cache.setdefault(target, scan(target).ids)
                if fragment not in ids:
                    broken.append((rel, href, "ankare saknas"))
    assert broken == []


# --- broken copies fail the build, naming the file ------------------------------------------

def _drop_line(path: Path, prefix: str) -> None:
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(line for line in lines if not line.startswith(prefix)), encoding="utf-8")


@pytest.mark.build
def test_missing_owner_or_review_date_fails_the_build(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "projekt")
    _drop_line(project / "docs/process/bereda.md", "ansvarig:")
    _drop_line(project / "docs/roller/chef.md", "senast_granskad:")
    result = build_site(project, tmp_path / "site")
    assert result.returncode != 0
    # Located at the closing '---', where the missing line goes (issue 23).
    assert "docs/process/bereda.md:4:1: fel: fältet 'ansvarig' saknas i front matter" in result.output
    assert "docs/roller/chef.md:4:1: fel: fältet 'senast_granskad' saknas i front matter" in result.output
    assert "Traceback" not in result.output


@pytest.mark.build
def test_broken_link_anchor_and_nav_entry_each_fail_the_build(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "projekt")
    bereda = project / "docs/process/bereda.md"
    bereda.write_text(bereda.read_text(encoding="utf-8") + "\n[Borta](finns-inte.md)\n", encoding="utf-8")
    chef = project / "docs/roller/chef.md"
    chef.write_text(chef.read_text(encoding="utf-8")
                    + "\n[Resultat](../process/infora.md#finns-inte)\n", encoding="utf-8")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    anchor = "      - Förvalta och följa upp: process/forvalta-och-folja-upp.md\n"
    assert anchor in text
    config.write_text(text.replace(anchor, anchor + "      - Saknas: process/saknas.md\n"),
                      encoding="utf-8")
    # Issue 17: the core's nav and link check reports these first, located and in Swedish.
    result = build_site(project, tmp_path / "site")
    assert result.returncode != 0
    assert ("docs/process/bereda.md:" in result.output
            and ": fel: länken 'finns-inte.md' leder till docs/process/finns-inte.md, som inte "
            "finns" in result.output)
    assert ": fel: navigationen (nav) pekar på 'process/saknas.md', som inte finns i docs/" \
        in result.output
    assert "Doc file" not in result.output and "A reference to" not in result.output
    # Issue 23: a missing anchor, alone, is the core's check too, before MkDocs' English one.
    bereda.write_text(bereda.read_text(encoding="utf-8").replace("[Borta](finns-inte.md)", ""),
                      encoding="utf-8")
    config.write_text(text, encoding="utf-8")
    result = build_site(project, tmp_path / "site2")
    line = len(chef.read_text(encoding="utf-8").splitlines())
    assert result.returncode != 0
    assert (f"docs/roller/chef.md:{line}:12: fel: ankaret '#finns-inte' finns inte på sidan "
            "'process/infora.md' — menade du något av '#hur', '#infora', '#insatser-i-steget', "
            "'#kallor', '#nar-och-var', '#resultat', '#roller', '#vad'?") in result.output
    assert "Doc file" not in result.output and "does not contain an anchor" not in result.output
