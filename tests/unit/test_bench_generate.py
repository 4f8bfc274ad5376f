"""The benchmark's synthetic data is valid under the real rules and reproducible; its helpers
compute what they claim. No timing is asserted anywhere."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.generate import generate_dataset, validate_data, write_data
from bench.stats import growth_exponent, summarize

SCHEMAS = Path(__file__).resolve().parents[2] / "schemas"


def _files(data_dir: Path) -> dict[str, bytes]:
    return {p.relative_to(data_dir).as_posix(): p.read_bytes() for p in sorted(data_dir.rglob("*.yaml"))}


def test_generated_dataset_passes_the_real_validation(tmp_path: Path) -> None:
    dataset = generate_dataset(5, seed=7)
    write_data(dataset, tmp_path / "data", SCHEMAS)

    portfolio = validate_data(tmp_path / "data", SCHEMAS)

    assert len(portfolio.insatser) == 5
    assert len(portfolio.behov) == 5
    assert {e.id for e in portfolio.enheter} == {u["id"] for u in dataset.enheter}
    assert any(i.behov for i in portfolio.insatser), "initiatives should reference needs"
    assert any(i.risker for i in portfolio.insatser)


def test_generated_dataset_is_deterministic_for_a_seed(tmp_path: Path) -> None:
    for name in ("a", "b"):
        write_data(generate_dataset(5, seed=11), tmp_path / name, SCHEMAS)
    write_data(generate_dataset(5, seed=12), tmp_path / "c", SCHEMAS)

    assert _files(tmp_path / "a") == _files(tmp_path / "b")
    assert _files(tmp_path / "a") != _files(tmp_path / "c")


def test_every_file_starts_with_the_schema_line_and_is_named_by_its_id(tmp_path: Path) -> None:
    write_data(generate_dataset(5, seed=3), tmp_path, SCHEMAS)

    for path in tmp_path.rglob("*.yaml"):
        first, *rest = path.read_text(encoding="utf-8").splitlines()
        assert first.startswith("# yaml-language-server: $schema=../../schemas/")
        assert f"id: {path.stem}" in rest


def test_summary_is_median_and_spread() -> None:
    assert summarize([3.0, 1.0, 2.0]) == summarize([1.0, 2.0, 3.0])
    summary = summarize([3.0, 1.0, 2.0])
    assert (summary.median, summary.low, summary.high, summary.count) == (2.0, 1.0, 3.0, 3)
    assert summarize([1.0, 2.0, 4.0, 10.0]).median == 3.0
    assert summary.format(1) == "2.0 (1.0–3.0)"
    with pytest.raises(ValueError):
        summarize([])


@pytest.mark.parametrize(("t2", "expected"), [(10.0, 1.0), (100.0, 2.0), (1.0, 0.0),
                                               (10 ** 1.1, 1.1)])
def test_growth_exponent(t2: float, expected: float) -> None:
    assert growth_exponent(10, 1.0, 100, t2) == pytest.approx(expected)


def test_growth_exponent_rejects_equal_sizes_and_zero_times() -> None:
    with pytest.raises(ValueError):
        growth_exponent(10, 1.0, 10, 2.0)
    with pytest.raises(ValueError):
        growth_exponent(10, 0.0, 100, 2.0)
