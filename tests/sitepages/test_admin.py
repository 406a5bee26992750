"""The chief editor edits the fixed pages, the menu and the footer in the admin; a reporter
or an editor cannot, whatever they post."""

import pytest

from organizations.permissions import Role
from sitepages.models import MenuItem, Page
from tests.admin_forms import form_data

pytestmark = pytest.mark.django_db
ADMIN = "/quan-tri/sitepages"


def change_form(client, url: str, **changes) -> dict:
    data = form_data(client.get(url).content.decode())
    data.update(changes)
    return data


def test_chief_editor_rewrites_about_and_readers_see_it_sanitised(client, staff_of):
    chief = staff_of(Role.CHIEF_EDITOR)
    client.get("/gioi-thieu/")  # cached for readers before the change
    about = Page.objects.get(slug="gioi-thieu")
    url = f"{ADMIN}/page/{about.pk}/change/"
    body = "<h2>Chức năng</h2><p>Đại diện, bảo vệ.</p><script>alert(1)</script><img src=x onerror=alert(1)>"

    response = chief.post(url, change_form(chief, url, body=body, title="Giới thiệu chung"))

    assert response.status_code == 302, response.content.decode()[:2000]
    html = client.get("/gioi-thieu/").content.decode()
    assert "<h1>Giới thiệu chung</h1>" in html
    assert "<h2>Chức năng</h2><p>Đại diện, bảo vệ.</p>" in html
    assert "alert(1)" not in html


def test_chief_editor_moves_and_renames_a_menu_item_and_readers_see_it(client, staff_of):
    chief = staff_of(Role.CHIEF_EDITOR)
    client.get("/")
    item = MenuItem.objects.get(target="section:awards:lookup")
    url = f"{ADMIN}/menuitem/{item.pk}/change/"

    response = chief.post(url, change_form(chief, url, title="Thi đua – Khen thưởng", order="1"))

    assert response.status_code == 302
    html = client.get("/").content.decode()
    nav = html[html.index('<nav class="site-nav"') :]
    assert nav.index(">Thi đua – Khen thưởng</a>") < nav.index(">Trang chủ</a>")


def test_chief_editor_adds_a_footer_link_to_a_page(client, staff_of):
    chief = staff_of(Role.CHIEF_EDITOR)
    site_map = Page.objects.get(slug="so-do-cong-thong-tin")
    data = change_form(chief, f"{ADMIN}/menuitem/add/")
    data.update(menu="footer", title="Bản đồ trang", destination=f"page:{site_map.pk}", order="1")

    assert chief.post(f"{ADMIN}/menuitem/add/", data).status_code == 302

    html = client.get("/").content.decode()
    assert '<a href="/so-do-cong-thong-tin/">Bản đồ trang</a>' in html[html.index("footer-links") :]
    assert MenuItem.objects.get(title="Bản đồ trang").page == site_map


@pytest.mark.parametrize("role", [Role.REPORTER, Role.EDITOR, Role.AWARDS_STAFF])
def test_other_roles_can_neither_open_nor_change_pages_and_menus(client, staff_of, role):
    other = staff_of(role)
    about = Page.objects.get(slug="gioi-thieu")
    item = MenuItem.objects.get(target="section:awards:lookup")
    for url in [f"{ADMIN}/page/", f"{ADMIN}/page/{about.pk}/change/", f"{ADMIN}/menuitem/",
                f"{ADMIN}/menuitem/{item.pk}/change/", f"{ADMIN}/menuitem/add/"]:  # fmt: skip
        assert other.get(url).status_code == 403, url

    other.post(f"{ADMIN}/page/{about.pk}/change/", {"title": "Bị sửa", "slug": "gioi-thieu"})
    other.post(
        f"{ADMIN}/menuitem/{item.pk}/change/", {"menu": "main", "title": "Bị sửa", "order": 1}
    )
    other.post(f"{ADMIN}/menuitem/{item.pk}/delete/", {"post": "yes"})

    assert Page.objects.get(pk=about.pk).title == "Giới thiệu"
    assert MenuItem.objects.get(pk=item.pk).title == ""
    assert "Bị sửa" not in client.get("/").content.decode()


