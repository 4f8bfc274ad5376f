"""Seeded synthetic portfolios: valid YAML records in the real layout, checked by the real pipeline.

`python -m bench.generate 200 /tmp/proj` writes a project copy with 200 initiatives and as
many needs. Everything synthetic is fictional (units, places, roles) and is written only into
temporary project copies, never into the repository's data/.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import re
import shutil
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from handbok.builddate import today
from handbok.model import Portfolio
from handbok.pipeline import load_portfolio
from handbok.problems import format_problem

REPO_ROOT = Path(__file__).resolve().parent.parent
# What a build needs besides data/; tests, tooling and outputs stay behind.
PROJECT_ENTRIES = ("mkdocs.yml", "docs", "includes", "macros", "overrides", "schemas")
_COPY_IGNORE = shutil.ignore_patterns("__pycache__", "*.pyc")
# Schema file stems tried for each data folder, first existing wins.
SCHEMA_NAMES = {
    "insatser": ("insats", "insatser"),
    "behov": ("behov",),
    "organisation": ("enhet", "organisation", "organisationsenhet"),
    "kallor": ("kalla", "kallor"),
}
LATEST_DATE = dt.date(2026, 10, 31)  # before any date the bench runs at
# One run's "today": the real Stockholm date, read once (the bench is a command, a boundary).
# The bench copies the real data and docs, which an editor may date today; a pinned past date
# would reject them.
BENCH_DATE = today(os.environ)

_PLACES = ("Ekeby", "Björkvik", "Sjöstad", "Åsby", "Lövsta", "Granåker", "Kvarnby", "Höglanda",
           "Strömsholm", "Älvnäs", "Norrby", "Hagalund", "Ängsö", "Bergsjö", "Tallmo", "Västerå")
_AREAS = ("psykiatri", "primärvård", "ortopedi", "kirurgi", "medicin", "habilitering",
          "folktandvård", "akutsjukvård", "barn- och ungdomssjukvård", "rehabilitering")
_TOPICS = (
    ("Cytostatikakörkort", "säker hantering av cytostatika"),
    ("C1-körkort", "körkortsbehörighet för tyngre fordon"),
    ("Förändringsledning", "att leda förändring i vardagen"),
    ("Diagnostikutbildning (15 hp)", "psykologisk diagnostik"),
    ("Föreläsningsserie om psykisk ohälsa", "bemötande och tidiga insatser"),
    ("Introduktionsprogram", "en trygg start för nyanställda"),
    ("Handledarutbildning", "handledning av studenter och nyanställda"),
    ("Digital schemaläggning", "bemanning och schemaläggning"),
    ("Office 365 i vardagen", "samarbete i den virtuella plattformen"),
    ("Dataskyddsförordningen", "informationssäkerhet & dataskydd"),
    ("Lean i vardagen", "ständiga förbättringar"),
    ("Produktions- och kapacitetsplanering", "5-stegsmodellen"),
    ("Karriärvägar", "tydliga roller för assistenter, handläggare och strateger"),
    ("Distansteknik i konferensrum", "möten på distans"),
    ("Vårdhygien", "basala hygienrutiner"),
    ("Språkstöd", "svenska i vårdarbetet"),
    ("Chefsutvecklingsprogram", "chefers förutsättningar"),
    ("Patientsäkerhetsdialoger", "lärande av avvikelser"),
)
_GROUPS = ("sjuksköterskor", "ambulanspersonal", "chefer och stödfunktioner", "psykologer",
           "undersköterskor", "läkare", "assistenter", "personalkonsulter", "områdesekonomer",
           "IT-personal", "lönehandläggare", "barnmorskor", "fysioterapeuter")
_ROLES = ("Regionområdeschef", "Stabschef", "Förvaltningschef", "HR-direktör",
          "Chef för utvecklingsavdelningen", "Verksamhetschef")
_LEADERS = ("Projektledare vid HR-avdelningen", "Lokalt utvecklingsansvarig",
            "Projektledare vid utvecklingsavdelningen", "HR-strateg", "Verksamhetsutvecklare")
_EFFECTS = ("Minst {p} % av {g} har genomgått utbildningen",
            "Färre avvikelser inom {a} jämfört med föregående år",
            "Kortare ledtid från beslut till införande",
            "Ökad andel {g} som upplever god introduktion",
            "Effekthemtagning följs upp i tertialrapporten")
_RISKS = (("Svårt att frigöra tid för {g} att delta", "Planera utbildningen under lågsäsong"),
          ("Otydligt mandat mellan uppdragsägare och linjechefer", "Förtydliga i uppdragshandlingen"),
          ("Beviljade medel används inte före periodens slut", "Följ upp förbrukningen varje månad"),
          ("Leverantören kan inte leverera i tid", "Avtala om delleveranser"),
          ("Låg delaktighet från verksamheterna inom {a}", "Involvera lokalt utvecklingsansvariga tidigt"))
_REPORTS = ("Arbetet går enligt plan. {n} av {g} har deltagit hittills.",
            "Upphandlingen är klar och första kurstillfället är bokat.",
            "Förseningar på grund av hög belastning inom {a}; ny tidplan tas fram.",
            "Styrgruppen har godkänt delrapporten & beslutat om fortsättning.",
            "Uppföljning visar att målgruppen är nöjd; \"mycket användbart\" är vanligaste omdömet.")


# One record as it is dumped to YAML: field name -> plain value.
Record = dict[str, Any]


class SyntheticDataError(RuntimeError):
    """The generated data did not pass the real validation: a bug in the generator."""


@dataclass(frozen=True)
class Dataset:
    """Records as plain mappings, ready to be dumped one per YAML file."""

    kallor: tuple[Record, ...]
    enheter: tuple[Record, ...]
    behov: tuple[Record, ...]
    insatser: tuple[Record, ...]

    def folders(self) -> dict[str, tuple[Record, ...]]:
        return {"kallor": self.kallor, "organisation": self.enheter,
                "behov": self.behov, "insatser": self.insatser}


@dataclass(frozen=True)
class ProjectCopy:
    root: Path
    insatser: int
    behov: int
    enheter: int
    records: int


def slugify(text: str) -> str:
    """Lowercase ASCII slug as the handbook's ids use (å/ä→a, ö→o)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def _day(rng: random.Random, first: dt.date, last: dt.date) -> dt.date:
    return first + dt.timedelta(days=rng.randint(0, max(0, (last - first).days)))


