"""The 2025 reorganisation in the admin: dissolve or merge from a day, previewed, versioned, undone."""

import time
from datetime import date, timedelta

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from reversion.models import Version

from lsunion import cache as page_cache
from organizations.models import BodyAffiliation, Position, Reorganisation, StaffScope
from organizations.permissions import Role
from organizations.reorganisation import next_change_time
from tests.factories import PersonFactory, UnionBodyFactory

pytestmark = pytest.mark.django_db
CHANGELIST = "/quan-tri/organizations/unionbody/"


@pytest.fixture
def world():
    province = UnionBodyFactory(
        name="Liên đoàn Lao động tỉnh Lạng Sơn", short_name="LĐLĐ tỉnh", kind="provincial"
    )
    district = UnionBodyFactory(
        name="Liên đoàn Lao động huyện Đình Lập", short_name="LĐLĐ huyện Đình Lập",
        kind="district", parent=province,
    )  # fmt: skip
    school = UnionBodyFactory(name="Công đoàn cơ sở Trường THPT Đình Lập", parent=district)
    clinic = UnionBodyFactory(name="Công đoàn cơ sở Trung tâm Y tế Đình Lập", parent=district)
    chair = Position.objects.create(
        person=PersonFactory(full_name="Hoàng Văn Bình"), body=district,
        title=Position.Title.CHAIR, organ=Position.Organ.BTV, starts_on=date(2020, 6, 1),
    )  # fmt: skip
    return {
        "province": province, "district": district, "school": school, "clinic": clinic,
        "chair": chair,
    }  # fmt: skip


def reorganise(client, bodies, step, **fields):
    data = {
        "action": "reorganise",
        "_selected_action": [b.pk for b in bodies],
        "reorganise_step": "1",
        step: "1",
        "kind": "merge",
        **fields,
    }
    return client.post(CHANGELIST, data)


def state(world):
    for body in world.values():
        body.refresh_from_db()
    return {
        "parents": {name: world[name].parent_id for name in ("school", "clinic", "district")},
        "links": sorted(
            BodyAffiliation.objects.values_list("body", "parent", "starts_on", "ends_on")
        ),
        "dissolved": world["district"].dissolved_on,
        "successor": world["district"].successor_id,
        "chair_ends": world["chair"].ends_on,
    }


def test_dissolving_in_the_admin_is_previewed_then_moves_the_unions_from_that_day_and_undoes(
    staff_client, world, client
):
    before = state(world)
    preview = reorganise(
        staff_client, [world["district"]], "preview", effective_on="01/07/2025",
        successor=world["province"].pk, note="Quyết định số 12/QĐ-TLĐ (mẫu)",
    )  # fmt: skip
    page = preview.content.decode()
    assert preview.status_code == 200
    assert "2 tổ chức trực thuộc chuyển đi" in page and "1 chức vụ kết thúc" in page
    assert "Công đoàn cơ sở Trường THPT Đình Lập" in page and 'name="apply"' in page
    assert state(world) == before  # a preview writes nothing

    done = reorganise(
        staff_client, [world["district"]], "apply", effective_on="01/07/2025",
        successor=world["province"].pk, note="Quyết định số 12/QĐ-TLĐ (mẫu)",
    )  # fmt: skip
    assert done.status_code == 302
    after = state(world)
    province, district = world["province"].pk, world["district"].pk
    assert after["parents"] == {"school": province, "clinic": province, "district": province}
    assert after["dissolved"] == date(2025, 7, 1) and after["successor"] == province
    assert after["chair_ends"] == date(2025, 7, 1)
    assert (world["school"].pk, district, None, date(2025, 7, 1)) in after["links"]
    assert (world["school"].pk, province, date(2025, 7, 1), None) in after["links"]
    version = Version.objects.get_for_object(world["district"]).first()
    assert version.revision.user == staff_client.user
    assert version.revision.get_comment() == (
        "Sáp nhập Liên đoàn Lao động huyện Đình Lập vào Liên đoàn Lao động tỉnh Lạng Sơn "
        "từ ngày 01/07/2025"
    )
    successor_page = client.get(world["province"].get_absolute_url()).content.decode()
    assert "Tiếp nhận từ:" in successor_page and world["district"].name in successor_page

    record = Reorganisation.objects.get()
    record_page = staff_client.get(f"/quan-tri/organizations/reorganisation/{record.pk}/change/")
    assert "Hoàn tác lượt giải thể, sáp nhập này" in record_page.content.decode()
    undo = staff_client.post(f"/quan-tri/organizations/reorganisation/{record.pk}/hoan-tac/")
    assert undo.status_code == 302
    assert state(world) == before
    assert Version.objects.get_for_object(world["district"]).first().revision.get_comment() == (
        f"Hoàn tác: {record}"
    )
    again = staff_client.post(f"/quan-tri/organizations/reorganisation/{record.pk}/hoan-tac/")
    assert "Lượt này đã được hoàn tác." in staff_client.get(again.url).content.decode()


