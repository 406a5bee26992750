"""Demo news: the categories and slogans of the old portal, and the seed articles.

The seed exports in news/fixtures/legacy/ go through the same importer as `import_legacy`,
so the demo shows exactly what real imports produce; their photos, which the exports do not
carry, get drawn illustrations labelled as such. Sample articles (news.demo_articles) fill
every category of the front page. Idempotent.
"""

from pathlib import Path

from lsunion import demo_pictures
from news import demo_articles, legacy_import
from news.models import Article, Category, Slogan
from organizations.models import Meeting

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "legacy"

CATEGORIES = [
    ("Hoạt động công đoàn", "hoat-dong-cong-doan"),
    ("Tuyên truyền giáo dục", "tuyen-truyen-giao-duc"),
    ("Thi đua – Khen thưởng", "thi-dua-khen-thuong"),
    ("Nữ công", "nu-cong"),
    ("Chính sách – Pháp luật", "chinh-sach-phap-luat"),
]
# The meeting each seed reports on (organizations.demo creates them).
SEED_MEETINGS = {
    "000_e9dd3b03d342aab1.txt": "so-ket-6-thang-dau-nam-2020-ldld-van-quan",
    "001_597b5999805adbeb.txt": "tong-ket-cong-tac-cong-doan-nam-2015-ldld-tinh",
    "004_4b0cc259ff1bd336.txt": "lam-viec-voi-khoi-thi-dua-so-01-nam-2021",
}
# The category each seed belongs to on the old portal when its export has no label.
SEED_CATEGORIES = {
    "000_e9dd3b03d342aab1.txt": "Hoạt động công đoàn",
    "001_597b5999805adbeb.txt": "Thi đua – Khen thưởng",
}


def load() -> str:
    for order, (name, slug) in enumerate(CATEGORIES, start=1):
        category = Category.objects.filter(slug=slug).first() or Category(slug=slug)
        category.name, category.order = name, order * 10
        category.save()

    outcomes = []
    seen_slogans: list[str] = []
    for path in sorted(FIXTURES.glob("*.txt")):
        data = path.read_bytes()
        outcome = legacy_import.import_bytes(
            data,
            publish=True,
            default_category=SEED_CATEGORIES.get(path.name, legacy_import.DEFAULT_CATEGORY),
        )
        outcomes.append(outcome)
        meeting = Meeting.objects.filter(slug=SEED_MEETINGS.get(path.name, "")).first()
        if outcome.article and meeting and outcome.article.meeting_id != meeting.pk:
            outcome.article.meeting = meeting
            outcome.article.save()
        parsed = legacy_import.parse(legacy_import.decode(data))
        seen_slogans.extend(s for s in parsed.slogans if s not in seen_slogans)

    if outcomes and outcomes[0].article:
        first = outcomes[0].article
        first.is_featured = True
        first.summary = first.summary or (
            "LĐLĐ huyện Văn Quan sơ kết công tác Công đoàn 6 tháng đầu năm 2020, biểu dương "
            "điển hình tiên tiến giai đoạn 2015 – 2020 và trao giấy khen cho 11 tập thể, 17 cá nhân."
        )
        first.save()

    for outcome in outcomes:
        if outcome.article:
            _illustrate(outcome.article)
    samples = demo_articles.load()

    for order, text in enumerate(seen_slogans[:3]):
        slogan = Slogan.objects.filter(text=text).first() or Slogan(text=text)
        slogan.order = order
        slogan.save()

    created = sum(o.action == "created" for o in outcomes)
    return (
        f"{len(outcomes)} tin bài mẫu ({created} mới), {samples} bài minh họa mới, "
        f"{len(seen_slogans[:3])} khẩu hiệu"
    )


def _illustrate(article: Article) -> None:
    """Drawn pictures (labelled "Ảnh minh họa") where a seed article's photos are missing."""
    kinds = list(demo_pictures.SCENES)
    key = f"seed-{article.pk}"
    photos = [photo for photo in article.photos.all() if not photo.image]
    for index, photo in enumerate(photos):
        photo.image = demo_pictures.stored(
            f"{key}-{index}",
            lambda i=index: demo_pictures.scene(
                kinds[(article.pk + i + 1) % 5], f"{key}-{i}", (1600, 1067)
            ),
        )
        photo.save()
    if not article.cover_image:
        article.cover_image = demo_pictures.stored(
            key, lambda: demo_pictures.scene(kinds[article.pk % 5], key, (1600, 1067))
        )
        article.cover_alt = article.cover_alt or "Quang cảnh hội nghị (ảnh minh họa)"
        article.save()
