"""The one place that decides whether a staff member may act on an object.

A role is a Django group (created by a migration, Vietnamese names). A staff account is
attached to union bodies (StaffScope); its scope is those bodies and all their descendants.
Chief editors and administrators act everywhere. Admin querysets, forms, actions,
autocomplete, the editor's image upload and exports all ask here.

Scope follows a merger: the bodies an applied reorganisation ended into a body in scope come
with it (the ended body's own staff keep them as history). A person belongs to the scope of
every body where they hold or held a position. A deleted object belongs where its last
stored version says it belonged (reversion's recover screens).

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
    # body_path crosses a to-many relation (a person's positions): an object belongs to the
    # scope of each body it reaches; one that reaches none is open to anyone with the model
    # permission (a person just created, before any position is recorded).
    many: bool = False


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
    """Ids of the bodies the user works for, descendants included, and the bodies merged or
    dissolved into any of them (see `_merged_into`); None means everywhere."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return frozenset()
    if acts_everywhere(user):
        return None
    cached = getattr(user, "_lsunion_scope", None)
    if cached is None:
        from organizations.models import StaffScope, UnionBody

        roots = list(StaffScope.objects.filter(user=user).values_list("bodies", flat=True))
        roots = {pk for pk in roots if pk is not None}
        ids: set[int] = set()
        if roots:
            tree = list(UnionBody.objects.with_tree_fields().values_list("pk", "tree_path"))
            ids = _below(tree, roots)
            edges = _merger_edges()
            # Each body an applied merger ended into the scope brings what is still under it.
            while gained := _merged_into(ids, edges) - ids:
                ids |= _below(tree, gained)
        cached = frozenset(ids)
        user._lsunion_scope = cached
    return cached


def _below(tree, tops: set[int]) -> set[int]:
    """The bodies `tops` and all their descendants."""
    return {pk for pk, path in tree if not tops.isdisjoint(path)}


def _merger_edges() -> list[tuple[int, int]]:
    """(successor, ended body) of every applied, not undone reorganisation whose day has come."""
    from django.utils import timezone

    from organizations.models import Reorganisation

    return [
        (successor, ended)
        for successor, ended in Reorganisation.objects.filter(
            undone_at__isnull=True,
            successor__isnull=False,
            effective_on__lte=timezone.localdate(),
        ).values_list("successor_id", "bodies")
        if ended is not None
    ]


def _merged_into(ids: set[int], edges: list[tuple[int, int]]) -> set[int]:
    """Bodies ended into one of `ids`, followed through earlier mergers: the successor's
    staff inherit their records. The ended body's own staff keep them too, since it stays in
    the tree as history."""
    gained: set[int] = set()
    frontier = set(ids)
    while frontier:
        found = {ended for successor, ended in edges if successor in frontier}
        frontier = found - ids - gained
        gained |= frontier
    return gained


def in_scope(user, body_id: int | None) -> bool:
    ids = scope_ids(user)
    return ids is None or (body_id is not None and body_id in ids)


def _body_ids(scoped: Scoped, obj) -> set[int]:
    """The bodies an object belongs to (one, except for to-many paths)."""
    if scoped.many:
        if obj.pk is None:
            return set()
        rows = type(obj)._default_manager.filter(pk=obj.pk).values_list(scoped.body_path, flat=True)
        return {pk for pk in rows if pk is not None}
    body_id = _body_id(scoped, obj)
    return set() if body_id is None else {body_id}


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
    if scoped.many:
        # Subqueries rather than joins: one row per object, whatever it reaches.
        model = queryset.model
        inside = model._default_manager.filter(**{f"{scoped.body_path}__in": ids}).values("pk")
        owned = model._default_manager.filter(**{f"{scoped.body_path}__isnull": False}).values("pk")
        return queryset.filter(Q(pk__in=inside) | ~Q(pk__in=owned))
    return queryset.filter(Q(**{f"{scoped.body_path}__in": ids}))


def _version_body_ids(scoped: Scoped, version) -> set[int]:
    """The bodies a stored version belongs to, read from the version's own data: the
    object may be deleted, and then only its version knows where it belonged."""
    from reversion.errors import RevertError

    try:
        data = version.field_dict
    except RevertError:  # stored by an older shape of the model: place unknown, so nobody's
        return set()
    if scoped.body_path == "pk":
        # A body belongs to its own scope, and a deleted one to the scope of its parent.
        return {int(version.object_id), data.get("parent_id")} - {None}
    if scoped.many:
        return set()  # the rows that placed it were deleted with it
    first, *rest = scoped.body_path.split("__")
    value = data.get(f"{first}_id")
    if value is None:
        return set()
    if not rest:
        return {value}
    related = scoped.model._meta.get_field(first).related_model
    rows = related._default_manager.filter(pk=value).values_list("__".join(rest), flat=True)
    found = {pk for pk in rows if pk is not None}
    if found or len(rest) > 1:
        return found
    # The parent was deleted in the same step (a decision with its recipients): its version
    # in the same revision says where it belonged.
    parent = version.revision.version_set.get_for_model(related).filter(object_id=str(value))
    parent = parent.first()
    return {parent.field_dict.get(f"{rest[0]}_id")} - {None} if parent is not None else set()


def version_in_scope(user, version) -> bool:
    """Does this stored version (of a live or a deleted object) lie inside the user's scope?

    Versions of models outside the scope rules are in everyone's scope."""
    ids = scope_ids(user)
    if ids is None:
        return True
    model = version.content_type.model_class()
    scoped = scoped_for(model) if model is not None else None
    if scoped is None:
        return True
    bodies = _version_body_ids(scoped, version)
    if not bodies:
        return scoped.many
    return bool(bodies & ids)


def versions_in_scope(user, versions) -> list:
    """The versions (e.g. of deleted objects, for recovery) inside the user's scope."""
    if scope_ids(user) is None:
        return list(versions)
    return [version for version in versions if version_in_scope(user, version)]


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
    if not _obj_in_scope(user, scoped, obj):
        return False
    return scoped.rule(user, action, obj) if scoped.rule else True


def _obj_in_scope(user, scoped: Scoped, obj) -> bool:
    ids = scope_ids(user)
    if ids is None:
        return True
    bodies = _body_ids(scoped, obj)
    if not bodies:
        return scoped.many
    return bool(bodies & ids)
