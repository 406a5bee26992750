# lsunion – the two commands of the README, and a few more for developers.
# Everything the project needs is installed here: uv (into .tools/), the locked Python
# packages (into .venv/), and for the browser tests Debian's chromium and axe-core.

PORT ?= 8000
BOOTSTRAP_PYTHON ?= python3
UV_VERSION := 0.13.9
UV := .tools/bin/uv
PY := .venv/bin/python

.PHONY: help install browser-deps bench-deps run test lint check pytest bench bench-search clean

help:
	@echo "make run    – cài đặt, nạp dữ liệu mẫu, chạy cổng thông tin tại http://127.0.0.1:$(PORT)"
	@echo "make test   – kiểm tra mã (ruff, djhtml), check, makemigrations --check và toàn bộ bộ kiểm thử"
	@echo "make bench  – sinh dữ liệu 10 năm, đo từng trang bằng wrk (có và không có cache), ghi docs/performance.md"

$(UV):
	$(BOOTSTRAP_PYTHON) -m venv .tools
	.tools/bin/pip install --quiet --disable-pip-version-check "uv==$(UV_VERSION)"

.venv/.synced: $(UV) pyproject.toml uv.lock .python-version
	$(UV) sync --frozen --quiet
	@touch $@

install: .venv/.synced

# What the browser and PDF tests need from outside PyPI: Debian's chromium (Playwright never
# downloads a browser), poppler-utils (pdftotext, pdffonts), Pango for WeasyPrint, a Java runtime
# for the W3C Nu HTML checker, and from the npm registry axe-core and the checker (vnu-jar, run on
# the machine's java; its install script, which would download a JDK, is never run).
# apt runs only for what is missing, so a prepared machine pays nothing.
CHROMIUM := /usr/bin/chromium
AXE := node_modules/axe-core/axe.min.js
VNU := node_modules/vnu-jar/build/dist/vnu.jar

browser-deps: $(AXE) $(VNU)
	@missing=""; \
	[ -x $(CHROMIUM) ] || missing="$$missing chromium"; \
	command -v java >/dev/null 2>&1 || missing="$$missing default-jre-headless"; \
	command -v pdftotext >/dev/null 2>&1 && command -v pdffonts >/dev/null 2>&1 || missing="$$missing poppler-utils"; \
	ldconfig -p | grep -q 'libpangoft2-1.0.so.0' || missing="$$missing libpango-1.0-0 libpangoft2-1.0-0"; \
	fc-list 2>/dev/null | grep -qi 'dejavu\|noto' || missing="$$missing fonts-dejavu-core"; \
	if [ -n "$$missing" ]; then \
		sudo=""; [ "$$(id -u)" = 0 ] || sudo="sudo"; \
		echo "== apt-get install$$missing"; \
		$$sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq$$missing; \
	fi

$(AXE) $(VNU) &: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	@touch $(AXE) $(VNU)

run: install
	DJANGO_DEBUG=$${DJANGO_DEBUG:-1} $(PY) manage.py migrate --noinput
	DJANGO_DEBUG=$${DJANGO_DEBUG:-1} $(PY) manage.py load_demo
	@# The task worker (mail) runs beside the server and stops with it.
	DJANGO_DEBUG=$${DJANGO_DEBUG:-1} $(PY) manage.py db_worker --no-reload & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	DJANGO_DEBUG=$${DJANGO_DEBUG:-1} $(PY) manage.py runserver 127.0.0.1:$(PORT)

lint: install
	.venv/bin/ruff check .
	.venv/bin/ruff format --check .
	.venv/bin/djhtml --check templates

check: install
	DJANGO_DEBUG=1 $(PY) manage.py check --fail-level WARNING
	DJANGO_DEBUG=1 $(PY) manage.py makemigrations --check --dry-run
	env -u DJANGO_ALLOW_ASYNC_UNSAFE DJANGO_DEBUG=0 DJANGO_SECURE=1 DJANGO_ALLOWED_HOSTS=congdoanlangson.vn \
		DJANGO_SECRET_KEY="$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(64))')" \
		$(PY) manage.py check --deploy --fail-level WARNING

pytest: install browser-deps
	$(PY) -m pytest

test: lint check pytest

# The benchmark (not part of `make test`): its own PostgreSQL database and Redis database.
BENCH_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/lsunion_bench
BENCH_REDIS_URL ?= redis://127.0.0.1:6379/5
BENCH_ARGS ?=

# wrk from Debian's packages; PostgreSQL and Redis started when they are installed but down.
bench-deps:
	@sudo=""; [ "$$(id -u)" = 0 ] || sudo="sudo"; \
	missing=""; \
	command -v wrk >/dev/null 2>&1 || missing="$$missing wrk"; \
	command -v pg_ctlcluster >/dev/null 2>&1 || missing="$$missing postgresql"; \
	command -v redis-server >/dev/null 2>&1 || missing="$$missing redis-server"; \
	if [ -n "$$missing" ]; then \
		echo "== apt-get install$$missing"; \
		$$sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq$$missing; \
	fi; \
	if ! pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; then \
		$$sudo pg_ctlcluster --skip-systemctl-redirect "$$(ls /etc/postgresql | sort -V | tail -1)" main start; \
		for _ in $$(seq 1 30); do pg_isready -h 127.0.0.1 -p 5432 -q && break; sleep 1; done; \
	fi; \
	if ! redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; then \
		redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no; \
	fi

bench: install bench-deps
	BENCH_DATABASE_URL=$(BENCH_DATABASE_URL) BENCH_REDIS_URL=$(BENCH_REDIS_URL) $(PY) -m bench.run $(BENCH_ARGS)

bench-search: install bench-deps
	BENCH_DATABASE_URL=$(BENCH_DATABASE_URL) BENCH_REDIS_URL=$(BENCH_REDIS_URL) $(PY) -m bench.search $(BENCH_ARGS)

clean:
	rm -rf .venv .tools staticfiles artifacts node_modules
