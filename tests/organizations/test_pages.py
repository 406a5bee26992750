"""Body, meeting and person pages: what readers see, filters, and constant query counts."""

import re
from datetime import date, timedelta

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from organizations import sections
from organizations.models import MeetingAttendee, MemberFigure, Position
from tests.factories import (
    ArticleFactory,
    MeetingFactory,
    PersonFactory,
    TermFactory,
    UnionBodyFactory,
)

pytestmark = pytest.mark.django_db


def test_body_page_shows_leaders_terms_figures_children_and_meetings(client):
    province = UnionBodyFactory(name="Liên đoàn Lao động tỉnh Lạng Sơn", kind="provincial")
    child = UnionBodyFactory(name="Công đoàn ngành Giáo dục", kind="sectoral", parent=province)
    term = TermFactory(body=province, congress_number="XVI", starts_year=2018, ends_year=2023)
    chair = PersonFactory(full_name="Nguyễn Thiện Phú")
    Position.objects.create(person=chair, body=province, term=term, title="chair", organ="btv",
                            starts_on=date(2018, 8, 1))  # fmt: skip
    former = PersonFactory(full_name="Hoàng Văn Cũ")
    Position.objects.create(person=former, body=province, title="vice_chair",
                            starts_on=date(2013, 1, 1), ends_on=date(2018, 8, 1))  # fmt: skip
    MemberFigure.objects.create(body=province, year=2020, members=41000, women_members=22000)
    MemberFigure.objects.create(body=province, year=2021, members=42000, women_members=22500)
    meeting = MeetingFactory(organiser=province, title="Hội nghị tổng kết năm 2021")

    page = client.get(province.get_absolute_url()).content.decode()
    leaders = page[page.index("Lãnh đạo hiện nay") : page.index("Các nhiệm kỳ")]
    assert "Nguyễn Thiện Phú</a> – Chủ tịch" in leaders
    assert "Hoàng Văn Cũ" not in leaders
    assert "Đại hội XVI, nhiệm kỳ 2018 – 2023" in page
    assert '<svg width="100%" height="240" role="img"' in page
    assert "2021: 42.000 đoàn viên, 22.500 nữ" in page
    assert child.name in page and meeting.title in page


def test_the_members_chart_and_its_table_write_numbers_the_vietnamese_way(client):
    body = UnionBodyFactory(name="Liên đoàn Lao động huyện Bắc Sơn")
    MemberFigure.objects.create(body=body, year=2023, members=1250, women_members=640)
    MemberFigure.objects.create(body=body, year=2024, members=2350, new_members=1031)

    page = client.get(body.get_absolute_url()).content.decode()
    chart = page[page.index('<figure class="chart">') : page.index("</figure>")]
    ticks = re.findall(r'<text class="chart-label" x="-6"[^>]*>([^<]+)</text>', chart)
    assert ticks == ["0", "625", "1.250", "1.875", "2.500"]
    assert "2023: 1.250 đoàn viên, 640 nữ; 2024: 2.350 đoàn viên" in chart
    table = page[page.index('class="data-table data-table--figures"') :].split("</table>")[0]
    assert "<td>2.350</td>" in table and "<td>1.031</td>" in table and "<td>1.250</td>" in table
    assert "2350" not in page and "1250" not in page


def test_body_page_shows_the_news_section_without_organizations_importing_news(client):
    body = UnionBodyFactory(name="Liên đoàn Lao động huyện Văn Quan")
    from_body = ArticleFactory(title="Tin do LĐLĐ Văn Quan gửi", source_body=body)
    about_body = ArticleFactory(title="Tin nhắc đến LĐLĐ Văn Quan")
    about_body.mentioned_bodies.add(body)
    ArticleFactory(title="Bản nháp chưa đăng", source_body=body, draft=True)

    page = client.get(body.get_absolute_url()).content.decode()
    assert "Tin tức từ và về" in page
    assert from_body.title in page and about_body.title in page
    assert "Bản nháp chưa đăng" not in page
    assert "news" in {s["key"] for s in sections.render_context("body", body)}


