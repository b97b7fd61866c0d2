# reportpress: `make` builds every publication of every report in source/ into output/.
#
#   make                     install (when needed), compile, build everything that changed
#   make SOURCE=dir OUT=dir  other folders for the reports and the publications
#   make TEMPLATE=official   the same with another template (templates/<name> or a path)
#   make FORMATS=pdf,docx    only some formats (the folders then hold only those)
#   make -q / make -n        is anything out of date / what would be built
#   make test                the fast tier of the tests (Node and npm packages only)
#   make test-e2e            the end-to-end tier: real make, the CLI as a process, whole builds
#   make fuzz                the property tests with fresh seeds (FUZZ=n times the cases)
#   make check               checks with real clients: LibreOffice, epubcheck, poppler, Chromium
#   make bench               speed and memory figures
#   make watch               rebuild on every save of a source or template
#   make clean               remove the publications in OUT, the compiled code and make's state
#
# What is stale is decided by reportpress itself from the record each build leaves in
# $(OUT)/.reportpress/, checked against the disk (pipeline/plan.ts): a deleted output, a
# touched source, another template or format set, a new pipeline. make learns only whether
# there is work (.make/rules.mk holds no file names, so no name can reach make syntax or a
# shell); `reportpress sync` then does all of it in one process.

SHELL := /bin/bash
NODE ?= node
TEMPLATE ?= default
SOURCE ?= source
OUT ?= output
FORMATS ?=

# A make value as one shell word: folders and names are data, never shell syntax.
quote = '$(subst ','\'',$(1))'

CLI := $(NODE) bin/reportpress.js
SETTINGS := --out $(call quote,$(OUT)) --template $(call quote,$(TEMPLATE)) $(if $(FORMATS),--formats $(call quote,$(FORMATS)))
DEPS := node_modules/.package-lock.json
DIST := dist/.stamp
TS_SOURCES := $(shell find pipeline -name '*.ts' 2>/dev/null)
RULES := .make/rules.mk

.PHONY: all publications test test-e2e fuzz check bench watch clean FORCE
.DEFAULT_GOAL := all

# Only when building publications (not for test, clean, …) are the rules made and read; make
# remakes them before anything else, even under -n and -q.
ifeq ($(filter-out all publications,$(MAKECMDGOALS)),)
include $(RULES)
endif

# make takes -n away while it remakes its rules; under -n they also say what would be built.
DRY_RUN := $(findstring n,$(firstword -$(MAKEFLAGS)))
$(RULES): $(DIST) FORCE
	@$(if $(DRY_RUN),REPORTPRESS_EXPLAIN=1) $(CLI) make-rules $(RULES) $(call quote,$(SOURCE)) $(SETTINGS)

# REPORTPRESS_WORK is `publications` when something is stale or gone, empty otherwise.
all: $(DIST) $(REPORTPRESS_WORK)

publications: $(DIST)
	$(CLI) sync $(call quote,$(SOURCE)) $(SETTINGS)

# npm ci writes $(DEPS) before its prepare step compiles, so the compiled code stays newer.
$(DEPS): package.json package-lock.json
	npm ci --no-audit --no-fund

# npm's prepare step runs the same build and writes the same stamp, so `npm ci` + `make` compile
# once. When make itself ran npm ci just now, it had already decided to compile (the stamp was
# missing then); the stamp npm wrote is newer than every input, and the build is skipped.
$(DIST): $(DEPS) $(TS_SOURCES) tsconfig.json scripts/ascii-only.mjs
	@if [ ! -e $@ ] || [ -n "$$(find $^ -newer $@)" ]; then echo 'npm run -s build'; npm run -s build; fi

# Two tiers (vitest.config.ts): `make test` every stage on real data, in-process, within two
# minutes on two cores; `make test-e2e` what needs whole processes or repeated builds (CI runs both).
test: $(DIST)
	npx vitest run --project fast --project fast-isolated

test-e2e: $(DIST)
	npx vitest run --project e2e

# Property tests with fresh random seeds and FUZZ times the cases (make test uses fixed seeds).
fuzz: $(DIST)
	FUZZ=$${FUZZ:-10} npx vitest run --testTimeout=3600000 test/robust.test.ts test/render/pdf/breaking.test.ts test/make-rules.test.ts -t 'property|rules on any text'

check: $(DIST)
	@$(NODE) test/check/require.mjs
	npx vitest run --config test/check/vitest.config.ts

bench: $(DIST)
	$(NODE) test/bench/bench.mjs

watch: $(DIST)
	$(CLI) watch $(SETTINGS)

clean:
	@if [ -f $(DIST) ]; then $(CLI) clean $(SETTINGS); fi
	rm -rf dist .make
