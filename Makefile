# reportpress: `make` builds every publication of every report in source/ into output/.
#
#   make                     install (when needed), compile, build everything that changed
#   make SOURCE=dir OUT=dir  other folders for the reports and the publications
#   make TEMPLATE=official   the same with another template (templates/<name> or a path)
#   make FORMATS=pdf,docx    only some formats
#   make -j2                 reports in parallel
#   make test                the test suite (Node and npm packages only)
#   make check               checks with real clients: LibreOffice, epubcheck, poppler, Chromium
#   make bench               speed and memory figures
#   make watch               rebuild on every save of a source or template
#   make clean               remove everything generated

SHELL := /bin/bash
NODE ?= node
TEMPLATE ?= default
SOURCE ?= source
OUT ?= output
FORMATS ?=

CLI := $(NODE) bin/reportpress.js
DEPS := node_modules/.package-lock.json
DIST := dist/.stamp
TS_SOURCES := $(shell find pipeline -name '*.ts' 2>/dev/null)
TEMPLATE_FILES := $(shell find templates -type f 2>/dev/null | sed 's/ /\\ /g')
FORMAT_FLAG := $(if $(FORMATS),--formats '$(FORMATS)')
QUIET_FLAG := --quiet
BUILD_INPUTS := $(DIST) $(TEMPLATE_FILES) .make/settings

.PHONY: all publications test fuzz check bench watch clean FORCE
.DEFAULT_GOAL := all

all: $(DIST) .make/settings
	@$(NODE) dist/pipeline/make-rules.js .make/sources.mk '$(SOURCE)'
	@$(MAKE) --no-print-directory publications WITH_SOURCES=1

ifdef WITH_SOURCES
include .make/sources.mk
publications: $(PUBLICATIONS)
endif

$(DEPS): package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

$(DIST): $(DEPS) $(TS_SOURCES) tsconfig.json
	npx tsc -p tsconfig.json
	npm run -s bundle
	@touch $@

# Remembers the settings outputs depend on; rewritten only when they change.
.make/settings: FORCE
	@mkdir -p .make
	@echo '$(TEMPLATE) $(FORMATS)' | cmp -s - $@ || echo '$(TEMPLATE) $(FORMATS)' > $@

test: $(DIST)
	npx vitest run

# Property tests with fresh random seeds and FUZZ times the cases (make test uses fixed seeds).
fuzz: $(DIST)
	FUZZ=$${FUZZ:-10} npx vitest run --testTimeout=3600000 test/robust.test.ts test/render/pdf/breaking.test.ts -t 'property|rules on any text'

check: $(DIST)
	@$(NODE) test/check/require.mjs
	npx vitest run --config test/check/vitest.config.ts

bench: $(DIST)
	$(NODE) test/bench/bench.mjs

watch: $(DIST)
	$(CLI) watch --out '$(OUT)' --template '$(TEMPLATE)' $(FORMAT_FLAG)

clean:
	rm -rf dist .make
	find output -mindepth 1 ! -name .gitkeep -exec rm -rf {} +
