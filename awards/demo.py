"""Demo commendations: the forms, titles and movements the seed articles name, the 2020 Văn Quan
decision (11 collectives, 17 individuals) and a few more decisions over 2016–2025, one revoked.

Every recipient name and every decision number is sample data and says so. Idempotent:
decisions are found again by body, year and number; recipients by their natural key.
"""

from datetime import date

from awards import services
from awards.models import AwardForm, AwardTitle, Decision, IssuingLevel, Movement, Recipient
from organizations.matching import match_body
from organizations.models import Meeting, UnionBody

SAMPLE = "(dữ liệu mẫu)"
SAMPLE_NOTE = (
    "Dữ liệu mẫu để minh họa: số quyết định, người ký và danh sách tập thể, cá nhân là giả định, "
    "không phải hồ sơ thật."
)

FORMS = [
    ("Giấy khen", IssuingLevel.DIRECT_UNION, 10),
    ("Giấy khen", IssuingLevel.PROVINCIAL_UNION, 11),
    ("Bằng khen", IssuingLevel.PROVINCIAL_UNION, 20),
    ("Bằng khen", IssuingLevel.NATIONAL_UNION, 21),
    ("Bằng khen", IssuingLevel.PROVINCE, 22),
    ("Cờ thi đua", IssuingLevel.PROVINCIAL_UNION, 30),
    ("Cờ thi đua", IssuingLevel.NATIONAL_UNION, 31),
    ("Kỷ niệm chương “Vì sự nghiệp xây dựng tổ chức Công đoàn”", IssuingLevel.NATIONAL_UNION, 40),
]
TITLES = [
    ("Lao động tiên tiến", AwardTitle.AppliesTo.INDIVIDUAL, 10),
    ("Chiến sĩ thi đua cơ sở", AwardTitle.AppliesTo.INDIVIDUAL, 20),
    ("CĐCS vững mạnh xuất sắc", AwardTitle.AppliesTo.COLLECTIVE, 30),
]
MOVEMENTS = [
    ("Lao động giỏi", None, None),
    ("Lao động sáng tạo", None, None),
    ("Giỏi việc nước, đảm việc nhà", None, None),
    ("Xanh – Sạch – Đẹp, bảo đảm an toàn vệ sinh lao động", None, None),
    ("Văn hóa – Thể thao", None, None),
    ("Đợt thi đua đặc biệt chào mừng Đại hội Đảng các cấp", 2020, 2020),
    ("Thi đua trong CNVCLĐ giai đoạn 2015 – 2020", 2015, 2020),
]

SURNAMES = ["Nguyễn", "Hoàng", "Lương", "Nông", "Vi", "Lăng", "Hà", "Đinh", "Lộc", "Triệu"]
MIDDLE = ["Văn", "Thị", "Thu", "Minh", "Đức", "Thị Kim"]
GIVEN = ["An", "Bình", "Cúc", "Dũng", "Giang", "Hạnh", "Khánh", "Lan", "Mai", "Nam", "Oanh",
         "Phúc", "Quyên", "Sơn", "Tâm", "Uyên", "Vân", "Yến"]  # fmt: skip
POSITIONS = ["Chủ tịch CĐCS", "Phó Chủ tịch CĐCS", "Ủy viên BCH CĐCS", "Tổ trưởng công đoàn",
             "Đoàn viên", "Trưởng ban Nữ công"]  # fmt: skip
UNITS = ["Trường THPT Văn Quan", "Trung tâm Y tế huyện Văn Quan", "Trường THCS thị trấn Văn Quan",
         "Trường Tiểu học Vĩnh Lại", "Trường Mầm non Hoa Sen", "Chi cục Thuế huyện Văn Quan",
         "Phòng Giáo dục và Đào tạo huyện Văn Quan"]  # fmt: skip


# What the 2020 Văn Quan decision commends each for (sample data, like the names).
VAN_QUAN_ACHIEVEMENTS = [
    "Tập thể, cá nhân điển hình tiên tiến trong phong trào thi đua giai đoạn 2015 – 2020.",
    "Dẫn đầu phong trào “Giỏi việc nước, đảm việc nhà” giai đoạn 2015 – 2020.",
    "Có sáng kiến được Hội đồng sáng kiến huyện công nhận, làm lợi cho đơn vị.",
    "Hoàn thành xuất sắc nhiệm vụ 5 năm liền, tích cực phát triển đoàn viên.",
    "Tích cực tham gia phong trào “Xanh – Sạch – Đẹp, bảo đảm an toàn vệ sinh lao động”.",
]


def _get(model, lookup: dict, **fields):
    obj = model.objects.filter(**lookup).first() or model(**lookup)
    for name, value in fields.items():
        setattr(obj, name, value)
    obj.save()
    return obj


