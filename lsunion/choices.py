"""The label of a field's choice, as `get_<field>_display()` gives it, looked up cheaply.

Django's `get_<field>_display()` flattens the field's choices and hashes every label on each
call; the labels are lazy translations, so each hash translates them all again. Lists of
twenty or thirty rows (the meeting list, the award look-up) called it once a row: about a
sixth of the meeting list's CPU (issue 17). Here the table of labels is built once per field
and language.
"""

from functools import lru_cache

from django.utils.translation import get_language


@lru_cache(maxsize=256)
def _labels(model, field_name: str, language: str | None) -> dict:
    field = model._meta.get_field(field_name)
    return {value: str(label) for value, label in field.flatchoices}


def display(instance, field_name: str) -> str:
    """`instance.get_<field_name>_display()`: the chosen value's label, or the value itself."""
    value = getattr(instance, field_name)
    return _labels(type(instance), field_name, get_language()).get(value, value)
