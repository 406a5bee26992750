"""The folder of messy sheets: each imports to the result written beside it by hand."""

import json
from pathlib import Path

import pytest

from awards.importing import import_recipients
from awards.models import Recipient
from organizations.models import UnionBody
from tests.factories import DecisionFactory

pytestmark = pytest.mark.django_db

SHEETS = Path(__file__).resolve().parent / "sheets"
FILES = sorted(p for p in SHEETS.iterdir() if p.suffix in (".xlsx", ".csv"))

# The union bodies these offices write about, as the directory holds them.
DIRECTORY = [
    ("ldld-tinh", "Liên đoàn Lao động tỉnh Lạng Sơn", "LĐLĐ tỉnh Lạng Sơn", "LĐLĐ tỉnh"),
    ("ldld-van-quan", "Liên đoàn Lao động huyện Văn Quan", "LĐLĐ huyện Văn Quan", "LĐLĐ Văn Quan"),
    ("ldld-dinh-lap", "Liên đoàn Lao động huyện Đình Lập", "LĐLĐ huyện Đình Lập", "LĐLĐ Đình Lập"),
    ("cdcs-truong-thpt-van-quan", "Công đoàn cơ sở Trường THPT Văn Quan",
     "CĐCS Trường THPT Văn Quan", ""),
    ("cdcs-trung-tam-y-te-huyen-van-quan", "Công đoàn cơ sở Trung tâm Y tế huyện Văn Quan",
     "CĐCS Trung tâm Y tế Văn Quan", ""),
    ("cdcs-truong-thpt-dinh-lap", "Công đoàn cơ sở Trường THPT Đình Lập",
     "CĐCS Trường THPT Đình Lập", ""),
    ("cong-doan-nganh-giao-duc", "Công đoàn ngành Giáo dục tỉnh Lạng Sơn",
     "Công đoàn ngành Giáo dục", ""),
    ("cdcs-truong-thpt-chuyen-chu-van-an", "Công đoàn cơ sở Trường THPT Chuyên Chu Văn An",
     "CĐCS Trường THPT Chuyên Chu Văn An", ""),
    ("cong-doan-khu-kinh-te", "Công đoàn Khu kinh tế cửa khẩu Đồng Đăng – Lạng Sơn",
     "Công đoàn Khu kinh tế", ""),
    ("cdcs-benh-vien-da-khoa-tinh", "Công đoàn cơ sở Bệnh viện Đa khoa tỉnh Lạng Sơn",
     "CĐCS Bệnh viện Đa khoa tỉnh", ""),
    ("cdcs-xi-mang-dong-banh", "Công đoàn cơ sở Công ty Cổ phần Xi măng Đồng Bành",
     "CĐCS Xi măng Đồng Bành", ""),
]  # fmt: skip


@pytest.fixture
def directory():
    for slug, name, short, alias in DIRECTORY:
        UnionBody.objects.create(slug=slug, name=name, short_name=short, aliases=alias)


def recipients(decision) -> list[dict]:
    return [
        {
            "kind": r.kind,
            "order": r.order,
            "name": r.name,
            "position": r.position,
            "unit": r.unit,
            "achievement": r.achievement,
            "prize": r.prize_amount,
            "body": r.body.slug if r.body else None,
            "unit_body": r.unit_body.slug if r.unit_body else None,
        }
        for r in decision.recipients.select_related("body", "unit_body")
    ]


def test_the_folder_holds_xlsx_and_csv_each_with_its_expected_result():
    assert {p.suffix for p in FILES} == {".xlsx", ".csv"}
    for path in FILES:
        assert Path(f"{path}.expected.json").is_file(), path.name


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_a_messy_sheet_imports_to_its_expected_result(path, directory):
    expected = json.loads(Path(f"{path}.expected.json").read_text(encoding="utf-8"))
    for run in expected["runs"]:
        decision = DecisionFactory()
        for existing in run.get("existing", []):
            individual = existing["kind"] == Recipient.Kind.INDIVIDUAL
            Recipient.objects.create(
                decision=decision,
                kind=existing["kind"],
                order=existing["order"],
                full_name=existing["name"] if individual else "",
                collective_name="" if individual else existing["name"],
                unit=existing["unit"],
            )
        result = import_recipients(
            decision=decision,
            content=path.read_bytes(),
            filename=path.name,
            default_kind=run.get("default_kind", ""),
        )
        assert result.errors == run["errors"]
        assert result.needs_kind == run.get("needs_kind", False)
        assert [number for number, _why in result.skipped] == run["skipped"]
        assert recipients(decision) == run["recipients"]
        reasons = {row.unit: row.unit_match.reason for row in result.rows if row.unit_match}
        assert reasons == run.get("unit_reasons", reasons)
