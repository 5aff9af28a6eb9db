# The two commands of the README, and the steps they are made of.
#   make serve   set up, run the pages, serve the book at http://127.0.0.1:8000
#   make test    set up and run every check that CI runs
# Everything lives in .venv, installed from constraints.txt (exact versions).

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: help setup serve test lint pytest pytest-not-browser pytest-browser site pages pages-force pages-test chapter timings bench lock clean

help:
	@echo "make serve    set up, run the pages, serve the book at http://127.0.0.1:8000"
	@echo "make test     set up and run every test (lint, spelling, pytest, strict site build)"
	@echo "make chapter CHAPTER=04-backpropagation   run one chapter's code blocks"
	@echo "make pages    run the pages whose code or inputs changed (pages-force: all)"
	@echo "make site     build the static site into site/ (strict)"
	@echo "make bench    time nnbook against a per-example loop, PyTorch and scikit-learn,"
	@echo "              its convolution and its optimisers against PyTorch's"

setup: $(STAMP)

# (Re)install whenever constraints.txt or pyproject.toml changes.
$(STAMP): constraints.txt pyproject.toml
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "Python 3.11 or newer is needed, found " + sys.version.split()[0]'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e ".[dev]"
	touch $@

# Each page runs in a fresh kernel; a run is kept in .cache/pages/ and reused
# while the page's code and its inputs are unchanged (see scripts/run.py).
pages: setup
	$(BIN)/python -m scripts.run

pages-force: setup
	$(BIN)/python -m scripts.run --force

# Run (where out of date) and test every page: what `make test` does for docs/.
pages-test: setup
	$(BIN)/python -m pytest docs

# mkdocs.serve.yml: the site of mkdocs.yml, served at the root, no print view.
# --dirty rebuilds only the pages that changed (the hooks add those whose run
# changed): a saved prose edit is back in the browser in about a second. A new
# page or a change of nav needs a restart.
serve: setup
	$(BIN)/mkdocs serve --config-file mkdocs.serve.yml --dirty --dev-addr 127.0.0.1:8000

site: setup
	$(BIN)/mkdocs build --strict

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/codespell

pytest: setup
	$(BIN)/python -m pytest

# Every check that CI runs. The pages that are out of date run first (a
# failure is reported again, block by block, by pytest); then lint, pytest
# (the browser tests in a process of their own) and the strict site build,
# which only read the runs, go side by side.
test: setup
	-$(BIN)/python -m scripts.run
	@$(MAKE) --no-print-directory -j4 --output-sync=target \
		lint pytest-not-browser pytest-browser site

pytest-not-browser: setup
	$(BIN)/python -m pytest -m "not browser"

pytest-browser: setup
	$(BIN)/python -m pytest -m browser tests/test_browser.py tests/test_widgets.py

CHAPTER ?= 04-backpropagation
chapter: setup
	$(BIN)/python -m pytest docs/$(CHAPTER).md

# How fast the edit loop is (make test warm, make chapter, a prose edit under
# make serve); run by hand, see CONTRIBUTING.md.
timings: setup
	$(BIN)/python scripts/timings.py

# The benchmarks, run by hand: they install PyTorch (CPU) and take a few
# minutes. They rewrite benchmarks/results/training.json, conv.json and
# optimisers.json, which the Performance appendix shows.
bench: setup
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e ".[bench]"
	$(BIN)/python -m pytest -q benchmarks/test_against_pytorch.py
	$(BIN)/python benchmarks/bench_training.py
	$(BIN)/python benchmarks/bench_conv.py
	$(BIN)/python benchmarks/bench_optimisers.py

# Refresh constraints.txt: the newest versions pyproject.toml allows, frozen.
# The bench extra is not installed here (a plain `pip install torch` can pull a
# multi-gigabyte CUDA build), so its torch pin is carried over as it is.
lock:
	rm -rf .venv-lock
	$(PYTHON) -m venv .venv-lock
	.venv-lock/bin/python -m pip install --quiet -e ".[dev]"
	grep '^torch==' constraints.txt > .venv-lock/keep || true
	.venv-lock/bin/python -m pip freeze --exclude-editable | cat - .venv-lock/keep | sort > constraints.txt
	rm -rf .venv-lock

clean:
	rm -rf $(VENV) site .cache .pytest_cache
