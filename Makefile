# Kvalitetshåndbogen. Quick start: `make serve` and `make test`.
# Everything is installed locally (.venv/, node_modules/); Chromium from Debian.

VENV    := .venv
PY      := $(VENV)/bin/python
PYDEPS  := $(VENV)/.installed
NODEDEPS := node_modules/.installed
SUDO    := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
CHROMIUM := /usr/bin/chromium
# The browser tests serve the site here (instant navigation needs the built site_url).
TEST_SITE_URL := http://127.0.0.1:8765/

.PHONY: serve site test check bench mutation clean deps

serve: $(PYDEPS) $(NODEDEPS)
	NO_MKDOCS_2_WARNING=1 $(PY) -m mkdocs serve --dev-addr 127.0.0.1:8000 --livereload --dirty

site: $(PYDEPS) $(NODEDEPS)
	$(PY) scripts/build_site.py

check: $(PYDEPS)
	$(PY) scripts/check_catalogue.py

test: $(PYDEPS) $(NODEDEPS) $(CHROMIUM)
	$(PY) scripts/check_catalogue.py
	$(PY) -m pytest tests/unit
	KVH_SITE_URL=$(TEST_SITE_URL) $(PY) scripts/build_site.py
	mkdir -p build && $(PY) scripts/export_cases.py > build/cases.json
	node --test tests/pyodide/ tests/js/
	$(PY) -m pytest tests/browser

bench: $(PYDEPS) $(NODEDEPS) $(CHROMIUM)
	$(PY) scripts/bench.py

# Mutation testing of calculators/ (not part of `make test`: it takes minutes). Prints killed/survived
# per module; survivors that cannot be killed are listed with a reason in scripts/mutation_equivalents.yaml.
mutation: $(PYDEPS)
	$(PY) scripts/mutation.py --jobs 2

deps: $(PYDEPS) $(NODEDEPS)

$(PYDEPS): requirements.lock pyproject.toml scripts/pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.lock
	# The calculators and the site generator (whose MkDocs plugin is registered by entry point).
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e . -e scripts
	touch $@

$(NODEDEPS): package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

$(CHROMIUM):
	$(SUDO) apt-get update
	DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y chromium

clean:
	rm -rf site site.tmp-* site.old-* build
