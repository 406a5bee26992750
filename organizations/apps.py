from django.apps import AppConfig


class OrganizationsConfig(AppConfig):
    """Union bodies, people, terms, positions and meetings: the foundation of the domain."""

    name = "organizations"
    verbose_name = "Tổ chức công đoàn"

    def ready(self):
        from django.db.models.signals import m2m_changed, post_delete, post_save
        from django.utils.translation import gettext_lazy

        from lsunion import citations
        from organizations.models import Meeting as CitingMeeting

        citations.register_text(
            citations.CitingText(
                CitingMeeting,
                gettext_lazy("Hội nghị"),
                lambda meeting: meeting.outcomes,
                CitingMeeting.objects.all,
                order=20,
            )
        )

        from lsunion.cache import bump_on_change, register_due_provider
        from lsunion.search import registry as search_registry
        from organizations import permissions, search
        from organizations.models import (
            BodyAffiliation,
            EmulationBlock,
            Meeting,
            MeetingAttendee,
            MeetingDocument,
            MemberFigure,
            Person,
            Position,
            Term,
            UnionBody,
        )

        for scoped in (
            permissions.Scoped(UnionBody, "pk", owner_fields=("parent",)),
            permissions.Scoped(Meeting, "organiser", owner_fields=("organiser",)),
            permissions.Scoped(Position, "body", owner_fields=("body",)),
            permissions.Scoped(Term, "body", owner_fields=("body",)),
            permissions.Scoped(MemberFigure, "body", owner_fields=("body",)),
            permissions.Scoped(EmulationBlock, "organiser", owner_fields=("organiser",)),
            # A person belongs to the scope of every body where they hold or held a position.
            permissions.Scoped(Person, "positions__body", many=True),
        ):
            permissions.register(scoped)

        for source in (search.BODIES, search.MEETINGS, search.PEOPLE):
            search_registry.register(source)
        from lsunion.search import vocabulary

        vocabulary.register_names(search.names)

        from lsunion import sitemaps
        from organizations.sitemaps import BlockSitemap, BodySitemap, MeetingSitemap

        sitemaps.register("to-chuc", BodySitemap)
        sitemaps.register("hoi-nghi", MeetingSitemap)
        sitemaps.register("khoi-thi-dua", BlockSitemap)

        from django.utils.translation import gettext_lazy as _

        from lsunion import menu

        menu.register_section("organizations:directory", _("Tổ chức công đoàn"), 10)
        menu.register_section("organizations:meeting-list", _("Hội nghị"), 20)
        menu.register_section("organizations:block-list", _("Khối, cụm thi đua"), 30)

        reader_visible = (
            UnionBody, BodyAffiliation, MemberFigure, EmulationBlock, Person, Term, Position,
            Meeting, MeetingAttendee, MeetingDocument,
        )  # fmt: skip
        for model in reader_visible:
            post_save.connect(
                bump_on_change, sender=model, dispatch_uid=f"bump-save-{model.__name__}"
            )
            post_delete.connect(
                bump_on_change, sender=model, dispatch_uid=f"bump-delete-{model.__name__}"
            )
        m2m_changed.connect(
            bump_on_change, sender=EmulationBlock.members.through, dispatch_uid="bump-block-members"
        )

        from organizations.reorganisation import next_change_time

        register_due_provider(next_change_time)
