"""Issue 14: a property fuzzer. Every real record, randomly mutated, either gets located
problems or renders; validation never raises.

`make test` runs a bounded number of examples (seconds); `make fuzz` runs the long profile
(HYPOTHESIS_PROFILE=fuzz, optionally FUZZ_EXAMPLES=n).
"""

from __future__ import annotations

import copy
import os
import re
from collections import Counter
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from handbok import validate
from handbok.build_model import build_portfolio
from handbok.currency import AsOf
from handbok.kinds import RECORD_KINDS
from handbok.load import Document, load_document
from handbok.problems import Problem, format_problem
from handbok.site import generated_files
from tests.real_date import REAL_DATE

REPO_ROOT = Path(__file__).resolve().parents[2]
_QUIET = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much]
settings.register_profile("ci", max_examples=40, deadline=None, suppress_health_check=_QUIET,
                          derandomize=True)
settings.register_profile("fuzz", max_examples=int(os.environ.get("FUZZ_EXAMPLES", "20000")),
                          deadline=None, suppress_health_check=_QUIET)
FUZZ = settings.get_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
# Mutations of the real records, checked at the real date (issue 23).
pytestmark = pytest.mark.real_content

VALIDATORS, _ = validate.load_validators(REPO_ROOT / "schemas", REPO_ROOT)
FAST = {name: validate.fast_check(v) for name, v in VALIDATORS.items()}
RECORDS = [(kind.name, path.relative_to(REPO_ROOT).as_posix(), path.read_bytes())
           for kind in RECORD_KINDS
           for path in sorted((REPO_ROOT / "data" / kind.folder).glob("*.yaml"))]
BASE: dict[str, list[Document]] = {kind.name: [] for kind in RECORD_KINDS}
for _kind, _rel, _raw in RECORDS:
    BASE[_kind].append(load_document(_rel, _raw)[0])  # type: ignore[arg-type]

TRICKY = [
    "", " ", "x\n", "\n", "bereda\n", "9999", "0000-01", "2025-02-30", "2025-13", "1899-12-31",
    "2101", "\u202eevil", "a\u200fb", "\x07", "\x00", "!!! danger Varning", "??? note", "=1+1",
    "＝1", "<script>alert(1)</script>", "{{ 7*7 }}", "[x](javascript:alert(1))", "*[a](https://x/*)*",
    "e" * 5000, "010", 0, -1, 1, 4, 5, 2020, 10**15, 10**30, -(10**30), 1.5, 2020.0, 500000.0,
    float("inf"), float("nan"), True, False, None, [], {}, ["x"], [1, 2], {"a": 1},
]
unicode_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)
scalars = st.one_of(st.sampled_from(TRICKY), unicode_text, st.integers(), st.floats(),
                    st.booleans(), st.none())


def _paths(value: Any, path: tuple = ()) -> list[tuple]:
    found = [path]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _paths(item, (*path, index))
    return found


def _parent(data: Any, path: tuple) -> Any:
    for step in path[:-1]:
        data = data[step]
    return data


def _nest(value: Any, depth: int) -> Any:
    for _ in range(depth):
        value = [value]
    return value


def _mutate_tree(draw, data: dict) -> dict:
    data = copy.deepcopy(data)
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(_paths(data)))
        if not path:
            continue
        parent, last = _parent(data, path), path[-1]
        operation = draw(st.sampled_from(["delete", "rename", "replace", "insert", "nest", "listify"]))
        if operation == "delete":
            del parent[last]
        elif operation == "rename" and isinstance(parent, dict):
            parent[draw(unicode_text.filter(bool))] = parent.pop(last)
        elif operation == "replace":
            parent[last] = copy.deepcopy(draw(scalars))  # TRICKY holds mutable lists
        elif operation == "insert" and isinstance(parent[last], str):
            text, at = parent[last], draw(st.integers(0, len(parent[last])))
            parent[last] = text[:at] + draw(st.sampled_from(["\n", "\r", "\t", "\u202e", "\u200f",
                                                             "\x1b", "\ufeff", "'", '"', ": ", " #"]))
            parent[last] += text[at:]
        elif operation == "nest":
            parent[last] = _nest(parent[last], draw(st.sampled_from([1, 5, 30, 200])))
        elif operation == "listify":
            parent[last] = [parent[last]]
    return data


def _mutate_text(draw, text: str) -> str:
    lines = text.split("\n")
    index = draw(st.integers(0, len(lines) - 1))
    operation = draw(st.sampled_from(["duplicate", "drop", "indent", "insert"]))
    if operation == "duplicate":
        lines.insert(index, lines[index])
    elif operation == "drop":
        del lines[index]
    elif operation == "indent":
        lines[index] = " " * draw(st.integers(1, 5)) + lines[index]
    else:
        at = draw(st.integers(0, len(lines[index])))
        lines[index] = lines[index][:at] + draw(st.text(max_size=6)) + lines[index][at:]
    return "\n".join(lines)