def _person(n: int) -> str:
    name = f"{SURNAMES[n % len(SURNAMES)]} {MIDDLE[n % len(MIDDLE)]} {GIVEN[n % len(GIVEN)]}"
    return f"{name} {SAMPLE}"


def _decision(body, number, issued_on, **fields) -> Decision:
    fields.setdefault("note", SAMPLE_NOTE)
    fields.setdefault("is_published", True)
    return _get(
        Decision,
        {"issuing_body": body, "year": issued_on.year, "number": number},
        issued_on=issued_on,
        **fields,
    )


def _unit_body(unit: str):
    """The union body a unit names, as the spreadsheet import would find it."""
    return match_body(unit).body_id if unit else None


def _recipients(decision, collectives, individuals, achievements) -> None:
    """Collectives: (name, body or None, unit); individuals: (full name, position, unit);
    achievements: one text for all, or a list that the rows take in turn."""
    if isinstance(achievements, str):
        achievements = [achievements]
    for order, (name, body, unit) in enumerate(collectives, start=1):
        key = Recipient.make_match_key(Recipient.Kind.COLLECTIVE, name, unit)
        _get(Recipient, {"decision": decision, "match_key": key},
             kind=Recipient.Kind.COLLECTIVE, collective_name=name, body=body, unit=unit,
             unit_body_id=_unit_body(unit), order=order,
             achievement=achievements[(order - 1) % len(achievements)])  # fmt: skip
    for order, (name, position, unit) in enumerate(individuals, start=1):
        key = Recipient.make_match_key(Recipient.Kind.INDIVIDUAL, name, unit)
        _get(Recipient, {"decision": decision, "match_key": key},
             kind=Recipient.Kind.INDIVIDUAL, full_name=name, position=position, unit=unit,
             unit_body_id=_unit_body(unit), order=order,
             achievement=achievements[(order + 2) % len(achievements)])  # fmt: skip


def _individuals(start: int, count: int, units) -> list[tuple[str, str, str]]:
    return [
        (_person(start + i), POSITIONS[(start + i) % len(POSITIONS)], units[i % len(units)])
        for i in range(count)
    ]


def load() -> str:
    forms = {(n, lvl): _get(AwardForm, {"name": n, "level": lvl}, display_order=o)
             for n, lvl, o in FORMS}  # fmt: skip
    titles = {n: _get(AwardTitle, {"name": n}, applies_to=a, display_order=o) for n, a, o in TITLES}
    bodies = {b.slug: b for b in UnionBody.objects.all()}
    province = bodies.get("lien-doan-lao-dong-tinh-lang-son")
    van_quan = bodies.get("lien-doan-lao-dong-huyen-van-quan")
    if province is None or van_quan is None:
        return "bỏ qua: chưa có tổ chức mẫu (chạy organizations.demo.load trước)"
    movements = {n: _get(Movement, {"name": n}, launched_by=province, starts_year=s, ends_year=e)
                 for n, s, e in MOVEMENTS}  # fmt: skip

    _van_quan_2020(van_quan, bodies, forms, movements)
    _more_decisions(province, bodies, forms, titles, movements)
    return (
        f"{Decision.objects.count()} quyết định khen thưởng, "
        f"{Recipient.objects.count()} lượt tập thể, cá nhân được khen"
    )


def _van_quan_2020(van_quan, bodies, forms, movements) -> None:
    """The seed: “LĐLĐ huyện trao giấy khen cho 11 tập thể, 17 cá nhân” (13/7/2020)."""
    decision = _decision(
        van_quan, "45", date(2020, 7, 8), code="QĐ-LĐLĐ",
        form=forms[("Giấy khen", IssuingLevel.DIRECT_UNION)],
        movement=movements["Thi đua trong CNVCLĐ giai đoạn 2015 – 2020"],
        period="giai đoạn 2015 – 2020",
        reason="Đã có thành tích xuất sắc trong phong trào thi đua thực hiện nhiệm vụ của cơ quan, "
        "đơn vị và hoạt động Công đoàn giai đoạn 2015 – 2020.",
        legal_basis="Điều lệ Công đoàn Việt Nam;\nChỉ thị số 34-CT/TW ngày 07/4/2014 của Bộ Chính "
        "trị về tiếp tục đổi mới công tác thi đua, khen thưởng;\nQuy chế khen thưởng của LĐLĐ huyện Văn Quan "
        "(dữ liệu mẫu).",
        signer_name="Nông Văn Vỵ", signer_position="Chủ tịch",
        signing_capacity=Decision.Capacity.ON_BEHALF, signing_for="Ban Thường vụ",
        meeting=Meeting.objects.filter(slug="so-ket-6-thang-dau-nam-2020-ldld-van-quan").first(),
    )  # fmt: skip
    named = [
        (bodies[slug].name, bodies[slug], "LĐLĐ huyện Văn Quan")
        for slug in ("cdcs-truong-thpt-van-quan", "cdcs-trung-tam-y-te-huyen-van-quan")
        if slug in bodies
    ]
    others = [
        (f"Công đoàn cơ sở {unit} {SAMPLE}", None, "LĐLĐ huyện Văn Quan")
        for unit in ["Trường THCS thị trấn Văn Quan", "Trường Tiểu học Vĩnh Lại",
                     "Trường Mầm non Hoa Sen", "Chi cục Thuế huyện Văn Quan",
                     "Phòng Giáo dục và Đào tạo huyện Văn Quan", "Kho bạc Nhà nước Văn Quan",
                     "Bệnh viện Đa khoa huyện Văn Quan", "Trường THCS Xuân Mai",
                     "Hạt Kiểm lâm huyện Văn Quan", "Trường Tiểu học Tân Đoàn"]
    ]  # fmt: skip
    collectives = (named + others)[:11]
    _recipients(decision, collectives, _individuals(0, 17, UNITS), VAN_QUAN_ACHIEVEMENTS)


