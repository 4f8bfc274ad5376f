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
AS_OF_KEY = "_handbok_as_of"


def define_env(env) -> None:
    from handbok import page_macros, site_macros

    # Data macros get the validated portfolio and the build's date; configuration macros get
    # mkdocs.yml's `extra`.
    data = page_macros.MacroData(env.conf.extra[PORTFOLIO_KEY], env.conf.extra[AS_OF_KEY])
    bound = [(page_macros.MACROS, data), (site_macros.MACROS, env.conf.extra)]
    for macros, first_argument in bound:
        for name, function in macros.items():
            env.macro(functools.partial(function, first_argument), name)
