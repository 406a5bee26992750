"""Redis is a cache: killed under load, readers still get pages and staff stay logged in.

Gunicorn (two workers, production settings) on a private redis-server; readers and a logged-in
editor keep requesting while Redis is killed, stays dead for seconds and comes back. Every
answer is counted: no 5xx, the editor is never sent to the login page, the health check says
"degraded" (200) during the outage and "ok" after, and each worker logs the outage once.
"""

import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections import Counter
from pathlib import Path

import pytest
import redis

from tests.factories import ArticleFactory, CategoryFactory
from tests.test_scale_out import PASSWORD, Browser, shared_database_url

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.django_db(transaction=True)


def free_port(ports: range) -> int:
    """A free port from the range this project may use on a shared machine, else any."""
    for port in [*ports, 0]:
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
            return s.getsockname()[1]
    raise AssertionError("no free port")


class PrivateRedis:
    """A redis-server of this test's own, that it may kill and start again on the same port."""

    def __init__(self):
        self.server = shutil.which("redis-server")
        if self.server is None:
            pytest.fail("redis-server is needed for this test: install redis.")
        self.port = free_port(range(6390, 6400))
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = None

    def start(self) -> None:
        self.process = subprocess.Popen(
            [self.server, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
        )  # fmt: skip
        client = redis.Redis.from_url(self.url)
        for _ in range(100):
            try:
                client.ping()
                return
            except redis.ConnectionError:
                time.sleep(0.05)
        pytest.fail("the private redis-server did not start")

    def kill(self) -> None:
        self.process.kill()
        self.process.wait(10)


class Gunicorn:
    def __init__(self, *, database_url: str, redis_url: str, media: Path):
        self.port = free_port(range(8201, 8210))
        self.base = f"http://127.0.0.1:{self.port}"
        self.log = media.parent / "gunicorn.log"
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "tests.scale_out_settings",
            "DATABASE_URL": database_url,
            "REDIS_URL": redis_url,
            "DJANGO_CACHE_PREFIX": "lsunion-outage",
            "DJANGO_DEBUG": "0",
            "DJANGO_SECRET_KEY": "outage-test-secret-0123456789-abcdefghijklmnopq",
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
            "DJANGO_SECURE": "0",
            "DJANGO_PAGE_CACHE": "1",
            "DJANGO_MEDIA_ROOT": str(media),
        }
        command = [
            sys.executable, "-m", "gunicorn", "lsunion.wsgi:application", "--workers", "2",
            "--threads", "2", "--bind", f"127.0.0.1:{self.port}", "--no-control-socket",
            "--error-logfile", str(self.log), "--capture-output",
        ]  # fmt: skip
        self.process = subprocess.Popen(command, cwd=ROOT, env=env)

    def health(self) -> tuple[int, str]:
        try:
            with urllib.request.urlopen(f"{self.base}/suc-khoe/", timeout=5) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()

    def wait_until_healthy(self) -> None:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            assert self.process.poll() is None, self.log.read_text()
            try:
                if self.health()[0] == 200:
                    return
            except OSError:
                time.sleep(0.2)
        pytest.fail(f"gunicorn never became healthy:\n{self.log.read_text()}")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


@pytest.fixture
def site(tmp_path, django_user_model):
    django_user_model.objects.create_superuser("bientap", "bientap@example.vn", PASSWORD)
    category = CategoryFactory(name="Chính sách – Pháp luật", on_home=True, in_menu=True)
    articles = [ArticleFactory(category=category) for _ in range(3)]
    private_redis = PrivateRedis()
    private_redis.start()
    media = tmp_path / "media"
    media.mkdir()
    server = Gunicorn(
        database_url=shared_database_url(tmp_path), redis_url=private_redis.url, media=media
    )
    try:
        server.wait_until_healthy()
        yield (
            server,
            private_redis,
            [category.get_absolute_url()] + [a.get_absolute_url() for a in articles],
        )
    finally:
        server.stop()
        if private_redis.process.poll() is None:
            private_redis.kill()


def load(base: str, paths: list[str], stop: threading.Event, results: Counter, editor: Browser):
    reader = Browser()
    while not stop.is_set():
        for path in ["/", *paths, "/to-chuc/", "/khen-thuong/"]:
            status, _page = reader.get(base + path)
            results[status] += 1
        status, _page = editor.get(base + "/quan-tri/news/article/")
        results["editor", status] += 1


def test_killing_redis_under_load_costs_no_server_error_and_nobody_is_logged_out(site):
    server, private_redis, paths = site
    editor = Browser()
    editor.log_in(server.base, "bientap")

    phases = {}
    stop = threading.Event()
    for name, action, seconds in [
        ("before", None, 3),
        ("down", private_redis.kill, 6),
        ("after", private_redis.start, 4),
    ]:
        if action:
            action()
        results = phases[name] = Counter()
        workers = [
            threading.Thread(target=load, args=(server.base, paths, stop, results, editor))
            for _ in range(3)
        ]
        for worker in workers:
            worker.start()
        time.sleep(seconds / 2)
        phases[name, "health"] = server.health()
        time.sleep(seconds / 2)
        stop.set()
        for worker in workers:
            worker.join(30)
        stop.clear()
    for name in ("before", "down", "after"):
        results = phases[name]
        assert not [s for s in results if isinstance(s, int) and s >= 500], (name, results)
        assert results[200] > 20, (name, results)  # the load really ran
        assert set(results) <= {200, ("editor", 200)}, (name, results)  # never the login page

    assert phases["before", "health"][0] == 200 and '"ok"' in phases["before", "health"][1]
    status, body = phases["down", "health"]
    assert status == 200 and '"status": "degraded"' in body
    status, body = server.health()
    assert status == 200 and '"status": "ok"' in body  # recovery is automatic

    log = server.log.read_text()
    assert 1 <= log.count("Redis unavailable") <= 2, log  # once per worker, not per request
    assert "Traceback" not in log, log
