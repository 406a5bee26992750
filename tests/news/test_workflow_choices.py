"""The "Thao tác khi lưu" choices: one order on every article form, the safe choice first and
chosen, and a save without a choice never publishes or sends an article to review."""

import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.utils import timezone

from news import services
from news.models import Article, ArticleEvent
from organizations.models import StaffScope
from organizations.permissions import Role
from tests.factories import ArticleFactory, CategoryFactory, UnionBodyFactory

pytestmark = pytest.mark.django_db
ADMIN = "/quan-tri"
ORDER = ["save", "submit", "schedule", "publish", "return", "unpublish"]
WRITERS = [Role.REPORTER, Role.EDITOR, Role.CHIEF_EDITOR, Role.ADMINISTRATOR]


@pytest.fixture
def body():
    province = UnionBodyFactory(name="Liên đoàn Lao động tỉnh Lạng Sơn", kind="provincial")
    return UnionBodyFactory(name="Công đoàn ngành Giáo dục", kind="sector", parent=province)


def login(django_user_model, role: str, body) -> Client:
    user = django_user_model.objects.create_user(f"u{role[:4]}", is_staff=True)
    user.groups.add(Group.objects.get(name=role))
    StaffScope.objects.create(user=user).bodies.set([body])
    client = Client()
    client.force_login(user)
    client.user = user
    return client


def choices(page: str) -> list[tuple[str, str, bool]]:
    """The workflow radios in page order: (value, label, checked)."""
    found = re.findall(
        r'<label[^>]*><input type="radio" name="workflow" value="([^"]+)"([^>]*)>\s*(.*?)</label>',
        page,
        re.S,
    )
    assert found, "no workflow choices on the form"
    return [(value, label.strip(), "checked" in attrs) for value, attrs, label in found]


def post_data(article: Article | None, body, **changes) -> dict:
    """The article form as the admin posts it, with no workflow choice unless one is given."""
    data = {
        "title": article.title if article else "Hội thi giáo viên dạy giỏi cấp tỉnh",
        "slug": article.slug if article else "",
        "summary": "", "body": "<p>Nội dung.</p>", "byline": "",
        "category": article.category_id if article else CategoryFactory().pk,
        "source_body": body.pk, "published_at_0": "", "published_at_1": "",
        "photos-TOTAL_FORMS": 0, "photos-INITIAL_FORMS": 0,
    }  # fmt: skip
    data.update(changes)
    return data


@pytest.mark.parametrize("role", WRITERS)
def test_the_add_and_change_forms_offer_the_same_choices_in_one_order_safe_first(
    django_user_model, body, role
):
    client = login(django_user_model, role, body)
    draft = ArticleFactory(draft=True, source_body=body, created_by=client.user)
    add = choices(client.get(f"{ADMIN}/news/article/add/").content.decode())
    change = choices(client.get(f"{ADMIN}/news/article/{draft.pk}/change/").content.decode())

    assert add == change
    values = [value for value, _, _ in add]
    may_publish = role != Role.REPORTER
    expected = ["save", "submit", "schedule", "publish"] if may_publish else ["save", "submit"]
    assert values == expected
    assert add[0] == ("save", "Lưu nháp (chưa gửi duyệt, chưa xuất bản)", True)
    assert [checked for _, _, checked in add].count(True) == 1
    labels = [label for _, label, _ in add]
    if may_publish:
        assert labels[2:] == [
            "Duyệt và lên lịch xuất bản vào thời điểm xuất bản đã chọn",
            "Duyệt và xuất bản ngay",
        ]


@pytest.mark.parametrize("status", ["review", "published"])
def test_every_state_keeps_the_one_order_with_the_safe_choice_first_and_chosen(
    django_user_model, body, status
):
    editor = login(django_user_model, Role.EDITOR, body)
    article = ArticleFactory(source_body=body, status=status)
    offered = choices(editor.get(f"{ADMIN}/news/article/{article.pk}/change/").content.decode())
    values = [value for value, _, _ in offered]
    assert values == sorted(values, key=ORDER.index)
    assert offered[0][0] == "save" and offered[0][2]
    assert values == (
        ["save", "schedule", "publish", "return"] if status == "review" else ["save", "unpublish"]
    )


@pytest.mark.parametrize("role", WRITERS)
def test_saving_without_choosing_never_publishes_or_sends_to_review(django_user_model, body, role):
    client = login(django_user_model, role, body)
    added = client.post(f"{ADMIN}/news/article/add/", post_data(None, body))
    assert added.status_code == 302, added.context["adminform"].form.errors
    article = Article.objects.get()
    assert article.status == Article.Status.DRAFT
    url = f"{ADMIN}/news/article/{article.pk}/change/"
    changed = client.post(url, post_data(article, body, summary="Sapo thêm sau."))
    assert changed.status_code == 302
    article.refresh_from_db()
    assert article.summary == "Sapo thêm sau." and article.status == Article.Status.DRAFT
    assert not ArticleEvent.objects.exists()

    if role != Role.REPORTER:  # a submitted article stays waiting; a live one stays live
        services.submit(article=article, by=client.user)
        client.post(url, post_data(article, body))
        article.refresh_from_db()
        assert article.status == Article.Status.REVIEW


def test_scheduling_needs_a_future_time_and_publishing_now_brings_a_future_time_forward(
    django_user_model, body
):
    editor = login(django_user_model, Role.EDITOR, body)
    draft = ArticleFactory(draft=True, source_body=body)
    url = f"{ADMIN}/news/article/{draft.pk}/change/"
    refused = editor.post(url, post_data(draft, body, workflow="schedule"))
    assert "Để lên lịch, hãy chọn thời điểm xuất bản" in refused.content.decode()
    draft.refresh_from_db()
    assert draft.status == Article.Status.DRAFT

    later = timezone.localtime() + timedelta(days=2)
    when = {"published_at_0": later.strftime("%d/%m/%Y"), "published_at_1": "07:30:00"}
    assert editor.post(url, post_data(draft, body, workflow="schedule", **when)).status_code == 302
    draft.refresh_from_db()
    assert draft.status == Article.Status.PUBLISHED and draft.published_at > timezone.now()
    assert not Article.objects.published().filter(pk=draft.pk).exists()
    assert draft.events.first().action == ArticleEvent.Action.SCHEDULED

    other = ArticleFactory(draft=True, source_body=body)
    url = f"{ADMIN}/news/article/{other.pk}/change/"
    assert editor.post(url, post_data(other, body, workflow="publish", **when)).status_code == 302
    assert Article.objects.published().filter(pk=other.pk).exists()
