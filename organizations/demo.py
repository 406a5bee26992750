"""Demo union bodies: the province's federation and the bodies the seed articles name.

Idempotent: bodies are found again by slug. Dates and successors that could not be confirmed
are marked as sample data in the body's history note.
"""

from datetime import date, datetime

from django.utils import timezone

from organizations import services
from organizations.models import (
    EmulationBlock,
    Meeting,
    MeetingAttendee,
    MemberFigure,
    Person,
    Position,
    Term,
    UnionBody,
)

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
        body = UnionBody.objects.filter(slug=slug).first()
        if body is None:
            body = _body(
                slug,
                name=name,
                short_name=short,
                kind=UnionBody.Kind.GRASSROOTS,
                parent=parent,
                history_note=SAMPLE,
                display_order=order,
                founded_on=date(2010, 1, 1),
            )
            services.move_body(body=body, new_parent=parent, on=date(2010, 1, 1))
        if parent.dissolved_on and body.parent_id == parent.pk:
            # The 2025 reorganisation: the union moves up, its history stays.
            services.move_body(
                body=body,
                new_parent=province,
                on=parent.dissolved_on,
                note="Chuyển về trực thuộc LĐLĐ tỉnh khi bỏ cấp huyện (dữ liệu mẫu).",
            )

    _people_terms_and_meetings(province, district_bodies)
    _figures(province, district_bodies)
    return (
        f"{UnionBody.objects.count()} tổ chức, {Person.objects.count()} nhân sự, "
        f"{Meeting.objects.count()} hội nghị"
    )


def _person(name: str) -> Person:
    return Person.objects.filter(full_name=name).first() or Person.objects.create(full_name=name)


def _position(person, body, title, **fields) -> Position:
    found = Position.objects.filter(person=person, body=body, title=title).first()
    position = found or Position(person=person, body=body, title=title)
    for name, value in fields.items():
        setattr(position, name, value)
    position.save()
    return position


def _term(body, number, start, end, note=SAMPLE) -> Term:
    term = Term.objects.filter(body=body, congress_number=number).first() or Term(
        body=body, congress_number=number
    )
    term.starts_year, term.ends_year, term.note = start, end, note
    term.save()
    return term


def _moment(year, month, day, hour=8, minute=0):
    return timezone.make_aware(datetime(year, month, day, hour, minute))


def _meeting(slug, **fields) -> Meeting:
    meeting = Meeting.objects.filter(slug=slug).first() or Meeting(slug=slug)
    for name, value in fields.items():
        setattr(meeting, name, value)
    meeting.save()
    return meeting


def _attendees(meeting, rows) -> None:
    meeting.attendees.all().delete()
    for order, (person, guest, position) in enumerate(rows):
        MeetingAttendee.objects.create(
            meeting=meeting, person=person, guest_name=guest, position_then=position, order=order
        )


