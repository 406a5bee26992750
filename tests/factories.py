from datetime import timedelta

import factory
from django.utils import timezone

from news.models import Article, ArticlePhoto, Category, Slogan
from organizations.models import UnionBody


class UnionBodyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = UnionBody

    name = factory.Sequence(lambda n: f"Công đoàn cơ sở Trường Tiểu học số {n}")
    short_name = factory.Sequence(lambda n: f"CĐCS Tiểu học số {n}")
    kind = UnionBody.Kind.GRASSROOTS


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Category

    name = factory.Sequence(lambda n: f"Chuyên mục {n}")


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Article

    title = factory.Sequence(lambda n: f"Hội nghị tổng kết công tác công đoàn năm 20{n:02d}")
    summary = "Liên đoàn Lao động tỉnh tổ chức hội nghị tổng kết."
    body = "<p>Nội dung bài viết về hoạt động công đoàn.</p>"
    category = factory.SubFactory(CategoryFactory)
    status = Article.Status.PUBLISHED
    published_at = factory.LazyFunction(lambda: timezone.now() - timedelta(hours=1))
    byline = "Tin và ảnh: Đỗ Thị Gấm"

    class Params:
        draft = factory.Trait(status=Article.Status.DRAFT, published_at=None)
        scheduled = factory.Trait(
            published_at=factory.LazyFunction(lambda: timezone.now() + timedelta(days=1))
        )


class ArticlePhotoFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ArticlePhoto

    article = factory.SubFactory(ArticleFactory)
    alt_text = "Quang cảnh hội nghị"
    caption = "Đồng chí Lương Chí Công phát biểu tại hội nghị"


class SloganFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Slogan

    text = "Công đoàn Lạng Sơn tiếp tục đổi mới nội dung, phương thức hoạt động"


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "organizations.Person"

    full_name = factory.Sequence(lambda n: f"Nguyễn Văn Thành {n}")


class TermFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "organizations.Term"

    body = factory.SubFactory(UnionBodyFactory)
    congress_number = factory.Sequence(lambda n: f"X{n}")
    starts_year = 2018
    ends_year = 2023


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "organizations.Meeting"

    title = factory.Sequence(lambda n: f"Hội nghị Ban Chấp hành lần thứ {n}")
    kind = "executive_session"
    organiser = factory.SubFactory(UnionBodyFactory)
    starts_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=30))
    place = "Hội trường LĐLĐ tỉnh"


class AwardFormFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "awards.AwardForm"

    name = factory.Sequence(lambda n: f"Giấy khen loại {n}")
    level = "direct_union"


class AwardTitleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "awards.AwardTitle"

    name = factory.Sequence(lambda n: f"Lao động tiên tiến {n}")


class MovementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "awards.Movement"

    name = factory.Sequence(lambda n: f"Phong trào thi đua Lao động giỏi {n}")


class DecisionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "awards.Decision"

    number = factory.Sequence(lambda n: str(100 + n))
    code = "QĐ-LĐLĐ"
    issued_on = factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=60))
    issuing_body = factory.SubFactory(UnionBodyFactory, kind="district")
    form = factory.SubFactory(AwardFormFactory)
    reason = "Đã có thành tích xuất sắc trong phong trào thi đua."
    is_published = True


class RecipientFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "awards.Recipient"

    decision = factory.SubFactory(DecisionFactory)
    kind = "individual"
    full_name = factory.Sequence(lambda n: f"Hoàng Thị Hạnh {n}")
    position = "Chủ tịch CĐCS"
    unit = "Trường THPT Văn Quan"
    order = factory.Sequence(lambda n: n + 1)

    class Params:
        collective = factory.Trait(
            kind="collective",
            full_name="",
            position="",
            collective_name=factory.Sequence(lambda n: f"Công đoàn cơ sở Trường Tiểu học {n}"),
        )


class DocumentKindFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "documents.DocumentKind"
        django_get_or_create = ("name",)

    name = "Chỉ thị"
    code = "CT"


class IssuerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "documents.Issuer"
        django_get_or_create = ("name",)

    name = "Bộ Chính trị"
    code = "TW"


class FieldFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "documents.Field"
        django_get_or_create = ("name",)

    name = "Thi đua – Khen thưởng"


class DocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "documents.Document"

    symbol = factory.Sequence(lambda n: f"{n + 1}-CT/TW")
    kind = factory.SubFactory(DocumentKindFactory)
    issuer = factory.SubFactory(IssuerFactory)
    owner = factory.SubFactory(UnionBodyFactory, kind="provincial")
    issued_on = factory.Sequence(lambda n: timezone.localdate() - timedelta(days=30 + n))
    summary = "Về tiếp tục đổi mới công tác thi đua, khen thưởng"
