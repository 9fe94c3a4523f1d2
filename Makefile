# The two commands of the README: `make run` serves the demo site, `make test` runs the suite.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
WORKERS ?= 2
THREADS ?= 4
FLASK := $(BIN)/flask --app wsgi
# The Nu HTML Checker that the tests run on every page, pinned, from the npm registry.
VNU_VERSION := 26.9.27
VNU_JAR := $(VENV)/vnu-$(VNU_VERSION)/vnu.jar
# The English section's labels: the catalogue kept in git, compiled here (portal/i18n.py reads the .mo).
CATALOGUE := portal/translations/en/LC_MESSAGES/messages

.PHONY: install db run dev vnu test bench search-quality profile messages clean

install: $(INSTALLED) $(CATALOGUE).mo

$(CATALOGUE).mo: $(CATALOGUE).po $(INSTALLED)
	$(BIN)/pybabel compile --domain messages --directory portal/translations --locale en

messages: install  ## gather the templates' labels into the English catalogue (then translate the new ones there)
	$(BIN)/pybabel extract --mapping-file babel.cfg --no-location --omit-header --output-file build/messages.pot templates portal
	$(BIN)/pybabel update --input-file build/messages.pot --domain messages --output-dir portal/translations --locale en --no-fuzzy-matching --width 120

$(INSTALLED): pyproject.toml
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

db: install  ## create or upgrade the database, then load the demo site if it is empty
	$(FLASK) db upgrade
	$(FLASK) portal demo --if-empty

# The site's address (links are built from it, other hosts get 400); with HOST=0.0.0.0 the machine's
# first address, and localhost. localhost and 127.0.0.1 are both answered when it is either.
# PORTAL_SITE_URL and PORTAL_ALLOWED_HOSTS override.
SITE_HOST := $(if $(filter 0.0.0.0,$(HOST)),$(or $(firstword $(shell hostname -I 2>/dev/null)),127.0.0.1),$(HOST))
run dev: export PORTAL_SITE_URL ?= http://$(SITE_HOST):$(PORT)
ifeq ($(HOST),0.0.0.0)
run dev: export PORTAL_ALLOWED_HOSTS ?= ["$(SITE_HOST)", "localhost", "127.0.0.1"]
endif

run: db  ## serve with gunicorn on $(HOST):$(PORT)
	@echo "Cổng thông tin đang chạy tại $(PORTAL_SITE_URL)/  (Ctrl+C để dừng)"
	$(BIN)/gunicorn -c deploy/gunicorn.conf.py --workers $(WORKERS) --threads $(THREADS) --bind $(HOST):$(PORT) wsgi:app

dev: db  ## Flask's development server with the reloader
	$(FLASK) run --debug --host $(HOST) --port $(PORT)

vnu:  ## fetch the Nu HTML Checker with npm; on a machine without npm its tests are skipped
	@test -f $(VNU_JAR) || { command -v npm >/dev/null && mkdir -p $(dir $(VNU_JAR)) \
	  && cd $(dir $(VNU_JAR)) && npm pack --silent vnu-jar@$(VNU_VERSION) >/dev/null \
	  && tar -xzf vnu-jar-$(VNU_VERSION).tgz --strip-components=3 package/build/dist/vnu.jar \
	  && rm vnu-jar-$(VNU_VERSION).tgz; } \
	  || echo "make: không có npm để tải vnu.jar: bỏ qua các kiểm tra HTML hợp lệ"

test: install vnu  ## the suite; PYTEST_ARGS="-k health -x" passes options to pytest
	VNU_JAR=$(abspath $(VNU_JAR)) $(BIN)/pytest $(PYTEST_ARGS)

search-quality: install  ## precision at 5 and nDCG at 10 of search; PORTAL_QUALITY_DATABASE_URL adds PostgreSQL
	$(BIN)/python -m bench.search_quality

bench: install  ## throughput against a Flask hello-world baseline, with wrk (not part of make test)
	@command -v wrk >/dev/null || { echo "bench: cài wrk từ Debian (apt-get install wrk)"; \
	  apt-get install -y -qq wrk >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; } \
	  || { echo "bench: không cài được wrk; hãy chạy: sudo apt-get install wrk"; exit 1; }; }
	$(BIN)/python -m bench.run --workers $(WORKERS) --threads $(THREADS) $(BENCH_ARGS)

profile: install  ## where one bench case spends its time (pyinstrument): make profile CASE=article
	$(BIN)/pip install --quiet -e '.[bench]'
	$(BIN)/python -m bench.profile $(or $(CASE),article) $(PROFILE_ARGS)

clean:
	rm -rf $(VENV) .pytest_cache
