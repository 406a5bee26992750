"""Sample articles for the demo portal: enough in every category to fill the front page.

Written in the portal's own voice, each one marked "(Bài mẫu)" in its title and by a note at
the top of its text, so nobody takes it for real news. Their pictures are drawn on the
machine (lsunion.demo_pictures). Dates count back from the first load, so the portal looks
alive; a later load keeps them.
"""

from datetime import timedelta

from django.utils import timezone

from lsunion import demo_pictures
from news.models import Article, ArticleDailyViews, ArticlePhoto, Category
from organizations.models import UnionBody

MARK = " (Bài mẫu)"
NOTE = (
    "<p><em>Bài mẫu minh họa giao diện cổng thông tin: nội dung, tên đơn vị và số liệu "
    "không phải tin thật.</em></p>"
)
PLACES = ["Văn Quan", "Đình Lập", "Bắc Sơn", "Cao Lộc", "Lộc Bình", "Chi Lăng", "Hữu Lũng"]
BYLINES = ["Ban Tuyên giáo", "Tin và ảnh: Hoàng Lan", "Minh Đức", "Ban Nữ công", "Thu Hà"]

# slug of the category -> (scene kind, [(title, summary, cover alt)])
STORIES: dict[str, tuple[str, list[tuple[str, str, str]]]] = {
    "hoat-dong-cong-doan": (
        "hall",
        [
            (
                "Hội nghị Ban Chấp hành LĐLĐ tỉnh lần thứ 12 bàn nhiệm vụ trọng tâm quý IV",
                "Hội nghị đánh giá kết quả 9 tháng, thống nhất các giải pháp chăm lo đời sống đoàn viên "
                "dịp cuối năm và chuẩn bị tổng kết công tác công đoàn.",
                "Quang cảnh hội nghị Ban Chấp hành",
            ),
            (
                "Công đoàn Khu kinh tế ra mắt 3 công đoàn cơ sở doanh nghiệp mới",
                "Ba công đoàn cơ sở với 214 đoàn viên được thành lập tại các doanh nghiệp logistics "
                "quanh cửa khẩu Hữu Nghị.",
                "Lễ ra mắt công đoàn cơ sở",
            ),
            (
                "Tập huấn kỹ năng cho chủ tịch công đoàn cơ sở khu vực {place}",
                "Hơn 120 cán bộ công đoàn cơ sở được bồi dưỡng kỹ năng đối thoại, thương lượng tập thể và "
                "quản lý tài chính công đoàn.",
                "Học viên tham dự lớp tập huấn",
            ),
            (
                "Đối thoại giữa người lao động và người sử dụng lao động tại Công ty May {place}",
                "Người lao động kiến nghị về tiền lương, ca làm việc và bữa ăn giữa ca; doanh nghiệp tiếp "
                "thu và hẹn trả lời bằng văn bản.",
                "Buổi đối thoại tại doanh nghiệp",
            ),
            (
                "Sơ kết công tác phát triển đoàn viên 6 tháng tại các xã vùng cao",
                "Kết nạp mới 1.035 đoàn viên, thành lập 11 công đoàn cơ sở; nhiều mô hình vận động người "
                "lao động ở doanh nghiệp nhỏ được nhân rộng.",
                "Đại biểu dự hội nghị sơ kết",
            ),
            (
                "Giao ban công tác công đoàn các ngành, khu vực tháng 11",
                "Các đơn vị báo cáo tiến độ chương trình “Tết Sum vầy” và kế hoạch thăm hỏi đoàn viên "
                "có hoàn cảnh khó khăn.",
                "Quang cảnh buổi giao ban",
            ),
            (
                "Kiểm tra việc thu, chi tài chính công đoàn tại công đoàn ngành Y tế",
                "Đoàn kiểm tra ghi nhận sổ sách rõ ràng, đề nghị đẩy nhanh việc chuyển sang quản lý tài "
                "chính trên phần mềm.",
                "Đoàn kiểm tra làm việc",
            ),
        ],
    ),
    "tuyen-truyen-giao-duc": (
        "classroom",
        [
            (
                "Tuyên truyền Bộ luật Lao động cho công nhân các khu công nghiệp",
                "Hơn 600 công nhân được giải đáp về hợp đồng lao động, làm thêm giờ và chế độ thai sản "
                "ngay tại nơi làm việc.",
                "Công nhân nghe báo cáo viên",
            ),
            (
                "Cuộc thi tìm hiểu lịch sử Công đoàn Việt Nam thu hút 4.000 bài dự thi",
                "Cuộc thi trực tuyến dành cho đoàn viên toàn tỉnh kết thúc sau 6 tuần, 45 cá nhân và 8 "
                "tập thể được trao giải.",
                "Trao giải cuộc thi",
            ),
            (
                "Đưa nghị quyết của Công đoàn đến đoàn viên vùng biên {place}",
                "Báo cáo viên LĐLĐ tỉnh về tận các trường học và trạm y tế vùng biên để phổ biến nghị "
                "quyết bằng tiếng Tày, Nùng.",
                "Buổi phổ biến nghị quyết",
            ),
            (
                "Mở lớp bồi dưỡng lý luận chính trị cho cán bộ công đoàn trẻ",
                "Lớp học kéo dài 10 ngày với 60 học viên dưới 35 tuổi, kết hợp học tập trung và đi thực tế "
                "tại cơ sở.",
                "Học viên lớp bồi dưỡng",
            ),
            (
                "Tủ sách pháp luật cho công nhân nhà trọ tại thành phố Lạng Sơn",
                "Mỗi tủ sách có hơn 200 đầu sách về pháp luật lao động, an toàn vệ sinh lao động và kỹ "
                "năng sống.",
                "Công nhân đọc sách tại tủ sách",
            ),
            (
                "Ngày hội đọc sách của đoàn viên ngành Giáo dục huyện {place}",
                "Các công đoàn trường học giới thiệu sách hay, thi kể chuyện và trao đổi kinh nghiệm xây "
                "dựng văn hóa đọc.",
                "Giáo viên tham gia ngày hội đọc sách",
            ),
        ],
    ),
    "thi-dua-khen-thuong": (
        "gifts",
        [
            (
                "Biểu dương 98 công nhân, viên chức, lao động giỏi năm 2026",
                "LĐLĐ tỉnh trao Bằng khen cho 98 cá nhân tiêu biểu trong phong trào “Lao động giỏi, lao "
                "động sáng tạo”.",
                "Trao Bằng khen cho cá nhân tiêu biểu",
            ),
            (
                "Khối thi đua số 03 ký kết giao ước thi đua năm 2027",
                "Các công đoàn trong khối thống nhất 8 nội dung thi đua, trọng tâm là phát triển đoàn viên "
                "và chăm lo việc làm.",
                "Đại diện các đơn vị ký giao ước",
            ),
            (
                "Tuyên dương “Giỏi việc nước, đảm việc nhà” trong nữ CNVCLĐ huyện {place}",
                "Năm mươi nữ đoàn viên được tuyên dương, nhiều người vừa dạy giỏi vừa nuôi con học giỏi "
                "ở vùng khó khăn.",
                "Nữ đoàn viên nhận giấy khen",
            ),
            (
                "Sáng kiến tiết kiệm điện của tổ cơ điện Nhà máy Xi măng Đồng Bành được nhân rộng",
                "Sáng kiến giúp tiết kiệm gần 400 triệu đồng mỗi năm, được đề nghị khen thưởng cấp tỉnh.",
                "Tổ cơ điện bên dây chuyền sản xuất",
            ),
            (
                "Trao Cờ thi đua cho 5 công đoàn cơ sở vững mạnh xuất sắc",
                "Năm công đoàn cơ sở dẫn đầu các khối thi đua được nhận Cờ thi đua của LĐLĐ tỉnh.",
                "Trao Cờ thi đua",
            ),
            (
                "Tổng kết phong trào thi đua “Xanh – Sạch – Đẹp” tại các doanh nghiệp",
                "Nhiều doanh nghiệp cải tạo nhà xưởng, trồng cây xanh và giảm tai nạn lao động so với năm "
                "trước.",
                "Khuôn viên nhà máy xanh sạch đẹp",
            ),
        ],
    ),
    "nu-cong": (
        "gifts",
        [
            (
                "Trao 50 suất quà cho nữ công nhân có hoàn cảnh khó khăn",
                "Mỗi suất quà trị giá 1 triệu đồng, dành cho nữ công nhân nuôi con nhỏ một mình tại các "
                "khu công nghiệp.",
                "Trao quà cho nữ công nhân",
            ),
            (
                "Hội thi “Nữ cán bộ công đoàn duyên dáng, tài năng” năm 2026",
                "Mười hai đội thi tranh tài phần chào hỏi, kiến thức về bình đẳng giới và năng khiếu.",
                "Các thí sinh tham gia hội thi",
            ),
            (
                "Khám sức khỏe sinh sản miễn phí cho nữ đoàn viên huyện {place}",
                "Hơn 300 nữ đoàn viên được khám, tư vấn sức khỏe sinh sản và phòng chống bệnh không lây "
                "nhiễm.",
                "Bác sĩ tư vấn cho nữ đoàn viên",
            ),
            (
                "Ngày hội gia đình công nhân: sân chơi cho con em người lao động",
                "Các gia đình công nhân cùng thi nấu ăn, trò chơi dân gian và nhận học bổng cho con.",
                "Gia đình công nhân dự ngày hội",
            ),
            (
                "Nhân rộng mô hình nhóm trẻ cho con công nhân tại khu công nghiệp",
                "Hai nhóm trẻ tư thục được hỗ trợ kinh phí, nhận trông con công nhân làm ca đến 19 giờ.",
                "Cô giáo và các cháu ở nhóm trẻ",
            ),
        ],
    ),
    "chinh-sach-phap-luat": (
        "factory",
        [
            (
                "Tư vấn pháp luật miễn phí cho người lao động tại doanh nghiệp FDI",
                "Văn phòng tư vấn pháp luật công đoàn giải đáp hơn 150 câu hỏi về bảo hiểm xã hội, tiền "
                "lương và kỷ luật lao động.",
                "Luật sư tư vấn cho công nhân",
            ),
            (
                "Giám sát việc thực hiện lương tối thiểu vùng mới tại 20 doanh nghiệp",
                "Đoàn giám sát phát hiện 3 doanh nghiệp chưa điều chỉnh thang lương, đề nghị khắc phục "
                "trước ngày 31/12.",
                "Đoàn giám sát làm việc với doanh nghiệp",
            ),
            (
                "Hỗ trợ đoàn viên mất việc làm ở huyện {place} tìm việc mới",
                "Công đoàn phối hợp trung tâm dịch vụ việc làm giới thiệu 85 đoàn viên đến các doanh "
                "nghiệp đang tuyển dụng.",
                "Người lao động tại phiên giao dịch việc làm",
            ),
            (
                "Tháng hành động về an toàn, vệ sinh lao động: kiểm tra 30 cơ sở sản xuất",
                "Đoàn kiểm tra nhắc nhở việc trang bị bảo hộ, huấn luyện an toàn và lắp biển cảnh báo "
                "tại khu vực nguy hiểm.",
                "Công nhân mặc đồ bảo hộ",
            ),
            (
                "Hướng dẫn thủ tục hưởng bảo hiểm thất nghiệp cho người lao động",
                "Những điều người lao động cần biết: thời hạn nộp hồ sơ, mức hưởng và cách báo tìm kiếm "
                "việc làm hằng tháng.",
                "Cán bộ hướng dẫn thủ tục",
            ),
            (
                "Thương lượng thỏa ước lao động tập thể nhóm doanh nghiệp vận tải",
                "Bản thỏa ước có nhiều điều khoản có lợi hơn luật về nghỉ phép, hỗ trợ nhà ở và khám sức "
                "khỏe định kỳ.",
                "Đại diện hai bên ký thỏa ước",
            ),
        ],
    ),
}
PARAGRAPHS = [
    "Phát biểu tại buổi lễ, đại diện LĐLĐ tỉnh ghi nhận sự cố gắng của các cấp công đoàn, "
    "đề nghị tiếp tục bám sát cơ sở, lắng nghe tâm tư, nguyện vọng của đoàn viên, người lao động.",
    "Theo báo cáo, từ đầu năm đến nay các cấp công đoàn đã tổ chức hàng trăm buổi tuyên truyền, "
    "đối thoại tại nơi làm việc; nhiều kiến nghị của người lao động được giải quyết kịp thời.",
    "Các đại biểu đã thảo luận, chia sẻ kinh nghiệm ở cơ sở, chỉ ra những khó khăn về nguồn lực "
    "và đề xuất giải pháp để phong trào đi vào chiều sâu, thiết thực hơn.",
    "Dịp này, ban tổ chức trao giấy khen cho các tập thể, cá nhân có thành tích tiêu biểu và "
    "phát động đợt thi đua đến hết năm.",
    "Kết thúc chương trình, đoàn viên, người lao động bày tỏ phấn khởi, mong công đoàn tiếp tục "
    "đồng hành cùng người lao động trong việc làm, thu nhập và đời sống tinh thần.",
]
SCENE_KINDS = list(demo_pictures.SCENES)


