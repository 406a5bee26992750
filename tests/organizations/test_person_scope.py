"""People belong to the scope of the bodies where they hold (or held) positions; a person
with no position yet is open to everyone who may create people."""

import pytest

from organizations.models import Person, Position
from organizations.permissions import Role, may
from tests.factories import PersonFactory
from tests.organizations.test_permissions import staff

pytestmark = pytest.mark.django_db
ADMIN = "/quan-tri/organizations/person"


def holding(body, name, **fields):
    person = PersonFactory(full_name=name)
    Position.objects.create(person=person, body=body, title_text="Phó Chủ tịch", **fields)
    return person


def change_data(person, name):
    return {
        "full_name": name, "slug": person.slug, "note": "",
        "positions-TOTAL_FORMS": 0, "positions-INITIAL_FORMS": 0,
    }  # fmt: skip


@pytest.fixture
def people(world):
    return {
        "province": holding(world["province"], "Hoàng Văn Tỉnh"),
        "own": holding(world["child"], "Lý Thị Huyện"),
        "both": holding(world["other"], "Nông Văn Hai Nơi"),
        "new": PersonFactory(full_name="Vi Văn Mới"),
    }


def test_a_district_editor_cannot_rename_a_person_who_holds_positions_only_at_the_province(
    client, world, people, django_user_model
):
    client.force_login(staff(django_user_model, Role.EDITOR, world["own"]))
    person = people["province"]
    url = f"{ADMIN}/{person.pk}/change/"
    assert client.get(url).status_code == 403
    assert client.post(url, change_data(person, "Tên bị đổi")).status_code == 403
    person.refresh_from_db()
    assert person.full_name == "Hoàng Văn Tỉnh"
    assert client.get(f"{ADMIN}/{person.pk}/history/").status_code == 403


def test_a_district_editor_lists_and_edits_the_people_of_their_bodies_and_people_without_posts(
    client, world, people, django_user_model
):
    Position.objects.create(person=people["both"], body=world["own"], title_text="Ủy viên BCH")
    editor = staff(django_user_model, Role.EDITOR, world["own"])
    client.force_login(editor)
    page = client.get(f"{ADMIN}/").content.decode()
    listed = {key for key, person in people.items() if f"/person/{person.pk}/change/" in page}
    assert listed == {"own", "both", "new"}

    person = people["own"]
    response = client.post(f"{ADMIN}/{person.pk}/change/", change_data(person, "Lý Thị Huyền"))
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.full_name == "Lý Thị Huyền"
    assert may(editor, "change", people["new"])
    assert not may(editor, "change", people["province"])


def test_a_reporter_sees_the_people_of_their_bodies_only(client, world, people, django_user_model):
    client.force_login(staff(django_user_model, Role.REPORTER, world["own"]))
    page = client.get(f"{ADMIN}/").content.decode()
    assert f"/person/{people['own'].pk}/change/" in page
    assert f"/person/{people['province'].pk}/change/" not in page
    assert client.get(f"{ADMIN}/{people['province'].pk}/change/").status_code == 403


def test_any_person_can_still_be_picked_in_an_autocomplete(
    client, world, people, django_user_model
):
    client.force_login(staff(django_user_model, Role.EDITOR, world["own"]))
    response = client.get(
        "/quan-tri/autocomplete/",
        {"app_label": "organizations", "model_name": "meetingattendee", "field_name": "person",
         "term": "Hoàng"},
    )  # fmt: skip
    assert response.status_code == 200
    assert {int(r["id"]) for r in response.json()["results"]} == {people["province"].pk}


def test_a_new_person_is_open_until_a_position_places_them(world, django_user_model):
    editor = staff(django_user_model, Role.EDITOR, world["own"])
    other_editor = staff(django_user_model, Role.EDITOR, world["other"])
    person = Person.objects.create(full_name="Đinh Văn Chưa Có")
    assert may(editor, "change", person) and may(other_editor, "change", person)
    Position.objects.create(person=person, body=world["child"], title_text="Chủ tịch CĐCS")
    editor, other_editor = (type(editor).objects.get(pk=u.pk) for u in (editor, other_editor))
    assert may(editor, "change", person)
    assert not may(other_editor, "change", person)
