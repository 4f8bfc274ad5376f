"""Every file generated from the portfolio: record pages, section indexes, portfolio and exports."""

from __future__ import annotations

import datetime as dt

from handbok.generated import GeneratedFile
from handbok.model import Portfolio
from handbok.render import exports
from handbok.render.indexes import render_initiative_index, render_need_index, render_unit_index
from handbok.render.initiative_page import render_initiative_page
from handbok.render.links import record_source
from handbok.render.need_page import render_need_page
from handbok.render.page_options import with_hidden_sidebars
from handbok.render.portfolio import render_portfolio_page
from handbok.render.unit_page import render_unit_page


def _source_path(record) -> str | None:
    return record.source.path if record.source is not None else None


def record_pages(portfolio: Portfolio, *, build_date: dt.date) -> list[GeneratedFile]:
    pages = [GeneratedFile(record_source(i), render_initiative_page(i, build_date=build_date),
                           _source_path(i)) for i in portfolio.insatser]
    pages += [GeneratedFile(record_source(b), render_need_page(b, portfolio), _source_path(b))
              for b in portfolio.behov]
    pages += [GeneratedFile(record_source(u), render_unit_page(u, portfolio), _source_path(u))
              for u in portfolio.enheter]
    return sorted(pages, key=lambda f: f.path)


def overview_files(portfolio: Portfolio, *, build_date: dt.date) -> list[GeneratedFile]:
    return [
        GeneratedFile("insatser/index.md", render_initiative_index(portfolio)),
        GeneratedFile("behov/index.md", render_need_index(portfolio)),
        GeneratedFile("organisation/index.md", render_unit_index(portfolio)),
        GeneratedFile("portfolj/index.md",
                      with_hidden_sidebars(render_portfolio_page(portfolio, build_date=build_date))),
        GeneratedFile("portfolj/insatser.json", exports.initiatives_json(portfolio, build_date=build_date)),
        GeneratedFile("portfolj/behov.json", exports.needs_json(portfolio, build_date=build_date)),
        GeneratedFile("portfolj/insatser.csv", exports.initiatives_csv(portfolio).encode("utf-8")),
        GeneratedFile("portfolj/behov.csv", exports.needs_csv(portfolio).encode("utf-8")),
    ]


def generated_files(portfolio: Portfolio, *, build_date: dt.date) -> list[GeneratedFile]:
    return overview_files(portfolio, build_date=build_date) + record_pages(portfolio, build_date=build_date)
