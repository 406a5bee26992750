"""Scale-out: two gunicorn instances share one database and one Redis, and nothing else.

An editor publishes through one instance; the other serves the article at once, even on a
page it had cached before. The session made on one instance is valid on the other, so a load
balancer may send any request anywhere. On PostgreSQL the instances use the test database
itself; on SQLite they share a file copy of it.
"""

import http.cookiejar
import os
import re
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

import pytest
import redis
from django.db import connection

from news.models import Article
from tests.factories import ArticleFactory, CategoryFactory

ROOT = Path(__file__).resolve().parent.parent
REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/5")
PASSWORD = "mat-khau-bien-tap-rat-dai-2026"
TITLE = "Mức lương tối thiểu vùng mới áp dụng từ ngày 1/1"

pytestmark = pytest.mark.django_db(transaction=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def shared_redis():
    """The machine's Redis (db 5), or a private redis-server when none answers."""
    client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1)
    try:
        client.ping()
    except redis.ConnectionError:
        server = shutil.which("redis-server")
        if server is None:
            pytest.fail(f"No Redis at {REDIS_URL} and no redis-server to start: install redis.")
        port = free_port()
        process = subprocess.Popen(
            [
                server,
                "--port",
                str(port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
            ],
            stdout=subprocess.DEVNULL,
        )
        url = f"redis://127.0.0.1:{port}/5"
        client = redis.Redis.from_url(url)
        for _ in range(50):
            try:
                client.ping()
                break
            except redis.ConnectionError:
                time.sleep(0.1)
        yield url, f"lsunion-scale-{uuid.uuid4().hex[:8]}"
        process.terminate()
        process.wait(10)
        return
    prefix = f"lsunion-scale-{uuid.uuid4().hex[:8]}"
    yield REDIS_URL, prefix
    for key in client.scan_iter(f"{prefix}:*"):
        client.delete(key)


def shared_database_url(tmp_path) -> str:
    """A DATABASE_URL that reaches the data this test committed."""
    settings = connection.settings_dict
    if connection.vendor == "postgresql":
        password = f":{urllib.parse.quote(settings['PASSWORD'])}" if settings["PASSWORD"] else ""
        return (
            f"postgres://{settings['USER']}{password}@{settings['HOST'] or '127.0.0.1'}:"
            f"{settings['PORT'] or 5432}/{settings['NAME']}"
        )
    # pytest-django keeps the SQLite test database in memory: hand the servers a file copy.
    path = tmp_path / "shared.sqlite3"
    connection.ensure_connection()
    with sqlite3.connect(path) as target:
        connection.connection.backup(target)
    return f"sqlite:///{path}"


class Instance:
    """One app server: gunicorn under production settings.

    One worker each, so a cache kept in the process (not shared) would certainly serve the
    stale page this test looks for.
    """

    def __init__(self, name: str, *, database_url: str, redis_url: str, prefix: str, media: Path):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log = media.parent / f"gunicorn-{name}.log"
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "tests.scale_out_settings",
            "DATABASE_URL": database_url,
            "REDIS_URL": redis_url,
            "DJANGO_CACHE_PREFIX": prefix,
            "DJANGO_DEBUG": "0",
            "DJANGO_SECRET_KEY": "scale-out-test-secret-0123456789-abcdefghijklmnop",
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
            "DJANGO_SECURE": "0",
            "DJANGO_PAGE_CACHE": "1",
            "DJANGO_MEDIA_ROOT": str(media),
        }
        command = [
            sys.executable, "-m", "gunicorn", "lsunion.wsgi:application",
            "--workers", "1", "--bind", f"127.0.0.1:{self.port}", "--no-control-socket",
            "--error-logfile", str(self.log),
        ]  # fmt: skip
        self.process = subprocess.Popen(command, cwd=ROOT, env=env)

    def wait_until_healthy(self) -> None:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            assert self.process.poll() is None, self.log.read_text()
            try:
                with urllib.request.urlopen(f"{self.base}/suc-khoe/", timeout=5) as response:
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.2)
        pytest.fail(f"{self.base} never became healthy:\n{self.log.read_text()}")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Browser:
    """A reader or an editor: cookies kept across requests (and across instances)."""

    def __init__(self):
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.cookies), NoRedirect
        )

    def get(self, url: str) -> tuple[int, str]:
        try:
            with self.opener.open(url, timeout=15) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()

    def post(self, url: str, data: dict) -> int:
        csrf = next(c.value for c in self.cookies if c.name == "csrftoken")
        body = urllib.parse.urlencode({**data, "csrfmiddlewaretoken": csrf}, doseq=True)
        request = urllib.request.Request(url, body.encode(), headers={"Referer": url})
        try:
            with self.opener.open(request, timeout=15) as response:
                return response.status
        except urllib.error.HTTPError as error:
            return error.code

    def log_in(self, base: str, username: str) -> None:
        status, _page = self.get(f"{base}/quan-tri/login/")
        assert status == 200
        status = self.post(
            f"{base}/quan-tri/login/",
            {"username": username, "password": PASSWORD, "next": "/quan-tri/"},
        )
        assert status == 302, "the editor could not log in"
        assert any(c.name == "sessionid" for c in self.cookies)

    def run_action(self, base: str, action: str, article: Article) -> None:
        changelist = f"{base}/quan-tri/news/article/"
        status, _page = self.get(changelist)
        assert status == 200
        status = self.post(
            changelist,
            {"action": action, "_selected_action": [article.pk], "index": 0, "select_across": 0},
        )
        assert status == 302, f"the admin action {action} failed ({status})"


