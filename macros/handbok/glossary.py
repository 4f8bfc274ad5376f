"""The glossary (docs/ordlista.md): its terms, and its agreement with the abbreviation list.

Rule (issue 23): the glossary's section "Förkortningar" (heading id `forkortningar`, with its
subsections) lists exactly the abbreviations of includes/forkortningar.md. Every `*[X]: …`
line needs a term X there (and X only one line); every term there, and every glossary term
written in capitals (`SIP`), needs an `*[X]: …` line, or it would not be explained where it
occurs in the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from handbok.abbreviations import ABBREVIATIONS_FILE, NOT_ABBREVIATIONS, Abbreviation, abbreviation_lines
from handbok.problems import Problem
from handbok.suggestions import closest

GLOSSARY_PAGE = Path("docs") / "ordlista.md"
ABBREVIATION_SECTION = "forkortningar"  # the id of the heading "Förkortningar"
_SECTION_NAME = "Förkortningar"
_HEADING = re.compile(r"^(#{1,6})\s+(?P<text>.+?)\s*(?:\{#(?P<id>[\w-]+)\})?\s*$")
_DEFINITION_START = re.compile(r"^:\s+(?P<text>.*)$")
_CAPITALS = re.compile(r"[A-ZÅÄÖ][A-ZÅÄÖ0-9]+(?:-[A-ZÅÄÖ0-9]+)*")
_RULE = "ordlista"


@dataclass(frozen=True)
class Term:
    """One term of the glossary's definition lists: where it stands and what it says."""

    name: str
    line: int
    section: str  # the id (or else the text) of the level-2 heading it stands under
    section_title: str
    definition: str  # the explanation, whitespace collapsed

    @property
    def is_abbreviation(self) -> bool:
        return self.section == ABBREVIATION_SECTION or _CAPITALS.fullmatch(self.name) is not None


def parse_glossary(text: str) -> list[Term]:
    """Every `Term` + `:   explanation` pair of the page, in page order."""
    lines = text.splitlines()
    terms: list[Term] = []
    section, title = "", ""
    for index, line in enumerate(lines):
        heading = _HEADING.match(line)
        if heading and len(heading.group(1)) == 2:
            section, title = heading["id"] or heading["text"], heading["text"]
        start = _DEFINITION_START.match(line)
        if start is None or index == 0:
            continue
        name = lines[index - 1]
        if not name.strip() or name[0].isspace() or _DEFINITION_START.match(name):
            continue
        terms.append(Term(name.strip(), index, section, title,
                          " ".join([start["text"], *_continuation(lines, index + 1)]).strip()))
    return terms


def _continuation(lines: list[str], start: int) -> list[str]:
    """The indented lines that continue a definition (blank lines between them allowed)."""
    taken: list[str] = []
    for line in lines[start:]:
        if line.strip() and not line.startswith((" ", "\t")):
            break
        taken.append(line.strip())
    return " ".join(taken).split()


def check_glossary(repo_root: Path) -> list[Problem]:
    """Abbreviations defined in includes/forkortningar.md but not in the glossary, or the other
    way round; lines of the list that are not definitions. Nothing when either file is absent."""
    list_file, page_file = repo_root / ABBREVIATIONS_FILE, repo_root / GLOSSARY_PAGE
    if not list_file.is_file() or not page_file.is_file():
        return []
    defined, stray = abbreviation_lines(list_file.read_text(encoding="utf-8-sig", errors="replace"))
    terms = parse_glossary(page_file.read_text(encoding="utf-8-sig", errors="replace"))
    list_path = ABBREVIATIONS_FILE.as_posix()
    problems = [Problem(list_path, line, 1, "raden är ingen förkortning; skriv den som "
                        "'*[FÖRKORTNING]: förklaring', till exempel '*[VGR]: Västra Götalandsregionen'",
                        _RULE) for line in stray]
    problems += _repeated(defined)
    problems += _undefined_in_glossary(defined, terms)
    problems += _missing_from_list(defined, terms)
    return problems


def unexplained_capitals(repo_root: Path) -> list[Problem]:
    """Words in capitals on pages and in records that the abbreviation list does not explain.

    A warning, not an error: capitals also stand in data for other reasons (a quoted formula,
    a name), and the built site's abbreviation test decides; the warning tells the editor
    before the pull request what that test will say, and what to do."""
    list_file = repo_root / ABBREVIATIONS_FILE
    if not list_file.is_file():
        return []
    defined, _ = abbreviation_lines(list_file.read_text(encoding="utf-8-sig", errors="replace"))
    return _unexplained_capitals(repo_root, {a.abbr for a in defined})


# What in a source line is not text a reader sees: code, link targets, tags, attribute lists,
# addresses, comments (YAML) and the abbreviation definitions themselves.
_NOT_TEXT = re.compile(r"`[^`]*`|\]\([^)]*\)|<[^>]*>|\{[^}]*\}|https?://\S+|^\*\[.*$|(?:^|\s)#(?!#).*$")
_TEXT_FOLDERS = (("docs", "*.md"), ("data/insatser", "*.yaml"), ("data/behov", "*.yaml"),
                 ("data/organisation", "*.yaml"), ("data/kallor", "*.yaml"))


