from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.http import content_disposition_header
from django.utils.translation import gettext_lazy as _

from organizations import permissions
from organizations.admin_scope import ScopedAdminMixin
from questions import services
from questions.admin_forms import PublicationStep, QuestionAdminForm
from questions.models import ContactMessage, Question, QuestionNote, Topic

# Shown only to the staff who may answer the question (the permissions module decides).
PRIVATE = {"asker", "contact_phone", "contact_email", "attachment_link"}


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "order", "is_active"]
    list_editable = ["order", "is_active"]
    search_fields = ["name"]
    fields = ["name", "slug", "description", "order", "is_active"]


class QuestionNoteInline(admin.TabularInline):
    model = QuestionNote
    extra = 1
    fields = ["text", "author", "created_at"]
    readonly_fields = ["author", "created_at"]
    verbose_name_plural = _("Ghi chú nội bộ (người hỏi không thấy)")

    def has_change_permission(self, request, obj=None):
        return False  # a note stays as written; a new one corrects it

    def has_delete_permission(self, request, obj=None):
        return False


class AssignedFilter(admin.SimpleListFilter):
    title = _("người trả lời")
    parameter_name = "giao_cho"

    def lookups(self, request, model_admin):
        return [("toi", _("Giao cho tôi")), ("chua", _("Chưa giao cho ai"))]

    def queryset(self, request, queryset):
        if self.value() == "toi":
            return queryset.filter(assigned_to=request.user)
        if self.value() == "chua":
            return queryset.filter(assigned_to__isnull=True)
        return queryset


