# lsunion – the two commands of the README, and a few more for developers.
# Everything the project needs is installed here: uv (into .tools/), the locked Python
# packages (into .venv/), and for the browser tests Debian's chromium and axe-core.

PORT ?= 8000
BOOTSTRAP_PYTHON ?= python3
UV_VERSION := 0.13.9
UV := .tools/bin/uv
PY := .venv/bin/python

.PHONY: help install browser-deps run test lint check pytest bench clean

help:
	@echo "make run    – cài đặt, nạp dữ liệu mẫu, chạy cổng thông tin tại http://127.0.0.1:$(PORT)"
	@echo "make test   – kiểm tra mã (ruff, djhtml), check, makemigrations --check và toàn bộ bộ kiểm thử"

$(UV):
	$(BOOTSTRAP_PYTHON) -m venv .tools
	.tools/bin/pip install --quiet --disable-pip-version-check "uv==$(UV_VERSION)"

.venv/.synced: $(UV) pyproject.toml uv.lock .python-version
	$(UV) sync --frozen --quiet
	@touch $@

install: .venv/.synced

# What the browser and PDF tests need from outside PyPI: Debian's chromium (Playwright never
# downloads a browser), poppler-utils (pdftotext, pdffonts), Pango for WeasyPrint, and axe-core.
# apt runs only for what is missing, so a prepared machine pays nothing.
CHROMIUM := /usr/bin/chromium
AXE := node_modules/axe-core/axe.min.js

browser-deps: $(AXE)
	@missing=""; \
	[ -x $(CHROMIUM) ] || missing="$$missing chromium"; \
	command -v pdftotext >/dev/null 2>&1 && command -v pdffonts >/dev/null 2>&1 || missing="$$missing poppler-utils"; \
	ldconfig -p | grep -q 'libpangoft2-1.0.so.0' || missing="$$missing libpango-1.0-0 libpangoft2-1.0-0"; \
	fc-list 2>/dev/null | grep -qi 'dejavu\|noto' || missing="$$missing fonts-dejavu-core"; \
	if [ -n "$$missing" ]; then \
		sudo=""; [ "$$(id -u)" = 0 ] || sudo="sudo"; \
		echo "== apt-get install$$missing"; \
		$$sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq$$missing; \
	fi

$(AXE): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

run: install
	DJANGO_DEBUG=$${DJANGO_DEBUG:-1} $(PY) manage.py migrate --noinput
	DJANGO_DEBUG=$${DJANGO_DEBUG:-1} $(PY) manage.py load_demo
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

clean:
	rm -rf .venv .tools staticfiles artifacts node_modules