@pytest.fixture
def two_instances(tmp_path, shared_redis, django_user_model):
    django_user_model.objects.create_superuser("bientap", "bientap@example.vn", PASSWORD)
    category = CategoryFactory(name="Chính sách – Pháp luật", on_home=True, in_menu=True)
    ArticleFactory(title="Hội nghị Ban Chấp hành Công đoàn tỉnh", category=category)
    draft = ArticleFactory(title=TITLE, category=category, draft=True)

    redis_url, prefix = shared_redis
    database_url = shared_database_url(tmp_path)
    media = tmp_path / "media"
    media.mkdir()
    instances = [
        Instance(name, database_url=database_url, redis_url=redis_url, prefix=prefix, media=media)
        for name in ("a", "b")
    ]
    try:
        for instance in instances:
            instance.wait_until_healthy()
        yield instances, draft, category
    finally:
        for instance in instances:
            instance.stop()


def test_what_one_instance_publishes_the_other_serves_at_once_and_sessions_work_on_both(
    two_instances,
):
    (a, b), draft, category = two_instances
    reader = Browser()
    # Readers warm both instances' page cache before the article is out.
    for instance in (a, b):
        for _ in range(2):
            status, home = reader.get(f"{instance.base}/")
            assert status == 200 and "Hội nghị Ban Chấp hành Công đoàn tỉnh" in home
            assert TITLE not in home
    assert TITLE not in reader.get(f"{b.base}{category.get_absolute_url()}")[1]

    editor = Browser()
    editor.log_in(a.base, "bientap")
    editor.run_action(a.base, "publish_now", draft)

    draft.refresh_from_db()
    assert TITLE in reader.get(f"{b.base}/")[1]
    assert TITLE in reader.get(f"{b.base}{category.get_absolute_url()}")[1]
    status, page = reader.get(f"{b.base}{draft.get_absolute_url()}")
    assert status == 200 and re.search(r"<h1[^>]*>\s*" + re.escape(TITLE), page)
    assert TITLE in reader.get(f"{a.base}/")[1]

    # The session cookie made on A, answered by B: the editor takes the article down there.
    editor.run_action(b.base, "unpublish", draft)

    assert TITLE not in reader.get(f"{a.base}/")[1]
    assert reader.get(f"{a.base}{draft.get_absolute_url()}")[0] == 404
