# Two commands for a newcomer: `make run` (render the bundled school) and `make test`.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
PIP    := $(PY) -m pip --disable-pip-version-check
SITE   ?= floorplans/gesamtschule.yaml
OUT    ?= output/$(basename $(notdir $(SITE)))

.PHONY: run test app bench lint clean

$(PY):
	$(PYTHON) -m venv $(VENV)

# installs are stamped with the pyproject they came from, so repeated runs are instant
$(VENV)/.run-stamp: pyproject.toml | $(PY)
	$(PIP) install -q -e .
	@touch $@

$(VENV)/.dev-stamp: pyproject.toml | $(PY)
	$(PIP) install -q -e '.[all]'
	@touch $@ $(VENV)/.run-stamp

# bytecode is compiled ahead, as a wheel install does (this environment may set
# PYTHONDONTWRITEBYTECODE, and then every start would compile the package again)
run: $(VENV)/.run-stamp
	@$(PY) -m compileall -q src
	$(VENV)/bin/orientation render $(SITE) -o $(OUT)
	@echo "Open $(OUT)/maps.pdf (responder maps), $(OUT)/signs.pdf (print files), $(OUT)/schedule.pdf (order list)."

test: $(VENV)/.dev-stamp
	$(PY) -m pytest -q

# the app and the imports it offers for uploads (IFC, DXF); none of the dev tools
$(VENV)/.app-stamp: pyproject.toml | $(PY)
	$(PIP) install -q -e '.[app,ifc,dxf]'
	@touch $@ $(VENV)/.run-stamp

app: $(VENV)/.app-stamp
	$(VENV)/bin/streamlit run app.py

bench: $(VENV)/.dev-stamp
	$(PY) benchmarks/bench.py
	$(PY) benchmarks/growth.py

lint: $(VENV)/.dev-stamp
	$(VENV)/bin/ruff check src tests app.py app_support benchmarks
	$(VENV)/bin/mypy

clean:
	rm -rf output .pytest_cache
