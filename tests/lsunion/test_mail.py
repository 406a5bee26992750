"""Mail never fails a request: it is kept as a thư gửi đi, sent by a task, retried, and shown to
the chief editor, who can send it again at once."""

import logging
import re
from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.contrib.messages import get_messages
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from django_tasks_db.management.commands import db_worker
from django_tasks_db.models import DBTaskResult

from lsunion.models import OutgoingMail
from news.models import Article
from organizations.models import StaffScope
from organizations.permissions import Role
from tests.factories import ArticleFactory, CategoryFactory, UnionBodyFactory
from tests.smtp_sink import nothing_listens, smtp_sink

pytestmark = pytest.mark.django_db
ADMIN = "/quan-tri"
SMTP_PORT = 8418  # inside this worktree's port range; nothing listens until a test starts the sink
TITLE = "Hội thi nữ công ngành Giáo dục năm 2026"


@pytest.fixture
def smtp_settings(settings):
    """The real SMTP backend, pointed at a port where no mail server answers (yet)."""
    assert nothing_listens(SMTP_PORT)
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": SMTP_PORT, "timeout": 5},
        }
    }
    return settings


@pytest.fixture
def database_tasks(settings, monkeypatch):
    """Tasks stored in the database, as in production; the test runs the worker itself.

    The worker drops "old" database connections between tasks; here the connection holds the
    test's own transaction, so that housekeeping (and only it) is switched off.
    """
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)


def run_worker(capture):
    with capture(execute=True):
        call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)


def staff(django_user_model, name, role, *bodies, email=""):
    user = django_user_model.objects.create_user(name, email=email, is_staff=True)
    user.groups.add(Group.objects.get(name=role))
    StaffScope.objects.create(user=user).bodies.set(bodies)
    client = Client()
    client.force_login(user)
    client.user = user
    return client


@pytest.fixture
def newsroom(django_user_model):
    body = UnionBodyFactory(name="Công đoàn ngành Giáo dục", kind="sector")
    reporter = staff(django_user_model, "phongvien.gd", Role.REPORTER, body)
    editor = staff(django_user_model, "bientap.gd", Role.EDITOR, body, email="bientap@ldld.vn")
    chief = staff(django_user_model, "tongbientap", Role.CHIEF_EDITOR, email="tbt@ldld.vn")
    draft = ArticleFactory(
        title=TITLE, source_body=body, draft=True, created_by=reporter.user,
        category=CategoryFactory(),
    )  # fmt: skip
    return {"reporter": reporter, "editor": editor, "chief": chief, "draft": draft}


def submit_through_the_form(client: Client, article: Article, capture):
    data = {
        "title": article.title, "slug": article.slug, "summary": article.summary,
        "body": article.body, "byline": article.byline, "category": article.category_id,
        "source_body": article.source_body_id, "workflow": "submit",
        "published_at_0": "", "published_at_1": "",
        "photos-TOTAL_FORMS": 0, "photos-INITIAL_FORMS": 0,
    }  # fmt: skip
    with capture(execute=True):
        response = client.post(f"{ADMIN}/news/article/{article.pk}/change/", data)
    return response


def success_messages(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request) if m.level_tag == "success"]


def mail_list(client: Client) -> str:
    response = client.get(f"{ADMIN}/lsunion/outgoingmail/")
    assert response.status_code == 200
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


def test_submitting_for_review_succeeds_when_the_mail_server_is_unreachable(
    smtp_settings, newsroom, django_capture_on_commit_callbacks, caplog
):
    # The immediate task backend sends inside the request's commit: the worst case.
    caplog.set_level(logging.WARNING, logger="lsunion.mail")
    response = submit_through_the_form(
        newsroom["reporter"], newsroom["draft"], django_capture_on_commit_callbacks
    )
    assert response.status_code == 302
    assert success_messages(response), "the reporter is not told the article was submitted"

    newsroom["draft"].refresh_from_db()
    assert newsroom["draft"].status == Article.Status.REVIEW
    queued = OutgoingMail.objects.get()
    assert queued.status == OutgoingMail.Status.FAILED
    assert queued.recipient_list == ["bientap@ldld.vn", "tbt@ldld.vn"]
    assert queued.attempts == 1 and "Connection refused" in queued.last_error
    assert len([r for r in caplog.records if r.name == "lsunion.mail"]) == 1

    page = mail_list(newsroom["chief"])
    assert f"Bài chờ duyệt: {TITLE}" in page
    assert "gửi lỗi" in page and "Connection refused" in page


