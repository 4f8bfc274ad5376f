# Förändringshandboken — every command a developer, editor or CI runs.
# Set-up happens inside the targets: a .venv from the pinned lock file, the pinned npm
# test tools, and Debian's chromium when the browser suite needs it.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
MKDOCS := NO_MKDOCS_2_WARNING=1 $(VENV)/bin/mkdocs
CORE := PYTHONPATH=macros $(PY) -m handbok.cli
# "Today" is the Europe/Stockholm date, read once per build or command by the core
# (macros/handbok/builddate.py). BUILD_DATE=YYYY-MM-DD (or SOURCE_DATE_EPOCH set by the caller)
# pins it for reproducible builds and tests; nothing here derives it from git.
export NO_MKDOCS_2_WARNING := 1
# Editors read only Swedish: no recipe echo, no "Entering directory" (issue 17). Make's own
# last line on failure ("make: *** [...] Error 1") stays by decision (issue 23): make prints it
# for every failing recipe, and only an exit status of 0 would silence it. The Swedish lines
# above it say what to fix; CONTRIBUTING explains it, and LANGUAGE=sv (the VS Code settings)
# translates it to "Fel 1" (tests/site/test_make_messages.py).
MAKEFLAGS += --no-print-directory
MKDOCS_SV := -e '/^INFO /d' -e '/^Aborted with a BuildError!$$/d' \
  -e 's/^Aborted with \([0-9]*\) warnings\{0,1\} in strict mode!$$/Bygget stoppades av \1 varning(ar) ovan (strikt läge)./'
# Configuration from the environment (CI passes repository variables, empty when unset): an
# empty value is dropped so that mkdocs.yml's default applies instead of None.
CONFIG_VARS := SITE_URL HANDBOK_EDIT_BASE HANDBOK_KONTAKT_EPOST HANDBOK_ORGANISATION
$(foreach v,$(CONFIG_VARS),$(if $(strip $($(v))),,$(eval unexport $(v))))

.SILENT: build pdf validate urls diff ny-insats nytt-behov granskning flytta
.PHONY: help build pdf serve test fuzz validate bench urls diff ny-insats nytt-behov granskning flytta lock browser-deps clock-deps pdf-deps clean

help:
	@echo "make build       bygger webbplatsen strikt till site/"
	@echo "make pdf         som make build, och hela handboken som PDF (tar upp till någon minut)"
	@echo "make serve       förhandsgranskning på http://127.0.0.1:8000"
	@echo "make test        hela testsviten (inklusive webbläsartester)"
	@echo "make test-fast   bara de snabba testerna: inget bygge, ingen webbläsare"
	@echo "make test-site   allt utom webbläsartesterna (bygger webbplatsen, utan chromium)"
	@echo "make validate    kontrollerar alla datafiler"
	@echo "make fuzz        lång körning av fuzz-testet (FUZZ_EXAMPLES=antal, standard 20000)"
	@echo "make bench       mäter byggtider mot ett rent Material-bygge"
	@echo "make urls        uppdaterar publicerade-adresser.txt"
	@echo "make diff BASE=… sammanfattar dataändringar mot en git-referens"
	@echo "make ny-insats / make nytt-behov   skapar en ny datafil från mall"
	@echo "make granskning  listar sidor och poster som behöver granskas"
	@echo "make flytta FRAN=docs/… TILL=docs/…   flyttar en sida (nav, länkar, omdirigering)"

$(VENV)/.installed: requirements.lock
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	@touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

# Debian's chromium: Playwright cannot download its own browser here.
browser-deps: node_modules/.installed
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "Installerar chromium (apt-get) …"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

# Debian's faketime (libfaketime): tests/site/test_no_calendar_coupling.py runs CI's checks with
# the clock a year ahead (issue 23). Every target that runs the build tests depends on this.
clock-deps:
	@command -v faketime >/dev/null 2>&1 || { \
	  echo "Installerar faketime (apt-get) …"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq faketime >/dev/null; }

