"""Two editors save the same record: the second is told what changed and loses nothing typed;
saving at the same moment never loses an update either."""

import re
import threading

import pytest
from django.db import connection, connections
from django.test import Client

from news.models import Article
from organizations.models import UnionBody
from tests.factories import ArticleFactory, UnionBodyFactory

ADMIN = "/quan-tri"
PASSWORD = "mat-khau-rat-dai-123"


def editor(django_user_model, name: str) -> Client:
    user = django_user_model.objects.create_superuser(name, f"{name}@example.vn", PASSWORD)
    client = Client(raise_request_exception=False)
    client.force_login(user)
    client.user = user
    return client


def opened_token(client: Client, url: str) -> str:
    """Open the change form as a browser would and read its hidden version token."""
    page = client.get(url).content.decode()
    found = re.search(r'name="version_token" value="(\d*)"', page)
    assert found, "the change form carries no version token"
    return found.group(1)


def article_form(article: Article, token: str, **changes) -> dict:
    data = {
        "title": article.title, "slug": article.slug, "summary": article.summary,
        "body": article.body, "byline": article.byline, "category": article.category_id,
        "source_body": article.source_body_id or "", "workflow": "save",
        "published_at_0": "", "published_at_1": "",
        "photos-TOTAL_FORMS": 0, "photos-INITIAL_FORMS": 0, "version_token": token,
    }  # fmt: skip
    data.update(changes)
    return data


@pytest.mark.django_db
def test_the_second_editor_is_told_what_changed_and_keeps_what_they_typed(django_user_model):
    article = ArticleFactory(title="Hội nghị sơ kết 6 tháng", summary="Sapo ban đầu.")
    url = f"{ADMIN}/news/article/{article.pk}/change/"
    lan, minh = editor(django_user_model, "bientap.lan"), editor(django_user_model, "bientap.minh")
    lan_token, minh_token = opened_token(lan, url), opened_token(minh, url)

    saved = lan.post(url, article_form(article, lan_token, title="Hội nghị sơ kết 6 tháng đầu năm"))
    assert saved.status_code == 302

    typed = "Sapo do Minh viết lại, rất dài, không được mất."
    refused = minh.post(url, article_form(article, minh_token, summary=typed))
    assert refused.status_code == 200
    page = refused.content.decode()
    assert "Trong lúc bạn sửa, bientap.lan đã lưu" in page
    assert "CHƯA được lưu" in page
    assert "Tiêu đề: “Hội nghị sơ kết 6 tháng” → “Hội nghị sơ kết 6 tháng đầu năm”" in page
    assert typed in page  # the text Minh typed is still in the form
    article.refresh_from_db()
    assert article.title == "Hội nghị sơ kết 6 tháng đầu năm"
    assert article.summary == "Sapo ban đầu."

    # The form came back with the new token: saving again is Minh's deliberate choice.
    new_token = re.search(r'name="version_token" value="(\d*)"', page).group(1)
    assert new_token != minh_token
    again = minh.post(url, article_form(article, new_token, title=article.title, summary=typed))
    assert again.status_code == 302
    article.refresh_from_db()
    assert (article.title, article.summary) == ("Hội nghị sơ kết 6 tháng đầu năm", typed)


@pytest.mark.django_db
def test_a_union_body_form_is_guarded_too(django_user_model):
    body = UnionBodyFactory(name="Công đoàn Trường THPT Văn Quan")
    url = f"{ADMIN}/organizations/unionbody/{body.pk}/change/"
    lan = editor(django_user_model, "bientap.lan")
    token = opened_token(lan, url)
    UnionBody.objects.get(pk=body.pk).save()  # someone else (here: a program) saves meanwhile
    assert opened_token(lan, url) != token  # a fresh form carries the newer token
    refused = lan.post(url, {"name": "Tên mới", "version_token": token})
    assert refused.status_code == 200
    assert "Trong lúc bạn sửa, chương trình đã lưu" in refused.content.decode()
    assert UnionBody.objects.get(pk=body.pk).name == "Công đoàn Trường THPT Văn Quan"


@pytest.mark.django_db(transaction=True)
def test_two_saves_at_the_same_moment_never_lose_an_update(django_user_model):
    article = ArticleFactory(title="Tin gốc", summary="Sapo gốc.")
    url = f"{ADMIN}/news/article/{article.pk}/change/"
    clients = [editor(django_user_model, f"bientap.{n}") for n in ("lan", "minh")]
    tokens = [opened_token(c, url) for c in clients]
    changes = [{"title": "Tiêu đề của Lan"}, {"summary": "Sapo của Minh."}]
    start = threading.Barrier(2)
    statuses: dict[int, int] = {}

    def save(index: int) -> None:
        try:
            start.wait()
            response = clients[index].post(
                url, article_form(article, tokens[index], **changes[index])
            )
            statuses[index] = response.status_code
        finally:
            connections.close_all()

    threads = [threading.Thread(target=save, args=(i,)) for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    saved = [i for i, status in statuses.items() if status == 302]
    assert len(saved) <= 1  # both opened the same version: never both saved
    if connection.vendor == "postgresql":
        # The row lock makes the second wait, then see the new version and be told. (The
        # in-memory SQLite of a local run may refuse a writer outright instead.)
        assert sorted(statuses.values()) == [200, 302]
    article.refresh_from_db()
    after = {"title": article.title, "summary": article.summary}
    expected = {"title": "Tin gốc", "summary": "Sapo gốc."}
    for index in saved:
        expected.update(changes[index])
    assert after == expected  # what was saved is there, nothing silently reverted
