"""The permission matrix: every role × every registered admin model × every admin screen
(list, add, change, delete, history, revision, compare, recover list and recover, the import
and export screens, autocomplete) × a record of one's own body and of another body.

Expected answers come from the table below; the test fails on any leak: a row of another body
in a list, an export or an autocomplete, a 200 where 403/404 is due, or a POST that changes
or deletes another body's record. A model registered in the admin later and missing from the
table fails the test, so the matrix keeps covering every admin URL.
"""

import csv
import io
from datetime import date

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group
from django.core import serializers
from reversion.admin import VersionAdmin
from reversion.models import Revision, Version

from awards.models import Recipient
from lsunion.models import Abbreviation, OutgoingMail
from news.models import Article
from organizations import permissions
from organizations.models import (
    EmulationBlock,
    Person,
    Position,
    StaffScope,
    Term,
    UnionBody,
)
from organizations.permissions import Role
from organizations.reorganisation import apply_reorganisation, plan_reorganisation
from questions.models import ContactMessage, Question, Topic
from sitepages.models import MenuItem, Page
from tests.admin_forms import form_data
from tests.factories import (
    ArticleFactory,
    AwardFormFactory,
    AwardTitleFactory,
    CategoryFactory,
    DecisionFactory,
    DocumentFactory,
    DocumentKindFactory,
    FieldFactory,
    IssuerFactory,
    MeetingFactory,
    MovementFactory,
    PersonFactory,
    RecipientFactory,
    SloganFactory,
    UnionBodyFactory,
)

pytestmark = pytest.mark.django_db
ADMIN = "/quan-tri"
R, E, T, K, Q = Role.ALL  # reporter, editor, chief editor, awards staff, administrator
EVERYWHERE = {T, Q}

# What each role may do with each admin model: v(iew), a(dd), c(hange), d(elete), as the
# roles are meant to work (lsunion/migrations/0003_roles.py and the admins' own rules).
#                                   R       E       T       K       Q
PERMS = {
    "lsunion.abbreviation":         ("",    "",     "vacd", "",     "vacd"),
    "lsunion.outgoingmail":         ("",    "",     "v",    "",     "vd"),
    "reversion.revision":           ("",    "",     "v",    "",     "v"),
    "auth.group":                   ("",    "",     "",     "",     "vacd"),
    "auth.user":                    ("",    "",     "",     "",     "vacd"),
    "axes.accessattempt":           ("",    "",     "",     "",     "vd"),
    "axes.accesslog":               ("",    "",     "",     "",     "vd"),
    "axes.accessfailurelog":        ("",    "",     "",     "",     "vd"),
    "organizations.reorganisation": ("v",   "v",    "v",    "v",    "v"),
    "organizations.unionbody":      ("v",   "vc",   "vacd", "v",    "vacd"),
    "organizations.person":         ("v",   "vac",  "vacd", "v",    "vacd"),
    "organizations.term":           ("v",   "vac",  "vacd", "v",    "vacd"),
    "organizations.position":       ("",    "vac",  "vacd", "",     "vacd"),
    "organizations.emulationblock": ("v",   "v",    "vacd", "v",    "vacd"),
    "organizations.meeting":        ("v",   "vac",  "vacd", "v",    "vacd"),
    "news.category":                ("v",   "v",    "vacd", "",     "vacd"),
    "news.slogan":                  ("",    "",     "vacd", "",     "vacd"),
    "news.article":                 ("vac", "vacd", "vacd", "",     "vacd"),
    "awards.awardform":             ("",    "",     "",     "vacd", "vacd"),
    "awards.awardtitle":            ("",    "",     "",     "vacd", "vacd"),
    "awards.movement":              ("",    "",     "",     "vacd", "vacd"),
    "awards.decision":              ("",    "",     "",     "vacd", "vacd"),
    "awards.recipient":             ("",    "",     "",     "vacd", "vacd"),
    "documents.document":           ("",    "vacd", "vacd", "vacd", "vacd"),
    "documents.documentkind":       ("",    "v",    "vacd", "v",    "vacd"),
    "documents.issuer":             ("",    "v",    "vacd", "v",    "vacd"),
    "documents.field":              ("",    "v",    "vacd", "v",    "vacd"),
    # Questions arrive from the public form only: nobody adds them in the admin.
    "questions.topic":              ("v",   "v",    "vacd", "",     "vacd"),
    "questions.question":           ("vc",  "vc",   "vcd",  "",     "vcd"),
    "questions.contactmessage":     ("",    "vc",   "vcd",  "",     "vcd"),
    "sitepages.page":               ("",    "",     "vacd", "",     "vacd"),
    "sitepages.menuitem":           ("",    "",     "vacd", "",     "vacd"),
}  # fmt: skip
# Autocompletes that deliberately offer records of any body: people and bodies are picked as
# attendees, mentions, commended collectives, successors… Owner fields are never among them.
OPEN_AUTOCOMPLETE_TARGETS = {Person}


