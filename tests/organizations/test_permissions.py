"""Each role can do its job and nothing else, within its union bodies (and their children)."""

import re

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.test import Client

from news import services
from news.models import Article
from organizations.models import StaffScope, UnionBody
from organizations.permissions import Role, may
from tests.factories import ArticleFactory, DecisionFactory, MeetingFactory, UnionBodyFactory

pytestmark = pytest.mark.django_db
ADMIN = "/quan-tri"

# What each role may do: {model: {action: (own body, another body)}}
Y, N = True, False
ALL_BOTH = dict.fromkeys(("view", "add", "change", "delete", "publish"), (Y, Y))
NOTHING = dict.fromkeys(("view", "add", "change", "delete", "publish"), (N, N))
MATRIX = {
    Role.REPORTER: {
        "article": {"view": (Y, N), "add": (Y, Y), "change": (Y, N), "delete": (N, N), "publish": (N, N)},
        "body": {"view": (Y, N), "add": (N, N), "change": (N, N), "delete": (N, N), "publish": (N, N)},
        "meeting": {"view": (Y, N), "add": (N, N), "change": (N, N), "delete": (N, N), "publish": (N, N)},
        "decision": NOTHING,
    },
    Role.EDITOR: {
        "article": {"view": (Y, N), "add": (Y, Y), "change": (Y, N), "delete": (Y, N), "publish": (Y, N)},
        "body": {"view": (Y, N), "add": (N, N), "change": (Y, N), "delete": (N, N), "publish": (N, N)},
        "meeting": {"view": (Y, N), "add": (Y, Y), "change": (Y, N), "delete": (N, N), "publish": (N, N)},
        "decision": NOTHING,
    },
    Role.CHIEF_EDITOR: {
        "article": ALL_BOTH,
        "body": {**ALL_BOTH, "publish": (N, N)},
        "meeting": {**ALL_BOTH, "publish": (N, N)},
        "decision": NOTHING,
    },
    Role.AWARDS_STAFF: {
        "article": NOTHING,
        "body": {"view": (Y, N), "add": (N, N), "change": (N, N), "delete": (N, N), "publish": (N, N)},
        "meeting": {"view": (Y, N), "add": (N, N), "change": (N, N), "delete": (N, N), "publish": (N, N)},
        "decision": {"view": (Y, N), "add": (Y, Y), "change": (Y, N), "delete": (Y, N), "publish": (Y, N)},
    },
    Role.ADMINISTRATOR: {
        "article": ALL_BOTH,
        "body": {**ALL_BOTH, "publish": (N, N)},
        "meeting": {**ALL_BOTH, "publish": (N, N)},
        "decision": ALL_BOTH,
    },
}  # fmt: skip
# "add" is a model permission: the owner body is then limited by the form (tested below).


def staff(django_user_model, role, *bodies):
    n = django_user_model.objects.count()
    user = django_user_model.objects.create_user(f"u{n}", email=f"u{n}@example.vn", is_staff=True)
    user.groups.add(Group.objects.get(name=role))
    StaffScope.objects.create(user=user).bodies.set(bodies)
    return django_user_model.objects.get(pk=user.pk)


def objects_owned_by(body):
    return {
        "article": ArticleFactory(source_body=body, draft=True),
        "body": body,
        "meeting": MeetingFactory(organiser=body),
        "decision": DecisionFactory(issuing_body=body),
    }


@pytest.mark.parametrize("role", Role.ALL)
def test_permission_matrix(role, world, django_user_model):
    user = staff(django_user_model, role, world["own"])
    own, other = objects_owned_by(world["child"]), objects_owned_by(world["other"])
    for name, actions in MATRIX[role].items():
        for action, (on_own, on_other) in actions.items():
            if action == "add":
                assert may(user, "add", model=type(own[name])) == on_own, (name, action)
                continue
            assert may(user, action, own[name]) == on_own, (role, name, action, "own")
            assert may(user, action, other[name]) == on_other, (role, name, action, "other")


def test_a_district_editor_cannot_see_open_change_or_publish_another_districts_article(
    client, world, django_user_model
):
    editor = staff(django_user_model, Role.EDITOR, world["own"])
    mine = ArticleFactory(title="Tin của Văn Quan", source_body=world["own"], draft=True)
    theirs = ArticleFactory(title="Tin của Đình Lập", source_body=world["other"], draft=True)
    client.force_login(editor)

    listing = client.get(f"{ADMIN}/news/article/").content.decode()
    assert mine.title in listing and theirs.title not in listing
    for url in [f"/news/article/{theirs.pk}/change/", f"/news/article/{theirs.pk}/history/",
                f"/news/article/{theirs.pk}/xem-truoc/", f"/news/article/{theirs.pk}/delete/"]:  # fmt: skip
        assert client.get(ADMIN + url).status_code == 403, url
    client.post(
        f"{ADMIN}/news/article/", {"action": "publish_now", "_selected_action": [theirs.pk]}
    )
    theirs.refresh_from_db()
    assert theirs.status == Article.Status.DRAFT
    assert client.get(f"{ADMIN}/news/article/{mine.pk}/change/").status_code == 200


