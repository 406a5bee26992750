"""The shape of the house (docs/architecture.md): who may import whom."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
APPS = {"lsunion", "news", "organizations", "awards", "documents", "questions", "sitepages"}
FORBIDDEN = {
    "lsunion": {"news", "organizations", "awards", "documents", "questions", "sitepages"},
    "organizations": {"news", "awards", "documents", "questions", "sitepages"},
    "news": {"awards", "documents", "questions", "sitepages"},
    "awards": {"news", "documents", "questions", "sitepages"},
    # The library reaches pages, search, the sitemap and other apps' texts through registries.
    "documents": {"news", "awards", "questions", "sitepages"},
    # Hỏi đáp stands on organizations and lsunion only (docs/architecture.md).
    "questions": {"news", "awards", "documents", "sitepages"},
    # The fixed pages and the menus reach news, awards… only through lsunion.menu.
    "sitepages": {"news", "awards", "documents", "questions"},
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