def test_fixed_pages_keep_their_address_and_cannot_be_deleted(staff_of):
    chief = staff_of(Role.CHIEF_EDITOR)
    contact = Page.objects.get(slug="lien-he")
    url = f"{ADMIN}/page/{contact.pk}/change/"
    assert 'name="slug"' not in chief.get(url).content.decode()
    chief.post(url, change_form(chief, url, slug="doi-duong-dan"))
    assert chief.get(f"{ADMIN}/page/{contact.pk}/delete/").status_code == 403
    assert Page.objects.get(pk=contact.pk).slug == "lien-he"


def errors_of(client, data: dict) -> str:
    response = client.post(f"{ADMIN}/menuitem/add/", data)
    assert response.status_code == 200  # the form again, with the errors, nothing saved
    return response.content.decode()


@pytest.fixture
def add_form(staff_of):
    chief = staff_of(Role.CHIEF_EDITOR)
    blank = change_form(chief, f"{ADMIN}/menuitem/add/")
    return chief, blank


def test_menu_form_refuses_a_second_level_of_nesting(add_form):
    chief, blank = add_form
    top = MenuItem.objects.create(title="Nhóm")
    child = MenuItem.objects.create(parent=top, url="/to-chuc/")
    before = MenuItem.objects.count()
    html = errors_of(chief, {**blank, "parent": child.pk, "url": "/hoi-nghi/"})
    assert "Hãy chọn một lựa chọn hợp lệ" in html  # only top-level items are offered as parents
    assert MenuItem.objects.count() == before

    other_top = MenuItem.objects.create(title="Nhóm khác")
    url = f"{ADMIN}/menuitem/{top.pk}/change/"
    response = chief.post(url, change_form(chief, url, parent=other_top.pk))
    assert "đang có mục con nên phải ở hàng đầu" in response.content.decode()
    assert MenuItem.objects.get(pk=top.pk).parent is None


def test_menu_form_refuses_two_destinations_an_unsafe_address_and_an_empty_child(add_form):
    chief, blank = add_form
    before = MenuItem.objects.count()
    assert "không cả hai" in errors_of(
        chief, {**blank, "destination": "section:search", "url": "/to-chuc/"}
    )
    assert "Địa chỉ phải bắt đầu bằng /" in errors_of(
        chief, {**blank, "title": "Bấm", "url": "javascript:alert(1)"}
    )
    top = MenuItem.objects.create(title="Nhóm")
    assert "Mục con phải trỏ đến" in errors_of(chief, {**blank, "parent": top.pk, "title": "Con"})
    assert "hãy đặt tên" in errors_of(chief, {**blank})
    assert MenuItem.objects.count() == before + 1


def test_an_unsafe_address_saved_outside_the_admin_is_dropped():
    item = MenuItem.objects.create(title="Bấm", url="javascript:alert(1)")
    assert MenuItem.objects.get(pk=item.pk).url == ""
    assert MenuItem.objects.create(title="Ngoài", url="//evil.example/").url == ""
    assert MenuItem.objects.create(title="Tổng LĐ", url="https://congdoan.vn/").url


def test_menu_list_in_the_admin_costs_the_same_queries_for_few_and_many_items(staff_of):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.factories import CategoryFactory

    chief = staff_of(Role.CHIEF_EDITOR)

    def queries():
        chief.get(f"{ADMIN}/menuitem/")
        with CaptureQueriesContext(connection) as ctx:
            response = chief.get(f"{ADMIN}/menuitem/")
        assert response.status_code == 200
        return len(ctx.captured_queries)

    small = queries()
    for i, category in enumerate(CategoryFactory.create_batch(25)):
        top = MenuItem.objects.create(target=f"category:{category.pk}", order=300 + i)
        MenuItem.objects.create(parent=top, page=Page.objects.create(title=f"Trang {i}"))
    assert queries() == small
