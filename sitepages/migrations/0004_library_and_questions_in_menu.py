"""Văn bản and Hỏi đáp join the main menu after Khen thưởng, as the portal's other sections did.

Only where the menu still has Khen thưởng and not yet these two: a menu the chief editor has
reorganised keeps its shape, and running this again adds nothing.
"""

from django.db import migrations

ADDED = [(62, "section:documents:list"), (64, "section:questions:list")]


def add(apps, schema_editor):
    db = schema_editor.connection.alias  # the database being migrated
    MenuItem = apps.get_model("sitepages", "MenuItem")
    items = MenuItem.objects.using(db).filter(menu="main", parent=None)
    if not items.filter(target="section:awards:lookup").exists():
        return
    for order, target in ADDED:
        if not MenuItem.objects.using(db).filter(target=target).exists():
            MenuItem.objects.using(db).create(menu="main", order=order, target=target)


def remove(apps, schema_editor):
    db = schema_editor.connection.alias
    targets = [target for _order, target in ADDED]
    apps.get_model("sitepages", "MenuItem").objects.using(db).filter(target__in=targets).delete()


class Migration(migrations.Migration):
    dependencies = [("sitepages", "0003_roles")]
    operations = [migrations.RunPython(add, remove)]