def test_an_editor_cannot_pick_another_body_as_source(client, world, django_user_model):
    editor = staff(django_user_model, Role.EDITOR, world["own"])
    client.force_login(editor)
    category = ArticleFactory().category
    data = {
        "title": "Tin gán nhầm đơn vị", "body": "<p>Nội dung</p>", "category": category.pk,
        "source_body": world["other"].pk, "workflow": "save",
        "photos-TOTAL_FORMS": 0, "photos-INITIAL_FORMS": 0,
    }  # fmt: skip
    response = client.post(f"{ADMIN}/news/article/add/", data)
    assert response.status_code == 200
    assert not Article.objects.filter(title="Tin gán nhầm đơn vị").exists()
    data["source_body"] = world["child"].pk  # a body below one's own is in scope
    assert client.post(f"{ADMIN}/news/article/add/", data).status_code == 302


def test_autocomplete_offers_only_bodies_in_scope_for_the_source_but_any_for_mentions(
    client, world, django_user_model
):
    editor = staff(django_user_model, Role.EDITOR, world["own"])
    client.force_login(editor)

    def offered(field):
        response = client.get(f"{ADMIN}/autocomplete/", {
            "app_label": "news", "model_name": "article", "field_name": field, "term": "Lao động",
        })  # fmt: skip
        return {int(row["id"]) for row in response.json()["results"]}

    assert offered("source_body") == {world["own"].pk}
    assert {world["own"].pk, world["other"].pk, world["province"].pk} <= offered("mentioned_bodies")


def article_form(article, **changes) -> dict:
    """The article's change form as the admin posts it back."""
    data = {
        "title": article.title, "slug": article.slug, "summary": article.summary,
        "body": article.body, "byline": article.byline, "category": article.category_id,
        "source_body": article.source_body_id or "", "workflow": "save",
        "published_at_0": "", "published_at_1": "",
        "photos-TOTAL_FORMS": 0, "photos-INITIAL_FORMS": 0,
    }  # fmt: skip
    data.update(changes)
    return data


def review_steps(page: str) -> list[str]:
    """The review history on a change page: one "step · who" line per step, newest first."""
    steps = re.search(r'<ol class="review-history".*?</ol>', page, re.S)
    assert steps, "no review history on the change page"
    items = re.findall(r"<li[^>]*><strong>(.*?)</strong> · (.*?) · ", steps.group(0), re.S)
    return [f"{step} · {who}" for step, who in items]


def test_a_reporter_submits_and_cannot_publish_the_editor_is_told_and_approves(
    world, django_user_model, django_capture_on_commit_callbacks
):
    reporter = staff(django_user_model, Role.REPORTER, world["own"])
    editor = staff(django_user_model, Role.EDITOR, world["own"])
    staff(django_user_model, Role.EDITOR, world["other"])  # must not be told
    article = ArticleFactory(title="Tin phóng viên viết", source_body=world["own"], draft=True,
                             created_by=reporter)  # fmt: skip
    url = f"{ADMIN}/news/article/{article.pk}/change/"
    as_reporter, as_editor = Client(), Client()
    as_reporter.force_login(reporter)
    as_editor.force_login(editor)

    # The reporter is not offered publishing, a forged choice is refused, and so is the service.
    assert 'value="publish"' not in as_reporter.get(url).content.decode()
    refused = as_reporter.post(url, article_form(article, workflow="publish"))
    assert refused.status_code == 200 and "workflow" in refused.context["adminform"].form.errors
    with pytest.raises(PermissionDenied):
        services.publish(articles=[article], by=reporter)
    article.refresh_from_db()
    assert article.status == Article.Status.DRAFT and article.approved_by is None

    with django_capture_on_commit_callbacks(execute=True):
        assert as_reporter.post(url, article_form(article, workflow="submit")).status_code == 302
    article.refresh_from_db()
    assert article.status == Article.Status.REVIEW
    assert [m.to for m in mail.outbox] == [[editor.email]]
    assert "Bài chờ duyệt: Tin phóng viên viết" in mail.outbox[0].subject
    assert not may(reporter, "change", article)  # submitted: locked for the reporter

    assert as_editor.post(url, article_form(article, workflow="publish")).status_code == 302
    article.refresh_from_db()
    assert article.status == Article.Status.PUBLISHED and article.approved_by == editor
    assert review_steps(as_editor.get(url).content.decode()) == [
        f"Duyệt và xuất bản · {editor.username}",
        f"Gửi duyệt · {reporter.username}",
    ]