def test_meeting_page_shows_chair_attendees_outcomes_elections_and_articles(client):
    body = UnionBodyFactory(name="Liên đoàn Lao động huyện Văn Quan")
    chair = PersonFactory(full_name="Nông Văn Vỵ")
    guest = PersonFactory(full_name="Lương Chí Công")
    meeting = MeetingFactory(
        organiser=body, chaired_by=chair, chair_title="Chủ tịch LĐLĐ huyện Văn Quan",
        kind="mid_year_review", title="Hội nghị sơ kết 6 tháng đầu năm 2020",
        outcomes="<p>Nhiệm vụ 6 tháng cuối năm</p><script>alert(1)</script>",
    )  # fmt: skip
    MeetingAttendee.objects.create(
        meeting=meeting, person=guest, position_then="Phó Chủ tịch LĐLĐ tỉnh"
    )
    MeetingAttendee.objects.create(meeting=meeting, guest_name="Đại diện UBND huyện")
    article = ArticleFactory(title="LĐLĐ Văn Quan sơ kết 6 tháng", meeting=meeting)

    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "Đồng chí <a" in page and "Nông Văn Vỵ</a>, Chủ tịch LĐLĐ huyện Văn Quan" in page
    assert "Lương Chí Công</a> – Phó Chủ tịch LĐLĐ tỉnh" in page
    assert "Đại diện UBND huyện" in page
    assert "<p>Nhiệm vụ 6 tháng cuối năm</p>" in page and "alert(1)" not in page
    assert article.title in page


def test_attendee_is_a_person_or_a_guest_not_both_at_database_level():
    meeting = MeetingFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        MeetingAttendee.objects.create(meeting=meeting, person=PersonFactory(), guest_name="Khách")
    with pytest.raises(IntegrityError), transaction.atomic():
        MeetingAttendee.objects.create(meeting=meeting)


def test_electing_people_at_a_meeting_records_their_positions(staff_client, client):
    body = UnionBodyFactory(name="Liên đoàn Lao động tỉnh Lạng Sơn")
    term = TermFactory(body=body, congress_number="XVII", starts_year=2023, ends_year=2028)
    meeting = MeetingFactory(organiser=body, kind="congress", term=term,
                             starts_at=timezone.now() - timedelta(days=400))  # fmt: skip
    elected = PersonFactory(full_name="Hoàng Thị Mới")
    data = {
        "kind": "congress", "session_number": "", "title": meeting.title, "slug": meeting.slug,
        "organiser": body.pk, "term": term.pk, "emulation_block": "",
        "starts_at_0": timezone.localtime(meeting.starts_at).strftime("%d/%m/%Y"),
        "starts_at_1": "08:00:00", "ends_at_0": "", "ends_at_1": "", "place": "",
        "chaired_by": "", "chair_title": "", "summary": "", "outcomes": "",
        "attendees-TOTAL_FORMS": 0, "attendees-INITIAL_FORMS": 0,
        "documents-TOTAL_FORMS": 0, "documents-INITIAL_FORMS": 0,
        "elected_positions-TOTAL_FORMS": 1, "elected_positions-INITIAL_FORMS": 0,
        "elected_positions-0-person": elected.pk, "elected_positions-0-organ": "btv",
        "elected_positions-0-department": "", "elected_positions-0-title": "chair",
        "elected_positions-0-term": "", "elected_positions-0-how": "elected",
    }  # fmt: skip
    response = staff_client.post(f"/quan-tri/organizations/meeting/{meeting.pk}/change/", data)
    assert response.status_code == 302, response.content.decode()[-3000:]

    position = Position.objects.get(person=elected)
    assert (position.body, position.elected_at, position.term) == (body, meeting, term)
    assert position.starts_on == timezone.localtime(meeting.starts_at).date()
    page = client.get(body.get_absolute_url()).content.decode()
    assert "Hoàng Thị Mới</a> – Chủ tịch" in page


@pytest.mark.parametrize(
    "params",
    [
        {"q": "so ket"}, {"loai": "mid_year_review"}, {"nam": "2020"},
        {"nam": "abc"}, {"nam": "99999999999"}, {"nam": "-5"}, {"nam": "NaN"},
        {"loai": "khong-co"}, {"to_chuc": "khong-ton-tai"}, {"to_chuc": "1"},
        {"q": "x" * 10_000}, {"q": "\x00"}, {"page": "-1"}, {"page": "999999"},
    ],
)  # fmt: skip
def test_meeting_filters_answer_200_for_good_and_junk_values(client, params):
    MeetingFactory(title="Hội nghị sơ kết 6 tháng đầu năm 2020", kind="mid_year_review",
                   starts_at=timezone.make_aware(timezone.datetime(2020, 7, 13, 8)))  # fmt: skip
    expected = 400 if any("\x00" in v for v in params.values()) else 200  # NUL: refused at the door
    assert client.get("/hoi-nghi/", params).status_code == expected


