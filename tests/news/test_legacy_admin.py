"""The admin's "Nhập bài từ cổng cũ" page: upload, read the dry-run report, confirm."""

import io
import re
import zipfile
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from pytest_django.asserts import assertContains

from news import legacy_admin, legacy_batch
from news.models import Article
from organizations.models import StaffScope
from tests.factories import CategoryFactory, UnionBodyFactory
from tests.news.exports import LEAD, PARAGRAPH, SLOGAN, TITLE, article, export

pytestmark = pytest.mark.django_db

IMPORT_URL = reverse("admin:news_article_import_legacy")
CHANGELIST_URL = reverse("admin:news_article_changelist")
OTHER_TITLE = "Công đoàn ngành Giáo dục tổng kết năm học 2019 - 2020"


def upload(name: str, data: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="application/octet-stream")


def zipped(members: dict[str, bytes | None]) -> bytes:
    """A zip holding the given members; None makes a directory entry."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            if data is None:
                archive.writestr(zipfile.ZipInfo(name), b"")
            else:
                archive.writestr(name, data)
    return out.getvalue()


def kept_uploads() -> list[Path]:
    folder = Path(settings.MEDIA_ROOT) / legacy_admin.UPLOAD_DIR
    return list(folder.iterdir()) if folder.exists() else []


def preview(client, data: bytes, name="bai.txt", **options):
    response = client.post(IMPORT_URL, {"upload": upload(name, data), **options})
    assert response.status_code == 200, response.content.decode()[:3000]
    return response


def confirm(client, response):
    return client.post(IMPORT_URL, {"confirm": "1", "token": response.context["token"]})


@pytest.fixture(autouse=True)
def own_media_root(settings, tmp_path):
    """Uploads kept between the two steps land in this test's own media folder."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def editor(client, django_user_model):
    """The federation's chief editor: imports may publish and name any union body."""
    user = django_user_model.objects.create_user("bientap2", password="mat-khau-rat-dai-123")
    user.is_staff = True
    user.save()
    user.groups.add(Group.objects.get(name="Tổng biên tập"))
    client.force_login(user)
    return client


def test_the_article_list_links_to_the_import_page(editor):
    page = editor.get(CHANGELIST_URL).content.decode()
    assert f'href="{IMPORT_URL}"' in page
    assert "Nhập bài từ cổng cũ" in page
    assert editor.get(IMPORT_URL).status_code == 200


def test_staff_who_may_not_add_articles_are_refused(client, django_user_model):
    reader = django_user_model.objects.create_user("xem", password="mat-khau-rat-dai-123")
    reader.is_staff = True
    reader.save()
    reader.user_permissions.add(Permission.objects.get(codename="view_article"))
    client.force_login(reader)
    assert f'href="{IMPORT_URL}"' not in client.get(CHANGELIST_URL).content.decode()
    assert client.get(IMPORT_URL).status_code == 403
    assert (
        client.post(IMPORT_URL, {"upload": upload("bai.txt", article().encode())}).status_code
        == 403
    )
    assert Article.objects.count() == 0


def test_anonymous_visitors_are_sent_to_log_in(client):
    response = client.get(IMPORT_URL)
    assert response.status_code == 302
    assert "/login/" in response["Location"]


def rows_written() -> dict[str, int]:
    """How many rows every table of the project holds (articles, photos, versions, history…)."""
    return {model._meta.label: model._default_manager.count() for model in apps.get_models()}


def test_uploading_an_export_shows_the_dry_run_report_and_writes_nothing(editor):
    before = rows_written()
    response = preview(editor, article().encode())
    assert rows_written() == before
    assert response.context["report"].dry_run
    assertContains(
        response,
        f"""<tr class="legacy-created"><td>bai.txt</td><td>Sẽ tạo mới</td><td>{TITLE}</td>
        <td>14/07/2020 17:03</td><td>Hoạt động công đoàn</td><td></td></tr>""",
        html=True,
    )
    counts = re.search(
        r'<ul class="legacy-import-counts">.*?</ul>', response.content.decode(), re.S
    )
    assert re.sub(r"<[^>]+>|\s+", "", counts.group(0)) == (
        "Sẽtạomới:1Sẽcậpnhật:0Khôngđổi:0Sẽbỏqua:0"
    )
    assertContains(response, '<input type="submit" class="default" name="confirm" '
                             'value="Xác nhận nhập 1 bài">', html=True)  # fmt: skip
    assert len(kept_uploads()) == 1


def test_a_dry_run_of_a_changed_export_says_update_and_leaves_the_article_as_it_was(editor):
    confirm(editor, preview(editor, article().encode()))
    imported = Article.objects.get()
    before, body = rows_written(), imported.body
    changed = article(body=(LEAD, PARAGRAPH, "Hội nghị cũng biểu dương 11 tập thể, 17 cá nhân."))
    response = preview(editor, changed.encode(), name="bai-sua.txt")
    assertContains(
        response,
        f"""<tr class="legacy-updated"><td>bai-sua.txt</td><td>Sẽ cập nhật</td><td>{TITLE}</td>
        <td>14/07/2020 17:03</td><td>Hoạt động công đoàn</td><td></td></tr>""",
        html=True,
    )
    assert rows_written() == before
    imported.refresh_from_db()
    assert imported.body == body


def test_confirming_imports_the_articles_and_forgets_the_upload(editor):
    response = preview(editor, article().encode())
    result = confirm(editor, response)
    page = result.content.decode()
    imported = Article.objects.get()
    assert imported.title == TITLE
    assert imported.status == Article.Status.DRAFT
    assert imported.created_by.username == "bientap2"
    assert "Kết quả nhập bài" in page and "Tạo mới" in page
    assert reverse("admin:news_article_change", args=[imported.pk]) in page
    assert kept_uploads() == []
    assert legacy_admin.SESSION_KEY not in editor.session


def test_a_confirmation_cannot_be_replayed_or_forged(editor):
    response = preview(editor, article().encode())
    forged = editor.post(IMPORT_URL, {"confirm": "1", "token": "A" * 43})
    assert forged.status_code == 302 and Article.objects.count() == 0
    assert kept_uploads() == []  # a wrong token ends the pending import

    response = preview(editor, article().encode())
    confirm(editor, response)
    replayed = confirm(editor, response)
    assert replayed.status_code == 302
    assert Article.objects.count() == 1


def test_a_path_in_the_confirmation_is_never_read(editor, tmp_path):
    secret = tmp_path / "bi-mat.txt"
    secret.write_text(article(head=(SLOGAN, "14/07/2020", OTHER_TITLE)))
    preview(editor, article().encode())
    response = editor.post(IMPORT_URL, {"confirm": "1", "token": f"../../../../{secret}"})
    assert response.status_code == 302
    assert not Article.objects.filter(title=OTHER_TITLE).exists()


def test_cancelling_forgets_the_upload(editor):
    preview(editor, article().encode())
    response = editor.post(IMPORT_URL, {"cancel": "1"})
    assert response.status_code == 302 and response["Location"] == CHANGELIST_URL
    assert kept_uploads() == [] and Article.objects.count() == 0


def test_a_zip_of_exports_is_read_member_by_member_and_never_extracted(editor):
    data = zipped(
        {
            "bai/": None,
            "bai/1.txt": article().encode(),
            "../../ngoai-thu-muc.txt": article(head=(SLOGAN, "15/07/2020", OTHER_TITLE)).encode(),
            "bai/anh.jpg": b"\xff\xd8\xff\xe0",
            "__MACOSX/bai/._1.txt": b"\x00\x05\x16\x07",
            "bai/danh-sach.txt": export("Danh sách", "Nguyễn Văn An", "Lê Bình").encode(),
        }
    )
    response = preview(editor, data, name="luu-tru.zip")
    page = response.content.decode()
    assert "Xác nhận nhập 2 bài" in page
    assert "bai/danh-sach.txt" in page and "Sẽ bỏ qua" in page
    assert "Không xét 2 tệp không phải .txt trong tệp nén." in page

    confirm(editor, response)
    assert set(Article.objects.values_list("title", flat=True)) == {TITLE, OTHER_TITLE}
    media = Path(settings.MEDIA_ROOT)
    assert not list(media.parent.rglob("ngoai-thu-muc.txt"))


def test_a_zip_with_too_many_members_is_refused(editor, monkeypatch):
    monkeypatch.setattr(legacy_batch, "MAX_ZIP_MEMBERS", 3)
    data = zipped({f"{n}.txt": article().encode() for n in range(4)})
    page = preview(editor, data, name="nhieu.zip").content.decode()
    assert "Tệp nén có quá nhiều tệp (tối đa 3)." in page
    assert Article.objects.count() == 0 and kept_uploads() == []


def test_a_zip_too_big_once_unpacked_is_refused(editor, monkeypatch):
    monkeypatch.setattr(legacy_batch, "MAX_ZIP_TOTAL_BYTES", 10_000)
    data = zipped({"1.txt": article().encode() + b" " * 20_000})
    assert len(data) < 10_000
    page = preview(editor, data, name="bom.zip").content.decode()
    assert "Tệp nén quá lớn khi giải nén" in page
    assert Article.objects.count() == 0 and kept_uploads() == []


def test_a_member_larger_than_an_article_is_skipped(editor, monkeypatch):
    monkeypatch.setattr(legacy_batch, "MAX_FILE_BYTES", 2_000)
    data = zipped({"lon.txt": article().encode() + b" " * 5_000, "nho.txt": article().encode()})
    page = preview(editor, data, name="goi.zip").content.decode()
    assert "Tệp quá lớn để là một tin bài." in page
    assert "Xác nhận nhập 1 bài" in page


def test_a_damaged_member_is_skipped_and_the_others_go_on(editor):
    good, damaged = article().encode(), article(head=(SLOGAN, "15/07/2020", OTHER_TITLE)).encode()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("1.txt", good)
        archive.writestr("2.txt", damaged)
    data = out.getvalue().replace("Giáo dục".encode(), "GIáo dục".encode())
    page = preview(editor, data, name="goi.zip").content.decode()
    assert "Không đọc được tệp" in page
    confirm(editor, preview(editor, data, name="goi.zip"))
    assert list(Article.objects.values_list("title", flat=True)) == [TITLE]


def test_a_damaged_zip_or_another_kind_of_file_is_refused(editor):
    page = preview(editor, b"PK\x03\x04 hong", name="hong.zip").content.decode()
    assert "Tệp nén bị hỏng" in page
    page = preview(editor, b"%PDF-1.7", name="bai.pdf").content.decode()
    assert "Hãy chọn tệp .txt hoặc .zip." in page
    assert Article.objects.count() == 0


def test_publish_and_default_category_options_are_applied(editor):
    women = CategoryFactory(name="Nữ công")
    response = preview(editor, article().encode(), publish="1", category=str(women.pk))
    assert "Sau khi nhập: xuất bản" in response.content.decode()
    confirm(editor, response)
    imported = Article.objects.published().get()
    assert imported.category == women


def test_the_import_form_is_csrf_protected(django_user_model):
    user = django_user_model.objects.create_superuser("quantri", "qt@example.vn", "mat-khau-123")
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    response = client.post(IMPORT_URL, {"upload": upload("bai.txt", article().encode())})
    assert response.status_code == 403
    assert kept_uploads() == []


def test_a_reporter_or_district_editor_cannot_import(client, django_user_model):
    """Imports may publish and name any body, so only chief editors and administrators import."""
    body = UnionBodyFactory(name="Liên đoàn Lao động huyện Văn Quan")
    for role in ("Phóng viên", "Biên tập viên"):
        user = django_user_model.objects.create_user(f"u-{len(role)}", is_staff=True)
        user.groups.add(Group.objects.get(name=role))
        StaffScope.objects.create(user=user).bodies.add(body)
        client.force_login(user)
        assert client.get(IMPORT_URL).status_code == 403, role
        assert f'href="{IMPORT_URL}"' not in client.get(CHANGELIST_URL).content.decode()
        response = client.post(
            IMPORT_URL, {"upload": SimpleUploadedFile("a.txt", article().encode())}
        )
        assert response.status_code == 403
    assert not Article.objects.exists()