# What the printed handbook needs (issue 27): WeasyPrint's Pango, the fonts it embeds, and
# poppler-utils (pdftotext, pdffonts) with which the tests read the PDF. Debian packages.
pdf-deps:
	@command -v pdftotext >/dev/null 2>&1 && fc-list | grep -q LiberationSans-Regular || { \
	  echo "Installerar Pango, typsnitt och poppler-utils (apt-get) …"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	    libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-liberation poppler-utils >/dev/null; }

# Build into a temporary folder and move it into place only on success, so a failed
# build never leaves a half-published site.
build: $(VENV)/.installed
	@rm -rf .site-tmp
	@# No --quiet: MkDocs 1.6 then stops counting warnings and --strict passes broken links.
	@# MkDocs' INFO lines are filtered for readability; warnings and errors still show.
	@# MkDocs' English closing line goes; the Swedish problems above it say what to fix.
	$(MKDOCS) build --strict -d .site-tmp 2>&1 | sed -u $(MKDOCS_SV) \
	  || { rm -rf .site-tmp; exit 1; }
	@rm -rf site && mv .site-tmp site
	@echo "Webbplatsen är byggd i site/."

# The site as `make build` makes it, plus hela-handboken/forandringshandboken.pdf (WeasyPrint;
# its layout passes take too long for every build). CI publishes this build.
pdf: export HANDBOK_PDF := ja
pdf: pdf-deps build

serve: $(VENV)/.installed
	$(MKDOCS) serve --dirty --dev-addr 127.0.0.1:8000

validate: $(VENV)/.installed
	$(CORE) validate $(if $(FORMAT),--format $(FORMAT),)

test: $(VENV)/.installed browser-deps clock-deps pdf-deps
	$(PY) -m pytest

# The test tiers (markers enforced by tests/tiers.py); `make test` runs all of them.
.PHONY: test-fast test-site
test-fast: $(VENV)/.installed
	$(PY) -m pytest -m "not browser and not build"

test-site: $(VENV)/.installed clock-deps pdf-deps
	$(PY) -m pytest -m "not browser"

# The property fuzzer's long run (issue 14); `make test` runs it briefly.
fuzz: $(VENV)/.installed
	HYPOTHESIS_PROFILE=fuzz $(PY) -m pytest tests/unit/test_fuzz.py -q -p no:cacheprovider \
	  --hypothesis-show-statistics

bench: $(VENV)/.installed
	PYTHONPATH=macros:. $(PY) -m bench.run

urls: $(VENV)/.installed
	$(CORE) urls --write $(if $(filter ja,$(TA_BORT)),--ta-bort,)

diff: $(VENV)/.installed
	$(CORE) diff --base "$(or $(BASE),origin/main)"

ny-insats: $(VENV)/.installed
	$(CORE) new insats $(if $(ID),--id "$(ID)",) $(if $(TITEL),--titel "$(TITEL)",) \
	  $(if $(ENHET),--enhet "$(ENHET)",) $(if $(KALLA),--kalla "$(KALLA)",)

nytt-behov: $(VENV)/.installed
	$(CORE) new behov $(if $(ID),--id "$(ID)",) $(if $(TITEL),--titel "$(TITEL)",) \
	  $(if $(ENHET),--enhet "$(ENHET)",) $(if $(KALLA),--kalla "$(KALLA)",)

flytta: $(VENV)/.installed
	$(CORE) move --fran "$(FRAN)" --till "$(TILL)"

granskning: $(VENV)/.installed
	$(CORE) review $(if $(MANADER),--months $(MANADER),)

# Upgrade: re-resolve requirements.in into the hashed lock file, then `make test`.
lock:
	@rm -rf .lock-venv && $(PYTHON) -m venv .lock-venv
	.lock-venv/bin/pip install --quiet pip-tools
	.lock-venv/bin/pip-compile --quiet --upgrade --generate-hashes --strip-extras \
	  --no-emit-index-url --no-emit-find-links -o requirements.lock requirements.in
	@rm -rf .lock-venv

clean:
	rm -rf site .site-tmp test-artifacts .bench
