"""The shape of the house (docs/architecture.md): who may import whom."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
APPS = {"lsunion", "news", "organizations", "awards", "sitepages"}
FORBIDDEN = {
    "lsunion": {"news", "organizations", "awards", "sitepages"},
    "organizations": {"news", "awards", "sitepages"},
    "news": {"awards", "sitepages"},
    "awards": {"news", "sitepages"},
    # The fixed pages and the menus reach news, awards… only through lsunion.menu.
    "sitepages": {"news", "awards"},
}


def imported_apps(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
    return found & APPS


@pytest.mark.parametrize("app", sorted(FORBIDDEN))
def test_app_does_not_import_what_it_must_not(app):
    offenders = {
        str(path.relative_to(ROOT)): imported_apps(path) & FORBIDDEN[app]
        for path in (ROOT / app).rglob("*.py")
        if "migrations" not in path.parts
    }
    assert {k: v for k, v in offenders.items() if v} == {}