@st.composite
def mutated_records(draw) -> tuple[str, str, bytes]:
    kind, rel, raw = draw(st.sampled_from(RECORDS))
    header, _, _ = raw.decode("utf-8").partition("\n")
    document = load_document(rel, raw)[0]
    assert document is not None
    body = yaml.safe_dump(_mutate_tree(draw, document.data), allow_unicode=True, sort_keys=False,
                          width=10**6)
    text = f"{header}\n{body}"
    if draw(st.booleans()):
        text = _mutate_text(draw, text)
    data = text.encode("utf-8", errors="surrogatepass")
    if draw(st.integers(0, 9)) == 0:
        data = data.replace("ä".encode(), "ä".encode("latin-1"))
    return kind, rel, data


def check_record(kind: str, rel: str, raw: bytes) -> tuple[list[Problem], dict[str, list[Document]]]:
    """The pipeline's per-file and cross-record checks, with one file replaced."""
    documents = {name: [d for d in docs if d.path != rel] for name, docs in BASE.items()}
    document, problems = load_document(rel, raw)
    unreadable: dict[str, set[str]] = {name: set() for name in documents}
    if document is None:
        unreadable[kind].add(Path(rel).stem)
    else:
        documents[kind].append(document)
        problems += validate.header_problems(document, kind)
        found = validate.schema_problems(document, VALIDATORS[kind], FAST[kind])
        problems += found or validate.year_problems(document, VALIDATORS[kind])
    problems += validate.cross_record_problems(documents, REAL_DATE, unreadable=unreadable)
    return problems, documents


@FUZZ
@given(mutated_records())
def test_mutated_records_are_reported_or_render(record: tuple[str, str, bytes]) -> None:
    kind, rel, raw = record
    problems, documents = check_record(kind, rel, raw)
    event("rejected" if problems else "accepted")
    KIND_COUNTS[f"post: {'fel med plats' if problems else 'ren'}"] += 1
    for problem in problems:
        assert problem.line >= 1 and problem.column >= 1 and problem.message, problem
        assert problem.path.startswith("data/"), problem
        line = format_problem(problem)
        assert "\n" not in line and "Traceback" not in line
    if not problems:
        portfolio = build_portfolio(documents)
        for generated in generated_files(portfolio, (), as_of=AsOf(REAL_DATE)):
            assert generated.content


def test_every_real_record_is_a_starting_point() -> None:
    assert len(RECORDS) == sum(len(list((REPO_ROOT / "data" / k.folder).glob("*.yaml")))
                               for k in RECORD_KINDS) and len(RECORDS) > 50
    problems, _ = check_record(*RECORDS[0])
    assert problems == []


# Pages, front matter, snippets and file names (issue 28): an authored page, mutated, either gets
# located problems from the source checks, or its Markdown, rendered with the site's extensions,
# passes or fails the output check; and whatever passes both holds no script.
PAGES = sorted(p for p in (REPO_ROOT / "docs").rglob("*.md") if not p.is_symlink())
SNIPPETS = sorted((REPO_ROOT / "docs" / "mallar" / "filer").glob("*.md.txt"))
HOSTILE = [
    "<script>alert(1)</script>", '<img alt="a>b" src="x" onerror="alert(1)">', "<x:script>alert(1)</x:script>",
    "[a](java\nscript:alert(1))", "[a](&#106;avascript:alert(1))", '{: onclick="alert(1)" }', '{: title="}" onclick=x }',
    '<a href=" javascript:x">a</a>', "<iframe srcdoc=x>", '<p data-pagefind-weight="9">x</p>', "<svg><a href=x>",
    '<div markdown="1" style="x">a</div>', "<object data=x>", '<meta http-equiv="refresh" content="0">',
    "--8<-- \"/etc/passwd\"", "-8<- \"x.md\"", "--8<--", "--8<-- \"../mkdocs.yml\"", "{{ 7*7 }}", "\u202e", "\x1b",
    "&#x6A;avascript:", "<scr<script>ipt>", "`<script>`", "<!-- <script> -->", "<style>x</style>",
]
FRONT_VALUES = ["&a x", "*a", "[toc]", "5", "finns-inte.html", '"<b>x</b>"', '"\\x6Fnerror"', "[[[[[[[[[[]]]]]]]]]]",
                '"\\u202e"', "yes", "~", "!!python/name:os.system", "{a: 1}", '"' + "x" * 400 + '"']
FRONT_KEYS = ["title", "description", "hide", "template", "render_macros", "ansvarig", "senast_granskad", "icon",
              "search", "tags", "x"]
NAMES = ["x.md", "x.mkd", "x.markdown", "x.MD", "x.shtml", "x.HTML", "x.svg", "x.js", "x.md.txt", "x.csv", ".x"]
EXTENSIONS = ["abbr", "admonition", "attr_list", "def_list", "footnotes", "md_in_html", "tables", "toc",
              "pymdownx.details", "pymdownx.superfences", "pymdownx.snippets"]