def _unexplained_capitals(repo_root: Path, defined: set[str]) -> list[Problem]:
    """A word in capitals on a page or in a record that the abbreviation list does not explain:
    readers would meet it unexplained (issue 23; the built site's test finds the same words)."""
    problems = []
    for folder, pattern in _TEXT_FOLDERS:
        for path in sorted((repo_root / folder).rglob(pattern)):
            if path == repo_root / GLOSSARY_PAGE:
                continue  # its terms are checked against the list above
            seen: set[str] = set()
            for number, line in _text_lines(path.read_text(encoding="utf-8", errors="replace")):
                cleaned = _NOT_TEXT.sub(lambda m: " " * len(m.group(0)), line)
                for match in _CAPITALS.finditer(cleaned):
                    word = match.group(0)
                    if word in defined or word in NOT_ABBREVIATIONS or word in seen or not _standalone(cleaned, match):
                        continue
                    seen.add(word)
                    problems.append(Problem(path.relative_to(repo_root).as_posix(), number, match.start() + 1,
                                            f"'{word}' ser ut som en förkortning men förklaras inte; lägg till "
                                            f"raden '*[{word}]: förklaring' i {ABBREVIATIONS_FILE.as_posix()} och "
                                            f"termen under rubriken '{_SECTION_NAME}' i {GLOSSARY_PAGE.as_posix()}, "
                                            "eller skriv ordet med små bokstäver om det inte är en förkortning",
                                            _RULE))
    return problems


def _standalone(line: str, match: re.Match[str]) -> bool:
    """Not part of a longer word or id (as the built site's check reads words)."""
    before = line[match.start() - 1] if match.start() else " "
    after = line[match.end()] if match.end() < len(line) else " "
    return not (before.isalnum() or before in "-_" or after.isalnum() or after in "-_")


def _text_lines(text: str) -> list[tuple[int, str]]:
    """Numbered lines outside front matter and fenced code blocks."""
    lines, kept, fenced = text.splitlines(), [], False
    start = 0
    if lines and lines[0].strip() == "---":
        end = next((i for i, line in enumerate(lines[1:], 1) if line.strip() == "---"), 0)
        start = end + 1
    for number, line in enumerate(lines[start:], start + 1):
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
            continue
        if not fenced:
            kept.append((number, line))
    return kept


def _repeated(defined: list[Abbreviation]) -> list[Problem]:
    """A second line for the same abbreviation would silently replace the first on every page."""
    first: dict[str, int] = {}
    problems = []
    for abbreviation in defined:
        if abbreviation.abbr in first:
            problems.append(Problem(
                ABBREVIATIONS_FILE.as_posix(), abbreviation.line, 3,
                f"förkortningen '{abbreviation.abbr}' står redan på rad {first[abbreviation.abbr]}; "
                "behåll en av raderna", _RULE))
        first.setdefault(abbreviation.abbr, abbreviation.line)
    return problems


def _undefined_in_glossary(defined: list[Abbreviation], terms: list[Term]) -> list[Problem]:
    by_name = {term.name: term for term in terms}
    listed = [term.name for term in terms if term.section == ABBREVIATION_SECTION]
    problems = []
    for abbreviation in defined:
        term = by_name.get(abbreviation.abbr)
        if term is None:
            problems.append(Problem(
                ABBREVIATIONS_FILE.as_posix(), abbreviation.line, 3,
                f"förkortningen '{abbreviation.abbr}' förklaras inte i ordlistan; lägg till termen "
                f"'{abbreviation.abbr}' under rubriken '{_SECTION_NAME}' i {GLOSSARY_PAGE.as_posix()}"
                + _meant(abbreviation.abbr, listed), _RULE))
        elif term.section != ABBREVIATION_SECTION:
            problems.append(Problem(
                GLOSSARY_PAGE.as_posix(), term.line, 1,
                f"'{term.name}' är en förkortning (den står i {ABBREVIATIONS_FILE.as_posix()}) men "
                f"står under rubriken '{term.section_title}'; flytta den till rubriken '{_SECTION_NAME}'",
                _RULE))
    return problems


def _missing_from_list(defined: list[Abbreviation], terms: list[Term]) -> list[Problem]:
    names = [abbreviation.abbr for abbreviation in defined]
    problems = []
    for term in terms:
        if not term.is_abbreviation or term.name in names:
            continue
        move = "" if term.section == ABBREVIATION_SECTION else \
            f", och flytta termen till rubriken '{_SECTION_NAME}'"
        problems.append(Problem(
            GLOSSARY_PAGE.as_posix(), term.line, 1,
            f"förkortningen '{term.name}' saknas i {ABBREVIATIONS_FILE.as_posix()}, så den förklaras "
            f"inte där den står i texten; lägg till raden '*[{term.name}]: förklaring' där{move}"
            + _meant(term.name, names), _RULE))
    return problems


def _meant(name: str, options: list[str]) -> str:
    suggestion = closest(name, [option for option in options if option != name])
    return f" — menade du '{suggestion}'?" if suggestion else ""