def perms(role, label) -> str:
    return PERMS[label][Role.ALL.index(role)]


def label_of(model) -> str:
    return model._meta.label_lower


def url_of(model) -> str:
    return f"{ADMIN}/{model._meta.app_label}/{model._meta.model_name}"


def snapshot(obj) -> str:
    fresh = type(obj)._default_manager.filter(pk=obj.pk).first()
    return serializers.serialize("json", [fresh]) if fresh else ""


def deleted_version(obj) -> int:
    model, pk = type(obj), obj.pk
    obj.delete()
    return Version.objects.get_deleted(model).get(object_id=str(pk)).pk


@pytest.fixture
def world():
    province = UnionBodyFactory(name="Liên đoàn Lao động tỉnh Lạng Sơn", kind="provincial")
    own = UnionBodyFactory(name="LĐLĐ huyện Văn Quan", kind="district", parent=province)
    other = UnionBodyFactory(name="LĐLĐ huyện Đình Lập", kind="district", parent=province)
    own_child = UnionBodyFactory(name="CĐCS Trường THPT Văn Quan", parent=own)
    other_child = UnionBodyFactory(name="CĐCS Trường THPT Đình Lập", parent=other)
    spare = UnionBodyFactory(name="LĐLĐ huyện Bắc Sơn", kind="district", parent=province)
    apply_reorganisation(
        plan=plan_reorganisation(bodies=[spare], on=date(2025, 7, 1), successor=None,
                                 kind="dissolve"),
    )  # fmt: skip

    def person(body, name):
        someone = PersonFactory(full_name=name)
        Position.objects.create(person=someone, body=body, title_text="Phó Chủ tịch")
        return someone

    topic = Topic.objects.create(name="Tiền lương")

    def owned(body, child, tag):
        decision = DecisionFactory(issuing_body=body, number=f"{tag}77", is_published=False)
        return {
            Question: Question.objects.create(title=f"Câu hỏi {tag}", text="…", topic=topic,
                                              phone="0912345678", body=body),
            ContactMessage: ContactMessage.objects.create(subject=f"Thư {tag}", text="…",
                                                          email="a@example.vn", body=body),
            UnionBody: child,
            Person: person(child, f"Người {tag}"),
            Term: Term.objects.create(body=body, congress_number=f"{tag}-X", starts_year=2023,
                                      ends_year=2028),
            Position: Position.objects.create(person=PersonFactory(), body=body,
                                              title_text=f"Ủy viên {tag}"),
            EmulationBlock: EmulationBlock.objects.create(name=f"Khối {tag}", year=2021,
                                                          organiser=body),
            MeetingFactory._meta.model: MeetingFactory(title=f"Hội nghị {tag}", organiser=body),
            Article: ArticleFactory(title=f"Tin {tag}", source_body=body, draft=True),
            decision._meta.model: decision,
            Recipient: RecipientFactory(decision=decision, full_name=f"Đoàn viên {tag}"),
            DocumentFactory._meta.model: DocumentFactory(owner=body, summary=f"Văn bản {tag}"),
        }  # fmt: skip

    own_objects = owned(own, own_child, "VQ")
    other_objects = owned(other, other_child, "DL")
    deleted_page = deleted_version(Page.objects.create(title="Trang đã xoá"))  # not scoped
    deleted = {
        "own": {
            Page: deleted_page,
            UnionBody: deleted_version(UnionBodyFactory(name="CĐCS xoá VQ", parent=own)),
            Article: deleted_version(ArticleFactory(title="Tin xoá VQ", source_body=own)),
            MeetingFactory._meta.model: deleted_version(MeetingFactory(organiser=own)),
            own_objects[Recipient].decision._meta.model: deleted_version(
                DecisionFactory(issuing_body=own)
            ),
            DocumentFactory._meta.model: deleted_version(DocumentFactory(owner=own)),
        },
        "other": {
            Page: deleted_page,
            UnionBody: deleted_version(UnionBodyFactory(name="CĐCS xoá DL", parent=other)),
            Article: deleted_version(ArticleFactory(title="Tin xoá DL", source_body=other)),
            MeetingFactory._meta.model: deleted_version(MeetingFactory(organiser=other)),
            own_objects[Recipient].decision._meta.model: deleted_version(
                DecisionFactory(issuing_body=other)
            ),
            DocumentFactory._meta.model: deleted_version(DocumentFactory(owner=other)),
        },
    }
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog
    from django.contrib.auth import get_user_model

    shared = {
        Abbreviation: Abbreviation.objects.create(short="CNVCLĐ-T", expansion="công nhân"),
        Revision: Revision.objects.order_by("pk").first(),
        OutgoingMail: OutgoingMail.objects.create(subject="Bài chờ duyệt: Tin DL",
                                                  body="…", recipients="bt@example.vn"),
        Group: Group.objects.get(name=R),
        get_user_model(): get_user_model().objects.create_user("nguoi.khac", is_staff=True),
        AccessAttempt: AccessAttempt.objects.create(username="x", ip_address="10.0.0.1",
                                                    failures_since_start=1),
        AccessLog: AccessLog.objects.create(username="x", ip_address="10.0.0.1"),
        AccessFailureLog: AccessFailureLog.objects.create(username="x", ip_address="10.0.0.1"),
        spare.reorganisations.model: spare.reorganisations.get(),
        CategoryFactory._meta.model: CategoryFactory(),
        SloganFactory._meta.model: SloganFactory(),
        AwardFormFactory._meta.model: AwardFormFactory(),
        AwardTitleFactory._meta.model: AwardTitleFactory(),
        MovementFactory._meta.model: MovementFactory(),
        DocumentKindFactory._meta.model: DocumentKindFactory(),
        IssuerFactory._meta.model: IssuerFactory(),
        FieldFactory._meta.model: FieldFactory(),
        Topic: topic,
        # Not a fixed page: those keep their address and cannot be deleted (tests/sitepages).
        Page: Page.objects.create(title="Quy chế hoạt động của cổng thông tin"),
        MenuItem: MenuItem.objects.create(title="Văn bản", url="/tim-kiem/?q=van+ban"),
    }  # fmt: skip
    return {
        "own_body": own, "other_body": other, "other_child": other_child,
        "own": own_objects, "other": other_objects, "shared": shared, "deleted": deleted,
    }  # fmt: skip


