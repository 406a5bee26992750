"""What readers see: the look-up, decision and recipient pages, verification, the body page."""

import re
from datetime import date

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from awards import services
from organizations import sections
from tests.factories import (
    AwardFormFactory,
    DecisionFactory,
    MeetingFactory,
    RecipientFactory,
    UnionBodyFactory,
)

pytestmark = pytest.mark.django_db


def shown(page: str, *names) -> set:
    main = page.split("<main", 1)[1]
    return {n for n in names if n in main}


def test_lookup_finds_names_and_units_without_diacritics_and_in_capitals(client):
    hanh = RecipientFactory(full_name="Hoàng Thị Hạnh", unit="Trường Tiểu học Đồng Giáp")
    tam = RecipientFactory(full_name="Lương Văn Tâm", unit="Trung tâm Y tế huyện Đình Lập")
    school = RecipientFactory(collective=True, collective_name="CĐCS Trường THPT Văn Quan", unit="")

    def found(q):
        return shown(client.get("/khen-thuong/", {"q": q}).content.decode(),
                     hanh.full_name, tam.full_name, school.collective_name)  # fmt: skip

    assert found("hoang thi hanh") == {hanh.full_name}
    assert found("HOÀNG THỊ HẠNH") == {hanh.full_name}
    assert found("DONG GIAP") == {hanh.full_name}  # by unit
    assert found("y te dinh lap") == {tam.full_name}
    assert found("cong doan co so van quan") == {school.collective_name}  # CĐCS expanded
    assert found("cdcs van quan") == {school.collective_name}
    assert found("khong ai ten nay") == set()


def test_a_look_up_by_name_pages_through_its_matches_newest_decision_first(client, settings):
    settings.PAGE_CACHE_ENABLED = False
    # 65 teachers of one school over 13 years, five a decision; one person of elsewhere.
    for year in range(2012, 2025):
        decision = DecisionFactory(issued_on=date(year, 5, 1))
        for order in range(1, 6):
            RecipientFactory(decision=decision, order=order, unit="Trường THPT Lộc Bình",
                             full_name=f"Giáo viên {year} số {order}")  # fmt: skip
    RecipientFactory(full_name="Người khác", unit="UBND xã Mẫu Sơn")

    def names(**params):
        page = client.get("/khen-thuong/", {"q": "thpt loc binh", **params}).content.decode()
        return re.findall(r"Giáo viên \d{4} số \d", page.split("<main", 1)[1]), page

    first, page = names()
    assert first[:6] == [*(f"Giáo viên 2024 số {n}" for n in range(1, 6)), "Giáo viên 2023 số 1"]
    assert len(first) == 30 and "65 lượt khen thưởng." in page and "Người khác" not in page
    assert "2013: 5 lượt" in page  # the chart counts every match, not those of the page
    second, _ = names(page="2")
    assert second[0] == "Giáo viên 2018 số 1" and len(second) == 30
    last, _ = names(page="3")
    assert last == [f"Giáo viên 2012 số {n}" for n in range(1, 6)]
    assert names(page="99")[0] == last  # past the end: the last page
    assert names(page="ba")[0] == first and names(page="0")[0] == first


def test_lookup_filters_by_year_form_kind_issuing_body_and_body(client):
    province = UnionBodyFactory(name="Liên đoàn Lao động tỉnh Lạng Sơn", kind="provincial")
    flag = AwardFormFactory(name="Cờ thi đua", level="provincial_union")
    body = UnionBodyFactory(name="Công đoàn cơ sở Trường THPT Đình Lập")
    old = RecipientFactory(full_name="Người được khen 2016", decision=DecisionFactory(
        issued_on=date(2016, 1, 15), issuing_body=province, form=flag))  # fmt: skip
    new = RecipientFactory(
        full_name="Người được khen 2021", decision=DecisionFactory(issued_on=date(2021, 1, 18))
    )
    team = RecipientFactory(collective=True, collective_name="Tập thể được khen", body=body,
                            decision=new.decision)  # fmt: skip

    def found(**params):
        return shown(client.get("/khen-thuong/", params).content.decode(),
                     old.full_name, new.full_name, team.collective_name)  # fmt: skip

    everyone = {old.full_name, new.full_name, team.collective_name}
    assert found() == everyone
    assert found(nam="2016") == {old.full_name}
    assert found(hinh_thuc=flag.slug) == {old.full_name}
    assert found(co_quan=province.slug) == {old.full_name}
    assert found(loai="collective") == {team.collective_name}
    assert found(to_chuc=body.slug) == {team.collective_name}
    assert found(nam="abc", loai="zzz") == everyone  # junk is ignored


