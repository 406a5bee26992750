import pytest
from django.contrib.auth.models import Group
from django.test import Client

from organizations.models import StaffScope, UnionBody
from organizations.permissions import Role


@pytest.fixture
def staff_of(django_user_model):
    """staff_of(role) -> a logged-in client of a staff member with that role."""

    def make(role: str) -> Client:
        user = django_user_model.objects.create_user(
            f"nv-{Role.ALL.index(role)}", is_staff=True, password="mat-khau-rat-dai-123"
        )
        user.groups.add(Group.objects.get(name=role))
        province = UnionBody.objects.create(
            name="Liên đoàn Lao động tỉnh Lạng Sơn", kind="provincial"
        )
        StaffScope.objects.create(user=user).bodies.set([province])
        client = Client()
        client.force_login(user)
        return client

    return make
