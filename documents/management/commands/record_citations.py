from django.core.management.base import BaseCommand

from documents.citing import record_all


class Command(BaseCommand):
    help = (
        "Đọc lại mọi tin bài, kết quả hội nghị và căn cứ quyết định để ghi các văn bản được trích "
        "dẫn (chạy một lần sau khi cài thư viện văn bản, hoặc sau khi nhập dữ liệu bỏ qua lưu)."
    )

    def handle(self, *args, **options):
        count = record_all()
        self.stdout.write(self.style.SUCCESS(f"Đã đọc {count} bản ghi."))