def _people_terms_and_meetings(province, districts) -> None:
    van_quan = districts["van-quan"]
    province_term = _term(province, "XVI", 2018, 2023)
    _term(province, "XVII", 2023, 2028)
    van_quan_term = _term(van_quan, "XXIII", 2018, 2023)

    phu = _person("Nguyễn Thiện Phú")
    cong = _person("Lương Chí Công")
    truong = _person("Trịnh Thu Trường")
    vy = _person("Nông Văn Vỵ")
    _position(phu, province, Position.Title.CHAIR, organ=Position.Organ.BTV, term=province_term,
              starts_on=date(2018, 8, 1))  # fmt: skip
    _position(cong, province, Position.Title.VICE_CHAIR, organ=Position.Organ.BTV,
              term=province_term, starts_on=date(2018, 8, 1))  # fmt: skip
    _position(truong, province, Position.Title.UBKT_MEMBER, organ=Position.Organ.UBKT,
              term=province_term, starts_on=date(2018, 8, 1),
              title_text="Ủy viên Ủy ban Kiểm tra, phụ trách LĐLĐ huyện Văn Quan")  # fmt: skip
    _position(vy, van_quan, Position.Title.CHAIR, organ=Position.Organ.BTV, term=van_quan_term,
              starts_on=date(2018, 6, 1), ends_on=van_quan.dissolved_on)  # fmt: skip

    review = _meeting(
        "so-ket-6-thang-dau-nam-2020-ldld-van-quan",
        kind=Meeting.Kind.MID_YEAR_REVIEW,
        title="Hội nghị sơ kết công tác Công đoàn 6 tháng đầu năm 2020 và biểu dương điển hình "
        "tiên tiến trong CNVCLĐ giai đoạn 2015 – 2020",
        organiser=van_quan,
        term=van_quan_term,
        starts_at=_moment(2020, 7, 13),
        place="Huyện Văn Quan",
        chaired_by=vy,
        chair_title="Chủ tịch LĐLĐ huyện Văn Quan",
        summary="Đánh giá công tác công đoàn 6 tháng đầu năm 2020, nhiệm vụ 6 tháng cuối năm; "
        "trao giấy khen cho 11 tập thể, 17 cá nhân điển hình tiên tiến giai đoạn 2015 – 2020.",
        outcomes="<p>Nhiệm vụ 6 tháng cuối năm 2020: tăng cường kiểm tra, giám sát; tuyên truyền "
        "giáo dục trong CNVCLĐ; phát triển đoàn viên, xây dựng tổ chức Công đoàn vững mạnh.</p>",
    )
    _attendees(review, [
        (cong, "", "Phó Chủ tịch LĐLĐ tỉnh Lạng Sơn"),
        (truong, "", "Ủy viên Ủy ban Kiểm tra LĐLĐ tỉnh, phụ trách LĐLĐ huyện Văn Quan"),
    ])  # fmt: skip

    _meeting(
        "tong-ket-cong-tac-cong-doan-nam-2015-ldld-tinh",
        kind=Meeting.Kind.ANNUAL_REVIEW,
        title="Hội nghị tổng kết công tác công đoàn năm 2015, triển khai nhiệm vụ năm 2016",
        organiser=province,
        starts_at=_moment(2016, 1, 19),
        place="Thành phố Lạng Sơn",
        summary="Phát động phong trào thi đua năm 2016 trong CNVCLĐ và các cấp Công đoàn; các "
        "đơn vị Cụm thi đua số 1 ký kết giao ước thi đua.",
    )

    blocks = []
    members = list(UnionBody.objects.filter(kind=UnionBody.Kind.GRASSROOTS))
    for number in range(1, 11):
        block = EmulationBlock.objects.filter(organiser=province, name=f"Khối thi đua số {number:02d}",
                                              year=2021).first()  # fmt: skip
        block = block or EmulationBlock(
            organiser=province, name=f"Khối thi đua số {number:02d}", year=2021
        )
        block.note = SAMPLE
        chosen = members[(number - 1) % len(members) :: 10] if members else []
        block.leader = chosen[0] if chosen else None
        block.save()
        block.members.set(chosen)
        blocks.append(block)
    _meeting(
        "ky-ket-giao-uoc-thi-dua-nam-2021-khoi-thi-dua-so-01",
        kind=Meeting.Kind.PACT_SIGNING,
        title="Ký kết giao ước thi đua năm 2021 Khối thi đua số 01",
        organiser=province,
        emulation_block=blocks[0],
        starts_at=_moment(2021, 3, 1, 16),
        place="Trụ sở LĐLĐ tỉnh Lạng Sơn",
        summary="Các đơn vị Khối thi đua số 01 ký giao ước thi đua năm 2021. " + SAMPLE,
    )
    session = _meeting(
        "lam-viec-voi-khoi-thi-dua-so-01-nam-2021",
        kind=Meeting.Kind.WORKING_SESSION,
        title="Buổi làm việc với Khối thi đua số 01 trực thuộc LĐLĐ tỉnh năm 2021",
        organiser=province,
        emulation_block=blocks[0],
        starts_at=_moment(2021, 3, 1, 14),
        place="Trụ sở LĐLĐ tỉnh Lạng Sơn",
        chaired_by=phu,
        chair_title="Chủ tịch LĐLĐ tỉnh Lạng Sơn",
        summary="Ngày đầu tiên của chương trình làm việc với 10 khối thi đua trực thuộc LĐLĐ tỉnh "
        "(1 – 9/3/2021): nghe báo cáo, tháo gỡ vướng mắc, giao chỉ tiêu năm 2021.",
    )
    _attendees(session, [(cong, "", "Phó Chủ tịch LĐLĐ tỉnh Lạng Sơn"),
                         (None, "Ban Chấp hành CĐCS Khối thi đua số 01", "")])  # fmt: skip

    # Two executive committee sessions numbered 10: an article names which by its body.
    _meeting(
        "hoi-nghi-ban-chap-hanh-ldld-tinh-lan-thu-10-khoa-xvi",
        kind=Meeting.Kind.EXECUTIVE_SESSION,
        session_number=10,
        title="Hội nghị Ban Chấp hành LĐLĐ tỉnh lần thứ 10, khóa XVI",
        organiser=province,
        term=province_term,
        starts_at=_moment(2021, 12, 28),
        place="Trụ sở LĐLĐ tỉnh Lạng Sơn",
        chaired_by=phu,
        chair_title="Chủ tịch LĐLĐ tỉnh Lạng Sơn",
        summary="Đánh giá kết quả công tác công đoàn năm 2021, thông qua chương trình năm 2022. "
        + SAMPLE,
    )
    dinh_lap = districts["dinh-lap"]
    dinh_lap_term = _term(dinh_lap, "XXII", 2018, 2023)
    binh = _person("Hoàng Văn Bình")
    binh.note = SAMPLE
    binh.save()
    _position(binh, dinh_lap, Position.Title.CHAIR, organ=Position.Organ.BTV, term=dinh_lap_term,
              starts_on=date(2018, 6, 1), ends_on=dinh_lap.dissolved_on)  # fmt: skip
    _meeting(
        "hoi-nghi-ban-chap-hanh-ldld-huyen-dinh-lap-ky-thu-10",
        kind=Meeting.Kind.EXECUTIVE_SESSION,
        session_number=10,
        title="Hội nghị Ban Chấp hành LĐLĐ huyện Đình Lập kỳ thứ 10",
        organiser=dinh_lap,
        term=dinh_lap_term,
        starts_at=_moment(2022, 7, 15),
        place="Hội trường UBND huyện Đình Lập",
        chaired_by=binh,
        chair_title="Chủ tịch LĐLĐ huyện Đình Lập",
        summary="Sơ kết công tác công đoàn 6 tháng đầu năm 2022, triển khai nhiệm vụ 6 tháng cuối "
        "năm. " + SAMPLE,
    )


