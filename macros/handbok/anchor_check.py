"""Links to anchors a page does not have, as located Swedish problems (issue 23).

MkDocs reports these only in `make build`, in English and without a line. Here each linked
page's anchor ids are made the way the build makes them: Python-Markdown with mkdocs.yml's
extensions (the `toc` heading ids, `{#id}` attributes, footnotes, raw HTML), not MkDocs.
Only pages that some link names an anchor of are converted, so `make validate` stays fast.
Pages made from the data (records, indexes) are converted from the Markdown the build makes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import markdown  # type: ignore[import-untyped]  # no type information
import yaml

from handbok.links import Link, anchor_links, authored_pages
from handbok.problems import Problem
from handbok.suggestions import closest

# YAML front matter as MkDocs removes it before Python-Markdown (mkdocs.utils.meta).
_FRONT_MATTER = re.compile(r"\A-{3}[ \t]*\n.*?\n(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)
# Every id the converted page has; MkDocs also counts `<a name="…">`.
_ID = re.compile(r"""<[a-zA-Z][^>]*?\s(?:id|name)=["']([^"']+)["']""")
_LISTED = 12  # anchors named in a message when none is close to the one written


def check_anchors(repo_root: Path, generated: Callable[[], Mapping[str, str] | None] = lambda: None) -> list[Problem]:
    """A problem for every link to an `#anchor` that the page it names does not have.

    `generated` gives the Markdown of the pages made from the data (None: not known).
    """
    docs = repo_root / "docs"
    if not docs.is_dir():
        return []
    pages = set(authored_pages(docs))
    wanted: list[tuple[str, Link]] = []
    for page in sorted(pages):
        text = (docs / page).read_text(encoding="utf-8", errors="replace")
        wanted += [(page, link) for link in anchor_links(page, text)]
    sources = {target: (docs / target).read_text(encoding="utf-8", errors="replace") for target in pages}
    if any(link.resolved not in pages for _, link in wanted):
        sources.update(generated() or {})
    wanted = [(page, link) for page, link in wanted if link.resolved in sources]
    if not wanted:
        return []
    convert = _converter(repo_root)
    present = {target: anchor_ids(convert, sources[target]) for target in sorted({link.resolved for _, link in wanted})}
    problems = []
    for page, link in wanted:
        ids = present[link.resolved]
        if ids is None or link.anchor in ids:
            continue
        problems.append(Problem(f"docs/{page}", link.line, link.column,
                                anchor_message(page, link, sorted(ids)), "ankare"))
    return sorted(problems)


def anchor_message(page: str, link: Link, ids: list[str]) -> str:
    """`ankaret '#x' finns inte på sidan 'mallar/riskanalys.md' — menade du '#y'?`"""
    where = "den här sidan" if link.resolved == page else f"sidan '{link.resolved}'"
    missing = f"ankaret '#{link.anchor}' finns inte på {where}"
    suggestion = closest(link.anchor, ids)
    if suggestion is not None:
        return f"{missing} — menade du '#{suggestion}'?"
    if not ids:
        return f"{missing}, som inte har några ankare; ta bort '#{link.anchor}' ur länken"
    listed = ", ".join(f"'#{anchor}'" for anchor in ids[:_LISTED]) + (", …" if len(ids) > _LISTED else "")
    return f"{missing} — menade du något av {listed}?"


def anchor_ids(convert: Callable[[str], str] | None, text: str) -> set[str] | None:
    """The ids a page's HTML will have; None when they cannot be known here (the build reports why)."""
    if convert is None:
        return None
    try:
        html = convert(_FRONT_MATTER.sub("", text.lstrip("\ufeff"), count=1))
    except Exception:  # noqa: BLE001  # e.g. a missing snippet: reported by page_safety and the build
        return None
    return set(_ID.findall(html))


def _converter(repo_root: Path) -> Callable[[str], str] | None:
    """Python-Markdown set up with mkdocs.yml's extensions, or None when they cannot be read."""
    try:
        extensions, configs = markdown_config((repo_root / "mkdocs.yml").read_text(encoding="utf-8"), repo_root)
        md = markdown.Markdown(extensions=extensions, extension_configs=configs)
    except Exception:  # noqa: BLE001  # a broken mkdocs.yml or extension stops the build itself
        return None
    return lambda text: md.reset().convert(text)


def markdown_config(mkdocs_yml: str, repo_root: Path) -> tuple[list[str], dict[str, dict[str, Any]]]:
    """mkdocs.yml's `markdown_extensions` as Python-Markdown takes them: names and configs."""
    config = yaml.load(mkdocs_yml, Loader=_config_loader(repo_root)) or {}
    extensions: list[str] = []
    configs: dict[str, dict[str, Any]] = {}
    for entry in config.get("markdown_extensions") or []:
        if isinstance(entry, dict):
            for name, options in entry.items():
                extensions.append(name)
                configs[name] = dict(options or {})
        else:
            extensions.append(str(entry))
    return extensions, configs


def _config_loader(repo_root: Path) -> type[yaml.SafeLoader]:
    """SafeLoader that reads MkDocs' `!ENV [NAME, default]` as its default and `!relative`."""
    class Loader(yaml.SafeLoader):
        pass

    def env(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
        values = loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else []
        return values[-1] if len(values) > 1 else None

    def relative(loader: yaml.SafeLoader, node: yaml.Node) -> str:
        value = str(loader.construct_scalar(node))  # type: ignore[arg-type]  # a scalar node here
        return value.replace("$config_dir", str(repo_root.resolve()))

    Loader.add_constructor("!ENV", env)
    Loader.add_constructor("!relative", relative)
    return Loader
