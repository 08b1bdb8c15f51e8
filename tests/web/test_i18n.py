"""English and Simplified Chinese."""

from __future__ import annotations

from django.apps import apps
from django.utils import translation


def test_app_names_are_translated_to_simplified_chinese():
    # given
    flows = apps.get_app_config("flows")

    # when
    with translation.override("zh-hans"):
        chinese = str(flows.verbose_name)
    with translation.override("en"):
        english = str(flows.verbose_name)

    # then
    assert (english, chinese) == ("Flows", "流水线")


def test_set_language_switches_to_chinese(client):
    # when
    response = client.post("/i18n/setlang/", {"language": "zh-hans", "next": "/"})

    # then
    assert response.status_code == 302
    assert response.cookies["django_language"].value == "zh-hans"
