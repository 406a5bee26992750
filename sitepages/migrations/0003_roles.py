"""The chief editor (and the administrator) edit the fixed pages, the menu and the footer."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUPS = ["Tổng biên tập", "Quản trị viên"]


def grant(apps, schema_editor):
    db = schema_editor.connection.alias  # the database being migrated
    app_config = apps.get_app_config("sitepages")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0, using=db)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.using(db).filter(content_type__app_label="sitepages")
    for group in Group.objects.using(db).filter(name__in=GROUPS):
        group.permissions.add(*permissions)


def revoke(apps, schema_editor):
    db = schema_editor.connection.alias
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.using(db).filter(content_type__app_label="sitepages")
    for group in Group.objects.using(db).filter(name__in=GROUPS):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [("sitepages", "0002_default_pages_and_menus"), ("lsunion", "0003_roles")]
    operations = [migrations.RunPython(grant, revoke)]