def _more_decisions(province, bodies, forms, titles, movements) -> None:
    dinh_lap = bodies.get("lien-doan-lao-dong-huyen-dinh-lap")
    education = bodies.get("cong-doan-nganh-giao-duc-lang-son")
    national = bodies.get("tong-lien-doan-lao-dong-viet-nam")
    grassroots = [b for b in bodies.values() if b.kind == UnionBody.Kind.GRASSROOTS]

    def some_bodies(start, count):
        return [(b.name, b, "") for b in (grassroots[start:] + grassroots)[:count]]

    plan = [
        (province, "12", date(2016, 1, 15), ("Bằng khen", IssuingLevel.PROVINCIAL_UNION), None,
         "Xanh – Sạch – Đẹp, bảo đảm an toàn vệ sinh lao động", "năm 2015", 3, 2),
        (dinh_lap, "08", date(2018, 4, 20), ("Giấy khen", IssuingLevel.DIRECT_UNION), None,
         "Giỏi việc nước, đảm việc nhà", "năm 2017", 1, 4),
        (province, "102", date(2019, 12, 20), ("Bằng khen", IssuingLevel.PROVINCIAL_UNION), None,
         "Lao động giỏi", "năm 2019", 2, 3),
        (province, "25", date(2021, 1, 18), ("Bằng khen", IssuingLevel.PROVINCIAL_UNION), None,
         "Lao động sáng tạo", "năm 2020", 2, 5),
        (education, "31", date(2022, 6, 30), None, "Lao động tiên tiến",
         "Lao động giỏi", "năm học 2021 – 2022", 0, 6),
        (province, "17", date(2023, 1, 12), ("Cờ thi đua", IssuingLevel.PROVINCIAL_UNION),
         "CĐCS vững mạnh xuất sắc", "Lao động giỏi", "năm 2022", 3, 0),
        (province, "88", date(2024, 7, 25), ("Giấy khen", IssuingLevel.PROVINCIAL_UNION), None,
         "Văn hóa – Thể thao", "năm 2024", 2, 3),
        (national, "1520", date(2025, 8, 18), ("Bằng khen", IssuingLevel.NATIONAL_UNION), None,
         "Lao động giỏi", "giai đoạn 2020 – 2025", 1, 2),
    ]  # fmt: skip
    made = []
    for index, (body, number, issued_on, form, title, movement, period, n_coll, n_ind) in enumerate(
        plan
    ):
        if body is None:
            continue
        decision = _decision(
            body, number, issued_on, code="QĐ-LĐLĐ" if body != national else "QĐ-TLĐ",
            form=forms[form] if form else None, title=titles[title] if title else None,
            movement=movements[movement], period=period,
            reason=f"Đã có thành tích xuất sắc trong phong trào thi đua “{movement}” {period}.",
            signer_name=f"Người ký mẫu {SAMPLE}", signer_position="Chủ tịch",
            signing_capacity=Decision.Capacity.ON_BEHALF, signing_for="Ban Thường vụ",
        )  # fmt: skip
        units = [b.name for b in grassroots] or UNITS
        _recipients(decision, some_bodies(index, n_coll), _individuals(20 + index * 7, n_ind, units),
                    f"Hoàn thành xuất sắc nhiệm vụ {period}.")  # fmt: skip
        made.append(decision)
    # One revoked decision: the 2024 Giấy khen, revoked in 2025 by a later decision.
    revoked = next((d for d in made if d.year == 2024), None)
    if revoked is not None and not revoked.is_revoked:
        services.revoke_decision(
            decision=revoked, revoked_on=date(2025, 3, 10), revoking_reference="19/QĐ-LĐLĐ",
            reason=f"Hồ sơ đề nghị khen thưởng không đúng đối tượng {SAMPLE}.",
        )  # fmt: skip
