"""New data files from the templates in mallar/: checked id, quoted title, existing references."""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from pathlib import Path

from handbok.kinds import BEHOV, ENHET, INSATS, KALLA, SLUG_PATTERN, Kind
from handbok.placeholders import TODO_MARK

TEMPLATE_DIR = Path(__file__).resolve().parent / "mallar"
# The kinds a new record can be made of (a template in mallar/ each), by name.
SCAFFOLD_KINDS: dict[str, Kind] = {kind.name: kind for kind in (INSATS, BEHOV)}
SLUG = re.compile(SLUG_PATTERN)
_TODO = f"{TODO_MARK}: "
PLACEHOLDER_UNIT = "andra-till-en-enhet"
PLACEHOLDER_SOURCE = "andra-till-en-kalla"


def slug_from_title(title: str) -> str:
    """`Körkort för cytostatika` → `korkort-for-cytostatika` (å/ä→a, ö→o, other marks dropped)."""
    ascii_text = unicodedata.normalize("NFKD", title.lower()).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")


def check_new_id(record_id: str, existing_ids: set[str], kind: str) -> str | None:
    """A Swedish reason why `record_id` cannot be used for a new record, or None."""
    if not SLUG.fullmatch(record_id):
        suggestion = slug_from_title(record_id)
        hint = f" Förslag: '{suggestion}'." if suggestion else ""
        return (f"id '{record_id}' går inte att använda: bara små bokstäver a–z, siffror och "
                f"bindestreck (inga å, ä, ö eller mellanslag).{hint}")
    if record_id in existing_ids:
        return (f"det finns redan en {kind} med id '{record_id}' "
                f"({SCAFFOLD_KINDS[kind].data_path(record_id)}); välj ett annat id.")
    return None


def _yaml_text(text: str) -> str:
    # A JSON string is a valid YAML double-quoted scalar, whatever the title contains.
    return json.dumps(" ".join(text.split()), ensure_ascii=False)


def render_new_record(kind: str, record_id: str, title: str, *, today: dt.date,
                      unit_id: str = "", source_id: str = "") -> str:
    """The text of a new data file for `kind` ("insats" or "behov").

    Valid YAML that passes the schema, but its placeholders (handbok.placeholders) fail
    validation until the editor replaces them; a unit or source not given is a placeholder.
    """
    template = (TEMPLATE_DIR / f"{kind}.yaml").read_text(encoding="utf-8")
    # Placeholder ids, not real examples: a guess left in place would publish (issue 17).
    guessed = ("byt platshållaren mot id:t på rätt enhet (filnamnen utan .yaml i "
               f"{ENHET.data_folder}); make validate stoppar den tills dess.")
    guessed_source = ("byt platshållaren mot id:t på källdokumentet (filnamnen utan .yaml i "
                      f"{KALLA.data_folder}); make validate stoppar den tills dess.")
    return template.format(
        id=record_id,
        titel=_yaml_text(title),
        sammanfattning=_yaml_text(_TODO + "en eller två meningar om vad insatsen ska åstadkomma."),
        beskrivning=_yaml_text(_TODO + "vad behovet gäller och varför det finns."),
        malgrupp=_yaml_text(_TODO + "vilken yrkesgrupp eller målgrupp behovet gäller."),
        enhet=unit_id or PLACEHOLDER_UNIT,
        enhet_forklaring="kontrollera att enheten stämmer." if unit_id else guessed,
        kalla=source_id or PLACEHOLDER_SOURCE,
        kalla_forklaring="kontrollera att källan stämmer." if source_id else guessed_source,
        idag=today.isoformat(),
    )
