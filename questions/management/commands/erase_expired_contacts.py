from django.conf import settings
from django.core.management.base import BaseCommand

from questions.services import erase_expired_contacts


class Command(BaseCommand):
    help = (
        "Xoá họ tên, điện thoại, thư điện tử, nơi làm việc và tệp đính kèm của người hỏi khi đã "
        "quá thời hạn lưu giữ sau khi câu hỏi kết thúc (QUESTIONS_CONTACT_RETENTION_DAYS), và "
        "thông tin liên lạc của thư liên hệ cũ. Chạy hằng ngày: chạy lại không xoá thêm gì."
    )

    def handle(self, *args, **options):
        done = erase_expired_contacts()
        self.stdout.write(
            f"Thời hạn lưu giữ: {settings.QUESTIONS_CONTACT_RETENTION_DAYS} ngày. "
            f"Đã xoá thông tin liên lạc của {done['questions']} câu hỏi, "
            f"{done['messages']} thư liên hệ; bỏ {done['submissions']} lượt gửi cũ, "
            f"{done['challenges']} thử thách đã dùng."
        )
