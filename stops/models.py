"""Models of the stops app: stop groups, whose labels and descriptions operators may translate.

Stops themselves live in the engine's registry, not in the database. A ``StopGroup`` row exists
for every group a registered stop declares (``services.sync_stop_groups``, run after every
``migrate``); its ``label`` and ``description`` are translated with django-modeltranslation
(``label_en``, ``label_zh_hans`` ..., see ``stops/translation.py``) and seeded from the engine's
catalogue (each group package's ``locale/``, see ``piflow.translations``). Reads do not need the
row: a group without one shows the engine's texts (``selectors.group_text``).
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class StopGroup(models.Model):
    """A palette group: ``name`` is the stable id stops and flows use; the rest is what people read."""

    name = models.CharField(
        _("name"),
        max_length=100,
        unique=True,
        help_text=_("The id stops declare, e.g. Common or Jdbc; never translated."),
    )
    label = models.CharField(_("label"), max_length=200, blank=True)
    description = models.TextField(_("description"), blank=True)
    customized = models.BooleanField(
        _("edited by an operator"),
        default=False,
        help_text=_(
            "Set when an operator edits the texts, so the built-in ones no longer replace them. "
            "Untick it to restore the built-in texts."
        ),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("stop group")
        verbose_name_plural = _("stop groups")

    def __str__(self) -> str:
        return self.name