@pytest.mark.parametrize(
    "params",
    [{"nam": "99999999999"}, {"nam": "-5"}, {"nam": "NaN"}, {"nam": "1e400"}, {"hinh_thuc": "x"},
     {"danh_hieu": "1"}, {"co_quan": "khong-co"}, {"phong_trao": "%"}, {"loai": "ai"},
     {"to_chuc": "x" * 500}, {"q": "\x00"}, {"q": "Đ" * 10_000}, {"page": "-1"},
     {"page": "99999999999999999999"}, {"nam": ["2020", "2021"]}],
)  # fmt: skip
def test_junk_filter_values_answer_200_never_500(client, params):
    RecipientFactory()
    expected = 400 if any("\x00" in v for v in params.values()) else 200  # NUL: refused at the door
    assert client.get("/khen-thuong/", params).status_code == expected


@pytest.mark.parametrize(
    "url",
    ["/khen-thuong/quyet-dinh/99999999999999999999999/", "/khen-thuong/quyet-dinh/0/1/",
     "/khen-thuong/xac-minh/%00%00%00%00/", "/khen-thuong/xac-minh/ABCD/ma-qr.svg"],
)  # fmt: skip
def test_junk_addresses_answer_404(client, url):
    # An address with NUL bytes is refused at the door (400); other junk is not found.
    assert client.get(url).status_code == (400 if "%00" in url else 404)


def test_the_chart_counts_by_year_and_form_in_one_query(client, settings):
    settings.PAGE_CACHE_ENABLED = False
    certificate = AwardFormFactory(name="Giấy khen")
    merit = AwardFormFactory(name="Bằng khen", level="provincial_union")

    def award(year, form, n):
        decision = DecisionFactory(issued_on=date(year, 5, 1), form=form)
        for _ in range(n):
            RecipientFactory(decision=decision)

    def chart_and_queries():
        # A look-up with a filter counts its own matches (the bare page's counts are kept
        # per content version, see the next test).
        params = {"q": "van quan"}
        client.get("/khen-thuong/", params)  # the site chrome: once per content version
        with CaptureQueriesContext(connection) as ctx:
            page = client.get("/khen-thuong/", params).content.decode()
        grouped = [q["sql"] for q in ctx.captured_queries if "GROUP BY" in q["sql"]
                   and '"year"' in q["sql"] and "awards_awardform" in q["sql"]]  # fmt: skip
        return page, len(ctx.captured_queries), grouped

    for year, form, n in [(2019, certificate, 2), (2020, certificate, 3), (2020, merit, 1)]:
        award(year, form, n)
    page, queries, grouped = chart_and_queries()
    assert '<svg width="100%" height="240" role="img"' in page
    assert "2019: 2 lượt (Giấy khen 2)" in page
    assert "2020: 4 lượt (Giấy khen 3, Bằng khen 1)" in page
    assert len(grouped) == 1

    flag = AwardFormFactory(name="Cờ thi đua", level="provincial_union")
    for year in range(2014, 2019):
        for form in (certificate, merit, flag):
            award(year, form, 1)
    page, more_queries, grouped = chart_and_queries()
    assert "2016: 3 lượt (Giấy khen 1, Bằng khen 1, Cờ thi đua 1)" in page
    assert more_queries == queries and len(grouped) == 1


