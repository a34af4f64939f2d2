# The two commands a coordinator or a developer needs: `make site` and `make test`.
SWIFT ?= swift
BIN_RELEASE := .build/release/sasaeai
BIN_DEBUG := .build/debug/sasaeai
TEST_SITE := .build/test-site
PREFIX ?= /usr/local

.PHONY: site test build deps-build deps-test corpus unit e2e bench fuzz check clean install

site: deps-build
	$(SWIFT) build -c release --product sasaeai
	$(BIN_RELEASE) build

# Puts `sasaeai` on PATH (PREFIX/bin, /usr/local/bin by default; PREFIX=$$HOME/.local without
# root). Re-running replaces it with the current build. The binary uses the Swift runtime of the
# toolchain that built it, so it runs on this machine.
install: deps-build
	$(SWIFT) build -c release --product sasaeai
	install -d "$(DESTDIR)$(PREFIX)/bin"
	install -m 755 $(BIN_RELEASE) "$(DESTDIR)$(PREFIX)/bin/sasaeai"
	@echo "sasaeai を $(DESTDIR)$(PREFIX)/bin/sasaeai に入れました"

check: deps-build
	$(SWIFT) build -c release --product sasaeai
	$(BIN_RELEASE) check

deps-build:
	@bash scripts/install-deps.sh build

deps-test:
	@bash scripts/install-deps.sh test

unit: deps-build
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

# Builds the example content with the debug binary into a scratch folder, then checks it
# like a user would: HTML validity, links, browser, accessibility, calendars.
e2e: deps-test
	$(SWIFT) build --product sasaeai
	rm -rf $(TEST_SITE)
	$(BIN_DEBUG) build --output $(TEST_SITE) --quiet
	SITE_DIR=$(TEST_SITE) bash scripts/e2e.sh

# The real-schedule corpus's expected dates, recomputed from its hand-written meanings.
corpus: deps-test
	python3 Tests/SasaeaiScheduleTests/Fixtures/expected_dates.py --check

test: deps-test corpus unit e2e

bench: deps-build
	$(SWIFT) build -c release --product sasaeai
	bash bench/run.sh $(BIN_RELEASE)

fuzz:
	bash fuzz/run.sh $(or $(FUZZ_SECONDS),30)

clean:
	rm -rf .build site
