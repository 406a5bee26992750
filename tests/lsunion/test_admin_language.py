"""Vietnamese everywhere staff look: every admin page, as every role, shows none of Django's
or the installed admin packages' own English messages, in its text or in what a screen
reader reads (aria-label, title, placeholder, alt, button values, option text)."""

import functools
import importlib.util
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import reversion
from django.apps import apps
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import Client
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from reversion.models import Version

from organizations.models import StaffScope, UnionBody
from organizations.permissions import Role

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]

# Seen in English on the admin by testers (issue 12), whatever the catalogues say.
SEEN_IN_ENGLISH = [
    "- Select an option -", "Run", "Show counts", "Hide counts", "Skip to main content",
    "Toggle theme (current theme: auto)", "Add link", "Changed:", "Added:", "Deleted:",
    "Toggle navigation", "Filter navigation items", "Change or view list link", "Model name",
]  # fmt: skip
SEEN_PATTERNS = [r"Filter by .+", r"By .+"]
# Messages that read the same in Vietnamese, or are symbols, not words.
SAME_IN_VIETNAMESE = {"Email", "URL", "ID", "OK", "PDF", "CSV", "Excel", "Gmail", "IPv4", "IPv6"}
ACCESSIBLE = {"aria-label", "aria-description", "title", "placeholder", "alt"}
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\w*\}")


def _compiler():
    spec = importlib.util.spec_from_file_location("compile_messages", ROOT / "scripts" /
                                                  "compile_messages.py")  # fmt: skip
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def catalogue(app_path: Path) -> Path | None:
    """An app's English source catalogue, or any language's when it ships no English one."""
    locale = app_path / "locale"
    if not locale.is_dir():
        return None
    english = locale / "en" / "LC_MESSAGES" / "django.po"
    if english.exists():
        return english
    found = sorted(locale.glob("*/LC_MESSAGES/django.po"))
    return found[0] if found else None


@functools.cache
def english_messages() -> tuple[frozenset, re.Pattern]:
    """Django's and the installed packages' msgids (singular and plural), as exact strings
    and as one pattern for those with placeholders."""
    parse = _compiler().parse
    django_root = Path(apps.get_app_config("admin").path).parents[1]
    paths = [django_root / "conf"]
    # The module's folder, not the config's: the admin's config is the project's own subclass.
    folders = [Path(c.module.__file__).parent for c in apps.get_app_configs()]
    paths += [folder for folder in folders if ROOT not in folder.parents]
    messages: set[str] = set()
    for path in paths:
        po = catalogue(path)
        if po is not None:
            for key in parse(po):
                messages.update(part for part in key.split("\0") if part)
    exact, patterns = set(), list(SEEN_PATTERNS)
    for message in messages:
        text = " ".join(message.split())
        words = PLACEHOLDER.sub("", text)
        # "%(size)s MB" or "(%(x)s)" would match Vietnamese text too: keep messages with a word.
        if not re.search(r"[A-Za-z]{3}", words) or text in SAME_IN_VIETNAMESE:
            continue
        if PLACEHOLDER.search(text):
            parts = PLACEHOLDER.split(text)
            patterns.append(".+?".join(re.escape(part) for part in parts))
        else:
            exact.add(text)
    exact.update(SEEN_IN_ENGLISH)
    return frozenset(exact), re.compile("|".join(f"(?:{p})" for p in patterns))


class Readable(HTMLParser):
    """What a person or a screen reader gets from a page: text nodes and accessible names."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in {"script", "style"}:
            self.skip += 1
        attrs = dict(attrs)
        for name in ACCESSIBLE & attrs.keys():
            self.found.append(f"{name}: {attrs[name]}")
        kind = attrs.get("type", "")
        is_button = (tag == "input" and kind in {"submit", "button", "reset"}) or tag == "button"
        if is_button and attrs.get("value"):
            self.found.append(f"value: {attrs['value']}")

    def handle_endtag(self, tag):
        if tag in {"script", "style"} and self.skip:
            self.skip -= 1

    def handle_data(self, data):
        if not self.skip and data.strip():
            self.found.append(f"text: {data}")


def english_on(page: str) -> list[str]:
    exact, pattern = english_messages()
    reader = Readable()
    reader.feed(page)
    hits = []
    for item in reader.found:
        where, _, text = item.partition(": ")
        text = " ".join(text.split())
        for candidate in {text, text.rstrip(":").strip(), text.strip("()…. ")}:
            if candidate in exact or pattern.fullmatch(candidate):
                hits.append(f"{where} “{text}”")
                break
    return hits


@pytest.fixture
def demo():
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115


def staff_of(django_user_model, role: str) -> Client:
    """A staff member of `role` whose scope is the province, so every record is theirs."""
    user = django_user_model.objects.create_user(f"kiem-tra-{Role.ALL.index(role)}", is_staff=True)
    user.groups.add(Group.objects.get(name=role))
    province = UnionBody.objects.filter(parent__isnull=True).order_by("pk").first()
    StaffScope.objects.create(user=user).bodies.set([province])
    client = Client()
    client.force_login(user)
    return client


def url_if_any(name: str, *args, query: str = "") -> list[tuple[str, str]]:
    """The page, if this model's admin has it (not every admin keeps versions)."""
    try:
        return [(reverse(f"admin:{name}" if ":" not in name else name, args=args) + query, "get")]
    except NoReverseMatch:
        return []


