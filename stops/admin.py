"""Admin of the stops app: operators translate and reword the palette's groups.

Groups come from the registry: ``services.sync_stop_groups`` gives each its row after every
``migrate`` (a newly installed package's groups appear once it ran), so none is added here and the
id (``name``) is read-only. Listing writes nothing. Editing a text marks the row ``customized``:
the engine's catalogue no longer replaces it. Unticking ``customized`` restores the built-in texts
at once.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin
from modeltranslation.settings import AVAILABLE_LANGUAGES
from modeltranslation.utils import build_localized_fieldname

from stops import services
from stops.models import StopGroup
from stops.selectors import stop_registry

_TEXT_FIELDS = {
    build_localized_fieldname(field, language)
    for field in services.TRANSLATED_FIELDS
    for language in AVAILABLE_LANGUAGES
}


@admin.register(StopGroup)
class StopGroupAdmin(TranslationAdmin):
    list_display = ("name", "label", "stop_count", "customized", "updated_at")
    list_filter = ("customized",)
    search_fields = ("name", *sorted(_TEXT_FIELDS))
    fields = ("name", "label", "description", "customized", "updated_at")
    readonly_fields = ("name", "updated_at")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    @admin.display(description=_("stops"))
    def stop_count(self, obj: StopGroup) -> int:
        return len(stop_registry().by_group().get(obj.name, ()))

    def save_model(self, request: HttpRequest, obj: StopGroup, form: Any, change: bool) -> None:
        edited = _TEXT_FIELDS & set(form.changed_data)
        if edited and "customized" not in form.changed_data:
            obj.customized = True
        super().save_model(request, obj, form, change)
        if not obj.customized:
            services.sync_stop_groups()  # back to the built-in texts now, not at the next migrate
