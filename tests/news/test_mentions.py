"""Articles written in the admin know what they mention: bodies, people, the meeting."""

import pytest

from news.models import Article
from organizations.matching import mentioned_meeting_ids
from organizations.models import Meeting
from tests.factories import (
    ArticleFactory,
    CategoryFactory,
    MeetingFactory,
    PersonFactory,
    UnionBodyFactory,
)

pytestmark = pytest.mark.django_db
ADD = "/quan-tri/news/article/add/"
BODY = (
    "<p>Ngày 15/7/2022, LĐLĐ huyện Đình Lập tổ chức Hội nghị Ban Chấp hành kỳ thứ 10. "
    "Dự hội nghị có đồng chí Lương Chí Công, Phó Chủ tịch LĐLĐ tỉnh.</p>"
)


@pytest.fixture
def world():
    province = UnionBodyFactory(
        name="Liên đoàn Lao động tỉnh Lạng Sơn", short_name="LĐLĐ tỉnh", kind="provincial"
    )
    dinh_lap = UnionBodyFactory(
        name="Liên đoàn Lao động huyện Đình Lập", short_name="LĐLĐ huyện Đình Lập",
        kind="district", parent=province,
    )  # fmt: skip
    ours = MeetingFactory(
        title="Hội nghị Ban Chấp hành LĐLĐ huyện Đình Lập kỳ thứ 10",
        kind=Meeting.Kind.EXECUTIVE_SESSION, session_number=10, organiser=dinh_lap,
    )  # fmt: skip
    theirs = MeetingFactory(
        title="Hội nghị Ban Chấp hành LĐLĐ tỉnh lần thứ 10",
        kind=Meeting.Kind.EXECUTIVE_SESSION, session_number=10, organiser=province,
    )  # fmt: skip
    return {
        "province": province, "dinh_lap": dinh_lap, "meeting": ours, "other": theirs,
        "cong": PersonFactory(full_name="Lương Chí Công"), "category": CategoryFactory(),
    }  # fmt: skip


def form(world, **changes):
    data = {
        "title": "Đình Lập họp Ban Chấp hành giữa năm", "slug": "", "summary": "", "body": BODY,
        "byline": "Ban TG", "category": world["category"].pk, "source_body": "",
        "workflow": "publish", "published_at_0": "", "published_at_1": "",
        "photos-TOTAL_FORMS": 0, "photos-INITIAL_FORMS": 0,
    }  # fmt: skip
    data.update(changes)
    return data


def test_an_article_written_in_the_admin_links_the_bodies_people_and_meeting_it_names(
    staff_client, world, client
):
    response = staff_client.post(ADD, form(world), follow=True)
    assert "Đã gắn liên kết với những gì bài viết nhắc đến" in response.content.decode()
    article = Article.objects.get()
    assert set(article.mentioned_bodies.all()) == {world["dinh_lap"], world["province"]}
    assert list(article.mentioned_people.all()) == [world["cong"]]
    assert article.meeting == world["meeting"]  # Đình Lập's session 10, not the province's

    page = client.get(article.get_absolute_url()).content.decode()
    assert f'<dt>Hội nghị</dt><dd><a href="{world["meeting"].get_absolute_url()}">' in page
    assert f'<a href="{world["dinh_lap"].get_absolute_url()}">Liên đoàn Lao động huyện' in page
    assert f'<a href="{world["cong"].get_absolute_url()}">Lương Chí Công</a>' in page
    for where in (world["dinh_lap"], world["cong"], world["meeting"]):
        assert article.title in client.get(where.get_absolute_url()).content.decode(), where


def test_a_suggestion_the_editor_removes_is_not_put_back(staff_client, world):
    staff_client.post(ADD, form(world))
    article = Article.objects.get()
    url = f"/quan-tri/news/article/{article.pk}/change/"
    kept = form(
        world, slug=article.slug, workflow="save",
        mentioned_bodies=[world["dinh_lap"].pk], mentioned_people=[world["cong"].pk],
        meeting="",
    )  # fmt: skip
    assert staff_client.post(url, kept).status_code == 302
    article.refresh_from_db()
    assert list(article.mentioned_bodies.all()) == [world["dinh_lap"]]
    assert article.meeting is None
    staff_client.post(url, kept)  # saved again: still as the editor left it
    article.refresh_from_db()
    assert list(article.mentioned_bodies.all()) == [world["dinh_lap"]] and article.meeting is None

    named_later = UnionBodyFactory(name="Công đoàn ngành Giáo dục tỉnh Lạng Sơn", short_name="")
    staff_client.post(url, {**kept, "body": BODY + f"<p>{named_later.name} phối hợp.</p>"})
    assert named_later in article.mentioned_bodies.all()  # a new name is still suggested


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("LĐLĐ huyện Đình Lập tổ chức Hội nghị Ban Chấp hành kỳ thứ 10", "meeting"),
        ("Hội nghị lần thứ 10 BCH LĐLĐ huyện Đình Lập khóa XXII", "meeting"),
        ("Hội nghị Ban Chấp hành LĐLĐ tỉnh lần thứ 10", "other"),  # its exact title
        ("Hội nghị Ban Chấp hành kỳ thứ 10", None),  # two bodies held one: unsure, none
        ("Hội nghị Ban Chấp hành kỳ thứ 11 của LĐLĐ huyện Đình Lập", None),
    ],
)
def test_a_meeting_is_recognised_by_its_number_and_body_or_its_title(world, text, expected):
    from organizations.matching import mentioned_body_ids

    found = mentioned_meeting_ids(text, body_ids=mentioned_body_ids(text))
    assert found == ({world[expected].pk} if expected else set())


def test_article_and_person_pages_run_the_same_queries_with_1_and_8_mentions(page_queries, world):
    person = world["cong"]
    article = ArticleFactory(meeting=world["meeting"])
    article.mentioned_people.add(person)
    article.mentioned_bodies.add(world["dinh_lap"])
    small = (page_queries(article.get_absolute_url()), page_queries(person.get_absolute_url()))
    for i in range(7):
        article.mentioned_bodies.add(UnionBodyFactory())
        article.mentioned_people.add(PersonFactory(full_name=f"Người thứ {i} Văn"))
        ArticleFactory().mentioned_people.add(person)
    large = (page_queries(article.get_absolute_url()), page_queries(person.get_absolute_url()))
    assert small == large
