"""Point Django at the benchmark database before anything imports models."""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/lsunion_bench"


def database_url() -> str:
    """The benchmark's own database: BENCH_DATABASE_URL, never the DATABASE_URL of the shell,
    so a benchmark cannot fill a development or CI database with 100,000 articles."""
    return os.environ.get("BENCH_DATABASE_URL") or BENCH_DATABASE_URL


def setup(settings_module: str = "lsunion.settings.base") -> None:
    sys.path.insert(0, str(ROOT))
    os.environ["DATABASE_URL"] = database_url()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", settings_module)
    os.environ.setdefault("DJANGO_DEBUG", "0")
    os.environ.setdefault("DJANGO_SECRET_KEY", "bench-only-secret-key-0123456789-abcdefghijklmnop")
    os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
    os.environ.setdefault("DJANGO_SECURE", "0")
    import django

    django.setup()


def ensure_database() -> None:
    """Create the benchmark database if missing, migrate it, collect static files."""
    import psycopg
    from django.conf import settings
    from django.core.management import call_command

    db = settings.DATABASES["default"]
    name = db["NAME"]
    server = f"postgresql://{db['USER']}@{db['HOST']}:{db['PORT'] or 5432}/postgres"
    with psycopg.connect(server, password=db["PASSWORD"] or None, autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            conn.execute(f'CREATE DATABASE "{name}"')
    call_command("migrate", verbosity=0, interactive=False)
    call_command("collectstatic", verbosity=0, interactive=False)
