"""Old-portal exports built in the tests, line by line, in the encodings the archive holds."""

import unicodedata

SLOGAN = (
    "Công đoàn Lạng Sơn tiếp tục đổi mới nội dung, phương thức hoạt động Công đoàn; chăm lo, "
    "đại diện, bảo vệ quyền lợi hợp pháp của người lao động."
)
SLOGANS_ON_ONE_LINE = (
    "Đoàn kết, trí tuệ, dân chủ, kỷ cương, đổi mới, trách nhiệm!          "
    "Xây dựng giai cấp Công nhân Việt Nam vững mạnh          -          "
    "Công nhân, viên chức lao động quyết tâm thực hiện thắng lợi Nghị quyết Đại hội!"
)
SKIP_LINK = "Skip to main content"
TOOLBAR = "Chế độ ban đêm In trang Xuất PDF Đọc nội dung -A A +A"
DATE_LINE = "Thứ ba, 14 Tháng 7 2020 17:03"
TITLE = "LĐLĐ huyện Đình Lập sơ kết công tác Công đoàn 6 tháng đầu năm 2020"
LEAD = (
    "Ngày 13/7/2020, Liên đoàn Lao động huyện Đình Lập tổ chức Hội nghị sơ kết công tác Công "
    "đoàn 6 tháng đầu năm 2020 với sự tham dự của Chủ tịch các công đoàn cơ sở trực thuộc."
)
PARAGRAPH = (
    "Hội nghị đã đánh giá kết quả các phong trào thi đua, công tác phát triển đoàn viên và "
    "thành lập công đoàn cơ sở trong khu vực ngoài nhà nước, đồng thời đề ra nhiệm vụ trọng "
    "tâm cho 6 tháng cuối năm./."
)
PHOTO_LABEL = "Phó CT LĐLĐ tỉnh phát biểu tại HN"
PHOTO_CAPTION = "Đồng chí Lương Chí Công, Phó Chủ tịch LĐLĐ tỉnh phát biểu tại hội nghị"
BYLINE = "Tin và ảnh: Đỗ Thị Gấm"


def export(*lines: str, newline: str = "\n") -> str:
    """An export as the old portal's "save as text" wrote it: blank lines between blocks."""
    return (newline * 2).join(lines) + newline


def article(*, head=(SLOGAN, DATE_LINE, TITLE), body=(LEAD, PARAGRAPH), tail=(BYLINE,)) -> str:
    return export(*head, *body, *tail)


def cp1258(text: str) -> bytes:
    """Windows-1258 as old Vietnamese Windows wrote it: base letters composed, tone marks apart."""
    out = bytearray()
    for char in unicodedata.normalize("NFC", text):
        try:
            out += char.encode("cp1258")
        except UnicodeEncodeError:
            base, *marks = unicodedata.normalize("NFD", char)
            shape = "".join(m for m in marks if m in "\u0302\u0306\u031b")
            tone = "".join(m for m in marks if m not in shape)
            out += unicodedata.normalize("NFC", base + shape).encode("cp1258")
            out += tone.encode("cp1258")
    return bytes(out)
