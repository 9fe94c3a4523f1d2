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

.PHONY: install db run dev test clean

install: $(INSTALLED)

$(INSTALLED): pyproject.toml
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

db: install  ## create or upgrade the database, then load the demo site if it is empty
	$(FLASK) db upgrade
	$(FLASK) portal demo --if-empty

run: db  ## serve with gunicorn on $(HOST):$(PORT)
	@echo "Cổng thông tin đang chạy tại http://$(HOST):$(PORT)/  (Ctrl+C để dừng)"
	$(BIN)/gunicorn -c deploy/gunicorn.conf.py --workers $(WORKERS) --threads $(THREADS) --bind $(HOST):$(PORT) wsgi:app

dev: db  ## Flask's development server with the reloader
	$(FLASK) run --debug --host $(HOST) --port $(PORT)

test: install  ## the suite; PYTEST_ARGS="-k health -x" passes options to pytest
	$(BIN)/pytest $(PYTEST_ARGS)

clean:
	rm -rf $(VENV) .pytest_cache
