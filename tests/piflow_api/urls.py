"""The site's URLs, plus PiFlow's flow API should ``piflow_site/urls.py`` not include it yet."""

from django.urls import include, path

from piflow_site.urls import urlpatterns as site_urlpatterns

_included = any(getattr(pattern, "app_name", None) == "piflow_api" for pattern in site_urlpatterns)

urlpatterns = list(site_urlpatterns) + ([] if _included else [path("", include("flows.piflow_urls"))])
