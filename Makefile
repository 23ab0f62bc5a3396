# Two entry points for a fresh machine: `make demo` and `make test`.
VENV ?= .venv
KABAR_HOME ?= $(CURDIR)/kabar-home
export KABAR_HOME
QUESTION ?= Siapa Plt Sekda Kalteng yang hadir di rakor IPDN?

$(VENV)/.installed: pyproject.toml
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install --quiet -e '.[test]'
	touch $@

install: $(VENV)/.installed

demo: $(VENV)/.installed        ## ingest the bundled sample corpus and ask a sample question
	$(VENV)/bin/kabar ingest --sample
	$(VENV)/bin/kabar ask "$(QUESTION)"

test: $(VENV)/.installed        ## the whole test suite, end-to-end tests included
	$(VENV)/bin/python -m pytest -q

.PHONY: install demo test
