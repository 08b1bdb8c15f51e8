from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StopshubConfig(AppConfig):
    name = "stopshub"
    verbose_name = _("Stops hub")
