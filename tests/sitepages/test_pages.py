"""Giới thiệu, Liên hệ and Sơ đồ cổng thông tin: the chief editor's text, and the parts
generated from the records (organisation chart, offices, the portal's map)."""

from datetime import date

import pytest

from organizations.models import UnionBody
from sitepages.models import MenuItem, Page
from tests.factories import CategoryFactory, UnionBodyFactory

pytestmark = pytest.mark.django_db


def page(slug: str) -> Page:
    return Page.objects.get(slug=slug)


def federation(**fields) -> UnionBody:
    return UnionBody.objects.create(
        name="Liên đoàn Lao động tỉnh Lạng Sơn", kind="provincial", **fields
    )


def test_the_fixed_pages_exist_from_the_start_at_their_own_addresses(client):
    for url, title in [
        ("/gioi-thieu/", "Giới thiệu"),
        ("/lien-he/", "Liên hệ"),
        ("/so-do-cong-thong-tin/", "Sơ đồ cổng thông tin"),
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert f"<h1>{title}</h1>" in response.content.decode()


def test_about_page_shows_the_written_text_and_a_chart_generated_from_the_union_tree(client):
    about = page("gioi-thieu")
    about.body = "<h2>Lịch sử</h2><p>Thành lập từ những năm đầu.</p>"
    about.save()
    province = federation()
    education = UnionBodyFactory(name="Công đoàn ngành Giáo dục", kind="sectoral", parent=province)
    UnionBodyFactory.create_batch(3, parent=education)
    UnionBodyFactory.create_batch(2, parent=province)  # grassroots straight under the province
    UnionBodyFactory(
        name="LĐLĐ huyện Bắc Sơn", kind="district", parent=province, dissolved_on=date(2025, 7, 1)
    )

    response = client.get("/gioi-thieu/")

    html = response.content.decode()
    assert "<p>Thành lập từ những năm đầu.</p>" in html
    assert '<p class="org-chart-root"><a href="/to-chuc/lien-doan-lao-dong-tinh-lang-son/">' in html
    assert 'Công đoàn ngành Giáo dục</a> <span class="meta">3 tổ chức trực thuộc</span>' in html
    assert 'Công đoàn cơ sở trực thuộc trực tiếp</a> <span class="meta">2 tổ chức</span>' in html
    assert "Bắc Sơn" not in html  # dissolved: no longer part of the chart


def test_about_page_runs_the_same_queries_for_a_small_and_a_large_union_tree(page_queries):
    province = federation()

    def grow(n):
        for i in range(n):
            unit = UnionBodyFactory(
                name=f"Công đoàn ngành số {i}", kind="sectoral", parent=province
            )
            UnionBodyFactory.create_batch(2, parent=unit)

    grow(2)
    small = page_queries("/gioi-thieu/")
    grow(20)
    assert page_queries("/gioi-thieu/") == small <= 6


def test_contact_page_lists_offices_federation_first_then_by_level_in_vietnamese_order(client):
    province = federation(address="Số 2 đường Hoàng Văn Thụ", phone="0205 3812 345")
    for name in ["Công đoàn Viên chức tỉnh", "Công đoàn ngành Y tế", "Công đoàn ngành Đường sắt",
                 "Công đoàn ngành Giáo dục"]:  # fmt: skip
        UnionBodyFactory(name=name, kind="sectoral", parent=province, phone="0205 111 222")
    UnionBodyFactory(name="Công đoàn ngành Không có số", kind="sectoral", parent=province)
    UnionBodyFactory(name="CĐCS Trường Tiểu học Kim Đồng", parent=province, phone="0205 999")
    UnionBodyFactory(
        name="LĐLĐ huyện Bắc Sơn", kind="district", parent=province, phone="0205 888",
        dissolved_on=date(2025, 7, 1),
    )  # fmt: skip

    html = client.get("/lien-he/").content.decode()

    order = ["Liên đoàn Lao động tỉnh Lạng Sơn</a>", "Công đoàn ngành</h2>",
             "Công đoàn ngành Đường sắt", "Công đoàn ngành Giáo dục", "Công đoàn ngành Y tế",
             "Công đoàn Viên chức tỉnh"]  # fmt: skip
    positions = [html.index(text) for text in order]
    assert positions == sorted(positions)
    assert '<a href="tel:02053812345">0205 3812 345</a>' in html
    assert "Không có số" not in html  # no address, phone or e-mail on record
    assert "Kim Đồng" not in html  # grassroots unions are reached through their body page
    assert "Bắc Sơn" not in html  # dissolved


def test_contact_page_runs_the_same_queries_for_few_and_many_bodies(page_queries):
    province = federation(phone="0205 3812 345")

    def grow(n):
        UnionBodyFactory.create_batch(n, kind="sectoral", parent=province, phone="0205 1")

    grow(2)
    small = page_queries("/lien-he/")
    grow(30)
    assert page_queries("/lien-he/") == small <= 6


def test_contact_page_links_the_contact_form(client):
    html = client.get("/lien-he/").content.decode()
    assert '<a class="button" href="/lien-he/gui/">Gửi thư liên hệ</a>' in html


def test_site_map_shows_the_menu_every_section_category_and_page(client):
    CategoryFactory(name="Nữ công", in_menu=False)
    Page.objects.create(title="Quy chế hoạt động")

    html = client.get("/so-do-cong-thong-tin/").content.decode()

    for link in ['<a href="/">Trang chủ</a>', '<a href="/to-chuc/">Tổ chức công đoàn</a>',
                 '<a href="/khoi-thi-dua/">Khối, cụm thi đua</a>',
                 '<a href="/khen-thuong/">Khen thưởng</a>', '<a href="/tim-kiem/">Tìm kiếm</a>',
                 '<a href="/chuyen-muc/nu-cong/">Nữ công</a>',
                 '<a href="/trang/quy-che-hoat-dong/">Quy chế hoạt động</a>',
                 '<a href="/lien-he/">Liên hệ</a>']:  # fmt: skip
        assert link in html, link


def test_site_map_runs_the_same_queries_for_few_and_many_categories_and_items(page_queries):
    CategoryFactory.create_batch(2)
    small = page_queries("/so-do-cong-thong-tin/")
    for category in CategoryFactory.create_batch(20):
        MenuItem.objects.create(menu="footer", target=f"category:{category.pk}")
    Page.objects.bulk_create(Page(title=f"Trang {i}", slug=f"trang-{i}") for i in range(20))
    assert page_queries("/so-do-cong-thong-tin/") == small <= 8


def test_page_text_is_sanitised_and_normalised_whatever_saves_it():
    written = Page.objects.create(
        title="Quy che\u0301 ",  # decomposed accent, trailing space
        body='<p onclick="x()">Chào <a href="javascript:alert(1)">bạn</a></p>'
        "<script>alert(1)</script><iframe src=//x></iframe>",
    )
    written.refresh_from_db()
    assert written.title == "Quy ch\u00e9"
    assert "script" not in written.body and "onclick" not in written.body
    assert "javascript:" not in written.body and "iframe" not in written.body
    assert "Chào" in written.body


def test_other_pages_live_under_trang_and_a_fixed_page_there_redirects_to_its_own_address(client):
    Page.objects.create(title="Quy chế hoạt động", body="<p>Điều 1.</p>")
    assert "<p>Điều 1.</p>" in client.get("/trang/quy-che-hoat-dong/").content.decode()
    moved = client.get("/trang/gioi-thieu/")
    assert (moved.status_code, moved["Location"]) == (301, "/gioi-thieu/")
    assert client.get("/trang/khong-co/").status_code == 404


def test_a_missing_fixed_page_is_a_404_not_an_error(client):
    page("lien-he").delete()
    assert client.get("/lien-he/").status_code == 404
