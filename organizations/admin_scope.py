"""Admin integration of organizations.permissions: lists, forms, history and autocomplete
all keep to the staff member's scope. Used by the admins of every scoped model."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from reversion.models import Version

from organizations import permissions


def _limit_choices(request, model, db_field, field):
    if field is None:
        return field
    scoped = permissions.scoped_for(model)
    if scoped and db_field.name in scoped.owner_fields:
        field.queryset = permissions.bodies_for(request.user, field.queryset)
    elif scoped and "__" in scoped.body_path and db_field.name == scoped.body_path.split("__")[0]:
        # The parent the scope runs through (a recipient's decision) must be in scope too.
        field.queryset = permissions.filter_queryset(request.user, field.queryset)
    return field


class ScopedInlineMixin:
    """Inline rows of scoped models: only rows inside the scope, owners chosen in scope."""

    def get_queryset(self, request):
        return permissions.filter_queryset(request.user, super().get_queryset(request))

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        return _limit_choices(request, self.model, db_field, field)


class ScopedAdminMixin:
    """Restricts a ModelAdmin to the objects and union bodies inside the user's scope.

    An object outside the scope answers 403 (not a redirect), whichever admin page asks
    for it: change form, history, revision, delete.
    """

    def get_queryset(self, request):
        return permissions.filter_queryset(request.user, super().get_queryset(request))

    def get_object(self, request, object_id, from_field=None):
        obj = super().get_object(request, object_id, from_field)
        if obj is not None:
            return obj
        unscoped = self.model._default_manager.all()
        field = from_field or self.model._meta.pk.name
        try:
            exists = unscoped.filter(**{field: self.to_field_value(field, object_id)}).exists()
        except (ValueError, TypeError, ValidationError):
            return None  # not a valid id for this model: no such object (404)
        if exists:
            raise PermissionDenied
        return None

    def to_field_value(self, field, value):
        return self.model._meta.get_field(field).to_python(value)

    def has_view_permission(self, request, obj=None):
        if obj is not None:
            return permissions.may(request.user, "view", obj) or permissions.may(
                request.user, "change", obj
            )
        return super().has_view_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        if obj is not None:
            return permissions.may(request.user, "change", obj)
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None:
            return permissions.may(request.user, "delete", obj)
        return super().has_delete_permission(request, obj)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        return _limit_choices(request, self.model, db_field, field)

    def history_view(self, request, object_id, extra_context=None):
        if self.get_object(request, object_id) is None:
            raise Http404
        return super().history_view(request, object_id, extra_context)

    def revision_view(self, request, object_id, version_id, extra_context=None):
        obj = self.get_object(request, object_id)
        if obj is None or not self.has_change_permission(request, obj):
            raise PermissionDenied
        return super().revision_view(request, object_id, version_id, extra_context)

    def deleted_versions(self, request):
        """Deleted objects of this model that the user may see, read from their versions."""
        deleted = self._reversion_order_version_queryset(
            request, Version.objects.get_deleted(self.model).select_related("revision")
        )
        return permissions.versions_in_scope(request.user, deleted)

    def recoverlist_view(self, request, extra_context=None):
        context = {**(extra_context or {}), "deleted": self.deleted_versions(request)}
        return super().recoverlist_view(request, context)

    def recover_view(self, request, version_id, extra_context=None):
        # Only a deleted object of this model; and recovering reverts the whole revision, so
        # every object in it must be inside the scope.
        try:
            version_pk = int(version_id)
        except (TypeError, ValueError):
            raise Http404 from None
        version = Version.objects.get_deleted(self.model).filter(pk=version_pk).first()
        if version is None:
            raise Http404
        if not self.has_add_permission(request):
            raise PermissionDenied
        others = version.revision.version_set.all()
        if not all(permissions.version_in_scope(request.user, other) for other in others):
            raise PermissionDenied
        return super().recover_view(request, version_id, extra_context)


def restrict_autocomplete(request, queryset):
    """In an autocomplete for a scoped owner field (an article's source, a meeting's
    organiser…), offer only the bodies inside the user's scope."""
    field_name = request.GET.get("field_name", "")
    app_label = request.GET.get("app_label", "")
    model_name = request.GET.get("model_name", "")
    for scoped in permissions.registered():
        opts = scoped.model._meta
        if (opts.app_label, opts.model_name) == (app_label, model_name) and (
            field_name in scoped.owner_fields
        ):
            return permissions.bodies_for(request.user, queryset)
    return queryset