def admin_pages(client: Client) -> list[tuple[str, str]]:
    """(url, method) of every admin page the role's menu leads to, and the screens beyond."""
    index = client.get(reverse("admin:index"))
    pages = [(reverse("admin:index"), "get"), (reverse("admin:password_change"), "get")]
    for app in index.context["app_list"]:
        for model in app["models"]:
            opts = model["model"]._meta
            name = f"admin:{opts.app_label}_{opts.model_name}"
            pages.append((model["admin_url"], "get"))
            if model.get("add_url"):
                pages.append((model["add_url"], "get"))
            pages += url_if_any(f"{name}_recoverlist")
            listing = client.get(model["admin_url"])
            rows = listing.context["cl"].result_list if listing.status_code == 200 else []
            obj = rows[0] if len(rows) else None
            if obj is None:
                continue
            pages += [
                (reverse(f"{name}_change", args=[obj.pk]), "get"),
                (reverse(f"{name}_history", args=[obj.pk]), "get"),
            ]
            registered = reversion.is_registered(type(obj))
            if registered:
                obj.save()  # a second version (every save keeps one), so there is a comparison
            versions = list(Version.objects.get_for_object(obj)[:2]) if registered else []
            if versions:
                pages += url_if_any(f"{name}_revision", obj.pk, versions[-1].pk)
            if len(versions) == 2:
                query = f"?a={versions[1].pk}&b={versions[0].pk}"
                pages += url_if_any(f"{name}_compare", obj.pk, query=query)
            if opts.model_name == "unionbody":
                pages.append((reverse("admin:organizations_unionbody_reorganise", args=[obj.pk]),
                              "get"))  # fmt: skip
                pages.append((model["admin_url"], f"action:reorganise:{obj.pk}"))
            if opts.model_name == "decision":
                pages.append((reverse("admin:awards_decision_import", args=[obj.pk]), "get"))
            if opts.model_name == "article":
                pages.append((reverse("admin:news_article_import_legacy"), "get"))
            if opts.model_name == "document":
                pages.append((reverse("admin:documents_document_missing"), "get"))
                pages.append((reverse("admin:documents_document_import"), "get"))
    return pages


def open_page(client: Client, url: str, how: str):
    if how.startswith("action:"):
        _, action, pk = how.split(":")
        return client.post(url, {"action": action, "_selected_action": [pk]})
    return client.get(url)


@pytest.mark.parametrize("role", Role.ALL)
def test_every_admin_page_speaks_vietnamese_to_every_role(demo, django_user_model, role):
    client = staff_of(django_user_model, role)
    pages = admin_pages(client)
    assert len(pages) > 10
    problems, opened = [], []
    for url, how in pages:
        response = open_page(client, url, how)
        assert response.status_code < 500, url
        if response.status_code in {301, 302}:
            continue
        opened.append(f"{how} {url} {response.status_code}")
        hits = english_on(response.content.decode())
        problems += [f"{url} ({response.status_code}): {hit}" for hit in hits]
    if role == Role.ADMINISTRATOR:  # every kind of screen was really opened, not skipped
        screens = "\n".join(opened)
        for screen in [
            "/nhap-tu-cong-cu/ 200",
            "/giai-the-sap-nhap/ 200",
            "/nhap-danh-sach/ 200",
            "/lich-su/so-sanh/?a=",
            "/recover/ 200",
            "/history/ 200",
            "/password_change/ 200",
            "/add/ 200",
            "/change/ 200",
            "action:reorganise",
        ]:
            assert screen in screens, screen
    assert len(opened) > 10
    assert not problems, "\n".join(sorted(set(problems)))


def test_the_messages_the_testers_saw_in_english_have_vietnamese_translations():
    with translation.override("vi"):
        untranslated = [m for m in SEEN_IN_ENGLISH if translation.gettext(m) == m]
        filtered = translation.gettext("Filter by %(field_name)s") % {"field_name": "năm"}
    assert untranslated == []
    assert filtered != "Filter by năm"


def test_plural_messages_compile_to_vietnamese(client, django_user_model):
    with translation.override("vi"):
        selected = translation.ngettext(
            "%(total_count)s selected", "All %(total_count)s selected", 3
        ) % {"total_count": 3}
        more = translation.ngettext(
            "…and %(count)d more object.", "…and %(count)d more objects.", 4
        ) % {"count": 4}
        errors = translation.ngettext(
            "Please correct the error below.", "Please correct the errors below.", 2
        )
    assert selected == "Đã chọn tất cả 3" or "selected" not in selected
    assert more == "…và 4 mục khác."
    assert errors == "Hãy sửa các lỗi được đánh dấu dưới đây."
    # The admin's JavaScript catalogue: "2 of 5 selected" beside the action menu.
    client.force_login(django_user_model.objects.create_user("js", is_staff=True))
    catalogue = client.get(reverse("admin:jsi18n")).content.decode()
    for text in ["Đã chọn %(sel)s trên %(cnt)s mục", "Bạn đã chọn một thao tác và chưa sửa ô nào"]:
        assert json.dumps(text)[1:-1] in catalogue  # the catalogue is JSON, \\u-escaped
