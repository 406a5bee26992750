from django.apps import AppConfig


class AwardsConfig(AppConfig):
    """Emulation and commendation: decisions and their recipients."""

    name = "awards"
    verbose_name = "Thi đua – Khen thưởng"

    def ready(self):
        from awards import desk
        from lsunion import desk as desks

        desks.register(desk.provide)
        from django.db.models.signals import post_delete, post_save

        from awards import sections as award_sections
        from awards.models import AwardForm, AwardTitle, Decision, Movement, Recipient
        from lsunion.cache import bump_on_change
        from organizations import sections

        for model in (AwardForm, AwardTitle, Movement, Decision, Recipient):
            post_save.connect(
                bump_on_change, sender=model, dispatch_uid=f"bump-save-{model.__name__}"
            )
            post_delete.connect(
                bump_on_change, sender=model, dispatch_uid=f"bump-delete-{model.__name__}"
            )

        from organizations import permissions

        permissions.register(
            permissions.Scoped(
                Decision,
                "issuing_body",
                publish_permission="awards.publish_decision",
                owner_fields=("issuing_body",),
            )
        )
        permissions.register(permissions.Scoped(Recipient, "decision__issuing_body"))

        from django.utils.translation import gettext_lazy

        from lsunion import citations

        citations.register_text(
            citations.CitingText(
                Decision,
                gettext_lazy("Quyết định khen thưởng"),
                lambda decision: decision.legal_basis,
                Decision.objects.published,
                order=30,
            )
        )

        from awards import search
        from lsunion.search import registry as search_registry

        search_registry.register(search.DECISIONS)
        search_registry.register(search.RECIPIENTS)

        sections.register(
            "body",
            sections.Section(
                "awards", "awards/sections/body_awards.html", award_sections.body_awards, 20
            ),
        )
        sections.register(
            "meeting",
            sections.Section(
                "awards", "awards/sections/meeting_awards.html", award_sections.meeting_awards, 20
            ),
        )
        sections.register(
            "block",
            sections.Section(
                "awards", "awards/sections/block_awards.html", award_sections.block_awards, 20
            ),
        )

        from django.utils.translation import gettext_lazy as _

        from lsunion import menu

        menu.register_section("awards:lookup", _("Khen thưởng"), 40)
        menu.register_section("awards:verify-form", _("Xác minh khen thưởng"), 45)
