"""The one place that decides whether a staff member may act on an object.

A role is a Django group (created by a migration, Vietnamese names). A staff account is
attached to union bodies (StaffScope); its scope is those bodies and all their descendants.
Chief editors and administrators act everywhere. Admin querysets, forms, actions,
autocomplete, the editor's image upload and exports all ask here.

Apps declare which of their models are scoped, and through which field, in their
AppConfig.ready() – organizations imports neither news nor awards.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Model, Q, QuerySet


class Role:
    REPORTER = "Phóng viên"
    EDITOR = "Biên tập viên"
    CHIEF_EDITOR = "Tổng biên tập"
    AWARDS_STAFF = "Cán bộ thi đua – khen thưởng"
    ADMINISTRATOR = "Quản trị viên"

    ALL = (REPORTER, EDITOR, CHIEF_EDITOR, AWARDS_STAFF, ADMINISTRATOR)
    EVERYWHERE = (CHIEF_EDITOR, ADMINISTRATOR)


ACTIONS = ("view", "add", "change", "delete", "publish")


@dataclass(frozen=True)
class Scoped:
    """A model whose objects belong to a union body, found through `body_path`."""

    model: type[Model]
    body_path: str  # "source_body", "organiser", "decision__issuing_body", or "pk" for bodies
    publish_permission: str | None = None  # "news.publish_article"
    # Form fields that name the owning body: their choices (and autocomplete) keep to scope.
    owner_fields: tuple[str, ...] = ()
    # Extra rule per object (e.g. reporters only touch drafts): (user, action, obj) -> bool
    rule: Callable | None = None


_scoped: dict[type[Model], Scoped] = {}


def register(scoped: Scoped) -> None:
    _scoped[scoped.model] = scoped


def registered() -> list[Scoped]:
    return list(_scoped.values())


def scoped_for(model) -> Scoped | None:
    return _scoped.get(model if isinstance(model, type) else type(model))


def roles(user) -> set[str]:
    if not getattr(user, "is_authenticated", False):
        return set()
    cached = getattr(user, "_lsunion_roles", None)
    if cached is None:
        cached = set(user.groups.values_list("name", flat=True))
        user._lsunion_roles = cached
    return cached


def acts_everywhere(user) -> bool:
    return bool(user.is_active and (user.is_superuser or roles(user) & set(Role.EVERYWHERE)))


def scope_ids(user) -> frozenset[int] | None:
    """Ids of the bodies the user works for, descendants included; None means everywhere."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return frozenset()
    if acts_everywhere(user):
        return None
    cached = getattr(user, "_lsunion_scope", None)
    if cached is None:
        from organizations.models import StaffScope, UnionBody

        roots = list(StaffScope.objects.filter(user=user).values_list("bodies", flat=True))
        roots = [pk for pk in roots if pk is not None]
        ids: set[int] = set()
        if roots:
            tree = UnionBody.objects.with_tree_fields().values_list("pk", "tree_path")
            for pk, path in tree:
                if set(path) & set(roots):
                    ids.add(pk)
        cached = frozenset(ids)
        user._lsunion_scope = cached
    return cached


def in_scope(user, body_id: int | None) -> bool:
    ids = scope_ids(user)
    return ids is None or (body_id is not None and body_id in ids)


def _body_id(scoped: Scoped, obj) -> int | None:
    if scoped.body_path == "pk":
        return obj.pk
    target = obj
    parts = scoped.body_path.split("__")
    for part in parts[:-1]:
        target = getattr(target, part, None)
        if target is None:
            return None
    return getattr(target, f"{parts[-1]}_id", None)


def filter_queryset(user, queryset: QuerySet) -> QuerySet:
    """Only the objects inside the user's scope."""
    scoped = scoped_for(queryset.model)
    ids = scope_ids(user)
    if scoped is None or ids is None:
        return queryset
    return queryset.filter(Q(**{f"{scoped.body_path}__in": ids}))


def bodies_for(user, queryset: QuerySet) -> QuerySet:
    """The union bodies a user may pick as the owner of an object (source, organiser…)."""
    ids = scope_ids(user)
    return queryset if ids is None else queryset.filter(pk__in=ids)


def may(user, action: str, obj=None, *, model=None) -> bool:
    """May this user perform `action` (view/add/change/delete/publish) on obj (or on model)?"""
    if action not in ACTIONS:
        raise ValueError(action)
    if not getattr(user, "is_authenticated", False) or not user.is_active or not user.is_staff:
        return False
    model = model or type(obj)
    scoped = scoped_for(model)
    opts = model._meta
    if action == "publish":
        codename = scoped.publish_permission if scoped and scoped.publish_permission else None
        if codename is None or not user.has_perm(codename):
            return False
    elif not user.has_perm(f"{opts.app_label}.{action}_{opts.model_name}"):
        return False
    if obj is None or scoped is None:
        return True
    if not in_scope(user, _body_id(scoped, obj)):
        return False
    return scoped.rule(user, action, obj) if scoped.rule else True
