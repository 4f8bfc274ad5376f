"""Functions authored pages call as macros (`{{ insatser_i_fas("bereda") }}`); each returns Markdown.

Each takes the portfolio first; the adapter (macros/main.py) binds it. PLACEHOLDER registry
until the render layer lands (issue 5).
"""

from __future__ import annotations

from collections.abc import Callable

MACROS: dict[str, Callable[..., str]] = {}
