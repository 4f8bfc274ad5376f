"""Python's cycle collector during `make serve`'s rebuilds (issue 15).

Between rebuilds the serve process keeps a large heap: the parsed data files (their YAML node
trees), cached pages and templates. A full collection walks all of it (about 0.7 s at 2,000 +
2,000 records), and a rebuild allocates enough to start one or two. During a rebuild that
skips unchanged pages the collector is paused; objects without reference cycles are still
freed at once (reference counting). The garbage with cycles is collected after the rebuild,
in the background thread that builds the search index, while the editor reads the page.
"""

from __future__ import annotations

import gc


def pause() -> None:
    """At the start of a rebuild (after a rebuild that stopped half-way: collect what it left)."""
    if not gc.isenabled():
        gc.enable()
        gc.collect()
    gc.disable()


def resume() -> None:
    gc.enable()


def collect_and_resume() -> None:
    """After a rebuild, off the rebuild's path: what it left is collected, collection resumes."""
    gc.collect()
    gc.enable()
