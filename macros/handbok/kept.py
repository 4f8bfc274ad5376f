"""Renders kept for the next `make serve` rebuild; a one-off build does not keep them.

`make serve` keeps the core imported between rebuilds (issue 15), so a render cached per
record is computed again only for the records an edit changed. A one-off build renders each
record once; there a cache would only hold a second copy of the generated files (about
30 MB at 2,000 + 2,000 records), so `keep(False)` turns the caches off and empties them.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, ParamSpec, TypeVar, cast

P = ParamSpec("P")
R = TypeVar("R")
_CACHES: list[Any] = []
_keeping = [True]  # set per build by `keep`


def kept(maxsize: int) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """functools.lru_cache(maxsize) while keeping; arguments must be hashable."""
    def decorate(function: Callable[P, R]) -> Callable[P, R]:
        cache = functools.lru_cache(maxsize=maxsize)(function)
        _CACHES.append(cache)
        cached = cast(Callable[P, R], cache)

        @functools.wraps(function)
        def call(*args: P.args, **kwargs: P.kwargs) -> R:
            return cached(*args, **kwargs) if _keeping[0] else function(*args, **kwargs)
        return call
    return decorate


def keep(keeping: bool) -> None:
    """Whether this build keeps renders (under `make serve`); not keeping empties the caches."""
    _keeping[0] = keeping
    if not keeping:
        for cache in _CACHES:
            cache.cache_clear()