def test_a_failed_mail_is_retried_by_the_worker_once_the_server_is_back(
    smtp_settings, database_tasks, newsroom, django_capture_on_commit_callbacks, caplog
):
    caplog.set_level(logging.WARNING, logger="lsunion.mail")
    response = submit_through_the_form(
        newsroom["reporter"], newsroom["draft"], django_capture_on_commit_callbacks
    )
    assert response.status_code == 302 and success_messages(response)
    queued = OutgoingMail.objects.get()
    assert queued.status == OutgoingMail.Status.QUEUED and queued.attempts == 0
    assert (
        DBTaskResult.objects.ready().count() == 1
    )  # handed to the worker, not sent in the request

    run_worker(django_capture_on_commit_callbacks)  # the mail server is still down
    queued.refresh_from_db()
    assert queued.status == OutgoingMail.Status.FAILED and queued.attempts == 1
    assert queued.next_attempt_at > timezone.now()
    assert DBTaskResult.objects.ready().count() == 0  # the retry waits for its time

    with smtp_sink(SMTP_PORT) as received, time_machine.travel(timedelta(minutes=2)):
        run_worker(django_capture_on_commit_callbacks)
    queued.refresh_from_db()
    assert queued.status == OutgoingMail.Status.SENT and queued.attempts == 2
    assert queued.next_attempt_at is None and queued.sent_at is not None
    [(_sender, recipients, message)] = received
    assert recipients == ["bientap@ldld.vn", "tbt@ldld.vn"]
    assert message["Subject"] == f"Bài chờ duyệt: {TITLE}"
    assert TITLE in message.get_content()
    assert len([r for r in caplog.records if r.name == "lsunion.mail"]) == 1  # logged once


def test_retries_stop_after_the_last_pause_and_wait_for_a_person(
    smtp_settings, database_tasks, newsroom, django_capture_on_commit_callbacks
):
    submit_through_the_form(
        newsroom["reporter"], newsroom["draft"], django_capture_on_commit_callbacks
    )
    queued = OutgoingMail.objects.get()
    with time_machine.travel(timezone.now(), tick=True) as traveller:
        for _ in range(10):
            run_worker(django_capture_on_commit_callbacks)
            traveller.shift(timedelta(hours=7))
    queued.refresh_from_db()
    assert queued.status == OutgoingMail.Status.FAILED
    assert queued.attempts == 6 and queued.next_attempt_at is None
    assert "đã hết số lần tự thử lại" in OutgoingMail._meta.get_field("next_attempt_at").help_text


def test_the_chief_editor_sends_a_failed_mail_again_at_once(
    smtp_settings, newsroom, django_capture_on_commit_callbacks
):
    submit_through_the_form(
        newsroom["reporter"], newsroom["draft"], django_capture_on_commit_callbacks
    )
    queued = OutgoingMail.objects.get()
    chief = newsroom["chief"]
    url = f"{ADMIN}/lsunion/outgoingmail/"
    action = {"action": "send_now", "_selected_action": [queued.pk]}

    page = chief.post(url, action, follow=True).content.decode()
    assert "1 thư vẫn chưa gửi được" in page  # still down: told why, nothing breaks
    with smtp_sink(SMTP_PORT) as received:
        page = chief.post(url, action, follow=True).content.decode()
    assert "Đã gửi 1 thư." in page
    queued.refresh_from_db()
    assert queued.status == OutgoingMail.Status.SENT and len(received) == 1
    assert "Gửi lại ngay các thư đã chọn" in chief.get(url).content.decode()


def test_only_the_chief_editor_and_administrator_see_the_mail_list(newsroom):
    url = f"{ADMIN}/lsunion/outgoingmail/"
    assert newsroom["reporter"].get(url).status_code == 403
    assert newsroom["editor"].get(url).status_code == 403
    assert newsroom["chief"].get(url).status_code == 200
    index = newsroom["chief"].get(f"{ADMIN}/").content.decode()
    assert "Thư gửi đi" in index
    assert "django_tasks_db" not in index and "Task result" not in index
    assert newsroom["chief"].get(f"{ADMIN}/django_tasks_db/dbtaskresult/").status_code == 404


def test_returning_an_article_queues_the_mail_to_its_author(
    smtp_settings, django_user_model, newsroom, django_capture_on_commit_callbacks
):
    author = newsroom["draft"].created_by
    author.email = "phongvien@ldld.vn"
    author.save()
    submit_through_the_form(
        newsroom["reporter"], newsroom["draft"], django_capture_on_commit_callbacks
    )
    article = newsroom["draft"]
    article.refresh_from_db()
    data = {
        "title": article.title, "slug": article.slug, "summary": article.summary,
        "body": article.body, "byline": article.byline, "category": article.category_id,
        "source_body": article.source_body_id, "workflow": "return",
        "review_comment": "Cần bổ sung ảnh.", "published_at_0": "", "published_at_1": "",
        "photos-TOTAL_FORMS": 0, "photos-INITIAL_FORMS": 0,
    }  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        response = newsroom["editor"].post(f"{ADMIN}/news/article/{article.pk}/change/", data)
    assert response.status_code == 302
    returned = OutgoingMail.objects.get(recipients="phongvien@ldld.vn")
    assert returned.status == OutgoingMail.Status.FAILED
    assert returned.subject == f"Bài “{TITLE}” được trả lại"