def test_returning_an_article_needs_a_comment_and_tells_the_author(
    client, world, django_user_model, django_capture_on_commit_callbacks
):
    reporter = staff(django_user_model, Role.REPORTER, world["own"])
    editor = staff(django_user_model, Role.EDITOR, world["own"])
    article = ArticleFactory(source_body=world["own"], draft=True, created_by=reporter)
    services.submit(article=article, by=reporter)
    mail.outbox.clear()
    client.force_login(editor)
    data = {
        "title": article.title, "slug": article.slug, "summary": "", "body": article.body,
        "category": article.category_id, "source_body": world["own"].pk,
        "workflow": "return", "review_comment": "",
        "photos-TOTAL_FORMS": 0, "photos-INITIAL_FORMS": 0,
    }  # fmt: skip
    url = f"{ADMIN}/news/article/{article.pk}/change/"
    assert "Hãy ghi nhận xét" in client.post(url, data).content.decode()
    data["review_comment"] = "Cần bổ sung ảnh và tên đại biểu."
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, data).status_code == 302
    article.refresh_from_db()
    assert article.status == Article.Status.DRAFT
    assert mail.outbox and reporter.email in mail.outbox[0].to
    assert "Cần bổ sung ảnh" in mail.outbox[0].body
    assert may(reporter, "change", article)


def test_awards_staff_see_only_awards_and_their_bodies_decisions(client, world, django_user_model):
    officer = staff(django_user_model, Role.AWARDS_STAFF, world["own"])
    mine = DecisionFactory(issuing_body=world["own"], number="11")
    theirs = DecisionFactory(issuing_body=world["other"], number="22")
    client.force_login(officer)
    assert client.get(f"{ADMIN}/news/article/").status_code == 403
    listing = client.get(f"{ADMIN}/awards/decision/").content.decode()
    assert f"/awards/decision/{mine.pk}/change/" in listing
    assert f"/awards/decision/{theirs.pk}/change/" not in listing
    assert client.get(f"{ADMIN}/awards/decision/{theirs.pk}/change/").status_code == 403


def test_the_image_upload_needs_a_role_with_a_scope(client, world, django_user_model):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests.conftest import make_jpeg

    no_scope = staff(django_user_model, Role.EDITOR)
    client.force_login(no_scope)
    upload = SimpleUploadedFile("a.jpg", make_jpeg(), "image/jpeg")
    assert client.post("/bien-tap/tai-anh/", {"upload": upload}).status_code == 403
    client.force_login(staff(django_user_model, Role.AWARDS_STAFF, world["own"]))
    upload = SimpleUploadedFile("a.jpg", make_jpeg(), "image/jpeg")
    assert client.post("/bien-tap/tai-anh/", {"upload": upload}).status_code == 403
    client.force_login(staff(django_user_model, Role.REPORTER, world["own"]))
    upload = SimpleUploadedFile("a.jpg", make_jpeg(), "image/jpeg")
    assert client.post("/bien-tap/tai-anh/", {"upload": upload}).status_code == 200


def test_unit_scope_includes_every_descendant_and_nothing_outside(client, world, django_user_model):
    national = UnionBodyFactory(name="Tổng Liên đoàn Lao động Việt Nam", kind="national")
    world["province"].parent = national
    world["province"].save()
    neighbour = UnionBodyFactory(
        name="Liên đoàn Lao động tỉnh Cao Bằng", kind="provincial", parent=national
    )
    outside = {national, neighbour, UnionBodyFactory(name="CĐCS Cao Bằng", parent=neighbour)}
    grandchild = UnionBodyFactory(name="Tổ công đoàn Khối 10", parent=world["child"])
    inside = {world["province"], world["own"], world["other"], world["child"], grandchild}
    assert set(UnionBody.objects.all()) == inside | outside

    editor = staff(django_user_model, Role.EDITOR, world["province"])
    assert {body for body in UnionBody.objects.all() if may(editor, "change", body)} == inside
    client.force_login(editor)
    page = client.get(f"{ADMIN}/organizations/unionbody/").content.decode()
    listed = {b for b in inside | outside if f"/unionbody/{b.pk}/change/" in page}
    assert listed == inside
