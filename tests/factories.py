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
