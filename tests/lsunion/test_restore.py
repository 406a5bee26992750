"""Nothing is lost by restoring: versions hold the rows a record owns, on every write path,
and a restore deletes nothing, says what it will change first, and is itself undoable."""

import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from reversion.models import Version

from awards.importing import import_recipients
from awards.models import Recipient
from news import legacy_import
from news.models import Article, ArticlePhoto
from organizations.models import Meeting, MeetingAttendee
from tests.awards.spreadsheets import xlsx
from tests.conftest import make_jpeg
from tests.factories import DecisionFactory, MeetingFactory, PersonFactory
from tests.news.exports import LEAD, PARAGRAPH, PHOTO_CAPTION, PHOTO_LABEL, article

pytestmark = pytest.mark.django_db
ADMIN = "/quan-tri"
SECOND_LABEL = "Toàn cảnh hội nghị"
SECOND_CAPTION = "Toàn cảnh Hội nghị sơ kết công tác Công đoàn 6 tháng đầu năm 2020"


def imported_article_with_two_photos() -> Article:
    text = article(body=(LEAD, PHOTO_LABEL, PHOTO_CAPTION, PARAGRAPH, SECOND_LABEL, SECOND_CAPTION))
    outcome = legacy_import.import_bytes(text.encode(), publish=True)
    assert outcome.action == "created", outcome.reason
    return outcome.article


def owned(version: Version, model) -> list[Version]:
    """The rows of `model` that this version of their owner holds."""
    fk = next(f.attname for f in model._meta.concrete_fields if f.related_model is version._model)
    rows = version.revision.version_set.get_for_model(model)
    return [row for row in rows if str(row.field_dict[fk]) == version.object_id]


def article_form(article: Article, **changes) -> dict:
    """The change form as the admin would post it back, photos included."""
    photos = list(article.photos.all())
    data = {
        "title": article.title, "slug": article.slug, "summary": article.summary,
        "body": article.body, "byline": article.byline, "category": article.category_id,
        "source_body": article.source_body_id or "", "workflow": "save",
        "published_at_0": "", "published_at_1": "",
        "photos-TOTAL_FORMS": len(photos), "photos-INITIAL_FORMS": len(photos),
    }  # fmt: skip
    for index, photo in enumerate(photos):
        data.update(
            {
                f"photos-{index}-id": photo.pk,
                f"photos-{index}-article": article.pk,
                f"photos-{index}-alt_text": photo.alt_text,
                f"photos-{index}-caption": photo.caption,
                f"photos-{index}-after_paragraph": photo.after_paragraph or "",
                f"photos-{index}-order": photo.order,
            }
        )
    data.update(changes)
    return data


def history_links(client, url: str) -> list[str]:
    page = client.get(url).content.decode()
    return re.findall(r'href="([^"]+/history/\d+/)"', page)


def test_an_imported_article_keeps_its_photos_in_its_first_version():
    imported = imported_article_with_two_photos()
    first = Version.objects.get_for_object(imported).get()
    assert sorted(v.field_dict["caption"] for v in owned(first, ArticlePhoto)) == sorted(
        [PHOTO_CAPTION, SECOND_CAPTION]
    )
    assert first.revision.get_comment() == "Nhập từ cổng cũ"


def test_restoring_the_first_version_of_an_imported_article_keeps_its_photos(staff_client):
    imported = imported_article_with_two_photos()
    original_title = imported.title
    change = f"{ADMIN}/news/article/{imported.pk}/change/"
    response = staff_client.post(change, article_form(imported, title="Tiêu đề sửa nhầm"))
    assert response.status_code == 302
    assert imported.photos.count() == 2

    links = history_links(staff_client, f"{ADMIN}/news/article/{imported.pk}/history/")
    first_link = links[-1]  # newest first: the last link is the import
    page = staff_client.get(first_link).content.decode()
    assert "Tiêu đề sửa nhầm" in page and original_title in page
    assert PHOTO_CAPTION in page and SECOND_CAPTION in page
    assert "không xoá gì" in page

    count = Version.objects.get_for_object(imported).count()
    response = staff_client.post(first_link)
    assert response.status_code == 302
    imported.refresh_from_db()
    assert imported.title == original_title
    assert imported.photos.count() == 2
    versions = Version.objects.get_for_object(imported)
    assert versions.count() == count + 1
    assert versions.first().revision.user == staff_client.user
    assert len(owned(versions.first(), ArticlePhoto)) == 2


