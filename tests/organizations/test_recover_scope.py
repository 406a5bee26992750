"""Reversion's "recover deleted" screens keep to the staff member's scope: a deleted object
belongs where its stored version says it belonged."""

import pytest
from reversion.models import Version

from awards.models import Decision
from news.models import Article
from organizations.models import Meeting
from organizations.permissions import Role
from tests.factories import ArticleFactory, DecisionFactory, MeetingFactory, RecipientFactory
from tests.organizations.test_permissions import staff

pytestmark = pytest.mark.django_db
ADMIN = "/quan-tri"


def deleted(make, body, title):
    """Create an object owned by `body`, then delete it; return its last version's pk."""
    obj = make(body, title)
    model, pk = type(obj), obj.pk
    obj.delete()
    version = Version.objects.get_deleted(model).get(object_id=str(pk))
    return version.pk


MAKERS = {
    "article": (
        Role.EDITOR,
        "news/article",
        Article,
        lambda body, title: ArticleFactory(title=title, source_body=body, draft=True),
    ),
    "meeting": (
        Role.EDITOR,
        "organizations/meeting",
        Meeting,
        lambda body, title: MeetingFactory(title=title, organiser=body),
    ),
    "decision": (
        Role.AWARDS_STAFF,
        "awards/decision",
        Decision,
        lambda body, title: (
            RecipientFactory(decision=DecisionFactory(issuing_body=body, reason=title)).decision
        ),
    ),
}


@pytest.mark.parametrize("kind", MAKERS)
def test_the_recover_list_shows_only_deleted_objects_of_ones_own_bodies(
    client, world, django_user_model, kind
):
    role, url, model, make = MAKERS[kind]
    mine = deleted(make, world["child"], "Bản nháp đã xoá của Văn Quan")
    theirs = deleted(make, world["other"], "Bản nháp đã xoá của Đình Lập")
    client.force_login(staff(django_user_model, role, world["own"]))

    listing = client.get(f"{ADMIN}/{url}/recover/")
    assert listing.status_code == 200
    page = listing.content.decode()
    assert f"recover/{mine}/" in page
    assert f"recover/{theirs}/" not in page
    if kind != "decision":  # a decision's list shows its number, not the reason
        assert "Bản nháp đã xoá của Văn Quan" in page
        assert "Đình Lập" not in page

    assert client.get(f"{ADMIN}/{url}/recover/{theirs}/").status_code == 403
    assert client.post(f"{ADMIN}/{url}/recover/{theirs}/", {}).status_code == 403
    assert model.objects.count() == 0
    assert client.get(f"{ADMIN}/{url}/recover/{mine}/").status_code == 200


def test_a_reporter_sees_only_deleted_drafts_of_their_bodies(client, world, django_user_model):
    _role, url, _model, make = MAKERS["article"]
    mine = deleted(make, world["own"], "Tin đã xoá của Văn Quan")
    theirs = deleted(make, world["other"], "Tin đã xoá của Đình Lập")
    client.force_login(staff(django_user_model, Role.REPORTER, world["own"]))
    page = client.get(f"{ADMIN}/{url}/recover/").content.decode()
    assert f"recover/{mine}/" in page and "Tin đã xoá của Văn Quan" in page
    assert f"recover/{theirs}/" not in page and "Đình Lập" not in page


def test_the_chief_editor_sees_every_deleted_article(client, world, django_user_model):
    _role, url, _model, make = MAKERS["article"]
    ids = [deleted(make, world[key], f"Tin đã xoá {key}") for key in ("own", "other")]
    client.force_login(staff(django_user_model, Role.CHIEF_EDITOR))
    page = client.get(f"{ADMIN}/{url}/recover/").content.decode()
    assert all(f"recover/{pk}/" in page for pk in ids)


def test_recovering_through_another_models_admin_or_a_live_version_is_not_found(
    client, world, django_user_model
):
    _role, _url, _model, make = MAKERS["meeting"]
    meeting_version = deleted(make, world["own"], "Hội nghị đã xoá")
    live = ArticleFactory(source_body=world["own"], draft=True)
    live_version = Version.objects.get_for_object(live).first().pk
    client.force_login(staff(django_user_model, Role.EDITOR, world["own"]))
    for version in (meeting_version, live_version, "9" * 25):
        assert client.get(f"{ADMIN}/news/article/recover/{version}/").status_code == 404


def test_recovering_a_revision_that_also_holds_another_bodys_object_is_refused(
    client, world, django_user_model
):
    from lsunion import versioning

    with versioning.recorded(comment="Nhập lô bài cũ"):
        mine = ArticleFactory(title="Tin lô của Văn Quan", source_body=world["own"], draft=True)
        theirs = ArticleFactory(title="Tin lô của Đình Lập", source_body=world["other"], draft=True)
    mine_pk = mine.pk
    mine.delete()
    theirs.delete()
    version = Version.objects.get_deleted(Article).get(object_id=str(mine_pk))
    assert version.revision.version_set.count() == 2  # both in one revision
    client.force_login(staff(django_user_model, Role.EDITOR, world["own"]))
    assert client.post(f"{ADMIN}/news/article/recover/{version.pk}/", {}).status_code == 403
    assert not Article.objects.exists()
