# Gongkai — the command contract: `make serve` and `make test` install whatever is missing.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
NPM_STAMP := node_modules/.installed
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT_PACKAGES := graphviz fonts-noto-cjk chromium

.PHONY: install system-deps serve build check test bench clean

install: system-deps $(STAMP) $(NPM_STAMP)

# Debian packages: installed only when their command or font is missing.
system-deps:
	@missing=""; \
	command -v dot >/dev/null 2>&1 || missing="$$missing graphviz"; \
	fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || missing="$$missing fonts-noto-cjk"; \
	command -v chromium >/dev/null 2>&1 || missing="$$missing chromium"; \
	command -v pdftoppm >/dev/null 2>&1 || missing="$$missing poppler-utils"; \
	command -v java >/dev/null 2>&1 || missing="$$missing default-jre-headless"; \
	command -v npm >/dev/null 2>&1 || missing="$$missing nodejs npm"; \
	if [ -n "$$missing" ]; then \
	  echo "Installing system packages:$$missing"; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing fontconfig; \
	fi

$(STAMP): pyproject.toml
	$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { echo "Python 3.11+ is required"; exit 1; }
	[ -x $(BIN)/python ] || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	touch $(STAMP)

# The site's JavaScript from npm, exactly as package-lock.json pins it: the form editor (generator/cms/) and the
# browser libraries the public pages serve from assets/vendor/ (generator/vendor.py: OpenCC for traditional-script
# search, Panzoom for the chart viewer). Without the registry the site is still built and served (/admin/ says what
# is missing, search reads traditional characters as typed, charts scroll instead of zooming), and the tests that
# need them fail with the same message: nothing is skipped silently.
$(NPM_STAMP): package.json package-lock.json
	@npm ci --no-audit --no-fund --ignore-scripts --loglevel=error && touch $(NPM_STAMP) || \
	  echo "警告：npm ci 失败（npm 仓库无法访问？），表单编辑器 /admin/、繁体搜索和流程图缩放不可用，相关测试将失败。" >&2

serve: install
	$(BIN)/gongkai serve --catalogue catalogue --addr 127.0.0.1:8000

build: install
	$(BIN)/gongkai build --catalogue catalogue --out site

check: install
	$(BIN)/gongkai check --catalogue catalogue --strict

# Two workers (CI has 2 cores). Tests go out in units (tests/conftest.py `work_unit`: a module, a package per site
# engine, or one long test), in collection order: the long units (tests/a11y, the bench) start first.
test: install
	$(BIN)/python -m pytest -n 2 --dist loadscope --no-loadscope-reorder -q

bench: install
	$(BIN)/python -m bench

clean:
	rm -rf site .cache $(VENV) node_modules