def test_a_restore_puts_back_a_deleted_photo_and_keeps_one_added_later(
    staff_client, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    imported = imported_article_with_two_photos()
    first_version = Version.objects.get_for_object(imported).get()
    doomed = imported.photos.get(caption=SECOND_CAPTION)
    data = article_form(imported)
    index = next(i for i in range(2) if data[f"photos-{i}-id"] == doomed.pk)
    data[f"photos-{index}-DELETE"] = "on"
    data.update(
        {
            "photos-TOTAL_FORMS": 3,
            "photos-2-article": imported.pk,
            "photos-2-alt_text": "Ảnh thêm sau",
            "photos-2-caption": "Ảnh chụp thêm sau khi nhập",
            "photos-2-order": 5,
            "photos-2-image": SimpleUploadedFile("them.jpg", make_jpeg(), "image/jpeg"),
        }
    )
    response = staff_client.post(f"{ADMIN}/news/article/{imported.pk}/change/", data)
    assert response.status_code == 302
    assert set(imported.photos.values_list("caption", flat=True)) == {
        PHOTO_CAPTION,
        "Ảnh chụp thêm sau khi nhập",
    }

    url = f"{ADMIN}/news/article/{imported.pk}/history/{first_version.pk}/"
    page = staff_client.get(url).content.decode()
    assert "tạo lại" in page  # the deleted photo
    assert "giữ nguyên" in page  # the photo added later
    staff_client.post(url)
    assert set(imported.photos.values_list("caption", flat=True)) == {
        PHOTO_CAPTION,
        SECOND_CAPTION,
        "Ảnh chụp thêm sau khi nhập",
    }


def test_restoring_the_restore_undoes_it(staff_client):
    imported = imported_article_with_two_photos()
    staff_client.post(
        f"{ADMIN}/news/article/{imported.pk}/change/", article_form(imported, title="Tin đã sửa")
    )
    first = Version.objects.get_for_object(imported).last()
    staff_client.post(f"{ADMIN}/news/article/{imported.pk}/history/{first.pk}/")
    edited = Version.objects.get_for_object(imported)[1]
    assert edited.field_dict["title"] == "Tin đã sửa"
    staff_client.post(f"{ADMIN}/news/article/{imported.pk}/history/{edited.pk}/")
    imported.refresh_from_db()
    assert imported.title == "Tin đã sửa"
    assert imported.photos.count() == 2


def test_a_meeting_keeps_its_attendees_when_its_first_version_is_restored(staff_client):
    meeting = MeetingFactory(title="Hội nghị sơ kết 6 tháng")
    first = Version.objects.get_for_object(meeting).get()
    for name in ("Hoàng Văn Thụ", "Nông Thị Lan"):
        MeetingAttendee.objects.create(meeting=meeting, person=PersonFactory(full_name=name))
    latest = Version.objects.get_for_object(meeting).first()
    assert len(owned(latest, MeetingAttendee)) == 2  # a row saved by code versions its meeting

    Meeting.objects.filter(pk=meeting.pk).update(title="Tên sai")
    url = f"{ADMIN}/organizations/meeting/{meeting.pk}/history/{first.pk}/"
    page = staff_client.get(url).content.decode()
    assert page.count('class="restore-keep"') == 2
    staff_client.post(url)
    meeting.refresh_from_db()
    assert meeting.title == "Hội nghị sơ kết 6 tháng"
    assert meeting.attendees.count() == 2


def test_an_imported_list_of_recipients_is_one_version_of_its_decision():
    decision = DecisionFactory()
    rows = [
        ["STT", "Họ và tên", "Chức vụ", "Đơn vị", "Loại"],
        ["1", "Vi Thị Mai", "Giáo viên", "Trường Mầm non Hoa Sen", "Cá nhân"],
        ["2", "Hoàng Văn Nam", "Kế toán", "Trường Mầm non Hoa Sen", "Cá nhân"],
    ]
    before = Version.objects.get_for_object(decision).count()
    result = import_recipients(decision=decision, content=xlsx(rows), filename="ds.xlsx")
    assert result.written, result.errors
    versions = Version.objects.get_for_object(decision)
    assert versions.count() == before + 1
    names = {v.field_dict["full_name"] for v in owned(versions.first(), Recipient)}
    assert names == {"Vi Thị Mai", "Hoàng Văn Nam"}
    assert "ds.xlsx" in versions.first().revision.get_comment()


def test_the_demo_articles_are_versioned_with_their_photos():
    call_command("load_demo", stdout=io.StringIO())
    with_photos = Article.objects.filter(photos__isnull=False).distinct()
    assert with_photos.exists()
    for item in with_photos:
        latest = Version.objects.get_for_object(item).first()
        assert len(owned(latest, ArticlePhoto)) == item.photos.count(), item.title


def test_a_service_function_leaves_a_version_by_its_user_that_says_what_happened(
    staff_client,
):
    from news import services

    imported = imported_article_with_two_photos()
    services.unpublish(articles=[imported], by=staff_client.user)
    latest = Version.objects.get_for_object(imported).first()
    assert latest.revision.user == staff_client.user
    assert latest.revision.get_comment() == "Gỡ xuống"
    assert len(owned(latest, ArticlePhoto)) == 2
