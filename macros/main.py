"""mkdocs-macros adapter: exposes the core's page macros to authored pages that opt in.

Pages opt in with `render_macros: true` (render_by_default is false), so data text in
generated pages is never evaluated as a template.
"""

from __future__ import annotations

import functools
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

PORTFOLIO_KEY = "_handbok_portfolio"


def define_env(env) -> None:
    from handbok.page_macros import MACROS

    portfolio = env.conf.extra[PORTFOLIO_KEY]
    for name, function in MACROS.items():
        env.macro(functools.partial(function, portfolio), name)
