"""Vietnamese text rules: slugs keep đ, NFD input becomes NFC, search form drops diacritics."""

import unicodedata

import pytest

from lsunion.text import nfc, normalise, slugify_vi
from tests.factories import ArticleFactory


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Liên đoàn Lao động huyện Đình Lập", "lien-doan-lao-dong-huyen-dinh-lap"),
        (
            "ĐẠI HỘI CÔNG ĐOÀN TỈNH LẠNG SƠN LẦN THỨ XVI",
            "dai-hoi-cong-doan-tinh-lang-son-lan-thu-xvi",
        ),
        (
            "Xanh – Sạch – Đẹp, bảo đảm an toàn vệ sinh lao động",
            "xanh-sach-dep-bao-dam-an-toan-ve-sinh-lao-dong",
        ),
        ("Giỏi việc nước, đảm việc nhà", "gioi-viec-nuoc-dam-viec-nha"),
        ("Hội nghị BCH lần thứ 10 (khóa XV)", "hoi-nghi-bch-lan-thu-10-khoa-xv"),
    ],
)
def test_slug_of_a_vietnamese_title_keeps_every_letter(title, slug):
    assert slugify_vi(title) == slug
    assert slugify_vi(unicodedata.normalize("NFD", title)) == slug


def test_nfd_and_legacy_tone_marks_are_stored_as_nfc():
    decomposed = unicodedata.normalize("NFD", "Đình Lập")
    # Combining horn + dot below, and the deprecated combining acute U+0341 of old encoders.
    legacy = "Lu\u031b\u0323a cho\u0323n co\u0341"
    assert nfc(decomposed) == "Đình Lập"
    assert nfc(legacy) == "Lựa chọn có"
    assert nfc("a\x00b\u200b") == "ab"


def test_search_form_folds_case_diacritics_and_d_stroke():
    assert normalise("Công đoàn ĐÌNH LẬP") == "cong doan dinh lap"
    assert normalise(unicodedata.normalize("NFD", "Công đoàn Đình Lập")) == "cong doan dinh lap"
    assert normalise("LĐLĐ tỉnh, CNVCLĐ!") == "ldld tinh cnvcld"


@pytest.mark.django_db
def test_article_slug_is_unique_and_stable_when_the_title_changes():
    first = ArticleFactory(title="Đại hội Công đoàn huyện Đình Lập")
    second = ArticleFactory(title="Đại hội Công đoàn huyện Đình Lập")
    assert first.slug == "dai-hoi-cong-doan-huyen-dinh-lap"
    assert second.slug == "dai-hoi-cong-doan-huyen-dinh-lap-2"

    first.title = "Đại hội Công đoàn huyện Đình Lập thành công tốt đẹp"
    first.save()
    first.refresh_from_db()
    assert first.slug == "dai-hoi-cong-doan-huyen-dinh-lap"


@pytest.mark.django_db
def test_article_text_typed_in_nfd_is_stored_in_nfc():
    article = ArticleFactory(
        title=unicodedata.normalize("NFD", "Hội nghị Ban Chấp hành"),
        byline=unicodedata.normalize("NFD", "Tin và ảnh: Đỗ Thị Gấm"),
    )
    article.refresh_from_db()
    assert article.title == unicodedata.normalize("NFC", "Hội nghị Ban Chấp hành")
    assert unicodedata.is_normalized("NFC", article.byline)
