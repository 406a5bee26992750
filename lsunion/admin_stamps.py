class StampedAdminMixin:
    """Stamps lsunion.models.Stamped records with the staff member who saves them."""

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        obj.updated_by = request.user
        super().save_model(request, obj, form, change)
