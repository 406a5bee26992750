"""The union's tree, and history kept as data: dissolved bodies keep their page."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from organizations import services
from organizations.models import BodyAffiliation, UnionBody
from tests.factories import ArticleFactory, UnionBodyFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def province():
    return UnionBodyFactory(
        name="Liên đoàn Lao động tỉnh Lạng Sơn", short_name="LĐLĐ tỉnh", kind="provincial"
    )


def test_directory_shows_the_tree_nested_to_any_depth(client, province):
    district = UnionBodyFactory(
        name="Liên đoàn Lao động huyện Bắc Sơn", kind="district", parent=province
    )
    school = UnionBodyFactory(name="Công đoàn cơ sở Trường THPT Bắc Sơn", parent=district)
    team = UnionBodyFactory(name="Tổ công đoàn Tổ Toán", kind="sub_unit", parent=school)

    page = client.get("/to-chuc/").content.decode()
    positions = [page.index(b.name) for b in (province, district, school, team)]
    assert positions == sorted(positions)
    # Each level is a list inside its parent's item.
    tree = page[page.index(province.name) : page.index(team.name)]
    assert tree.count('<ul class="tree">') == 3


def test_dissolved_body_keeps_its_page_naming_its_end_and_successor(client, province):
    district = UnionBodyFactory(
        name="Liên đoàn Lao động huyện Đình Lập", kind="district", parent=province
    )
    article = ArticleFactory(title="Đại hội Công đoàn huyện Đình Lập 2023", source_body=district)
    services.dissolve_body(body=district, on=date(2025, 7, 1), successor=province)

    response = client.get(district.get_absolute_url())
    page = response.content.decode()
    assert response.status_code == 200
    assert "Đã giải thể, sáp nhập từ ngày 01/07/2025." in page
    assert f'Tổ chức kế thừa: <a href="{province.get_absolute_url()}">{province.name}</a>' in page
    assert article.title in page  # its old articles stay linked to it
    assert district.name in client.get(province.get_absolute_url()).content.decode()


def test_directory_shows_current_bodies_by_default_and_history_on_request(client, province):
    gone = UnionBodyFactory(
        name="Liên đoàn Lao động huyện Văn Quan", kind="district", parent=province
    )
    school = UnionBodyFactory(name="Công đoàn cơ sở Trường THPT Văn Quan", parent=gone)
    services.dissolve_body(
        body=gone, on=timezone.localdate() - timedelta(days=1), successor=province
    )

    current = client.get("/to-chuc/").content.decode()
    assert gone.name not in current
    assert school.name in current  # moved to the successor, not lost

    history = client.get("/to-chuc/", {"lich_su": "on"}).content.decode()
    assert gone.name in history and "đã giải thể" in history


def test_moving_a_body_keeps_the_old_parent_in_its_history(client, province):
    old = UnionBodyFactory(
        name="Liên đoàn Lao động huyện Chi Lăng", kind="district", parent=province
    )
    body = UnionBodyFactory(name="Công đoàn cơ sở Xi măng Đồng Bành", parent=old)
    services.move_body(body=body, new_parent=province, on=date(2025, 7, 1))

    body.refresh_from_db()
    assert body.parent == province
    links = list(BodyAffiliation.objects.filter(body=body).order_by("pk"))
    assert [(link.parent, link.ends_on) for link in links] == [
        (old, date(2025, 7, 1)),
        (province, None),
    ]
    page = client.get(body.get_absolute_url()).content.decode()
    assert f'Trực thuộc <a href="{old.get_absolute_url()}">{old.name}</a> đến 01/07/2025' in page
    assert body.name in client.get(old.get_absolute_url()).content.decode()


def test_changing_the_parent_in_the_admin_asks_for_the_day_it_takes_effect(staff_client, province):
    old = UnionBodyFactory(name="Công đoàn ngành Y tế", kind="sectoral", parent=province)
    body = UnionBodyFactory(name="Công đoàn cơ sở Bệnh viện Đa khoa tỉnh", parent=old)
    url = f"/quan-tri/organizations/unionbody/{body.pk}/change/"
    form = {
        "name": body.name, "short_name": body.short_name, "aliases": "", "slug": body.slug,
        "kind": "grassroots", "parent": province.pk, "display_order": 100,
        "address": "", "phone": "", "email": "", "website": "", "description": "",
        "founded_on": "", "dissolved_on": "", "successor": "", "history_note": "",
        "figures-TOTAL_FORMS": 0, "figures-INITIAL_FORMS": 0,
        "affiliations-TOTAL_FORMS": 0, "affiliations-INITIAL_FORMS": 0,
    }  # fmt: skip
    asked = staff_client.post(url, form)
    assert asked.status_code == 200
    assert "hãy ghi ngày việc đổi có hiệu lực" in asked.content.decode()
    body.refresh_from_db()
    assert body.parent == old and not BodyAffiliation.objects.filter(body=body).exists()

    response = staff_client.post(url, {**form, "parent_changed_on": "01/07/2025"})
    assert response.status_code == 302, response.content.decode()[:3000]
    assert list(BodyAffiliation.objects.filter(body=body).values_list("parent", "ends_on")) == [
        (old.pk, date(2025, 7, 1)),
        (province.pk, None),
    ]


def test_a_body_cannot_be_its_own_parent_or_successor_in_the_database(province):
    from django.db import IntegrityError, transaction

    for field in ("parent", "successor"):
        with pytest.raises(IntegrityError), transaction.atomic():
            UnionBody.objects.filter(pk=province.pk).update(**{field: province})
