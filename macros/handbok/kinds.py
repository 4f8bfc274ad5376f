"""The one registry of what the site is made of: record kinds, their folders, schemas and URLs.

Everything that needs the layout (loader, validator, scaffold, model URLs, renderers,
redirects, tests) asks this module instead of spelling `insatser/` or `../../` itself.
"""

from __future__ import annotations

from dataclasses import dataclass

DATA_DIR = "data"
SCHEMA_DIR = "schemas"
SLUG_PATTERN = "^[a-z0-9]+(-[a-z0-9]+)*$"


@dataclass(frozen=True)
class Kind:
    """A record type: schema stem, data folder, URL section and Swedish words for messages."""

    name: str  # schema stem and the word the code uses: "insats"
    folder: str  # data/<folder>/
    plural: str  # "bland <plural>"
    singular: str  # "är <singular>"
    section: str | None = None  # URL section of its pages ("insatser/"); None: no pages
    label: str = ""  # the section's heading and breadcrumb ("Insatser")

    @property
    def data_folder(self) -> str:
        return f"{DATA_DIR}/{self.folder}/"

    @property
    def schema_file(self) -> str:
        return f"{self.name}.schema.json"

    @property
    def schema_path(self) -> str:
        return f"{SCHEMA_DIR}/{self.schema_file}"

    def data_path(self, record_id: str) -> str:
        """Where a record of this kind lives in the repository: data/insatser/<id>.yaml."""
        return f"{self.data_folder}{record_id}.yaml"

    def page_url(self, record_id: str) -> str:
        """The record page's URL relative to the site root: insatser/<id>/."""
        if self.section is None:
            raise ValueError(f"{self.name} has no pages")
        return f"{self.section}{record_id}/"

    def page_source(self, record_id: str) -> str:
        """The generated Markdown file of the record page, relative to the docs root."""
        return self.page_url(record_id).rstrip("/") + ".md"


INSATS = Kind("insats", "insatser", "insatserna", "en insats", "insatser/", "Insatser")
BEHOV = Kind("behov", "behov", "behoven", "ett behov", "behov/", "Behov")
ENHET = Kind("enhet", "organisation", "organisationsenheterna", "en organisationsenhet",
             "organisation/", "Organisation")
KALLA = Kind("kalla", "kallor", "källorna", "en källa")
# Record kinds, in the order problems and pages are produced.
RECORD_KINDS = (INSATS, BEHOV, ENHET, KALLA)
KIND_BY_NAME = {kind.name: kind for kind in RECORD_KINDS}
PAGE_KINDS = tuple(kind for kind in RECORD_KINDS if kind.section is not None)

# The redirect map is one file, validated by the same loader and validator as the records.
REDIRECT_MAP = f"{DATA_DIR}/omdirigeringar.yaml"
REDIRECT_SCHEMA = f"{SCHEMA_DIR}/omdirigeringar.schema.json"

# Generated pages besides the record pages, relative to the docs root.
PORTFOLIO_PAGE = "portfolj/index.md"

# Relative roots. A record page is insatser/<id>.md, served at insatser/<id>/: Markdown links
# lead from its file to the docs root with "../", raw HTML links from its URL with "../../".
# Section indexes (insatser/index.md) and the portfolio (portfolj/index.md) are one level down
# in both.
RECORD_PAGE_ROOT = "../"
RECORD_PAGE_ROOT_URL = "../../"
SECTION_PAGE_ROOT = "../"
SECTION_PAGE_ROOT_URL = "../"
