"""manage.py import_legacy: folders of old-portal exports become articles, once."""

import io
import shutil
import unicodedata
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.core.management import CommandError, call_command
from django.db.models.signals import post_save

from news.models import Article, ArticlePhoto, Category
from tests.factories import ArticleFactory, CategoryFactory, UnionBodyFactory
from tests.news.exports import (
    DATE_LINE,
    LEAD,
    PARAGRAPH,
    PHOTO_CAPTION,
    PHOTO_LABEL,
    SKIP_LINK,
    SLOGAN,
    TITLE,
    TOOLBAR,
    article,
    cp1258,
    export,
)

pytestmark = pytest.mark.django_db

SEEDS = Path(__file__).resolve().parents[2] / "news" / "fixtures" / "legacy"
HCM = ZoneInfo("Asia/Ho_Chi_Minh")


def run(*args) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("import_legacy", *[str(a) for a in args], stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data if isinstance(data, bytes) else data.encode())
    return path


@pytest.fixture
def archive(tmp_path):
    """A folder of exports as the old portal's archive holds them, in nested folders."""
    root = tmp_path / "luu-tru"
    for seed in SEEDS.glob("*.txt"):
        shutil.copy(seed, write(root / "2020" / seed.name, b""))
    write(root / "2021" / "thang-3" / "dinh-lap.txt", article())
    write(root / "2021" / "thang-3" / "anh.jpg", b"\xff\xd8\xff\xe0 not an export")
    write(root / "2021" / "khong-phai-bai.txt", export("Danh sách", "Nguyễn Văn An", "Lê Bình"))
    return root


def test_a_folder_is_imported_recursively_as_drafts_at_their_original_dates(archive):
    out, _err = run(archive)
    assert Article.objects.count() == 4
    assert set(Article.objects.values_list("status", flat=True)) == {Article.Status.DRAFT}
    imported = Article.objects.get(title=TITLE)
    assert imported.published_at == datetime(2020, 7, 14, 17, 3, tzinfo=HCM)
    assert imported.legacy_key
    assert "Tổng cộng 5 tệp: 4 tạo mới, 0 cập nhật, 0 không đổi, 1 bỏ qua." in out
    assert "khong-phai-bai.txt: Không có ngày đăng và hầu như không có nội dung" in out
    assert "Không xét 1 tệp không phải .txt" in out


def test_running_it_again_creates_nothing_new(archive):
    run(archive)
    before = (Article.objects.count(), Category.objects.count(), ArticlePhoto.objects.count())
    out, _err = run(archive)
    after = (Article.objects.count(), Category.objects.count(), ArticlePhoto.objects.count())
    assert after == before
    assert "0 tạo mới, 0 cập nhật, 4 không đổi, 1 bỏ qua" in out


def test_a_dry_run_writes_nothing_and_says_what_would_happen(archive):
    ArticleFactory(title="Bài viết trên cổng mới")
    counts = (Article.objects.count(), Category.objects.count())
    out, _err = run(archive, "--dry-run")
    assert (Article.objects.count(), Category.objects.count()) == counts
    assert "Chạy thử: không có gì được ghi vào cơ sở dữ liệu." in out
    assert f"Sẽ tạo mới: {archive / '2021' / 'thang-3' / 'dinh-lap.txt'} — {TITLE}" in out
    assert "4 sẽ tạo mới" in out


def test_publish_puts_articles_online_at_their_original_date(archive):
    run(archive, "--publish")
    published = Article.objects.published()
    assert published.count() == 4
    assert published.get(title=TITLE).published_at == datetime(2020, 7, 14, 17, 3, tzinfo=HCM)


def test_the_article_is_keyed_on_its_title_and_date_not_on_the_file(tmp_path):
    run(write(tmp_path / "a" / "bai-cu.txt", article()))
    renamed = write(tmp_path / "b" / "ten-khac.txt", article(body=(LEAD, PARAGRAPH, LEAD)))
    out, _err = run(renamed)
    assert Article.objects.count() == 1
    assert "0 tạo mới, 1 cập nhật" in out
    assert Article.objects.get().body.count("<p>") == 3


def test_the_same_title_on_another_day_is_another_article(tmp_path):
    run(write(tmp_path / "a.txt", article()))
    run(write(tmp_path / "b.txt", article(head=(SLOGAN, "15/07/2021", TITLE))))
    assert Article.objects.filter(title=TITLE).count() == 2


