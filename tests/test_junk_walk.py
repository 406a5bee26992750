"""Bad input never becomes a server error: every public URL pattern, walked with junk.

The walk enumerates the URL configuration itself, so a page added later is walked too:
with real objects of the demo content where its arguments name one, and with junk.
"""

import re

import pytest
from django.conf import settings
from django.core.management import call_command
from django.urls import URLPattern, URLResolver, get_resolver

ALLOWED = {200, 301, 302, 400, 404}
NOT_PUBLIC = (settings.ADMIN_PATH, "bien-tap/", "ckeditor5/")
LONG = "Đ" * 10_000
JUNK_QUERIES = [
    {"page": "-1"}, {"page": "abc"}, {"page": str(10**12)}, {"page": "1e9"}, {"page": "0"},
    {"q": LONG}, {"q": "\x00"}, {"q": "a\x00b"}, {"q": "<script>alert(1)</script>"},
    {"q": "' OR 1=1 --"}, {"q": "&|!<->():*"}, {"loai": "khong-co"}, {"loai": LONG},
    {"nam": "abc"}, {"nam": str(10**15)}, {"nam": "-2020"}, {"to_chuc": "khong-co"},
    {"to_chuc": "\x00"}, {"chuyen_muc": LONG}, {"lich_su": "maybe"}, {"hinh_thuc": "abc"},
    {"danh_hieu": "-1"}, {"co_quan": "9999999999999999999999"}, {"phong_trao": "x"},
    {"hieu_luc": "x"}, {"linh_vuc": LONG}, {"khong_co_tham_so": "x"},
]  # fmt: skip
RAW_QUERIES = ["q=%FF%FE%FD", "q=%C3%28", "page=%00", "q=%E0%A4%A", "%%%", "q=" + "%41" * 3000]
JUNK_ARGS = {"slug": ["khong-ton-tai", "a" * 300], "int": ["0", "9" * 30], "str": ["x" * 300]}


def walk(patterns, prefix=""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            yield from walk(entry.url_patterns, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            yield prefix + str(entry.pattern), entry.name


def real_arguments() -> dict[str, list[str]]:
    """Argument values that name real objects of the demo content, by argument name."""
    from awards.models import Recipient
    from documents.models import Document
    from news.models import Article, Category
    from organizations.models import Meeting, Person, UnionBody

    recipient = Recipient.objects.published().first()
    return {
        "slug": [
            Article.objects.published().first().slug,
            Category.objects.first().slug,
            UnionBody.objects.first().slug,
            Meeting.objects.first().slug,
            Person.objects.first().slug,
            Document.objects.published().first().slug,
        ],
        "pk": [str(recipient.decision_id), str(recipient.pk)],
        "decision_pk": [str(recipient.decision_id)],
        "code": [recipient.verification_code, "KHONGCOMA1"],
        "section": ["tin-tuc", "to-chuc", "van-ban", "khong-co"],
    }


def concrete_urls(route: str, real: dict) -> list[str]:
    """Fill a route's parameters: every real value for the first, then junk ones."""
    route = "/" + route.lstrip("^").rstrip("$").replace("\\.", ".")
    params = re.findall(r"<(?:(\w+):)?(\w+)>|\(\?P<(\w+)>[^)]*\)", route)
    if not params:
        return [route]
    urls = []
    for _converter, name, regex_name in params[:1]:
        name = name or regex_name
        values = real.get(name, []) + JUNK_ARGS.get(_converter or "str", ["x"])
        for value in values:
            url = route
            for converter, other, other_regex in params:
                other = other or other_regex
                fill = value if other == name else (real.get(other) or ["1"])[0]
                url = re.sub(rf"<(?:\w+:)?{other}>|\(\?P<{other}>[^)]*\)", fill, url, count=1)
            urls.append(url)
    return urls


@pytest.fixture
def demo(db):
    call_command("load_demo", verbosity=0)


def test_every_public_url_answers_junk_without_a_server_error(client, demo):
    real = real_arguments()
    routes = [(r, n) for r, n in walk(get_resolver().url_patterns) if not r.startswith(NOT_PUBLIC)]
    assert len(routes) >= 25  # the walk really covers the site
    failures = []
    for route, name in routes:
        for url in concrete_urls(route, real):
            for params in [{}, *JUNK_QUERIES]:
                status = client.get(url, params).status_code
                if status not in ALLOWED:
                    failures.append((name, url, params, status))
            for raw in RAW_QUERIES:
                status = client.get(f"{url}?{raw}").status_code
                if status not in ALLOWED:
                    failures.append((name, url, raw, status))
    assert failures == []


def test_nul_bytes_and_broken_utf8_in_the_address_are_a_clear_400(client, db):
    for url in ["/tim-kiem/?q=%00", "/hoi-nghi/?q=a%00b", "/khen-thuong/?q=%FF%FE", "/%00/"]:
        response = client.get(url)
        assert response.status_code == 400, url
        assert "không hợp lệ" in response.content.decode()
