"""The menu a new portal starts with: today's links, the fixed pages, and the two new sections."""

import re

import pytest

pytestmark = pytest.mark.django_db


def main_menu_labels(client) -> list[str]:
    page = client.get("/").content.decode()
    nav = page.split('<nav class="site-nav"', 1)[1].split("</nav>", 1)[0]
    return [
        re.sub(r"<[^>]+>", "", label).strip() for label in re.findall(r"<a [^>]*>(.*?)</a>", nav)
    ]


def test_the_library_and_the_questions_follow_the_awards_on_the_main_menu(client):
    labels = main_menu_labels(client)
    assert labels[0] == "Trang chủ" and labels[-1] == "Liên hệ"
    awards = labels.index("Khen thưởng")
    assert labels[awards + 1 : awards + 3] == ["Văn bản", "Hỏi đáp"]