def _month(date: dt.date) -> str:
    return date.strftime("%Y-%m")


def _kalla() -> Record:
    return {"id": "syntetiska-bench-data", "titel": "Syntetiska data för prestandamätning",
            "utgivare": "Förändringshandbokens benchmark",
            "beskrivning": "Påhittade poster som bara används i tillfälliga kopior vid mätning.",
            "ar": 2026}


def _units(rng: random.Random, count: int, kalla: str) -> list[Record]:
    """Two regions, then förvaltningar/sjukhus/ambulans under them, then areas below those."""
    regions = [{"id": f"region-{slugify(p)}-syn", "namn": f"Region {p} (syntetisk)",
                "typ": "region", "kalla": kalla} for p in ("Norrå", "Söderå")]
    units = list(regions)
    kinds = (("forvaltning", "Förvaltning för {a}"), ("sjukhus", "{p} sjukhus"),
             ("ambulansverksamhet", "Ambulansverksamheten {p}"), ("regionomrade", "Regionområde {p}"))
    middle_count = max(2, (count - 2) // 3)
    for index in range(max(0, count - 2)):
        kind, pattern = kinds[index % len(kinds)]
        place, area = _PLACES[index % len(_PLACES)], _AREAS[index % len(_AREAS)]
        if index < middle_count:
            parent = regions[index % 2]
        else:
            kind, pattern = "omrade", "Område {a} {p}"
            parent = units[2 + rng.randrange(middle_count)]
        name = f"{pattern.format(p=place, a=area)} {index // len(_PLACES) + 1}"
        region = parent["id"] if parent["typ"] == "region" else parent["region"]
        units.append({"id": f"{slugify(name)}-syn", "namn": name, "typ": kind,
                      "overordnad": parent["id"], "region": region, "kalla": kalla})
    return units


def _need(rng: random.Random, index: int, units: list[Record], kalla: str) -> Record:
    topic, theme = _TOPICS[index % len(_TOPICS)]
    group = rng.choice(_GROUPS)
    title = f"Behov av {topic.lower() if topic[1:2].islower() else topic} för {group}"
    return {
        "id": f"{slugify(title)}-{index:04d}",
        "titel": title,
        "beskrivning": f"Flera verksamheter beskriver ett behov av kompetens inom {theme}. "
                       f"Behovet gäller främst {group} och har lyfts i det regionala HR-nätverket.",
        "malgrupp": group.capitalize(),
        "forvaltningar": [u["id"] for u in rng.sample(units, k=min(len(units), rng.randint(1, 3)))],
        "prioritet": rng.choice(("hog", "medel", "lag")),
        "status": "identifierat",
        "kostnad_kr": rng.choice((None, 250_000, 500_000, 1_000_000)),
        "kalla": kalla,
        **_dates(rng),
    }


def _dates(rng: random.Random) -> dict[str, str]:
    """Synthetic records are confirmed the day their information is from (current at the bench date)."""
    day = _day(rng, dt.date(2025, 6, 1), LATEST_DATE).isoformat()
    return {"uppgifterna_galler": day, "senast_granskad": day}


def _risks(rng: random.Random, group: str, area: str) -> list[Record]:
    chosen = rng.sample(_RISKS, k=rng.randint(1, 4))
    return [{"beskrivning": text.format(g=group, a=area), "sannolikhet": rng.randint(1, 4),
             "konsekvens": rng.randint(1, 4), "atgard": action} for text, action in chosen]


def _reports(rng: random.Random, start: dt.date, last: dt.date, group: str, area: str) -> list[Record]:
    count = rng.randint(0, 6) if start < last else 0
    days = sorted({_day(rng, start, last) for _ in range(count)}, reverse=True)
    return [{"datum": day.isoformat(), "halsa": rng.choice(("enligt-plan", "enligt-plan", "risk")),
             "text": rng.choice(_REPORTS).format(n=rng.randint(5, 900), g=group, a=area)}
            for day in days]


def _initiative(rng: random.Random, index: int, units: list[Record], needs: list[Record],
                kalla: str) -> Record:
    topic, theme = _TOPICS[index % len(_TOPICS)]
    group, area = rng.choice(_GROUPS), rng.choice(_AREAS)
    unit_refs = rng.sample(units, k=min(len(units), rng.choice((1, 1, 2, 3))))
    title = f"{topic} för {group}" + (f" inom {area}" if index % 3 else "")
    status = rng.choice(("planerad", "pagar", "pagar", "pagar", "pausad", "avslutad"))
    start = _day(rng, dt.date(2019, 1, 1), dt.date(2026, 6, 30))
    end = start + dt.timedelta(days=rng.randint(90, 900))
    if status == "avslutad":
        end = min(end, LATEST_DATE)
    fas = {"planerad": ("ta-emot-arende", "bereda"), "avslutad": ("forvalta-och-folja-upp",)}.get(
        status, ("bereda", "infora", "infora", "forvalta-och-folja-upp"))
    halsa = rng.choice(("enligt-plan", "enligt-plan", "enligt-plan", "risk", "allvarlig-avvikelse"))
    record = {
        "id": f"{slugify(title)}-{index:04d}",
        "titel": title,
        "sammanfattning": f"{topic} ger {group} stöd i {theme}. Insatsen samordnas mellan "
                          f"förvaltningarna så att gemensamma behov möts av en gemensam insats.",
        "beskrivning": f"Insatsen genomförs i etapper inom {area}. Uppdragshandlingen beskriver "
                       f"syfte, mål, avgränsningar och tidplan; riskanalysen görs enligt VGR-modellen.",
        "typ": "flera-forvaltningar" if len(unit_refs) > 1 else rng.choice(
            ("forvaltningsspecifik", "regiongemensam")),
        "fas": rng.choice(fas),
        "status": status,
        "halsa": halsa,
        "halsokommentar": "" if halsa == "enligt-plan" else "Tidplanen är hotad; åtgärder pågår.",
        "forvaltningar": [u["id"] for u in unit_refs],
        "behov": [n["id"] for n in rng.sample(needs, k=min(len(needs), rng.randint(0, 3)))],
        "uppdragsagare": rng.choice(_ROLES),
        "projektledare": rng.choice(_LEADERS),
        "period": {"start": _month(start), "slut": _month(end)},
        "finansiering": {"kalla": rng.choice(("omstallningsfonden", "forebyggande-medel",
                                              "egen-budget", "statsbidrag")),
                         "belopp_kr": rng.choice((None, 150_000, 500_000, 1_200_000))},
        "effektmal": [e.format(p=rng.choice((50, 80, 90)), g=group, a=area)
                      for e in rng.sample(_EFFECTS, k=rng.randint(1, 3))],
        "risker": _risks(rng, group, area),
        "statusrapporter": [] if status == "planerad" else _reports(
            rng, start, min(end, LATEST_DATE), group, area),
        "rapportintervall": rng.choice(("manadsvis", "tertialvis", "halvarsvis")),
        "kalla": kalla,
        **_dates(rng),
    }
    return record


def _mark_addressed_needs(rng: random.Random, needs: list[Record], initiatives: list[Record]) -> None:
    addressed = {ref for insats in initiatives for ref in insats["behov"]}
    for need in needs:
        if need["id"] in addressed:
            need["status"] = rng.choice(("atgardas", "atgardas", "tillgodosett"))


def generate_dataset(size: int, seed: int = 2026, *, needs: int | None = None,
                     units: int | None = None) -> Dataset:
    """`size` initiatives and as many needs (or `needs`), about one unit per ten initiatives;
    the same seed gives the same records."""
    if size < 0 or (needs is not None and needs < 0):
        raise ValueError("sizes must not be negative")
    rng = random.Random(seed)
    kalla = _kalla()
    need_count = size if needs is None else needs
    unit_records = _units(rng, units if units is not None else max(6, max(size, need_count) // 10),
                          kalla["id"])
    needs_ = [_need(rng, i, unit_records, kalla["id"]) for i in range(need_count)]
    initiatives = [_initiative(rng, i, unit_records, needs_, kalla["id"]) for i in range(size)]
    _mark_addressed_needs(rng, needs_, initiatives)
    return Dataset((kalla,), tuple(unit_records), tuple(needs_), tuple(initiatives))


def _schema_file(schema_dir: Path, folder: str) -> Path | None:
    for stem in SCHEMA_NAMES[folder]:
        candidate = schema_dir / f"{stem}.schema.json"
        if candidate.is_file():
            return candidate
    return None


def _compact(value: Any) -> Any:
    """Optional fields are left out rather than written empty, at every depth."""
    if isinstance(value, dict):
        return {k: _compact(v) for k, v in value.items() if v not in (None, "", [], {})}
    if isinstance(value, list):
        return [_compact(v) for v in value]
    return value


def _fit_to_schema(record: Record, schema: dict[str, Any] | None) -> Record:
    """Drop empty values, and fields the real schema does not know (it is the source of truth)."""
    known = (schema or {}).get("properties")
    return {key: value for key, value in _compact(record).items()
            if known is None or key in known}


def write_data(dataset: Dataset, data_dir: Path, schema_dir: Path) -> int:
    """One YAML file per record under data_dir/<folder>/<id>.yaml; returns the number written."""
    written = 0
    for folder, records in dataset.folders().items():
        schema_path = _schema_file(schema_dir, folder)
        schema = json.loads(schema_path.read_text(encoding="utf-8")) if schema_path else None
        header = f"# yaml-language-server: $schema=../../schemas/{schema_path.name}\n" if schema_path else ""
        (data_dir / folder).mkdir(parents=True, exist_ok=True)
        for record in records:
            text = yaml.dump(_fit_to_schema(record, schema), Dumper=yaml.CSafeDumper,
                             allow_unicode=True, sort_keys=False, width=100)
            (data_dir / folder / f"{record['id']}.yaml").write_text(header + text, encoding="utf-8")
            written += 1
    return written


def validate_data(data_dir: Path, schema_dir: Path, today: dt.date = BENCH_DATE) -> Portfolio:
    """The real validation; raises SyntheticDataError with every problem if anything is invalid."""
    portfolio, problems = load_portfolio(data_dir, schema_dir, today=today)
    if problems or portfolio is None:
        listed = "\n".join(format_problem(p) for p in sorted(problems)[:40])
        raise SyntheticDataError(
            f"generated data is invalid ({len(problems)} problems):\n{listed}")
    return portfolio


def _count_records(folder: Path) -> int:
    return len(list(folder.glob("*.yaml"))) if folder.is_dir() else 0


def write_project_copy(dest: Path, size: int, seed: int = 2026,
                       repo_root: Path = REPO_ROOT, today: dt.date = BENCH_DATE) -> ProjectCopy:
    """A buildable project at dest: the repository's sources and real data, topped up with
    synthetic records to `size` initiatives and `size` needs, validated at `today` before
    returning (tests pass the real content's date: the real data may be newer than BENCH_DATE)."""
    dest.mkdir(parents=True, exist_ok=True)
    for entry in PROJECT_ENTRIES:
        source = repo_root / entry
        if source.is_dir():
            shutil.copytree(source, dest / entry, ignore=_COPY_IGNORE, dirs_exist_ok=True)
        elif source.is_file():
            shutil.copy2(source, dest / entry)
    if (repo_root / "data").is_dir():
        shutil.copytree(repo_root / "data", dest / "data", ignore=_COPY_IGNORE, dirs_exist_ok=True)
    extra_insatser = max(0, size - _count_records(dest / "data" / "insatser"))
    extra_behov = max(0, size - _count_records(dest / "data" / "behov"))
    write_data(generate_dataset(extra_insatser, seed, needs=extra_behov),
               dest / "data", dest / "schemas")
    portfolio = validate_data(dest / "data", dest / "schemas", today)
    return ProjectCopy(dest, len(portfolio.insatser), len(portfolio.behov), len(portfolio.enheter),
                       len(portfolio.insatser) + len(portfolio.behov) + len(portfolio.enheter)
                       + len(portfolio.kallor))


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: python -m bench.generate SIZE DEST", file=sys.stderr)
        return 2
    copy = write_project_copy(Path(argv[1]), int(argv[0]))
    print(f"{copy.root}: {copy.insatser} insatser, {copy.behov} behov, {copy.enheter} enheter")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
