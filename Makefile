# reportflow — see README.md. Every target works offline once `make setup` has run.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
SHARED ?= $(abspath ../shared)
WAREHOUSE ?= warehouse/reportflow.duckdb
EVAL_DIR ?= build/eval

# Offline and quiet: no analytics, a project-local Prefect home, nothing fetched at run time.
export PREFECT_HOME := $(CURDIR)/.prefect
export PREFECT_SERVER_ANALYTICS_ENABLED := false
export PREFECT_CLOUD_ENABLE_ORCHESTRATION_TELEMETRY := false
export DO_NOT_TRACK := 1
export GX_ANALYTICS_ENABLED := False
export REPORTFLOW_SHARED := $(SHARED)
# Memory: the system allocator with two malloc arenas hands freed batch memory back instead of
# keeping it per thread (bench, 1,000 reports: peak 1.29 GB -> 1.10 GB at the same speed).
export MALLOC_ARENA_MAX ?= 2
export ARROW_DEFAULT_MEMORY_POOL ?= system

.PHONY: setup run test eval eval-heldout bench lint serve clean help
help:  ## list targets
	@grep -E '^[a-z]+:.*##' $(MAKEFILE_LIST) | sed 's/:.*##/\t/'

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: requirements.lock pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet uv==0.13.8
	$(BIN)/uv pip sync --quiet --python $(BIN)/python requirements.lock
	$(BIN)/uv pip install --quiet --python $(BIN)/python --no-deps -e .
	@# Byte-compile once: with PYTHONDONTWRITEBYTECODE set, every GX/Prefect import would recompile (~2x slower).
	$(BIN)/python -m compileall -q -j 0 $(VENV)/lib >/dev/null 2>&1 || true
	touch $@

setup: $(VENV)/.installed  ## create .venv and install the locked dependencies

run: setup  ## ingest seeds/reports into $(WAREHOUSE) and print a summary
	$(BIN)/reportflow run --inbox seeds/reports --warehouse $(WAREHOUSE)

test: setup  ## the whole test suite
	$(BIN)/python -m pytest -q -p no:cacheprovider

lint: setup  ## ruff
	$(BIN)/ruff check .

# $(call score,INBOX,GOLD,DIR): ingest INBOX into a scratch warehouse in DIR, export, score against GOLD
define score
	@rm -rf $(3) && mkdir -p $(3)
	@$(BIN)/reportflow run --quiet --engine local --inbox $(1) --warehouse $(3)/eval.duckdb >/dev/null
	@$(BIN)/reportflow export --warehouse $(3)/eval.duckdb --out $(3)/pred >/dev/null
	@$(BIN)/python $(SHARED)/spec/score.py $(2) $(3)/pred
endef

eval: setup  ## ingest ../shared/corpus into a scratch warehouse, export, score against ../shared/gold
	$(call score,$(SHARED)/corpus,$(SHARED)/gold,$(EVAL_DIR))

# Our own labelled sets in other styles: every tests/fixtures/heldout*/ with a gold/ folder.
HELDOUT_SETS := $(sort $(patsubst tests/fixtures/%/gold,%,$(wildcard tests/fixtures/heldout*/gold)))

# $(call score_set,SET): print the set's name, then its scores (one recipe line each; the blank line ends it)
define score_set
	@echo "tests/fixtures/$(1):"
	$(call score,tests/fixtures/$(1)/corpus,tests/fixtures/$(1)/gold,$(EVAL_DIR)-$(1))

endef

eval-heldout: setup  ## the same for our own labelled reports in other styles (tests/fixtures/heldout*)
	$(foreach set,$(HELDOUT_SETS),$(call score_set,$(set)))

bench: setup  ## throughput benchmark over a synthetic corpus (BENCH_N reports)
	$(BIN)/python -m bench.run --n $${BENCH_N:-200} --batch-size $${BENCH_BATCH:-500}

serve: setup  ## Prefect server on 127.0.0.1:4200 + work pool + deployments + worker (Ctrl-C stops all)
	@tools/serve.sh

clean:  ## remove build output and the local warehouse (keeps .venv)
	rm -rf build warehouse/reportflow.duckdb* warehouse/staging warehouse/quarantine warehouse/gx .prefect
