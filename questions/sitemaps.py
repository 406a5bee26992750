from django.contrib.sitemaps import Sitemap

from questions.models import Question, Topic


class QuestionSitemap(Sitemap):
    changefreq = "monthly"
    limit = 5000

    def items(self):
        return Question.objects.published().only("slug", "updated_at").order_by("-published_at")

    def lastmod(self, question):
        return question.updated_at


class TopicSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return Topic.objects.filter(questions__in=Question.objects.published()).distinct()
