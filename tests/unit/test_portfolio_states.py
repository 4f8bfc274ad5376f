"""The portfolio page in its three states (issue 24): nothing, some and everything confirmed.

A frozen copy of the real data, confirmed by an editor in part or in full: the page must read as plain
sentences while nothing is confirmed, count only confirmed records once some are, and never add
older information into a total.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

from handbok.currency import AsOf
from handbok.pipeline import load_portfolio
from handbok.render.portfolio import render_portfolio_page
from tests.unit.data_repo import REPO_ROOT

# A frozen copy of the real data as issue 24 left it, so these exact sentences hold at a pinned
# date while editors confirm, add and date the real records (issue 23).
FROZEN_DATA = REPO_ROOT / "tests" / "fixtures" / "portfolio" / "data"

TODAY = dt.date(2026, 11, 23)
AS_OF = AsOf(TODAY, 12)
VGR_SOURCE = "kalla: tlo-vgr-projektledare"


def _page(tmp_path: Path, confirm) -> str:
    """The portfolio page of the real data with `senast_granskad` added where `confirm(text)` says."""
    shutil.copytree(FROZEN_DATA, tmp_path / "data")
    for path in [*(tmp_path / "data" / "insatser").glob("*.yaml"), *(tmp_path / "data" / "behov").glob("*.yaml")]:
        text = path.read_text(encoding="utf-8")
        if confirm(text):
            path.write_text(text + 'senast_granskad: "2026-11-01"\n', encoding="utf-8")
    portfolio, problems = load_portfolio(tmp_path / "data", REPO_ROOT / "schemas", today=TODAY)
    assert problems == []
    return render_portfolio_page(portfolio, as_of=AS_OF)


def _section(page: str, anchor: str, following: str) -> str:
    return page[page.index("{#" + anchor + "}"):page.index("{#" + following + "}")]


def _table(page: str, caption: str) -> list[tuple[str, str]]:
    table = re.search(rf"<caption>{caption}</caption>.*?</table>", page, re.S)
    assert table is not None, caption
    return re.findall(r'<tr><th scope="row">(.*?)</th><td>(\d+)</td></tr>', table.group(0))


def test_nothing_confirmed_is_one_plain_sentence(tmp_path: Path) -> None:
    page = _page(tmp_path, lambda text: False)
    figures = _section(page, "nyckeltal", "insatser")
    assert ("Ingen av de 23 insatserna och 13 behoven har bekräftade uppgifter; de bygger på källor "
            "från 2017–2021 och en källa utan datum. Därför visas inga siffror om fas, status eller läge: "
            "de skulle inte beskriva läget i dag.") in figures
    assert "<table" not in figures and "<svg" not in figures
    assert "Ingen av de 36 posterna har bekräftats av en redaktör." in page
    assert ('Pågår</span> <span class="handbok-aktualitet">(obekräftat, källan anger inget datum)</span></td>'
            in page)  # no status shown bare in the table (C2)
    attention = _section(page, "kraver-uppmarksamhet", "exporter")
    assert attention.count("\n- ") == 4  # the one real signal, then one line per organisation
    assert ("Väntar på bekräftelse av en redaktör:\n\n"
            "- [Region (ej namngiven i källan)](../organisation/region-ej-namngiven.md): 14 insatser och "
            "10 behov, en källa från 2017\n"
            "- [Region Skåne](../organisation/region-skane.md): 5 insatser och 1 behov, en källa från 2021\n"
            "- [Västra Götalandsregionen (VGR)](../organisation/vgr.md): 4 insatser och 2 behov, en källa "
            "utan datum\n") in attention


def test_some_confirmed_counts_only_those_and_keeps_the_rest_waiting(tmp_path: Path) -> None:
    page = _page(tmp_path, lambda text: VGR_SOURCE in text)
    figures = _section(page, "nyckeltal", "insatser")
    assert ("<strong>4</strong> av 23 insatser och <strong>2</strong> av 13 behov har uppgifter som en "
            "redaktör har bekräftat inom granskningsintervallet (12 månader). Siffrorna nedan räknar bara "
            "dem; övriga bygger på källor från 2017–2021 och räknas inte.") in figures
    assert _table(figures, "Bekräftade insatser per status") == [
        ("Planerad", "0"), ("Pågår", "2"), ("Pausad", "0"), ("Avslutad", "0"), ("Uppgift saknas", "2")]
    assert _table(figures, "Bekräftade insatser per organisation") == [("Västra Götalandsregionen (VGR)", "4")]
    assert _table(figures, "Bekräftade behov per status") == [
        ("Identifierat", "1"), ("Åtgärdas", "1"), ("Tillgodosett", "0")]
    assert "Totalt" not in page
    assert ("- [Västra Götalandsregionen (VGR)](../organisation/vgr.md): 4 insatser och 2 behov, en källa "
            "utan datum; 6 bekräftade") in page
    attention = _section(page, "kraver-uppmarksamhet", "exporter")
    # A confirmed record is held to what it should have; its forecast end is now a fact to follow up.
    assert ("- [Förändringsledning för chefer och stödfunktioner](../insatser/forandringsledning-chefer-vgr.md): "
            "Slutdatum 2020 passerat men inte avslutad; Effektmål saknas") in attention
    assert "delvis fått stå tillbaka på grund av pandemin" in attention  # unconfirmed, still visible
    waiting = attention[attention.index("Väntar på bekräftelse"):]
    assert "Region Skåne" in waiting and "Västra Götalandsregionen" not in waiting


def test_all_confirmed_has_no_waiting_list(tmp_path: Path) -> None:
    page = _page(tmp_path, lambda text: True)
    figures = _section(page, "nyckeltal", "insatser")
    assert ("Alla 23 insatser och 13 behov har uppgifter som en redaktör har bekräftat inom "
            "granskningsintervallet (12 månader).") in figures
    assert sum(int(n) for _, n in _table(figures, "Bekräftade insatser per status")) == 23
    assert "Alla 36 poster har bekräftats av en redaktör inom granskningsintervallet." in page
    attention = _section(page, "kraver-uppmarksamhet", "exporter")
    assert "Väntar på bekräftelse" not in attention
    assert "23 insatser har en signal att följa upp" in attention  # none has effect goals


def test_the_timeline_marks_unconfirmed_periods_and_not_confirmed_ones(tmp_path: Path) -> None:
    """A forecast period (P3, "som väntas pågå under hela 2019 och 2020") is drawn lighter and
    called unconfirmed until an editor confirms it."""
    bar = re.compile(r"<g><title>Förändringsledning för chefer och stödfunktioner: (.*?)</title>.*?"
                     r'<rect class="(.*?)"', re.S)
    unconfirmed = bar.search(_page(tmp_path / "a", lambda text: False))
    assert unconfirmed is not None
    assert unconfirmed.group(1) == "2019 – 2020 (obekräftad)" and "handbok-tl-stapel--obekraftad" in unconfirmed.group(2)
    confirmed = bar.search(_page(tmp_path / "b", lambda text: VGR_SOURCE in text))
    assert confirmed is not None
    assert confirmed.group(1) == "2019 – 2020" and "obekraftad" not in confirmed.group(2)