def _figures(province, districts) -> None:
    """Sample member figures (clearly sample data) so the body pages have a chart."""
    series = {
        province: (41200, 22100, 780),
        districts["van-quan"]: (2350, 1240, 61),
        districts["dinh-lap"]: (1980, 1010, 52),
    }
    for body, (members, women, unions) in series.items():
        for offset, year in enumerate(range(2016, 2025)):
            figure = MemberFigure.objects.filter(body=body, year=year).first() or MemberFigure(
                body=body, year=year
            )
            figure.members = members + offset * members // 60
            figure.women_members = women + offset * women // 55
            figure.grassroots_unions = unions + offset
            figure.new_members = members // 30 + offset * 3
            figure.new_unions = 11 if year == 2020 else 2 + offset % 4
            figure.note = SAMPLE
            figure.save()


DEMO_PASSWORD = "lsunion-demo-2026"  # noqa: S105 - demo accounts exist only with DEBUG on
DEMO_STAFF = [
    # username, role, bodies (slugs)
    ("quantri", "Quản trị viên", []),
    ("tongbientap", "Tổng biên tập", []),
    # The province: a living body, and the successor of the district federations the demo
    # ends on 01/07/2025, so its staff hold their records too.
    ("bientap.tinh", "Biên tập viên", ["lien-doan-lao-dong-tinh-lang-son"]),
    ("phongvien.tinh", "Phóng viên", ["lien-doan-lao-dong-tinh-lang-son"]),
    ("thiduakhenthuong", "Cán bộ thi đua – khen thưởng", ["lien-doan-lao-dong-tinh-lang-son"]),
]


# Earlier demo accounts, scoped to a district federation that no longer exists today.
RETIRED_DEMO_STAFF = ["bientap.vanquan", "phongvien.vanquan"]


def load_staff() -> str:
    """Demo staff accounts, one per role – only on a development machine (DEBUG on)."""
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from organizations.models import StaffScope

    if not settings.DEBUG:
        return "bỏ qua tài khoản mẫu (chỉ tạo khi DJANGO_DEBUG=1)"
    users = get_user_model()
    users.objects.filter(username__in=RETIRED_DEMO_STAFF).update(is_active=False)
    for username, role, slugs in DEMO_STAFF:
        user = users.objects.filter(username=username).first()
        if user is None:
            user = users.objects.create_user(
                username, f"{username}@example.vn", DEMO_PASSWORD, is_staff=True
            )
        user.groups.set([Group.objects.get(name=role)])
        scope, _created = StaffScope.objects.get_or_create(user=user)
        scope.bodies.set(UnionBody.objects.filter(slug__in=slugs))
    return (
        f"{len(DEMO_STAFF)} tài khoản mẫu ({', '.join(u for u, _r, _b in DEMO_STAFF)}), "
        f"mật khẩu: {DEMO_PASSWORD}"
    )