@admin.register(Question)
class QuestionAdmin(ScopedAdminMixin, admin.ModelAdmin):
    form = QuestionAdminForm
    inlines = [QuestionNoteInline]
    list_display = [
        "display_code", "title", "status", "publication", "topic", "body", "assigned_to",
        "received_at",
    ]  # fmt: skip
    list_filter = [
        "status", "publication", AssignedFilter, "topic",
        ("body", admin.RelatedOnlyFieldListFilter), "received_at",
    ]  # fmt: skip
    list_select_related = ["topic", "body", "assigned_to"]
    search_fields = ["code", "title", "public_title"]
    date_hierarchy = "received_at"
    list_per_page = 50
    readonly_fields = [
        "display_code", "received_at", "title", "text", "workplace", "district",
        "attachment_link", "asker", "contact_phone", "contact_email", "answered_at",
        "answered_by", "answer_mailed_at", "closed_at", "contacts_erased_at", "publication",
        "published_at", "approved_by", "public_link", "read_count",
    ]  # fmt: skip
    fieldsets = [
        (
            _("Câu hỏi người lao động gửi (không công khai)"),
            {
                "fields": [
                    "display_code",
                    "received_at",
                    "title",
                    "text",
                    "topic",
                    "workplace",
                    "district",
                    "attachment_link",
                    "asker",
                    "contact_phone",
                    "contact_email",
                ]
            },
        ),
        (
            _("Tiếp nhận và trả lời riêng"),
            {
                "fields": [
                    "body",
                    "assigned_to",
                    "status",
                    "private_answer",
                    "show_answer_on_tracking",
                    "send_answer_mail",
                    "decline_reason",
                    "answered_at",
                    "answered_by",
                    "answer_mailed_at",
                    "closed_at",
                    "contacts_erased_at",
                ]
            },
        ),
        (
            _("Bản công khai (đã bỏ tên người, nơi làm việc)"),
            {
                "fields": [
                    "publication",
                    "public_title",
                    "public_question",
                    "public_answer",
                    "legal_basis",
                    "law_changed_note",
                    "confirm_anonymised",
                    "publication_step",
                    "published_at",
                    "approved_by",
                    "public_link",
                    "read_count",
                ]
            },
        ),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("topic", "body", "assigned_to")

    def has_add_permission(self, request):
        return False  # questions arrive from the public form only

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        form.current_user = request.user
        return form

    def _may_answer(self, request, obj) -> bool:
        return obj is not None and permissions.may(request.user, "change", obj)

    def get_fieldsets(self, request, obj=None):
        if self._may_answer(request, obj):
            return self.fieldsets
        # Readers without the right to answer (or on a published answer they may not change)
        # see the question and the public version, not the asker's contacts.
        hidden = {"send_answer_mail", "confirm_anonymised", "publication_step", *PRIVATE}
        return [
            (title, {"fields": [f for f in options["fields"] if f not in hidden]})
            for title, options in self.fieldsets
        ]

    @admin.display(description=_("mã theo dõi"))
    def display_code(self, obj):
        return obj.display_code

    @admin.display(description=_("người hỏi"))
    def asker(self, obj):
        return obj.asker_label

    @admin.display(description=_("điện thoại"))
    def contact_phone(self, obj):
        return obj.phone or "—"

    @admin.display(description=_("thư điện tử"))
    def contact_email(self, obj):
        return obj.email or "—"

    @admin.display(description=_("tệp đính kèm"))
    def attachment_link(self, obj):
        if not obj.attachment:
            return "—"
        url = reverse("admin:questions_question_attachment", args=[obj.pk])
        return format_html('<a href="{}">{}</a>', url, _("Tải tệp đính kèm"))

    @admin.display(description=_("trang công khai"))
    def public_link(self, obj):
        if not obj.is_public:
            return "—"
        url = obj.get_absolute_url()
        return format_html('<a href="{}">{}</a>', url, url)

    def get_urls(self):
        return [
            path(
                "<path:object_id>/tep-dinh-kem/",
                self.admin_site.admin_view(self.attachment_view),
                name="questions_question_attachment",
            ),
            *super().get_urls(),
        ]

    def attachment_view(self, request, object_id):
        """The asker's attachment, for the staff who answer: never through a public address."""
        obj = self.get_object(request, object_id)
        if obj is None or not obj.attachment:
            raise Http404
        if not self._may_answer(request, obj):
            raise PermissionDenied
        try:
            handle = obj.attachment.open("rb")
        except (FileNotFoundError, OSError):
            raise Http404 from None
        name = f"{obj.code}.{obj.attachment.name.rsplit('.', 1)[-1]}"
        response = FileResponse(handle)
        response["Content-Disposition"] = content_disposition_header(
            as_attachment=True, filename=name
        )
        response["Cache-Control"] = "private, no-store"
        return response

    def save_formset(self, request, form, formset, change):
        for note in formset.save(commit=False):
            note.author = request.user
            note.save()
        formset.save_m2m()

    def save_model(self, request, obj, form, change):
        before = Question.objects.filter(pk=obj.pk).values_list("status", flat=True).first()
        data = form.cleaned_data
        now = timezone.now()
        if obj.status == Question.Status.ANSWERED and before != Question.Status.ANSWERED:
            obj.answered_at = obj.answered_at or now
            obj.answered_by = obj.answered_by or request.user
        if obj.status in (Question.Status.ANSWERED, Question.Status.DECLINED):
            obj.closed_at = obj.closed_at or now
        else:
            obj.closed_at = None
        if obj.status == Question.Status.RECEIVED and obj.assigned_to_id:
            obj.status = Question.Status.ANSWERING
        super().save_model(request, obj, form, change)
        if data.get("send_answer_mail"):
            services.mail_answer(question=obj)
            obj.answer_mailed_at = now
            obj.save(update_fields=["answer_mailed_at"])
            messages.info(request, _("Câu trả lời riêng đã được xếp hàng gửi cho người hỏi."))
        self._apply_step(request, obj, data)

    def _apply_step(self, request, obj, data):
        step = data.get("publication_step") or PublicationStep.SAVE
        try:
            if step == PublicationStep.SUBMIT:
                services.submit_public_version(question=obj, by=request.user)
            elif step == PublicationStep.PUBLISH:
                services.publish(
                    question=obj, by=request.user, confirmed=bool(data.get("confirm_anonymised"))
                )
                messages.success(request, _("Hỏi đáp đã được công khai."))
            elif step == PublicationStep.RETURN:
                services.return_public_version(question=obj, by=request.user)
            elif step == PublicationStep.UNPUBLISH:
                services.unpublish(question=obj, by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))


@admin.register(ContactMessage)
class ContactMessageAdmin(ScopedAdminMixin, admin.ModelAdmin):
    list_display = ["subject", "name", "body", "received_at", "handled_at"]
    list_filter = [("body", admin.RelatedOnlyFieldListFilter), "received_at"]
    list_select_related = ["body"]
    search_fields = ["subject", "name"]
    date_hierarchy = "received_at"
    readonly_fields = [
        "name", "phone", "email", "subject", "text", "received_at", "handled_by",
        "contacts_erased_at",
    ]  # fmt: skip
    fields = [
        "subject", "text", "name", "phone", "email", "body", "received_at", "handled_at",
        "handled_by", "contacts_erased_at",
    ]  # fmt: skip

    def has_add_permission(self, request):
        return False

    def save_model(self, request, obj, form, change):
        if obj.handled_at and not obj.handled_by_id:
            obj.handled_by = request.user
        super().save_model(request, obj, form, change)
