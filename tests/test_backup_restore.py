"""scripts/backup.sh and scripts/restore.sh: a backup restores into a fresh database and folder.

On PostgreSQL (CI) the database part is pg_dump → pg_restore into a new database, the way
docs/deployment.md tells operators to do it. On SQLite the same scripts take the SQLite
branch (an online copy of a file database), so the database part is checked there too, but
the PostgreSQL commands only when the suite runs on PostgreSQL; the media part (a tar of
MEDIA_ROOT) is the same on both.
"""

import os
import sqlite3
import subprocess
import uuid
from pathlib import Path

import psycopg
import pytest
from django.db import connection

from tests.factories import ArticleFactory, UnionBodyFactory

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.django_db(transaction=True)


def postgres_url(name: str) -> str:
    s = connection.settings_dict
    password = f":{s['PASSWORD']}" if s["PASSWORD"] else ""
    return f"postgres://{s['USER']}{password}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{name}"


@pytest.fixture
def databases_to_back_up_and_restore_into(tmp_path):
    """(the test database's URL, when asked; an empty database's URL; a query on the latter)."""
    if connection.vendor == "postgresql":
        fresh = f"lsunion_restore_{uuid.uuid4().hex[:8]}"
        server = postgres_url("postgres")
        with psycopg.connect(server, autocommit=True) as admin:
            admin.execute(f'CREATE DATABASE "{fresh}"')

        def query(sql):
            with psycopg.connect(postgres_url(fresh)) as restored:
                return restored.execute(sql).fetchall()

        yield lambda: postgres_url(connection.settings_dict["NAME"]), postgres_url(fresh), query
        with psycopg.connect(server, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{fresh}" WITH (FORCE)')
        return
    fresh = tmp_path / "restored.sqlite3"

    def live_url():
        # pytest-django's SQLite test database lives in memory: back up a file copy of it.
        source = tmp_path / "live.sqlite3"
        connection.ensure_connection()
        with sqlite3.connect(source) as target:
            connection.connection.backup(target)
        return f"sqlite:///{source}"

    def query(sql):
        with sqlite3.connect(fresh) as restored:
            return restored.execute(sql).fetchall()

    yield live_url, f"sqlite:///{fresh}", query


def run(script: str, *args, env: dict) -> str:
    result = subprocess.run(
        [str(ROOT / "scripts" / script), *map(str, args)],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_a_backup_restores_articles_bodies_and_photos_into_an_empty_site(
    tmp_path, databases_to_back_up_and_restore_into
):
    body = UnionBodyFactory(name="Liên đoàn Lao động huyện Đình Lập")
    ArticleFactory(title="Đại hội Công đoàn huyện Đình Lập lần thứ XI", source_body=body)
    ArticleFactory.create_batch(4)
    live_media = tmp_path / "media"
    photo = live_media / "anh" / "2026" / "dai-hoi.webp"
    photo.parent.mkdir(parents=True)
    photo.write_bytes(b"RIFF....WEBPVP8 " + os.urandom(2048))
    live_url, fresh_url, query = databases_to_back_up_and_restore_into

    files = run(
        "backup.sh",
        tmp_path / "backups",
        env={"DATABASE_URL": live_url(), "DJANGO_MEDIA_ROOT": str(live_media), "REDIS_URL": ""},
    ).split()
    dump, media = (Path(name) for name in files)
    assert dump.stat().st_size > 0 and media.name.endswith("-media.tar.gz")

    restored_media = tmp_path / "restored-media"
    run(
        "restore.sh",
        dump,
        media,
        env={"DATABASE_URL": fresh_url, "DJANGO_MEDIA_ROOT": str(restored_media), "REDIS_URL": ""},
    )

    assert query("SELECT COUNT(*) FROM news_article") == [(5,)]
    assert query(
        "SELECT a.title, b.name FROM news_article a JOIN organizations_unionbody b "
        "ON a.source_body_id = b.id"
    ) == [("Đại hội Công đoàn huyện Đình Lập lần thứ XI", "Liên đoàn Lao động huyện Đình Lập")]
    assert (restored_media / "anh" / "2026" / "dai-hoi.webp").read_bytes() == photo.read_bytes()


def test_restore_refuses_to_overwrite_a_live_database(
    tmp_path, databases_to_back_up_and_restore_into
):
    ArticleFactory()
    live_url, _fresh_url, _query = databases_to_back_up_and_restore_into
    live = live_url()
    dump, media = run(
        "backup.sh",
        tmp_path / "backups",
        env={"DATABASE_URL": live, "DJANGO_MEDIA_ROOT": str(tmp_path / "media")},
    ).split()

    result = subprocess.run(
        [str(ROOT / "scripts" / "restore.sh"), dump, media],
        env={**os.environ, "DATABASE_URL": live, "DJANGO_MEDIA_ROOT": str(tmp_path / "m")},
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert result.returncode == 3
    assert "RESTORE_OVER_EXISTING=1" in result.stderr
