"""The plain floor: MkDocs + Material with the real theme, search and Markdown extensions, no
macros and no hooks, and one plain Markdown page per initiative and need.

Derived from the real mkdocs.yml on every run, so the floor follows theme or extension changes.
Its nav has the real nav's shape (every entry a short plain page), because Material renders the
whole nav into every page: the handbook's ~40 authored entries cost the same in both builds and
the ratio shows what data, generated pages and macros add. Record pages are kept out of the nav
(`not_in_nav`, listed from index pages) as the real site does; `in_nav=True` builds the
quadratic reference with every page in the nav.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import yaml

from bench.generate import Dataset, Record

# Keys that belong to our engine, not to MkDocs + Material.
_DROPPED_KEYS = ("hooks", "watch", "nav", "not_in_nav", "exclude_docs")
_DROPPED_PLUGINS = ("macros",)


class _TolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml's `!ENV [NAME, default]` / `!relative` tags as their defaults."""


def _env_default(loader: yaml.SafeLoader, node: yaml.Node) -> object:
    if isinstance(node, yaml.SequenceNode):
        values = loader.construct_sequence(node)
        return values[-1] if len(values) > 1 else None
    return None


_TolerantLoader.add_constructor("!ENV", _env_default)
_RELATIVE = re.compile(r"!relative\s+\$(config_dir|docs_dir)")


def read_config(real_root: Path) -> dict[str, Any]:
    """The real mkdocs.yml; `!relative $config_dir/…` paths point into the real project."""
    bases = {"config_dir": real_root, "docs_dir": real_root / "docs"}
    text = _RELATIVE.sub(lambda m: str(bases[m.group(1)]),
                         (real_root / "mkdocs.yml").read_text(encoding="utf-8"))
    config: dict[str, Any] = yaml.load(text, Loader=_TolerantLoader)  # noqa: S506 - safe subclass
    return config


def floor_config(real_config: dict[str, Any]) -> dict[str, Any]:
    """The real configuration minus macros plugin, hooks, custom templates and nav, plus
    Material's search."""
    config = dict(real_config)
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
    # The floor searches with plain Material, the reference the handbook's search is measured
    # against; the handbook itself leaves Material's search plugin out.
    if not any((p if isinstance(p, str) else next(iter(p))) == "search" for p in plugins):
        plugins.insert(0, {"search": {"lang": "sv"}})
    config["plugins"] = plugins
    return config


def plain_page(record: Record, kind: str) -> str:
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


def _index_page(title: str, kind: str, records: tuple[Record, ...]) -> str:
    links = [f"- [{r['titel']}]({r['id']}.md)" for r in records]
    return f"# {title}\n\n" + "\n".join(links) + "\n"


_SECTIONS = {"insatser/index.md": ("insatser", "Insatser"), "behov/index.md": ("behov", "Behov")}


def _placeholder(title: str) -> str:
    return (f"# {title}\n\nEn vanlig sida i golvprojektet. Den står i navigeringen på samma plats "
            "som handbokens egen sida, så att Material ritar lika stor navigering på varje sida.\n")


def _mirror_nav(entries: list[Any], docs: Path, dataset: Dataset, in_nav: bool) -> list[Any]:
    """The real nav's shape with plain pages: authored/generated entries become short pages,
    the Insatser and Behov entries become the index pages (and, in_nav, all record pages)."""
    mirrored: list[Any] = []
    for entry in entries:
        title, target = next(iter(entry.items())) if isinstance(entry, dict) else (None, entry)
        if isinstance(target, list):
            mirrored.append({title: _mirror_nav(target, docs, dataset, in_nav)})
            continue
        if not isinstance(target, str) or "://" in target:
            mirrored.append(entry)
            continue
        path = docs / target
        path.parent.mkdir(parents=True, exist_ok=True)
        if target in _SECTIONS:
            kind, label = _SECTIONS[target]
            records = dataset.insatser if kind == "insatser" else dataset.behov
            path.write_text(_index_page(label, kind, records), encoding="utf-8")
            if in_nav:
                mirrored.append({title or label: [target, *[{r["titel"]: f"{kind}/{r['id']}.md"}
                                                            for r in records]]})
                continue
        else:
            path.write_text(_placeholder(title or Path(target).stem), encoding="utf-8")
        mirrored.append(entry)
    return mirrored


def write_floor_project(dest: Path, dataset: Dataset, real_root: Path, *, in_nav: bool) -> Path:
    """A plain MkDocs + Material project at dest with 2 × len(initiatives) record pages,
    under a nav of the same shape as the real one."""
    docs = dest / "docs"
    docs.mkdir(parents=True, exist_ok=True)
    real_config = read_config(real_root)
    config = floor_config(real_config)
    assets = real_root / "docs" / "assets"
    if assets.is_dir():
        shutil.copytree(assets, docs / "assets", dirs_exist_ok=True)
    for kind, records in (("insatser", dataset.insatser), ("behov", dataset.behov)):
        (docs / kind).mkdir(exist_ok=True)
        for record in records:
            (docs / kind / f"{record['id']}.md").write_text(plain_page(record, kind), encoding="utf-8")
    real_nav = real_config.get("nav") or [{"Start": "index.md"}]
    if not any(isinstance(e, dict) and str(next(iter(e.values()))) in _SECTIONS for e in real_nav):
        real_nav = [*real_nav, {"Insatser": "insatser/index.md"}, {"Behov": "behov/index.md"}]
    config["nav"] = _mirror_nav(real_nav, docs, dataset, in_nav)
    if not in_nav:
        config["not_in_nav"] = "/insatser/*\n/behov/*\n"
    (dest / "mkdocs.yml").write_text(
        yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return dest