def user_with(django_user_model, role, body):
    user = django_user_model.objects.create_user(
        f"u.{Role.ALL.index(role)}", email=f"u{Role.ALL.index(role)}@example.vn", is_staff=True
    )
    user.groups.add(Group.objects.get(name=role))
    StaffScope.objects.create(user=user).bodies.set([body])
    return user


class Matrix:
    """Collects every disagreement with the table, so one run shows every leak."""

    def __init__(self, client, role):
        self.client, self.role, self.failures, self.requests = client, role, [], 0

    def expect(self, method, url, statuses, data=None, what=""):
        self.requests += 1
        response = getattr(self.client, method)(url, data or {})
        if response.status_code not in statuses:
            self.failures.append((self.role, method.upper(), url, what, response.status_code,
                                  statuses))  # fmt: skip
        return response

    def fail(self, *detail):
        self.failures.append((self.role, *detail))


def allowed(flag: bool):
    return (200,) if flag else (403,)


def check_model(matrix, world, model, model_admin):
    role, label = matrix.role, label_of(model)
    may = perms(role, label)
    scoped = permissions.scoped_for(model) is not None
    local = scoped and role not in EVERYWHERE
    base = url_of(model)
    if scoped:
        own, other = world["own"][model], world["other"][model]
    else:
        own = other = world["shared"][model]

    listing = matrix.expect("get", f"{base}/", allowed("v" in may or "c" in may), what="list")
    if listing.status_code == 200:
        page = listing.content.decode()
        if f"/{own.pk}/change/" not in page:
            matrix.fail("list misses own row", label)
        if scoped and (f"/{other.pk}/change/" in page) == local:
            matrix.fail("list shows other body's row" if local else "list misses row", label)
    matrix.expect("get", f"{base}/add/", allowed("a" in may), what="add")

    own_form = matrix.expect("get", f"{base}/{own.pk}/change/", allowed("v" in may or "c" in may))
    matrix.expect("get", f"{base}/{own.pk}/history/", allowed("v" in may or "c" in may))
    matrix.expect("get", f"{base}/{own.pk}/delete/", allowed("d" in may))
    if local:
        for page in ("change", "history", "delete"):
            matrix.expect("get", f"{base}/{other.pk}/{page}/", (403,), what="other body")
        before = snapshot(other)
        data = form_data(own_form.content.decode()) if own_form.status_code == 200 else {}
        matrix.expect("post", f"{base}/{other.pk}/change/", (403,), data, "POST other")
        matrix.expect("post", f"{base}/{other.pk}/delete/", (403,), {"post": "yes"}, "delete")
        matrix.client.post(f"{base}/", {"action": "delete_selected", "post": "yes",
                                        "_selected_action": [other.pk]})  # fmt: skip
        if snapshot(other) != before:
            matrix.fail("POST changed or deleted another body's record", label)
    else:
        for page in ("change", "history"):
            matrix.expect("get", f"{base}/{other.pk}/{page}/", allowed("v" in may or "c" in may))

    if isinstance(model_admin, VersionAdmin):
        check_versions(matrix, world, model, may, local, own, other)


