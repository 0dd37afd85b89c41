# Two commands on a fresh machine (Python >= 3.11):
#   make run   - create .venv, install pinned requirements, start the app on http://127.0.0.1:8501
#   make test  - install dev requirements, run every test (unit, AppTest, real browser)
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
PORT   ?= 8501

.PHONY: run test test-fast install install-dev sample bench clean

$(VENV)/bin/activate:
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --upgrade pip >/dev/null

$(VENV)/.req-stamp: requirements.txt | $(VENV)/bin/activate
	$(PY) -m pip install -r requirements.txt
	touch $@

$(VENV)/.dev-stamp: requirements.txt requirements-dev.txt | $(VENV)/bin/activate
	$(PY) -m pip install -r requirements-dev.txt
	touch $@ $(VENV)/.req-stamp

install: $(VENV)/.req-stamp
install-dev: $(VENV)/.dev-stamp

run: install
	$(PY) -m streamlit run app.py --server.headless=true --server.address=127.0.0.1 \
		--server.port=$(PORT) --browser.gatherUsageStats=false

test: install-dev
	$(PY) -m pytest

# unit tests only (no AppTest, subprocess or browser tests): under a minute
test-fast: install-dev
	$(PY) -m pytest -p no:playwright -o addopts="-q -p no:cacheprovider" -m "not slow and not e2e" --ignore=tests/e2e

sample: install
	$(PY) data/generate_sample.py

bench: install-dev
	$(PY) bench/backtest.py --quick
	$(PY) bench/ui_latency.py

clean:
	rm -rf $(VENV) artifacts .pytest_cache
