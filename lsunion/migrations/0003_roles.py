"""The editorial roles, as groups with Vietnamese names and their permissions.

Scope (which union bodies) is per account, in organizations.StaffScope; the rules that
combine role and scope live in organizations.permissions.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

READ_ORGANIZATIONS = [
    "organizations.view_unionbody", "organizations.view_meeting", "organizations.view_person",
    "organizations.view_term", "organizations.view_emulationblock",
]  # fmt: skip
WRITE_DRAFTS = [
    "news.view_article", "news.add_article", "news.change_article", "news.view_category",
    "news.view_articlephoto", "news.add_articlephoto", "news.change_articlephoto",
    "news.delete_articlephoto", "news.view_articleevent",
]  # fmt: skip
EDIT_AND_PUBLISH = [
    *WRITE_DRAFTS, "news.delete_article", "news.publish_article",
    "organizations.change_unionbody", "organizations.add_meeting",
    "organizations.change_meeting", "organizations.add_meetingattendee",
    "organizations.change_meetingattendee", "organizations.delete_meetingattendee",
    "organizations.view_meetingattendee", "organizations.add_meetingdocument",
    "organizations.change_meetingdocument", "organizations.delete_meetingdocument",
    "organizations.view_meetingdocument", "organizations.add_person",
    "organizations.change_person", "organizations.view_position",
    "organizations.add_position", "organizations.change_position",
    "organizations.view_memberfigure", "organizations.add_memberfigure",
    "organizations.change_memberfigure", "organizations.add_term", "organizations.change_term",
]  # fmt: skip
ROLES = {
    "Phóng viên": [*WRITE_DRAFTS, *READ_ORGANIZATIONS],
    "Biên tập viên": [*EDIT_AND_PUBLISH, *READ_ORGANIZATIONS],
    "Tổng biên tập": ["news.*", "organizations.*", "lsunion.*", "reversion.view_revision",
                      "reversion.view_version"],
    "Cán bộ thi đua – khen thưởng": ["awards.*", *READ_ORGANIZATIONS],
    "Quản trị viên": ["*"],
}  # fmt: skip


def create_roles(apps, schema_editor):
    # The database being migrated: the test suite also migrates a second (SQLite) database,
    # and roles written to the default one from there would take every permission it has now.
    db = schema_editor.connection.alias
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0, using=db)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.using(db)
    for name, specs in ROLES.items():
        group, _created = Group.objects.using(db).get_or_create(name=name)
        wanted = permissions.none()
        for spec in specs:
            if spec == "*":
                wanted = wanted | permissions.all()
            elif spec.endswith(".*"):
                wanted = wanted | permissions.filter(content_type__app_label=spec[:-2])
            else:
                app_label, codename = spec.split(".")
                wanted = wanted | permissions.filter(
                    content_type__app_label=app_label, codename=codename
                )
        group.permissions.set(wanted.distinct())


def remove_roles(apps, schema_editor):
    db = schema_editor.connection.alias
    apps.get_model("auth", "Group").objects.using(db).filter(name__in=ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("lsunion", "0002_abbreviation"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("news", "0006_review_workflow"),
        ("organizations", "0004_staffscope"),
        ("awards", "0003_publish_permission"),
        ("reversion", "0002_add_index_on_version_for_content_type_and_db"),
        ("axes", "0010_accessattemptexpiration"),
    ]
    operations = [migrations.RunPython(create_roles, remove_roles)]