def test_the_bare_look_up_counts_every_recipient_once_per_content_version(client, settings):
    settings.PAGE_CACHE_ENABLED = False
    decision = DecisionFactory(issued_on=date(2020, 5, 1))
    RecipientFactory(decision=decision)

    def grouped_queries_and_page():
        with CaptureQueriesContext(connection) as ctx:
            page = client.get("/khen-thuong/").content.decode()
        return sum("GROUP BY" in q["sql"] for q in ctx.captured_queries), page

    assert grouped_queries_and_page()[0] == 1
    again, page = grouped_queries_and_page()
    assert again == 0 and "2020: 1 lượt" in page and "1 lượt khen thưởng." in page
    RecipientFactory(decision=decision)  # a change: the counts are computed afresh, once
    first, page = grouped_queries_and_page()
    assert first == 1 and "2020: 2 lượt" in page and "2 lượt khen thưởng." in page
    assert grouped_queries_and_page()[0] == 0


def test_the_look_up_matches_the_beginnings_of_words_not_their_middles(client):
    thanh = RecipientFactory(full_name="Nguyễn Văn Thành", unit="Trường THPT Lộc Bình")
    hanh = RecipientFactory(full_name="Hoàng Thị Hạnh", unit="Trường THPT Lộc Bình")

    def found(q):
        page = client.get("/khen-thuong/", {"q": q}).content.decode()
        return shown(page, thanh.full_name, hanh.full_name)

    assert found("hanh") == {hanh.full_name}  # not “tHANH”
    assert found("han") == {hanh.full_name}  # a name still being typed
    assert found("truong thpt loc") == {thanh.full_name, hanh.full_name}
    assert found("rung") == set()


def test_lookup_runs_the_same_small_number_of_queries_with_5_and_50_recipients(page_queries):
    def build(n):
        for i in range(n):
            decision = DecisionFactory(issued_on=date(2016 + i % 9, 3, 1))
            RecipientFactory(decision=decision)
            RecipientFactory(decision=decision, collective=True, body=UnionBodyFactory())

    def measure():
        result = {}
        for params in [{}, {"q": "hanh"}, {"nam": "2020", "loai": "individual"}]:
            result[str(params)] = page_queries("/khen-thuong/", params)
        return result

    build(5)
    small = measure()
    build(45)
    large = measure()
    assert small == large
    assert max(large.values()) <= 12
    # A name typed into the box: its counts and its page, nothing else (the lists of forms,
    # titles, bodies and movements are read once per content version).
    assert large[str({"q": "hanh"})] <= 2


def test_the_filter_lists_show_a_new_award_form_at_once(client, settings):
    settings.PAGE_CACHE_ENABLED = False
    RecipientFactory()
    assert "Cờ thi đua" not in client.get("/khen-thuong/").content.decode()
    flag = AwardFormFactory(name="Cờ thi đua", level="provincial_union")
    page = client.get("/khen-thuong/").content.decode()
    assert f'<option value="{flag.slug}">Cờ thi đua – Liên đoàn Lao động tỉnh</option>' in page
    chosen = client.get("/khen-thuong/", {"hinh_thuc": flag.slug}).content.decode()
    assert f'<option value="{flag.slug}" selected>Cờ thi đua – Liên đoàn' in chosen


def test_a_decision_page_lists_its_recipients_each_with_a_permalink(client):
    decision = DecisionFactory(
        number="45", reason="Đã có thành tích xuất sắc giai đoạn 2015 – 2020."
    )
    person = RecipientFactory(decision=decision, full_name="Hoàng Thị Hạnh", position="Giáo viên")
    team = RecipientFactory(decision=decision, collective=True, collective_name="Tổ Văn")
    page = client.get(decision.get_absolute_url()).content.decode()
    assert "Quyết định số 45/QĐ-LĐLĐ" in page
    assert "1 tập thể, 1 cá nhân" in page
    assert (
        f'href="{person.get_absolute_url()}"' in page
        and f'href="{team.get_absolute_url()}"' in page
    )
    permalink = client.get(person.get_absolute_url())
    assert permalink.status_code == 200 and "Hoàng Thị Hạnh" in permalink.content.decode()