def check_versions(matrix, world, model, may, local, own, other):
    label, base = label_of(model), url_of(model)
    for obj, visible in ((own, True), (other, not local)):
        version = Version.objects.get_for_object(obj).first()
        may_open = visible and "c" in may
        matrix.expect("get", f"{base}/{obj.pk}/history/{version.pk}/", allowed(may_open))
        matrix.expect(
            "get", f"{base}/{obj.pk}/lich-su/so-sanh/",
            allowed(visible and ("v" in may or "c" in may)) if visible else (403,),
            {"a": version.pk, "b": version.pk},
        )  # fmt: skip
    recover = "a" in may and "c" in may
    listing = matrix.expect("get", f"{base}/recover/", allowed(recover), what="recover list")
    mine, theirs = world["deleted"]["own"][model], world["deleted"]["other"][model]
    if listing.status_code == 200:
        page = listing.content.decode()
        if f"recover/{mine}/" not in page:
            matrix.fail("recover list misses own deleted record", label)
        if (f"recover/{theirs}/" in page) == local:
            matrix.fail("recover list shows other body's deleted record", label)
    matrix.expect("get", f"{base}/recover/{mine}/", allowed(recover))
    matrix.expect("get", f"{base}/recover/{theirs}/", allowed(recover and not local))
    if local:
        matrix.expect("post", f"{base}/recover/{theirs}/", (403,), {}, "POST recover other")
        deleted_pk = Version.objects.get(pk=theirs).object_id
        if model._default_manager.filter(pk=deleted_pk).exists():
            matrix.fail("recovered another body's deleted record", label)


