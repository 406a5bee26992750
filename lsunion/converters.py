"""URL converters. `id`: a database id, at most 18 digits, so an absurdly long number in an
address is a 404 rather than an integer overflow in the database (a 500)."""

from django.urls import register_converter


class IdConverter:
    regex = "[0-9]{1,18}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value) -> str:
        return str(value)


register_converter(IdConverter, "id")