# Photos shown across an article's column come large enough for a 2x screen (a 1280 px
# WebP rendition); pictures only seen as thumbnails and in blocks need 960 px at most.
LARGE, SMALL = (1600, 1067), (960, 640)


def _picture(key: str, kind: str, size=LARGE) -> str:
    return demo_pictures.stored(f"{key}-{size[0]}", lambda: demo_pictures.scene(kind, key, size))


def load() -> int:
    """Create the sample articles once (found again by slug); return how many are new."""
    categories = {c.slug: c for c in Category.objects.filter(slug__in=STORIES)}
    bodies = list(UnionBody.objects.filter(kind__in=["provincial", "sectoral", "grassroots"]))
    existing = set(Article.objects.filter(title__endswith=MARK).values_list("title", flat=True))
    now = timezone.now().replace(second=0, microsecond=0)
    created = 0
    # Interleave the categories so the newest stories come from all of them.
    rows = [
        (slug, kind, index, story)
        for slug, (kind, stories) in STORIES.items()
        for index, story in enumerate(stories)
    ]
    rows.sort(key=lambda row: (row[2], list(STORIES).index(row[0])))
    for position, (slug, kind, index, (title, summary, alt)) in enumerate(rows):
        place = PLACES[position % len(PLACES)]
        title = title.format(place=place) + MARK
        if title in existing or slug not in categories:
            continue
        key = f"{slug}-{index}"
        scene = kind if index % 3 else SCENE_KINDS[(position + index) % len(SCENE_KINDS)]
        paragraphs = [PARAGRAPHS[(position + i) % len(PARAGRAPHS)] for i in range(4)]
        article = Article(
            title=title,
            summary=summary,
            body=NOTE + "".join(f"<p>{text}</p>" for text in paragraphs),
            category=categories[slug],
            byline=BYLINES[position % len(BYLINES)],
            source_body=bodies[position % len(bodies)] if bodies else None,
            status=Article.Status.PUBLISHED,
            published_at=now - timedelta(hours=3 + position * 7, minutes=position * 13 % 60),
            is_featured=index == 0,
            # The stories on top get the largest pictures; the others need 960 px at most.
            cover_image=_picture(key, scene, LARGE if index < 2 else SMALL),
            cover_alt=alt + " (ảnh minh họa)",
            cover_caption=alt + ". Ảnh minh họa.",
        )
        article.save()
        if index < 2:
            ArticlePhoto.objects.create(
                article=article,
                image=_picture(f"{key}-inside", SCENE_KINDS[(position + 2) % len(SCENE_KINDS)]),
                alt_text=f"{alt}, một góc khác (ảnh minh họa)",
                caption="Các đại biểu tham dự chương trình. Ảnh minh họa.",
                after_paragraph=3,
            )
        created += 1
    _views(now)
    return created


def _views(now) -> None:
    """A week of reading for the sample articles, so "Đọc nhiều trong tuần" has a list."""
    today = timezone.localdate(now)
    articles = Article.objects.filter(title__endswith=MARK).values_list("pk", flat=True)
    rows = [
        ArticleDailyViews(
            article_id=pk, day=today - timedelta(days=day), count=(pk * 37 + day * 11) % 300 + 20
        )
        for pk in articles
        for day in range(3)
    ]
    ArticleDailyViews.objects.bulk_create(rows, ignore_conflicts=True)
