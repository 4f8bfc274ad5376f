"""Issue 23: `make validate` and the build warn about an id changed without `tidigare_id`."""

from __future__ import annotations

from pathlib import Path

from data_repo import BASE, check

from handbok.problems import format_problem
from handbok.redirects import RedirectPage
from handbok.renamed_ids import vanished_record_warnings

HEADER = "# Publicerade adresser\n"
LISTED = "/\n/insatser/\n/insatser/i/\n/behov/b/\n/organisation/r/\n/organisation/u/\n"
WARNING = ("adressen /insatser/gammal/ är publicerad (den står i publicerade-adresser.txt), men "
           "ingen post har id:t 'gammal' längre, så länkar dit slutar fungera. Har posten bytt id: "
           "skriv det gamla id:t under tidigare_id i posten (en ny rad '- gammal'); är den borttagen "
           "efter ett godkänt beslut: kör make urls TA_BORT=ja (annars stoppar kontrollen i pull "
           "requesten)")


def warnings(tmp_path: Path, inventory: str | None, changes: dict | None = None,
             redirects: tuple[RedirectPage, ...] = ()) -> list[str]:
    portfolio, problems = check(tmp_path, changes)
    assert problems == []
    return [format_problem(w, warning=True) for w in vanished_record_warnings(inventory, portfolio, redirects)]


def test_renamed_record_is_warned_about_at_its_id(tmp_path: Path) -> None:
    inventory = HEADER + LISTED.replace("/insatser/i/", "/insatser/gammal/")
    assert warnings(tmp_path, inventory) == [f"data/insatser/i.yaml:2:1: varning: {WARNING}"]


def test_old_id_under_tidigare_id_or_a_redirect_is_fine(tmp_path: Path) -> None:
    inventory = HEADER + LISTED + "/insatser/gammal/\n"
    redirect = RedirectPage("insatser/gammal/", "insatser/i/", "Insats", "data/insatser/i.yaml")
    assert warnings(tmp_path, inventory, redirects=(redirect,)) == []
    assert warnings(tmp_path, HEADER + LISTED) == []
    assert warnings(tmp_path, None) == []


def test_without_one_likely_new_record_the_list_line_is_named(tmp_path: Path) -> None:
    inventory = HEADER + LISTED.replace("/insatser/i/\n", "") + "/insatser/gammal/\n"
    second = BASE[("insats", "i")].replace("id: i\n", "id: j\n")
    assert warnings(tmp_path, inventory, {("insats", "j"): second}) == [
        f"publicerade-adresser.txt:7:1: varning: {WARNING}"]
