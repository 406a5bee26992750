"""Filter forms whose lists of bodies, forms or titles are read once per content version."""

import django_filters
from django import forms

from lsunion.cache import cached_for_version


class ChoicesPerVersion:
    """A FilterSet mixin: each ModelChoiceFilter's options come from a list kept per content
    version, not from a query on every page. Choosing one still checks it in the database."""

    choices_key = ""  # a name for the cached lists, unique per filter set

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        key = self.choices_key or f"filter-choices:{type(self).__qualname__}"
        for name, choices in cached_for_version(key, self._choice_lists).items():
            field = self.form.fields[name]
            # Plain (value, label) pairs; django-filter's setter would wrap them in a query.
            forms.ChoiceField.choices.fset(field, [("", field.empty_label), *choices])

    def _choice_lists(self) -> dict[str, list[tuple[str, str]]]:
        lists = {}
        for name, flt in self.filters.items():
            if isinstance(flt, django_filters.ModelChoiceFilter):
                field = self.form.fields[name]
                to_field = field.to_field_name or "pk"
                lists[name] = [
                    (str(getattr(obj, to_field)), str(field.label_from_instance(obj)))
                    for obj in field.queryset
                ]
        return lists
