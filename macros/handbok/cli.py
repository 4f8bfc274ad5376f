"""`python -m handbok.cli <command>`: dispatch to the command modules behind the Makefile."""

from __future__ import annotations

import importlib
import sys

COMMANDS = {
    "validate": "handbok.commands.validate",
    "urls": "handbok.commands.urls",
    "diff": "handbok.commands.diff",
    "new": "handbok.commands.new",
    "review": "handbok.commands.review",
    "review-issue": "handbok.commands.review_issue",
    "move": "handbok.commands.move",
}


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in COMMANDS:
        print(f"Användning: python -m handbok.cli {{{'|'.join(COMMANDS)}}} …", file=sys.stderr)
        return 2
    module = importlib.import_module(COMMANDS[argv[0]])
    return int(module.main(argv[1:]))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