def test_an_imported_article_has_its_parts_and_no_chrome(tmp_path):
    van_quan = UnionBodyFactory(
        name="Liên đoàn Lao động huyện Văn Quan", short_name="LĐLĐ huyện Văn Quan"
    )
    dinh_lap = UnionBodyFactory(
        name="Liên đoàn Lao động huyện Đình Lập", short_name="LĐLĐ huyện Đình Lập"
    )
    UnionBodyFactory(name="Công đoàn ngành Y tế", short_name="CĐ ngành Y tế")
    text = article(
        head=(SLOGAN, SKIP_LINK, TOOLBAR, DATE_LINE, "THI ĐUA - KHEN THƯỞNG", TITLE),
        body=(LEAD, PHOTO_LABEL, PHOTO_CAPTION, PARAGRAPH),
        tail=("Tin và ảnh: Đỗ Thị Gấm", "LĐLĐ Văn Quan"),
    )
    run(write(tmp_path / "bai.txt", text))

    imported = Article.objects.get()
    assert imported.title == TITLE
    assert imported.category.name == "Thi đua - khen thưởng"
    assert imported.byline == "Tin và ảnh: Đỗ Thị Gấm"
    assert imported.source_body == van_quan
    assert set(imported.mentioned_bodies.all()) == {dinh_lap}
    assert imported.body == f"<p>{LEAD}</p><p>{PARAGRAPH}</p>"
    photo = imported.photos.get()
    assert (photo.alt_text, photo.caption, photo.after_paragraph, photo.image.name) == (
        PHOTO_LABEL,
        PHOTO_CAPTION,
        1,
        "",
    )
    stored = " ".join([imported.title, imported.body, imported.byline, photo.alt_text])
    for chrome in (SLOGAN, "Skip to", "Xuất PDF", "Chế độ ban đêm"):
        assert chrome not in stored


@pytest.mark.parametrize(
    ("written", "name", "short_name"),
    [
        ("LĐLĐ Văn Quan", "Liên đoàn Lao động huyện Văn Quan", "LĐLĐ huyện Văn Quan"),
        ("Liên đoàn Lao động huyện Văn Quan", "Liên đoàn Lao động huyện Văn Quan", ""),
        ("Nguồn: LĐLĐ Đình Lập", "Liên đoàn Lao động huyện Đình Lập", "LĐLĐ huyện Đình Lập"),
        ("Bế Hòa- LĐLĐ tỉnh", "Liên đoàn Lao động tỉnh Lạng Sơn", "LĐLĐ tỉnh"),
        ("Thu Hà (CĐ ngành Y tế)", "Công đoàn ngành Y tế", ""),
    ],
)
def test_the_source_body_is_matched_by_name_or_abbreviation(tmp_path, written, name, short_name):
    body = UnionBodyFactory(name=name, short_name=short_name)
    run(write(tmp_path / "bai.txt", article(tail=(written,))))
    assert Article.objects.get().source_body == body


def test_an_unknown_source_body_stays_in_the_byline(tmp_path):
    run(write(tmp_path / "bai.txt", article(tail=("Tin và ảnh: Đỗ Thị Gấm", "LĐLĐ Văn Quan"))))
    imported = Article.objects.get()
    assert imported.source_body is None
    assert imported.byline == "Tin và ảnh: Đỗ Thị Gấm – LĐLĐ Văn Quan"


def test_a_category_label_finds_the_existing_category_whatever_its_case(tmp_path):
    existing = CategoryFactory(name="Tuyên truyền giáo dục")
    run(
        write(
            tmp_path / "bai.txt", article(head=(SLOGAN, "TUYÊN TRUYỀN GIÁO DỤC", TITLE, DATE_LINE))
        )
    )
    assert Article.objects.get().category == existing
    assert Category.objects.count() == 1


def test_a_new_label_creates_its_category_keeping_abbreviations(tmp_path):
    run(write(tmp_path / "bai.txt", article(head=(SLOGAN, DATE_LINE, "HOẠT ĐỘNG CĐCS", TITLE))))
    assert Article.objects.get().category.name == "Hoạt động CĐCS"


def test_exports_without_a_label_go_to_the_chosen_category(tmp_path):
    run(write(tmp_path / "bai.txt", article()), "--category", "Nữ công")
    assert Article.objects.get().category.name == "Nữ công"


def test_exports_without_a_label_go_to_the_default_category(tmp_path):
    run(write(tmp_path / "bai.txt", article()))
    assert Article.objects.get().category.name == "Hoạt động công đoàn"


@pytest.mark.parametrize(
    "encode",
    [
        pytest.param(lambda text: text.replace("\n", "\r\n").encode(), id="crlf"),
        pytest.param(lambda text: unicodedata.normalize("NFD", text).encode(), id="nfd"),
        pytest.param(cp1258, id="windows-1258"),
    ],
)
def test_every_encoding_is_stored_as_nfc_and_imports_the_same_article(tmp_path, encode):
    run(write(tmp_path / "utf8.txt", article()))
    out, _err = run(write(tmp_path / "other.txt", encode(article())))
    imported = Article.objects.get()
    assert "1 không đổi" in out
    assert unicodedata.is_normalized("NFC", imported.title + imported.body + imported.byline)


