"""Search vectors for the public version, and who answers: the roles' permissions on Hỏi đáp.

Phóng viên answer and draft the public version; Biên tập viên also publish it (the same
right as publishing articles) and read the contact messages; Tổng biên tập and Quản trị viên
may do everything, including editing the topics.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from lsunion.search.indexes import gin_indexes

ANSWER = [
    "view_question", "change_question", "view_questionnote", "add_questionnote",
    "view_topic",
]  # fmt: skip
GRANTS = {
    "Phóng viên": ANSWER,
    "Biên tập viên": [*ANSWER, "publish_question", "view_contactmessage",
                      "change_contactmessage"],
    "Tổng biên tập": ["*"],
    "Quản trị viên": ["*"],
}  # fmt: skip


def grant(apps, schema_editor):
    db = schema_editor.connection.alias  # the database being migrated
    app_config = apps.get_app_config("questions")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0, using=db)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ours = Permission.objects.using(db).filter(content_type__app_label="questions")
    for name, codenames in GRANTS.items():
        group = Group.objects.using(db).filter(name=name).first()
        if group is None:
            continue
        wanted = ours if codenames == ["*"] else ours.filter(codename__in=codenames)
        group.permissions.add(*wanted)


def revoke(apps, schema_editor):
    db = schema_editor.connection.alias
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ours = Permission.objects.using(db).filter(content_type__app_label="questions")
    for group in Group.objects.using(db).filter(name__in=GRANTS):
        group.permissions.remove(*ours)


class Migration(migrations.Migration):
    dependencies = [
        ("questions", "0001_initial"),
        ("lsunion", "0005_outgoing_mail_roles"),
    ]
    operations = [
        gin_indexes("questions_question", "search_title", "search_text"),
        migrations.RunPython(grant, revoke),
    ]