def test_a_decision_page_gives_its_number_date_signer_and_level_before_the_long_list(client):
    merit = AwardFormFactory(name="Bằng khen", level="provincial_union")
    decision = DecisionFactory(number="88", form=merit, issued_on=date(2024, 3, 7),
                               signer_name="Lương Chí Công", signer_position="Phó Chủ tịch")  # fmt: skip
    for _ in range(30):
        RecipientFactory(decision=decision)
    page = client.get(decision.get_absolute_url()).content.decode()
    main = page.split("<main", 1)[1]
    facts = {
        "số": main.index("<dt>Số, ký hiệu</dt><dd>"),
        "ngày ký": main.index("<dt>Ngày ký</dt><dd>07/03/2024</dd>"),
        "người ký": main.index("<dt>Người ký</dt><dd>Phó Chủ tịch Lương Chí Công</dd>"),
        "cấp": main.index("<dt>Cấp khen</dt><dd>Liên đoàn Lao động tỉnh</dd>"),
        "hình thức": main.index("<dt>Hình thức</dt><dd>Bằng khen</dd>"),
    }
    first_recipient = main.index('<tr id="r')
    assert all(at < first_recipient for at in facts.values()), facts


def test_each_row_names_its_columns_so_a_phone_can_show_it_as_a_card(client):
    decision = DecisionFactory(number="12")
    RecipientFactory(decision=decision, full_name="Vi Thị Mai", unit="Trường <THCS> Tân Văn",
                     achievement="Hoàn thành xuất sắc nhiệm vụ")  # fmt: skip
    RecipientFactory(decision=decision, collective=True, collective_name="Tổ Văn", unit="")
    lookup = client.get("/khen-thuong/").content.decode()
    assert 'class="data-table awards-table card-table"' in lookup
    assert '<td class="text" data-label="Đơn vị">Trường &lt;THCS&gt; Tân Văn</td>' in lookup
    assert '<td class="text"></td>' in lookup  # no unit: no label, the card hides the cell
    listing = client.get(decision.get_absolute_url()).content.decode()
    assert 'class="data-table awards-table card-table card-table--numbered"' in listing
    assert '<td class="text" data-label="Đơn vị">Trường &lt;THCS&gt; Tân Văn</td>' in listing
    assert '<td class="text" data-label="Thành tích">Hoàn thành xuất sắc nhiệm vụ</td>' in listing


def _table_rows(page: str, anchor: str) -> list[tuple[str, str]]:
    """(STT, name) of each row of the table under the heading with that id."""
    import re

    part = page.split(f'id="{anchor}"', 1)[1].split("</table>", 1)[0]
    return re.findall(
        r'<tr id="r\d+">\s*<td>(\d+)</td>\s*<td class="text"><a [^>]*>([^<]+)</a>', part
    )


def test_collectives_and_individuals_are_two_lists_each_numbered_from_one(client):
    decision = DecisionFactory()
    # Numbers as a second import left them before the fix: 1, 2, 3, 5 twice over.
    for order, name in [(1, "Tổ Văn"), (2, "Tổ Toán"), (5, "Tổ Sử")]:
        RecipientFactory(decision=decision, collective=True, collective_name=name, order=order)
    for order, name in [(1, "Vi Thị Mai"), (1, "Hoàng Thị Hạnh"), (3, "Lương Văn Tâm")]:
        RecipientFactory(decision=decision, full_name=name, order=order)
    page = client.get(decision.get_absolute_url()).content.decode()
    assert '<h3 id="tap-the" class="group-title">Tập thể <span class="meta">(3)</span></h3>' in page
    assert _table_rows(page, "tap-the") == [("1", "Tổ Văn"), ("2", "Tổ Toán"), ("3", "Tổ Sử")]
    assert _table_rows(page, "ca-nhan") == [
        ("1", "Vi Thị Mai"), ("2", "Hoàng Thị Hạnh"), ("3", "Lương Văn Tâm"),
    ]  # fmt: skip


