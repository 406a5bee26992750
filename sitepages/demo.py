"""Demo text for the fixed pages. The chief editor's own text is never overwritten: a page is
filled only while it is empty or still holds the demo text. Idempotent."""

from lsunion.html import sanitise_html
from sitepages.models import ABOUT, CONTACT, SITE_MAP, Page

SAMPLE = (
    "<p><strong>Nội dung mẫu để minh họa, chưa được xác minh.</strong> "
    "Tổng biên tập thay bằng nội dung chính thức trong trang quản trị.</p>"
)
TEXTS = {
    ABOUT: SAMPLE + "<h2>Lịch sử</h2>"
    "<p>Công đoàn tỉnh Lạng Sơn ra đời và trưởng thành cùng phong trào công nhân, viên chức, "
    "lao động của tỉnh biên giới; qua các kỳ đại hội, tổ chức công đoàn từng bước được kiện toàn "
    "từ tỉnh đến cơ sở. Năm 2025, khi bỏ cấp huyện theo sắp xếp chính quyền địa phương, các công "
    "đoàn cơ sở chuyển về trực thuộc Liên đoàn Lao động tỉnh.</p>"
    "<h2>Chức năng</h2>"
    "<ul><li>Đại diện, chăm lo và bảo vệ quyền, lợi ích hợp pháp, chính đáng của đoàn viên và "
    "người lao động.</li>"
    "<li>Tham gia quản lý nhà nước, quản lý kinh tế – xã hội; tham gia thanh tra, kiểm tra, giám sát "
    "hoạt động của cơ quan, tổ chức, doanh nghiệp về những vấn đề liên quan đến quyền, nghĩa vụ "
    "của người lao động.</li>"
    "<li>Tuyên truyền, vận động người lao động học tập nâng cao trình độ, kỹ năng nghề nghiệp, "
    "chấp hành pháp luật, xây dựng và bảo vệ Tổ quốc.</li></ul>"
    "<h2>Nhiệm vụ chủ yếu</h2>"
    "<p>Phát triển đoàn viên và công đoàn cơ sở; thương lượng, ký kết thỏa ước lao động tập thể; "
    "tư vấn pháp luật cho người lao động; tổ chức các phong trào thi đua yêu nước; chăm lo Tết "
    "Sum vầy, Tháng Công nhân và Mái ấm công đoàn.</p>",
    CONTACT: SAMPLE
    + "<p>Bạn đọc liên hệ trực tiếp với cơ quan Liên đoàn Lao động tỉnh hoặc công đoàn nơi mình "
    "làm việc theo địa chỉ dưới đây, trong giờ hành chính từ thứ Hai đến thứ Sáu.</p>",
    SITE_MAP: "<p>Toàn bộ chuyên mục, mục và trang của cổng thông tin, theo menu chính.</p>",
}


def _restore_defaults() -> None:
    """The fixed pages and the default menus, as the migrations leave them, when a database
    was emptied after migrating (`flush`, a test suite): the demo is always a whole portal."""
    import importlib
    from types import SimpleNamespace

    from django.apps import apps
    from django.db import connection

    from sitepages.models import MenuItem

    if Page.objects.exists() and MenuItem.objects.exists():
        return
    editor = SimpleNamespace(connection=connection)
    importlib.import_module("sitepages.migrations.0002_default_pages_and_menus").create(
        apps, editor
    )
    importlib.import_module("sitepages.migrations.0004_library_and_questions_in_menu").add(
        apps, editor
    )


def load() -> str:
    _restore_defaults()
    filled = 0
    for slug, text in TEXTS.items():
        page = Page.objects.filter(slug=slug).first()
        if page is None or (page.body and page.body != sanitise_html(text)):
            continue
        page.body = text
        page.save()
        filled += 1
    return f"{filled} trang cố định có nội dung mẫu"