KIND_COUNTS: Counter[str] = Counter()


@st.composite
def mutated_pages(draw) -> tuple[str, str, str, str]:
    """(kind, file name under docs/om/, page text, snippet text)."""
    kind = draw(st.sampled_from(["sida", "front matter", "snippet", "filnamn"]))
    text = draw(st.sampled_from(PAGES)).read_text(encoding="utf-8")
    snippet = draw(st.sampled_from(SNIPPETS)).read_text(encoding="utf-8")
    name = "x.md"
    if kind == "sida":
        lines = text.split("\n")
        at = draw(st.integers(0, len(lines)))
        lines.insert(at, draw(st.one_of(st.sampled_from(HOSTILE), unicode_text)))
        text = "\n".join(lines)
    elif kind == "front matter":
        value = draw(st.one_of(st.sampled_from(FRONT_VALUES), unicode_text))
        text = text.replace("---\n", f"---\n{draw(st.sampled_from(FRONT_KEYS))}: {value}\n", 1)
    elif kind == "snippet":
        snippet = snippet + "\n" + draw(st.sampled_from(HOSTILE)) + "\n"
        text += '\n--8<-- "x.md.txt"\n'
    else:
        name = draw(st.sampled_from(NAMES))
    if draw(st.booleans()):
        text = _mutate_text(draw, text)
    return kind, name, text, snippet


class _ScriptFinder(HTMLParser):
    """Script in rendered HTML, found independently of the output check's allow-list."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag.split(":")[-1] in ("script", "iframe", "object", "embed", "base", "frame"):
            self.found.append(tag)
        for name, value in attrs:
            url = re.sub(r"[\x00-\x20]", "", value or "").lower()
            if name.startswith("on") or name == "srcdoc" or url.startswith(("javascript:", "vbscript:", "data:")):
                self.found.append(f"{tag} {name}={value}")


def _scripts(html: str) -> list[str]:
    finder = _ScriptFinder()
    finder.feed(html)
    finder.close()
    return finder.found


@FUZZ
@given(mutated_pages())
def test_mutated_pages_are_reported_or_hold_no_script(tmp_path_factory, page: tuple[str, str, str, str]) -> None:
    from handbok.authored import check_authored_pages
    from handbok.output_check import output_problems
    from handbok.source_files import file_type_problems

    kind, name, text, snippet = page
    root = tmp_path_factory.mktemp("sida")
    (root / "docs" / "om").mkdir(parents=True)
    (root / "docs" / "mallar" / "filer").mkdir(parents=True)
    (root / "includes").mkdir()
    (root / "docs" / "om" / name).write_bytes(text.encode("utf-8", errors="surrogatepass"))
    (root / "docs" / "mallar" / "filer" / "x.md.txt").write_text(snippet, encoding="utf-8")
    problems = check_authored_pages(root / "docs", root, today=REAL_DATE) + file_type_problems(root)
    for problem in problems:
        assert problem.line >= 1 and problem.column >= 1 and problem.message, problem
        assert problem.path.startswith("docs/"), problem
        assert "\n" not in format_problem(problem)
    if problems:
        KIND_COUNTS[f"{kind}: fel med plats"] += 1
        event(f"{kind}: fel med plats")
        return
    if not name.endswith(".md"):  # published as it is; the build checks the markup types after writing them
        html = text if name.lower().endswith(".svg") else ""
        kind = f"{kind} (statisk fil)"
    else:
        html = _rendered(root, text.split("\n---\n", 1)[-1])
    found = output_problems(f"docs/om/{name}", text, html, ())
    if found:
        KIND_COUNTS[f"{kind}: fel i utdata"] += 1
        event(f"{kind}: fel i utdata")
        return
    assert _scripts(html) == [], html
    KIND_COUNTS[f"{kind}: ren"] += 1
    event(f"{kind}: ren")


def _rendered(root: Path, body: str) -> str:
    import markdown

    return markdown.Markdown(extensions=EXTENSIONS, extension_configs={"pymdownx.snippets": {
        "base_path": [str(root / "docs" / "mallar" / "filer"), str(root / "includes")], "check_paths": True}}
    ).convert(body)


@pytest.fixture(scope="module", autouse=True)
def _kind_counts(request: pytest.FixtureRequest) -> Iterator[None]:
    """Inputs per kind and result, printed after the run (`make fuzz`)."""
    yield
    capture = request.config.pluginmanager.get_plugin("capturemanager")
    if capture is not None and KIND_COUNTS:
        with capture.global_and_fixture_disabled():
            print("\nFuzz-indata per sort och utfall (tracebacks och skript i utdata: 0, annars hade testet fallerat):")
            for kind, count in sorted(KIND_COUNTS.items()):
                print(f"  {kind}: {count}")
