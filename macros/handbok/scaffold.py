"""New data files from the templates in mallar/: checked id, quoted title, existing references."""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from pathlib import Path

TEMPLATE_DIR = Path(__file__).resolve().parent / "mallar"
FOLDERS = {"insats": "insatser", "behov": "behov"}
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_TODO = "ATT FYLLA I: "


def slug_from_title(title: str) -> str:
    """`Körkort för cytostatika` → `korkort-for-cytostatika` (å/ä→a, ö→o, other marks dropped)."""
    ascii_text = unicodedata.normalize("NFKD", title.lower()).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")


def check_new_id(record_id: str, existing_ids: set[str], kind: str) -> str | None:
    """A Swedish reason why `record_id` cannot be used for a new record, or None."""
    if not SLUG.match(record_id):
        suggestion = slug_from_title(record_id)
        hint = f" Förslag: '{suggestion}'." if suggestion else ""
        return (f"id '{record_id}' går inte att använda: bara små bokstäver a–z, siffror och "
                f"bindestreck (inga å, ä, ö eller mellanslag).{hint}")
    if record_id in existing_ids:
        return (f"det finns redan en {kind} med id '{record_id}' "
                f"(data/{FOLDERS[kind]}/{record_id}.yaml); välj ett annat id.")
    return None


def _yaml_text(text: str) -> str:
    # A JSON string is a valid YAML double-quoted scalar, whatever the title contains.
    return json.dumps(" ".join(text.split()), ensure_ascii=False)


def render_new_record(kind: str, record_id: str, title: str, *, unit_id: str, source_id: str,
                      today: dt.date, units_chosen: bool = False,
                      source_chosen: bool = False) -> str:
    """The text of a new, valid data file for `kind` ("insats" or "behov")."""
    template = (TEMPLATE_DIR / f"{kind}.yaml").read_text(encoding="utf-8")
    guessed = "den första enheten i data/organisation/ är ifylld som exempel; byt till rätt enhet."
    guessed_source = "det första källdokumentet i data/kallor/ är ifyllt som exempel; byt till rätt."
    return template.format(
        id=record_id,
        titel=_yaml_text(title),
        sammanfattning=_yaml_text(_TODO + "en eller två meningar om vad insatsen ska åstadkomma."),
        beskrivning=_yaml_text(_TODO + "vad behovet gäller och varför det finns."),
        malgrupp=_yaml_text(_TODO + "vilken yrkesgrupp eller målgrupp behovet gäller."),
        enhet=unit_id,
        enhet_forklaring="kontrollera att enheten stämmer." if units_chosen else guessed,
        kalla=source_id,
        kalla_forklaring="kontrollera att källan stämmer." if source_chosen else guessed_source,
        idag=today.isoformat(),
    )
