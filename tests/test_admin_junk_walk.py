"""Bad input in the back office never becomes a server error either: every admin URL pattern,
walked with real and junk ids, with junk in each query parameter its list offers, as an
administrator and as a district editor.

The walk enumerates the URL configuration, so an admin screen added later is walked too.
"""

import re
from urllib.parse import parse_qsl, urlsplit

import pytest
from django.conf import settings
from django.contrib import admin
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import get_resolver

from organizations.models import StaffScope, UnionBody
from organizations.permissions import Role
from tests.test_junk_walk import walk

SERVER_ERROR = range(500, 600)
SKIP = ("logout/", "password_change/done/")  # would end the session being walked
JUNK_IDS = ["abc", "-1", "9" * 25, "1.5", "Đ" * 5]
JUNK_VALUES = ["abc", "9" * 25, "-1", "\x00", "Đ" * 300, "2020-13-45"]
LIST_JUNK = [
    {"o": "abc"}, {"o": "99.-98"}, {"p": "-1"}, {"p": "abc"}, {"p": "9" * 25}, {"q": "\x00"},
    {"q": "Đ" * 5000}, {"e": "1"}, {"all": ""}, {"_to_field": "password"}, {"_popup": "1"},
    {"khong_co__exact": "x"}, {"pk__in": "a,b"}, {"id__gt": "abc"}, {"_changelist_filters": "%%"},
]  # fmt: skip


@pytest.fixture
def demo(db):
    call_command("load_demo", verbosity=0)


def administrator(django_user_model):
    return django_user_model.objects.create_superuser("quantri", "qt@example.vn", "x")


def district_editor(django_user_model):
    user = django_user_model.objects.create_user("bientap", "bt@example.vn", is_staff=True)
    user.groups.add(Group.objects.get(name=Role.EDITOR))
    district = UnionBody.objects.filter(kind=UnionBody.Kind.DISTRICT).order_by("pk").first()
    StaffScope.objects.create(user=user).bodies.set([district])
    return user


def admin_for_route_name(name: str):
    for model, model_admin in admin.site._registry.items():
        if name and name.startswith(f"{model._meta.app_label}_{model._meta.model_name}_"):
            return model, model_admin
    return None, None


def ids_for(model) -> list[str]:
    if model is None:
        return ["1"]
    pks = list(model._default_manager.order_by("pk").values_list("pk", flat=True))
    real = [str(pks[0]), str(pks[-1])] if pks else []
    return real + JUNK_IDS


def version_ids() -> list[str]:
    from reversion.models import Version

    first = Version.objects.order_by("pk").first()
    return ([str(first.pk)] if first else []) + ["9" * 25]


PARAM = re.compile(r"<(?:(\w+):)?(\w+)>|\(\?P<(\w+)>[^)]*\)|\((?:\\d\+|\[\^/\]\+)\)")


def fill(route: str, model) -> list[str]:
    """Concrete addresses for an admin route: each parameter in turn gets real and junk values."""
    route = "/" + route.replace("^", "").replace("$", "")
    params = list(PARAM.finditer(route))
    if not params:
        return [route]
    values_for = []
    for match in params:
        name = match.group(2) or match.group(3) or ("version" if "d+" in match.group(0) else "id")
        if name in ("version", "version_id"):
            values_for.append(version_ids())
        elif name == "app_label":
            values_for.append(["news", "khong-co"])
        elif name == "url":
            values_for.append(["khong-co/"])
        elif match.group(1) == "slug" or name in ("what", "fmt"):
            values_for.append(["khong-co", "a" * 300])
        else:
            values_for.append(ids_for(model))
    urls = []
    for index in range(len(params)):
        for value in values_for[index]:
            url, offset = route, 0
            for other, match in enumerate(params):
                fill_with = value if other == index else values_for[other][0]
                start, end = match.start() + offset, match.end() + offset
                url = url[:start] + fill_with + url[end:]
                offset += len(fill_with) - (match.end() - match.start())
            urls.append(url)
    return urls


def list_parameters(page: str) -> set[str]:
    """The query parameters a change list's own links use (filters, sorting, date hierarchy)."""
    keys = set()
    for href in re.findall(r'href="(\?[^"]*)"', page):
        keys.update(key for key, _value in parse_qsl(urlsplit(href.replace("&amp;", "&")).query))
    return keys


def walk_admin(client) -> list:
    failures = []

    def check(method, url, data=None):
        response = getattr(client, method)(url, data or {})
        if response.status_code in SERVER_ERROR:
            failures.append((method, url, data, response.status_code))
        return response

    routes = [
        (r, n) for r, n in walk(get_resolver().url_patterns) if r.startswith(settings.ADMIN_PATH)
    ]
    assert len(routes) >= 150  # the walk really covers the admin
    for route, name in routes:
        if route.endswith(SKIP):
            continue
        model, model_admin = admin_for_route_name(name)
        for url in fill(route, model):
            response = check("get", url)
            check("post", url)
            if name and name.endswith("_changelist"):
                for params in LIST_JUNK:
                    check("get", url, params)
                check("post", url, {"action": "khong_co", "_selected_action": ["abc", "9" * 25]})
                if response.status_code == 200:
                    for key in sorted(list_parameters(response.content.decode())):
                        for value in JUNK_VALUES:
                            check("get", url, {key: value})
                if model_admin and model_admin.date_hierarchy:
                    field = model_admin.date_hierarchy
                    for year, month, day in [("9" * 20, None, None), ("2020", "13", None),
                                             ("2020", "2", "31"), ("-5", None, None), ("0", "0", "0")]:  # fmt: skip
                        query = {f"{field}__year": year}
                        query |= {f"{field}__month": month} if month else {}
                        query |= {f"{field}__day": day} if day else {}
                        check("get", url, query)
    return failures


@pytest.mark.parametrize("role", [administrator, district_editor])
def test_every_admin_url_answers_junk_without_a_server_error(client, demo, django_user_model, role):
    client.force_login(role(django_user_model))
    assert walk_admin(client) == []


def test_an_article_list_with_an_impossible_year_answers_without_a_server_error(
    client, demo, django_user_model
):
    client.force_login(administrator(django_user_model))
    response = client.get("/quan-tri/news/article/", {"published_at__year": "9" * 20})
    assert response.status_code in (200, 302)


def test_a_verification_code_typed_with_vietnamese_letters_gets_an_answer(client, db):
    response = client.get("/khen-thuong/xac-minh/", {"ma": "Nguyễn Văn Bình"}, follow=True)
    assert response.status_code in (200, 404)
    assert "xac-minh" in response.request["PATH_INFO"]