def test_meeting_filters_narrow_the_list(client):
    van_quan = UnionBodyFactory(name="Liên đoàn Lao động huyện Văn Quan", kind="district")
    review = MeetingFactory(title="Hội nghị sơ kết 6 tháng đầu năm 2020", kind="mid_year_review",
                            organiser=van_quan,
                            starts_at=timezone.make_aware(timezone.datetime(2020, 7, 13, 8)))  # fmt: skip
    other = MeetingFactory(title="Hội nghị Ban Chấp hành lần thứ 10", kind="executive_session",
                           starts_at=timezone.make_aware(timezone.datetime(2021, 3, 1, 8)))  # fmt: skip

    def titles(**params):
        page = client.get("/hoi-nghi/", params).content.decode()
        return {m.title for m in (review, other) if m.title in page}

    assert titles() == {review.title, other.title}
    assert titles(q="SO KET 6 THANG") == {review.title}
    assert titles(loai="executive_session") == {other.title}
    assert titles(nam="2020") == {review.title}
    assert titles(to_chuc=van_quan.slug) == {review.title}
    assert titles(nam="abc") == {review.title, other.title}  # junk ignored, not an error


@pytest.mark.parametrize(
    "params",
    [{"q": "dinh lap"}, {"loai": "district"}, {"lich_su": "on"}, {"loai": "zzz"},
     {"lich_su": "maybe"}, {"q": "\x00"}, {"page": "abc"}, {"q": "Đ" * 5000}],
)  # fmt: skip
def test_directory_filters_answer_200_for_good_and_junk_values(client, params):
    UnionBodyFactory(name="Liên đoàn Lao động huyện Đình Lập", kind="district")
    expected = 400 if any("\x00" in v for v in params.values()) else 200  # NUL: refused at the door
    assert client.get("/to-chuc/", params).status_code == expected


def test_directory_search_works_without_diacritics(client):
    body = UnionBodyFactory(name="Liên đoàn Lao động huyện Đình Lập", kind="district")
    UnionBodyFactory(name="Liên đoàn Lao động huyện Bắc Sơn", kind="district")
    page = client.get("/to-chuc/", {"q": "ldld DINH lap"}).content.decode()
    assert body.name in page and "Bắc Sơn" not in page.split("<main")[1]


def _build(n, parent):
    made = []
    for i in range(n):
        body = UnionBodyFactory(parent=parent, kind="grassroots")
        MemberFigure.objects.create(body=body, year=2020 + i % 3, members=100 + i)
        person = PersonFactory()
        Position.objects.create(person=person, body=parent, title="bch_member")
        meeting = MeetingFactory(organiser=parent)
        MeetingAttendee.objects.create(meeting=meeting, person=person, position_then="Ủy viên")
        ArticleFactory(source_body=parent, meeting=meeting)
        made.append(body)
    return made


def test_directory_body_and_meeting_pages_run_the_same_queries_with_5_and_50_bodies(
    page_queries,
):
    province = UnionBodyFactory(kind="provincial")
    MemberFigure.objects.create(body=province, year=2020, members=1000)
    term = TermFactory(body=province)
    meeting = MeetingFactory(organiser=province, term=term)

    def measure():
        result = {}
        for name, url in {
            "directory": "/to-chuc/",
            "search": "/to-chuc/?q=cong+doan",
            "body": province.get_absolute_url(),
            "meetings": "/hoi-nghi/",
            "meeting": meeting.get_absolute_url(),
        }.items():
            result[name] = page_queries(url)
        return result

    _build(5, province)
    small = measure()
    _build(45, province)
    large = measure()
    assert small == large
    # The body page: 8 of its own plus one per section other apps add (news, awards).
    assert max(large.values()) <= 12
    # The meeting list: its page of meetings; the number of all meetings and the list of
    # organisers in the filter are read once per content version.
    assert large["meetings"] == 1
    assert page_queries("/hoi-nghi/", {"loai": "congress"}) <= 2  # a filtered list counts


def test_the_meeting_list_names_each_meetings_kind_in_vietnamese(client):
    MeetingFactory(title="Đại hội Công đoàn huyện Đình Lập lần thứ XII", kind="congress")
    MeetingFactory(title="Ký kết giao ước thi đua khối 3", kind="pact_signing")
    page = client.get("/hoi-nghi/").content.decode()
    for title, kind in [
        ("Đại hội Công đoàn huyện Đình Lập lần thứ XII", "Đại hội"),
        ("Ký kết giao ước thi đua khối 3", "Ký kết giao ước thi đua"),
    ]:
        item = page.split(title, 1)[1].split("</li>", 1)[0]
        assert f'<p class="meta">{kind} · <time' in item


def test_the_meeting_list_counts_a_new_meeting_and_offers_its_organiser_at_once(client, settings):
    settings.PAGE_CACHE_ENABLED = False
    MeetingFactory()
    client.get("/hoi-nghi/")
    page = client.get("/hoi-nghi/").content.decode()
    assert "1 hội nghị." in page
    dinh_lap = UnionBodyFactory(name="Liên đoàn Lao động huyện Đình Lập", kind="district")
    MeetingFactory(organiser=dinh_lap)
    page = client.get("/hoi-nghi/").content.decode()
    assert "2 hội nghị." in page
    assert f'<option value="{dinh_lap.slug}">' in page