def test_the_numbering_runs_on_across_pages(client, settings):
    from awards import views

    decision = DecisionFactory()
    for i in range(3):
        RecipientFactory(decision=decision, collective=True, collective_name=f"Tổ {i}", order=i)
    for i in range(4):
        RecipientFactory(decision=decision, full_name=f"Người thứ {i}", order=i)
    page_size, views.DECISION_PAGE_SIZE = views.DECISION_PAGE_SIZE, 5
    try:
        second = client.get(decision.get_absolute_url(), {"page": 2}).content.decode()
    finally:
        views.DECISION_PAGE_SIZE = page_size
    assert _table_rows(second, "ca-nhan") == [("3", "Người thứ 2"), ("4", "Người thứ 3")]


def test_the_achievement_column_shows_only_when_the_decision_has_achievements(client):
    plain = DecisionFactory(number="1")
    RecipientFactory(decision=plain, full_name="Vi Thị Mai", achievement="")
    told = DecisionFactory(number="2")
    RecipientFactory(decision=told, full_name="Hoàng Thị Hạnh", achievement="Lao động giỏi 3 năm")
    assert "Thành tích" not in client.get(plain.get_absolute_url()).content.decode()
    page = client.get(told.get_absolute_url()).content.decode()
    assert '<th scope="col">Thành tích</th>' in page and "Lao động giỏi 3 năm" in page


def test_a_unit_matched_to_a_union_body_links_to_its_page(client):
    school = UnionBodyFactory(name="Công đoàn cơ sở Trường THPT Đình Lập")
    decision = DecisionFactory()
    RecipientFactory(decision=decision, full_name="Triệu Văn Sơn", unit="Trường THPT Đình Lập",
                     unit_body=school)  # fmt: skip
    page = client.get(decision.get_absolute_url()).content.decode()
    assert f'<a href="{school.get_absolute_url()}">Trường THPT Đình Lập</a>' in page


def test_the_recipient_page_offers_a_qr_code_of_its_verification_address(client):
    person = RecipientFactory()
    page = client.get(person.get_absolute_url()).content.decode()
    address = f"http://testserver/khen-thuong/xac-minh/{person.verification_code}/"
    assert address in page
    assert '<svg width="' in page and 'class="qr-code"' in page
    svg = client.get(f"/khen-thuong/xac-minh/{person.verification_code}/ma-qr.svg")
    assert svg.status_code == 200 and svg["Content-Type"].startswith("image/svg+xml")
    assert svg.content.startswith(b"<?xml") and b"<svg" in svg.content


def test_verification_shows_the_record_for_a_real_code_typed_loosely(client):
    person = RecipientFactory(full_name="Hoàng Thị Hạnh", unit="Trường Tiểu học Đồng Giáp")
    code = person.verification_code
    for typed in (code, code.lower(), f"{code[:5]}-{code[5:]}"):
        response = client.get(f"/khen-thuong/xac-minh/{typed}/")
        page = response.content.decode()
        assert response.status_code == 200, typed
        assert f"Mã {code} khớp với bản ghi khen thưởng" in page
        assert "Hoàng Thị Hạnh" in page and person.decision.reference in page
    form = client.get("/khen-thuong/xac-minh/", {"ma": f" {code.lower()} "})
    assert form.status_code == 302 and form["Location"].endswith(f"/xac-minh/{code}/")


def test_verification_says_clearly_that_a_made_up_code_has_no_record(client):
    RecipientFactory()
    response = client.get("/khen-thuong/xac-minh/ABCDEFGHJK/")
    assert response.status_code == 404
    assert "Không có bản ghi khen thưởng nào mang mã “ABCDEFGHJK”." in response.content.decode()


