"""Scope follows a merger: the successor's staff gain the ended body's records, the ended
body's own staff keep its history, and nobody else gains anything."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from news.models import Article
from organizations.models import Meeting, Reorganisation
from organizations.permissions import Role, may
from tests.admin_forms import changed
from tests.factories import ArticleFactory, MeetingFactory, UnionBodyFactory
from tests.organizations.test_permissions import staff

pytestmark = pytest.mark.django_db
ADMIN = "/quan-tri"


@pytest.fixture
def bodies(world):
    return {
        "ended": world["own"],  # Văn Quan
        "successor": world["other"],  # Đình Lập
        "unrelated": UnionBodyFactory(
            name="Liên đoàn Lao động huyện Bắc Sơn", kind="district", parent=world["province"]
        ),
        "school": world["child"],
    }


@pytest.fixture
def records(bodies):
    return {
        "article": ArticleFactory(title="Tin cũ của LĐLĐ Văn Quan", source_body=bodies["ended"]),
        "draft": ArticleFactory(title="Nháp của Văn Quan", source_body=bodies["ended"], draft=True),
        "meeting": MeetingFactory(title="Hội nghị BCH LĐLĐ Văn Quan", organiser=bodies["ended"]),
    }


def merge(client, bodies, on):
    return client.post(f"{ADMIN}/organizations/unionbody/", {
        "action": "reorganise", "_selected_action": [bodies["ended"].pk],
        "reorganise_step": "1", "apply": "1", "kind": "merge",
        "effective_on": on.strftime("%d/%m/%Y"), "successor": bodies["successor"].pk,
    })  # fmt: skip


def editors(django_user_model, bodies):
    return {
        key: staff(django_user_model, Role.EDITOR, bodies[key])
        for key in ("ended", "successor", "unrelated")
    }


def fresh(user):
    return type(user).objects.get(pk=user.pk)  # scope is computed once per user object


def sees(client, user, url, title) -> bool:
    client.force_login(user)
    response = client.get(url)
    assert response.status_code == 200
    return title in response.content.decode()


def test_after_a_merger_in_the_admin_the_successors_editor_sees_and_edits_the_ended_bodys_records(
    client, staff_client, bodies, records, django_user_model
):
    people = editors(django_user_model, bodies)
    assert not may(people["successor"], "change", records["article"])
    assert merge(staff_client, bodies, timezone.localdate() - timedelta(days=30)).status_code == 302
    assert Reorganisation.objects.filter(successor=bodies["successor"]).exists()

    for key in ("ended", "successor"):
        user = fresh(people[key])
        assert sees(client, user, f"{ADMIN}/news/article/", "Tin cũ của LĐLĐ Văn Quan"), key
        assert sees(client, user, f"{ADMIN}/organizations/meeting/", "Hội nghị BCH LĐLĐ Văn Quan")
        assert may(user, "change", records["meeting"]) and may(user, "change", records["article"])

    client.force_login(fresh(people["successor"]))
    for name, url, field in [
        ("article", f"{ADMIN}/news/article/{records['draft'].pk}/change/", "title"),
        ("meeting", f"{ADMIN}/organizations/meeting/{records['meeting'].pk}/change/", "title"),
    ]:
        page = client.get(url)
        assert page.status_code == 200, name
        response = client.post(
            url, changed(page.content.decode(), **{field: "Đã sửa sau sáp nhập"})
        )
        assert response.status_code == 302, (name, response.content.decode()[:3000])
    assert Article.objects.get(pk=records["draft"].pk).title == "Đã sửa sau sáp nhập"
    assert Meeting.objects.get(pk=records["meeting"].pk).title == "Đã sửa sau sáp nhập"

    outsider = fresh(people["unrelated"])
    assert not sees(client, outsider, f"{ADMIN}/news/article/", "Văn Quan")
    assert not sees(client, outsider, f"{ADMIN}/organizations/meeting/", "Văn Quan")
    for url in (
        f"{ADMIN}/news/article/{records['article'].pk}/change/",
        f"{ADMIN}/organizations/meeting/{records['meeting'].pk}/change/",
    ):
        assert client.get(url).status_code == 403


def test_the_school_that_moved_to_the_successor_is_in_the_successors_scope_only(
    staff_client, bodies, django_user_model
):
    people = editors(django_user_model, bodies)
    merge(staff_client, bodies, timezone.localdate() - timedelta(days=1))
    article = ArticleFactory(source_body=bodies["school"], draft=True)
    assert may(fresh(people["successor"]), "change", article)
    assert not may(fresh(people["unrelated"]), "change", article)


def test_a_merger_dated_ahead_hands_over_only_from_its_day(
    staff_client, bodies, records, django_user_model, time_machine
):
    people = editors(django_user_model, bodies)
    ahead = timezone.localdate() + timedelta(days=10)
    assert merge(staff_client, bodies, ahead).status_code == 302
    assert not may(fresh(people["successor"]), "change", records["meeting"])
    assert may(fresh(people["ended"]), "change", records["meeting"])

    time_machine.move_to(ahead + timedelta(days=1))
    assert may(fresh(people["successor"]), "change", records["meeting"])


def test_an_undone_merger_hands_the_records_back(staff_client, bodies, records, django_user_model):
    people = editors(django_user_model, bodies)
    merge(staff_client, bodies, timezone.localdate() - timedelta(days=1))
    assert may(fresh(people["successor"]), "change", records["meeting"])

    record = Reorganisation.objects.get()
    staff_client.post(f"{ADMIN}/organizations/reorganisation/{record.pk}/hoan-tac/")
    assert Reorganisation.objects.get().is_undone
    assert not may(fresh(people["successor"]), "change", records["meeting"])
    assert may(fresh(people["ended"]), "change", records["meeting"])


def test_a_union_that_ended_under_the_merged_body_goes_with_it_to_the_successors_staff(
    staff_client, bodies, django_user_model
):
    closed = UnionBodyFactory(
        name="CĐCS Trường Tiểu học Tân Đoàn", parent=bodies["ended"], dissolved_on=date(2020, 1, 1)
    )
    article = ArticleFactory(source_body=closed, draft=True)
    people = editors(django_user_model, bodies)
    merge(staff_client, bodies, timezone.localdate() - timedelta(days=1))
    closed.refresh_from_db()
    assert closed.parent_id == bodies["ended"].pk  # it ended before: it does not move
    assert may(fresh(people["successor"]), "change", article)
    assert may(fresh(people["ended"]), "change", article)
    assert not may(fresh(people["unrelated"]), "change", article)
