from django.contrib import admin

from lsunion.models import Abbreviation


@admin.register(Abbreviation)
class AbbreviationAdmin(admin.ModelAdmin):
    list_display = ["short", "expansion", "is_active"]
    list_editable = ["is_active"]
    search_fields = ["short", "expansion"]
