"""A person's page gives what readers look for: a photo, the positions held today and before as a
timeline, the bodies and terms, the meetings and articles that mention them, and the way back up
to their body, at a constant number of queries."""

import re
from datetime import date, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from organizations.models import MeetingAttendee, Position
from tests.conftest import make_jpeg
from tests.factories import (
    ArticleFactory,
    MeetingFactory,
    PersonFactory,
    TermFactory,
    UnionBodyFactory,
)

pytestmark = pytest.mark.django_db


def main_of(page: str) -> str:
    return page.split("<main", 1)[1].split("</main>", 1)[0]


def test_the_page_shows_the_photo_or_initials_when_there_is_none(client):
    person = PersonFactory(full_name="Lương Chí Công")
    person.photo = SimpleUploadedFile("chan-dung.jpg", make_jpeg(600, 800), "image/jpeg")
    person.save()
    main = main_of(client.get(person.get_absolute_url()).content.decode())
    assert '<source type="image/webp" srcset="' in main
    assert 'alt="Ảnh chân dung Lương Chí Công" width="600" height="800"' in main

    other = PersonFactory(full_name="Nguyễn Thiện Phú")
    main = main_of(client.get(other.get_absolute_url()).content.decode())
    assert "<picture>" not in main
    assert '<div class="person-photo person-photo--none" aria-hidden="true">NP</div>' in main


def test_positions_are_a_timeline_today_first_then_newest_before(client):
    province = UnionBodyFactory(name="Liên đoàn Lao động tỉnh Lạng Sơn", kind="provincial")
    district = UnionBodyFactory(name="Liên đoàn Lao động huyện Văn Quan", kind="district")
    xv = TermFactory(body=district, congress_number="XV", starts_year=2013, ends_year=2018)
    xvi = TermFactory(body=province, congress_number="XVI", starts_year=2018, ends_year=2023)
    person = PersonFactory(full_name="Lương Chí Công")
    Position.objects.create(person=person, body=district, term=xv, title="chair",
                            starts_on=date(2013, 6, 1), ends_on=date(2018, 8, 1))  # fmt: skip
    Position.objects.create(person=person, body=district, term=xv, title="vice_chair",
                            starts_on=date(2010, 3, 1), ends_on=date(2013, 6, 1))  # fmt: skip
    Position.objects.create(person=person, body=province, term=xvi, title="vice_chair",
                            starts_on=date(2018, 8, 1), how="elected_in_addition")  # fmt: skip

    main = main_of(client.get(person.get_absolute_url()).content.decode())
    header = main.split("</header>")[0]
    assert re.search(r"Phó Chủ tịch <a [^>]*>Liên đoàn Lao động tỉnh Lạng Sơn</a>", header)
    timeline = main.split('<ol class="timeline">')[1].split("</ol>")[0]
    items = re.findall(r'<p class="timeline-when">([^<]+)', timeline)
    assert items == ["01/08/2018 – nay ", "01/06/2013 – 01/08/2018", "01/03/2010 – 01/06/2013"]
    assert timeline.count("Hiện nay") == 1 and "timeline-item--now" in timeline.split("</li>")[0]
    assert "Đại hội XVI, nhiệm kỳ 2018 – 2023; Bầu bổ sung" in timeline
    bodies = main.split('aria-labelledby="to-chuc-nhiem-ky"')[1]
    assert bodies.index(province.name) < bodies.index(district.name)
    assert "Chủ tịch, Phó Chủ tịch" in bodies and "Đại hội XV, nhiệm kỳ 2013 – 2018" in bodies
    assert "(trước đây)" in bodies.split(district.name)[1]


def test_the_breadcrumb_leads_up_to_the_body_of_the_highest_position_held_today(client):
    province = UnionBodyFactory(name="Liên đoàn Lao động tỉnh Lạng Sơn", kind="provincial")
    school = UnionBodyFactory(name="Công đoàn cơ sở Trường THPT Văn Quan")
    person = PersonFactory()
    Position.objects.create(person=person, body=school, title="bch_member")
    Position.objects.create(person=person, body=province, title="vice_chair")
    page = client.get(person.get_absolute_url()).content.decode()
    crumbs = page.split('<nav class="breadcrumbs"')[1].split("</nav>")[0]
    assert "Trang chủ" in crumbs and "Tổ chức công đoàn" in crumbs
    assert f'<a href="{province.get_absolute_url()}">{province.name}</a>' in crumbs


def test_the_meetings_they_chaired_or_attended_and_the_articles_that_mention_them(client):
    person = PersonFactory(full_name="Nông Văn Vỵ")
    chaired = MeetingFactory(title="Hội nghị BCH kỳ thứ 10", chaired_by=person)
    attended = MeetingFactory(title="Hội nghị tổng kết năm 2021")
    MeetingAttendee.objects.create(meeting=attended, person=person, position_then="Ủy viên")
    MeetingAttendee.objects.create(meeting=chaired, person=person, position_then="Chủ tịch")
    MeetingFactory(title="Hội nghị không liên quan")
    news = ArticleFactory(title="Đồng chí Nông Văn Vỵ thăm công nhân")
    news.mentioned_people.add(person)
    draft = ArticleFactory(title="Bản nháp nhắc đến đồng chí", draft=True)
    draft.mentioned_people.add(person)

    main = main_of(client.get(person.get_absolute_url()).content.decode())
    meetings = main.split('id="hoi-nghi"')[1]
    assert (
        meetings.count("Hội nghị BCH kỳ thứ 10") == 1 and "Hội nghị tổng kết năm 2021" in meetings
    )
    assert "Hội nghị không liên quan" not in main
    assert "Đồng chí Nông Văn Vỵ thăm công nhân" in main and "Bản nháp" not in main


def _career(person, n):
    for i in range(n):
        body = UnionBodyFactory(kind="grassroots")
        term = TermFactory(body=body, starts_year=2000 + i, ends_year=2005 + i)
        start = date(2000 + i, 1, 1)
        Position.objects.create(person=person, body=body, term=term, title="chair",
                                starts_on=start, ends_on=start + timedelta(days=300),
                                elected_at=MeetingFactory(organiser=body))  # fmt: skip
        meeting = MeetingFactory(organiser=body, chaired_by=person if i % 2 else None)
        MeetingAttendee.objects.create(meeting=meeting, person=person, position_then="Ủy viên")
        ArticleFactory(published_at=timezone.now() - timedelta(days=i)).mentioned_people.add(person)


def test_a_person_page_runs_the_same_queries_with_3_and_30_positions(page_queries):
    person = PersonFactory()
    _career(person, 3)
    small = page_queries(person.get_absolute_url())
    _career(person, 27)
    large = page_queries(person.get_absolute_url())
    assert small == large
    # The person, their positions (with bodies, terms, meetings), their meetings, the articles.
    assert large <= 4