def check_imports_and_exports(matrix, world):
    role = matrix.role
    local = role not in EVERYWHERE
    matrix.expect("get", f"{ADMIN}/news/article/nhap-tu-cong-cu/", allowed(role in EVERYWHERE))
    documents = "a" in perms(role, "documents.document")
    matrix.expect("get", f"{ADMIN}/documents/document/nhap-lo/", allowed(documents))
    matrix.expect("get", f"{ADMIN}/documents/document/trich-dan-chua-co/",
                  allowed("v" in perms(role, "documents.document")))  # fmt: skip
    decisions = "c" in perms(role, "awards.decision")
    own, other = world["own"][Recipient].decision, world["other"][Recipient].decision
    matrix.expect("get", f"{ADMIN}/awards/decision/{own.pk}/nhap-danh-sach/", allowed(decisions))
    matrix.expect(
        "get", f"{ADMIN}/awards/decision/{other.pk}/nhap-danh-sach/",
        allowed(decisions and not local),
    )  # fmt: skip
    for url in ("awards/decision/xuat/decisions/csv/", "awards/decision/xuat/recipients/csv/",
                "awards/recipient/xuat/recipients/csv/"):  # fmt: skip
        response = matrix.expect("get", f"{ADMIN}/{url}", allowed(decisions), what="export")
        if response.status_code != 200:
            continue
        text = b"".join(response.streaming_content if response.streaming else [response.content])
        rows = " ".join(" ".join(row) for row in csv.reader(io.StringIO(text.decode("utf-8-sig"))))
        if "VQ77" not in rows and "Đoàn viên VQ" not in rows:
            matrix.fail("export misses own rows", url)
        if ("DL77" in rows or "Đoàn viên DL" in rows) == local:
            matrix.fail("export shows other body's rows" if local else "export misses rows", url)


def autocomplete_fields():
    """(source model, field name, target model) for every autocomplete in the admin."""
    found = set()
    for model, model_admin in admin.site._registry.items():
        for owner in (model_admin, *(inline(model, admin.site) for inline in model_admin.inlines)):
            for name in owner.autocomplete_fields:
                field = owner.model._meta.get_field(name)
                found.add((owner.model, name, field.related_model))
    return sorted(found, key=lambda row: (label_of(row[0]), row[1]))


def check_autocomplete(matrix, world, source, name, target):
    role = matrix.role
    may = perms(role, label_of(target))
    response = matrix.expect(
        "get", f"{ADMIN}/autocomplete/",
        allowed("v" in may or "c" in may),
        {"app_label": source._meta.app_label, "model_name": source._meta.model_name,
         "field_name": name, "term": ""},
        f"autocomplete {label_of(source)}.{name}",
    )  # fmt: skip
    if response.status_code != 200 or role in EVERYWHERE:
        return
    offered = {int(row["id"]) for row in response.json()["results"]}
    scoped = permissions.scoped_for(source)
    if target is UnionBody:
        owner_field = scoped is not None and (
            name in scoped.owner_fields or name == scoped.body_path.split("__")[0]
        )
        if owner_field and offered & {world["other_body"].pk, world["other_child"].pk}:
            matrix.fail("autocomplete offers another body as owner", label_of(source), name)
        return
    open_target = target in OPEN_AUTOCOMPLETE_TARGETS
    if permissions.scoped_for(target) and not open_target and world["other"][target].pk in offered:
        matrix.fail("autocomplete offers another body's record", label_of(source), name)


def test_the_table_covers_every_registered_admin_model():
    assert set(PERMS) == {label_of(model) for model in admin.site._registry}


@pytest.mark.parametrize("role", Role.ALL)
def test_permission_matrix_has_no_leaks(client, world, django_user_model, role):
    client.force_login(user_with(django_user_model, role, world["own_body"]))
    matrix = Matrix(client, role)
    for model, model_admin in admin.site._registry.items():
        check_model(matrix, world, model, model_admin)
    check_imports_and_exports(matrix, world)
    for source, name, target in autocomplete_fields():
        check_autocomplete(matrix, world, source, name, target)
    assert matrix.failures == []
    assert matrix.requests >= 200  # the walk really covers the admin
