# overdracht — two commands on a fresh machine:
#   make web    starts the web app with the bundled samples on SQLite (creates .venv, installs everything)
#   make test   lint, type check, tests (SQLite and a throwaway PostgreSQL, Chromium) and the wheel test
# make demo runs the command-line tools on the samples.
VENV := .venv
PY := $(VENV)/bin/python
# Debian packages: WeasyPrint needs Pango; pdftotext/pdftoppm for tests; LibreOffice for the
# DOCX checks and the baseline of the render benchmark.
# Chromium for the browser tests (Playwright drives /usr/bin/chromium); PostgreSQL for the
# database tests beside SQLite.
SYSPKGS := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 poppler-utils \
           libreoffice-writer-nogui fonts-dejavu-core chromium postgresql

.PHONY: web demo test snel sysdeps lint typecheck unit unit-postgres bench clean

WEBDATA ?= web-demo
PORT ?= 8000

$(VENV)/.installed: pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $@

sysdeps:
	@missing=""; for p in $(SYSPKGS); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Systeempakketten installeren:$$missing"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	fi

web: sysdeps $(VENV)/.installed
	$(VENV)/bin/overdracht web --data $(WEBDATA) --voorbeelden samples --port $(PORT)

demo: sysdeps $(VENV)/.installed
	@bash scripts/demo.sh

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check src tests benchmarks samples
	$(VENV)/bin/ruff format --check src tests benchmarks samples

typecheck: $(VENV)/.installed
	$(VENV)/bin/mypy --strict src

unit: sysdeps $(VENV)/.installed
	$(VENV)/bin/pytest

# The database tests again, on PostgreSQL (started and stopped by the script).
unit-postgres: sysdeps $(VENV)/.installed
	bash scripts/met-postgres.sh $(VENV)/bin/pytest tests/web -m "not browser"

test: sysdeps lint typecheck unit unit-postgres

# While working: everything but the browser, fuzz and slow tests, stopping at the first failure.
snel: $(VENV)/.installed
	$(VENV)/bin/ruff check src tests benchmarks samples
	$(VENV)/bin/pytest -x -m "not browser and not slow" --ignore=tests/hostile

bench: sysdeps $(VENV)/.installed
	@for b in benchmarks/*.py; do echo "== $$b"; $(PY) $$b || exit 1; done

clean:
	rm -rf $(VENV) dist build demo-uit test-uitvoer $(WEBDATA) .pytest_cache .mypy_cache .ruff_cache
