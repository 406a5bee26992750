"""Site search covers commendation decisions and the people and units they commend."""

import pytest

from tests.factories import DecisionFactory, RecipientFactory, UnionBodyFactory

pytestmark = pytest.mark.django_db


def main(client, q):
    response = client.get("/tim-kiem/", {"q": q})
    assert response.status_code == 200
    return response.content.decode().split("<main", 1)[1]


def test_recipients_are_found_without_diacritics_and_link_to_their_record(client):
    recipient = RecipientFactory(full_name="Hoàng Thị Hạnh", unit="Trường THPT Đình Lập")
    page = main(client, "hoang thi hanh dinh lap")
    assert "Tập thể, cá nhân được khen thưởng" in page
    assert recipient.get_absolute_url() in page


def test_decisions_are_found_by_number_and_reason(client):
    body = UnionBodyFactory(name="Liên đoàn Lao động huyện Văn Quan")
    decision = DecisionFactory(
        number="45",
        issuing_body=body,
        reason="Thành tích xuất sắc trong phong trào thi đua yêu nước",
    )
    assert decision.get_absolute_url() in main(client, "phong trao thi dua yeu nuoc")
    assert decision.get_absolute_url() in main(client, "45 QĐ LĐLĐ")


def test_unpublished_decisions_and_their_recipients_never_appear(client):
    hidden = DecisionFactory(is_published=False, reason="Quyết định nội bộ chưa công khai")
    person = RecipientFactory(decision=hidden, full_name="Lăng Văn Kín")
    page = main(client, "lang van kin")
    assert person.get_absolute_url() not in page
    assert hidden.get_absolute_url() not in main(client, "noi bo chua cong khai")
