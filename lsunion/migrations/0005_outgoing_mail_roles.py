"""The chief editor and the administrator see Thư gửi đi and may send a mail again."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GRANTS = {
    "Tổng biên tập": ["view_outgoingmail", "send_outgoingmail"],
    "Quản trị viên": ["view_outgoingmail", "send_outgoingmail", "delete_outgoingmail"],
}


def grant(apps, schema_editor):
    db = schema_editor.connection.alias  # the database being migrated
    app_config = apps.get_app_config("lsunion")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0, using=db)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in GRANTS.items():
        group = Group.objects.using(db).filter(name=name).first()
        if group is not None:
            group.permissions.add(
                *Permission.objects.using(db).filter(content_type__app_label="lsunion", codename__in=codenames)
            )


def revoke(apps, schema_editor):
    db = schema_editor.connection.alias
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    mail_permissions = Permission.objects.using(db).filter(
        content_type__app_label="lsunion", codename__endswith="_outgoingmail"
    )
    for group in Group.objects.using(db).filter(name__in=GRANTS):
        group.permissions.remove(*mail_permissions)


class Migration(migrations.Migration):
    dependencies = [("lsunion", "0004_outgoing_mail"), ("lsunion", "0003_roles")]
    operations = [migrations.RunPython(grant, revoke)]
