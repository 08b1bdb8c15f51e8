"""The WSGI application: plain HTTP (API, admin, UI) for a WSGI server such as Gunicorn.

WebSockets need the ASGI application (``piflow_site.asgi``); a deployment may serve HTTP here
and ``/ws/`` with Daphne or Uvicorn.
"""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "piflow_site.settings")

application = get_wsgi_application()
