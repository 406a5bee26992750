"""Stored word vectors for the library's search fields, and who may keep the library:
editors and the commendation office add and change documents within their scope; the chief
editor and the administrator also keep the lists of kinds, issuers and fields."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from lsunion.search.indexes import gin_indexes

READ_LISTS = ["view_documentkind", "view_issuer", "view_field"]
KEEP_DOCUMENTS = ["view_document", "add_document", "change_document", "delete_document"]
EVERYTHING = [
    *KEEP_DOCUMENTS,
    *(f"{action}_{model}" for model in ("documentkind", "issuer", "field")
      for action in ("view", "add", "change", "delete")),
]  # fmt: skip
GRANTS = {
    "Biên tập viên": [*KEEP_DOCUMENTS, *READ_LISTS],
    "Cán bộ thi đua – khen thưởng": [*KEEP_DOCUMENTS, *READ_LISTS],
    "Tổng biên tập": EVERYTHING,
    "Quản trị viên": EVERYTHING,
}


def grant(apps, schema_editor):
    db = schema_editor.connection.alias  # the database being migrated
    app_config = apps.get_app_config("documents")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0, using=db)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in GRANTS.items():
        group = Group.objects.using(db).filter(name=name).first()
        if group is not None:
            group.permissions.add(
                *Permission.objects.using(db).filter(
                    content_type__app_label="documents", codename__in=codenames
                )
            )


def revoke(apps, schema_editor):
    db = schema_editor.connection.alias
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ours = Permission.objects.using(db).filter(content_type__app_label="documents")
    for group in Group.objects.using(db).filter(name__in=GRANTS):
        group.permissions.remove(*ours)


class Migration(migrations.Migration):
    dependencies = [
        ("documents", "0001_initial"),
        ("lsunion", "0005_outgoing_mail_roles"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [
        gin_indexes("documents_document", "search_title", "search_text"),
        migrations.RunPython(grant, revoke),
    ]
