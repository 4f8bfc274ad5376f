"""The benchmark's report: goal rows for every goal of issue 15, met or not, and the serve edits.
No timing is measured or asserted."""

from __future__ import annotations

from bench.report import ServeOutcome, SizeResult, goal_table, goals_15, paired_ratios
from bench.serve import ServeLatencies, _reword_first_paragraph
from bench.stats import summarize


def test_paired_ratios_pair_each_build_with_its_floor() -> None:
    ratios = paired_ratios([2.0, 3.0, 4.0], [1.0, 2.0, 4.0])

    assert ratios == summarize([2.0, 1.5, 1.0])
    assert paired_ratios([], []) is None


def test_every_goal_of_issue_15_has_a_row_even_when_nothing_was_measured() -> None:
    rows = goals_15([], [])

    assert len(rows) == 11
    assert all(row.met is None and row.measured == "ej mätt" for row in rows)
    assert "| Dataändring synlig under serve ≤ 5 s (2000 + 2000) | ej mätt | ej mätt |" in goal_table(rows)


def test_serve_goals_use_the_median_and_show_the_spread() -> None:
    small = SizeResult(200, insatser=200, behov=200)
    outcome = ServeOutcome(200, small.label, ServeLatencies(data=[1.0, 3.0, 1.5], page=[2.5, 2.6, 2.7]),
                           "titeln ändrad")

    rows = {row.text: row for row in goals_15([small], [outcome])}

    data = rows["Dataändring synlig under serve ≤ 2 s (200 + 200)"]
    page = rows["Ändrad sida synlig under serve ≤ 2 s (200 + 200)"]
    assert (data.measured, data.met) == ("1.50 (1.00–3.00) s", True)
    assert page.met is False
    assert rows["Dataändring synlig under serve ≤ 5 s (2000 + 2000)"].met is None


def test_the_authored_page_edit_changes_the_first_word_of_the_first_paragraph() -> None:
    page = "---\nrender_macros: true\n---\n\n# Bereda\n\nSteg 2 av 4 i modellen.\n\n## Vad\n"

    edited = _reword_first_paragraph(page, "Markord1")

    assert edited == page.replace("Steg 2", "Markord1 2")