def test_a_merger_dated_ahead_shows_on_public_pages_only_from_that_day(staff_client, world, client):
    day = timezone.localdate() + timedelta(days=10)
    reorganise(
        staff_client, [world["district"]], "apply",
        effective_on=day.strftime("%d/%m/%Y"), successor=world["province"].pk,
    )  # fmt: skip
    school = world["school"]
    today = client.get(school.get_absolute_url()).content.decode()
    assert f'<dt>Trực thuộc</dt><dd><a href="{world["district"].get_absolute_url()}">' in today
    directory = client.get("/to-chuc/").content.decode()
    assert world["district"].name in directory
    district_part = directory.split(world["district"].name, 1)[1]
    assert school.name in district_part.split("</details>", 1)[0]  # still under the district
    # The bodies' own pages agree: the school is the district's until that day, not yet the
    # province's (its `parent` already names the province).
    school.refresh_from_db()
    assert school.parent == world["province"]
    assert school.name in client.get(world["district"].get_absolute_url()).content.decode()
    assert school.name not in client.get(world["province"].get_absolute_url()).content.decode()

    later = client.get("/to-chuc/", {"ngay": day.isoformat()}).content.decode()
    assert world["district"].name not in later and school.name in later
    # The cached tree rolls over by itself at midnight of that day, with no cron job.
    assert next_change_time() == timezone.make_aware(
        timezone.datetime.combine(day, timezone.datetime.min.time())
    )
    version = page_cache.content_version()
    real_time = time.time
    page_cache.time.time = lambda: next_change_time().timestamp() + 1
    try:
        assert page_cache.content_version() != version
    finally:
        page_cache.time.time = real_time


def test_several_district_federations_end_in_one_action(staff_client, world):
    other = UnionBodyFactory(
        name="Liên đoàn Lao động huyện Văn Quan", kind="district", parent=world["province"]
    )
    union = UnionBodyFactory(name="Công đoàn cơ sở Trường THPT Văn Quan", parent=other)
    reorganise(
        staff_client, [world["district"], other], "apply", effective_on="01/07/2025",
        successor=world["province"].pk,
    )  # fmt: skip
    union.refresh_from_db()
    assert union.parent == world["province"]
    assert set(Reorganisation.objects.get().bodies.all()) == {world["district"], other}


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"successor": ""}, "Sáp nhập cần chọn tổ chức tiếp nhận."),
        ({"successor": "school"}, "Tổ chức tiếp nhận đang trực thuộc Liên đoàn Lao động huyện"),
        ({"successor": "district"}, "không thể là một trong các tổ chức kết thúc"),
    ],
)
def test_a_reorganisation_that_would_go_wrong_is_refused_in_the_preview(
    staff_client, world, fields, message
):
    successor = fields["successor"]
    response = reorganise(
        staff_client, [world["district"]], "apply", effective_on="01/07/2025",
        successor=world[successor].pk if successor else "",
    )  # fmt: skip
    page = response.content.decode()
    assert response.status_code == 200 and message in page
    world["district"].refresh_from_db()
    assert world["district"].dissolved_on is None and not Reorganisation.objects.exists()


def test_dissolving_without_a_successor_moves_the_unions_to_the_body_above(staff_client, world):
    reorganise(staff_client, [world["district"]], "apply", kind="dissolve",
               effective_on="01/07/2025")  # fmt: skip
    world["clinic"].refresh_from_db()
    assert world["clinic"].parent == world["province"]


def test_undo_refuses_when_a_moved_union_changed_since(staff_client, world):
    from organizations import services

    reorganise(
        staff_client, [world["district"]], "apply", effective_on="01/07/2025",
        successor=world["province"].pk,
    )  # fmt: skip
    elsewhere = UnionBodyFactory(name="Công đoàn ngành Y tế", kind="sectoral")
    services.move_body(body=world["clinic"], new_parent=elsewhere, on=date(2025, 9, 1))
    record = Reorganisation.objects.get()
    staff_client.post(f"/quan-tri/organizations/reorganisation/{record.pk}/hoan-tac/")
    record.refresh_from_db()
    world["district"].refresh_from_db()
    assert not record.is_undone and world["district"].dissolved_on == date(2025, 7, 1)
    page = staff_client.get(f"/quan-tri/organizations/reorganisation/{record.pk}/change/")
    assert "Công đoàn cơ sở Trung tâm Y tế Đình Lập đã đổi trực thuộc sau lượt này." in (
        page.content.decode()
    )


def test_a_dissolution_date_typed_on_a_body_with_unions_points_to_the_action(staff_client, world):
    district = world["district"]
    page = staff_client.get(f"/quan-tri/organizations/unionbody/{district.pk}/change/")
    assert f"/quan-tri/organizations/unionbody/{district.pk}/giai-the-sap-nhap/" in (
        page.content.decode()
    )
    from django.forms.models import model_to_dict

    data = {k: ("" if v is None else v) for k, v in model_to_dict(district).items()}
    data.update({
        "dissolved_on": "01/07/2025", "logo": "", "figures-TOTAL_FORMS": 0,
        "figures-INITIAL_FORMS": 0, "affiliations-TOTAL_FORMS": 0, "affiliations-INITIAL_FORMS": 0,
    })  # fmt: skip
    response = staff_client.post(f"/quan-tri/organizations/unionbody/{district.pk}/change/", data)
    assert response.status_code == 200
    assert "Tổ chức còn 2 tổ chức trực thuộc vào ngày đó" in response.content.decode()


def test_an_editor_cannot_hand_their_unions_to_a_body_outside_their_scope(
    client, world, django_user_model
):
    user = django_user_model.objects.create_user("bientap.dl", is_staff=True)
    user.groups.add(Group.objects.get(name=Role.EDITOR))
    StaffScope.objects.create(user=user).bodies.set([world["district"]])
    client.force_login(user)
    response = reorganise(
        client, [world["district"]], "apply", effective_on="01/07/2025",
        successor=world["province"].pk,
    )  # fmt: skip
    assert "Bạn không có quyền với tổ chức tiếp nhận" in response.content.decode()
    world["district"].refresh_from_db()
    assert world["district"].dissolved_on is None
    outside = f"/quan-tri/organizations/unionbody/{world['province'].pk}/giai-the-sap-nhap/"
    assert client.get(outside).status_code == 403
