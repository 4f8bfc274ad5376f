"""The plain floor: MkDocs + Material with the real theme, search and Markdown extensions, no
macros and no hooks, and one plain Markdown page per initiative and need.

Derived from the real mkdocs.yml on every run, so the floor follows theme or extension changes.
Pages are kept out of the nav (`not_in_nav`, listed from index pages) as the real site does;
`in_nav=True` builds the quadratic reference with every page in the nav.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import yaml

from bench.generate import Dataset

# Keys that belong to our engine, not to MkDocs + Material.
_DROPPED_KEYS = ("hooks", "watch", "nav", "not_in_nav", "exclude_docs")
_DROPPED_PLUGINS = ("macros",)


class _TolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml's `!ENV [NAME, default]` / `!relative` tags as their defaults."""


def _env_default(loader: yaml.SafeLoader, node: yaml.Node):
    if isinstance(node, yaml.SequenceNode):
        values = loader.construct_sequence(node)
        return values[-1] if len(values) > 1 else None
    return None


_TolerantLoader.add_constructor("!ENV", _env_default)
_RELATIVE = re.compile(r"!relative\s+\$(config_dir|docs_dir)")


def floor_config(real_config_text: str, real_root: Path) -> dict:
    """The real configuration minus macros plugin, hooks, custom templates and nav.

    `!relative $config_dir/…` paths (e.g. a snippets base path) point into the real project.
    """
    bases = {"config_dir": real_root, "docs_dir": real_root / "docs"}
    text = _RELATIVE.sub(lambda m: str(bases[m.group(1)]), real_config_text)
    config = yaml.load(text, Loader=_TolerantLoader)  # noqa: S506 - safe subclass
    for key in _DROPPED_KEYS:
        config.pop(key, None)
    config["site_name"] = f"{config.get('site_name', 'Handbok')} (golv)"
    theme = dict(config.get("theme") or {"name": "material"})
    theme.pop("custom_dir", None)
    config["theme"] = theme
    plugins = []
    for plugin in config.get("plugins") or ["search"]:
        name = plugin if isinstance(plugin, str) else next(iter(plugin))
        if name not in _DROPPED_PLUGINS:
            plugins.append(plugin)
    config["plugins"] = plugins
    return config


def plain_page(record: dict, kind: str) -> str:
    """A Markdown page with about the text of a generated record page (no data, no macros)."""
    lines = [f"# {record['titel']}", ""]
    for key in ("sammanfattning", "beskrivning"):
        if record.get(key):
            lines += [record[key], ""]
    facts = [(k, record[k]) for k in ("typ", "fas", "status", "halsa", "malgrupp", "prioritet")
             if record.get(k)]
    lines += ["| Fält | Värde |", "| --- | --- |", *[f"| {k} | {v} |" for k, v in facts], ""]
    lines += ["## Förvaltningar", "", *[f"- {ref}" for ref in record.get("forvaltningar", [])], ""]
    if kind == "insatser":
        lines += ["## Effektmål", "", *[f"- {goal}" for goal in record.get("effektmal", [])], ""]
        lines += ["## Risker", "", "| Risk | Sannolikhet | Konsekvens | Åtgärd |",
                  "| --- | --- | --- | --- |",
                  *[f"| {r['beskrivning']} | {r['sannolikhet']} | {r['konsekvens']} | {r['atgard']} |"
                    for r in record.get("risker", [])], ""]
        lines += ["## Statusrapporter", "",
                  *[f"### {r['datum']}\n\n{r['text']}\n" for r in record.get("statusrapporter", [])]]
    return "\n".join(lines) + "\n"


def _index_page(title: str, kind: str, records: tuple[dict, ...]) -> str:
    links = [f"- [{r['titel']}]({r['id']}.md)" for r in records]
    return f"# {title}\n\n" + "\n".join(links) + "\n"


def write_floor_project(dest: Path, dataset: Dataset, real_root: Path, *, in_nav: bool) -> Path:
    """A plain MkDocs + Material project at dest with 2 × len(initiatives) record pages."""
    docs = dest / "docs"
    docs.mkdir(parents=True, exist_ok=True)
    config = floor_config((real_root / "mkdocs.yml").read_text(encoding="utf-8"), real_root)
    assets = real_root / "docs" / "assets"
    if assets.is_dir():
        shutil.copytree(assets, docs / "assets", dirs_exist_ok=True)
    (docs / "index.md").write_text("# Start\n\n- [Insatser](insatser/index.md)\n"
                                   "- [Behov](behov/index.md)\n", encoding="utf-8")
    sections = {"insatser": ("Insatser", dataset.insatser), "behov": ("Behov", dataset.behov)}
    nav: list = [{"Start": "index.md"}]
    for kind, (title, records) in sections.items():
        (docs / kind).mkdir(exist_ok=True)
        (docs / kind / "index.md").write_text(_index_page(title, kind, records), encoding="utf-8")
        for record in records:
            (docs / kind / f"{record['id']}.md").write_text(plain_page(record, kind), encoding="utf-8")
        section = [f"{kind}/index.md"]
        if in_nav:
            section += [{r["titel"]: f"{kind}/{r['id']}.md"} for r in records]
        nav.append({title: section})
    config["nav"] = nav
    if not in_nav:
        config["not_in_nav"] = "/insatser/*\n/behov/*\n!/insatser/index.md\n!/behov/index.md\n"
    (dest / "mkdocs.yml").write_text(
        yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return dest
