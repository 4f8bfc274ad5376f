"""Every file generated from the portfolio: record pages, section indexes, portfolio and exports."""

from __future__ import annotations

from collections.abc import Sequence

from handbok.authored import PageMeta
from handbok.currency import AsOf
from handbok.generated import GeneratedFile
from handbok.kept import kept
from handbok.kinds import BEHOV, ENHET, INSATS, PORTFOLIO_PAGE
from handbok.model import Behov, Enhet, Insats, Portfolio
from handbok.render import exports
from handbok.render.indexes import render_initiative_index, render_need_index, render_unit_index
from handbok.render.initiative_page import render_initiative_page
from handbok.render.links import record_source
from handbok.render.need_page import render_need_page
from handbok.render.page_index import PAGE_INDEX_PATH, page_index_json
from handbok.render.page_options import with_hidden_sidebars
from handbok.render.portfolio import render_portfolio_page
from handbok.render.unit_page import render_unit_page
from handbok.review import review_entries


def _source_path(record: Insats | Behov | Enhet) -> str | None:
    return record.source.path if record.source is not None else None


def record_pages(portfolio: Portfolio, *, as_of: AsOf) -> list[GeneratedFile]:
    pages = [GeneratedFile(record_source(i), render_initiative_page(i, portfolio, as_of=as_of),
                           _source_path(i)) for i in portfolio.insatser]
    pages += [GeneratedFile(record_source(b), render_need_page(b, portfolio, as_of=as_of), _source_path(b))
              for b in portfolio.behov]
    pages += [GeneratedFile(record_source(u), render_unit_page(u, portfolio, as_of=as_of), _source_path(u))
              for u in portfolio.enheter]
    return sorted(pages, key=lambda f: f.path)


def overview_files(portfolio: Portfolio, *, as_of: AsOf) -> list[GeneratedFile]:
    return list(_overview_files(portfolio, as_of))


# `make serve` keeps the core between rebuilds and reuses an unchanged portfolio (build_model),
# so an edit to an authored page does not render the overview files again (issue 15).
@kept(maxsize=2)
def _overview_files(portfolio: Portfolio, as_of: AsOf) -> tuple[GeneratedFile, ...]:
    folder = PORTFOLIO_PAGE.removesuffix("index.md")  # the exports sit beside the portfolio page
    return (
        GeneratedFile(f"{INSATS.section}index.md", render_initiative_index(portfolio, as_of=as_of)),
        GeneratedFile(f"{BEHOV.section}index.md", render_need_index(portfolio, as_of=as_of)),
        GeneratedFile(f"{ENHET.section}index.md", render_unit_index(portfolio)),
        GeneratedFile(PORTFOLIO_PAGE, with_hidden_sidebars(render_portfolio_page(portfolio, as_of=as_of))),
        GeneratedFile(f"{folder}insatser.json", exports.initiatives_json(portfolio, as_of=as_of)),
        GeneratedFile(f"{folder}behov.json", exports.needs_json(portfolio, as_of=as_of)),
        GeneratedFile(f"{folder}insatser.csv", exports.initiatives_csv(portfolio, as_of=as_of).encode("utf-8")),
        GeneratedFile(f"{folder}behov.csv", exports.needs_csv(portfolio, as_of=as_of).encode("utf-8")),
    )


def page_index_file(pages: Sequence[PageMeta], portfolio: Portfolio, *, as_of: AsOf) -> GeneratedFile:
    return _page_index_file(tuple(pages), portfolio, as_of)


@kept(maxsize=2)  # see overview_files
def _page_index_file(pages: tuple[PageMeta, ...], portfolio: Portfolio, as_of: AsOf) -> GeneratedFile:
    """sidor.json: every authored page and record with its review dates (issue 12)."""
    entries = review_entries(pages, portfolio, as_of)
    return GeneratedFile(PAGE_INDEX_PATH, page_index_json(entries, as_of=as_of))


def generated_files(portfolio: Portfolio, pages: Sequence[PageMeta], *, as_of: AsOf) -> list[GeneratedFile]:
    return [*overview_files(portfolio, as_of=as_of), page_index_file(pages, portfolio, as_of=as_of),
            *record_pages(portfolio, as_of=as_of)]
