"""The main menu and the footer links are data: today's menu by default, edited in the admin,
nested one level without script, and costing no query per item."""

import re
import socket

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from lsunion.cache import bump
from sitepages.menus import build
from sitepages.models import MenuItem, Page
from tests.factories import CategoryFactory

pytestmark = pytest.mark.django_db


def nav(html: str) -> str:
    return html[html.index('<nav class="site-nav"') : html.index("</nav>")]


def footer(html: str) -> str:
    return html[html.index('<nav class="footer-links"') :]


def links(fragment: str) -> list[tuple[str, str]]:
    return re.findall(r'<a href="([^"]*)"[^>]*>([^<]*)</a>', fragment)


def test_default_menu_is_the_menu_the_portal_had_plus_about_contact_library_and_questions(client):
    CategoryFactory(name="Hoạt động công đoàn", slug="hoat-dong-cong-doan", order=10)
    CategoryFactory(name="Nữ công", slug="nu-cong", order=20)
    CategoryFactory(name="Lưu trữ", slug="luu-tru", in_menu=False)

    assert links(nav(client.get("/").content.decode())) == [
        ("/", "Trang chủ"),
        ("/gioi-thieu/", "Giới thiệu"),
        ("/chuyen-muc/hoat-dong-cong-doan/", "Hoạt động công đoàn"),
        ("/chuyen-muc/nu-cong/", "Nữ công"),
        ("/to-chuc/", "Tổ chức công đoàn"),
        ("/hoi-nghi/", "Hội nghị"),
        ("/khen-thuong/", "Khen thưởng"),
        ("/van-ban/", "Văn bản"),
        ("/hoi-dap/", "Hỏi đáp"),
        ("/lien-he/", "Liên hệ"),
    ]


def test_footer_has_links_of_its_own(client):
    assert links(footer(client.get("/").content.decode())) == [
        ("/gioi-thieu/", "Giới thiệu"),
        ("/lien-he/", "Liên hệ"),
        ("/so-do-cong-thong-tin/", "Sơ đồ cổng thông tin"),
        ("/tim-kiem/", "Tìm kiếm"),
        ("/rss/", "Tin mới (RSS)"),
    ]


def test_the_current_item_is_marked_for_screen_readers(client):
    CategoryFactory(name="Nữ công", slug="nu-cong")
    for url in ["/", "/chuyen-muc/nu-cong/", "/to-chuc/", "/khen-thuong/", "/lien-he/"]:
        current = re.findall(
            r'<a href="([^"]*)" aria-current="page">', nav(client.get(url).content.decode())
        )
        assert current == [url], url


def test_an_item_with_items_under_it_opens_them_without_script(client):
    organisations = MenuItem.objects.get(target="section:organizations:directory")
    organisations.title = "Tổ chức"
    organisations.save()
    MenuItem.objects.create(parent=organisations, target="section:organizations:meeting-list")
    MenuItem.objects.create(
        parent=organisations, target="section:organizations:block-list", order=200
    )
    MenuItem.objects.filter(parent=None, target="section:organizations:meeting-list").delete()

    html = nav(client.get("/hoi-nghi/").content.decode())

    group = html[html.index('<li class="has-children">') :]
    group = group[: group.index("</details>")]
    assert "<summary>Tổ chức</summary>" in group
    # The item's own page first, by its own name, then the items under it, in order.
    assert links(group) == [
        ("/to-chuc/", "Tổ chức công đoàn"),
        ("/hoi-nghi/", "Hội nghị"),
        ("/khoi-thi-dua/", "Khối, cụm thi đua"),
    ]
    assert '<a href="/hoi-nghi/" aria-current="page">' in group


def test_a_heading_groups_links_and_hidden_items_are_left_out(client):
    heading = MenuItem.objects.create(menu="footer", title="Liên kết hữu ích", order=5)
    MenuItem.objects.create(
        menu="footer", parent=heading, url="https://www.congdoan.vn/", title="Tổng Liên đoàn"
    )
    MenuItem.objects.create(menu="footer", parent=heading, url="/khoi-thi-dua/", is_active=False)
    hidden_parent = MenuItem.objects.create(menu="footer", title="Ẩn", is_active=False)
    MenuItem.objects.create(menu="footer", parent=hidden_parent, url="/tim-kiem/?q=an", title="Con")

    html = footer(client.get("/").content.decode())

    assert '<span class="footer-group">Liên kết hữu ích</span>' in html
    assert ("https://www.congdoan.vn/", "Tổng Liên đoàn") in links(html)
    assert "/khoi-thi-dua/" not in html and "Ẩn" not in html and "Con</a>" not in html


def test_an_item_whose_category_was_deleted_disappears_without_an_error(client):
    category = CategoryFactory(name="Chuyên đề cũ")
    MenuItem.objects.create(target=f"category:{category.pk}", order=65)
    assert "Chuyên đề cũ" in nav(client.get("/").content.decode())
    category.delete()
    response = client.get("/")
    assert response.status_code == 200
    assert "Chuyên đề cũ" not in nav(response.content.decode())


def test_a_changed_menu_reaches_readers_of_a_cached_page_at_once(client):
    assert "Khen thưởng</a>" in nav(client.get("/").content.decode())  # now in the page cache
    item = MenuItem.objects.get(target="section:awards:lookup")
    item.title = "Thi đua, khen thưởng"
    item.save()  # bumps the content version
    html = nav(client.get("/").content.decode())
    assert ">Thi đua, khen thưởng</a>" in html and ">Khen thưởng</a>" not in html


def count(func):
    with CaptureQueriesContext(connection) as ctx:
        func()
    return len(ctx.captured_queries)


def test_building_both_menus_costs_two_queries_whatever_their_size_and_none_once_cached(client):
    CategoryFactory.create_batch(3)
    small = count(build)
    categories = CategoryFactory.create_batch(30)
    for i, category in enumerate(categories):
        parent = MenuItem.objects.create(target=f"category:{category.pk}", order=100 + i)
        MenuItem.objects.create(parent=parent, page=Page.objects.create(title=f"Trang {i}"))
        MenuItem.objects.create(menu="footer", url=f"/trang/trang-{i}/", title=f"Trang {i}")
    menus = build()
    assert len(menus["main"]) > 30 and len(menus["footer"]) > 30
    assert count(build) == small == 2

    bump()
    client.get("/")  # the first page after a change builds the menus once
    assert count(lambda: client.get("/so-do-cong-thong-tin/")) <= 8  # not one query per item
    cache.clear()
    with CaptureQueriesContext(connection) as ctx:
        client.get("/tim-kiem/")
    menu_queries = [q for q in ctx.captured_queries if "sitepages_menuitem" in q["sql"]]
    assert len(menu_queries) == 1


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_the_menu_still_shows_when_redis_is_down(client, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "lsunion.cache_backends.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{free_port()}/0",  # nothing listens there
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        }
    }
    response = client.get("/gioi-thieu/")
    assert response.status_code == 200
    assert ("/lien-he/", "Liên hệ") in links(nav(response.content.decode()))
