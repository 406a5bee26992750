"""Demo union bodies: the province's federation and the bodies the seed articles name.

Idempotent: bodies are found again by slug. Dates and successors that could not be confirmed
are marked as sample data in the body's history note.
"""

from datetime import date

from organizations.models import UnionBody

SAMPLE = "Dữ liệu mẫu để minh họa, chưa được xác minh."
REORGANISED = date(2025, 7, 1)
REORGANISATION_NOTE = (
    "Kết thúc hoạt động khi bỏ cấp huyện theo sắp xếp chính quyền địa phương năm 2025; "
    "các công đoàn cơ sở chuyển về trực thuộc LĐLĐ tỉnh. " + SAMPLE
)

DISTRICTS = [
    ("van-quan", "Văn Quan"),
    ("dinh-lap", "Đình Lập"),
    ("bac-son", "Bắc Sơn"),
    ("cao-loc", "Cao Lộc"),
    ("loc-binh", "Lộc Bình"),
    ("chi-lang", "Chi Lăng"),
    ("huu-lung", "Hữu Lũng"),
    ("trang-dinh", "Tràng Định"),
    ("binh-gia", "Bình Gia"),
    ("van-lang", "Văn Lãng"),
]


def _body(slug: str, **fields) -> UnionBody:
    body = UnionBody.objects.filter(slug=slug).first() or UnionBody(slug=slug)
    for name, value in fields.items():
        setattr(body, name, value)
    body.save()
    return body


def load() -> str:
    national = _body(
        "tong-lien-doan-lao-dong-viet-nam",
        name="Tổng Liên đoàn Lao động Việt Nam",
        short_name="Tổng LĐLĐVN",
        aliases="TLĐ\nTổng Liên đoàn\nTổng LĐLĐ Việt Nam",
        kind=UnionBody.Kind.NATIONAL,
        address="Số 82 Trần Hưng Đạo, Hoàn Kiếm, Hà Nội",
        display_order=0,
    )
    province = _body(
        "lien-doan-lao-dong-tinh-lang-son",
        name="Liên đoàn Lao động tỉnh Lạng Sơn",
        short_name="LĐLĐ tỉnh Lạng Sơn",
        aliases="LĐLĐ tỉnh\nLiên đoàn Lao động tỉnh\nCông đoàn tỉnh Lạng Sơn\nCông đoàn Lạng Sơn",
        kind=UnionBody.Kind.PROVINCIAL,
        parent=national,
        address="Số 2 đường Hoàng Văn Thụ, thành phố Lạng Sơn",
        phone="0205 3812 345",
        email="ldldlangson@congdoan.vn",
        description="<p>Liên đoàn Lao động tỉnh Lạng Sơn là tổ chức công đoàn cấp tỉnh, "
        "đại diện cho đoàn viên, công nhân, viên chức, lao động trên địa bàn tỉnh.</p>",
        display_order=1,
    )
    district_bodies = {}
    for order, (slug, place) in enumerate(DISTRICTS, start=10):
        district_bodies[slug] = _body(
            f"lien-doan-lao-dong-huyen-{slug}",
            name=f"Liên đoàn Lao động huyện {place}",
            short_name=f"LĐLĐ huyện {place}",
            aliases=f"LĐLĐ {place}\nCông đoàn huyện {place}",
            kind=UnionBody.Kind.DISTRICT,
            parent=province,
            dissolved_on=REORGANISED,
            successor=province,
            history_note=REORGANISATION_NOTE,
            display_order=order,
        )
    city = _body(
        "lien-doan-lao-dong-thanh-pho-lang-son",
        name="Liên đoàn Lao động thành phố Lạng Sơn",
        short_name="LĐLĐ thành phố Lạng Sơn",
        aliases="LĐLĐ TP Lạng Sơn\nLĐLĐ thành phố",
        kind=UnionBody.Kind.DISTRICT,
        parent=province,
        dissolved_on=REORGANISED,
        successor=province,
        history_note=REORGANISATION_NOTE,
        display_order=9,
    )
    sectoral = [
        ("cong-doan-nganh-giao-duc-lang-son", "Công đoàn ngành Giáo dục tỉnh Lạng Sơn",
         "Công đoàn ngành Giáo dục", UnionBody.Kind.SECTORAL),
        ("cong-doan-nganh-y-te-lang-son", "Công đoàn ngành Y tế tỉnh Lạng Sơn",
         "Công đoàn ngành Y tế", UnionBody.Kind.SECTORAL),
        ("cong-doan-vien-chuc-tinh-lang-son", "Công đoàn Viên chức tỉnh Lạng Sơn",
         "Công đoàn Viên chức tỉnh", UnionBody.Kind.SECTORAL),
        ("cong-doan-khu-kinh-te-lang-son", "Công đoàn Khu kinh tế cửa khẩu Đồng Đăng – Lạng Sơn",
         "Công đoàn Khu kinh tế", UnionBody.Kind.ECONOMIC_ZONE),
    ]  # fmt: skip
    upper = {}
    for order, (slug, name, short, kind) in enumerate(sectoral, start=30):
        upper[slug] = _body(
            slug, name=name, short_name=short, kind=kind, parent=province, display_order=order
        )
    grassroots = [
        ("cdcs-truong-thpt-van-quan", "Công đoàn cơ sở Trường THPT Văn Quan",
         "CĐCS Trường THPT Văn Quan", district_bodies["van-quan"]),
        ("cdcs-trung-tam-y-te-huyen-van-quan", "Công đoàn cơ sở Trung tâm Y tế huyện Văn Quan",
         "CĐCS Trung tâm Y tế Văn Quan", district_bodies["van-quan"]),
        ("cdcs-truong-thpt-dinh-lap", "Công đoàn cơ sở Trường THPT Đình Lập",
         "CĐCS Trường THPT Đình Lập", district_bodies["dinh-lap"]),
        ("cdcs-benh-vien-da-khoa-tinh-lang-son", "Công đoàn cơ sở Bệnh viện Đa khoa tỉnh Lạng Sơn",
         "CĐCS Bệnh viện Đa khoa tỉnh", upper["cong-doan-nganh-y-te-lang-son"]),
        ("cdcs-truong-thpt-chuyen-chu-van-an", "Công đoàn cơ sở Trường THPT Chuyên Chu Văn An",
         "CĐCS Trường THPT Chuyên Chu Văn An", upper["cong-doan-nganh-giao-duc-lang-son"]),
        ("cdcs-cong-ty-co-phan-xi-mang-dong-banh", "Công đoàn cơ sở Công ty Cổ phần Xi măng Đồng Bành",
         "CĐCS Xi măng Đồng Bành", district_bodies["chi-lang"]),
        ("cdcs-ban-quan-ly-khu-kinh-te", "Công đoàn cơ sở Ban Quản lý Khu kinh tế cửa khẩu Đồng Đăng – Lạng Sơn",
         "CĐCS Ban Quản lý Khu kinh tế", upper["cong-doan-khu-kinh-te-lang-son"]),
        ("cdcs-uy-ban-nhan-dan-thanh-pho-lang-son", "Công đoàn cơ sở Ủy ban nhân dân thành phố Lạng Sơn",
         "CĐCS UBND thành phố Lạng Sơn", city),
    ]  # fmt: skip
    for order, (slug, name, short, parent) in enumerate(grassroots, start=100):
        _body(
            slug,
            name=name,
            short_name=short,
            kind=UnionBody.Kind.GRASSROOTS,
            parent=parent,
            history_note=SAMPLE,
            display_order=order,
        )
    return f"{UnionBody.objects.count()} tổ chức công đoàn"
