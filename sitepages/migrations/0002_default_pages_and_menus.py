"""The fixed pages, and the menus the portal had hard-coded in templates/base.html, as data.

The menu keeps today's links (Trang chủ, the categories shown on the bar, Tổ chức công đoàn,
Hội nghị, Khen thưởng) and gains Giới thiệu and Liên hệ; the footer gets links of its own.
Items left without a title take the name of what they point at.
"""

from django.db import migrations

PAGES = [
    ("gioi-thieu", "Giới thiệu", "Lịch sử, chức năng, nhiệm vụ và sơ đồ tổ chức của Liên đoàn Lao động tỉnh Lạng Sơn."),
    ("lien-he", "Liên hệ", "Địa chỉ, điện thoại và thư điện tử của Liên đoàn Lao động tỉnh và các công đoàn trực thuộc."),
    ("so-do-cong-thong-tin", "Sơ đồ cổng thông tin", "Mọi chuyên mục, mục và trang của cổng thông tin."),
]  # fmt: skip
# (menu, order, page slug or registry key)
ITEMS = [
    ("main", 10, "section:news:home"),
    ("main", 20, "page:gioi-thieu"),
    ("main", 30, "category:menu"),
    ("main", 40, "section:organizations:directory"),
    ("main", 50, "section:organizations:meeting-list"),
    ("main", 60, "section:awards:lookup"),
    ("main", 70, "page:lien-he"),
    ("footer", 10, "page:gioi-thieu"),
    ("footer", 20, "page:lien-he"),
    ("footer", 30, "page:so-do-cong-thong-tin"),
    ("footer", 40, "section:search"),
    ("footer", 50, "section:news:feed-rss"),
]


def create(apps, schema_editor):
    db = schema_editor.connection.alias  # the database being migrated
    Page = apps.get_model("sitepages", "Page")
    MenuItem = apps.get_model("sitepages", "MenuItem")
    pages = {}
    for slug, title, summary in PAGES:
        pages[slug], _created = Page.objects.using(db).get_or_create(
            slug=slug, defaults={"title": title, "summary": summary}
        )
    if MenuItem.objects.using(db).exists():
        return
    for menu, order, destination in ITEMS:
        kind, _sep, value = destination.partition(":")
        if kind == "page":
            MenuItem.objects.using(db).create(menu=menu, order=order, page=pages[value])
        else:
            MenuItem.objects.using(db).create(menu=menu, order=order, target=destination)


def remove(apps, schema_editor):
    db = schema_editor.connection.alias
    apps.get_model("sitepages", "MenuItem").objects.using(db).all().delete()
    apps.get_model("sitepages", "Page").objects.using(db).filter(
        slug__in=[slug for slug, _title, _summary in PAGES]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("sitepages", "0001_initial")]
    operations = [migrations.RunPython(create, remove)]
