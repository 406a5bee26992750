"""Emulation blocks have public pages per year, linked from bodies, meetings and the tree."""

from datetime import date

import pytest

from organizations.models import EmulationBlock, Meeting
from tests.factories import (
    AwardFormFactory,
    DecisionFactory,
    MeetingFactory,
    RecipientFactory,
    UnionBodyFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def block():
    province = UnionBodyFactory(name="Liên đoàn Lao động tỉnh Lạng Sơn", kind="provincial")
    school = UnionBodyFactory(name="Công đoàn cơ sở Trường THPT Đình Lập", parent=province)
    clinic = UnionBodyFactory(name="Công đoàn cơ sở Bệnh viện Đa khoa tỉnh", parent=province)
    block = EmulationBlock.objects.create(
        name="Khối thi đua số 01", year=2021, organiser=province, leader=clinic
    )
    block.members.set([school, clinic])
    EmulationBlock.objects.create(name="Khối thi đua số 01", year=2022, organiser=province)
    return block


def test_a_block_page_shows_members_leader_pacts_meetings_and_commendations(client, block):
    pact = MeetingFactory(title="Ký kết giao ước thi đua năm 2021 Khối thi đua số 01",
                          kind=Meeting.Kind.PACT_SIGNING, emulation_block=block,
                          organiser=block.organiser)  # fmt: skip
    session = MeetingFactory(title="Buổi làm việc với Khối thi đua số 01",
                             kind=Meeting.Kind.WORKING_SESSION, emulation_block=block,
                             organiser=block.organiser)  # fmt: skip
    clinic = block.leader
    decision = DecisionFactory(
        issued_on=date(2021, 12, 20), form=AwardFormFactory(name="Cờ thi đua")
    )
    RecipientFactory(decision=decision, collective=True, collective_name="", body=clinic)
    old = DecisionFactory(issued_on=date(2019, 12, 20))
    RecipientFactory(decision=old, collective=True, collective_name="Năm khác", body=clinic)

    assert block.get_absolute_url() == "/khoi-thi-dua/khoi-thi-dua-so-01-2021/"
    page = client.get(block.get_absolute_url()).content.decode()
    assert "Đơn vị thành viên (2)" in page
    assert (
        f'<a href="{clinic.get_absolute_url()}">{clinic.name}</a> <span class="badge">Trưởng khối</span>'
        in page
    )
    giao_uoc = page.split('id="giao-uoc"', 1)[1].split("</section>", 1)[0]
    assert pact.title in giao_uoc and session.title not in giao_uoc
    assert session.title in page
    assert "Khen thưởng đơn vị thành viên năm 2021" in page and "Cờ thi đua" in page
    assert "Năm khác" not in page
    assert "Khối thi đua số 01 năm 2022" in page  # the same block's other years


def test_blocks_are_linked_from_body_meeting_pages_the_tree_and_the_list(client, block):
    meeting = MeetingFactory(emulation_block=block, organiser=block.organiser)
    link = f'href="{block.get_absolute_url()}"'
    assert link in client.get(block.leader.get_absolute_url()).content.decode()
    assert link in client.get(meeting.get_absolute_url()).content.decode()
    tree = client.get("/to-chuc/", {"ngay": "2021-06-01"}).content.decode()
    assert f'<a class="badge badge--link" {link}>Khối thi đua số 01</a>' in tree
    listing = client.get("/khoi-thi-dua/").content.decode()
    assert link in listing and "Năm 2022" in listing and "Năm 2021" in listing
    assert client.get("/khoi-thi-dua/khong-co/").status_code == 404


def test_block_pages_run_the_same_queries_with_2_and_20_members(page_queries, block):
    def measure():
        return (
            page_queries(block.get_absolute_url()),
            page_queries("/khoi-thi-dua/"),
            page_queries("/to-chuc/"),
        )

    def grow():
        for i in range(18):
            body = UnionBodyFactory(parent=block.organiser)
            block.members.add(body)
            MeetingFactory(emulation_block=block, organiser=block.organiser)
            decision = DecisionFactory(issued_on=date(2021, 5, 1), number=str(100 + i))
            RecipientFactory(decision=decision, collective=True, collective_name="", body=body)
            EmulationBlock.objects.create(name=f"Cụm thi đua số {i}", year=2021,
                                          organiser=block.organiser)  # fmt: skip

    small = measure()
    grow()
    assert measure() == small
    assert max(small) <= 12
