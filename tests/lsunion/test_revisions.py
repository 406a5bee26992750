"""Every change is traceable and reversible: versions, comparison, restore, audit list."""

import pytest
from reversion.models import Revision, Version

from tests.factories import ArticleFactory, DecisionFactory, MeetingFactory, UnionBodyFactory

pytestmark = pytest.mark.django_db
ADMIN = "/quan-tri"


def change_form(article, **changes):
    data = {
        "title": article.title, "slug": article.slug, "summary": article.summary,
        "body": article.body, "byline": article.byline, "category": article.category_id,
        "source_body": article.source_body_id or "", "workflow": "save",
        "published_at_0": "", "published_at_1": "",
        "photos-TOTAL_FORMS": 0, "photos-INITIAL_FORMS": 0,
    }  # fmt: skip
    data.update(changes)
    return data


@pytest.mark.parametrize(
    "make",
    [
        lambda: ArticleFactory(),
        lambda: UnionBodyFactory(),
        lambda: MeetingFactory(),
        lambda: DecisionFactory(),
    ],
    ids=["article", "body", "meeting", "decision"],
)
def test_every_save_keeps_a_version_even_outside_the_admin(make):
    obj = make()
    assert Version.objects.get_for_object(obj).count() == 1
    obj.save()
    versions = Version.objects.get_for_object(obj)
    assert versions.count() == 2
    assert versions.first().revision.user is None  # saved by code, not by a person


def test_an_admin_save_records_who_changed_what(staff_client):
    article = ArticleFactory(title="Tin gốc về hội nghị", body="<p>Đoạn đầu.</p>")
    url = f"{ADMIN}/news/article/{article.pk}/change/"
    staff_client.post(url, change_form(article, title="Tin đã sửa về hội nghị"))
    latest = Version.objects.get_for_object(article).first()
    assert latest.revision.user == staff_client.user
    assert latest.field_dict["title"] == "Tin đã sửa về hội nghị"


def test_two_versions_can_be_compared(staff_client):
    article = ArticleFactory(title="Tin gốc", body="<p>Đoạn một.</p><p>Đoạn hai.</p>")
    url = f"{ADMIN}/news/article/{article.pk}/change/"
    staff_client.post(
        url, change_form(article, title="Tin mới", body="<p>Đoạn một.</p><p>Đoạn ba.</p>")
    )
    newer, older = Version.objects.get_for_object(article)[:2]
    history = staff_client.get(f"{ADMIN}/news/article/{article.pk}/history/").content.decode()
    assert "So sánh hai phiên bản đã chọn" in history
    page = staff_client.get(
        f"{ADMIN}/news/article/{article.pk}/lich-su/so-sanh/", {"a": older.pk, "b": newer.pk}
    ).content.decode()
    assert "Tin gốc" in page and "Tin mới" in page
    assert "-Đoạn hai." in page and "+Đoạn ba." in page
    assert "Tiêu đề" in page


def test_the_administrator_has_an_audit_list_of_recent_changes_per_user(staff_client):
    article = ArticleFactory(title="Tin cho nhật ký")
    staff_client.post(
        f"{ADMIN}/news/article/{article.pk}/change/", change_form(article, title="Tin đã sửa")
    )
    page = staff_client.get(
        f"{ADMIN}/reversion/revision/", {"user__id__exact": staff_client.user.pk}
    )
    assert page.status_code == 200
    assert "Tin đã sửa" in page.content.decode()
    assert Revision.objects.filter(user=staff_client.user).exists()
