"""Browser tests: Playwright drives Debian's chromium against one live server with the demo content.

One server and one browser serve the whole suite. The demo content is loaded once and committed,
so the server's own connection sees it; the browser tests run after every other test (see
pytest_collection_modifyitems), so those never meet the demo rows.
"""

import os
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection, connections
from pytest_django.live_server_helper import LiveServer

# Playwright's sync API runs an event loop in this thread; Django's ORM must still be allowed here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = ROOT / "artifacts" / "screenshots"


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Browser tests last, after pytest-django's own ordering of the rest."""
    items.sort(key=lambda item: item.get_closest_marker("browser") is not None)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args, demo_site):
    """Debian's chromium, never a browser Playwright would download.

    Depends on demo_site so the browser closes its connections before the server stops.
    """
    if not os.access(CHROMIUM, os.X_OK):
        pytest.fail(f"{CHROMIUM} is missing: `make test` installs it (apt package chromium).")
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": CHROMIUM_ARGS,
        "headless": True,
    }


@pytest.fixture(scope="session")
def demo_site(django_db_setup, django_db_blocker):
    """A live server on the demo portal (3 articles, categories, union bodies)."""
    name = str(connection.settings_dict["NAME"])
    if not (name.startswith("test_") or connection.is_in_memory_db()):
        pytest.fail(f"Refusing to load the demo into {name}: mark browser tests django_db.")
    with django_db_blocker.unblock():
        call_command("load_demo", verbosity=0)
        server = LiveServer("127.0.0.1")
    yield server
    server.stop()
    with django_db_blocker.unblock():
        call_command("flush", interactive=False, verbosity=0)


@pytest.fixture(scope="session", autouse=True)
def _close_connections_opened_under_playwright(playwright):
    """While Playwright's loop runs, Django keeps this thread's connections per async context:
    close them before it stops, or the test database cannot be dropped at the end."""
    yield
    connections.close_all()


@pytest.fixture(scope="session")
def base_url(demo_site):
    """Relative URLs in page.goto() go to the live server."""
    return demo_site.url


@pytest.fixture(scope="session")
def axe_source():
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: `make test` runs npm ci (package.json).")
    return AXE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def screenshots():
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS
