"""The review loop in plain sight: the article's steps on its change page, the editor's comment
for its author, history entries that say what happened, and each role's desk on the index."""

import re
from datetime import timedelta

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Group
from django.test import Client
from django.utils import timezone
from reversion.models import Version

from news.models import Article, ArticlePhoto
from organizations.models import StaffScope
from organizations.permissions import Role
from tests.factories import ArticleFactory, CategoryFactory, DecisionFactory, UnionBodyFactory

pytestmark = pytest.mark.django_db
ADMIN = "/quan-tri"
COMMENT = "Cần bổ sung số người tham gia và tên đơn vị đạt giải nhất."


@pytest.fixture
def bodies():
    province = UnionBodyFactory(name="Liên đoàn Lao động tỉnh Lạng Sơn", kind="provincial")
    own = UnionBodyFactory(name="Công đoàn ngành Giáo dục", kind="sector", parent=province)
    other = UnionBodyFactory(name="Công đoàn ngành Y tế", kind="sector", parent=province)
    return {"province": province, "own": own, "other": other}


def login(django_user_model, name: str, role: str, *bodies, email: str = "") -> Client:
    user = django_user_model.objects.create_user(name, email=email, is_staff=True)
    user.groups.add(Group.objects.get(name=role))
    StaffScope.objects.create(user=user).bodies.set(bodies)
    client = Client()
    client.force_login(user)
    client.user = user
    return client


def form(article: Article, **changes) -> dict:
    data = {
        "title": article.title, "slug": article.slug, "summary": article.summary,
        "body": article.body, "byline": article.byline, "category": article.category_id,
        "source_body": article.source_body_id or "", "workflow": "save",
        "published_at_0": "", "published_at_1": "",
        "photos-TOTAL_FORMS": 0, "photos-INITIAL_FORMS": 0,
    }  # fmt: skip
    data.update(changes)
    return data


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def index_panel(client: Client, key: str) -> str:
    page = client.get(f"{ADMIN}/").content.decode()
    found = re.search(rf'<section class="desk-panel desk-{key}".*?</section>', page, re.S)
    assert found, f"no “{key}” panel on the desk"
    return text_of(found.group(0))


def submitted_and_returned(django_user_model, bodies):
    reporter = login(django_user_model, "phongvien.gd", Role.REPORTER, bodies["own"])  # no email
    editor = login(django_user_model, "bientap.gd", Role.EDITOR, bodies["own"])
    draft = ArticleFactory(
        title="Hội thi nữ công ngành Giáo dục", source_body=bodies["own"], draft=True,
        created_by=reporter.user, category=CategoryFactory(),
    )  # fmt: skip
    url = f"{ADMIN}/news/article/{draft.pk}/change/"
    assert reporter.post(url, form(draft, workflow="submit")).status_code == 302
    draft.refresh_from_db()
    returned = editor.post(url, form(draft, workflow="return", review_comment=COMMENT))
    assert returned.status_code == 302
    draft.refresh_from_db()
    return reporter, editor, draft, url


def test_a_reporter_without_email_sees_why_the_article_came_back(django_user_model, bodies):
    reporter, _editor, draft, url = submitted_and_returned(django_user_model, bodies)
    assert draft.status == Article.Status.DRAFT
    page = reporter.get(url).content.decode()
    box = re.search(r'<div class="review-returned".*?</div>', page, re.S)
    assert box, "the returned article shows no comment box to its author"
    assert "Bài của bạn được trả lại" in box.group(0)
    assert COMMENT in box.group(0) and "bientap.gd" in box.group(0)


def test_the_change_page_shows_the_whole_review_history(django_user_model, bodies):
    reporter, editor, draft, url = submitted_and_returned(django_user_model, bodies)
    draft.refresh_from_db()
    assert reporter.post(url, form(draft, workflow="submit")).status_code == 302
    draft.refresh_from_db()
    assert editor.post(url, form(draft, workflow="publish")).status_code == 302
    chief = login(django_user_model, "tongbientap", Role.CHIEF_EDITOR)
    draft.refresh_from_db()
    assert chief.post(url, form(draft, workflow="unpublish")).status_code == 302

    page = reporter.get(url).content.decode()
    history = text_of(re.search(r'<ol class="review-history".*?</ol>', page, re.S).group(0))
    steps = re.findall(r"(Gửi duyệt|Trả lại tác giả|Duyệt và xuất bản|Gỡ xuống) · (\S+)", history)
    assert steps == [
        ("Gỡ xuống", "tongbientap"),
        ("Duyệt và xuất bản", "bientap.gd"),
        ("Gửi duyệt", "phongvien.gd"),
        ("Trả lại tác giả", "bientap.gd"),
        ("Gửi duyệt", "phongvien.gd"),
    ]
    assert COMMENT in history
    assert "review-returned" not in page  # the comment was acted on: no box any more


def test_history_entries_say_what_happened(django_user_model, bodies):
    _reporter, _editor, draft, _url = submitted_and_returned(django_user_model, bodies)
    messages = [e.get_change_message() for e in LogEntry.objects.order_by("pk")]
    assert messages == ["Gửi duyệt", f"Trả lại: {COMMENT}"]
    comments = [v.revision.get_comment() for v in Version.objects.get_for_object(draft)]
    assert comments[:2] == [f"Trả lại: {COMMENT}", "Gửi duyệt"]
    history = _editor.get(f"{ADMIN}/news/article/{draft.pk}/history/").content.decode()
    assert "Thao tác khi lưu" not in history
    change = _editor.get(f"{ADMIN}/news/article/{draft.pk}/change/").content.decode()
    assert re.search(r'class="historylink">\s*Lịch sử\s*<', change)


def test_an_edit_with_a_step_says_both(django_user_model, bodies):
    editor = login(django_user_model, "bientap.gd", Role.EDITOR, bodies["own"])
    article = ArticleFactory(source_body=bodies["own"], draft=True, summary="Sapo cũ.")
    url = f"{ADMIN}/news/article/{article.pk}/change/"
    editor.post(url, form(article, summary="Sapo mới.", workflow="publish"))
    assert LogEntry.objects.get().get_change_message() == "Duyệt và xuất bản. Đã thay đổi Sapo."


def test_the_editor_desk_lists_what_waits_for_review_in_scope_with_counts(
    django_user_model, bodies
):
    reporter = login(django_user_model, "phongvien.gd", Role.REPORTER, bodies["own"])
    editor = login(django_user_model, "bientap.gd", Role.EDITOR, bodies["own"])
    waiting = ArticleFactory(title="Bài chờ duyệt của ngành Giáo dục", source_body=bodies["own"],
                             status=Article.Status.REVIEW, created_by=reporter.user)  # fmt: skip
    ArticleFactory(title="Bài chờ duyệt của ngành Y tế", source_body=bodies["other"],
                   status=Article.Status.REVIEW)  # fmt: skip
    due = timezone.now() + timedelta(days=2)
    ArticleFactory(title="Bài hẹn giờ ngày mai", source_body=bodies["own"], published_at=due)
    panel = index_panel(editor, "review")
    assert "Bài chờ tôi duyệt 1" in panel
    assert waiting.title in panel and "ngành Y tế" not in panel
    scheduled = index_panel(editor, "scheduled")
    assert "Bài hẹn giờ ngày mai" in scheduled
    assert timezone.localtime(due).strftime("%H:%M %d/%m/%Y") in scheduled
    page = editor.get(f"{ADMIN}/").content.decode()
    assert re.search(r"Bài viết</a>\s*<span class=\"menu-count\">1 chờ duyệt</span>", page)
    # the same count beside the menu on every admin page (the sidebar)
    listing = editor.get(f"{ADMIN}/news/article/").content.decode()
    assert '<span class="menu-count">1 chờ duyệt</span>' in listing


def test_the_reporter_desk_shows_drafts_and_returned_articles_with_the_comment(
    django_user_model, bodies
):
    reporter, _editor, draft, _url = submitted_and_returned(django_user_model, bodies)
    ArticleFactory(title="Bản nháp về an toàn lao động", source_body=bodies["own"], draft=True,
                   created_by=reporter.user)  # fmt: skip
    returned = index_panel(reporter, "returned")
    assert draft.title in returned and COMMENT in returned
    drafts = index_panel(reporter, "drafts")
    assert "Bản nháp về an toàn lao động" in drafts and draft.title not in drafts
    listing = reporter.get(f"{ADMIN}/news/article/", {"cua_toi": "tra-lai"}).content.decode()
    assert draft.title in listing and "Bản nháp về an toàn lao động" not in listing
    page = reporter.get(f"{ADMIN}/").content.decode()
    assert '<span class="menu-count">1 bị trả lại</span>' in page
    assert "desk-review" not in page  # a reporter reviews nothing


def test_the_desk_lists_imported_photos_without_a_file(django_user_model, bodies):
    chief = login(django_user_model, "tongbientap", Role.CHIEF_EDITOR)
    imported = ArticleFactory(title="Bài nhập từ cổng cũ", source_body=bodies["own"])
    ArticlePhoto.objects.create(article=imported, alt_text="Ảnh", caption="Chú thích")
    panel = index_panel(chief, "photos")
    assert "Bài nhập từ cổng cũ" in panel and "1 ảnh chưa có tệp" in panel
    listing = chief.get(f"{ADMIN}/news/article/", {"thieu_anh": "1"}).content.decode()
    assert "Bài nhập từ cổng cũ" in listing


def test_the_commendation_office_desk_lists_decisions_still_being_entered(
    django_user_model, bodies
):
    office = login(django_user_model, "thiduakhenthuong", Role.AWARDS_STAFF, bodies["province"])
    entering = DecisionFactory(number="77", issuing_body=bodies["own"], is_published=False)
    DecisionFactory(number="78", issuing_body=bodies["own"], is_published=True)
    panel = index_panel(office, "decisions")
    assert str(entering) in panel and "78/" not in panel
    page = office.get(f"{ADMIN}/").content.decode()
    assert '<span class="menu-count">1 đang nhập</span>' in page
    assert "desk-review" not in page and "desk-drafts" not in page
