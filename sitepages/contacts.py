"""Addresses and phones for Liên hệ, read from the bodies' own records (organizations)."""

from django.db.models import Q

from lsunion.collation import vi_order
from organizations.models import UnionBody, kind_rank

# Levels whose offices readers contact; grassroots unions are reached through their body page.
LEVELS = [
    UnionBody.Kind.PROVINCIAL,
    UnionBody.Kind.DISTRICT,
    UnionBody.Kind.SECTORAL,
    UnionBody.Kind.ECONOMIC_ZONE,
    UnionBody.Kind.DIRECT,
]


def contact_bodies(day=None) -> list[UnionBody]:
    """Current bodies above the grassroots with an address, phone or e-mail: federation first,
    then by level, each level in Vietnamese order (one query)."""
    return list(
        UnionBody.objects.current(day)
        .filter(kind__in=LEVELS)
        .exclude(Q(address="") & Q(phone="") & Q(email=""))
        .only("name", "slug", "kind", "address", "phone", "email", "website")
        .order_by(kind_rank(), vi_order("name"), "pk")
    )
