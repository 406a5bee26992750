from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import F
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import patch_cache_control
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache
from django.views.decorators.csp import csp_override
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET
from django.views.generic import DetailView, ListView
from django_altcha import get_altcha_challenge

from lsunion.cache import cached_for_version, public_page
from questions import codes, services
from questions.antiabuse import client_address
from questions.forms import ContactForm, QuestionForm, TrackForm
from questions.models import Question, Topic

PAGE_SIZE = 20
MOST_READ = 5

# The proof of work runs in Web Workers that ALTCHA builds from a blob: address; only the
# pages with the form allow that, the rest of the site keeps worker-src at 'self'.
FORM_CSP = {**settings.SECURE_CSP, "worker-src": ["'self'", "blob:"]}


def _private(response):
    """Pages with a form or a tracking code: never kept by a browser or proxy cache."""
    patch_cache_control(response, private=True, no_cache=True, no_store=True)
    response["X-Robots-Tag"] = "noindex"
    return response


def _topics():
    return list(Topic.objects.filter(questions__in=Question.objects.published()).distinct())


def topics() -> list[Topic]:
    return cached_for_version("questions:topics", _topics)


@never_cache
@csp_override(FORM_CSP)
def ask(request):
    """Gửi câu hỏi: the form, and on success the tracking page of the new question."""
    form = QuestionForm(request.POST or None, request.FILES or None)
    status = 200
    if request.method == "POST":
        address = client_address(request)
        if form.is_valid():
            try:
                question = services.receive_question(
                    data=form.cleaned_data, address=address, proof=form.cleaned_data["altcha"]
                )
            except services.Refused as refusal:
                form.add_error(None, refusal.message)
                status = 429
            else:
                return redirect(question.get_tracking_url() + "?moi=1")
        if status != 429:
            services.record_refused(kind="question", address=address, data=form.cleaned_data)
        if request.FILES:
            form.attachment_dropped = True
    return _private(render(request, "questions/ask.html", {"form": form}, status=status))


@never_cache
@csp_override(FORM_CSP)
def contact(request):
    """Gửi thư liên hệ: a short message to the federation, with the same guards as questions."""
    form = ContactForm(request.POST or None)
    status = 200
    if request.method == "POST":
        address = client_address(request)
        if form.is_valid():
            try:
                services.receive_contact_message(
                    data=form.cleaned_data, address=address, proof=form.cleaned_data["altcha"]
                )
            except services.Refused as refusal:
                form.add_error(None, refusal.message)
                status = 429
            else:
                return redirect(request.path + "?da-gui=1")
        if status != 429:
            services.record_refused(kind="contact", address=address, data=form.cleaned_data)
    sent = request.method == "GET" and request.GET.get("da-gui") == "1"
    return _private(
        render(request, "questions/contact.html", {"form": form, "sent": sent}, status=status)
    )


@never_cache
@require_GET
def challenge(request):
    """A fresh proof-of-work challenge for the form's widget (JSON, never cached)."""
    issued = get_altcha_challenge(max_number=settings.QUESTIONS_PROOF_OF_WORK_MAX_NUMBER)
    return JsonResponse(issued.to_dict())


def track_form(request):
    """Theo dõi câu hỏi: type the code, go to its page."""
    form = TrackForm(request.GET or None)
    if form.is_valid():
        code = codes.clean_code(form.cleaned_data["code"])
        if len(code) == codes.CODE_LENGTH:
            return redirect("questions:track", code=code)
        form.add_error("code", "Mã theo dõi gồm 10 chữ và số, ví dụ 7KQ2M-9XH4T.")
    return _private(render(request, "questions/track_form.html", {"form": form}))


def track(request, code):
    """A question's state for the person who holds its code (never cached, not indexed)."""
    cleaned = codes.clean_code(code)
    if len(cleaned) != codes.CODE_LENGTH:
        raise Http404
    if cleaned != code:
        return redirect("questions:track", code=cleaned)
    question = get_object_or_404(Question.objects.select_related("topic"), code=cleaned)
    return _private(
        render(
            request,
            "questions/track.html",
            {"question": question, "just_sent": request.GET.get("moi") == "1"},
        )
    )


def _most_read() -> list[int]:
    published = Question.objects.published().order_by("-read_count", "-published_at", "-pk")
    return list(published.values_list("pk", flat=True)[:MOST_READ])


class QuestionPaginator(Paginator):
    """The count once per content version, then the page's ids before its rows."""

    def __init__(self, *args, count_key: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.count_key = count_key

    @property
    def count(self):
        return cached_for_version(self.count_key, self.object_list.count)

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        ids = self.object_list.values("pk")[bottom : bottom + self.per_page]
        return self._get_page(self.object_list.filter(pk__in=ids), number, self)


class PublishedListView(ListView):
    template_name = "questions/question_list.html"
    paginate_by = PAGE_SIZE
    context_object_name = "questions"
    topic = None

    def paginate_queryset(self, queryset, page_size):
        key = f"questions:count:{self.topic.pk if self.topic else 'all'}"
        paginator = QuestionPaginator(queryset, page_size, count_key=key)
        page = paginator.get_page(self.request.GET.get("page"))
        return paginator, page, page.object_list, page.has_other_pages()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        most_read = []
        if self.topic is None:
            ids = cached_for_version("questions:most-read", _most_read)
            found = Question.objects.published().for_listing().in_bulk(ids)
            most_read = [found[pk] for pk in ids if pk in found]
        return {**context, "topic": self.topic, "topics": topics(), "most_read": most_read}


@method_decorator(public_page(params=["page"]), name="dispatch")
class QuestionListView(PublishedListView):
    """Hỏi đáp: the newest published answers, the most read, and the topics."""

    def get_queryset(self):
        return Question.objects.published().for_listing()


@method_decorator(public_page(params=["page"]), name="dispatch")
class TopicView(PublishedListView):
    def get_queryset(self):
        self.topic = get_object_or_404(Topic, slug=self.kwargs["slug"])
        return Question.objects.published().filter(topic=self.topic).for_listing()


@method_decorator(public_page, name="dispatch")
class QuestionDetailView(DetailView):
    """One published answer: only the reviewed public version, never the asker's own text."""

    template_name = "questions/question_detail.html"
    context_object_name = "question"

    def get_queryset(self):
        return (
            Question.objects.published()
            .select_related("topic")
            .only(
                "public_title",
                "public_question",
                "public_answer",
                "legal_basis",
                "law_changed_note",
                "slug",
                "published_at",
                "answered_at",
                "updated_at",
                "topic__name",
                "topic__slug",
            )
        )

    def get_context_data(self, **kwargs):
        related = (
            Question.objects.published()
            .filter(topic_id=self.object.topic_id)
            .exclude(pk=self.object.pk)
            .for_listing()[:5]
        )
        return super().get_context_data(related=related, **kwargs)


@csrf_exempt  # a counter only: the page is cached and has no token to send
def count_read(request, slug):
    """One more reader of a published answer (sent by the page's script); one UPDATE.
    Not a page: anything but a POST finds nothing here."""
    if request.method != "POST":
        raise Http404
    Question.objects.published().filter(slug=slug[:160]).update(read_count=F("read_count") + 1)
    return HttpResponse(status=204)
