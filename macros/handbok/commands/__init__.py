"""Command-line steps behind the Makefile targets; each module has `main(argv) -> exit code`."""
