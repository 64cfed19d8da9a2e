# gdwatch — `make run` (daily run over the real sources), `make test`, `make demo` (offline demo).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup run demo test lint format bench clean browser postgres

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
	touch $(STAMP)

setup: $(STAMP)

run: $(STAMP)
	$(BIN)/gdwatch run

demo: $(STAMP)
	$(BIN)/gdwatch demo --db data/demo.duckdb

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

# The report test opens the report in Debian's chromium (with chromedriver and CJK fonts); as root, install
# them when missing; elsewhere that test skips.
browser:
	@command -v chromium >/dev/null && command -v chromedriver >/dev/null || \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver \
	   fonts-noto-cjk >/dev/null) || echo "note: no chromium; the report's browser test will skip"

# The scaleout tests start a real PostgreSQL server from Debian's binaries (initdb, pg_ctl): as root, install
# them when missing.
postgres:
	@command -v pg_ctl >/dev/null || ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null)

# The suite runs on TEST_WORKERS pytest-xdist worker processes (two by default: CI's machine has two cores);
# each worker has its own Prefect test server, PostgreSQL and S3 servers on free ports and its own temp
# dirs. --dist loadgroup keeps the tests that read one session fixture (xdist_group marks: the demo's
# warehouse) on one worker, so it is built once. pytest's exit 5 (no test ran) still fails the target.
TEST_WORKERS ?= 2

test: $(STAMP) lint browser postgres
	$(BIN)/pytest -q -n $(TEST_WORKERS) --dist loadgroup

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

bench: $(STAMP)
	$(BIN)/pip install --quiet -e ".[bench]"
	$(BIN)/python -m benchmarks.extraction --markdown
	$(BIN)/python -m benchmarks.cleaning
	$(BIN)/python -m benchmarks.extraction_speed
	$(BIN)/python -m benchmarks.notations
	$(BIN)/python -m benchmarks.load
	$(BIN)/python -m benchmarks.conflicts
	$(BIN)/python -m benchmarks.pipeline --markdown
	$(BIN)/python -m benchmarks.fault_memory

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .ruff_cache
