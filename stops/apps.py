from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StopsConfig(AppConfig):
    name = "stops"
    verbose_name = _("Stops")