def test_a_revoked_decision_stays_visible_marked_with_the_revoking_decision(client):
    person = RecipientFactory(full_name="Vi Thị Mai")
    revoking = DecisionFactory(number="19", issuing_body=person.decision.issuing_body)
    services.revoke_decision(decision=person.decision, revoked_on=date(2025, 3, 10),
                             revoking_decision=revoking, reason="Không đúng đối tượng.")  # fmt: skip
    decision_page = client.get(person.decision.get_absolute_url()).content.decode()
    assert "Đã bị thu hồi bởi quyết định số" in decision_page
    assert f'<a href="{revoking.get_absolute_url()}">19/QĐ-LĐLĐ</a>' in decision_page
    assert "Không đúng đối tượng." in decision_page
    revoking_page = client.get(revoking.get_absolute_url()).content.decode()
    assert f"quyết định số {person.decision.reference}" in revoking_page
    lookup = client.get("/khen-thuong/", {"q": "vi thi mai"}).content.decode()
    assert "Vi Thị Mai" in lookup and "Đã bị thu hồi" in lookup
    verify = client.get(f"/khen-thuong/xac-minh/{person.verification_code}/")
    assert verify.status_code == 200
    assert "quyết định khen thưởng đã bị thu hồi" in verify.content.decode()


def test_decisions_not_yet_public_are_hidden_from_readers_but_previewed_by_staff(staff_client):
    client = Client()  # a reader, beside the logged-in staff member
    person = RecipientFactory(
        full_name="Nông Văn Chưa", decision=DecisionFactory(is_published=False)
    )
    decision = person.decision
    assert client.get(decision.get_absolute_url()).status_code == 404
    assert client.get(person.get_absolute_url()).status_code == 404
    assert client.get(f"/khen-thuong/xac-minh/{person.verification_code}/").status_code == 404
    assert "Nông Văn Chưa" not in client.get("/khen-thuong/", {"q": "nong van"}).content.decode()
    preview = staff_client.get(decision.get_absolute_url())
    assert preview.status_code == 200 and "Bản xem trước" in preview.content.decode()
    assert "no-store" in preview["Cache-Control"]


def test_the_body_page_lists_its_commendations_without_organizations_importing_awards(client):
    body = UnionBodyFactory(name="Công đoàn cơ sở Trường THPT Đình Lập")
    mine = RecipientFactory(collective=True, body=body, collective_name="",
                            decision=DecisionFactory(number="12"))  # fmt: skip
    RecipientFactory(collective=True, body=body, decision=DecisionFactory(is_published=False))
    page = client.get(body.get_absolute_url()).content.decode()
    assert "Khen thưởng" in page and f'href="{mine.get_absolute_url()}"' in page
    assert "12/QĐ-LĐLĐ" in page
    assert f"/khen-thuong/?to_chuc={body.slug}" in page
    assert "awards" in {s["key"] for s in sections.render_context("body", body)}
    other = UnionBodyFactory()
    assert "awards" not in {s["key"] for s in sections.render_context("body", other)}


def test_the_meeting_page_lists_the_decisions_presented_there(client):
    meeting = MeetingFactory(title="Hội nghị sơ kết 6 tháng đầu năm 2020")
    decision = DecisionFactory(number="45", meeting=meeting)
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "Khen thưởng trao tại hội nghị" in page and decision.get_absolute_url() in page


def test_changes_to_decisions_reach_cached_pages_at_once(client):
    person = RecipientFactory(full_name="Hoàng Văn Cũ")
    assert "Hoàng Văn Cũ" in client.get("/khen-thuong/").content.decode()
    person.full_name = "Hoàng Văn Mới"
    person.save()
    assert "Hoàng Văn Mới" in client.get("/khen-thuong/").content.decode()


def test_each_row_of_the_look_up_says_whether_a_collective_or_a_person_was_commended(client):
    RecipientFactory(full_name="Hoàng Thị Hạnh", unit="Trường Tiểu học Đồng Giáp")
    RecipientFactory(collective=True, collective_name="Tổ Toán Trường Tiểu học Đồng Giáp")
    page = client.get("/khen-thuong/", {"q": "dong giap"}).content.decode()
    badge = r'</a>(<br><span class="meta">[^<]*</span>)?\s*<span class="badge">'
    assert re.search("Hoàng Thị Hạnh" + badge + "Cá nhân</span>", page)
    assert re.search("Tổ Toán Trường Tiểu học Đồng Giáp" + badge + "Tập thể</span>", page)
