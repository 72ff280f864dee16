# Two entry points: `make demo` and `make test`. Both set everything up first:
# a virtual environment in .venv, npm packages, the build, and Debian's Chromium.

SHELL := /bin/bash
PYTHON ?= python3
VENV := $(CURDIR)/.venv
export PATH := $(VENV)/bin:$(PATH)
export PIP_DISABLE_PIP_VERSION_CHECK := 1
CHROMIUM := $(or $(PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH),/usr/bin/chromium)

.PHONY: help setup build chromium postgresql hub-templates demo demo-hub demo-lab test release-check lint pot clean bench screenshots

help:
	@echo "make demo      set up, then run the extension in a real local JupyterHub"
	@echo "               (HUB_HELP_GRANT_LIST_USERS=1 make demo: admins discovered by the panel)"
	@echo "make demo-lab  set up, then run it in a plain JupyterLab"
	@echo "make test      set up, then run every test suite"
	@echo "make release-check  build the release files and check them as a release would"
	@echo "make bench     print the benchmarks; make screenshots: README pictures"
	@echo "make pot       write the translation catalogue (jupyterlab_hub_help/locale/)"

$(VENV)/.stamp: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	# `make build` links the labextension into the environment; pip would write install.json
	# through that link into the tree, and the next install would then find it twice.
	if [ -L $(VENV)/share/jupyter/labextensions/jupyterlab-hub-help ]; then \
	  rm $(VENV)/share/jupyter/labextensions/jupyterlab-hub-help; fi
	rm -f jupyterlab_hub_help/labextension/install.json
	# The labextension is built by jlpm below, not by pip.
	SKIP_JUPYTER_BUILDER=1 $(VENV)/bin/pip install -q -e ".[dev]"
	touch $@

node_modules/.stamp: package.json yarn.lock $(VENV)/.stamp
	jlpm install --immutable
	touch $@

ui-tests/node_modules/.stamp: ui-tests/package.json ui-tests/yarn.lock $(VENV)/.stamp
	cd ui-tests && jlpm install --immutable
	touch $@

build: node_modules/.stamp
	jlpm build
	jupyter labextension develop . --overwrite
	# The server extension (jupyterlab_hub_help/hub_api.py): a wheel installs the file
	# that enables it (jupyter-config/), an editable install does not.
	install -D -m 644 jupyter-config/server-config/jupyterlab_hub_help.json \
	  $(VENV)/etc/jupyter/jupyter_server_config.d/jupyterlab_hub_help.json
	# The development install loads the translations from beside their .po files.
	python scripts/i18n.py compile

# $(call debian-package,TEST,PACKAGE,WHAT ELSE): install Debian's PACKAGE when the shell
# TEST fails and this runs as root with apt-get; otherwise name it and stop.
define debian-package
	@if ! $(1); then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get update -qq && apt-get install -y -qq $(2); \
	  else \
	    echo "Install Debian's '$(2)' package (apt-get install -y $(2)) $(3)."; \
	    exit 1; \
	  fi; \
	fi
endef

chromium:
	$(call debian-package,[ -x "$(CHROMIUM)" ],chromium,or set PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH to a Chromium binary)

# The PostgreSQL server the service's tests start a throwaway cluster of (tests/python/service).
postgresql:
	$(call debian-package,ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1,postgresql,for the service's tests on PostgreSQL)

# JupyterHub's own templates of the releases the template pack is checked against
# (tests/python/test_hub_templates.py), downloaded once into build/jupyterhub/.
hub-templates: $(VENV)/.stamp
	python scripts/hub_templates.py

setup: build ui-tests/node_modules/.stamp chromium postgresql hub-templates

# A real JupyterHub on 127.0.0.1 (port HUB_HELP_DEMO_PORT, default 8000) with the demo users
# and the sample community settings; see scripts/demo-hub.py and demo/hub/.
demo: demo-hub

demo-hub: build
	python scripts/demo-hub.py --sample-reports

demo-lab: build
	bash scripts/demo-lab.sh

test: setup
	python scripts/run_tests.py

# What jupyter-releaser's check-release makes sure of, on release files built from a copy of
# the working tree (scripts/release_check.py; RELEASE.md says what it checks).
release-check: build
	python scripts/release_check.py --report build/release/report.json

lint: node_modules/.stamp
	jlpm lint

# The catalogue of the interface's strings, from src/ and schema/ (needs Node.js).
pot: $(VENV)/.stamp
	python scripts/i18n.py pot

clean:
	rm -rf build lib coverage jupyterlab_hub_help/labextension tsconfig.tsbuildinfo

# The README pictures (docs/) and the Galata visual snapshots, from the sample settings
# and, for the editor, the demo hub.
screenshots: setup
	cd ui-tests && HUB_HELP_README_SCREENSHOTS=1 HUB_HELP_LAB_PORT=$$(python -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])') \
	  jlpm playwright test tests/screenshots.spec.ts --update-snapshots=all
	# The editor's forms need the hub help service: from the real-hub walkthrough.
	cd ui-tests && HUB_HELP_README_SCREENSHOTS=1 \
	  jlpm playwright test -c hub/playwright.config.js --project=hub 08-representative

# The metadata layer in Node, then JupyterLab with the production wheel (the `wheel`
# suite's environment) against the same JupyterLab without the extension, in Chromium;
# fails when a figure misses its budget (bench/budget.json). BENCH_SIZES, BENCH_ROUNDS.
BENCH_PLAIN := $(CURDIR)/.venv-bench-plain
$(BENCH_PLAIN)/.stamp:
	$(PYTHON) -m venv $(BENCH_PLAIN)
	$(BENCH_PLAIN)/bin/pip install -q jupyterlab==4.6.4
	touch $@

bench: setup $(BENCH_PLAIN)/.stamp
	jlpm bench:metadata
	python scripts/run_tests.py wheel
	# The bench's own checks first: its statistics, then that it catches 100 ms of work
	# put into our pages after restore (--self-test).
	node --test bench/stats.test.mjs
	node bench/jupyterlab.mjs --self-test --ours $(CURDIR)/build/wheel-venv/bin/jupyter --plain $(BENCH_PLAIN)/bin/jupyter
	# Both run; either one missing a budget fails the target.
	status=0; \
	node bench/jupyterlab.mjs --ours $(CURDIR)/build/wheel-venv/bin/jupyter --plain $(BENCH_PLAIN)/bin/jupyter || status=$$?; \
	python bench/service.py --json bench/results/service.json || status=$$?; \
	(cd ui-tests && HUB_HELP_BENCH=1 jlpm playwright test -c hub/playwright.config.js --project=bench) || status=$$?; \
	exit $$status