def test_a_date_only_in_the_text_is_used_and_an_undated_file_is_skipped(tmp_path):
    write(tmp_path / "co-ngay.txt", article(head=(SLOGAN, TITLE)))
    write(tmp_path / "khong-ngay.txt", export(TITLE, PARAGRAPH.replace("./.", "."), PARAGRAPH))
    out, _err = run(tmp_path)
    assert Article.objects.get().published_at == datetime(2020, 7, 13, tzinfo=HCM)
    assert "khong-ngay.txt: Không có ngày đăng" in out


def test_an_export_without_a_body_stays_a_draft_even_with_publish(tmp_path):
    out, _err = run(write(tmp_path / "bai.txt", export(DATE_LINE, TITLE)), "--publish")
    imported = Article.objects.get()
    assert imported.status == Article.Status.DRAFT
    assert "Bài không có nội dung. Để ở dạng bản nháp." in out


def test_files_that_cannot_be_parsed_are_reported_and_the_rest_go_on(tmp_path):
    write(tmp_path / "1-rong.txt", b"")
    write(tmp_path / "2-nhi-phan.txt", bytes(range(256)) * 4)
    write(tmp_path / "3-trang.txt", "<html><body><p>Tin tức</p></body></html>")
    write(tmp_path / "4-bai.txt", article())
    out, _err = run(tmp_path)
    assert Article.objects.count() == 1
    assert "1-rong.txt: Tệp rỗng." in out
    assert "2-nhi-phan.txt: Tệp nhị phân" in out
    assert "3-trang.txt: Tệp là HTML" in out


def test_each_file_is_imported_in_its_own_transaction(tmp_path):
    broken_title = "Bài có lỗi khi lưu vào cơ sở dữ liệu của cổng mới"

    def fail_on_the_broken_article(sender, instance, **kwargs):
        if instance.title == broken_title:
            raise RuntimeError("ổ đĩa đầy")

    write(
        tmp_path / "1.txt",
        article(
            head=(SLOGAN, DATE_LINE, broken_title),
            body=(LEAD, PHOTO_LABEL, PHOTO_CAPTION, PARAGRAPH),
        ),
    )
    write(tmp_path / "2.txt", article())
    post_save.connect(fail_on_the_broken_article, sender=Article, dispatch_uid="test-broken")
    try:
        out, _err = run(tmp_path)
    finally:
        post_save.disconnect(sender=Article, dispatch_uid="test-broken")
    assert list(Article.objects.values_list("title", flat=True)) == [TITLE]
    assert ArticlePhoto.objects.count() == 0
    assert "1.txt: Lỗi khi lưu: ổ đĩa đầy" in out


def test_a_file_name_the_file_system_cannot_decode_is_still_reported(tmp_path):
    (tmp_path / "bai.txt").write_bytes(article().encode())
    with open(bytes(tmp_path) + b"/ten-\xff.txt", "wb"):
        pass  # an empty export whose name is not UTF-8
    out, _err = run(tmp_path)
    assert Article.objects.count() == 1
    assert "ten-\ufffd.txt: Tệp rỗng." in out


def test_two_files_of_the_same_article_in_one_run_are_reported(tmp_path):
    write(tmp_path / "a.txt", article())
    write(tmp_path / "b.txt", article(body=(LEAD,)))
    out, _err = run(tmp_path)
    assert Article.objects.count() == 1
    assert f"b.txt: Trùng tiêu đề và ngày với tệp {tmp_path / 'a.txt'} trong lần nhập này." in out


def test_a_large_folder_shows_progress_on_stderr(tmp_path):
    for day in range(1, 31):
        write(tmp_path / f"{day:02d}.txt", article(head=(SLOGAN, f"{day}/6/2020 08:00", TITLE)))
    out, err = run(tmp_path)
    assert Article.objects.count() == 30
    assert "Đã xử lý 30/30 tệp" in err
    assert "Đã xử lý" not in out


def test_a_missing_path_or_a_bad_category_is_a_usage_error(tmp_path):
    with pytest.raises(CommandError, match="Không tìm thấy"):
        run(tmp_path / "khong-co")
    export_file = write(tmp_path / "bai.txt", article())
    with pytest.raises(CommandError, match="Tên chuyên mục"):
        run(export_file, "--category", "x" * 121)
    assert Article.objects.count() == 0


def test_the_help_describes_the_options():
    from news.management.commands.import_legacy import Command

    text = Command().create_parser("manage.py", "import_legacy").format_help()
    assert "--dry-run" in text and "--publish" in text and "Hoạt động công đoàn" in text


def test_the_demo_loads_the_seeds_through_the_importer_idempotently():
    call_command("load_demo", stdout=io.StringIO())
    call_command("load_demo", stdout=io.StringIO())
    seeds = Article.objects.exclude(legacy_key=None)  # beside them, the sample stories
    assert seeds.count() == 3
    assert seeds.filter(pk__in=Article.objects.published()).count() == 3
