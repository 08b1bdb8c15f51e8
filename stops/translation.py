"""django-modeltranslation: which model fields exist once per language (``label_en``, ``label_zh_hans`` ...)."""

from modeltranslation.translator import TranslationOptions, register

from stops.models import StopGroup


@register(StopGroup)
class StopGroupTranslationOptions(TranslationOptions):
    fields = ("label", "description")
